package assessment

import (
	"cmp"
	"slices"
	"strings"
)

// PortfolioColumn names a column of the portfolio's table that the rows
// can be sorted by: one of the PortfolioColumns, or a dimension's ID.
type PortfolioColumn string

// The portfolio's columns besides the dimensions.
const (
	ColumnTrain         PortfolioColumn = "train"
	ColumnGroup         PortfolioColumn = "group"
	ColumnFramework     PortfolioColumn = "framework"
	ColumnLevel         PortfolioColumn = "level"
	ColumnScore         PortfolioColumn = "score"
	ColumnVerdict       PortfolioColumn = "verdict"
	ColumnChange        PortfolioColumn = "change"
	ColumnFollowThrough PortfolioColumn = "follow-through"
)

// PortfolioColumns lists the columns in the order the table shows them,
// the dimensions going between the framework and the level.
var PortfolioColumns = []PortfolioColumn{ColumnTrain, ColumnGroup, ColumnFramework, ColumnLevel, ColumnScore, ColumnVerdict, ColumnChange, ColumnFollowThrough}

// verdictOrder ranks verdicts from the most to the least favourable.
var verdictOrder = []VerdictKind{Recommended, RecommendedConditions, NotRecommended, Undecided}

// SortedRows are the portfolio's rows sorted by a column, lowest first
// (or highest with desc), and its heatmap rows in the same order. A row
// without a value in the column (not assessed, not enough answered, no
// previous assessment) sorts last either way; ties keep the usual order.
func (p Portfolio) SortedRows(col PortfolioColumn, desc bool) ([]PortfolioRow, [][]HeatCell) {
	idx := make([]int, len(p.Rows))
	for i := range idx {
		idx[i] = i
	}
	dim := slices.IndexFunc(p.Heatmap.Dimensions, func(d Dimension) bool { return PortfolioColumn(d.ID) == col })
	key := func(i int) (float64, string, bool) {
		r := p.Rows[i]
		switch col {
		case ColumnTrain:
			return 0, strings.ToLower(r.Train.Name), true
		case ColumnGroup:
			return 0, strings.ToLower(r.Train.Group), r.Train.Group != ""
		case ColumnFramework:
			return float64(frameworkOrder(r.Train.Framework)), "", true
		case ColumnLevel:
			return float64(r.Level().Number), "", r.Assessed() && r.Level().Number > 0
		case ColumnScore:
			return r.Results.Overall.Value, "", r.Assessed() && r.Results.Overall.Enough()
		case ColumnVerdict:
			return float64(slices.Index(verdictOrder, r.Results.Verdict.Kind)), "", r.Assessed()
		case ColumnChange:
			ch, ok := r.Change()
			return ch, "", ok
		case ColumnFollowThrough:
			return r.Results.FollowThrough.Rate, "", r.Assessed() && r.Results.FollowThrough.Total > 0
		}
		if dim >= 0 && i < len(p.Heatmap.Cells) {
			c := p.Heatmap.Cells[i][dim]
			return c.Score.Value, "", c.State == CellScore
		}
		return 0, "", true
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		va, sa, oka := key(a)
		vb, sb, okb := key(b)
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		c := cmp.Or(cmp.Compare(va, vb), cmp.Compare(sa, sb))
		if desc {
			c = -c
		}
		return c
	})
	rows := make([]PortfolioRow, len(idx))
	cells := make([][]HeatCell, 0, len(idx))
	for k, i := range idx {
		rows[k] = p.Rows[i]
		if i < len(p.Heatmap.Cells) {
			cells = append(cells, p.Heatmap.Cells[i])
		}
	}
	return rows, cells
}
