package report

import (
	"math"
	"strings"
)

// Text sizes in points.
const (
	sizeTitle = 24.0
	sizeH1    = 16.0
	sizeH2    = 12.0
	sizeH3    = 10.0
	sizeBody  = 9.5
	sizeList  = 9.0
	sizeSmall = 8.0
	sizeTable = 8.0
)

// h1 is a part's title, also put in the PDF's outline so a reader can jump
// to it.
func (d *doc) h1(title string) {
	p := d.pdf
	p.Bookmark(restore(d.g.clean(title)), 0, -1)
	d.font("B", sizeH1)
	d.color(colNavy)
	d.begin("H1")
	d.lines(title, d.contentWidth(), "L")
	d.end()
	d.stroke(colNavy, 0.5)
	y := p.GetY() + 1
	d.artifact()
	p.Line(marginSide, y, marginSide+d.contentWidth(), y)
	p.SetY(y + 4)
	d.color(colInk)
}

// h2 is a sub-heading, kept on the same page as at least keep millimetres
// of what follows it.
func (d *doc) h2(title string, keep float64) {
	d.font("B", sizeH2)
	d.need(d.lineHeight() + 2 + keep)
	d.pdf.Bookmark(restore(d.g.clean(title)), 1, -1)
	d.pdf.Ln(1.5)
	d.color(colNavy)
	d.begin("H2")
	d.lines(title, d.contentWidth(), "L")
	d.end()
	d.pdf.Ln(1)
	d.color(colInk)
}

// h3 is a small bold heading inside a sub-section.
func (d *doc) h3(title string, keep float64) {
	d.font("B", sizeH3)
	d.need(d.lineHeight() + 1 + keep)
	d.pdf.Ln(1)
	d.begin("H3")
	d.lines(title, d.contentWidth(), "L")
	d.end()
	d.pdf.Ln(0.5)
}

// para writes a paragraph at the left margin, across the page.
func (d *doc) para(style string, size float64, s string) {
	d.font(style, size)
	d.begin("P")
	d.lines(s, d.contentWidth(), "L")
	d.end()
	d.pdf.Ln(1.5)
}

// lines wraps text to the width w at the current x and font, breaking the
// page between lines when it must. Every line is measured before it is drawn,
// so none can run past the margin or the foot of the page.
// A paragraph in a right-to-left script is set flush right.
func (d *doc) lines(s string, w float64, align string) {
	p := d.pdf
	x := p.GetX()
	lh := d.lineHeight()
	s = d.g.clean(s)
	if align == "L" && rightToLeft(s) {
		align = "R"
	}
	for _, line := range d.split(s, w) {
		if p.GetY()+lh > d.bottom() {
			d.newPage()
		}
		p.SetX(x)
		d.cell(w, lh, line, 2, align)
	}
}

// bullets writes a list, each item wrapped with a hanging indent.
func (d *doc) bullets(style string, size float64, items []string) {
	p := d.pdf
	indent := 4.5
	d.begin("L")
	defer d.end()
	for _, it := range items {
		d.font(style, size)
		lh := d.lineHeight()
		lines := d.split(d.g.clean(it), d.contentWidth()-indent)
		d.need(lh * math.Min(2, float64(len(lines))))
		y := p.GetY()
		d.font("", size)
		p.SetXY(marginSide, y)
		d.begin("LI")
		d.begin("Lbl")
		d.cell(indent, lh, "•", 0, "C")
		d.end()
		d.font(style, size)
		d.begin("LBody")
		for _, line := range lines {
			if p.GetY()+lh > d.bottom() {
				d.newPage()
			}
			p.SetX(marginSide + indent)
			d.cell(d.contentWidth()-indent, lh, line, 2, "L")
		}
		d.end()
		d.end()
		p.Ln(0.6)
	}
	p.Ln(1)
}

// column of a table: its title, its share of the width, its alignment.
type column struct {
	title string
	width float64 // millimetres
	align string  // "L", "C" or "R"
}

// cell of a table: a main text and an optional second paragraph below it in
// italics (an action under a finding, a note under an item).
type cell struct {
	text  string
	style string // "", "B", "I", "BI"
	sub   string
	ink   *rgb // text colour; nil is the usual ink
	fill  *rgb // background; nil is the row's stripe
	// chart, when set, draws a small figure in the top chartLines lines of
	// the cell, above its text, in the box it is given.
	chart      func(x, y, w, h float64)
	chartLines int
	alt        string // what the chart shows, in words, for a screen reader
	// part, when set, makes the cell a link to the part of the full report
	// with that title.
	part string
}

// table is a table with a header row that repeats on every page it spans.
type table struct {
	cols  []column
	size  float64 // font size, points
	plain bool    // no stripes
}

// scaleColumns stretches the columns to fill the width w, keeping their
// proportions.
func scaleColumns(cols []column, w float64) []column {
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	out := make([]column, len(cols))
	for i, c := range cols {
		c.width = c.width * w / total
		out[i] = c
	}
	return out
}

// cellLines is a cell measured at its column's width: the lines its chart
// takes, then its text.
type cellLines struct {
	chart     int
	main, sub []string
}

func (c cellLines) count() int { return c.chart + len(c.main) + len(c.sub) }

const cellPadY = 1.2

// draw draws the table from the current position. Each row is measured
// first (every cell split into lines at its width), then drawn where it fits:
// on this page, on the next one under a repeated header, or, when a single
// row is taller than a page, cut between lines across pages.
func (d *doc) draw(t table, rows [][]cell) {
	p := d.pdf
	size := t.size
	if size == 0 {
		size = sizeTable
	}
	d.font("", size)
	lh := d.lineHeight()
	headerH := d.measureHeader(t, size)
	measured := make([][]cellLines, len(rows))
	heights := make([]int, len(rows)) // in lines
	for ri, row := range rows {
		measured[ri], heights[ri] = d.measureRow(t, row, size)
	}
	// The header never stands alone at the foot of a page: the table starts
	// where the header and its first row fit, or a good part of that row
	// when it is taller than a page.
	first := 3
	if len(rows) > 0 {
		first = min(heights[0], max(3, d.linesPerPage(headerH, lh)))
	}
	d.need(headerH + float64(first)*lh + 2*cellPadY)
	d.begin("Table")
	defer d.end()
	d.drawHeader(t, size, false)
	tags := make([]rowTags, len(rows))
	for ri, row := range rows {
		most := heights[ri]
		stripe := !t.plain && ri%2 == 1
		fresh := false // just moved to a new page: no point in moving again
		for start := 0; start < most; {
			rest := most - start
			fit := int((d.bottom() - p.GetY() - 2*cellPadY) / lh)
			if rest > fit && !fresh && (fit < 2 || rest <= d.linesPerPage(headerH, lh)) {
				// Not enough room here: move the row (or its rest) to a
				// new page under the header, unless it could never fit on
				// one page anyway and a good part of it fits here.
				d.newPage()
				d.drawHeader(t, size, true)
				fresh = true
				continue
			}
			n := max(1, min(fit, rest))
			d.drawRow(t, row, measured[ri], &tags[ri], start, n, size, lh, stripe)
			start += n
			fresh = false
		}
	}
	p.Ln(2)
}

// measureRow splits every cell of a row into lines at its column's width
// and returns them with the row's height in lines.
func (d *doc) measureRow(t table, row []cell, size float64) ([]cellLines, int) {
	measured := make([]cellLines, len(t.cols))
	most := 1
	for ci := range t.cols {
		var c cell
		if ci < len(row) {
			c = row[ci]
		}
		w := t.cols[ci].width
		d.font(c.style, size)
		m := cellLines{main: d.split(d.g.clean(c.text), w)}
		if c.chart != nil {
			m.chart = c.chartLines
			if c.text == "" {
				m.main = nil
			}
		}
		if c.sub != "" {
			d.font("I", size)
			m.sub = d.split(d.g.clean(c.sub), w)
		}
		measured[ci] = m
		most = max(most, m.count())
	}
	return measured, most
}

// topOfBody is where content starts on a page, below the running header.
func (d *doc) topOfBody() float64 { return marginTop }

// linesPerPage is how many table lines fit on an empty page under the header.
func (d *doc) linesPerPage(headerH, lh float64) int {
	return int((d.bottom() - d.topOfBody() - headerH - 2*cellPadY) / lh)
}

func (d *doc) measureHeader(t table, size float64) float64 {
	d.font("B", size)
	most := 1
	for _, c := range t.cols {
		most = max(most, len(d.split(d.g.clean(c.title), c.width)))
	}
	return float64(most)*d.lineHeight() + 2*cellPadY
}

// drawHeader draws the header row of a table; repeated on a later page it
// is an artifact, since a reader has it from the first page.
func (d *doc) drawHeader(t table, size float64, repeated bool) {
	if repeated {
		d.asArtifact(func() { d.drawHeader(t, size, false) })
		return
	}
	p := d.pdf
	h := d.measureHeader(t, size)
	d.font("B", size)
	lh := d.lineHeight()
	x, y := marginSide, p.GetY()
	d.fill(colNavy)
	width := 0.0
	for _, c := range t.cols {
		width += c.width
	}
	d.artifact()
	p.Rect(x, y, width, h, "F")
	d.color(colWhite)
	d.begin("TR")
	for _, c := range t.cols {
		d.begin("TH").scope = "Column"
		for i, line := range d.split(d.g.clean(c.title), c.width) {
			p.SetXY(x, y+cellPadY+float64(i)*lh)
			d.cell(c.width, lh, line, 0, c.align)
		}
		d.end()
		x += c.width
	}
	d.end()
	d.color(colInk)
	p.SetXY(marginSide, y+h)
}

// rowTags are a table row's structure elements, kept while the row is
// drawn, since a tall row continues on the next page.
type rowTags struct {
	tr    *structElem
	cells []*structElem
}

// drawRow draws lines [start, start+n) of every cell of a measured row.
func (d *doc) drawRow(t table, row []cell, measured []cellLines, tags *rowTags, start, n int, size, lh float64, stripe bool) {
	p := d.pdf
	x, y := marginSide, p.GetY()
	h := float64(n)*lh + 2*cellPadY
	width := 0.0
	for _, c := range t.cols {
		width += c.width
	}
	if stripe {
		d.fill(colStripe)
		d.artifact()
		p.Rect(x, y, width, h, "F")
	}
	if tags.tr == nil {
		tags.tr = d.begin("TR")
		tags.cells = make([]*structElem, len(t.cols))
	} else {
		d.enter(tags.tr)
	}
	for ci, col := range t.cols {
		var c cell
		if ci < len(row) {
			c = row[ci]
		}
		if tags.cells[ci] == nil {
			tags.cells[ci] = d.begin("TD")
		} else {
			d.enter(tags.cells[ci])
		}
		if c.fill != nil {
			d.fill(*c.fill)
			d.artifact()
			p.Rect(x, y, col.width, h, "F")
		}
		ink := colInk
		if c.ink != nil {
			ink = *c.ink
		}
		d.color(ink)
		m := measured[ci]
		linked := c.part != "" && d.linkToPart(c.part, x, y, col.width, h)
		if c.chart != nil && start < m.chart {
			// A row with a chart is a few lines tall and never split, so
			// the chart is whole on its first page.
			d.figure(c.alt)
			d.content()
			c.chart(x, y+cellPadY, col.width, float64(min(m.chart, start+n)-start)*lh)
			d.end()
			d.color(ink)
		}
		for i := max(start, m.chart); i < start+n && i < m.count(); i++ {
			line, style := "", c.style
			if j := i - m.chart; j < len(m.main) {
				line = m.main[j]
			} else {
				line, style = m.sub[j-len(m.main)], "I"
				if ink == colInk {
					d.color(colMuted)
				}
			}
			d.font(style, size)
			p.SetXY(x, y+cellPadY+float64(i-start)*lh)
			d.cell(col.width, lh, line, 0, col.align)
		}
		if linked {
			d.end()
		}
		d.end()
		x += col.width
	}
	d.end()
	d.color(colInk)
	d.stroke(colRule, 0.15)
	d.artifact()
	p.Line(marginSide, y+h, marginSide+width, y+h)
	p.SetXY(marginSide, y+h)
}

// keyValues draws pairs as a two-column table without a header, for
// figures and facts.
func (d *doc) keyValues(pairs [][2]string, keyWidth float64) {
	p := d.pdf
	d.font("", sizeBody)
	lh := d.lineHeight()
	w := d.contentWidth()
	d.begin("Table")
	for _, kv := range pairs {
		d.font("B", sizeBody)
		k := d.split(d.g.clean(kv[0]), keyWidth)
		d.font("", sizeBody)
		v := d.split(d.g.clean(kv[1]), w-keyWidth)
		n := max(len(k), len(v))
		d.need(float64(n)*lh + 1)
		y := p.GetY()
		d.font("B", sizeBody)
		d.begin("TR")
		d.begin("TH").scope = "Row"
		for i, line := range k {
			p.SetXY(marginSide, y+float64(i)*lh)
			d.cell(keyWidth, lh, line, 0, "L")
		}
		d.end()
		d.font("", sizeBody)
		d.begin("TD")
		for i, line := range v {
			p.SetXY(marginSide+keyWidth, y+float64(i)*lh)
			d.cell(w-keyWidth, lh, line, 0, "L")
		}
		d.end()
		d.end()
		p.SetXY(marginSide, y+float64(n)*lh+0.8)
	}
	d.end()
	p.Ln(1.5)
}

// clip shortens clean text to at most n wrapped lines of width w at the
// current font, ending with an ellipsis when it cut. The summary uses it
// where space is fixed; the full report never cuts.
func (d *doc) clip(s string, w float64, n int) []string {
	lines := d.split(d.g.clean(s), w)
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	lines[n-1] = d.fit(strings.TrimRight(lines[n-1], " ")+" …", w)
	if !strings.HasSuffix(lines[n-1], "…") {
		lines[n-1] += "…"
	}
	return lines
}
