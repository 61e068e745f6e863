package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
)

// What each widget shows, read back by the screens' tests.

// Axes are the radar's spokes, as set.
func (r *RadarChart) Axes() []string { return r.axes }

// Previous are the earlier assessment's scores, nil when there is none.
func (r *RadarChart) Previous() []float64 { return r.previous }

// Labels are the trend's assessments, oldest first.
func (c *TrendChart) Labels() []string { return c.labels }

// Series are the trend's lines.
func (c *TrendChart) Series() []TrendSeries { return c.series }

// Spread is the spread of votes drawn.
func (c *DistributionChart) Spread() assessment.Spread { return c.spread }

// Choices are the picker's rows, in order, to tap.
func (p *RatingPicker) Choices() []fyne.Tappable {
	out := make([]fyne.Tappable, len(p.rows))
	for i, r := range p.rows {
		out[i] = r
	}
	return out
}

// Marked tells whether any row is shown as chosen.
func (p *RatingPicker) Marked() bool {
	for _, r := range p.rows {
		if r.selected {
			return true
		}
	}
	return false
}

// Buttons are the choice's buttons, one per level, in order.
func (c *LevelChoice) Buttons() []*widget.Button { return c.buttons }
