package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

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
