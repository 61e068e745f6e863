package app

import (
	"context"
	"fmt"
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
	base := len(roster.Teams)
	for i := 0; len(roster.Teams) < 12; i++ {
		src := roster.Teams[i%base]
		team := assessment.Team{ID: fmt.Sprintf("extra-team-%d", i), Name: fmt.Sprintf("Extra %d", i+1), Skills: src.Skills}
		for j := range 8 {
			p := assessment.Person{ID: fmt.Sprintf("extra-%d-%d", i, j), Name: fmt.Sprintf("Person %d-%d", i, j)}
			roster.People = append(roster.People, p)
			switch j {
			case 0:
				team.ScrumMasterID = p.ID
			case 1:
				team.ProductOwnerID = p.ID
			default:
				team.DeveloperIDs = append(team.DeveloperIDs, p.ID)
			}
		}
		roster.Teams = append(roster.Teams, team)
	}
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
