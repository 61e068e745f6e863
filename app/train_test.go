package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/train"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// The train screen's own tests, on a host of their own, are in app/train;
// these see it through the window, where the shell's "Not saved" dialog
// and its "Try again" take part.

// impedimentTitle is the placeholder of the impediment form's title.
const impedimentTitle = "What is in the way, in a few words"

// entryWith is the entry on screen (a dialog's first) that holds text.
func entryWith(t *testing.T, ui *UI, text string) *widget.Entry {
	t.Helper()
	for _, o := range visible(ui.win.Canvas()) {
		if e, ok := o.(*widget.Entry); ok && e.Text == text {
			return e
		}
	}
	t.Fatalf("no entry holds %q", text)
	return nil
}

// TestRefusedWriteLeavesNoPhantomRow: when the store refuses an
// impediment, the register shows what the store holds, and the form opens
// again with what the coach entered.
func TestRefusedWriteLeavesNoPhantomRow(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Fragile ART")
	ts.SelectTab(train.TabRegister)
	store.Close()
	tap(t, ui, "Add impediment")
	title := entry(t, ui, impedimentTitle)
	test.Type(title, "No test environment")
	raised := entryWith(t, ui, assessment.Day(testDay).Format(widgets.DateInput))
	raised.SetText("2026-03-01")
	tap(t, ui, "Save")
	settle(ui)
	assertShows(t, c, "Not saved")
	assertShows(t, c, "The screen shows what is saved.")
	assertShows(t, c, "The register is empty")
	if again := entry(t, ui, impedimentTitle); again == title || again.Text != "No test environment" {
		t.Errorf("the form did not open again with what was entered")
	}
	entryWith(t, ui, "2026-03-01") // the date entered, in the form again
	assertShows(t, c, "0 open impediments")
	assertNotShown(t, c, "1 open impediment")
}

// TestRefusedRosterAsksOnceAndRetriesTheLatest: while the store refuses,
// editing on brings one "Not saved" dialog, not one a change, and "Try
// again" saves the roster as it is now, with every change made meanwhile.
func TestRefusedRosterAsksOnceAndRetriesTheLatest(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Patient ART")
	ts.SelectTab(train.TabRoster)
	newPerson := entry(t, ui, "Name of a person to add")
	path := store.Path()
	store.Close()
	for _, name := range []string{"Ana Souza", "Bo Li", "Cy Oduya"} {
		newPerson.SetText(name)
		tap(t, ui, "Add person")
	}
	if n := len(c.Overlays().List()); n != 1 {
		t.Errorf("%d dialogs for three refused changes, want one", n)
	}
	assertShows(t, c, "Not saved")

	// The disk is back: "Try again" writes the roster with all three.
	again, err := data.Open(path, data.Options{Definitions: ui.defs})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { again.Close() })
	ui.store = again
	tap(t, ui, "Try again")
	saved, err := again.Roster(context.Background(), ts.ID())
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.People) != 3 {
		t.Errorf("the retry saved %d people, want the 3 on screen", len(saved.People))
	}
	assertNotShown(t, c, "Not saved")
}
