package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// The leadership summary is two pages, always: the first says where the
// train stands (level, key figures, radar, scores), the second what to
// decide (the verdict on the scaled facilitator, the recommendations that
// matter most, the trend). Where text is longer than its space it is
// shortened with an ellipsis and the reader pointed to the full report.

func (d *doc) summary() {
	p := d.pdf
	p.AddPage()
	d.summaryTitle()
	d.levelPanel(true)
	d.h2("Key figures", 22)
	d.figureTiles()
	if d.ws != nil {
		d.workshopPanel(4) // seven roles and the longest checklist title take four
	}

	// The checklist table goes under the radar; the radar takes what the
	// table leaves.
	res := d.in.Results
	d.font("", sizeTable)
	rowH := d.lineHeight() + 2*cellPadY
	tableH := 9 + rowH*float64(len(res.Checklists)+2) + 3
	d.h2("Maturity by dimension", 60)
	radarH := min(95, max(55, d.room()-tableH-2))
	prev, hasPrev := d.previous()
	var prevDims []assessment.DimensionScore
	prevLabel := ""
	if hasPrev {
		prevDims = prev.Results.Dimensions
		prevLabel = label(prev.Assessment)
	}
	y := p.GetY()
	d.radar(marginSide, y, d.contentWidth(), radarH, res.Dimensions, prevDims, prevLabel)
	p.SetXY(marginSide, y+radarH+1)
	d.h2("Scores per checklist", rowH*3)
	d.summaryScores()

	p.AddPage()
	trendH := 58.0
	reserve := trendH + 12
	d.summaryVerdict(min(82, d.room()-reserve-45))
	if line := d.followThroughLine(); line != "" {
		d.h2(d.sinceLastPITitle(), 14)
		d.para("", sizeBody, line)
	}
	d.h2("What matters most", 30)
	d.summaryRecommendations(d.room() - reserve)
	d.pdf.SetY(d.bottom() - trendH - 9)
	d.h2("Trend across assessments", trendH)
	y = p.GetY()
	d.trend(marginSide, y, d.contentWidth(), trendH)
}

func (d *doc) summaryTitle() {
	p := d.pdf
	cw := d.contentWidth()
	d.font("B", 8.5)
	d.color(colTeal)
	d.begin("P")
	d.textAt(marginSide, p.GetY(), cw, 4.5, "SUMMARY FOR LEADERSHIP · "+strings.ToUpper(d.framework().AssessmentKind()), "L")
	d.end()
	p.Ln(5.5)
	d.font("B", 20)
	d.color(colNavy)
	d.begin("H1")
	d.textAt(marginSide, p.GetY(), cw, 9, d.trainName(), "L")
	d.end()
	p.Ln(10)
	d.font("", 9.5)
	d.color(colMuted)
	line := orDash(d.a.PI) + " · " + date(d.a.Date)
	if d.a.Assessor != "" {
		line += " · assessed by " + d.a.Assessor
	}
	if fw := d.in.Train.Framework; fw != "" {
		line += " · " + string(fw)
	}
	if d.a.Status != assessment.Final {
		line += " · DRAFT"
	}
	d.begin("P")
	d.textAt(marginSide, p.GetY(), cw, 5, line, "L")
	d.end()
	p.Ln(6.5)
	d.stroke(colNavy, 0.5)
	d.artifact()
	p.Line(marginSide, p.GetY(), marginSide+cw, p.GetY())
	p.Ln(3.5)
	d.color(colInk)
}

// summaryScores is the checklist scores in one line each.
func (d *doc) summaryScores() {
	res := d.in.Results
	prevLists := map[string]assessment.Score{}
	var prevOverall *assessment.Score
	if prev, ok := d.previous(); ok {
		for _, cs := range prev.Results.Checklists {
			prevLists[cs.ChecklistID] = cs.Score
		}
		prevOverall = &prev.Results.Overall
	}
	cols := scaleColumns([]column{{"Checklist", 80, "L"}, {"Score", 18, "R"}, {"Answered", 22, "R"}, {"Previous", 20, "R"}, {"Change", 18, "R"}}, d.contentWidth())
	d.font("", sizeTable)
	row := func(title string, s assessment.Score, ps *assessment.Score, bold bool) []cell {
		style := ""
		if bold {
			style = "B"
		}
		prevText, ch := "—", "—"
		if ps != nil {
			prevText, ch = scoreText(*ps), change(s, *ps)
		}
		d.font(style, sizeTable)
		return []cell{
			{text: d.fit(d.g.clean(title), cols[0].width), style: style},
			{text: scoreText(s), style: "B"},
			{text: percent(s.Answered())},
			{text: prevText},
			{text: ch},
		}
	}
	var rows [][]cell
	for _, cs := range res.Checklists {
		var ps *assessment.Score
		if s, ok := prevLists[cs.ChecklistID]; ok {
			ps = &s
		}
		title := cs.Title
		if cs.ChecklistID == assessment.ChecklistFit {
			title += " (decides the verdict)"
		}
		rows = append(rows, row(title, cs.Score, ps, false))
	}
	rows = append(rows, row("Overall", res.Overall, prevOverall, true))
	d.draw(table{cols: cols}, rows)
}

// piece is one paragraph of a block whose height is fixed in advance.
type piece struct {
	style  string
	size   float64
	text   string
	bullet bool
	max    int // the most lines it may take
	ink    rgb
	after  float64 // space below it
	lines  []string
}

const bulletIndent = 4.5

// fitPieces measures pieces at width w and shortens them until they fit the
// height budget: first the longest piece loses a line, then, if every piece
// is down to one line, the last pieces are left out and a pointer to the
// full report takes their place.
func (d *doc) fitPieces(pcs []piece, w, budget float64) []piece {
	measure := func() float64 {
		total := 0.0
		for i := range pcs {
			pc := &pcs[i]
			ww := w
			if pc.bullet {
				ww -= bulletIndent
			}
			d.font(pc.style, pc.size)
			pc.lines = d.clip(pc.text, ww, pc.max)
			total += float64(len(pc.lines))*d.lineHeight() + pc.after
		}
		return total
	}
	dropped := false
	for measure() > budget {
		longest := -1
		for i := range pcs {
			if len(pcs[i].lines) > 1 && (longest < 0 || len(pcs[i].lines) >= len(pcs[longest].lines)) {
				longest = i
			}
		}
		if longest >= 0 {
			pcs[longest].max = len(pcs[longest].lines) - 1
			continue
		}
		kept := len(pcs)
		if dropped {
			kept-- // the pointer
		}
		if kept <= 1 {
			break // the first piece always stays
		}
		pcs = append(pcs[:kept-1], piece{style: "I", size: sizeSmall, text: "More in the full report.", max: 1, ink: colMuted})
		dropped = true
	}
	return pcs
}

// drawPieces draws measured pieces at the left margin.
// Consecutive bulleted pieces are one list.
func (d *doc) drawPieces(pcs []piece, w float64) {
	p := d.pdf
	inList := false
	for _, pc := range pcs {
		d.font(pc.style, pc.size)
		lh := d.lineHeight()
		x, ww := marginSide, w
		if inList && !pc.bullet {
			d.end()
			inList = false
		}
		if pc.bullet {
			if !inList {
				d.begin("L")
				inList = true
			}
			d.begin("LI")
			p.SetXY(marginSide, p.GetY())
			d.color(colInk)
			d.begin("Lbl")
			d.cell(bulletIndent, lh, "•", 0, "C")
			d.end()
			x, ww = marginSide+bulletIndent, w-bulletIndent
			d.begin("LBody")
		} else {
			d.begin("P")
		}
		d.color(pc.ink)
		for _, line := range pc.lines {
			p.SetXY(x, p.GetY())
			d.cell(ww, lh, line, 2, "L")
		}
		d.end()
		if pc.bullet {
			d.end()
		}
		p.SetY(p.GetY() + pc.after)
	}
	if inList {
		d.end()
	}
	d.color(colInk)
}

// summaryVerdict is the verdict with its reasons in at most budget
// millimetres.
func (d *doc) summaryVerdict(budget float64) {
	v := d.in.Results.Verdict
	d.h2(d.in.Train.Framework.FacilitatorTitle(), 20)
	pcs := []piece{{style: "B", size: 11, text: verdictText(v.Kind) + ": " + d.roleSentence(v), max: 2, ink: verdictColour(v.Kind), after: 1}}
	if v.Headline != "" {
		pcs = append(pcs, piece{size: sizeBody, text: v.Headline, max: 3, ink: colInk, after: 1})
	}
	for _, r := range v.Reasons {
		pcs = append(pcs, piece{size: sizeBody, text: r.Text, bullet: true, max: 2, ink: colInk, after: 0.5})
	}
	for _, c := range v.Conditions {
		pcs = append(pcs, piece{size: sizeBody, text: "Condition: " + c, bullet: true, max: 2, ink: colInk, after: 0.5})
	}
	if v.WayToStart != "" {
		pcs = append(pcs, piece{style: "I", size: sizeBody, text: "How to start: " + v.WayToStart, max: 3, ink: colInk, after: 1})
	}
	w := d.contentWidth()
	d.drawPieces(d.fitPieces(pcs, w, budget), w)
	d.pdf.Ln(1)
}

// summaryRecommendations draws the recommendations that matter most, each
// shortened to fit, as many as fit the budget.
func (d *doc) summaryRecommendations(budget float64) {
	p := d.pdf
	recs, more := assessment.MattersMost(d.in.Definitions, d.framework(), d.in.Results)
	if len(recs) == 0 {
		d.para("I", sizeBody, d.noRecommendations())
		return
	}
	num := 7.0
	w := d.contentWidth() - num
	end := p.GetY() + budget
	d.begin("L")
	defer d.end()
	for i, r := range recs {
		meta := fmt.Sprintf("Owner: %s · Escalation: %s · Target: %s · Priority: %s", d.ownerText(r.Owner), d.levelText(r.Escalation), orDash(r.TargetPI), priorityText(r.Priority))
		pcs := []piece{
			{style: "B", size: sizeBody, text: r.Finding, max: 2, ink: colInk},
			{size: sizeBody, text: r.Action, max: 2, ink: colInk},
			{style: "I", size: sizeSmall, text: meta, max: 1, ink: colMuted},
		}
		if r.Acceptance != "" {
			pcs = append(pcs, piece{style: "I", size: sizeSmall, text: "Done when: " + r.Acceptance, max: 2, ink: colMuted})
		}
		left := len(recs) - i
		room := end - p.GetY()
		if left > 1 {
			room -= 5 // keep a line for "n more"
		}
		minimal := d.piecesHeight(pcs, w, 1)
		if minimal > room {
			d.font("I", sizeSmall)
			d.color(colMuted)
			d.end() // the list
			d.begin("P")
			d.lines(fmt.Sprintf("%d more in the full report.", left+more), d.contentWidth(), "L")
			d.color(colInk)
			return
		}
		pcs = d.fitPieces(pcs, w, room)
		y := p.GetY()
		d.font("B", 11)
		d.color(colTeal)
		d.begin("LI")
		d.begin("Lbl")
		d.textAt(marginSide, y, num, 4.5, strconv.Itoa(i+1), "L")
		d.end()
		p.SetY(y)
		d.begin("LBody")
		d.drawIndented(pcs, num, w)
		d.end()
		d.end()
		p.Ln(2)
	}
	if more > 0 {
		d.font("I", sizeSmall)
		d.color(colMuted)
		d.lines(fmt.Sprintf("%s in the full report.", assessment.Count(more, "more recommendation", "more recommendations")), d.contentWidth(), "L")
		d.color(colInk)
	}
}

// piecesHeight is the height of pieces when each takes at most n lines.
func (d *doc) piecesHeight(pcs []piece, w float64, n int) float64 {
	total := 0.0
	for _, pc := range pcs {
		d.font(pc.style, pc.size)
		total += float64(len(d.clip(pc.text, w, n)))*d.lineHeight() + pc.after
	}
	return total
}

// drawIndented draws measured pieces indented by in millimetres.
func (d *doc) drawIndented(pcs []piece, in, w float64) {
	p := d.pdf
	for _, pc := range pcs {
		d.font(pc.style, pc.size)
		lh := d.lineHeight()
		d.color(pc.ink)
		d.begin("P")
		for _, line := range pc.lines {
			p.SetXY(marginSide+in, p.GetY())
			d.cell(w, lh, line, 2, "L")
		}
		d.end()
		p.SetY(p.GetY() + pc.after)
	}
	d.color(colInk)
}
