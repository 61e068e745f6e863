package assessment

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// scenarioTrain is a 9-team SAFe train about to be launched properly: no RTE
// yet (the post is open), one Scrum Master shared by three teams, a vacant
// Product Owner, no System Architect, and an impediment register that has
// been left to age.
func scenarioTrain(t *testing.T) (*Definitions, Train, *Assessment) {
	t.Helper()
	d := loadDefs(t)
	r := healthyRoster(9)
	for i := range r.Roles {
		if r.Roles[i].Role == RoleFacilitator {
			r.Roles[i].PersonID = "" // the RTE post is open
		}
	}
	r.Roles = slices.DeleteFunc(r.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleSystemArchitect })
	r.Teams[3].ScrumMasterID, r.Teams[4].ScrumMasterID = "sm03", "sm03" // Scrum Master 03 serves teams 3, 4 and 5
	r.Teams[6].ProductOwnerID = ""                                      // Team 07's Product Owner left

	var reg []Impediment
	for i, age := range []int{12, 25, 48, 64, 75, 88, 102, 130, 160} { // open, aging
		reg = append(reg, Impediment{ID: fmt.Sprintf("open-%d", i), Title: fmt.Sprintf("Open %d", i), Level: []ImpedimentLevel{LevelTeam, LevelART, LevelLACE}[i%3],
			Owner: "Someone", Status: StatusOpen, Raised: day(age), Escalated: i == 8})
	}
	for i := 0; i < 6; i++ { // resolved slowly
		reg = append(reg, Impediment{ID: fmt.Sprintf("done-%d", i), Title: fmt.Sprintf("Done %d", i), Level: LevelART, Owner: "Someone",
			Status: StatusResolved, Raised: day(150 - 10*i), Resolved: day(90 - 10*i)})
	}

	ans := fitAnswers(d, 4, 2, map[string]Rating{
		"fit.shared-product.v1":        5,
		"fit.dependency-waits.v1":      5,
		"fit.framework-adoption.v1":    5,
		"fit.status-reporting-risk.v2": 4, // leaders want a status reporter
		"fit.coach-coordination.v1":    DontKnow,
		"fit.independent-teams.v2":     1,
		"fit.few-teams.v2":             1,
	})
	for _, it := range d.Checklist(ChecklistEffectiveness).Items {
		ans[it.ID] = Answer{Rating: NotApplicable} // no RTE to assess yet
	}
	for id, r := range map[string]Rating{
		"roles.facilitator-held.v1": 1, "roles.facilitator-servant.v1": NotApplicable, "roles.facilitator-events.v1": 2,
		"roles.product-management.v1": 3, "roles.pm-partner.v1": NotApplicable, "roles.system-architect.v1": 1,
		"roles.business-owners.v1": 3, "roles.agile-coach.v1": 3, "roles.team-scrum-master.v1": 2,
		"roles.team-product-owner.v1": 2, "roles.po-alignment.v1": 3, "roles.cross-functional.v1": 4,
		"roles.no-subteams.v1": 4, "roles.team-stability.v1": 3, "roles.contractors-integrated.v1": DontKnow,
		"roles.no-overload.v1": 2, "roles.value-stream.v1": 3,
		"imp.team-backlog.v1": 3, "imp.train-backlog.v1": 1, "imp.register-kept.v1": 3, "imp.escalation-path.v1": 2,
		"imp.escalation-timely.v1": 1, "imp.leaders-remove.v1": 2, "imp.lace-systemic.v1": 2, "imp.roam.v1": 3,
		"imp.roam-followup.v1": 2, "imp.psw.v1": 3, "imp.psw-root-cause.v1": 2, "imp.psw-backlog.v1": 2,
		"imp.aged-reviewed.v1": 1, "imp.recurrence-addressed.v1": DontKnow,
	} {
		ans[id] = Answer{Rating: r}
	}
	a := &Assessment{Date: testDate, PI: "PI 2026.2", PIWeeks: 10, Roster: r, Register: reg, Answers: ans}
	return d, Train{Name: "Claims ART", Framework: SAFe}, a
}

func TestScenarioNineTeamTrain(t *testing.T) {
	d, tr, a := scenarioTrain(t)
	r := Evaluate(d, tr, a)

	// The verdict: needed, on the condition that it does not become a status reporter,
	// started as part of the SAFe launch with a dedicated RTE.
	v := r.Verdict
	if v.Kind != RecommendedConditions {
		t.Fatalf("verdict %s: %s", v.Kind, v.Headline)
	}
	if v.Headline != "The train needs an RTE, on conditions." {
		t.Errorf("headline %q", v.Headline)
	}
	if len(v.Conditions) != 1 || !strings.Contains(v.Conditions[0], "RTE facilitates and coaches and does not report team status") {
		t.Errorf("conditions %q", v.Conditions)
	}
	if !strings.Contains(v.WayToStart, "dedicated, trained RTE") || !strings.Contains(v.WayToStart, "Meet the conditions first") {
		t.Errorf("way to start %q", v.WayToStart)
	}
	if !slices.ContainsFunc(v.Reasons, func(e Evidence) bool { return e.Ref == "team-count" && e.Text == "The roster has 9 teams." }) {
		t.Errorf("reasons %+v", v.Reasons)
	}

	// The gaps, most severe first.
	var gaps []string
	for _, g := range r.Gaps {
		gaps = append(gaps, g.Rule+" "+g.Subject)
	}
	want := []string{"RG-01 Release Train Engineer (RTE)", "RG-07 Team 07", "RG-03 System Architect", "RG-08 Scrum Master 03"}
	if !slices.Equal(gaps, want) {
		t.Errorf("gaps %q, want %q", gaps, want)
	}

	// The register has aged.
	f := r.Figures
	if f.Open != 9 || f.MedianOpenAgeDays != 75 || f.OlderThanPI != 5 || f.OldestOpenAgeDays != 160 || f.MedianCycleDays != 60 {
		t.Errorf("figures %+v", f)
	}

	// The level: most practices are weak.
	if r.Level.Number != 2 || r.Level.Name != "Emerging" {
		t.Errorf("level %d %s (overall %.1f)", r.Level.Number, r.Level.Name, r.Overall.Value)
	}
	if eff, _ := r.Checklist(ChecklistEffectiveness); eff.Score.Known() || eff.Score.NA != eff.Score.Total {
		t.Errorf("effectiveness without an RTE: %+v", eff.Score)
	}

	// The recommendations that matter most: start the RTE role on its condition,
	// fill the Product Owner, and take the aged impediments to the Business Owners.
	var top []string
	for _, rec := range r.Recommendations[:6] {
		top = append(top, rec.ID)
	}
	wantTop := []string{
		"RV-01/facilitator",
		"RV-02/fit.status-reporting-risk.v2",
		"RG-07/t07",
		"RF-01/register",
		"RF-02/register",
		"RI-01/imp.train-backlog.v1",
	}
	if !slices.Equal(top, wantTop) {
		t.Errorf("top recommendations\n got %q\nwant %q", top, wantTop)
	}
	if next := r.Recommendations[6]; next.Priority != Medium {
		t.Errorf("a seventh high-priority recommendation: %s", next.ID)
	}
	for _, rec := range r.Recommendations[:6] {
		if rec.Priority != High || rec.TargetPI != "PI 2026.3" {
			t.Errorf("%s: priority %s, target %s", rec.ID, rec.Priority, rec.TargetPI)
		}
	}
	rte, _ := findRec(r.Recommendations, "RV-01/facilitator")
	if rte.Action != v.WayToStart || rte.Owner != OwnerLACE || !strings.Contains(rte.Acceptance, "ART Sync") {
		t.Errorf("RV-01: %+v", rte)
	}
	old, _ := findRec(r.Recommendations, "RF-02/register")
	if old.Owner != OwnerLACE || old.Escalation != LevelLACE || !strings.Contains(old.Finding, "5 open impediments are older than one PI") {
		t.Errorf("RF-02: %+v", old)
	}
	// The shared Scrum Master is one recommendation, with the coach's ratings behind it.
	sm, ok := findRec(r.Recommendations, "RG-08/sm03")
	if !ok || sm.Priority != Medium || len(sm.Evidence) != 3 {
		t.Errorf("RG-08: %+v", sm)
	}
	if _, ok := findRec(r.Recommendations, "RI-01/roles.team-scrum-master.v1"); ok {
		t.Error("the Scrum Master rating advises twice")
	}
}
