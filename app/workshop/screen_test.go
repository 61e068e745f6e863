package workshop

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

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// TestWorkshopRound runs a whole round on one item: three people vote in
// turn without seeing a rating, the coach reveals the spread, records the
// consensus and their own observation, and sees the gap; then the
// discussion and summary show it. (The shell's TestWorkshopInTheWindow
// sees the same round through the window, and the results' card.)
func TestWorkshopRound(t *testing.T) {
	h := newHost(t)
	store, c := h.DB, h.Win.Canvas()
	ws := startWorkshop(t, h, "Workshop ART", false)
	assertShows(t, c, "Nobody is in the room yet")

	addParticipant(t, h, ws, "Ana Souza", "Scrum Master")
	addParticipant(t, h, ws, "Bo Li", "Product Owner")
	addParticipant(t, h, ws, "Chen Wei", "Developer")
	assertShows(t, c, "The room (3)")
	assertShows(t, c, "Voted (0 of 3): –")
	assertShows(t, c, "Still to vote: Ana Souza, Bo Li, Chen Wei")

	// A second Ana is refused and changes nothing.
	addParticipant(t, h, ws, "ana souza", "Developer")
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
	hiddenAfterEachVote(1)
	assertShows(t, c, "Ana Souza has voted; the vote is hidden until the reveal. Next: Bo Li.")
	assertShows(t, c, "Voted (1 of 3): Ana Souza")
	assertShows(t, c, "Still to vote: Bo Li, Chen Wei")
	if c.Focused() != ws.picker {
		t.Fatalf("the levels do not have the keys; focused: %T", c.Focused())
	}
	pressRune(t, c, '5')
	hiddenAfterEachVote(2)
	pressRune(t, c, '4')
	hiddenAfterEachVote(3)
	pressKey(t, c, fyne.KeyReturn) // a voter confirming with Enter does not move the room on
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
	tap(t, c, "Reveal the votes")
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
	assertShows(t, c, "Consensus "+widgets.RatingText(it, 3)+". Record what you observed")
	test.Tap(ws.observation.Buttons()[1]) // 2
	assertShows(t, c, "Consensus "+widgets.RatingText(it, 3)+"; you observed "+widgets.RatingText(it, 2)+
		". Gap +1: the room rates itself 1 level higher than you observed.")
	test.Type(ws.note, "Teams disagree on the sync's rhythm")
	a = savedWorkshop(t, store, ws.assessmentID)
	if ans := a.Answers[it.ID]; ans.Rating != 3 || ans.Note != "Teams disagree on the sync's rhythm" {
		t.Errorf("consensus saved as %+v", ans)
	}
	if got := a.Workshop.Observed[it.ID]; got != 2 {
		t.Errorf("observation saved as %d, want 2", got)
	}
	if len(h.Errs) != 0 {
		t.Errorf("the workshop's writes were refused: %v", h.Errs)
	}

	// Discussion: the item, flagged.
	ws.tabs.SelectIndex(tabDiscussion)
	if len(ws.discussion.spreads) != 1 || ws.discussion.spreads[0].ItemID != it.ID {
		t.Fatalf("discussion lists %+v", ws.discussion.spreads)
	}
	assertShows(t, c, "Discuss")
	assertShows(t, c, "0.50 · strong")

	// Summary: self against observed per checklist.
	ws.tabs.SelectIndex(tabSummary)
	_, per := assessment.ObservationGaps(h.Defs, a)
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
	if ws.tabs.SelectedIndex() != tabVoting || ws.cl != 0 || ws.it != 0 {
		t.Errorf("the discussion's item did not open: tab %d, item %d/%d", ws.tabs.SelectedIndex(), ws.cl, ws.it)
	}
}

// TestWorkshopPresentation: the projector's window shows the item in large
// type, who has voted before the reveal and the spread after, never the
// coach's notes or a name in an anonymous workshop; the arrows move, Esc
// leaves.
func TestWorkshopPresentation(t *testing.T) {
	h := newHost(t)
	store, c := h.DB, h.Win.Canvas()
	ws := startWorkshop(t, h, "Projector ART", true)
	addParticipant(t, h, ws, "Ana Souza", "Scrum Master")
	addParticipant(t, h, ws, "Bo Li", "Scrum Master")
	if a := savedWorkshop(t, store, ws.assessmentID); !a.Workshop.Anonymous {
		t.Fatal("the workshop was started anonymous but is not saved so")
	}
	_, it := ws.item()
	fw := ws.train.Framework

	ws.Present() // F5 and the menu, in the shell
	pv := ws.presentation
	if pv == nil {
		t.Fatal("Present did not open the presentation")
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
	assertShows(t, pc, "Voted (1 of 2): Scrum Master 1")
	// Fyne's test driver gives the focus to the newest window's canvas;
	// the real one gives it to the picker's.
	c.Focus(ws.picker)
	pressRune(t, c, '1')
	tap(t, c, "Reveal the votes")
	test.Type(ws.note, "Private: Bo seemed unsure")
	assertShows(t, pc, "Median 1")
	assertShows(t, pc, "2 votes · disagreement 0.00: the room agrees")
	for _, s := range []string{"Private: Bo seemed unsure", "Ana Souza", "Bo Li", "What to look for"} {
		assertNotShown(t, pc, s)
	}

	// The arrows move both windows to the next item; Esc leaves.
	pv.typedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if ws.it != 1 {
		t.Fatalf("→ went to item %d, want 1", ws.it)
	}
	assertShows(t, pc, fw.Expand(h.Defs.Checklists[0].Items[1].Text))
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
	ws.Present()
	if ws.presentation == nil {
		t.Fatal("Present did not open the presentation again")
	}
	ws.Left()
	if ws.presentation != nil {
		t.Error("the presentation stayed open after leaving the workshop")
	}
}

// TestWorkshopVoteAgainAndRemove: voting again clears the item's votes
// after asking; removing someone takes their votes with them.
func TestWorkshopVoteAgainAndRemove(t *testing.T) {
	h := newHost(t)
	store, c := h.DB, h.Win.Canvas()
	ws := startWorkshop(t, h, "Again ART", false)
	addParticipant(t, h, ws, "Ana Souza", "Scrum Master")
	addParticipant(t, h, ws, "Bo Li", "Product Owner")
	test.Tap(ws.picker.Choices()[0])

	// Revealing before everyone voted asks first.
	tap(t, c, "Reveal the votes")
	assertShows(t, c, "1 person has not voted yet")
	tap(t, c, "Reveal")
	assertShows(t, c, "Votes revealed")
	tap(t, c, "Vote again")
	assertShows(t, c, "Clear the 1 vote on this item and vote again?")
	tap(t, c, "Vote again") // the confirmation's button
	assertShows(t, c, "Voted (0 of 2)")
	a := savedWorkshop(t, store, ws.assessmentID)
	if len(a.Workshop.Votes) != 0 || len(a.Workshop.Revealed) != 0 {
		t.Errorf("after voting again: %d votes, %d revealed", len(a.Workshop.Votes), len(a.Workshop.Revealed))
	}

	// Bo votes, then leaves the room with his vote.
	ws.room.chooseVoter(ws.workshop().Participants[1].ID)
	pressRune(t, c, '3')
	test.Tap(ws.room.rows[1].remove)
	assertShows(t, c, "Take Bo Li out of the workshop? Their vote goes with them")
	tap(t, c, "Remove")
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

	h := newHost(t)
	store, c := h.DB, h.Win.Canvas()
	ws := startWorkshop(t, h, "Remote ART", false)
	addParticipant(t, h, ws, "Ana Souza", "Scrum Master")

	// The dialog gathers files one at a time.
	rd := ImportResponses(h, ws.trainID, ws.assessmentID, false, ws.Reload)
	assertShows(t, c, "No files yet.")
	rd.add("dee.json", "/a/dee.json", dee)
	rd.add("eli.json", "/b/eli.json", eli)
	tap(t, c, "Import 2 responses")
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
	rd.Import(map[string][]byte{"dee-again.json": dee, "eli.json": eli})
	assertShows(t, c, "Nothing was imported")
	assertShows(t, c, "Nothing was changed: the workshop is as it was.")
	assertShows(t, c, "was refused")
	assertShows(t, c, "is already in the workshop")
	a = savedWorkshop(t, store, ws.assessmentID)
	if len(a.Workshop.Participants) != 3 || len(a.Workshop.Votes) != votes {
		t.Errorf("after a refused import: %d participants, %d votes; want 3, %d", len(a.Workshop.Participants), len(a.Workshop.Votes), votes)
	}
}

// TestExportResponse asks who answers and from which role, suggests a file
// named after them and the train, and writes the answers of an assessment
// as a response file. (The shell's TestExportResponse writes it through the
// save dialog's file writer.)
func TestExportResponse(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	_, id, err := h.DB.AddSample(context.Background(), testDay)
	if err != nil {
		t.Fatal(err)
	}
	a, err := h.DB.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	train, err := h.DB.Train(context.Background(), a.TrainID)
	if err != nil {
		t.Fatal(err)
	}
	ExportResponse(h, a.TrainID, id)
	assertShows(t, c, "Export my answers as a workshop response")
	assertShows(t, c, "Coach Carter") // the name last given, to start from
	for _, o := range visible(c) {
		if s, ok := o.(interface{ SetSelected(string) }); ok {
			s.SetSelected(assessment.RoleFacilitatorP.Title(train.Framework))
		}
	}
	tap(t, c, "Choose where to save…")
	if want := "Coach Carter response " + train.Name + ".json"; len(h.saved) != 1 || h.saved[0] != want {
		t.Errorf("the save dialog was asked for %q, want %q", h.saved, want)
	}

	path := filepath.Join(t.TempDir(), "me.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := ResponseWriter(h, id, assessment.Participant{Name: "Kim Park", Role: assessment.RoleFacilitatorP})(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	f.Close()
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

	h := newHost(t)
	ws := startWorkshop(t, h, "Folder ART", false)
	rd := ImportResponses(h, ws.trainID, ws.assessmentID, false, ws.Reload)
	lister, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	rd.addFolder(lister)
	if len(rd.files) != 2 || rd.files["Dee.json"] == nil || rd.files["Eli.json"] == nil {
		t.Errorf("files added from the folder: %d", len(rd.files))
	}
	assertShows(t, h.Win.Canvas(), "Left out, not response files: trains.json (this is a bundle")
	assertShows(t, h.Win.Canvas(), "Import 2 responses")
}

// TestImportResponsesAwayFromWorkshop: imported from the checklists or the
// results, the report offers to open the workshop, and the screen on top is
// read again.
func TestImportResponsesAwayFromWorkshop(t *testing.T) {
	other, otherID := respondingStore(t)
	dee, err := other.ExportResponse(context.Background(), otherID, assessment.Participant{Name: "Dee Okafor", Role: assessment.RoleProductOwnerP})
	if err != nil {
		t.Fatal(err)
	}
	h := newHost(t)
	c := h.Win.Canvas()
	trainID, id := newTrainAssessment(t, h, "Away ART")
	if err := h.DB.StartWorkshop(context.Background(), id, false); err != nil {
		t.Fatal(err)
	}
	reloaded := 0
	rd := ImportResponses(h, trainID, id, true, func() { reloaded++ })
	rd.add("dee.json", "/a/dee.json", dee)
	tap(t, c, "Import 1 response")
	assertShows(t, c, "Responses imported")
	if reloaded != 1 {
		t.Errorf("the screen on top was read %d times after the import, want 1", reloaded)
	}
	tap(t, c, "Open the workshop")
	if want := host.Workshop(trainID, id); len(h.Opened) != 1 || h.Opened[0] != want {
		t.Errorf("opened %v, want %v", h.Opened, want)
	}
}

// TestPresentNeedsAProjector: on a host that opens no second window the
// presentation is not offered, and Present does nothing.
func TestPresentNeedsAProjector(t *testing.T) {
	h := newHost(t)
	trainID, id := newTrainAssessment(t, h, "Plain ART")
	if err := h.DB.StartWorkshop(context.Background(), id, false); err != nil {
		t.Fatal(err)
	}
	s := open(&plainHost{h}, trainID, id)
	if !s.presentBtn.Disabled() {
		t.Error("the Present button is offered without a second window")
	}
	s.Present()
	if s.presentation != nil {
		t.Error("Present opened a presentation without a second window")
	}
}

// plainHost is a Host and nothing more.
type plainHost struct{ host.Host }
