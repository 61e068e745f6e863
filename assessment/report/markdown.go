package report

import (
	"regexp"
	"strings"
)

// The method is written once, as Markdown, by assessment.Method; the report
// draws the same text rather than a second account of the rules. Only the
// Markdown that Method writes is understood: headings, paragraphs, "- "
// lists, pipe tables, and inline bold, italics and code, whose marks are
// dropped.

var (
	mdBold   = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	mdItalic = regexp.MustCompile(`(^|[\s(])\*([^*\s][^*]*?)\*`)
	mdCode   = regexp.MustCompile("`([^`]*)`")
)

// mdInline drops the inline marks, keeping their text.
func mdInline(s string) string {
	s = mdBold.ReplaceAllString(s, "$1")
	s = mdItalic.ReplaceAllString(s, "$1$2")
	s = mdCode.ReplaceAllString(s, "$1")
	return strings.TrimSpace(s)
}

// mdSection is the part of a Markdown text from the line "## from" up to,
// not including, the line "## to" (or the end when to is empty or absent).
func mdSection(md, from, to string) string {
	lines := strings.Split(md, "\n")
	var out []string
	in := false
	for _, l := range lines {
		if strings.TrimSpace(l) == "## "+from {
			in = true
		}
		if in && to != "" && strings.TrimSpace(l) == "## "+to {
			break
		}
		if in {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// markdown draws Markdown as report text: "##" as a sub-heading, deeper
// headings smaller, tables as tables whose header repeats across pages.
func (d *doc) markdown(md string) {
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); {
		l := strings.TrimSpace(lines[i])
		switch {
		case l == "":
			i++
		case strings.HasPrefix(l, "#"):
			level := len(l) - len(strings.TrimLeft(l, "#"))
			title := mdInline(strings.TrimLeft(l, "# "))
			if level <= 2 {
				d.h2(title, 20)
			} else {
				d.h3(title, 12)
			}
			i++
		case strings.HasPrefix(l, "|"):
			var rows [][]string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				row := mdCells(lines[i])
				if isRule(row) {
					continue
				}
				rows = append(rows, row)
			}
			d.mdTable(rows)
		case strings.HasPrefix(l, "- "):
			var items []string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "- "); i++ {
				items = append(items, mdInline(strings.TrimPrefix(strings.TrimSpace(lines[i]), "- ")))
			}
			d.bullets("", sizeBody, items)
		default:
			var para []string
			for ; i < len(lines); i++ {
				t := strings.TrimSpace(lines[i])
				if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "|") || strings.HasPrefix(t, "- ") {
					break
				}
				para = append(para, t)
			}
			d.para("", sizeBody, mdInline(strings.Join(para, " ")))
		}
	}
}

// mdCells splits a pipe-table row into its cells.
func mdCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	cells := strings.Split(line, "|")
	for i, c := range cells {
		cells[i] = mdInline(c)
	}
	return cells
}

// isRule reports whether a table row is the |---|---| line under the header.
func isRule(row []string) bool {
	for _, c := range row {
		if strings.Trim(c, "-: ") != "" {
			return false
		}
	}
	return true
}

// mdTable draws a table whose columns are sized to their content: each at
// least as wide as its longest word, the rest shared out by how much text
// the column holds.
func (d *doc) mdTable(rows [][]string) {
	if len(rows) == 0 {
		return
	}
	const size = 7.5
	n := len(rows[0])
	minW := make([]float64, n)
	weight := make([]float64, n)
	margins := 2 * d.pdf.GetCellMargin()
	for ri, row := range rows {
		style := ""
		if ri == 0 {
			style = "B"
		}
		d.font(style, size)
		for ci := 0; ci < n && ci < len(row); ci++ {
			text := d.g.clean(row[ci])
			for _, w := range strings.Fields(text) {
				minW[ci] = max(minW[ci], d.width(w)+margins+0.5)
			}
			if ri > 0 {
				weight[ci] += float64(len([]rune(text)))
			}
		}
	}
	total := d.contentWidth()
	sumMin, sumWeight := 0.0, 0.0
	for ci := range n {
		minW[ci] = min(minW[ci], total/2)
		sumMin += minW[ci]
		sumWeight += weight[ci]
	}
	cols := make([]column, n)
	for ci := range n {
		w := minW[ci]
		switch {
		case sumMin >= total:
			w = minW[ci] * total / sumMin
		case sumWeight > 0:
			w += (total - sumMin) * weight[ci] / sumWeight
		default:
			w += (total - sumMin) / float64(n)
		}
		cols[ci] = column{title: rows[0][ci], width: w, align: "L"}
	}
	var body [][]cell
	for _, row := range rows[1:] {
		cells := make([]cell, n)
		for ci := 0; ci < n && ci < len(row); ci++ {
			cells[ci] = cell{text: row[ci]}
		}
		body = append(body, cells)
	}
	d.draw(table{cols: cols, size: size}, body)
}
