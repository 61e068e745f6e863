package report

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// The printable blank checklist and interview guide, for paper workshops
// and interviews: an interview guide with the questions a coach asks, then
// every checklist with each item, its guidance, its five levels with tick
// boxes, and ruled space for notes. It is in the words of the train's
// framework and, like the reports, the same input gives the same bytes.

// BlankInput is what the blank checklist is printed from.
type BlankInput struct {
	Definitions *assessment.Definitions
	Framework   assessment.Framework
	// Train is the name printed in the running header; empty leaves a line
	// on the cover to write it on.
	Train   string
	Created time.Time // stamped in the document; zero gives a fixed date
}

// The title of the blank checklist, on its cover and in its header.
const blankTitle = "Blank checklist and interview guide"

// RenderBlankChecklist draws the blank checklist and interview guide and
// returns the PDF bytes and any warnings (characters the font cannot draw).
func RenderBlankChecklist(in BlankInput, opt Options) (pdf []byte, warnings []string, err error) {
	if in.Definitions == nil {
		return nil, nil, errors.New("blank checklist: no checklist definitions given")
	}
	if !slices.Contains(assessment.Frameworks, in.Framework) {
		return nil, nil, fmt.Errorf("blank checklist: unknown framework %q", in.Framework)
	}
	size, g, err := prepare(opt)
	if err != nil {
		return nil, nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			pdf, warnings, err = nil, nil, fmt.Errorf("blank checklist: drawing failed: %v", r)
		}
	}()
	f := in.Framework
	name := strings.TrimSpace(in.Train)
	header := name
	if header == "" {
		header = f.Expand("{Train}")
	}
	created := in.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	defs := in.Definitions.For(f)
	d := newDoc(Input{
		Train:       assessment.Train{Name: header, Framework: f},
		Assessment:  &assessment.Assessment{Date: created},
		Definitions: defs,
		Created:     created,
	}, opt, size, g)
	d.kind = f.AssessmentKind() + ": " + strings.ToLower(blankTitle[:1]) + blankTitle[1:]
	d.footNote = "Once filled in, confidential: for the coach, the LACE and the train's leadership"
	d.describe(f.AssessmentKind()+": "+blankTitle, "",
		"Every checklist item with its guidance, its five levels and space for notes, and the questions to ask, for paper workshops and interviews",
		[]string{f.AssessmentKind(), "checklist", "interview guide", f.Word("train"), string(f)})

	d.blankCover(name, defs)
	d.portrait()
	d.h1("Interview guide")
	d.interviewGuide(defs)
	for ci := range defs.Checklists {
		cl := &defs.Checklists[ci]
		d.portrait()
		d.h1("Checklist: " + d.words(cl.Title))
		d.blankChecklist(cl)
	}
	return d.close()
}

// blankCover is the first page: what the document is, the lines to fill in,
// and how to use it.
func (d *doc) blankCover(train string, defs *assessment.Definitions) {
	p := d.pdf
	f := d.framework()
	d.noHeader[1] = true // the cover's title says it all
	d.portrait()
	cw := d.contentWidth()
	p.SetY(36)
	d.font("B", sizeTitle)
	d.color(colNavy)
	d.begin("H1")
	p.Bookmark(restore(d.g.clean(blankTitle)), 0, -1)
	d.lines(blankTitle, cw, "L")
	d.end()
	d.font("", 13)
	d.color(colTeal)
	d.begin("P")
	d.lines(f.AssessmentKind()+" · "+f.Def().Name, cw, "L")
	d.end()
	d.color(colInk)
	p.Ln(8)

	// The lines the coach fills in by hand.
	for _, fld := range [][2]string{
		{d.words("{Train}"), train},
		{d.words("{Pi}"), ""},
		{"Date", ""},
		{"Coach", ""},
		{"Interviewed, or in the room", ""},
	} {
		d.writeOnLine(fld[0], fld[1], 62)
	}
	p.Ln(4)
	d.h2("How to use it", 30)
	count := 0
	for _, cl := range defs.Checklists {
		count += len(cl.Items)
	}
	d.bullets("", sizeList, []string{
		fmt.Sprintf("The interview guide lists what to ask about and what to look and listen for, item by item, for interviews with the %s, the teams and %s.", d.roleName, d.words("{the-leaders}")),
		fmt.Sprintf("The checklists hold all %d items of checklist version %s. Tick one level per item, or \"Not applicable\" or \"Don't know\": neither counts toward a score.", count, orDash(defs.Version)),
		"Write what you heard in the notes and what you saw for yourself under \"Seen\"; type both into Trainscope after the session, item by item.",
		"A measure can be written as a figure instead of a level: Trainscope turns it into a level by the thresholds shown.",
	})
}

// writeOnLine is a label and a ruled line to write on, with any text given
// already on the line.
func (d *doc) writeOnLine(label, value string, labelWidth float64) {
	p := d.pdf
	cw := d.contentWidth()
	d.need(11)
	y := p.GetY()
	d.font("B", 10)
	d.begin("P")
	d.textAt(marginSide, y, labelWidth, 8, label+":", "L")
	if value != "" {
		d.font("", 10)
		d.textAt(marginSide+labelWidth, y, cw-labelWidth, 8, value, "L")
	}
	d.end()
	d.stroke(colMuted, 0.25)
	d.artifact()
	p.Line(marginSide+labelWidth, y+7, marginSide+cw, y+7)
	p.SetY(y + 11)
}

// interviewGuide lists per checklist each item as what to ask, and its
// guidance as what to listen for.
func (d *doc) interviewGuide(defs *assessment.Definitions) {
	d.para("", sizeBody, fmt.Sprintf("Ask about each point in your own words and let people tell their story; below each one is what to look and listen for, and what evidence counts. The numbers match the checklists that follow. Asking the %s alone is not enough: hear the teams and %s too.", d.roleName, d.words("{the-leaders}")))
	for ci := range defs.Checklists {
		cl := &defs.Checklists[ci]
		d.h2(d.words(cl.Title), 30)
		if cl.Purpose != "" {
			d.para("I", sizeBody, d.words(cl.Purpose))
		}
		for i := range cl.Items {
			it := &cl.Items[i]
			d.h3(blankNumber(ci, i)+"  "+d.words(it.Text), 12)
			if g := strings.TrimSpace(it.Guidance); g != "" {
				d.para("", sizeBody, d.words(g))
			}
			if it.Figure != nil {
				d.para("I", sizeSmall, "Ask for the figure"+unitSuffix(it.Figure)+"; "+bandsText(it.Figure)+".")
			}
		}
	}
}

// blankNumber numbers item i of checklist ci as the guide and the
// checklists both show it, e.g. "2.5".
func blankNumber(ci, i int) string { return strconv.Itoa(ci+1) + "." + strconv.Itoa(i+1) }

func unitSuffix(f *assessment.FigureSpec) string {
	if f.Unit == "" {
		return ""
	}
	return " (" + f.Unit + ")"
}

// The geometry of an item on the blank checklist, in millimetres.
const (
	blankBox     = 3.2  // a tick box's side
	blankIndent  = 12.0 // from the margin to a level's text
	blankNoteGap = 7.0  // between ruled lines
	blankNotes   = 3    // ruled lines for notes per item
)

// blankChecklist draws one checklist's items, each kept on one page.
func (d *doc) blankChecklist(cl *assessment.Checklist) {
	p := d.pdf
	ci := 0
	for i := range d.in.Definitions.Checklists {
		if d.in.Definitions.Checklists[i].ID == cl.ID {
			ci = i
		}
	}
	if cl.Purpose != "" {
		d.para("I", sizeBody, d.words(cl.Purpose))
	}
	cw := d.contentWidth()
	for i := range cl.Items {
		it := &cl.Items[i]
		d.need(d.blankItemHeight(it))
		// Tagged H2, the level below the part's title, in the look of an h3.
		d.font("B", sizeH3)
		p.Ln(1)
		d.begin("H2")
		d.lines(blankNumber(ci, i)+"  "+d.words(it.Text), cw, "L")
		d.end()
		p.Ln(0.5)
		if g := strings.TrimSpace(it.Guidance); g != "" {
			d.font("I", sizeSmall)
			d.color(colMuted)
			d.begin("P")
			d.lines(d.words(g), cw, "L")
			d.end()
			d.color(colInk)
			p.Ln(1)
		}
		d.begin("L")
		for _, l := range it.Levels {
			d.tickLine(strconv.Itoa(l.Value), l.Label+": "+d.words(l.Descriptor))
		}
		d.tickLine("–", "Not applicable")
		d.tickLine("?", "Don't know")
		d.end()
		if it.Figure != nil {
			d.writeOnLine("Figure"+unitSuffix(it.Figure), "", 30)
			d.para("I", sizeSmall, "Thresholds: "+bandsText(it.Figure)+".")
		}
		d.ruled("Notes", blankNotes)
		d.ruled("Seen", 1)
		p.Ln(2)
	}
}

// tickLine is one choice of an item: a box to tick, its mark and its words.
func (d *doc) tickLine(mark, text string) {
	p := d.pdf
	d.font("", sizeSmall)
	lh := d.lineHeight()
	w := d.contentWidth() - blankIndent
	lines := d.split(d.g.clean(text), w)
	y := p.GetY()
	d.stroke(colInk, 0.3)
	d.artifact()
	p.Rect(marginSide+1, y+(lh-blankBox)/2, blankBox, blankBox, "D")
	d.begin("LI")
	d.begin("Lbl")
	d.font("B", sizeSmall)
	p.SetXY(marginSide+blankBox+1.5, y)
	d.cell(blankIndent-blankBox-1.5, lh, mark, 0, "L")
	d.end()
	d.font("", sizeSmall)
	d.begin("LBody")
	for _, line := range lines {
		p.SetX(marginSide + blankIndent)
		d.cell(w, lh, line, 2, "L")
	}
	d.end()
	d.end()
	p.Ln(0.8)
}

// ruled is a label and n ruled lines to write on.
func (d *doc) ruled(label string, n int) {
	p := d.pdf
	cw := d.contentWidth()
	y := p.GetY()
	d.font("B", sizeSmall)
	d.begin("P")
	d.textAt(marginSide, y+blankNoteGap-4.5, 14, 4, label+":", "L")
	d.end()
	d.stroke(colRule, 0.25)
	d.artifact()
	for k := 1; k <= n; k++ {
		p.Line(marginSide+14, y+float64(k)*blankNoteGap, marginSide+cw, y+float64(k)*blankNoteGap)
	}
	p.SetY(y + float64(n)*blankNoteGap + 1.5)
}

// blankItemHeight is how much room an item takes, so it starts on a new
// page rather than split across two.
func (d *doc) blankItemHeight(it *assessment.Item) float64 {
	cw := d.contentWidth()
	d.font("B", sizeH3)
	h := 2.5 + float64(len(d.split(d.g.clean(d.words(it.Text)), cw)))*d.lineHeight()
	d.font("I", sizeSmall)
	if g := strings.TrimSpace(it.Guidance); g != "" {
		h += float64(len(d.split(d.g.clean(d.words(g)), cw)))*d.lineHeight() + 1
	}
	d.font("", sizeSmall)
	lh := d.lineHeight()
	for _, l := range it.Levels {
		h += float64(len(d.split(d.g.clean(l.Label+": "+d.words(l.Descriptor)), cw-blankIndent)))*lh + 0.8
	}
	h += 2 * (lh + 0.8)
	if it.Figure != nil {
		h += 11 + 2*lh + 1.5
	}
	return h + float64(blankNotes+1)*blankNoteGap + 3 + 2
}
