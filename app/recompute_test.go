package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/data"
)

// upgradedUI is the window's first start after an upgrade on
// screentest.UpgradedStore.
func upgradedUI(t *testing.T, trains int) (ui *UI, store *data.Store, release func()) {
	t.Helper()
	defs := loadDefs(t)
	store, release = screentest.UpgradedStore(t, defs, trains)
	ui = testUIOn(t, store, defs)
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
	assertNotShown(t, c, screentest.OldRulesLevel)

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
	if trains[0].Latest.Pending || sum.LevelName == screentest.OldRulesLevel {
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
