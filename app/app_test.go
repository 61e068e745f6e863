package app

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assessment/report"
	"github.com/trainscope/trainscope/data"
)

func TestWindowTitleAndEmptyHomeOffersSample(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	if !strings.Contains(ui.win.Title(), "Trainscope") {
		t.Errorf("window title %q lacks Trainscope", ui.win.Title())
	}
	assertShows(t, c, "No trains yet")
	tap(t, ui, "Add the sample train")

	// The sample lands in the database and opens.
	trains, err := store.Trains(context.Background())
	if err != nil || len(trains) != 1 {
		t.Fatalf("trains after adding the sample: %v, %v", trains, err)
	}
	name := trains[0].Train.Name
	ts, ok := ui.top().(*trainScreen)
	if !ok || ts.trainID != trains[0].Train.ID {
		t.Fatalf("the sample train did not open; on screen: %T", ui.top())
	}
	assertShows(t, c, name)
	assertShows(t, c, "Saved")
	if got := ui.app.Preferences().String(prefLastTrain); got != ts.trainID {
		t.Errorf("last train remembered = %q, want %q", got, ts.trainID)
	}

	// Home lists it with its framework, level and score.
	ui.goHome()
	settle(ui)
	assertNotShown(t, c, "No trains yet")
	assertShows(t, c, "1 train")
	if len(ui.home.shown) != 1 || ui.home.shown[0].Latest == nil || !ui.home.shown[0].Latest.Summary.Known {
		t.Fatalf("home shows %+v", ui.home.shown)
	}
	// The recent assessments list the sample's assessment.
	if len(ui.home.recent) != 1 {
		t.Errorf("recent assessments: %d, want 1", len(ui.home.recent))
	}
	// Search narrows the list.
	test.Type(ui.home.search, "zzz-no-such-train")
	assertShows(t, c, "No train matches")
	ui.home.search.SetText("sample")
	if len(ui.home.shown) != 1 {
		t.Errorf("search for 'sample' shows %d trains", len(ui.home.shown))
	}
}

func TestLastTrainReopensAtStart(t *testing.T) {
	a := test.NewTempApp(t)
	defs := loadDefs(t)
	store := openStore(t, defs)
	withSample(store)
	trains, _ := store.Trains(context.Background())
	a.Preferences().SetString(prefLastTrain, trains[0].Train.ID)
	a.Preferences().SetFloat(prefWidth, 1024)
	a.Preferences().SetFloat(prefHeight, 768)
	ui := NewUI(a, store, defs)
	ui.bg.wait()
	onTestThread(ui)
	settle(ui)
	t.Cleanup(func() { ui.bg.close(); ui.win.Close() })
	if _, ok := ui.top().(*trainScreen); !ok {
		t.Fatalf("on screen at start: %T, want the last train", ui.top())
	}
	if got := ui.rememberedSize(); got != fyne.NewSize(1024, 768) {
		t.Errorf("remembered window size %v", got)
	}
	settle(ui)
}

// TestTrainRosterAndRegister: a coach creates a train, fills the roster and
// sees a gap appear, and adds an impediment.
func TestTrainRosterAndRegister(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ctx := context.Background()

	ui.newTrainDialog()
	f := ui.lastTrainForm
	test.Type(f.name, "Ορίζων ART") // names in any script
	f.framework.SetSelected(string(assessment.ScrumAtScale))
	f.dialog.Submit()
	settle(ui)
	ts, ok := ui.top().(*trainScreen)
	if !ok {
		t.Fatalf("the new train did not open: %T", ui.top())
	}
	assertShows(t, c, "Ορίζων ART")
	assertShows(t, c, "Scrum of Scrums Master (SoSM)")
	assertShows(t, c, "No assessments yet")

	// The roster: a person who is both Scrum Master and Product Owner of a
	// team is a gap the coach sees at once.
	ts.tabs.SelectIndex(tabRoster)
	re := ts.rosterEd
	before := len(re.gaps)
	assertShows(t, c, fmt.Sprintf("Role gaps (%d)", before))
	test.Type(re.newPerson, "Ana Souza")
	tap(t, ui, "Add person")
	test.Type(re.newPerson, "Bo Li")
	tap(t, ui, "Add person")
	tap(t, ui, "Add team")
	if len(re.teams) != 1 {
		t.Fatalf("teams on screen: %d", len(re.teams))
	}
	team := re.teams[0]
	team.sm.SetSelected("Ana Souza")
	settle(ui)
	gapsBefore := strings.Join(re.GapFindings(), "\n")
	team.po.SetSelected("Ana Souza")
	settle(ui)
	gapsAfter := strings.Join(re.GapFindings(), "\n")
	if gapsAfter == gapsBefore {
		t.Fatalf("making Ana both Scrum Master and Product Owner changed no gap:\n%s", gapsAfter)
	}
	var both string
	for _, g := range re.gaps {
		if strings.Contains(g.Finding, "Ana Souza") && !strings.Contains(gapsBefore, g.Finding) {
			both = g.Finding
		}
	}
	if both == "" {
		t.Fatalf("no new gap names Ana Souza:\n%s", gapsAfter)
	}
	assertShows(t, c, both)
	// People list shows what each holds.
	assertShows(t, c, "Scrum Master of Team 1 · Product Owner of Team 1")
	// Fixing it makes the gap go.
	team.po.SetSelected("Bo Li")
	settle(ui)
	assertNotShown(t, c, both)

	saved, err := store.Roster(ctx, ts.trainID)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Teams) != 1 || len(saved.People) != 2 || saved.Teams[0].ScrumMasterID == "" ||
		saved.Teams[0].ProductOwnerID == saved.Teams[0].ScrumMasterID {
		t.Errorf("roster saved: %+v", saved)
	}
	assertShows(t, c, "Saved")

	// The register: add an impediment, see it with its age, escalate it.
	ts.tabs.SelectIndex(tabRegister)
	rv := ts.registerV
	assertShows(t, c, "The register is empty")
	tap(t, ui, "Add impediment")
	form := rv.lastForm
	test.Type(form.title, "Shared test environment down twice a week")
	form.raised.SetText("2026-01-01")
	form.owner.SetText("Bo Li")
	form.roam.SetSelected("Owned")
	form.dialog.Submit()
	settle(ui)
	assertShows(t, c, "Shared test environment down twice a week")
	assertShows(t, c, "70 days") // 1 Jan to 12 Mar
	assertShows(t, c, "1 impediment · 1 open")
	tap(t, ui, "Escalate")
	reg, err := store.Register(ctx, ts.trainID)
	if err != nil || len(reg) != 1 {
		t.Fatalf("register saved: %v %v", reg, err)
	}
	if reg[0].Level != assessment.LevelART || !reg[0].Escalated || reg[0].ROAM != assessment.ROAMOwned {
		t.Errorf("escalated impediment saved as %+v", reg[0])
	}
	assertShows(t, c, "100% escalated")
	// Filter by level, then close it.
	rv.level.SetSelected(levelName(rv.ts.train.Framework, assessment.LevelLACE))
	assertShows(t, c, "No impediment matches these filters.")
	rv.level.SetSelected(filterAllLevels)
	tap(t, ui, "Close")
	assertShows(t, c, "0 of 1") // resolved ones are hidden by default
	rv.status.SetSelected(filterAll)
	assertShows(t, c, "Resolved")
	reg, _ = store.Register(ctx, ts.trainID)
	if reg[0].Status != assessment.StatusResolved || !reg[0].Resolved.Equal(assessment.Day(testDay)) {
		t.Errorf("closed impediment saved as %+v", reg[0])
	}

	// Deleting asks first, and can be undone.
	rv.edit(0)
	tap(t, ui, "Delete this impediment")
	assertShows(t, c, "To record that it was dealt with, close it instead.")
	tap(t, ui, "Delete")
	if reg, _ = store.Register(ctx, ts.trainID); len(reg) != 0 {
		t.Fatalf("register after delete: %d", len(reg))
	}
	assertShows(t, c, "The register is empty")
	tap(t, ui, "Undo")
	if reg, _ = store.Register(ctx, ts.trainID); len(reg) != 1 || reg[0].Title != "Shared test environment down twice a week" {
		t.Fatalf("register after undo: %+v", reg)
	}
	assertShows(t, c, "Shared test environment down twice a week")
}

// startAssessment creates a train and starts an assessment through the UI.
func startAssessment(t *testing.T, ui *UI, name string) *assessmentScreen {
	t.Helper()
	ui.newTrainDialog()
	ui.lastTrainForm.name.SetText(name)
	ui.lastTrainForm.dialog.Submit()
	settle(ui)
	ts := ui.top().(*trainScreen)
	tap(t, ui, "New assessment")
	ts.newForm.pi.SetText("PI 2026.2")
	ts.newForm.assessor.SetText("Kim")
	ts.newForm.dialog.Submit()
	settle(ui)
	as, ok := ui.top().(*assessmentScreen)
	if !ok {
		t.Fatalf("the assessment did not open: %T", ui.top())
	}
	return as
}

// TestAnswerEveryChecklistWithKeyboard answers all four checklists with
// the keys alone and watches the score, verdict and progress change.
func TestAnswerEveryChecklistWithKeyboard(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	as := startAssessment(t, ui, "Keyboard ART")

	if c.Focused() != as.picker {
		t.Fatalf("the rating picker does not have the keys; focused: %T", c.Focused())
	}
	total := 0
	for _, cl := range ui.defs.For(as.train.Framework).Checklists {
		total += len(cl.Items)
	}
	assertShows(t, c, fmt.Sprintf("Overall: 0 of %d items answered", total))
	assertShows(t, c, "item 1 of")
	fit := ui.defs.Checklist(assessment.ChecklistFit)
	assertShows(t, c, "Scaled facilitator fit: – · 0 of")

	// Every level of the first item is shown with its descriptor, plus N/A
	// and don't know.
	for _, l := range fit.Items[0].Levels {
		assertShows(t, c, as.train.Framework.Expand(l.Descriptor))
	}
	assertShows(t, c, "Not applicable")
	assertShows(t, c, "Don't know")

	// 4 chooses level 4: the answer, the score and the saved state show it.
	pressRune(t, ui, '4')
	assertShows(t, c, "Your answer: 4 of 5")
	assertNotShown(t, c, "Scaled facilitator fit: – ·")
	assertShows(t, c, "Saved")
	verdictBefore := as.liveVerdict.Text

	// Tab moves on; answer the rest of the fit checklist, then every other
	// one, with a mix of levels, N/A and don't know.
	keys := []rune{'5', '4', '2', '5', '3', 'n', 'd', '1'}
	k := 0
	for i := 1; i < total; i++ {
		pressKey(t, ui, fyne.KeyTab)
		pressRune(t, ui, keys[k%len(keys)])
		k++
		if i == len(fit.Items)-1 {
			if as.results.Verdict.Kind == assessment.Undecided {
				t.Errorf("every fit item answered, still undecided")
			}
		}
	}
	if as.liveVerdict.Text == verdictBefore {
		t.Logf("verdict line unchanged: %q", verdictBefore)
	}
	assertShows(t, c, fmt.Sprintf("Overall: %d of %d items answered", total, total))
	for i, cl := range ui.defs.Checklists {
		assertShows(t, c, fmt.Sprintf("%d. %s   %d/%d", i+1, cl.Title, len(cl.Items), len(cl.Items)))
	}
	if as.results.Level.Number == 0 {
		t.Errorf("no level after answering every item")
	}
	assertShows(t, c, fmt.Sprintf("Level %d · %s", as.results.Level.Number, as.results.Level.Name))

	// Up goes back one item; Ctrl+J finds nothing unanswered.
	pressKey(t, ui, fyne.KeyUp)
	last := ui.defs.Checklists[len(ui.defs.Checklists)-1]
	assertShows(t, c, fmt.Sprintf("item %d of %d", len(last.Items)-1, len(last.Items)))
	ui.menu.nextUnanswered.Action()
	assertShows(t, c, "Every item has an answer")

	// Everything is in the database.
	a, err := store.Assessment(context.Background(), as.assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answers) != total {
		t.Errorf("answers saved: %d, want %d", len(a.Answers), total)
	}
	if got := a.Answers[fit.Items[0].ID].Rating; got != 4 {
		t.Errorf("first answer saved as %d, want 4", got)
	}
	if got := a.Answers[fit.Items[6].ID].Rating; got != assessment.NotApplicable {
		t.Errorf("seventh answer saved as %d, want not applicable", got)
	}

	// Notes typed are saved with the answer.
	test.Type(as.note, "Heard in the PO sync")
	settle(ui)
	a, _ = store.Assessment(context.Background(), as.assessmentID)
	_, it := as.item()
	if a.Answers[it.ID].Note != "Heard in the PO sync" {
		t.Errorf("note saved as %q", a.Answers[it.ID].Note)
	}
}

func TestNextUnansweredAndClear(t *testing.T) {
	ui, _ := newTestUI(t)
	c := ui.win.Canvas()
	as := startAssessment(t, ui, "Jump ART")
	pressRune(t, ui, '3')
	pressKey(t, ui, fyne.KeyDown)
	pressKey(t, ui, fyne.KeyDown)
	pressRune(t, ui, 'd')
	assertShows(t, c, "Your answer: Don't know")
	pressKey(t, ui, fyne.KeyUp)
	pressKey(t, ui, fyne.KeyUp)
	// From the first item, the next unanswered is the second.
	ui.menu.nextUnanswered.Action()
	settle(ui)
	if as.cl != 0 || as.it != 1 {
		t.Errorf("next unanswered went to %d/%d, want 0/1", as.cl, as.it)
	}
	pressKey(t, ui, fyne.KeyUp)
	pressRune(t, ui, '0')
	assertShows(t, c, "Your answer: Not answered yet")
}

func TestFinishMakesReadOnlyAndReopen(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	as := startAssessment(t, ui, "Final ART")
	pressRune(t, ui, '2')
	as.finish()
	settle(ui)
	if _, ok := ui.top().(*resultsScreen); !ok {
		t.Fatalf("finishing did not show the results: %T", ui.top())
	}
	ui.openAssessment(as.trainID, as.assessmentID)
	settle(ui)
	as = ui.top().(*assessmentScreen)
	assertShows(t, c, "This assessment is finished, so it is read-only")
	as.cl, as.it = 0, 0
	as.showItem()
	c.Focus(as.picker)
	pressRune(t, ui, '5')
	a, _ := store.Assessment(context.Background(), as.assessmentID)
	if a.Answers[ui.defs.Checklists[0].Items[0].ID].Rating != 2 {
		t.Errorf("a finished assessment changed")
	}
	assertShows(t, c, "Your answer: 2 of 5")

	// Reopening asks first.
	tap(t, ui, "Reopen")
	tap(t, ui, "Reopen") // the confirmation's button
	assertNotShown(t, c, "This assessment is finished")
	a, _ = store.Assessment(context.Background(), as.assessmentID)
	if a.Status != assessment.Draft {
		t.Errorf("status after reopening: %s", a.Status)
	}
}

// TestResultsAndRecommendations: the coach sees the results and reviews a
// recommendation: accepts one, edits another's owner and target PI, adds
// their own.
func TestResultsAndRecommendations(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	as := startAssessment(t, ui, "Review ART")
	for range 20 {
		pressRune(t, ui, '2')
		pressKey(t, ui, fyne.KeyTab)
	}
	ui.menu.results.Action()
	settle(ui)
	rs, ok := ui.top().(*resultsScreen)
	if !ok {
		t.Fatalf("results did not open: %T", ui.top())
	}
	r := rs.results
	assertShows(t, c, widgets.VerdictText(r.Verdict.Kind))
	assertShows(t, c, r.Verdict.Headline)
	assertShows(t, c, "Overall score "+widgets.ScoreText(r.Overall))
	assertShows(t, c, "Recommendations for the LACE")
	if len(rs.recCards) < 2 {
		t.Fatalf("recommendations on screen: %d, want 2 or more", len(rs.recCards))
	}

	first := rs.recCards[0]
	test.Tap(first.accept)
	settle(ui)
	if got := rs.recCards[0].status.Text; !strings.HasPrefix(got, "Accepted") {
		t.Errorf("accepted recommendation shows %q", got)
	}

	second := rs.recCards[1].rec
	rs.editRecommendation(&second)
	f := rs.lastRecForm
	newOwner := assessment.OwnerLACE
	if second.Owner == newOwner {
		newOwner = assessment.OwnerBusinessOwners
	}
	f.owner.SetSelected(newOwner.Title(rs.train.Framework))
	f.targetPI.SetText("PI 2030.1")
	f.dialog.Submit()
	settle(ui)
	var edited *recCard
	for _, card := range rs.recCards {
		if card.rec.ID == second.ID {
			edited = card
		}
	}
	if edited == nil {
		t.Fatal("the edited recommendation is gone")
	}
	if !strings.Contains(edited.meta.Text, "Target: PI 2030.1") || !strings.Contains(edited.meta.Text, "Owner: "+newOwner.Title(rs.train.Framework)) {
		t.Errorf("edited recommendation shows %q", edited.meta.Text)
	}

	rs.editRecommendation(nil)
	f = rs.lastRecForm
	f.finding.SetText("Team coaches have never met as a group")
	f.action.SetText("Run a coaches' kick-off before the next PI Planning")
	f.dialog.Submit()
	settle(ui)
	assertShows(t, c, "Team coaches have never met as a group")

	a, err := store.Assessment(context.Background(), as.assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Review.Edits[first.rec.ID].Status != assessment.Accepted {
		t.Errorf("acceptance saved as %+v", a.Review.Edits[first.rec.ID])
	}
	if e := a.Review.Edits[second.ID]; e.TargetPI != "PI 2030.1" || e.Owner != newOwner {
		t.Errorf("edit saved as %+v", e)
	}
	if len(a.Review.Added) != 1 || a.Review.Added[0].Finding != "Team coaches have never met as a group" {
		t.Errorf("own recommendation saved as %+v", a.Review.Added)
	}

	// Editing the coach's own recommendation replaces it in place, in the
	// store too: one recommendation, the new words.
	own := a.Review.Added[0]
	rs.editRecommendation(&own)
	f = rs.lastRecForm
	f.action.SetText("Run a coaches' kick-off in the first week of the PI")
	f.dialog.Submit()
	settle(ui)
	assertShows(t, c, "Run a coaches' kick-off in the first week of the PI")
	a, err = store.Assessment(context.Background(), as.assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Review.Added) != 1 || a.Review.Added[0].ID != own.ID || a.Review.Added[0].Action != "Run a coaches' kick-off in the first week of the PI" {
		t.Errorf("the edited own recommendation is stored as %+v", a.Review.Added)
	}
}

func TestResultsOfSampleShowPreviousOverlay(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	ctx := context.Background()
	trains, _ := store.Trains(ctx)
	id := trains[0].Train.ID
	// A second assessment: it starts from the previous one's roster and
	// register, and the radar overlays the first.
	a := assessment.Assessment{TrainID: id, Date: testDay.AddDate(0, 3, 0), PI: "PI 2026.3", ChecklistVersion: ui.defs.Version}
	if err := store.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	ui.openResults(id, a.ID)
	settle(ui)
	rs := ui.top().(*resultsScreen)
	if rs.prev == nil {
		t.Fatal("no previous assessment found")
	}
	if rs.radar.Previous() == nil || len(rs.radar.Axes()) != len(ui.defs.Dimensions) {
		t.Errorf("radar: %d axes, previous %v", len(rs.radar.Axes()), rs.radar.Previous())
	}
	assertShows(t, ui.win.Canvas(), "Previous: "+widgets.AssessmentTitle(rs.prev.PI, rs.prev.Date))
}

func TestTrendAndPortfolio(t *testing.T) {
	ui, store := newTestUI(t, withSample, withSample)
	ctx := context.Background()
	trains, _ := store.Trains(ctx)
	ui.openTrain(trains[0].Train.ID)
	settle(ui)
	ts := ui.top().(*trainScreen)
	ts.tabs.SelectIndex(tabTrend)
	assertShows(t, ui.win.Canvas(), "One finished assessment so far")
	if len(ts.trend.Chart().Series()) != 1+len(ui.defs.Checklists) {
		t.Errorf("trend series: %d", len(ts.trend.Chart().Series()))
	}

	// A new train without assessments sorts last by score.
	other := assessment.Train{Name: "Another ART", Framework: assessment.SAFe}
	if err := store.CreateTrain(ctx, &other); err != nil {
		t.Fatal(err)
	}
	ui.menu.portfolio.Action()
	settle(ui)
	p := ui.portfolio
	if p.Len() != 3 {
		t.Fatalf("portfolio rows: %d", p.Len())
	}
	if p.Cell(0, assessment.ColumnTrain) != "☐ Another ART" {
		t.Errorf("portfolio sorted by name starts with %q", p.Cell(0, assessment.ColumnTrain))
	}
	p.SortBy(assessment.ColumnScore) // best first; no score last either way
	if p.Cell(2, assessment.ColumnTrain) != "☐ Another ART" || p.Cell(2, assessment.ColumnScore) != "–" {
		t.Errorf("by score, last row is %q with %q", p.Cell(2, assessment.ColumnTrain), p.Cell(2, assessment.ColumnScore))
	}
	p.SortBy(assessment.ColumnScore) // reversed
	if p.Cell(2, assessment.ColumnTrain) != "☐ Another ART" {
		t.Errorf("by score reversed, last row is %q", p.Cell(2, assessment.ColumnTrain))
	}
}

// TestExportReport writes the PDF to a temporary path, as the save dialog
// would, and offers to open it.
func TestExportReport(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	ctx := context.Background()
	recent, _ := store.RecentAssessments(ctx, 1)
	trainID, id := recent[0].TrainID, recent[0].ID
	ui.openResults(trainID, id)
	settle(ui)

	ri, err := ui.readReportInput(ctx, trainID, id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ri.name, "sample") {
		t.Errorf("suggested file name %q", ri.name)
	}
	path := filepath.Join(t.TempDir(), ri.name+".pdf")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	ui.writeReport(ri.in, report.Options{Paper: "a4"}, w)
	settle(ui)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("the file is not a PDF: %q", b[:min(len(b), 20)])
	}
	assertShows(t, ui.win.Canvas(), "Saved as "+path)
	button(t, ui.win.Canvas(), "Open")
	button(t, ui.win.Canvas(), "Show folder")
}

// TestWriteFailureKeepsInput: when the database cannot be written, the
// coach is told in plain words and the answer stays on screen.
func TestWriteFailureKeepsInput(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	startAssessment(t, ui, "Fragile ART")
	store.Close()
	pressRune(t, ui, '3')
	assertShows(t, c, "Not saved")
	assertShows(t, c, "What you entered is still on screen.")
	assertShows(t, c, "Your answer: 3 of 5")
	button(t, c, "Try again")
}

func TestPlainErrors(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{data.ErrFinal, "finished"},
		{fmt.Errorf("x: %w", data.ErrNotFound), "no longer in the database"},
		{fmt.Errorf("save: %w", data.ErrBusy), "busy"},
		{fmt.Errorf("save: %w", data.ErrReadOnly), "cannot be written"},
		{&os.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, "cannot be written"},
		{fmt.Errorf("write: %w", data.ErrDiskFull), "disk is full"},
		{&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "disk is full"},
		// Words alone decide nothing: only the error's kind does.
		{fmt.Errorf("the team is busy"), "Details: the team is busy"},
		{fmt.Errorf("something odd"), "Details: something odd"},
	} {
		if got := plainError(tc.err); !strings.Contains(got, tc.want) {
			t.Errorf("plainError(%v) = %q, want it to contain %q", tc.err, got, tc.want)
		}
	}
}

// TestExportDialogsOpen walks the menu's export and import entries up to
// the file dialog, which the coach then drives.
func TestExportDialogsOpen(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	c := ui.win.Canvas()
	recent, _ := store.RecentAssessments(context.Background(), 1)
	ui.openResults(recent[0].TrainID, recent[0].ID)
	settle(ui)

	ui.menu.exportReport.Action()
	assertShows(t, c, reportSummary)
	tap(t, ui, "Choose where to save…")
	assertShows(t, c, ".pdf") // the suggested file name
	button(t, c, "Save")
	dismissDialogs(c)

	ui.menu.exportCSV.Action()
	tap(t, ui, "Choose where to save…")
	assertShows(t, c, ".csv")
	dismissDialogs(c)

	ui.menu.exportXLSX.Action()
	tap(t, ui, "Choose where to save…")
	assertShows(t, c, ".xlsx")
	dismissDialogs(c)

	ui.menu.importBundle.Action()
	assertShows(t, c, "Open") // enabled once a file is chosen
	dismissDialogs(c)

	ui.goHome()
	ui.menu.exportBundle.Action()
	assertShows(t, c, "Trainscope trains.json")
	dismissDialogs(c)
}

// dismissDialogs closes every dialog, as Escape would.
func dismissDialogs(c fyne.Canvas) {
	for c.Overlays().Top() != nil {
		c.Overlays().Remove(c.Overlays().Top())
	}
}

// TestImportBundle imports a bundle exported from another database and
// shows what was added.
func TestImportBundle(t *testing.T) {
	ctx := context.Background()
	defs := loadDefs(t)
	other := openStore(t, defs)
	withSample(other)
	b, err := other.Export(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bundle.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.WriteTo(f); err != nil {
		t.Fatal(err)
	}
	f.Close()

	ui, store := newTestUI(t)
	r, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ui.importBundle(r)
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Bundle imported")
	trains, _ := store.Trains(ctx)
	if len(trains) != 1 {
		t.Fatalf("trains after import: %d", len(trains))
	}
	assertNotShown(t, ui.win.Canvas(), "No trains yet")

	// A bundle that is not one changes nothing and says why.
	ui.importBundle(io.NopCloser(strings.NewReader("{not json")))
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Nothing was imported")
	if trains, _ = store.Trains(ctx); len(trains) != 1 {
		t.Errorf("trains after a bad import: %d", len(trains))
	}
}

// TestFinishWarnsOfContradictions: rating "one shared product" strong and
// "the teams are independent" as holding cannot both be true; the screen
// says so as soon as it happens, and the Finish dialog lists it.
func TestFinishWarnsOfContradictions(t *testing.T) {
	ui, _ := newTestUI(t)
	c := ui.win.Canvas()
	as := startAssessment(t, ui, "Contradicting ART")
	fit := as.defs().Checklist(assessment.ChecklistFit)
	at := func(id string) int {
		return slices.IndexFunc(fit.Items, func(it assessment.Item) bool { return it.ID == id })
	}
	as.goTo(0, at("fit.shared-product.v1"))
	c.Focus(as.picker)
	pressRune(t, ui, '5')
	if as.liveWarning.Visible() {
		t.Fatalf("a warning before any contradiction: %q", as.liveWarning.Text)
	}
	as.goTo(0, at("fit.independent-teams.v2"))
	c.Focus(as.picker)
	pressRune(t, ui, '5')
	settle(ui)
	if !as.liveWarning.Visible() || !strings.Contains(as.liveWarning.Text, "Both cannot be true") {
		t.Fatalf("no warning on screen: %q", as.liveWarning.Text)
	}
	tap(t, ui, "Finish")
	assertShows(t, c, "Check these answers first:")
	assertShows(t, c, "review")
}

// TestRejectAGroupAtOnce: the recommendations about one finding are
// grouped under it, and one tap rejects them all, saved together.
func TestRejectAGroupAtOnce(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	as := startAssessment(t, ui, "Group ART")
	for range 30 {
		pressRune(t, ui, '1')
		pressKey(t, ui, fyne.KeyTab)
	}
	ui.menu.results.Action()
	settle(ui)
	rs := ui.top().(*resultsScreen)
	var head *groupHead
	for _, h := range rs.groupHeads {
		if len(h.group.Members) >= 2 && head == nil {
			head = h
		}
	}
	if head == nil {
		t.Fatalf("no group of two or more among %d groups", len(rs.groupHeads))
	}
	assertShows(t, c, head.group.Title)
	// A rejection without a reason: refused in plain words, nothing saved.
	test.Tap(head.rejectAll)
	rs.lastReasonEntry.SetText("  ")
	tap(t, ui, "Reject")
	settle(ui)
	assertShows(t, c, "say in a few words why")
	a, err := store.Assessment(context.Background(), as.assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range head.group.Members {
		if a.Review.Edits[m.ID].Status == assessment.Rejected {
			t.Errorf("%s rejected without a reason", m.ID)
		}
	}
	tap(t, ui, "Close")
	test.Tap(head.rejectAll)
	test.Type(rs.lastReasonEntry, "The LACE funds this across trains — already planned")
	tap(t, ui, "Reject")
	settle(ui)
	a, err = store.Assessment(context.Background(), as.assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range head.group.Members {
		if e := a.Review.Edits[m.ID]; e.Status != assessment.Rejected || e.Reason != "The LACE funds this across trains — already planned" {
			t.Errorf("%s saved as %+v after Reject all", m.ID, e)
		}
	}
	for _, card := range rs.recCards {
		if slices.ContainsFunc(head.group.Members, func(m assessment.Recommendation) bool { return m.ID == card.rec.ID }) && !strings.HasPrefix(card.status.Text, "Rejected") {
			t.Errorf("%s shows %q", card.rec.ID, card.status.Text)
		}
	}
}

// TestScreensNameLikeTheReport: the results screen's verdict and statuses are
// the domain's words, the same the PDF prints.
func TestScreensNameLikeTheReport(t *testing.T) {
	for _, k := range []assessment.VerdictKind{assessment.Recommended, assessment.RecommendedConditions, assessment.NotRecommended, assessment.Undecided} {
		if widgets.VerdictText(k) != k.Title() {
			t.Errorf("the screen says %q for %s, the domain %q", widgets.VerdictText(k), k, k.Title())
		}
	}
	for _, s := range assessment.RecommendationStatuses {
		if recStatusChoice(s) != s.Title() || recStatusFromChoice(s.Title()) != s {
			t.Errorf("status %s offered as %q", s, recStatusChoice(s))
		}
	}
}

// TestStoreWarningsShownOnce: a database that was readable by others is made
// private at open; the window says so, and that the data is safe to work on.
func TestStoreWarningsShownOnce(t *testing.T) {
	defs := loadDefs(t)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	opt := data.Options{Definitions: defs, Summarize: func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
		return assessment.Summarize(assessment.Evaluate(defs, tr, a))
	}}
	first, err := data.Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	first.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	store, err := data.Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if len(store.Warnings()) == 0 {
		t.Fatal("the store gave no warning for a 0644 file")
	}
	ui := NewUI(test.NewTempApp(t), store, defs)
	t.Cleanup(func() { ui.bg.close(); ui.win.Close() })
	// The home screen loads on the worker; look once it has drawn, not
	// while it draws.
	ui.bg.wait()
	assertShows(t, ui.win.Canvas(), "Your data is open and safe to work on.")
	assertShows(t, ui.win.Canvas(), store.Warnings()[0])
}
