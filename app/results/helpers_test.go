package results

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/assessment"
)

// What every screen package's tests share; see app/internal/screentest.
var (
	testDay        = screentest.Day
	visible        = screentest.Visible
	assertShows    = screentest.AssertShows
	assertNotShown = screentest.AssertNotShown
)

// testHost is the shell as the results see it, on a test app and a real
// store: reads and writes run at once on the test's goroutine, and
// questions and errors are real dialogs on its window, so a test answers
// them as the coach does. It records what the screen asked of the shell.
type testHost struct {
	*screentest.Host
	exported []string // the assessments whose report ExportReport was asked for
	undos    []func() // the undos OfferUndo offered, newest last
}

var (
	_ host.Host = (*testHost)(nil)
	_ Exporter  = (*testHost)(nil)
	_ Undoer    = (*testHost)(nil)
)

func (h *testHost) ExportReport(_, assessmentID string) {
	h.exported = append(h.exported, assessmentID)
}
func (h *testHost) OfferUndo(_ string, undo func()) { h.undos = append(h.undos, undo) }

// newHost is a test host on a test app and a fresh store, its window at
// the size the app opens at.
func newHost(t testing.TB) *testHost {
	t.Helper()
	return &testHost{Host: screentest.NewHost(t)}
}

// withSample adds the sample train dated testDay.
func withSample(t testing.TB, h *testHost) {
	t.Helper()
	if _, _, err := h.DB.AddSample(context.Background(), testDay); err != nil {
		t.Fatal(err)
	}
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
	a := assessment.Assessment{TrainID: tr.ID, Date: testDay, PI: "PI 2026.2", Assessor: "Kim", ChecklistVersion: h.Defs.Version}
	if err := h.DB.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	return tr.ID, a.ID
}

// answerFirst rates the first n items, checklist by checklist, as the coach
// does with the keys on the checklists.
func answerFirst(t testing.TB, h *testHost, assessmentID string, n int, r assessment.Rating) {
	t.Helper()
	for _, cl := range h.Defs.Checklists {
		for _, it := range cl.Items {
			if n == 0 {
				return
			}
			n--
			if err := h.DB.SetAnswer(context.Background(), assessmentID, assessment.Answer{ItemID: it.ID, Rating: r}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// open shows the results of an assessment in the host's window, as the
// shell does: New, on screen, Reload.
func open(t testing.TB, h *testHost, trainID, assessmentID string) *Screen {
	t.Helper()
	s := New(h, trainID, assessmentID)
	h.Win.SetContent(s.Content())
	s.Reload()
	if !s.loaded {
		t.Fatalf("the results did not open: %v", h.Errs)
	}
	return s
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
