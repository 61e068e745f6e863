package report

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// This file makes the report a tagged PDF, the kind a screen reader can
// follow (PDF/UA-1, ISO 14289-1). The layout primitives open and close
// structure elements as they draw (a heading, a paragraph, a table cell, a
// figure), and every mark they make on a page is wrapped in a marked-content
// sequence: real content with a number (MCID) that ties it to its element,
// or an artifact (running header and footer, rules, backgrounds, a table
// header repeated on a new page) that a reader skips. Because the elements
// are recorded in the order the layout draws them, and the layout draws
// from the top of a page to its foot, the reading order is the visual order.
//
// The PDF writer writes the content streams but has no structure tree; the
// tree, its parent tree and the links are added when the document is closed
// (finish, in pdfobjects.go).

// structElem is one element of the structure tree.
type structElem struct {
	role   string // standard structure type: Document, H1, P, Table, TH, Figure, …
	alt    string // Figure: the alternative text
	scope  string // TH: Column or Row
	actual string // the text a reader gets instead of the glyphs, when they differ
	// actualFn gives actual when the document is closed, for text that
	// holds a page number.
	actualFn func() string
	parent   *structElem
	kids     []structKid
	link     int // 1 + index into tagger.links for a Link element; 0 otherwise
	obj      int // object number, given when the document is closed
}

// structKid is a child element, or a marked-content sequence on a page.
type structKid struct {
	elem       *structElem
	page, mcid int
}

// The marked-content sequence currently open on the page.
const (
	mcNone = iota
	mcArtifact
	mcContent
)

// leafRoles are the elements that hold content directly. Content drawn
// while a grouping element (Document, Table, L, …) is innermost gets a
// paragraph of its own, so no text is ever left out of the tree.
var leafRoles = map[string]bool{
	"P": true, "H1": true, "H2": true, "H3": true, "Lbl": true, "LBody": true,
	"TH": true, "TD": true, "Figure": true, "Link": true, "Span": true,
}

// tagger records the structure tree while the report is drawn.
type tagger struct {
	root      *structElem
	stack     []*structElem
	loose     *structElem // the paragraph opened for loose content, if any
	artifacts int         // > 0: everything drawn now is an artifact
	mc        int
	mcElem    *structElem
	mcPage    int
	parents   map[int][]*structElem // per page, the element of each MCID
	links     []link
	pageH     map[int]float64 // page height in points, per page
}

// link is a link annotation to the top of a page, with its rectangle in
// points from the foot of the page it is on.
type link struct {
	elem           *structElem
	page           int
	x1, y1, x2, y2 float64
	target         func() int // the page it leads to, known once the document is drawn
	contents       string     // what the link does, for a screen reader
}

func newTagger() *tagger {
	root := &structElem{role: "Document"}
	return &tagger{root: root, stack: []*structElem{root}, parents: map[int][]*structElem{}, pageH: map[int]float64{}}
}

func (t *tagger) top() *structElem { return t.stack[len(t.stack)-1] }

// begin opens a new element inside the innermost one and returns it.
func (d *doc) begin(role string) *structElem {
	t := d.t
	t.closeLoose(d)
	e := &structElem{role: role, parent: t.top()}
	e.parent.kids = append(e.parent.kids, structKid{elem: e})
	t.stack = append(t.stack, e)
	return e
}

// enter makes an element opened before innermost again, for a table row
// that continues on the next page.
func (d *doc) enter(e *structElem) {
	d.t.closeLoose(d)
	d.t.stack = append(d.t.stack, e)
}

// end closes the innermost element.
func (d *doc) end() {
	t := d.t
	t.closeLoose(d)
	if len(t.stack) == 1 {
		panic("report: structure element closed twice")
	}
	if t.mc == mcContent && t.mcElem == t.top() {
		d.closeMC()
	}
	t.stack = t.stack[:len(t.stack)-1]
}

// figure opens a Figure element with its alternative text.
func (d *doc) figure(alt string) *structElem {
	e := d.begin("Figure")
	e.alt = alt
	return e
}

func (t *tagger) closeLoose(d *doc) {
	if t.loose == nil {
		return
	}
	if t.mc == mcContent && t.mcElem == t.loose {
		d.closeMC()
	}
	t.stack = t.stack[:len(t.stack)-1]
	t.loose = nil
}

// content starts, or continues, the marked-content sequence of the
// innermost element on the current page. Call it before drawing anything a
// reader should get.
func (d *doc) content() {
	t := d.t
	if t.artifacts > 0 {
		d.artifact()
		return
	}
	cur := t.top()
	if !leafRoles[cur.role] {
		cur = d.begin("P")
		t.loose = cur
	}
	page := d.pdf.PageNo()
	if t.mc == mcContent && t.mcElem == cur && t.mcPage == page {
		return
	}
	d.closeMC()
	mcid := len(t.parents[page])
	t.parents[page] = append(t.parents[page], cur)
	cur.kids = append(cur.kids, structKid{page: page, mcid: mcid})
	d.pdf.RawWriteStr(fmt.Sprintf("/%s <</MCID %d>> BDC", cur.role, mcid))
	t.mc, t.mcElem, t.mcPage = mcContent, cur, page
}

// artifact starts, or continues, an artifact: what is drawn next is
// decoration or pagination, and a reader skips it.
func (d *doc) artifact() {
	if d.t.mc == mcArtifact {
		return
	}
	d.closeMC()
	d.pdf.RawWriteStr("/Artifact BMC")
	d.t.mc = mcArtifact
}

// closeMC ends the open marked-content sequence, if there is one.
func (d *doc) closeMC() {
	if d.t.mc != mcNone {
		d.pdf.RawWriteStr("EMC")
	}
	d.t.mc, d.t.mcElem = mcNone, nil
}

// asArtifact draws with f as an artifact, whatever element is open: the
// running header and footer, a repeated table header.
func (d *doc) asArtifact(f func()) {
	d.t.artifacts++
	defer func() {
		d.t.artifacts--
		d.closeMC()
	}()
	f()
}

// addLink makes the box (x, y, w, h) on the current page, in millimetres, a
// link to the top of the page target gives; e is the Link element whose
// text is drawn in the box.
func (d *doc) addLink(e *structElem, x, y, w, h float64, contents string, target func() int) {
	k := 72 / 25.4
	_, ph := d.pdf.GetPageSize()
	d.t.links = append(d.t.links, link{
		elem: e, page: d.pdf.PageNo(),
		x1: x * k, y1: (ph - y - h) * k, x2: (x + w) * k, y2: (ph - y) * k,
		target: target, contents: contents,
	})
	e.link = len(d.t.links)
}

// notePage records the height of the page just begun, for the links that
// lead to it.
func (d *doc) notePage() {
	_, h := d.pdf.GetPageSize()
	d.t.pageH[d.pdf.PageNo()] = h * 72 / 25.4
}

// pdfText is a text string for the structure tree: UTF-16 with a byte
// order mark, written in hex so no character needs escaping.
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
