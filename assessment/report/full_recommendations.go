package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// recommendations: every recommendation, the coach's decisions included,
// as one table on landscape pages.
func (d *doc) recommendations() {
	recs := d.in.Results.Recommendations
	count := d.in.Results.ReviewCount()
	d.para("", sizeBody, fmt.Sprintf("%d recommendations: %d accepted by the coach, %d proposed, %d rejected. "+
		"They are grouped by finding, the most urgent first. Each was derived by a documented rule from the findings (the rule is named under its number) or added by the coach; rejected ones are kept, greyed, so the LACE sees what was set aside.",
		len(recs), count.Accepted, count.Proposed, count.Rejected))
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
