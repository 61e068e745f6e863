package widgets

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TrendSeries is one line of the trend chart: a score across assessments,
// NaN where that assessment had no known score.
type TrendSeries struct {
	Name   string
	Values []float64
	Color  color.Color
	Bold   bool // the overall score, drawn thicker
	Dashed bool // a rate beside the scores (follow-through): dashed, with square points
}

// TrendChart draws scores PI over PI: one line per series, the assessments
// along the bottom, 0–100 up the side; a dashed series (a rate in percent)
// shares the scale. Drawn from canvas primitives.
type TrendChart struct {
	widget.BaseWidget

	labels []string // one per assessment, oldest first
	series []TrendSeries
}

func NewTrendChart() *TrendChart {
	c := &TrendChart{}
	c.ExtendBaseWidget(c)
	return c
}

// SetData replaces the chart's assessments and lines.
func (c *TrendChart) SetData(labels []string, series []TrendSeries) {
	c.labels = append([]string(nil), labels...)
	c.series = append([]TrendSeries(nil), series...)
	c.Refresh()
}

func (c *TrendChart) CreateRenderer() fyne.WidgetRenderer {
	r := &trendRenderer{chart: c}
	r.rebuild()
	return r
}

type trendRenderer struct {
	chart *TrendChart

	gridLines  []*canvas.Line
	gridLabels []*canvas.Text
	xLabels    []*canvas.Text
	lines      [][]*canvas.Line      // [series][segment], or [series][segment*trendDashes+dash] when dashed
	dots       [][]fyne.CanvasObject // [series][point]: circles, or squares when dashed
	legendText []*canvas.Text
	legendSwat [][]*canvas.Rectangle // one bar, or two short ones when dashed
	empty      *canvas.Text
	objects    []fyne.CanvasObject
}

const (
	trendSteps  = 5 // grid every 20 points
	trendDashes = 9 // dashes per segment of a dashed series
)

func (r *trendRenderer) rebuild() {
	c := r.chart
	fg := ThemeColor(theme.ColorNameForeground)
	grid := ThemeColor(ColorNameGrid)
	small := theme.CaptionTextSize() + 1
	r.objects = r.objects[:0]

	r.gridLines = make([]*canvas.Line, trendSteps+1)
	r.gridLabels = make([]*canvas.Text, trendSteps+1)
	for i := range r.gridLines {
		l := canvas.NewLine(grid)
		l.StrokeWidth = 1
		t := canvas.NewText(fmt.Sprint(i*100/trendSteps), fg)
		t.TextSize = small
		r.gridLines[i], r.gridLabels[i] = l, t
		r.objects = append(r.objects, l, t)
	}
	r.xLabels = make([]*canvas.Text, len(c.labels))
	for i, s := range c.labels {
		t := canvas.NewText(s, fg)
		t.TextSize = small
		r.xLabels[i] = t
		r.objects = append(r.objects, t)
	}
	r.lines = make([][]*canvas.Line, len(c.series))
	r.dots = make([][]fyne.CanvasObject, len(c.series))
	r.legendText = make([]*canvas.Text, len(c.series))
	r.legendSwat = make([][]*canvas.Rectangle, len(c.series))
	for si, s := range c.series {
		width := float32(2)
		if s.Bold {
			width = 3.5
		}
		pieces := 1
		if s.Dashed {
			pieces = trendDashes
		}
		for range max(0, len(c.labels)-1) * pieces {
			l := canvas.NewLine(s.Color)
			l.StrokeWidth = width
			r.lines[si] = append(r.lines[si], l)
			r.objects = append(r.objects, l)
		}
		for range c.labels {
			var d fyne.CanvasObject = canvas.NewCircle(s.Color)
			if s.Dashed {
				d = canvas.NewRectangle(s.Color)
			}
			r.dots[si] = append(r.dots[si], d)
			r.objects = append(r.objects, d)
		}
		swatches := 1
		if s.Dashed {
			swatches = 2
		}
		for range swatches {
			sw := canvas.NewRectangle(s.Color)
			sw.CornerRadius = 2
			r.legendSwat[si] = append(r.legendSwat[si], sw)
			r.objects = append(r.objects, sw)
		}
		t := canvas.NewText(s.Name, fg)
		t.TextSize = small
		t.TextStyle.Bold = s.Bold
		r.legendText[si] = t
		r.objects = append(r.objects, t)
	}
	r.empty = nil
	if len(c.labels) == 0 {
		r.empty = canvas.NewText("No assessments yet", fg)
		r.objects = append(r.objects, r.empty)
	}
}

func (r *trendRenderer) Layout(size fyne.Size) {
	c := r.chart
	const left, right, top = 36, 16, 10
	legendH := float32(0)
	// The legend runs along the bottom, wrapping when it must.
	x, y := float32(left), float32(0)
	rowH := float32(0)
	type placed struct{ x, y float32 }
	pos := make([]placed, len(c.series))
	for i, t := range r.legendText {
		w := 14 + 6 + t.MinSize().Width + 18
		if x+w > size.Width-right && x > left {
			x = left
			y += rowH + 4
		}
		pos[i] = placed{x, y}
		x += w
		rowH = max(rowH, t.MinSize().Height)
	}
	if len(r.legendText) > 0 {
		legendH = y + rowH + 6
	}
	xLabelH := float32(22)
	plotTop := float32(top)
	plotBottom := size.Height - legendH - xLabelH
	plotH := max(plotBottom-plotTop, 10)
	plotW := max(size.Width-left-right, 10)

	for i, l := range r.gridLines {
		yy := plotBottom - plotH*float32(i)/trendSteps
		l.Position1 = fyne.NewPos(left, yy)
		l.Position2 = fyne.NewPos(left+plotW, yy)
		t := r.gridLabels[i]
		ts := t.MinSize()
		t.Resize(ts)
		t.Move(fyne.NewPos(left-6-ts.Width, yy-ts.Height/2))
	}

	n := len(c.labels)
	xAt := func(i int) float32 {
		if n == 1 {
			return left + plotW/2
		}
		return left + 40 + (plotW-80)*float32(i)/float32(n-1)
	}
	yAt := func(v float64) float32 {
		return plotBottom - plotH*float32(math.Max(0, math.Min(100, v))/100)
	}
	for i, t := range r.xLabels {
		ts := t.MinSize()
		t.Resize(ts)
		t.Move(fyne.NewPos(xAt(i)-ts.Width/2, plotBottom+4))
	}
	for si, s := range c.series {
		for i, d := range r.dots[si] {
			v := valueAt(s.Values, i)
			if math.IsNaN(v) {
				d.Hide()
				continue
			}
			d.Show()
			const dot = 8
			d.Resize(fyne.NewSize(dot, dot))
			d.Move(fyne.NewPos(xAt(i)-dot/2, yAt(v)-dot/2))
		}
		pieces := 1
		if s.Dashed {
			pieces = trendDashes
		}
		for k, l := range r.lines[si] {
			i, dash := k/pieces, k%pieces
			a, b := valueAt(s.Values, i), valueAt(s.Values, i+1)
			if math.IsNaN(a) || math.IsNaN(b) {
				l.Hide()
				continue
			}
			l.Show()
			from, to := fyne.NewPos(xAt(i), yAt(a)), fyne.NewPos(xAt(i+1), yAt(b))
			if s.Dashed {
				// Each dash covers the first 60% of its share of the segment.
				at := func(f float32) fyne.Position {
					return fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f)
				}
				n := float32(pieces)
				from, to = at(float32(dash)/n), at((float32(dash)+0.6)/n)
			}
			l.Position1, l.Position2 = from, to
		}
		p := pos[si]
		yy := plotBottom + xLabelH + p.y
		th := r.legendText[si].MinSize()
		sws := r.legendSwat[si]
		sw := float32(14-2*(len(sws)-1)) / float32(len(sws)) // two dashes with a gap, or one bar
		for k, rect := range sws {
			rect.Resize(fyne.NewSize(sw, 4))
			rect.Move(fyne.NewPos(p.x+float32(k)*(sw+2), yy+th.Height/2-2))
		}
		r.legendText[si].Resize(th)
		r.legendText[si].Move(fyne.NewPos(p.x+20, yy))
	}
	if r.empty != nil {
		es := r.empty.MinSize()
		r.empty.Resize(es)
		r.empty.Move(fyne.NewPos((size.Width-es.Width)/2, (plotBottom-es.Height)/2))
	}
}

func (r *trendRenderer) MinSize() fyne.Size { return fyne.NewSize(360, 260) }

func (r *trendRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *trendRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *trendRenderer) Destroy() {}
