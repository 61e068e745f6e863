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
	"fyne.io/fyne/v2/theme"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// startWorkshop starts an assessment through the UI and runs it as a
// workshop.
func startWorkshop(t *testing.T, ui *UI, name string, anonymous bool) *workshopScreen {
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
	ws, ok := ui.top().(*workshopScreen)
	if !ok {
		t.Fatalf("the workshop did not open: %T", ui.top())
	}
	return ws
}

// addParticipant adds someone through the room panel.
func addParticipant(t *testing.T, ui *UI, ws *workshopScreen, name, role string) {
	t.Helper()
	ws.room.name.SetText(name)
	ws.room.role.SetSelected(role)
	tap(t, ui, "Add participant")
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

// TestWorkshopRound runs a whole round on one item: three people vote in
// turn without seeing a rating, the coach reveals the spread, records the
// consensus and their own observation, and sees the gap; then the
// discussion, summary, presentation and results show it.
func TestWorkshopRound(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ws := startWorkshop(t, ui, "Workshop ART", false)
	assertShows(t, c, "Nobody is in the room yet")

	addParticipant(t, ui, ws, "Ana Souza", "Scrum Master")
	addParticipant(t, ui, ws, "Bo Li", "Product Owner")
	addParticipant(t, ui, ws, "Chen Wei", "Developer")
	assertShows(t, c, "The room (3)")
	assertShows(t, c, "Voted (0 of 3): –")
	assertShows(t, c, "Still to vote: Ana Souza, Bo Li, Chen Wei")

	// A second Ana is refused and changes nothing.
	addParticipant(t, ui, ws, "ana souza", "Developer")
	assertShows(t, c, "is already in the workshop; give the second one a different name")
	if a := savedWorkshop(t, store, ws.assessmentID); len(a.Workshop.Participants) != 3 {
		t.Fatalf("participants saved after a duplicate: %d, want 3", len(a.Workshop.Participants))
	}

	_, it := ws.item()
	if ws.voterID != ws.workshop().Participants[0].ID {
		t.Fatalf("the first to vote is not the first in the room")
	}
	// Ana clicks level 2; Bo types 5, Chen types 4. After each, the levels
	// are clear again and the screen says only who has voted.
	forbidden := []string{"Median", "Disagreement", "Votes:", "Your answer", "Consensus"}
	for _, v := range []assessment.Rating{2, 4, 5} {
		forbidden = append(forbidden, widgets.RatingText(it, v))
	}
	hiddenAfterEachVote := func(voted int) {
		t.Helper()
		if ws.picker.Value() != assessment.Unanswered {
			t.Errorf("after vote %d the levels still show %d", voted, ws.picker.Value())
		}
		if ws.picker.Marked() {
			t.Errorf("after vote %d a level is still marked", voted)
		}
		for _, f := range forbidden {
			assertNotShown(t, c, f)
		}
		if ws.chart.Visible() && ws.revealBox.Visible() {
			t.Errorf("the distribution is visible before the reveal")
		}
		assertShows(t, c, fmt.Sprintf("Voted (%d of 3)", voted))
	}
	test.Tap(ws.picker.Choices()[1]) // level 2, and the keys go to the levels
	settle(ui)
	hiddenAfterEachVote(1)
	assertShows(t, c, "Ana Souza has voted; the vote is hidden until the reveal. Next: Bo Li.")
	assertShows(t, c, "Voted (1 of 3): Ana Souza")
	assertShows(t, c, "Still to vote: Bo Li, Chen Wei")
	if c.Focused() != ws.picker {
		t.Fatalf("the levels do not have the keys; focused: %T", c.Focused())
	}
	pressRune(t, ui, '5')
	hiddenAfterEachVote(2)
	pressRune(t, ui, '4')
	hiddenAfterEachVote(3)
	pressKey(t, ui, fyne.KeyReturn) // a voter confirming with Enter does not move the room on
	if ws.cl != 0 || ws.it != 0 {
		t.Fatalf("Enter moved the vote to item %d/%d", ws.cl, ws.it)
	}
	assertShows(t, c, "Everyone has voted.")
	// The room panel marks who voted, and the database holds the votes,
	// still hidden.
	for _, r := range ws.room.rows {
		if !r.voted {
			t.Errorf("room row %q is not marked voted", r.name.Text)
		}
	}
	a := savedWorkshop(t, store, ws.assessmentID)
	if len(a.Workshop.Votes) != 3 {
		t.Fatalf("votes saved: %d, want 3", len(a.Workshop.Votes))
	}
	if _, shown := a.Workshop.Spread(it.ID, len(it.Levels)); shown {
		t.Fatal("the votes are revealed in the database before the reveal")
	}

	// The reveal shows every vote together.
	tap(t, ui, "Reveal the votes")
	assertShows(t, c, "Votes revealed")
	assertShows(t, c, "3 votes")
	assertShows(t, c, "Median 4 · "+it.Levels[3].Label)
	assertShows(t, c, "Disagreement 0.50 of 1: strong disagreement")
	assertShows(t, c, "Strong disagreement — discuss") // the flag
	assertShows(t, c, "Votes: Ana Souza: 2 · Bo Li: 5 · Chen Wei: 4")
	if got := fmt.Sprint(ws.chart.Spread().Counts); got != "[0 1 0 1 1]" {
		t.Errorf("the distribution shows %s", got)
	}

	// The consensus is the item's answer; the observation is kept apart;
	// the gap between them shows.
	test.Tap(ws.consensus.Buttons()[2]) // 3
	settle(ui)
	assertShows(t, c, "Consensus "+widgets.RatingText(it, 3)+". Record what you observed")
	test.Tap(ws.observation.Buttons()[1]) // 2
	settle(ui)
	assertShows(t, c, "Consensus "+widgets.RatingText(it, 3)+"; you observed "+widgets.RatingText(it, 2)+
		". Gap +1: the room rates itself 1 level higher than you observed.")
	test.Type(ws.note, "Teams disagree on the sync's rhythm")
	settle(ui)
	a = savedWorkshop(t, store, ws.assessmentID)
	if ans := a.Answers[it.ID]; ans.Rating != 3 || ans.Note != "Teams disagree on the sync's rhythm" {
		t.Errorf("consensus saved as %+v", ans)
	}
	if got := a.Workshop.Observed[it.ID]; got != 2 {
		t.Errorf("observation saved as %d, want 2", got)
	}
	assertShows(t, c, "Saved")

	// Discussion: the item, flagged.
	ws.tabs.SelectIndex(tabDiscussion)
	if len(ws.discussion.spreads) != 1 || ws.discussion.spreads[0].ItemID != it.ID {
		t.Fatalf("discussion lists %+v", ws.discussion.spreads)
	}
	assertShows(t, c, "Discuss")
	assertShows(t, c, "0.50 · strong")

	// Summary: self against observed per checklist.
	ws.tabs.SelectIndex(tabSummary)
	_, per := assessment.ObservationGaps(ui.defs, a)
	want := fmt.Sprintf("consensus %s, observed %s, gap %s", widgets.ScoreText(per[0].Self), widgets.ScoreText(per[0].Observed), widgets.Signed(per[0].Gap))
	if len(ws.summary.checklistGaps) == 0 || !strings.Contains(ws.summary.checklistGaps[0], want) {
		t.Errorf("summary shows %q, want %q", ws.summary.checklistGaps, want)
	}
	if per[0].Gap <= 0 {
		t.Errorf("the room rated itself higher, yet the checklist gap is %v", per[0].Gap)
	}
	assertShows(t, c, "+1   1.1 ")

	// A click in the discussion goes back to the item.
	ws.tabs.SelectIndex(tabDiscussion)
	ws.Move(1) // elsewhere first
	ws.tabs.SelectIndex(tabDiscussion)
	ws.discussion.list.Select(0)
	settle(ui)
	if ws.tabs.SelectedIndex() != tabVoting || ws.cl != 0 || ws.it != 0 {
		t.Errorf("the discussion's item did not open: tab %d, item %d/%d", ws.tabs.SelectedIndex(), ws.cl, ws.it)
	}

	// The results carry a workshop card.
	ui.openResults(ws.trainID, ws.assessmentID)
	settle(ui)
	rs := ui.top().(*resultsScreen)
	assertShows(t, c, "Strong disagreements")
	assertShows(t, c, "1.1 "+ws.train.Framework.Expand(ui.defs.Checklists[0].Items[0].Text))
	if len(rs.workshopGaps) != len(ui.defs.Checklists) || !strings.Contains(rs.workshopGaps[0], want) {
		t.Errorf("results workshop card: %q", rs.workshopGaps)
	}
	assertNotShown(t, c, "Ana Souza")
}

// TestWorkshopPresentation: the projector's window shows the item in large
// type, who has voted before the reveal and the spread after, never the
// coach's notes or a name in an anonymous workshop; the arrows move, Esc
// leaves.
func TestWorkshopPresentation(t *testing.T) {
	ui, store := newTestUI(t)
	ws := startWorkshop(t, ui, "Projector ART", true)
	addParticipant(t, ui, ws, "Ana Souza", "Scrum Master")
	addParticipant(t, ui, ws, "Bo Li", "Scrum Master")
	if a := savedWorkshop(t, store, ws.assessmentID); !a.Workshop.Anonymous {
		t.Fatal("the workshop was started anonymous but is not saved so")
	}
	_, it := ws.item()
	fw := ws.train.Framework

	ui.functionKey(&fyne.KeyEvent{Name: fyne.KeyF5})
	pv := ws.presentation
	if pv == nil {
		t.Fatal("F5 did not open the presentation")
	}
	pc := pv.win.Canvas()
	if got := pv.win.Canvas().Size(); got.Width < 1024 || got.Height < 768 {
		t.Errorf("presentation window %v, want at least 1024×768", got)
	}
	assertShows(t, pc, fw.Expand(it.Text))
	if size := theme.SizeForWidget(pv.text.SizeName, pv.text); size < 30 {
		t.Errorf("the item's text is %.0f points on the projector, want 30 or more", size)
	}
	if size := theme.SizeForWidget(theme.SizeNameText, pv.voted); size < 20 {
		t.Errorf("body text is %.0f points on the projector, want 20 or more", size)
	}
	for _, l := range it.Levels {
		assertShows(t, pc, fw.Expand(l.Descriptor))
	}
	assertShows(t, pc, "Voted (0 of 2): –")
	assertShows(t, pc, "Still to vote: Scrum Master 1, Scrum Master 2")

	test.Tap(ws.picker.Choices()[0])
	settle(ui)
	assertShows(t, pc, "Voted (1 of 2): Scrum Master 1")
	// Fyne's test driver gives the focus to the newest window's canvas;
	// the real one gives it to the picker's.
	ui.win.Canvas().Focus(ws.picker)
	pressRune(t, ui, '1')
	tap(t, ui, "Reveal the votes")
	test.Type(ws.note, "Private: Bo seemed unsure")
	settle(ui)
	assertShows(t, pc, "Median 1")
	assertShows(t, pc, "2 votes · disagreement 0.00: the room agrees")
	for _, s := range []string{"Private: Bo seemed unsure", "Ana Souza", "Bo Li", "What to look for"} {
		assertNotShown(t, pc, s)
	}

	// The arrows move both windows to the next item; Esc leaves.
	pv.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	settle(ui)
	if ws.it != 1 {
		t.Fatalf("→ went to item %d, want 1", ws.it)
	}
	assertShows(t, pc, fw.Expand(ui.defs.Checklists[0].Items[1].Text))
	assertShows(t, pc, "Voted (0 of 2)")
	pv.typedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if ws.it != 0 {
		t.Fatalf("← went to item %d, want 0", ws.it)
	}
	pv.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if ws.presentation != nil {
		t.Error("Esc did not leave the presentation")
	}

	// The presentation follows the workshop screen, and goes with it.
	ui.menu.present.Action()
	if ws.presentation == nil {
		t.Fatal("the menu did not open the presentation")
	}
	ui.goHome()
	settle(ui)
	if ws.presentation != nil {
		t.Error("the presentation stayed open after leaving the workshop")
	}
}

// TestWorkshopVoteAgainAndRemove: voting again clears the item's votes
// after asking; removing someone takes their votes with them.
func TestWorkshopVoteAgainAndRemove(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ws := startWorkshop(t, ui, "Again ART", false)
	addParticipant(t, ui, ws, "Ana Souza", "Scrum Master")
	addParticipant(t, ui, ws, "Bo Li", "Product Owner")
	test.Tap(ws.picker.Choices()[0])
	settle(ui)

	// Revealing before everyone voted asks first.
	tap(t, ui, "Reveal the votes")
	assertShows(t, c, "1 person has not voted yet")
	tap(t, ui, "Reveal")
	assertShows(t, c, "Votes revealed")
	tap(t, ui, "Vote again")
	assertShows(t, c, "Clear the 1 vote on this item and vote again?")
	tap(t, ui, "Vote again") // the confirmation's button
	assertShows(t, c, "Voted (0 of 2)")
	a := savedWorkshop(t, store, ws.assessmentID)
	if len(a.Workshop.Votes) != 0 || len(a.Workshop.Revealed) != 0 {
		t.Errorf("after voting again: %d votes, %d revealed", len(a.Workshop.Votes), len(a.Workshop.Revealed))
	}

	// Bo votes, then leaves the room with his vote.
	ws.room.chooseVoter(ws.workshop().Participants[1].ID)
	pressRune(t, ui, '3')
	test.Tap(ws.room.rows[1].remove)
	settle(ui)
	assertShows(t, c, "Take Bo Li out of the workshop? Their vote goes with them")
	tap(t, ui, "Remove")
	assertShows(t, c, "The room (1)")
	a = savedWorkshop(t, store, ws.assessmentID)
	if len(a.Workshop.Participants) != 1 || len(a.Workshop.Votes) != 0 {
		t.Errorf("after removing Bo: %d participants, %d votes", len(a.Workshop.Participants), len(a.Workshop.Votes))
	}
}

// respondingStore is a participant's own Trainscope: the sample train with
// its answered assessment.
func respondingStore(t *testing.T) (*data.Store, string) {
	t.Helper()
	other := openStore(t, loadDefs(t))
	_, id, err := other.AddSample(context.Background(), testDay)
	if err != nil {
		t.Fatal(err)
	}
	return other, id
}

// TestImportWorkshopResponses: two participants' files merge into the
// workshop; a file from someone already in it is refused in plain words and
// changes nothing.
func TestImportWorkshopResponses(t *testing.T) {
	ctx := context.Background()
	other, otherID := respondingStore(t)
	dee, err := other.ExportResponse(ctx, otherID, assessment.Participant{Name: "Dee Okafor", Role: assessment.RoleProductOwnerP})
	if err != nil {
		t.Fatal(err)
	}
	eli, err := other.ExportResponse(ctx, otherID, assessment.Participant{Name: "Eli Brandt", Role: assessment.RoleDeveloperP})
	if err != nil {
		t.Fatal(err)
	}

	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ws := startWorkshop(t, ui, "Remote ART", false)
	addParticipant(t, ui, ws, "Ana Souza", "Scrum Master")

	// The menu's dialog gathers files one at a time.
	ui.menu.importResponses.Action()
	rd := ui.lastResponsesDialog
	if rd == nil {
		t.Fatal("the import dialog did not open")
	}
	assertShows(t, c, "No files yet.")
	rd.add("dee.json", "/a/dee.json", dee)
	rd.add("eli.json", "/b/eli.json", eli)
	tap(t, ui, "Import 2 responses")
	assertShows(t, c, "Responses imported")
	assertShows(t, c, "Merged 2 responses")
	a := savedWorkshop(t, store, ws.assessmentID)
	if len(a.Workshop.Participants) != 3 {
		t.Fatalf("participants after the import: %d, want 3", len(a.Workshop.Participants))
	}
	votes := len(a.Workshop.Votes)
	if votes == 0 {
		t.Fatal("no votes merged")
	}
	dismissDialogs(c)
	assertShows(t, c, "The room (3)")
	assertShows(t, c, "Dee Okafor")

	// Dee's file again: refused, nothing changed.
	ui.importResponses(ws.assessmentID, map[string][]byte{"dee-again.json": dee, "eli.json": eli})
	settle(ui)
	assertShows(t, c, "Nothing was imported")
	assertShows(t, c, "Nothing was changed: the workshop is as it was.")
	assertShows(t, c, "was refused")
	assertShows(t, c, "is already in the workshop")
	a = savedWorkshop(t, store, ws.assessmentID)
	if len(a.Workshop.Participants) != 3 || len(a.Workshop.Votes) != votes {
		t.Errorf("after a refused import: %d participants, %d votes; want 3, %d", len(a.Workshop.Participants), len(a.Workshop.Votes), votes)
	}
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
	ui.writeFile("the response", "Response saved", w, ui.responseWriter(recent[0].ID, assessment.Participant{Name: "Kim Park", Role: assessment.RoleFacilitatorP}), responseNotes)
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

// TestImportResponsesFromFolder: a folder adds every response file in it
// and leaves out, by name, JSON files that are not responses.
func TestImportResponsesFromFolder(t *testing.T) {
	ctx := context.Background()
	other, otherID := respondingStore(t)
	dir := t.TempDir()
	for _, name := range []string{"Dee Okafor", "Eli Brandt"} {
		b, err := other.ExportResponse(ctx, otherID, assessment.Participant{Name: name, Role: assessment.RoleDeveloperP})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, strings.Fields(name)[0]+".json"), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "trains.json"), []byte(`{"format": "trainscope-bundle", "version": 1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not json"), 0o600); err != nil {
		t.Fatal(err)
	}

	ui, _ := newTestUI(t)
	ws := startWorkshop(t, ui, "Folder ART", false)
	rd := ui.importResponsesDialog(ws.assessmentID)
	lister, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	rd.addFolder(lister)
	settle(ui)
	if len(rd.files) != 2 || rd.files["Dee.json"] == nil || rd.files["Eli.json"] == nil {
		t.Errorf("files added from the folder: %d", len(rd.files))
	}
	assertShows(t, ui.win.Canvas(), "Left out, not response files: trains.json (this is a bundle")
	assertShows(t, ui.win.Canvas(), "Import 2 responses")
}
