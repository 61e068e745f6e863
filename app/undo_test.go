package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/train"
	"github.com/trainscope/trainscope/assessment"
)

// pressShortcut is a shortcut typed on the window as Fyne's desktop driver
// hands it on: the menu's entry of that name, else the focused widget that
// takes shortcuts, else the window's own.
func pressShortcut(ui *UI, sc fyne.Shortcut) {
	for _, m := range ui.menu.menu.Items {
		for _, i := range m.Items {
			if i.Shortcut != nil && i.Shortcut.ShortcutName() == sc.ShortcutName() && i.Action != nil {
				i.Action()
				settle(ui)
				return
			}
		}
	}
	switch f, ok := ui.win.Canvas().Focused().(fyne.Shortcutable); {
	case ok:
		f.TypedShortcut(sc)
	case sc.ShortcutName() == (&fyne.ShortcutUndo{}).ShortcutName():
		// Fyne's test canvas types no shortcut of its own: call what the
		// window's Ctrl+Z does (see newMainMenu).
		ui.undoKey(false)
	case sc.ShortcutName() == (&fyne.ShortcutRedo{}).ShortcutName():
		ui.undoKey(true)
	}
	settle(ui)
}

// TestCtrlZInTheWindow: Ctrl+Z on the checklists takes a rating back on
// screen and in the store; the Edit menu and the status bar name the
// change; Ctrl+Shift+Z makes it again; another screen forgets the steps.
func TestCtrlZInTheWindow(t *testing.T) {
	ui, store := newTestUI(t)
	ctx := context.Background()
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Undo ART")
	a := assessment.Assessment{TrainID: ts.ID(), Date: testDay, PI: "PI 2026.2", ChecklistVersion: ui.defs.Version}
	if err := store.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	ui.openAssessment(ts.ID(), a.ID)
	settle(ui)
	if ui.menu.undo.Disabled == false {
		t.Errorf("Edit ▸ Undo is enabled with nothing to take back: %q", ui.menu.undo.Label)
	}
	item := ui.defs.For(assessment.SAFe).Checklists[0].Items[0]
	rating := func() assessment.Rating {
		t.Helper()
		got, err := store.Assessment(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.Answers[item.ID].Rating
	}

	pressRune(t, ui, '4')
	if rating() != 4 {
		t.Fatalf("the store holds %d", rating())
	}
	if l := ui.menu.undo.Label; !strings.HasPrefix(l, "Undo: rating of “") || ui.menu.undo.Disabled {
		t.Errorf("Edit ▸ Undo reads %q (disabled %v)", l, ui.menu.undo.Disabled)
	}
	if !strings.HasPrefix(ui.status.undoText.Text, "Rating of “") || !ui.status.undoBtn.Visible() {
		t.Errorf("the status bar offers %q", ui.status.undoText.Text)
	}

	pressShortcut(ui, &fyne.ShortcutUndo{}) // Ctrl+Z as the driver names it
	if rating() != assessment.Unanswered {
		t.Errorf("after Ctrl+Z the store holds %d", rating())
	}
	assertShows(t, c, "Your answer: Not answered yet")
	if ui.status.undoBtn.Visible() {
		t.Errorf("the status bar still offers %q", ui.status.undoText.Text)
	}
	if l := ui.menu.redo.Label; !strings.HasPrefix(l, "Redo: rating of “") {
		t.Errorf("Edit ▸ Redo reads %q", l)
	}

	pressShortcut(ui, &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if rating() != 4 {
		t.Errorf("after Ctrl+Shift+Z the store holds %d", rating())
	}

	// The status bar's Undo is the same step.
	tap(t, ui, "Undo")
	if rating() != assessment.Unanswered {
		t.Errorf("after the status bar's Undo the store holds %d", rating())
	}

	// Another screen: nothing is left to take back there.
	pressRune(t, ui, '3')
	ui.back()
	settle(ui)
	if !ui.menu.undo.Disabled || ui.status.undoBtn.Visible() {
		t.Errorf("after going back Edit ▸ Undo reads %q and the status bar offers %q", ui.menu.undo.Label, ui.status.undoText.Text)
	}
	pressShortcut(ui, &fyne.ShortcutUndo{})
	if rating() != 3 {
		t.Errorf("Ctrl+Z on the train screen took back the checklists' rating: %d", rating())
	}
}

// TestUndoRosterEdits: Ctrl+Z takes back a person added and a team
// removed, on screen and in the store; the removal keeps its words in the
// status bar and Edit ▸ Undo.
func TestUndoRosterEdits(t *testing.T) {
	ui, store := newTestUI(t)
	ctx := context.Background()
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Roster ART")
	ts.SelectTab(train.TabRoster)
	settle(ui)
	roster := func() assessment.Roster {
		t.Helper()
		r, err := store.Roster(ctx, ts.ID())
		if err != nil {
			t.Fatal(err)
		}
		return r
	}

	for _, name := range []string{"Ana Souza", "Bo Li"} {
		test.Type(entry(t, ui, "Name of a person to add"), name)
		tap(t, ui, "Add person")
	}
	if n := len(roster().People); n != 2 {
		t.Fatalf("the store holds %d people", n)
	}
	if l := ui.menu.undo.Label; l != "Undo: change to the roster" {
		t.Errorf("Edit ▸ Undo reads %q", l)
	}
	pressShortcut(ui, &fyne.ShortcutUndo{})
	if r := roster(); len(r.People) != 1 || r.People[0].Name != "Ana Souza" {
		t.Errorf("after Ctrl+Z the store holds %+v", r.People)
	}
	assertNotShown(t, c, "Bo Li")
	pressShortcut(ui, &fyne.ShortcutRedo{}) // Ctrl+Y
	if n := len(roster().People); n != 2 {
		t.Errorf("after Ctrl+Y the store holds %d people", n)
	}
	assertShows(t, c, "Bo Li")

	tap(t, ui, "Add team")
	tap(t, ui, "Remove team")
	tap(t, ui, "Remove")
	if n := len(roster().Teams); n != 0 {
		t.Fatalf("the store holds %d teams after the removal", n)
	}
	if ui.status.undoText.Text != "Removed Team 1" || ui.menu.undo.Label != "Undo: Removed Team 1" {
		t.Errorf("the status bar offers %q, the menu %q", ui.status.undoText.Text, ui.menu.undo.Label)
	}
	pressShortcut(ui, &fyne.ShortcutUndo{})
	if r := roster(); len(r.Teams) != 1 || r.Teams[0].Name != "Team 1" || len(r.People) != 2 {
		t.Errorf("after Ctrl+Z the store holds %+v", r)
	}
	// One Ctrl+Z took the removal back, not a second step of it: the next
	// is the team's addition.
	pressShortcut(ui, &fyne.ShortcutUndo{})
	if r := roster(); len(r.Teams) != 0 || len(r.People) != 2 {
		t.Errorf("after the second Ctrl+Z the store holds %+v", r)
	}
}
