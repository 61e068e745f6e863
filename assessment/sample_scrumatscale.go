package assessment

import (
	"fmt"
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

// SampleScrumAtScale is a made-up Scrum@Scale team of teams for a coach to
// see how Trainscope reads another framework: a Scrum of Scrums of six
// claims teams (one more than the five a Scrum of Scrums works with), its
// SoSM also Scrum Master of one team (normal in Scrum@Scale), a Chief
// Product Owner, an Executive Action Team that meets too rarely to decide,
// and one finished assessment dated on. Like Sample, its name says it is a
// sample, and its IDs are left for the store to fill.
func SampleScrumAtScale(on time.Time) (Train, Roster, []Impediment, Assessment) {
	on = Day(on)
	t := Train{
		Name:        "Sample Scrum of Scrums — Claims (sample)",
		Framework:   ScrumAtScale,
		Description: "A made-up Scrum@Scale team of teams to explore Trainscope with. Nothing here is real.",
	}
	r := sasRoster()
	reg := sasRegister(on)
	release := fmt.Sprintf("Release %d.%d", on.Year(), (on.YearDay()-1)/73+1)
	a := Assessment{
		Date:             on,
		PI:               release,
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
	return t, r, reg, a
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
