package widgets

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// RadarChart draws the dimension scores of an assessment as a radar, one
// spoke per dimension, with the previous assessment's scores overlaid as an
// outline. It is drawn from canvas primitives so it follows the theme and
// scales with the window. A dimension without a known score sits at the
// centre and is labelled "–".
type RadarChart struct {
	widget.BaseWidget

	axes     []string
	current  []float64 // 0–100; NaN where not known
	previous []float64 // nil when there is no earlier assessment
}

// maxRadarAxes is what canvas.ArbitraryPolygon can draw; more dimensions
// than that are not shown as a filled area.
const maxRadarAxes = 16

func NewRadarChart() *RadarChart {
	r := &RadarChart{}
	r.ExtendBaseWidget(r)
	return r
}

// SetData replaces what the chart shows. previous may be nil.
func (r *RadarChart) SetData(axes []string, current, previous []float64) {
	r.axes = append([]string(nil), axes...)
	r.current = append([]float64(nil), current...)
	if previous != nil {
		r.previous = append([]float64(nil), previous...)
	} else {
		r.previous = nil
	}
	r.Refresh()
}

func (r *RadarChart) CreateRenderer() fyne.WidgetRenderer {
	rr := &radarRenderer{chart: r}
	rr.rebuild()
	return rr
}

type radarRenderer struct {
	chart *RadarChart

	rings    [][]*canvas.Line // [ring][side]
	spokes   []*canvas.Line
	titles   [][]*canvas.Text // [axis][line]
	values   []*canvas.Text
	prevArea *canvas.ArbitraryPolygon
	curArea  *canvas.ArbitraryPolygon
	dots     []*canvas.Circle
	objects  []fyne.CanvasObject
}

const radarRings = 5 // 20, 40, 60, 80, 100

func (rr *radarRenderer) rebuild() {
	c := rr.chart
	n := len(c.axes)
	grid := ThemeColor(ColorNameGrid)
	fg := ThemeColor(theme.ColorNameForeground)
	cur := ThemeColor(ColorNameCurrent)
	prev := ThemeColor(ColorNamePrevious)
	textSize := theme.CaptionTextSize() + 1

	rr.objects = rr.objects[:0]
	rr.rings = make([][]*canvas.Line, radarRings)
	for i := range rr.rings {
		rr.rings[i] = make([]*canvas.Line, n)
		for j := range n {
			l := canvas.NewLine(grid)
			l.StrokeWidth = 1
			rr.rings[i][j] = l
			rr.objects = append(rr.objects, l)
		}
	}
	rr.spokes = make([]*canvas.Line, n)
	for i := range n {
		l := canvas.NewLine(grid)
		l.StrokeWidth = 1
		rr.spokes[i] = l
		rr.objects = append(rr.objects, l)
	}

	rr.prevArea, rr.curArea = nil, nil
	if n >= 3 && n <= maxRadarAxes {
		if c.previous != nil {
			rr.prevArea = &canvas.ArbitraryPolygon{FillColor: color.Transparent, StrokeColor: prev, StrokeWidth: 2}
			rr.objects = append(rr.objects, rr.prevArea)
		}
		rr.curArea = &canvas.ArbitraryPolygon{FillColor: WithAlpha(cur, 0x50), StrokeColor: cur, StrokeWidth: 2}
		rr.objects = append(rr.objects, rr.curArea)
	}

	rr.dots = make([]*canvas.Circle, n)
	for i := range n {
		d := canvas.NewCircle(cur)
		rr.dots[i] = d
		rr.objects = append(rr.objects, d)
	}

	rr.titles = make([][]*canvas.Text, n)
	rr.values = make([]*canvas.Text, n)
	for i, axis := range c.axes {
		for _, line := range WrapWords(axis, 18, 2) {
			t := canvas.NewText(line, fg)
			t.TextSize = textSize
			rr.titles[i] = append(rr.titles[i], t)
			rr.objects = append(rr.objects, t)
		}
		v := canvas.NewText(radarValueText(c, i), fg)
		v.TextSize = textSize
		v.TextStyle = fyne.TextStyle{Bold: true}
		rr.values[i] = v
		rr.objects = append(rr.objects, v)
	}
}

// radarValueText is the label under a dimension's name: the score, and the
// change since the previous assessment when both are known.
func radarValueText(c *RadarChart, i int) string {
	v := valueAt(c.current, i)
	if math.IsNaN(v) {
		return "–"
	}
	s := fmt.Sprintf("%.0f", v)
	if p := valueAt(c.previous, i); !math.IsNaN(p) {
		d := math.Round(v) - math.Round(p)
		switch {
		case d > 0:
			s += fmt.Sprintf(" (+%.0f)", d)
		case d < 0:
			s += fmt.Sprintf(" (%.0f)", d)
		default:
			s += " (±0)"
		}
	}
	return s
}

func valueAt(vs []float64, i int) float64 {
	if i >= len(vs) {
		return math.NaN()
	}
	return vs[i]
}

// radarGeometry is where the chart's centre is and how long a spoke is.
func radarGeometry(size fyne.Size) (cx, cy, radius float32) {
	const labelW, labelH = 118, 40
	cx, cy = size.Width/2, size.Height/2
	radius = min(size.Width/2-labelW, size.Height/2-labelH)
	if radius < 20 {
		radius = 20
	}
	return cx, cy, radius
}

// spokePoint is the point at share (0–1) of the way out along spoke i of n,
// the first spoke pointing up and the rest following clockwise.
func spokePoint(cx, cy, radius float32, i, n int, share float64) fyne.Position {
	angle := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
	return fyne.NewPos(cx+float32(math.Cos(angle)*share)*radius, cy+float32(math.Sin(angle)*share)*radius)
}

func (rr *radarRenderer) Layout(size fyne.Size) {
	c := rr.chart
	n := len(c.axes)
	if n == 0 {
		return
	}
	cx, cy, radius := radarGeometry(size)
	for ring := range radarRings {
		share := float64(ring+1) / radarRings
		for j := range n {
			a := spokePoint(cx, cy, radius, j, n, share)
			b := spokePoint(cx, cy, radius, (j+1)%n, n, share)
			l := rr.rings[ring][j]
			l.Position1, l.Position2 = a, b
		}
	}
	for i, l := range rr.spokes {
		l.Position1 = fyne.NewPos(cx, cy)
		l.Position2 = spokePoint(cx, cy, radius, i, n, 1)
	}

	points := func(vs []float64) []fyne.Position {
		ps := make([]fyne.Position, n)
		for i := range n {
			v := valueAt(vs, i)
			if math.IsNaN(v) {
				v = 0
			}
			// Never quite at the centre: the GL polygon shader cannot draw
			// two corners in one place.
			ps[i] = spokePoint(cx, cy, radius, i, n, math.Max(0.03, math.Min(100, v)/100))
		}
		return ps
	}
	cur := points(c.current)
	if rr.curArea != nil {
		rr.curArea.Move(fyne.NewPos(0, 0))
		rr.curArea.Resize(size)
		rr.curArea.Points = cur
		rr.curArea.Refresh()
	}
	if rr.prevArea != nil {
		rr.prevArea.Move(fyne.NewPos(0, 0))
		rr.prevArea.Resize(size)
		rr.prevArea.Points = points(c.previous)
		rr.prevArea.Refresh()
	}
	const dot = 7
	for i, d := range rr.dots {
		d.Resize(fyne.NewSize(dot, dot))
		d.Move(cur[i].SubtractXY(dot/2, dot/2))
	}

	for i := range n {
		anchor := spokePoint(cx, cy, radius+8, i, n, 1)
		lines := append(append([]*canvas.Text(nil), rr.titles[i]...), rr.values[i])
		var blockH float32
		for _, t := range lines {
			blockH += t.MinSize().Height
		}
		angle := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		cos, sin := math.Cos(angle), math.Sin(angle)
		y := anchor.Y - blockH/2
		switch {
		case sin < -0.35:
			y = anchor.Y - blockH
		case sin > 0.35:
			y = anchor.Y
		}
		for _, t := range lines {
			ts := t.MinSize()
			x := anchor.X - ts.Width/2
			switch {
			case cos > 0.2:
				x = anchor.X
			case cos < -0.2:
				x = anchor.X - ts.Width
			}
			t.Move(fyne.NewPos(x, y))
			t.Resize(ts)
			y += ts.Height
		}
	}
}

func (rr *radarRenderer) MinSize() fyne.Size { return fyne.NewSize(380, 300) }

func (rr *radarRenderer) Refresh() {
	rr.rebuild()
	rr.Layout(rr.chart.Size())
	canvas.Refresh(rr.chart)
}

func (rr *radarRenderer) Objects() []fyne.CanvasObject { return rr.objects }

func (rr *radarRenderer) Destroy() {}

// WrapWords splits s into at most maxLines lines of about width runes,
// breaking at spaces; the last line ends in an ellipsis when s is longer.
func WrapWords(s string, width, maxLines int) []string {
	words := strings.Fields(s)
	var lines []string
	var cur string
	for i, w := range words {
		switch {
		case cur == "":
			cur = w
		case len([]rune(cur))+1+len([]rune(w)) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
			if len(lines) == maxLines-1 {
				rest := strings.Join(words[i:], " ")
				if len([]rune(rest)) > width {
					rest = string([]rune(rest)[:width-1]) + "…"
				}
				return append(lines, rest)
			}
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
