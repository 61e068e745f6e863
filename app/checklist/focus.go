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
// leave, and Tab moves on instead of typing a tab. Ctrl+Z undoes its own
// typing first (Fyne's Entry keeps it); once that has nothing left, undo
// takes back the last change saved (the note's, as a rule).
type fieldEntry struct {
	widget.Entry
	leave func() // on Esc; nil leaves the keys where they are
	undo  undoer // Ctrl+Z and Ctrl+Shift+Z the field leaves; nil: none
	ended func() // when the field loses the keys; nil: nothing
}

// undoer is the shell's undo, as the Host offers it.
type undoer interface {
	Undo()
	Redo()
}

// newNoteEntry is a field of several lines, wrapped at words.
func newNoteEntry(leave func(), undo undoer) *fieldEntry {
	e := &fieldEntry{leave: leave, undo: undo}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// newLineEntry is a field of one line.
func newLineEntry(leave func(), undo undoer) *fieldEntry {
	e := &fieldEntry{leave: leave, undo: undo}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost ends what was typed in the field, as one change.
func (e *fieldEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.ended != nil {
		e.ended()
	}
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

// TypedShortcut hands Ctrl+Z (and redo) on to the shell's undo when the
// field's own undo leaves the text as it is: nothing typed here is left
// to take back.
func (e *fieldEntry) TypedShortcut(sc fyne.Shortcut) {
	_, undo := sc.(*fyne.ShortcutUndo)
	_, redo := sc.(*fyne.ShortcutRedo)
	before := e.Text
	e.Entry.TypedShortcut(sc)
	switch {
	case e.undo == nil || e.Text != before:
	case undo:
		if e.ended != nil {
			e.ended() // what was typed here is the change to take back
		}
		e.undo.Undo()
	case redo:
		e.undo.Redo()
	}
}
