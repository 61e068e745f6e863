// Package home is where the coach starts: every train with its latest
// assessment, a search, recent work to pick up, and the portfolio across
// trains in a second tab, which the shell makes.
package home

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// Screen is where the coach starts: every train with its latest
// assessment, a search, recent work to pick up, and the portfolio across
// trains. An empty database offers the sample train.
type Screen struct {
	host host.Host

	trains []data.TrainSummary
	shown  []data.TrainSummary // trains matching the search
	recent []data.AssessmentSummary
	owed   map[string]string // each train's badge of overdue follow-ups, by ID
	// trainMins are the least widths of the trains' columns (trainColumnMins).
	trainMins []float32
	// heights are the heights the list's rows were given, in list order.
	heights []float32
	loaded  bool
	// What the last Load read stood at: each train's stamp
	// (data.Store.TrainStamps) and the day its badges were worked out for.
	// Going Home reads again only what moved.
	stamps    map[string]string
	owedDay   time.Time
	readings  int // how many Loads read the trains again, for tests
	badgeRuns int // how many times badges were read, for tests
	rowsDrawn int // how many times a train's row was filled in, for tests

	rowHeight, badgeRowHeight float32 // a train's row, without and with its badge

	// pending is how many listed trains' figures were being recomputed at
	// the last Load (data.AssessmentSummary.Pending); while any are, every
	// Load reads them again.
	pending       int
	portfolioSlot *fyne.Container // the portfolio tab's content, built when first shown
	updating      *fyne.Container // says so, above the tabs; hidden when none are
	updatingText  *widget.Label

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
var trainColumns = []float32{40, 10, 22, 16, 12}

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

// New builds the home screen; Load fills it.
func New(hh host.Host) *Screen {
	h := &Screen{host: hh}
	h.build()
	return h
}

// Title is the screen's name in the breadcrumb.
func (h *Screen) Title() string { return "Home" }

// Content is what the window shows.
func (h *Screen) Content() fyne.CanvasObject { return h.root }

// Reload reads the trains again.
func (h *Screen) Reload() { h.Load(nil) }

func (h *Screen) build() {
	h.search = widget.NewEntry()
	h.search.SetPlaceHolder("Search trains by name, framework or description")
	h.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	h.search.OnChanged = func(string) { h.filter() }

	newTrain := widget.NewButtonWithIcon("New train", theme.ContentAddIcon(), h.newTrain)
	newTrain.Importance = widget.HighImportance
	h.count = widget.NewLabel("")

	h.trainMins = trainColumnMins()
	header := widgets.RowAtLeast(trainColumns, h.trainMins,
		widgets.ColumnHead("Train"), widgets.ColumnHead("Framework"), widgets.ColumnHead("Latest assessment"),
		widgets.ColumnHead(levelHead), widgets.ColumnHead("Assessments"))

	row := h.trainRow().(*fyne.Container)
	h.rowHeight = row.MinSize().Height
	row.Objects[1].Show()
	h.badgeRowHeight = row.MinSize().Height
	h.list = h.newList()

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
			return container.NewVBox(name, widgets.Truncated(""), widgets.Truncated(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(h.recent) {
				return
			}
			r := h.recent[id]
			cells := o.(*fyne.Container).Objects
			cells[0].(*widget.Label).SetText(r.TrainName)
			// The assessment and its state on lines of their own, so a
			// narrow panel cuts neither.
			cells[1].(*widget.Label).SetText(widgets.AssessmentTitle(r.PI, r.Date))
			state := widgets.StatusText(r.Status)
			switch {
			case r.Pending:
				state += " · score " + updatingFigure
			case r.Summary.Known:
				state += " · score " + widgets.SummaryScore(r.Summary)
			}
			cells[2].(*widget.Label).SetText(state)
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
	split.Offset = 0.78

	// The portfolio is built when its tab first shows: built at start, its
	// table, filters and findings were laid out (and their fonts parsed)
	// before home could show, for a tab most starts never open.
	h.portfolioSlot = container.NewStack()
	if _, ok := h.host.(PortfolioTab); !ok {
		h.portfolioSlot.Add(widgets.Wrapped("The portfolio is not available here."))
	}
	h.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Trains", theme.ListIcon(), split),
		container.NewTabItemWithIcon("Portfolio", theme.GridIcon(), h.portfolioSlot),
	)
	h.tabs.OnSelected = func(*container.TabItem) {
		if p, ok := h.host.(PortfolioTab); ok {
			if h.tabs.SelectedIndex() == 1 && len(h.portfolioSlot.Objects) == 0 {
				h.portfolioSlot.Add(p.PortfolioContent())
			}
			p.PortfolioTabChanged()
		}
		h.loadPortfolio()
	}

	top := container.NewBorder(nil, nil, widgets.Heading("Your trains"),
		container.NewHBox(h.count, newTrain),
		widgets.WithWidth(300, h.search))
	// Wrapped beside its icon, so a narrow window is not held wider.
	h.updatingText = widgets.Wrapped("")
	h.updating = container.NewBorder(nil, nil, widget.NewIcon(theme.ViewRefreshIcon()), nil, h.updatingText)
	h.updating.Hide()
	h.root = container.NewBorder(container.NewVBox(container.NewPadded(top), h.updating), nil, nil, nil, h.tabs)
}

// reading is what one Load read from the store.
type reading struct {
	same   bool // nothing changed: the screen stays as it is
	trains []data.TrainSummary
	recent []data.AssessmentSummary
	owed   map[string]string
	stamps map[string]string
	day    time.Time
	// changed are the trains whose badges must be read again.
	changed []string
}

// onScreen is what the screen holds, for a reading to compare with.
type onScreen struct {
	loaded  bool
	stamps  map[string]string
	owed    map[string]string
	day     time.Time
	pending bool // figures being recomputed change without a stamp moving
}

// read reads from store what changed since last, at now.
func read(ctx context.Context, store *data.Store, now time.Time, last onScreen) (reading, error) {
	d := reading{day: assessment.Day(now)}
	var err error
	if d.stamps, err = store.TrainStamps(ctx); err != nil {
		return d, err
	}
	sameDay := d.day.Equal(last.day)
	if last.loaded && !last.pending && sameDay && maps.Equal(d.stamps, last.stamps) {
		d.same = true
		return d, nil
	}
	if d.trains, err = store.Trains(ctx); err != nil {
		return d, err
	}
	if d.recent, err = store.RecentAssessments(ctx, 12); err != nil {
		return d, err
	}
	// The badges of the trains that did not change are kept; those of
	// the others are worked out after the list shows (badges below).
	d.owed = map[string]string{}
	for _, t := range d.trains {
		id := t.Train.ID
		if last.loaded && sameDay && last.stamps[id] == d.stamps[id] {
			if b := last.owed[id]; b != "" {
				d.owed[id] = b
			}
		} else {
			d.changed = append(d.changed, id)
		}
	}
	return d, nil
}

// FirstReading is home's first reading of the store, begun before home is
// built, so that it runs while the window opens.
type FirstReading struct {
	done chan struct{}
	d    reading
	err  error
}

// ReadFirst starts reading what home shows first from store, at now.
func ReadFirst(store *data.Store, now time.Time) *FirstReading {
	f := &FirstReading{done: make(chan struct{})}
	go func() {
		defer close(f.done)
		f.d, f.err = read(context.Background(), store, now, onScreen{})
	}()
	return f
}

// LoadFirst is the first Load, of what f read: then (if not nil) is called
// once it is on screen.
func (h *Screen) LoadFirst(f *FirstReading, then func()) {
	h.load(func(context.Context) (reading, error) {
		<-f.done
		return f.d, f.err
	}, then)
}

// Load reads the trains and recent assessments, then calls then (if not nil)
// once they are on screen. What has not changed since the last Load is not
// read again: each train's stamp says whether it, its roster or any of its
// assessments changed, and a train's badge is worked out again only when
// its stamp moved or the day changed.
func (h *Screen) Load(then func()) {
	// What the screen holds now, for the worker to compare with.
	last := onScreen{loaded: h.loaded, stamps: h.stamps, owed: h.owed, day: h.owedDay, pending: h.pending > 0}
	h.load(func(ctx context.Context) (reading, error) {
		return read(ctx, h.host.Store(), h.host.Now(), last)
	}, then)
}

// load shows what read reads, on the worker, then calls then.
func (h *Screen) load(read func(context.Context) (reading, error), then func()) {
	host.Load(h.host, "the list of trains", read, func(d reading) {
		if !d.same {
			// Until their badges are read, the changed trains stand at no
			// stamp, so a Load in between reads their badges too.
			stamps := maps.Clone(d.stamps)
			for _, id := range d.changed {
				stamps[id] = ""
			}
			h.trains, h.recent, h.owed, h.stamps, h.owedDay, h.loaded = d.trains, d.recent, d.owed, stamps, d.day, true
			h.readings++
			h.showPending()
			h.filter()
			h.recentList.Refresh()
			if len(h.recent) == 0 {
				h.noRecent.Show()
			} else {
				h.noRecent.Hide()
			}
			if len(d.changed) > 0 {
				h.badges(d.trains, d.changed, d.stamps)
			}
		}
		h.loadPortfolio()
		if then != nil {
			then()
		}
	})
}

// badges reads the overdue badges of the trains of the IDs given, which
// changed since home last read them, once the list shows: at 500 trains
// reading them took most of the start. The badges never keep the list from
// showing: a train whose assessments cannot be read says so when it is
// opened. stamps are the trains' stamps the list was read at.
func (h *Screen) badges(trains []data.TrainSummary, ids []string, stamps map[string]string) {
	readings := h.readings
	h.badgeRuns++
	// Beside the queue: at 2,000 trains it reads for one to two seconds,
	// and the coach's first click after the start must not wait for it.
	host.LoadBeside(h.host, "the overdue follow-ups", func(ctx context.Context) (map[string]string, error) {
		fresh, _ := h.owedBadges(ctx, trains, ids)
		return fresh, nil
	}, func(fresh map[string]string) {
		if h.readings != readings {
			return // read again since: that reading has its own badges coming
		}
		for _, id := range ids {
			if b := fresh[id]; b != "" {
				h.owed[id] = b
			} else {
				delete(h.owed, id)
			}
			h.stamps[id] = stamps[id]
		}
		h.filter()
	})
}

// newList is the list of the trains shown, each row a train that opens
// when chosen.
func (h *Screen) newList() *widget.List {
	list := widget.NewList(
		func() int { return len(h.shown) },
		h.trainRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(h.shown) {
				return
			}
			h.rowsDrawn++
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
			cells[0].(*widgets.TextCell).SetText(t.Train.Name)
			cells[1].(*widgets.TextCell).SetText(string(t.Train.Framework))
			latest, level := "none yet", "–"
			if t.Latest != nil {
				latest = widgets.AssessmentTitle(t.Latest.PI, t.Latest.Date)
				if t.Latest.Status == assessment.Draft {
					latest += draftMark
				}
				level = levelAndScore(t.Latest.Summary)
				if t.Latest.Pending {
					level = updatingFigure
				}
			}
			cells[2].(*widgets.TextCell).SetText(latest)
			cells[3].(*widgets.TextCell).SetText(level)
			cells[4].(*widgets.TextCell).SetText(fmt.Sprint(t.Assessments))
		})
	list.OnSelected = func(id widget.ListItemID) {
		list.UnselectAll()
		if id < len(h.shown) {
			h.host.Open(host.Train(h.shown[id].Train.ID))
		}
	}

	return list
}

// filter shows the trains matching the search.
func (h *Screen) filter() {
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
	// A train that owes follow-ups shows its badge on a second line. Fyne's
	// List.SetItemHeight refreshes the whole list at each call, which at
	// 500 trains took most of the start; a list not yet drawn takes the
	// heights for nothing, so when they change a new list is given them,
	// at the place the coach had scrolled to.
	heights := make([]float32, len(h.shown))
	for id, t := range h.shown {
		heights[id] = h.rowHeight
		if h.owed[t.Train.ID] != "" {
			heights[id] = h.badgeRowHeight
		}
	}
	offset := float32(-1)
	if !slices.Equal(heights, h.heights) {
		offset = h.list.GetScrollOffset()
		h.list = h.newList()
		for id, height := range heights {
			if height != h.rowHeight {
				h.list.SetItemHeight(id, height)
			}
		}
		h.heights = heights
		if len(h.shown) > 0 {
			h.listArea.Objects = []fyne.CanvasObject{h.list}
		}
	}
	h.listArea.Refresh()
	h.list.Refresh()
	if offset > 0 {
		h.list.ScrollToOffset(offset)
	}
}

// levelHead is the heading of the column of the latest level and score,
// which share one column so the train's name keeps room in a narrow window.
const levelHead = "Level · score"

// levelAndScore is the latest level and its score: "2 · Emerging · 40",
// or a dash while too little is rated to name them.
func levelAndScore(s assessment.Summary) string {
	if s.Level == 0 || !s.Known {
		return widgets.SummaryLevel(s)
	}
	return widgets.SummaryLevel(s) + " · " + widgets.SummaryScore(s)
}

// updatingFigure stands in a figure being recomputed in the background
// (after an upgrade to new rules), instead of the old rules' figure.
const updatingFigure = "updating…"

// showPending counts the listed trains whose figures are being recomputed
// and says so above the tabs, or hides the line when none are.
func (h *Screen) showPending() {
	h.pending = 0
	for _, t := range h.trains {
		if t.Latest != nil && t.Latest.Pending {
			h.pending++
		}
	}
	if slices.ContainsFunc(h.recent, func(r data.AssessmentSummary) bool { return r.Pending }) {
		h.pending = max(h.pending, 1)
	}
	if h.pending == 0 {
		h.updating.Hide()
		return
	}
	h.updatingText.SetText(fmt.Sprintf(
		"Bringing the levels and scores up to date for this version of Trainscope: %s to go. You can work meanwhile.",
		widgets.Plural(h.pending, "train", "trains")))
	h.updating.Show()
}

// Pending is how many listed trains' figures are being recomputed.
func (h *Screen) Pending() int { return h.pending }

// draftMark follows the latest assessment when it is a draft.
const draftMark = " (draft)"

// trainColumnMins are the least widths of the trains' columns: the short
// ones (framework, level, score, count) keep their words whole in a
// narrow window, and the train's name is the one cut.
func trainColumnMins() []float32 {
	bold := fyne.TextStyle{Bold: true}
	widest := func(style fyne.TextStyle, texts ...string) float32 {
		var w float32
		for _, t := range texts {
			w = max(w, widgets.TextWidth(t, style))
		}
		return w
	}
	frameworks := []string{"Framework"}
	for _, f := range assessment.Frameworks {
		frameworks = append(frameworks, string(f))
	}
	levels := []string{levelHead}
	for _, l := range assessment.MaturityLevels {
		levels = append(levels, levelAndScore(assessment.Summary{Known: true, Score: 100, Level: l.Number, LevelName: l.Name}))
	}
	var latest []string
	for m := time.January; m <= time.December; m++ {
		latest = append(latest, widgets.AssessmentTitle("PI 2026.10", time.Date(2026, m, 28, 0, 0, 0, 0, time.UTC))+draftMark)
	}
	return []float32{0,
		widest(bold, frameworks...),
		widest(fyne.TextStyle{}, latest...),
		widest(fyne.TextStyle{}, levels...),
		widest(bold, "Assessments")}
}

// trainRow is a train in the list: its columns, and under them the badge
// of its overdue follow-ups, hidden when it owes none. The columns are
// TextCells, which measure a text once where a truncated label shapes it
// again at every layout: filling the rows on screen took most of the 30 ms
// between home's first reading and the list showing.
func (h *Screen) trainRow() fyne.CanvasObject {
	cells := widgets.RowAtLeast(trainColumns, h.trainMins, widgets.NewTextCell("", true),
		widgets.NewTextCell("", false), widgets.NewTextCell("", false), widgets.NewTextCell("", false), widgets.NewTextCell("", false))
	badge := widgets.OverdueBadge()
	badge.Hide()
	return container.NewVBox(cells, badge)
}

// owedBadges reads what the trains of the IDs given owe of their agreed
// recommendations (assessment.Owed) and words it for their badges; run on
// the worker.
func (h *Screen) owedBadges(ctx context.Context, trains []data.TrainSummary, ids []string) (map[string]string, error) {
	var followed map[string][]*assessment.Assessment
	var err error
	if len(ids) == len(trains) {
		followed, err = h.host.Store().FollowedUp(ctx)
	} else {
		followed, err = h.host.Store().FollowedUpOf(ctx, ids)
	}
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

// HasTrain says whether the list holds the train.
func (h *Screen) HasTrain(id string) bool {
	for _, t := range h.trains {
		if t.Train.ID == id {
			return true
		}
	}
	return false
}

// newTrain asks for a new train, where the shell offers it.
func (h *Screen) newTrain() {
	if m, ok := h.host.(TrainMaker); ok {
		m.NewTrainDialog()
	}
}

// FocusSearch shows the trains and puts the cursor in the search.
func (h *Screen) FocusSearch() {
	h.tabs.SelectIndex(0)
	h.host.Window().Canvas().Focus(h.search)
}

// ShowPortfolio shows the portfolio tab.
func (h *Screen) ShowPortfolio() { h.tabs.SelectIndex(1) }

// ShowTrains shows the trains tab.
func (h *Screen) ShowTrains() { h.tabs.SelectIndex(0) }

// loadPortfolio reads the portfolio when its tab shows: it reads every
// train's assessments in full, which the trains' list does not need.
func (h *Screen) loadPortfolio() {
	if p, ok := h.host.(PortfolioTab); ok && h.tabs.SelectedIndex() == 1 {
		p.LoadPortfolio()
	}
}

// What the shell's tests and its start-up timing read of the screen.

// Trains are every train read, whatever the search.
func (h *Screen) Trains() []data.TrainSummary { return h.trains }

// Listed are the trains the list shows: those matching the search.
func (h *Screen) Listed() []data.TrainSummary { return h.shown }

// Recent are the recent assessments the side panel lists.
func (h *Screen) Recent() []data.AssessmentSummary { return h.recent }

// Search is the search entry.
func (h *Screen) Search() *widget.Entry { return h.search }

// List is the list of trains.
func (h *Screen) List() *widget.List { return h.list }

// Badge is the train's badge of overdue follow-ups, "" when it owes none.
func (h *Screen) Badge(trainID string) string { return h.owed[trainID] }
