package app

import (
	"context"
	"flag"
	"github.com/trainscope/trainscope/app/internal/screentest"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// What every screen package's tests share; see app/internal/screentest.
var (
	testDay        = screentest.Day
	loadDefs       = screentest.LoadDefs
	openStore      = screentest.OpenStore
	visible        = screentest.Visible
	texts          = screentest.Texts
	assertShows    = screentest.AssertShows
	assertNotShown = screentest.AssertNotShown

	followedUpAssessment = screentest.FollowedUpAssessment
)

// update rewrites the golden images instead of comparing with them:
//
//	go test -tags migrated_fynedo ./app/ -run Golden -update
var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// newTestUI builds the window on a test app and a fresh store, with typing
// written at once and the clock stopped at testDay.
func newTestUI(t testing.TB, prepare ...func(*data.Store)) (*UI, *data.Store) {
	t.Helper()
	defs := loadDefs(t)
	store := openStore(t, defs)
	for _, p := range prepare {
		p(store)
	}
	return testUIOn(t, store, defs), store
}

// testUIOn builds the window as newTestUI does, on a store of the test's.
func testUIOn(t testing.TB, store *data.Store, defs *assessment.Definitions) *UI {
	t.Helper()
	ui := NewUI(test.NewTempApp(t), store, defs)
	ui.bg.wait()
	onTestThread(ui)
	ui.now = func() time.Time { return testDay }
	ui.typing.delay = 0
	ui.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		ui.bg.close()
		ui.win.Close()
	})
	return ui
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
