package report

import (
	"fmt"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// heatColours fill a heatmap cell by the maturity level its score falls in,
// lightest red for Forming to teal for Self-improving; the score is always
// written in the cell, so the colour only repeats what the text says.
var heatColours = []rgb{{250, 219, 216}, {253, 236, 200}, {235, 243, 228}, {190, 225, 230}, {140, 200, 210}}

var colNotEnough = rgb{232, 232, 232}

// heatBand is the level band of a score: 1 to 5.
func heatBand(v float64) int {
	band := 1
	for _, l := range assessment.MaturityLevels {
		if v >= l.MinScore {
			band = l.Number
		}
	}
	return band
}

func heatCell(c assessment.HeatCell) cell {
	switch c.State {
	case assessment.CellScore:
		fill := heatColours[heatBand(c.Score.Value)-1]
		return cell{text: fmt.Sprintf("%.0f", c.Score.Value), fill: &fill, style: "B"}
	case assessment.CellNotEnough:
		fill := colNotEnough
		return cell{text: "not enough answered", fill: &fill, style: "I"}
	}
	return cell{text: "–"}
}

func changeText(r assessment.PortfolioRow) string {
	ch, ok := r.Change()
	switch {
	case !r.Assessed():
		return "–"
	case !r.HasPrevious:
		return "first"
	case !ok:
		return "–"
	case ch >= 0.5:
		return fmt.Sprintf("+%.0f", ch)
	case ch <= -0.5:
		return fmt.Sprintf("−%.0f", -ch)
	}
	return "±0"
}

func (d *pdoc) heatmap() {
	hm := d.pf.Heatmap
	var legend []string
	for i, l := range assessment.MaturityLevels {
		upper := "100"
		if i+1 < len(assessment.MaturityLevels) {
			upper = fmt.Sprintf("%g", assessment.MaturityLevels[i+1].MinScore)
		}
		legend = append(legend, fmt.Sprintf("%g–%s %s", l.MinScore, upper, l.Name))
	}
	d.para("", sizeSmall, "Each train's latest finished assessment, score by dimension (0–100). The shade repeats the level band the score falls in: "+
		strings.Join(legend, ", ")+". \"Not enough answered\" is a score resting on too few rated items; – is a train without a finished assessment. Change is the overall score's since the assessment before.")
	d.legendStrip()
	cols := []column{{"Train", 44, "L"}, {"Group", 30, "L"}}
	for _, dim := range hm.Dimensions {
		cols = append(cols, column{dim.Title, 22, "C"})
	}
	cols = append(cols, column{"Level", 24, "L"}, column{"Verdict", 30, "L"}, column{"Change", 14, "R"})
	cols = scaleColumns(cols, d.contentWidth())
	var rows [][]cell
	for i, r := range d.pf.Rows {
		row := []cell{{text: r.Train.Name, style: "B", sub: string(r.Train.Framework)}, {text: orDash(r.Train.Group)}}
		for _, c := range hm.Cells[i] {
			row = append(row, heatCell(c))
		}
		level, verdict := "–", "–"
		if r.Assessed() {
			level = levelShort(r.Level())
			verdict = verdictText(r.Results.Verdict.Kind)
		}
		row = append(row, cell{text: level}, cell{text: verdict}, cell{text: changeText(r)})
		rows = append(rows, row)
	}
	d.draw(table{cols: cols, size: 7.5}, rows)
}

// legendStrip draws the five shades with their bands, as decoration: the
// paragraph above says the same in words.
func (d *pdoc) legendStrip() {
	p := d.pdf
	y := p.GetY()
	x := marginSide
	step := d.contentWidth() / 6
	d.t.artifacts++
	d.font("", sizeSmall)
	for i, l := range assessment.MaturityLevels {
		d.fill(heatColours[i])
		d.artifact()
		p.Rect(x, y, 6, 4, "F")
		d.color(colInk)
		d.textAt(x+6.5, y, step-7, 4, fmt.Sprintf("%d %s", l.Number, l.Name), "L")
		x += step
	}
	d.fill(colNotEnough)
	d.artifact()
	p.Rect(x, y, 6, 4, "F")
	d.textAt(x+6.5, y, step-7, 4, "not enough answered", "L")
	d.closeMC()
	d.t.artifacts--
	p.SetXY(marginSide, y+6)
}

func levelShort(l assessment.MaturityLevel) string {
	if l.Number == 0 {
		return "not enough evidence"
	}
	return fmt.Sprintf("%d %s", l.Number, l.Name)
}

func (d *pdoc) groups() {
	d.h2("Roll-up by group", 25)
	d.para("", sizeSmall, fmt.Sprintf("A group of fewer than %s shows no figures, so no train can be read out of its group's average.",
		assessment.Count(d.pf.Options.MinGroup, "train", "trains")))
	var rows [][]cell
	for _, g := range d.pf.Groups {
		name := g.Group
		if name == "" {
			name = "Not grouped"
		}
		if g.Hidden {
			rows = append(rows, []cell{{text: name, style: "B"}, {text: fmt.Sprint(g.Trains)}, {text: assessment.HiddenGroup(d.pf.Options.MinGroup), style: "I"}, {}, {}})
			continue
		}
		mean := "not enough answered"
		if g.Scored > 0 {
			mean = fmt.Sprintf("%.0f (of %d)", g.Overall, g.Scored)
		}
		var levels []string
		for n := 5; n >= 0; n-- {
			if g.Levels[n] > 0 {
				levels = append(levels, fmt.Sprintf("%d × %s", g.Levels[n], levelShort(levelOf(n))))
			}
		}
		var verdicts []string
		for _, k := range []assessment.VerdictKind{assessment.Recommended, assessment.RecommendedConditions, assessment.NotRecommended, assessment.Undecided} {
			if g.Verdicts[k] > 0 {
				verdicts = append(verdicts, fmt.Sprintf("%d × %s", g.Verdicts[k], verdictText(k)))
			}
		}
		rows = append(rows, []cell{{text: name, style: "B"}, {text: fmt.Sprint(g.Trains)}, {text: fmt.Sprintf("%d assessed; mean overall %s", g.Assessed, mean)},
			{text: orDash(strings.Join(levels, "\n"))}, {text: orDash(strings.Join(verdicts, "\n"))}})
	}
	d.draw(table{cols: scaleColumns([]column{{"Group", 50, "L"}, {"Trains", 16, "R"}, {"Scores", 60, "L"}, {"Levels", 60, "L"}, {"Verdicts", 70, "L"}}, d.contentWidth())}, rows)
}

func levelOf(n int) assessment.MaturityLevel {
	if n == 0 {
		return assessment.NoLevel
	}
	return assessment.MaturityLevels[n-1]
}

// levelTrend draws how many trains stand at each level now and stood there
// at the assessment before: a bar chart with its data table.
func (d *pdoc) levelTrend() {
	p := d.pdf
	rose, fell, same := 0, 0, 0
	for _, r := range d.pf.Rows {
		if ch, ok := r.Change(); ok {
			switch {
			case ch >= 0.5:
				rose++
			case ch <= -0.5:
				fell++
			default:
				same++
			}
		}
	}
	d.para("", sizeBody, d.words(fmt.Sprintf("Of the trains assessed in two {pis} or more, the overall score rose in %d, fell in %d and held in %d since the assessment before.", rose, fell, same)))
	var alt []string
	for n := 5; n >= 0; n-- {
		alt = append(alt, fmt.Sprintf("%s: %d now, %d before", levelShort(levelOf(n)), d.pf.Levels[n], d.pf.Previous[n]))
	}
	h := 70.0
	d.need(h + 4)
	y := p.GetY()
	d.figure("Bar chart of trains by level, now and at the assessment before. " + strings.Join(alt, "; ") + ".")
	d.content()
	d.levelBars(marginSide, y, d.contentWidth(), h)
	d.end()
	p.SetXY(marginSide, y+h+3)
	d.h2("The figures", 40)
	d.levelTable()
}

func (d *pdoc) levelBars(x, y, w, h float64) {
	p := d.pdf
	most := 1
	for n := range 6 {
		most = max(most, d.pf.Levels[n], d.pf.Previous[n])
	}
	labelW := 48.0
	rowH := (h - 8) / 6
	barW := w - labelW - 12
	d.font("", sizeSmall)
	for i, n := range []int{5, 4, 3, 2, 1, 0} {
		ry := y + float64(i)*rowH
		d.color(colInk)
		d.textAt(x, ry+rowH/2-2, labelW, 4, levelShort(levelOf(n)), "L")
		for j, v := range []int{d.pf.Levels[n], d.pf.Previous[n]} {
			col := colTeal
			if j == 1 {
				col = colPrev
			}
			bw := barW * float64(v) / float64(most)
			by := ry + 1 + float64(j)*(rowH-2)/2
			d.fill(col)
			p.Rect(x+labelW, by, max(bw, 0.3), (rowH-2)/2-0.6, "F")
			d.color(colInk)
			d.textAt(x+labelW+bw+1, by-0.6, 10, (rowH-2)/2, fmt.Sprint(v), "L")
		}
	}
	ly := y + h - 6
	d.fill(colTeal)
	p.Rect(x+labelW, ly, 5, 3, "F")
	d.textAt(x+labelW+6, ly-0.5, 40, 4, "now", "L")
	d.fill(colPrev)
	p.Rect(x+labelW+45, ly, 5, 3, "F")
	d.textAt(x+labelW+51, ly-0.5, 60, 4, "at the assessment before", "L")
}

func (d *pdoc) portfolioFindings() {
	if len(d.pf.Recommendations) == 0 {
		d.para("I", sizeBody, fmt.Sprintf("Nothing is systemic: no finding holds in %d trains or more and in %.0f%% of the trains it can hold in.",
			max(assessment.SystemicMinTrains, d.pf.Options.MinGroup), assessment.SystemicMinShare*100))
		return
	}
	d.para("", sizeBody, "Each finding holds across trains by a documented rule (see the method); each yields a portfolio recommendation owned by the LACE or portfolio leadership, for the LACE to accept, reject with a reason, or reword.")
	var rows [][]cell
	for _, r := range d.pf.Recommendations {
		var names []string
		for _, t := range r.Trains {
			names = append(names, t.Name)
		}
		status := r.Status.Title()
		if r.Edited {
			status += ", edited"
		}
		if r.Reason != "" {
			status += ": " + r.Reason
		}
		rule := r.Rule
		if rule == "" {
			rule = "the LACE's own"
		}
		rows = append(rows, []cell{
			{text: r.Finding, style: "B", sub: r.Action},
			{text: orDash(strings.Join(names, ", "))},
			{text: fmt.Sprintf("%s\n%s", capitalFirst(r.Priority.String()), d.ownerText(r.Owner))},
			{text: r.Acceptance},
			{text: status, sub: rule},
		})
	}
	d.draw(table{cols: scaleColumns([]column{{"Finding and recommendation", 62, "L"}, {"Trains", 36, "L"}, {"Priority, owner", 22, "L"}, {"Accepted when", 40, "L"}, {"Status", 20, "L"}}, d.contentWidth()), size: 7.5}, rows)
}

// trainPage is one short page per train: where it stands, what matters
// most, and what became of last PI's agreed recommendations.
func (d *pdoc) trainPage(r assessment.PortfolioRow) {
	f := r.Train.Framework
	d.h2(r.Train.Name, 40)
	if !r.Assessed() {
		d.keyValues([][2]string{{"Group", orDash(r.Train.Group)}, {"Framework", f.Def().Name}, {"Coaches", orDash(assessment.List(r.Coaches))}}, 45)
		d.para("I", sizeBody, "No finished assessment yet.")
		return
	}
	a := r.Latest
	change := changeText(r)
	if r.HasPrevious {
		change = fmt.Sprintf("%s since %s (%s then)", change, orDash(r.PreviousPI), scoreText(r.PreviousOverall))
	}
	ft := r.Results.FollowThrough.Line(f)
	if ft == "" {
		ft = f.Expand("No agreed recommendations came along from the last {pi}.")
	} else {
		ft += " " + followThroughTrend(r)
	}
	pairs := [][2]string{
		{"Group", orDash(r.Train.Group)},
		{"Framework", f.Def().Name},
		{"Coaches", orDash(assessment.List(r.Coaches))},
		{"Latest assessment", fmt.Sprintf("%s, %s, by %s", orDash(a.PI), date(a.Date), orDash(a.Assessor))},
		{"Level", levelLine(r.Results.Level)},
		{"Overall score", scoreText(r.Results.Overall)},
		{"Change", change},
		{"Verdict", verdictText(r.Results.Verdict.Kind) + ": " + r.Results.Verdict.Headline},
		{"Follow-through", ft},
		{"Role gaps", fmt.Sprint(len(r.Results.Gaps))},
	}
	d.keyValues(pairs, 40)
	d.h3("What matters most", 12)
	if len(r.Top) == 0 {
		d.para("I", sizeBody, "No agreed recommendations.")
		return
	}
	var items []string
	for _, rec := range r.Top {
		items = append(items, fmt.Sprintf("%s %s (%s priority; owner %s)", rec.Finding, rec.Action, rec.Priority, rec.Owner.Title(f)))
	}
	d.bullets("", sizeBody, items)
}

// followThroughTrend is a train's follow-through rate and its change since
// the assessment before: "Follow-through 67%, up from 50% in PI 2026.1."
func followThroughTrend(r assessment.PortfolioRow) string {
	now := r.Results.FollowThrough
	prev := r.PreviousFollowThrough
	if !r.HasPrevious || !prev.Known() {
		return fmt.Sprintf("Follow-through %s.", percent(now.Rate))
	}
	switch {
	case now.Rate > prev.Rate:
		return fmt.Sprintf("Follow-through %s, up from %s in %s.", percent(now.Rate), percent(prev.Rate), orDash(r.PreviousPI))
	case now.Rate < prev.Rate:
		return fmt.Sprintf("Follow-through %s, down from %s in %s.", percent(now.Rate), percent(prev.Rate), orDash(r.PreviousPI))
	}
	return fmt.Sprintf("Follow-through %s, as in %s.", percent(now.Rate), orDash(r.PreviousPI))
}
