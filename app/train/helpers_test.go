package train

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
	"github.com/trainscope/trainscope/data"
)

// What every screen package's tests share; see app/internal/screentest.
var (
	testDay        = screentest.Day
	visible        = screentest.Visible
	assertShows    = screentest.AssertShows
	assertNotShown = screentest.AssertNotShown
)

// testHost is the shell as the train screen sees it, on a test app and a
// real store: reads and writes run at once on the test's goroutine, typing
// is saved at once, and questions and errors are real dialogs on its
// window, so a test answers them as the coach does. It records what the
// screen asked of the shell.
type testHost struct {
	app      fyne.App
	store    *data.Store
	defs     *assessment.Definitions
	win      fyne.Window
	opened   []host.Route
	errs     []error  // what ShowError and failed writes showed
	writes   []string // what was written, as the status bar names it
	undo     func()   // the removal last offered to take back
	forms    []string // the forms tracked, by what they hold
	forgot   []string // the trains forgotten
	assessor string
}

var _ Shell = (*testHost)(nil)

func (h *testHost) Store() *data.Store                   { return h.store }
func (h *testHost) Definitions() *assessment.Definitions { return h.defs }
func (h *testHost) Window() fyne.Window                  { return h.win }
func (h *testHost) Now() time.Time                       { return testDay }
func (h *testHost) Open(r host.Route)                    { h.opened = append(h.opened, r) }
func (h *testHost) Retitle()                             {}
func (h *testHost) Typed(_ string, save func())          { save() }
func (h *testHost) Flush()                               {}
func (h *testHost) FunctionKey(*fyne.KeyEvent)           {}
func (h *testHost) ShowKeys()                            {}
func (h *testHost) Assessor() string                     { return h.assessor }
func (h *testHost) OfferUndo(_ string, undo func())      { h.undo = undo }
func (h *testHost) PlainError(err error) string          { return err.Error() }
func (h *testHost) ForgetTrain(id string)                { h.forgot = append(h.forgot, id) }
func (h *testHost) NewTrend() TrendView                  { return nullTrend{widget.NewLabel("")} }
func (h *testHost) WriteAnswer(string, assessment.Framework, string, assessment.Answer, string, string) {
}

// SaveFollowUp is the follow-up save a host offers the screens that
// record follow-ups; the train screen records none.
func (h *testHost) SaveFollowUp(assessmentID string, fu assessment.FollowUp, done func()) {
	h.Write("what happened to the follow-up", func(ctx context.Context) error { return h.store.SetFollowUp(ctx, assessmentID, fu) }, done)
}

func (h *testHost) TrackForm(what string, _ dialog.Dialog, _ func() bool) {
	h.forms = append(h.forms, what)
}

func (h *testHost) EditTrain(assessment.Train, func(assessment.Train)) {}

func (h *testHost) AssessmentForm(title, confirm string, a assessment.Assessment, save func(assessment.Assessment)) *widgets.AssessmentForm {
	return widgets.NewAssessmentForm(h.win, title, confirm, a, save)
}

// nullTrend is a trend tab that draws nothing: the trend has tests of its
// own in app/results, and the shell's tests see it on the train screen.
type nullTrend struct{ *widget.Label }

func (n nullTrend) Content() fyne.CanvasObject                                             { return n.Label }
func (nullTrend) Set(assessment.Framework, []*assessment.Assessment, []assessment.Results) {}

func (h *testHost) ShowError(title string, err error) {
	h.errs = append(h.errs, err)
	dialog.NewCustom(title, "Close", widget.NewLabel(err.Error()), h.win).Show()
}

func (h *testHost) Confirm(title, message, action string, do func()) {
	dialog.NewCustomConfirm(title, action, "Cancel", widget.NewLabel(message), func(ok bool) {
		if ok {
			do()
		}
	}, h.win).Show()
}

func (h *testHost) Read(what string, r func(context.Context) error, done func()) {
	if err := r(context.Background()); err != nil {
		h.ShowError("Could not read "+what, err)
		return
	}
	done()
}

func (h *testHost) Write(what string, w func(context.Context) error, done func()) {
	h.WriteOr(what, w, done, nil, nil)
}

func (h *testHost) WriteOr(what string, w func(context.Context) error, done func(), failed func(error), _ func()) {
	if err := w(context.Background()); err != nil {
		if failed != nil {
			failed(err)
		}
		h.ShowError("Not saved", err)
		return
	}
	h.writes = append(h.writes, what)
	if done != nil {
		done()
	}
}

// newHost is a test host on a test app and a fresh store, its window at
// the size the app opens at.
func newHost(t testing.TB) *testHost {
	t.Helper()
	a := test.NewTempApp(t)
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		t.Fatal(err)
	}
	store, err := data.Open(filepath.Join(t.TempDir(), "trainscope.db"), data.Options{
		Summarize: func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
			return assessment.Summarize(assessment.Evaluate(defs, tr, a))
		},
		Definitions: defs,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	h := &testHost{app: a, store: store, defs: defs, win: a.NewWindow("Trainscope")}
	h.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(h.win.Close)
	return h
}

// newTrain stores a train of the framework and opens its screen, as the
// shell does: New, on screen, Reload.
func newTrain(t *testing.T, h *testHost, name string, fw assessment.Framework) *Screen {
	t.Helper()
	tr := assessment.Train{Name: name, Framework: fw}
	if err := h.store.CreateTrain(context.Background(), &tr); err != nil {
		t.Fatal(err)
	}
	ts := New(h, tr.ID)
	h.win.SetContent(ts.Content())
	ts.Reload()
	if !ts.loaded {
		t.Fatalf("the train did not open: %v", h.errs)
	}
	return ts
}

// fieldError is the message an entry shows for what is in it now, or "".
func fieldError(f interface{ Validate() error }) string {
	if err := f.Validate(); err != nil {
		return err.Error()
	}
	return ""
}

// tap taps an enabled button on screen by its text.
func tap(t *testing.T, h *testHost, text string) {
	t.Helper()
	for _, o := range visible(h.win.Canvas()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && !b.Disabled() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no enabled button %q on screen", text)
}
