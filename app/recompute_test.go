package app

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// upgradedUI is the window's first start after an upgrade: a database of
// trains samples whose summaries were made under other rules, opened under
// new ones. The background recompute waits until release is called.
func upgradedUI(t *testing.T, trains int) (ui *UI, store *data.Store, release func()) {
	t.Helper()
	ctx := context.Background()
	defs := loadDefs(t)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	old, err := data.Open(path, data.Options{SummaryRules: "old", Summarize: func(*assessment.Assessment, assessment.Train) assessment.Summary {
		return assessment.Summary{Score: 99, Known: true, Level: 5, LevelName: "Old rules"}
	}})
	if err != nil {
		t.Fatal(err)
	}
	for range trains {
		if _, _, err := old.AddSample(ctx, testDay); err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	held := make(chan struct{})
	var once sync.Once
	store, err = data.Open(path, data.Options{SummaryRules: "new", Definitions: defs,
		Summarize: func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
			<-held
			return assessment.Summarize(assessment.Evaluate(defs, tr, a))
		}})
	if err != nil {
		t.Fatal(err)
	}
	release = func() { once.Do(func() { close(held) }) }
	t.Cleanup(func() {
		release()
		store.Close()
	})
	ui = NewUI(test.NewTempApp(t), store, defs)
	ui.bg.wait()
	onTestThread(ui)
	ui.now = func() time.Time { return testDay }
	ui.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		ui.bg.close()
		ui.win.Close()
	})
	settle(ui)
	return ui, store, release
}

// TestHomeFollowsTheBackgroundRecompute: the first start after an upgrade
// shows home at once, the figures made under the old rules "updating…";
// when the store has recomputed them, home shows them without the coach
// doing anything.
func TestHomeFollowsTheBackgroundRecompute(t *testing.T) {
	ctx := context.Background()
	ui, store, release := upgradedUI(t, 1)
	c := ui.win.Canvas()
	assertShows(t, c, "updating…")
	assertNotShown(t, c, "Old rules")

	release()
	for deadline := time.Now().Add(time.Minute); ui.home.Pending() > 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("home still shows figures being updated a minute on")
		}
		settle(ui)
	}
	trains, err := store.Trains(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum := trains[0].Latest.Summary
	assertNotShown(t, c, "updating…")
	assertShows(t, c, sum.LevelName)
	if trains[0].Latest.Pending || sum.LevelName == "Old rules" {
		t.Errorf("the store lists %+v after the recompute", trains[0].Latest)
	}
}

// TestStoppedWindowIgnoresTheRecompute: once the app stops, the store's
// background recompute no longer reaches the screen (Fyne then runs what
// it is handed on the caller's goroutine, amid widgets being torn down).
func TestStoppedWindowIgnoresTheRecompute(t *testing.T) {
	ui, store, release := upgradedUI(t, 1)
	ui.stopping()
	release()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		trains, err := store.Trains(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !trains[0].Latest.Pending {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the summaries were not recomputed within a minute")
		}
	}
	time.Sleep(50 * time.Millisecond) // the store's word of the end, were it still handed on
	settle(ui)
	if ui.home.Pending() == 0 {
		t.Error("home was read again after the app stopped")
	}
	assertShows(t, ui.win.Canvas(), "updating…")
}

// TestRecomputeFailureSaidOnce: a recompute that stops on an error says so
// once, in plain words; home tries again on each visit, and a second
// failure does not stack a second dialog.
func TestRecomputeFailureSaidOnce(t *testing.T) {
	ui, _, _ := upgradedUI(t, 1)
	c := ui.win.Canvas()
	ui.summariesRecomputed(true, fmt.Errorf("recompute the summaries for the new rules: not saved: %w", data.ErrDiskFull))
	settle(ui)
	assertShows(t, c, "Some levels and scores are not up to date yet")
	assertShows(t, c, "The disk is full. Free some space and try again.")
	count := func() int {
		n := 0
		for _, s := range texts(c) {
			if s == "Some levels and scores are not up to date yet" {
				n++
			}
		}
		return n
	}
	once := count()
	ui.summariesRecomputed(true, fmt.Errorf("again: %w", data.ErrDiskFull))
	settle(ui)
	if n := count(); n != once || once == 0 {
		t.Errorf("the failure's title shows %d times after a second failure, %d after the first: want no second dialog", n, once)
	}
}
