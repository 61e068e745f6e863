package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// The full report for the LACE, in the order a reader works through it: what
// it says, why, the facts under it, what to do, and how it was measured.

// part is one part of the full report: its title, as the contents on the
// cover lists it, whether it is set on landscape pages for its wide table,
// and what draws it.
type part struct {
	title     string
	landscape bool
	draw      func()
}

// parts are the parts of the full report, in order. A workshop assessment
// has one more, after the findings: what the room voted and how the coach's
// own observation compares.
func (d *doc) parts() []part {
	ps := []part{{"Executive summary", false, d.executiveSummary}}
	if len(d.in.Results.FollowUps) > 0 {
		ps = append(ps, part{d.sinceLastPITitle(), true, d.sinceLastPI})
	}
	ps = append(ps,
		part{"Scores and trends", false, d.scoresAndTrends},
		part{"Findings per checklist", false, d.findings},
	)
	if d.ws != nil {
		ps = append(ps, part{workshopTitle, false, d.workshop})
	}
	return append(ps,
		part{"Roster and role gaps", false, d.roster},
		part{"Impediment register", false, d.register},
		part{"Recommendations", true, d.recommendations},
		part{"Appendix A: every answer and note", false, d.answers},
		part{"Appendix B: method", false, d.method},
	)
}

// partAlias is replaced by part i's first page when the PDF is closed.
func partAlias(i int) string { return fmt.Sprintf(aliasMark+"p%d"+aliasMark, i+1) }

// startPart opens part i on a new page (landscape for the widest table) and
// records its page for the contents.
func (d *doc) startPart(i int, pt part) {
	if pt.landscape {
		d.landscape()
	} else {
		d.portrait()
	}
	d.pdf.RegisterAlias(partAlias(i), strconv.Itoa(d.pdf.PageNo()))
	d.partPage[i] = d.pdf.PageNo()
	d.h1(pt.title)
}

func (d *doc) full() {
	d.cover()
	for i, pt := range d.parts() {
		d.startPart(i, pt)
		pt.draw()
	}
}

// cover is the first page: who and what the report is about, for whom, and
// what is in it.
func (d *doc) cover() {
	p := d.pdf
	d.noHeader[1] = true
	p.AddPage()
	w := d.pageWidth()
	cw := d.contentWidth()

	d.fill(colNavy)
	d.artifact()
	p.Rect(0, 0, w, 92, "F")
	d.color(colTealLight)
	d.font("B", 10)
	p.SetXY(marginSide, 22)
	d.begin("P")
	d.lines(strings.ToUpper(d.framework().AssessmentKind())+" · REPORT FOR THE LACE", cw, "L")
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
	sub := d.a.PI
	if fw := d.in.Train.Framework; fw != "" {
		if sub != "" {
			sub += " · "
		}
		sub += "a " + string(fw) + " train"
	}
	p.SetXY(marginSide, 60)
	d.begin("P")
	d.lines(sub, cw, "L")
	d.end()
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

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

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
	d.textAt(tx, y+10.5, textW, 5, fmt.Sprintf("Overall score %s of 100 · %s", scoreText(res.Overall), answeredText(res.Overall)), "L")
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

// previous is the assessment before this one, if there is one.
func (d *doc) previous() (*HistoryPoint, bool) {
	if len(d.in.History) == 0 {
		return nil, false
	}
	return &d.in.History[len(d.in.History)-1], true
}

// change writes the difference between two scores, or nothing when either
// is unknown.
func change(cur, prev assessment.Score) string {
	if !cur.Known() || !prev.Known() {
		return "—"
	}
	return fmt.Sprintf("%+.0f", cur.Value-prev.Value)
}

// scoresAndTrends: the radar with the previous assessment overlaid, the
// dimension scores, the trend, and the checklist scores.
func (d *doc) scoresAndTrends() {
	res := d.in.Results
	prev, hasPrev := d.previous()
	var prevDims []assessment.DimensionScore
	prevLabel := ""
	if hasPrev {
		prevDims = prev.Results.Dimensions
		prevLabel = label(prev.Assessment)
	}
	d.para("", sizeBody, "Each spoke of the radar is one dimension of maturity, scored 0 to 100 from the items that feed it. "+
		"The filled shape is this assessment; the dashed line is the one before it.")
	h := 112.0
	d.need(h)
	y := d.pdf.GetY()
	d.radar(marginSide, y, d.contentWidth(), h, res.Dimensions, prevDims, prevLabel)
	d.pdf.SetXY(marginSide, y+h+2)

	prevBy := map[string]assessment.Score{}
	for _, ds := range prevDims {
		prevBy[ds.DimensionID] = ds.Score
	}
	cols := scaleColumns([]column{{"Dimension", 60, "L"}, {"Score", 14, "R"}, {"Answered", 30, "L"}, {"Previous", 16, "R"}, {"Change", 14, "R"}}, d.contentWidth())
	var rows [][]cell
	for _, ds := range res.Dimensions {
		desc := ""
		for _, dim := range d.in.Definitions.Dimensions {
			if dim.ID == ds.DimensionID {
				desc = dim.Description
			}
		}
		ps, ok := prevBy[ds.DimensionID]
		prevText := "—"
		if ok {
			prevText = scoreText(ps)
		}
		rows = append(rows, []cell{
			{text: ds.Title, style: "B", sub: desc},
			{text: scoreText(ds.Score), style: "B"},
			{text: answeredText(ds.Score)},
			{text: prevText},
			{text: change(ds.Score, ps)},
		})
	}
	d.draw(table{cols: cols}, rows)

	d.h2("Trend across assessments", 80)
	if len(d.in.History) == 0 {
		d.para("I", sizeBody, "This is the train's first assessment in Trainscope; later assessments will draw the trend from here.")
	} else {
		d.para("", sizeBody, fmt.Sprintf("The overall score and each maturity checklist over the train's %d assessments, oldest first.", len(d.in.History)+1))
	}
	th := 72.0
	d.need(th)
	y = d.pdf.GetY()
	d.trend(marginSide, y, d.contentWidth(), th)
	d.pdf.SetXY(marginSide, y+th+3)
	d.trendTable()

	d.h2("Scores per checklist", 30)
	prevLists := map[string]assessment.Score{}
	if hasPrev {
		for _, cs := range prev.Results.Checklists {
			prevLists[cs.ChecklistID] = cs.Score
		}
	}
	rows = nil
	for _, cs := range res.Checklists {
		ps, ok := prevLists[cs.ChecklistID]
		prevText := "—"
		if ok {
			prevText = scoreText(ps)
		}
		note := ""
		if cs.ChecklistID == assessment.ChecklistFit {
			note = "Decides the verdict; not part of the overall score."
		}
		rows = append(rows, []cell{
			{text: cs.Title, style: "B", sub: note},
			{text: scoreText(cs.Score), style: "B"},
			{text: answeredText(cs.Score)},
			{text: prevText},
			{text: change(cs.Score, ps)},
		})
	}
	rows = append(rows, []cell{
		{text: "Overall", style: "B", sub: "The maturity checklists together."},
		{text: scoreText(res.Overall), style: "B"},
		{text: answeredText(res.Overall)},
		{text: func() string {
			if hasPrev {
				return scoreText(prev.Results.Overall)
			}
			return "—"
		}()},
		{text: func() string {
			if hasPrev {
				return change(res.Overall, prev.Results.Overall)
			}
			return "—"
		}()},
	})
	cols[0].title = "Checklist"
	d.draw(table{cols: cols}, rows)
}

// findings: per checklist, its score, the weakest items and the coach's
// notes.
func (d *doc) findings() {
	res := d.in.Results
	scores := map[string]assessment.ChecklistScore{}
	for _, cs := range res.Checklists {
		scores[cs.ChecklistID] = cs
	}
	for ci := range d.in.Definitions.Checklists {
		cl := &d.in.Definitions.Checklists[ci]
		d.h2(d.words(cl.Title), 40)
		if cl.Purpose != "" {
			d.para("I", sizeBody, d.words(cl.Purpose))
		}
		cs := scores[cl.ID]
		line := fmt.Sprintf("Score %s of 100 · %s", scoreText(cs.Score), answeredText(cs.Score))
		if cl.ID == assessment.ChecklistFit {
			line += " · Verdict: " + verdictText(res.Verdict.Kind)
		}
		d.para("B", sizeBody, line)

		weak := d.weakest(cl, 3)
		d.h3("Weakest items", 15)
		if len(weak) == 0 {
			d.para("I", sizeBody, "No rated item sits below the top of its scale.")
		} else {
			cols := scaleColumns([]column{{"Item", 62, "L"}, {"Answer", 26, "L"}, {"Coach's note", 62, "L"}}, d.contentWidth())
			var rows [][]cell
			for _, wi := range weak {
				desc := ""
				if l := wi.item.Level(int(wi.score.Rating)); l != nil {
					desc = l.Descriptor
				}
				ans := d.a.Answers[wi.item.ID]
				rows = append(rows, []cell{
					{text: d.words(wi.item.Text), sub: d.words(desc)},
					{text: ratingText(wi.item, wi.score), style: "B"},
					{text: orDash(ans.Note), sub: evidenceNote(ans.Evidence)},
				})
			}
			d.draw(table{cols: cols}, rows)
		}
		d.h3("The coach's notes", 10)
		note := strings.TrimSpace(d.a.Notes[cl.ID])
		if note == "" {
			d.para("I", sizeBody, "No notes for this checklist.")
		} else {
			d.para("", sizeBody, note)
		}
		d.pdf.Ln(2)
	}
}

func evidenceNote(e string) string {
	if strings.TrimSpace(e) == "" {
		return ""
	}
	return "Seen: " + e
}

// roster: who holds which role, each team, and the gaps the rules found.
func (d *doc) roster() {
	r := d.a.Roster
	f := d.in.Train.Framework
	vac := vacancies(r, f)
	vsm := ""
	if f.Applies("RG-15") { // the value stream map is a rule of the framework's
		vsm = "; the train has a value stream map"
		if !r.ValueStreamMap {
			vsm = "; the train has no value stream map"
		}
	}
	d.para("", sizeBody, fmt.Sprintf("The roster as it stood on %s: %s, %s, %s%s. "+
		"Cells with a tinted background show a vacancy or a gap.", date(d.a.Date), assessment.Count(len(r.Teams), "team", "teams"),
		assessment.Count(len(r.People), "person", "people"), assessment.Count(len(vac), "vacant role", "vacant roles"), vsm))

	gapsBySubject := map[string][]string{}
	for _, g := range d.in.Results.Gaps {
		gapsBySubject[g.Subject] = append(gapsBySubject[g.Subject], g.Rule)
	}
	gapFill, gapInk := colGap, colGapInk

	d.h2("Train-level roles", 20)
	cols := scaleColumns([]column{{"Role", 50, "L"}, {"Held by", 60, "L"}, {"Gaps", 40, "L"}}, d.contentWidth())
	var rows [][]cell
	for _, role := range f.Roles() {
		var holders []assessment.RoleAssignment
		for _, ra := range r.Roles {
			if ra.Role == role {
				holders = append(holders, ra)
			}
		}
		if len(holders) == 0 {
			holders = append(holders, assessment.RoleAssignment{Role: role})
		}
		for _, ra := range holders {
			c := cell{text: d.personName(ra.PersonID)}
			if ra.PersonID == "" {
				c = cell{text: "vacant", style: "B", fill: &gapFill, ink: &gapInk}
			}
			gaps := gapsFor(gapsBySubject, role.Title(f), string(role), d.people[ra.PersonID].Name)
			g := cell{text: strings.Join(gaps, ", ")}
			if len(gaps) > 0 {
				g.fill, g.ink = &gapFill, &gapInk
			}
			rows = append(rows, []cell{{text: role.Title(f), style: "B"}, c, g})
		}
	}
	d.draw(table{cols: cols}, rows)

	d.h2("Teams", 20)
	required := r.RequiredSkills
	if len(required) == 0 {
		required = assessment.DefaultSkills
	}
	cols = scaleColumns([]column{{"Team", 26, "L"}, {"Scrum Master", 30, "L"}, {"Product Owner", 30, "L"}, {"Developers", 48, "L"}, {"Missing skills", 26, "L"}, {"Gaps", 14, "L"}}, d.contentWidth())
	rows = nil
	for _, t := range r.Teams {
		var devs []string
		contractors := 0
		for _, id := range t.DeveloperIDs {
			devs = append(devs, d.people[id].Name)
			if d.people[id].Contractor {
				contractors++
			}
		}
		devText := fmt.Sprintf("%d", len(devs))
		if contractors > 0 {
			devText += fmt.Sprintf(", %d by contractors", contractors)
		}
		var missing []string
		for _, s := range required {
			if !slices.ContainsFunc(t.Skills, func(have string) bool { return strings.EqualFold(have, s) }) {
				missing = append(missing, s)
			}
		}
		person := func(id string) cell {
			if id == "" {
				return cell{text: "vacant", style: "B", fill: &gapFill, ink: &gapInk}
			}
			c := cell{text: d.personName(id)}
			if len(gapsBySubject[d.people[id].Name]) > 0 {
				c.fill = &gapFill
			}
			return c
		}
		miss := cell{text: strings.Join(missing, ", ")}
		if len(missing) > 0 {
			miss.fill, miss.ink = &gapFill, &gapInk
		}
		gaps := gapsFor(gapsBySubject, t.Name, t.ID, d.people[t.ScrumMasterID].Name, d.people[t.ProductOwnerID].Name)
		g := cell{text: strings.Join(gaps, ", ")}
		if len(gaps) > 0 {
			g.fill, g.ink = &gapFill, &gapInk
		}
		rows = append(rows, []cell{
			{text: t.Name, style: "B"},
			person(t.ScrumMasterID),
			person(t.ProductOwnerID),
			{text: devText, sub: strings.Join(devs, ", ")},
			miss,
			g,
		})
	}
	if len(rows) == 0 {
		d.para("I", sizeBody, "The roster has no teams.")
	} else {
		d.draw(table{cols: cols}, rows)
	}

	d.h2("People with more than one role", 15)
	d.overload()

	d.h2("Gaps and risks", 20)
	gaps := slices.Clone(d.in.Results.Gaps)
	slices.SortStableFunc(gaps, func(a, b assessment.RoleGap) int { return cmp.Compare(a.Severity, b.Severity) })
	if len(gaps) == 0 {
		d.para("I", sizeBody, "The roster rules found no gaps.")
		return
	}
	cols = scaleColumns([]column{{"Rule", 14, "L"}, {"Severity", 16, "L"}, {"Concerns", 34, "L"}, {"Finding and why it matters", 110, "L"}}, d.contentWidth())
	rows = nil
	for _, g := range gaps {
		sev := cell{text: priorityText(g.Severity)}
		if g.Severity == assessment.High {
			sev = cell{text: "High", style: "B", fill: &gapFill, ink: &gapInk}
		}
		rows = append(rows, []cell{{text: g.Rule}, sev, {text: g.Subject}, {text: g.Finding, sub: g.Explanation}})
	}
	d.draw(table{cols: cols}, rows)
}

// gapsFor lists the rules whose gaps concern any of the subjects.
func gapsFor(by map[string][]string, subjects ...string) []string {
	var out []string
	for _, s := range subjects {
		if s == "" {
			continue
		}
		for _, rule := range by[s] {
			if !slices.Contains(out, rule) {
				out = append(out, rule)
			}
		}
	}
	return out
}

// overload lists everyone who holds more than one role or serves more than
// one team, the facts behind the overload gaps.
func (d *doc) overload() {
	r := d.a.Roster
	f := d.in.Train.Framework
	roles := map[string][]string{}
	for _, ra := range r.Roles {
		if ra.PersonID != "" {
			roles[ra.PersonID] = append(roles[ra.PersonID], ra.Role.Title(f))
		}
	}
	for _, t := range r.Teams {
		if t.ScrumMasterID != "" {
			roles[t.ScrumMasterID] = append(roles[t.ScrumMasterID], "Scrum Master of "+t.Name)
		}
		if t.ProductOwnerID != "" {
			roles[t.ProductOwnerID] = append(roles[t.ProductOwnerID], "Product Owner of "+t.Name)
		}
		for _, id := range t.DeveloperIDs {
			roles[id] = append(roles[id], "developer in "+t.Name)
		}
	}
	var rows [][]cell
	for _, per := range r.People {
		if len(roles[per.ID]) > 1 {
			rows = append(rows, []cell{{text: d.personName(per.ID), style: "B"}, {text: strings.Join(roles[per.ID], "; ")}})
		}
	}
	if len(rows) == 0 {
		d.para("I", sizeBody, "Everyone holds one role in one team.")
		return
	}
	d.draw(table{cols: scaleColumns([]column{{"Person", 50, "L"}, {"Roles", 124, "L"}}, d.contentWidth())}, rows)
}

// register: the figures, the ageing, what sits with the LACE, and the whole
// register.
func (d *doc) register() {
	fig := d.in.Results.Figures
	pi := d.piWeeks()
	oldest := "—"
	if fig.Open > 0 && fig.OldestOpenID != "" {
		oldest = fmt.Sprintf("%d days", fig.OldestOpenAgeDays)
		for _, imp := range d.a.Register {
			if imp.ID == fig.OldestOpenID {
				oldest += ": " + imp.Title
			}
		}
	}
	of := func(n, total int) string {
		if total == 0 {
			return "—"
		}
		return fmt.Sprintf("%s (%d of %d)", percent(float64(n)/float64(total)), n, total)
	}
	lv := func(m map[assessment.ImpedimentLevel]int) string {
		return d.levelCounts(m)
	}
	median := func(v float64, n int) string {
		if n == 0 {
			return "—"
		}
		return days(v) + " days"
	}
	d.h2("Figures", 40)
	d.keyValues([][2]string{
		{"Impediments in the register", fmt.Sprintf("%d (%s)", fig.Total, lv(fig.ByLevel))},
		{"Open", fmt.Sprintf("%d (%s)", fig.Open, lv(fig.OpenByLevel))},
		{"Median age of open ones", median(fig.MedianOpenAgeDays, fig.Open)},
		{"Oldest open one", oldest},
		{fmt.Sprintf(d.words("Open longer than one {pi} (%d weeks)"), pi), of(fig.OlderThanPI, fig.Open)},
		{d.words("Raised and resolved in the last {pi}"), fmt.Sprintf("%d raised, %d resolved", fig.RaisedLastPI, fig.ResolvedLastPI)},
		{"Median cycle time, raised to resolved", median(fig.MedianCycleDays, fig.Cycles)},
		{"Escalated beyond their level", of(fig.Escalated, fig.Total)},
		{"Recurring (repeat an earlier one)", of(fig.Recurring, fig.Total)},
	}, 62)

	d.h2("Ageing of open impediments", 40)
	h := 34.0
	d.need(h)
	y := d.pdf.GetY()
	d.ageing(marginSide, y, d.contentWidth(), h)
	d.pdf.SetXY(marginSide, y+h+2)
	d.ageingTable()

	open, resolved := d.splitRegister()
	var lace []assessment.Impediment
	for _, imp := range open {
		if imp.Level == assessment.LevelLACE {
			lace = append(lace, imp)
		}
	}
	d.h2("Escalated to the LACE", 20)
	if len(lace) == 0 {
		d.para("I", sizeBody, "No open impediment sits with the LACE.")
	} else {
		d.para("", sizeBody, fmt.Sprintf("%d open impediments need the LACE or the portfolio to act: systemic or transformation-level problems the train cannot clear itself.", len(lace)))
		d.impedimentTable(lace, true)
	}

	d.h2("The register", 20)
	if len(open)+len(resolved) == 0 {
		d.para("I", sizeBody, "The register is empty.")
		return
	}
	d.para("", sizeBody, "Open impediments first, oldest first, with their descriptions; then resolved ones, most recently resolved first. "+
		"Age is in days: to the assessment date while open, from raised to resolved once resolved. "+d.words("Ages beyond one {pi} are marked."))
	d.impedimentTable(open, true)
	if len(resolved) > 0 {
		d.impedimentTable(resolved, false)
	}
}

// splitRegister sorts the register as it stood on the assessment's date
// into open impediments, oldest first, and resolved ones, most recently
// resolved first.
func (d *doc) splitRegister() (open, resolved []assessment.Impediment) {
	on := d.a.Date
	for _, imp := range d.a.Register {
		switch {
		case !imp.Existed(on):
		case imp.OpenOn(on):
			open = append(open, imp)
		default:
			resolved = append(resolved, imp)
		}
	}
	slices.SortStableFunc(open, func(a, b assessment.Impediment) int {
		return cmp.Or(a.Raised.Compare(b.Raised), cmp.Compare(a.ID, b.ID))
	})
	slices.SortStableFunc(resolved, func(a, b assessment.Impediment) int {
		return cmp.Or(b.Resolved.Compare(a.Resolved), cmp.Compare(a.ID, b.ID))
	})
	return open, resolved
}

// impedimentTable lists impediments, with their descriptions or without.
func (d *doc) impedimentTable(imps []assessment.Impediment, described bool) {
	cols := scaleColumns([]column{
		{"Impediment", 52, "L"}, {"Level", 10, "L"}, {"Team", 20, "L"}, {"Owner", 22, "L"},
		{"Status", 19, "L"}, {"ROAM", 15, "L"}, {"Raised", 19, "L"}, {"Age", 8, "R"}, {"Esc.", 9, "C"},
	}, d.contentWidth())
	gapFill, gapInk := colGap, colGapInk
	on := d.a.Date
	pi := d.piWeeks() * 7
	var rows [][]cell
	for _, imp := range imps {
		open := imp.OpenOn(on)
		age, known := imp.AgeDays(on)
		ageCell := cell{text: "—"}
		if known {
			ageCell.text = strconv.Itoa(age)
		}
		if open && age > pi {
			ageCell.style, ageCell.fill, ageCell.ink = "B", &gapFill, &gapInk
		}
		title := imp.Title
		if imp.RecurrenceOf != "" {
			title += " (recurs)"
		}
		esc := ""
		if imp.Escalated {
			esc = "yes"
		}
		status := imp.Status.Title()
		if !open {
			status = "Resolved"
			if !imp.Resolved.IsZero() {
				status += "\n" + shortDate(imp.Resolved)
			}
		}
		desc := ""
		if described {
			desc = imp.Description
		}
		rows = append(rows, []cell{
			{text: title, style: "B", sub: desc},
			{text: d.levelText(imp.Level)},
			{text: d.teamName(imp.TeamID)},
			{text: orDash(imp.Owner)},
			{text: status},
			{text: roamText(imp.ROAM)},
			{text: shortDate(imp.Raised)},
			ageCell,
			{text: esc},
		})
	}
	d.draw(table{cols: cols, size: 7.5}, rows)
}

// recommendations: every recommendation, the coach's decisions included,
// as one table on landscape pages.
func (d *doc) recommendations() {
	recs := d.in.Results.Recommendations
	accepted, proposed, rejected := 0, 0, 0
	for _, r := range recs {
		switch r.Status {
		case assessment.Accepted:
			accepted++
		case assessment.Rejected:
			rejected++
		default:
			proposed++
		}
	}
	d.para("", sizeBody, fmt.Sprintf("%d recommendations: %d accepted by the coach, %d proposed, %d rejected. "+
		"They are grouped by finding, the most urgent first. Each was derived by a documented rule from the findings (the rule is named under its number) or added by the coach; rejected ones are kept, greyed, so the LACE sees what was set aside.",
		len(recs), accepted, proposed, rejected))
	if len(recs) == 0 {
		return
	}
	cols := scaleColumns([]column{
		{"#", 12, "L"}, {"Finding and action", 61, "L"}, {"Evidence", 50, "L"}, {"Priority", 15, "L"},
		{"Owner", 22, "L"}, {"Escalation", 18, "L"}, {"Acceptance criterion", 50, "L"}, {"Target " + d.words("{pi}"), 18, "L"}, {"Status", 19, "L"},
	}, d.contentWidth())
	grey := colMuted
	var rows [][]cell
	i := 0
	for _, g := range assessment.GroupRecommendations(d.in.Definitions, d.framework(), recs) {
		band := make([]cell, len(cols))
		for j := range band {
			band[j].fill = &colPanel
		}
		band[1].text, band[1].style = g.Title, "B"
		band[3].text, band[3].style = priorityText(g.Priority), "B"
		band[6].text = assessment.Count(len(g.Members), "recommendation", "recommendations")
		rows = append(rows, band)
		for _, r := range g.Members {
			i++
			var ev []string
			for _, e := range r.Evidence {
				ev = append(ev, "• "+e.Text)
			}
			rule := r.Rule
			if r.ByCoach {
				rule = "coach"
			}
			row := []cell{
				{text: strconv.Itoa(i), style: "B", sub: rule},
				{text: r.Finding, style: "B", sub: actionText(r)},
				{text: strings.Join(ev, "\n")},
				{text: priorityText(r.Priority)},
				{text: d.ownerText(r.Owner)},
				{text: d.levelText(r.Escalation)},
				{text: orDash(r.Acceptance)},
				{text: orDash(r.TargetPI)},
				{text: statusText(r)},
			}
			if r.Priority == assessment.High && r.Status != assessment.Rejected {
				row[3].style = "B"
			}
			if r.Status == assessment.Rejected {
				for j := range row {
					row[j].ink = &grey
				}
			}
			rows = append(rows, row)
		}
	}
	d.draw(table{cols: cols}, rows)
}

// answers: every item of every checklist with its answer, note and
// evidence.
func (d *doc) answers() {
	intro := "Every item as the coach answered it. \"Not applicable\" and \"don't know\" never count toward a score. The note is what the coach heard or thinks; \"Seen\" is the evidence they observed."
	if d.ws != nil {
		intro += " The answer is the consensus the workshop recorded; beside it are the room's votes where they were revealed (a dash where they were not: those votes stay private) and what the coach observed."
	}
	d.para("", sizeBody, intro)
	for ci := range d.in.Definitions.Checklists {
		cl := &d.in.Definitions.Checklists[ci]
		d.h2(d.words(cl.Title), 25)
		cols := scaleColumns([]column{{"Item", 70, "L"}, {"Answer", 30, "L"}, {"Note and evidence", 74, "L"}}, d.contentWidth())
		if d.ws != nil {
			cols = scaleColumns([]column{{"Item", 56, "L"}, {"Answer (consensus)", 28, "L"}, {"Workshop votes and the coach's observation", 42, "L"}, {"Note and evidence", 48, "L"}}, d.contentWidth())
		}
		var rows [][]cell
		section := ""
		for i := range cl.Items {
			it := &cl.Items[i]
			if !it.AppliesTo(d.framework()) {
				continue
			}
			if it.Section != "" && it.Section != section {
				section = it.Section
				band := make([]cell, len(cols))
				for j := range band {
					band[j].fill = &colPanel
				}
				band[0].text, band[0].style = section, "B"
				rows = append(rows, band)
			}
			ans := d.a.Answers[it.ID]
			row := []cell{
				{text: d.words(it.Text), sub: it.ID},
				{text: ratingText(it, d.itemScore(it)), style: "B"},
				{text: ans.Note, sub: evidenceNote(ans.Evidence)},
			}
			if d.ws != nil {
				row = slices.Insert(row, 2, d.workshopAnswerCell(it))
			}
			rows = append(rows, row)
		}
		d.draw(table{cols: cols}, rows)
	}
}

// method: how the scores were computed, and every scale, weight and
// threshold of the checklist version used.
func (d *doc) method() {
	defs := d.in.Definitions
	version := d.a.ChecklistVersion
	if version == "" {
		version = defs.Version
	}
	d.para("", sizeBody, fmt.Sprintf("Checklist version %s. Items keep their IDs for good; an item whose wording changed is a new item with a new ID, so scores compare like with like across assessments.", orDash(version)))
	d.methodText()

	for ci := range defs.Checklists {
		cl := &defs.Checklists[ci]
		d.h2("Scales: "+d.words(cl.Title), 25)
		cols := scaleColumns([]column{{"Item", 56, "L"}, {"Kind, weight, dimension", 30, "L"}, {"Scale", 88, "L"}}, d.contentWidth())
		var rows [][]cell
		for i := range cl.Items {
			it := &cl.Items[i]
			if !it.AppliesTo(d.framework()) {
				continue
			}
			var levels []string
			for _, l := range it.Levels {
				levels = append(levels, fmt.Sprintf("%d %s: %s", l.Value, l.Label, d.words(l.Descriptor)))
			}
			kind := fmt.Sprintf("%s\nweight %s", it.Kind, number(it.Weight))
			if it.Decisive {
				kind += "\ndecisive"
			}
			if it.Dimension != "" {
				kind += "\n" + d.dimensionTitle(it.Dimension)
			}
			thresholds := ""
			if it.Figure != nil && len(it.Figure.Bands) > 0 {
				thresholds = "Thresholds: " + bandsText(it.Figure)
			}
			rows = append(rows, []cell{
				{text: d.words(it.Text), sub: it.ID},
				{text: kind},
				{text: strings.Join(levels, "\n"), sub: thresholds},
			})
		}
		d.draw(table{cols: cols, size: 7.5}, rows)
	}
}

func (d *doc) dimensionTitle(id string) string {
	for _, dim := range d.in.Definitions.Dimensions {
		if dim.ID == id {
			return dim.Title
		}
	}
	return id
}

// bandsText writes a measure's thresholds, e.g. "≤ 7 days: 5; ≤ 14 days: 4".
func bandsText(f *assessment.FigureSpec) string {
	unit := f.Unit
	if unit != "" && unit != "%" {
		unit = " " + unit
	}
	var parts []string
	for _, b := range f.Bands {
		switch {
		case b.Max != nil:
			parts = append(parts, fmt.Sprintf("≤ %s%s: level %d", number(*b.Max), unit, b.Level))
		case b.Min != nil:
			parts = append(parts, fmt.Sprintf("≥ %s%s: level %d", number(*b.Min), unit, b.Level))
		default:
			parts = append(parts, fmt.Sprintf("otherwise: level %d", b.Level))
		}
	}
	return strings.Join(parts, "; ")
}
