package assessment

import (
	"slices"
	"testing"
)

// TestOwnerChoices: the roster's people, each once, alphabetical in any
// script, narrowed to what is typed unless it already names one.
func TestOwnerChoices(t *testing.T) {
	r := Roster{People: []Person{
		{ID: "1", Name: "zoë Brandt"}, {ID: "2", Name: "Émile Roux"}, {ID: "3", Name: "Anna  Berg"},
		{ID: "4", Name: "Eva Lind"}, {ID: "5", Name: "Anna Berg"}, {ID: "6", Name: "Дмитрий Орлов"}, {ID: "7", Name: " "},
	}}
	all := []string{"Anna Berg", "Émile Roux", "Eva Lind", "zoë Brandt", "Дмитрий Орлов"}
	for _, tc := range []struct {
		typed string
		want  []string
	}{
		{"", all},
		{"  ", all},
		{"an", []string{"Anna Berg", "zoë Brandt"}},
		{"ROUX", []string{"Émile Roux"}},
		{"орл", []string{"Дмитрий Орлов"}},
		{"eva lind", all}, // a name chosen: the others are still offered
		{"Supplier X", nil},
	} {
		if got := OwnerChoices(r, tc.typed); !slices.Equal(got, tc.want) {
			t.Errorf("typed %q: %q, want %q", tc.typed, got, tc.want)
		}
	}
	if got := OwnerChoices(Roster{}, "x"); len(got) != 0 {
		t.Errorf("an empty roster offers %q", got)
	}
}
