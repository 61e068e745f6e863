package train

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
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
	*screentest.Host
	forms    []string // the forms tracked, by what they hold
	forgot   []string // the trains forgotten
	assessor string
	trendSet int // how many times the trend was drawn
}

var _ Shell = (*testHost)(nil)

func (h *testHost) Assessor() string            { return h.assessor }
func (h *testHost) PlainError(err error) string { return err.Error() }
func (h *testHost) ForgetTrain(id string)       { h.forgot = append(h.forgot, id) }
func (h *testHost) NewTrend() TrendView         { return nullTrend{widget.NewLabel(""), &h.trendSet} }

func (h *testHost) TrackForm(what string, _ dialog.Dialog, _ func() bool) {
	h.forms = append(h.forms, what)
}

func (h *testHost) EditTrain(assessment.Train, func(assessment.Train)) {}

func (h *testHost) AssessmentForm(title, confirm string, a assessment.Assessment, save func(assessment.Assessment)) *widgets.AssessmentForm {
	return widgets.NewAssessmentForm(h.Win, title, confirm, a, save)
}

// nullTrend is a trend tab that draws nothing but counts how often it is
// set: the trend has tests of its own in app/results, and the shell's
// tests see it on the train screen.
type nullTrend struct {
	*widget.Label
	sets *int
}

func (n nullTrend) Content() fyne.CanvasObject { return n.Label }
func (n nullTrend) Set(assessment.Framework, []*assessment.Assessment, []assessment.Results) {
	*n.sets++
}

// newHost is a test host on a test app and a fresh store, its window at
// the size the app opens at.
func newHost(t testing.TB) *testHost {
	t.Helper()
	return &testHost{Host: screentest.NewHost(t)}
}

// newTrain stores a train of the framework and opens its screen, as the
// shell does: New, on screen, Reload.
func newTrain(t *testing.T, h *testHost, name string, fw assessment.Framework) *Screen {
	t.Helper()
	tr := assessment.Train{Name: name, Framework: fw}
	if err := h.DB.CreateTrain(context.Background(), &tr); err != nil {
		t.Fatal(err)
	}
	ts := New(h, tr.ID)
	h.Win.SetContent(ts.Content())
	ts.Reload()
	if !ts.loaded {
		t.Fatalf("the train did not open: %v", h.Errs)
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
	for _, o := range visible(h.Win.Canvas()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && !b.Disabled() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no enabled button %q on screen", text)
}

// bigTrain stores the big train of issue 18 and returns its ID: the
// sample's eight teams and four more like them (12 teams), 121 people, and
// 300 impediments (the sample's register again and again, a third
// resolved).
func bigTrain(tb testing.TB, h *testHost) string {
	tb.Helper()
	ctx := context.Background()
	train, roster, register, _ := assessment.Sample(testDay)
	train.Name = "Big ART"
	roster = assessment.GrowRoster(roster, 12, 121)
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(h.DB.CreateTrain(ctx, &train))
	must(h.DB.SaveRoster(ctx, train.ID, roster))
	for _, imp := range assessment.GrowRegister(register, 300, testDay) {
		must(h.DB.SaveImpediment(ctx, train.ID, &imp))
	}
	return train.ID
}
