package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// TestOverdueBadges: once the target PIs of the sample's agreed
// recommendations have ended, the train and home screens badge them, with
// those overdue a second PI escalated; the next assessment's step closes
// two of them (one done, one dropped with a reason) and the badges count
// two fewer.
func TestOverdueBadges(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	ctx := context.Background()
	ui.now = func() time.Time { return testDay.AddDate(0, 0, 141) } // two PIs of ten weeks later
	c := ui.win.Canvas()
	trains, err := store.Trains(ctx)
	if err != nil || len(trains) != 1 {
		t.Fatalf("trains %v %v", trains, err)
	}
	tr := trains[0].Train
	owed := func() []assessment.FollowUpResult {
		t.Helper()
		all, err := store.Assessments(ctx, tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		return assessment.Owed(ui.defs, tr, all, ui.now())
	}
	before := owed()
	if len(before) < 3 {
		t.Fatalf("%d follow-ups overdue two PIs after the sample; the test needs three", len(before))
	}
	badge := assessment.OverdueBadge(before, tr.Framework)
	if !strings.HasPrefix(badge, fmt.Sprintf("%d follow-ups overdue, ", len(before))) || !strings.Contains(badge, " escalated to ") {
		t.Fatalf("badge %q", badge)
	}
	ui.goHome()
	settle(ui)
	assertShows(t, c, badge)
	ui.openTrain(tr.ID)
	settle(ui)
	ts := ui.top().(trainPage)
	if !ts.OverdueShown() {
		t.Error("the train screen hides its badge")
	}
	assertShows(t, c, badge)

	// The next assessment follows them up: its own reading counts now.
	// On its step one overdue follow-up is done, another dropped.
	a := followedUpAssessment(t, store, ui.defs, 2)
	before = owed()
	ui.openAssessment(a.TrainID, a.ID)
	settle(ui)
	s := ui.top().(checklistPage)
	var overdue []int
	for i, fr := range s.Results().FollowUps {
		if fr.OverduePIs > 0 && !fr.Closed {
			overdue = append(overdue, i)
		}
	}
	if len(overdue) < 2 || len(overdue) != len(before) {
		t.Fatalf("the draft shows %d overdue, the badge reads %d", len(overdue), len(before))
	}
	s.GoToFollowUp(overdue[0])
	assertShows(t, c, "· overdue")
	pressRune(t, ui, '1')
	s.GoToFollowUp(overdue[1])
	pressRune(t, ui, '4')
	test.Type(entry(t, ui, widgets.DropReason.Placeholder), "Replaced by the platform plan.")
	tap(t, ui, "Drop")
	after := owed()
	if len(after) != len(before)-2 || len(after) == 0 {
		t.Fatalf("%d overdue after closing two of %d", len(after), len(before))
	}
	badge = assessment.OverdueBadge(after, tr.Framework)
	t.Logf("badge after the step: %q", badge)
	ui.openTrain(tr.ID)
	settle(ui)
	assertShows(t, c, badge)
	ui.goHome()
	settle(ui)
	assertShows(t, c, badge)
	if h := ui.top().(homePage); h.List().Length() != 1 || h.Badge(tr.ID) != badge {
		t.Errorf("home holds the badge %q", h.Badge(tr.ID))
	}
}
