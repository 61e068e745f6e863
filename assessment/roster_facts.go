package assessment

import (
	"strings"
	"time"
)

// Headcount is how many people are on the roster: everyone listed, whether
// they hold a role yet or not.
func (r Roster) Headcount() int { return len(r.People) }

// Empty reports whether nothing has been entered on the roster yet: no
// people, no teams and no train roles. Its role gaps say nothing then.
func (r Roster) Empty() bool { return len(r.People) == 0 && len(r.Teams) == 0 && len(r.Roles) == 0 }

// EmptyRosterNote is what the gaps of an empty roster are shown as.
const EmptyRosterNote = "The roster is empty: add the train's people, roles and teams to see its role gaps."

// NoGapsNote is what the gaps of a roster with none are shown as.
const NoGapsNote = "No gaps: every role is held and every team is whole."

// DuplicateNames lists the names that more than one person on the roster
// has, ignoring case and spaces around them, each once in roster order.
func (r Roster) DuplicateNames() []string {
	seen := map[string]int{}
	var out []string
	for _, p := range r.People {
		key := strings.ToLower(strings.Join(strings.Fields(p.Name), " "))
		seen[key]++
		if seen[key] == 2 {
			out = append(out, p.Name)
		}
	}
	return out
}

// TodayFacts is what a train's roster and register say on a day: the one
// computation the train's header and its "Today" panel both show.
type TodayFacts struct {
	Teams, People, RoleGaps int
	RosterEmpty             bool
	Impediments             RegisterFigures
}

// TodayFactsOf computes the facts of a roster and register on a day.
func TodayFactsOf(r Roster, reg []Impediment, f Framework, on time.Time, piWeeks int) TodayFacts {
	return TodayFacts{
		Teams:       len(r.Teams),
		People:      r.Headcount(),
		RoleGaps:    len(RoleGaps(r, f)),
		RosterEmpty: r.Empty(),
		Impediments: Figures(reg, on, piWeeks),
	}
}
