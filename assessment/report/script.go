package report

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"

	"github.com/trainscope/trainscope/assets"
)

// This file lets text in any script through the layout: each character is
// drawn in the first embedded face that has it (see fontTable), text is
// measured and wrapped with the widths of those faces, right-to-left runs
// are put in visual order line by line, and Arabic letters take their
// joining forms.
//
// Text the Go fonts cover entirely takes the old path through the PDF
// writer's own SplitText and CellFormat, so such a report is byte for byte
// what it was.

// registerFallbacks adds the fallback families to the PDF writer the first
// time a line needs them: parsing 8 MB of fonts would otherwise slow every
// report down, and a report in the Go fonts alone stays as it was. Only the
// glyphs a report uses are embedded in the file.
func registerFallbacks(d *doc) {
	if d.fallbacksAdded {
		return
	}
	d.fallbacksAdded = true
	for _, f := range fallbacks {
		d.pdf.AddUTF8FontFromBytes(f.family, "", f.regular)
		if f.bold != nil {
			d.pdf.AddUTF8FontFromBytes(f.family, "B", f.bold)
		}
	}
}

// faceFont is the family and style that draw face k in the given style.
func faceFont(k uint8, style string) (string, string) {
	if k == faceGo || k == faceNone {
		return family, style
	}
	f := fallbacks[k-faceFallback]
	if f.bold != nil && strings.Contains(style, "B") {
		return f.family, "B"
	}
	return f.family, ""
}

// bold reports whether the current font is a bold face.
func (d *doc) bold() bool { return strings.Contains(d.pdf.GetFontStyle(), "B") }

// units is the width of r in thousandths of the font size at the current
// style, in the face that draws it.
func (d *doc) units(r rune, bold bool) int {
	if r > 0xFFFF || r == markOpen || r == markName || r == markClose {
		return 0 // inside a group of named characters: only the name shows
	}
	if r <= 0xFFFF {
		if k := d.g.table.face[r]; k >= faceFallback {
			if bold {
				return int(d.g.table.width[1][r])
			}
			return int(d.g.table.width[0][r])
		}
	}
	return d.pdf.GetStringSymbolWidth(string(r))
}

// width is the width of clean text at the current font, every character
// measured in the face that draws it.
func (d *doc) width(s string) float64 {
	if d.g.plain(s) {
		return d.pdf.GetStringWidth(s)
	}
	_, size := d.pdf.GetFontSize()
	bold, n := d.bold(), 0
	for _, r := range s {
		n += d.units(r, bold)
	}
	return float64(n) * size / 1000
}

// breakable reports whether a line may break after r even without a space:
// Chinese and Japanese are written without spaces between words.
func breakable(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// wrap is the PDF writer's SplitText with every character measured in the
// face that draws it. Lines are in logical order; draw reorders each line
// for display, so right-to-left text wraps the way it reads.
func (d *doc) wrap(txt string, w float64) []string {
	_, size := d.pdf.GetFontSize()
	wmax := int(math.Ceil((w - 2*d.pdf.GetCellMargin()) * 1000 / size))
	bold := d.bold()
	s := []rune(strings.TrimRight(txt, "\n"))
	var lines []string
	sep, i, j, l := -1, 0, 0, 0
	for i < len(s) {
		c := s[i]
		l += d.units(c, bold)
		if unicode.IsSpace(c) || breakable(c) {
			sep = i
		}
		if c == '\n' || l > wmax {
			if sep == -1 {
				if i == j {
					i++
				}
				sep = i
			} else {
				i = sep + 1
				if !unicode.IsSpace(s[sep]) { // a break after an ideograph keeps it
					sep++
				}
			}
			lines = append(lines, string(s[j:sep]))
			sep, j, l = -1, i, 0
		} else {
			i++
		}
	}
	if i != j {
		lines = append(lines, string(s[j:i]))
	}
	return lines
}

// cell draws one clean line like the PDF writer's CellFormat without border
// or fill: ln 0 moves right of the cell, anything else below it. A line
// with characters the Go fonts lack is put in visual order and drawn run by
// run, each in its face.
func (d *doc) cell(w, h float64, s string, ln int, align string) {
	p := d.pdf
	if s != "" {
		// The writer would break the page inside CellFormat, after the
		// marked content was opened on this one: break it here instead.
		if d.t.artifacts == 0 && p.GetY()+h > d.bottom() {
			x := p.GetX()
			d.newPage()
			p.SetX(x)
		}
		d.content()
	}
	if strings.ContainsAny(s, marks) {
		d.namedCell(w, h, s, ln, align)
		return
	}
	// A trailing space (see keepBreaks) is for the text layer only: right
	// or centred text is placed as if it were not there.
	trimmed := strings.TrimRight(s, " ")
	if d.g.plain(s) {
		if trimmed != s && trimmed != "" && (strings.Contains(align, "R") || strings.Contains(align, "C")) {
			x0, y0 := p.GetXY()
			sw := d.width(s) - d.width(trimmed)
			p.CellFormat(w+sw, h, s, "", ln, align, false, 0, "")
			if ln == 0 {
				p.SetXY(x0+w, y0)
			}
			return
		}
		p.CellFormat(w, h, s, "", ln, align, false, 0, "")
		return
	}
	x0, y := p.GetXY()
	cm := p.GetCellMargin()
	tw := d.width(trimmed)
	x := x0 + cm
	switch {
	case strings.Contains(align, "R"):
		x = x0 + w - cm - tw
	case strings.Contains(align, "C"):
		x = x0 + (w-tw)/2
	}
	registerFallbacks(d)
	style := p.GetFontStyle()
	pt, size := p.GetFontSize()
	bold := strings.Contains(style, "B")
	p.SetCellMargin(0)
	for i, run := range d.runs(visual(s)) {
		fam, st := faceFont(run.face, style)
		p.SetFont(fam, st, pt)
		for j, pc := range unshapedPieces(run.text) {
			n := 0
			for _, r := range pc.text {
				n += d.units(r, bold)
			}
			rw := float64(n) * size / 1000
			p.SetXY(x, y)
			if pc.named {
				p.RawWriteStr("/Span <</ActualText " + pdfText(pc.actual) + ">> BDC")
			}
			p.CellFormat(rw, h, pc.text, "", 0, "L", false, 0, "")
			if pc.named {
				p.RawWriteStr("EMC")
			}
			if i == 0 && j == 0 {
				y = p.GetY() // the writer may have started a new page
			}
			x += rw
		}
	}
	p.SetCellMargin(cm)
	p.SetFont(family, style, pt)
	switch ln {
	case 0:
		p.SetXY(x0+w, y)
	case 1:
		p.SetXY(p.GetX(), y+h)
		p.SetX(marginSide)
	default:
		p.SetXY(x0, y+h)
	}
}

// run is a stretch of text drawn in one face.
type run struct {
	text string
	face uint8
}

// runs cuts text into stretches of one face. Spaces and the replacement
// are in the Go font.
func (d *doc) runs(s string) []run {
	var out []run
	var b strings.Builder
	cur := uint8(255)
	for _, r := range s {
		k := faceGo
		if r <= 0xFFFF && d.g.table.face[r] >= faceFallback {
			k = d.g.table.face[r]
		}
		if k != cur && b.Len() > 0 {
			out = append(out, run{b.String(), cur})
			b.Reset()
		}
		cur = k
		b.WriteRune(r)
	}
	if b.Len() > 0 {
		out = append(out, run{b.String(), cur})
	}
	return out
}

// rtl reports whether r is a strong right-to-left character (Hebrew,
// Arabic and their presentation forms, and the like).
func rtl(r rune) bool {
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}

// visual puts one line in visual order for drawing left to right, with the
// Unicode bidirectional algorithm of golang.org/x/text: it finds the
// paragraph direction and the runs of each direction. Its Ordering lists the
// runs in logical order with their direction only (levels 0 and 2 both read
// as left-to-right), so the levels are rebuilt here: in a left-to-right line,
// numbers right after a right-to-left run belong to it (level 2), and rule
// L2 then reverses from the highest level down. Not handled: explicit
// embeddings and isolates (dropped by clean), and bracket pairs around
// right-to-left text inside a left-to-right line (rule N0), which can come
// out half-mirrored. Brackets in right-to-left
// runs are mirrored (rule L4).
func visual(s string) string {
	if !strings.ContainsFunc(s, rtl) {
		return s
	}
	out, ok := reorder(s)
	if !ok {
		return s
	}
	return out
}

func reorder(s string) (out string, ok bool) {
	defer func() {
		if recover() != nil { // never let a bidi bug stop a report
			out, ok = s, false
		}
	}()
	var p bidi.Paragraph
	if _, err := p.SetString(s); err != nil {
		return s, false
	}
	o, err := p.Order()
	if err != nil {
		return s, false
	}
	base := 0 // the paragraph level: its first strong character (P2, P3)
	for _, r := range s {
		if rtl(r) {
			base = 1
			break
		}
		if pr, _ := bidi.LookupRune(r); pr.Class() == bidi.L {
			break
		}
	}
	type seg struct {
		runes []rune
		level int
	}
	segs := make([]seg, o.NumRuns())
	for i := range segs {
		r := o.Run(i)
		segs[i].runes = []rune(r.String())
		if r.Direction() == bidi.RightToLeft {
			segs[i].level = 1
		} else if base == 1 {
			segs[i].level = 2
		}
	}
	if base == 0 {
		// Numbers right after a right-to-left run stay with it (rules W2,
		// N1, I1): they take level 2, the spaces before them level 1. The
		// Ordering merges them with any left-to-right text that follows, so
		// they are cut off here.
		for i := 1; i < len(segs); i++ {
			if segs[i].level != 0 || segs[i-1].level != 1 {
				continue
			}
			rs := segs[i].runes
			n := 0
			for n < len(rs) && (unicode.IsDigit(rs[n]) || n > 0 && strings.ContainsRune(".,:/%", rs[n]) && n+1 < len(rs) && unicode.IsDigit(rs[n+1])) {
				n++
			}
			if n == 0 {
				continue
			}
			num := seg{rs[:n:n], 2}
			rest := seg{rs[n:], 0}
			segs = append(segs[:i], append([]seg{num, rest}, segs[i+1:]...)...)
			i++
		}
	}
	if base == 1 {
		// A bracket pair around left-to-right text in a right-to-left line
		// takes the line's direction (rule N0), and so do the spaces after
		// it (N1): the Ordering puts the closing bracket in the
		// left-to-right run it ends, so it is cut off here.
		for i := 1; i < len(segs); i++ {
			if segs[i].level != 2 || segs[i-1].level != 1 {
				continue
			}
			before := []rune(strings.TrimRight(string(segs[i-1].runes), " "))
			if len(before) == 0 || mirror(before[len(before)-1]) == before[len(before)-1] {
				continue
			}
			rs := segs[i].runes
			k := slices.Index(rs, mirror(before[len(before)-1]))
			if k <= 0 {
				continue
			}
			e := k + 1
			for e < len(rs) && rs[e] == ' ' {
				e++
			}
			cut := []seg{{rs[:k:k], 2}, {rs[k:e:e], 1}}
			if e < len(rs) {
				cut = append(cut, seg{rs[e:], 2})
			}
			segs = append(segs[:i], append(cut, segs[i+1:]...)...)
			i += len(cut) - 1
		}
	}
	var runes []rune
	var levels []int
	for _, sg := range segs {
		for _, r := range sg.runes {
			if sg.level%2 == 1 {
				r = mirror(r)
			}
			runes = append(runes, r)
			levels = append(levels, sg.level)
		}
	}
	top := 0
	for _, l := range levels {
		top = max(top, l)
	}
	for lev := top; lev >= 1; lev-- {
		for i := 0; i < len(runes); {
			if levels[i] < lev {
				i++
				continue
			}
			j := i
			for j < len(runes) && levels[j] >= lev {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				runes[a], runes[b] = runes[b], runes[a]
				levels[a], levels[b] = levels[b], levels[a]
			}
			i = j
		}
	}
	return string(runes), true
}

// mirror is the mirrored form of a bracket drawn right to left.
func mirror(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	case '[':
		return ']'
	case ']':
		return '['
	case '{':
		return '}'
	case '}':
		return '{'
	case '<':
		return '>'
	case '>':
		return '<'
	case '«':
		return '»'
	case '»':
		return '«'
	}
	return r
}

// arabicShaper shapes Arabic with go-text/typesetting, the HarfBuzz port
// Fyne already uses, in DejaVu Sans, the face that draws Arabic. The PDF
// writer draws characters, not glyphs, so each glyph the shaper picks is
// turned back into the character the font maps to it: the joining forms
// are in Unicode as Arabic Presentation Forms, and DejaVu maps them.
type arabicShaper struct {
	face    *font.Face
	shaper  shaping.HarfbuzzShaper
	reverse map[font.GID]rune
	mu      sync.Mutex
}

var arabic = sync.OnceValue(func() *arabicShaper {
	face, err := font.ParseTTF(bytes.NewReader(assets.FontDejaVu))
	if err != nil {
		return nil
	}
	a := &arabicShaper{face: face, reverse: map[font.GID]rune{}}
	// The base letters first, so an isolated letter stays itself; then the
	// presentation forms.
	for _, block := range [][2]rune{{0x0600, 0x06FF}, {0x0750, 0x077F}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}} {
		for r := block[0]; r <= block[1]; r++ {
			if g, ok := face.NominalGlyph(r); ok {
				if _, seen := a.reverse[g]; !seen {
					a.reverse[g] = r
				}
			}
		}
	}
	return a
})

// isArabic reports whether r is an Arabic letter or mark to shape.
func isArabic(r rune) bool { return r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F }

// shapeArabic puts the Arabic letters of s in their joining forms (initial,
// medial, final, isolated, and the lam-alef ligatures), in logical order.
// Anything the shaper's choice cannot be written as a character for is left
// as it was.
func shapeArabic(s string) string {
	if !strings.ContainsFunc(s, isArabic) {
		return s
	}
	a := arabic()
	if a == nil {
		return s
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	text := []rune(s)
	var out []rune
	for i := 0; i < len(text); {
		if !isArabic(text[i]) {
			out = append(out, text[i])
			i++
			continue
		}
		j := i
		for j < len(text) && isArabic(text[j]) {
			j++
		}
		out = append(out, a.shape(text, i, j)...)
		i = j
	}
	return string(out)
}

// shape shapes text[start:end], one word of Arabic, and returns it in
// logical order.
func (a *arabicShaper) shape(text []rune, start, end int) []rune {
	res := a.shaper.Shape(shaping.Input{
		Text: text, RunStart: start, RunEnd: end,
		Direction: di.DirectionRTL, Face: a.face, Size: fixed.I(16),
		Script: language.Arabic, Language: language.NewLanguage("ar"),
	})
	orig := text[start:end]
	out := make([]rune, 0, len(orig))
	// Right-to-left output is in visual order: walk it backwards.
	for k := len(res.Glyphs) - 1; k >= 0; k-- {
		r, ok := a.reverse[res.Glyphs[k].GlyphID]
		if !ok {
			return orig // a glyph no character stands for: leave the word as typed
		}
		out = append(out, r)
	}
	return out
}
