package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

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
