package checklist

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/assessment"
)

// TestAnswerEveryChecklistWithKeyboard answers all four checklists with
// the keys alone and watches the score, verdict and progress change.
func TestAnswerEveryChecklistWithKeyboard(t *testing.T) {
	h := newHost(t)
	store := h.DB
	c := h.Win.Canvas()
	as := startAssessment(t, h, "Keyboard ART")

	if c.Focused() != as.picker {
		t.Fatalf("the rating picker does not have the keys; focused: %T", c.Focused())
	}
	total := 0
	for _, cl := range h.Defs.For(as.train.Framework).Checklists {
		total += len(cl.Items)
	}
	assertShows(t, c, fmt.Sprintf("Overall: 0 of %d items answered", total))
	assertShows(t, c, "item 1 of")
	fit := h.Defs.Checklist(assessment.ChecklistFit)
	assertShows(t, c, "Scaled facilitator fit: not rated yet (0 of")

	// Every level of the first item is shown with its descriptor, plus N/A
	// and don't know.
	for _, l := range fit.Items[0].Levels {
		assertShows(t, c, as.train.Framework.Expand(l.Descriptor))
	}
	assertShows(t, c, "Not applicable")
	assertShows(t, c, "Don't know")

	// 4 chooses level 4: the answer, the score and the saved state show it.
	pressRune(t, h, '4')
	assertShows(t, c, "Your answer: 4 of 5")
	assertNotShown(t, c, "Scaled facilitator fit: – ·")
	if len(h.Landed) == 0 || len(h.Errs) != 0 {
		t.Errorf("the answer was not saved: saved %v, errors %v", h.Landed, h.Errs)
	}
	verdictBefore := as.liveVerdict.Text

	// Tab moves on; answer the rest of the fit checklist, then every other
	// one, with a mix of levels, N/A and don't know.
	keys := []rune{'5', '4', '2', '5', '3', 'n', 'd', '1'}
	k := 0
	for i := 1; i < total; i++ {
		pressKey(t, h, fyne.KeyTab)
		pressRune(t, h, keys[k%len(keys)])
		k++
		if i == len(fit.Items)-1 {
			if as.results.Verdict.Kind == assessment.Undecided {
				t.Errorf("every fit item answered, still undecided")
			}
		}
	}
	if as.liveVerdict.Text == verdictBefore {
		t.Logf("verdict line unchanged: %q", verdictBefore)
	}
	assertShows(t, c, fmt.Sprintf("Overall: %d of %d items answered", total, total))
	for i, cl := range h.Defs.Checklists {
		assertShows(t, c, fmt.Sprintf("%d. %s   %d/%d", i+1, cl.Title, len(cl.Items), len(cl.Items)))
	}
	if as.results.Level.Number == 0 {
		t.Errorf("no level after answering every item")
	}
	assertShows(t, c, fmt.Sprintf("Level %d · %s", as.results.Level.Number, as.results.Level.Name))

	// Up goes back one item; Ctrl+J finds nothing unanswered.
	pressKey(t, h, fyne.KeyUp)
	last := h.Defs.Checklists[len(h.Defs.Checklists)-1]
	assertShows(t, c, fmt.Sprintf("item %d of %d", len(last.Items)-1, len(last.Items)))
	as.NextUnanswered()
	assertShows(t, c, "Every item has an answer")

	// Everything is in the database.
	a, err := store.Assessment(context.Background(), as.assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answers) != total {
		t.Errorf("answers saved: %d, want %d", len(a.Answers), total)
	}
	if got := a.Answers[fit.Items[0].ID].Rating; got != 4 {
		t.Errorf("first answer saved as %d, want 4", got)
	}
	if got := a.Answers[fit.Items[6].ID].Rating; got != assessment.NotApplicable {
		t.Errorf("seventh answer saved as %d, want not applicable", got)
	}

	// Notes typed are saved with the answer.
	test.Type(as.note, "Heard in the PO sync")
	a, _ = store.Assessment(context.Background(), as.assessmentID)
	_, it := as.item()
	if a.Answers[it.ID].Note != "Heard in the PO sync" {
		t.Errorf("note saved as %q", a.Answers[it.ID].Note)
	}
}

// TestLiveScoreBeforeAnyRating: a checklist nothing is rated in yet says so
// in words, not with a dash, and shows its number once an item is rated.
func TestLiveScoreBeforeAnyRating(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	startAssessment(t, h, "Fresh ART")
	assertShows(t, c, ": not rated yet (0 of ")
	assertNotShown(t, c, ": – ·")
	pressRune(t, h, '4')
	assertNotShown(t, c, "not rated yet")
	assertShows(t, c, "1 of ")
}

func TestNextUnansweredAndClear(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	as := startAssessment(t, h, "Jump ART")
	pressRune(t, h, '3')
	pressKey(t, h, fyne.KeyDown)
	pressKey(t, h, fyne.KeyDown)
	pressRune(t, h, 'd')
	assertShows(t, c, "Your answer: Don't know")
	pressKey(t, h, fyne.KeyUp)
	pressKey(t, h, fyne.KeyUp)
	// From the first item, the next unanswered is the second.
	as.NextUnanswered()
	if as.cl != 0 || as.it != 1 {
		t.Errorf("next unanswered went to %d/%d, want 0/1", as.cl, as.it)
	}
	pressKey(t, h, fyne.KeyUp)
	pressRune(t, h, '0')
	assertShows(t, c, "Your answer: Not answered yet")
}

func TestFinishMakesReadOnlyAndReopen(t *testing.T) {
	h := newHost(t)
	store := h.DB
	c := h.Win.Canvas()
	as := startAssessment(t, h, "Final ART")
	pressRune(t, h, '2')
	as.finish()
	if want := host.Results(as.trainID, as.assessmentID); len(h.Opened) != 1 || h.Opened[0] != want {
		t.Fatalf("finishing did not show the results: opened %v", h.Opened)
	}
	as = open(t, h, as.trainID, as.assessmentID)
	assertShows(t, c, "This assessment is finished, so it is read-only")
	as.cl, as.it = 0, 0
	as.showItem()
	c.Focus(as.picker)
	pressRune(t, h, '5')
	a, _ := store.Assessment(context.Background(), as.assessmentID)
	if a.Answers[h.Defs.Checklists[0].Items[0].ID].Rating != 2 {
		t.Errorf("a finished assessment changed")
	}
	assertShows(t, c, "Your answer: 2 of 5")

	// Reopening asks first.
	tap(t, h, "Reopen")
	tap(t, h, "Reopen") // the confirmation's button
	assertNotShown(t, c, "This assessment is finished")
	a, _ = store.Assessment(context.Background(), as.assessmentID)
	if a.Status != assessment.Draft {
		t.Errorf("status after reopening: %s", a.Status)
	}
}

// TestFinishWarnsOfContradictions: rating "one shared product" strong and
// "the teams are independent" as holding cannot both be true; the screen
// says so as soon as it happens, and the Finish dialog lists it.
func TestFinishWarnsOfContradictions(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	as := startAssessment(t, h, "Contradicting ART")
	fit := as.defs().Checklist(assessment.ChecklistFit)
	at := func(id string) int {
		return slices.IndexFunc(fit.Items, func(it assessment.Item) bool { return it.ID == id })
	}
	as.goTo(0, at("fit.shared-product.v1"))
	c.Focus(as.picker)
	pressRune(t, h, '5')
	if as.liveWarning.Visible() {
		t.Fatalf("a warning before any contradiction: %q", as.liveWarning.Text)
	}
	as.goTo(0, at("fit.independent-teams.v2"))
	c.Focus(as.picker)
	pressRune(t, h, '5')
	if !as.liveWarning.Visible() || !strings.Contains(as.liveWarning.Text, "Both cannot be true") {
		t.Fatalf("no warning on screen: %q", as.liveWarning.Text)
	}
	tap(t, h, "Finish")
	assertShows(t, c, "Check these answers first:")
	assertShows(t, c, "review")
}

// TestNegativeFigureRefused: a figure below zero is refused where it is
// typed, keeps the answer as it was, and brings no "Not saved" dialog.
func TestNegativeFigureRefused(t *testing.T) {
	h := newHost(t)
	store := h.DB
	c := h.Win.Canvas()
	as := startAssessment(t, h, "Measured ART")
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
	id := as.defs().Checklists[cl].Items[it].ID
	test.Type(as.figure, "40")
	as.figure.SetText("-40")
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

// TestFocusModel drives the keys as a coach does: out of a note to the next
// item, Esc and Tab out of a note, a digit after a click on a label.
func TestFocusModel(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	as := startAssessment(t, h, "Keyed ART")
	if c.Focused() != as.picker {
		t.Fatalf("the picker does not have the keys at the start: %T", c.Focused())
	}

	// Ctrl+↓ from a note: the next digit is the next item's level.
	c.Focus(as.note)
	pressRune(t, h, 'x')
	first := as.a.Answers[as.defs().Checklists[0].Items[0].ID].Note
	if first != "x" {
		t.Fatalf("the note typed is %q", first)
	}
	as.Move(1)
	if c.Focused() != as.picker {
		t.Errorf("after Ctrl+↓ from a note the keys are with %T", c.Focused())
	}
	pressRune(t, h, '3')
	if strings.Contains(as.note.Text, "3") {
		t.Errorf("the digit went into the note: %q", as.note.Text)
	}
	assertShows(t, c, "Your answer: 3")

	// Esc leaves a note for the picker.
	c.Focus(as.note)
	pressKey(t, h, fyne.KeyEscape)
	if c.Focused() != as.picker {
		t.Errorf("after Esc in a note the keys are with %T", c.Focused())
	}

	// Tab in a note moves on and types no tab.
	c.Focus(as.note)
	pressKey(t, h, fyne.KeyTab)
	if strings.Contains(as.note.Text, "\t") {
		t.Errorf("Tab typed a tab into the note: %q", as.note.Text)
	}
	if c.Focused() == as.note {
		t.Errorf("Tab left the keys in the note")
	}
	if as.note.AcceptsTab() || as.evidence.AcceptsTab() {
		t.Errorf("a note takes Tab from the window's focus order")
	}

	// After a click on a label nothing has the keys: the picker is still
	// what takes a digit the shell hands on (the shell's
	// TestStrayDigitRates types one).
	c.Unfocus()
	as.Move(1)
	c.Unfocus()
	if as.KeyTarget() != as.picker {
		t.Errorf("with nothing focused the keys go to %T, not the picker", as.KeyTarget())
	}
}
