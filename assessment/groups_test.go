package assessment

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestGroupRecommendations: grouped by finding, in order (GR-01).
func TestGroupRecommendations(t *testing.T) {
	d := loadDefs(t)
	tr, _, _, a := Sample(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	r := Evaluate(d, tr, &a)
	groups := GroupRecommendations(d, tr.Framework, r.Recommendations)
	if len(groups) > len(r.Recommendations)*2/3 {
		t.Fatalf("%d recommendations in %d groups", len(r.Recommendations), len(groups))
	}
	n := 0
	var keys []string
	for i, g := range groups {
		n += len(g.Members)
		keys = append(keys, g.Key)
		if g.Title == "" || strings.Contains(g.Title, "{") {
			t.Errorf("group %s has title %q", g.Key, g.Title)
		}
		if i > 0 && g.Priority < groups[i-1].Priority {
			t.Errorf("group %s (%s) after a lower-priority one", g.Key, g.Priority)
		}
		for _, m := range g.Members {
			if k, _ := groupOf(d, tr.Framework, m); k != g.Key {
				t.Errorf("%s in group %s, belongs in %s", m.ID, g.Key, k)
			}
		}
	}
	if n != len(r.Recommendations) {
		t.Errorf("groups hold %d of %d recommendations", n, len(r.Recommendations))
	}
	for _, want := range []string{"verdict", "register", "gap:RG-12", "dimension:impediment-flow", "coach"} {
		if !slices.Contains(keys, want) {
			t.Errorf("no group %s in %v", want, keys)
		}
	}
	// The two teams lacking skills are one finding.
	for _, g := range groups {
		if g.Key == "gap:RG-12" && len(g.Members) != 2 {
			t.Errorf("RG-12 group has %d members", len(g.Members))
		}
	}
	top, more := MattersMost(d, tr.Framework, r)
	if len(top) != MattersMostCount || more != len(r.Agreed())-MattersMostCount {
		t.Errorf("matters most %d, more %d of %d", len(top), more, len(r.Agreed()))
	}
}

// The coach rejects a group at once with one reason; every member keeps
// it, the agreed list drops them, and accepting again clears the reason.
func TestDecideGroup(t *testing.T) {
	d := loadDefs(t)
	tr, _, _, a := Sample(testDate)
	r := Evaluate(d, tr, &a)
	groups := GroupRecommendations(d, tr.Framework, r.Recommendations)
	var g RecommendationGroup
	for _, c := range groups {
		if len(c.Members) > 1 && !c.Members[0].ByCoach {
			g = c
			break
		}
	}
	if len(g.Members) < 2 {
		t.Fatal("the sample has no group of two or more derived recommendations")
	}
	rv := a.Review
	rv.Edits = maps.Clone(rv.Edits)
	if _, err := DecideGroup(&rv, g, Rejected, "  "); !errors.Is(err, ErrNoReason) {
		t.Fatalf("a rejection without a reason: %v", err)
	}
	reason := "Ce sujet est déjà porté par le portefeuille — 已在处理"
	changed, err := DecideGroup(&rv, g, Rejected, reason+" ")
	if err != nil || len(changed) != len(g.Members) {
		t.Fatalf("DecideGroup: %v, %d edits for %d members", err, len(changed), len(g.Members))
	}
	a.Review = rv
	after := Evaluate(d, tr, &a)
	for _, m := range g.Members {
		rec, ok := recByID(after, m.ID)
		if !ok || rec.Status != Rejected || rec.Reason != reason {
			t.Errorf("%s: %s %q", m.ID, rec.Status, rec.Reason)
		}
		if slices.ContainsFunc(after.Agreed(), func(x Recommendation) bool { return x.ID == m.ID }) {
			t.Errorf("%s is rejected yet agreed", m.ID)
		}
	}
	// An earlier edit of the wording survives the decision.
	if e := rv.Edits["RG-03/system-architect"]; e.Action == "" {
		t.Error("the coach's earlier edit lost its action")
	}
	if _, err := DecideGroup(&rv, g, Accepted, "ignored"); err != nil {
		t.Fatal(err)
	}
	a.Review = rv
	for _, m := range g.Members {
		if rec, _ := recByID(Evaluate(d, tr, &a), m.ID); rec.Status != Accepted || rec.Reason != "" {
			t.Errorf("%s accepted again: %s %q", m.ID, rec.Status, rec.Reason)
		}
	}
}

func recByID(r Results, id string) (Recommendation, bool) {
	for _, rec := range r.Recommendations {
		if rec.ID == id {
			return rec, true
		}
	}
	return Recommendation{}, false
}
