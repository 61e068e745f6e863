package assessment

import (
	"slices"
	"testing"
)

// TestPlacesOf: where a person already is, in the framework's titles, train
// roles first, each kind of team place once with its teams.
func TestPlacesOf(t *testing.T) {
	r := Roster{
		People: []Person{{ID: "ana", Name: "Ana Lima"}, {ID: "bo", Name: "Bo Li"}, {ID: "cy", Name: "Cy Oduya"}, {ID: "di", Name: "Di Park"}},
		Roles:  []RoleAssignment{{Role: RoleFacilitator, PersonID: "bo"}, {Role: RoleAgileCoach}},
		Teams: []Team{
			{ID: "f", Name: "Team Falcon", ScrumMasterID: "ana", ProductOwnerID: "bo", DeveloperIDs: []string{"cy"}},
			{ID: "o", Name: "Team Orion", ScrumMasterID: "ana", DeveloperIDs: []string{"cy", "bo"}},
		},
	}
	for _, tc := range []struct {
		fw   Framework
		id   string
		want []string
	}{
		{SAFe, "ana", []string{"Scrum Master of Team Falcon, Team Orion"}},
		{SAFe, "bo", []string{RoleFacilitator.Title(SAFe), "Product Owner of Team Falcon", "developer in Team Orion"}},
		{ScrumAtScale, "bo", []string{RoleFacilitator.Title(ScrumAtScale), "Product Owner of Team Falcon", "developer in Team Orion"}},
		{SAFe, "cy", []string{"developer in Team Falcon, Team Orion"}},
		{SAFe, "di", nil},
		{SAFe, "", nil},     // a vacancy is nobody
		{SAFe, "gone", nil}, // not on the roster
	} {
		if got := PlacesOf(r, tc.fw, tc.id); !slices.Equal(got, tc.want) {
			t.Errorf("%s in %s: %q, want %q", tc.id, tc.fw, got, tc.want)
		}
	}
	if RoleFacilitator.Title(SAFe) == RoleFacilitator.Title(ScrumAtScale) {
		t.Fatalf("the frameworks name the facilitator alike; the test shows nothing")
	}
	if got := PlacesText(PlacesOf(r, SAFe, "bo")); got != "Release Train Engineer (RTE) · Product Owner of Team Falcon · developer in Team Orion" {
		t.Errorf("on one line: %q", got)
	}
	if got := PlacesText(nil); got != "" {
		t.Errorf("no places on one line: %q", got)
	}
}

// TestSortPeople: alphabetical whatever the script, accents and case aside,
// one name's people in the roster's order.
func TestSortPeople(t *testing.T) {
	people := []Person{
		{ID: "1", Name: "zoë Brandt"}, {ID: "2", Name: "Émile Roux"}, {ID: "3", Name: "anna berg"},
		{ID: "4", Name: "Eva Lind"}, {ID: "5", Name: "Anna Berg"}, {ID: "6", Name: "Дмитрий Орлов"},
		{ID: "7", Name: "Łukasz Wiśniewski"}, {ID: "8", Name: "Lena Fischer"}, {ID: "9", Name: "李伟"},
	}
	SortPeople(people)
	var got []string
	for _, p := range people {
		got = append(got, p.ID)
	}
	want := []string{"3", "5", "2", "4", "8", "7", "1", "6", "9"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted %v, want %v (%+v)", got, want, people)
	}
}

// TestNameMatches: what is typed is found anywhere in a name, case and
// accents aside, in any script.
func TestNameMatches(t *testing.T) {
	for _, tc := range []struct {
		name, typed string
		want        bool
	}{
		{"Bo Li", "li", true},
		{"Emília Santos", "li", true},
		{"Lí Wei", "LI", true},
		{"Ana Souza", "li", false},
		{"Łukasz Wiśniewski", "lukasz wis", true},
		{"Søren Østergaard", "oster", true},
		{"Jürgen Weiß", "weiss", true},
		{"Anaïs  Lefèvre", "anais lef", true},
		{"Дмитрий Орлов", "орл", true},
		{"Дмитрий Орлов", "ОРЛ", true},
		{"李伟", "伟", true},
		{"Anyone", "", true},
		{"Anyone", "  ", true},
		{"Bo Li", "lix", false},
	} {
		if got := NameMatches(tc.name, tc.typed); got != tc.want {
			t.Errorf("NameMatches(%q, %q) = %v", tc.name, tc.typed, got)
		}
	}
}
