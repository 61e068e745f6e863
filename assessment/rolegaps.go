package assessment

import (
	"fmt"
	"slices"
	"strings"
)

// RoleGapRule is one documented rule that finds a gap or risk in a roster,
// with the words that explain it and the recommendation it leads to. The
// texts may hold the placeholders of Framework.Expand.
type RoleGapRule struct {
	ID          string
	Severity    Priority
	Title       string // what the rule looks for
	Explanation string // why it matters
	Action      string // what the derived recommendation asks for
	Owner       Owner
	Escalation  ImpedimentLevel
	Acceptance  string
	find        func(r Roster, f Framework) []gapHit
}

type gapHit struct{ subject, subjectID, finding string }

// The sizes the brief gives for a healthy team and train, and the most
// teams one Scrum Master or Product Owner can serve well.
const (
	MinTeamSize, MaxTeamSize       = 5, 11
	MinTrainTeams, MaxTrainTeams   = 5, 12
	MinTrainPeople, MaxTrainPeople = 50, 125
	MaxTeamsPerScrumMaster         = 2
	MaxTeamsPerProductOwner        = 2
)

// RoleGapRules are the rules RoleGaps applies, in the order they are
// documented.
var RoleGapRules = []RoleGapRule{
	{
		ID: "RG-01", Severity: High,
		Title:       "The {facilitator} role is missing or vacant",
		Explanation: "Without {a-facilitator} nobody facilitates the train's events, keeps the cross-team impediment backlog moving or escalates what the teams cannot clear. Check the verdict: a train that needs the role should fill it before its next PI Planning.",
		Action:      "Fill the {facilitator} role, following the way to start in the verdict.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "A named {facilitator} is in the roster before the next PI Planning.",
		find:       missingRole(RoleFacilitator),
	},
	{
		ID: "RG-02", Severity: High,
		Title:       "Product Management is missing or vacant",
		Explanation: "Without Product Management nobody owns the train's backlog and roadmap, so priorities come from whoever asks loudest and the teams' Product Owners have nothing to align to.",
		Action:      "Name Product Management for the train, with authority over the train's backlog and roadmap.",
		Owner:       OwnerBusinessOwners, Escalation: LevelLACE,
		Acceptance: "Product Management is named in the roster and has published a prioritised train backlog before the next PI Planning.",
		find:       missingRole(RoleProductManagement),
	},
	{
		ID: "RG-03", Severity: Medium,
		Title:       "No System Architect",
		Explanation: "Without a System Architect cross-team technical decisions are made team by team or not at all, and the architectural runway erodes until features stall.",
		Action:      "Name a System Architect for the train.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "A System Architect is named in the roster by the end of the next PI.",
		find:       missingRole(RoleSystemArchitect),
	},
	{
		ID: "RG-04", Severity: High,
		Title:       "No Business Owners",
		Explanation: "Business Owners approve the PI plan, hold the train to its outcomes and remove impediments the train cannot. Without them escalations have nowhere to go.",
		Action:      "Name the train's Business Owners and agree their part in PI Planning, the System Demo and Inspect & Adapt.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "Business Owners are named in the roster and take part in the next PI Planning.",
		find:       missingRole(RoleBusinessOwner),
	},
	{
		ID: "RG-05", Severity: Low,
		Title:       "No Agile Coach",
		Explanation: "An Agile Coach, often part-time and reached through the LACE, helps the train find and address impediments, waste and process problems that insiders stop seeing.",
		Action:      "Agree with the LACE on an Agile Coach for the train, part-time if that suits its maturity.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "An Agile Coach is named in the roster with an agreed focus for the next PI.",
		find:       missingRole(RoleAgileCoach),
	},
	{
		ID: "RG-06", Severity: High,
		Title:       "A team has no Scrum Master",
		Explanation: "A team without a Scrum Master has nobody guiding its agile practice or removing its impediments, and no voice at the {sync}.",
		Action:      "Give the team a Scrum Master.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "The team has a named Scrum Master in the roster by the end of the next PI.",
		find: eachTeam(func(r Roster, t Team) string {
			if t.ScrumMasterID == "" {
				return fmt.Sprintf("%s has no Scrum Master.", t.Name)
			}
			return ""
		}),
	},
	{
		ID: "RG-07", Severity: High,
		Title:       "A team has no Product Owner",
		Explanation: "A team without a Product Owner has nobody with content authority over its backlog: priorities drift, ambiguity stays with the developers, and the team cannot commit with confidence.",
		Action:      "Give the team a Product Owner with authority over its backlog.",
		Owner:       OwnerProductManagement, Escalation: LevelART,
		Acceptance: "The team has a named Product Owner in the roster by the end of the next PI.",
		find: eachTeam(func(r Roster, t Team) string {
			if t.ProductOwnerID == "" {
				return fmt.Sprintf("%s has no Product Owner.", t.Name)
			}
			return ""
		}),
	},
	{
		ID: "RG-08", Severity: Medium,
		Title:       fmt.Sprintf("A Scrum Master serves more than %d teams", MaxTeamsPerScrumMaster),
		Explanation: "A Scrum Master spread over more than two teams misses events and impediments in all of them; the teams get a visitor rather than a coach.",
		Action:      "Reduce the Scrum Master's load to at most two teams by naming more Scrum Masters.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "No Scrum Master serves more than two teams in the roster by the end of the next PI.",
		find:       overloaded(func(t Team) string { return t.ScrumMasterID }, "Scrum Master", MaxTeamsPerScrumMaster),
	},
	{
		ID: "RG-09", Severity: Medium,
		Title:       fmt.Sprintf("A Product Owner serves more than %d teams", MaxTeamsPerProductOwner),
		Explanation: "A Product Owner spread over more than two teams cannot refine with each of them; developers wait for answers and backlogs go stale.",
		Action:      "Reduce the Product Owner's load to at most two teams by naming more Product Owners.",
		Owner:       OwnerProductManagement, Escalation: LevelART,
		Acceptance: "No Product Owner serves more than two teams in the roster by the end of the next PI.",
		find:       overloaded(func(t Team) string { return t.ProductOwnerID }, "Product Owner", MaxTeamsPerProductOwner),
	},
	{
		ID: "RG-10", Severity: High,
		Title:       "One person is both Scrum Master and Product Owner",
		Explanation: "The Scrum Master protects the team's way of working, the Product Owner decides what it works on; one person holding both loses the healthy tension between them, and usually the Scrum Master part.",
		Action:      "Split the two roles between two people.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "Nobody in the roster is both a Scrum Master and a Product Owner by the end of the next PI.",
		find:       bothRoles,
	},
	{
		ID: "RG-11", Severity: Medium,
		Title:       fmt.Sprintf("A team has fewer than %d or more than %d people", MinTeamSize, MaxTeamSize),
		Explanation: "A team of fewer than five lacks the skills and slack to finish work; one of more than eleven splits into sub-teams and coordinates poorly. Both make the train harder to plan.",
		Action:      "Re-form the team to five to eleven people.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "The team has five to eleven people in the roster by the end of the next PI.",
		find: eachTeam(func(r Roster, t Team) string {
			n := teamSize(t)
			if n < MinTeamSize || n > MaxTeamSize {
				return fmt.Sprintf("%s has %d %s, outside %d–%d.", t.Name, n, plural(n, "person", "people"), MinTeamSize, MaxTeamSize)
			}
			return ""
		}),
	},
	{
		ID: "RG-12", Severity: Medium,
		Title:       "A team lacks a required skill",
		Explanation: "A team missing a skill it needs hands its work to others to finish, and waits. Cross-functional teams are what let a train deliver an integrated increment every iteration.",
		Action:      "Bring the missing skills into the team by moving or training people.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "The roster shows every required skill in the team by the end of the next PI.",
		find: eachTeam(func(r Roster, t Team) string {
			if missing := missingSkills(r, t); len(missing) > 0 {
				return fmt.Sprintf("%s lacks %s.", t.Name, strings.Join(missing, ", "))
			}
			return ""
		}),
	},
	{
		ID: "RG-13", Severity: Medium,
		Title:       fmt.Sprintf("The train has fewer than %d or more than %d teams", MinTrainTeams, MaxTrainTeams),
		Explanation: "Below five teams a train's events cost more than they return, and one or two teams can coordinate directly; above twelve the train is too big to plan together and should be split around its value streams.",
		Action:      "Reshape the train around its value stream: merge it with a related train or split it so each train has five to twelve teams.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "The LACE has decided on the train's shape and recorded it before the next PI Planning.",
		find: func(r Roster, f Framework) []gapHit {
			if n := len(r.Teams); n < MinTrainTeams || n > MaxTrainTeams {
				return []gapHit{{"The train", "train", fmt.Sprintf("The train has %d %s, outside %d–%d.", n, plural(n, "team", "teams"), MinTrainTeams, MaxTrainTeams)}}
			}
			return nil
		},
	},
	{
		ID: "RG-14", Severity: Low,
		Title:       fmt.Sprintf("The train has fewer than %d or more than %d people", MinTrainPeople, MaxTrainPeople),
		Explanation: "A train of fewer than fifty people rarely needs the full set of train roles and events; one of more than about 125 is past the size at which people can know each other and plan together.",
		Action:      "Check the train's size against its value stream with the LACE, and adjust its shape if needed.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "The LACE has reviewed the train's size and recorded its decision before the next PI Planning.",
		find: func(r Roster, f Framework) []gapHit {
			if n := trainSize(r); n < MinTrainPeople || n > MaxTrainPeople {
				return []gapHit{{"The train", "train", fmt.Sprintf("The train has %d %s, outside %d–%d.", n, plural(n, "person", "people"), MinTrainPeople, MaxTrainPeople)}}
			}
			return nil
		},
	},
	{
		ID: "RG-15", Severity: Medium,
		Title:       "No value stream map",
		Explanation: "A value stream map tells the train what value it is expected to deliver and to whom. Without it the train is organised around systems or departments rather than value, and priorities are hard to argue.",
		Action:      "Map the value stream the train serves and share it with every team.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "A value stream map exists and is shown at the next PI Planning.",
		find: func(r Roster, f Framework) []gapHit {
			if !r.ValueStreamMap {
				return []gapHit{{"The train", "value-stream-map", "The train has no value stream map."}}
			}
			return nil
		},
	},
}

// RoleGapRuleByID returns the rule with the given ID, or nil.
func RoleGapRuleByID(id string) *RoleGapRule {
	for i := range RoleGapRules {
		if RoleGapRules[i].ID == id {
			return &RoleGapRules[i]
		}
	}
	return nil
}

// RoleGaps finds the gaps and risks in a roster, most severe first, then in
// rule order, then in roster order. An empty roster (no people, roles or
// teams) has no gaps: the coach has not entered it yet, and a page of gaps
// would say nothing.
func RoleGaps(r Roster, f Framework) []RoleGap {
	if len(r.People) == 0 && len(r.Roles) == 0 && len(r.Teams) == 0 {
		return nil
	}
	var gaps []RoleGap
	for _, rule := range RoleGapRules {
		for _, h := range rule.find(r, f) {
			gaps = append(gaps, RoleGap{
				Rule:        rule.ID,
				Severity:    rule.Severity,
				Subject:     h.subject,
				SubjectID:   h.subjectID,
				Finding:     h.finding,
				Explanation: f.Expand(rule.Explanation),
			})
		}
	}
	slices.SortStableFunc(gaps, func(a, b RoleGap) int { return int(a.Severity) - int(b.Severity) })
	return gaps
}

func missingRole(role ARTRole) func(Roster, Framework) []gapHit {
	return func(r Roster, f Framework) []gapHit {
		vacant := false
		for _, ra := range r.Roles {
			if ra.Role != role {
				continue
			}
			if ra.PersonID != "" {
				return nil
			}
			vacant = true
		}
		title := role.Title(f)
		if role == RoleBusinessOwner {
			title = "Business Owner"
		}
		finding := fmt.Sprintf("Nobody holds the %s role.", title)
		if vacant {
			finding = fmt.Sprintf("The %s role is vacant.", title)
		}
		return []gapHit{{title, string(role), finding}}
	}
}

func eachTeam(check func(Roster, Team) string) func(Roster, Framework) []gapHit {
	return func(r Roster, f Framework) []gapHit {
		var hits []gapHit
		for _, t := range r.Teams {
			if finding := check(r, t); finding != "" {
				hits = append(hits, gapHit{t.Name, t.ID, finding})
			}
		}
		return hits
	}
}

func overloaded(holder func(Team) string, role string, most int) func(Roster, Framework) []gapHit {
	return func(r Roster, f Framework) []gapHit {
		teams := map[string][]string{}
		var order []string
		for _, t := range r.Teams {
			id := holder(t)
			if id == "" {
				continue
			}
			if _, seen := teams[id]; !seen {
				order = append(order, id)
			}
			teams[id] = append(teams[id], t.Name)
		}
		var hits []gapHit
		for _, id := range order {
			if names := teams[id]; len(names) > most {
				who := personName(r, id)
				hits = append(hits, gapHit{who, id, fmt.Sprintf("%s is %s of %d teams: %s.", who, role, len(names), strings.Join(names, ", "))})
			}
		}
		return hits
	}
}

func bothRoles(r Roster, f Framework) []gapHit {
	sm := map[string][]string{}
	po := map[string][]string{}
	var order []string
	for _, t := range r.Teams {
		if t.ScrumMasterID != "" {
			if _, seen := sm[t.ScrumMasterID]; !seen && po[t.ScrumMasterID] == nil {
				order = append(order, t.ScrumMasterID)
			}
			sm[t.ScrumMasterID] = append(sm[t.ScrumMasterID], t.Name)
		}
		if t.ProductOwnerID != "" {
			if _, seen := po[t.ProductOwnerID]; !seen && sm[t.ProductOwnerID] == nil {
				order = append(order, t.ProductOwnerID)
			}
			po[t.ProductOwnerID] = append(po[t.ProductOwnerID], t.Name)
		}
	}
	var hits []gapHit
	for _, id := range order {
		if sm[id] == nil || po[id] == nil {
			continue
		}
		who := personName(r, id)
		hits = append(hits, gapHit{who, id, fmt.Sprintf("%s is Scrum Master of %s and Product Owner of %s.", who, strings.Join(sm[id], ", "), strings.Join(po[id], ", "))})
	}
	return hits
}

// teamSize counts the distinct people of a Scrum team: its developers, its
// Scrum Master and its Product Owner.
func teamSize(t Team) int {
	seen := map[string]bool{}
	for _, id := range append([]string{t.ScrumMasterID, t.ProductOwnerID}, t.DeveloperIDs...) {
		if id != "" {
			seen[id] = true
		}
	}
	return len(seen)
}

// trainSize counts everyone on the roster, and anyone a role or team names
// who is missing from its list of people.
func trainSize(r Roster) int {
	seen := map[string]bool{}
	add := func(id string) {
		if id != "" {
			seen[id] = true
		}
	}
	for _, p := range r.People {
		add(p.ID)
	}
	for _, ra := range r.Roles {
		add(ra.PersonID)
	}
	for _, t := range r.Teams {
		add(t.ScrumMasterID)
		add(t.ProductOwnerID)
		for _, id := range t.DeveloperIDs {
			add(id)
		}
	}
	return len(seen)
}

// missingSkills compares case and spacing insensitively, since skills are
// typed by hand.
func missingSkills(r Roster, t Team) []string {
	required := r.RequiredSkills
	if len(required) == 0 {
		required = DefaultSkills
	}
	have := map[string]bool{}
	for _, s := range t.Skills {
		have[normSkill(s)] = true
	}
	var missing []string
	for _, s := range required {
		if strings.TrimSpace(s) != "" && !have[normSkill(s)] {
			missing = append(missing, strings.TrimSpace(s))
		}
	}
	return missing
}

func normSkill(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func personName(r Roster, id string) string {
	for _, p := range r.People {
		if p.ID == id && p.Name != "" {
			return p.Name
		}
	}
	return id
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
