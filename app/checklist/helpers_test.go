package checklist

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

	followedUpAssessment = screentest.FollowedUpAssessment
)

// testHost is the shell as the checklists see it, on a test app and a real
// store: reads and writes run at once on the test's goroutine, what is
// typed is saved at once, and questions and errors are real dialogs on its
// window, so a test answers them as the coach does. It records what the
// screen asked of the shell.
type testHost struct {
	*screentest.Host
}

var _ host.Host = (*testHost)(nil)

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

// open shows the checklists of an assessment in the host's window, as the
// shell does: New, on screen, Reload, Shown.
func open(t testing.TB, h *testHost, trainID, assessmentID string) *Screen {
	t.Helper()
	s := New(h, trainID, assessmentID)
	h.Win.SetContent(s.Content())
	s.Reload()
	s.Shown()
	if !s.loaded {
		t.Fatalf("the checklists did not open: %v", h.Errs)
	}
	return s
}

// startAssessment stores a SAFe train with a draft assessment, as the
// train screen's "New assessment" does, and opens its checklists.
func startAssessment(t testing.TB, h *testHost, name string) *Screen {
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
	return open(t, h, tr.ID, a.ID)
}

// tap taps an enabled button on screen by its text.
func tap(t *testing.T, h *testHost, text string) {
	t.Helper()
	for _, o := range visible(h.Win.Canvas()) {
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
	f := h.Win.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	f.TypedRune(r)
}

func pressKey(t *testing.T, h *testHost, k fyne.KeyName) {
	t.Helper()
	f := h.Win.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
}
