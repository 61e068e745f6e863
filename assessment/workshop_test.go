package assessment

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func room(t *testing.T, names ...string) *Workshop {
	t.Helper()
	w := &Workshop{}
	roles := []ParticipantRole{RoleScrumMasterP, RoleProductOwnerP, RoleScrumMasterP, RoleBusinessOwnerP}
	for i, n := range names {
		if err := w.AddParticipant(Participant{ID: "p" + n, Name: n, Role: roles[i%len(roles)]}); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

func TestVotesStayHiddenUntilReveal(t *testing.T) {
	w := room(t, "Ana", "Björn", "Chidi")
	if err := w.Cast("pAna", "item", 2); err != nil {
		t.Fatal(err)
	}
	if err := w.Cast("pBjörn", "item", 5); err != nil {
		t.Fatal(err)
	}
	if _, ok := w.Spread("item", 5); ok {
		t.Fatal("the spread must not be available before the reveal")
	}
	voted, waiting := w.Voted("item")
	if len(voted) != 2 || len(waiting) != 1 || waiting[0].Name != "Chidi" {
		t.Fatalf("voted %v, waiting %v", voted, waiting)
	}
	// A participant may change their mind before the reveal.
	if err := w.Cast("pAna", "item", 3); err != nil {
		t.Fatal(err)
	}
	if err := w.Cast("pChidi", "item", 3); err != nil {
		t.Fatal(err)
	}
	w.Reveal("item")
	s, ok := w.Spread("item", 5)
	if !ok {
		t.Fatal("the spread should be shown after the reveal")
	}
	if want := []int{0, 0, 2, 0, 1}; !reflect.DeepEqual(s.Counts, want) {
		t.Errorf("counts %v, want %v", s.Counts, want)
	}
	if s.Median != 3 || s.Rated() != 3 || len(s.Votes) != 3 {
		t.Errorf("median %v rated %d votes %d", s.Median, s.Rated(), len(s.Votes))
	}
	if err := w.Cast("pAna", "item", 5); err == nil {
		t.Error("voting on a revealed item must be refused")
	}
	w.Reset("item")
	if _, ok := w.Spread("item", 5); ok {
		t.Error("a reset item is hidden again")
	}
	if voted, _ := w.Voted("item"); len(voted) != 0 {
		t.Error("a reset clears the votes")
	}
}

func TestCastRefusals(t *testing.T) {
	w := room(t, "Ana")
	if err := w.Cast("nobody", "item", 2); err == nil {
		t.Error("a vote from someone not in the room must be refused")
	}
	if err := w.Cast("pAna", "item", Unanswered); err == nil {
		t.Error("an empty vote must be refused")
	}
	if err := w.Cast("pAna", "item", DontKnow); err != nil {
		t.Errorf("don't know is a vote: %v", err)
	}
}

func TestAddParticipantRefusals(t *testing.T) {
	w := room(t, "Ana")
	for _, p := range []Participant{
		{ID: "", Name: "X"},
		{ID: "x", Name: "  "},
		{ID: "pAna", Name: "Other"},
		{ID: "y", Name: "ana"},
	} {
		if err := w.AddParticipant(p); err == nil {
			t.Errorf("AddParticipant(%+v) should be refused", p)
		}
	}
	if err := w.AddParticipant(Participant{ID: "z", Name: "Zoë"}); err != nil || w.Participant("z").Role != RoleOtherP {
		t.Errorf("a participant without a role is Other: %v", err)
	}
}

func TestDisagreementOnKnownDistributions(t *testing.T) {
	cases := []struct {
		name   string
		counts []int
		want   float64
		flag   bool
	}{
		{"no votes", []int{0, 0, 0, 0, 0}, 0, false},
		{"all agree", []int{0, 0, 4, 0, 0}, 0, false},
		{"split between the ends", []int{3, 0, 0, 0, 3}, 1, true},
		{"neighbours", []int{0, 1, 1, 0, 0}, 0.25, false},
		{"uniform", []int{1, 1, 1, 1, 1}, 0.6, true},
		{"one outlier", []int{0, 0, 0, 4, 1}, 0.1, false},
		{"one far from two camps", []int{1, 0, 0, 2, 2}, 0.5, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Disagreement(c.counts)
			if math.Abs(got-c.want) > 1e-9 {
				t.Errorf("Disagreement(%v) = %v, want %v", c.counts, got, c.want)
			}
			if (Spread{Disagreement: got}).Flagged() != c.flag {
				t.Errorf("flagged = %v, want %v", !c.flag, c.flag)
			}
		})
	}
}

func TestDiscussionListsDisagreementFirst(t *testing.T) {
	d := loadDefs(t)
	items := d.Checklist(ChecklistImpediments).Items
	calm, split := items[0].ID, items[1].ID
	w := room(t, "Ana", "Björn")
	for _, v := range []Vote{{"pAna", calm, 4}, {"pBjörn", calm, 4}, {"pAna", split, 1}, {"pBjörn", split, 5}} {
		if err := w.Cast(v.ParticipantID, v.ItemID, v.Rating); err != nil {
			t.Fatal(err)
		}
	}
	w.Reveal(calm)
	w.Reveal(split)
	got := w.Discussion(d)
	if len(got) != 2 || got[0].ItemID != split || !got[0].Flagged() || got[1].Flagged() {
		t.Errorf("discussion order %+v", got)
	}
}

func TestAnonymousDisplayNames(t *testing.T) {
	w := room(t, "Ana", "Björn", "Chidi")
	if got := w.DisplayName(*w.Participant("pChidi"), SAFe); got != "Chidi" {
		t.Errorf("named workshop shows %q", got)
	}
	w.Anonymous = true
	want := map[string]string{"pAna": "Scrum Master 1", "pBjörn": "Product Owner 1", "pChidi": "Scrum Master 2"}
	for id, name := range want {
		got := w.DisplayName(*w.Participant(id), SAFe)
		if got != name {
			t.Errorf("anonymous %s shows %q, want %q", id, got, name)
		}
		if strings.Contains(got, w.Participant(id).Name) {
			t.Errorf("anonymous display name %q leaks the name", got)
		}
	}
	if ParticipantRole("facilitator").Title(ScrumAtScale) != "SoSM" {
		t.Error("the facilitator is called by the framework's name")
	}
}

func TestObservationGaps(t *testing.T) {
	d := loadDefs(t)
	items := d.Checklist(ChecklistImpediments).Items
	a := &Assessment{Date: testDate, Answers: map[string]Answer{}}
	if g, per := ObservationGaps(d, a); g != nil || per != nil {
		t.Fatal("an assessment without a workshop has no observation gaps")
	}
	a.Workshop = &Workshop{Observed: map[string]Rating{items[0].ID: 2, items[1].ID: 4, items[2].ID: 3}}
	a.Answers[items[0].ID] = Answer{ItemID: items[0].ID, Rating: 5} // the room thinks better of itself
	a.Answers[items[1].ID] = Answer{ItemID: items[1].ID, Rating: 4}
	gaps, per := ObservationGaps(d, a)
	if len(gaps) != 2 || gaps[0].Gap != 3 || gaps[1].Gap != 0 {
		t.Fatalf("gaps %+v", gaps)
	}
	var found bool
	for _, co := range per {
		if co.ChecklistID == ChecklistImpediments {
			found = true
			if !co.Self.Known() || !co.Observed.Known() || co.Gap <= 0 {
				t.Errorf("checklist observation %+v: the room's score should be above the coach's", co)
			}
		} else if co.Gap != 0 {
			t.Errorf("checklist %s with nothing rated has gap %v", co.ChecklistID, co.Gap)
		}
	}
	if !found {
		t.Error("no comparison for the impediment checklist")
	}

	// An observation that matches the consensus gives no gap, however many
	// items the room rated that the coach did not observe.
	a.Workshop.Observed = map[string]Rating{items[1].ID: 4}
	a.Answers[items[3].ID] = Answer{ItemID: items[3].ID, Rating: 1}
	_, per = ObservationGaps(d, a)
	for _, co := range per {
		if co.Gap != 0 {
			t.Errorf("checklist %s: gap %v where the only observed item matches the consensus", co.ChecklistID, co.Gap)
		}
	}
}

func TestMergeResponses(t *testing.T) {
	d := loadDefs(t)
	item := d.Checklist(ChecklistFit).Items[0].ID
	w := room(t, "Ana")
	w.Reveal(item)
	ok := []Response{
		{Participant: Participant{ID: "r1", Name: "Dmitri", Role: RoleDeveloperP}, Votes: []Vote{{ItemID: item, Rating: 4}}},
		{Participant: Participant{ID: "r2", Name: "Eun-ji", Role: RoleProductOwnerP}, Votes: []Vote{{ItemID: item, Rating: NotApplicable}}},
	}
	if err := w.Merge(d, ok); err != nil {
		t.Fatal(err)
	}
	if len(w.Participants) != 3 || len(w.Votes) != 2 {
		t.Fatalf("after merge: %d participants, %d votes", len(w.Participants), len(w.Votes))
	}
	s, _ := w.Spread(item, 5)
	if s.Counts[3] != 1 || s.NA != 1 {
		t.Errorf("merged votes missing from the spread: %+v", s)
	}

	bad := map[string][]Response{
		"already in the workshop": {{Participant: Participant{ID: "r9", Name: "Dmitri"}}},
		"twice in the files": {
			{Participant: Participant{ID: "r3", Name: "Fatima"}},
			{Participant: Participant{ID: "r3", Name: "Fatima"}},
		},
		"is not in checklist version": {{Participant: Participant{ID: "r4", Name: "Gus"}, Votes: []Vote{{ItemID: "no.such.item", Rating: 3}}}},
		"not a rating":                {{Participant: Participant{ID: "r5", Name: "Hana"}, Votes: []Vote{{ItemID: item, Rating: 9}}}},
	}
	for want, responses := range bad {
		before := len(w.Participants)
		votes := append([]Vote(nil), w.Votes...)
		err := w.Merge(d, responses)
		if err == nil {
			t.Errorf("%s: merge should be refused", want)
			continue
		}
		if !strings.Contains(err.Error(), want) && !strings.Contains(err.Error(), "already") {
			t.Errorf("%s: message %q", want, err)
		}
		if len(w.Participants) != before || !reflect.DeepEqual(w.Votes, votes) {
			t.Errorf("%s: a refused merge changed the workshop", want)
		}
	}
}
