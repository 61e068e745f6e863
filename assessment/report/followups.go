package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// sinceLastPITitle names the part on last PI's follow-ups, in the
// framework's word for a PI.
func (d *doc) sinceLastPITitle() string { return d.words("Since last {pi}") }

// sinceLastPI: what was agreed at the last assessment, what the coach says
// happened, and what the data shows (rules FU-01 to FU-04 of the method).
func (d *doc) sinceLastPI() {
	res := d.in.Results
	ft := res.FollowThrough
	d.para("", sizeBody, fmt.Sprintf("%s agreed at the last assessment: %s. Follow-through %s.",
		assessment.Count(ft.Total, "recommendation was", "recommendations were"), ft.Sentence(d.framework()), percent(ft.Rate))+
		" "+d.words("Where the acceptance criterion is a fact this assessment holds, the data decides it; the coach's word stands beside it. A follow-up neither done, met nor dropped after its target {pi} is overdue; overdue a second {pi}, it climbs a step on the escalation ladder."))
	cols := scaleColumns([]column{
		{"#", 13, "L"}, {"Agreed", 66, "L"}, {"Agreed in, due by", 26, "L"}, {"The coach says", 50, "L"}, {"The data shows", 50, "L"}, {"Owner, escalation", 30, "L"},
	}, d.contentWidth())
	var rows [][]cell
	for i, fr := range res.FollowUps {
		coach := fr.State.Title()
		if fr.Note != "" {
			coach += ": " + fr.Note
			if !fr.NoteDate.IsZero() {
				coach += " (" + date(fr.NoteDate) + ")"
			}
		}
		if fr.Reason != "" {
			coach += ". Dropped because: " + fr.Reason
		}
		if fr.Override != "" {
			coach += fmt.Sprintf(". Overrides the data: %s, because %s", strings.ReplaceAll(fr.Override, "-", " "), fr.OverrideReason)
		}
		data := "Only a person can judge this criterion."
		if fr.Met != nil {
			data = map[bool]string{true: "Met. ", false: "Not met. "}[*fr.Met] + fr.Evidence
		}
		when := orDash(fr.RaisedPI) + " → " + orDash(fr.TargetPI)
		switch {
		case fr.Escalated:
			when += fmt.Sprintf("\nOverdue %s: escalated", assessment.Count(fr.OverduePIs, d.words("{pi}"), d.words("{pis}")))
		case fr.OverduePIs > 0:
			when += "\nOverdue"
		case fr.Closed:
			when += "\nClosed"
		}
		esc := d.levelText(fr.Escalation)
		if fr.Escalated {
			esc += " (climbed from " + d.levelText(fr.ClimbedFrom) + ")"
		}
		row := []cell{
			{text: strconv.Itoa(i + 1), style: "B", sub: orRule(fr.Rule)},
			{text: fr.Finding, style: "B", sub: fr.Action},
			{text: when},
			{text: coach},
			{text: data},
			{text: d.ownerText(fr.Owner) + "\n" + esc},
		}
		if fr.Escalated || fr.OverduePIs > 0 && !fr.Closed {
			gapInk := colGapInk
			row[2].ink = &gapInk
		}
		rows = append(rows, row)
	}
	d.draw(table{cols: cols}, rows)
}

func orRule(rule string) string {
	if rule == "" {
		return "coach"
	}
	return rule
}

// followThroughLine is the one line of the leadership summary.
func (d *doc) followThroughLine() string {
	return d.in.Results.FollowThrough.Line(d.framework())
}
