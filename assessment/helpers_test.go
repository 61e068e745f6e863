package assessment

import (
	"fmt"
	"time"
)

var testDate = time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)

// healthyRoster is a roster with no gaps: every train role held, n teams of
// seven with their own Scrum Master, Product Owner and every default skill,
// and a value stream map. Tests break it one way at a time.
func healthyRoster(n int) Roster {
	var r Roster
	person := func(id, name string) string {
		r.People = append(r.People, Person{ID: id, Name: name})
		return id
	}
	for _, role := range ARTRoles {
		r.Roles = append(r.Roles, RoleAssignment{Role: role, PersonID: person("p-"+string(role), "Holder of "+string(role))})
	}
	for i := 1; i <= n; i++ {
		t := Team{ID: fmt.Sprintf("t%02d", i), Name: fmt.Sprintf("Team %02d", i)}
		t.ScrumMasterID = person(fmt.Sprintf("sm%02d", i), fmt.Sprintf("Scrum Master %02d", i))
		t.ProductOwnerID = person(fmt.Sprintf("po%02d", i), fmt.Sprintf("Product Owner %02d", i))
		for d := 1; d <= 5; d++ {
			t.DeveloperIDs = append(t.DeveloperIDs, person(fmt.Sprintf("d%02d-%d", i, d), fmt.Sprintf("Developer %02d-%d", i, d)))
		}
		t.Skills = append([]string(nil), DefaultSkills...)
		r.Teams = append(r.Teams, t)
	}
	r.ValueStreamMap = true
	return r
}

// addPeople pads the roster with people outside the teams (support, leaders).
func addPeople(r *Roster, n int) {
	for i := 0; i < n; i++ {
		r.People = append(r.People, Person{ID: fmt.Sprintf("x%03d", i), Name: fmt.Sprintf("Support %03d", i)})
	}
}

// rateAll rates every item of the given checklists at one level.
func rateAll(d *Definitions, level Rating, checklists ...string) map[string]Answer {
	m := map[string]Answer{}
	for _, id := range checklists {
		for _, it := range d.Checklist(id).Items {
			m[it.ID] = Answer{ItemID: it.ID, Rating: level}
		}
	}
	return m
}

func gapRules(gaps []RoleGap) []string {
	var ids []string
	for _, g := range gaps {
		ids = append(ids, g.Rule)
	}
	return ids
}

func recIDs(recs []Recommendation) []string {
	var ids []string
	for _, r := range recs {
		ids = append(ids, r.ID)
	}
	return ids
}

func findRec(recs []Recommendation, id string) (Recommendation, bool) {
	for _, r := range recs {
		if r.ID == id {
			return r, true
		}
	}
	return Recommendation{}, false
}

func day(n int) time.Time { return testDate.AddDate(0, 0, -n) }
