package report

import (
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

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
		line := scoreLine("Score", cs.Score)
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
