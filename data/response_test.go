package data

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// answeredAlone is what a participant does on their own machine: an
// ordinary assessment in their own Trainscope, answered as they see it,
// exported as their response file.
func answeredAlone(t testing.TB, defs *assessment.Definitions, p assessment.Participant, ratings map[string]assessment.Rating) []byte {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t, Options{Definitions: defs})
	tr := addTrain(t, s, "Our train")
	a := assessment.Assessment{TrainID: tr.ID, Date: day(2026, 5, 1), ChecklistVersion: defs.Version}
	must(t, s.CreateAssessment(ctx, &a))
	for _, id := range sortedKeys(ratings) {
		must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: id, Rating: ratings[id]}))
	}
	out, err := s.ExportResponse(ctx, a.ID, p)
	must(t, err)
	return out
}

func TestExportResponse(t *testing.T) {
	ctx := context.Background()
	defs := definitions(t)
	fit := defs.Checklist(assessment.ChecklistFit).Items
	s := openTemp(t, Options{Definitions: defs})
	tr := addTrain(t, s, "Our train")
	a := assessment.Assessment{TrainID: tr.ID, Date: day(2026, 5, 1), ChecklistVersion: defs.Version}
	must(t, s.CreateAssessment(ctx, &a))
	p := assessment.Participant{Name: " Dmitri Volkov ", Role: assessment.RoleDeveloperP}
	if _, err := s.ExportResponse(ctx, a.ID, p); err == nil || !strings.Contains(err.Error(), "has no answers to send") {
		t.Fatalf("a response with nothing answered: %v", err)
	}
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: fit[1].ID, Rating: 4, Note: "notes stay home"}))
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: fit[0].ID, Rating: assessment.NotApplicable}))
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: fit[2].ID, Note: "only a note"}))
	out, err := s.ExportResponse(ctx, a.ID, p)
	must(t, err)
	rf, err := DecodeResponse(out)
	must(t, err)
	if rf.Format != ResponseFormat || rf.Version != ResponseVersion || rf.Assessment != a.ID || rf.ChecklistVersion != defs.Version {
		t.Fatalf("response head: %+v", rf)
	}
	if rf.Participant.ID == "" || rf.Participant.Name != "Dmitri Volkov" || rf.Participant.Role != "developer" {
		t.Fatalf("participant: %+v", rf.Participant)
	}
	if want := []ResponseVote{{Item: fit[0].ID, Rating: -1}, {Item: fit[1].ID, Rating: 4}}; !equalVotes(rf.Votes, want) {
		t.Fatalf("votes %+v, want %+v", rf.Votes, want)
	}
	if bytes.Contains(out, []byte("notes stay home")) {
		t.Error("the coach's notes went into the response")
	}
	// The same participant exported twice keeps an id only when given one.
	p.ID = "fixed-id"
	out2, err := s.ExportResponse(ctx, a.ID, p)
	must(t, err)
	if !bytes.Contains(out2, []byte(`"id": "fixed-id"`)) {
		t.Errorf("a given id was not kept:\n%s", out2)
	}
	for _, bad := range []assessment.Participant{{Name: ""}, {Name: "X", Role: "chief"}} {
		if _, err := s.ExportResponse(ctx, a.ID, bad); err == nil {
			t.Errorf("ExportResponse(%+v) should be refused", bad)
		}
	}
	if _, err := s.ExportResponse(ctx, "nope", p); !errors.Is(err, ErrNotFound) {
		t.Errorf("ExportResponse of an unknown assessment: %v", err)
	}
}

func equalVotes(a, b []ResponseVote) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Two participants answer on their own machines; the coach imports both
// files into the workshop, and their votes join the room's.
func TestImportTwoResponsesMergesVotes(t *testing.T) {
	ctx := context.Background()
	s, a, defs := workshopStore(t)
	items := defs.Checklist(assessment.ChecklistRoles).Items
	ana := answeredAlone(t, defs, assessment.Participant{Name: "Ana Lima", Role: assessment.RoleScrumMasterP},
		map[string]assessment.Rating{items[0].ID: 2, items[1].ID: 3})
	bo := answeredAlone(t, defs, assessment.Participant{Name: "Bo Ek", Role: assessment.RoleBusinessOwnerP},
		map[string]assessment.Rating{items[0].ID: 4, items[2].ID: assessment.DontKnow})

	rep, err := s.ImportResponses(ctx, a.ID, map[string][]byte{"responses/bo.json": bo, "responses/ana.json": ana})
	must(t, err)
	if !rep.Started || len(rep.Merged) != 2 || rep.Merged[0].File != "responses/ana.json" || rep.Merged[0].Votes != 2 || rep.Merged[1].Shown != "Bo Ek" {
		t.Fatalf("report %+v", rep)
	}
	if want := "The assessment is now a workshop.\nMerged 2 responses with 4 votes:\n  responses/ana.json: Ana Lima, 2 votes\n  responses/bo.json: Bo Ek, 2 votes\n"; rep.String() != want {
		t.Errorf("report text:\n%s\nwant\n%s", rep, want)
	}
	w := loaded(t, s, a.ID).Workshop
	if w == nil || len(w.Participants) != 2 || len(w.Votes) != 4 || w.Participants[0].Name != "Ana Lima" {
		t.Fatalf("workshop after the import: %+v", w)
	}
	// Votes from files stay hidden like any others until the reveal.
	if _, ok := w.Spread(items[0].ID, len(items[0].Levels)); ok {
		t.Fatal("imported votes are visible before the reveal")
	}
	// A third person votes in the room; the coach reveals; all three count.
	cy := addRoom(t, s, a.ID, assessment.Participant{Name: "Cy Ørsted", Role: assessment.RoleDeveloperP})[0]
	must(t, s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: cy.ID, ItemID: items[0].ID, Rating: 4}))
	must(t, s.RevealItem(ctx, a.ID, items[0].ID))
	sp, ok := loaded(t, s, a.ID).Workshop.Spread(items[0].ID, len(items[0].Levels))
	if !ok || sp.Rated() != 3 || sp.Counts[1] != 1 || sp.Counts[3] != 2 {
		t.Fatalf("spread with the imported votes: %+v", sp)
	}
	// A later file merges into the workshop that is now there.
	dee := answeredAlone(t, defs, assessment.Participant{Name: "Dee", Role: assessment.RoleProductOwnerP}, map[string]assessment.Rating{items[0].ID: 5})
	rep, err = s.ImportResponses(ctx, a.ID, map[string][]byte{"dee.json": dee})
	must(t, err)
	if rep.Started || len(loaded(t, s, a.ID).Workshop.Participants) != 4 {
		t.Fatalf("second import: %+v", rep)
	}
}

// In an anonymous workshop the report names the participants by label.
func TestImportResponsesAnonymous(t *testing.T) {
	ctx := context.Background()
	s, a, defs := workshopStore(t)
	item := defs.Checklist(assessment.ChecklistFit).Items[0].ID
	must(t, s.StartWorkshop(ctx, a.ID, true))
	file := answeredAlone(t, defs, assessment.Participant{Name: "Ana Lima", Role: assessment.RoleFacilitatorP}, map[string]assessment.Rating{item: 3})
	rep, err := s.ImportResponses(ctx, a.ID, map[string][]byte{"a.json": file})
	must(t, err)
	if rep.Started || strings.Contains(rep.String(), "Ana") || !strings.Contains(rep.String(), "a.json: RTE 1, 1 vote\n") {
		t.Fatalf("report of an anonymous workshop:\n%s", rep)
	}
}

// response builds a response file by hand; each rejection case breaks it
// in one place.
func response(name string, votes ...any) map[string]any {
	vs := []any{}
	for i := 0; i+1 < len(votes); i += 2 {
		vs = append(vs, map[string]any{"item": votes[i], "rating": votes[i+1]})
	}
	return map[string]any{
		"format": "trainscope-response", "version": 1,
		"participant":       map[string]any{"id": "id-" + name, "name": name, "role": "developer"},
		"checklist_version": "2026.1", "assessment": "", "votes": vs,
	}
}

func TestImportResponsesRejections(t *testing.T) {
	ctx := context.Background()
	s, a, defs := workshopStore(t)
	fit := defs.Checklist(assessment.ChecklistFit).Items
	item, other := fit[0].ID, fit[1].ID
	top := len(fit[0].Levels)
	must(t, s.StartWorkshop(ctx, a.ID, false))
	addRoom(t, s, a.ID, assessment.Participant{ID: "id-Ana", Name: "Ana Lima", Role: assessment.RoleScrumMasterP})
	elsewhere := assessment.Assessment{TrainID: a.TrainID, Date: day(2026, 6, 1)}
	must(t, s.CreateAssessment(ctx, &elsewhere))
	finished := assessment.Assessment{TrainID: a.TrainID, Date: day(2026, 6, 2)}
	must(t, s.CreateAssessment(ctx, &finished))
	must(t, s.FinishAssessment(ctx, finished.ID))

	good := encode(response("Gus", item, 3))
	with := func(m map[string]any, path []any, v any) []byte { return encode(set(m, v, path...)) }
	cases := []struct {
		name  string
		files map[string][]byte
		want  string // the message after "nothing was changed: "
	}{
		{"malformed JSON", map[string][]byte{"good.json": good, "bad.json": []byte("{\n  \"format\": \"trainscope-response\",\n  \"votes\": [}\n")},
			`bad.json: line 3, column 13: not valid JSON`},
		{"cut short", map[string][]byte{"short.json": good[:40]}, "short.json: the file ends in the middle of the JSON"},
		{"not a response", map[string][]byte{"notes.json": []byte(`{"name": "my notes"}`)}, `notes.json: format: missing; a Trainscope response file says "format": "trainscope-response"`},
		{"wrong format", map[string][]byte{"x.json": with(response("Gus", item, 3), []any{"format"}, "trainscope-survey")}, `x.json: format: "trainscope-survey"`},
		{"a bundle", map[string][]byte{"b.json": encode(validBundle())}, "b.json: this is a bundle, not a response file; import it with trainscope import"},
		{"unknown version", map[string][]byte{"v.json": with(response("Gus", item, 3), []any{"version"}, 2)}, "v.json: version: 2 is not supported; this Trainscope reads version 1"},
		{"no version", map[string][]byte{"v.json": []byte(`{"format": "trainscope-response"}`)}, "v.json: version: missing"},
		{"misspelt field", map[string][]byte{"f.json": with(response("Gus", item, 3), []any{"participant", "rol"}, "x")}, "f.json: participant.rol: unknown field"},
		{"too large", map[string][]byte{"big.json": append(good, bytes.Repeat([]byte(" "), MaxResponseSize)...)}, "big.json: the file is larger than 1 MB"},
		{"unknown item", map[string][]byte{"good.json": good, "gus2.json": encode(response("Hana", item, 3, "no.such.item", 2))},
			`gus2.json: votes[1]: item "no.such.item" is not in checklist version 2026.2`},
		{"rating off the scale", map[string][]byte{"r.json": encode(response("Gus", item, top+1))}, `r.json: votes[0]: 6 is not a rating on the scale of item "` + item + `"`},
		{"rating zero", map[string][]byte{"r.json": encode(response("Gus", item, 0))}, "r.json: votes[0]: 0 is not a rating"},
		{"rating of the wrong type", map[string][]byte{"r.json": encode(response("Gus", item, "high"))}, "r.json: votes[0].rating: expected a whole number, found string"},
		{"two votes on an item", map[string][]byte{"r.json": encode(response("Gus", item, 3, other, 2, item, 4))}, `r.json: votes[2].item: a second vote for item "` + item + `" (the first is votes[0])`},
		{"no votes", map[string][]byte{"r.json": encode(response("Gus"))}, "r.json: votes: none"},
		{"no name", map[string][]byte{"r.json": with(response("Gus", item, 3), []any{"participant", "name"}, " ")}, "r.json: participant.name: missing"},
		{"unknown role", map[string][]byte{"r.json": with(response("Gus", item, 3), []any{"participant", "role"}, "chief")}, `r.json: participant.role: unknown role "chief"`},
		{"already in the workshop", map[string][]byte{"good.json": good, "ana.json": with(response("Ana2", item, 3), []any{"participant", "name"}, "ana lima")},
			`ana.json: "ana lima" is already in the workshop`},
		{"the same file again", map[string][]byte{"ana-again.json": encode(response("Ana", item, 3))}, `ana-again.json: participant "Ana" is already in the workshop`},
		{"one person in two files", map[string][]byte{"a.json": encode(response("Gus", item, 3)), "b.json": with(response("Gus2", other, 3), []any{"participant", "name"}, "GUS")},
			`b.json: participant "GUS" is also in a.json; each person answers once`},
		{"one id in two files", map[string][]byte{"a.json": encode(response("Gus", item, 3)), "b.json": with(response("Hana", other, 3), []any{"participant", "id"}, "id-Gus")},
			`b.json: participant "Hana" has the same id (id-Gus) as "Gus" in a.json, so they cannot be told apart`},
		{"another assessment's response", map[string][]byte{"good.json": good, "x.json": with(response("Hana", item, 3), []any{"assessment"}, elsewhere.ID)},
			"x.json: it answers another assessment in this database (" + elsewhere.ID + "), not this one"},
	}
	before := dbState(t, s)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := s.ImportResponses(ctx, a.ID, c.files)
			var re *ResponseError
			if !errors.As(err, &re) {
				t.Fatalf("ImportResponses: %v (report %+v), want a *ResponseError", err, rep)
			}
			const prefix = "the responses were not imported, nothing was changed: "
			if !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("message\n  %s\ndoes not say\n  %s%s", err, prefix, c.want)
			}
			if dbState(t, s) != before {
				t.Fatal("a refused import changed the database")
			}
		})
	}
	// A finished assessment takes no responses.
	if _, err := s.ImportResponses(ctx, finished.ID, map[string][]byte{"good.json": good}); !errors.Is(err, ErrFinal) {
		t.Fatalf("responses into a finished assessment: %v", err)
	}
	if _, err := s.ImportResponses(ctx, a.ID, nil); err == nil {
		t.Fatal("no files at all should be refused")
	}
	if dbState(t, s) != before {
		t.Fatal("a refused import changed the database")
	}
	// The files that were good all along are accepted, so each case failed
	// for its own reason; so is a response that names this very assessment.
	mine := with(response("Hana", item, 3), []any{"assessment"}, a.ID)
	if _, err := s.ImportResponses(ctx, a.ID, map[string][]byte{"good.json": good, "mine.json": mine}); err != nil {
		t.Fatalf("the good files: %v", err)
	}
}

func TestResponseNotesAnotherChecklistVersion(t *testing.T) {
	ctx := context.Background()
	s, a, defs := workshopStore(t)
	item := defs.Checklist(assessment.ChecklistFit).Items[0].ID
	rep, err := s.ImportResponses(ctx, a.ID, map[string][]byte{"old.json": encode(set(response("Gus", item, 3), "2025.9", "checklist_version"))})
	must(t, err)
	if !strings.Contains(rep.String(), "old.json: Gus, 1 vote (answered checklist version 2025.9; this assessment uses 2026.2)") {
		t.Fatalf("report:\n%s", rep)
	}
}

// Any bytes given as a response file either merge or are refused with a
// *ResponseError, and a refusal changes nothing.
func FuzzImportResponses(f *testing.F) {
	defs := definitions(f)
	item := defs.Checklist(assessment.ChecklistFit).Items[0].ID
	f.Add(encode(response("Gus", item, 3)))
	f.Add(encode(response("Gus", item, 3, item, 2)))
	f.Add(encode(response("Gus", "no.such.item", 3)))
	f.Add([]byte(`{"format":"trainscope-response","version":1,"participant":{"name":"X"},"votes":[{"item":"` + item + `","rating":-2}]}`))
	f.Add([]byte(`{"format":"trainscope-response","version":1,"participant":null,"votes":null}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"format":"trainscope-response","version":1,"participant":{"name":[[]]},"votes":[{}]}`))
	f.Add([]byte(`{"format":"trainscope-response","version":1,"participant":{"name":"X"},"votes":[{"item":[{}],"rating":[[]]}]}`))
	s, a, _ := workshopStore(f)
	ctx := context.Background()
	must(f, s.StartWorkshop(ctx, a.ID, false))
	before := dbState(f, s)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := s.ImportResponses(ctx, a.ID, map[string][]byte{"fuzz.json": data})
		if err == nil {
			before = dbState(t, s)
			return
		}
		var re *ResponseError
		if !errors.As(err, &re) {
			t.Fatalf("a refused response gave %T, not a *ResponseError: %v", err, err)
		}
		if dbState(t, s) != before {
			t.Fatalf("a refused response changed the database: %v", err)
		}
	})
}

// The response file's JSON is what docs/bundle-format.md shows.
func TestResponseFileShape(t *testing.T) {
	defs := definitions(t)
	item := defs.Checklist(assessment.ChecklistFit).Items[0].ID
	out := answeredAlone(t, defs, assessment.Participant{ID: "7d3f0c1e-5b1a-4c8e-9f2d-2a6b8c4e1f00", Name: "Ana Lima", Role: assessment.RoleScrumMasterP},
		map[string]assessment.Rating{item: 3})
	var m map[string]any
	must(t, json.Unmarshal(out, &m))
	for _, k := range []string{"format", "version", "participant", "checklist_version", "assessment", "votes"} {
		if _, ok := m[k]; !ok {
			t.Errorf("the response lacks %q:\n%s", k, out)
		}
	}
	if !bytes.HasPrefix(out, []byte("{\n  \"format\": \"trainscope-response\",\n  \"version\": 1,\n  \"participant\": {\n    \"id\": \"7d3f0c1e-5b1a-4c8e-9f2d-2a6b8c4e1f00\",\n    \"name\": \"Ana Lima\",\n    \"role\": \"scrum-master\"\n  },")) {
		t.Errorf("response layout:\n%s", out)
	}
}
