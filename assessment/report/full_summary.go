package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// executiveSummary: the level, the verdict, the key figures and the few
// recommendations that matter most.
func (d *doc) executiveSummary() {
	d.levelPanel(false)
	d.verdict()
	d.h2("Key figures", 22)
	d.figureTiles()
	if d.ws != nil {
		d.workshopPanel(0)
	}
	d.h2("What matters most", 30)
	recs, _ := assessment.MattersMost(d.in.Definitions, d.framework(), d.in.Results)
	d.topRecommendations(recs)
}

// levelPanel draws the maturity level with the overall score and what the
// level means. In the summary the description is clipped to fit.
func (d *doc) levelPanel(compact bool) {
	p := d.pdf
	res := d.in.Results
	cw := d.contentWidth()
	x := marginSide
	badge := 26.0
	textW := cw - badge - 8

	d.font("", sizeBody)
	desc := res.Level.Description
	if desc == "" {
		desc = "Too little was rated to name a maturity level. Rate more items to see one."
	}
	var descLines []string
	if compact {
		descLines = d.clip(desc, textW, 5)
	} else {
		descLines = d.split(d.g.clean(desc), textW)
	}
	lh := d.lineHeight()
	h := max(badge+6, 6+7+5+float64(len(descLines))*lh+3)
	d.need(h + 2)
	y := p.GetY()
	num := "–"
	if res.Level.Number > 0 {
		num = strconv.Itoa(res.Level.Number)
	}
	d.fill(colPanel)
	d.artifact()
	p.Rect(x, y, cw, h, "F")
	d.fill(colNavy)
	p.Rect(x+3, y+3, badge, badge, "F")
	d.color(colWhite)
	d.begin("P").actual = fmt.Sprintf("Maturity level %s of 5", num)
	d.font("B", 26)
	d.textAt(x+3, y+6, badge, 13, num, "C")
	d.font("", 7.5)
	d.textAt(x+3, y+20, badge, 4, "maturity level", "C")
	d.textAt(x+3, y+23.5, badge, 4, "of 5", "C")
	d.end()

	tx := x + badge + 6
	d.color(colNavy)
	d.font("B", 13)
	d.begin("P")
	d.textAt(tx, y+3.5, textW, 7, levelLine(res.Level), "L")
	d.end()
	d.color(colInk)
	d.font("", sizeBody)
	d.begin("P")
	d.textAt(tx, y+10.5, textW, 5, scoreLine("Overall score", res.Overall), "L")
	d.end()
	d.begin("P")
	for i, line := range descLines {
		p.SetXY(tx, y+16+float64(i)*lh)
		d.cell(textW, lh, line, 0, "L")
	}
	d.end()
	p.SetXY(marginSide, y+h+3)
}

// verdict states the verdict on the scaled facilitator, named as the
// train's framework names it, with its reasons.
func (d *doc) verdict() {
	v := d.in.Results.Verdict
	d.h2(d.in.Train.Framework.FacilitatorTitle(), 20)
	p := d.pdf
	d.font("B", 11)
	d.color(verdictColour(v.Kind))
	d.begin("P")
	d.lines(verdictText(v.Kind)+": "+d.roleSentence(v), d.contentWidth(), "L")
	d.end()
	d.color(colInk)
	p.Ln(1)
	if v.Headline != "" {
		d.para("", sizeBody, v.Headline)
	}
	reasons := make([]string, 0, len(v.Reasons))
	for _, r := range v.Reasons {
		reasons = append(reasons, r.Text)
	}
	if len(reasons) > 0 {
		d.font("B", sizeBody)
		d.begin("H3")
		d.lines("Why", d.contentWidth(), "L")
		d.end()
		d.bullets("", sizeList, reasons)
	}
	if len(v.Conditions) > 0 {
		d.font("B", sizeBody)
		d.begin("H3")
		d.lines("On these conditions", d.contentWidth(), "L")
		d.end()
		d.bullets("", sizeList, v.Conditions)
	}
	if v.WayToStart != "" {
		d.font("B", sizeBody)
		d.begin("H3")
		d.lines("How to start", d.contentWidth(), "L")
		d.end()
		d.para("", sizeBody, v.WayToStart)
	}
}

// roleSentence says what the verdict is about in the framework's words.
func (d *doc) roleSentence(v assessment.Verdict) string {
	switch v.Kind {
	case assessment.Undecided:
		return "too few signs are rated to decide whether this train needs " + d.aRole() + " now"
	default:
		return d.aRole() + " for this train"
	}
}

// figureTiles draws the key figures as a row of tiles.
func (d *doc) figureTiles() {
	p := d.pdf
	k := d.keyFigures()
	tiles := []struct{ value, caption string }{
		{strconv.Itoa(k.teams), "teams"},
		{strconv.Itoa(k.people), "people"},
		{strconv.Itoa(k.vacant), "vacant roles"},
		{strconv.Itoa(k.open), "open impediments"},
		{days(k.medianAge), "median age of open impediments, days"},
	}
	if k.open == 0 {
		tiles[4].value = "—"
	}
	cw := d.contentWidth()
	gap := 3.0
	tw := (cw - gap*float64(len(tiles)-1)) / float64(len(tiles))
	th := 17.0
	d.need(th + 2)
	y := p.GetY()
	for i, t := range tiles {
		x := marginSide + float64(i)*(tw+gap)
		d.fill(colPanel)
		d.artifact()
		p.Rect(x, y, tw, th, "F")
		d.begin("P").actual = t.value + " " + t.caption
		linked := d.linkToPart(tileParts[i], x, y, tw, th)
		d.color(colNavy)
		d.font("B", 16)
		d.textAt(x, y+1.5, tw, 8, t.value, "C")
		d.color(colInk)
		d.font("", 7)
		for j, line := range d.clip(t.caption, tw, 2) {
			p.SetXY(x, y+9.5+float64(j)*3.1)
			d.cell(tw, 3.3, line, 0, "C")
		}
		if linked {
			d.end()
		}
		d.end()
	}
	p.SetXY(marginSide, y+th+3)
}

// topRecommendations lists the recommendations that matter most in a
// compact table: what and why, who acts, at which level, by when. The
// acceptance criteria are in the full table further on.
func (d *doc) topRecommendations(recs []assessment.Recommendation) {
	if len(recs) == 0 {
		d.para("I", sizeBody, d.noRecommendations())
		return
	}
	cols := scaleColumns([]column{{"#", 5, "L"}, {"Finding and action", 101, "L"}, {"Owner", 22, "L"}, {"Escalation", 17, "L"}, {"Target " + d.words("{pi}"), 16, "L"}, {"Priority", 13, "L"}}, d.contentWidth())
	var rows [][]cell
	for i, r := range recs {
		rows = append(rows, []cell{
			{text: strconv.Itoa(i + 1), style: "B", part: partRecommendations},
			{text: r.Finding, style: "B", sub: r.Action},
			{text: d.ownerText(r.Owner)},
			{text: d.levelText(r.Escalation)},
			{text: orDash(r.TargetPI)},
			{text: priorityText(r.Priority)},
		})
	}
	d.draw(table{cols: cols, size: 8, plain: true}, rows)
}

// scoreLine is a score out of 100 with how much was answered, after its
// label ("Overall score", "Score"); when too little was answered, no number
// at all: "No overall score: not enough answered · 16% answered (9 of 55)".
func scoreLine(label string, s assessment.Score) string {
	if !s.Known() || !s.Enough() {
		return fmt.Sprintf("No %s: %s · %s", strings.ToLower(label), scoreText(s), answeredText(s))
	}
	return fmt.Sprintf("%s %s of 100 · %s", label, scoreText(s), answeredText(s))
}
