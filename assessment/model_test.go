package assessment

import (
	"strings"
	"testing"
	"time"
)

func TestRosterCloneSharesNothing(t *testing.T) {
	r := healthyRoster(2)
	r.RequiredSkills = []string{"Testing"}
	c := r.Clone()
	c.People[0].Name = "changed"
	c.Roles[0].PersonID = "changed"
	c.RequiredSkills[0] = "changed"
	c.Teams[0].Name = "changed"
	c.Teams[0].DeveloperIDs[0] = "changed"
	c.Teams[0].Skills[0] = "changed"
	if r.People[0].Name == "changed" || r.Roles[0].PersonID == "changed" || r.RequiredSkills[0] == "changed" ||
		r.Teams[0].Name == "changed" || r.Teams[0].DeveloperIDs[0] == "changed" || r.Teams[0].Skills[0] == "changed" {
		t.Error("changing the clone changed the original")
	}
	if (Roster{}).Clone().Teams != nil {
		t.Error("a roster without teams stays without teams")
	}
}

func TestSampleIsDatedOnADay(t *testing.T) {
	on := time.Date(2026, 11, 21, 17, 42, 5, 0, time.FixedZone("CET", 3600))
	_, _, _, a := Sample(on)
	if want := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC); !a.Date.Equal(want) {
		t.Errorf("the sample is dated %v, want the day %v", a.Date, want)
	}
}

func TestNamesOfRegisterValues(t *testing.T) {
	var got []string
	for _, l := range ImpedimentLevels {
		got = append(got, l.Title())
	}
	for _, s := range ImpedimentStatuses {
		got = append(got, s.Title())
	}
	for _, r := range ROAMs {
		got = append(got, r.Title())
	}
	want := "Team ART LACE Open In progress Resolved Resolved Owned Accepted Mitigated"
	if strings.Join(got, " ") != want {
		t.Errorf("names %q, want %q", strings.Join(got, " "), want)
	}
	if ROAMNone.Title() != "" || ImpedimentLevel("x").Title() != "x" || ImpedimentStatus("y").Title() != "y" {
		t.Error("no category names nothing; an unknown value shows as stored")
	}
}

func TestPriorityTitles(t *testing.T) {
	if got := strings.Join([]string{High.Title(), Medium.Title(), Low.Title()}, " "); got != "High Medium Low" {
		t.Errorf("priority titles %q", got)
	}
}
