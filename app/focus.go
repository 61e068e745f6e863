package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// The keyboard's focus model, in one place:
//
//   - On an assessment the rating picker has the keys (on its first step,
//     the follow-up's state chooser: 1–4 give a state). Moving to another
//     item (Ctrl+↑/↓, the item list, the buttons) gives them back to it,
//     from a note or a figure as well, so the next digit is a level and
//     never lands in a text.
//   - Esc leaves a text field for the picker; Tab and Shift+Tab move to the
//     next or previous field, in notes too, so no tab is ever typed.
//   - A digit typed while nothing has the keys (after a click on a label)
//     goes to the picker.
//   - A dialog answers Enter (its confirm button) and Esc (its dismiss
//     button) while none of its fields has the keys.
//
// The checklists' text fields that keep to it (Esc, Tab) are in package
// checklist; the shell keeps the dialogs' keys and the stray digit.

// keyedDialog is a dialog open on the window with what Enter does in it.
type keyedDialog struct {
	d     dialog.Dialog
	enter func()
}

// answerKeys makes a dialog answer Enter with enter (nil: Enter does
// nothing) and Esc by dismissing it, while it is the topmost one.
func (ui *UI) answerKeys(d dialog.Dialog, enter func()) {
	k := &keyedDialog{d: d, enter: enter}
	ui.dialogs = append(ui.dialogs, k)
	d.SetOnClosed(func() {
		for i, g := range ui.dialogs {
			if g == k {
				ui.dialogs = append(ui.dialogs[:i], ui.dialogs[i+1:]...)
				break
			}
		}
	})
}

// dialogKey answers Enter or Esc for the topmost dialog; false when no
// dialog of ours is open or the key is another.
func (ui *UI) dialogKey(name fyne.KeyName) bool {
	if len(ui.dialogs) == 0 {
		return false
	}
	top := ui.dialogs[len(ui.dialogs)-1]
	switch name {
	case fyne.KeyEscape:
		top.d.Dismiss()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if top.enter != nil {
			top.enter()
		}
		return true
	}
	return false
}

// freeRune takes a character typed while nothing has the keys: on an
// assessment it is for the rating picker.
func (ui *UI) freeRune(r rune) {
	if len(ui.dialogs) > 0 || len(ui.win.Canvas().Overlays().List()) > 0 {
		return
	}
	if s, ok := ui.top().(keyTaker); ok {
		if k := s.KeyTarget(); k != nil {
			ui.win.Canvas().Focus(k)
			k.TypedRune(r)
		}
	}
}

// keyTaker is a screen with something that takes the keys typed while
// nothing has them: the checklists' rating picker.
type keyTaker interface {
	// KeyTarget is what takes them, nil while the screen cannot.
	KeyTarget() fyne.Focusable
}
