package assessment

import (
	"strings"
	"testing"
)

func TestUpgradeAnswer(t *testing.T) {
	d := loadDefs(t)
	for old, now := range TurnedRound() {
		it, _ := d.Item(now)
		if it == nil || it.Kind != ContraIndication || len(it.Levels) != turnedRoundLevels {
			t.Fatalf("%s turns into %s, not a %d-level contra-indication of the definitions", old, now, turnedRoundLevels)
		}
		if o, _ := d.Item(old); o != nil {
			t.Errorf("the old id %s is still an item", old)
		}
		for r := Rating(1); r <= 5; r++ {
			id, got := UpgradeAnswer(old, r)
			if id != now || got != 6-r {
				t.Errorf("UpgradeAnswer(%s, %d) = %s, %d", old, r, id, got)
			}
			// Converted once: the new id passes unchanged.
			if id2, again := UpgradeAnswer(id, got); id2 != id || again != got {
				t.Errorf("upgrading %s %d twice gives %s %d", id, got, id2, again)
			}
		}
		for _, r := range []Rating{NotApplicable, DontKnow, Unanswered} {
			if _, got := UpgradeAnswer(old, r); got != r {
				t.Errorf("UpgradeAnswer(%s, %d) = %d, want it kept", old, r, got)
			}
		}
		if got := UpgradeRecommendationID("RV-02/" + old); got != "RV-02/"+now {
			t.Errorf("recommendation id %s", got)
		}
	}
	if id, r := UpgradeAnswer("fit.shared-product.v1", 2); id != "fit.shared-product.v1" || r != 2 {
		t.Errorf("an item that did not turn round changed: %s %d", id, r)
	}
	if got := UpgradeRecommendationID("RG-03/system-architect"); got != "RG-03/system-architect" {
		t.Errorf("recommendation id %s", got)
	}
}

// Every statement of the fit checklist reads the same way: level 1 is not
// seen or absent, and a coach who rates each statement by how true it is
// gets the verdict the train's situation calls for.
func TestRatedByHowTrueItIs(t *testing.T) {
	d := loadDefs(t)
	for _, it := range d.Checklist(ChecklistFit).Items {
		if it.Kind == ContraIndication && it.ID != itemFewTeams && it.Levels[0].Label != "Absent" {
			t.Errorf("%s: level 1 is %q, want Absent", it.ID, it.Levels[0].Label)
		}
	}
	truth := func(signsFor, signsAgainst Rating, also map[string]Rating) Verdict {
		a := &Assessment{Date: testDate, Roster: healthyRoster(8), Answers: fitAnswers(d, signsFor, signsAgainst, also)}
		return Evaluate(d, Train{Framework: SAFe}, a).Verdict
	}
	// Shared work strongly true, nothing against it true.
	if v := truth(5, 1, nil); v.Kind != Recommended {
		t.Errorf("every sign for true, none against: %s", v.Kind)
	}
	// "The teams are independent" is fully true, and nothing shows need.
	if v := truth(1, 1, map[string]Rating{itemIndependent: 5}); v.Kind != NotRecommended || !strings.Contains(v.Headline, "decisive") {
		t.Errorf("independent teams, fully true: %s %q", v.Kind, v.Headline)
	}
	// A decisive statement that holds largely (4) decides, even against a strong need.
	for _, id := range []string{itemIndependent, itemTeamScrumWeak, itemFewTeams} {
		for _, r := range []Rating{4, 5} {
			if v := truth(5, 1, map[string]Rating{id: r}); v.Kind != NotRecommended {
				t.Errorf("%s rated %d: %s", id, r, v.Kind)
			}
		}
		if v := truth(5, 1, map[string]Rating{id: 3}); v.Kind != RecommendedConditions {
			t.Errorf("%s rated 3: %s", id, v.Kind)
		}
	}
	// The leaders are truly not empowered: a condition, not a veto.
	if v := truth(5, 1, map[string]Rating{itemNoLeaders: 5}); v.Kind != RecommendedConditions {
		t.Errorf("no empowered leaders, true: %s", v.Kind)
	}
}
