package assessment

import (
	"slices"
	"strings"
	"testing"
)

// fitAnswers rates every sign for the role at need and every sign against
// at against, then applies the overrides.
func fitAnswers(d *Definitions, need, against Rating, overrides map[string]Rating) map[string]Answer {
	m := map[string]Answer{}
	for _, it := range d.Checklist(ChecklistFit).Items {
		r := need
		if it.Kind == ContraIndication {
			r = against
		}
		m[it.ID] = Answer{ItemID: it.ID, Rating: r}
	}
	for id, r := range overrides {
		if r == Unanswered {
			delete(m, id)
			continue
		}
		m[id] = Answer{ItemID: id, Rating: r}
	}
	return m
}

func TestVerdictRules(t *testing.T) {
	d := loadDefs(t)
	noFacilitator := func(r *Roster) {
		r.Roles = slices.DeleteFunc(r.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleFacilitator })
	}
	tests := []struct {
		name       string
		rule       string
		need, anti Rating
		overrides  map[string]Rating
		teams      int
		roster     func(*Roster)
		want       VerdictKind
		reasons    []string // refs that must be among the reasons
		conditions int
		eff        Rating // every effectiveness item rated so, when set
		headline   string // words the headline holds
	}{
		{name: "two teams decide alone", rule: "V-01", need: 5, anti: 1, teams: 2, want: NotRecommended, reasons: []string{"team-count"}},
		{name: "one team", rule: "V-01", need: 5, anti: 1, teams: 1, want: NotRecommended, reasons: []string{"team-count"}},
		{name: "three teams do not decide", rule: "V-01", need: 5, anti: 1, teams: 3, want: Recommended},
		{name: "no roster entered: ratings decide", rule: "V-01", need: 5, anti: 1, teams: 0, want: Recommended},
		{name: "independent teams", rule: "V-02", need: 5, anti: 1, teams: 8, overrides: map[string]Rating{"fit.independent-teams.v2": 5}, want: NotRecommended, reasons: []string{"fit.independent-teams.v2"}},
		{name: "single-team Scrum not working", rule: "V-02", need: 5, anti: 1, teams: 8, overrides: map[string]Rating{"fit.team-scrum-weak.v2": 4}, want: NotRecommended, reasons: []string{"fit.team-scrum-weak.v2"}},
		{name: "few teams rated", rule: "V-02", need: 5, anti: 1, teams: 0, overrides: map[string]Rating{"fit.few-teams.v2": 4}, want: NotRecommended, reasons: []string{"fit.few-teams.v2"}},
		{name: "decisive item partly holds: a condition, not a decision", rule: "V-02", need: 5, anti: 1, teams: 8, overrides: map[string]Rating{"fit.team-scrum-weak.v2": 3}, want: RecommendedConditions, reasons: []string{"fit.team-scrum-weak.v2"}, conditions: 1},
		{name: "too little rated", rule: "V-03", need: Unanswered, anti: Unanswered, teams: 8, overrides: map[string]Rating{"fit.shared-product.v1": 5, "fit.independent-teams.v2": 1}, want: Undecided},
		{name: "only contra-indications rated", rule: "V-03", need: Unanswered, anti: 1, teams: 8, want: Undecided},
		{name: "everything not applicable", rule: "V-03", need: NotApplicable, anti: NotApplicable, teams: 8, want: Undecided},
		{name: "half rated is enough", rule: "V-03", need: 4, anti: Unanswered, teams: 8, want: Recommended},
		{name: "weak need", rule: "V-04", need: 2, anti: 1, teams: 8, want: NotRecommended, reasons: []string{"fit.shared-product.v1", "indication-score"}},
		{name: "need just shown", rule: "V-04", need: 3, anti: 1, teams: 8, want: Recommended},
		{name: "weak candidate does not weaken the need", rule: "V-04", need: 3, anti: 1, teams: 8, overrides: map[string]Rating{itemCandidateCoach: 1}, want: Recommended},
		{name: "status reporting risk", rule: "V-05", need: 4, anti: 1, teams: 8, overrides: map[string]Rating{"fit.status-reporting-risk.v2": 4}, want: RecommendedConditions, reasons: []string{"fit.status-reporting-risk.v2"}, conditions: 1},
		{name: "two conditions", rule: "V-05", need: 4, anti: 1, teams: 8, overrides: map[string]Rating{"fit.no-empowered-leaders.v2": 5, "fit.coordination-handoff-risk.v2": 4}, want: RecommendedConditions, conditions: 2},
		{name: "no business owner in the roster", rule: "V-05", need: 4, anti: 1, teams: 8, roster: func(r *Roster) {
			r.Roles = slices.DeleteFunc(r.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleBusinessOwner })
		}, want: RecommendedConditions, reasons: []string{"RG-04"}, conditions: 1},
		{name: "contra-indication partly holds: no condition", rule: "V-05", need: 4, anti: 3, teams: 8, overrides: map[string]Rating{
			"fit.independent-teams.v2": 2, "fit.team-scrum-weak.v2": 2, "fit.few-teams.v2": 2}, want: Recommended},
		{name: "teams would hand their coordination to the role it holds", rule: "V-07", need: 5, anti: 1, teams: 8, overrides: map[string]Rating{itemHandoff: 5},
			want: RecommendedConditions, reasons: []string{itemHandoff}, conditions: 1, headline: "keep the role, and change how it is held"},
		{name: "role held badly, nothing else against it", rule: "V-07", need: 5, anti: 1, teams: 8, eff: 1,
			want: RecommendedConditions, reasons: []string{"effectiveness-score"}, conditions: 1, headline: "keep the role, and change how it is held"},
		{name: "needed", rule: "V-06", need: 4, anti: 2, teams: 8, roster: noFacilitator, want: Recommended, reasons: []string{"fit.shared-product.v1", "team-count"}},
	}
	for _, tt := range tests {
		t.Run(tt.rule+" "+tt.name, func(t *testing.T) {
			var ro Roster
			if tt.teams > 0 {
				ro = healthyRoster(tt.teams)
			}
			if tt.roster != nil {
				tt.roster(&ro)
			}
			a := &Assessment{Date: testDate, Roster: ro, Answers: fitAnswers(d, tt.need, tt.anti, tt.overrides)}
			if tt.eff > 0 {
				for k, v := range rateAll(d, tt.eff, ChecklistEffectiveness) {
					a.Answers[k] = v
				}
			}
			v := Evaluate(d, Train{Framework: SAFe}, a).Verdict
			if v.Kind != tt.want {
				t.Fatalf("verdict %s (%s), want %s", v.Kind, v.Headline, tt.want)
			}
			for _, ref := range tt.reasons {
				if !slices.ContainsFunc(v.Reasons, func(e Evidence) bool { return e.Ref == ref }) {
					t.Errorf("reason %s missing from %+v", ref, v.Reasons)
				}
			}
			if !strings.Contains(v.Headline, tt.headline) {
				t.Errorf("headline %q, want %q in it", v.Headline, tt.headline)
			}
			if len(v.Conditions) != tt.conditions {
				t.Errorf("conditions %q, want %d", v.Conditions, tt.conditions)
			}
			if v.Headline == "" || v.WayToStart == "" || strings.Contains(v.Headline+v.WayToStart, "{") {
				t.Errorf("headline %q, way %q", v.Headline, v.WayToStart)
			}
			for _, e := range v.Reasons {
				if e.Text == "" || e.Kind == "" {
					t.Errorf("reason without words: %+v", e)
				}
			}
		})
	}
}

func TestWayToStart(t *testing.T) {
	d := loadDefs(t)
	noFacilitator := func() Roster {
		r := healthyRoster(8)
		r.Roles = slices.DeleteFunc(r.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleFacilitator })
		return r
	}
	tests := []struct {
		name      string
		f         Framework
		roster    Roster
		overrides map[string]Rating
		want      []string
		not       []string
	}{
		{"W-01 keep the role", SAFe, healthyRoster(8), nil, []string{"Keep the RTE", "ART Sync"}, []string{"Appoint"}},
		{"W-02 SAFe launch", SAFe, noFacilitator(), map[string]Rating{itemFrameworkAdoption: 5, itemCandidateCoach: 5}, []string{"dedicated, trained RTE", "all of the train's events"}, []string{"Keep"}},
		{"W-02 Scrum@Scale launch", ScrumAtScale, noFacilitator(), map[string]Rating{itemFrameworkAdoption: 4}, []string{"dedicated SoSM", "Scaled Daily Scrum", "Executive Action Team"}, nil},
		{"W-02 no candidate", OtherFramework, noFacilitator(), map[string]Rating{itemFrameworkAdoption: 1, itemCandidateCoach: 2}, []string{"dedicated scaled facilitator"}, nil},
		{"W-03 SAFe promote", SAFe, noFacilitator(), map[string]Rating{itemFrameworkAdoption: 2, itemCandidateCoach: 4}, []string{"experienced team Scrum Master", "ART Sync", "release planning, scaled reviews and retrospectives", "full-time"}, nil},
		{"W-03 Scrum@Scale promote", ScrumAtScale, noFacilitator(), map[string]Rating{itemFrameworkAdoption: 2, itemCandidateCoach: 4}, []string{"Scaled Daily Scrum", "may remain Scrum Master of their own team"}, nil},
		{"W-03 other, candidate unrated", OtherFramework, noFacilitator(), map[string]Rating{itemFrameworkAdoption: 2, itemCandidateCoach: Unanswered}, []string{"time-boxed cross-team sync"}, []string{"SAFe", "Scrum@Scale"}},
		{"conditions, role held", SAFe, healthyRoster(8), map[string]Rating{"fit.status-reporting-risk.v2": 5}, []string{"Work on the conditions now"}, nil},
		{"conditions, role not held", SAFe, noFacilitator(), map[string]Rating{"fit.status-reporting-risk.v2": 5}, []string{"Meet the conditions first"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Assessment{Date: testDate, Roster: tt.roster, Answers: fitAnswers(d, 4, 1, tt.overrides)}
			v := Evaluate(d, Train{Framework: tt.f}, a).Verdict
			for _, w := range tt.want {
				if !strings.Contains(v.WayToStart, w) {
					t.Errorf("way to start lacks %q:\n%s", w, v.WayToStart)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(v.WayToStart, w) {
					t.Errorf("way to start has %q:\n%s", w, v.WayToStart)
				}
			}
		})
	}
}

func TestNotNowWays(t *testing.T) {
	d := loadDefs(t)
	tests := []struct {
		name      string
		teams     int
		overrides map[string]Rating
		need      Rating
		want      []string
	}{
		{"two teams", 2, nil, 5, []string{"coordinate directly", "third team joins"}},
		{"scrum first", 8, map[string]Rating{"fit.team-scrum-weak.v2": 5}, 5, []string{"Make Scrum work within each team first"}},
		{"independent", 8, map[string]Rating{"fit.independent-teams.v2": 4}, 5, []string{"Keep the teams independent"}},
		{"few teams rated", 0, map[string]Rating{"fit.few-teams.v2": 5}, 5, []string{"With so few teams"}},
		{"weak need", 8, nil, 1, []string{"meet regularly to spot shared problems"}},
	}
	for _, tt := range tests {
		var ro Roster
		if tt.teams > 0 {
			ro = healthyRoster(tt.teams) // holds an RTE
		}
		a := &Assessment{Date: testDate, Roster: ro, Answers: fitAnswers(d, tt.need, 1, tt.overrides)}
		v := Evaluate(d, Train{Framework: SAFe}, a).Verdict
		if v.Kind != NotRecommended {
			t.Errorf("%s: %s", tt.name, v.Kind)
			continue
		}
		want := append(tt.want, "Revisit the RTE question at the next Inspect & Adapt")
		if tt.teams > 0 {
			want = append(want, "The train has an RTE today")
		}
		for _, w := range want {
			if !strings.Contains(v.WayToStart, w) {
				t.Errorf("%s: way lacks %q:\n%s", tt.name, w, v.WayToStart)
			}
		}
	}
	if got := notNowWay(verdictInput{f: SAFe}, []string{"something else"}); !strings.Contains(got, "Address what speaks against the role first") {
		t.Errorf("fallback way: %s", got)
	}
}

func TestVerdictItemsExist(t *testing.T) {
	d := loadDefs(t)
	for _, id := range []string{itemFrameworkAdoption, itemCandidateCoach, "fit.team-scrum-weak.v2", "fit.independent-teams.v2", "fit.few-teams.v2"} {
		if it, _ := d.Item(id); it == nil {
			t.Errorf("the verdict reads %s, which the definitions lack", id)
		}
	}
	for _, rules := range [][]Rule{VerdictRules, WayToStartRules, RecommendationRules} {
		for _, r := range rules {
			if r.ID == "" || r.Title == "" || r.Words == "" {
				t.Errorf("rule without words: %+v", r)
			}
		}
	}
}

func TestAnswerEvidence(t *testing.T) {
	d := loadDefs(t)
	it, _ := d.Item("eff.m.integrated-share.v1")
	v := 40.0
	e := answerEvidence(it, ItemScore{Rating: 2, Source: FromFigure, Figure: &v}, SAFe)
	if e.Kind != EvidenceAnswer || !strings.Contains(e.Text, "40% (figure entered), level 2 of 5 (Weak)") {
		t.Errorf("%+v", e)
	}
	age, _ := d.Item("eff.m.impediment-age.v1")
	v = 45.5
	e = answerEvidence(age, ItemScore{Rating: 2, Source: FromRegister, Figure: &v}, SAFe)
	if e.Kind != EvidenceFigure || !strings.Contains(e.Text, "45.5 days (from the register)") {
		t.Errorf("%+v", e)
	}
	if e := answerEvidence(age, ItemScore{}, SAFe); !strings.HasSuffix(e.Text, "not rated") {
		t.Errorf("%+v", e)
	}
}
