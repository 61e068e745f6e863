package screentest

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// Host is the shell as a screen package's tests give it to the screen: a
// test app and a real store; reads and writes run at once on the test's
// goroutine, typing is saved at once, and questions and errors are real
// dialogs on its window, so a test answers them as the coach does. It
// records what the screen asked of the shell. A package's own test host
// embeds it and adds what only its screen asks for.
type Host struct {
	App    fyne.App
	DB     *data.Store
	Defs   *assessment.Definitions
	Win    fyne.Window
	Opened []host.Route // the routes the screen asked to open
	Errs   []error      // what ShowError and failed reads and writes showed
	Landed []string     // the writes that landed, as the status bar names them
	// Words is how ShowError words an error; err.Error() when nil.
	Words func(error) string
	// Undos are the changes Undoable recorded, as the shell keeps them.
	Undos widgets.UndoStack
	// Beside names the reads the screen asked to run beside the queue.
	Beside []string
}

// NewHost is a test host on a test app in Fyne's default theme (the levels'
// keys are bold monospace, which the test theme has no font for) and a
// fresh store, its window at the size the app opens at.
func NewHost(t testing.TB) *Host {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	defs := LoadDefs(t)
	h := &Host{App: a, DB: OpenStore(t, defs), Defs: defs, Win: a.NewWindow("Trainscope")}
	h.Win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(h.Win.Close)
	return h
}

var _ host.Host = (*Host)(nil)

func (h *Host) Store() *data.Store                   { return h.DB }
func (h *Host) Definitions() *assessment.Definitions { return h.Defs }
func (h *Host) Window() fyne.Window                  { return h.Win }
func (h *Host) Now() time.Time                       { return Day }
func (h *Host) Open(r host.Route)                    { h.Opened = append(h.Opened, r) }
func (h *Host) Retitle()                             {}
func (h *Host) Typed(_ string, save func())          { save() }
func (h *Host) Flush()                               {}
func (h *Host) FunctionKey(*fyne.KeyEvent)           {}
func (h *Host) ShowKeys()                            {}

// ShowError records err and shows it in a dialog titled title.
func (h *Host) ShowError(title string, err error) {
	h.Errs = append(h.Errs, err)
	dialog.NewCustom(title, "Close", widget.NewLabel(h.words(err)), h.Win).Show()
}

// words is err as ShowError words it.
func (h *Host) words(err error) string {
	if h.Words != nil {
		if w := h.Words(err); w != "" {
			return w
		}
	}
	return err.Error()
}

// Confirm asks in a dialog; do runs on the action.
func (h *Host) Confirm(title, message, action string, do func()) {
	dialog.NewCustomConfirm(title, action, "Cancel", widget.NewLabel(message), func(ok bool) {
		if ok {
			do()
		}
	}, h.Win).Show()
}

// Read runs r at once; a failure shows "Could not read what".
func (h *Host) Read(what string, r func(context.Context) error, done func()) {
	if err := r(context.Background()); err != nil {
		h.ShowError("Could not read "+what, err)
		return
	}
	done()
}

// ReadBeside runs r at once, as Read does, and records what.
func (h *Host) ReadBeside(what string, r func(context.Context) error, done func()) {
	h.Beside = append(h.Beside, what)
	h.Read(what, r, done)
}

// Write runs w at once; see WriteOr.
func (h *Host) Write(what string, w func(context.Context) error, done func()) {
	h.WriteOr(what, w, done, nil, nil)
}

// WriteOr runs w at once: on a refusal, failed and a "Not saved" dialog
// that says "Trainscope could not save what.", as the shell's does;
// otherwise the write is recorded as landed and done runs.
func (h *Host) WriteOr(what string, w func(context.Context) error, done func(), failed func(error), _ func()) {
	if err := w(context.Background()); err != nil {
		if failed != nil {
			failed(err)
		}
		h.Errs = append(h.Errs, err)
		msg := "Trainscope could not save " + what + ".\n\n" + h.words(err)
		dialog.NewCustom("Not saved", "Close", widget.NewLabel(msg), h.Win).Show()
		return
	}
	h.Landed = append(h.Landed, what)
	if done != nil {
		done()
	}
}

// WriteAnswer saves an answer, as the shell does.
func (h *Host) WriteAnswer(assessmentID string, _ assessment.Framework, itemID string, ans assessment.Answer, what, _ string) {
	ans.ItemID = itemID
	h.Write(what, func(ctx context.Context) error { return h.DB.SetAnswer(ctx, assessmentID, ans) }, nil)
}

// SaveFollowUp saves what happened to a follow-up, as the shell does.
func (h *Host) SaveFollowUp(assessmentID string, fu assessment.FollowUp, done func()) {
	h.Write("what happened to the follow-up", func(ctx context.Context) error { return h.DB.SetFollowUp(ctx, assessmentID, fu) }, done)
}

// Undoable records a change on the host's undo stack, as the shell does.
func (h *Host) Undoable(name string, undo func()) { h.Undos.Record(name, undo) }

// Undo takes back the last change recorded.
func (h *Host) Undo() { h.Undos.Undo() }

// Redo makes again the last change taken back.
func (h *Host) Redo() { h.Undos.Redo() }

// PressUndo is Ctrl+Z (Ctrl+Shift+Z with redo) as the window hands it on:
// to the focused widget when it takes shortcuts, a text field, otherwise
// to the shell's undo.
func (h *Host) PressUndo(redo bool) {
	if f, ok := h.Win.Canvas().Focused().(fyne.Shortcutable); ok {
		if redo {
			f.TypedShortcut(&fyne.ShortcutRedo{})
		} else {
			f.TypedShortcut(&fyne.ShortcutUndo{})
		}
		return
	}
	if redo {
		h.Redo()
	} else {
		h.Undo()
	}
}
