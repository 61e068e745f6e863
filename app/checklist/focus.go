package checklist

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The checklists keep to the window's focus model (see the shell's
// focus.go): the rating picker, or on the first step the follow-up's
// states, have the keys; Esc leaves a text field for them, and Tab moves
// to the next field instead of typing a tab.

// fieldEntry is a text field that keeps to the focus model: Esc calls
// leave, and Tab moves on instead of typing a tab.
type fieldEntry struct {
	widget.Entry
	leave func() // on Esc; nil leaves the keys where they are
}

// newNoteEntry is a field of several lines, wrapped at words.
func newNoteEntry(leave func()) *fieldEntry {
	e := &fieldEntry{leave: leave}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false: Tab moves the focus on, in a note as in a line.
func (e *fieldEntry) AcceptsTab() bool { return false }

// TypedKey takes Esc and Tab from the text: Esc leaves the field, Tab (as a
// driver that hands it on anyway would send it) moves to the next field.
func (e *fieldEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if e.leave != nil {
			e.leave()
		}
		return
	case fyne.KeyTab:
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.FocusNext()
		}
		return
	}
	e.Entry.TypedKey(k)
}
