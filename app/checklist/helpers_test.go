package checklist

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
	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// What every screen package's tests share; see app/internal/screentest.
var (
	testDay        = screentest.Day
	loadDefs       = screentest.LoadDefs
	openStore      = screentest.OpenStore
	visible        = screentest.Visible
	assertShows    = screentest.AssertShows
	assertNotShown = screentest.AssertNotShown

	followedUpAssessment = screentest.FollowedUpAssessment
)

// testHost is the shell as the checklists see it, on a test app and a real
// store: reads and writes run at once on the test's goroutine, what is
// typed is saved at once, and questions and errors are real dialogs on its
// window, so a test answers them as the coach does. It records what the
// screen asked of the shell.
type testHost struct {
	app    fyne.App
	store  *data.Store
	defs   *assessment.Definitions
	win    fyne.Window
	opened []host.Route
	errs   []error  // what ShowError and failed reads and writes showed
	saved  []string // the writes that landed
}

var _ host.Host = (*testHost)(nil)

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

// WriteOr names what was not saved in its refusal, as the shell does.
func (h *testHost) WriteOr(what string, w func(context.Context) error, done func(), failed func(error), _ func()) {
	if err := w(context.Background()); err != nil {
		if failed != nil {
			failed(err)
		}
		h.ShowError("Could not save "+what, err)
		return
	}
	h.saved = append(h.saved, what)
	if done != nil {
		done()
	}
}

func (h *testHost) WriteAnswer(assessmentID string, _ assessment.Framework, itemID string, ans assessment.Answer, what, _ string) {
	ans.ItemID = itemID
	h.Write(what, func(ctx context.Context) error { return h.store.SetAnswer(ctx, assessmentID, ans) }, nil)
}

func (h *testHost) SaveFollowUp(assessmentID string, fu assessment.FollowUp, done func()) {
	h.Write("what happened to the follow-up", func(ctx context.Context) error { return h.store.SetFollowUp(ctx, assessmentID, fu) }, done)
}

// newHost is a test host on a test app and a fresh store, its window at
// the size the app opens at.
func newHost(t testing.TB) *testHost {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	defs := loadDefs(t)
	h := &testHost{app: a, store: openStore(t, defs), defs: defs, win: a.NewWindow("Trainscope")}
	h.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(h.win.Close)
	return h
}

// withSample adds the sample train dated testDay.
func withSample(t testing.TB, h *testHost) {
	t.Helper()
	if _, _, err := h.store.AddSample(context.Background(), testDay); err != nil {
		t.Fatal(err)
	}
}

// open shows the checklists of an assessment in the host's window, as the
// shell does: New, on screen, Reload, Shown.
func open(t testing.TB, h *testHost, trainID, assessmentID string) *Screen {
	t.Helper()
	s := New(h, trainID, assessmentID)
	h.win.SetContent(s.Content())
	s.Reload()
	s.Shown()
	if !s.loaded {
		t.Fatalf("the checklists did not open: %v", h.errs)
	}
	return s
}

// startAssessment stores a SAFe train with a draft assessment, as the
// train screen's "New assessment" does, and opens its checklists.
func startAssessment(t testing.TB, h *testHost, name string) *Screen {
	t.Helper()
	ctx := context.Background()
	tr := assessment.Train{Name: name, Framework: assessment.SAFe}
	if err := h.store.CreateTrain(ctx, &tr); err != nil {
		t.Fatal(err)
	}
	a := assessment.Assessment{TrainID: tr.ID, Date: testDay, PI: "PI 2026.2", Assessor: "Kim", ChecklistVersion: h.defs.Version}
	if err := h.store.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	return open(t, h, tr.ID, a.ID)
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

// pressRune and pressKey type on whatever has the focus, as the keyboard does.
func pressRune(t *testing.T, h *testHost, r rune) {
	t.Helper()
	f := h.win.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	f.TypedRune(r)
}

func pressKey(t *testing.T, h *testHost, k fyne.KeyName) {
	t.Helper()
	f := h.win.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}
