package assessment

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// quietRegister is a register no rule objects to: young, owned, some
// escalation, no recurrence.
func quietRegister() []Impediment {
	return []Impediment{
		{ID: "r1", Title: "One", Level: LevelART, Owner: "Ann", Status: StatusOpen, Raised: day(10), Escalated: true},
		{ID: "r2", Title: "Two", Level: LevelTeam, Owner: "Bo", Status: StatusOpen, Raised: day(20)},
		{ID: "r3", Title: "Three", Level: LevelTeam, Owner: "Cy", Status: StatusResolved, Raised: day(30), Resolved: day(20)},
		{ID: "r4", Title: "Four", Level: LevelART, Owner: "Di", Status: StatusResolved, Raised: day(50), Resolved: day(45)},
		{ID: "r5", Title: "Five", Level: LevelTeam, Owner: "Ed", Status: StatusResolved, Raised: day(60), Resolved: day(40)},
		{ID: "r6", Title: "Six", Level: LevelTeam, Owner: "Fi", Status: StatusOpen, Raised: day(5)},
	}
}

// quietAssessment derives no recommendation at all: a train that needs and
// has its RTE, rated 4 throughout, with a healthy roster and a quiet register.
func quietAssessment(d *Definitions) *Assessment {
	ans := fitAnswers(d, 4, 1, nil)
	for id, a := range rateAll(d, 4, ChecklistEffectiveness, ChecklistRoles, ChecklistImpediments) {
		ans[id] = a
	}
	return &Assessment{Date: testDate, PI: "PI 2026.2", Roster: healthyRoster(8), Register: quietRegister(), Answers: ans}
}

func TestQuietAssessmentDerivesNothing(t *testing.T) {
	d := loadDefs(t)
	r := Evaluate(d, Train{Framework: SAFe}, quietAssessment(d))
	if r.Verdict.Kind != Recommended || len(r.Gaps) != 0 {
		t.Fatalf("verdict %s, gaps %v", r.Verdict.Kind, gapRules(r.Gaps))
	}
	if len(r.Recommendations) != 0 {
		t.Errorf("recommendations %v", recIDs(r.Recommendations))
	}
}

// TestRecommendationRules gives each rule a case where it fires and one
// where it does not, close to its threshold.
func TestRecommendationRules(t *testing.T) {
	d := loadDefs(t)
	rate := func(id string, r Rating) func(*Assessment) {
		return func(a *Assessment) { a.Answers[id] = Answer{ItemID: id, Rating: r} }
	}
	register := func(reg ...Impediment) func(*Assessment) { return func(a *Assessment) { a.Register = reg } }
	open := func(id string, age int) Impediment {
		return Impediment{ID: id, Title: "Impediment " + id, Owner: "O", Level: LevelART, Status: StatusOpen, Raised: day(age)}
	}
	resolved := func(id string) Impediment {
		return Impediment{ID: id, Owner: "O", Level: LevelTeam, Status: StatusResolved, Raised: day(20), Resolved: day(10)}
	}
	escalated := func(imp Impediment) Impediment { imp.Escalated = true; return imp }
	recurring := func(imp Impediment) Impediment { imp.RecurrenceOf = "earlier"; return imp }
	noFacilitator := func(a *Assessment) {
		a.Roster.Roles = slices.DeleteFunc(a.Roster.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleFacilitator })
	}
	all := func(fs ...func(*Assessment)) func(*Assessment) {
		return func(a *Assessment) {
			for _, f := range fs {
				f(a)
			}
		}
	}
	tests := []struct {
		name     string
		change   func(*Assessment)
		id       string // the recommendation that must (or must not) appear
		fires    bool
		priority Priority // when it fires
		owner    Owner
		evidence []string // refs among its evidence
	}{
		{"RV-01 needed, nobody holds it", noFacilitator, "RV-01/facilitator", true, High, OwnerLACE, []string{"fit.shared-product.v1"}},
		{"RV-01 needed and held", func(*Assessment) {}, "RV-01/facilitator", false, 0, "", nil},
		{"RG-01 never advises on its own", noFacilitator, "RG-01/facilitator", false, 0, "", nil},
		{"RV-02 condition with advice", rate("fit.status-reporting-risk.v2", 4), "RV-02/fit.status-reporting-risk.v2", true, High, OwnerLACE, []string{"fit.status-reporting-risk.v2"}},
		{"RV-02 condition without advice", rate("fit.few-teams.v2", 3), "RV-02/fit.few-teams.v2", true, High, OwnerLACE, []string{"fit.few-teams.v2"}},
		{"RV-02 no condition", rate("fit.status-reporting-risk.v2", 3), "RV-02/fit.status-reporting-risk.v2", false, 0, "", nil},
		{"RV-03 not now", rate("fit.team-scrum-weak.v2", 5), "RV-03/facilitator", true, Medium, OwnerLACE, []string{"fit.team-scrum-weak.v2"}},
		{"RV-03 needed", func(*Assessment) {}, "RV-03/facilitator", false, 0, "", nil},
		{"RV-04 undecided", func(a *Assessment) {
			for _, it := range d.Checklist(ChecklistFit).Items {
				delete(a.Answers, it.ID)
			}
		}, "RV-04/facilitator", true, Low, OwnerLACE, nil},
		{"RV-04 decided", func(*Assessment) {}, "RV-04/facilitator", false, 0, "", nil},
		{"RG-07 team without product owner", func(a *Assessment) { a.Roster.Teams[2].ProductOwnerID = "" }, "RG-07/t03", true, High, OwnerProductManagement, []string{"RG-07"}},
		{"RG-03 no architect, item rating joins", all(
			func(a *Assessment) {
				a.Roster.Roles = slices.DeleteFunc(a.Roster.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleSystemArchitect })
			}, rate("roles.system-architect.v1", 1)), "RG-03/system-architect", true, Medium, OwnerLACE, []string{"RG-03", "roles.system-architect.v1"}},
		{"RI-01 suppressed by its related gap", all(
			func(a *Assessment) {
				a.Roster.Roles = slices.DeleteFunc(a.Roster.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleSystemArchitect })
			}, rate("roles.system-architect.v1", 1)), "RI-01/roles.system-architect.v1", false, 0, "", nil},
		{"RI-01 related gap absent: the item advises", rate("roles.system-architect.v1", 1), "RI-01/roles.system-architect.v1", true, Medium, OwnerLACE, []string{"roles.system-architect.v1"}},
		{"RG-15 no value stream map", func(a *Assessment) { a.Roster.ValueStreamMap = false }, "RG-15/value-stream-map", true, Medium, OwnerLACE, nil},
		{"RG-15 map present", func(*Assessment) {}, "RG-15/value-stream-map", false, 0, "", nil},

		{"RF-01 median above 30 days", register(open("a", 31), open("b", 40), open("c", 45)), "RF-01/register", true, Medium, OwnerFacilitator, []string{"median-open-age-days"}},
		{"RF-01 median older than a PI", register(open("a", 71), open("b", 80)), "RF-01/register", true, High, OwnerFacilitator, nil},
		{"RF-01 median of 30 days", register(open("a", 30), open("b", 30)), "RF-01/register", false, 0, "", nil},
		{"RF-02 one of five older than a PI", register(open("a", 71), open("b", 1), open("c", 2), open("d", 3), open("e", 4)), "RF-02/register", true, Medium, OwnerFacilitator, []string{"share-older-than-pi", "a"}},
		{"RF-02 a quarter older than a PI", register(open("a", 71), open("b", 1), open("c", 2), open("d", 3)), "RF-02/register", true, High, OwnerFacilitator, nil},
		{"RF-02 an old LACE impediment", register(Impediment{ID: "l", Level: LevelLACE, Owner: "O", Status: StatusOpen, Raised: day(100)}), "RF-02/register", true, High, OwnerLACE, nil},
		{"RF-02 exactly one PI old", register(open("a", 70)), "RF-02/register", false, 0, "", nil},
		{"RF-03 nothing escalated, some old", register(open("a", 80), open("b", 1), resolved("c"), resolved("d"), resolved("e")), "RF-03/register", true, Medium, OwnerFacilitator, []string{"share-escalated"}},
		{"RF-03 one in five escalated", register(open("a", 80), escalated(open("b", 1)), resolved("c"), resolved("d"), resolved("e")), "RF-03/register", false, 0, "", nil},
		{"RF-03 too few to tell", register(open("a", 80), open("b", 1), resolved("c"), resolved("d")), "RF-03/register", false, 0, "", nil},
		{"RF-04 four of six escalated", register(escalated(open("a", 1)), escalated(open("b", 1)), escalated(resolved("c")), escalated(resolved("d")), resolved("e"), resolved("f")), "RF-04/register", true, Medium, OwnerFacilitator, []string{"share-escalated"}},
		{"RF-04 half escalated", register(escalated(open("a", 1)), escalated(open("b", 1)), escalated(resolved("c")), resolved("d"), resolved("e"), resolved("f")), "RF-04/register", false, 0, "", nil},
		{"RF-05 one in six recurs", register(recurring(open("a", 1)), escalated(open("b", 1)), resolved("c"), resolved("d"), resolved("e"), resolved("f")), "RF-05/register", true, Medium, OwnerFacilitator, []string{"recurrence"}},
		{"RF-05 a third recur", register(recurring(open("a", 1)), recurring(escalated(open("b", 1))), resolved("c"), resolved("d"), resolved("e"), resolved("f")), "RF-05/register", true, High, OwnerFacilitator, nil},
		{"RF-05 one in seven recurs", register(recurring(open("a", 1)), escalated(open("b", 1)), resolved("c"), resolved("d"), resolved("e"), resolved("f"), resolved("g")), "RF-05/register", false, 0, "", nil},
		{"RF-06 no register", register(), "RF-06/register", true, Medium, OwnerFacilitator, []string{"total"}},
		{"RF-06 a register", register(open("a", 1)), "RF-06/register", false, 0, "", nil},
		{"RF-07 open without owner", register(Impediment{ID: "n", Title: "Nobody's", Status: StatusOpen, Raised: day(3)}), "RF-07/register", true, Medium, OwnerFacilitator, []string{"owner"}},
		{"RF-07 resolved without owner", register(Impediment{ID: "n", Status: StatusResolved, Raised: day(3), Resolved: day(1)}, Impediment{ID: "m", Owner: " ", Status: StatusOpen, Raised: testDate.AddDate(0, 0, 2)}), "RF-07/register", false, 0, "", nil},

		{"RI-01 level 1, weight 3", rate("eff.cross-team-sync.v1", 1), "RI-01/eff.cross-team-sync.v1", true, High, OwnerFacilitator, []string{"eff.cross-team-sync.v1"}},
		{"RI-01 level 2, weight 3", rate("eff.cross-team-sync.v1", 2), "RI-01/eff.cross-team-sync.v1", true, Medium, OwnerFacilitator, nil},
		{"RI-01 level 1, weight 2", rate("eff.coaches-network.v1", 1), "RI-01/eff.coaches-network.v1", true, Medium, OwnerFacilitator, nil},
		{"RI-01 level 2, weight 2", rate("eff.coaches-network.v1", 2), "RI-01/eff.coaches-network.v1", true, Low, OwnerFacilitator, nil},
		{"RI-01 level 3", rate("eff.cross-team-sync.v1", 3), "RI-01/eff.cross-team-sync.v1", false, 0, "", nil},
		{"RI-01 figure earns level 1", func(a *Assessment) {
			v := 9.0
			a.Answers["eff.m.days-blocked.v1"] = Answer{Figure: &v}
		}, "RI-01/eff.m.days-blocked.v1", true, Medium, OwnerFacilitator, []string{"eff.m.days-blocked.v1"}},
		{"RI-01 item without advice", rate("eff.throughput-quality.v1", 1), "RI-01/eff.throughput-quality.v1", false, 0, "", nil},
		{"RI-01 level from the register is left to the register rules", all(rate("eff.m.impediment-age.v1", Unanswered), register(open("a", 90), open("b", 95))), "RI-01/eff.m.impediment-age.v1", false, 0, "", nil},
		{"RI-01 fit items do not advise", rate("fit.coordination-handoff-risk.v2", 5), "RI-01/fit.coordination-handoff-risk.v2", false, 0, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := quietAssessment(d)
			tt.change(a)
			r := Evaluate(d, Train{Framework: SAFe}, a)
			rec, ok := findRec(r.Recommendations, tt.id)
			if ok != tt.fires {
				t.Fatalf("%s present: %v, want %v; have %v", tt.id, ok, tt.fires, recIDs(r.Recommendations))
			}
			if !ok {
				return
			}
			if rec.Priority != tt.priority || rec.Owner != tt.owner {
				t.Errorf("priority %s owner %s, want %s %s", rec.Priority, rec.Owner, tt.priority, tt.owner)
			}
			for _, ref := range tt.evidence {
				if !slices.ContainsFunc(rec.Evidence, func(e Evidence) bool { return e.Ref == ref }) {
					t.Errorf("evidence %s missing: %+v", ref, rec.Evidence)
				}
			}
			if rec.Finding == "" || rec.Action == "" || rec.Acceptance == "" || rec.Escalation == "" || rec.Status != Proposed || rec.ByCoach || rec.Edited {
				t.Errorf("incomplete: %+v", rec)
			}
			if want := NextPI("PI 2026.2", int(rec.Priority)); rec.TargetPI != want {
				t.Errorf("target %s, want %s", rec.TargetPI, want)
			}
			if strings.Contains(rec.Finding+rec.Action+rec.Acceptance, "{") {
				t.Errorf("placeholder left: %+v", rec)
			}
			if !strings.HasPrefix(rec.ID, rec.Rule+"/") {
				t.Errorf("id %s does not start with rule %s", rec.ID, rec.Rule)
			}
		})
	}
}

func TestRecommendationOrder(t *testing.T) {
	d := loadDefs(t)
	tr, _, _, a := Sample(testDate)
	recs := Evaluate(d, tr, &a).Recommendations
	if len(recs) < 10 {
		t.Fatalf("only %d recommendations", len(recs))
	}
	for i := 1; i < len(recs); i++ {
		p, q := recs[i-1], recs[i]
		if p.Priority > q.Priority {
			t.Errorf("%s (%s) before %s (%s)", p.ID, p.Priority, q.ID, q.Priority)
		}
		if p.Priority == q.Priority && ruleRank(p.Rule) > ruleRank(q.Rule) {
			t.Errorf("%s before %s within one priority", p.ID, q.ID)
		}
		if p.Priority == q.Priority && p.Rule == q.Rule && p.ID > q.ID {
			t.Errorf("%s before %s within one rule", p.ID, q.ID)
		}
	}
	shuffled := slices.Clone(recs)
	slices.Reverse(shuffled)
	SortRecommendations(shuffled)
	if !slices.Equal(recIDs(shuffled), recIDs(recs)) {
		t.Error("sorting is not deterministic")
	}
	if ruleRank("RG-11") != ruleRank("RG") || ruleRank("") != len(RecommendationRules) {
		t.Error("rule ranks")
	}
	if targetPI("PI 7", 9) != "PI 10" {
		t.Errorf("an unknown priority targets %s", targetPI("PI 7", 9))
	}
}

func TestApplyReview(t *testing.T) {
	derived := []Recommendation{
		{ID: "RI-01/a", Rule: "RI-01", Finding: "A", Action: "Do A", Acceptance: "A done", Priority: Low, Owner: OwnerFacilitator, TargetPI: "PI 5", Status: Proposed, Evidence: []Evidence{{Ref: "a"}}},
		{ID: "RI-01/b", Rule: "RI-01", Finding: "B", Action: "Do B", Acceptance: "B done", Priority: Medium, Owner: OwnerFacilitator, TargetPI: "PI 4", Status: Proposed},
		{ID: "RF-01/register", Rule: "RF-01", Finding: "C", Action: "Do C", Priority: Medium, Status: Proposed},
	}
	rv := Review{
		Edits: map[string]RecommendationEdit{
			"RI-01/a":        {Status: Accepted, Action: "Do A properly", Owner: OwnerLACE, Priority: High}, // moves up, target follows
			"RI-01/b":        {Status: Rejected},
			"RF-01/register": {Finding: "C", Acceptance: "C measured", TargetPI: "PI 9", Priority: Low}, // same finding: not an edit
			"RG-99/gone":     {Status: Accepted},                                                        // no longer derived
		},
		Added: []Recommendation{
			{Finding: "Mine", Action: "Do mine", Priority: 0},
			{ID: "own-2", Finding: "Mine too", Action: "Do", Priority: High, Status: Proposed, Rule: "RI-01", Evidence: []Evidence{{Ref: "x"}}},
		},
	}
	got := ApplyReview(derived, rv, "PI 2")
	if want := []string{"RI-01/a", "own-2", "RI-01/b", "coach/1", "RF-01/register"}; !slices.Equal(recIDs(got), want) {
		t.Fatalf("order %v, want %v", recIDs(got), want)
	}
	a := got[0]
	if a.Status != Accepted || a.Action != "Do A properly" || a.Owner != OwnerLACE || a.Priority != High || a.TargetPI != "PI 3" || !a.Edited {
		t.Errorf("edited a: %+v", a)
	}
	if b, _ := findRec(got, "RI-01/b"); b.Status != Rejected || b.Edited {
		t.Errorf("rejected b: %+v", b)
	}
	if c, _ := findRec(got, "RF-01/register"); c.Acceptance != "C measured" || c.TargetPI != "PI 9" || c.Priority != Low || !c.Edited || c.Status != Proposed {
		t.Errorf("c: %+v", c)
	}
	mine, _ := findRec(got, "coach/1")
	if !mine.ByCoach || mine.Status != Accepted || mine.Priority != Medium || mine.Rule != "" {
		t.Errorf("coach's own: %+v", mine)
	}
	if own, _ := findRec(got, "own-2"); own.Status != Proposed || own.Rule != "" || !own.ByCoach {
		t.Errorf("coach's own with status: %+v", own)
	}
	// The review never writes through to the derived list.
	got[0].Evidence[0].Ref = "changed"
	if derived[0].Evidence[0].Ref != "a" || derived[0].Status != Proposed {
		t.Error("ApplyReview changed its input")
	}
	res := Results{Recommendations: got}
	if agreed := res.Agreed(); len(agreed) != 4 || slices.ContainsFunc(agreed, func(r Recommendation) bool { return r.Status == Rejected }) {
		t.Errorf("agreed %v", recIDs(agreed))
	}
}

// TestReviewCount: accepted and rejected are counted as such, anything else
// is still to review.
func TestReviewCount(t *testing.T) {
	r := Results{Recommendations: []Recommendation{{Status: Accepted}, {Status: Rejected}, {Status: Proposed}, {Status: Accepted}, {}}}
	if got, want := r.ReviewCount(), (ReviewCount{Accepted: 2, Rejected: 1, Proposed: 2}); got != want {
		t.Errorf("ReviewCount = %+v, want %+v", got, want)
	}
}

// TestApplyReviewEscalation: the coach's escalation replaces the derived
// level and marks the recommendation edited; an empty one, the same level
// or a level the ladder does not have keeps the derived one.
func TestApplyReviewEscalation(t *testing.T) {
	derived := []Recommendation{
		{ID: "RI-01/a", Rule: "RI-01", Finding: "A", Action: "Do A", Priority: Medium, Owner: OwnerFacilitator, Escalation: LevelART, Status: Proposed},
		{ID: "RI-01/b", Rule: "RI-01", Finding: "B", Action: "Do B", Priority: Medium, Owner: OwnerFacilitator, Escalation: LevelART, Status: Proposed},
		{ID: "RI-01/c", Rule: "RI-01", Finding: "C", Action: "Do C", Priority: Medium, Owner: OwnerFacilitator, Escalation: LevelTeam, Status: Proposed},
		{ID: "RI-01/d", Rule: "RI-01", Finding: "D", Action: "Do D", Priority: Medium, Owner: OwnerFacilitator, Escalation: LevelTeam, Status: Proposed},
	}
	rv := Review{Edits: map[string]RecommendationEdit{
		"RI-01/a": {Escalation: LevelLACE},
		"RI-01/b": {Status: Accepted},
		"RI-01/c": {Escalation: LevelTeam},
		"RI-01/d": {Escalation: "board"},
	}}
	got := ApplyReview(derived, rv, "PI 2")
	want := map[string]struct {
		level  ImpedimentLevel
		edited bool
	}{"RI-01/a": {LevelLACE, true}, "RI-01/b": {LevelART, false}, "RI-01/c": {LevelTeam, false}, "RI-01/d": {LevelTeam, false}}
	for id, w := range want {
		r, ok := findRec(got, id)
		if !ok || r.Escalation != w.level || r.Edited != w.edited {
			t.Errorf("%s: escalation %q edited %v, want %q %v", id, r.Escalation, r.Edited, w.level, w.edited)
		}
	}
	if derived[0].Escalation != LevelART {
		t.Error("ApplyReview changed its input")
	}
}

func TestRecommendationEditCheckEscalation(t *testing.T) {
	for _, l := range append([]ImpedimentLevel{""}, ImpedimentLevels...) {
		if err := (RecommendationEdit{Escalation: l}).CheckEscalation(); err != nil {
			t.Errorf("level %q refused: %v", l, err)
		}
	}
	for _, l := range []ImpedimentLevel{"board", "LACE", " team", "ART"} {
		err := (RecommendationEdit{Escalation: l}).CheckEscalation()
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("unknown level %q", string(l))) || !strings.Contains(err.Error(), `"team", "art", "lace"`) {
			t.Errorf("level %q: %v", l, err)
		}
	}
}
