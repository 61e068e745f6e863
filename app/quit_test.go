package app

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// exitWatch gives ui a quit watch of a short grace whose exit is recorded.
func exitWatch(ui *UI) <-chan int {
	exited := make(chan int, 1)
	ui.quit = newQuitWatch(20*time.Millisecond, func(code int) { exited <- code })
	return exited
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
	ctx := context.Background()
	ui.typing.delay = time.Hour // still typing: the save waits
	const name = "Typed just before the quit"
	ui.Typed("train name", func() {
		ui.bg.do(func() error {
			return store.CreateTrain(ctx, &assessment.Train{Name: name, Framework: assessment.SAFe})
		}, nil)
	})
	exited := exitWatch(ui)
	ui.quitAsked()
	awaitExit(t, exited)

	defs := loadDefs(t)
	again, err := data.Open(store.Path(), data.Options{
		Summarize: func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
			return assessment.Summarize(assessment.Evaluate(defs, tr, a))
		},
		Definitions: defs,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	trains, err := again.Trains(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, tr := range trains {
		found = found || tr.Train.Name == name
	}
	if !found || len(trains) != 2 {
		t.Errorf("after the stuck quit the database holds %d trains, the typed one: %v", len(trains), found)
	}
}

// TestQuitWatchStandsDownWhenRunReturns: a quit Fyne returns from is
// finished by Run, not by the watch.
func TestQuitWatchStandsDownWhenRunReturns(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	exited := exitWatch(ui)
	ui.quitAsked()
	ui.runReturned()
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
	ui.watchSignals()
	t.Cleanup(ui.runReturned)
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	awaitExit(t, exited)
}
