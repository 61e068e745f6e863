package app

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
	"github.com/trainscope/trainscope/data"
)

// RunWithOpenError runs the application when the database could not be
// opened: it explains why and, when restore is given, offers to open a copy
// of the newest backup, after which the main window opens on that copy.
// restore returns the store on the copy and a sentence saying where it is.
func RunWithOpenError(a fyne.App, problem error, restore func() (*data.Store, string, error), defs *assessment.Definitions) {
	q := newQuitWatch(quitGrace, os.Exit)
	w, restored := openErrorStart(a, problem, restore, func(store *data.Store) *UI { return NewUI(a, store, defs) }, q)
	w.Show()
	runWatched(a, q, func() {
		if ui := restored(); ui != nil {
			ui.stopForGood() // again what the stopped hook did, for when Fyne skipped it; and the copy's store closed
		}
	})
}

// openErrorStart is RunWithOpenError before it runs the app: the window
// saying why the database could not be opened, and what gives the main
// window (made by newUI) opened on a copy of the backup, once the coach
// has opened one (nil until then). Its quits go through q, as Run's do:
// the Quit button, closing the window, and, once the copy is open, the
// main window's.
func openErrorStart(a fyne.App, problem error, restore func() (*data.Store, string, error), newUI func(*data.Store) *UI, q *quitWatch) (fyne.Window, func() *UI) {
	var ui *UI
	var offer func() (string, error)
	if restore != nil {
		offer = func() (string, error) {
			store, msg, err := restore()
			if err != nil {
				return "", err
			}
			ui = newUI(store)
			ui.watch(q)
			ui.win.Show()
			dialog.ShowInformation("Opened a copy of the backup", msg, ui.win)
			return msg, nil
		}
	}
	w := OpenErrorWindow(a, problem, offer, q.ask)
	return w, func() *UI { return ui }
}

// OpenErrorWindow tells the coach, in plain words, why their database could
// not be opened, before any other window exists: a coach who starts
// Trainscope from the desktop never sees the terminal. restore, when not
// nil, opens a copy of the newest backup; it returns a message for the
// coach, or an error if that failed too. The damaged file is never touched.
// quitting, when not nil, hears of a quit before it is made: the Quit
// button, or the coach closing the window.
func OpenErrorWindow(a fyne.App, problem error, restore func() (string, error), quitting func()) fyne.Window {
	a.Settings().SetTheme(trainscopeTheme{})
	a.SetIcon(fyne.NewStaticResource("trainscope.png", assets.Icon()))
	w := a.NewWindow("Trainscope — the database could not be opened")
	w.SetIcon(a.Icon())

	heading := widget.NewLabelWithStyle("Trainscope could not open your assessments", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	message := widget.NewLabel(widgets.Sentence(problem.Error()))
	message.Wrapping = fyne.TextWrapWord
	outcome := widget.NewLabel("")
	outcome.Wrapping = fyne.TextWrapWord
	outcome.Hide()

	asked := func() {
		if quitting != nil {
			quitting()
		}
	}
	quit := widget.NewButtonWithIcon("Quit", theme.CancelIcon(), func() {
		asked()
		a.Quit()
	})
	buttons := container.NewHBox(quit)
	if restore != nil {
		var open *widget.Button
		open = widget.NewButtonWithIcon("Open a copy of the newest backup", theme.HistoryIcon(), func() {
			open.Disable()
			msg, err := restore()
			if err != nil {
				outcome.SetText("That did not work either: " + err.Error())
				open.Enable()
			} else {
				outcome.SetText(msg)
				w.Close()
			}
			outcome.Show()
		})
		open.Importance = widget.HighImportance
		buttons.Add(open)
	}
	w.SetContent(container.NewPadded(container.NewVBox(heading, message, outcome, container.NewHBox(layout.NewSpacer(), buttons))))
	w.SetCloseIntercept(func() {
		asked()
		w.Close()
	})
	w.Resize(fyne.NewSize(640, 200))
	w.CenterOnScreen()
	return w
}
