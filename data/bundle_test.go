package data

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
	"github.com/trainscope/trainscope/bundle"
)

// exportBytes is the bundle of every train as the export command writes it.
func exportBytes(t testing.TB, s *Store) []byte {
	t.Helper()
	b, err := s.Export(context.Background(), nil)
	must(t, err)
	var buf bytes.Buffer
	_, err = b.WriteTo(&buf)
	must(t, err)
	return buf.Bytes()
}

// dbState is everything a coach could see in the database, plus every row
// of every table (an anonymous workshop's names are not in the export), to
// prove a refused import changed nothing.
func dbState(t testing.TB, s *Store) string {
	t.Helper()
	must(t, s.RecomputeSummaries(context.Background())) // derived, recomputed when next read
	var b strings.Builder
	b.Write(exportBytes(t, s))
	rows, err := s.db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
	must(t, err)
	var tables []string
	for rows.Next() {
		var name string
		must(t, rows.Scan(&name))
		tables = append(tables, name)
	}
	rows.Close()
	for _, tb := range tables {
		fmt.Fprintf(&b, "== %s\n", tb)
		rows, err := s.db.Query("SELECT * FROM " + tb + " ORDER BY 1, 2, 3")
		if err != nil && strings.Contains(err.Error(), "out of range") {
			rows, err = s.db.Query("SELECT * FROM " + tb + " ORDER BY 1")
		}
		must(t, err)
		cols, err := rows.Columns()
		must(t, err)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			must(t, rows.Scan(ptrs...))
			fmt.Fprintf(&b, "%v\n", vals)
		}
		must(t, rows.Err())
		rows.Close()
	}
	return b.String()
}

// sampleStore is a store holding the sample train (its finished
// assessments, sampleFinished of them) plus a draft that still follows the
// live roster.
func sampleStore(t testing.TB) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	_, id, err := s.AddSample(ctx, day(2026, 4, 20))
	must(t, err)
	a, err := s.Assessment(ctx, id)
	must(t, err)
	draft := assessment.Assessment{TrainID: a.TrainID, Date: time.Date(2026, 6, 29, 10, 0, 0, 0, time.FixedZone("CEST", 2*3600)),
		PI: "PI 2026.3", Assessor: "Coach B", ChecklistVersion: a.ChecklistVersion}
	must(t, s.CreateAssessment(ctx, &draft))
	must(t, s.SetAnswer(ctx, draft.ID, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: assessment.DontKnow, Note: "=ask the RTE"}))
	return s
}

// sampleFinished is how many finished assessments the sample train comes
// with.
func sampleFinished() int {
	_, _, _, h := assessment.SampleHistory(day(2026, 4, 20))
	return len(h)
}

func TestBundleRoundTrip(t *testing.T) {
	ctx := context.Background()
	first := sampleStore(t)
	exported := exportBytes(t, first)

	second := openTemp(t, Options{Summarize: countingSummary})
	rep, err := second.Import(ctx, bytes.NewReader(exported))
	must(t, err)
	if len(rep.Added) != 2+sampleFinished() || len(rep.Updated) != 0 || len(rep.Skipped) != 0 {
		t.Fatalf("import into an empty database:\n%s", rep)
	}
	again := exportBytes(t, second)
	if !bytes.Equal(again, exported) {
		t.Fatalf("export → import → export differs:\n%s\n---\n%s", exported, again)
	}
	// The stored summaries were computed on import.
	trains, err := second.Trains(ctx)
	must(t, err)
	if len(trains) != 1 || trains[0].Assessments != sampleFinished()+1 || !trains[0].Latest.Summary.Known && trains[0].Latest.Summary.Score == 0 && len(trains[0].Latest.Summary.LevelName) == 0 {
		t.Fatalf("Trains after import: %+v", trains)
	}

	// Importing the same bundle again, here or at its origin, skips all.
	for _, s := range []*Store{first, second} {
		rep, err := s.Import(ctx, bytes.NewReader(exported))
		must(t, err)
		if len(rep.Skipped) != 2+sampleFinished() || len(rep.Added)+len(rep.Updated) != 0 {
			t.Fatalf("re-import:\n%s", rep)
		}
	}
	if !strings.Contains(rep.String(), "Trains: 1 added, 0 updated, 0 skipped") {
		t.Fatalf("report text:\n%s", rep)
	}
}

// Two coaches hold the same train; each bundle merges into the other's
// database by id instead of duplicating, and the copy changed last wins.
func TestBundleMergesByID(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)
	withClock(t, now)
	coachA := sampleStore(t)
	coachB := openTemp(t, Options{Summarize: countingSummary})
	_, err := coachB.Import(ctx, bytes.NewReader(exportBytes(t, coachA)))
	must(t, err)
	fromA := exportBytes(t, coachA)

	// Coach B works on the draft and the roster a minute later.
	coachB.now = func() time.Time { return now.Add(time.Minute) }
	trains, err := coachB.Trains(ctx)
	must(t, err)
	tr := trains[0]
	must(t, coachB.SetAnswer(ctx, tr.Latest.ID, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: 4}))
	roster, err := coachB.Roster(ctx, tr.Train.ID)
	must(t, err)
	roster.People = append(roster.People, assessment.Person{ID: NewID(), Name: "New Person"})
	must(t, coachB.SaveRoster(ctx, tr.Train.ID, roster))

	rep, err := coachA.Import(ctx, bytes.NewReader(exportBytes(t, coachB)))
	must(t, err)
	if len(rep.Updated) != 2 || len(rep.Skipped) != sampleFinished() || len(rep.Added) != 0 {
		t.Fatalf("coach B's bundle into coach A's database:\n%s", rep)
	}
	if got, want := exportBytes(t, coachA), exportBytes(t, coachB); !bytes.Equal(got, want) {
		t.Fatal("after the merge the two databases differ")
	}
	a, err := coachA.Assessment(ctx, tr.Latest.ID)
	must(t, err)
	if a.Answers["fit.shared-product.v1"].Rating != 4 || len(a.Roster.People) != len(roster.People) {
		t.Fatal("coach A did not get coach B's answer and roster")
	}
	if all, _ := coachA.Trains(ctx); len(all) != 1 {
		t.Fatalf("%d trains after merging the same train", len(all))
	}

	// Coach A's older bundle does not undo coach B's work.
	rep, err = coachB.Import(ctx, bytes.NewReader(fromA))
	must(t, err)
	if len(rep.Skipped) != 2+sampleFinished() || !strings.Contains(rep.String(), "made from this one and changed since") {
		t.Fatalf("an older bundle:\n%s", rep)
	}
}

// validBundle is a small bundle each rejection case breaks in one place.
func validBundle() map[string]any {
	var m map[string]any
	b := `{
  "format": "trainscope-bundle",
  "version": 1,
  "trains": [{
    "id": "11111111-1111-4111-8111-111111111111",
    "name": "Payments", "framework": "SAFe", "description": "",
    "created_at": "2026-01-01T09:00:00Z", "updated_at": "2026-03-01T09:00:00Z",
    "value_stream_map": true, "required_skills": [],
    "people": [{"id": "p1", "name": "Ana", "contractor": false}, {"id": "p2", "name": "Bo", "contractor": true}],
    "roles": [{"role": "facilitator", "person": "p1"}],
    "teams": [
      {"id": "t1", "name": "Falcon", "scrum_master": "p1", "product_owner": "p2", "developers": ["p2"], "skills": []},
      {"id": "t2", "name": "Heron", "scrum_master": "", "product_owner": "", "developers": [], "skills": []},
      {"id": "t3", "name": "Ibis", "scrum_master": "p2", "product_owner": "", "developers": [], "skills": []}
    ],
    "impediments": [{"id": "i1", "title": "Env down", "description": "", "level": "art", "team": "t1", "owner": "Ana",
      "status": "open", "roam": "", "raised": "2026-01-10T00:00:00Z", "resolved": "", "escalated": false, "recurrence_of": ""}],
    "assessments": [{
      "id": "22222222-2222-4222-8222-222222222222", "date": "2026-03-01T00:00:00Z", "pi": "PI 2026.1", "assessor": "Coach",
      "status": "draft", "checklist_version": "2026.1", "pi_weeks": 10,
      "created_at": "2026-03-01T09:00:00Z", "updated_at": "2026-03-01T10:00:00Z", "snapshot": null,
      "answers": [{"item": "fit.a", "rating": 3, "figure": null, "note": "", "evidence": "", "updated_at": "2026-03-01T10:00:00Z"}],
      "notes": [], "recommendation_edits": [], "recommendations": []
    }]
  }]
}`
	if err := json.Unmarshal([]byte(b), &m); err != nil {
		panic(err)
	}
	return m
}

// at walks a decoded JSON value: at(m, "trains", 0, "teams", 2).
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

func set(m map[string]any, value any, path ...any) map[string]any {
	parent := at(m, path[:len(path)-1]...)
	switch k := path[len(path)-1].(type) {
	case string:
		parent.(map[string]any)[k] = value
	case int:
		parent.([]any)[k] = value
	}
	return m
}

func encode(m map[string]any) []byte {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err)
	}
	return b
}

// hugeReader yields n bytes of a JSON string without holding them.
type hugeReader struct{ n, off int64 }

func (h *hugeReader) Read(p []byte) (int, error) {
	if h.off >= h.n {
		return 0, io.EOF
	}
	k := min(int64(len(p)), h.n-h.off)
	for i := range k {
		p[i] = ' '
	}
	h.off += k
	return int(k), nil
}

func TestImportRejections(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	// The bundle's first train is new here, so a refusal after it proves
	// the whole import rolled back.
	other := exportBytes(t, s)
	var sample Bundle
	must(t, json.Unmarshal(other, &sample))
	sampleAssessment := sample.Trains[0].Assessments[0].ID

	cases := []struct {
		name string
		data func() io.Reader
		want string
	}{
		{"malformed JSON", func() io.Reader {
			return strings.NewReader("{\n  \"format\": \"trainscope-bundle\",\n  \"version\": 1,\n  \"trains\": [}\n")
		}, "line 4, column 14: not valid JSON: invalid character '}' looking for beginning of value"},
		{"cut short", func() io.Reader { return bytes.NewReader(encode(validBundle())[:200]) }, "the file ends in the middle of the JSON"},
		{"not a bundle", func() io.Reader { return strings.NewReader(`{"name": "my notes"}`) }, `format: missing; a Trainscope bundle says "format": "trainscope-bundle"`},
		{"unknown version", func() io.Reader { return bytes.NewReader(encode(set(validBundle(), 2, "version"))) },
			"version: 2 is not supported; this Trainscope reads version 1"},
		{"one value too large", func() io.Reader {
			return io.MultiReader(strings.NewReader(`{"format":"trainscope-bundle","version":1,"trains":[],"x":"`), &hugeReader{n: bundle.MaxTrainSize + 1<<20})
		},
			"x: more than 64 MB in one value"},
		{"dangling Scrum Master", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), "ghost", "trains", 0, "teams", 2, "scrum_master")))
		}, `trains[0].teams[2].scrum_master: unknown person "ghost"`},
		{"dangling role holder", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), "ghost", "trains", 0, "roles", 0, "person")))
		}, `trains[0].roles[0].person: unknown person "ghost"`},
		{"dangling developer in a snapshot", func() io.Reader {
			m := validBundle()
			tr := at(m, "trains", 0).(map[string]any)
			snap := map[string]any{"value_stream_map": false, "required_skills": []any{}, "people": []any{}, "roles": []any{},
				"teams": []any{map[string]any{"id": "t1", "name": "Falcon", "developers": []any{"p9"}}}, "impediments": []any{}}
			set(m, snap, "trains", 0, "assessments", 0, "snapshot")
			_ = tr
			return bytes.NewReader(encode(m))
		}, `trains[0].assessments[0].snapshot.teams[0].developers[0]: unknown person "p9"`},
		{"duplicate person", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), "p1", "trains", 0, "people", 1, "id")))
		}, `trains[0].people[1].id: duplicate id "p1"`},
		{"duplicate train", func() io.Reader {
			m := validBundle()
			trains := at(m, "trains").([]any)
			var copyTrain map[string]any
			must(t, json.Unmarshal(encode(trains[0].(map[string]any)), &copyTrain))
			copyTrain["assessments"] = []any{}
			return bytes.NewReader(encode(set(m, append(trains, copyTrain), "trains")))
		}, `trains[1].id: duplicate id "11111111-1111-4111-8111-111111111111"`},
		{"duplicate answer", func() io.Reader {
			m := validBundle()
			ans := at(m, "trains", 0, "assessments", 0, "answers").([]any)
			return bytes.NewReader(encode(set(m, append(ans, ans[0]), "trains", 0, "assessments", 0, "answers")))
		}, `trains[0].assessments[0].answers[1].item: duplicate item "fit.a"`},
		{"assessment of another train here", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), sampleAssessment, "trains", 0, "assessments", 0, "id")))
		}, `trains[0].assessments[0].id: assessment "` + sampleAssessment + `" belongs to another train here`},
		{"rating out of range", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), -3, "trains", 0, "assessments", 0, "answers", 0, "rating")))
		}, `trains[0].assessments[0].answers[0].rating: -3 is not a rating`},
		{"rating of the wrong type", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), "high", "trains", 0, "assessments", 0, "answers", 0, "rating")))
		}, `trains[0].assessments[0].answers[0].rating: expected a whole number, found string`},
		{"unknown status", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), "done", "trains", 0, "assessments", 0, "status")))
		}, `trains[0].assessments[0].status: unknown status "done"`},
		{"final without snapshot", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), "final", "trains", 0, "assessments", 0, "status")))
		}, `trains[0].assessments[0].snapshot: missing`},
		{"bad date", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), "1 March", "trains", 0, "assessments", 0, "date")))
		}, `trains[0].assessments[0].date: "1 March" is not a time`},
		{"unknown framework", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), "Kanban", "trains", 0, "framework")))
		}, `trains[0].framework: unknown framework "Kanban"`},
		{"unknown impediment level", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), "company", "trains", 0, "impediments", 0, "level")))
		}, `trains[0].impediments[0].level: unknown level "company"`},
		{"unknown role", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), "chief", "trains", 0, "roles", 0, "role")))
		}, `trains[0].roles[0].role: unknown role "chief"`},
		{"empty train name", func() io.Reader {
			return bytes.NewReader(encode(set(validBundle(), " ", "trains", 0, "name")))
		}, `trains[0].name: a train needs a name`},
		{"vote by a stranger", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) { set(w, "ghost", "votes", 0, "participant") })))
		}, `trains[0].assessments[0].workshop.votes[0].participant: unknown participant "ghost"`},
		{"two participants of one name", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) { set(w, "ana", "participants", 1, "name") })))
		}, `trains[0].assessments[0].workshop.participants[1]: "ana" is already in the workshop`},
		{"two participants of one id", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) { set(w, "w1", "participants", 1, "id") })))
		}, `trains[0].assessments[0].workshop.participants[1]: participant "Bo" is already in the workshop`},
		{"unknown participant role", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) { set(w, "chief", "participants", 0, "role") })))
		}, `trains[0].assessments[0].workshop.participants[0].role: unknown role "chief"`},
		{"participant without a role", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) { set(w, "", "participants", 0, "role") })))
		}, `trains[0].assessments[0].workshop.participants[0].role: missing`},
		{"empty vote", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) { set(w, 0, "votes", 1, "rating") })))
		}, `trains[0].assessments[0].workshop.votes[1].rating: 0 is not a rating`},
		{"two votes of one participant on one item", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) { set(w, "fit.a", "votes", 2, "item") })))
		}, `trains[0].assessments[0].workshop.votes[2]: a second vote of participant "w2" on item "fit.a"`},
		{"an item revealed twice", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) { set(w, []any{"fit.a", "fit.a"}, "revealed") })))
		}, `trains[0].assessments[0].workshop.revealed[1]: duplicate item "fit.a"`},
		{"an observation off the range", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) { set(w, -3, "observations", 0, "rating") })))
		}, `trains[0].assessments[0].workshop.observations[0].rating: -3 is not a rating`},
		{"two observations of one item", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) {
				set(w, append(at(w, "observations").([]any), map[string]any{"item": "fit.a", "rating": 2}), "observations")
			})))
		}, `trains[0].assessments[0].workshop.observations[1].item: duplicate item "fit.a"`},
		{"misspelt workshop field", func() io.Reader {
			return bytes.NewReader(encode(withWorkshop(func(w map[string]any) { w["anonymus"] = true })))
		}, `trains[0].assessments[0].workshop.anonymus: unknown field`},
		{"misspelt field", func() io.Reader {
			m := validBundle()
			team := at(m, "trains", 0, "teams", 1).(map[string]any)
			team["scrum_mastr"] = "p1"
			return bytes.NewReader(encode(m))
		}, `trains[0].teams[1].scrum_mastr: unknown field`},
	}
	before := dbState(t, s)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := s.Import(ctx, c.data())
			var be *BundleError
			if !errors.As(err, &be) {
				t.Fatalf("Import: %v (report %v), want a *BundleError", err, rep)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("message\n  %s\ndoes not say\n  %s", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), "the bundle was not imported, nothing was changed: ") {
				t.Fatalf("message does not say nothing changed: %s", err)
			}
			if after := dbState(t, s); after != before {
				t.Fatal("a refused import changed the database")
			}
		})
	}
	// The valid bundle itself is accepted, so each case failed for its own
	// reason; so is its valid workshop.
	if _, err := s.Import(ctx, bytes.NewReader(encode(withWorkshop(func(map[string]any) {})))); err != nil {
		t.Fatalf("the valid bundle: %v", err)
	}
}

// withWorkshop is the valid bundle with a workshop on its assessment,
// changed by change.
func withWorkshop(change func(w map[string]any)) map[string]any {
	m := validBundle()
	w := map[string]any{"anonymous": false,
		"participants": []any{map[string]any{"id": "w1", "name": "Ana", "role": "scrum-master"},
			map[string]any{"id": "w2", "name": "Bo", "role": "developer"}},
		"votes": []any{map[string]any{"participant": "w1", "item": "fit.a", "rating": 2}, map[string]any{"participant": "w2", "item": "fit.a", "rating": -2},
			map[string]any{"participant": "w2", "item": "fit.b", "rating": 5}},
		"revealed":     []any{"fit.a"},
		"observations": []any{map[string]any{"item": "fit.a", "rating": 1}}}
	change(w)
	return set(m, w, "trains", 0, "assessments", 0, "workshop")
}

// The seed corpus holds the sample bundle and broken variants of it; run
// with -fuzz=FuzzImport to look further.
func FuzzImport(f *testing.F) {
	f.Add(encode(validBundle()))
	// Once panics in the unknown-field locator: a list where a value belongs.
	for _, v := range []string{`[[]]`, `[{}]`, `[[[1]]]`} {
		f.Add(bytes.Replace(encode(validBundle()), []byte(`"name": "Payments"`), []byte(`"name": `+v), 1))
	}
	f.Add([]byte("\xef\xbb\xbf" + string(encode(validBundle()))))
	f.Add([]byte(`{"format":"trainscope-bundle","version":1,"trains":[{"id":"x","name":"\u0000"}]}`))
	s := openTemp(f, Options{Summarize: countingSummary})
	ctx := context.Background()
	// Only an accepted bundle may change the database, so the state to
	// compare with is taken again only after one.
	before := dbState(f, s)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := s.Import(ctx, bytes.NewReader(data))
		if err == nil {
			before = dbState(t, s)
			return
		}
		var be *BundleError
		if !errors.As(err, &be) {
			t.Fatalf("a refused bundle gave %T, not a *BundleError: %v", err, err)
		}
		if dbState(t, s) != before {
			t.Fatalf("a refused bundle changed the database: %v", err)
		}
	})
}

// TestWriteFuzzCorpus rewrites the checked-in seed corpus from the sample:
// TRAINSCOPE_WRITE_CORPUS=1 go test -tags migrated_fynedo -run TestWriteFuzzCorpus ./data/
func TestWriteFuzzCorpus(t *testing.T) {
	if os.Getenv("TRAINSCOPE_WRITE_CORPUS") == "" {
		t.Skip("set TRAINSCOPE_WRITE_CORPUS=1 to rewrite testdata/fuzz/FuzzImport")
	}
	// Small seeds: the fuzzer mutates and minimises each one thousands of
	// times, and the full sample bundle (70 kB) would starve it.
	valid := encode(validBundle())
	final := validBundle()
	set(final, "final", "trains", 0, "assessments", 0, "status")
	set(final, map[string]any{"value_stream_map": false, "required_skills": []any{"Testing"},
		"people": []any{map[string]any{"id": "p1", "name": "Ana", "contractor": false}},
		"roles":  []any{map[string]any{"role": "agile-coach", "person": "p1"}}, "teams": []any{},
		"impediments": []any{map[string]any{"id": "i1", "title": "Env", "description": "", "level": "team", "team": "", "owner": "",
			"status": "resolved", "roam": "owned", "raised": "2026-01-01T00:00:00+01:00", "resolved": "2026-02-01T00:00:00+01:00",
			"escalated": true, "recurrence_of": ""}}}, "trains", 0, "assessments", 0, "snapshot")
	set(final, []any{map[string]any{"checklist": "facilitator-fit", "note": "noted"}}, "trains", 0, "assessments", 0, "notes")
	set(final, []any{map[string]any{"recommendation": "RG-03/x", "status": "accepted", "finding": "", "action": "", "acceptance": "",
		"owner": "", "target_pi": "", "priority": 1}}, "trains", 0, "assessments", 0, "recommendation_edits")
	set(final, []any{map[string]any{"id": "coach/1", "finding": "f", "action": "a", "priority": 2, "owner": "LACE", "escalation": "lace",
		"acceptance": "", "target_pi": "", "status": "proposed", "evidence": []any{map[string]any{"kind": "figure", "ref": "x", "text": "y"}}}},
		"trains", 0, "assessments", 0, "recommendations")
	workshop := validBundle()
	set(workshop, map[string]any{"anonymous": true,
		"participants": []any{map[string]any{"id": "w1", "name": "Scrum Master 1", "role": "scrum-master"},
			map[string]any{"id": "w2", "name": "Developer 1", "role": "developer"}},
		"votes": []any{map[string]any{"participant": "w1", "item": "fit.a", "rating": 2}, map[string]any{"participant": "w2", "item": "fit.a", "rating": -2},
			map[string]any{"participant": "w2", "item": "fit.b", "rating": 5}},
		"revealed":     []any{"fit.a"},
		"observations": []any{map[string]any{"item": "fit.a", "rating": 1}}}, "trains", 0, "assessments", 0, "workshop")
	strangers := validBundle()
	set(strangers, map[string]any{"anonymous": false, "participants": []any{}, "revealed": []any{}, "observations": []any{},
		"votes": []any{map[string]any{"participant": "ghost", "item": "fit.a", "rating": 2}}}, "trains", 0, "assessments", 0, "workshop")
	seeds := map[string][]byte{
		"valid-workshop":    encode(workshop),
		"workshop-stranger": encode(strangers),
		"valid-draft":       valid,
		"valid-final":       encode(final),
		"cut-short":         valid[:len(valid)/2],
		"version-2":         bytes.Replace(valid, []byte(`"version": 1`), []byte(`"version": 2`), 1),
		"dangling-person":   encode(set(validBundle(), "ghost", "trains", 0, "teams", 0, "product_owner")),
		"wrong-types":       []byte(`{"format":"trainscope-bundle","version":1,"trains":[{"id":7,"people":{},"assessments":[{"answers":[{"rating":"x"}]}]}]}`),
		"empty":             {},
		"null-lists":        []byte(`{"format":"trainscope-bundle","version":1,"trains":[{"id":"a","name":"A","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","people":null,"assessments":null}]}`),
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzImport")
	must(t, os.MkdirAll(dir, 0o755))
	for name, data := range seeds {
		content := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
}

// TestExportCSV: the store loads every assessment of every train, with its
// answers and notes, for the CSV (whose rows report.CSV writes and tests).
func TestExportCSV(t *testing.T) {
	ctx := context.Background()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(t, err)
	s := sampleStore(t)
	var buf bytes.Buffer
	must(t, s.ExportCSV(ctx, &buf, defs, nil))
	out := buf.String()
	if !strings.HasPrefix(out, "train,train_id,assessment_id,") {
		t.Fatalf("no header: %.80s", out)
	}
	for _, want := range []string{",answer,", ",checklist,", ",dimension,", ",overall,", ",level,", ",verdict,", "'=ask the RTE", "don't know"} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q", want)
		}
	}
	items := 0
	for _, c := range defs.Checklists {
		items += len(c.Items)
	}
	if n := strings.Count(out, ",answer,"); n < 2*items {
		t.Errorf("%d answer rows for 2 assessments of %d items", n, items)
	}
}
