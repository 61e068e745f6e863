package train

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// pickerRoster opens a train whose roster has people added out of
// alphabetical order, some with accents, and two teams, Team Falcon and
// Team Orion, with nobody in them yet.
func pickerRoster(t *testing.T) (*testHost, *Screen) {
	t.Helper()
	h := newHost(t)
	ts := newTrain(t, h, "Picked ART", assessment.SAFe)
	ts.tabs.SelectIndex(TabRoster)
	re := ts.rosterEd
	for _, name := range []string{"Zoë Brandt", "Émile Roux", "Bo Li", "Ana Lima", "Emília Santos", "Dmitri Orlov", "李伟"} {
		test.Type(re.newPerson, name)
		tap(t, h, "Add person")
	}
	tap(t, h, "Add team")
	tap(t, h, "Add team")
	re.teams[0].name.SetText("Team Falcon")
	re.teams[1].name.SetText("Team Orion")
	return h, ts
}

// tabTo presses Tab until the picker has the keys, as a coach would.
func tabTo(t *testing.T, c fyne.Canvas, p fyne.Focusable) {
	t.Helper()
	for range 400 {
		if c.Focused() == p {
			return
		}
		press(c, fyne.KeyTab)
	}
	t.Fatalf("Tab never reached the picker")
}

// press is a key as the window hands it on: Tab moves the focus unless the
// focused widget takes it; other keys go to the focused widget.
func press(c fyne.Canvas, key fyne.KeyName) {
	f := c.Focused()
	if key == fyne.KeyTab {
		if tb, ok := f.(fyne.Tabbable); !ok || !tb.AcceptsTab() {
			c.FocusNext()
			return
		}
	}
	if f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: key})
	}
}

// typeKeys types on whatever has the keys, one character at a time.
func typeKeys(c fyne.Canvas, s string) {
	for _, r := range s {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		}
	}
}

// shownChoices are the choices the open list shows, top to bottom, as
// drawn: the texts of the overlay on top.
func shownChoices(t *testing.T, c fyne.Canvas) []string {
	t.Helper()
	type row struct {
		y    float32
		text string
	}
	var rows []row
	d := fyne.CurrentApp().Driver()
	if top := c.Overlays().Top(); top != nil { // the list is over everything
		for _, x := range visibleIn(top) {
			if rt, ok := x.(*widget.RichText); ok {
				rows = append(rows, row{d.AbsolutePositionForObject(rt).Y, rt.String()})
			}
		}
	}
	slices.SortFunc(rows, func(a, b row) int {
		switch {
		case a.y < b.y:
			return -1
		case a.y > b.y:
			return 1
		}
		return 0
	})
	var out []string
	for _, r := range rows {
		out = append(out, r.text)
	}
	return out
}

// visibleIn is every object shown under o.
var visibleIn = screentest.VisibleIn

// savedRoster is the roster as the store holds it.
func savedRoster(t *testing.T, h *testHost, ts *Screen) assessment.Roster {
	t.Helper()
	r, err := h.DB.Roster(context.Background(), ts.trainID)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// personID is the ID of the person of a name on the roster.
func personID(t *testing.T, r assessment.Roster, name string) string {
	t.Helper()
	for _, p := range r.People {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("%s is not on the roster", name)
	return ""
}

// TestPickerIsAlphabetical: ↓ on a team's Scrum Master lists the vacancy,
// then everyone in alphabetical order whatever the accents and the script,
// not in the order they were added.
func TestPickerIsAlphabetical(t *testing.T) {
	h, ts := pickerRoster(t)
	c := h.Win.Canvas()
	sm := ts.rosterEd.teams[0].sm
	tabTo(t, c, sm)
	press(c, fyne.KeyDown)
	if !sm.IsOpen() {
		t.Fatal("↓ did not open the list")
	}
	want := []string{vacant, "Ana Lima", "Bo Li", "Dmitri Orlov", "Émile Roux", "Emília Santos", "Zoë Brandt", "李伟"}
	if got := shownChoices(t, c); !slices.Equal(got, want) {
		t.Errorf("the list shows\n%q\nwant\n%q", got, want)
	}
	// The people list below is in that order too.
	var listed []string
	for _, p := range ts.rosterEd.people {
		listed = append(listed, p.Name)
	}
	if !slices.Equal(listed, want[1:]) {
		t.Errorf("the people list is in the order %q", listed)
	}
}

// TestPickerTypeAheadPicksWithEnter: typing "li" narrows the list to the
// names holding it anywhere, accents aside; ↓ and Enter pick the one
// highlighted, which is saved at once; only keys are used.
func TestPickerTypeAheadPicksWithEnter(t *testing.T) {
	h, ts := pickerRoster(t)
	c := h.Win.Canvas()
	sm := ts.rosterEd.teams[0].sm
	tabTo(t, c, sm)
	typeKeys(c, "li")
	want := []string{"Ana Lima", "Bo Li", "Emília Santos"}
	if got := shownChoices(t, c); !slices.Equal(got, want) {
		t.Fatalf("typing “li” shows %q, want %q", got, want)
	}
	if hl, _ := sm.Highlighted(); hl.Name != "Ana Lima" {
		t.Errorf("highlighted first: %q", hl.Name)
	}
	press(c, fyne.KeyDown)
	press(c, fyne.KeyDown)
	press(c, fyne.KeyUp)
	if hl, _ := sm.Highlighted(); hl.Name != "Bo Li" {
		t.Errorf("after ↓ ↓ ↑ the highlight is on %q", hl.Name)
	}
	press(c, fyne.KeyReturn)
	if sm.IsOpen() || len(c.Overlays().List()) != 0 {
		t.Error("Enter left the list open")
	}
	if sm.Text != "Bo Li" || c.Focused() != sm {
		t.Errorf("after Enter the field shows %q, the keys are with %T", sm.Text, c.Focused())
	}
	r := savedRoster(t, h, ts)
	if got := r.Teams[0].ScrumMasterID; got != personID(t, r, "Bo Li") {
		t.Errorf("the Scrum Master saved is %q", got)
	}
	assertShows(t, c, "Scrum Master of Team Falcon")

	// Nothing matching says so; Esc closes and keeps who was picked.
	typeKeys(c, "xq")
	assertShows(t, c, "Nobody on the roster has “xq” in their name")
	press(c, fyne.KeyEscape)
	if sm.IsOpen() || sm.Text != "Bo Li" {
		t.Errorf("after Esc: open %v, shows %q", sm.IsOpen(), sm.Text)
	}
	// Tab leaves the picker with what was typed forgotten.
	typeKeys(c, "zo")
	if got := shownChoices(t, c); !slices.Equal(got, []string{"Zoë Brandt"}) {
		t.Errorf("typing “zo” shows %q", got)
	}
	press(c, fyne.KeyTab)
	if sm.IsOpen() || c.Focused() == sm || sm.Text != "Bo Li" {
		t.Errorf("after Tab: open %v, focused %T, shows %q", sm.IsOpen(), c.Focused(), sm.Text)
	}
	if got := savedRoster(t, h, ts).Teams[0].ScrumMasterID; got != personID(t, r, "Bo Li") {
		t.Errorf("leaving the picker changed the Scrum Master to %q", got)
	}
}

// TestPickerSaysWhoIsOnAnotherTeam: picking for Team Orion, the choices
// say who is already Scrum Master of Team Falcon or a developer there; that
// person may still be picked, and is then on both.
func TestPickerSaysWhoIsOnAnotherTeam(t *testing.T) {
	h, ts := pickerRoster(t)
	c := h.Win.Canvas()
	re := ts.rosterEd
	re.teams[0].sm.SetSelected("Ana Lima")
	r := savedRoster(t, h, ts)
	r.Teams[0].DeveloperIDs = []string{personID(t, r, "Emília Santos")}
	re.set(r)
	re.changed()

	po := re.teams[1].po
	tabTo(t, c, po)
	typeKeys(c, "li")
	want := []string{"Ana Lima — Scrum Master of Team Falcon", "Bo Li", "Emília Santos — developer in Team Falcon"}
	if got := shownChoices(t, c); !slices.Equal(got, want) {
		t.Fatalf("the choices say\n%q\nwant\n%q", got, want)
	}
	press(c, fyne.KeyReturn)
	r = savedRoster(t, h, ts)
	ana := personID(t, r, "Ana Lima")
	if r.Teams[0].ScrumMasterID != ana || r.Teams[1].ProductOwnerID != ana {
		t.Errorf("Ana is saved as Scrum Master %q of Falcon, Product Owner %q of Orion", r.Teams[0].ScrumMasterID, r.Teams[1].ProductOwnerID)
	}
	assertShows(t, c, "Scrum Master of Team Falcon · Product Owner of Team Orion")
	// Ana's place is said the same way in the people list and the pickers.
	press(c, fyne.KeyDown)
	if got := shownChoices(t, c); !slices.Contains(got, "Ana Lima — "+assessment.PlacesText(assessment.PlacesOf(r, assessment.SAFe, ana))) {
		t.Errorf("the list shows %q", got)
	}
	press(c, fyne.KeyEscape)
}

// TestPickerTrainRoleAndUndo: a train role is picked the same way, and
// Ctrl+Z on the picker takes the pick back, in the store too.
func TestPickerTrainRoleAndUndo(t *testing.T) {
	h, ts := pickerRoster(t)
	c := h.Win.Canvas()
	re := ts.rosterEd
	tap(t, h, "Add") // the first role's, the train's facilitator
	var rte *widgets.PeoplePicker
	for _, o := range visible(c) {
		if p, ok := o.(*widgets.PeoplePicker); ok {
			rte = p
			break
		}
	}
	if rte == nil {
		t.Fatal("no picker for the role added")
	}
	tabTo(t, c, rte)
	typeKeys(c, "ORL")
	if got := shownChoices(t, c); !slices.Equal(got, []string{"Dmitri Orlov"}) {
		t.Fatalf("typing “ORL” shows %q", got)
	}
	press(c, fyne.KeyEnter)
	r := savedRoster(t, h, ts)
	dmitri := personID(t, r, "Dmitri Orlov")
	if len(r.Roles) != 1 || r.Roles[0].PersonID != dmitri {
		t.Fatalf("the roles saved: %+v", r.Roles)
	}
	title := assessment.RoleFacilitator.Title(assessment.SAFe)
	for _, p := range re.people {
		if p.Name == "Dmitri Orlov" && re.personRoles(p.ID) != title {
			t.Errorf("Dmitri holds %q", re.personRoles(p.ID))
		}
	}
	h.PressUndo(false)
	if r := savedRoster(t, h, ts); len(r.Roles) != 1 || r.Roles[0].PersonID != "" {
		t.Errorf("after Ctrl+Z the roles saved are %+v", r.Roles)
	}
	if !strings.Contains(strings.Join(screenTexts(c), "\n"), assessment.NoPlaceYet) {
		t.Error("nobody is shown without a role after the undo")
	}
}

// screenTexts is every text on screen.
func screenTexts(c fyne.Canvas) []string {
	var out []string
	for _, o := range visible(c) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

// TestDevelopersDialogFindsAndTicks: a team's developers are chosen among
// everyone, alphabetical and saying where each already is; the same picker
// finds someone by a part of their name and ticks them.
func TestDevelopersDialogFindsAndTicks(t *testing.T) {
	h, ts := pickerRoster(t)
	c := h.Win.Canvas()
	re := ts.rosterEd
	re.teams[0].sm.SetSelected("Ana Lima")
	test.Tap(re.teams[1].choose)
	var find *widgets.PeoplePicker
	var checks *widget.CheckGroup
	for _, o := range visibleIn(c.Overlays().Top()) {
		switch x := o.(type) {
		case *widgets.PeoplePicker:
			find = x
		case *widget.CheckGroup:
			checks = x
		}
	}
	if find == nil || checks == nil {
		t.Fatal("the developers dialog has no picker or no people to tick")
	}
	want := []string{"Ana Lima — Scrum Master of Team Falcon", "Bo Li", "Dmitri Orlov", "Émile Roux", "Emília Santos", "Zoë Brandt", "李伟"}
	if !slices.Equal(checks.Options, want) {
		t.Errorf("the dialog offers\n%q\nwant\n%q", checks.Options, want)
	}
	tabTo(t, c, find)
	typeKeys(c, "emi")
	if got := shownChoices(t, c); !slices.Equal(got, []string{"Émile Roux", "Emília Santos"}) {
		t.Fatalf("typing “emi” shows %q", got)
	}
	press(c, fyne.KeyDown)
	press(c, fyne.KeyReturn)
	if !slices.Equal(checks.Selected, []string{"Emília Santos"}) || find.Text != "" {
		t.Errorf("ticked %q, the picker shows %q", checks.Selected, find.Text)
	}
	tap(t, h, "Done")
	r := savedRoster(t, h, ts)
	if !slices.Equal(r.Teams[1].DeveloperIDs, []string{personID(t, r, "Emília Santos")}) {
		t.Errorf("Team Orion's developers saved: %q", r.Teams[1].DeveloperIDs)
	}
}

// TestDevelopersDialogCancelForgetsNewPeople: someone added in the
// developers dialog joins the roster with Done; with Cancel neither they
// nor the ticks are kept, on screen or in the store.
func TestDevelopersDialogCancelForgetsNewPeople(t *testing.T) {
	h, ts := pickerRoster(t)
	c := h.Win.Canvas()
	re := ts.rosterEd
	people := len(re.roster.People)
	add := func(name string) {
		t.Helper()
		test.Tap(re.teams[1].choose)
		var entry *widget.Entry
		for _, o := range visibleIn(c.Overlays().Top()) {
			if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "Add a new person to this team" {
				entry = e
			}
		}
		if entry == nil {
			t.Fatal("the developers dialog has no field for a new person")
		}
		test.Type(entry, name)
		entry.OnSubmitted(entry.Text)
	}
	add("Nuno Ferreira")
	tap(t, h, "Cancel")
	if len(re.roster.People) != people || slices.ContainsFunc(re.roster.People, func(p assessment.Person) bool { return p.Name == "Nuno Ferreira" }) {
		t.Errorf("after Cancel the roster holds %d people (was %d): the new person stayed", len(re.roster.People), people)
	}
	add("Nuno Ferreira")
	tap(t, h, "Done")
	r := savedRoster(t, h, ts)
	id := personID(t, r, "Nuno Ferreira")
	if !slices.Contains(r.Teams[1].DeveloperIDs, id) || len(r.People) != people+1 {
		t.Errorf("after Done the store holds %d people and Team Orion's developers %q", len(r.People), r.Teams[1].DeveloperIDs)
	}
}
