package data

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// The figures in docs/performance.md ("## Storage") come from
//
//	go test -tags migrated_fynedo -run '^$' -bench . -benchmem ./data/

// realSummary is what the application passes as Options.Summarize.
func realSummary(b testing.TB) func(*assessment.Assessment, assessment.Train) assessment.Summary {
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(b, err)
	return func(a *assessment.Assessment, t assessment.Train) assessment.Summary {
		return assessment.Summarize(assessment.Evaluate(defs, t, a))
	}
}

// BenchmarkSetAnswer saves one answer on the sample train's draft, as the
// coach does with each click: one transaction, committed with fsync, the
// stored summary marked stale for the real scoring to recompute when it is
// next read.
func BenchmarkSetAnswer(b *testing.B) {
	for _, c := range []struct {
		name    string
		summary bool
	}{{"with-summary", true}, {"without-summary", false}} {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			opts := Options{}
			if c.summary {
				opts.Summarize = realSummary(b)
			}
			s := openTemp(b, opts)
			_, id, err := s.AddSample(ctx, day(2026, 4, 20))
			must(b, err)
			must(b, s.ReopenAssessment(ctx, id))
			a, err := s.Assessment(ctx, id)
			must(b, err)
			items := sortedKeys(a.Answers)
			i := 0
			for b.Loop() {
				ans := a.Answers[items[i%len(items)]]
				ans.Rating = assessment.Rating(i%4 + 1)
				if err := s.SetAnswer(ctx, id, ans); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkLoadTrain reads a train with 20 finished assessments, each with
// its own snapshot of the sample roster and register and every answer.
func BenchmarkLoadTrain(b *testing.B) {
	ctx := context.Background()
	src := openTemp(b, Options{})
	_, id, err := src.AddSample(ctx, day(2026, 4, 20))
	must(b, err)
	first, err := src.Assessment(ctx, id)
	must(b, err)
	bundle, err := src.Export(ctx, []string{first.TrainID})
	must(b, err)
	tr := &bundle.Trains[0]
	for i := 1; i < 20; i++ {
		ba := tr.Assessments[0]
		ba.ID = NewID()
		ba.Date = formatTime(day(2026, 4, 20).AddDate(0, 0, -70*i))
		tr.Assessments = append(tr.Assessments, ba)
	}
	var buf bytes.Buffer
	_, err = bundle.WriteTo(&buf)
	must(b, err)
	s := openTemp(b, Options{})
	_, err = s.Import(ctx, &buf)
	must(b, err)

	for b.Loop() {
		if _, err := s.Train(ctx, first.TrainID); err != nil {
			b.Fatal(err)
		}
		all, err := s.Assessments(ctx, first.TrainID)
		if err != nil || len(all) != 20 {
			b.Fatalf("%d assessments, %v", len(all), err)
		}
	}
}

// BenchmarkBareUpsert is the reference: one row upserted in its own
// transaction on the same kind of connection (WAL, synchronous=FULL). What
// SetAnswer takes beyond this is the store's own work.
func BenchmarkBareUpsert(b *testing.B) {
	db, err := sql.Open("sqlite3", dsn(filepath.Join(b.TempDir(), "bare.db")))
	must(b, err)
	defer db.Close()
	_, err = db.Exec("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL, at TEXT NOT NULL) STRICT")
	must(b, err)
	i := 0
	for b.Loop() {
		if _, err := db.Exec("INSERT INTO kv (k, v, at) VALUES (?, ?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v, at = excluded.at",
			fmt.Sprintf("item-%d", i%40), i, time.Now().UTC().Format(timeFormat)); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// bigWorkshop is a draft of the sample train held as a workshop with 20
// participants who each voted on every item of the checklists, nothing yet
// revealed: the end of a long day's workshop.
func bigWorkshop(b *testing.B, s *Store, defs *assessment.Definitions) (string, []assessment.Participant, []string) {
	ctx := context.Background()
	_, id, err := s.AddSample(ctx, day(2026, 4, 20))
	must(b, err)
	must(b, s.ReopenAssessment(ctx, id))
	must(b, s.StartWorkshop(ctx, id, true))
	var items []string
	for _, c := range defs.Checklists {
		for _, it := range c.Items {
			items = append(items, it.ID)
		}
	}
	// The votes go in through the domain and one save, as an import of
	// response files would: 1,360 transactions would only time the fsync.
	var room []assessment.Participant
	err = s.write(ctx, "fill workshop", func(tx *sql.Tx) error {
		before, err := loadWorkshop(ctx, tx, id)
		if err != nil {
			return err
		}
		after := cloneWorkshop(before)
		for i := range 20 {
			p := assessment.Participant{ID: NewID(), Name: fmt.Sprintf("Participant %02d", i), Role: assessment.ParticipantRoles[i%len(assessment.ParticipantRoles)]}
			if err := after.AddParticipant(p); err != nil {
				return err
			}
			room = append(room, p)
			for j, item := range items {
				if err := after.Cast(p.ID, item, assessment.Rating((i+j)%3+2)); err != nil {
					return err
				}
			}
		}
		return saveWorkshop(ctx, tx, id, before, after)
	})
	must(b, err)
	return id, room, items
}

// BenchmarkCastVote records one vote in a workshop of 20 participants who
// have voted on every item (1,360 votes on 68 items): the whole workshop is read, the
// domain checks the vote, one row is written and committed.
func BenchmarkCastVote(b *testing.B) {
	ctx := context.Background()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(b, err)
	s := openTemp(b, Options{Summarize: realSummary(b), Definitions: defs})
	id, room, items := bigWorkshop(b, s, defs)
	i := 0
	for b.Loop() {
		v := assessment.Vote{ParticipantID: room[i%len(room)].ID, ItemID: items[i%len(items)], Rating: assessment.Rating(i%4 + 1)}
		if err := s.CastVote(ctx, id, v); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkLoadWorkshop reads that workshop's assessment in full, as the
// voting screen does after each vote.
func BenchmarkLoadWorkshop(b *testing.B) {
	ctx := context.Background()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(b, err)
	s := openTemp(b, Options{Definitions: defs})
	id, room, items := bigWorkshop(b, s, defs)
	for b.Loop() {
		a, err := s.Assessment(ctx, id)
		if err != nil || len(a.Workshop.Votes) != len(room)*len(items) {
			b.Fatalf("%v", err)
		}
	}
}

// BenchmarkImportResponses merges 20 response files, each voting on every
// item, into a fresh workshop: checks, merge and one commit.
func BenchmarkImportResponses(b *testing.B) {
	ctx := context.Background()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(b, err)
	s := openTemp(b, Options{Summarize: realSummary(b), Definitions: defs})
	_, sample, err := s.AddSample(ctx, day(2026, 4, 20))
	must(b, err)
	a, err := s.Assessment(ctx, sample)
	must(b, err)
	files := map[string][]byte{}
	for i := range 20 {
		ratings := map[string]assessment.Rating{}
		for _, c := range defs.Checklists {
			for j, it := range c.Items {
				ratings[it.ID] = assessment.Rating((i+j)%3 + 2)
			}
		}
		files[fmt.Sprintf("p%02d.json", i)] = answeredAlone(b, defs, assessment.Participant{Name: fmt.Sprintf("Participant %02d", i), Role: assessment.RoleDeveloperP}, ratings)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		draft := assessment.Assessment{TrainID: a.TrainID, Date: day(2026, 6, 1), ChecklistVersion: defs.Version}
		must(b, s.CreateAssessment(ctx, &draft))
		b.StartTimer()
		if _, err := s.ImportResponses(ctx, draft.ID, files); err != nil {
			b.Fatal(err)
		}
	}
}

// bigDraft stores a 12-team train (the sample's eight teams and four more
// like them, 121 people) with 300 impediments and a draft assessment with
// every answer of the sample's, and returns the draft.
func bigDraft(b *testing.B, s *Store) *assessment.Assessment {
	ctx := context.Background()
	train, roster, register, a := assessment.Sample(day(2026, 4, 20))
	roster = assessment.GrowRoster(roster, 12, 121)
	must(b, s.CreateTrain(ctx, &train))
	must(b, s.SaveRoster(ctx, train.ID, roster))
	for _, imp := range assessment.GrowRegister(register, 300, day(2026, 4, 20)) {
		must(b, s.SaveImpediment(ctx, train.ID, &imp))
	}
	a.ID, a.TrainID = "", train.ID
	must(b, s.CreateAssessment(ctx, &a))
	return &a
}

// BenchmarkSetAnswerBigDraft saves one answer as the app does, with the
// real scoring's summary kept, on the draft of a 12-team train with 300
// impediments: the save the coach makes with each click on a big train,
// to set beside BenchmarkBareUpsert. "save" is the write alone, which marks
// the summary stale; "save-and-refresh" adds the summary's recomputation
// that the next reader of summaries (the home screen) does first, the
// whole cost moved off the click.
func BenchmarkSetAnswerBigDraft(b *testing.B) {
	ctx := context.Background()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(b, err)
	s := openTemp(b, Options{Summarize: realSummary(b), SummaryRules: "bench", Definitions: defs})
	a := bigDraft(b, s)
	items := sortedKeys(a.Answers)
	for _, refresh := range []bool{false, true} {
		name := "save"
		if refresh {
			name = "save-and-refresh"
		}
		b.Run(name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				ans := a.Answers[items[i%len(items)]]
				ans.Rating = assessment.Rating(i%4 + 1)
				if err := s.SetAnswer(ctx, a.ID, ans); err != nil {
					b.Fatal(err)
				}
				if refresh {
					if _, err := s.freshSummaries(ctx); err != nil {
						b.Fatal(err)
					}
				}
				i++
			}
		})
	}
}
