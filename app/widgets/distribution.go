package widgets

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
)

// DistributionChart draws a revealed item's votes as bars over the levels of
// its scale, with "not applicable" and "don't know" apart on the right (they
// never count toward the median), and the median marked across the bars.
// It is drawn from canvas primitives and takes its text size from the theme
// of where it sits, so the presentation view's large type makes it large.
type DistributionChart struct {
	widget.BaseWidget

	levels []assessment.Level
	spread assessment.Spread
}

func NewDistributionChart() *DistributionChart {
	c := &DistributionChart{}
	c.ExtendBaseWidget(c)
	return c
}

// SetData shows the spread of an item whose scale has the given levels.
func (c *DistributionChart) SetData(levels []assessment.Level, s assessment.Spread) {
	c.levels = append([]assessment.Level(nil), levels...)
	c.spread = s
	c.spread.Counts = append([]int(nil), s.Counts...)
	c.Refresh()
}

func (c *DistributionChart) CreateRenderer() fyne.WidgetRenderer {
	r := &distributionRenderer{chart: c}
	r.rebuild()
	return r
}

// distributionColumn is one bar: a level, or not applicable / don't know.
type distributionColumn struct {
	bar   *canvas.Rectangle
	count *canvas.Text
	key   *canvas.Text // the level's number, N/A or ?
	label *canvas.Text // the level's name, shortened to the column
	name  string
	n     int
	other bool // not applicable or don't know
}

type distributionRenderer struct {
	chart *DistributionChart

	columns    []distributionColumn
	baseline   *canvas.Line
	median     *canvas.Line // above the count of the level it falls on
	medianLow  *canvas.Line // below that count, so the line never crosses it
	medianText *canvas.Text
	objects    []fyne.CanvasObject
}

func (r *distributionRenderer) textSize() float32 {
	return theme.SizeForWidget(theme.SizeNameText, r.chart)
}

func (r *distributionRenderer) rebuild() {
	c := r.chart
	fg := ThemeColor(theme.ColorNameForeground)
	size := r.textSize()
	r.objects = r.objects[:0]
	r.columns = r.columns[:0]
	add := func(key, name string, n int, other bool) {
		col := distributionColumn{name: name, n: n, other: other}
		fill := ThemeColor(ColorNameCurrent)
		if other {
			fill = ThemeColor(theme.ColorNameDisabled)
		}
		col.bar = canvas.NewRectangle(fill)
		col.bar.CornerRadius = 3
		col.count = canvas.NewText(fmt.Sprint(n), fg)
		col.count.TextSize = size
		col.count.TextStyle.Bold = true
		col.count.Alignment = fyne.TextAlignCenter
		col.key = canvas.NewText(key, fg)
		col.key.TextSize = size
		col.key.TextStyle.Bold = true
		col.key.Alignment = fyne.TextAlignCenter
		col.label = canvas.NewText(name, fg)
		col.label.TextSize = size * 0.8
		col.label.Alignment = fyne.TextAlignCenter
		r.columns = append(r.columns, col)
		r.objects = append(r.objects, col.bar, col.count, col.key, col.label)
	}
	for i, l := range c.levels {
		n := 0
		if i < len(c.spread.Counts) {
			n = c.spread.Counts[i]
		}
		add(fmt.Sprint(l.Value), l.Label, n, false)
	}
	if c.spread.NA > 0 || c.spread.DontKnow > 0 {
		add("N/A", "not applicable", c.spread.NA, true)
		add("?", "don't know", c.spread.DontKnow, true)
	}
	r.baseline = canvas.NewLine(ThemeColor(ColorNameGrid))
	r.baseline.StrokeWidth = 1
	r.objects = append(r.objects, r.baseline)

	accent := ThemeColor(ColorNamePrevious)
	r.median = canvas.NewLine(accent)
	r.median.StrokeWidth = 2
	r.medianLow = canvas.NewLine(accent)
	r.medianLow.StrokeWidth = 2
	r.medianText = canvas.NewText("", accent)
	r.medianText.TextSize = size * 0.85
	r.medianText.TextStyle.Bold = true
	if c.spread.Rated() > 0 {
		r.medianText.Text = "median " + MedianText(c.spread.Median)
	} else {
		r.median.Hide()
		r.medianLow.Hide()
		r.medianText.Hide()
	}
	r.objects = append(r.objects, r.median, r.medianLow, r.medianText)
}

func (r *distributionRenderer) Layout(size fyne.Size) {
	n := len(r.columns)
	if n == 0 {
		return
	}
	ts := r.textSize()
	lineH := ts * 1.4
	top := lineH * 1.9    // room for the median's label, clear of the highest count
	bottom := lineH * 2.2 // the level's number and name
	gapOther := ts * 1.2  // between the levels and N/A, don't know
	levels := len(r.chart.levels)
	extra := float32(0)
	if n > levels {
		extra = gapOther
	}
	colW := max((size.Width-extra)/float32(n), 1)
	plotBottom := size.Height - bottom
	plotH := max(plotBottom-top-lineH, 1) // leave a line above the highest bar for its count
	most := 1
	for _, col := range r.columns {
		most = max(most, col.n)
	}
	xOf := func(i int) float32 {
		x := float32(i) * colW
		if i >= levels {
			x += extra
		}
		return x
	}
	barW := min(colW*0.62, ts*5)
	for i, col := range r.columns {
		x := xOf(i)
		h := plotH * float32(col.n) / float32(most)
		col.bar.Resize(fyne.NewSize(barW, h))
		col.bar.Move(fyne.NewPos(x+(colW-barW)/2, plotBottom-h))
		// An empty level shows no bar and no count: the gap says it.
		if col.n == 0 {
			col.bar.Hide()
			col.count.Hide()
		} else {
			col.bar.Show()
			col.count.Show()
		}
		place := func(t *canvas.Text, y float32) {
			t.Resize(fyne.NewSize(colW, t.MinSize().Height))
			t.Move(fyne.NewPos(x, y))
		}
		place(col.count, plotBottom-h-lineH)
		place(col.key, plotBottom+ts*0.3)
		col.label.Text = fitText(col.name, col.label.TextSize, colW-4)
		place(col.label, plotBottom+ts*0.3+lineH)
	}
	r.baseline.Position1 = fyne.NewPos(0, plotBottom)
	r.baseline.Position2 = fyne.NewPos(size.Width, plotBottom)

	if m := r.chart.spread.Median; m > 0 && levels > 0 {
		// Level v sits at the centre of column v-1; a median between two
		// levels sits between their columns.
		x := float32(m-1)*colW + colW/2
		labelBottom := top - lineH*0.6
		r.median.Position1 = fyne.NewPos(x, labelBottom+2)
		r.median.Position2 = fyne.NewPos(x, plotBottom)
		r.medianLow.Hide()
		// A whole median falls on its level's count: break the line there.
		if i := int(m) - 1; float64(i+1) == m && i < len(r.columns) && r.columns[i].n > 0 {
			count := r.columns[i].count
			r.median.Position2 = fyne.NewPos(x, count.Position().Y)
			r.medianLow.Position1 = fyne.NewPos(x, count.Position().Y+count.Size().Height)
			r.medianLow.Position2 = fyne.NewPos(x, plotBottom)
			r.medianLow.Show()
		}
		ms := r.medianText.MinSize()
		r.medianText.Resize(ms)
		r.medianText.Move(fyne.NewPos(min(max(x-ms.Width/2, 0), size.Width-ms.Width), labelBottom-ms.Height))
	}
}

// fitText shortens s with an ellipsis until it fits width at the size.
func fitText(s string, size, width float32) string {
	style := fyne.TextStyle{}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	runes := []rune(s)
	for n := len(runes) - 1; n > 0; n-- {
		t := string(runes[:n]) + "…"
		if fyne.MeasureText(t, size, style).Width <= width {
			return t
		}
	}
	return ""
}

func (r *distributionRenderer) MinSize() fyne.Size {
	ts := r.textSize()
	n := max(len(r.columns), 5)
	return fyne.NewSize(float32(n)*ts*3.6, ts*13)
}

func (r *distributionRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *distributionRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *distributionRenderer) Destroy() {}

// MedianText writes a median of levels: a whole level, or halfway between two.
func MedianText(m float64) string {
	if m == math.Trunc(m) {
		return fmt.Sprintf("%.0f", m)
	}
	return fmt.Sprintf("%.1f", m)
}

// DisagreementWords says in words how divided the room is.
func DisagreementWords(d float64) string {
	switch {
	case d >= assessment.StrongDisagreement:
		return "strong disagreement — discuss"
	case d >= assessment.SomeDisagreement:
		return "some disagreement"
	}
	return "the room agrees"
}

// FlagBadge is the mark on an item the room disagrees strongly about.
func FlagBadge() fyne.CanvasObject {
	return Badge("Strong disagreement — discuss", theme.ColorNameError)
}
