package assessment

import (
	"fmt"
	"time"
)

// SampleChecklistVersion is the checklist version the sample assessment was
// answered against; a test keeps it equal to the embedded definitions.
const SampleChecklistVersion = "2026.2"

// Sample is a made-up train for a coach to explore Trainscope with: a SAFe
// train of eight payment teams with the gaps real trains have (a Scrum
// Master serving three teams, a vacant Product Owner, no System Architect),
// an aging impediment register and a finished assessment dated on, the
// latest of SampleHistory: it follows up what the PI before it agreed. Its
// name says it is a sample, so it is never mistaken for a real train.
//
// The train's and the assessment's IDs are left empty for the store to fill;
// people, teams and impediments have fixed IDs so the sample is the same
// every time.
func Sample(on time.Time) (Train, Roster, []Impediment, Assessment) {
	return latestOf(SampleHistory(on))
}

// SampleHistory is the sample train with its finished assessments, oldest
// first: two PIs before on, one PI before on and on itself, each with the
// roster and register that were true on its date, and each after the first
// following up what the one before agreed, with the coach's word on each
// (see sampleHistory). The roster and register returned are the live ones,
// the same as the latest assessment's.
func SampleHistory(on time.Time) (Train, Roster, []Impediment, []Assessment) {
	on = Day(on)
	t := Train{
		Name:        "Sample ART — Payments (sample)",
		Framework:   SAFe,
		Description: "A made-up train to explore Trainscope with. Edit it, assess it again, or delete it; nothing here is real.",
	}
	r := sampleRoster()
	reg := sampleRegister(on)
	cur := Assessment{
		Date:             on,
		PI:               samplePI(on),
		Assessor:         "Sample Coach",
		Status:           Final,
		ChecklistVersion: SampleChecklistVersion,
		PIWeeks:          DefaultPIWeeks,
		Roster:           r.Clone(),
		Register:         append([]Impediment(nil), reg...),
		Answers:          sampleAnswers(),
		Notes: map[string]string{
			ChecklistFit:           "Interviews with all eight Scrum Masters, two Business Owners and Product Management, in the week before Inspect & Adapt.",
			ChecklistEffectiveness: "The RTE has been in the role for two PIs. Figures from the team boards and the last Inspect & Adapt.",
			ChecklistRoles:         "The roster was checked with the RTE; the System Architect left last PI and has not been replaced.",
			ChecklistImpediments:   "The register is kept by the RTE in a shared spreadsheet; team boards reviewed on site.",
		},
		Review: Review{
			Edits: map[string]RecommendationEdit{
				RecommendationID("RG-03", string(RoleSystemArchitect)): {
					Status:   Accepted,
					Action:   "Hire or appoint a System Architect for the Payments train; until then, Jürgen Weiß covers architecture decisions two days a week.",
					Priority: High,
				},
				RecommendationID("RG-08", "sample-p-sofia"): {
					Status: Accepted,
					Owner:  OwnerFacilitator,
				},
				RecommendationID("RI-01", "imp.psw-root-cause.v1"): {
					Status: Rejected,
					Reason: "Root causes are already worked in the problem-solving workshop of every Inspect & Adapt.",
				},
			},
			Added: []Recommendation{{
				ID:         "coach/shared-test-environment",
				Finding:    "The shared test environment is down about twice a week and blocks Clearing and Ledger.",
				Evidence:   []Evidence{{Kind: EvidenceFigure, Ref: "sample-imp-01", Text: "Impediment “Shared test environment unstable”: open, escalated"}},
				Action:     "Fund a second, production-like test environment for the train.",
				Priority:   High,
				Owner:      OwnerBusinessOwners,
				Escalation: LevelLACE,
				Acceptance: "Test-environment downtime below two hours per iteration for a whole PI.",
				TargetPI:   NextPI(samplePI(on), 1),
				Status:     Accepted,
				ByCoach:    true,
			}},
		},
	}
	return t, r, reg, sampleHistory(t, safeStages(on, cur))
}

// latestOf is a history's latest assessment, with the train and its live
// roster and register.
func latestOf(t Train, r Roster, reg []Impediment, h []Assessment) (Train, Roster, []Impediment, Assessment) {
	return t, r, reg, h[len(h)-1]
}

// samplePI names the PI around a date, assuming five PIs a year.
func samplePI(on time.Time) string {
	return samplePILabel("PI", samplePIIndex(on))
}

// samplePIIndex counts the sample's PIs: five a year, so the PI n before a
// date is the index minus n, across the turn of the year.
func samplePIIndex(on time.Time) int {
	return on.Year()*5 + min((on.YearDay()-1)/73, 4)
}

// samplePILabel names the sample's PI of an index: "PI 2026.1".
func samplePILabel(prefix string, index int) string {
	return fmt.Sprintf("%s %d.%d", prefix, index/5, index%5+1)
}

func sampleRoster() Roster {
	var r Roster
	person := func(key, name string, contractor bool) string {
		id := "sample-p-" + key
		r.People = append(r.People, Person{ID: id, Name: name, Contractor: contractor})
		return id
	}
	rte := person("ingrid", "Ingrid Halvorsen", false)
	pm1 := person("aurelie", "Aurélie Dubois", false)
	pm2 := person("rafael", "Rafael Gutiérrez", false)
	bo1 := person("klaus", "Klaus Müller", false)
	bo2 := person("siobhan", "Siobhán Ó Ceallaigh", false)
	coach := person("lukasz", "Łukasz Wiśniewski", false)
	r.Roles = []RoleAssignment{
		{Role: RoleFacilitator, PersonID: rte},
		{Role: RoleProductManagement, PersonID: pm1},
		{Role: RoleProductManagement, PersonID: pm2},
		{Role: RoleBusinessOwner, PersonID: bo1},
		{Role: RoleBusinessOwner, PersonID: bo2},
		{Role: RoleAgileCoach, PersonID: coach},
		// No System Architect: the last one left and nobody was named.
	}

	sofia := person("sofia", "Sofía Hernández", false)
	teams := []struct {
		key, name, sm, po string
		devs              []string
		contractors       int // the last n developers are delivery contractors
		lacks             string
	}{
		{"ledger", "Ledger", "sofia", "Mikael Sjöberg", []string{"Anaïs Lefèvre", "Jürgen Weiß", "Małgorzata Kowalska", "Ngozi Adeyemi", "Søren Østergaard", "Ravi Shankar"}, 2, ""},
		{"clearing", "Clearing", "sofia", "Chiara Bianchi", []string{"Émile Girard", "Dagný Jónsdóttir", "Kwame Mensah", "Lucía Fernández", "Hyun-woo Park"}, 0, ""},
		{"payouts", "Payouts", "sofia", "", []string{"Ana Paula Gonçalves", "Tadeusz Wróbel", "Fatma Öztürk", "Jonas Petraitis", "Mariana Costa"}, 3, "Technical writing"},
		{"fraud", "Fraud Signals", "Nnamdi Okafor", "Priya Raghunathan", []string{"Li Wei", "Zsófia Kovács", "Andrés Muñoz", "Eliška Dvořáková", "Oluwaseun Bello", "Henrik Ås", "Yasmin Haddad"}, 0, ""},
		{"checkout", "Checkout", "Zoë Papadopoulos", "Tomáš Novák", []string{"Camille Rousseau", "Matteo Ricci", "Aylin Demir", "Kenji Watanabe", "Nadia Benali", "Pål Hægstad"}, 2, ""},
		{"portal", "Merchant Portal", "Mehmet Yılmaz", "Gráinne Nic Aodha", []string{"Inès Moreau", "Václav Horák", "Thandiwe Dube", "Diego Ramírez", "Anja Šimić"}, 0, ""},
		{"recon", "Reconciliation", "Haruka Tanaka", "Björn Lindqvist", []string{"Ewa Zielińska", "Rúben Carvalho", "Chidi Eze", "Marta Nowicka"}, 0, ""},
		{"platform", "Platform", "Aisling Byrne", "João Pereira", []string{"Ștefan Popescu", "Noémie Laurent", "Arjun Mehta", "Greta Björk", "Dimitris Alexiou", "Lena Fischer"}, 1, "UI/UX"},
	}
	for _, tm := range teams {
		team := Team{ID: "sample-t-" + tm.key, Name: tm.name}
		if tm.sm == "sofia" {
			team.ScrumMasterID = sofia
		} else {
			team.ScrumMasterID = person(tm.key+"-sm", tm.sm, false)
		}
		if tm.po != "" {
			team.ProductOwnerID = person(tm.key+"-po", tm.po, false)
		}
		for i, dev := range tm.devs {
			contractor := i >= len(tm.devs)-tm.contractors
			team.DeveloperIDs = append(team.DeveloperIDs, person(fmt.Sprintf("%s-d%d", tm.key, i+1), dev, contractor))
		}
		for _, s := range DefaultSkills {
			if s != tm.lacks {
				team.Skills = append(team.Skills, s)
			}
		}
		r.Teams = append(r.Teams, team)
	}
	r.ValueStreamMap = true
	return r
}

func sampleRegister(on time.Time) []Impediment {
	ago := func(d int) time.Time { return on.AddDate(0, 0, -d) }
	return []Impediment{
		{ID: "sample-imp-01", Title: "Shared test environment unstable", Description: "The integration environment is down about twice a week; Clearing and Ledger cannot test end to end.",
			Level: LevelART, TeamID: "sample-t-clearing", Owner: "Ingrid Halvorsen", Status: StatusOpen, ROAM: ROAMOwned, Raised: ago(45), Escalated: true, RecurrenceOf: "sample-imp-09"},
		{ID: "sample-imp-02", Title: "Security review takes six weeks per release", Description: "Every release waits for a central security review with a six-week queue.",
			Level: LevelLACE, Owner: "Klaus Müller", Status: StatusOpen, ROAM: ROAMAccepted, Raised: ago(118), Escalated: true},
		{ID: "sample-imp-03", Title: "Card scheme sandbox lacks test data", Description: "No realistic test cards in the scheme sandbox.",
			Level: LevelTeam, TeamID: "sample-t-checkout", Owner: "Zoë Papadopoulos", Status: StatusResolved, ROAM: ROAMMitigated, Raised: ago(63), Resolved: ago(41)},
		{ID: "sample-imp-04", Title: "Payouts team has no Product Owner", Description: "Priorities for Payouts are set by whoever asks; the team's goals slip.",
			Level: LevelART, TeamID: "sample-t-payouts", Owner: "Aurélie Dubois", Status: StatusOpen, ROAM: ROAMOwned, Raised: ago(31), Escalated: true},
		{ID: "sample-imp-05", Title: "Merge conflicts between Ledger and Clearing", Description: "Both teams change the posting module; merges take a day each iteration.",
			Level: LevelART, TeamID: "sample-t-ledger", Owner: "Sofía Hernández", Status: StatusInProgress, ROAM: ROAMMitigated, Raised: ago(20)},
		{ID: "sample-imp-06", Title: "Nightly build takes four hours", Description: "Feedback on broken builds arrives the next morning.",
			Level: LevelTeam, TeamID: "sample-t-platform", Owner: "Aisling Byrne", Status: StatusResolved, ROAM: ROAMResolved, Raised: ago(52), Resolved: ago(36)},
		{ID: "sample-imp-07", Title: "Fraud model retraining needs data-platform approval", Description: "Each retraining needs a sign-off from the data platform board, which meets monthly.",
			Level: LevelLACE, TeamID: "sample-t-fraud", Owner: "Siobhán Ó Ceallaigh", Status: StatusOpen, Raised: ago(82)},
		{ID: "sample-imp-08", Title: "Checkout waits on Merchant Portal API changes", Description: "API changes are scheduled a PI late.",
			Level: LevelART, TeamID: "sample-t-checkout", Owner: "Ingrid Halvorsen", Status: StatusResolved, ROAM: ROAMOwned, Raised: ago(27), Resolved: ago(12)},
		{ID: "sample-imp-09", Title: "Test environment bookings clash", Description: "Teams overwrite each other's test data in the shared environment.",
			Level: LevelART, Owner: "Ingrid Halvorsen", Status: StatusResolved, ROAM: ROAMMitigated, Raised: ago(110), Resolved: ago(74)},
		{ID: "sample-imp-10", Title: "Budget freeze blocks contractor onboarding", Description: "Two approved contractor positions cannot be filled until the freeze lifts.",
			Level: LevelLACE, Owner: "Klaus Müller", Status: StatusInProgress, ROAM: ROAMAccepted, Raised: ago(96), Escalated: true},
		{ID: "sample-imp-11", Title: "Flaky end-to-end tests again", Description: "The end-to-end suite fails one run in five for no reason.",
			Level: LevelTeam, TeamID: "sample-t-recon", Owner: "Haruka Tanaka", Status: StatusOpen, Raised: ago(12), RecurrenceOf: "sample-imp-12"},
		{ID: "sample-imp-12", Title: "Flaky end-to-end tests", Description: "Timeouts in the end-to-end suite.",
			Level: LevelTeam, TeamID: "sample-t-recon", Owner: "Haruka Tanaka", Status: StatusResolved, ROAM: ROAMResolved, Raised: ago(91), Resolved: ago(70)},
		{ID: "sample-imp-13", Title: "Release calendar clashes with the banks' change freeze", Description: "Two planned releases fall in the year-end freeze.",
			Level: LevelART, Owner: "Rafael Gutiérrez", Status: StatusResolved, ROAM: ROAMResolved, Raised: ago(40), Resolved: ago(9)},
		{ID: "sample-imp-14", Title: "PI Planning venue too small for eight teams", Description: "Two teams plan in a side room and miss the dependency discussions.",
			Level: LevelART, Owner: "Ingrid Halvorsen", Status: StatusResolved, ROAM: ROAMResolved, Raised: ago(175), Resolved: ago(128)},
		{ID: "sample-imp-15", Title: "Release approvals need three signatures", Description: "Each release waits for sign-off from three department heads.",
			Level: LevelLACE, Owner: "Klaus Müller", Status: StatusResolved, ROAM: ROAMMitigated, Raised: ago(160), Resolved: ago(101), Escalated: true},
	}
}

func sampleAnswers() map[string]Answer {
	answers := map[string]Answer{}
	rate := func(id string, r Rating, note string) { answers[id] = Answer{ItemID: id, Rating: r, Note: note} }
	figure := func(id string, v float64, note string) { answers[id] = Answer{ItemID: id, Figure: &v, Note: note} }

	// Fit: the train has an RTE; the question is whether to keep the role.
	rate("fit.shared-product.v1", 5, "All eight teams build the one payments platform.")
	rate("fit.cross-team-impediments.v1", 4, "")
	rate("fit.joint-improvement.v1", 4, "Test environment and release process come up in every team's retrospective.")
	rate("fit.coach-coordination.v1", 3, "")
	rate("fit.dependency-waits.v1", 4, "")
	rate("fit.framework-adoption.v1", 5, "The bank is rolling out SAFe across the portfolio.")
	rate("fit.candidate-coach.v1", 3, "")
	rate("fit.independent-teams.v2", 1, "")
	rate("fit.team-scrum-weak.v2", 2, "Payouts struggles without a Product Owner.")
	rate("fit.status-reporting-risk.v2", 4, "The COO asks the RTE for a weekly status deck.")
	rate("fit.coordination-handoff-risk.v2", 3, "")
	rate("fit.no-empowered-leaders.v2", 3, "")
	rate("fit.few-teams.v2", 2, "")

	// Effectiveness: two PIs in, the rhythm exists, the results do not yet.
	rate("eff.cross-team-sync.v1", 3, "Runs weekly, overruns to an hour, Platform often absent.")
	rate("eff.impediment-backlog.v1", 2, "A spreadsheet only the RTE updates.")
	rate("eff.coaches-network.v1", 3, "")
	rate("eff.dependencies-surface.v1", 2, "")
	rate("eff.scaled-retro.v1", 3, "")
	rate("eff.integrated-increment.v1", 2, "")
	rate("eff.impediments-faster.v1", 2, "")
	rate("eff.systemic-to-leaders.v1", 2, "")
	rate("eff.improvements-spread.v1", DontKnow, "")
	rate("eff.direct-coordination.v1", 2, "")
	rate("eff.throughput-quality.v1", DontKnow, "Only one PI of comparable data.")
	// The two age measures are left to the register.
	figure("eff.m.impediments-closed.v1", 72, "Opened 18, closed 13, escalated 5 in the last PI.")
	figure("eff.m.days-blocked.v1", 2.5, "")
	figure("eff.m.integrated-share.v1", 40, "Two of five iterations.")
	figure("eff.m.pi-predictability.v1", 68, "")
	rate("eff.m.value-delivery.v1", 3, "")
	rate("eff.m.quality.v1", 3, "")
	figure("eff.m.team-happiness.v1", 3.6, "")
	figure("eff.m.coordination-ease.v1", 2.9, "")

	// Role coverage.
	rate("roles.facilitator-held.v1", 4, "")
	rate("roles.facilitator-servant.v1", 3, "")
	rate("roles.facilitator-events.v1", 4, "")
	rate("roles.product-management.v1", 3, "")
	rate("roles.pm-partner.v1", NotApplicable, "No sponsor-side rule at this bank.")
	rate("roles.system-architect.v1", 1, "The architect left last PI.")
	rate("roles.business-owners.v1", 3, "")
	rate("roles.agile-coach.v1", 3, "")
	rate("roles.team-scrum-master.v1", 2, "Sofía serves Ledger, Clearing and Payouts.")
	rate("roles.team-product-owner.v1", 3, "")
	rate("roles.po-alignment.v1", 3, "")
	rate("roles.cross-functional.v1", 3, "")
	rate("roles.no-subteams.v1", 4, "")
	rate("roles.team-stability.v1", 4, "")
	rate("roles.contractors-integrated.v1", 3, "")
	rate("roles.no-overload.v1", 2, "")
	rate("roles.value-stream.v1", 4, "")

	// Impediment handling; the measures come from the register.
	rate("imp.team-backlog.v1", 4, "")
	rate("imp.train-backlog.v1", 2, "")
	rate("imp.register-kept.v1", 3, "")
	rate("imp.escalation-path.v1", 3, "")
	rate("imp.escalation-timely.v1", 2, "")
	rate("imp.leaders-remove.v1", 2, "The security review queue has been escalated twice without an answer.")
	rate("imp.lace-systemic.v1", 2, "")
	rate("imp.roam.v1", 4, "")
	rate("imp.roam-followup.v1", 2, "")
	rate("imp.psw.v1", 3, "")
	rate("imp.psw-root-cause.v1", 2, "")
	rate("imp.psw-backlog.v1", 2, "")
	rate("imp.aged-reviewed.v1", 2, "")
	rate("imp.recurrence-addressed.v1", DontKnow, "")
	return answers
}

// GrowRoster is a roster grown to the size of a LACE's largest trains, for
// benchmarks and tests of scale: teams of eight (a Scrum Master, a Product
// Owner and six developers, the skills of the first teams' in turn) added
// until there are teams teams, and people not on a team until there are
// people people. The ids and names are fixed, so a grown roster is the
// same each time.
func GrowRoster(r Roster, teams, people int) Roster {
	r.People = append([]Person(nil), r.People...)
	r.Teams = append([]Team(nil), r.Teams...)
	base := len(r.Teams)
	for i := 0; len(r.Teams) < teams; i++ {
		team := Team{ID: fmt.Sprintf("extra-team-%d", i), Name: fmt.Sprintf("Extra %d", i+1)}
		if base > 0 {
			team.Skills = r.Teams[i%base].Skills
		}
		for j := range 8 {
			p := Person{ID: fmt.Sprintf("extra-%d-%d", i, j), Name: fmt.Sprintf("Person %d-%d", i, j)}
			r.People = append(r.People, p)
			switch j {
			case 0:
				team.ScrumMasterID = p.ID
			case 1:
				team.ProductOwnerID = p.ID
			default:
				team.DeveloperIDs = append(team.DeveloperIDs, p.ID)
			}
		}
		r.Teams = append(r.Teams, team)
	}
	for i := 0; len(r.People) < people; i++ {
		r.People = append(r.People, Person{ID: fmt.Sprintf("spare-%d", i), Name: fmt.Sprintf("Spare %03d", i)})
	}
	return r
}

// GrowRegister is n impediments made from those of reg in turn, for
// benchmarks and tests of scale: each numbered in its title, raised every
// other day back from on, one in three (and each that was resolved)
// resolved; without ids, to be stored as new ones.
func GrowRegister(reg []Impediment, n int, on time.Time) []Impediment {
	out := make([]Impediment, 0, n)
	for i := range n {
		imp := reg[i%len(reg)]
		imp.ID, imp.RecurrenceOf = "", ""
		imp.Title = fmt.Sprintf("%s (%d)", imp.Title, i+1)
		imp.Raised = on.AddDate(0, 0, -2*i-1)
		if i%3 == 0 || !imp.Resolved.IsZero() {
			imp.Status, imp.Resolved = StatusResolved, imp.Raised.AddDate(0, 0, i)
		}
		out = append(out, imp)
	}
	return out
}
