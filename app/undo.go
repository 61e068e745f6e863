package app

import (
	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/widgets"
)

// The window's undo, in one place. The screens record each change the
// coach can take back (an answer, a note, an impediment, the roster, a
// removal) with Undoable; Ctrl+Z, Edit ▸ Undo and the status bar's Undo
// take back the newest, Ctrl+Shift+Z (or Ctrl+Y) and Edit ▸ Redo make it
// again. Each step writes to the store as every change does. Another
// screen clears the steps (see display), as the status bar's offer always
// went when the coach moved on.
//
// A text field keeps its own undo of what is typed: Ctrl+Z goes to the
// field focused first, and the checklists' notes hand it on to Undo once
// theirs has nothing left (see checklist's fieldEntry).

// Undoable records a change the coach can take back.
func (ui *UI) Undoable(name string, undo func()) { ui.undos.Record(name, undo) }

// Undo takes back the last change recorded: what is being typed is saved
// first, so its change is the one taken back.
func (ui *UI) Undo() {
	ui.endTyping()
	ui.undos.Undo()
}

// Redo makes again the last change taken back.
func (ui *UI) Redo() {
	ui.endTyping()
	ui.undos.Redo()
}

// endTyping saves what is being typed on the screen shown, which records
// it as a change.
func (ui *UI) endTyping() {
	ui.typing.flush()
	if len(ui.stack) > 0 {
		if f, ok := ui.top().(interface{ flush() }); ok {
			f.flush()
		}
	}
}

// undoKey is Ctrl+Z or Edit ▸ Undo (redo false), Ctrl+Shift+Z, Ctrl+Y or
// Edit ▸ Redo (redo true): a focused text field undoes its own typing;
// otherwise, unless a dialog is open over the screen, the last change
// goes.
func (ui *UI) undoKey(redo bool) {
	c := ui.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		if redo {
			f.TypedShortcut(&fyne.ShortcutRedo{})
		} else {
			f.TypedShortcut(&fyne.ShortcutUndo{})
		}
		return
	}
	if len(ui.dialogs) > 0 || len(c.Overlays().List()) > 0 {
		return
	}
	if redo {
		ui.Redo()
	} else {
		ui.Undo()
	}
}

// undoChanged names the next step in the menu and the status bar.
func (ui *UI) undoChanged() {
	if ui.status != nil {
		if s, ok := ui.undos.Next(); ok {
			ui.status.offerUndo(widgets.Sentence(s.Name), ui.Undo)
		} else {
			ui.status.clearUndo()
		}
	}
	if ui.menu != nil {
		ui.menu.updateUndo()
	}
}
