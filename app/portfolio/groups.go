package portfolio

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// The view switch's choices: a row per train, or a row per group.
const (
	ViewTrains = "Trains"
	ViewGroups = "Groups"
)

// Group columns beside the dimensions' means.
const (
	groupName          = "group"
	groupTrains        = "trains"
	groupLevels        = "levels"
	groupVerdicts      = "verdicts"
	groupOverall       = "overall"
	groupChange        = "change"
	groupFollowThrough = "follow-through"
)

type groupColumn struct {
	id    string
	title string
	width float32
	dim   int // index into the heatmap's dimensions, or -1
}

// newGroupsTable is the roll-up by group: the LACE's weekly view of the
// groups, each one's trains, levels, verdicts, mean by dimension and
// overall, change since the previous PI and follow-through; a group of
// fewer trains than the minimum shows no figures.
func (s *Screen) newGroupsTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(s.p.Groups), len(s.groupCols) },
		newCell,
		s.updateGroupCell)
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return widgets.Truncated("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Col < 0 || id.Col >= len(s.groupCols) {
			l.SetText("")
			return
		}
		l.SetText(s.groupCols[id.Col].title)
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		// A group's row opens its trains: the trains view, filtered to it.
		if id.Row >= 0 && id.Row < len(s.p.Groups) && s.p.Groups[id.Row].Group != "" {
			s.filters.Group = s.p.Groups[id.Row].Group
			s.SetView(ViewTrains)
			s.SetFilters(s.filters)
		}
	}
	return t
}

// groupColumns are the roll-up's columns for the dimensions shown.
func (s *Screen) groupColumns() {
	s.groupCols = s.groupCols[:0]
	add := func(id, title string, width float32) {
		s.groupCols = append(s.groupCols, groupColumn{id: id, title: title, width: width, dim: -1})
	}
	add(groupName, "Group", 180)
	add(groupTrains, "Trains", 70)
	add(groupLevels, "Levels", 190)
	add(groupVerdicts, "Verdicts", 230)
	for i, d := range s.p.Heatmap.Dimensions {
		s.groupCols = append(s.groupCols, groupColumn{id: d.ID, title: d.Title, width: 100, dim: i})
	}
	add(groupOverall, "Overall", 110)
	add(groupChange, "Change", 120)
	add(groupFollowThrough, "Follow-through", 130)
	for i, c := range s.groupCols {
		s.groups_.SetColumnWidth(i, c.width)
	}
}

// SetView shows the trains (ViewTrains) or the roll-up by group
// (ViewGroups).
func (s *Screen) SetView(v string) {
	if s.view.Selected != v {
		s.view.SetSelected(v) // calls back here
		return
	}
	if v == ViewGroups {
		s.table.Hide()
		s.groups_.Show()
		s.groups_.Refresh()
	} else {
		s.groups_.Hide()
		s.table.Show()
	}
}

// View is the view shown: ViewTrains or ViewGroups.
func (s *Screen) View() string { return s.view.Selected }

// GroupCount is the number of groups the roll-up lists.
func (s *Screen) GroupCount() int { return len(s.p.Groups) }

// GroupColumns are the roll-up's columns' IDs in the order shown: the
// group's name, trains, levels, verdicts, each dimension's ID, overall,
// change and follow-through.
func (s *Screen) GroupColumns() []string {
	out := make([]string, len(s.groupCols))
	for i, c := range s.groupCols {
		out[i] = c.id
	}
	return out
}

// GroupCell is the text of a roll-up cell as shown.
func (s *Screen) GroupCell(row int, col string) string {
	for i, c := range s.groupCols {
		if c.id == col && row >= 0 && row < len(s.p.Groups) {
			return s.groupText(row, i)
		}
	}
	return ""
}

func (s *Screen) groupText(row, col int) string {
	g, c := s.p.Groups[row], s.groupCols[col]
	switch c.id {
	case groupName:
		if g.Group == "" {
			return "Not grouped"
		}
		return g.Group
	case groupTrains:
		return fmt.Sprint(g.Trains)
	}
	if g.Hidden {
		if c.id == groupLevels {
			return assessment.HiddenGroup(s.p.Options.MinGroup)
		}
		return "–"
	}
	if c.dim >= 0 {
		if c.dim >= len(g.Dimensions) || g.Dimensions[c.dim].Scored == 0 {
			return "–"
		}
		return fmt.Sprintf("%.0f", g.Dimensions[c.dim].Mean)
	}
	switch c.id {
	case groupLevels:
		var parts []string
		for n := 5; n >= 0; n-- {
			if g.Levels[n] == 0 {
				continue
			}
			if n == 0 {
				parts = append(parts, fmt.Sprintf("%d not enough", g.Levels[n]))
			} else {
				parts = append(parts, fmt.Sprintf("%d at %d", g.Levels[n], n))
			}
		}
		if len(parts) == 0 {
			return "none assessed"
		}
		return strings.Join(parts, " · ")
	case groupVerdicts:
		var parts []string
		for _, k := range []assessment.VerdictKind{assessment.Recommended, assessment.RecommendedConditions, assessment.NotRecommended, assessment.Undecided} {
			if g.Verdicts[k] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", g.Verdicts[k], strings.ToLower(widgets.VerdictText(k))))
			}
		}
		if len(parts) == 0 {
			return "–"
		}
		return strings.Join(parts, " · ")
	case groupOverall:
		if g.Scored == 0 {
			return "not enough"
		}
		return fmt.Sprintf("%.0f (of %d)", g.Overall, g.Scored)
	case groupChange:
		if g.Changed == 0 {
			return "–"
		}
		return fmt.Sprintf("%s (of %d)", widgets.Signed(g.Change), g.Changed)
	case groupFollowThrough:
		if g.FollowThrough.Total == 0 {
			return "–"
		}
		return fmt.Sprintf("%.0f%% of %d", g.FollowThrough.Rate*100, g.FollowThrough.Total)
	}
	return ""
}

func (s *Screen) updateGroupCell(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Row >= len(s.p.Groups) || id.Col >= len(s.groupCols) {
		return
	}
	g, c := s.p.Groups[id.Row], s.groupCols[id.Col]
	style := fyne.TextStyle{Bold: c.id == groupName, Italic: g.Hidden && c.id == groupLevels}
	var fill color.Color = color.Transparent
	if !g.Hidden && c.dim >= 0 && c.dim < len(g.Dimensions) && g.Dimensions[c.dim].Scored > 0 {
		cell := assessment.HeatCell{State: assessment.CellScore, Score: assessment.Score{Value: g.Dimensions[c.dim].Mean}}
		if n := heatColor(cell); n != "" {
			fill = widgets.WithAlpha(widgets.ThemeColor(n), 90)
		}
	}
	s.fit.setCell(o, s.groupText(id.Row, id.Col), c.width, style, fill)
}
