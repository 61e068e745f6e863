package checklist

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// stored is the answer to an item as the store holds it.
func stored(t *testing.T, h *testHost, s *Screen, itemID string) assessment.Answer {
	t.Helper()
	a, err := h.DB.Assessment(context.Background(), s.assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	return a.Answers[itemID]
}

// nextUndo is the name of the change Ctrl+Z takes back, "" when none.
func nextUndo(h *testHost) string {
	s, _ := h.Undos.Next()
	return s.Name
}

// TestUndoRating: Ctrl+Z takes a rating back to the one before it, then to
// unanswered, on screen and in the store, from the next item too, and
// Ctrl+Shift+Z makes it again.
func TestUndoRating(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	as := startAssessment(t, h, "Undo ART")
	_, it := as.item()
	line := func(r assessment.Rating) string { return "Your answer: " + widgets.RatingText(it, r) }

	pressRune(t, h, '4')
	pressRune(t, h, '2')
	if got := stored(t, h, as, it.ID).Rating; got != 2 {
		t.Fatalf("the store holds %d", got)
	}
	if want := "rating of “" + widgets.TruncateText(as.train.Framework.Expand(it.Text), 40) + "”"; nextUndo(h) != want {
		t.Errorf("the step is named %q, want %q", nextUndo(h), want)
	}

	// On to the next item: Ctrl+Z brings the rated one back on screen.
	pressKey(t, h, fyne.KeyTab)
	h.PressUndo(false)
	if as.it != 0 || as.cl != 0 {
		t.Fatalf("undo left item %d.%d on screen", as.cl, as.it)
	}
	assertShows(t, c, line(4))
	if got := stored(t, h, as, it.ID).Rating; got != 4 {
		t.Errorf("after one undo the store holds %d, want 4", got)
	}
	if as.picker.Value() != 4 {
		t.Errorf("the picker shows %d", as.picker.Value())
	}

	h.PressUndo(false)
	assertShows(t, c, line(assessment.Unanswered))
	if got := stored(t, h, as, it.ID).Rating; got != assessment.Unanswered {
		t.Errorf("after two undos the store holds %d, want unanswered", got)
	}
	if !strings.Contains(as.overallText.Text, "Overall: 0 of") {
		t.Errorf("progress says %q", as.overallText.Text)
	}
	if nextUndo(h) != "" {
		t.Errorf("a third step is left: %q", nextUndo(h))
	}
	h.PressUndo(false) // nothing left: nothing changes
	if got := stored(t, h, as, it.ID).Rating; got != assessment.Unanswered {
		t.Errorf("an undo with nothing left stored %d", got)
	}

	h.PressUndo(true)
	assertShows(t, c, line(4))
	if got := stored(t, h, as, it.ID).Rating; got != 4 {
		t.Errorf("after redo the store holds %d, want 4", got)
	}

	// A new rating forgets what could be made again.
	pressRune(t, h, '5')
	h.PressUndo(true)
	if got := stored(t, h, as, it.ID).Rating; got != 5 {
		t.Errorf("a redo after a new rating stored %d, want 5", got)
	}
}

// TestUndoNote: what was typed in a note is one change once the coach
// leaves it; Ctrl+Z in the note undoes its own typing first, and once it
// has nothing left, the note's last saved change.
func TestUndoNote(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	as := startAssessment(t, h, "Undo ART")
	_, it := as.item()
	pressRune(t, h, '3')

	c.Focus(as.note)
	test.Type(as.note, "Heard in the PO sync")
	pressKey(t, h, fyne.KeyEscape) // back to the levels: the note is one change
	if got := stored(t, h, as, it.ID).Note; got != "Heard in the PO sync" {
		t.Fatalf("the store holds the note %q", got)
	}
	if !strings.HasPrefix(nextUndo(h), "note on “") {
		t.Fatalf("the step is %q", nextUndo(h))
	}

	h.PressUndo(false)
	if as.note.Text != "" || stored(t, h, as, it.ID).Note != "" {
		t.Errorf("after undo the note shows %q and the store holds %q", as.note.Text, stored(t, h, as, it.ID).Note)
	}
	if got := stored(t, h, as, it.ID).Rating; got != 3 {
		t.Errorf("undoing the note changed the rating to %d", got)
	}
	h.PressUndo(true)
	if as.note.Text != "Heard in the PO sync" || stored(t, h, as, it.ID).Note != "Heard in the PO sync" {
		t.Errorf("after redo the note shows %q and the store holds %q", as.note.Text, stored(t, h, as, it.ID).Note)
	}

	// In the note, Ctrl+Z is the field's own undo of what was just typed;
	// the store follows it.
	c.Focus(as.note)
	as.note.CursorRow, as.note.CursorColumn = 0, len([]rune(as.note.Text))
	test.Type(as.note, " again")
	h.PressUndo(false)
	if as.note.Text != "Heard in the PO sync" || stored(t, h, as, it.ID).Note != "Heard in the PO sync" {
		t.Errorf("Ctrl+Z in the note left %q on screen, %q in the store", as.note.Text, stored(t, h, as, it.ID).Note)
	}
	if c.Focused() != as.note {
		t.Errorf("the field's own undo moved the keys to %T", c.Focused())
	}
	// Nothing typed is left to take back: the next Ctrl+Z is the note's
	// last saved change.
	h.PressUndo(false)
	if as.note.Text != "" || stored(t, h, as, it.ID).Note != "" {
		t.Errorf("the second Ctrl+Z left %q on screen, %q in the store", as.note.Text, stored(t, h, as, it.ID).Note)
	}
	// And the one before it, the rating.
	pressKey(t, h, fyne.KeyEscape)
	h.PressUndo(false)
	if got := stored(t, h, as, it.ID).Rating; got != assessment.Unanswered {
		t.Errorf("the rating is %d after the last undo", got)
	}
}

// TestUndoFigureAndChecklistNote: a figure typed, and the notes on a
// checklist, come back as they were.
func TestUndoFigureAndChecklistNote(t *testing.T) {
	h := newHost(t)
	as := startAssessment(t, h, "Undo ART")
	c := h.Win.Canvas()

	// The first item with a figure.
	var figured *assessment.Item
	for ci, cl := range as.defs().Checklists {
		for ii := range cl.Items {
			if it := &cl.Items[ii]; it.Figure != nil && figured == nil {
				figured = it
				as.goTo(ci, ii)
			}
		}
	}
	if figured == nil {
		t.Fatal("no item takes a figure")
	}
	pressRune(t, h, '2')
	c.Focus(as.figure)
	test.Type(as.figure, "40")
	pressKey(t, h, fyne.KeyEscape)
	if got := stored(t, h, as, figured.ID); got.Figure == nil || *got.Figure != 40 {
		t.Fatalf("the store holds %+v", got)
	}
	if !strings.HasPrefix(nextUndo(h), "figure for “") {
		t.Errorf("the step is %q", nextUndo(h))
	}
	h.PressUndo(false)
	if got := stored(t, h, as, figured.ID); got.Figure != nil || got.Rating != 2 {
		t.Errorf("after undo the store holds %+v, want no figure and level 2", got)
	}
	if as.figure.Text != "" {
		t.Errorf("the figure field shows %q", as.figure.Text)
	}

	clID := as.defs().Checklists[as.cl].ID
	as.setChecklistNote(clID, "Strong on cadence")
	h.PressUndo(false)
	a, _ := h.DB.Assessment(context.Background(), as.assessmentID)
	if a.Notes[clID] != "" || as.a.Notes[clID] != "" {
		t.Errorf("after undo the checklist notes are %q in the store, %q on screen", a.Notes[clID], as.a.Notes[clID])
	}
}

// TestFinishSaysWhereToReview: the Finish question counts the
// recommendations still to review and says where to review them, or that
// every one is; a finished assessment's banner says reopening is the way
// back to them.
func TestFinishSaysWhereToReview(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	as := startAssessment(t, h, "Review ART")
	for range as.defs().Checklists[0].Items {
		pressRune(t, h, '1')
		pressKey(t, h, fyne.KeyTab)
	}
	recs := as.results.Recommendations
	if len(recs) < 2 {
		t.Fatalf("%d recommendations after rating a checklist low; the test needs two", len(recs))
	}
	tap(t, h, "Finish")
	assertShows(t, c, fmt.Sprintf("%d of %d recommendations are still to review. Accept, reject or edit them on the results screen (Results, or Ctrl+R)", len(recs), len(recs)))
	tap(t, h, "Cancel")

	edits := map[string]assessment.RecommendationEdit{}
	for i, r := range recs {
		st := assessment.Accepted
		if i == 0 {
			st = assessment.Rejected
		}
		edits[r.ID] = assessment.RecommendationEdit{Status: st, Reason: "Not this PI"}
	}
	if err := h.DB.SetRecommendationEdits(context.Background(), as.assessmentID, edits); err != nil {
		t.Fatal(err)
	}
	as.Reload()
	tap(t, h, "Finish")
	assertShows(t, c, fmt.Sprintf("Every recommendation is reviewed (%d accepted, 1 rejected)", len(recs)-1))
	assertNotShown(t, c, "still to review")
	tap(t, h, "Finish") // the question's button
	open(t, h, as.trainID, as.assessmentID)
	assertShows(t, c, "Reopen it to correct answers or to review its recommendations.")
}
