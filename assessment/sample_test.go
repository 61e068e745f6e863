package assessment

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestSample(t *testing.T) {
	d := loadDefs(t)
	tr, roster, reg, a := Sample(testDate)
	if !strings.Contains(strings.ToLower(tr.Name), "sample") || tr.Framework != SAFe || tr.ID != "" || !tr.CreatedAt.IsZero() {
		t.Errorf("train %+v", tr)
	}
	if len(roster.Teams) != 8 || len(reg) < 10 || len(reg) > 15 {
		t.Errorf("%d teams, %d impediments", len(roster.Teams), len(reg))
	}
	accents := 0
	for _, p := range roster.People {
		for _, r := range p.Name {
			if r > unicode.MaxASCII {
				accents++
				break
			}
		}
	}
	if accents < 10 {
		t.Errorf("only %d names with letters beyond ASCII", accents)
	}
	if a.Status != Final || !a.Date.Equal(testDate) || a.PI == "" || a.ChecklistVersion != d.Version || a.Assessor == "" {
		t.Errorf("assessment header %+v", a)
	}
	if !reflect.DeepEqual(a.Roster, roster) || !reflect.DeepEqual(a.Register, reg) {
		t.Error("the assessment's copy differs from the train's roster and register")
	}
	a.Roster.Teams[0].DeveloperIDs[0] = "changed"
	a.Register[0].Title = "changed"
	if roster.Teams[0].DeveloperIDs[0] == "changed" || reg[0].Title == "changed" {
		t.Error("the assessment shares its roster or register with the train")
	}

	// Every answer names an item; every item is answered, or left to the register.
	r := Evaluate(d, tr, &a)
	for id := range a.Answers {
		if it, _ := d.Item(id); it == nil {
			t.Errorf("answer to unknown item %s", id)
		}
	}
	var na, dk, notes int
	for _, is := range r.Items {
		ans, answered := a.Answers[is.ItemID]
		switch {
		case is.Rating == NotApplicable:
			na++
		case is.Rating == DontKnow:
			dk++
		case !is.Rating.Rated():
			t.Errorf("item %s is unanswered", is.ItemID)
		case !answered && is.Source != FromRegister:
			t.Errorf("item %s has a level from nowhere", is.ItemID)
		}
		if ans.Note != "" {
			notes++
		}
	}
	if na == 0 || dk == 0 || notes < 5 {
		t.Errorf("%d not applicable, %d don't know, %d notes", na, dk, notes)
	}
	for _, c := range ChecklistIDs {
		if a.Notes[c] == "" {
			t.Errorf("no note on %s", c)
		}
	}

	// The review edits recommendations that are derived, so they show.
	for id := range a.Review.Edits {
		rec, ok := findRec(r.Recommendations, id)
		if !ok {
			t.Errorf("edit to %s, which is not derived", id)
			continue
		}
		if rec.Status == Proposed {
			t.Errorf("edit to %s did not apply", id)
		}
	}
	if r.Verdict.Kind != RecommendedConditions || r.Level.Number != 2 {
		t.Errorf("sample: verdict %s, level %d", r.Verdict.Kind, r.Level.Number)
	}

	// The same date gives the same sample.
	tr2, roster2, reg2, a2 := Sample(testDate)
	if !reflect.DeepEqual(tr, tr2) || !reflect.DeepEqual(roster, roster2) || !reflect.DeepEqual(reg, reg2) || !reflect.DeepEqual(a2.Answers, a.Answers) {
		t.Error("Sample is not deterministic")
	}
}

// TestSampleHistory: the samples come with three finished assessments a PI
// apart, each with the roster and register of its date, and the latest
// follows up what the one before agreed, the loop shown in every state.
func TestSampleHistory(t *testing.T) {
	d := loadDefs(t)
	for _, f := range []Framework{SAFe, ScrumAtScale} {
		tr, roster, reg, h := SampleHistoryFor(f)(testDate)
		if len(h) != 3 {
			t.Fatalf("%s: %d assessments", f, len(h))
		}
		_, _, _, latest := SampleFor(f)(testDate)
		if !reflect.DeepEqual(latest, h[2]) || !reflect.DeepEqual(h[2].Roster, roster) || !reflect.DeepEqual(h[2].Register, reg) {
			t.Errorf("%s: the sample is not the history's latest", f)
		}
		for i, a := range h {
			// A PI apart, across the turn of the year: five PIs a year.
			wantPI := []string{"2025.5", "2026.1", "2026.2"}[i]
			if a.Status != Final || !strings.HasSuffix(a.PI, " "+wantPI) || i > 0 && !a.Date.After(h[i-1].Date) {
				t.Errorf("%s: assessment %d: %s %s %s", f, i, a.Status, a.PI, a.Date)
			}
			for _, imp := range a.Register {
				if imp.Raised.After(a.Date) || imp.Resolved.After(a.Date) {
					t.Errorf("%s %s: impediment %s from after its date", f, a.PI, imp.ID)
				}
			}
		}
		if len(h[0].FollowUps) != 0 || reflect.DeepEqual(h[0].Roster, h[2].Roster) || len(h[0].Register) >= len(h[2].Register) {
			t.Errorf("%s: the first assessment does not keep its own date's roster and register", f)
		}
		// The follow-ups are FollowUpsFrom the one before, with the coach's word.
		want := FollowUpsFrom(&h[1], Evaluate(d, tr, &h[1]))
		if len(want) != len(h[2].FollowUps) {
			t.Fatalf("%s: %d follow-ups, FollowUpsFrom gives %d", f, len(h[2].FollowUps), len(want))
		}
		for k, fu := range h[2].FollowUps {
			w := want[k]
			w.State, w.Note, w.NoteDate, w.Reason = fu.State, fu.Note, fu.NoteDate, fu.Reason
			if !reflect.DeepEqual(fu, w) {
				t.Errorf("%s: follow-up %s is not the one FollowUpsFrom made", f, fu.RecommendationID)
			}
			if fu.State == FollowUpDropped && fu.Reason == "" {
				t.Errorf("%s: %s dropped without a reason", f, fu.RecommendationID)
			}
		}
		r := Evaluate(d, tr, &h[2])
		ft := r.FollowThrough
		if ft.Done == 0 || ft.MetByData != 1 || ft.InProgress != 1 || ft.Overdue != 1 || ft.Dropped != 1 || ft.Rate <= 0 || ft.Rate >= 1 {
			t.Errorf("%s: follow-through %+v", f, ft)
		}
		for _, fr := range r.FollowUps {
			if fr.Met != nil && *fr.Met && fr.State == FollowUpOpen && (fr.Check == nil || fr.Check.Kind != "no-gap") {
				t.Errorf("%s: %s met by the data, but not by a roster change", f, fr.RecommendationID)
			}
		}
		prevFT := Evaluate(d, tr, &h[1]).FollowThrough
		if prevFT.Total == 0 || Evaluate(d, tr, &h[0]).FollowThrough.Total != 0 {
			t.Errorf("%s: follow-through one PI back %+v", f, prevFT)
		}
	}
	// Two PIs back the SAFe train still had its System Architect.
	_, _, _, h := SampleHistory(testDate)
	if !slices.ContainsFunc(h[0].Roster.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleSystemArchitect }) ||
		slices.ContainsFunc(h[2].Roster.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleSystemArchitect }) {
		t.Error("the System Architect is not there two PIs back and gone today")
	}
}

// TestGrowRoster: the grown sample has exactly the teams and people asked
// for, every team whole (a Scrum Master, a Product Owner, developers, each
// on the roster), the sample's own people kept, and the same each time; the
// grown register has the impediments asked for, none dated after the day.
func TestGrowRoster(t *testing.T) {
	_, roster, reg, _ := Sample(testDate)
	big := GrowRoster(roster, 12, 121)
	if len(big.Teams) != 12 || len(big.People) != 121 {
		t.Fatalf("grown to %d teams and %d people, want 12 and 121", len(big.Teams), len(big.People))
	}
	if len(roster.Teams) != 8 {
		t.Errorf("growing changed the roster it was given: %d teams", len(roster.Teams))
	}
	on := map[string]bool{}
	for _, p := range big.People {
		if on[p.ID] {
			t.Errorf("person %s twice", p.ID)
		}
		on[p.ID] = true
	}
	for _, team := range big.Teams[8:] {
		if !on[team.ScrumMasterID] || !on[team.ProductOwnerID] || len(team.DeveloperIDs) != 6 || len(team.Skills) == 0 {
			t.Errorf("team %s is not whole: %+v", team.Name, team)
		}
	}
	if !reflect.DeepEqual(big, GrowRoster(roster, 12, 121)) {
		t.Error("two grown rosters differ")
	}
	grown := GrowRegister(reg, 300, testDate)
	if len(grown) != 300 {
		t.Fatalf("%d impediments, want 300", len(grown))
	}
	for _, imp := range grown {
		if imp.ID != "" || imp.Raised.After(testDate) || (!imp.Resolved.IsZero() && imp.Resolved.Before(imp.Raised)) {
			t.Errorf("impediment %q: id %q raised %v resolved %v", imp.Title, imp.ID, imp.Raised, imp.Resolved)
		}
	}
}
