package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/results"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// trainScreen is one train: its details, and tabs for its assessments, its
// roster with the role gaps found in it, its impediment register and the
// trend of its scores.
type trainScreen struct {
	ui      *UI
	trainID string

	train       assessment.Train
	roster      assessment.Roster
	register    []assessment.Impediment
	assessments []*assessment.Assessment    // oldest first
	results     []assessment.Results        // of each assessment
	owed        []assessment.FollowUpResult // agreed recommendations overdue (assessment.Owed)
	loaded      bool

	name       *widget.Label
	facts      *widget.Label
	desc       *widget.Label
	badge      *fyne.Container // the overdue follow-ups, under the facts
	tabs       *container.AppTabs
	assessList *widget.List
	noAssess   *fyne.Container
	latest     *fyne.Container // where the train stands: the latest result and today's facts
	today      *fyne.Container // today's facts in latest
	rosterEd   *rosterEditor
	registerV  *registerView
	trend      *results.Trend
	root       fyne.CanvasObject

	newForm *assessmentForm // the form last opened, for tests
}

// Tabs of the train screen, in order.
const (
	tabAssessments = iota
	tabRoster
	tabRegister
	tabTrend
)

func newTrainScreen(ui *UI, id string) *trainScreen {
	ts := &trainScreen{ui: ui, trainID: id}
	ts.build()
	return ts
}

func (ts *trainScreen) title() string {
	if ts.train.Name == "" {
		return "Train"
	}
	return ts.train.Name
}

func (ts *trainScreen) content() fyne.CanvasObject { return ts.root }

func (ts *trainScreen) flush() { ts.rosterEd.flush() }

func (ts *trainScreen) build() {
	ts.name = widgets.HeadingTruncated("")
	ts.facts = widgets.Wrapped("")
	ts.desc = widgets.Wrapped("")
	ts.desc.TextStyle.Italic = true
	ts.badge = widgets.OverdueBadge()
	ts.badge.Hide()

	newAssessment := widget.NewButtonWithIcon("New assessment", theme.ContentAddIcon(), ts.NewAssessmentDialog)
	newAssessment.Importance = widget.HighImportance
	edit := widget.NewButtonWithIcon("Edit details", theme.DocumentCreateIcon(), ts.editDetails)
	del := widget.NewButtonWithIcon("Delete train", theme.DeleteIcon(), ts.deleteTrain)

	header := container.NewBorder(nil, nil, nil,
		container.NewVBox(container.NewHBox(edit, del, newAssessment)),
		container.NewVBox(ts.name, ts.facts, ts.badge, ts.desc))

	ts.assessList = widget.NewList(
		func() int { return len(ts.assessments) },
		ts.assessmentRow,
		ts.updateAssessmentRow)
	startBtn := widget.NewButtonWithIcon("Start the first assessment", theme.ContentAddIcon(), ts.NewAssessmentDialog)
	startBtn.Importance = widget.HighImportance
	ts.noAssess = container.NewCenter(widgets.WithWidth(520, container.NewVBox(
		widgets.Subheading("No assessments yet"),
		widgets.Wrapped("An assessment walks you through four checklists: scaled facilitator fit, "+
			"its effectiveness, role coverage and impediment handling. Fill in the roster and the "+
			"impediment register first if you can: the assessment uses them for gaps and figures."),
		container.NewHBox(startBtn))))
	assessHeader := widgets.Row(assessColumns, widgets.ColumnHead("Assessment"), widgets.ColumnHead("Assessor"), widgets.ColumnHead("Status"),
		widgets.ColumnHead("Level"), widgets.ColumnHead("Score"), widgets.Gap(ts.assessmentRow().(*fyne.Container).Objects[5]))
	ts.latest = container.NewVBox()
	assessTab := container.NewHSplit(
		container.NewBorder(container.NewVBox(assessHeader, widget.NewSeparator()), nil, nil, nil,
			container.NewStack(ts.assessList, ts.noAssess)),
		container.NewPadded(container.NewVScroll(ts.latest)))
	assessTab.Offset = 0.68

	ts.rosterEd = newRosterEditor(ts)
	ts.registerV = newRegisterView(ts)
	ts.trend = results.NewTrend(ts.ui.defs)

	ts.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Assessments", theme.DocumentIcon(), assessTab),
		container.NewTabItemWithIcon("Roster", theme.AccountIcon(), ts.rosterEd.content()),
		container.NewTabItemWithIcon("Impediments", theme.WarningIcon(), ts.registerV.content()),
		container.NewTabItemWithIcon("Trend", theme.ViewRestoreIcon(), ts.trend.Content()),
	)
	ts.root = container.NewBorder(container.NewPadded(header), nil, nil, nil, ts.tabs)
}

var assessColumns = []float32{30, 20, 14, 24, 10, 0}

func (ts *trainScreen) assessmentRow() fyne.CanvasObject {
	title := widgets.Truncated("")
	title.TextStyle.Bold = true
	open := widget.NewButtonWithIcon("Open", theme.DocumentIcon(), nil)
	results := widget.NewButtonWithIcon("Results", theme.InfoIcon(), nil)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	del.Importance = widget.LowImportance
	return widgets.Row(assessColumns, title, widgets.Truncated(""), widgets.Truncated(""), widgets.Truncated(""), widgets.Truncated(""),
		container.NewHBox(open, results, del))
}

func (ts *trainScreen) updateAssessmentRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(ts.assessments) {
		return
	}
	// Newest first.
	i := len(ts.assessments) - 1 - id
	a, r := ts.assessments[i], ts.results[i]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(widgets.AssessmentTitle(a.PI, a.Date))
	cells[1].(*widget.Label).SetText(a.Assessor)
	cells[2].(*widget.Label).SetText(widgets.StatusText(a.Status))
	level := "–"
	if r.Level.Number > 0 {
		level = fmt.Sprintf("%d · %s", r.Level.Number, r.Level.Name)
	}
	cells[3].(*widget.Label).SetText(level)
	cells[4].(*widget.Label).SetText(widgets.ScoreText(r.Overall))
	btns := cells[5].(*fyne.Container).Objects
	aID := a.ID
	btns[0].(*widget.Button).OnTapped = func() { ts.ui.openAssessment(ts.trainID, aID) }
	btns[1].(*widget.Button).OnTapped = func() { ts.ui.openResults(ts.trainID, aID) }
	btns[2].(*widget.Button).OnTapped = func() { ts.deleteAssessment(a) }
}

// reload reads the train with its roster, register and assessments.
func (ts *trainScreen) reload() {
	type trainData struct {
		train       assessment.Train
		roster      assessment.Roster
		register    []assessment.Impediment
		assessments []*assessment.Assessment
	}
	id := ts.trainID
	load(ts.ui, "the train", func(ctx context.Context) (trainData, error) {
		var d trainData
		var err error
		if d.train, err = ts.ui.store.Train(ctx, id); err != nil {
			return d, err
		}
		if d.roster, err = ts.ui.store.Roster(ctx, id); err != nil {
			return d, err
		}
		if d.register, err = ts.ui.store.Register(ctx, id); err != nil {
			return d, err
		}
		d.assessments, err = ts.ui.store.Assessments(ctx, id)
		return d, err
	}, func(d trainData) {
		ts.train, ts.roster, ts.register, ts.assessments = d.train, d.roster, d.register, d.assessments
		ts.results = make([]assessment.Results, len(d.assessments))
		for i, a := range d.assessments {
			ts.results[i] = assessment.Evaluate(ts.ui.defs, ts.train, a)
		}
		ts.owed = assessment.Owed(ts.ui.defs, ts.train, ts.assessments, ts.ui.now())
		ts.loaded = true
		ts.show()
	})
}

func (ts *trainScreen) show() {
	ts.name.SetText(ts.train.Name)
	ts.desc.SetText(ts.train.Description)
	if ts.train.Description == "" {
		ts.desc.Hide()
	} else {
		ts.desc.Show()
	}
	ts.updateFacts()
	if b := assessment.OverdueBadge(ts.owed, ts.train.Framework); b != "" {
		ts.badge.Objects[0].(*widget.Label).SetText(b)
		ts.badge.Show()
	} else {
		ts.badge.Hide()
	}
	ts.assessList.Refresh()
	if len(ts.assessments) == 0 {
		ts.noAssess.Show()
		ts.assessList.Hide()
	} else {
		ts.noAssess.Hide()
		ts.assessList.Show()
	}
	ts.showLatest()
	ts.rosterEd.set(ts.roster)
	ts.registerV.set(ts.register)
	ts.trend.Set(ts.train.Framework, ts.assessments, ts.results)
	ts.ui.retitle()
}

// showLatest sums up where the train stands: its latest finished
// assessment's level, verdict and first recommendations, and what today's
// roster and register say.
func (ts *trainScreen) showLatest() {
	box := ts.latest
	box.RemoveAll()
	box.Add(widgets.Subheading("Where the train stands"))
	latest := -1
	for i, a := range ts.assessments {
		if a.Status == assessment.Final {
			latest = i
		}
	}
	if latest < 0 {
		box.Add(widgets.Wrapped("No finished assessment yet. Finish one to see the train's level and the verdict on its scaled facilitator here."))
	} else {
		a, r := ts.assessments[latest], ts.results[latest]
		box.Add(widgets.BoldLabel("Latest finished: " + widgets.AssessmentTitle(a.PI, a.Date)))
		level := "Level: not enough rated"
		if r.Level.Number > 0 {
			level = fmt.Sprintf("Level %d · %s · overall %s", r.Level.Number, r.Level.Name, widgets.ScoreText(r.Overall))
		}
		box.Add(widgets.Wrapped(level))
		box.Add(widgets.Wrapped(ts.train.Framework.Facilitator() + ": " + widgets.VerdictText(r.Verdict.Kind)))
		var top []string
		for _, rec := range r.Agreed() {
			if len(top) == 3 {
				break
			}
			top = append(top, rec.Action)
		}
		if len(top) > 0 {
			box.Add(widgets.BoldLabel("First recommendations"))
			box.Add(widgets.Bullets(top))
		}
		if len(ts.owed) > 0 {
			box.Add(widgets.BoldLabel(assessment.OverdueBadge(ts.owed, ts.train.Framework)))
			var owed []string
			for _, fr := range ts.owed {
				owed = append(owed, fmt.Sprintf("%s (due by %s)", fr.Action, widgets.OrDash(fr.TargetPI)))
			}
			box.Add(widgets.Bullets(owed))
		}
		id := a.ID
		box.Add(container.NewHBox(widget.NewButtonWithIcon("Results", theme.InfoIcon(), func() {
			ts.ui.openResults(ts.trainID, id)
		})))
	}
	box.Add(widget.NewSeparator())
	box.Add(widgets.BoldLabel("Today"))
	ts.today = container.NewVBox()
	box.Add(ts.today)
	ts.showToday(ts.todayFacts())
	box.Refresh()
}

// todayFacts is what the roster and register say today, computed once for
// the header and the "Today" panel alike.
func (ts *trainScreen) todayFacts() assessment.TodayFacts {
	return assessment.TodayFactsOf(ts.roster, ts.register, ts.train.Framework,
		assessment.Day(ts.ui.now()), ts.registerV.piWeeks())
}

// showToday writes the "Today" panel.
func (ts *trainScreen) showToday(f assessment.TodayFacts) {
	if ts.today == nil {
		return
	}
	var today []string
	if f.RosterEmpty {
		today = append(today, "the roster is empty")
	} else {
		today = append(today, widgets.Plural(f.RoleGaps, "role gap in the roster", "role gaps in the roster"))
	}
	fig := f.Impediments
	if fig.Open > 0 {
		today = append(today, fmt.Sprintf("%s, the oldest %d days old", widgets.Plural(fig.Open, "open impediment", "open impediments"), fig.OldestOpenAgeDays))
	} else {
		today = append(today, "no open impediments")
	}
	ts.today.Objects = []fyne.CanvasObject{widgets.Bullets(today)}
	ts.today.Refresh()
}

// updateFacts writes the line under the train's name and the "Today"
// panel; every change to the roster or register calls it.
func (ts *trainScreen) updateFacts() {
	f := ts.todayFacts()
	ts.facts.SetText(fmt.Sprintf("%s · scaled facilitator: %s · %s · %s on the train · %s",
		ts.train.Framework, ts.train.Framework.FacilitatorTitle(),
		widgets.Plural(f.Teams, "team", "teams"), widgets.Plural(f.People, "person", "people"),
		widgets.Plural(f.Impediments.Open, "open impediment", "open impediments")))
	ts.showToday(f)
}

func (ts *trainScreen) editDetails() {
	f := newTrainForm(ts.ui, "Train details", "Save", ts.train, func(t assessment.Train) {
		ts.train = t
		ts.show()
		ts.ui.write("the train's details", func(ctx context.Context) error {
			return ts.ui.store.UpdateTrain(ctx, t)
		}, nil)
	})
	f.dialog.Show()
	ts.ui.lastTrainForm = f
}

func (ts *trainScreen) deleteTrain() {
	msg := fmt.Sprintf("Delete “%s” with its roster, its impediment register and %s?\n\n"+
		"This cannot be undone here; the daily backup of the database still holds it.",
		ts.train.Name, widgets.Plural(len(ts.assessments), "assessment", "assessments"))
	ts.ui.confirm("Delete train", msg, "Delete", func() {
		id := ts.trainID
		ts.ui.write("the deletion of the train", func(ctx context.Context) error {
			return ts.ui.store.DeleteTrain(ctx, id)
		}, func() {
			ts.ui.app.Preferences().RemoveValue(prefLastTrain)
			ts.ui.goHome()
		})
	})
}

func (ts *trainScreen) deleteAssessment(a *assessment.Assessment) {
	msg := fmt.Sprintf("Delete the assessment %s with all its answers, notes and recommendations?\n\n"+
		"This cannot be undone here; the daily backup of the database still holds it.",
		widgets.AssessmentTitle(a.PI, a.Date))
	ts.ui.confirm("Delete assessment", msg, "Delete", func() {
		id := a.ID
		ts.ui.write("the deletion of the assessment", func(ctx context.Context) error {
			return ts.ui.store.DeleteAssessment(ctx, id)
		}, ts.reload)
	})
}

// assessmentForm asks for an assessment's date, PI, assessor and PI length.
type assessmentForm struct {
	date, pi, assessor, weeks *widget.Entry
	dialog                    *dialog.FormDialog
}

func newAssessmentForm(ui *UI, title, confirm string, a assessment.Assessment, save func(assessment.Assessment)) *assessmentForm {
	f := &assessmentForm{date: widget.NewEntry(), pi: widget.NewEntry(), assessor: widget.NewEntry(), weeks: widget.NewEntry()}
	f.date.SetText(a.Date.Format(widgets.DateInput))
	f.date.Validator = func(s string) error {
		_, err := widgets.ParseDate(s)
		return err
	}
	f.pi.SetText(a.PI)
	f.pi.SetPlaceHolder("e.g. PI 2026.2")
	f.assessor.SetText(a.Assessor)
	f.assessor.SetPlaceHolder("Your name")
	weeks := a.PIWeeks
	if weeks == 0 {
		weeks = assessment.DefaultPIWeeks
	}
	f.weeks.SetText(strconv.Itoa(weeks))
	f.weeks.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 1 || n > 52 {
			return fmt.Errorf("a whole number of weeks, 1 to 52")
		}
		return nil
	}
	items := []*widget.FormItem{
		{Text: "Date", Widget: f.date, HintText: "The day the assessment describes; ages are counted to it"},
		widget.NewFormItem("PI", f.pi),
		widget.NewFormItem("Assessor", f.assessor),
		{Text: "PI length (weeks)", Widget: f.weeks, HintText: "Impediments older than one PI count as old"},
	}
	f.dialog = dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		a.Date, _ = widgets.ParseDate(f.date.Text)
		a.PI = widgets.CleanName(f.pi.Text)
		a.Assessor = widgets.CleanName(f.assessor.Text)
		a.PIWeeks, _ = strconv.Atoi(strings.TrimSpace(f.weeks.Text))
		if a.Assessor != "" {
			ui.app.Preferences().SetString(prefAssessor, a.Assessor)
		}
		save(a)
	}, ui.win)
	f.dialog.Resize(fyne.NewSize(520, 0))
	for _, e := range []*widget.Entry{f.date, f.pi, f.assessor, f.weeks} {
		e.OnSubmitted = func(string) { f.dialog.Submit() }
	}
	opened := [4]string{f.date.Text, f.pi.Text, f.assessor.Text, f.weeks.Text}
	ui.trackForm(widgets.FormWhat(title), f.dialog, func() bool {
		return [4]string{f.date.Text, f.pi.Text, f.assessor.Text, f.weeks.Text} != opened
	})
	return f
}

// NewAssessmentDialog starts an assessment, dated today and labelled with
// the PI after the previous assessment's.
func (ts *trainScreen) NewAssessmentDialog() {
	a := assessment.Assessment{
		TrainID:          ts.trainID,
		Date:             assessment.Day(ts.ui.now()),
		Assessor:         ts.ui.app.Preferences().String(prefAssessor),
		ChecklistVersion: ts.ui.defs.Version,
		PIWeeks:          assessment.DefaultPIWeeks,
	}
	if n := len(ts.assessments); n > 0 {
		prev := ts.assessments[n-1]
		a.PI = assessment.NextPI(prev.PI, 1)
		if prev.PIWeeks > 0 {
			a.PIWeeks = prev.PIWeeks
		}
		if a.Assessor == "" {
			a.Assessor = prev.Assessor
		}
	}
	ts.newForm = newAssessmentForm(ts.ui, "New assessment of "+ts.train.Name, "Start", a, func(a assessment.Assessment) {
		ts.ui.write("the new assessment", func(ctx context.Context) error {
			return ts.ui.store.CreateAssessment(ctx, &a)
		}, func() {
			ts.ui.openAssessment(ts.trainID, a.ID)
		})
	})
	ts.newForm.dialog.Show()
}

// The menu entry the train's screen answers to.
var _ assessmentStarter = (*trainScreen)(nil)
