package report

import (
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// cover is the first page: who and what the report is about, for whom, and
// what is in it.
func (d *doc) cover() {
	p := d.pdf
	sub := d.a.PI
	if fw := d.in.Train.Framework; fw != "" {
		if sub != "" {
			sub += " · "
		}
		sub += "a " + string(fw) + " train"
	}
	cw := d.coverBand(strings.ToUpper(d.framework().AssessmentKind())+" · REPORT FOR THE LACE", sub)
	if desc := strings.TrimSpace(d.in.Train.Description); desc != "" {
		d.font("I", 9.5)
		d.color(colTealLight)
		p.SetXY(marginSide, 68)
		d.begin("P")
		for _, line := range d.clip(desc, cw, 3) {
			p.SetX(marginSide)
			d.cell(cw, 4.8, line, 2, "L")
		}
		d.end()
	}

	d.color(colInk)
	p.SetXY(marginSide, 104)
	status := "Final"
	if d.a.Status != assessment.Final {
		status = "Draft: the assessment is not finished, and figures may still change"
	}
	version := d.a.ChecklistVersion
	if version == "" {
		version = d.in.Definitions.Version
	}
	d.keyValues([][2]string{
		{d.words("{Pi}"), orDash(d.a.PI)},
		{"Assessment date", date(d.a.Date)},
		{"Assessor", orDash(d.a.Assessor)},
		{"Status", status},
		{"Checklist version", orDash(version)},
		{"Report made", date(d.created)},
		{"Prepared for", "The Lean-Agile Center of Excellence (LACE) and the train's leadership"},
	}, 48)

	// Contents, with page numbers filled in when the document closes.
	p.Ln(4)
	d.font("B", sizeH2)
	d.color(colNavy)
	d.begin("H2")
	d.lines("Contents", cw, "L")
	d.end()
	p.Ln(1)
	d.color(colInk)
	d.font("", 10)
	d.begin("TOC")
	for i, pt := range d.parts() {
		y := p.GetY()
		d.begin("TOCI")
		d.begin("Reference")
		lk := d.begin("Link")
		d.textAt(marginSide, y, cw-20, 6, pt.title, "L")
		// The number is not known yet: left-aligned where a two-digit
		// number ends at the margin.
		nw := p.GetStringWidth("99") + 2*p.GetCellMargin()
		p.SetXY(marginSide+cw-nw, y)
		d.content()
		p.CellFormat(nw, 6, partAlias(i), "", 0, "L", false, 0, "")
		d.tocLink(lk, i, pt.title, y, cw)
		d.end()
		d.end()
		d.end()
		d.stroke(colRule, 0.15)
		d.artifact()
		p.Line(marginSide, y+6, marginSide+cw, y+6)
		p.SetY(y + 6.5)
	}
	d.end()

	// The confidentiality line, boxed at the foot of the cover.
	_, h := p.GetPageSize()
	d.fill(colPanel)
	d.artifact()
	p.Rect(marginSide, h-40, cw, 20, "F")
	d.font("B", 9)
	d.color(colNavy)
	p.SetXY(marginSide+3, h-37)
	d.begin("P")
	d.lines("Confidential", cw-6, "L")
	d.end()
	d.font("", 8.5)
	d.color(colInk)
	p.SetX(marginSide + 3)
	d.begin("P")
	defer d.end()
	d.lines(d.confidential()+". It describes people and teams by name: keep it among those who act on it, and do not pass it on without the coach's consent.", cw-6, "L")
}

// coverBand starts a cover page: no running header, and the navy band
// across its top with the kicker, the train's (or portfolio's) name as the
// heading, and the line under it. It gives the content's width.
func (d *doc) coverBand(kicker, sub string) (cw float64) {
	p := d.pdf
	d.noHeader[1] = true
	p.AddPage()
	cw = d.contentWidth()
	d.fill(colNavy)
	d.artifact()
	p.Rect(0, 0, d.pageWidth(), 92, "F")
	d.color(colTealLight)
	d.font("B", 10)
	p.SetXY(marginSide, 22)
	d.begin("P")
	d.lines(kicker, cw, "L")
	d.end()
	d.color(colWhite)
	d.font("B", sizeTitle)
	p.SetXY(marginSide, 32)
	d.begin("H1")
	for _, line := range d.clip(d.trainName(), cw, 2) {
		p.SetX(marginSide)
		d.cell(cw, 11, line, 2, "L")
	}
	d.end()
	d.font("", 12)
	p.SetXY(marginSide, 60)
	d.begin("P")
	d.lines(sub, cw, "L")
	d.end()
	return cw
}
