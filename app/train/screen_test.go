package train

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// TestTrainRosterAndRegister: a coach creates a train, fills the roster and
// sees a gap appear, and adds an impediment.
func TestTrainRosterAndRegister(t *testing.T) {
	h := newHost(t)
	store := h.DB
	c := h.Win.Canvas()
	ctx := context.Background()

	ts := newTrain(t, h, "Ορίζων ART", assessment.ScrumAtScale) // names in any script
	assertShows(t, c, "Ορίζων ART")
	assertShows(t, c, "Scrum of Scrums Master (SoSM)")
	assertShows(t, c, "No assessments yet")

	// The roster: a person who is both Scrum Master and Product Owner of a
	// team is a gap the coach sees at once.
	ts.tabs.SelectIndex(TabRoster)
	re := ts.rosterEd
	before := len(re.gaps)
	assertShows(t, c, fmt.Sprintf("Role gaps (%d)", before))
	test.Type(re.newPerson, "Ana Souza")
	tap(t, h, "Add person")
	test.Type(re.newPerson, "Bo Li")
	tap(t, h, "Add person")
	tap(t, h, "Add team")
	if len(re.teams) != 1 {
		t.Fatalf("teams on screen: %d", len(re.teams))
	}
	team := re.teams[0]
	team.sm.SetSelected("Ana Souza")
	gapsBefore := strings.Join(re.GapFindings(), "\n")
	team.po.SetSelected("Ana Souza")
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
	assertNotShown(t, c, both)

	saved, err := store.Roster(ctx, ts.trainID)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Teams) != 1 || len(saved.People) != 2 || saved.Teams[0].ScrumMasterID == "" ||
		saved.Teams[0].ProductOwnerID == saved.Teams[0].ScrumMasterID {
		t.Errorf("roster saved: %+v", saved)
	}
	if !slices.Contains(h.Landed, "the roster") {
		t.Errorf("the roster was not saved: %v", h.Landed)
	}

	// The register: add an impediment, see it with its age, escalate it.
	ts.tabs.SelectIndex(TabRegister)
	rv := ts.registerV
	assertShows(t, c, "The register is empty")
	tap(t, h, "Add impediment")
	form := rv.lastForm
	test.Type(form.title, "Shared test environment down twice a week")
	form.raised.SetText("2026-01-01")
	form.owner.SetText("Bo Li")
	form.roam.SetSelected("Owned")
	form.dialog.Submit()
	// A title longer than its column shows its start, cut.
	assertShows(t, c, "Shared test environment")
	assertShows(t, c, "70 days") // 1 Jan to 12 Mar
	assertShows(t, c, "1 impediment · 1 open")
	tap(t, h, "Escalate")
	reg, err := store.Register(ctx, ts.trainID)
	if err != nil || len(reg) != 1 {
		t.Fatalf("register saved: %v %v", reg, err)
	}
	if reg[0].Level != assessment.LevelART || !reg[0].Escalated || reg[0].ROAM != assessment.ROAMOwned {
		t.Errorf("escalated impediment saved as %+v", reg[0])
	}
	assertShows(t, c, "100% escalated")
	// Filter by level, then close it.
	rv.level.SetSelected(widgets.LevelName(rv.ts.train.Framework, assessment.LevelLACE))
	assertShows(t, c, "No impediment matches these filters.")
	rv.level.SetSelected(filterAllLevels)
	tap(t, h, "Close")
	assertShows(t, c, "0 of 1") // resolved ones are hidden by default
	rv.status.SetSelected(filterAll)
	assertShows(t, c, "Resolved")
	reg, _ = store.Register(ctx, ts.trainID)
	if reg[0].Status != assessment.StatusResolved || !reg[0].Resolved.Equal(assessment.Day(testDay)) {
		t.Errorf("closed impediment saved as %+v", reg[0])
	}

	// Deleting asks first, and can be undone.
	rv.edit(0)
	tap(t, h, "Delete this impediment")
	assertShows(t, c, "To record that it was dealt with, close it instead.")
	tap(t, h, "Delete")
	if reg, _ = store.Register(ctx, ts.trainID); len(reg) != 0 {
		t.Fatalf("register after delete: %d", len(reg))
	}
	assertShows(t, c, "The register is empty")
	h.PressUndo(false) // Ctrl+Z, as the status bar's Undo
	if reg, _ = store.Register(ctx, ts.trainID); len(reg) != 1 || reg[0].Title != "Shared test environment down twice a week" {
		t.Fatalf("register after undo: %+v", reg)
	}
	assertShows(t, c, "Shared test environment")
}

// TestDeletingAsksThenForgets: deleting an assessment or the train asks
// first; the train's deletion leaves nothing in the store, the shell
// forgets it as the last train opened, and home shows.
func TestDeletingAsksThenForgets(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	ctx := context.Background()
	ts := newTrain(t, h, "Short-lived ART", assessment.SAFe)
	a := assessment.Assessment{TrainID: ts.trainID, Date: testDay, PI: "PI 2026.1", ChecklistVersion: h.Defs.Version}
	if err := h.DB.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	ts.Reload()
	assertNotShown(t, c, "No assessments yet")

	ts.deleteAssessment(ts.assessments[0])
	assertShows(t, c, "Delete the assessment PI 2026.1")
	tap(t, h, "Cancel")
	if as, err := h.DB.Assessments(ctx, ts.trainID); err != nil || len(as) != 1 {
		t.Fatalf("cancelled, the store holds %d assessments (%v)", len(as), err)
	}
	ts.deleteAssessment(ts.assessments[0])
	tap(t, h, "Delete")
	if as, err := h.DB.Assessments(ctx, ts.trainID); err != nil || len(as) != 0 {
		t.Fatalf("deleted, the store holds %d assessments (%v)", len(as), err)
	}
	assertShows(t, c, "No assessments yet")

	tap(t, h, "Delete train")
	assertShows(t, c, "Delete “Short-lived ART” with its roster, its impediment register and 0 assessments?")
	tap(t, h, "Delete")
	if _, err := h.DB.Train(ctx, ts.trainID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("the deleted train reads as %v", err)
	}
	if !slices.Equal(h.forgot, []string{ts.trainID}) {
		t.Errorf("forgotten: %v", h.forgot)
	}
	if n := len(h.Opened); n == 0 || h.Opened[n-1].Page != host.PageHome {
		t.Errorf("after the deletion the screen opened %v, want home", h.Opened)
	}
}

// TestNewAssessmentFollowsThePrevious: a new assessment is dated today and
// takes the PI after the previous one's, its PI length and, when the shell
// remembers none, its assessor; Start stores it and opens its checklists.
func TestNewAssessmentFollowsThePrevious(t *testing.T) {
	h := newHost(t)
	ctx := context.Background()
	ts := newTrain(t, h, "Counting ART", assessment.SAFe)
	prev := assessment.Assessment{TrainID: ts.trainID, Date: testDay.AddDate(0, -3, 0), PI: "PI 2026.1", Assessor: "Kim",
		PIWeeks: 12, ChecklistVersion: h.Defs.Version}
	if err := h.DB.CreateAssessment(ctx, &prev); err != nil {
		t.Fatal(err)
	}
	ts.Reload()
	tap(t, h, "New assessment")
	f := ts.newForm
	if f.PI.Text != assessment.NextPI("PI 2026.1", 1) || f.Weeks.Text != "12" || f.Assessor.Text != "Kim" ||
		f.Date.Text != assessment.Day(testDay).Format(widgets.DateInput) {
		t.Errorf("the form opens on PI %q, %q weeks, assessor %q, date %q", f.PI.Text, f.Weeks.Text, f.Assessor.Text, f.Date.Text)
	}
	f.Dialog.Submit()
	as, err := h.DB.Assessments(ctx, ts.trainID)
	if err != nil || len(as) != 2 || as[1].PI != assessment.NextPI("PI 2026.1", 1) || as[1].PIWeeks != 12 {
		t.Fatalf("the store holds %+v (%v)", as, err)
	}
	if n := len(h.Opened); n == 0 || h.Opened[n-1] != host.Checklists(ts.trainID, as[1].ID) {
		t.Errorf("opened %v, want the new assessment's checklists", h.Opened)
	}

	h.assessor = "Lee" // the name the coach gave last time wins
	tap(t, h, "New assessment")
	if ts.newForm.Assessor.Text != "Lee" {
		t.Errorf("assessor %q, want the one remembered", ts.newForm.Assessor.Text)
	}
}

// TestOpeningBuildsOnlyWhatShows: opening a train builds its assessments
// tab only; the roster, the register and the trend are made and drawn when
// their tab first shows, and a train read again while the trend shows
// draws it again at once.
func TestOpeningBuildsOnlyWhatShows(t *testing.T) {
	h := newHost(t)
	ts := newTrain(t, h, "Lazy ART", assessment.SAFe)
	c := h.Win.Canvas()
	assertShows(t, c, "No assessments yet")
	if ts.rosterEd.built || ts.registerV.list != nil || h.trendSet != 0 {
		t.Fatalf("at open: roster built %v, register built %v, trend drawn %d times",
			ts.rosterEd.built, ts.registerV.list != nil, h.trendSet)
	}
	for _, tab := range []int{TabRoster, TabRegister, TabTrend} {
		steady := ts.tabs.Items[tab].Content.(*widgets.Steady)
		if objs := test.WidgetRenderer(steady).Objects(); len(objs) != 1 || objs[0] != ts.holders[tab] || len(ts.holders[tab].Objects) != 0 {
			t.Errorf("at open tab %d (%s) holds %v", tab, ts.tabs.Items[tab].Text, objs)
		}
	}
	ts.SelectTab(TabRegister)
	assertShows(t, c, "The register is empty")
	ts.SelectTab(TabRoster)
	assertShows(t, c, "Role gaps")
	if !ts.rosterEd.built || ts.registerV.list == nil {
		t.Errorf("shown, the roster is built %v, the register %v", ts.rosterEd.built, ts.registerV.list != nil)
	}
	if h.trendSet != 0 {
		t.Errorf("the trend was drawn %d times before its tab showed", h.trendSet)
	}
	ts.SelectTab(TabTrend)
	if h.trendSet != 1 {
		t.Errorf("showing the trend's tab drew it %d times", h.trendSet)
	}
	ts.SelectTab(TabAssessments)
	ts.SelectTab(TabTrend)
	if h.trendSet != 1 {
		t.Errorf("showing the trend again, nothing changed, drew it %d times", h.trendSet)
	}
	ts.Reload()
	if h.trendSet != 2 {
		t.Errorf("reading the train again while the trend shows drew it %d times, want 2", h.trendSet)
	}
}

// BenchmarkOpenBigTrain opens the big train (12 teams, 121 people, 300
// impediments) as the shell does, New, on screen, Reload: "open" is what
// the coach waits for from the click on the train to its screen, the
// assessments tab showing; "open-roster-register" goes on to show the
// roster tab and then the register. Besides the wall time per open, cpu-ms
// is the process's CPU time per open (every goroutine, the garbage
// collector included), which other work on a loaded machine does not
// stretch. Ten opens a run keep the first, which fills the font caches,
// from counting alone:
//
//	go test -tags migrated_fynedo ./app/train/ -run '^$' -bench OpenBigTrain -benchtime 10x -benchmem -count 3
func BenchmarkOpenBigTrain(b *testing.B) {
	for _, bc := range []struct {
		name string
		tabs []int
	}{
		{"open", nil},
		{"open-roster-register", []int{TabRoster, TabRegister}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			h := newHost(b)
			id := bigTrain(b, h)
			var ts *Screen
			cpu := cpuTime()
			for b.Loop() {
				ts = New(h, id)
				h.Win.SetContent(ts.Content())
				ts.Reload()
				for _, tab := range bc.tabs {
					ts.SelectTab(tab)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			b.StopTimer()
			if !ts.loaded || len(ts.roster.People) != 121 || len(ts.roster.Teams) != 12 || len(ts.register) != 300 {
				b.Fatalf("the big train opened with %d people, %d teams, %d impediments (%v)",
					len(ts.roster.People), len(ts.roster.Teams), len(ts.register), h.Errs)
			}
			texts := screentest.Texts(h.Win.Canvas())
			if !slices.Contains(texts, "Big ART") {
				b.Fatalf("the train's screen does not show its name: %q", texts)
			}
			if len(bc.tabs) > 0 {
				// The register shows its oldest open impediment first.
				open := slices.DeleteFunc(slices.Clone(ts.register), func(imp assessment.Impediment) bool {
					return imp.Status == assessment.StatusResolved
				})
				oldest := slices.MinFunc(open, func(a, b assessment.Impediment) int { return a.Raised.Compare(b.Raised) })
				if !slices.Contains(texts, oldest.Title) {
					b.Fatalf("the register does not show %q, the oldest open impediment", oldest.Title)
				}
			}
			ts.SelectTab(TabRoster)
			first := slices.MinFunc(ts.roster.People, func(a, b assessment.Person) int {
				return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
			})
			if !slices.Contains(screentest.Texts(h.Win.Canvas()), first.Name) {
				b.Fatalf("the roster tab does not show %q, the first of its people", first.Name)
			}
		})
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
