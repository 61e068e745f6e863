package assessment

import (
	"slices"
	"strings"
	"testing"
)

func TestWarnings(t *testing.T) {
	d := loadDefs(t)
	tests := []struct {
		name  string
		teams int
		fit   map[string]Rating
		want  []string
		words string
	}{
		{"consistent answers", 8, nil, nil, ""},
		{"shared product strong, independent teams hold", 8, map[string]Rating{"fit.shared-product.v1": 5, "fit.independent-teams.v2": 5}, []string{"AW-01"}, "Both cannot be true"},
		{"both shared signs strong", 8, map[string]Rating{"fit.shared-product.v1": 5, "fit.dependency-waits.v1": 4, "fit.independent-teams.v2": 4}, []string{"AW-01", "AW-01"}, "rated 4 (it holds too)"},
		{"shared product 3 is no contradiction", 8, map[string]Rating{"fit.shared-product.v1": 3, "fit.dependency-waits.v1": 3, "fit.independent-teams.v2": 5}, nil, ""},
		{"only one or two teams, yet eight", 8, map[string]Rating{"fit.few-teams.v2": 5}, []string{"AW-02"}, "the roster has 8 teams"},
		{"several teams, yet two", 2, map[string]Rating{"fit.few-teams.v2": 1}, []string{"AW-02"}, "the roster has 2 teams"},
		{"don't know on the verdict", 8, map[string]Rating{"fit.coach-coordination.v1": DontKnow}, []string{"AW-03"}, "don't know"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans := fitAnswers(d, 3, 2, tt.fit)
			if tt.teams <= 2 {
				ans["fit.few-teams.v2"] = Answer{Rating: tt.fit["fit.few-teams.v2"]}
			}
			a := &Assessment{Roster: healthyRoster(tt.teams), Answers: ans}
			ws := Warnings(d, Train{Framework: SAFe}, a)
			var got []string
			var text strings.Builder
			for _, w := range ws {
				got = append(got, w.Rule)
				text.WriteString(w.Text)
				if strings.Contains(w.Text, "{") {
					t.Errorf("placeholder left: %s", w.Text)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("warnings %v, want %v: %s", got, tt.want, text.String())
			}
			if !strings.Contains(text.String(), tt.words) {
				t.Errorf("%q lacks %q", text.String(), tt.words)
			}
		})
	}
	for _, id := range []string{itemSharedProduct, itemDependencyWait, itemIndependent, itemFewTeams} {
		if it, _ := d.Item(id); it == nil {
			t.Errorf("warning item %s is not in the definitions", id)
		}
	}
}
