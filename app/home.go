package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// homeScreen is where the coach starts: every train with its latest
// assessment, a search, recent work to pick up, and the portfolio across
// trains. An empty database offers the sample train.
type homeScreen struct {
	host host.Host

	trains []data.TrainSummary
	shown  []data.TrainSummary // trains matching the search
	recent []data.AssessmentSummary
	owed   map[string]string // each train's badge of overdue follow-ups, by ID
	loaded bool

	rowHeight, badgeRowHeight float32 // a train's row, without and with its badge

	search     *widget.Entry
	count      *widget.Label
	list       *widget.List
	listArea   *fyne.Container // the list, or the empty state
	header     *fyne.Container
	empty      fyne.CanvasObject
	noMatch    *widget.Label
	recentList *widget.List
	noRecent   *widget.Label
	tabs       *container.AppTabs
	root       fyne.CanvasObject
}

// Shares of the columns of the train list.
var trainColumns = []float32{27, 12, 25, 16, 7, 13}

// What home asks of the shell beyond the Host, where it offers them: new
// trains, and the portfolio, which the shell makes so that home imports no
// other screen's package.
type (
	// TrainMaker starts a new train: from the form, or the sample.
	TrainMaker interface {
		NewTrainDialog()
		AddSample()
	}
	// PortfolioTab is the portfolio in home's second tab.
	PortfolioTab interface {
		// PortfolioContent is what the tab shows.
		PortfolioContent() fyne.CanvasObject
		// LoadPortfolio reads it again.
		LoadPortfolio()
		// PortfolioTabChanged says home shows another tab: the menu follows.
		PortfolioTabChanged()
	}
)

func newHomeScreen(hh host.Host) *homeScreen {
	h := &homeScreen{host: hh}
	h.build()
	return h
}

func (h *homeScreen) title() string              { return "Home" }
func (h *homeScreen) content() fyne.CanvasObject { return h.root }
func (h *homeScreen) reload()                    { h.load(nil) }

func (h *homeScreen) build() {
	h.search = widget.NewEntry()
	h.search.SetPlaceHolder("Search trains by name, framework or description")
	h.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	h.search.OnChanged = func(string) { h.filter() }

	newTrain := widget.NewButtonWithIcon("New train", theme.ContentAddIcon(), h.newTrain)
	newTrain.Importance = widget.HighImportance
	h.count = widget.NewLabel("")

	header := widgets.Row(trainColumns,
		widgets.ColumnHead("Train"), widgets.ColumnHead("Framework"), widgets.ColumnHead("Latest assessment"),
		widgets.ColumnHead("Level"), widgets.ColumnHead("Score"), widgets.ColumnHead("Assessments"))

	h.list = widget.NewList(
		func() int { return len(h.shown) },
		trainRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(h.shown) {
				return
			}
			t := h.shown[id]
			row := o.(*fyne.Container)
			badge := row.Objects[1].(*fyne.Container)
			if text := h.owed[t.Train.ID]; text != "" {
				badge.Objects[0].(*widget.Label).SetText(text)
				badge.Show()
			} else {
				badge.Hide()
			}
			cells := row.Objects[0].(*fyne.Container).Objects
			cells[0].(*widget.Label).SetText(t.Train.Name)
			cells[1].(*widget.Label).SetText(string(t.Train.Framework))
			latest, level, score := "none yet", "–", "–"
			if t.Latest != nil {
				latest = widgets.AssessmentTitle(t.Latest.PI, t.Latest.Date)
				if t.Latest.Status == assessment.Draft {
					latest += " (draft)"
				}
				level = widgets.SummaryLevel(t.Latest.Summary)
				score = widgets.SummaryScore(t.Latest.Summary)
			}
			cells[2].(*widget.Label).SetText(latest)
			cells[3].(*widget.Label).SetText(level)
			cells[4].(*widget.Label).SetText(score)
			cells[5].(*widget.Label).SetText(fmt.Sprint(t.Assessments))
		})
	row := trainRow().(*fyne.Container)
	h.rowHeight = row.MinSize().Height
	row.Objects[1].Show()
	h.badgeRowHeight = row.MinSize().Height
	h.list.OnSelected = func(id widget.ListItemID) {
		h.list.UnselectAll()
		if id < len(h.shown) {
			h.host.Open(host.Train(h.shown[id].Train.ID))
		}
	}

	sampleBtn := widget.NewButtonWithIcon("Add the sample train", theme.DocumentCreateIcon(), func() {
		if m, ok := h.host.(TrainMaker); ok {
			m.AddSample()
		}
	})
	sampleBtn.Importance = widget.HighImportance
	newBtn := widget.NewButtonWithIcon("New train", theme.ContentAddIcon(), h.newTrain)
	intro := widgets.Wrapped("Trainscope helps you assess how mature an Agile Release Train is: whether it " +
		"should have a scaled facilitator, how well its roles are covered, how its impediments flow, " +
		"and what the LACE should do next.\n\nStart with your own train, or explore with the sample: " +
		"a SAFe train of eight teams with a few roster gaps, an aging impediment register and one " +
		"finished assessment.")
	intro.Alignment = fyne.TextAlignCenter
	h.empty = container.NewCenter(widgets.WithWidth(560, container.NewVBox(
		container.NewCenter(widgets.Heading("No trains yet")),
		intro,
		container.NewCenter(container.NewHBox(sampleBtn, newBtn)),
	)))
	h.noMatch = widget.NewLabel("")
	h.noMatch.Alignment = fyne.TextAlignCenter
	h.listArea = container.NewStack(h.list)

	h.header = container.NewVBox(header, widget.NewSeparator())
	trainsTab := container.NewBorder(h.header, nil, nil, nil, h.listArea)

	h.recentList = widget.NewList(
		func() int { return len(h.recent) },
		func() fyne.CanvasObject {
			name := widgets.Truncated("")
			name.TextStyle.Bold = true
			return container.NewVBox(name, widgets.Truncated(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(h.recent) {
				return
			}
			r := h.recent[id]
			cells := o.(*fyne.Container).Objects
			cells[0].(*widget.Label).SetText(r.TrainName)
			line := widgets.AssessmentTitle(r.PI, r.Date) + " · " + widgets.StatusText(r.Status)
			if r.Summary.Known {
				line += " · score " + widgets.SummaryScore(r.Summary)
			}
			cells[1].(*widget.Label).SetText(line)
		})
	h.recentList.OnSelected = func(id widget.ListItemID) {
		h.recentList.UnselectAll()
		if id >= len(h.recent) {
			return
		}
		r := h.recent[id]
		if r.Status == assessment.Final {
			h.host.Open(host.Results(r.TrainID, r.ID))
		} else {
			h.host.Open(host.Checklists(r.TrainID, r.ID))
		}
	}
	h.noRecent = widgets.Wrapped("Assessments you work on appear here, newest first.")
	recentPanel := container.NewBorder(
		container.NewVBox(widgets.Subheading("Recent assessments"), widget.NewSeparator()), nil, nil, nil,
		container.NewStack(h.recentList, container.NewVBox(h.noRecent)))
	// The coach can widen either side; the trains get most of the room.
	split := container.NewHSplit(trainsTab, recentPanel)
	split.Offset = 0.74

	var portfolioTab fyne.CanvasObject = widgets.Wrapped("The portfolio is not available here.")
	if p, ok := h.host.(PortfolioTab); ok {
		portfolioTab = p.PortfolioContent()
	}
	h.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Trains", theme.ListIcon(), split),
		container.NewTabItemWithIcon("Portfolio", theme.GridIcon(), portfolioTab),
	)
	h.tabs.OnSelected = func(*container.TabItem) {
		if p, ok := h.host.(PortfolioTab); ok {
			p.PortfolioTabChanged()
		}
		h.loadPortfolio()
	}

	top := container.NewBorder(nil, nil, widgets.Heading("Your trains"),
		container.NewHBox(h.count, newTrain),
		widgets.WithWidth(300, h.search))
	h.root = container.NewBorder(container.NewPadded(top), nil, nil, nil, h.tabs)
}

// load reads the trains and recent assessments, then calls then (if not nil)
// once they are on screen.
func (h *homeScreen) load(then func()) {
	type homeData struct {
		trains []data.TrainSummary
		recent []data.AssessmentSummary
		owed   map[string]string
	}
	host.Load(h.host, "the list of trains", func(ctx context.Context) (homeData, error) {
		var d homeData
		var err error
		if d.trains, err = h.host.Store().Trains(ctx); err != nil {
			return d, err
		}
		if d.recent, err = h.host.Store().RecentAssessments(ctx, 12); err != nil {
			return d, err
		}
		// The badges never keep the list from showing: a train whose
		// assessments cannot be read says so when it is opened.
		d.owed, _ = h.owedBadges(ctx, d.trains)
		return d, nil
	}, func(d homeData) {
		h.trains, h.recent, h.owed, h.loaded = d.trains, d.recent, d.owed, true
		h.loadPortfolio()
		h.filter()
		h.recentList.Refresh()
		if len(h.recent) == 0 {
			h.noRecent.Show()
		} else {
			h.noRecent.Hide()
		}
		if then != nil {
			then()
		}
	})
}

// filter shows the trains matching the search.
func (h *homeScreen) filter() {
	q := strings.ToLower(strings.TrimSpace(h.search.Text))
	h.shown = h.shown[:0]
	for _, t := range h.trains {
		if q == "" || strings.Contains(strings.ToLower(t.Train.Name), q) ||
			strings.Contains(strings.ToLower(string(t.Train.Framework)), q) ||
			strings.Contains(strings.ToLower(t.Train.Description), q) {
			h.shown = append(h.shown, t)
		}
	}
	switch {
	case len(h.trains) == 0:
		h.count.SetText("")
		h.header.Hide()
		h.listArea.Objects = []fyne.CanvasObject{h.empty}
	case len(h.shown) == 0:
		h.count.SetText(fmt.Sprintf("0 of %d trains", len(h.trains)))
		h.noMatch.SetText(fmt.Sprintf("No train matches “%s”.", h.search.Text))
		h.listArea.Objects = []fyne.CanvasObject{container.NewVBox(layout.NewSpacer(), h.noMatch)}
	default:
		if q == "" {
			h.count.SetText(widgets.Plural(len(h.trains), "train", "trains"))
		} else {
			h.count.SetText(fmt.Sprintf("%d of %d trains", len(h.shown), len(h.trains)))
		}
		h.listArea.Objects = []fyne.CanvasObject{h.list}
	}
	if len(h.trains) > 0 {
		h.header.Show()
	}
	// A train that owes follow-ups shows its badge on a second line.
	for id, t := range h.shown {
		if h.owed[t.Train.ID] != "" {
			h.list.SetItemHeight(id, h.badgeRowHeight)
		} else {
			h.list.SetItemHeight(id, h.rowHeight)
		}
	}
	h.listArea.Refresh()
	h.list.Refresh()
}

// trainRow is a train in the list: its columns, and under them the badge
// of its overdue follow-ups, hidden when it owes none.
func trainRow() fyne.CanvasObject {
	name := widgets.Truncated("")
	name.TextStyle.Bold = true
	cells := widgets.Row(trainColumns, name, widgets.Truncated(""), widgets.Truncated(""), widgets.Truncated(""), widgets.Truncated(""), widgets.Truncated(""))
	badge := widgets.OverdueBadge()
	badge.Hide()
	return container.NewVBox(cells, badge)
}

// owedBadges reads what each train owes of its agreed recommendations
// (assessment.Owed) and words it for its badge; run on the worker.
func (h *homeScreen) owedBadges(ctx context.Context, trains []data.TrainSummary) (map[string]string, error) {
	followed, err := h.host.Store().FollowedUp(ctx)
	if err != nil {
		return nil, err
	}
	today := h.host.Now()
	out := map[string]string{}
	for _, t := range trains {
		if as := followed[t.Train.ID]; len(as) > 0 {
			if b := assessment.OverdueBadge(assessment.Owed(h.host.Definitions(), t.Train, as, today), t.Train.Framework); b != "" {
				out[t.Train.ID] = b
			}
		}
	}
	return out, nil
}

func (h *homeScreen) hasTrain(id string) bool {
	for _, t := range h.trains {
		if t.Train.ID == id {
			return true
		}
	}
	return false
}

// newTrain asks for a new train, where the shell offers it.
func (h *homeScreen) newTrain() {
	if m, ok := h.host.(TrainMaker); ok {
		m.NewTrainDialog()
	}
}

func (h *homeScreen) focusSearch() {
	h.tabs.SelectIndex(0)
	h.host.Window().Canvas().Focus(h.search)
}

func (h *homeScreen) showPortfolio() { h.tabs.SelectIndex(1) }

// loadPortfolio reads the portfolio when its tab shows: it reads every
// train's assessments in full, which the trains' list does not need.
func (h *homeScreen) loadPortfolio() {
	if p, ok := h.host.(PortfolioTab); ok && h.tabs.SelectedIndex() == 1 {
		p.LoadPortfolio()
	}
}

// trainForm is the form for a new train or a train's details.
type trainForm struct {
	name        *widget.Entry
	framework   *widget.RadioGroup
	group       *widget.SelectEntry
	groups      []string // the groups in use, the group field's suggestions
	description *widget.Entry
	dialog      *dialog.FormDialog
}

func newTrainForm(ui *UI, title, confirm string, t assessment.Train, save func(assessment.Train)) *trainForm {
	f := &trainForm{name: widget.NewEntry(), description: widget.NewMultiLineEntry()}
	f.name.SetText(t.Name)
	f.name.SetPlaceHolder("e.g. Payments ART")
	f.name.Validator = func(s string) error {
		if widgets.CleanName(s) == "" {
			return fmt.Errorf("the train needs a name")
		}
		return nil
	}
	var options []string
	for _, fw := range assessment.Frameworks {
		options = append(options, string(fw))
	}
	f.framework = widget.NewRadioGroup(options, nil)
	f.framework.Horizontal = true
	f.framework.Required = true
	if t.Framework == "" {
		t.Framework = assessment.SAFe
	}
	f.framework.SetSelected(string(t.Framework))
	f.group = widget.NewSelectEntry(nil)
	f.group.SetText(t.Group)
	f.group.SetPlaceHolder("e.g. Payments value stream")
	load(ui, "the groups", func(ctx context.Context) ([]string, error) { return ui.store.Groups(ctx) },
		func(gs []string) { f.groups = gs; f.group.SetOptions(gs) })
	f.description.SetText(t.Description)
	f.description.SetMinRowsVisible(3)
	f.description.Wrapping = fyne.TextWrapWord
	f.description.SetPlaceHolder("What the train delivers, its value stream, who sponsors it")
	items := []*widget.FormItem{
		widget.NewFormItem("Name", f.name),
		{Text: "Framework", Widget: f.framework, HintText: "Decides the roles, sizes, events and words of every checklist and report"},
		{Text: "Group", Widget: f.group, HintText: "The portfolio, value stream or solution train it belongs to; the portfolio filters by it"},
		widget.NewFormItem("Description", f.description),
	}
	f.dialog = dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		t.Name = widgets.CleanName(f.name.Text)
		t.Framework = assessment.Framework(f.framework.Selected)
		t.Description = strings.TrimSpace(f.description.Text)
		t.Group = widgets.CleanName(f.group.Text)
		save(t)
	}, ui.win)
	f.dialog.Resize(fyne.NewSize(560, 0))
	f.name.OnSubmitted = func(string) { f.dialog.Submit() }
	opened := [4]string{f.name.Text, f.framework.Selected, f.group.Text, f.description.Text}
	ui.trackForm(widgets.FormWhat(title), f.dialog, func() bool {
		return [4]string{f.name.Text, f.framework.Selected, f.group.Text, f.description.Text} != opened
	})
	return f
}

// newTrainDialog asks for a new train's name and framework, then opens it.
func (ui *UI) newTrainDialog() {
	f := newTrainForm(ui, "New train", "Create", assessment.Train{}, ui.createTrain)
	f.dialog.Show()
	ui.win.Canvas().Focus(f.name)
	ui.lastTrainForm = f
}

// createTrain saves a new train and opens it.
func (ui *UI) createTrain(t assessment.Train) {
	ui.write("the new train", func(ctx context.Context) error {
		return ui.store.CreateTrain(ctx, &t)
	}, func() {
		ui.home.reload()
		ui.openTrain(t.ID)
	})
}

// addSample adds the sample train with its finished assessment, and opens it.
func (ui *UI) addSample() {
	var trainID string
	ui.write("the sample train", func(ctx context.Context) error {
		_, id, err := ui.store.AddSample(ctx, ui.now())
		if err != nil {
			return err
		}
		a, err := ui.store.Assessment(ctx, id)
		if err != nil {
			return err
		}
		trainID = a.TrainID
		return nil
	}, func() {
		ui.home.load(func() { ui.openTrain(trainID) })
	})
}
