package app

import (
	"context"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
	"github.com/trainscope/trainscope/data"
)

// update rewrites the golden images instead of comparing with them:
//
//	go test -tags migrated_fynedo ./app/ -run Golden -update
var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// testDay is the day every test lives on, so ages and dates never move.
var testDay = time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC)

func loadDefs(t testing.TB) *assessment.Definitions {
	t.Helper()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		t.Fatal(err)
	}
	return defs
}

// openStore opens a store on a new temporary file, as main does: with the
// scoring for the stored summaries and the checklists to check votes against.
func openStore(t testing.TB, defs *assessment.Definitions) *data.Store {
	t.Helper()
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
	return store
}

// newTestUI builds the window on a test app and a fresh store, with typing
// written at once and the clock stopped at testDay.
func newTestUI(t testing.TB, prepare ...func(*data.Store)) (*UI, *data.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	defs := loadDefs(t)
	store := openStore(t, defs)
	for _, p := range prepare {
		p(store)
	}
	ui := NewUI(a, store, defs)
	ui.bg.wait()
	onTestThread(ui)
	ui.now = func() time.Time { return testDay }
	ui.typing.delay = 0
	ui.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		ui.bg.close()
		ui.win.Close()
	})
	return ui, store
}

// uiThread holds the callbacks the worker hands to the UI thread; in a
// test, the test's goroutine is the UI thread and runs them in settle.
type uiThread struct {
	mu    sync.Mutex
	queue []func()
}

var threads sync.Map // *UI -> *uiThread

// onTestThread makes the worker hand its results to the test's goroutine,
// as it hands them to Fyne's main thread in the app, instead of running
// them at once on the worker's goroutine as the test driver's fyne.Do would.
func onTestThread(ui *UI) {
	th := &uiThread{}
	threads.Store(ui, th)
	ui.bg.deliver = func(f func()) {
		th.mu.Lock()
		th.queue = append(th.queue, f)
		th.mu.Unlock()
	}
}

// settle waits until the store has answered everything asked of it and the
// screen shows the outcome; the coach would see it a moment later.
func settle(ui *UI) {
	v, ok := threads.Load(ui)
	if !ok {
		ui.bg.wait()
		return
	}
	th := v.(*uiThread)
	for {
		ui.bg.wait()
		th.mu.Lock()
		q := th.queue
		th.queue = nil
		th.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, f := range q {
			f()
		}
	}
}

// withSample adds the sample train dated testDay.
func withSample(store *data.Store) {
	if _, _, err := store.AddSample(context.Background(), testDay); err != nil {
		panic(err)
	}
}

// visible walks what is on screen, dialogs first and then the window's
// content, skipping hidden objects.
func visible(c fyne.Canvas) []fyne.CanvasObject {
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
	// Dialogs first: they are on top.
	overlays := c.Overlays().List()
	for i := len(overlays) - 1; i >= 0; i-- {
		walk(overlays[i])
	}
	walk(c.Content())
	return out
}

// texts is every text on screen.
func texts(c fyne.Canvas) []string {
	var out []string
	for _, o := range visible(c) {
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

// assertShows fails unless some text on screen contains want.
func assertShows(t *testing.T, c fyne.Canvas, want string) {
	t.Helper()
	for _, s := range texts(c) {
		if strings.Contains(s, want) {
			return
		}
	}
	t.Errorf("the screen does not show %q", want)
}

// assertNotShown fails if some text on screen contains s.
func assertNotShown(t *testing.T, c fyne.Canvas, s string) {
	t.Helper()
	for _, x := range texts(c) {
		if strings.Contains(x, s) {
			t.Errorf("the screen shows %q (in %q)", s, x)
			return
		}
	}
}

// button finds an enabled button on screen by its text.
func button(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	for _, o := range visible(c) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && !b.Disabled() {
			return b
		}
	}
	t.Fatalf("no enabled button %q on screen", text)
	return nil
}

// tap taps a button by its text and waits for what follows.
func tap(t *testing.T, ui *UI, text string) {
	t.Helper()
	test.Tap(button(t, ui.win.Canvas(), text))
	settle(ui)
}

// pressRune and pressKey type on whatever has the focus, as the keyboard does.
func pressRune(t *testing.T, ui *UI, r rune) {
	t.Helper()
	f := ui.win.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	f.TypedRune(r)
	settle(ui)
}

func pressKey(t *testing.T, ui *UI, k fyne.KeyName) {
	t.Helper()
	f := ui.win.Canvas().Focused()
	if f == nil {
		t.Fatal("nothing has the keyboard focus")
	}
	f.TypedKey(&fyne.KeyEvent{Name: k})
	settle(ui)
}

// assertGolden compares an image with testdata/name, or rewrites it with
// -update. A mismatch leaves the actual image in testdata/failed/.
func assertGolden(t *testing.T, name string, img image.Image) {
	t.Helper()
	if *update {
		f, err := os.Create(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		return
	}
	test.AssertImageMatches(t, name, img)
}

// newTrain creates a train through its form and returns its screen.
func newTrain(t *testing.T, ui *UI, name string) trainPage {
	t.Helper()
	ui.newTrainDialog()
	test.Type(ui.lastTrainForm.name, name)
	ui.lastTrainForm.dialog.Submit()
	settle(ui)
	ts, ok := ui.top().(trainPage)
	if !ok {
		t.Fatalf("the new train did not open: %T", ui.top())
	}
	return ts
}

// entry is the entry on screen (a dialog's first) with the placeholder.
func entry(t *testing.T, ui *UI, placeholder string) *widget.Entry {
	t.Helper()
	for _, o := range visible(ui.win.Canvas()) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder {
			return e
		}
	}
	t.Fatalf("no entry %q on screen", placeholder)
	return nil
}
