package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestNegativeFigureRefused: a figure below zero is refused where it is
// typed, keeps the answer as it was, and brings no "Not saved" dialog.
func TestNegativeFigureRefused(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	as := startAssessment(t, ui, "Measured ART")
	cl, it := -1, -1
	for i, l := range as.defs().Checklists {
		for j, item := range l.Items {
			if item.Figure != nil && item.Figure.Unit == "%" && cl < 0 {
				cl, it = i, j
			}
		}
	}
	if cl < 0 {
		t.Fatal("no checklist has a measure in %")
	}
	as.goTo(cl, it)
	settle(ui)
	id := as.defs().Checklists[cl].Items[it].ID
	test.Type(as.figure, "40")
	settle(ui)
	as.figure.SetText("-40")
	settle(ui)
	assertShows(t, c, "A figure is never below zero")
	if err := as.figure.Validate(); err == nil || !strings.Contains(err.Error(), "never below zero") {
		t.Errorf("the figure field says %v", err)
	}
	assertNotShown(t, c, "Not saved")
	a, err := store.Assessment(context.Background(), as.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if f := a.Answers[id].Figure; f == nil || *f != 40 {
		t.Errorf("the stored figure is %v, want the last good one, 40", f)
	}
}
