package train

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
)

// TestClearedTeamNameSavesTheRest: a team name cleared is marked where it
// is typed, the team keeps its saved name, and every other change is saved
// without a dialog.
func TestClearedTeamNameSavesTheRest(t *testing.T) {
	h := newHost(t)
	store := h.DB
	c := h.Win.Canvas()
	ts := newTrain(t, h, "Named ART", assessment.SAFe)
	ts.tabs.SelectIndex(TabRoster)
	re := ts.rosterEd
	tap(t, h, "Add team")
	team := re.teams[0]
	team.name.SetText("")
	if got := fieldError(team.name); !strings.Contains(got, "give the team a name") || !strings.Contains(got, "Team 1") {
		t.Errorf("the cleared name says %q", got)
	}
	for _, skill := range assessment.DefaultSkills[:2] {
		re.teams[0].skills[skill].SetChecked(true)
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
	saved, _ = store.Roster(context.Background(), ts.trainID)
	if saved.Teams[0].Name != "Falcons" {
		t.Errorf("the new name was saved as %q", saved.Teams[0].Name)
	}
}

// TestTodayFollowsEveryChange: the train's header and its "Today" panel
// count what the roster and register hold, at once.
func TestTodayFollowsEveryChange(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	ts := newTrain(t, h, "Counted ART", assessment.SAFe)
	assertShows(t, c, "0 people on the train")
	assertShows(t, c, "the roster is empty")
	ts.tabs.SelectIndex(TabRoster)
	assertShows(t, c, assessment.EmptyRosterNote)
	assertNotShown(t, c, assessment.NoGapsNote)

	re := ts.rosterEd
	for _, name := range []string{"Ana Souza", "Bo Li", "Cy Oduya"} {
		test.Type(re.newPerson, name)
		tap(t, h, "Add person")
	}
	assertShows(t, c, "3 people on the train") // nobody holds a role yet
	assertNotShown(t, c, assessment.EmptyRosterNote)

	ts.tabs.SelectIndex(TabRegister)
	tap(t, h, "Add impediment")
	form := ts.registerV.lastForm
	test.Type(form.title, "Release needs six signatures")
	form.raised.SetText("2026-03-01")
	form.dialog.Submit()

	ts.tabs.SelectIndex(TabAssessments)
	assertShows(t, c, "1 open impediment, the oldest 11 days old")
	assertNotShown(t, c, "the roster is empty")
	assertShows(t, c, "1 open impediment")
}

// TestNamesAreCleanedAndTwinsWarned: a pasted tab or line break never goes
// into a name, and two people of one name are pointed out.
func TestNamesAreCleanedAndTwinsWarned(t *testing.T) {
	h := newHost(t)
	store := h.DB
	c := h.Win.Canvas()
	ts := newTrain(t, h, "Pasted ART", assessment.SAFe)
	ts.tabs.SelectIndex(TabRoster)
	re := ts.rosterEd
	re.newPerson.SetText("Ana\tSouza\n")
	tap(t, h, "Add person")
	re.newPerson.SetText("ana  souza")
	tap(t, h, "Add person")
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

// BenchmarkScrumMasterChange is one choice of a team's Scrum Master on the
// big train's roster, on screen: the roster, its people and gaps updated
// and the roster saved.
func BenchmarkScrumMasterChange(b *testing.B) {
	h := newHost(b)
	ts := New(h, bigTrain(b, h))
	h.Win.SetContent(ts.Content())
	ts.Reload()
	ts.SelectTab(TabRoster)
	re := ts.rosterEd
	names := []string{re.roster.People[3].Name, re.roster.People[4].Name}
	i := 0
	for b.Loop() {
		re.teams[5].sm.SetSelected(names[i%2])
		i++
	}
	b.StopTimer()
	saved, err := h.DB.Roster(context.Background(), ts.trainID)
	if err != nil {
		b.Fatal(err)
	}
	want := re.roster.People[3+(i-1)%2].ID
	if saved.Teams[5].ScrumMasterID != want {
		b.Fatalf("the Scrum Master saved is %q, want %q", saved.Teams[5].ScrumMasterID, want)
	}
}
