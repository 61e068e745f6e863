package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/train"
)

// TestFocusModel drives the keys as a coach does: out of a note to the next
// item, Esc and Tab out of a note, a digit after a click on a label.
func TestFocusModel(t *testing.T) {
	ui, _ := newTestUI(t)
	c := ui.win.Canvas()
	as := startAssessment(t, ui, "Keyed ART")
	if c.Focused() != as.picker {
		t.Fatalf("the picker does not have the keys at the start: %T", c.Focused())
	}

	// Ctrl+↓ from a note: the next digit is the next item's level.
	c.Focus(as.note)
	pressRune(t, ui, 'x')
	first := as.a.Answers[as.defs().Checklists[0].Items[0].ID].Note
	if first != "x" {
		t.Fatalf("the note typed is %q", first)
	}
	ui.menu.nextItem.Action()
	settle(ui)
	if c.Focused() != as.picker {
		t.Errorf("after Ctrl+↓ from a note the keys are with %T", c.Focused())
	}
	pressRune(t, ui, '3')
	if strings.Contains(as.note.Text, "3") {
		t.Errorf("the digit went into the note: %q", as.note.Text)
	}
	assertShows(t, c, "Your answer: 3")

	// Esc leaves a note for the picker.
	c.Focus(as.note)
	pressKey(t, ui, fyne.KeyEscape)
	if c.Focused() != as.picker {
		t.Errorf("after Esc in a note the keys are with %T", c.Focused())
	}

	// Tab in a note moves on and types no tab.
	c.Focus(as.note)
	pressKey(t, ui, fyne.KeyTab)
	if strings.Contains(as.note.Text, "\t") {
		t.Errorf("Tab typed a tab into the note: %q", as.note.Text)
	}
	if c.Focused() == as.note {
		t.Errorf("Tab left the keys in the note")
	}
	if as.note.AcceptsTab() || as.evidence.AcceptsTab() {
		t.Errorf("a note takes Tab from the window's focus order")
	}

	// After a click on a label nothing has the keys: a digit still rates.
	c.Unfocus()
	ui.menu.nextItem.Action()
	settle(ui)
	c.Unfocus()
	c.OnTypedRune()('2')
	settle(ui)
	assertShows(t, c, "Your answer: 2")
}

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
