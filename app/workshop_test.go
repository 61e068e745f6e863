package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/app/workshop"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// The workshop screen's own tests, on a host of their own, are in
// app/workshop; these see it through the window: how it is started and
// opened, its keys and menu entries, the status bar, its presentation
// window, and what the results show of it.

// startWorkshop starts an assessment through the UI and runs it as a
// workshop.
func startWorkshop(t *testing.T, ui *UI, name string, anonymous bool) *workshop.Screen {
	t.Helper()
	startAssessment(t, ui, name)
	tap(t, ui, "Run as workshop")
	assertShows(t, ui.win.Canvas(), "Each vote stays hidden until you reveal the item")
	if anonymous {
		for _, o := range visible(ui.win.Canvas()) {
			if c, ok := o.(interface{ SetChecked(bool) }); ok {
				c.SetChecked(true)
			}
		}
	}
	tap(t, ui, "Start the workshop")
	ws, ok := ui.top().(workshopPage)
	if !ok {
		t.Fatalf("the workshop did not open: %T", ui.top())
	}
	return ws.Screen
}

// addParticipant adds someone through the room panel, as the coach types
// them in.
func addParticipant(t *testing.T, ui *UI, name, role string) {
	t.Helper()
	var entry *widget.Entry
	var roles *widget.Select
	for _, o := range visible(ui.win.Canvas()) {
		switch x := o.(type) {
		case *widget.Entry:
			if x.PlaceHolder == "Name" {
				entry = x
			}
		case *widget.Select:
			if x.PlaceHolder == "Role" {
				roles = x
			}
		}
	}
	if entry == nil || roles == nil {
		t.Fatal("the room panel's name and role are not on screen")
	}
	entry.SetText(name)
	roles.SetSelected(role)
	tap(t, ui, "Add participant")
}

// levels is the rating picker on screen, where the votes are cast.
func levels(t *testing.T, ui *UI) *widgets.RatingPicker {
	t.Helper()
	for _, o := range visible(ui.win.Canvas()) {
		if p, ok := o.(*widgets.RatingPicker); ok {
			return p
		}
	}
	t.Fatal("no levels on screen")
	return nil
}

// presentations are the presentation windows open.
func presentations(ui *UI) []fyne.Window {
	var out []fyne.Window
	for _, w := range ui.app.Driver().AllWindows() {
		if w.Title() == "Trainscope – workshop presentation" {
			out = append(out, w)
		}
	}
	return out
}

// savedWorkshop reads the workshop as the database holds it.
func savedWorkshop(t *testing.T, store *data.Store, id string) *assessment.Assessment {
	t.Helper()
	a, err := store.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Workshop == nil {
		t.Fatal("the assessment is not a workshop in the database")
	}
	return a
}

// TestWorkshopInTheWindow runs a round through the window: the workshop is
// started from the checklists, three people vote in turn with the mouse and
// the keys (Enter stays on the item), the status bar says the votes are
// saved, the reveal shows the spread; F5 and the menu open the
// presentation, which goes with the screen; the menu's import of responses
// opens; and the results carry a workshop card that names nobody.
func TestWorkshopInTheWindow(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ws := startWorkshop(t, ui, "Workshop ART", false)
	_, id, _ := ws.ShownAssessment()
	assertShows(t, c, "Nobody is in the room yet")
	if ui.menu.present.Disabled || ui.menu.prevItem.Disabled || ui.menu.nextItem.Disabled {
		t.Error("the menu does not offer the presentation and the items on the workshop")
	}

	addParticipant(t, ui, "Ana Souza", "Scrum Master")
	addParticipant(t, ui, "Bo Li", "Product Owner")
	addParticipant(t, ui, "Chen Wei", "Developer")
	assertShows(t, c, "The room (3)")
	assertShows(t, c, "Still to vote: Ana Souza, Bo Li, Chen Wei")

	it := &ui.defs.Checklists[0].Items[0]
	p := levels(t, ui)
	test.Tap(p.Choices()[1]) // level 2, and the keys go to the levels
	settle(ui)
	assertShows(t, c, "Ana Souza has voted; the vote is hidden until the reveal. Next: Bo Li.")
	if c.Focused() != p {
		t.Fatalf("the levels do not have the keys; focused: %T", c.Focused())
	}
	pressRune(t, ui, '5')
	pressRune(t, ui, '4')
	pressKey(t, ui, fyne.KeyReturn) // a voter confirming with Enter does not move the room on
	assertShows(t, c, "Everyone has voted.")
	assertShows(t, c, "Saved")
	for _, v := range []assessment.Rating{2, 4, 5} {
		assertNotShown(t, c, widgets.RatingText(it, v))
	}
	if a := savedWorkshop(t, store, id); len(a.Workshop.Votes) != 3 {
		t.Fatalf("votes saved: %d, want 3", len(a.Workshop.Votes))
	}
	tap(t, ui, "Reveal the votes")
	assertShows(t, c, "Votes revealed")
	assertShows(t, c, "Votes: Ana Souza: 2 · Bo Li: 5 · Chen Wei: 4")

	// F5 opens the presentation; the menu brings it to the front, not a
	// second one; it closes with the screen.
	ui.functionKey(&fyne.KeyEvent{Name: fyne.KeyF5})
	if n := len(presentations(ui)); n != 1 {
		t.Fatalf("F5 opened %d presentations, want 1", n)
	}
	ui.menu.present.Action()
	if n := len(presentations(ui)); n != 1 {
		t.Fatalf("the menu left %d presentations, want 1", n)
	}

	// The menu's import of responses opens its dialog on the workshop.
	ui.menu.importResponses.Action()
	assertShows(t, c, "Import workshop responses")
	assertShows(t, c, "No files yet.")
	dismissDialogs(c)

	// The room's consensus 3 and the coach's observation 2, as the screen
	// records them (app/workshop's TestWorkshopRound taps them).
	ctx := context.Background()
	if err := store.SetAnswer(ctx, id, assessment.Answer{ItemID: it.ID, Rating: 3}); err != nil {
		t.Fatal(err)
	}
	if err := store.SetObservation(ctx, id, it.ID, 2); err != nil {
		t.Fatal(err)
	}

	// The results carry a workshop card.
	trainID, _, _ := ws.ShownAssessment()
	ui.openResults(trainID, id)
	settle(ui)
	if n := len(presentations(ui)); n != 0 {
		t.Errorf("the presentation stayed open after leaving the workshop: %d", n)
	}
	rs := ui.top().(resultsPage)
	a := savedWorkshop(t, store, id)
	train, err := store.Train(ctx, trainID)
	if err != nil {
		t.Fatal(err)
	}
	_, per := assessment.ObservationGaps(ui.defs, a)
	want := fmt.Sprintf("consensus %s, observed %s, gap %s", widgets.ScoreText(per[0].Self), widgets.ScoreText(per[0].Observed), widgets.Signed(per[0].Gap))
	assertShows(t, c, "Strong disagreements")
	assertShows(t, c, "1.1 "+train.Framework.Expand(it.Text))
	if len(rs.WorkshopGaps()) != len(ui.defs.Checklists) || !strings.Contains(rs.WorkshopGaps()[0], want) {
		t.Errorf("results workshop card: %q", rs.WorkshopGaps())
	}
	assertNotShown(t, c, "Ana Souza")
}

// TestExportResponse writes the answers of an assessment as a response
// file, as the save dialog would.
func TestExportResponse(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	recent, _ := store.RecentAssessments(context.Background(), 1)
	ui.openResults(recent[0].TrainID, recent[0].ID)
	settle(ui)
	ui.menu.exportResponse.Action()
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Export my answers as a workshop response")
	dismissDialogs(ui.win.Canvas())

	path := filepath.Join(t.TempDir(), "me.json")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	ui.writeFile("the response", "Response saved", w, workshop.ResponseWriter(ui, recent[0].ID, assessment.Participant{Name: "Kim Park", Role: assessment.RoleFacilitatorP}), workshop.ResponseNotes)
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Saved as "+path)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rf, err := data.DecodeResponse(b)
	if err != nil {
		t.Fatal(err)
	}
	if rf.Participant.Name != "Kim Park" || rf.Participant.Role != string(assessment.RoleFacilitatorP) || len(rf.Votes) == 0 {
		t.Errorf("response written: %+v", rf)
	}
}
