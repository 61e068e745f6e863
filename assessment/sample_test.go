package assessment

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestSample(t *testing.T) {
	d := loadDefs(t)
	tr, roster, reg, a := Sample(testDate)
	if !strings.Contains(strings.ToLower(tr.Name), "sample") || tr.Framework != SAFe || tr.ID != "" || !tr.CreatedAt.IsZero() {
		t.Errorf("train %+v", tr)
	}
	if len(roster.Teams) != 8 || len(reg) < 10 || len(reg) > 15 {
		t.Errorf("%d teams, %d impediments", len(roster.Teams), len(reg))
	}
	accents := 0
	for _, p := range roster.People {
		for _, r := range p.Name {
			if r > unicode.MaxASCII {
				accents++
				break
			}
		}
	}
	if accents < 10 {
		t.Errorf("only %d names with letters beyond ASCII", accents)
	}
	if a.Status != Final || !a.Date.Equal(testDate) || a.PI == "" || a.ChecklistVersion != d.Version || a.Assessor == "" {
		t.Errorf("assessment header %+v", a)
	}
	if !reflect.DeepEqual(a.Roster, roster) || !reflect.DeepEqual(a.Register, reg) {
		t.Error("the assessment's copy differs from the train's roster and register")
	}
	a.Roster.Teams[0].DeveloperIDs[0] = "changed"
	a.Register[0].Title = "changed"
	if roster.Teams[0].DeveloperIDs[0] == "changed" || reg[0].Title == "changed" {
		t.Error("the assessment shares its roster or register with the train")
	}

	// Every answer names an item; every item is answered, or left to the register.
	r := Evaluate(d, tr, &a)
	for id := range a.Answers {
		if it, _ := d.Item(id); it == nil {
			t.Errorf("answer to unknown item %s", id)
		}
	}
	var na, dk, notes int
	for _, is := range r.Items {
		ans, answered := a.Answers[is.ItemID]
		switch {
		case is.Rating == NotApplicable:
			na++
		case is.Rating == DontKnow:
			dk++
		case !is.Rating.Rated():
			t.Errorf("item %s is unanswered", is.ItemID)
		case !answered && is.Source != FromRegister:
			t.Errorf("item %s has a level from nowhere", is.ItemID)
		}
		if ans.Note != "" {
			notes++
		}
	}
	if na == 0 || dk == 0 || notes < 5 {
		t.Errorf("%d not applicable, %d don't know, %d notes", na, dk, notes)
	}
	for _, c := range ChecklistIDs {
		if a.Notes[c] == "" {
			t.Errorf("no note on %s", c)
		}
	}

	// The review edits recommendations that are derived, so they show.
	for id := range a.Review.Edits {
		rec, ok := findRec(r.Recommendations, id)
		if !ok {
			t.Errorf("edit to %s, which is not derived", id)
			continue
		}
		if rec.Status == Proposed {
			t.Errorf("edit to %s did not apply", id)
		}
	}
	if r.Verdict.Kind != RecommendedConditions || r.Level.Number != 2 {
		t.Errorf("sample: verdict %s, level %d", r.Verdict.Kind, r.Level.Number)
	}

	// The same date gives the same sample.
	tr2, roster2, reg2, a2 := Sample(testDate)
	if !reflect.DeepEqual(tr, tr2) || !reflect.DeepEqual(roster, roster2) || !reflect.DeepEqual(reg, reg2) || !reflect.DeepEqual(a2.Answers, a.Answers) {
		t.Error("Sample is not deterministic")
	}
}
