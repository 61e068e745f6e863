package assessment

import (
	"slices"
	"strings"
	"testing"
)

func TestHealthyRosterHasNoGaps(t *testing.T) {
	r := healthyRoster(8)
	addPeople(&r, 0)
	if gaps := RoleGaps(r, SAFe); len(gaps) != 0 {
		t.Errorf("healthy roster has gaps: %+v", gaps)
	}
	if gaps := RoleGaps(Roster{}, SAFe); gaps != nil {
		t.Errorf("empty roster has gaps: %+v", gaps)
	}
}

// TestRoleGapRules gives every rule a roster where it fires and one where it
// does not, each as close to the boundary as the rule allows.
func TestRoleGapRules(t *testing.T) {
	without := func(role ARTRole) func(*Roster) {
		return func(r *Roster) {
			r.Roles = slices.DeleteFunc(r.Roles, func(ra RoleAssignment) bool { return ra.Role == role })
		}
	}
	vacant := func(role ARTRole) func(*Roster) {
		return func(r *Roster) {
			for i := range r.Roles {
				if r.Roles[i].Role == role {
					r.Roles[i].PersonID = ""
				}
			}
		}
	}
	alsoVacant := func(role ARTRole) func(*Roster) { // one holder and one vacancy: held
		return func(r *Roster) { r.Roles = append(r.Roles, RoleAssignment{Role: role}) }
	}
	tests := []struct {
		rule    string
		name    string
		change  func(*Roster)
		fires   bool
		subject string
		finding string
	}{
		{"RG-01", "no facilitator", without(RoleFacilitator), true, "Release Train Engineer (RTE)", "Nobody holds the Release Train Engineer (RTE) role."},
		{"RG-01", "facilitator vacant", vacant(RoleFacilitator), true, "Release Train Engineer (RTE)", "The Release Train Engineer (RTE) role is vacant."},
		{"RG-01", "facilitator held, second post vacant", alsoVacant(RoleFacilitator), false, "", ""},
		{"RG-02", "no product management", without(RoleProductManagement), true, "Product Management", "Nobody holds the Product Management role."},
		{"RG-02", "product management vacant", vacant(RoleProductManagement), true, "Product Management", "vacant"},
		{"RG-02", "product management held", alsoVacant(RoleProductManagement), false, "", ""},
		{"RG-03", "no system architect", without(RoleSystemArchitect), true, "System Architect", "Nobody holds the System Architect role."},
		{"RG-03", "system architect held", func(*Roster) {}, false, "", ""},
		{"RG-04", "no business owner", without(RoleBusinessOwner), true, "Business Owners", "Nobody in the roster is one of the Business Owners."},
		{"RG-04", "business owner held", alsoVacant(RoleBusinessOwner), false, "", ""},
		{"RG-05", "no agile coach", vacant(RoleAgileCoach), true, "Agile Coach", "The Agile Coach role is vacant."},
		{"RG-05", "agile coach held", func(*Roster) {}, false, "", ""},
		{"RG-06", "team without scrum master", func(r *Roster) { r.Teams[2].ScrumMasterID = "" }, true, "Team 03", "Team 03 has no Scrum Master."},
		{"RG-06", "every team has one", func(*Roster) {}, false, "", ""},
		{"RG-07", "team without product owner", func(r *Roster) { r.Teams[4].ProductOwnerID = "" }, true, "Team 05", "Team 05 has no Product Owner."},
		{"RG-07", "every team has one", func(*Roster) {}, false, "", ""},
		{"RG-08", "scrum master of three teams", func(r *Roster) {
			r.Teams[1].ScrumMasterID, r.Teams[2].ScrumMasterID = "sm01", "sm01"
		}, true, "Scrum Master 01", "Scrum Master 01 is Scrum Master of 3 teams: Team 01, Team 02, Team 03."},
		{"RG-08", "scrum master of two teams", func(r *Roster) { r.Teams[1].ScrumMasterID = "sm01" }, false, "", ""},
		{"RG-09", "product owner of three teams", func(r *Roster) {
			r.Teams[5].ProductOwnerID, r.Teams[6].ProductOwnerID = "po05", "po05"
		}, true, "Product Owner 05", "Product Owner 05 is Product Owner of 3 teams: Team 05, Team 06, Team 07."},
		{"RG-09", "product owner of two teams", func(r *Roster) { r.Teams[5].ProductOwnerID = "po05" }, false, "", ""},
		{"RG-10", "scrum master and product owner of one team", func(r *Roster) { r.Teams[0].ProductOwnerID = "sm01" }, true, "Scrum Master 01", "Scrum Master 01 is Scrum Master of Team 01 and Product Owner of Team 01."},
		{"RG-10", "product owner who is scrum master elsewhere", func(r *Roster) { r.Teams[3].ScrumMasterID = "po01" }, true, "Product Owner 01", "Product Owner 01 is Scrum Master of Team 04 and Product Owner of Team 01."},
		{"RG-10", "separate people", func(*Roster) {}, false, "", ""},
		{"RG-11", "team of four", func(r *Roster) { r.Teams[1].DeveloperIDs = r.Teams[1].DeveloperIDs[:2] }, true, "Team 02", "Team 02 has 4 people, outside 5–11."},
		{"RG-11", "team of twelve", func(r *Roster) {
			r.Teams[1].DeveloperIDs = append(r.Teams[1].DeveloperIDs, "e1", "e2", "e3", "e4", "e5")
		}, true, "Team 02", "Team 02 has 12 people, outside 5–11."},
		{"RG-11", "team of five", func(r *Roster) { r.Teams[1].DeveloperIDs = r.Teams[1].DeveloperIDs[:3] }, false, "", ""},
		{"RG-11", "team of eleven, scrum master also listed as developer", func(r *Roster) {
			r.Teams[1].DeveloperIDs = append(r.Teams[1].DeveloperIDs, "e1", "e2", "e3", "e4", "sm02")
		}, false, "", ""},
		{"RG-12", "team lacking testing", func(r *Roster) { r.Teams[6].Skills = []string{"Software engineering", "UI/UX", "Technical writing"} }, true, "Team 07", "Team 07 lacks Testing."},
		{"RG-12", "skills typed loosely", func(r *Roster) {
			r.Teams[6].Skills = []string{" software  engineering", "TESTING", "ui/ux", "Technical Writing"}
		}, false, "", ""},
		{"RG-12", "coach's own required skills", func(r *Roster) {
			r.RequiredSkills = []string{"Testing", "Data science", " "}
		}, true, "Team 01", "Team 01 lacks Data science."},
		{"RG-13", "four teams", func(r *Roster) { r.Teams = r.Teams[:4] }, true, "The train", "The ART has 4 teams. Below 5 teams the train's events cost more than they return: merge it"},
		{"RG-13", "thirteen teams", func(r *Roster) { r.Teams = healthyRoster(13).Teams }, true, "The train", "The ART has 13 teams. Above 12 teams the train is too big to plan together: split it around its value streams into trains of 5 to 12 teams"},
		{"RG-13", "five teams", func(r *Roster) { r.Teams = r.Teams[:5] }, false, "", ""},
		{"RG-14", "47 people", func(r *Roster) {
			r.People = r.People[:len(r.People)-20] // team members stay counted through their teams
			r.Teams = r.Teams[:6]
		}, true, "The train", "The ART has 47 people. A train of fewer than 50 people"},
		{"RG-14", "126 people", func(r *Roster) { addPeople(r, 65) }, true, "The train", "The ART has 126 people. A train of more than about 125 people"},
		{"RG-14", "125 people", func(r *Roster) { addPeople(r, 64) }, false, "", ""},
		{"RG-15", "no value stream map", func(r *Roster) { r.ValueStreamMap = false }, true, "The train", "The train has no value stream map."},
		{"RG-15", "value stream map", func(*Roster) {}, false, "", ""},
		{"RG-16", "RTE also Scrum Master of a team", func(r *Roster) { r.Teams[0].ScrumMasterID = "p-facilitator" }, true, "Holder of facilitator", "Holder of facilitator is RTE and Scrum Master of Team 01. In SAFe the RTE is a full-time train role."},
		{"RG-16", "RTE also Product Owner", func(r *Roster) { r.Teams[3].ProductOwnerID = "p-facilitator" }, true, "Holder of facilitator", "Product Owner of Team 04"},
		{"RG-16", "RTE holds no team role", func(*Roster) {}, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.rule+" "+tt.name, func(t *testing.T) {
			r := healthyRoster(8) // 8 × 7 + 5 roles = 61 people
			tt.change(&r)
			gaps := RoleGaps(r, SAFe)
			var hit *RoleGap
			for i := range gaps {
				if gaps[i].Rule == tt.rule && hit == nil {
					hit = &gaps[i]
				}
			}
			if !tt.fires {
				if hit != nil {
					t.Fatalf("%s fired: %+v", tt.rule, *hit)
				}
				return
			}
			if hit == nil {
				t.Fatalf("%s did not fire; gaps %v", tt.rule, gapRules(gaps))
			}
			if hit.Subject != tt.subject || !strings.Contains(hit.Finding, tt.finding) {
				t.Errorf("got subject %q, finding %q; want %q, %q", hit.Subject, hit.Finding, tt.subject, tt.finding)
			}
			rule := RoleGapRuleByID(tt.rule)
			if hit.Severity != rule.Severity || hit.Explanation == "" || strings.Contains(hit.Explanation, "{") || hit.SubjectID == "" {
				t.Errorf("gap %+v does not carry its rule's severity and words", *hit)
			}
		})
	}
}

func TestRoleGapsOrderAndWords(t *testing.T) {
	r := healthyRoster(8)
	r.ValueStreamMap = false                                            // RG-15: a SAFe rule, not Scrum@Scale's
	r.Teams[7].ProductOwnerID = ""                                      // RG-07 high
	r.Teams[1].ScrumMasterID, r.Teams[2].ScrumMasterID = "sm01", "sm01" // RG-08 medium
	r.Roles = r.Roles[1:]                                               // RG-01 high
	gaps := RoleGaps(r, ScrumAtScale)                                   // eight teams: more than a Scrum of Scrums of five (RG-13)
	want := []string{"RG-01", "RG-07", "RG-08", "RG-13"}
	if got := gapRules(gaps); !slices.Equal(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if !strings.Contains(gaps[0].Finding, "Scrum of Scrums Master (SoSM)") || !strings.Contains(gaps[0].Explanation, "SoSM") {
		t.Errorf("RG-01 does not use Scrum@Scale's words: %+v", gaps[0])
	}
	if RoleGapRuleByID("RG-99") != nil {
		t.Error("found a rule that does not exist")
	}
	for i, rule := range RoleGapRules {
		if rule.Title == "" || rule.Explanation == "" || rule.Action == "" || rule.Acceptance == "" || rule.find == nil {
			t.Errorf("%s lacks words or a finder", rule.ID)
		}
		if i > 0 && rule.ID <= RoleGapRules[i-1].ID {
			t.Errorf("%s out of order", rule.ID)
		}
	}
}

func TestPersonNameFallsBackToID(t *testing.T) {
	r := healthyRoster(6)
	r.Teams[0].ScrumMasterID, r.Teams[1].ScrumMasterID, r.Teams[2].ScrumMasterID = "ghost", "ghost", "ghost"
	gaps := RoleGaps(r, SAFe)
	if i := slices.IndexFunc(gaps, func(g RoleGap) bool { return g.Rule == "RG-08" }); i < 0 || gaps[i].Subject != "ghost" {
		t.Errorf("gaps %+v", gaps)
	}
	if plural(1, "team", "teams") != "team" {
		t.Error("plural")
	}
}

// TestRoleGapsFollowTheFramework: the same roster read in each framework
// gets that framework's rules, sizes and words, and none of another's.
func TestRoleGapsFollowTheFramework(t *testing.T) {
	tests := []struct {
		name   string
		f      Framework
		change func(*Roster)
		want   []string // the rules that fire
		words  []string // in the findings
		never  []string // in no finding or explanation
	}{
		{"SAFe train of eight without architect or map", SAFe, func(r *Roster) {
			r.Roles = slices.DeleteFunc(r.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleSystemArchitect })
			r.ValueStreamMap = false
		}, []string{"RG-03", "RG-15"}, []string{"System Architect"}, []string{"SoSM", "Scaled Daily Scrum", "Executive Action Team"}},
		{"Scrum@Scale of eight without architect or map", ScrumAtScale, func(r *Roster) {
			r.Roles = slices.DeleteFunc(r.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleSystemArchitect })
			r.ValueStreamMap = false
		}, []string{"RG-13"}, []string{"Scrum of Scrum of Scrums", "about 5 teams"}, []string{"System Architect", "RTE", "PI Planning", "ART", "50", "merge"}},
		{"Scrum@Scale of five, SoSM is one team's Scrum Master", ScrumAtScale, func(r *Roster) {
			r.Teams = r.Teams[:5]
			r.Teams[0].ScrumMasterID = "p-facilitator"
		}, nil, nil, nil},
		{"Scrum@Scale SoSM is Scrum Master of two teams", ScrumAtScale, func(r *Roster) {
			r.Teams = r.Teams[:5]
			r.Teams[0].ScrumMasterID, r.Teams[1].ScrumMasterID = "p-facilitator", "p-facilitator"
		}, []string{"RG-16"}, []string{"SoSM and Scrum Master of Team 01 and Team 02", "one team, not of more"}, []string{"RTE"}},
		{"Scrum@Scale without leaders", ScrumAtScale, func(r *Roster) {
			r.Teams = r.Teams[:5]
			r.Roles = slices.DeleteFunc(r.Roles, func(ra RoleAssignment) bool { return ra.Role == RoleBusinessOwner })
		}, []string{"RG-04"}, []string{"Executive Action Team"}, []string{"Business Owner"}},
		{"Other: only the rules that hold everywhere", OtherFramework, func(r *Roster) {
			r.Roles = nil
			r.ValueStreamMap = false
			r.Teams = healthyRoster(14).Teams
		}, []string{"RG-01"}, []string{"scaled facilitator"}, []string{"RTE", "SoSM", "System Architect", "Business Owner", "value stream"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := healthyRoster(8)
			tt.change(&r)
			gaps := RoleGaps(r, tt.f)
			if got := gapRules(gaps); !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Fatalf("rules %v, want %v: %+v", got, tt.want, gaps)
			}
			var text strings.Builder
			for _, g := range gaps {
				text.WriteString(g.Finding + " " + g.Explanation + "\n")
			}
			for _, w := range tt.words {
				if !strings.Contains(text.String(), w) {
					t.Errorf("no %q in %s", w, text.String())
				}
			}
			for _, w := range tt.never {
				if strings.Contains(text.String(), w) {
					t.Errorf("%q in a %s train's gaps: %s", w, tt.f, text.String())
				}
			}
		})
	}
}
