// Package home holds the parts of the home screen that stand on their own:
// the portfolio, the LACE's view across trains. It sees the shell only
// through host.Host.
package home

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// Portfolio is the LACE's view across trains: each train's latest
// finished assessment, its level and score and the change since the one
// before. Tapping a column heading sorts by it; tapping again reverses.
type Portfolio struct {
	host  host.Host
	rows  []data.PortfolioRow
	table *widget.Table
	note  *widget.Label
	root  fyne.CanvasObject

	sortCol int
	desc    bool
}

type portfolioColumn struct {
	title string
	width float32
	text  func(data.PortfolioRow) string
	less  func(a, b data.PortfolioRow) int
}

var portfolioColumns = []portfolioColumn{
	{"Train", 280, func(r data.PortfolioRow) string { return r.Train.Name },
		func(a, b data.PortfolioRow) int {
			return cmp.Compare(strings.ToLower(a.Train.Name), strings.ToLower(b.Train.Name))
		}},
	{"Framework", 110, func(r data.PortfolioRow) string { return string(r.Train.Framework) },
		func(a, b data.PortfolioRow) int { return cmp.Compare(a.Train.Framework, b.Train.Framework) }},
	{"Latest assessment", 180, func(r data.PortfolioRow) string {
		if r.Latest == nil {
			return "none yet"
		}
		s := widgets.AssessmentTitle(r.Latest.PI, r.Latest.Date)
		if r.Latest.Status != assessment.Final {
			s += " (draft)"
		}
		return s
	}, func(a, b data.PortfolioRow) int { return cmp.Compare(latestDate(a), latestDate(b)) }},
	{"Level", 150, func(r data.PortfolioRow) string {
		if r.Latest == nil {
			return "–"
		}
		return widgets.SummaryLevel(r.Latest.Summary)
	}, func(a, b data.PortfolioRow) int { return cmp.Compare(latestLevel(a), latestLevel(b)) }},
	{"Score", 70, func(r data.PortfolioRow) string {
		if r.Latest == nil {
			return "–"
		}
		return widgets.SummaryScore(r.Latest.Summary)
	}, func(a, b data.PortfolioRow) int { return cmp.Compare(latestScore(a), latestScore(b)) }},
	{"Change", 80, func(r data.PortfolioRow) string {
		d := scoreChange(r)
		switch {
		case math.IsNaN(d):
			return "–"
		case d > 0:
			return fmt.Sprintf("+%.0f", d)
		}
		return fmt.Sprintf("%.0f", d)
	}, func(a, b data.PortfolioRow) int { return cmp.Compare(scoreChange(a), scoreChange(b)) }},
	{"Facilitator verdict", 220, func(r data.PortfolioRow) string {
		if r.Latest == nil {
			return "–"
		}
		return widgets.VerdictText(r.Latest.Summary.Verdict)
	}, func(a, b data.PortfolioRow) int {
		return cmp.Compare(verdictOf(a), verdictOf(b))
	}},
	{"Assessments", 110, func(r data.PortfolioRow) string { return fmt.Sprint(r.Assessments) },
		func(a, b data.PortfolioRow) int { return cmp.Compare(a.Assessments, b.Assessments) }},
}

func latestDate(r data.PortfolioRow) int64 {
	if r.Latest == nil {
		return math.MinInt64
	}
	return r.Latest.Date.Unix()
}

func latestLevel(r data.PortfolioRow) int {
	if r.Latest == nil {
		return -1
	}
	return r.Latest.Summary.Level
}

// latestScore sorts trains without a known score below every scored one.
func latestScore(r data.PortfolioRow) float64 {
	if r.Latest == nil || !r.Latest.Summary.Known {
		return -1
	}
	return r.Latest.Summary.Score
}

func verdictOf(r data.PortfolioRow) string {
	if r.Latest == nil {
		return "~"
	}
	return widgets.VerdictText(r.Latest.Summary.Verdict)
}

// scoreChange is the latest score less the one before, NaN when either is
// not known. (cmp.Compare orders NaN first.)
func scoreChange(r data.PortfolioRow) float64 {
	if r.Latest == nil || r.Previous == nil || !r.Latest.Summary.Known || !r.Previous.Summary.Known {
		return math.NaN()
	}
	return math.Round(r.Latest.Summary.Score) - math.Round(r.Previous.Summary.Score)
}

// NewPortfolio is an empty portfolio; Set fills it. Choosing a train opens
// it on h.
func NewPortfolio(h host.Host) *Portfolio {
	p := &Portfolio{host: h}
	p.table = widget.NewTable(
		func() (int, int) { return len(p.rows), len(portfolioColumns) },
		func() fyne.CanvasObject { return widgets.Truncated("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= len(p.rows) || id.Col >= len(portfolioColumns) {
				return
			}
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Col == 0
			l.SetText(portfolioColumns[id.Col].text(p.rows[id.Row]))
		})
	p.table.ShowHeaderRow = true
	p.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	p.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(portfolioColumns) {
			b.SetText("")
			return
		}
		text := portfolioColumns[id.Col].title
		if id.Col == p.sortCol {
			if p.desc {
				text += " ▼"
			} else {
				text += " ▲"
			}
		}
		b.SetText(text)
		col := id.Col
		b.OnTapped = func() { p.SortBy(col) }
	}
	for i, c := range portfolioColumns {
		p.table.SetColumnWidth(i, c.width)
	}
	p.table.OnSelected = func(id widget.TableCellID) {
		p.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(p.rows) {
			h.Open(host.Train(p.rows[id.Row].Train.ID))
		}
	}
	p.note = widgets.Wrapped("Each train's latest finished assessment; a train with no finished assessment shows its newest draft. " +
		"Change is against the finished assessment before. Tap a heading to sort.")
	p.note.TextStyle.Italic = true
	p.root = container.NewBorder(p.note, nil, nil, nil, p.table)
	return p
}

// Content is the portfolio as shown.
func (p *Portfolio) Content() fyne.CanvasObject { return p.root }

// Set shows the portfolio rows, keeping the coach's sort.
func (p *Portfolio) Set(rows []data.PortfolioRow) {
	p.rows = slices.Clone(rows)
	p.sort()
}

// SortBy sorts on a column; the same column again reverses the order.
func (p *Portfolio) SortBy(col int) {
	if col == p.sortCol {
		p.desc = !p.desc
	} else {
		p.sortCol, p.desc = col, col == 4 || col == 5 || col == 3 // figures: best first
	}
	p.sort()
}

func (p *Portfolio) sort() {
	less := portfolioColumns[p.sortCol].less
	slices.SortStableFunc(p.rows, func(a, b data.PortfolioRow) int {
		c := less(a, b)
		if p.desc {
			c = -c
		}
		if c == 0 {
			c = cmp.Compare(strings.ToLower(a.Train.Name), strings.ToLower(b.Train.Name))
		}
		return c
	})
	p.table.Refresh()
}

// Len is the number of trains shown.
func (p *Portfolio) Len() int { return len(p.rows) }

// Cell is the text of a cell, for tests.
func (p *Portfolio) Cell(row, col int) string {
	return portfolioColumns[col].text(p.rows[row])
}
