package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/trainscope/trainscope/assessment"
)

// A workshop assessment's report shows what the room voted: who took part,
// the spread of the votes on every item revealed to the room (the most
// divided first), and how the room's self-rating compares with what the
// coach observed. It reads the votes only through Workshop.Spread, which
// gives nothing for an item that was not revealed, so a hidden vote cannot
// reach the page; and it names people only through Workshop.DisplayName, so
// an anonymous workshop shows roles, never names.

const workshopTitle = "Workshop: how the room voted"

// workshopView is what the report reads off a workshop, worked out once.
type workshopView struct {
	w        *assessment.Workshop
	spreads  []assessment.Spread // revealed items, most divided first
	spreadOf map[string]assessment.Spread
	flagged  int // revealed items the room strongly disagreed on
	items    map[string]*assessment.Item
	list     map[string]*assessment.Checklist // each item's checklist
	total    int                              // items in the checklists
	gaps     []assessment.ObservationGap
	perList  []assessment.ChecklistObservation // scored on the items both rated
}

func newWorkshopView(defs *assessment.Definitions, a *assessment.Assessment) *workshopView {
	if a.Workshop == nil {
		return nil
	}
	v := &workshopView{
		w:        a.Workshop,
		spreads:  a.Workshop.Discussion(defs),
		spreadOf: map[string]assessment.Spread{},
		items:    map[string]*assessment.Item{},
		list:     map[string]*assessment.Checklist{},
	}
	for _, s := range v.spreads {
		v.spreadOf[s.ItemID] = s
		if s.Flagged() {
			v.flagged++
		}
	}
	for ci := range defs.Checklists {
		cl := &defs.Checklists[ci]
		for ii := range cl.Items {
			v.items[cl.Items[ii].ID] = &cl.Items[ii]
			v.list[cl.Items[ii].ID] = cl
			v.total++
		}
	}
	v.gaps, v.perList = assessment.ObservationGaps(defs, a)
	return v
}

// participantName is how the report names a participant: their name, or in
// an anonymous workshop their role and number.
func (d *doc) participantName(p assessment.Participant) string {
	name := d.ws.w.DisplayName(p, d.in.Train.Framework)
	if d.ws.w.Anonymous {
		name = capitalise(name) // "scaled facilitator 1" starts a cell
	}
	return name
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// roleCounts says who was in the room by role, in the order roles are
// offered: "2 Scrum Masters, 1 Product Owner and 1 RTE".
func (d *doc) roleCounts() string {
	count := map[assessment.ParticipantRole]int{}
	for _, p := range d.ws.w.Participants {
		count[p.Role]++
	}
	var parts []string
	roles := slices.Clone(assessment.ParticipantRoles)
	for r := range count {
		if !slices.Contains(roles, r) {
			roles = append(roles, r) // a role this version does not know
		}
	}
	slices.SortStableFunc(roles[len(assessment.ParticipantRoles):], func(a, b assessment.ParticipantRole) int { return cmp.Compare(a, b) })
	for _, r := range roles {
		if n := count[r]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, plural(r.Title(d.in.Train.Framework), n)))
		}
	}
	return andList(parts)
}

// plural is a role title for n people.
func plural(title string, n int) string {
	switch {
	case n == 1:
		return title
	case strings.HasSuffix(title, "Management"):
		return "from " + title
	case title == "Other":
		return "others"
	}
	return title + "s"
}

// andList joins "a", "b" and "c" as "a, b and c".
func andList(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func people(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}

func items(n int) string {
	if n == 1 {
		return "1 item"
	}
	return fmt.Sprintf("%d items", n)
}

// signed writes a gap with its sign: "+2", "-1", "0".
func signed(v float64) string {
	s := fmt.Sprintf("%+.0f", v)
	if s == "+0" || s == "-0" {
		return "0"
	}
	return s
}

// largestGap is the maturity checklist where the room's self-rating and
// the coach's observation differ most, and whether there is one to compare
// at all. The fit checklist is left out: a higher score there is a stronger
// case for a scaled facilitator, not a better train.
func (d *doc) largestGap() (assessment.ChecklistObservation, bool) {
	var best assessment.ChecklistObservation
	found := false
	for _, co := range d.ws.perList {
		if !co.Self.Known() || !co.Observed.Known() || !assessment.IsMaturity(co.ChecklistID) {
			continue
		}
		if !found || abs(co.Gap) > abs(best.Gap) {
			best, found = co, true
		}
	}
	return best, found
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// checklistTitle names a checklist by ID in the train's words.
func (d *doc) checklistTitle(id string) string {
	if cl := d.in.Definitions.Checklist(id); cl != nil {
		return d.words(cl.Title)
	}
	return id
}

// gapPhrase puts a checklist's self-versus-observed gap in a few words:
// "Role coverage, +23 points (the room rates itself higher)".
func (d *doc) gapPhrase(co assessment.ChecklistObservation) string {
	title := d.checklistTitle(co.ChecklistID)
	g := signed(co.Gap)
	switch {
	case g == "0":
		return title + ", none: the room's self-rating matches the coach's observation"
	case co.Gap > 0:
		return fmt.Sprintf("%s, %s points (the room rates itself higher)", title, g)
	}
	return fmt.Sprintf("%s, %s points (the room rates itself lower)", title, g)
}

// workshopLine is the workshop in one line, for the executive summary and
// the leadership summary: who was in the room, how much divided it, and
// the largest gap between its self-rating and the coach's observation.
func (d *doc) workshopLine() string {
	n := len(d.ws.w.Participants)
	s := people(n) + " took part"
	if n > 0 {
		s += ": " + d.roleCounts()
	}
	s += ". "
	switch r := len(d.ws.spreads); {
	case r == 0:
		s += "No votes were revealed. "
	case d.ws.flagged == 0:
		s += fmt.Sprintf("Strongly disputed: none of the %s revealed. ", items(r))
	default:
		s += fmt.Sprintf("Strongly disputed: %d of the %s revealed. ", d.ws.flagged, items(r))
	}
	if co, ok := d.largestGap(); ok {
		s += "Largest gap to the coach's observation: " + d.gapPhrase(co) + "."
	} else {
		s += "The coach recorded no observation to compare the room's self-rating with."
	}
	return s
}

// workshopPanel draws the workshop line in a tinted band, in at most
// maxLines lines (0: as many as it takes).
func (d *doc) workshopPanel(maxLines int) {
	p := d.pdf
	cw := d.contentWidth()
	label := "Workshop"
	d.font("B", sizeBody)
	lw := p.GetStringWidth(label) + 2*p.GetCellMargin() + 1
	d.font("", sizeBody)
	var lines []string
	if maxLines > 0 {
		lines = d.clip(d.workshopLine(), cw-lw-4, maxLines)
	} else {
		lines = d.split(d.g.clean(d.workshopLine()), cw-lw-4)
	}
	lh := d.lineHeight()
	h := float64(len(lines))*lh + 3
	d.need(h + 2)
	y := p.GetY()
	d.fill(colPanel)
	d.artifact()
	p.Rect(marginSide, y, cw, h, "F")
	d.fill(colTeal)
	p.Rect(marginSide, y, 1.2, h, "F")
	d.font("B", sizeBody)
	d.color(colNavy)
	d.begin("P")
	d.textAt(marginSide+2, y+1.5, lw, lh, label, "L")
	d.font("", sizeBody)
	d.color(colInk)
	for i, line := range lines {
		p.SetXY(marginSide+2+lw, y+1.5+float64(i)*lh)
		d.cell(cw-lw-4, lh, line, 0, "L")
	}
	d.end()
	p.SetXY(marginSide, y+h+3)
}

// workshop is the report's workshop part.
func (d *doc) workshop() {
	ws := d.ws
	f := d.in.Train.Framework
	n := len(ws.w.Participants)
	intro := fmt.Sprintf("This assessment was made in a workshop with %s", people(n))
	if n > 0 {
		intro += ": " + d.roleCounts()
	}
	intro += ". Each vote stayed hidden until everyone had voted; then the votes on an item were revealed together and the room discussed what divided it. " +
		"The consensus the room reached, recorded by the coach, is the answer every score in this report uses. What the coach observed themselves is kept apart and compared with it at the end of this part."
	d.para("", sizeBody, intro)
	if ws.w.Anonymous {
		d.para("B", sizeBody, "The workshop was anonymous: this report names participants by their role, never by name.")
	}
	d.para("", sizeBody, fmt.Sprintf("%d of the %d items were revealed to the room. Votes on an item that was not revealed stay private: they appear nowhere in this report.", len(ws.spreads), ws.total))

	d.h2("Who took part", 20)
	if n == 0 {
		d.para("I", sizeBody, "Nobody is listed as a participant.")
	} else {
		votes := map[string]int{}
		for _, s := range ws.spreads {
			for _, v := range s.Votes {
				votes[v.ParticipantID]++
			}
		}
		cols := []column{{"Participant", 70, "L"}, {"Role", 60, "L"}, {"Votes on revealed items", 44, "R"}}
		if ws.w.Anonymous {
			cols = []column{{"Participant, by role", 130, "L"}, {"Votes on revealed items", 44, "R"}}
		}
		var rows [][]cell
		for _, p := range ws.w.Participants {
			row := []cell{{text: d.participantName(p), style: "B"}}
			if !ws.w.Anonymous {
				row = append(row, cell{text: p.Role.Title(f)})
			}
			row = append(row, cell{text: fmt.Sprintf("%d of %d", votes[p.ID], len(ws.spreads))})
			rows = append(rows, row)
		}
		d.draw(table{cols: scaleColumns(cols, d.contentWidth())}, rows)
	}

	d.h2("How the room voted", 40)
	if len(ws.spreads) == 0 {
		d.para("I", sizeBody, "No item was revealed, so no votes are shown.")
	} else {
		d.para("", sizeBody, "Each bar is the number of votes for one level of the item's scale, lowest level on the left, against a pale bar that stands for the whole room; the navy triangle marks the median. "+
			"Disagreement is Leik's ordinal dispersion of the votes: 0 when everyone chose the same level, 1 when the room split evenly between the lowest and the highest level. "+
			fmt.Sprintf("From %.2f it counts as some disagreement; from %.2f the item is flagged as strongly disputed, to be discussed before the consensus is recorded. ", assessment.SomeDisagreement, assessment.StrongDisagreement)+
			"\"Not applicable\" and \"don't know\" votes are counted but have no level.")
		var flagged, rest []assessment.Spread
		for _, s := range ws.spreads {
			if s.Flagged() {
				flagged = append(flagged, s)
			} else {
				rest = append(rest, s)
			}
		}
		d.h3(fmt.Sprintf("Strongly disputed: %s, most divided first", items(len(flagged))), 20)
		if len(flagged) == 0 {
			d.para("I", sizeBody, "No revealed item divided the room strongly.")
		} else {
			d.spreadTable(flagged)
		}
		if len(rest) > 0 {
			d.h3(fmt.Sprintf("The other revealed items: %s, most divided first", items(len(rest))), 20)
			d.spreadTable(rest)
		}
	}

	d.h2("The room's self-rating and the coach's observation", 40)
	d.para("", sizeBody, "The self-rating is the consensus the room recorded; the observation is what the coach saw of the same practice in the train's daily work. "+
		"A positive gap means the room rates itself higher than the coach observed, a negative gap lower. Large positive gaps are blind spots worth checking with the train before acting on its self-rating.")
	d.h3("Per checklist, in points of 0 to 100", 20)
	d.para("I", sizeSmall, "Both sides are scored on the same items: those that both the room's consensus and the coach's observation rate on the scale. "+
		"An item either side marked not applicable or don't know, or left to a figure, is left out, so these scores can differ from the checklist scores earlier in the report.")
	d.checklistGapTable()
	d.h3("Per item, in levels of its scale, largest gaps first", 20)
	d.itemGapTable()
}

// spreadTable lists revealed items with their votes drawn over their levels.
func (d *doc) spreadTable(spreads []assessment.Spread) {
	cols := scaleColumns([]column{{"Item", 57, "L"}, {"Votes per level", 38, "L"}, {"Voted", 18, "R"}, {"Median", 13, "R"}, {"Disagreement", 23, "R"}, {"Consensus", 25, "L"}}, d.contentWidth())
	var rows [][]cell
	for _, s := range spreads {
		it := d.ws.items[s.ItemID]
		rows = append(rows, []cell{
			{text: d.words(it.Text), sub: it.ID},
			d.spreadCell(s, it, ""),
			d.votedCell(s),
			{text: medianText(s), style: "B"},
			disagreementCell(s),
			{text: d.consensusText(it)},
		})
	}
	d.draw(table{cols: cols}, rows)
}

// votedCell says how many of the room voted on an item, and how many of
// those votes have no level.
func (d *doc) votedCell(s assessment.Spread) cell {
	c := cell{text: fmt.Sprintf("%d of %d", len(s.Votes), len(d.ws.w.Participants))}
	var aside []string
	if s.NA > 0 {
		aside = append(aside, fmt.Sprintf("%d n/a", s.NA))
	}
	if s.DontKnow > 0 {
		aside = append(aside, fmt.Sprintf("%d don't know", s.DontKnow))
	}
	c.sub = strings.Join(aside, ", ")
	return c
}

func medianText(s assessment.Spread) string {
	if s.Rated() == 0 {
		return "—"
	}
	return number(s.Median)
}

func disagreementText(s assessment.Spread) (value, word string) {
	value = fmt.Sprintf("%.2f", s.Disagreement)
	switch {
	case s.Flagged():
		word = "strong"
	case s.Disagreement >= assessment.SomeDisagreement:
		word = "some"
	default:
		word = "little"
	}
	return value, word
}

func disagreementCell(s assessment.Spread) cell {
	v, w := disagreementText(s)
	c := cell{text: v, sub: w}
	if s.Flagged() {
		fill, ink := colGap, colGapInk
		c.style, c.fill, c.ink = "B", &fill, &ink
	}
	return c
}

// The spread chart's height, in lines of table text.
const chartLines = 4

// spreadCell is a table cell with the item's votes drawn as bars over its
// levels, and text under the chart.
func (d *doc) spreadCell(s assessment.Spread, it *assessment.Item, text string) cell {
	levels := len(it.Levels)
	room := max(1, len(d.ws.w.Participants))
	return cell{text: text, chartLines: chartLines, alt: spreadAlt(s, levels), chart: func(x, y, w, h float64) {
		d.spreadChart(x, y, w, h, s, levels, room)
	}}
}

// colGhost is the pale bar behind each level of a spread chart, visible on
// a striped row too.
var colGhost = rgb{228, 233, 238}

// spreadChart draws the votes on an item as one bar per level, the count
// above each bar and the level under it, in the box (x, y, w, h), with a
// triangle over the median. A bar as tall as its pale background is the
// whole room.
func (d *doc) spreadChart(x, y, w, h float64, s assessment.Spread, levels, room int) {
	p := d.pdf
	if levels < 1 {
		return
	}
	m := p.GetCellMargin()
	x, w = x+m, w-2*m
	const markH, countH, labelH = 1.8, 2.3, 2.4
	slot := min(w/float64(levels), 10)
	base := y + h - labelH
	top := y + markH + countH // the top of a full bar
	barMax := base - top
	barW := slot * 0.62
	d.font("", 5.5)
	for i := range levels {
		cx := x + slot*(float64(i)+0.5)
		d.fill(colGhost)
		p.Rect(cx-barW/2, top, barW, barMax, "F")
		c := 0
		if i < len(s.Counts) {
			c = s.Counts[i]
		}
		if c > 0 {
			bh := barMax * float64(min(c, room)) / float64(room)
			d.fill(colTeal)
			p.Rect(cx-barW/2, base-bh, barW, bh, "F")
			d.color(colInk)
			d.textAt(cx-slot/2, base-bh-countH, slot, countH, strconv.Itoa(c), "C")
		}
		d.color(colMuted)
		d.textAt(cx-slot/2, base+0.1, slot, labelH, strconv.Itoa(i+1), "C")
	}
	d.stroke(colMuted, 0.25)
	p.Line(x, base, x+slot*float64(levels), base)
	if s.Rated() > 0 {
		// Above the counts, so it never covers one.
		mx := x + slot*(s.Median-0.5)
		d.fill(colNavy)
		p.Polygon([]fpdf.PointType{{X: mx - 1.1, Y: y}, {X: mx + 1.1, Y: y}, {X: mx, Y: y + markH}}, "F")
	}
	d.color(colInk)
	d.stroke(colInk, 0.2)
}

// checklistGapTable compares the room's and the coach's score per
// checklist, on the items both rated.
func (d *doc) checklistGapTable() {
	cols := scaleColumns([]column{{"Checklist", 70, "L"}, {"Items compared", 24, "R"}, {"Room's self-rating", 28, "R"}, {"Coach's observation", 28, "R"}, {"Gap", 24, "R"}}, d.contentWidth())
	var rows [][]cell
	for _, co := range d.ws.perList {
		title := d.checklistTitle(co.ChecklistID)
		note, higher, lower := "", "room higher", "room lower"
		if co.ChecklistID == assessment.ChecklistFit {
			note = "Decides the verdict; not part of the overall score. A higher score is a stronger case for " + d.aRole() + "."
			higher, lower = "room sees a stronger case", "room sees a weaker case"
		}
		gap := cell{text: "—", sub: "nothing to compare"}
		if co.Self.Known() && co.Observed.Known() {
			gap = gapCell(co.Gap, 10, higher, lower)
		}
		rows = append(rows, []cell{
			{text: title, style: "B", sub: note},
			{text: fmt.Sprintf("%d of %d", co.Self.Rated, co.Self.Total)},
			{text: pairedScoreText(co.Self), style: "B"},
			{text: pairedScoreText(co.Observed), style: "B"},
			gap,
		})
	}
	d.draw(table{cols: cols}, rows)
}

// gapCell writes a gap and what it means, marked when it is at least big
// in either direction.
func gapCell(gap, big float64, higher, lower string) cell {
	c := cell{text: signed(gap), style: "B"}
	switch {
	case signed(gap) == "0":
		c.sub = "the same"
	case gap > 0:
		c.sub = higher
	default:
		c.sub = lower
	}
	if abs(gap) >= big {
		fill, ink := colGap, colGapInk
		c.fill, c.ink = &fill, &ink
	}
	return c
}

// itemGapTable lists every item both the room and the coach rated, largest
// gap first.
func (d *doc) itemGapTable() {
	gaps := slices.Clone(d.ws.gaps)
	if len(gaps) == 0 {
		d.para("I", sizeBody, "No item has both a consensus and an observation by the coach.")
		return
	}
	slices.SortStableFunc(gaps, func(a, b assessment.ObservationGap) int {
		return cmp.Compare(max(b.Gap, -b.Gap), max(a.Gap, -a.Gap))
	})
	cols := scaleColumns([]column{{"Item", 82, "L"}, {"Room's consensus", 32, "L"}, {"Coach observed", 32, "L"}, {"Gap", 28, "R"}}, d.contentWidth())
	var rows [][]cell
	for _, g := range gaps {
		it := d.ws.items[g.ItemID]
		rows = append(rows, []cell{
			{text: d.words(it.Text), sub: it.ID},
			{text: ratingText(it, assessment.ItemScore{Rating: g.Consensus})},
			{text: ratingText(it, assessment.ItemScore{Rating: g.Observed})},
			d.itemGapCell(g),
		})
	}
	d.draw(table{cols: cols}, rows)
}

// workshopAnswerCell is an item's workshop in the appendix: its votes if
// they were revealed, and the coach's observation.
func (d *doc) workshopAnswerCell(it *assessment.Item) cell {
	c := cell{text: "—"}
	if s, ok := d.ws.spreadOf[it.ID]; ok {
		v, w := disagreementText(s)
		c = d.spreadCell(s, it, fmt.Sprintf("%d voted · median %s · disagreement %s (%s)", len(s.Votes), medianText(s), v, w))
		if s.Flagged() {
			c.style = "B"
			ink := colGapInk
			c.ink = &ink
		}
	}
	if obs, ok := d.ws.w.Observed[it.ID]; ok && obs != assessment.Unanswered {
		c.sub = "Coach observed: " + ratingText(it, assessment.ItemScore{Rating: obs})
	}
	return c
}

// consensusText is the answer the room agreed on, as the scores use it; a
// level the register filled in was not the room's.
func (d *doc) consensusText(it *assessment.Item) string {
	is := d.itemScore(it)
	if is.Source == assessment.FromRegister || is.Rating == assessment.Unanswered {
		return "not recorded"
	}
	return ratingText(it, is)
}

// itemGapCell is an item's gap in levels. On a fit item a higher level is a
// stronger case for a scaled facilitator, not a better practice.
func (d *doc) itemGapCell(g assessment.ObservationGap) cell {
	if cl := d.ws.list[g.ItemID]; cl != nil && cl.ID == assessment.ChecklistFit {
		return gapCell(float64(g.Gap), 2, "room sees a stronger case", "room sees a weaker case")
	}
	return gapCell(float64(g.Gap), 2, "room higher", "room lower")
}
