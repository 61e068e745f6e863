// Package results holds what follows from assessments: for now the trend of
// a train's scores PI over PI; the results screen, its recommendations and
// follow-ups belong here too. It sees the shell only through app/host.
package results

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// Trend shows a train's scores PI over PI: the overall score and each
// checklist's, and the follow-through of last PI's agreed recommendations,
// as a chart and as a table with the level and answered share.
type Trend struct {
	defs        *assessment.Definitions
	framework   assessment.Framework
	assessments []*assessment.Assessment
	results     []assessment.Results

	chart *widgets.TrendChart
	table *widget.Table
	note  *widget.Label
	root  fyne.CanvasObject
}

// NewTrend is an empty trend over the checklists of defs; Set fills it.
func NewTrend(defs *assessment.Definitions) *Trend {
	tv := &Trend{defs: defs, chart: widgets.NewTrendChart()}
	tv.note = widgets.Wrapped("")
	tv.note.TextStyle.Italic = true
	tv.table = widget.NewTable(tv.size, func() fyne.CanvasObject { return widgets.Truncated("") }, tv.cell)
	tv.table.ShowHeaderRow = true
	tv.table.CreateHeader = func() fyne.CanvasObject { return widgets.ColumnHead("") }
	tv.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(tv.header(id.Col))
		}
	}
	split := container.NewVSplit(tv.chart, tv.table)
	split.Offset = 0.62
	tv.root = container.NewBorder(container.NewPadded(tv.note), nil, nil, nil, split)
	return tv
}

// Content is the trend as shown.
func (tv *Trend) Content() fyne.CanvasObject { return tv.root }

// Chart is the chart drawn, for tests.
func (tv *Trend) Chart() *widgets.TrendChart { return tv.chart }

// Rows is the number of assessments in the table.
func (tv *Trend) Rows() int { rows, _ := tv.size(); return rows }

// columns: assessment, status, level, overall, one per checklist, then the
// follow-through.
func (tv *Trend) size() (int, int) {
	return len(tv.assessments), 5 + len(tv.defs.Checklists)
}

func (tv *Trend) header(col int) string {
	switch col {
	case 0:
		return "Assessment"
	case 1:
		return "Status"
	case 2:
		return "Level"
	case 3:
		return "Overall"
	}
	if i := col - 4; i < len(tv.defs.Checklists) {
		return tv.framework.Expand(tv.defs.Checklists[i].Title)
	}
	return assessment.FollowThroughName
}

func (tv *Trend) cell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(tv.assessments) {
		l.SetText("")
		return
	}
	a, r := tv.assessments[id.Row], tv.results[id.Row]
	switch id.Col {
	case 0:
		l.SetText(widgets.AssessmentTitle(a.PI, a.Date))
	case 1:
		l.SetText(widgets.StatusText(a.Status))
	case 2:
		if r.Level.Number > 0 {
			l.SetText(fmt.Sprintf("%d · %s", r.Level.Number, r.Level.Name))
		} else {
			l.SetText("–")
		}
	case 3:
		l.SetText(scoreWithShare(r.Overall))
	default:
		if i := id.Col - 4; i < len(r.Checklists) {
			l.SetText(scoreWithShare(r.Checklists[i].Score))
		} else if ft := r.FollowThrough; ft.Known() {
			l.SetText(fmt.Sprintf("%.0f%%  (%d of %d)", 100*ft.Rate, ft.Closed(), ft.Total))
		} else {
			l.SetText("–")
		}
	}
}

// scoreWithShare writes a score with the share of items it rests on, in
// brackets.
func scoreWithShare(s assessment.Score) string {
	if !s.Known() {
		return "–"
	}
	return fmt.Sprintf("%.0f  (%.0f%%)", s.Value, s.Answered()*100)
}

// Set draws the chart and table from a train's assessments, oldest first,
// each with its results, in the words of the train's framework.
func (tv *Trend) Set(fw assessment.Framework, assessments []*assessment.Assessment, results []assessment.Results) {
	tv.framework, tv.assessments, tv.results = fw, assessments, results
	// A draft is not where the train stands yet: its scores rest on the
	// items rated so far. The chart draws finished assessments only; the
	// table lists every one with its status.
	var as []*assessment.Assessment
	var rs []assessment.Results
	for i, a := range tv.assessments {
		if a.Status == assessment.Final {
			as, rs = append(as, a), append(rs, tv.results[i])
		}
	}
	drafts := len(tv.assessments) - len(as)
	labels := make([]string, len(as))
	for i, a := range as {
		labels[i] = a.PI
		if labels[i] == "" {
			labels[i] = widgets.DateText(a.Date)
		}
	}
	values := func(score func(assessment.Results) assessment.Score) []float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			if s := score(r); s.Known() {
				v[i] = s.Value
			} else {
				v[i] = math.NaN()
			}
		}
		return v
	}
	series := []widgets.TrendSeries{{
		Name: "Overall", Bold: true, Color: widgets.ThemeColor(widgets.ColorNameCurrent),
		Values: values(func(r assessment.Results) assessment.Score { return r.Overall }),
	}}
	for i, cl := range tv.defs.Checklists {
		id := cl.ID
		series = append(series, widgets.TrendSeries{
			Name:  tv.framework.Expand(cl.Title),
			Color: widgets.TrendPalette[(i+1)%len(widgets.TrendPalette)],
			Values: values(func(r assessment.Results) assessment.Score {
				c, _ := r.Checklist(id)
				return c.Score
			}),
		})
	}
	// The follow-through of last PI's agreed recommendations, per PI, dashed
	// on the same 0–100 scale; an assessment without follow-ups has no point.
	rates := make([]float64, len(rs))
	for i, r := range rs {
		rates[i] = math.NaN()
		if r.FollowThrough.Known() {
			rates[i] = 100 * r.FollowThrough.Rate
		}
	}
	series = append(series, widgets.TrendSeries{
		Name: assessment.FollowThroughName + " (%)", Dashed: true, Color: widgets.ThemeColor(theme.ColorNameForeground), Values: rates,
	})
	tv.chart.SetData(labels, series)
	// Each column as wide as its heading, so no checklist's name is cut.
	for c := range 5 + len(tv.defs.Checklists) {
		measure := widget.NewLabel(tv.header(c))
		measure.TextStyle.Bold = true
		w := measure.MinSize().Width + theme.Padding()*2
		switch c {
		case 0:
			w = max(w, 190)
		case 2:
			w = max(w, 140)
		default:
			w = max(w, 100) // "71  (100%)"
		}
		tv.table.SetColumnWidth(c, w)
	}
	tv.table.Refresh()
	var note string
	switch len(as) {
	case 0:
		note = "The trend appears once the train has a finished assessment."
	case 1:
		note = "One finished assessment so far: the trend shows once there is a second, PI over PI."
	default:
		note = fmt.Sprintf("%d finished assessments, oldest first. In the table, each score has the share of items rated "+
			"in brackets. The overall score covers the maturity checklists; scaled facilitator fit feeds the verdict only. "+
			tv.framework.Expand("The dashed line is the follow-through: the share of last {pi}'s agreed recommendations done, met by the data or dropped; a {pi} without follow-ups has no point."), len(as))
	}
	if drafts > 0 {
		note += " " + widgets.Plural(drafts, "draft is", "drafts are") + " listed in the table but left out of the chart until finished."
	}
	tv.note.SetText(note)
}
