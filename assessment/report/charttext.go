package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// Every chart says in words what it shows: an alternative text, made from
// the same figures the chart draws, that a screen reader reads in its
// place; and in the full report a table of those figures right after the
// chart, which a reader can go through cell by cell.

// radarAlt is the radar's alternative text: what it compares, the lowest
// and the highest dimension, and every score with its change.
func (d *doc) radarAlt(cur, prev []assessment.DimensionScore, prevLabel string) string {
	if len(cur) < 3 {
		return "No radar chart: it needs at least three dimensions."
	}
	prevBy := map[string]assessment.Score{}
	for _, ds := range prev {
		prevBy[ds.DimensionID] = ds.Score
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Radar chart of the %d dimensions of ART maturity, each scored 0 to 100", len(cur))
	if len(prevBy) > 0 {
		fmt.Fprintf(&b, ", this assessment against the previous one (%s)", prevLabel)
	}
	b.WriteString(".")
	var low, high *assessment.DimensionScore
	for i := range cur {
		ds := &cur[i]
		if !ds.Score.Known() {
			continue
		}
		if low == nil || ds.Score.Value < low.Score.Value {
			low = ds
		}
		if high == nil || ds.Score.Value > high.Score.Value {
			high = ds
		}
	}
	if low != nil {
		fmt.Fprintf(&b, " The lowest dimension is %s at %s; the highest is %s at %s.", low.Title, scoreText(low.Score), high.Title, scoreText(high.Score))
	}
	var each []string
	for _, ds := range cur {
		s := ds.Title + " " + scoreText(ds.Score)
		if ps, ok := prevBy[ds.DimensionID]; ok && ps.Known() && ds.Score.Known() {
			s += fmt.Sprintf(" (%+.0f)", ds.Score.Value-ps.Value)
		}
		each = append(each, s)
	}
	b.WriteString(" Scores: " + strings.Join(each, "; ") + ".")
	return b.String()
}

// trendSeries are the lines of the trend chart: the overall score and each
// maturity checklist (the fit checklist decides the verdict, not maturity).
func (d *doc) trendSeries() (ids, titles []string) {
	ids, titles = []string{""}, []string{"Overall"}
	for _, cs := range d.in.Results.Checklists {
		if cs.ChecklistID != assessment.ChecklistFit {
			ids, titles = append(ids, cs.ChecklistID), append(titles, cs.Title)
		}
	}
	return ids, titles
}

func (tp trendPoint) score(id string) assessment.Score {
	if id == "" {
		return tp.overall
	}
	return tp.lists[id]
}

// trendAlt is the trend chart's alternative text: where each line starts
// and ends.
func (d *doc) trendAlt() string {
	pts := d.trendPoints()
	ids, titles := d.trendSeries()
	if len(pts) == 1 {
		return fmt.Sprintf("Trend chart with one point, the train's first assessment (%s): an overall score of %s. The trend starts here.",
			pts[0].label, scoreText(pts[0].overall)) + d.trendFollowAlt(pts)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Trend chart of the overall score and each maturity checklist across %d assessments, from %s to %s, on a scale of 0 to 100.",
		len(pts), pts[0].label, pts[len(pts)-1].label)
	for i, id := range ids {
		var known []assessment.Score
		for _, tp := range pts {
			if s := tp.score(id); s.Known() {
				known = append(known, s)
			}
		}
		switch {
		case len(known) == 0:
			fmt.Fprintf(&b, " %s: not rated.", titles[i])
		case len(known) == 1:
			fmt.Fprintf(&b, " %s: %s.", titles[i], scoreText(known[0]))
		default:
			first, last := known[0], known[len(known)-1]
			move := "stayed at " + scoreText(last)
			switch {
			case last.Value > first.Value+0.5:
				move = fmt.Sprintf("rose from %s to %s", scoreText(first), scoreText(last))
			case last.Value < first.Value-0.5:
				move = fmt.Sprintf("fell from %s to %s", scoreText(first), scoreText(last))
			}
			fmt.Fprintf(&b, " %s %s.", titles[i], move)
		}
	}
	b.WriteString(d.trendFollowAlt(pts))
	return b.String()
}

// trendFollowAlt says the follow-through line in words: its rate at each
// assessment that had follow-ups, on the same scale; empty when none had.
func (d *doc) trendFollowAlt(pts []trendPoint) string {
	var each []string
	for _, tp := range pts {
		if tp.follow.Known() {
			each = append(each, fmt.Sprintf("%s in %s (%d of %d)", percent(tp.follow.Rate), tp.label, tp.follow.Closed(), tp.follow.Total))
		}
	}
	if len(each) == 0 {
		return ""
	}
	return d.words(fmt.Sprintf(" A dashed line shows the follow-through, the share of the last {pi}'s agreed recommendations done, met by the data or dropped: %s.", assessment.List(each)))
}

// followCell is a point's follow-through in the trend's table: "67% (4 of
// 6)", or a dash when nothing came along.
func followCell(ft assessment.FollowThrough) string {
	if !ft.Known() {
		return "–"
	}
	return fmt.Sprintf("%s (%d of %d)", percent(ft.Rate), ft.Closed(), ft.Total)
}

// trendTable is the trend chart's figures: one row per assessment, oldest
// first, one column per line of the chart.
func (d *doc) trendTable() {
	pts := d.trendPoints()
	ids, titles := d.trendSeries()
	cols := []column{{"Assessment", 30, "L"}}
	for _, t := range titles {
		cols = append(cols, column{t, 24, "R"})
	}
	follows := d.trendFollows(pts)
	if follows {
		cols = append(cols, column{assessment.FollowThroughName, 24, "R"})
	}
	var rows [][]cell
	for _, tp := range pts {
		row := []cell{{text: tp.label, style: "B"}}
		for _, id := range ids {
			row = append(row, cell{text: scoreText(tp.score(id))})
		}
		if follows {
			row = append(row, cell{text: followCell(tp.follow)})
		}
		rows = append(rows, row)
	}
	d.draw(table{cols: scaleColumns(cols, d.contentWidth())}, rows)
}

// ageingAlt is the ageing chart's alternative text: every band with its
// count per level.
func (d *doc) ageingAlt() string {
	bs := d.ageBuckets()
	total := 0
	var each []string
	for _, b := range bs {
		n := b.total()
		total += n
		each = append(each, fmt.Sprintf("%s: %d (%s)", b.title, n, d.levelCounts(b.byLevel)))
	}
	if total == 0 {
		return "Bar chart of the open impediments by age: there are none of known age."
	}
	return fmt.Sprintf("Bar chart of the %d open impediments of known age, by age, each bar divided by level. %s.", total, strings.Join(each, "; "))
}

// levelCounts gives impediments by level in the framework's words, e.g.
// "team 2, ART 3, LACE / portfolio 1".
func (d *doc) levelCounts(m map[assessment.ImpedimentLevel]int) string {
	var parts []string
	for _, l := range assessment.ImpedimentLevels {
		w := d.levelText(l)
		if l == assessment.LevelTeam {
			w = strings.ToLower(w)
		}
		parts = append(parts, fmt.Sprintf("%s %d", w, m[l]))
	}
	return strings.Join(parts, ", ")
}

func (b ageBucket) total() int {
	n := 0
	for _, c := range b.byLevel {
		n += c
	}
	return n
}

// ageingTable is the ageing chart's figures.
func (d *doc) ageingTable() {
	cols := scaleColumns([]column{{"Age of open impediments", 70, "L"}, {d.levelText(assessment.LevelTeam), 22, "R"}, {d.levelText(assessment.LevelART), 22, "R"}, {d.levelText(assessment.LevelLACE), 22, "R"}, {"All", 22, "R"}}, d.contentWidth())
	var rows [][]cell
	for _, b := range d.ageBuckets() {
		rows = append(rows, []cell{
			{text: b.title, style: "B"},
			{text: strconv.Itoa(b.byLevel[assessment.LevelTeam])},
			{text: strconv.Itoa(b.byLevel[assessment.LevelART])},
			{text: strconv.Itoa(b.byLevel[assessment.LevelLACE])},
			{text: strconv.Itoa(b.total()), style: "B"},
		})
	}
	d.draw(table{cols: cols}, rows)
}

// spreadAlt is a vote chart's alternative text.
func spreadAlt(s assessment.Spread, levels int) string {
	var counts []string
	for i := range levels {
		c := 0
		if i < len(s.Counts) {
			c = s.Counts[i]
		}
		counts = append(counts, fmt.Sprintf("level %d: %d", i+1, c))
	}
	alt := "Votes per level of the scale: " + strings.Join(counts, ", ")
	if s.Rated() > 0 {
		alt += "; median " + number(s.Median)
	}
	return alt + "."
}

// tocLink makes the contents line of part i, at y on the cover, a link to
// the part's first page.
func (d *doc) tocLink(e *structElem, i int, title string, y, w float64) {
	d.addLink(e, marginSide, y, w, 6, "Go to "+title, func() int { return d.partPage[i] })
	e.actualFn = func() string { return fmt.Sprintf("%s, page %d", title, d.partPage[i]) }
}

// The parts of the full report the executive summary links to.
const (
	partRoster          = "Roster and role gaps"
	partRegister        = "Impediment register"
	partRecommendations = "Recommendations"
)

// tileParts are the parts that hold the facts behind each key figure tile.
var tileParts = []string{partRoster, partRoster, partRoster, partRegister, partRegister}

// linkToPart opens a Link element for the box (x, y, w, h) that leads to
// the part of the full report with that title, and reports whether it did:
// the summary has no parts to lead to. The caller closes the element.
func (d *doc) linkToPart(title string, x, y, w, h float64) bool {
	if d.opt.Summary {
		return false
	}
	for i, pt := range d.parts() {
		if pt.title == title {
			e := d.begin("Link")
			d.addLink(e, x, y, w, h, "Go to "+title, func() int { return d.partPage[i] })
			return true
		}
	}
	return false
}
