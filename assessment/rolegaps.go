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

// The size of a healthy team, and the most teams one Scrum Master or
// Product Owner can serve well, in every framework. The size of a train is
// the framework's (FrameworkSize).
const (
	MinTeamSize, MaxTeamSize = 5, 11
	MaxTeamsPerScrumMaster   = 2
	MaxTeamsPerProductOwner  = 2
)

// RoleGapRules are the rules RoleGaps applies, in the order they are
// documented.
var RoleGapRules = []RoleGapRule{
	{
		ID: "RG-01", Severity: High,
		Title:       "The {facilitator} role is missing or vacant",
		Explanation: "Without {a-facilitator} nobody facilitates the events of the {train-short}, keeps the cross-team impediment backlog moving or escalates what the teams cannot clear. The gap is reported only when the verdict says the train needs the role; it should then be filled before the next {planning}.",
		Action:      "Fill the {facilitator} role, following the way to start in the verdict.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "A named {facilitator} is in the roster before the next {planning}.",
		find:       missingRole(RoleFacilitator),
	},
	{
		ID: "RG-02", Severity: High,
		Title:       "The {backlog-owner} role is missing or vacant",
		Explanation: "Without {a-backlog-owner} nobody owns the {backlog} and roadmap, so priorities come from whoever asks loudest and the teams' Product Owners have nothing to align to.",
		Action:      "Name the {backlog-owner} for the {train-short}, with authority over the {backlog} and roadmap.",
		Owner:       OwnerBusinessOwners, Escalation: LevelLACE,
		Acceptance: "The {backlog-owner} is named in the roster and has published a prioritised {backlog} before the next {planning}.",
		find:       missingRole(RoleProductManagement),
	},
	{
		ID: "RG-03", Severity: Medium,
		Title:       "No System Architect",
		Explanation: "Without a System Architect cross-team technical decisions are made team by team or not at all, and the architectural runway erodes until features stall.",
		Action:      "Name a System Architect for the train.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "A System Architect is named in the roster by the end of the next {pi}.",
		find:       missingRole(RoleSystemArchitect),
	},
	{
		ID: "RG-04", Severity: High,
		Title:       "No {leaders}",
		Explanation: "The {leaders} take the escalations the teams cannot clear, hold the {train-short} to its outcomes and remove impediments the {train-short} cannot. Without them escalations have nowhere to go.",
		Action:      "Name the {leaders} and agree their part in {planning}, the {review} and the {inspect}.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "The {leaders} are named in the roster and take part in the next {planning}.",
		find:       missingRole(RoleBusinessOwner),
	},
	{
		ID: "RG-05", Severity: Low,
		Title:       "No Agile Coach",
		Explanation: "An Agile Coach, often part-time and reached through the LACE, helps the {train-short} find and address impediments, waste and process problems that insiders stop seeing.",
		Action:      "Agree with the LACE on an Agile Coach for the {train-short}, part-time if that suits its maturity.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "An Agile Coach is named in the roster with an agreed focus for the next {pi}.",
		find:       missingRole(RoleAgileCoach),
	},
	{
		ID: "RG-06", Severity: High,
		Title:       "A team has no Scrum Master",
		Explanation: "A team without a Scrum Master has nobody guiding its agile practice or removing its impediments, and no voice at the {sync}.",
		Action:      "Give the team a Scrum Master.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "The team has a named Scrum Master in the roster by the end of the next {pi}.",
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
		Acceptance: "The team has a named Product Owner in the roster by the end of the next {pi}.",
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
		Explanation: fmt.Sprintf("A Scrum Master spread over more than %s teams misses events and impediments in all of them; the teams get a visitor rather than a coach.", Number(MaxTeamsPerScrumMaster)),
		Action:      fmt.Sprintf("Reduce the Scrum Master's load to at most %s teams by naming more Scrum Masters.", Number(MaxTeamsPerScrumMaster)),
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: fmt.Sprintf("No Scrum Master serves more than %s teams in the roster by the end of the next {pi}.", Number(MaxTeamsPerScrumMaster)),
		find:       overloaded(func(t Team) string { return t.ScrumMasterID }, "Scrum Master", MaxTeamsPerScrumMaster),
	},
	{
		ID: "RG-09", Severity: Medium,
		Title:       fmt.Sprintf("A Product Owner serves more than %d teams", MaxTeamsPerProductOwner),
		Explanation: fmt.Sprintf("A Product Owner spread over more than %s teams cannot refine with each of them; developers wait for answers and backlogs go stale.", Number(MaxTeamsPerProductOwner)),
		Action:      fmt.Sprintf("Reduce the Product Owner's load to at most %s teams by naming more Product Owners.", Number(MaxTeamsPerProductOwner)),
		Owner:       OwnerProductManagement, Escalation: LevelART,
		Acceptance: fmt.Sprintf("No Product Owner serves more than %s teams in the roster by the end of the next {pi}.", Number(MaxTeamsPerProductOwner)),
		find:       overloaded(func(t Team) string { return t.ProductOwnerID }, "Product Owner", MaxTeamsPerProductOwner),
	},
	{
		ID: "RG-10", Severity: High,
		Title:       "One person is both Scrum Master and Product Owner",
		Explanation: "The Scrum Master protects the team's way of working, the Product Owner decides what it works on; one person holding both loses the healthy tension between them, and usually the Scrum Master part.",
		Action:      "Split the two roles between two people.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "Nobody in the roster is both a Scrum Master and a Product Owner by the end of the next {pi}.",
		find:       bothRoles,
	},
	{
		ID: "RG-11", Severity: Medium,
		Title:       fmt.Sprintf("A team has fewer than %d or more than %d people", MinTeamSize, MaxTeamSize),
		Explanation: fmt.Sprintf("A team of fewer than %s lacks the skills and slack to finish work; one of more than %s splits into sub-teams and coordinates poorly. Both make the {train-short} harder to plan.", Number(MinTeamSize), Number(MaxTeamSize)),
		Action:      fmt.Sprintf("Re-form the team to %s to %s people.", Number(MinTeamSize), Number(MaxTeamSize)),
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: fmt.Sprintf("The team has %s to %s people in the roster by the end of the next {pi}.", Number(MinTeamSize), Number(MaxTeamSize)),
		find: eachTeam(func(r Roster, t Team) string {
			n := teamSize(t)
			if n < MinTeamSize || n > MaxTeamSize {
				return fmt.Sprintf("%s has %s, outside %d–%d.", t.Name, Count(n, "person", "people"), MinTeamSize, MaxTeamSize)
			}
			return ""
		}),
	},
	{
		ID: "RG-12", Severity: Medium,
		Title:       "A team lacks a required skill",
		Explanation: "A team missing a skill it needs hands its work to others to finish, and waits. Cross-functional teams are what let {a-train-short} deliver an integrated increment every iteration.",
		Action:      "Bring the missing skills into the team by moving or training people.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "The roster shows every required skill in the team by the end of the next {pi}.",
		find: eachTeam(func(r Roster, t Team) string {
			if missing := missingSkills(r, t); len(missing) > 0 {
				return fmt.Sprintf("%s lacks %s.", t.Name, strings.Join(missing, ", "))
			}
			return ""
		}),
	},
	{
		ID: "RG-13", Severity: Medium,
		Title:       "The {train-short} has fewer or more teams than the framework expects",
		Explanation: "Each framework expects a team of teams of a certain size: below it the events cost more than they return, above it the teams can no longer plan and sync together. What to do depends on the direction: the framework's own advice is given.",
		Action:      "Reshape the {train-short} as the framework advises for its size.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "The LACE has decided on the shape of the {train-short} and recorded it before the next {planning}.",
		find:       trainTeams,
	},
	{
		ID: "RG-14", Severity: Low,
		Title:       "The {train-short} has fewer or more people than the framework expects",
		Explanation: "Where the framework names a size in people (SAFe: 50 to 125), a train outside it rarely needs the full set of train roles and events, or is past the size at which people can know each other and plan together.",
		Action:      "Check the size of the {train-short} against its value stream with the LACE, and adjust its shape if needed.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "The LACE has reviewed the size of the {train-short} and recorded its decision before the next {planning}.",
		find:       trainPeople,
	},
	{
		ID: "RG-15", Severity: Medium,
		Title:       "No value stream map",
		Explanation: "A value stream map tells the {train-short} what value it is expected to deliver and to whom. Without it the {train-short} is organised around systems or departments rather than value, and priorities are hard to argue.",
		Action:      "Map the value stream the {train-short} serves and share it with every team.",
		Owner:       OwnerLACE, Escalation: LevelLACE,
		Acceptance: "A value stream map exists and is shown at the next {planning}.",
		find: func(r Roster, f Framework) []gapHit {
			if !r.ValueStreamMap {
				return []gapHit{{"The train", "value-stream-map", "The train has no value stream map."}}
			}
			return nil
		},
	},
	{
		ID: "RG-16", Severity: High,
		Title:       "The {facilitator} also holds team roles",
		Explanation: "The {facilitator} serves the whole {train-short}. Each team role held as well takes time from it and makes the {facilitator} a party in the disagreements they should facilitate; a Product Owner's role never combines with it. The framework says how much is normal.",
		Action:      "Free the {facilitator} from the team roles beyond what the framework allows: name other Scrum Masters and Product Owners for those teams.",
		Owner:       OwnerLACE, Escalation: LevelART,
		Acceptance: "The roster shows the {facilitator} in no more team roles than the framework allows by the end of the next {pi}.",
		find:       facilitatorDoubleHatted,
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
// rule order, then in roster order, applying only the rules of the train's
// framework (FrameworkDef.Rules). An empty roster (no people, roles or
// teams) has no gaps: the coach has not entered it yet, and a page of gaps
// would say nothing.
func RoleGaps(r Roster, f Framework) []RoleGap {
	if len(r.People) == 0 && len(r.Roles) == 0 && len(r.Teams) == 0 {
		return nil
	}
	var gaps []RoleGap
	for _, rule := range RoleGapRules {
		if !f.Applies(rule.ID) {
			continue
		}
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

// gapsAgreeingWith leaves out the gaps the verdict contradicts: a missing
// facilitator (RG-01) is a gap only when the verdict says the train needs one.
func gapsAgreeingWith(gaps []RoleGap, v Verdict) []RoleGap {
	if v.Kind == Recommended || v.Kind == RecommendedConditions {
		return gaps
	}
	return slices.DeleteFunc(gaps, func(g RoleGap) bool { return g.Rule == "RG-01" })
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
		finding := fmt.Sprintf("Nobody holds the %s role.", title)
		if vacant {
			finding = fmt.Sprintf("The %s role is vacant.", title)
		}
		if role == RoleBusinessOwner {
			title = capital(f.Word("leaders"))
			finding = fmt.Sprintf("Nobody in the roster is one of the %s.", f.Word("leaders"))
			if vacant {
				finding = fmt.Sprintf("The places of the %s are vacant.", f.Word("leaders"))
			}
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

// trainTeams is RG-13: the train's team count against the framework's size,
// with the framework's advice for the direction it is off in.
func trainTeams(r Roster, f Framework) []gapHit {
	sz := f.Def().Size
	n := len(r.Teams)
	if sz == nil || n == 0 {
		return nil
	}
	what := fmt.Sprintf("The %s has %s.", f.Word("train-short"), Count(n, "team", "teams"))
	switch {
	case n < sz.Teams.Min:
		return []gapHit{{"The train", "train", what + " " + sizeText(f.Expand(sz.TooFew), sz.Teams)}}
	case n > sz.Teams.Max:
		return []gapHit{{"The train", "train", what + " " + sizeText(f.Expand(sz.TooMany), sz.Teams)}}
	}
	return nil
}

// trainPeople is RG-14: the train's head count, where the framework names one.
func trainPeople(r Roster, f Framework) []gapHit {
	sz := f.Def().Size
	if sz == nil || sz.People == nil {
		return nil
	}
	n := trainSize(r)
	what := fmt.Sprintf("The %s has %s.", f.Word("train-short"), Count(n, "person", "people"))
	switch {
	case n < sz.People.Min:
		return []gapHit{{"The train", "train-people", what + " " + sizeText(f.Expand(sz.PeopleTooFew), *sz.People)}}
	case n > sz.People.Max:
		return []gapHit{{"The train", "train-people", what + " " + sizeText(f.Expand(sz.PeopleTooMany), *sz.People)}}
	}
	return nil
}

// facilitatorDoubleHatted is RG-16: the scaled facilitator as Scrum Master of
// more teams than the framework allows, or as a Product Owner at all.
func facilitatorDoubleHatted(r Roster, f Framework) []gapHit {
	limit := f.Def().Lead
	var hits []gapHit
	for _, ra := range r.Roles {
		if ra.Role != RoleFacilitator || ra.PersonID == "" {
			continue
		}
		var sm, po []string
		for _, t := range r.Teams {
			if t.ScrumMasterID == ra.PersonID {
				sm = append(sm, t.Name)
			}
			if t.ProductOwnerID == ra.PersonID {
				po = append(po, t.Name)
			}
		}
		if len(sm) <= limit.ScrumMasterOfAtMost && len(po) == 0 {
			continue
		}
		who := personName(r, ra.PersonID)
		var holds []string
		if len(sm) > 0 {
			holds = append(holds, "Scrum Master of "+List(sm))
		}
		if len(po) > 0 {
			holds = append(holds, "Product Owner of "+List(po))
		}
		hits = append(hits, gapHit{who, ra.PersonID, fmt.Sprintf("%s is %s and %s. %s", who, f.Facilitator(), strings.Join(holds, " and "), limit.Note)})
	}
	return hits
}
