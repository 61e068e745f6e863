package assessment

import (
	"slices"
	"testing"
	"time"
)

func TestRosterFacts(t *testing.T) {
	var empty Roster
	if !empty.Empty() || empty.Headcount() != 0 {
		t.Errorf("an empty roster: empty %v, headcount %d", empty.Empty(), empty.Headcount())
	}
	r := Roster{People: []Person{{ID: "a", Name: "Ana Souza"}, {ID: "b", Name: "Bo Li"}, {ID: "c", Name: " ana  souza"}},
		Teams: []Team{{ID: "t", Name: "Falcons", DeveloperIDs: []string{"b"}}}}
	if r.Empty() || r.Headcount() != 3 {
		t.Errorf("headcount %d of three people, one of them in a role", r.Headcount())
	}
	if got := r.DuplicateNames(); !slices.Equal(got, []string{" ana  souza"}) {
		t.Errorf("duplicate names: %q", got)
	}
	f := TodayFactsOf(r, []Impediment{{Status: StatusOpen, Raised: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}},
		SAFe, time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC), 0)
	if f.People != 3 || f.Teams != 1 || f.RosterEmpty || f.Impediments.Open != 1 || f.RoleGaps == 0 {
		t.Errorf("today's facts: %+v", f)
	}
}
