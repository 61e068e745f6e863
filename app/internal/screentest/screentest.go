// Package screentest holds what the tests of every screen package share:
// the day they live on, the checklists, a store opened as main opens it,
// and finders for what is on screen. Only tests import it.
package screentest

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
	"github.com/trainscope/trainscope/data"
)

// Day is the day every test lives on, so ages and dates never move.
var Day = time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC)

// LoadDefs loads the embedded checklists and frameworks.
func LoadDefs(t testing.TB) *assessment.Definitions {
	t.Helper()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		t.Fatal(err)
	}
	return defs
}

// OpenStore opens a store on a new temporary file, as main does: with the
// scoring for the stored summaries and the checklists to check votes against.
func OpenStore(t testing.TB, defs *assessment.Definitions) *data.Store {
	t.Helper()
	return OpenStoreAt(t, filepath.Join(t.TempDir(), "trainscope.db"), defs)
}

// OpenStoreAt opens the store at path as OpenStore does, closed when the
// test ends.
func OpenStoreAt(t testing.TB, path string, defs *assessment.Definitions) *data.Store {
	t.Helper()
	store, err := data.Open(path, data.Options{
		Summarize: func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
			return assessment.Summarize(assessment.Evaluate(defs, tr, a))
		},
		Definitions: defs,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// OldRulesLevel is the level name every summary had under the old rules
// of UpgradedStore: a screen that shows it shows an old figure.
const OldRulesLevel = "Old rules"

// UpgradedStore is the store of the first start after an upgrade: trains
// samples whose summaries were made under other rules (level
// OldRulesLevel), opened as main opens it under new ones. Its background
// recompute waits, in its first scoring, until release is called.
func UpgradedStore(t testing.TB, defs *assessment.Definitions, trains int) (store *data.Store, release func()) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	old, err := data.Open(path, data.Options{SummaryRules: "old", Summarize: func(*assessment.Assessment, assessment.Train) assessment.Summary {
		return assessment.Summary{Score: 99, Known: true, Level: 5, LevelName: OldRulesLevel}
	}})
	if err != nil {
		t.Fatal(err)
	}
	for range trains {
		if _, _, err := old.AddSample(context.Background(), Day); err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	held := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(held) }) }
	store, err = data.Open(path, data.Options{SummaryRules: "new", Definitions: defs,
		Summarize: func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
			<-held
			return assessment.Summarize(assessment.Evaluate(defs, tr, a))
		}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		release()
		store.Close()
	})
	return store, release
}

// Visible walks what is on screen, dialogs first and then the window's
// content, skipping hidden objects.
func Visible(c fyne.Canvas) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	// Dialogs first: they are on top.
	overlays := c.Overlays().List()
	for i := len(overlays) - 1; i >= 0; i-- {
		out = append(out, VisibleIn(overlays[i])...)
	}
	return append(out, VisibleIn(c.Content())...)
}

// VisibleIn is every object shown under o (o too), skipping hidden ones:
// what one dialog or one part of the screen shows.
func VisibleIn(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return out
}

// Texts is every text on screen.
func Texts(c fyne.Canvas) []string {
	var out []string
	for _, o := range Visible(c) {
		switch x := o.(type) {
		case *widget.Label:
			out = append(out, x.Text)
		case *canvas.Text:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		case *widget.RichText:
			out = append(out, x.String())
		case *widget.Entry:
			out = append(out, x.Text)
		}
	}
	return out
}

// AssertShows fails unless some text on screen contains want.
func AssertShows(t *testing.T, c fyne.Canvas, want string) {
	t.Helper()
	for _, s := range Texts(c) {
		if strings.Contains(s, want) {
			return
		}
	}
	t.Errorf("the screen does not show %q", want)
}

// AssertNotShown fails if some text on screen contains s.
func AssertNotShown(t *testing.T, c fyne.Canvas, s string) {
	t.Helper()
	for _, x := range Texts(c) {
		if strings.Contains(x, s) {
			t.Errorf("the screen shows %q (in %q)", s, x)
			return
		}
	}
}

// FollowedUpAssessment starts an assessment of the sample train pis PIs
// after its finished one, which holds accepted recommendations: it comes
// with follow-ups.
func FollowedUpAssessment(t testing.TB, store *data.Store, defs *assessment.Definitions, pis int) *assessment.Assessment {
	t.Helper()
	ctx := context.Background()
	trains, err := store.Trains(ctx)
	if err != nil || len(trains) != 1 {
		t.Fatalf("trains %v %v", trains, err)
	}
	all, err := store.Assessments(ctx, trains[0].Train.ID)
	if err != nil {
		t.Fatal(err)
	}
	prev := all[len(all)-1]
	a := assessment.Assessment{TrainID: prev.TrainID, Date: prev.Date.AddDate(0, 0, 70*pis), PI: assessment.NextPI(prev.PI, pis), ChecklistVersion: defs.Version}
	if err := store.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if len(a.FollowUps) < 3 {
		t.Fatalf("the new assessment came with %d follow-ups; the test needs three", len(a.FollowUps))
	}
	return &a
}

// Cut is the text of every label on screen that ends in an ellipsis
// because its column is narrower than its words (a truncating label given
// less than it needs, or just that: the painter's rounding then cuts it).
func Cut(c fyne.Canvas) []string {
	var out []string
	for _, o := range Visible(c) {
		l, ok := o.(*widget.Label)
		if !ok || l.Truncation == fyne.TextTruncateOff || l.Text == "" {
			continue
		}
		need := fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
		if l.Size().Width < need+0.5 {
			out = append(out, l.Text)
		}
	}
	return out
}
