package app

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// twelveTeamTrain stores a 12-team train (the sample's eight teams and four
// more like them) with two finished assessments, the second with every
// item answered, and returns the train's and the latest assessment's IDs.
func twelveTeamTrain(tb testing.TB, store *data.Store, defs *assessment.Definitions) (string, string) {
	tb.Helper()
	ctx := context.Background()
	train, roster, register, a := assessment.Sample(testDay)
	train.Name = "Twelve-team ART"
	roster = assessment.GrowRoster(roster, 12, 0)
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(store.CreateTrain(ctx, &train))
	must(store.SaveRoster(ctx, train.ID, roster))
	for i := range register {
		must(store.SaveImpediment(ctx, train.ID, &register[i]))
	}
	first := a
	first.TrainID, first.ID = train.ID, ""
	first.Date = testDay.AddDate(0, -3, 0)
	must(store.CreateAssessment(ctx, &first))
	must(store.FinishAssessment(ctx, first.ID))
	second := a
	second.TrainID, second.ID, second.PI = train.ID, "", assessment.NextPI(a.PI, 1)
	second.Answers = map[string]assessment.Answer{}
	for _, cl := range defs.Checklists {
		for k, it := range cl.Items {
			second.Answers[it.ID] = assessment.Answer{ItemID: it.ID, Rating: assessment.Rating(1 + k%len(it.Levels))}
		}
	}
	must(store.CreateAssessment(ctx, &second))
	must(store.FinishAssessment(ctx, second.ID))
	return train.ID, second.ID
}

// BenchmarkOpenResults12Teams measures opening the results screen of a
// 12-team train: reading its assessments, evaluating this one and the one
// before, and building every section of the screen.
func BenchmarkOpenResults12Teams(b *testing.B) {
	ui, store := newTestUI(b)
	trainID, id := twelveTeamTrain(b, store, ui.defs)
	ui.openTrain(trainID)
	settle(ui)
	b.ResetTimer()
	for b.Loop() {
		ui.openResults(trainID, id)
		settle(ui)
	}
	b.StopTimer()
	rs := ui.top().(resultsPage)
	if len(rs.Results().Recommendations) == 0 || rs.Previous() == nil {
		b.Fatalf("results incomplete: %d recommendations, previous %v", len(rs.Results().Recommendations), rs.Previous() != nil)
	}
}

// BenchmarkAnswerKey12Teams measures one key press on the checklist screen
// of a 12-team train: the level chosen, every score, the level and the
// verdict computed again, the screen updated, and the answer written to the
// database and confirmed.
func BenchmarkAnswerKey12Teams(b *testing.B) {
	ui, store := newTestUI(b)
	trainID, id := twelveTeamTrain(b, store, ui.defs)
	if err := store.ReopenAssessment(context.Background(), id); err != nil {
		b.Fatal(err)
	}
	ui.openAssessment(trainID, id)
	settle(ui)
	as := ui.top().(checklistPage)
	keys := []rune{'1', '2', '3', '4', '5'}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		as.KeyTarget().TypedRune(keys[i%len(keys)])
		settle(ui)
		i++
	}
	b.StopTimer()
	if !strings.HasPrefix(ui.status.Text(), "Saved") {
		b.Fatalf("status after answering: %q", ui.status.Text())
	}
}

// BenchmarkStartToHome measures building the window and showing the home
// screen's trains on the sample database, on the test driver (no GPU).
func BenchmarkStartToHome(b *testing.B) {
	defs := loadDefs(b)
	store := openStore(b, defs)
	withSample(store)
	for b.Loop() {
		a := test.NewApp()
		ui := NewUI(a, store, defs)
		ui.bg.wait()
		if len(ui.home.Trains()) != 1 {
			b.Fatal("home did not list the sample")
		}
		ui.bg.close()
		ui.win.Close()
	}
}

// homeTrains is how many trains BenchmarkGoHome's database holds.
const homeTrains = 500

// BenchmarkGoHome measures going Home from a train's screen on a database
// of 500 sample trains (each with the sample's history of assessments):
// the home screen read again and shown. "nothing-changed" goes Home after
// only looking at a train; "one-answer-saved" after an answer was saved on
// a draft in between, so one train's latest summary differs.
//
//	go test -tags migrated_fynedo ./app/ -run '^$' -bench GoHome -benchmem -count 6 -timeout 30m
func BenchmarkGoHome(b *testing.B) {
	ctx := context.Background()
	ui, store := newTestUI(b, func(s *data.Store) {
		for range homeTrains {
			withSample(s)
		}
	})
	settle(ui)
	trains := ui.home.Trains()
	if len(trains) != homeTrains {
		b.Fatalf("home lists %d trains, want %d", len(trains), homeTrains)
	}
	draft := trains[0].Latest
	if err := store.ReopenAssessment(ctx, draft.ID); err != nil {
		b.Fatal(err)
	}
	a, err := store.Assessment(ctx, draft.ID)
	if err != nil {
		b.Fatal(err)
	}
	items := slices.Sorted(maps.Keys(a.Answers))
	for _, c := range []struct {
		name   string
		answer bool
	}{{"nothing-changed", false}, {"one-answer-saved", true}} {
		b.Run(c.name, func(b *testing.B) {
			var want float64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				ui.openTrain(draft.TrainID)
				settle(ui)
				if c.answer {
					ans := a.Answers[items[i%len(items)]]
					ans.Rating = assessment.Rating(i%4 + 1)
					if err := store.SetAnswer(ctx, draft.ID, ans); err != nil {
						b.Fatal(err)
					}
					a.Answers[ans.ItemID] = ans
					want = assessment.Summarize(assessment.Evaluate(ui.defs, trains[0].Train, a)).Score
				}
				b.StartTimer()
				ui.goHome()
				settle(ui)
			}
			b.StopTimer()
			if n := len(ui.home.Trains()); n != homeTrains {
				b.Fatalf("home lists %d trains after going Home, want %d", n, homeTrains)
			}
			if c.answer {
				for _, t := range ui.home.Trains() {
					if t.Train.ID == draft.TrainID && t.Latest.Summary.Score != want {
						b.Fatalf("home shows the draft's score %v, want %v", t.Latest.Summary.Score, want)
					}
				}
			}
		})
	}
}
