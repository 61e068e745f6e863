package train

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// vacant is the choice that leaves a role or team position open.
const vacant = "— vacant —"

// rosterEditor edits who holds which role on the train: the train-level
// roles, the teams with their Scrum Master, Product Owner, developers and
// skills, and the people. A person may hold several roles and serve several
// teams. The role gaps that follow from the roster are shown beside it and
// change as the coach edits; every change is saved at once.
type rosterEditor struct {
	ts     *Screen
	roster assessment.Roster
	gaps   []assessment.RoleGap
	saved  map[string]string // each team's name as last saved, by ID

	// The roster's widgets are made when its tab first shows (built):
	// until then set only keeps the roster and its gaps.
	built bool

	rolesBox   *fyne.Container
	teamsBox   *fyne.Container
	people     []assessment.Person // the people list's rows, alphabetical
	places     map[string][]string // where each of them is, by ID, as the list shows
	peopleList *widget.List
	teams      []*teamCard
	newPerson  *widget.Entry
	vsm        *widget.Check
	skills     *widget.Entry
	gapTitle   *widget.Label
	gapBox     *fyne.Container
	gapCards   map[assessment.RoleGap]fyne.CanvasObject // the cards shown, kept while their gap stays
	root       fyne.CanvasObject
}

// peopleRows is how many people the list shows at once; it scrolls
// through the others, reusing its rows.
const peopleRows = 10

// teamCard is the editor of one team.
type teamCard struct {
	name       *widget.Entry
	nameHint   *widget.Label // why the name typed is not taken
	sm, po     *widgets.PeoplePicker
	developers *widget.Label
	choose     *widget.Button
	skills     map[string]*widget.Check
	remove     *widget.Button
	box        fyne.CanvasObject
}

func newRosterEditor(ts *Screen) *rosterEditor {
	re := &rosterEditor{ts: ts}
	re.build()
	return re
}

func (re *rosterEditor) content() fyne.CanvasObject { return re.root }

func (re *rosterEditor) build() {
	re.rolesBox = container.NewVBox()
	re.teamsBox = container.NewVBox()
	re.peopleList = widget.NewList(func() int { return len(re.people) }, re.personRow, re.updatePersonRow)
	re.peopleList.HideSeparators = false
	rowHeight := re.personRow().MinSize().Height + theme.Padding()

	addTeam := widget.NewButtonWithIcon("Add team", theme.ContentAddIcon(), func() { re.addTeam("") })
	re.newPerson = widget.NewEntry()
	re.newPerson.SetPlaceHolder("Name of a person to add")
	re.newPerson.OnSubmitted = func(s string) { re.addPersonFromEntry() }
	addPerson := widget.NewButtonWithIcon("Add person", theme.ContentAddIcon(), re.addPersonFromEntry)

	re.vsm = widget.NewCheck("The train has a value stream map that tells it what value to deliver", func(b bool) {
		if re.roster.ValueStreamMap != b {
			re.roster.ValueStreamMap = b
			re.changed()
		}
	})
	re.skills = widget.NewEntry()
	re.skills.SetPlaceHolder(strings.Join(assessment.DefaultSkills, ", "))
	re.skills.OnChanged = func(s string) {
		re.ts.host.Typed("roster-skills", func() {
			re.roster.RequiredSkills = splitList(s)
			re.refreshTeams()
			re.changed()
		})
	}

	form := container.NewVBox(
		widgets.Subheading("Train roles"),
		widgets.Wrapped("Who holds each role of the whole train. Choose “"+vacant+"” for a role that is wanted but open."),
		re.rolesBox,
		widget.NewSeparator(),
		container.NewBorder(nil, nil, widgets.Subheading("Teams"), addTeam),
		re.teamsBox,
		widget.NewSeparator(),
		widgets.Subheading("People"),
		widgets.Wrapped("Everyone on the roster. One person may hold several roles or serve several teams."),
		container.NewBorder(nil, nil, nil, addPerson, re.newPerson),
		widgets.WithHeight(peopleRows*rowHeight, re.peopleList),
		widget.NewSeparator(),
		widgets.Subheading("Facts"),
		re.vsm,
		widget.NewForm(&widget.FormItem{Text: "Skills every team needs", Widget: re.skills,
			HintText: "Separated by commas; empty means the defaults shown"}),
	)

	re.gapTitle = widgets.Subheading("Role gaps")
	re.gapBox = container.NewVBox()
	gapsPanel := widgets.WithWidth(340, container.NewBorder(
		container.NewVBox(re.gapTitle,
			widgets.Wrapped("Found in the roster as you edit it, highest risk first.")), nil, nil, nil,
		container.NewVScroll(re.gapBox)))

	re.root = container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewSeparator(), gapsPanel),
		container.NewVScroll(container.NewPadded(form)))
}

// set shows a roster read from the store.
func (re *rosterEditor) set(r assessment.Roster) {
	re.roster = r.Clone()
	re.rememberNames()
	re.vsm.SetChecked(r.ValueStreamMap)
	re.skills.OnChanged, re.skills.Text = nil, strings.Join(r.RequiredSkills, ", ")
	re.skills.Refresh()
	re.skills.OnChanged = func(s string) {
		re.ts.host.Typed("roster-skills", func() {
			re.roster.RequiredSkills = splitList(s)
			re.refreshTeams()
			re.changed()
		})
	}
	re.rebuild()
}

// shown is told the roster's tab shows: the first time, it makes the
// roster's widgets.
func (re *rosterEditor) shown() {
	if !re.built {
		re.built = true
		re.rebuild()
	}
}

// rememberNames keeps each team's name as saved, for the team whose name
// is being fixed.
func (re *rosterEditor) rememberNames() {
	if re.saved == nil {
		re.saved = map[string]string{}
	}
	for _, t := range re.roster.Teams {
		if t.Name != "" {
			re.saved[t.ID] = t.Name
		}
	}
}

// savedName is the name a team is saved under.
func (re *rosterEditor) savedName(id string) string { return re.saved[id] }

// flush writes a name being typed.
func (re *rosterEditor) flush() { re.ts.host.Flush() }

// changed saves the roster and shows the gaps that follow from it.
func (re *rosterEditor) changed() { re.changedAs("change to the roster") }

// changedAs is changed, with Ctrl+Z taking the change (name) back to the
// roster last saved, which records the change back for redo.
func (re *rosterEditor) changedAs(name string) {
	before := re.ts.roster.Clone()
	re.ts.host.Undoable(name, func() { re.set(before); re.changedAs(name) })
	re.updateGaps()
	r := re.roster.Clone()
	re.rememberNames()
	id := re.ts.trainID
	re.ts.roster = re.roster.Clone()
	re.ts.updateFacts()
	re.ts.host.Write("the roster", func(ctx context.Context) error {
		return re.ts.host.Store().SaveRoster(ctx, id, r)
	}, nil)
}

// rebuild lays out every section again, after people or teams were added or
// removed.
func (re *rosterEditor) rebuild() {
	if !re.built {
		re.gaps = assessment.RoleGaps(re.roster, re.ts.train.Framework)
		return
	}
	re.buildRoles()
	re.buildTeams()
	re.buildPeople()
	re.updateGaps()
}

// personChoices lists the people as the pickers offer them: the vacancy
// first, then everyone in alphabetical order with where they already are,
// so the coach sees who is on another team before picking them. Names that
// repeat get a number so each choice is one person.
func (re *rosterEditor) personChoices() []widgets.PersonChoice {
	places := assessment.Places(re.roster, re.ts.train.Framework)
	names := re.pickNames()
	people := slices.Clone(re.roster.People)
	assessment.SortPeople(people)
	out := make([]widgets.PersonChoice, 0, len(people)+1)
	out = append(out, widgets.PersonChoice{Name: vacant})
	for _, p := range people {
		out = append(out, widgets.PersonChoice{ID: p.ID, Name: names[p.ID], Places: assessment.PlacesText(places[p.ID])})
	}
	return out
}

// pickNames are the names the pickers show, by person ID: a name that
// repeats gets a number, in the roster's order.
func (re *rosterEditor) pickNames() map[string]string {
	names := make(map[string]string, len(re.roster.People))
	seen := map[string]int{}
	for _, p := range re.roster.People {
		seen[p.Name]++
		names[p.ID] = p.Name
		if n := seen[p.Name]; n > 1 {
			names[p.ID] = fmt.Sprintf("%s (%d)", p.Name, n)
		}
	}
	return names
}

// personPicker is a picker of people bound to an ID. Ctrl+Z on it takes
// back the last change to the roster, a pick included.
func (re *rosterEditor) personPicker(current string, set func(id string)) *widgets.PeoplePicker {
	name := ""
	if current != "" {
		name = re.pickNames()[current]
	}
	p := widgets.NewPeoplePicker(vacant, current, name, re.personChoices, set)
	p.OnUndo = func(redo bool) {
		if redo {
			re.ts.host.Redo()
		} else {
			re.ts.host.Undo()
		}
	}
	return p
}

func (re *rosterEditor) buildRoles() {
	var rolesBoxObjs []fyne.CanvasObject
	fw := re.ts.train.Framework
	for _, role := range fw.Roles() {
		role := role
		var holders []fyne.CanvasObject
		for i, ra := range re.roster.Roles {
			if ra.Role != role {
				continue
			}
			i := i
			sel := re.personPicker(ra.PersonID, func(id string) {
				re.roster.Roles[i].PersonID = id
				re.buildPeople()
				re.changed()
			})
			remove := widget.NewButtonWithIcon("", widgets.Icon(theme.ContentRemoveIcon()), func() {
				re.roster.Roles = slices.Delete(re.roster.Roles, i, i+1)
				re.rebuild()
				re.changed()
			})
			remove.Importance = widget.LowImportance
			holders = append(holders, container.NewBorder(nil, nil, nil, remove, sel))
		}
		add := widget.NewButtonWithIcon("Add", widgets.Icon(theme.ContentAddIcon()), func() {
			re.roster.Roles = append(re.roster.Roles, assessment.RoleAssignment{Role: role})
			re.buildRoles()
			re.changed()
		})
		add.Importance = widget.LowImportance
		if len(holders) == 0 {
			none := widget.NewLabel("vacant")
			none.TextStyle.Italic = true
			holders = append(holders, none)
		}
		label := widget.NewLabel(role.Title(fw))
		label.TextStyle.Bold = true
		label.Wrapping = fyne.TextWrapWord
		rolesBoxObjs = append(rolesBoxObjs, widgets.Row([]float32{32, 56, 12}, label, container.NewVBox(holders...), container.NewVBox(add)))
	}
	setObjects(re.rolesBox, rolesBoxObjs)
}

func (re *rosterEditor) buildTeams() {
	var teamsBoxObjs []fyne.CanvasObject
	re.teams = re.teams[:0]
	if len(re.roster.Teams) == 0 {
		none := widgets.Wrapped("No teams yet. A train usually has 5 to 12 teams of 5 to 11 people each.")
		none.TextStyle.Italic = true
		teamsBoxObjs = append(teamsBoxObjs, none)
	}
	for i := range re.roster.Teams {
		tc := re.teamCard(i)
		re.teams = append(re.teams, tc)
		teamsBoxObjs = append(teamsBoxObjs, tc.box)
	}
	setObjects(re.teamsBox, teamsBoxObjs)
}

// requiredSkills are the skills every team is checked for.
func (re *rosterEditor) requiredSkills() []string {
	if len(re.roster.RequiredSkills) > 0 {
		return re.roster.RequiredSkills
	}
	return assessment.DefaultSkills
}

func (re *rosterEditor) teamCard(i int) *teamCard {
	t := re.roster.Teams[i]
	tc := &teamCard{}
	tc.name = widget.NewEntry()
	tc.name.SetText(t.Name)
	tc.name.SetPlaceHolder("Team name")
	// A name being fixed is checked where it is typed; until it is fixed
	// the team keeps its saved name and every other change is saved.
	tc.name.AlwaysShowValidationError = true
	tc.name.Validator = func(s string) error {
		if widgets.CleanName(s) == "" {
			return fmt.Errorf("give the team a name; until then it keeps “%s”", re.savedName(re.roster.Teams[i].ID))
		}
		return nil
	}
	tc.nameHint = widget.NewLabel("")
	tc.nameHint.Importance = widget.DangerImportance
	tc.nameHint.Hide()
	tc.name.OnChanged = func(s string) {
		if c := widgets.CleanName(s); c != "" {
			re.roster.Teams[i].Name = c
			tc.nameHint.Hide()
		} else {
			tc.nameHint.SetText(tc.name.Validator(s).Error())
			tc.nameHint.Show()
		}
		re.ts.host.Typed(fmt.Sprintf("team-name-%d", i), func() {
			re.buildPeople()
			re.changed()
		})
	}
	tc.sm = re.personPicker(t.ScrumMasterID, func(id string) {
		re.roster.Teams[i].ScrumMasterID = id
		re.buildPeople()
		re.changed()
	})
	tc.po = re.personPicker(t.ProductOwnerID, func(id string) {
		re.roster.Teams[i].ProductOwnerID = id
		re.buildPeople()
		re.changed()
	})
	tc.developers = widgets.Wrapped("")
	re.showDevelopers(tc, t)
	tc.choose = widget.NewButtonWithIcon("Developers…", widgets.Icon(theme.AccountIcon()), func() { re.chooseDevelopers(i) })
	skills := re.requiredSkills()
	for _, s := range t.Skills {
		if !slices.Contains(skills, s) {
			skills = append(slices.Clone(skills), s)
		}
	}
	// One check per skill, wrapping onto more lines in a narrow window.
	tc.skills = map[string]*widget.Check{}
	skillBox := container.NewGridWrap(fyne.NewSize(190, 36))
	for _, skill := range skills {
		skill := skill
		c := widget.NewCheck(skill, nil)
		c.SetChecked(slices.Contains(t.Skills, skill))
		c.OnChanged = func(on bool) {
			have := slices.Contains(re.roster.Teams[i].Skills, skill)
			switch {
			case on && !have:
				re.roster.Teams[i].Skills = append(slices.Clone(re.roster.Teams[i].Skills), skill)
			case !on && have:
				re.roster.Teams[i].Skills = slices.DeleteFunc(slices.Clone(re.roster.Teams[i].Skills),
					func(x string) bool { return x == skill })
			default:
				return
			}
			re.changed()
		}
		tc.skills[skill] = c
		skillBox.Add(c)
	}
	tc.remove = widget.NewButtonWithIcon("Remove team", widgets.Icon(theme.DeleteIcon()), func() {
		name := re.roster.Teams[i].Name
		if name == "" {
			name = "this team"
		}
		re.ts.host.Confirm("Remove team", fmt.Sprintf("Remove %s from the roster? Its people stay on the roster.", name), "Remove", func() {
			re.removeWithUndo("Removed "+widgets.TruncateText(name, 40), func() {
				re.roster.Teams = slices.Delete(re.roster.Teams, i, i+1)
			})
		})
	})
	tc.remove.Importance = widget.LowImportance

	smLabel, poLabel := widget.NewLabel("Scrum Master"), widget.NewLabel("Product Owner")
	form := container.NewVBox(
		container.NewBorder(nil, nil, nil, tc.remove, tc.name),
		tc.nameHint,
		container.NewGridWithColumns(2,
			container.NewBorder(nil, nil, smLabel, nil, tc.sm),
			container.NewBorder(nil, nil, poLabel, nil, tc.po)),
		container.NewBorder(nil, nil, nil, tc.choose, tc.developers),
		skillBox,
	)
	tc.box = widgets.Panel(form)
	return tc
}

// showDevelopers writes a team's developers on its card.
func (re *rosterEditor) showDevelopers(tc *teamCard, t assessment.Team) {
	var names []string
	for _, id := range t.DeveloperIDs {
		names = append(names, re.personName(id))
	}
	if len(names) == 0 {
		tc.developers.SetText("No developers yet")
		return
	}
	tc.developers.SetText(fmt.Sprintf("%s: %s", widgets.Plural(len(names), "developer", "developers"), strings.Join(names, ", ")))
}

func (re *rosterEditor) personName(id string) string {
	for _, p := range re.roster.People {
		if p.ID == id {
			return p.Name
		}
	}
	return "(unknown)"
}

// refreshTeams redraws the team cards when the skills every team needs change.
func (re *rosterEditor) refreshTeams() { re.buildTeams() }

// chooseDevelopers lets the coach tick a team's developers among the people,
// or add new people straight away.
func (re *rosterEditor) chooseDevelopers(i int) {
	team := re.roster.Teams[i]
	var labels, ids []string
	for _, c := range re.personChoices()[1:] {
		labels, ids = append(labels, c.Label()), append(ids, c.ID)
	}
	checks := widget.NewCheckGroup(labels, nil)
	var sel []string
	for j, id := range ids {
		if slices.Contains(team.DeveloperIDs, id) {
			sel = append(sel, labels[j])
		}
	}
	checks.SetSelected(sel)
	newName := widget.NewEntry()
	newName.SetPlaceHolder("Add a new person to this team")
	// People added here join the roster with Done; Cancel forgets them,
	// as it forgets every tick.
	var added []assessment.Person
	addNew := func() {
		name := widgets.CleanName(newName.Text)
		if name == "" {
			return
		}
		p := assessment.Person{ID: data.NewID(), Name: name}
		added = append(added, p)
		labels = append(labels, name)
		ids = append(ids, p.ID)
		checks.Options = labels
		checks.Selected = append(checks.Selected, name)
		checks.Refresh()
		newName.SetText("")
	}
	newName.OnSubmitted = func(string) { addNew() }
	// Someone already on the roster is found as in every picker, and ticked.
	find := widgets.NewPeoplePicker("Find someone on the roster to tick", "", "",
		func() []widgets.PersonChoice { return re.personChoices()[1:] }, nil)
	find.OnPicked = func(id string) {
		if j := slices.Index(ids, id); j >= 0 && !slices.Contains(checks.Selected, labels[j]) {
			checks.SetSelected(append(slices.Clone(checks.Selected), labels[j]))
		}
		find.Clear()
	}
	content := container.NewBorder(
		container.NewVBox(find,
			container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), addNew), newName)),
		nil, nil, nil, container.NewVScroll(checks))
	title := "Developers of " + team.Name
	if team.Name == "" {
		title = "Developers"
	}
	d := dialog.NewCustomConfirm(title, "Done", "Cancel", content, func(ok bool) {
		if !ok {
			return
		}
		var devs []string
		for j, l := range labels {
			if slices.Contains(checks.Selected, l) {
				devs = append(devs, ids[j])
			}
		}
		re.roster.People = append(re.roster.People, added...)
		re.roster.Teams[i].DeveloperIDs = devs
		re.rebuild()
		re.changed()
	}, re.ts.host.Window())
	d.Resize(fyne.NewSize(480, 560))
	d.Show()
}

// addTeam adds a team with the given name (empty for the coach to type).
func (re *rosterEditor) addTeam(name string) {
	if name == "" {
		name = fmt.Sprintf("Team %d", len(re.roster.Teams)+1)
	}
	re.roster.Teams = append(re.roster.Teams, assessment.Team{ID: data.NewID(), Name: name})
	re.buildTeams()
	re.updateGaps()
	re.changed()
}

func (re *rosterEditor) addPersonFromEntry() {
	name := widgets.CleanName(re.newPerson.Text)
	if name == "" {
		return
	}
	re.addPerson(name)
	re.newPerson.SetText("")
}

// addPerson puts a person on the roster and returns their ID.
func (re *rosterEditor) addPerson(name string) string {
	p := assessment.Person{ID: data.NewID(), Name: name}
	re.roster.People = append(re.roster.People, p)
	re.rebuild()
	re.changed()
	return p.ID
}

// personRoles describes what a person holds, for the people list.
func (re *rosterEditor) personRoles(id string) string {
	return placesText(assessment.PlacesOf(re.roster, re.ts.train.Framework, id))
}

// placesText is a person's places on the people list.
func placesText(places []string) string {
	if len(places) > 0 {
		return assessment.PlacesText(places)
	}
	return assessment.NoPlaceYet
}

// buildPeople lists the people alphabetically; the list draws only the
// rows on screen.
func (re *rosterEditor) buildPeople() {
	if !re.built {
		return
	}
	re.people = slices.Clone(re.roster.People)
	assessment.SortPeople(re.people)
	re.places = assessment.Places(re.roster, re.ts.train.Framework)
	re.peopleList.Refresh()
}

// personRow is a row of the people list: name, roles, contractor, rename
// and remove.
func (re *rosterEditor) personRow() fyne.CanvasObject {
	name := widgets.Truncated("")
	name.TextStyle.Bold = true
	contractor := widget.NewCheck("Contractor", nil)
	rename := widget.NewButtonWithIcon("", widgets.Icon(theme.DocumentCreateIcon()), nil)
	rename.Importance = widget.LowImportance
	remove := widget.NewButtonWithIcon("", widgets.Icon(theme.DeleteIcon()), nil)
	remove.Importance = widget.LowImportance
	return widgets.Row([]float32{24, 52, 14, 10}, name, widgets.Truncated(""), contractor, container.NewHBox(layout.NewSpacer(), rename, remove))
}

func (re *rosterEditor) updatePersonRow(row widget.ListItemID, o fyne.CanvasObject) {
	if row >= len(re.people) {
		return
	}
	p := re.people[row]
	id := p.ID
	cells := o.(*fyne.Container).Objects
	setText(cells[0].(*widget.Label), p.Name)
	setText(cells[1].(*widget.Label), placesText(re.places[id]))
	contractor := cells[2].(*widget.Check)
	contractor.OnChanged = nil
	contractor.SetChecked(p.Contractor)
	contractor.OnChanged = func(b bool) {
		for i := range re.roster.People {
			if re.roster.People[i].ID == id && re.roster.People[i].Contractor != b {
				re.roster.People[i].Contractor = b
				re.changed()
			}
		}
	}
	btns := cells[3].(*fyne.Container).Objects
	btns[1].(*widget.Button).OnTapped = func() { re.renamePerson(id) }
	btns[2].(*widget.Button).OnTapped = func() { re.removePerson(id) }
}

func (re *rosterEditor) renamePerson(id string) {
	e := widget.NewEntry()
	e.SetText(re.personName(id))
	dialog.ShowForm("Rename", "Save", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", e)}, func(ok bool) {
		name := widgets.CleanName(e.Text)
		if !ok || name == "" {
			return
		}
		for i := range re.roster.People {
			if re.roster.People[i].ID == id {
				re.roster.People[i].Name = name
			}
		}
		re.rebuild()
		re.changed()
	}, re.ts.host.Window())
}

// removePerson takes a person off the roster, leaving every role and team
// position they held vacant.
func (re *rosterEditor) removePerson(id string) {
	name := re.personName(id)
	re.ts.host.Confirm("Remove person", fmt.Sprintf("Remove %s from the roster? Every role they hold (%s) becomes vacant.",
		name, re.personRoles(id)), "Remove", func() {
		re.removeWithUndo("Removed "+widgets.TruncateText(name, 40), func() { re.dropPerson(id) })
	})
}

// removeWithUndo changes the roster, saves it, and offers to take the
// change back.
func (re *rosterEditor) removeWithUndo(what string, change func()) {
	change()
	re.rebuild()
	re.changedAs(what)
}

// dropPerson takes a person off the roster and leaves what they held vacant.
func (re *rosterEditor) dropPerson(id string) {
	r := &re.roster
	r.People = slices.DeleteFunc(r.People, func(p assessment.Person) bool { return p.ID == id })
	for i := range r.Roles {
		if r.Roles[i].PersonID == id {
			r.Roles[i].PersonID = ""
		}
	}
	for i := range r.Teams {
		t := &r.Teams[i]
		if t.ScrumMasterID == id {
			t.ScrumMasterID = ""
		}
		if t.ProductOwnerID == id {
			t.ProductOwnerID = ""
		}
		t.DeveloperIDs = slices.DeleteFunc(t.DeveloperIDs, func(d string) bool { return d == id })
	}
}

// updateGaps shows the role gaps the roster has now.
func (re *rosterEditor) updateGaps() {
	re.gaps = assessment.RoleGaps(re.roster, re.ts.train.Framework)
	if !re.built {
		return
	}
	re.gapTitle.SetText(fmt.Sprintf("Role gaps (%d)", len(re.gaps)))
	var gapBoxObjs []fyne.CanvasObject
	switch {
	case re.roster.Empty():
		gapBoxObjs = append(gapBoxObjs, widgets.Wrapped(assessment.EmptyRosterNote))
	case len(re.gaps) == 0:
		gapBoxObjs = append(gapBoxObjs, widgets.Wrapped(assessment.NoGapsNote))
	}
	if dups := re.roster.DuplicateNames(); len(dups) > 0 {
		warn := widgets.Wrapped("Two people have the same name: " + strings.Join(dups, ", ") +
			". If they are one person, remove one; if not, rename one so the pickers tell them apart.")
		warn.Importance = widget.WarningImportance
		gapBoxObjs = append([]fyne.CanvasObject{warn}, gapBoxObjs...)
	}
	cards := make(map[assessment.RoleGap]fyne.CanvasObject, len(re.gaps))
	for _, g := range re.gaps {
		card, ok := re.gapCards[g]
		if _, twice := cards[g]; !ok || twice {
			card = gapCard(g) // a card shows in one place only
		}
		cards[g] = card
		gapBoxObjs = append(gapBoxObjs, card)
	}
	re.gapCards = cards
	setObjects(re.gapBox, gapBoxObjs)
}

// gapCard shows one role gap: how serious, what it concerns, why it matters.
func gapCard(g assessment.RoleGap) fyne.CanvasObject {
	finding := widgets.Wrapped(g.Finding)
	finding.TextStyle.Bold = true
	why := widgets.Wrapped(g.Explanation)
	why.TextStyle.Italic = true
	head := container.NewHBox(widgets.PriorityBadge(g.Severity), widget.NewLabel(g.Subject))
	return widgets.Panel(container.NewVBox(head, finding, why))
}

// GapFindings lists the findings shown, for tests and the status line.
func (re *rosterEditor) GapFindings() []string {
	var out []string
	for _, g := range re.gaps {
		out = append(out, g.Finding)
	}
	return out
}

// setObjects puts objects just made (or kept as they were) in a box, lays
// it out and has it drawn when the window next paints. Container.Refresh
// would refresh every one of them again, which on a big train redrew every
// team card twice.
func setObjects(box *fyne.Container, objs []fyne.CanvasObject) {
	box.Objects = objs
	box.Layout.Layout(objs, box.Size())
	canvas.Refresh(box)
}

// setText changes a label only when its text differs: a list's rows are
// updated on every change, and a label shapes its text again at each
// SetText.
func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// splitList reads a comma-separated list.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := widgets.CleanName(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
