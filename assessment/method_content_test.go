package assessment

import (
	"strings"
	"testing"
)

// TestMethodNamesEveryRule: the method document states every rule with its
// ID, every item with its ID, and the thresholds.
func TestMethodNamesEveryRule(t *testing.T) {
	d := loadDefs(t)
	md := Method(d)
	var want []string
	for _, rules := range [][]Rule{VerdictRules, WayToStartRules, RecommendationRules} {
		for _, r := range rules {
			want = append(want, "| "+r.ID+" | ")
		}
	}
	for _, r := range RoleGapRules {
		want = append(want, "| "+r.ID+" | "+r.Severity.String())
	}
	for _, c := range d.Checklists {
		for _, it := range c.Items {
			want = append(want, "`"+it.ID+"`")
		}
	}
	for _, l := range MaturityLevels {
		want = append(want, l.Name)
	}
	want = append(want, "version "+d.Version, "at most 7 days → 5", "at least 90% → 5", "weight 3")
	for _, w := range want {
		if !strings.Contains(md, w) {
			t.Errorf("method lacks %q", w)
		}
	}
	for _, ph := range []string{"{facilitator}", "{a-facilitator}", "{A-facilitator}", "{sync}", "{leaders}"} {
		want := 1
		if ph == "{A-facilitator}" {
			want = 0 // the table shows the lower-case form only
		}
		if n := strings.Count(md, ph); n != want {
			t.Errorf("%s appears %d times; only the table that explains it should show it", ph, n)
		}
	}
	if m := Method(nil); !strings.Contains(m, "## Role gaps") || strings.Contains(m, "## Checklists") {
		t.Error("method without definitions")
	}
	if cell("a | b\nc") != `a \| b c` {
		t.Errorf("cell: %q", cell("a | b\nc"))
	}
}

// TestMethodNamesLevelsInTheFrameworksWords: the escalation of a rule and of
// an item's advice is written in the framework's words ("Scrum of Scrums"),
// never as the stored value ("art").
func TestMethodNamesLevelsInTheFrameworksWords(t *testing.T) {
	d := loadDefs(t)
	for _, f := range Frameworks {
		md := MethodFor(d, f)
		for _, l := range ImpedimentLevels {
			for _, raw := range []string{"| " + string(l) + " |", "escalation: " + string(l) + ";"} {
				if strings.Contains(md, raw) {
					t.Errorf("%s: the method writes the level as %q, not as %q", f.Def().Name, raw, f.LevelTitle(l))
				}
			}
		}
		if want := "| " + f.LevelTitle(LevelART) + " |"; !strings.Contains(md, want) {
			t.Errorf("%s: the rule tables never name the train level as %q", f.Def().Name, want)
		}
	}
}
