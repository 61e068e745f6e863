package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/train"
)

// TestDialogsAnswerEnterAndEsc: Enter presses a dialog's confirm button,
// Esc its dismiss button; the question before losing a form goes back on
// Enter.
func TestDialogsAnswerEnterAndEsc(t *testing.T) {
	ui, _ := newTestUI(t)
	c := ui.win.Canvas()
	key := func(k fyne.KeyName) {
		c.Unfocus()
		c.OnTypedKey()(&fyne.KeyEvent{Name: k})
		settle(ui)
	}
	done := 0
	ui.confirm("Remove", "Remove it?", "Remove", func() { done++ })
	key(fyne.KeyReturn)
	if done != 1 || len(c.Overlays().List()) != 0 {
		t.Errorf("Enter: confirmed %d times, %d dialogs left", done, len(c.Overlays().List()))
	}
	ui.confirm("Remove", "Remove it?", "Remove", func() { done++ })
	key(fyne.KeyEscape)
	if done != 1 || len(c.Overlays().List()) != 0 {
		t.Errorf("Esc: confirmed %d times, %d dialogs left", done, len(c.Overlays().List()))
	}

	// A form: Esc cancels it, Enter in its title saves it.
	ts := newTrain(t, ui, "Keyed ART")
	ts.SelectTab(train.TabRegister)
	tap(t, ui, "Add impediment")
	key(fyne.KeyEscape)
	if len(c.Overlays().List()) != 0 {
		t.Errorf("Esc left the form open")
	}
	tap(t, ui, "Add impediment")
	c.Focus(entry(t, ui, impedimentTitle))
	pressRune(t, ui, 'Q')
	pressKey(t, ui, fyne.KeyReturn)
	if reg, err := ui.store.Register(context.Background(), ts.ID()); err != nil || len(reg) != 1 || reg[0].Title != "Q" {
		t.Errorf("Enter in the title did not save the form: %+v %v", reg, err)
	}
}

// TestStrayDigitRates: on the checklists, a digit typed after a click on a
// label (nothing has the keys) still rates the item on screen, the status
// bar says it is saved, and the menu's Ctrl+↓ and Ctrl+J reach the screen
// (the screen's own tests in package checklist drive the rest of the keys).
func TestStrayDigitRates(t *testing.T) {
	ui, _ := newTestUI(t)
	c := ui.win.Canvas()
	as := startAssessment(t, ui, "Keyed ART")
	if c.Focused() != as.KeyTarget() {
		t.Fatalf("the picker does not have the keys at the start: %T", c.Focused())
	}
	c.Unfocus()
	ui.menu.nextItem.Action()
	settle(ui)
	assertShows(t, c, "item 2 of")
	c.Unfocus()
	c.OnTypedRune()('2')
	settle(ui)
	assertShows(t, c, "Your answer: 2")
	assertShows(t, c, "Saved")

	// Back on the first item, rated too: the next unanswered skips the
	// second, answered by the stray digit, for the third.
	ui.menu.prevItem.Action()
	settle(ui)
	pressRune(t, ui, '3')
	ui.menu.nextUnanswered.Action()
	settle(ui)
	assertShows(t, c, "item 3 of")
}
