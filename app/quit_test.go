package app

import (
	"context"
	"errors"
	"os"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// exitWatch gives ui a quit watch of a short grace whose exit is recorded.
func exitWatch(ui *UI) <-chan int {
	q, exited := shortWatch()
	ui.watch(q)
	return exited
}

// shortWatch is a quit watch of a short grace whose exit is recorded.
func shortWatch() (*quitWatch, <-chan int) {
	exited := make(chan int, 1)
	return newQuitWatch(20*time.Millisecond, func(code int) { exited <- code }), exited
}

// awaitExit fails unless the watch exits with 0 within a few seconds.
func awaitExit(t *testing.T, exited <-chan int) {
	t.Helper()
	select {
	case code := <-exited:
		if code != 0 {
			t.Errorf("the watch exited with %d, want 0", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the watch did not end a quit Fyne never returned from")
	}
}

// TestStuckQuitSavesWhatIsTypedAndExits: when Fyne does not return from a
// quit (see quit.go), the watch saves what the coach was still typing,
// lets the store's last write land, closes it and exits.
func TestStuckQuitSavesWhatIsTypedAndExits(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	settle(ui)
	const name = "Typed just before the quit"
	typeTrainName(ui, store, name)
	exited := exitWatch(ui)
	ui.quitAsked()
	awaitExit(t, exited)

	if n := trainNamed(t, store.Path(), loadDefs(t), name); n != 1 {
		t.Errorf("after the stuck quit the database holds %d trains named %q, want 1", n, name)
	}
}

// trainNamed opens the database at path again and counts its trains
// called name.
func trainNamed(t *testing.T, path string, defs *assessment.Definitions, name string) int {
	t.Helper()
	trains, err := screentest.OpenStoreAt(t, path, defs).Trains(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, tr := range trains {
		if tr.Train.Name == name {
			n++
		}
	}
	return n
}

// typeTrainName has the coach still typing a new train's name: its save
// waits for the typing to pause, which it does not before the quit.
func typeTrainName(ui *UI, store *data.Store, name string) {
	ui.typing.delay = time.Hour
	ui.Typed("train name", func() {
		ui.bg.do(func() error {
			return store.CreateTrain(context.Background(), &assessment.Train{Name: name, Framework: assessment.SAFe})
		}, nil)
	})
}

// TestQuitWatchStandsDownWhenRunReturns: a quit Fyne returns from is
// finished by Run, not by the watch.
func TestQuitWatchStandsDownWhenRunReturns(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	exited := exitWatch(ui)
	ui.quitAsked()
	ui.quit.runReturned()
	select {
	case <-exited:
		t.Fatal("the watch exited though a.Run returned")
	case <-time.After(200 * time.Millisecond):
	}
	if _, err := store.Trains(context.Background()); err != nil {
		t.Errorf("the store after a quit Run returned from: %v", err)
	}
}

// TestClosingOrSigtermAsksForTheQuit: closing the window and SIGTERM (a
// logout, a kill) both start the watch.
func TestClosingOrSigtermAsksForTheQuit(t *testing.T) {
	ui, _ := newTestUI(t, withSample)
	exited := exitWatch(ui)
	closed := false
	ui.closeWin = func() { closed = true }
	ui.closeWindow()
	if !closed {
		t.Fatal("the window did not close")
	}
	awaitExit(t, exited)

	ui, _ = newTestUI(t, withSample)
	exited = exitWatch(ui)
	ui.quit.watchSignals()
	t.Cleanup(ui.quit.runReturned)
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	awaitExit(t, exited)
}

// TestOpenErrorWindowQuitsAreWatched: the window saying the database could
// not be opened quits through the watch as Run's window does, and the main
// window opened on a copy of the backup is given that watch: a quit Fyne
// does not return from still saves what the coach was typing there, and
// the process ends.
func TestOpenErrorWindowQuitsAreWatched(t *testing.T) {
	defs := loadDefs(t)
	problem := errors.New("the database /home/coach/trainscope.db is damaged")
	q, exited := shortWatch()
	onCopy := func(store *data.Store) *UI { return testUIOn(t, store, defs) }
	w, restored := openErrorStart(test.NewTempApp(t), problem, nil, onCopy, q)
	w.Show()
	defer w.Close()
	test.Tap(button(t, w.Canvas(), "Quit"))
	awaitExit(t, exited)
	if restored() != nil {
		t.Error("a main window without a backup opened")
	}

	store := openStore(t, defs)
	withSample(store)
	q, exited = shortWatch()
	w, restored = openErrorStart(test.NewTempApp(t), problem, func() (*data.Store, string, error) {
		return store, "Trainscope opened a copy of the backup.", nil
	}, onCopy, q)
	w.Show()
	test.Tap(button(t, w.Canvas(), "Open a copy of the newest backup"))
	ui := restored()
	if ui == nil || ui.quit != q {
		t.Fatalf("the main window on the copy is not watched (window %v)", ui != nil)
	}
	const name = "Typed on the copy"
	typeTrainName(ui, store, name)
	ui.closeWin = func() {}
	ui.closeWindow()
	awaitExit(t, exited)
	if n := trainNamed(t, store.Path(), defs, name); n != 1 {
		t.Errorf("after the stuck quit the copy holds %d trains named %q, want 1", n, name)
	}
}

// TestStoppingEndsTheReads: as the app stops, a read still running (home's
// badges of a LACE's 2,000 trains take seconds) is told to end, so the
// quit does not wait for it; a write queued meanwhile still lands.
func TestStoppingEndsTheReads(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	settle(ui)
	started := make(chan struct{})
	ended := make(chan error, 1)
	ui.ReadBeside("a long read", func(ctx context.Context) error {
		close(started)
		select {
		case <-ctx.Done():
			ended <- ctx.Err()
		case <-time.After(10 * time.Second):
			ended <- errors.New("never told to end")
		}
		return ctx.Err()
	}, func() {})
	<-started
	const name = "Saved as the app stops"
	ui.bg.do(func() error {
		return store.CreateTrain(context.Background(), &assessment.Train{Name: name, Framework: assessment.SAFe})
	}, nil)
	ui.stopping()
	waited := time.Now()
	ui.bg.wait()
	if err := <-ended; !errors.Is(err, context.Canceled) {
		t.Errorf("the read after the stop: %v", err)
	}
	if d := time.Since(waited); d > 2*time.Second {
		t.Errorf("the stop waited %v for the read", d)
	}
	if n := trainNamed(t, store.Path(), loadDefs(t), name); n != 1 {
		t.Errorf("the write queued as the app stopped: %d trains named %q, want 1", n, name)
	}
}
