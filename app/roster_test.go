package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// TestClearedTeamNameSavesTheRest: a team name cleared is marked where it
// is typed, the team keeps its saved name, and every other change is saved
// without a dialog.
func TestClearedTeamNameSavesTheRest(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Named ART")
	ts.tabs.SelectIndex(tabRoster)
	re := ts.rosterEd
	tap(t, ui, "Add team")
	team := re.teams[0]
	team.name.SetText("")
	settle(ui)
	if got := fieldError(team.name); !strings.Contains(got, "give the team a name") || !strings.Contains(got, "Team 1") {
		t.Errorf("the cleared name says %q", got)
	}
	for _, skill := range assessment.DefaultSkills[:2] {
		re.teams[0].skills[skill].SetChecked(true)
		settle(ui)
	}
	assertNotShown(t, c, "Not saved")
	assertNotShown(t, c, "a team needs a name")
	assertShows(t, c, "give the team a name; until then it keeps “Team 1”")
	saved, err := store.Roster(context.Background(), ts.trainID)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Teams) != 1 || saved.Teams[0].Name != "Team 1" || len(saved.Teams[0].Skills) != 2 {
		t.Errorf("roster saved as %+v", saved.Teams)
	}
	// The gap list goes on following the edits.
	if strings.Contains(strings.Join(re.GapFindings(), "\n"), assessment.DefaultSkills[0]) &&
		strings.Contains(strings.Join(re.GapFindings(), "\n"), assessment.DefaultSkills[1]) {
		t.Errorf("the gaps still miss skills the team has: %v", re.GapFindings())
	}
	// Typing a name again saves it.
	team.name.SetText("Falcons")
	settle(ui)
	saved, _ = store.Roster(context.Background(), ts.trainID)
	if saved.Teams[0].Name != "Falcons" {
		t.Errorf("the new name was saved as %q", saved.Teams[0].Name)
	}
}

// TestTodayFollowsEveryChange: the train's header and its "Today" panel
// count what the roster and register hold, at once.
func TestTodayFollowsEveryChange(t *testing.T) {
	ui, _ := newTestUI(t)
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Counted ART")
	assertShows(t, c, "0 people on the train")
	assertShows(t, c, "the roster is empty")
	ts.tabs.SelectIndex(tabRoster)
	assertShows(t, c, assessment.EmptyRosterNote)
	assertNotShown(t, c, assessment.NoGapsNote)

	re := ts.rosterEd
	for _, name := range []string{"Ana Souza", "Bo Li", "Cy Oduya"} {
		test.Type(re.newPerson, name)
		tap(t, ui, "Add person")
	}
	assertShows(t, c, "3 people on the train") // nobody holds a role yet
	assertNotShown(t, c, assessment.EmptyRosterNote)

	ts.tabs.SelectIndex(tabRegister)
	tap(t, ui, "Add impediment")
	form := ts.registerV.lastForm
	test.Type(form.title, "Release needs six signatures")
	form.raised.SetText("2026-03-01")
	form.dialog.Submit()
	settle(ui)

	ts.tabs.SelectIndex(tabAssessments)
	assertShows(t, c, "1 open impediment, the oldest 11 days old")
	assertNotShown(t, c, "the roster is empty")
	assertShows(t, c, "1 open impediment")
}

// TestNamesAreCleanedAndTwinsWarned: a pasted tab or line break never goes
// into a name, and two people of one name are pointed out.
func TestNamesAreCleanedAndTwinsWarned(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Pasted ART")
	ts.tabs.SelectIndex(tabRoster)
	re := ts.rosterEd
	re.newPerson.SetText("Ana\tSouza\n")
	tap(t, ui, "Add person")
	re.newPerson.SetText("ana  souza")
	tap(t, ui, "Add person")
	saved, err := store.Roster(context.Background(), ts.trainID)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.People) != 2 || saved.People[0].Name != "Ana Souza" {
		t.Fatalf("people saved as %+v", saved.People)
	}
	assertShows(t, c, "Two people have the same name: ana souza")
	assertShows(t, c, "vacant")
	assertNotShown(t, c, "not on the roster")
}

// TestRefusedRosterAsksOnceAndRetriesTheLatest: while the store refuses,
// editing on brings one "Not saved" dialog, not one a change, and "Try
// again" saves the roster as it is now, with every change made meanwhile.
func TestRefusedRosterAsksOnceAndRetriesTheLatest(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Patient ART")
	ts.tabs.SelectIndex(tabRoster)
	re := ts.rosterEd
	path := store.Path()
	store.Close()
	for _, name := range []string{"Ana Souza", "Bo Li", "Cy Oduya"} {
		re.newPerson.SetText(name)
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
	saved, err := again.Roster(context.Background(), ts.trainID)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.People) != 3 {
		t.Errorf("the retry saved %d people, want the 3 on screen", len(saved.People))
	}
	assertNotShown(t, c, "Not saved")
}
