package report

import (
	"fmt"
	"math"
	"slices"

	"codeberg.org/go-pdf/fpdf"

	"github.com/trainscope/trainscope/assessment"
)

// The charts are drawn as vectors, so they print sharply at any size and
// their labels are text a reader can search and copy.

// radar draws the dimension scores as a polygon on one spoke per dimension,
// with the previous assessment's polygon dashed behind it, inside the box
// (x, y, w, h).
func (d *doc) radar(x, y, w, h float64, cur []assessment.DimensionScore, prev []assessment.DimensionScore, prevLabel string) {
	p := d.pdf
	d.figure(d.radarAlt(cur, prev, prevLabel))
	d.content()
	defer d.end()
	n := len(cur)
	if n < 3 {
		d.font("I", sizeSmall)
		d.color(colMuted)
		d.textAt(x, y+h/2-3, w, 6, "The radar needs at least three dimensions.", "C")
		d.color(colInk)
		return
	}
	prevBy := map[string]assessment.Score{}
	for _, ds := range prev {
		prevBy[ds.DimensionID] = ds.Score
	}
	legendH := 6.0
	labelW := math.Min(34, w*0.26)
	labelH := 9.0
	r := math.Min(w/2-labelW-2, (h-legendH)/2-labelH)
	if r < 10 {
		r = 10
	}
	cx, cy := x+w/2, y+(h-legendH)/2

	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	point := func(i int, v float64) fpdf.PointType {
		a := angle(i)
		return fpdf.PointType{X: cx + r*v/100*math.Cos(a), Y: cy + r*v/100*math.Sin(a)}
	}
	value := func(s assessment.Score) float64 {
		if !s.Known() {
			return 0
		}
		return math.Max(0, math.Min(100, s.Value))
	}

	// The current polygon's fill goes first, so the web stays visible on it.
	var pts []fpdf.PointType
	for i, ds := range cur {
		pts = append(pts, point(i, value(ds.Score)))
	}
	d.fill(colTealLight)
	p.Polygon(pts, "F")

	// The web: rings at every 20 points, a spoke per dimension.
	d.stroke(colRule, 0.2)
	for ring := 20.0; ring <= 100; ring += 20 {
		var rp []fpdf.PointType
		for i := range n {
			rp = append(rp, point(i, ring))
		}
		p.Polygon(rp, "D")
	}
	for i := range n {
		e := point(i, 100)
		p.Line(cx, cy, e.X, e.Y)
	}
	d.font("", 6)
	d.color(colMuted)
	for ring := 20.0; ring <= 100; ring += 20 {
		pt := point(0, ring)
		d.textAt(pt.X+0.5, pt.Y-2.6, 8, 2.6, fmt.Sprintf("%.0f", ring), "L")
	}

	hasPrev := len(prevBy) > 0
	if hasPrev {
		var pp []fpdf.PointType
		for i, ds := range cur {
			pp = append(pp, point(i, value(prevBy[ds.DimensionID])))
		}
		d.stroke(colPrev, 0.45)
		p.SetDashPattern([]float64{1.4, 1.0}, 0)
		p.Polygon(pp, "D")
		p.SetDashPattern([]float64{}, 0)
	}
	d.stroke(colTeal, 0.7)
	p.Polygon(pts, "D")
	d.fill(colTeal)
	for _, pt := range pts {
		p.Circle(pt.X, pt.Y, 0.7, "F")
	}

	// Labels outside the web, placed by the direction of their spoke.
	for i, ds := range cur {
		a := angle(i)
		cos, sin := math.Cos(a), math.Sin(a)
		ax, ay := cx+(r+3)*cos, cy+(r+3)*sin
		score := scoreText(ds.Score)
		if hasPrev {
			if ps, ok := prevBy[ds.DimensionID]; ok && ps.Known() && ds.Score.Known() {
				score += fmt.Sprintf(" (%+.0f)", ds.Score.Value-ps.Value)
			}
		}
		d.font("B", 7)
		title := d.clip(ds.Title, labelW, 2)
		lh := d.lineHeight()
		boxH := float64(len(title)+1) * lh
		align := "C"
		bx := ax - labelW/2
		switch {
		case cos > 0.25:
			align, bx = "L", ax
		case cos < -0.25:
			align, bx = "R", ax-labelW
		}
		by := ay - boxH/2
		switch {
		case sin < -0.5:
			by = ay - boxH
		case sin > 0.5:
			by = ay
		}
		d.color(colInk)
		for j, line := range title {
			p.SetXY(bx, by+float64(j)*lh)
			d.cell(labelW, lh, line, 0, align)
		}
		d.font("", 7)
		d.color(colTeal)
		d.textAt(bx, by+float64(len(title))*lh, labelW, lh, score, align)
	}

	// Legend.
	ly := y + h - legendH + 2
	d.font("", 7)
	d.color(colInk)
	curLabel := "this assessment"
	if l := label(d.a); l != "" {
		curLabel += " (" + l + ")"
	}
	items := []legendItem{{curLabel, colTeal, false}}
	if hasPrev {
		items = append(items, legendItem{"previous (" + prevLabel + ")", colPrev, true})
	}
	d.legendRow(x, ly, w, items)
	d.color(colInk)
	d.stroke(colInk, 0.2)
}

// legendItem is one entry of a chart legend.
type legendItem struct {
	text   string
	colour rgb
	dashed bool
}

// legendRow draws a centred row of line samples and their labels.
func (d *doc) legendRow(x, y, w float64, items []legendItem) {
	p := d.pdf
	d.font("", 7)
	const sample, gap = 6.0, 5.0
	widths := make([]float64, len(items))
	total := 0.0
	for i, it := range items {
		widths[i] = d.width(d.g.clean(it.text)) + 2*p.GetCellMargin()
		total += sample + 1 + widths[i]
	}
	total += gap * float64(len(items)-1)
	lx := x + math.Max(0, (w-total)/2)
	for i, it := range items {
		d.stroke(it.colour, 0.7)
		if it.dashed {
			p.SetDashPattern([]float64{1.4, 1.0}, 0)
		}
		p.Line(lx, y+1.5, lx+sample, y+1.5)
		p.SetDashPattern([]float64{}, 0)
		lx += sample + 1
		ww := math.Min(widths[i], x+w-lx)
		d.color(colInk)
		d.textAt(lx, y, ww, 3, it.text, "L")
		lx += widths[i] + gap
	}
}

// trendPoint is one assessment on the trend chart.
type trendPoint struct {
	label   string
	overall assessment.Score
	lists   map[string]assessment.Score // by checklist ID
	follow  assessment.FollowThrough    // of the PI before; not Known when nothing came along
}

// trendPoints are the earlier assessments and this one, oldest first.
func (d *doc) trendPoints() []trendPoint {
	var pts []trendPoint
	add := func(a *assessment.Assessment, r assessment.Results) {
		tp := trendPoint{label: label(a), overall: r.Overall, lists: map[string]assessment.Score{}, follow: r.FollowThrough}
		for _, cs := range r.Checklists {
			tp.lists[cs.ChecklistID] = cs.Score
		}
		pts = append(pts, tp)
	}
	for _, h := range d.in.History {
		add(h.Assessment, h.Results)
	}
	add(d.a, d.in.Results)
	return pts
}

// colFollow draws the follow-through on the trend, apart from the scores.
var colFollow = colGreen

// followTitle names the follow-through line and column of the trend.
const followTitle = assessment.FollowThroughName + " (%)"

// trendFollows reports whether any point has follow-ups to draw.
func (d *doc) trendFollows(pts []trendPoint) bool {
	return slices.ContainsFunc(pts, func(tp trendPoint) bool { return tp.follow.Known() })
}

// trend draws the overall score and each maturity checklist's score across
// the assessments in the box (x, y, w, h), and the follow-through of each
// where it had follow-ups.
func (d *doc) trend(x, y, w, h float64) {
	p := d.pdf
	d.figure(d.trendAlt())
	d.content()
	defer d.end()
	pts := d.trendPoints()
	type series struct {
		id, title string
		colour    rgb
		width     float64
	}
	ss := []series{{"", "Overall", colNavy, 0.9}}
	for _, cs := range d.in.Results.Checklists {
		if cs.ChecklistID == assessment.ChecklistFit {
			continue // the fit checklist decides the verdict, not maturity
		}
		ss = append(ss, series{cs.ChecklistID, cs.Title, seriesColours[(len(ss)-1)%len(seriesColours)], 0.45})
	}
	score := func(tp trendPoint, s series) assessment.Score {
		if s.id == "" {
			return tp.overall
		}
		return tp.lists[s.id]
	}

	legendRows := 2
	legendH := 4.0 * float64(legendRows)
	left, right, top, bottomPad := 9.0, 4.0, 3.0, 7.0+legendH
	px, py := x+left, y+top
	pw, ph := w-left-right, h-top-bottomPad
	yOf := func(v float64) float64 { return py + ph - ph*math.Max(0, math.Min(100, v))/100 }
	slot := pw / float64(len(pts))
	xOf := func(i int) float64 { return px + slot*(float64(i)+0.5) }

	d.font("", 6.5)
	for v := 0.0; v <= 100; v += 20 {
		d.stroke(colRule, 0.2)
		p.Line(px, yOf(v), px+pw, yOf(v))
		d.color(colMuted)
		d.textAt(x, yOf(v)-1.5, left-1, 3, fmt.Sprintf("%.0f", v), "R")
	}
	for i, tp := range pts {
		d.color(colMuted)
		d.textAt(xOf(i)-slot/2, py+ph+1, slot, 3, tp.label, "C")
	}

	for si := len(ss) - 1; si >= 0; si-- { // overall last, on top
		s := ss[si]
		d.stroke(s.colour, s.width)
		d.fill(s.colour)
		var last *fpdf.PointType
		for i, tp := range pts {
			sc := score(tp, s)
			if !sc.Known() {
				last = nil // a gap, not a line through an unknown
				continue
			}
			pt := fpdf.PointType{X: xOf(i), Y: yOf(sc.Value)}
			if last != nil {
				p.Line(last.X, last.Y, pt.X, pt.Y)
			}
			p.Circle(pt.X, pt.Y, s.width*0.9+0.3, "F")
			last = &pt
		}
	}
	// The follow-through, dashed with square points on the same scale; no
	// point where nothing came along to follow up.
	if d.trendFollows(pts) {
		d.stroke(colFollow, 0.5)
		d.fill(colFollow)
		p.SetDashPattern([]float64{1.2, 0.8}, 0)
		var last *fpdf.PointType
		for i, tp := range pts {
			if !tp.follow.Known() {
				last = nil
				continue
			}
			pt := fpdf.PointType{X: xOf(i), Y: yOf(100 * tp.follow.Rate)}
			if last != nil {
				p.Line(last.X, last.Y, pt.X, pt.Y)
			}
			last = &pt
		}
		p.SetDashPattern([]float64{}, 0)
		for i, tp := range pts {
			if tp.follow.Known() {
				p.Rect(xOf(i)-0.8, yOf(100*tp.follow.Rate)-0.8, 1.6, 1.6, "F")
			}
		}
	}
	// The overall values as numbers above their points.
	d.font("B", 6.5)
	d.color(colNavy)
	d.fill(colWhite)
	for i, tp := range pts {
		if tp.overall.Known() {
			// On a white patch, so the lines under it do not cross the digits.
			label := scoreText(tp.overall)
			lw := p.GetStringWidth(label) + 1
			ly := yOf(tp.overall.Value) - 4.2
			p.Rect(xOf(i)-lw/2, ly+0.2, lw, 2.6, "F")
			d.textAt(xOf(i)-6, ly, 12, 3, label, "C")
		}
	}
	if len(pts) == 1 {
		d.font("I", 7)
		d.color(colMuted)
		d.textAt(px, py+ph/2-8, pw, 4, "The first assessment of this train: the trend starts here.", "C")
	}

	var items []legendItem
	for _, s := range ss {
		items = append(items, legendItem{s.title, s.colour, false})
	}
	if d.trendFollows(pts) {
		items = append(items, legendItem{followTitle, colFollow, true})
	}
	ly := py + ph + 5
	half := (len(items) + 1) / 2
	d.legendRow(x, ly, w, items[:half])
	if len(items) > half {
		d.legendRow(x, ly+4, w, items[half:])
	}
	d.color(colInk)
	d.stroke(colInk, 0.2)
}

// ageBucket is a band of impediment ages on the ageing chart.
type ageBucket struct {
	title   string
	byLevel map[assessment.ImpedimentLevel]int
}

// ageBuckets sorts the open impediments into ages measured in iterations
// and PIs, the rhythm the train lives by.
func (d *doc) ageBuckets() []ageBucket {
	pi := d.piWeeks() * 7
	bs := []ageBucket{
		{title: "up to 2 weeks"},
		{title: fmt.Sprintf(d.words("2 weeks to 1 {pi} (%d days)"), pi)},
		{title: d.words("1 to 2 {pis}")},
		{title: d.words("over 2 {pis}")},
	}
	for i := range bs {
		bs[i].byLevel = map[assessment.ImpedimentLevel]int{}
	}
	for _, imp := range d.a.Register {
		if !imp.Existed(d.a.Date) || !imp.OpenOn(d.a.Date) {
			continue
		}
		age, known := imp.AgeDays(d.a.Date)
		if !known {
			continue // no raised date: counted as open, but of no age
		}
		b := 3
		switch {
		case age <= 14:
			b = 0
		case age <= pi:
			b = 1
		case age <= 2*pi:
			b = 2
		}
		bs[b].byLevel[imp.Level]++
	}
	return bs
}

var levelColours = map[assessment.ImpedimentLevel]rgb{
	assessment.LevelTeam: colTeal,
	assessment.LevelART:  colAmber,
	assessment.LevelLACE: colGapInk,
}

// ageing draws the open impediments by age as bars stacked by level.
func (d *doc) ageing(x, y, w, h float64) {
	p := d.pdf
	d.figure(d.ageingAlt())
	d.content()
	defer d.end()
	bs := d.ageBuckets()
	levels := []assessment.ImpedimentLevel{assessment.LevelTeam, assessment.LevelART, assessment.LevelLACE}
	most := 1
	for _, b := range bs {
		n := 0
		for _, c := range b.byLevel {
			n += c
		}
		most = max(most, n)
	}
	labelW, countW := 42.0, 10.0
	barH := math.Min(6, (h-8)/float64(len(bs))-2)
	maxW := w - labelW - countW
	for i, b := range bs {
		by := y + float64(i)*(barH+2)
		d.font("", 7.5)
		d.color(colInk)
		d.textAt(x, by+barH/2-1.8, labelW, 3.6, b.title, "R")
		bx := x + labelW + 1
		total := 0
		for _, l := range levels {
			c := b.byLevel[l]
			if c == 0 {
				continue
			}
			bw := maxW * float64(c) / float64(most)
			d.fill(levelColours[l])
			p.Rect(bx, by, bw, barH, "F")
			bx += bw
			total += c
		}
		// Levels outside the three known ones still count.
		for l, c := range b.byLevel {
			if _, known := levelColours[l]; !known {
				total += c
			}
		}
		d.font("B", 7.5)
		d.textAt(bx+0.5, by+barH/2-1.8, countW, 3.6, fmt.Sprintf("%d", total), "L")
	}
	var items []legendItem
	for _, l := range levels {
		items = append(items, legendItem{d.levelText(l) + " level", levelColours[l], false})
	}
	d.legendRow(x+labelW, y+float64(len(bs))*(barH+2)+1, w-labelW, items)
	d.stroke(colInk, 0.2)
}
