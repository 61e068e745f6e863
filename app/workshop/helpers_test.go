package workshop

import (
	"context"
	"io"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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
)

// testHost is the shell as the workshop sees it, on a test app and a real
// store: reads and writes run at once on the test's goroutine, typing is
// saved at once, and questions and errors are real dialogs on its window,
// so a test answers them as the coach does. It records what the screen
// asked of the shell.
type testHost struct {
	*screentest.Host
	saved []string // the files SaveNamed was asked to write, by name
	keys  []fyne.KeyName
}

var (
	_ host.Host = (*testHost)(nil)
	_ Projector = (*testHost)(nil)
	_ Exporter  = (*testHost)(nil)
	_ Importer  = (*testHost)(nil)
)

func (h *testHost) FunctionKey(e *fyne.KeyEvent)       { h.keys = append(h.keys, e.Name) }
func (h *testHost) ShowKeys()                          { h.keys = append(h.keys, fyne.KeyF1) }
func (h *testHost) NewWindow(title string) fyne.Window { return h.App.NewWindow(title) }
func (h *testHost) Theme() fyne.Theme                  { return h.App.Settings().Theme() }
func (h *testHost) Assessor() string                   { return "Coach Carter" }

func (h *testHost) SaveNamed(_, _, name, ext string, _ func(context.Context, io.Writer) error, _ []string) {
	h.saved = append(h.saved, name+ext)
}

func (h *testHost) Import(_, _, refused string, work func(context.Context) error, done func()) {
	if err := work(context.Background()); err != nil {
		h.ShowError(refused, err)
		return
	}
	done()
}

// newHost is a test host on a test app and a fresh store, its window at
// the size the app opens at.
func newHost(t testing.TB) *testHost {
	t.Helper()
	h := &testHost{Host: screentest.NewHost(t)}
	h.Words = Refusal
	return h
}

// newTrainAssessment stores a SAFe train with a draft assessment, and
// returns their IDs.
func newTrainAssessment(t testing.TB, h *testHost, name string) (string, string) {
	t.Helper()
	ctx := context.Background()
	tr := assessment.Train{Name: name, Framework: assessment.SAFe}
	if err := h.DB.CreateTrain(ctx, &tr); err != nil {
		t.Fatal(err)
	}
	a := assessment.Assessment{TrainID: tr.ID, Date: testDay, PI: "PI 2026.1", ChecklistVersion: h.Defs.Version}
	if err := h.DB.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	return tr.ID, a.ID
}

// open shows the workshop of an assessment in the host's window, as the
// shell does: New, on screen, Shown, Reload.
func open(h host.Host, trainID, assessmentID string) *Screen {
	s := New(h, trainID, assessmentID)
	h.Window().SetContent(s.Content())
	s.Shown()
	s.Reload()
	return s
}

// startWorkshop stores a train with an assessment run as a workshop and
// opens it.
func startWorkshop(t *testing.T, h *testHost, name string, anonymous bool) *Screen {
	t.Helper()
	trainID, id := newTrainAssessment(t, h, name)
	if err := h.DB.StartWorkshop(context.Background(), id, anonymous); err != nil {
		t.Fatal(err)
	}
	s := open(h, trainID, id)
	if !s.loaded {
		t.Fatalf("the workshop did not open: %v", h.Errs)
	}
	return s
}

// addParticipant adds someone through the room panel.
func addParticipant(t *testing.T, h *testHost, ws *Screen, name, role string) {
	t.Helper()
	ws.room.name.SetText(name)
	ws.room.role.SetSelected(role)
	tap(t, h.Win.Canvas(), "Add participant")
}

// savedWorkshop reads the workshop as the database holds it.
func savedWorkshop(t *testing.T, store *data.Store, id string) *assessment.Assessment {
	t.Helper()
	a, err := store.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Workshop == nil {
		t.Fatal("the assessment is not a workshop in the database")
	}
	return a
}

// tap taps an enabled button on screen by its text.
func tap(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	for _, o := range visible(c) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && !b.Disabled() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no enabled button %q on screen", text)
}

// pressRune and pressKey type on whatever has the focus, as the keyboard does.
func pressRune(t *testing.T, c fyne.Canvas, r rune) {
	t.Helper()
	f := c.Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	f.TypedRune(r)
}

func pressKey(t *testing.T, c fyne.Canvas, k fyne.KeyName) {
	t.Helper()
	f := c.Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}

// dismissDialogs closes every dialog, as Escape would.
func dismissDialogs(c fyne.Canvas) {
	for c.Overlays().Top() != nil {
		c.Overlays().Remove(c.Overlays().Top())
	}
}
