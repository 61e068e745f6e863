package report

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// The inputs the tests render: the sample train as a coach first meets it,
// and variations of it that push the layout.

// sampleDate is the fixed day of the sample assessment in every test.
var sampleDate = time.Date(2026, time.March, 12, 0, 0, 0, 0, time.UTC)

func definitions(t testing.TB) *assessment.Definitions {
	t.Helper()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		t.Fatalf("load definitions: %v", err)
	}
	return defs
}

// sampleInput is the sample train's latest assessment with its history
// (the two PIs before it), as `trainscope sample` stores it.
func sampleInput(t testing.TB) Input {
	t.Helper()
	defs := definitions(t)
	train, _, _, h := assessment.SampleHistory(sampleDate)
	train.ID = "sample-train"
	all := make([]*assessment.Assessment, len(h))
	for i := range h {
		h[i].ID, h[i].TrainID = fmt.Sprintf("sample-earlier-%d", len(h)-1-i), train.ID
		all[i] = &h[i]
	}
	cur := all[len(all)-1]
	cur.ID = "sample-assessment"
	return NewInput(defs, train, cur, all, sampleDate.Add(17*time.Hour))
}

// evaluate recomputes the results after a test changed the input.
func evaluate(in Input) Input {
	in.Results = assessment.Evaluate(in.Definitions, in.Train, in.Assessment)
	return in
}

// earlier makes an earlier assessment of the same train: piBack PIs before
// the sample, every rating lowered by lower levels (not below 1).
func earlier(in Input, piBack, lower int) HistoryPoint {
	a := *in.Assessment
	a.ID = fmt.Sprintf("earlier-%d", piBack)
	a.Date = in.Assessment.Date.AddDate(0, 0, -70*piBack)
	cur := in.Assessment.Date
	idx := cur.Year()*5 + (cur.YearDay()-1)/73 - piBack // the sample's five PIs a year
	a.PI = fmt.Sprintf("PI %d.%d", idx/5, idx%5+1)
	a.Answers = map[string]assessment.Answer{}
	for id, ans := range in.Assessment.Answers {
		if ans.Rating.Rated() {
			ans.Rating = max(1, ans.Rating-assessment.Rating(lower))
		}
		if ans.Figure != nil && lower > 0 {
			ans.Figure = nil
			ans.Rating = assessment.Rating(max(1, 3-lower))
		}
		a.Answers[id] = ans
	}
	return HistoryPoint{Assessment: &a, Results: assessment.Evaluate(in.Definitions, in.Train, &a)}
}

// withHistory gives the sample n earlier assessments, the oldest weakest.
func withHistory(in Input, n int) Input {
	in.History = nil
	for back := n; back >= 1; back-- {
		in.History = append(in.History, earlier(in, back, (back+1)/2))
	}
	return in
}

// bigInput is a large train: 12 teams of 9, 300 impediments over two
// years, and 5 earlier assessments; the benchmark's input.
func bigInput(t testing.TB) Input {
	in := sampleInput(t)
	a := *in.Assessment
	a.Roster = bigRoster(12)
	a.Register = bigRegister(a.Date, a.Roster, 300)
	in.Assessment = &a
	in = evaluate(in)
	return withHistory(in, 5)
}

// names in several scripts, so the big report exercises the font.
var firstNames = []string{"Ana", "Björn", "Chloé", "Dmitri", "Eleni", "František", "Γιάννης", "Hana", "Ίρις", "József", "Katarzyna", "Łucja", "Мария", "Nikolaj", "Øystein", "Pál", "Ramón", "Şule", "Тарас", "Ursula"}
var lastNames = []string{"Åberg", "Bianchi", "Čapek", "Duarte", "Ефимова", "Fähnrich", "Γεωργίου", "Horváth", "Ilić", "Jóhannsson", "Kowalczyk", "Lindqvist", "Морозов", "Nowak", "Ó Briain", "Petrović", "Quintana", "Rønning", "Σταύρου", "Țurcanu"}

func bigRoster(teams int) assessment.Roster {
	var r assessment.Roster
	n := 0
	person := func() string {
		n++
		id := fmt.Sprintf("p%03d", n)
		name := firstNames[n%len(firstNames)] + " " + lastNames[(n*7)%len(lastNames)]
		r.People = append(r.People, assessment.Person{ID: id, Name: name, Contractor: n%9 == 0})
		return id
	}
	r.Roles = []assessment.RoleAssignment{
		{Role: assessment.RoleFacilitator, PersonID: person()},
		{Role: assessment.RoleProductManagement, PersonID: person()},
		{Role: assessment.RoleSystemArchitect},
		{Role: assessment.RoleBusinessOwner, PersonID: person()},
		{Role: assessment.RoleBusinessOwner, PersonID: person()},
		{Role: assessment.RoleAgileCoach, PersonID: person()},
	}
	shared := person()
	for i := range teams {
		t := assessment.Team{ID: fmt.Sprintf("t%02d", i+1), Name: fmt.Sprintf("Team %s", []string{"Aurora", "Borealis", "Comet", "Δέλτα", "Eclipse", "Фотон", "Galaxy", "Helios", "Io", "Juno", "Kepler", "Lyra"}[i%12])}
		switch {
		case i < 3:
			t.ScrumMasterID = shared
		case i == 7:
		default:
			t.ScrumMasterID = person()
		}
		if i != 4 {
			t.ProductOwnerID = person()
		}
		for range 7 + i%3 {
			t.DeveloperIDs = append(t.DeveloperIDs, person())
		}
		for j, s := range assessment.DefaultSkills {
			if (i+j)%5 != 0 {
				t.Skills = append(t.Skills, s)
			}
		}
		r.Teams = append(r.Teams, t)
	}
	r.ValueStreamMap = true
	return r
}

func bigRegister(on time.Time, r assessment.Roster, n int) []assessment.Impediment {
	levels := []assessment.ImpedimentLevel{assessment.LevelTeam, assessment.LevelTeam, assessment.LevelART, assessment.LevelLACE}
	roams := []assessment.ROAM{assessment.ROAMNone, assessment.ROAMOwned, assessment.ROAMAccepted, assessment.ROAMMitigated, assessment.ROAMResolved}
	topics := []string{"Shared test environment unstable", "Waiting for another team's API", "Release approval takes weeks", "Flaky end-to-end tests",
		"No access to production logs", "Unclear ownership of the posting module", "Budget freeze blocks hiring", "Security review queue", "Build takes hours",
		"Data platform sign-off needed monthly"}
	var out []assessment.Impediment
	for i := range n {
		team := r.Teams[i%len(r.Teams)]
		raised := on.AddDate(0, 0, -((i*37)%700 + 1))
		imp := assessment.Impediment{
			ID:          fmt.Sprintf("imp-%03d", i+1),
			Title:       fmt.Sprintf("%s (%s)", topics[i%len(topics)], team.Name),
			Description: strings.Repeat("The team cannot finish its work because of this; ", 1+i%3) + "it was raised at the retrospective.",
			Level:       levels[i%len(levels)],
			TeamID:      team.ID,
			Owner:       r.People[(i*5)%len(r.People)].Name,
			Status:      assessment.StatusOpen,
			ROAM:        roams[i%len(roams)],
			Raised:      raised,
			Escalated:   i%6 == 0,
		}
		if i%3 != 0 {
			imp.Status = assessment.StatusResolved
			imp.Resolved = raised.AddDate(0, 0, 3+i%40)
			if imp.Resolved.After(on) {
				imp.Resolved = on
			}
		} else if i%5 == 0 {
			imp.Status = assessment.StatusInProgress
		}
		if i%11 == 0 && i > 10 {
			imp.RecurrenceOf = fmt.Sprintf("imp-%03d", i-10)
		}
		out = append(out, imp)
	}
	return out
}

// withDecisions gives the input a verdict with reasons and conditions and a
// full set of recommendations written by hand, so the layout of those parts
// is tested with long, realistic text whatever the rules derive.
func withDecisions(in Input) Input {
	ev := func(kind assessment.EvidenceKind, ref, text string) assessment.Evidence {
		return assessment.Evidence{Kind: kind, Ref: ref, Text: text}
	}
	in.Results.Verdict = assessment.Verdict{
		Kind:     assessment.RecommendedConditions,
		Headline: "Keep the RTE: the eight teams share one product and keep meeting impediments no team can clear alone, but the role is drifting into status reporting.",
		Reasons: []assessment.Evidence{
			ev(assessment.EvidenceAnswer, "fit.shared-product.v1", "Several teams build one product: rated 5 of 5 (Strong)"),
			ev(assessment.EvidenceAnswer, "fit.cross-team-impediments.v1", "Impediments no single team can clear: rated 4 of 5 (Clear)"),
			ev(assessment.EvidenceAnswer, "fit.status-reporting-risk.v2", "The role risks becoming status reporting: rated 2 of 5 (Largely holds)"),
			ev(assessment.EvidenceFigure, "open", "7 open impediments, 3 of them at LACE level"),
			ev(assessment.EvidenceRoster, "RG-08", "One Scrum Master serves three teams"),
		},
		Conditions: []string{
			"The COO's weekly status deck is replaced by the ART's own board, so the RTE facilitates instead of reporting.",
			"Business Owners take the escalations the RTE brings within one iteration.",
		},
		WayToStart: "Keep Ingrid Halvorsen as RTE; agree with the COO that the ART Sync board replaces the status deck from the next iteration, and review the arrangement at Inspect & Adapt.",
	}
	mk := func(id, rule, finding, action string, p assessment.Priority, o assessment.Owner, lvl assessment.ImpedimentLevel, acc string, st assessment.RecommendationStatus, evs ...assessment.Evidence) assessment.Recommendation {
		return assessment.Recommendation{ID: id, Rule: rule, Finding: finding, Action: action, Priority: p, Owner: o, Escalation: lvl,
			Acceptance: acc, TargetPI: "PI 2026.2", Status: st, Evidence: evs}
	}
	in.Results.Recommendations = []assessment.Recommendation{
		mk("RG-03/system-architect", "RG-03", "Nobody holds the System Architect role.", "Hire or appoint a System Architect for the Payments train; until then, Jürgen Weiß covers architecture decisions two days a week.",
			assessment.High, assessment.OwnerLACE, assessment.LevelLACE, "A System Architect is named and attends PI Planning and the ART Sync by the end of the next PI.", assessment.Accepted,
			ev(assessment.EvidenceRoster, "RG-03", "Nobody holds the System Architect role"), ev(assessment.EvidenceAnswer, "roles.system-architect.v1", "System Architect: rated 1 of 5 (Absent)")),
		mk("RG-07/payouts", "RG-07", "Payouts has no Product Owner.", "Name a Product Owner for Payouts with the time and mandate to own its backlog.",
			assessment.High, assessment.OwnerProductManagement, assessment.LevelART, "Payouts has a named Product Owner who refines its backlog every iteration of the next PI.", assessment.Proposed,
			ev(assessment.EvidenceRoster, "RG-07", "Payouts has no Product Owner")),
		mk("RI-02/eff.impediment-backlog.v1", "RI-02", "Cross-team impediments are kept in a spreadsheet only the RTE updates.", "Set up one visible, prioritised backlog of cross-team impediments owned by the RTE, and review its top items at every ART Sync.",
			assessment.High, assessment.OwnerFacilitator, assessment.LevelART, "Every open cross-team impediment has an owner, a priority and a next review date, and the backlog is reviewed at each ART Sync of the next PI.", assessment.Accepted,
			ev(assessment.EvidenceAnswer, "eff.impediment-backlog.v1", "Impediment backlog: rated 2 of 5 (Ad hoc)")),
		mk("RF-01/median-open-age", "RF-01", "Open impediments are 45 days old at the median, and 43% are older than one PI.", "Review every open impediment older than 30 days at the next ART Sync; resolve, escalate or close each one.",
			assessment.Medium, assessment.OwnerFacilitator, assessment.LevelART, "The median age of open impediments is 14 days or less at the end of the next PI.", assessment.Proposed,
			ev(assessment.EvidenceFigure, "median-open-age-days", "Median age of open impediments: 45 days"), ev(assessment.EvidenceFigure, "share-older-than-pi", "Open longer than one PI: 43%")),
		mk("RG-08/sofia", "RG-08", "Sofía Hernández is Scrum Master of three teams: Ledger, Clearing and Payouts.", "Give Payouts its own Scrum Master, or move one of the three teams to another Scrum Master.",
			assessment.Medium, assessment.OwnerFacilitator, assessment.LevelART, "No Scrum Master serves more than two teams by the end of the next PI.", assessment.Accepted,
			ev(assessment.EvidenceRoster, "RG-08", "Sofía Hernández is Scrum Master of 3 teams")),
		mk("RI-01/roles.system-architect.v1", "RI-01", "The System Architect role is rated absent.", "Appoint a System Architect.",
			assessment.Medium, assessment.OwnerLACE, assessment.LevelLACE, "A System Architect is named.", assessment.Rejected,
			ev(assessment.EvidenceAnswer, "roles.system-architect.v1", "System Architect: rated 1 of 5 (Absent)")),
		mk("RI-05/imp.leaders-remove.v1", "RI-05", "Leaders do not remove the impediments escalated to them: the security review queue has been escalated twice without an answer.", "Put the security review queue on the LACE's agenda and agree a service level for reviews with the security office.",
			assessment.Low, assessment.OwnerBusinessOwners, assessment.LevelLACE, "Security reviews are done within two weeks for every release of the next PI.", assessment.Proposed,
			ev(assessment.EvidenceAnswer, "imp.leaders-remove.v1", "Leaders remove escalated impediments: rated 2 of 5 (Ad hoc)"), ev(assessment.EvidenceFigure, "sample-imp-02", "Security review takes six weeks per release: open 118 days")),
	}
	return in
}

// goldenCompare compares got with the golden file at path line by line,
// naming the first line that differs, or rewrites the file with -update.
func goldenCompare(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with -update)", err)
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs at line %d:\n got: %q\nwant: %q\nIf the change is intended, rerun with -update and review the diff.", path, i+1, g, w)
		}
	}
}
