package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// TestHomeFollowsTheBackgroundRecompute: the first start after an upgrade
// shows home at once, the figures made under the old rules "updating…";
// when the store has recomputed them, home shows them without the coach
// doing anything.
func TestHomeFollowsTheBackgroundRecompute(t *testing.T) {
	ctx := context.Background()
	defs := loadDefs(t)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	old, err := data.Open(path, data.Options{SummaryRules: "old", Summarize: func(*assessment.Assessment, assessment.Train) assessment.Summary {
		return assessment.Summary{Score: 99, Known: true, Level: 5, LevelName: "Old rules"}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := old.AddSample(ctx, testDay); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	store, err := data.Open(path, data.Options{SummaryRules: "new", Definitions: defs,
		Summarize: func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
			<-release
			return assessment.Summarize(assessment.Evaluate(defs, tr, a))
		}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })

	ui := NewUI(test.NewTempApp(t), store, defs)
	ui.bg.wait()
	onTestThread(ui)
	ui.now = func() time.Time { return testDay }
	ui.win.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(func() {
		ui.bg.close()
		ui.win.Close()
	})
	settle(ui)
	c := ui.win.Canvas()
	assertShows(t, c, "updating…")
	assertNotShown(t, c, "Old rules")

	close(release)
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
