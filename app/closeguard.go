package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// openForm is a dialog the coach is filling in whose content is only saved
// when they press its Save: closing the window must not lose it silently.
type openForm struct {
	what  string      // "a new impediment", in a sentence
	dirty func() bool // whether anything was typed or chosen since it opened
}

// trackForm notes a form as open until its dialog closes.
func (ui *UI) trackForm(what string, d dialog.Dialog, dirty func() bool) {
	f := &openForm{what: what, dirty: dirty}
	ui.forms = append(ui.forms, f)
	if fd, ok := d.(*dialog.FormDialog); ok {
		ui.answerKeys(d, fd.Submit)
	}
	d.SetOnClosed(func() {
		for i, g := range ui.forms {
			if g == f {
				ui.forms = append(ui.forms[:i], ui.forms[i+1:]...)
				break
			}
		}
	})
}

// unsavedForm is the first open form with something typed in it, or nil.
func (ui *UI) unsavedForm() *openForm {
	for _, f := range ui.forms {
		if f.dirty() {
			return f
		}
	}
	return nil
}

// closeWindow closes the main window, first asking when a form holds what
// the coach typed and has not saved.
func (ui *UI) closeWindow() {
	f := ui.unsavedForm()
	if f == nil || ui.closing {
		ui.typing.flush()
		ui.rememberSize()
		ui.quitAsked()
		if ui.closeWin != nil {
			ui.closeWin()
			return
		}
		ui.win.Close()
		return
	}
	if ui.askingClose {
		return // the question is on screen already
	}
	ui.askingClose = true
	label := widget.NewLabel(fmt.Sprintf("You are entering %s and have not saved it. "+
		"Close Trainscope anyway and lose what is in the form?", f.what))
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Close without saving?", "Close and lose it", "Go back to the form", label, func(lose bool) {
		ui.askingClose = false
		if lose {
			ui.closing = true
			ui.closeWindow()
		}
	}, ui.win)
	ui.answerKeys(d, d.Dismiss) // Enter goes back to the form: losing it takes a click
	d.Show()
}
