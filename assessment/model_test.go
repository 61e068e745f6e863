package assessment

import "testing"

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
