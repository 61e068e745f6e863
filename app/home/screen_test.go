package home

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/assessment"
)

// testHost is the shell as home sees it (see screentest.Host), recording
// what home asks of TrainMaker: "new train", "sample".
type testHost struct {
	*screentest.Host
	asked []string
}

var _ TrainMaker = (*testHost)(nil)

func (h *testHost) NewTrainDialog() { h.asked = append(h.asked, "new train") }
func (h *testHost) AddSample()      { h.asked = append(h.asked, "sample") }

// newScreen is home on a fresh store, loaded and on its window.
func newScreen(t *testing.T, trains ...assessment.Train) (*Screen, *testHost) {
	t.Helper()
	h := &testHost{Host: screentest.NewHost(t)}
	for i := range trains {
		if err := h.DB.CreateTrain(context.Background(), &trains[i]); err != nil {
			t.Fatal(err)
		}
	}
	s := New(h)
	h.Win.SetContent(s.Content())
	s.Load(nil)
	if len(h.Errs) > 0 {
		t.Fatalf("loading home showed %v", h.Errs)
	}
	return s, h
}

// TestEmptyHomeOffersTheSample: with no train, home says so and its buttons
// ask the shell for the sample or the new train form.
func TestEmptyHomeOffersTheSample(t *testing.T) {
	s, h := newScreen(t)
	c := h.Win.Canvas()
	screentest.AssertShows(t, c, "No trains yet")
	screentest.AssertShows(t, c, "Assessments you work on appear here")
	if s.HasTrain("anything") || len(s.Trains()) != 0 {
		t.Errorf("an empty store lists %v", s.Trains())
	}
	for _, label := range []string{"Add the sample train", "New train"} {
		test.Tap(button(t, c, label))
	}
	if len(h.asked) != 2 || h.asked[0] != "sample" || h.asked[1] != "new train" {
		t.Errorf("the buttons asked the shell for %v, want [sample new train]", h.asked)
	}
}

// TestHomeSearchAndOpen: the search narrows the list by name, framework or
// description, says when nothing matches, and a row opens its train.
func TestHomeSearchAndOpen(t *testing.T) {
	s, h := newScreen(t,
		assessment.Train{Name: "Payments ART", Framework: assessment.SAFe, Description: "cards and transfers"},
		assessment.Train{Name: "Lending", Framework: assessment.SAFe, Description: "mortgages"})
	c := h.Win.Canvas()
	if len(s.Listed()) != 2 {
		t.Fatalf("home lists %d trains, want 2", len(s.Listed()))
	}
	screentest.AssertShows(t, c, "2 trains")
	s.Search().SetText("mortgage")
	if len(s.Listed()) != 1 || s.Listed()[0].Train.Name != "Lending" {
		t.Fatalf("a search by description lists %+v", s.Listed())
	}
	screentest.AssertShows(t, c, "1 of 2 trains")
	s.Search().SetText("zzz")
	screentest.AssertShows(t, c, "No train matches “zzz”.")
	screentest.AssertShows(t, c, "0 of 2 trains")
	s.Search().SetText("payments")
	id := s.Listed()[0].Train.ID
	if !s.HasTrain(id) {
		t.Errorf("home does not hold the train %s it lists", id)
	}
	s.List().Select(0)
	if len(h.Opened) != 1 || h.Opened[0] != host.Train(id) {
		t.Errorf("selecting the row opened %v, want %v", h.Opened, host.Train(id))
	}
}

// button is the visible button labelled label.
func button(t *testing.T, c fyne.Canvas, label string) *widget.Button {
	t.Helper()
	for _, o := range screentest.Visible(c) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			return b
		}
	}
	t.Fatalf("no button %q on screen", label)
	return nil
}

// TestGoingHomeReadsOnlyWhatChanged: coming back to home with nothing
// changed reads no train again; a change is shown at once, and a train's
// badge of overdue follow-ups is worked out again when that train changed,
// while the others keep theirs.
func TestGoingHomeReadsOnlyWhatChanged(t *testing.T) {
	s, h := newScreen(t)
	ctx := context.Background()
	for range 2 {
		if _, _, err := h.DB.AddSample(ctx, screentest.Day); err != nil {
			t.Fatal(err)
		}
	}
	s.Load(nil)
	if len(s.Trains()) != 2 || s.readings != 2 {
		t.Fatalf("home lists %d trains after %d readings, want 2 after 2", len(s.Trains()), s.readings)
	}
	a, b := s.Trains()[0].Train.ID, s.Trains()[1].Train.ID
	badgeB := s.Badge(b)
	if s.Badge(a) == "" || badgeB == "" {
		t.Fatalf("the sample trains' badges read %q and %q, want both overdue", s.Badge(a), badgeB)
	}
	// The badges are read beside the queue: at 2,000 trains they take
	// seconds, which the coach's first click must not wait for.
	if len(h.Beside) == 0 || h.Beside[len(h.Beside)-1] != "the overdue follow-ups" {
		t.Errorf("the reads beside the queue are %q, want the overdue follow-ups", h.Beside)
	}

	s.Load(nil)
	if s.readings != 2 {
		t.Errorf("home read the trains again with nothing changed (%d readings)", s.readings)
	}

	// Train a loses its assessments: its badge goes, b keeps its own.
	as, err := h.DB.Assessments(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range as {
		if err := h.DB.DeleteAssessment(ctx, x.ID); err != nil {
			t.Fatal(err)
		}
	}
	s.Load(nil)
	if s.readings != 3 {
		t.Errorf("home did not read the trains again after a change (%d readings)", s.readings)
	}
	if s.Badge(a) != "" || s.Badge(b) != badgeB {
		t.Errorf("badges %q and %q, want none and %q", s.Badge(a), s.Badge(b), badgeB)
	}
	for _, r := range s.Recent() {
		if r.TrainID == a {
			t.Errorf("recent assessments still list the deleted %s", r.ID)
		}
	}

	// A train added elsewhere (another window, an import) shows.
	if err := h.DB.CreateTrain(ctx, &assessment.Train{Name: "Added ART", Framework: assessment.SAFe}); err != nil {
		t.Fatal(err)
	}
	s.Load(nil)
	if len(s.Trains()) != 3 {
		t.Errorf("home lists %d trains after one was added, want 3", len(s.Trains()))
	}
	screentest.AssertShows(t, h.Win.Canvas(), "Added ART")
}

// TestHomeColumnsWholeAt1024: in a 1024-wide window the short columns
// (framework, latest assessment, level, score, count) and their headings
// keep their words whole, and the recent assessments are not cut; only a
// long train name may end in an ellipsis.
func TestHomeColumnsWholeAt1024(t *testing.T) {
	s, h := newScreen(t, assessment.Train{Name: "Payments ART", Framework: assessment.ScrumAtScale})
	tr := s.Trains()[0].Train
	a := &assessment.Assessment{TrainID: tr.ID, PI: "PI 2026.1", Date: screentest.Day, Assessor: "Ana"}
	if err := h.DB.CreateAssessment(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	s.Load(nil)
	h.Win.Resize(fyne.NewSize(1024, 768))
	c := h.Win.Canvas()
	for _, want := range []string{"Framework", "Latest assessment", levelHead, "Assessments"} {
		screentest.AssertShows(t, c, want)
	}
	screentest.AssertShows(t, c, "PI 2026.1")
	if cut := screentest.Cut(c); len(cut) > 0 {
		t.Errorf("at 1024 wide these are cut: %q", cut)
	}
}

// TestHomeDrawsEachRowOnce: showing many trains fills in the rows on
// screen a few times, not once per train for every row (Fyne's
// SetItemHeight refreshes the whole list at each call, which at 500 trains
// took most of the start).
func TestHomeDrawsEachRowOnce(t *testing.T) {
	var trains []assessment.Train
	for i := range 80 {
		trains = append(trains, assessment.Train{Name: fmt.Sprintf("Train %02d", i), Framework: assessment.SAFe})
	}
	s, _ := newScreen(t, trains...)
	if len(s.Listed()) != 80 {
		t.Fatalf("home lists %d trains, want 80", len(s.Listed()))
	}
	if s.rowsDrawn > 120 {
		t.Errorf("showing 80 trains filled in %d rows; the few on screen should be filled in a few times each", s.rowsDrawn)
	}
}

// TestHomeShowsFiguresBeingRecomputed: after an upgrade to new rules, home
// lists the trains at once with their level and score "updating…" (never
// the old rules' figures) and a line saying what is going on; once the
// store has recomputed them, the next Load shows them and the line goes.
func TestHomeShowsFiguresBeingRecomputed(t *testing.T) {
	ctx := context.Background()
	h := &testHost{Host: screentest.NewHost(t)}
	store, release := screentest.UpgradedStore(t, h.Defs, 1)
	done := make(chan error, 1)
	store.OnSummariesRecomputed(func(end bool, err error) {
		if end {
			done <- err
		}
	})
	h.DB = store
	s := New(h)
	h.Win.SetContent(s.Content())
	s.Load(nil)
	c := h.Win.Canvas()
	screentest.AssertShows(t, c, "updating…")
	screentest.AssertShows(t, c, "score updating…")
	screentest.AssertShows(t, c, "Bringing the levels and scores up to date for this version of Trainscope: 1 train to go.")
	screentest.AssertNotShown(t, c, screentest.OldRulesLevel)
	if s.Pending() != 1 {
		t.Errorf("home counts %d trains pending, want 1", s.Pending())
	}
	// Going Home meanwhile reads the figures again, not the badges of
	// trains that did not change (at 2,000 trains they took longer than
	// the window's reloads came, and never showed).
	readings, badgeRuns := s.readings, s.badgeRuns
	s.Load(nil)
	if s.readings != readings+1 || s.badgeRuns != badgeRuns {
		t.Errorf("a Load while figures are pending read the trains %d times and the badges %d times, want 1 and 0",
			s.readings-readings, s.badgeRuns-badgeRuns)
	}

	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	s.Load(nil)
	trains, err := store.Trains(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := levelAndScore(trains[0].Latest.Summary)
	screentest.AssertShows(t, c, want)
	screentest.AssertNotShown(t, c, "updating…")
	screentest.AssertNotShown(t, c, "Bringing the levels and scores up to date")
	if s.Pending() != 0 || want == "" || trains[0].Latest.Summary.LevelName == screentest.OldRulesLevel {
		t.Errorf("after the recompute: %d pending, the level reads %q", s.Pending(), want)
	}
}

// TestFirstReadingShownAsALoadWould: what ReadFirst read before home was
// built is what LoadFirst shows, badges and all, not a reading of its own;
// and the next Load compares with it, reading again only what changed.
func TestFirstReadingShownAsALoadWould(t *testing.T) {
	ctx := context.Background()
	h := &testHost{Host: screentest.NewHost(t)}
	for range 2 {
		if _, _, err := h.DB.AddSample(ctx, screentest.Day); err != nil {
			t.Fatal(err)
		}
	}
	first := ReadFirst(h.DB, h.Now())
	<-first.done
	// Changed after the first reading: LoadFirst does not see it.
	if err := h.DB.CreateTrain(ctx, &assessment.Train{Name: "Added ART", Framework: assessment.SAFe}); err != nil {
		t.Fatal(err)
	}
	s := New(h)
	h.Win.SetContent(s.Content())
	called := false
	s.LoadFirst(first, func() { called = true })
	if len(h.Errs) > 0 || !called {
		t.Fatalf("the first load showed %v, then called: %v", h.Errs, called)
	}
	if len(s.Trains()) != 2 || s.readings != 1 {
		t.Fatalf("home lists %d trains after %d readings, want the first reading's 2", len(s.Trains()), s.readings)
	}
	c := h.Win.Canvas()
	screentest.AssertShows(t, c, "2 trains")
	screentest.AssertNotShown(t, c, "Added ART")
	for _, tr := range s.Trains() {
		if s.Badge(tr.Train.ID) == "" {
			t.Errorf("the first reading's %s shows no overdue badge", tr.Train.Name)
		}
	}
	s.Load(nil)
	if len(s.Trains()) != 3 || s.readings != 2 {
		t.Errorf("the next Load lists %d trains after %d readings, want 3 after 2", len(s.Trains()), s.readings)
	}
	screentest.AssertShows(t, c, "Added ART")
	s.Load(nil)
	if s.readings != 2 {
		t.Errorf("home read the trains again with nothing changed (%d readings)", s.readings)
	}
}

// TestFirstReadingFailureSaidAsALoads: a first reading that failed says so
// as a failed Load does, and the screen stays usable.
func TestFirstReadingFailureSaidAsALoads(t *testing.T) {
	h := &testHost{Host: screentest.NewHost(t)}
	if err := h.DB.Close(); err != nil {
		t.Fatal(err)
	}
	s := New(h)
	h.Win.SetContent(s.Content())
	s.LoadFirst(ReadFirst(h.DB, h.Now()), nil)
	if len(h.Errs) != 1 {
		t.Errorf("a failed first reading showed %v, want one error", h.Errs)
	}
	screentest.AssertShows(t, h.Win.Canvas(), "Could not read the list of trains")
}
