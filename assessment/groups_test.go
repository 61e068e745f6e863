package assessment

import (
	"slices"
	"strings"
	"testing"
	"time"
)

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
