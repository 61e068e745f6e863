package portfolio

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// Comparison is the chosen trains side by side: a heading row of their
// names, then one row per dimension, the overall score, level, verdict and
// the top three recommendations. [row][0] names the row.
func (s *Screen) Comparison() [][]string {
	var idx []int
	for _, id := range s.chosen {
		if i := slices.IndexFunc(s.p.Rows, func(r assessment.PortfolioRow) bool { return r.Train.ID == id }); i >= 0 {
			idx = append(idx, i)
		}
	}
	row := func(name string, f func(i int) string) []string {
		out := []string{name}
		for _, i := range idx {
			out = append(out, f(i))
		}
		return out
	}
	out := [][]string{row("", func(i int) string { return s.p.Rows[i].Train.Name })}
	for d, dim := range s.p.Heatmap.Dimensions {
		out = append(out, row(dim.Title, func(i int) string { return heatText(s.p.Heatmap.Cells[i][d]) }))
	}
	out = append(out,
		row("Overall", func(i int) string { return scoreText(s.p.Rows[i].Results.Overall) }),
		row("Level", func(i int) string { return levelText(s.p.Rows[i]) }),
		row("Verdict", func(i int) string {
			if !s.p.Rows[i].Assessed() {
				return "not assessed"
			}
			return widgets.VerdictText(s.p.Rows[i].Results.Verdict.Kind)
		}),
		row("Change", func(i int) string { return changeText(s.p.Rows[i]) }))
	for n := range 3 {
		out = append(out, row(fmt.Sprintf("Recommendation %d", n+1), func(i int) string {
			top := s.p.Rows[i].Top
			if n >= len(top) {
				return "–"
			}
			return top[n].Action
		}))
	}
	return out
}

// ShowComparison shows the chosen trains side by side.
func (s *Screen) ShowComparison() {
	if len(s.chosen) < 2 {
		return
	}
	rows := s.Comparison()
	cols := len(rows[0])
	// One grid a row, so each row is as tall as its longest text.
	grid := container.NewVBox()
	for r, cells := range rows {
		line := container.NewGridWithColumns(cols)
		grid.Add(line)
		if r > 0 {
			grid.Add(widget.NewSeparator())
		}
		for c, text := range cells {
			var l *widget.Label
			if r == 0 || c == 0 {
				l = widgets.BoldLabel(text)
				l.Wrapping = fyne.TextWrapWord
			} else {
				l = widgets.Wrapped(text)
			}
			line.Add(l)
		}
	}
	open := container.NewHBox()
	for _, id := range s.chosen {
		name := ""
		if i := slices.IndexFunc(s.p.Rows, func(r assessment.PortfolioRow) bool { return r.Train.ID == id }); i >= 0 {
			name = s.p.Rows[i].Train.Name
		}
		open.Add(widget.NewButton("Open "+widgets.TruncateText(name, 24), func() { s.host.Open(host.Train(id)) }))
	}
	d := dialog.NewCustom("Compare", "Close", container.NewBorder(nil, open, nil, nil, container.NewVScroll(grid)), s.host.Window())
	d.Resize(fyne.NewSize(float32(220*cols), 620))
	d.Show()
}
