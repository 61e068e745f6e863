package report

import (
	"fmt"

	"github.com/trainscope/trainscope/assessment"
)

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
		text := fmt.Sprintf("The overall score and each maturity checklist over the train's %d assessments, oldest first.", len(d.in.History)+1)
		if d.trendFollows(d.trendPoints()) {
			text += d.words(" The dashed line is the follow-through: the share of the last {pi}'s agreed recommendations done, met by the data or dropped, where any came along.")
		}
		d.para("", sizeBody, text)
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
