// Package train is one train's screen: its details with the overdue
// follow-ups' badge, and tabs for its assessments with where the train
// stands today, its roster with the role gaps found in it, its impediment
// register and the trend of its scores. It sees the shell through Shell:
// host.Host and the few things only this screen asks for.
package train

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// Shell is what the train screen asks of the shell: host.Host, and the
// forms, the undo and the memory of the last train that only it needs.
type Shell interface {
	host.Host
	// EditTrain opens the form of the train's details, the one a new train
	// is made with; save runs with what the coach entered.
	EditTrain(t assessment.Train, save func(assessment.Train))
	// AssessmentForm is the form of an assessment's date, PI, assessor and
	// PI length, not yet shown; the assessor entered is remembered for the
	// next one, and closing the window asks before losing what it holds.
	AssessmentForm(title, confirm string, a assessment.Assessment, save func(assessment.Assessment)) *widgets.AssessmentForm
	// Assessor is the name the coach last gave as assessor.
	Assessor() string
	// TrackForm holds a form as open until its dialog closes: closing the
	// window asks before losing what it holds (dirty), Enter saves it.
	TrackForm(what string, d dialog.Dialog, dirty func() bool)
	// PlainError words a refusal as the coach reads it.
	PlainError(err error) string
	// ForgetTrain is told the train was deleted: the window no longer
	// opens it at the next start.
	ForgetTrain(id string)
	// NewTrend is the trend tab, which the results area draws.
	NewTrend() TrendView
}

// TrendView is the train's trend tab: its scores PI over PI.
type TrendView interface {
	Content() fyne.CanvasObject
	// Set shows the assessments, oldest first, with their results.
	Set(f assessment.Framework, assessments []*assessment.Assessment, results []assessment.Results)
}

// Screen is one train: its details, and tabs for its assessments, its
// roster with the role gaps found in it, its impediment register and the
// trend of its scores.
type Screen struct {
	host    Shell
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
	trend      TrendView
	trendStale bool // the trend has not been drawn since the train was last read
	// holders are the roster's, register's and trend's tab contents, empty
	// until the tab first shows.
	holders map[int]*fyne.Container
	root    fyne.CanvasObject

	newForm *widgets.AssessmentForm // the form last opened, for tests
}

// Tabs of the train screen, in order.
const (
	TabAssessments = iota
	TabRoster
	TabRegister
	TabTrend
)

// New is the screen of a train, empty until Reload reads it.
func New(h Shell, id string) *Screen {
	ts := &Screen{host: h, trainID: id}
	ts.build()
	return ts
}

// Title names the screen in the window's breadcrumb.
func (ts *Screen) Title() string {
	if ts.train.Name == "" {
		return "Train"
	}
	return ts.train.Name
}

// Content is what the window shows.
func (ts *Screen) Content() fyne.CanvasObject { return ts.root }

// Flush writes a name being typed, before the screen goes.
func (ts *Screen) Flush() { ts.rosterEd.flush() }

// ID is the train's.
func (ts *Screen) ID() string { return ts.trainID }

// Train is the train as last read; Loaded says whether it has been read.
func (ts *Screen) Train() assessment.Train { return ts.train }

// Loaded says whether the train has been read from the store.
func (ts *Screen) Loaded() bool { return ts.loaded }

// SelectTab shows one of the tabs (TabAssessments, TabRoster, …).
func (ts *Screen) SelectTab(tab int) { ts.tabs.SelectIndex(tab) }

// Assessments are the train's assessments, oldest first, as last read.
func (ts *Screen) Assessments() []*assessment.Assessment { return ts.assessments }

// Trend is the trend tab.
func (ts *Screen) Trend() TrendView { return ts.trend }

// OverdueShown says whether the badge of overdue follow-ups shows.
func (ts *Screen) OverdueShown() bool { return ts.badge.Visible() }

func (ts *Screen) build() {
	ts.name = widgets.HeadingTruncated("")
	ts.facts = widgets.Wrapped("")
	ts.desc = widgets.Wrapped("")
	ts.desc.TextStyle.Italic = true
	ts.badge = widgets.OverdueBadge()
	ts.badge.Hide()

	newAssessment := widget.NewButtonWithIcon("New assessment", theme.ContentAddIcon(), ts.NewAssessmentDialog)
	newAssessment.Importance = widget.HighImportance
	edit := widget.NewButtonWithIcon("Edit details", theme.DocumentCreateIcon(), ts.EditDetails)
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
	ts.trend = ts.host.NewTrend()

	// Each tab's content is Steady: the tabs redraw every tab's content at
	// each switch otherwise. The roster, the register and the trend go in
	// their tab when it first shows, and the roster and the register make
	// their widgets then: opening the train builds only what the coach
	// sees, its assessments (the tabs measure every tab's content, which
	// builds all of its widgets' renderers).
	lazy := map[int]func() fyne.CanvasObject{
		TabRoster:   ts.rosterEd.content,
		TabRegister: ts.registerV.content,
		TabTrend:    ts.trend.Content,
	}
	holders := map[int]*fyne.Container{}
	for tab := range lazy {
		holders[tab] = container.NewStack()
	}
	ts.holders = holders
	ts.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Assessments", theme.DocumentIcon(), widgets.NewSteady(assessTab)),
		container.NewTabItemWithIcon("Roster", theme.AccountIcon(), widgets.NewSteady(holders[TabRoster])),
		container.NewTabItemWithIcon("Impediments", theme.WarningIcon(), widgets.NewSteady(holders[TabRegister])),
		container.NewTabItemWithIcon("Trend", theme.ViewRestoreIcon(), widgets.NewSteady(holders[TabTrend])),
	)
	ts.tabs.OnSelected = func(*container.TabItem) {
		tab := ts.tabs.SelectedIndex()
		if h := holders[tab]; h != nil && len(h.Objects) == 0 {
			h.Objects = []fyne.CanvasObject{lazy[tab]()}
			h.Refresh()
		}
		switch tab {
		case TabRoster:
			ts.rosterEd.shown()
		case TabRegister:
			ts.registerV.tabShown()
		case TabTrend:
			ts.showTrend()
		}
	}
	ts.root = container.NewBorder(container.NewPadded(header), nil, nil, nil, ts.tabs)
}

var assessColumns = []float32{30, 20, 14, 24, 10, 0}

func (ts *Screen) assessmentRow() fyne.CanvasObject {
	title := widgets.Truncated("")
	title.TextStyle.Bold = true
	open := widget.NewButtonWithIcon("Open", widgets.Icon(theme.DocumentIcon()), nil)
	results := widget.NewButtonWithIcon("Results", widgets.Icon(theme.InfoIcon()), nil)
	del := widget.NewButtonWithIcon("", widgets.Icon(theme.DeleteIcon()), nil)
	del.Importance = widget.LowImportance
	return widgets.Row(assessColumns, title, widgets.Truncated(""), widgets.Truncated(""), widgets.Truncated(""), widgets.Truncated(""),
		container.NewHBox(open, results, del))
}

func (ts *Screen) updateAssessmentRow(id widget.ListItemID, o fyne.CanvasObject) {
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
	btns[0].(*widget.Button).OnTapped = func() { ts.host.Open(host.Checklists(ts.trainID, aID)) }
	btns[1].(*widget.Button).OnTapped = func() { ts.host.Open(host.Results(ts.trainID, aID)) }
	btns[2].(*widget.Button).OnTapped = func() { ts.deleteAssessment(a) }
}

// Reload reads the train with its roster, register and assessments.
func (ts *Screen) Reload() {
	type trainData struct {
		train       assessment.Train
		roster      assessment.Roster
		register    []assessment.Impediment
		assessments []*assessment.Assessment
	}
	id := ts.trainID
	host.Load(ts.host, "the train", func(ctx context.Context) (trainData, error) {
		var d trainData
		var err error
		if d.train, err = ts.host.Store().Train(ctx, id); err != nil {
			return d, err
		}
		if d.roster, err = ts.host.Store().Roster(ctx, id); err != nil {
			return d, err
		}
		if d.register, err = ts.host.Store().Register(ctx, id); err != nil {
			return d, err
		}
		d.assessments, err = ts.host.Store().Assessments(ctx, id)
		return d, err
	}, func(d trainData) {
		ts.train, ts.roster, ts.register, ts.assessments = d.train, d.roster, d.register, d.assessments
		ts.results = make([]assessment.Results, len(d.assessments))
		for i, a := range d.assessments {
			ts.results[i] = assessment.Evaluate(ts.host.Definitions(), ts.train, a)
		}
		ts.owed = assessment.Owed(ts.host.Definitions(), ts.train, ts.assessments, ts.host.Now())
		ts.loaded = true
		ts.show()
	})
}

func (ts *Screen) show() {
	ts.name.SetText(ts.train.Name)
	ts.desc.SetText(ts.train.Description)
	if ts.train.Description == "" {
		ts.desc.Hide()
	} else {
		ts.desc.Show()
	}
	// What the roster and register say today, for the header and the
	// "Today" panel (showLatest) alike, is computed once.
	facts := ts.todayFacts()
	ts.writeFacts(facts)
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
	ts.showLatest(facts)
	ts.rosterEd.set(ts.roster)
	ts.registerV.set(ts.register)
	ts.trendStale = true
	if ts.tabs.SelectedIndex() == TabTrend {
		ts.showTrend()
	}
	ts.host.Retitle()
}

// showTrend draws the trend of the train as last read, when its tab shows:
// the chart is not drawn for a coach who does not look at it.
func (ts *Screen) showTrend() {
	if ts.trendStale {
		ts.trendStale = false
		ts.trend.Set(ts.train.Framework, ts.assessments, ts.results)
	}
}

// showLatest sums up where the train stands: its latest finished
// assessment's level, verdict and first recommendations, and what today's
// roster and register say.
func (ts *Screen) showLatest(today assessment.TodayFacts) {
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
			ts.host.Open(host.Results(ts.trainID, id))
		})))
	}
	box.Add(widget.NewSeparator())
	box.Add(widgets.BoldLabel("Today"))
	ts.today = container.NewVBox()
	box.Add(ts.today)
	ts.showToday(today)
	box.Refresh()
}

// todayFacts is what the roster and register say today, computed once for
// the header and the "Today" panel alike.
func (ts *Screen) todayFacts() assessment.TodayFacts {
	return assessment.TodayFactsOf(ts.roster, ts.register, ts.train.Framework,
		assessment.Day(ts.host.Now()), ts.registerV.piWeeks())
}

// showToday writes the "Today" panel.
func (ts *Screen) showToday(f assessment.TodayFacts) {
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
func (ts *Screen) updateFacts() {
	f := ts.todayFacts()
	ts.writeFacts(f)
	ts.showToday(f)
}

// writeFacts writes the line under the train's name from today's facts.
func (ts *Screen) writeFacts(f assessment.TodayFacts) {
	ts.facts.SetText(fmt.Sprintf("%s · scaled facilitator: %s · %s · %s on the train · %s",
		ts.train.Framework, ts.train.Framework.FacilitatorTitle(),
		widgets.Plural(f.Teams, "team", "teams"), widgets.Plural(f.People, "person", "people"),
		widgets.Plural(f.Impediments.Open, "open impediment", "open impediments")))
}

// EditDetails opens the form of the train's details.
func (ts *Screen) EditDetails() {
	ts.host.EditTrain(ts.train, func(t assessment.Train) {
		ts.train = t
		ts.show()
		ts.host.Write("the train's details", func(ctx context.Context) error {
			return ts.host.Store().UpdateTrain(ctx, t)
		}, nil)
	})
}

func (ts *Screen) deleteTrain() {
	msg := fmt.Sprintf("Delete “%s” with its roster, its impediment register and %s?\n\n"+
		"This cannot be undone here; the daily backup of the database still holds it.",
		ts.train.Name, widgets.Plural(len(ts.assessments), "assessment", "assessments"))
	ts.host.Confirm("Delete train", msg, "Delete", func() {
		id := ts.trainID
		ts.host.Write("the deletion of the train", func(ctx context.Context) error {
			return ts.host.Store().DeleteTrain(ctx, id)
		}, func() {
			ts.host.ForgetTrain(id)
			ts.host.Open(host.Route{Page: host.PageHome})
		})
	})
}

func (ts *Screen) deleteAssessment(a *assessment.Assessment) {
	msg := fmt.Sprintf("Delete the assessment %s with all its answers, notes and recommendations?\n\n"+
		"This cannot be undone here; the daily backup of the database still holds it.",
		widgets.AssessmentTitle(a.PI, a.Date))
	ts.host.Confirm("Delete assessment", msg, "Delete", func() {
		id := a.ID
		ts.host.Write("the deletion of the assessment", func(ctx context.Context) error {
			return ts.host.Store().DeleteAssessment(ctx, id)
		}, ts.Reload)
	})
}

// NewAssessmentDialog starts an assessment, dated today and labelled with
// the PI after the previous assessment's.
func (ts *Screen) NewAssessmentDialog() {
	a := assessment.Assessment{
		TrainID:          ts.trainID,
		Date:             assessment.Day(ts.host.Now()),
		Assessor:         ts.host.Assessor(),
		ChecklistVersion: ts.host.Definitions().Version,
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
	ts.newForm = ts.host.AssessmentForm("New assessment of "+ts.train.Name, "Start", a, func(a assessment.Assessment) {
		ts.host.Write("the new assessment", func(ctx context.Context) error {
			return ts.host.Store().CreateAssessment(ctx, &a)
		}, func() {
			ts.host.Open(host.Checklists(ts.trainID, a.ID))
		})
	})
	ts.newForm.Dialog.Show()
}
