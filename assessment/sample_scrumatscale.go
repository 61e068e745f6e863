package assessment

import (
	"fmt"
	"maps"
	"time"
)

// SampleFor is the sample of a framework: SampleScrumAtScale for
// Scrum@Scale, Sample (the SAFe train) for any other.
func SampleFor(f Framework) func(on time.Time) (Train, Roster, []Impediment, Assessment) {
	if f == ScrumAtScale {
		return SampleScrumAtScale
	}
	return Sample
}

// SampleHistoryFor is the sample of a framework with its history, oldest
// first: SampleScrumAtScaleHistory for Scrum@Scale, SampleHistory for any
// other. The latest is what SampleFor gives.
func SampleHistoryFor(f Framework) func(on time.Time) (Train, Roster, []Impediment, []Assessment) {
	if f == ScrumAtScale {
		return SampleScrumAtScaleHistory
	}
	return SampleHistory
}

// SampleScrumAtScale is a made-up Scrum@Scale team of teams for a coach to
// see how Trainscope reads another framework: a Scrum of Scrums of six
// claims teams (one more than the five a Scrum of Scrums works with), its
// SoSM also Scrum Master of one team (normal in Scrum@Scale), a Chief
// Product Owner, an Executive Action Team that meets too rarely to decide,
// and a finished assessment dated on, the latest of
// SampleScrumAtScaleHistory. Like Sample, its name says it is a sample, and
// its IDs are left for the store to fill.
func SampleScrumAtScale(on time.Time) (Train, Roster, []Impediment, Assessment) {
	return latestOf(SampleScrumAtScaleHistory(on))
}

// SampleScrumAtScaleHistory is the Scrum@Scale sample with its finished
// assessments of two releases back, one release back and on, oldest first,
// as SampleHistory is for the SAFe train.
func SampleScrumAtScaleHistory(on time.Time) (Train, Roster, []Impediment, []Assessment) {
	on = Day(on)
	t := Train{
		Name:        "Sample Scrum of Scrums — Claims (sample)",
		Framework:   ScrumAtScale,
		Description: "A made-up Scrum@Scale team of teams to explore Trainscope with. Nothing here is real.",
	}
	r := sasRoster()
	reg := sasRegister(on)
	cur := Assessment{
		Date:             on,
		PI:               samplePILabel(sasPrefix, samplePIIndex(on)),
		Assessor:         "Sample Coach",
		Status:           Final,
		ChecklistVersion: SampleChecklistVersion,
		PIWeeks:          DefaultPIWeeks,
		Roster:           r.Clone(),
		Register:         append([]Impediment(nil), reg...),
		Answers:          sasAnswers(),
		Notes: map[string]string{
			ChecklistFit:           "Interviews with the six Scrum Masters, the Chief Product Owner and two members of the Executive Action Team, after the Scaled Retrospective.",
			ChecklistEffectiveness: "The SoSM has run the Scaled Daily Scrum for three sprints.",
			ChecklistRoles:         "Roster checked with the SoSM and the Chief Product Owner.",
			ChecklistImpediments:   "The impediment backlog lives on the Scaled Daily Scrum's board.",
		},
	}
	return t, r, reg, sampleHistory(t, sasStages(on, cur))
}

// sasPrefix names the Scrum@Scale sample's releases: "Release 2026.1".
const sasPrefix = "Release"

// sasStages is the Scrum@Scale sample's history: two releases back the team
// of teams had no Agile Coach; one release back Documents was waiting for
// its Scrum Master; cur is today. What was agreed comes along: the Agile
// Coach and Documents' Scrum Master met by the data, the coach's own
// recommendations done or in progress, the escalation time limit overdue,
// one dropped with a reason.
func sasStages(on time.Time, cur Assessment) []sampleStage {
	idx := samplePIIndex(on)
	rel := func(n int) string { return samplePILabel(sasPrefix, idx+n) }
	agileCoach := RecommendationID("RG-05", string(RoleAgileCoach))
	docsSM := RecommendationID("RG-06", "sas-t-docs")
	timelyEscalation := RecommendationID("RI-01", "imp.escalation-timely.v1")
	laceSystemic := RecommendationID("RI-01", "imp.lace-systemic.v1")

	prevOverrides := map[string]Answer{
		"eff.cross-team-sync.v1":     rated(3, "Daily, but two Scrum Masters often send a developer."),
		"eff.coaches-network.v1":     rated(3, ""),
		"eff.m.integrated-share.v1":  figured(40, ""),
		"eff.m.team-happiness.v1":    figured(3.6, ""),
		"eff.m.coordination-ease.v1": figured(3.0, ""),
		"roles.team-scrum-master.v1": rated(3, "Documents has no Scrum Master."),
		"imp.register-kept.v1":       rated(3, ""),
	}
	prev := sampleBefore(cur, sasPrefix, 1, prevOverrides)
	prev.Roster = withoutPerson(cur.Roster, "sas-p-docs-sm")
	prev.Register = registerAsOf(cur.Register, prev.Date)
	prev.Notes = map[string]string{
		ChecklistFit:           "Interviews with the Scrum Masters and the Chief Product Owner.",
		ChecklistEffectiveness: "The Scaled Daily Scrum runs every day; the Scaled Retrospective is new.",
		ChecklistRoles:         "Documents' Scrum Master left; the position is open.",
		ChecklistImpediments:   "The SoSM keeps the impediment backlog on the Scaled Daily Scrum's board.",
	}
	prev.Review = Review{
		Edits: map[string]RecommendationEdit{
			docsSM:           {Status: Accepted, TargetPI: rel(0)},
			timelyEscalation: {Status: Accepted, TargetPI: rel(0)},
			laceSystemic:     {Status: Accepted, TargetPI: rel(0)},
		},
		Added: []Recommendation{{
			ID:         "coach/eat-cadence",
			Finding:    "The Executive Action Team meets once a quarter, so escalations wait up to three months.",
			Action:     "Have the Executive Action Team meet every sprint, with the SoSM bringing the escalations.",
			Priority:   High,
			Owner:      OwnerBusinessOwners,
			Escalation: LevelLACE,
			Acceptance: "The Executive Action Team meets every sprint for a whole release.",
			TargetPI:   rel(1),
			Status:     Accepted,
			ByCoach:    true,
		}, {
			ID:         "coach/one-sprint-review",
			Finding:    "Stakeholders cannot attend six sprint reviews in one afternoon, so most teams review without them.",
			Action:     "Hold one joint sprint review of all six teams, with a stand for each team.",
			Priority:   Medium,
			Owner:      OwnerFacilitator,
			Escalation: LevelART,
			Acceptance: "One joint sprint review each sprint, attended by the Chief Product Owner and the stakeholders.",
			TargetPI:   rel(0),
			Status:     Accepted,
			ByCoach:    true,
		}},
	}

	firstOverrides := maps.Clone(prevOverrides)
	maps.Copy(firstOverrides, map[string]Answer{
		"eff.scaled-retro.v1":  rated(2, "No Scaled Retrospective yet."),
		"eff.m.quality.v1":     rated(3, ""),
		"roles.agile-coach.v1": rated(1, "No Agile Coach yet."),
		"imp.train-backlog.v1": rated(2, ""),
	})
	first := sampleBefore(cur, sasPrefix, 2, firstOverrides)
	first.Roster = withoutPerson(cur.Roster, "sas-p-nils")
	first.Register = registerAsOf(cur.Register, first.Date)
	first.Notes = map[string]string{
		ChecklistFit:           "The first assessment after the insurer adopted Scrum@Scale.",
		ChecklistEffectiveness: "The Scaled Daily Scrum started this release.",
		ChecklistRoles:         "The team of teams has no Agile Coach yet.",
		ChecklistImpediments:   "Impediments live on the team boards.",
	}
	first.Review = Review{
		Edits: map[string]RecommendationEdit{
			agileCoach: {Status: Accepted, TargetPI: rel(-1)},
		},
		Added: []Recommendation{{
			ID:         "coach/scaled-retro",
			Finding:    "The teams improve alone; nothing brings their retrospectives together.",
			Action:     "Hold a Scaled Retrospective every sprint, facilitated by the SoSM.",
			Priority:   Medium,
			Owner:      OwnerFacilitator,
			Escalation: LevelART,
			Acceptance: "A Scaled Retrospective every sprint of the next release.",
			TargetPI:   rel(-1),
			Status:     Accepted,
			ByCoach:    true,
		}},
	}

	return []sampleStage{
		{a: first},
		{a: prev, said: map[string]sampleSaid{
			"coach/scaled-retro": {state: FollowUpDone, note: "Held at the end of every sprint since the second."},
		}},
		{a: cur, said: map[string]sampleSaid{
			"coach/one-sprint-review": {state: FollowUpDone, note: "One joint review each sprint since the second sprint of the release."},
			"coach/eat-cadence":       {state: FollowUpInProgress, note: "The Executive Action Team agreed to meet monthly as a first step."},
			timelyEscalation:          {state: FollowUpNotStarted},
			laceSystemic:              {state: FollowUpDropped, reason: "Folded into the Executive Action Team's cadence, followed up there."},
		}},
	}
}

func sasRoster() Roster {
	var r Roster
	person := func(key, name string) string {
		id := "sas-p-" + key
		r.People = append(r.People, Person{ID: id, Name: name})
		return id
	}
	sosm := person("amara", "Amara Okonkwo")
	cpo := person("elena", "Elena Petrova")
	eat1 := person("hiroshi", "Hiroshi Yamamoto")
	eat2 := person("margit", "Margit Szabó")
	coach := person("nils", "Nils Johansson")
	r.Roles = []RoleAssignment{
		{Role: RoleFacilitator, PersonID: sosm},
		{Role: RoleProductManagement, PersonID: cpo},
		{Role: RoleBusinessOwner, PersonID: eat1},
		{Role: RoleBusinessOwner, PersonID: eat2},
		{Role: RoleAgileCoach, PersonID: coach},
	}
	teams := []struct {
		key, name, sm, po string
		devs              []string
	}{
		{"intake", "Intake", "amara", "Rosa Delgado", []string{"Farid Haddad", "Ines Kovač", "Tomás Ferreira", "Wanjiru Kamau", "Olga Ivanova"}},
		{"triage", "Triage", "Sipho Ndlovu", "Rosa Delgado", []string{"Chen Jing", "Leila Ahmadi", "Mateus Rocha", "Karin Berg", "Oskar Nowak"}},
		{"payout", "Claim Payout", "Fionnuala Byrne", "Arvid Lund", []string{"Dmitri Sokolov", "Adaeze Nwosu", "Paulo Mendes", "Yuki Sato", "Hana Novotná", "Emre Kaya"}},
		{"fraud", "Claims Fraud", "Valentina Rossi", "Arvid Lund", []string{"Kofi Asante", "Mirela Popa", "Jae-min Lee", "Astrid Holm", "Bruno Lima"}},
		{"docs", "Documents", "Keanu Makoa", "Beatriz Souza", []string{"Ayşe Çelik", "Marek Dvořák", "Nkechi Obi", "Sven Larsen", "Lucía Ortega"}},
		{"portal", "Customer Portal", "Dalia Mansour", "Beatriz Souza", []string{"Igor Petrov", "Aoife Kelly", "Rahul Nair", "Mia Schmidt", "Tiago Silva"}},
	}
	pos := map[string]string{}
	for _, tm := range teams {
		team := Team{ID: "sas-t-" + tm.key, Name: tm.name}
		if tm.sm == "amara" {
			team.ScrumMasterID = sosm
		} else {
			team.ScrumMasterID = person(tm.key+"-sm", tm.sm)
		}
		if id, ok := pos[tm.po]; ok {
			team.ProductOwnerID = id
		} else {
			team.ProductOwnerID = person(tm.key+"-po", tm.po)
			pos[tm.po] = team.ProductOwnerID
		}
		for i, dev := range tm.devs {
			team.DeveloperIDs = append(team.DeveloperIDs, person(fmt.Sprintf("%s-d%d", tm.key, i+1), dev))
		}
		team.Skills = append([]string(nil), DefaultSkills...)
		r.Teams = append(r.Teams, team)
	}
	return r
}

func sasRegister(on time.Time) []Impediment {
	ago := func(d int) time.Time { return on.AddDate(0, 0, -d) }
	return []Impediment{
		{ID: "sas-imp-01", Title: "Legacy claims system release window once a month", Description: "Every team's release waits for the monthly window of the legacy claims system.",
			Level: LevelLACE, Owner: "Hiroshi Yamamoto", Status: StatusOpen, ROAM: ROAMAccepted, Raised: ago(95), Escalated: true},
		{ID: "sas-imp-02", Title: "Shared document-scanning service has no owner", Description: "Documents and Intake both depend on it; nobody fixes it.",
			Level: LevelART, TeamID: "sas-t-docs", Owner: "Amara Okonkwo", Status: StatusInProgress, Raised: ago(34), Escalated: true},
		{ID: "sas-imp-03", Title: "Fraud rules change without notice", Description: "Claims Fraud changes scoring rules that Claim Payout relies on.",
			Level: LevelART, TeamID: "sas-t-payout", Owner: "Fionnuala Byrne", Status: StatusResolved, ROAM: ROAMMitigated, Raised: ago(50), Resolved: ago(30)},
		{ID: "sas-imp-04", Title: "Test data privacy approval", Description: "Anonymised claims data for testing needs a privacy sign-off each sprint.",
			Level: LevelLACE, Owner: "Margit Szabó", Status: StatusOpen, Raised: ago(70), Escalated: true},
		{ID: "sas-imp-05", Title: "Portal build breaks on shared component updates", Description: "",
			Level: LevelTeam, TeamID: "sas-t-portal", Owner: "Dalia Mansour", Status: StatusResolved, ROAM: ROAMResolved, Raised: ago(28), Resolved: ago(21)},
		{ID: "sas-imp-06", Title: "Triage waits for Intake's API", Description: "",
			Level: LevelTeam, TeamID: "sas-t-triage", Owner: "Sipho Ndlovu", Status: StatusOpen, Raised: ago(9)},
		{ID: "sas-imp-07", Title: "Sprint reviews clash across teams", Description: "Stakeholders cannot attend six reviews on the same afternoon.",
			Level: LevelART, Owner: "Amara Okonkwo", Status: StatusResolved, ROAM: ROAMResolved, Raised: ago(60), Resolved: ago(40)},
		{ID: "sas-imp-08", Title: "No shared definition of done", Description: "Each team means something else by done; integration finds the difference.",
			Level: LevelART, Owner: "Amara Okonkwo", Status: StatusResolved, ROAM: ROAMResolved, Raised: ago(165), Resolved: ago(110)},
	}
}

func sasAnswers() map[string]Answer {
	answers := map[string]Answer{}
	rate := func(id string, r Rating, note string) { answers[id] = Answer{ItemID: id, Rating: r, Note: note} }
	figure := func(id string, v float64, note string) { answers[id] = Answer{ItemID: id, Figure: &v, Note: note} }

	rate("fit.shared-product.v1", 5, "All six teams build the one claims journey.")
	rate("fit.cross-team-impediments.v1", 4, "")
	rate("fit.joint-improvement.v1", 4, "")
	rate("fit.coach-coordination.v1", 3, "")
	rate("fit.dependency-waits.v1", 4, "Triage waits on Intake most sprints.")
	rate("fit.framework-adoption.v1", 4, "The insurer adopted Scrum@Scale last year.")
	rate("fit.candidate-coach.v1", 4, "")
	rate("fit.independent-teams.v2", 1, "")
	rate("fit.team-scrum-weak.v2", 2, "")
	rate("fit.status-reporting-risk.v2", 2, "")
	rate("fit.coordination-handoff-risk.v2", 3, "")
	rate("fit.no-empowered-leaders.v2", 4, "The Executive Action Team meets once a quarter and sends most decisions back.")
	rate("fit.few-teams.v2", 1, "")

	rate("eff.cross-team-sync.v1", 4, "Fifteen minutes every day, all six Scrum Masters.")
	rate("eff.impediment-backlog.v1", 3, "")
	rate("eff.coaches-network.v1", 4, "")
	rate("eff.dependencies-surface.v1", 3, "")
	rate("eff.scaled-retro.v1", 3, "")
	rate("eff.integrated-increment.v1", 3, "")
	rate("eff.impediments-faster.v1", 3, "")
	rate("eff.systemic-to-leaders.v1", 2, "Escalations to the Executive Action Team wait for its quarterly meeting.")
	rate("eff.improvements-spread.v1", 3, "")
	rate("eff.direct-coordination.v1", 3, "")
	rate("eff.throughput-quality.v1", DontKnow, "")
	figure("eff.m.impediments-closed.v1", 80, "")
	figure("eff.m.days-blocked.v1", 1.5, "")
	figure("eff.m.integrated-share.v1", 60, "")
	rate("eff.m.pi-predictability.v1", NotApplicable, "Releases are not planned against objectives.")
	rate("eff.m.value-delivery.v1", 3, "")
	rate("eff.m.quality.v1", 4, "")
	figure("eff.m.team-happiness.v1", 3.9, "")
	figure("eff.m.coordination-ease.v1", 3.4, "")

	rate("roles.facilitator-held.v1", 4, "")
	rate("roles.facilitator-servant.v1", 4, "")
	rate("roles.facilitator-events.v1", 4, "")
	rate("roles.product-management.v1", 4, "")
	rate("roles.pm-partner.v1", NotApplicable, "")
	rate("roles.business-owners.v1", 2, "")
	rate("roles.agile-coach.v1", 3, "")
	rate("roles.team-scrum-master.v1", 4, "")
	rate("roles.team-product-owner.v1", 3, "Rosa, Arvid and Beatriz each serve two teams.")
	rate("roles.po-alignment.v1", 4, "")
	rate("roles.cross-functional.v1", 4, "")
	rate("roles.no-subteams.v1", 4, "")
	rate("roles.team-stability.v1", 4, "")
	rate("roles.contractors-integrated.v1", NotApplicable, "")
	rate("roles.no-overload.v1", 3, "")
	rate("roles.value-stream.v1", 3, "")

	rate("imp.team-backlog.v1", 4, "")
	rate("imp.train-backlog.v1", 3, "")
	rate("imp.register-kept.v1", 4, "")
	rate("imp.escalation-path.v1", 3, "")
	rate("imp.escalation-timely.v1", 2, "")
	rate("imp.leaders-remove.v1", 2, "")
	rate("imp.lace-systemic.v1", 2, "")
	rate("imp.roam.v1", 3, "")
	rate("imp.roam-followup.v1", 3, "")
	rate("imp.psw.v1", 3, "")
	rate("imp.psw-root-cause.v1", 3, "")
	rate("imp.psw-backlog.v1", 3, "")
	rate("imp.aged-reviewed.v1", 3, "")
	rate("imp.recurrence-addressed.v1", 3, "")
	return answers
}
