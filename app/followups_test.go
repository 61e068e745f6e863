package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
)

// TestFollowUpsOnTheResultsScreen: a new assessment of the sample train
// shows last PI's agreed recommendations; the coach marks one done and drops
// another with a reason, each saved at once; dropping without a reason
// changes nothing.
func TestFollowUpsOnTheResultsScreen(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	ctx := context.Background()
	trains, err := store.Trains(ctx)
	if err != nil || len(trains) != 1 {
		t.Fatalf("trains %v %v", trains, err)
	}
	all, err := store.Assessments(ctx, trains[0].Train.ID)
	if err != nil {
		t.Fatal(err)
	}
	prev := all[len(all)-1]
	a := assessment.Assessment{TrainID: prev.TrainID, Date: prev.Date.AddDate(0, 0, 70), PI: assessment.NextPI(prev.PI, 1), ChecklistVersion: ui.defs.Version}
	if err := store.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	ui.openResults(a.TrainID, a.ID)
	settle(ui)
	rs := ui.top().(*resultsScreen)
	c := ui.win.Canvas()
	assertShows(t, c, "Since last PI")
	assertShows(t, c, "Of last PI's ")
	if len(rs.followUpCards) != len(a.FollowUps) || len(a.FollowUps) == 0 {
		t.Fatalf("%d follow-ups on screen, %d in the assessment", len(rs.followUpCards), len(a.FollowUps))
	}
	assertShows(t, c, "Not met by the data. The roster still shows: Nobody holds the System Architect role.")
	if os.Getenv("TRAINSCOPE_SCREENSHOTS") != "" {
		// go test -tags migrated_fynedo ./app -run TestFollowUpsOnTheResultsScreen with TRAINSCOPE_SCREENSHOTS=1
		w := test.NewWindow(rs.followUpsSection())
		w.Resize(fyne.NewSize(1100, w.Content().MinSize().Height+8))
		writeScreenshot(t, w.Canvas(), filepath.Join("..", "docs", "screenshots", "gui-followups.png"))
		w.Close()
	}

	first := rs.followUpCards[0]
	test.Tap(first.buttons[assessment.FollowUpDone])
	settle(ui)
	got, _ := store.Assessment(ctx, a.ID)
	if got.FollowUps[0].State != assessment.FollowUpDone {
		t.Errorf("done saved as %q", got.FollowUps[0].State)
	}

	// Dropping without a reason: refused with a message, nothing saved.
	test.Tap(rs.followUpCards[1].buttons[assessment.FollowUpDropped])
	rs.lastReasonEntry.SetText("   ")
	tap(t, ui, "Drop")
	assertShows(t, c, "say why it is dropped")
	got, _ = store.Assessment(ctx, a.ID)
	if got.FollowUps[1].State == assessment.FollowUpDropped {
		t.Error("dropped without a reason")
	}
	tap(t, ui, "Close")
	test.Tap(rs.followUpCards[1].buttons[assessment.FollowUpDropped])
	test.Type(rs.lastReasonEntry, "Replaced by the platform plan.")
	tap(t, ui, "Drop")
	got, _ = store.Assessment(ctx, a.ID)
	if got.FollowUps[1].State != assessment.FollowUpDropped || got.FollowUps[1].Reason != "Replaced by the platform plan." {
		t.Errorf("drop saved as %+v", got.FollowUps[1])
	}
	if !strings.Contains(rs.results.FollowThrough.Sentence(assessment.SAFe), "1 dropped") {
		t.Errorf("figures on screen: %s", rs.results.FollowThrough.Sentence(assessment.SAFe))
	}
}
