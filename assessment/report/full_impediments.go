package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/trainscope/trainscope/assessment"
)

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
