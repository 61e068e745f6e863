package train

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// registerView is the train's impediment register: add, edit, close and
// escalate impediments, sort them into ROAM, filter by status and level, and
// see each one's age and the register's figures.
type registerView struct {
	ts       *Screen
	register []assessment.Impediment
	shown    []int // indexes into register that pass the filters

	figures  *widget.Label
	status   *widget.Select
	level    *widget.Select
	count    *widget.Label
	list     *widget.List
	header   *fyne.Container
	cols     *widgets.TableColumns // the header's and rows' columns
	empty    *widget.Label
	root     fyne.CanvasObject
	lastForm *impedimentForm // for tests
}

// Filter choices.
const (
	filterAll        = "All statuses"
	filterNotClosed  = "Not resolved"
	filterAllLevels  = "All levels"
	levelChoiceTrain = "Train-wide"
)

var statusChoices = append([]string{filterNotClosed, filterAll}, widgets.Titles(assessment.ImpedimentStatuses)...)

// roamNotCategorised is the choice for an impediment not yet ROAMed.
const roamNotCategorised = "Not categorised"

var roamChoices = append([]string{roamNotCategorised}, widgets.Titles(assessment.ROAMs)...)

// roamName names a ROAM category in the register's column.
func roamName(r assessment.ROAM) string {
	if r == assessment.ROAMNone {
		return "–"
	}
	return r.Title()
}

// The register's columns, in order.
const (
	colTitle = iota
	colLevel
	colTeam
	colOwner
	colStatus
	colROAM
	colRaised
	colAge
	colButtons
)

// registerHeads are the columns' heads.
var registerHeads = []string{"Impediment", "Level", "Team", "Owner", "Status", "ROAM", "Raised", "Age"}

// newRegisterColumns lays out the register's header and rows: the columns
// of words from a short list (level, status, ROAM) and of dates and ages
// as wide as their widest text, so they are never cut; the title takes
// half of what is left, the team and the owner a quarter each. In a narrow
// window (1024 wide), when the title, team and owner would have less than
// registerFreeMin between them, the ROAM column goes first (the form still
// shows it), then the raised date (the age still says how old the
// impediment is, and the form its date).
func newRegisterColumns() *widgets.TableColumns {
	f := float32(widgets.Fitted)
	return &widgets.TableColumns{
		Shares: []float32{2, f, 1, 1, f, f, f, f, 0},
		Min:    registerFreeMin,
		Drop:   []int{colROAM, colRaised},
	}
}

// registerFreeMin is the least width the title, team and owner share
// before a column is dropped.
const registerFreeMin = 500

func newRegisterView(ts *Screen) *registerView {
	return &registerView{ts: ts, root: container.NewStack()}
}

func (rv *registerView) content() fyne.CanvasObject { return rv.root }

// tabShown is told the register's tab shows: the first time, it makes the
// register's widgets and fills them.
func (rv *registerView) tabShown() {
	if rv.list != nil {
		return
	}
	rv.build()
	rv.set(rv.register)
}

func (rv *registerView) build() {
	rv.cols = newRegisterColumns()
	rv.figures = widgets.Wrapped("")
	rv.status = widget.NewSelect(statusChoices, func(string) { rv.filter() })
	rv.status.SetSelected(filterNotClosed)
	rv.level = widget.NewSelect(append([]string{filterAllLevels}, widgets.LevelTitles(rv.ts.train.Framework)...), func(string) { rv.filter() })
	rv.level.SetSelected(filterAllLevels)
	rv.count = widget.NewLabel("")
	add := widget.NewButtonWithIcon("Add impediment", theme.ContentAddIcon(), func() { rv.edit(-1) })
	add.Importance = widget.HighImportance

	heads := make([]fyne.CanvasObject, 0, len(registerHeads)+1)
	for _, h := range registerHeads {
		heads = append(heads, widgets.NewTextCell(h, true))
	}
	header := rv.cols.Row(append(heads, widgets.Gap(rv.createRow().(*fyne.Container).Objects[colButtons]))...)
	rv.header = header
	rv.list = widget.NewList(func() int { return len(rv.shown) }, rv.createRow, rv.updateRow)
	rv.list.OnSelected = func(id widget.ListItemID) {
		rv.list.UnselectAll()
		if id < len(rv.shown) {
			rv.edit(rv.shown[id])
		}
	}
	rv.empty = widget.NewLabel("")
	rv.empty.Alignment = fyne.TextAlignCenter

	bar := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel("Show"), rv.status, rv.level, rv.count), add)
	top := container.NewVBox(container.NewPadded(rv.figures), bar, header, widget.NewSeparator())
	rv.root.(*fyne.Container).Objects = []fyne.CanvasObject{
		container.NewBorder(top, nil, nil, nil, container.NewStack(rv.list, container.NewVBox(rv.empty)))}
	rv.root.Refresh()
}

// createRow is one row of the register: a cell of text for each column
// and the buttons to close and escalate the impediment.
func (rv *registerView) createRow() fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, 0, len(registerHeads)+1)
	for i := range registerHeads {
		cells = append(cells, widgets.NewTextCell("", i == colTitle))
	}
	closeBtn := widget.NewButtonWithIcon("Close", widgets.Icon(theme.ConfirmIcon()), nil)
	esc := widget.NewButtonWithIcon("Escalate", widgets.Icon(theme.MoveUpIcon()), nil)
	closeBtn.Importance, esc.Importance = widget.LowImportance, widget.LowImportance
	return rv.cols.Row(append(cells, container.NewHBox(closeBtn, esc))...)
}

// rowTexts are the texts of impediment i's row, by column.
func (rv *registerView) rowTexts(imp assessment.Impediment) []string {
	title := imp.Title
	if imp.Escalated {
		title = "↑ " + title
	}
	return []string{title, widgets.LevelName(rv.ts.train.Framework, imp.Level), rv.teamName(imp.TeamID), imp.Owner,
		imp.Status.Title(), roamName(imp.ROAM), widgets.ShortDate(imp.Raised), rv.ageText(imp)}
}

func (rv *registerView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(rv.shown) {
		return
	}
	i := rv.shown[id]
	imp := rv.register[i]
	row := o.(*fyne.Container)
	cells := row.Objects
	for c, text := range rv.rowTexts(imp) {
		cells[c].(*widgets.TextCell).SetText(text)
	}
	// The columns may have been fitted to other texts since the row was
	// last laid out; a row not laid out yet will be at its size.
	if size := row.Size(); size.Width > 0 {
		rv.cols.Layout(cells, size)
	}
	btns := cells[colButtons].(*fyne.Container).Objects
	closeBtn, esc := btns[0].(*widget.Button), btns[1].(*widget.Button)
	closeBtn.OnTapped = func() { rv.close(i) }
	esc.OnTapped = func() { rv.escalate(i) }
	if imp.Status == assessment.StatusResolved {
		closeBtn.Disable()
		esc.Disable()
	} else {
		closeBtn.Enable()
		if imp.CanEscalate() {
			esc.Enable()
		} else {
			esc.Disable()
		}
	}
}

// fitColumns makes the columns of short words, dates and ages as wide as
// the widest text they can show: every level, status and ROAM category,
// and the dates and ages of the impediments shown. Digits are measured
// as zeros (the theme's figures are all as wide), so a few texts stand for
// hundreds of rows.
func (rv *registerView) fitColumns() {
	words := map[int][]string{
		colLevel:  widgets.LevelTitles(rv.ts.train.Framework),
		colStatus: widgets.Titles(assessment.ImpedimentStatuses),
		colROAM:   append([]string{roamName(assessment.ROAMNone)}, widgets.Titles(assessment.ROAMs)...),
	}
	for _, i := range rv.shown {
		t := rv.rowTexts(rv.register[i])
		words[colRaised] = append(words[colRaised], zeroDigits(t[colRaised]))
		words[colAge] = append(words[colAge], zeroDigits(t[colAge]))
	}
	for col, texts := range words {
		w := widgets.CellWidth(registerHeads[col], true)
		seen := map[string]bool{}
		for _, s := range texts {
			if !seen[s] {
				seen[s] = true
				w = max(w, widgets.CellWidth(s, false))
			}
		}
		rv.cols.Fit(col, w)
	}
}

// zeroDigits is s with every digit a zero.
func zeroDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '0'
		}
		return r
	}, s)
}

// ageText is how long an impediment has been open, or took to resolve.
func (rv *registerView) ageText(imp assessment.Impediment) string {
	days, ok := imp.AgeDays(rv.today())
	if !ok {
		return "–"
	}
	return widgets.Plural(days, "day", "days")
}

func (rv *registerView) today() time.Time { return assessment.Day(rv.ts.host.Now()) }

func (rv *registerView) teamName(id string) string {
	if id == "" {
		return levelChoiceTrain
	}
	for _, t := range rv.ts.roster.Teams {
		if t.ID == id {
			return t.Name
		}
	}
	return "(removed team)"
}

// piWeeks is the PI length of the train's latest assessment.
func (rv *registerView) piWeeks() int {
	if n := len(rv.ts.assessments); n > 0 && rv.ts.assessments[n-1].PIWeeks > 0 {
		return rv.ts.assessments[n-1].PIWeeks
	}
	return assessment.DefaultPIWeeks
}

// set shows the register read from the store.
func (rv *registerView) set(reg []assessment.Impediment) {
	rv.register = slices.Clone(reg)
	// The train, and so its framework's level words, may have arrived
	// since the filter was made.
	if opts := append([]string{filterAllLevels}, widgets.LevelTitles(rv.ts.train.Framework)...); rv.level != nil && !slices.Equal(opts, rv.level.Options) {
		at := max(slices.Index(rv.level.Options, rv.level.Selected), 0)
		rv.level.Options = opts
		rv.level.Selected = opts[min(at, len(opts)-1)]
		rv.level.Refresh()
	}
	rv.filter()
}

// filter applies the status and level filters and updates the figures.
func (rv *registerView) filter() {
	if rv.list == nil {
		return
	}
	rv.shown = rv.shown[:0]
	for i, imp := range rv.register {
		switch rv.status.Selected {
		case filterAll:
		case filterNotClosed:
			if imp.Status == assessment.StatusResolved {
				continue
			}
		default:
			if imp.Status.Title() != rv.status.Selected {
				continue
			}
		}
		if rv.level.Selected != filterAllLevels && widgets.LevelName(rv.ts.train.Framework, imp.Level) != rv.level.Selected {
			continue
		}
		rv.shown = append(rv.shown, i)
	}
	// Oldest open first: those need attention.
	slices.SortStableFunc(rv.shown, func(a, b int) int {
		return rv.register[a].Raised.Compare(rv.register[b].Raised)
	})
	rv.count.SetText(fmt.Sprintf("%d of %d", len(rv.shown), len(rv.register)))
	switch {
	case len(rv.register) == 0:
		rv.empty.SetText("The register is empty. Add the impediments the train is facing, at team, ART or LACE level.")
		rv.empty.Show()
	case len(rv.shown) == 0:
		rv.empty.SetText("No impediment matches these filters.")
		rv.empty.Show()
	default:
		rv.empty.Hide()
	}
	rv.fitColumns()
	rv.header.Refresh()
	rv.list.Refresh()
	rv.updateFigures()
}

func (rv *registerView) updateFigures() {
	f := assessment.Figures(rv.register, rv.today(), rv.piWeeks())
	if f.Total == 0 {
		rv.figures.SetText("Figures appear here once the register has impediments.")
		return
	}
	parts := []string{
		widgets.Plural(f.Total, "impediment", "impediments"),
		fmt.Sprintf("%d open", f.Open),
	}
	if f.Open > 0 {
		parts = append(parts,
			fmt.Sprintf("median open age %.0f days", f.MedianOpenAgeDays),
			fmt.Sprintf("oldest %d days", f.OldestOpenAgeDays),
			fmt.Sprintf("%.0f%% older than one PI (%d weeks)", f.ShareOlderThanPI*100, f.PIWeeks))
	}
	parts = append(parts,
		fmt.Sprintf("%.0f%% escalated", f.ShareEscalated*100),
		fmt.Sprintf("%.0f%% recurring", f.Recurrence*100))
	if f.MedianCycleDays > 0 {
		parts = append(parts, fmt.Sprintf("median %.0f days to resolve", f.MedianCycleDays))
	}
	rv.figures.SetText(strings.Join(parts, " · "))
}

// Figures is the figures line as shown, for tests.
func (rv *registerView) Figures() string { return rv.figures.Text }

// save writes one impediment and shows the register again. A new one gets
// its ID here rather than from the store, so an edit made before the first
// write has landed updates it instead of adding it twice. When the store
// refuses it, the register goes back to what the store holds and, if it
// came from the form, the form opens again with what the coach entered.
func (rv *registerView) save(i int, imp assessment.Impediment, fromForm bool) {
	if imp.ID == "" {
		imp.ID = data.NewID()
	}
	before := slices.Clone(rv.register)
	if i < 0 {
		rv.register = append(rv.register, imp)
	} else {
		rv.register[i] = imp
	}
	rv.shownChanged()
	trainID := rv.ts.trainID
	what := "the impediment “" + imp.Title + "”"
	rv.ts.host.WriteOr(what, func(ctx context.Context) error {
		return rv.ts.host.Store().SaveImpediment(ctx, trainID, &imp)
	}, nil, func(err error) {
		rv.register = before
		rv.shownChanged()
		if fromForm {
			rv.editDraft(i, imp, err)
		}
	}, func() { rv.save(i, imp, fromForm) })
}

// shownChanged shows the register as it now is, with the figures and the
// train's facts that follow from it.
func (rv *registerView) shownChanged() {
	rv.ts.register = slices.Clone(rv.register)
	rv.ts.updateFacts()
	rv.filter()
}

// change saves an impediment as save does, and records the change so
// Ctrl+Z takes it back; name says what it was ("closing of “…”").
func (rv *registerView) change(name string, i int, imp assessment.Impediment, fromForm bool) {
	if imp.ID == "" {
		imp.ID = data.NewID()
	}
	rv.record(name, imp.ID)
	rv.save(i, imp, fromForm)
}

// record records a change about to be made to an impediment: its undo
// puts the impediment back as it is now, or takes it out of the register
// when it is not in it yet.
func (rv *registerView) record(name, id string) {
	var before *assessment.Impediment
	if i := rv.index(id); i >= 0 {
		b := rv.register[i]
		before = &b
	}
	rv.ts.host.Undoable(name, func() { rv.restore(name, id, before) })
}

// restore puts an impediment back as it was (nil: not in the register),
// saved as every change is, and records that in turn, for Redo.
func (rv *registerView) restore(name, id string, to *assessment.Impediment) {
	rv.record(name, id)
	i := rv.index(id)
	switch {
	case to != nil:
		rv.save(i, *to, false)
	case i >= 0:
		rv.delete(i)
	}
}

// index is where the impediment with the ID is in the register, -1 when
// it is not in it.
func (rv *registerView) index(id string) int {
	return slices.IndexFunc(rv.register, func(x assessment.Impediment) bool { return x.ID == id })
}

// named is an impediment in a change's name.
func named(what string, imp assessment.Impediment) string {
	return what + "“" + widgets.TruncateText(imp.Title, 40) + "”"
}

// close resolves an impediment today.
func (rv *registerView) close(i int) {
	rv.change(named("closing of ", rv.register[i]), i, rv.register[i].Resolve(rv.today()), false)
}

// escalate moves an impediment one rung up the ladder and marks it
// escalated; at the top there is nowhere to go.
func (rv *registerView) escalate(i int) {
	if imp, ok := rv.register[i].Escalate(); ok {
		rv.change(named("escalation of ", imp), i, imp, false)
	}
}

// remove deletes an impediment after asking; Ctrl+Z or the status bar's
// Undo puts it back.
func (rv *registerView) remove(i int) {
	imp := rv.register[i]
	rv.ts.host.Confirm("Delete impediment", fmt.Sprintf("Delete “%s” from the register? "+
		"To record that it was dealt with, close it instead.", imp.Title), "Delete", func() {
		if j := rv.index(imp.ID); j >= 0 {
			rv.record(named("Deleted ", imp), imp.ID)
			rv.delete(j)
		}
	})
}

// delete takes impediment i out of the register and the store; when the
// store refuses, the register shows it again.
func (rv *registerView) delete(i int) {
	before := slices.Clone(rv.register)
	trainID, id := rv.ts.trainID, rv.register[i].ID
	rv.register = slices.Delete(rv.register, i, i+1)
	rv.shownChanged()
	rv.ts.host.WriteOr("the deletion of the impediment", func(ctx context.Context) error {
		return rv.ts.host.Store().DeleteImpediment(ctx, trainID, id)
	}, nil, func(error) {
		rv.register = before
		rv.shownChanged()
	}, func() {
		if j := rv.index(id); j >= 0 {
			rv.delete(j)
		}
	})
}

// impedimentForm edits one impediment.
type impedimentForm struct {
	title, description, raised, resolved  *widget.Entry
	owner                                 *widget.SelectEntry // the roster's people, or anyone typed
	level, team, status, roam, recurrence *widget.Select
	escalated                             *widget.Check
	dialog                                *dialog.FormDialog
}

// edit opens the form for impediment i, or for a new one when i < 0.
func (rv *registerView) edit(i int) {
	imp := assessment.Impediment{Level: assessment.LevelTeam, Status: assessment.StatusOpen, Raised: rv.today()}
	if i >= 0 {
		imp = rv.register[i]
	}
	rv.editDraft(i, imp, nil)
}

// editDraft opens the form on what the coach entered for impediment i (a
// new one when i < 0). refused is why the store refused it last time, shown
// on the field it concerns, or nil.
func (rv *registerView) editDraft(i int, imp assessment.Impediment, refused error) {
	f := &impedimentForm{
		title: widget.NewEntry(), description: widget.NewMultiLineEntry(),
		owner:  widget.NewSelectEntry(assessment.OwnerChoices(rv.ts.roster, "")),
		raised: widget.NewEntry(), resolved: widget.NewEntry(),
	}
	f.title.SetText(imp.Title)
	f.title.SetPlaceHolder("What is in the way, in a few words")
	f.title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("give the impediment a title")
		}
		return nil
	}
	f.description.SetText(imp.Description)
	f.description.SetMinRowsVisible(3)
	f.description.Wrapping = fyne.TextWrapWord
	f.owner.SetText(imp.Owner)
	f.owner.SetPlaceHolder("Who is working on it")
	// Type-ahead: the list offers the people whose names hold what is typed.
	f.owner.OnChanged = func(s string) { f.owner.SetOptions(assessment.OwnerChoices(rv.ts.roster, s)) }
	f.level = widget.NewSelect(widgets.LevelTitles(rv.ts.train.Framework), nil)
	f.level.SetSelected(widgets.LevelName(rv.ts.train.Framework, imp.Level))
	teamNames, teamIDs := []string{levelChoiceTrain}, []string{""}
	for _, t := range rv.ts.roster.Teams {
		teamNames, teamIDs = append(teamNames, t.Name), append(teamIDs, t.ID)
	}
	f.team = widget.NewSelect(teamNames, nil)
	f.team.SetSelectedIndex(max(slices.Index(teamIDs, imp.TeamID), 0))
	f.status = widget.NewSelect(widgets.Titles(assessment.ImpedimentStatuses), nil)
	f.status.SetSelected(imp.Status.Title())
	f.roam = widget.NewSelect(roamChoices, nil)
	f.roam.SetSelected(roamChoices[max(slices.Index(roamChoices, imp.ROAM.Title()), 0)])
	// The dates follow the domain's rules as the coach types them, so Save
	// stays disabled until the store would take them.
	draft := func() assessment.Impediment {
		d := imp
		d.Status = widgets.FromTitle(assessment.ImpedimentStatuses, f.status.Selected, assessment.StatusOpen)
		d.Raised, _ = widgets.ParseDate(f.raised.Text)
		d.Resolved, _ = widgets.ParseDate(f.resolved.Text)
		return d
	}
	f.raised.SetText(imp.Raised.Format(widgets.DateInput))
	f.raised.Validator = func(s string) error {
		if _, err := widgets.ParseDate(s); err != nil {
			return err
		}
		raised, _ := draft().DateProblems(rv.today())
		return raised
	}
	if !imp.Resolved.IsZero() {
		f.resolved.SetText(imp.Resolved.Format(widgets.DateInput))
	}
	f.resolved.SetPlaceHolder("when resolved; today if left empty")
	f.resolved.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if _, err := widgets.ParseDate(s); err != nil {
			return err
		}
		_, resolved := draft().DateProblems(rv.today())
		return resolved
	}
	f.raised.OnChanged = func(string) { f.resolved.Validate() }
	f.status.OnChanged = func(string) { f.resolved.Validate() }
	f.escalated = widget.NewCheck("Escalated beyond the level where it was raised", nil)
	f.escalated.SetChecked(imp.Escalated)
	recNames, recIDs := []string{"No: a new impediment"}, []string{""}
	for j, other := range rv.register {
		if j != i && other.ID != "" {
			recNames, recIDs = append(recNames, other.Title), append(recIDs, other.ID)
		}
	}
	f.recurrence = widget.NewSelect(recNames, nil)
	f.recurrence.SetSelectedIndex(max(slices.Index(recIDs, imp.RecurrenceOf), 0))

	items := []*widget.FormItem{
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Description", f.description),
		{Text: "Level", Widget: f.level, HintText: "Where it has to be solved"},
		widget.NewFormItem("Team", f.team),
		{Text: "Owner", Widget: f.owner, HintText: "Someone on the roster (type to find them, or open the list), or anyone else by name"},
		widget.NewFormItem("Status", f.status),
		{Text: "ROAM", Widget: f.roam, HintText: "How it was dealt with at the joint planning"},
		widget.NewFormItem("Raised", f.raised),
		widget.NewFormItem("Resolved", f.resolved),
		widget.NewFormItem("", f.escalated),
		widget.NewFormItem("Repeats", f.recurrence),
	}
	if i >= 0 {
		del := widget.NewButtonWithIcon("Delete this impediment", theme.DeleteIcon(), func() {
			f.dialog.Hide()
			rv.remove(i)
		})
		del.Importance = widget.DangerImportance
		items = append(items, widget.NewFormItem("", container.NewHBox(del)))
	}
	title := "New impediment"
	if i >= 0 {
		title = "Impediment"
	}
	f.dialog = dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		imp.Title = strings.TrimSpace(f.title.Text)
		imp.Description = strings.TrimSpace(f.description.Text)
		imp.Owner = strings.TrimSpace(f.owner.Text)
		imp.Level = widgets.LevelFromTitle(rv.ts.train.Framework, f.level.Selected)
		imp.TeamID = teamIDs[max(f.team.SelectedIndex(), 0)]
		imp.Status = widgets.FromTitle(assessment.ImpedimentStatuses, f.status.Selected, assessment.StatusOpen)
		imp.ROAM = widgets.FromTitle(assessment.ROAMs, f.roam.Selected, assessment.ROAMNone)
		imp.Raised, _ = widgets.ParseDate(f.raised.Text)
		imp.Resolved = time.Time{}
		if imp.Status == assessment.StatusResolved {
			imp.Resolved = rv.today()
			if d, err := widgets.ParseDate(f.resolved.Text); err == nil {
				imp.Resolved = d
			}
		}
		imp.Escalated = f.escalated.Checked
		imp.RecurrenceOf = recIDs[max(f.recurrence.SelectedIndex(), 0)]
		name := named("new impediment ", imp)
		if i >= 0 {
			name = named("changes to ", imp)
		}
		rv.change(name, i, imp, true)
	}, rv.ts.host.Window())
	f.dialog.Resize(fyne.NewSize(620, 0))
	what := "a new impediment"
	if i >= 0 {
		what = "changes to the impediment “" + widgets.TruncateText(imp.Title, 40) + "”"
	}
	// Enter in a line of the form saves it, as the Save button would.
	for _, e := range []*widget.Entry{f.title, &f.owner.Entry, f.raised, f.resolved} {
		e.OnSubmitted = func(string) { f.dialog.Submit() }
	}
	opened := f.state()
	rv.ts.host.TrackForm(what, f.dialog, func() bool { return refused != nil || f.state() != opened })
	f.dialog.Show()
	if refused != nil {
		f.mark(refused, rv.ts.host.PlainError(refused))
	}
	rv.lastForm = f
}

// state is everything the form holds, to tell whether the coach changed it.
func (f *impedimentForm) state() string {
	return strings.Join([]string{f.title.Text, f.description.Text, f.owner.Text, f.raised.Text, f.resolved.Text,
		f.level.Selected, f.team.Selected, f.status.Selected, f.roam.Selected, f.recurrence.Selected,
		fmt.Sprint(f.escalated.Checked)}, "\x00")
}

// mark shows why the store refused the impediment (plain, in the coach's
// words) on the field it concerns; a refusal no field explains goes on the
// title.
func (f *impedimentForm) mark(err error, plain string) {
	msg := err.Error()
	entry := f.title
	switch {
	case strings.Contains(msg, ".resolved"):
		entry = f.resolved
	case strings.Contains(msg, ".raised"):
		entry = f.raised
	case strings.Contains(msg, ".owner"):
		entry = &f.owner.Entry
	case strings.Contains(msg, ".description"):
		entry = f.description
	}
	entry.SetValidationError(fmt.Errorf("not saved: %s", plain))
}
