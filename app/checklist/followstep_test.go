package checklist

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
)

// TestFollowUpStepFirst: a new assessment with follow-ups opens on the
// "Since last PI" step; the state keys save each state at once, dropping
// asks a reason, the note is saved with its date, Ctrl+↓ goes on into the
// first checklist and Ctrl+↑ back, and a finished assessment shows the
// step read-only.
func TestFollowUpStepFirst(t *testing.T) {
	h := newHost(t)
	withSample(t, h)
	store := h.DB
	ctx := context.Background()
	a := followedUpAssessment(t, store, h.Defs, 1)
	s := open(t, h, a.TrainID, a.ID)
	c := h.Win.Canvas()
	if !s.onStep || s.step.i != 0 {
		t.Fatalf("the assessment opens on item %d/%d, not the first follow-up (on step %v)", s.cl, s.it, s.onStep)
	}
	assertShows(t, c, "Since last PI · follow-up 1 of ")
	assertShows(t, c, a.FollowUps[0].Finding)
	assertShows(t, c, "Since last PI   0/")
	assertShows(t, c, "1 Done")
	assertShows(t, c, "4 Dropped")
	if c.Focused() != s.step.chooser {
		t.Fatalf("the keys are with %T, not the follow-up's states", c.Focused())
	}
	stored := func(i int) assessment.FollowUp {
		t.Helper()
		got, err := store.Assessment(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.FollowUps[i]
	}

	// 1: done, saved at once; ↓ to the next.
	pressRune(t, h, '1')
	if got := stored(0).State; got != assessment.FollowUpDone {
		t.Errorf("key 1 saved %q", got)
	}
	assertShows(t, c, "The coach says: Done")
	assertShows(t, c, "Since last PI   1/")
	pressKey(t, h, fyne.KeyDown)
	if s.step.i != 1 {
		t.Fatalf("↓ went to follow-up %d", s.step.i)
	}
	// 2: in progress, with a note: saved with today's date.
	pressRune(t, h, '2')
	c.Focus(s.step.note)
	test.Type(s.step.note, "Two candidates interviewed.")
	if got := stored(1); got.State != assessment.FollowUpInProgress || got.Note != "Two candidates interviewed." || !got.NoteDate.Equal(assessment.Day(testDay)) {
		t.Errorf("follow-up 2 saved as %q %q %v", got.State, got.Note, got.NoteDate)
	}
	pressKey(t, h, fyne.KeyEscape)
	if c.Focused() != s.step.chooser {
		t.Errorf("Esc in the note left the keys with %T", c.Focused())
	}
	// A state after the note keeps the note.
	pressRune(t, h, '3')
	if got := stored(1); got.State != assessment.FollowUpNotStarted || got.Note != "Two candidates interviewed." {
		t.Errorf("follow-up 2 after key 3: %q %q", got.State, got.Note)
	}

	// 4 drops, and asks why; without a reason nothing changes.
	s.Move(1)
	if s.step.i != 2 {
		t.Fatalf("Ctrl+↓ went to follow-up %d", s.step.i)
	}
	pressRune(t, h, '4')
	s.step.lastReasonEntry.SetText("  ")
	tap(t, h, "Drop")
	assertShows(t, c, "say why it is dropped")
	if got := stored(2).State; got == assessment.FollowUpDropped {
		t.Error("dropped without a reason")
	}
	tap(t, h, "Close")
	pressRune(t, h, '4')
	test.Type(s.step.lastReasonEntry, "Replaced by the platform plan.")
	tap(t, h, "Drop")
	if got := stored(2); got.State != assessment.FollowUpDropped || got.Reason != "Replaced by the platform plan." {
		t.Errorf("drop saved as %q %q", got.State, got.Reason)
	}
	assertShows(t, c, "dropped because: Replaced by the platform plan.")

	// Ctrl+↓ past the last follow-up goes into the first checklist, with
	// the keys on the rating picker; Ctrl+↑ comes back.
	for s.onStep {
		s.Move(1)
	}
	if s.cl != 0 || s.it != 0 || c.Focused() != s.picker {
		t.Fatalf("after the follow-ups: item %d/%d, keys with %T", s.cl, s.it, c.Focused())
	}
	assertShows(t, c, "Checklist 1 of 4")
	s.Move(-1)
	if !s.onStep || s.step.i != len(a.FollowUps)-1 || c.Focused() != s.step.chooser {
		t.Errorf("Ctrl+↑ from the first item: on step %v, follow-up %d, keys with %T", s.onStep, s.step.i, c.Focused())
	}
	// The sidebar's step button reaches it again from anywhere.
	s.goTo(1, 2)
	test.Tap(s.stepBtn)
	if !s.onStep || s.step.i != 0 {
		t.Errorf("the step button shows follow-up %d (on step %v)", s.step.i, s.onStep)
	}

	// A refused write leaves the state the store holds on screen.
	if err := store.FinishAssessment(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	pressRune(t, h, '2')
	if s.a.FollowUps[0].State != assessment.FollowUpDone || s.step.chooser.state != assessment.FollowUpDone {
		t.Errorf("a refused write shows %q", s.step.chooser.state)
	}
	if stored(0).State != assessment.FollowUpDone {
		t.Error("the finished assessment's follow-up changed")
	}
	assertShows(t, c, "what happened to the follow-up")
	for len(c.Overlays().List()) > 0 {
		c.Overlays().Top().Hide()
		c.Overlays().Remove(c.Overlays().Top())
	}

	// Finished: the step shows read-only.
	s.Reload()
	if !s.final() || !s.step.chooser.disabled || s.step.note.Visible() || !s.step.noteView.Visible() {
		t.Errorf("the finished step is not read-only: final %v, chooser disabled %v", s.final(), s.step.chooser.disabled)
	}
	s.GoToFollowUp(1)
	assertShows(t, c, "Two candidates interviewed.")
	pressRune(t, h, '1')
	if stored(1).State != assessment.FollowUpNotStarted {
		t.Error("a key changed a finished follow-up")
	}
}

// TestNoFollowUpStepWithoutFollowUps: an assessment without follow-ups
// opens on its first item, with no step in the sidebar.
func TestNoFollowUpStepWithoutFollowUps(t *testing.T) {
	h := newHost(t)
	as := startAssessment(t, h, "Fresh ART")
	if as.onStep || as.stepRow.Visible() {
		t.Errorf("a first assessment shows the follow-up step")
	}
	assertNotShown(t, h.Win.Canvas(), "Since last PI")
	if !strings.HasPrefix(as.where.Text, "Checklist 1 of 4") {
		t.Errorf("opens on %q", as.where.Text)
	}
}
