package report

import (
	"strings"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// Characters above U+FFFF (🚂, 😀) cannot be drawn: the PDF writer
// addresses glyphs by 16-bit codes. Rather than a box, the page shows the
// character's Unicode name in brackets ("[steam locomotive]"), so its
// meaning is never lost, and the text layer keeps the character itself: the
// name is drawn inside a marked-content span whose /ActualText is the
// original, which is what a screen reader reads and a search finds.
//
// Cleaned text carries such a character as a group: markOpen, the original
// characters, markName, the bracketed name, markClose. The marks are in the
// private use area, which no text of the coach's can hold once cleaned, and
// measure nothing, nor do the characters above U+FFFF inside a group.
const (
	markOpen  = '\uE001'
	markName  = '\uE002'
	markClose = '\uE003'
	marks     = "\uE001\uE002\uE003"
)

// unicodeName is the name a character is shown by, or "" when it has none
// (unassigned, private use).
func unicodeName(r rune) string {
	n := runenames.Name(r)
	if n == "" || strings.HasPrefix(n, "<") {
		return ""
	}
	return strings.ToLower(n)
}

// emojiModifier reports whether r changes the skin tone of the emoji before
// it: it joins that emoji's group rather than being named on its own.
func emojiModifier(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

// writeNamed writes r as a group to b, or into the group just before it
// for a skin tone modifier.
func writeNamed(b *strings.Builder, r rune, name string) {
	if s := b.String(); emojiModifier(r) && strings.HasSuffix(s, string(markClose)) {
		i := strings.LastIndex(s, string(markName))
		b.Reset()
		b.WriteString(s[:i])
		b.WriteRune(r)
		b.WriteString(s[i:])
		return
	}
	b.WriteRune(markOpen)
	b.WriteRune(r)
	b.WriteRune(markName)
	b.WriteString("[" + name + "]")
	b.WriteRune(markClose)
}

// restore turns groups back into their characters, for the outline, which
// the viewer draws in its own fonts.
func restore(s string) string {
	if !strings.ContainsAny(s, marks) {
		return s
	}
	var b strings.Builder
	state := markClose
	for _, r := range s {
		switch {
		case r == markOpen || r == markName || r == markClose:
			state = r
		case state != markName:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// segment is a stretch of a line to draw: plain text, or the name of a
// group with the characters it stands for.
type segment struct {
	text   string
	named  bool
	actual string
}

// segments cuts a clean line at its groups. A name the line wrapped inside
// is cut too: its first part stands for the characters, the rest for
// nothing, so the text layer has each character once.
func segments(line string) []segment {
	var out []segment
	var text, orig strings.Builder
	named := false
	flush := func() {
		if text.Len() > 0 {
			out = append(out, segment{text: text.String(), named: named, actual: orig.String()})
		}
		text.Reset()
		orig.Reset()
	}
	// A line that starts inside a name, after the wrap, shows its rest.
	if i, j := strings.IndexAny(line, marks), strings.IndexRune(line, markClose); i >= 0 && i == j {
		named = true
	}
	inOrig := false
	for _, r := range line {
		switch r {
		case markOpen:
			flush()
			named, inOrig = true, true
		case markName:
			inOrig = false
		case markClose:
			flush()
			named = false
		default:
			if inOrig {
				orig.WriteRune(r)
			} else {
				text.WriteRune(r)
			}
		}
	}
	flush()
	return out
}

// namedCell draws a line that holds groups like cell does, each name in a
// span that carries its characters.
func (d *doc) namedCell(w, h float64, s string, ln int, align string) {
	p := d.pdf
	segs := segments(s)
	visible := ""
	for _, sg := range segs {
		visible += sg.text
	}
	x0, y := p.GetXY()
	cm := p.GetCellMargin()
	tw := d.width(strings.TrimRight(visible, " "))
	x := x0 + cm
	switch {
	case strings.Contains(align, "R"):
		x = x0 + w - cm - tw
	case strings.Contains(align, "C"):
		x = x0 + (w-tw)/2
	}
	p.SetCellMargin(0)
	for _, sg := range segs {
		sw := d.width(sg.text)
		p.SetXY(x, y)
		d.content()
		if sg.named {
			p.RawWriteStr("/Span <</ActualText " + pdfText(sg.actual) + ">> BDC")
		}
		d.cell(sw, h, sg.text, 0, "L")
		if sg.named {
			p.RawWriteStr("EMC")
		}
		x += sw
	}
	p.SetCellMargin(cm)
	switch ln {
	case 0:
		p.SetXY(x0+w, y)
	case 1:
		p.SetXY(marginSide, y+h)
	default:
		p.SetXY(x0, y+h)
	}
}

// unshapedPieces cuts a run of text at each Arabic presentation form, the
// joining form the page draws, giving the form the letter it stands for
// (NFKC maps each form to its letter, the lam-alef ligature to lam and
// alef). Each form gets its own /ActualText, so the text layer has the
// letters as typed while viewers put the right-to-left text in logical order
// from the page, as they do for Hebrew. One /ActualText over the whole line
// in logical order, as the standard reads, was tried: poppler lays such
// text out as if it were in visual order and reverses it.
func unshapedPieces(s string) []segment {
	if !strings.ContainsFunc(s, presentationForm) {
		return []segment{{text: s}}
	}
	var out []segment
	var b strings.Builder
	for _, r := range s {
		if !presentationForm(r) {
			b.WriteRune(r)
			continue
		}
		if b.Len() > 0 {
			out = append(out, segment{text: b.String()})
			b.Reset()
		}
		out = append(out, segment{text: string(r), named: true, actual: norm.NFKC.String(string(r))})
	}
	if b.Len() > 0 {
		out = append(out, segment{text: b.String()})
	}
	return out
}

func presentationForm(r rune) bool {
	return r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// rightToLeft reports whether a paragraph runs from right to left: by the
// Unicode bidirectional algorithm (rules P2 and P3), whether its first
// strong character is a right-to-left one.
func rightToLeft(s string) bool {
	for _, r := range s {
		switch p, _ := bidi.LookupRune(r); p.Class() {
		case bidi.R, bidi.AL:
			return true
		case bidi.L:
			return false
		}
	}
	return false
}
