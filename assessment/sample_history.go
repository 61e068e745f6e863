package assessment

import (
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/trainscope/trainscope/assets"
)

// The samples come with a history, so a coach sees the loop close: each
// earlier finished assessment keeps the roster and register of its date,
// and each later one follows up what the one before agreed (FollowUpsFrom),
// with what the coach said happened to each.

// sampleStage is one assessment of a sample's history, and what the coach
// said at it about each follow-up it carried, by recommendation ID; a
// follow-up the coach said nothing about is left to the data.
type sampleStage struct {
	a    Assessment
	said map[string]sampleSaid
}

// sampleSaid is the coach's word on one follow-up.
type sampleSaid struct {
	state  FollowUpState
	note   string // the evidence, seen on the assessment's date
	reason string // why it was dropped
}

// sampleDefinitions are the embedded checklists, which the samples are
// answered against (SampleChecklistVersion): what reads an earlier sample
// assessment's recommendations for the follow-ups of the next.
var sampleDefinitions = sync.OnceValue(func() *Definitions {
	d, err := LoadDefinitions(assets.Checklists())
	if err != nil {
		panic(err) // embedded at build time and tested; a broken file is a build error
	}
	return d
})

// sampleHistory makes the stages one history, oldest first: each
// assessment after the first starts with the follow-ups of the one before,
// as a new assessment does, then takes the coach's word on them.
func sampleHistory(t Train, stages []sampleStage) []Assessment {
	d := sampleDefinitions()
	out := make([]Assessment, len(stages))
	for i, st := range stages {
		a := st.a
		if i > 0 {
			prev := &out[i-1]
			a.FollowUps = FollowUpsFrom(prev, Evaluate(d, t, prev))
			for k := range a.FollowUps {
				fu := &a.FollowUps[k]
				if s, ok := st.said[fu.RecommendationID]; ok {
					fu.State, fu.Note, fu.Reason = s.state, s.note, s.reason
					if s.note != "" {
						fu.NoteDate = a.Date
					}
				}
			}
		}
		out[i] = a
	}
	return out
}

// sampleBefore is cur n PIs earlier: its date, PI label and an answer set
// changed by the overrides; roster, register, notes and review are the
// caller's.
func sampleBefore(cur Assessment, prefix string, n int, overrides map[string]Answer) Assessment {
	a := cur
	a.Date = cur.Date.AddDate(0, 0, -7*DefaultPIWeeks*n)
	a.PI = samplePILabel(prefix, samplePIIndex(cur.Date)-n)
	a.Answers = maps.Clone(cur.Answers)
	for id, ans := range overrides {
		ans.ItemID = id
		a.Answers[id] = ans
	}
	a.Review = Review{}
	a.FollowUps = nil
	return a
}

// registerAsOf is the register as it stood on day: impediments raised by
// then, those resolved since still open.
func registerAsOf(reg []Impediment, day time.Time) []Impediment {
	var out []Impediment
	for _, imp := range reg {
		if imp.Raised.After(day) {
			continue
		}
		if imp.Status == StatusResolved && imp.Resolved.After(day) {
			imp.Status, imp.Resolved = StatusInProgress, time.Time{}
			if imp.ROAM == ROAMResolved {
				imp.ROAM = ROAMOwned
			}
		}
		out = append(out, imp)
	}
	return out
}

// withoutPerson is r without the person: out of the people, the roles and
// the teams, leaving their places vacant.
func withoutPerson(r Roster, id string) Roster {
	r = r.Clone()
	r.People = slices.DeleteFunc(r.People, func(p Person) bool { return p.ID == id })
	r.Roles = slices.DeleteFunc(r.Roles, func(ra RoleAssignment) bool { return ra.PersonID == id })
	for i := range r.Teams {
		tm := &r.Teams[i]
		if tm.ScrumMasterID == id {
			tm.ScrumMasterID = ""
		}
		if tm.ProductOwnerID == id {
			tm.ProductOwnerID = ""
		}
		tm.DeveloperIDs = slices.DeleteFunc(tm.DeveloperIDs, func(d string) bool { return d == id })
	}
	return r
}

// rated and figured are answers for the overrides of an earlier assessment.
func rated(r Rating, note string) Answer    { return Answer{Rating: r, Note: note} }
func figured(v float64, note string) Answer { return Answer{Figure: &v, Note: note} }

// safeStages is the SAFe sample's history: two PIs back the RTE had just
// taken the role, the System Architect was still there and the train had no
// Agile Coach; one PI back the architect had left, an Agile Coach had come,
// Merchant Portal's Scrum Master had not been hired yet and Payouts still had
// its Product Owner; cur is today.
//
// What the coach agreed two PIs back comes along one PI back: the PI
// Planning venue done, the Agile Coach met by the data, the release
// calendar in progress, the verdict's condition overdue. What was agreed one
// PI back comes along today: the Coach Sync and the release calendar done,
// Merchant Portal's Scrum Master met by the data (a roster change), the
// System Architect in progress, the impediment reviews overdue, the
// verdict's condition dropped with a reason.
func safeStages(on time.Time, cur Assessment) []sampleStage {
	idx := samplePIIndex(on)
	pi := func(n int) string { return samplePILabel("PI", idx+n) }
	statusDeck := RecommendationID("RV-02", "fit.status-reporting-risk.v2")
	architect := RecommendationID("RG-03", string(RoleSystemArchitect))
	portalSM := RecommendationID("RG-06", "sample-t-portal")
	agingReview := RecommendationID("RI-01", "imp.aged-reviewed.v1")

	// One PI back.
	r1 := withoutPerson(cur.Roster, "sample-p-portal-sm")
	r1.People = append(r1.People, Person{ID: "sample-p-payouts-po", Name: "Oksana Melnyk"})
	for i := range r1.Teams {
		if r1.Teams[i].ID == "sample-t-payouts" {
			r1.Teams[i].ProductOwnerID = "sample-p-payouts-po"
		}
	}
	prevOverrides := map[string]Answer{
		"eff.cross-team-sync.v1":       rated(2, "Runs weekly without an agenda."),
		"eff.coaches-network.v1":       rated(2, "No Coach Sync yet; the Scrum Masters meet only at the ART Sync."),
		"roles.facilitator-servant.v1": rated(2, "Still asked for status more than for coaching."),
		"imp.escalation-path.v1":       rated(2, ""),
		"imp.roam.v1":                  rated(3, ""),
		"imp.roam-followup.v1":         rated(1, "Risks are ROAMed at PI Planning and not looked at again."),
		"eff.integrated-increment.v1":  rated(1, "Teams integrate at the end of the PI."),
		"eff.scaled-retro.v1":          rated(2, ""),
		"eff.m.impediments-closed.v1":  figured(64, "Opened 14, closed 9, escalated 4 in the last PI."),
		"eff.m.days-blocked.v1":        figured(3.1, ""),
		"eff.m.integrated-share.v1":    figured(20, "One of five iterations."),
		"eff.m.pi-predictability.v1":   figured(61, ""),
		"eff.m.team-happiness.v1":      figured(3.4, ""),
		"eff.m.coordination-ease.v1":   figured(2.5, ""),
		"roles.team-scrum-master.v1":   rated(2, "Merchant Portal has no Scrum Master; Sofía serves three teams."),
		"roles.team-product-owner.v1":  rated(4, ""),
		"roles.system-architect.v1":    rated(1, "Wiebke Hansen left in the middle of the PI."),
		"imp.register-kept.v1":         rated(2, "The RTE started the spreadsheet this PI."),
	}
	prev := sampleBefore(cur, "PI", 1, prevOverrides)
	prev.Roster = r1
	prev.Register = registerAsOf(cur.Register, prev.Date)
	prev.Notes = map[string]string{
		ChecklistFit:           "Interviews with the Scrum Masters and both Business Owners before Inspect & Adapt.",
		ChecklistEffectiveness: "The RTE's first full PI: the ART Sync runs, the Scrum Masters do not meet on their own yet.",
		ChecklistRoles:         "Wiebke Hansen, the System Architect, left during the PI; Merchant Portal's Scrum Master position is open.",
		ChecklistImpediments:   "The RTE started a train-level register in a shared spreadsheet this PI.",
	}
	prev.Review = Review{
		Edits: map[string]RecommendationEdit{
			architect:   {Status: Accepted, TargetPI: pi(1)},
			portalSM:    {Status: Accepted, TargetPI: pi(0)},
			agingReview: {Status: Accepted, TargetPI: pi(0), Owner: OwnerFacilitator},
		},
		Added: []Recommendation{{
			ID:         "coach/coach-sync",
			Finding:    "The Scrum Masters meet only at the ART Sync and do not know whom to call in the other teams.",
			Action:     "Start a weekly Coach Sync of the RTE and the Scrum Masters.",
			Priority:   Medium,
			Owner:      OwnerFacilitator,
			Escalation: LevelART,
			Acceptance: "A weekly Coach Sync with every team's Scrum Master for a whole PI.",
			TargetPI:   pi(0),
			Status:     Accepted,
			ByCoach:    true,
		}},
	}

	// Two PIs back.
	r2 := withoutPerson(r1, "sample-p-lukasz")
	r2.People = append(r2.People, Person{ID: "sample-p-wiebke", Name: "Wiebke Hansen"})
	r2.Roles = append(r2.Roles, RoleAssignment{Role: RoleSystemArchitect, PersonID: "sample-p-wiebke"})
	firstOverrides := maps.Clone(prevOverrides)
	maps.Copy(firstOverrides, map[string]Answer{
		"eff.cross-team-sync.v1":      rated(1, "Started this PI; not every team comes."),
		"eff.dependencies-surface.v1": rated(1, ""),
		"roles.facilitator-events.v1": rated(3, ""),
		"imp.team-backlog.v1":         rated(3, ""),
		"imp.psw.v1":                  rated(2, "The first Inspect & Adapt is still ahead."),
		"eff.impediment-backlog.v1":   rated(1, "None at train level yet."),
		"eff.m.impediments-closed.v1": figured(55, ""),
		"eff.m.days-blocked.v1":       figured(3.8, ""),
		"eff.m.pi-predictability.v1":  figured(52, ""),
		"eff.m.team-happiness.v1":     figured(3.2, ""),
		"eff.m.coordination-ease.v1":  figured(2.2, ""),
		"roles.facilitator-held.v1":   rated(3, "Ingrid Halvorsen took the role at the start of this PI."),
		"roles.system-architect.v1":   rated(4, "Wiebke Hansen sets the architectural runway with the teams."),
		"roles.agile-coach.v1":        rated(1, "No Agile Coach; the LACE is looking for one."),
		"imp.train-backlog.v1":        rated(1, ""),
		"imp.register-kept.v1":        rated(1, "Impediments live on the team boards only."),
	})
	first := sampleBefore(cur, "PI", 2, firstOverrides)
	first.Roster = r2
	first.Register = registerAsOf(cur.Register, first.Date)
	first.Notes = map[string]string{
		ChecklistFit:           "The train's first assessment, a few weeks after its launch: interviews with six Scrum Masters and Product Management.",
		ChecklistEffectiveness: "Ingrid Halvorsen took the RTE role at the start of this PI; little to measure yet.",
		ChecklistRoles:         "Wiebke Hansen is System Architect; the train has no Agile Coach yet.",
		ChecklistImpediments:   "Impediments live on the team boards; the train has no register of its own.",
	}
	first.Review = Review{
		Edits: map[string]RecommendationEdit{
			statusDeck: {Status: Accepted, TargetPI: pi(-1)},
			RecommendationID("RG-05", string(RoleAgileCoach)): {Status: Accepted, TargetPI: pi(-1)},
		},
		Added: []Recommendation{{
			ID:         "coach/pi-planning-venue",
			Finding:    "Two teams plan in a side room at PI Planning and miss the dependency discussions.",
			Evidence:   []Evidence{{Kind: EvidenceFigure, Ref: "sample-imp-14", Text: "Impediment “PI Planning venue too small for eight teams”: open"}},
			Action:     "Book a venue where all eight teams plan in one room.",
			Priority:   High,
			Owner:      OwnerFacilitator,
			Escalation: LevelART,
			Acceptance: "All eight teams plan in one room at the next PI Planning.",
			TargetPI:   pi(-1),
			Status:     Accepted,
			ByCoach:    true,
		}, {
			ID:         "coach/release-calendar",
			Finding:    "Releases are planned without the banks' change freezes in view.",
			Action:     "Agree a release calendar with the partner banks that respects their change freezes.",
			Priority:   Medium,
			Owner:      OwnerProductManagement,
			Escalation: LevelART,
			Acceptance: "A release calendar agreed with the banks, and no release planned in a freeze.",
			TargetPI:   pi(0),
			Status:     Accepted,
			ByCoach:    true,
		}},
	}

	return []sampleStage{
		{a: first},
		{a: prev, said: map[string]sampleSaid{
			"coach/pi-planning-venue": {state: FollowUpDone, note: "All eight teams planned in the conference centre's hall."},
			"coach/release-calendar":  {state: FollowUpInProgress, note: "A draft calendar went to the banks."},
			statusDeck:                {state: FollowUpNotStarted},
		}},
		{a: cur, said: map[string]sampleSaid{
			"coach/coach-sync":       {state: FollowUpDone, note: "Weekly since the second iteration; all eight Scrum Masters attend."},
			"coach/release-calendar": {state: FollowUpDone, note: "Agreed with the banks; the freeze clash was resolved without moving a release."},
			architect:                {state: FollowUpInProgress, note: "Two candidates interviewed; Jürgen Weiß covers architecture decisions meanwhile."},
			agingReview:              {state: FollowUpNotStarted},
			statusDeck:               {state: FollowUpDropped, reason: "The COO who asked for the weekly status deck has left; her successor reads the System Demo instead."},
		}},
	}
}
