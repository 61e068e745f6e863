package assessment

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFollowUpsAcrossFourPIs walks one recommendation through four PIs:
// agreed in PI 1 (no System Architect), not done in PI 2 (overdue), not
// done in PI 3 (climbed a step on the ladder, and a repeated finding for the
// LACE), then met in PI 4 by a roster change, with the figures at each step:
// what comes along (FU-01), what the data decides (FU-02), overdue and
// escalated (FU-03), unmet two PIs in a row (FU-04).
func TestFollowUpsAcrossFourPIs(t *testing.T) {
	d := loadDefs(t)
	tr := Train{Name: "Loop ART", Framework: SAFe}
	roster := healthyRoster(8)
	roster.Roles = slices.DeleteFunc(roster.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleSystemArchitect })
	id := RecommendationID("RG-03", string(RoleSystemArchitect))

	assess := func(pi string, r Roster, fus []FollowUp) (*Assessment, Results) {
		a := &Assessment{Date: testDate, PI: pi, PIWeeks: 10, Roster: r, Answers: fitAnswers(d, 5, 1, nil), FollowUps: fus, Status: Final}
		for k, v := range rateAll(d, 4, ChecklistEffectiveness, ChecklistImpediments) {
			a.Answers[k] = v
		}
		return a, Evaluate(d, tr, a)
	}
	find := func(r Results) FollowUpResult {
		t.Helper()
		for _, fr := range r.FollowUps {
			if fr.RecommendationID == id {
				return fr
			}
		}
		t.Fatalf("no follow-up %s among %d", id, len(r.FollowUps))
		return FollowUpResult{}
	}

	// PI 1: the gap is found; the coach accepts the recommendation.
	a1, r1 := assess("PI 2026.1", roster, nil)
	rec, ok := findRec(r1.Recommendations, id)
	if !ok || rec.Priority != Medium || rec.TargetPI != "PI 2026.3" {
		t.Fatalf("PI 1: %s %+v", id, rec)
	}
	a1.Review.Edits = map[string]RecommendationEdit{id: {Status: Accepted, Priority: High}}
	r1 = Evaluate(d, tr, a1)
	if rec, _ := findRec(r1.Recommendations, id); rec.TargetPI != "PI 2026.2" || rec.Escalation != LevelART {
		t.Fatalf("PI 1 after review: %+v", rec)
	}

	// PI 2: it came along, the coach says in progress; still no architect.
	fus := FollowUpsFrom(a1, r1)
	if len(fus) != 1 || fus[0].RecommendationID != id || fus[0].RaisedPI != "PI 2026.1" || fus[0].Check == nil {
		t.Fatalf("PI 2 follow-ups: %+v (only the agreed recommendation comes along)", fus)
	}
	fus[0].State, fus[0].Note = FollowUpInProgress, "Two candidates interviewed."
	a2, r2 := assess("PI 2026.2", roster, fus)
	fr := find(r2)
	if fr.Met == nil || *fr.Met || !strings.Contains(fr.Evidence, "Nobody holds the System Architect role") || fr.OverduePIs != 1 || fr.Escalated {
		t.Errorf("PI 2: %+v", fr)
	}
	if ft := r2.FollowThrough; ft.Total != 1 || ft.InProgress != 1 || ft.Overdue != 1 || ft.Escalated != 0 || ft.Rate != 0 {
		t.Errorf("PI 2 figures %+v", ft)
	}
	if _, ok := findRec(r2.Recommendations, "FU-04/"+id); ok {
		t.Error("PI 2: a repeated finding after one PI")
	}
	if rec, _ := findRec(r2.Recommendations, id); rec.FirstRaised != "PI 2026.1" {
		t.Errorf("PI 2: the recommendation lost its history: %+v", rec)
	}
	a2.Review.Edits = map[string]RecommendationEdit{id: {Status: Accepted}}
	r2 = Evaluate(d, tr, a2)

	// PI 3: not done again: escalated a step, and a finding for the LACE.
	fus = FollowUpsFrom(a2, r2)
	if i := FollowUpIndex(fus, id); i < 0 || fus[i].RaisedPI != "PI 2026.1" || fus[i].TargetPI != "PI 2026.2" {
		t.Fatalf("PI 3 follow-ups %+v: the first PI and target are kept", fus)
	}
	fus[FollowUpIndex(fus, id)].State = FollowUpNotStarted
	a3, r3 := assess("PI 2026.3", roster, fus)
	fr = find(r3)
	if fr.OverduePIs != 2 || !fr.Escalated || fr.Escalation != LevelLACE {
		t.Errorf("PI 3: %+v", fr)
	}
	rep, ok := findRec(r3.Recommendations, "FU-04/"+id)
	if !ok || rep.Owner != OwnerLACE || rep.Priority != High || !strings.Contains(rep.Finding, "Agreed since PI 2026.1") {
		t.Errorf("PI 3: repeated finding %+v", rep)
	}
	if ft := r3.FollowThrough; ft.NotStarted != 1 || ft.Overdue != 1 || ft.Escalated != 1 {
		t.Errorf("PI 3 figures %+v", ft)
	}
	if s := r3.FollowThrough.Sentence(SAFe); s != "0 of 1 done and 1 overdue for the second PI and escalated a step up the ladder" {
		t.Errorf("PI 3 sentence %q", s)
	}
	a3.Review.Edits = map[string]RecommendationEdit{id: {Status: Accepted}}
	r3 = Evaluate(d, tr, a3)

	// PI 4: a System Architect joins; the data says it is met.
	fus = FollowUpsFrom(a3, r3)
	withArchitect := roster.Clone()
	withArchitect.People = append(withArchitect.People, Person{ID: "arch", Name: "Ada"})
	withArchitect.Roles = append(withArchitect.Roles, RoleAssignment{Role: RoleSystemArchitect, PersonID: "arch"})
	_, r4 := assess("PI 2026.4", withArchitect, fus)
	fr = find(r4)
	if fr.Met == nil || !*fr.Met || !fr.Closed || fr.OverduePIs != 0 || fr.Escalated {
		t.Errorf("PI 4: %+v", fr)
	}
	if ft := r4.FollowThrough; ft.MetByData != 1 || ft.Overdue != 0 || ft.Rate != 1 {
		t.Errorf("PI 4 figures %+v", ft)
	}
	if _, ok := findRec(r4.Recommendations, "FU-04/"+id); ok {
		t.Error("PI 4: a met follow-up is still a finding")
	}

	// The coach's word wins over the data's, and both are kept.
	fus[FollowUpIndex(fus, id)].Override, fus[FollowUpIndex(fus, id)].OverrideReason = "not-met", "Ada is on loan for one PI only."
	_, r5 := assess("PI 2026.4", withArchitect, fus)
	if fr := find(r5); fr.Closed || fr.Met == nil || !*fr.Met {
		t.Errorf("override: %+v", fr)
	}
}

// TestFollowUpsLeaveOutWhatWasNotAgreed: rejected and unreviewed
// recommendations stay out; the coach's own and edited ones come along
// (FU-01).
func TestFollowUpsLeaveOutWhatWasNotAgreed(t *testing.T) {
	d := loadDefs(t)
	tr, _, _, a := Sample(testDate)
	r := Evaluate(d, tr, &a)
	fus := FollowUpsFrom(&a, r)
	var ids []string
	for _, fu := range fus {
		ids = append(ids, fu.RecommendationID)
	}
	// The sample follows up its last PI: what is still open there comes
	// along again, agreed this time or not.
	open := map[string]bool{}
	for _, fr := range r.FollowUps {
		open[fr.RecommendationID] = !fr.Closed
	}
	for _, rec := range r.Recommendations {
		in := slices.Contains(ids, rec.ID)
		if in != (agreed(rec) || open[rec.ID]) {
			t.Errorf("%s (%s, edited %v, own %v) came along: %v", rec.ID, rec.Status, rec.Edited, rec.ByCoach, in)
		}
	}
	if !slices.Contains(ids, "coach/shared-test-environment") || slices.Contains(ids, "RI-01/imp.psw-root-cause.v1") {
		t.Errorf("follow-ups %v", ids)
	}
	for _, c := range []struct {
		rule, id string
		kind     string
	}{{"RG-08", "RG-08/p", "no-gap"}, {"RF-01", "RF-01/register", "median-open-age"}, {"RF-02", "RF-02/register", "none-older-than-pi"}, {"RI-01", "RI-01/x.v1", "item-at-least"}, {"RV-03", "RV-03/facilitator", ""}} {
		got := checkFor(Recommendation{Rule: c.rule, ID: c.id})
		if (got == nil) != (c.kind == "") || got != nil && got.Kind != c.kind {
			t.Errorf("check for %s: %+v", c.id, got)
		}
	}
}

// TestOwedBetweenAssessments: what the train and home screens badge as
// overdue (FU-03 read between assessments): after the latest finished
// assessment, an agreed recommendation is overdue once its target PI has
// ended by the calendar, and escalated a step once a second PI has ended;
// once a draft follows it up, the draft's own reading counts.
func TestOwedBetweenAssessments(t *testing.T) {
	d := loadDefs(t)
	tr := Train{Name: "Owed ART", Framework: SAFe}
	roster := healthyRoster(8)
	roster.Roles = slices.DeleteFunc(roster.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleSystemArchitect })
	id := RecommendationID("RG-03", string(RoleSystemArchitect))
	finished := func(status RecommendationStatus, target string) *Assessment {
		a := &Assessment{ID: "a1", Date: testDate, PI: "PI 2026.1", PIWeeks: 10, Roster: roster, Answers: fitAnswers(d, 5, 1, nil), Status: Final}
		a.Review.Edits = map[string]RecommendationEdit{id: {Status: status, Priority: High, TargetPI: target}}
		return a
	}
	draft := func(prev *Assessment, pi string, st FollowUpState) *Assessment {
		fus := FollowUpsFrom(prev, Evaluate(d, tr, prev))
		for i := range fus {
			fus[i].State = st
		}
		return &Assessment{ID: "a2", Date: testDate.AddDate(0, 0, 70), PI: pi, PIWeeks: 10, Roster: roster, Answers: fitAnswers(d, 5, 1, nil), FollowUps: fus}
	}
	day := func(n int) time.Time { return testDate.AddDate(0, 0, n) }
	accepted := finished(Accepted, "")
	cases := []struct {
		name  string
		all   []*Assessment
		today time.Time
		want  string // the badge
	}{
		{"no finished assessment", []*Assessment{{ID: "d", Date: testDate, PI: "PI 2026.1"}}, day(400), ""},
		{"target PI still running", []*Assessment{accepted}, day(69), ""},
		{"target PI ended", []*Assessment{accepted}, day(70), "1 follow-up overdue"},
		{"a second PI ended: escalated", []*Assessment{accepted}, day(140), "1 follow-up overdue, 1 escalated to LACE / portfolio"},
		{"rejected: nothing owed", []*Assessment{finished(Rejected, "")}, day(400), ""},
		{"a target the labels cannot count to", []*Assessment{finished(Accepted, "after the reorg")}, day(400), ""},
		{"due by its own PI: overdue at once", []*Assessment{finished(Accepted, "PI 2026.1")}, day(0), "1 follow-up overdue"},
		{"a draft followed it up, in progress", []*Assessment{accepted, draft(accepted, "PI 2026.2", FollowUpInProgress)}, day(400), "1 follow-up overdue"},
		{"a draft followed it up, done", []*Assessment{accepted, draft(accepted, "PI 2026.2", FollowUpDone)}, day(400), ""},
		{"a draft followed it up, not yet due", []*Assessment{finished(Accepted, "PI 2026.4"), draft(finished(Accepted, "PI 2026.4"), "PI 2026.2", FollowUpOpen)}, day(400), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			owed := Owed(d, tr, c.all, c.today)
			if got := OverdueBadge(owed, SAFe); got != c.want {
				t.Errorf("badge %q, want %q (%+v)", got, c.want, owed)
			}
			for _, fr := range owed {
				if fr.RecommendationID != id {
					t.Errorf("owed %s", fr.RecommendationID)
				}
			}
		})
	}
	// The framework's words for the ladder, each level climbed to counted.
	owed := []FollowUpResult{{Escalated: true, FollowUp: FollowUp{Escalation: LevelLACE}}, {Escalated: true, FollowUp: FollowUp{Escalation: LevelART}}, {}}
	if got := OverdueBadge(owed, ScrumAtScale); got != "3 follow-ups overdue, 1 escalated to Scrum of Scrums, 1 escalated to Executive Action Team" {
		t.Errorf("Scrum@Scale badge %q", got)
	}
}

// TestFollowUpStateKeys: one key per state, in the order offered, and no
// key for the open state.
func TestFollowUpStateKeys(t *testing.T) {
	for i, st := range FollowUpStates {
		k := st.Key()
		if k != fmt.Sprint(i+1) {
			t.Errorf("%s has key %q", st, k)
		}
		if got, ok := FollowUpStateOfKey(k); !ok || got != st {
			t.Errorf("key %q gives %q", k, got)
		}
	}
	if FollowUpOpen.Key() != "" {
		t.Error("the open state has a key")
	}
	for _, k := range []string{"", "0", "5", "d"} {
		if _, ok := FollowUpStateOfKey(k); ok {
			t.Errorf("key %q gives a state", k)
		}
	}
}
