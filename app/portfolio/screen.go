// Package portfolio is the LACE's portfolio screen: a heatmap of trains ×
// dimensions with level, verdict, change and follow-through, filters and
// sorting, a side-by-side comparison of a few trains, the systemic
// findings and the portfolio recommendations the LACE reviews, the
// portfolio PDF, and gathering many bundles at once. It sees the shell only
// through host.Host (and Saver, where the shell offers it).
package portfolio

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// Saver is what the shell offers for writing a file the coach chooses:
// the same dialog, private file and message as every other export.
type Saver interface {
	SaveFile(what, done, suggested string, write func(ctx context.Context, w io.Writer) error)
}

// Filters are the screen's selects; "" (or 0) for all.
type Filters struct {
	Group     string
	Framework assessment.Framework
	Coach     string
	Level     int
}

// All is the select choice for "no filter".
const All = "All"

// Screen is the portfolio screen.
type Screen struct {
	host   host.Host
	trains []assessment.EvaluatedTrain // as read, with their assessments' facts
	// evaluated are the rows made of trains, once, for every filter after.
	evaluated *assessment.EvaluatedPortfolio
	groups    []string
	review    assessment.PortfolioReview

	filters Filters
	p       assessment.Portfolio
	rows    []assessment.PortfolioRow
	cells   [][]assessment.HeatCell
	cols    []column
	sortCol assessment.PortfolioColumn
	desc    bool
	chosen  []string // train IDs chosen to compare, in the order chosen

	table                          *widget.Table
	groups_                        *widget.Table // the roll-up by group
	groupCols                      []groupColumn
	view                           *widget.RadioGroup
	group, framework, coach, level *widget.Select
	compare                        *widget.Button
	count, status                  *widget.Label
	review_                        *fyne.Container
	root                           fyne.CanvasObject
	loaded                         bool
	onLoad                         func()
	gathering                      *GatherDialog // the list of bundles to gather, once opened
	fit                            fitter        // the cells' texts cut to their columns

	// The review panel's widgets, made once and reused (showReview).
	reviewHead, noFindings *widget.Label
	recsHead               *fyne.Container
	findingRows            [][2]*widget.Label // each finding's title and words
	recRows                []*recommendationRow
}

type column struct {
	id    assessment.PortfolioColumn
	title string
	width float32
	dim   int // index into the heatmap's dimensions, or -1
}

// New is the screen, empty until Load.
func New(h host.Host) *Screen {
	s := &Screen{host: h, sortCol: assessment.ColumnTrain}
	s.table = widget.NewTable(
		func() (int, int) { return len(s.rows), len(s.cols) },
		newCell,
		s.updateCell)
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(s.cols) {
			b.SetText("")
			b.OnTapped = nil
			return
		}
		c := s.cols[id.Col]
		text, mark := c.title, ""
		if c.id == s.sortCol {
			mark = map[bool]string{false: " ▲", true: " ▼"}[s.desc]
		}
		// A heading fits its column: a button's text does not truncate.
		text = widgets.TruncateText(text, int(c.width/9)-len([]rune(mark))) + mark
		b.SetText(text)
		b.OnTapped = func() { s.SortBy(c.id) }
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(s.rows) {
			s.Toggle(s.rows[id.Row].Train.ID)
		}
	}

	s.group = widget.NewSelect(nil, func(v string) { s.filters.Group = noAll(v); s.rebuild() })
	s.framework = widget.NewSelect(nil, func(v string) { s.filters.Framework = assessment.Framework(noAll(v)); s.rebuild() })
	s.coach = widget.NewSelect(nil, func(v string) { s.filters.Coach = noAll(v); s.rebuild() })
	s.level = widget.NewSelect(nil, func(v string) {
		s.filters.Level = 0
		fmt.Sscanf(v, "%d", &s.filters.Level)
		s.rebuild()
	})
	s.groups_ = s.newGroupsTable()
	s.groups_.Hide()
	s.view = widget.NewRadioGroup([]string{ViewTrains, ViewGroups}, func(v string) {
		if v == "" { // a radio group can be tapped off: keep a view shown
			s.view.SetSelected(ViewTrains)
			return
		}
		s.SetView(v)
	})
	s.view.Horizontal = true
	s.view.Selected = ViewTrains
	s.compare = widget.NewButtonWithIcon("Compare", theme.ViewRestoreIcon(), s.ShowComparison)
	s.compare.Disable()
	s.count = widget.NewLabel("")
	s.status = widget.NewLabel("")
	export := widget.NewButtonWithIcon("Export PDF…", theme.DocumentSaveIcon(), s.exportPDF)
	gather := widget.NewButtonWithIcon("Gather bundles…", theme.FolderOpenIcon(), func() { s.OpenGather() })
	if _, ok := h.(Saver); !ok {
		export.Disable()
	}

	filters := container.NewHBox(
		s.view, widget.NewSeparator(),
		widget.NewLabel("Group"), widgets.WithWidth(150, s.group),
		widget.NewLabel("Framework"), widgets.WithWidth(120, s.framework),
		widget.NewLabel("Coach"), widgets.WithWidth(130, s.coach),
		widget.NewLabel("Level"), widgets.WithWidth(130, s.level))
	actions := container.NewHBox(s.count, s.compare, export, gather)
	note := widgets.Caption("Each train's latest finished assessment; a cell says its score, or “not enough” when too little was answered to show one. " +
		"Tap a heading to sort (again reverses); tap trains to choose 2 to 4 to compare.")
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil, actions, note))

	s.review_ = container.NewVBox()
	side := container.NewBorder(nil, s.status, nil, nil, container.NewVScroll(s.review_))
	split := container.NewHSplit(container.NewStack(s.table, s.groups_), side)
	split.Offset = 0.7
	s.root = container.NewBorder(top, nil, nil, nil, split)
	return s
}

func noAll(v string) string {
	if v == All {
		return ""
	}
	return v
}

// Content is the screen as shown.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Load reads the trains with the facts of their assessments (kept by the
// store, made once when an assessment is new or changed), the groups and
// the LACE's review, in the background, then shows them; then, if not
// nil, runs once they are on screen. A filter only builds again.
func (s *Screen) Load(then func()) {
	type loaded struct {
		trains    []assessment.EvaluatedTrain
		evaluated assessment.EvaluatedPortfolio
		groups    []string
	}
	defs := s.host.Definitions()
	host.Load(s.host, "the portfolio", func(ctx context.Context) (loaded, error) {
		var d loaded
		var err error
		if d.trains, err = s.host.Store().PortfolioFacts(ctx, "", defs); err != nil {
			return d, err
		}
		if d.groups, err = s.host.Store().Groups(ctx); err != nil {
			return d, err
		}
		d.evaluated = assessment.PortfolioOfFacts(defs, d.trains)
		return d, nil
	}, func(d loaded) { s.set(d.trains, &d.evaluated, d.groups, then) })
}

// Set shows trains given in full, with the groups in use to filter by,
// keeping the filters, sort and choice; then, if not nil, runs once they
// show. The trains are evaluated in the background, once.
func (s *Screen) Set(trains []assessment.PortfolioTrain, groups []string, then func()) {
	defs := s.host.Definitions()
	type evaluated struct {
		trains []assessment.EvaluatedTrain
		rows   assessment.EvaluatedPortfolio
	}
	host.Load(s.host, "the portfolio", func(context.Context) (evaluated, error) {
		et := assessment.EvaluateTrains(defs, trains)
		return evaluated{et, assessment.PortfolioOfFacts(defs, et)}, nil
	}, func(e evaluated) { s.set(e.trains, &e.rows, groups, then) })
}

// set shows trains evaluated.
func (s *Screen) set(trains []assessment.EvaluatedTrain, evaluated *assessment.EvaluatedPortfolio, groups []string, then func()) {
	s.trains, s.evaluated, s.groups = trains, evaluated, groups
	s.fillSelects()
	s.loaded = true
	s.onLoad = then
	s.rebuild()
}

// fillSelects offers the groups, frameworks, coaches and levels there are.
func (s *Screen) fillSelects() {
	fws, coaches := map[string]bool{}, map[string]bool{}
	for _, t := range s.trains {
		fws[string(t.Train.Framework)] = true
		for _, c := range t.Coaches {
			coaches[c] = true
		}
	}
	set := func(sel *widget.Select, opts []string, cur string) {
		sel.Options = append([]string{All}, opts...)
		if cur == "" || !slices.Contains(opts, cur) {
			cur = All
		}
		sel.SetSelectedIndex(slices.Index(sel.Options, cur)) // no change fires for the same value
		sel.Refresh()
	}
	keys := func(m map[string]bool) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	// Set the options without running the filters once per select.
	loaded := s.loaded
	s.loaded = false
	set(s.group, s.groups, s.filters.Group)
	set(s.framework, keys(fws), string(s.filters.Framework))
	set(s.coach, keys(coaches), s.filters.Coach)
	var levels []string
	for n := 1; n <= 5; n++ {
		levels = append(levels, levelChoice(n))
	}
	cur := ""
	if s.filters.Level > 0 {
		cur = levelChoice(s.filters.Level)
	}
	set(s.level, levels, cur)
	s.loaded = loaded
}

func levelChoice(n int) string { return fmt.Sprintf("%d and below", n) }

// SetFilters applies filters as the selects would.
func (s *Screen) SetFilters(f Filters) {
	s.filters = f
	s.fillSelects()
	s.rebuild()
}

// rebuild applies the filters in the background and shows the result: the
// portfolio rules over the evaluated trains, evaluating nothing again.
func (s *Screen) rebuild() {
	if !s.loaded {
		return
	}
	f := s.filters
	opts := assessment.PortfolioOptions{Group: f.Group, Framework: f.Framework, Coach: f.Coach}
	if f.Level > 0 {
		for n := 0; n <= f.Level; n++ {
			opts.Levels = append(opts.Levels, n)
		}
	}
	evaluated := s.evaluated
	type built struct {
		p      assessment.Portfolio
		review assessment.PortfolioReview
	}
	host.Load(s.host, "the portfolio", func(ctx context.Context) (built, error) {
		rv, err := s.host.Store().PortfolioReview(ctx, f.Group)
		if err != nil {
			return built{}, err
		}
		p := evaluated.Build(opts)
		p.Review(rv)
		return built{p, rv}, nil
	}, func(b built) {
		s.show(b.p, b.review)
		if s.onLoad != nil {
			then := s.onLoad
			s.onLoad = nil
			then()
		}
	})
}

// show puts a built portfolio on screen, keeping the sort and the choice.
func (s *Screen) show(p assessment.Portfolio, rv assessment.PortfolioReview) {
	s.p, s.review = p, rv
	s.cols = s.cols[:0]
	add := func(id assessment.PortfolioColumn, title string, width float32) {
		s.cols = append(s.cols, column{id: id, title: title, width: width, dim: -1})
	}
	add(assessment.ColumnTrain, "Train", 200)
	add(assessment.ColumnGroup, "Group", 120)
	add(assessment.ColumnFramework, "Framework", 100)
	for i, d := range p.Heatmap.Dimensions {
		s.cols = append(s.cols, column{id: assessment.PortfolioColumn(d.ID), title: d.Title, width: 100, dim: i})
	}
	add(assessment.ColumnLevel, "Level", 140)
	add(assessment.ColumnScore, "Score", 70)
	add(assessment.ColumnVerdict, "Verdict", 200)
	add(assessment.ColumnChange, "Change", 150)
	add(assessment.ColumnFollowThrough, "Follow-through", 120)
	add(columnCoaches, "Coaches", 180)
	for i, c := range s.cols {
		s.table.SetColumnWidth(i, c.width)
	}
	s.chosen = slices.DeleteFunc(s.chosen, func(id string) bool {
		return !slices.ContainsFunc(p.Rows, func(r assessment.PortfolioRow) bool { return r.Train.ID == id })
	})
	s.sort()
	s.groupColumns()
	if s.groups_.Visible() { // a hidden roll-up is laid out when shown (SetView)
		s.groups_.Refresh()
	}
	s.showReview()
}

const columnCoaches assessment.PortfolioColumn = "coaches"

// SortBy sorts on a column; the same column again reverses the order.
func (s *Screen) SortBy(col assessment.PortfolioColumn) {
	if col == s.sortCol {
		s.desc = !s.desc
	} else {
		s.sortCol = col
		// Figures read best first; names and words from A.
		s.desc = col != assessment.ColumnTrain && col != assessment.ColumnGroup && col != assessment.ColumnFramework && col != columnCoaches
	}
	s.sort()
}

func (s *Screen) sort() {
	if s.sortCol == columnCoaches {
		s.rows, s.cells = s.p.SortedRows(assessment.ColumnTrain, false)
		idx := make([]int, len(s.rows))
		for i := range idx {
			idx[i] = i
		}
		key := func(i int) string { return strings.ToLower(strings.Join(s.rows[i].Coaches, ", ")) }
		slices.SortStableFunc(idx, func(a, b int) int {
			c := strings.Compare(key(a), key(b))
			if s.desc {
				c = -c
			}
			return c
		})
		rows, cells := make([]assessment.PortfolioRow, len(idx)), make([][]assessment.HeatCell, len(idx))
		for i, j := range idx {
			rows[i], cells[i] = s.rows[j], s.cells[j]
		}
		s.rows, s.cells = rows, cells
	} else {
		s.rows, s.cells = s.p.SortedRows(s.sortCol, s.desc)
	}
	s.count.SetText(widgets.Plural(len(s.rows), "train", "trains") + chosenText(len(s.chosen)))
	s.updateCompare()
	s.table.Refresh()
}

func chosenText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(", %d chosen", n)
}

// Toggle chooses a train to compare, or takes it out of the choice.
func (s *Screen) Toggle(trainID string) {
	if i := slices.Index(s.chosen, trainID); i >= 0 {
		s.chosen = slices.Delete(s.chosen, i, i+1)
	} else if len(s.chosen) < maxCompare {
		s.chosen = append(s.chosen, trainID)
	} else {
		s.status.SetText(fmt.Sprintf("Compare at most %d trains: tap a chosen one to take it out first.", maxCompare))
		return
	}
	s.count.SetText(widgets.Plural(len(s.rows), "train", "trains") + chosenText(len(s.chosen)))
	s.updateCompare()
	s.table.Refresh()
}

const maxCompare = 4

func (s *Screen) updateCompare() {
	if n := len(s.chosen); n >= 2 && n <= maxCompare {
		s.compare.SetText(fmt.Sprintf("Compare %d", n))
		s.compare.Enable()
	} else {
		s.compare.SetText("Compare")
		s.compare.Disable()
	}
}

// Chosen are the trains chosen to compare.
func (s *Screen) Chosen() []string { return slices.Clone(s.chosen) }

// RowIDs are the trains shown, in the order shown.
func (s *Screen) RowIDs() []string {
	out := make([]string, len(s.rows))
	for i, r := range s.rows {
		out[i] = r.Train.ID
	}
	return out
}

// Len is the number of trains shown.
func (s *Screen) Len() int { return len(s.rows) }

// Columns are the columns' IDs in the order shown.
func (s *Screen) Columns() []assessment.PortfolioColumn {
	out := make([]assessment.PortfolioColumn, len(s.cols))
	for i, c := range s.cols {
		out[i] = c.id
	}
	return out
}

// Cell is the text of a cell as shown.
func (s *Screen) Cell(row int, col assessment.PortfolioColumn) string {
	i := slices.IndexFunc(s.cols, func(c column) bool { return c.id == col })
	if i < 0 || row < 0 || row >= len(s.rows) {
		return ""
	}
	return s.cellText(row, i)
}

func (s *Screen) cellText(row, col int) string {
	r, c := s.rows[row], s.cols[col]
	if c.dim >= 0 {
		return heatText(s.cells[row][c.dim])
	}
	switch c.id {
	case assessment.ColumnTrain:
		if slices.Contains(s.chosen, r.Train.ID) {
			return "☑ " + r.Train.Name
		}
		return "☐ " + r.Train.Name
	case assessment.ColumnGroup:
		if r.Train.Group == "" {
			return "–"
		}
		return r.Train.Group
	case assessment.ColumnFramework:
		return string(r.Train.Framework)
	case assessment.ColumnLevel:
		return levelText(r)
	case assessment.ColumnScore:
		if !r.Assessed() {
			return "–"
		}
		return scoreText(r.Results.Overall)
	case assessment.ColumnVerdict:
		if !r.Assessed() {
			return "not assessed"
		}
		return widgets.VerdictText(r.Results.Verdict.Kind)
	case assessment.ColumnChange:
		return changeText(r)
	case assessment.ColumnFollowThrough:
		if !r.Assessed() || r.Results.FollowThrough.Total == 0 {
			return "–"
		}
		ft := r.Results.FollowThrough
		return fmt.Sprintf("%.0f%% of %d", ft.Rate*100, ft.Total)
	case columnCoaches:
		return strings.Join(r.Coaches, ", ")
	}
	return ""
}

func levelText(r assessment.PortfolioRow) string {
	if !r.Assessed() {
		return "–"
	}
	l := r.Level()
	if l.Number == 0 {
		return "not enough"
	}
	return fmt.Sprintf("%d %s", l.Number, l.Name)
}

func scoreText(sc assessment.Score) string {
	switch {
	case !sc.Known():
		return "–"
	case !sc.Enough():
		return "not enough"
	}
	return widgets.ScoreText(sc)
}

func heatText(c assessment.HeatCell) string {
	switch c.State {
	case assessment.CellScore:
		return widgets.ScoreText(c.Score)
	case assessment.CellNotEnough:
		return "not enough"
	}
	return "–"
}

func changeText(r assessment.PortfolioRow) string {
	ch, ok := r.Change()
	if !ok {
		if r.Assessed() && !r.HasPrevious {
			return "first"
		}
		return "–"
	}
	text := widgets.Signed(ch)
	if r.PreviousPI != "" {
		text += " since " + r.PreviousPI
	}
	return text
}

// heatColor is a cell's fill: a band of the score, light enough that the
// theme's text stays legible over it in light and dark.
func heatColor(c assessment.HeatCell) fyne.ThemeColorName {
	switch {
	case c.State == assessment.CellNotEnough:
		return theme.ColorNameDisabledButton
	case c.State != assessment.CellScore:
		return ""
	case c.Score.Value >= 70:
		return theme.ColorNameSuccess
	case c.Score.Value >= 45:
		return theme.ColorNameWarning
	}
	return theme.ColorNameError
}

func (s *Screen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(s.rows) || id.Col >= len(s.cols) {
		return
	}
	c := s.cols[id.Col]
	style := fyne.TextStyle{Bold: c.id == assessment.ColumnTrain}
	var fill color.Color = color.Transparent
	if c.dim >= 0 {
		cell := s.cells[id.Row][c.dim]
		if n := heatColor(cell); n != "" {
			fill = widgets.WithAlpha(widgets.ThemeColor(n), 90)
		}
		style.Italic = cell.State == assessment.CellNotEnough
	} else if c.id == assessment.ColumnTrain && slices.Contains(s.chosen, s.rows[id.Row].Train.ID) {
		fill = widgets.WithAlpha(widgets.ThemeColor(theme.ColorNamePrimary), 60)
	}
	s.fit.setCell(o, s.cellText(id.Row, id.Col), c.width, style, fill)
}
