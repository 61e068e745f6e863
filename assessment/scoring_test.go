package assessment

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
)

// smallDefs is a hand-made set of definitions whose scores can be worked
// out on paper.
func smallDefs() *Definitions {
	levels := func(n int) []Level {
		var ls []Level
		for i := 1; i <= n; i++ {
			ls = append(ls, Level{Value: i, Label: "L", Descriptor: "D"})
		}
		return ls
	}
	return &Definitions{
		Version:    "t",
		Dimensions: []Dimension{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}},
		Checklists: []Checklist{
			{ID: ChecklistFit, Title: "Fit", Items: []Item{
				{ID: "f1", Kind: Indication, Weight: 1, Levels: levels(5)},
			}},
			{ID: ChecklistEffectiveness, Title: "Eff", Items: []Item{
				{ID: "e1", Kind: Practice, Weight: 3, Dimension: "a", Levels: levels(5)},
				{ID: "e2", Kind: Practice, Weight: 1, Dimension: "b", Levels: levels(3)},
				{ID: "e3", Kind: Measure, Weight: 2, Dimension: "a", Levels: levels(5),
					Figure: &FigureSpec{Unit: "days", Source: "median-open-age-days", Bands: []Band{{Level: 5, Max: ptr(7.0)}, {Level: 3, Max: ptr(30.0)}, {Level: 1}}}},
			}},
			{ID: ChecklistRoles, Title: "Roles", Items: []Item{
				{ID: "r1", Kind: Practice, Weight: 1, Dimension: "b", Levels: levels(5)},
			}},
			{ID: ChecklistImpediments, Title: "Imp", Items: []Item{
				{ID: "i1", Kind: Practice, Weight: 1, Dimension: "b", Levels: levels(5)},
			}},
		},
	}
}

func TestScoresOnPaper(t *testing.T) {
	d := smallDefs()
	fig := 20.0
	a := &Assessment{Date: testDate, Answers: map[string]Answer{
		"e1": {Rating: 4},                 // 0.75 × 3
		"e2": {Rating: 2},                 // 0.5 × 1
		"e3": {Figure: &fig},              // 20 days → level 3 → 0.5 × 2
		"r1": {Rating: NotApplicable},     // left out
		"i1": {Rating: 5},                 // 1
		"f1": {Rating: DontKnow},          // left out
		"zz": {Rating: 3, Note: "orphan"}, // no such item: ignored
	}}
	r := Evaluate(d, Train{}, a)
	eff, _ := r.Checklist(ChecklistEffectiveness)
	if want := 100 * (0.75*3 + 0.5*1 + 0.5*2) / 6; math.Abs(eff.Score.Value-want) > 1e-9 || eff.Score.Rated != 3 || eff.Score.Total != 3 {
		t.Errorf("effectiveness %+v, want %v", eff.Score, want)
	}
	roles, _ := r.Checklist(ChecklistRoles)
	if roles.Score.Known() || roles.Score.NA != 1 || roles.Score.Answered() != 0 {
		t.Errorf("roles %+v", roles.Score)
	}
	fit, _ := r.Checklist(ChecklistFit)
	if fit.Score.DontKnow != 1 || fit.Score.Known() {
		t.Errorf("fit %+v", fit.Score)
	}
	// Overall: mean of the known maturity checklists (effectiveness 66.67, impediments 100).
	if want := (100*(0.75*3+0.5+1)/6 + 100) / 2; math.Abs(r.Overall.Value-want) > 1e-9 {
		t.Errorf("overall %v, want %v", r.Overall.Value, want)
	}
	if r.Overall.Total != 5 || r.Overall.Rated != 4 || r.Overall.NA != 1 {
		t.Errorf("overall counts %+v", r.Overall)
	}
	// Dimension a: e1 and e3; b: e2, r1 (N/A), i1.
	if got, want := r.Dimensions[0].Score.Value, 100*(0.75*3+0.5*2)/5; math.Abs(got-want) > 1e-9 {
		t.Errorf("dimension a %v, want %v", got, want)
	}
	if got, want := r.Dimensions[1].Score.Value, 100*(0.5+1)/2; math.Abs(got-want) > 1e-9 || r.Dimensions[1].Score.Total != 3 {
		t.Errorf("dimension b %v (%+v), want %v", got, r.Dimensions[1].Score, want)
	}
	is, ok := r.Item("e3")
	if !ok || is.Source != FromFigure || is.Rating != 3 || *is.Figure != 20 {
		t.Errorf("e3 %+v", is)
	}
	if _, ok := r.Item("zz"); ok {
		t.Error("found an item that is not defined")
	}
	if _, ok := r.Checklist("zz"); ok {
		t.Error("found a checklist that is not defined")
	}
	if (Score{}).Answered() != 0 {
		t.Error("empty score answered")
	}
}

func TestWhereALevelComesFrom(t *testing.T) {
	d := smallDefs()
	reg := []Impediment{{ID: "x", Status: StatusOpen, Raised: day(5)}}
	fig := 45.0
	tests := []struct {
		name     string
		ans      Answer
		register []Impediment
		rating   Rating
		source   ScoreSource
	}{
		{"unanswered, no register", Answer{}, nil, Unanswered, ""},
		{"unanswered, register", Answer{}, reg, 5, FromRegister},
		{"figure beats register", Answer{Figure: &fig}, reg, 1, FromFigure},
		{"rating beats figure", Answer{Rating: 4, Figure: &fig}, reg, 4, FromRating},
		{"not applicable beats figure and register", Answer{Rating: NotApplicable, Figure: &fig}, reg, NotApplicable, ""},
		{"don't know beats register", Answer{Rating: DontKnow}, reg, DontKnow, ""},
		{"rating off the scale is unanswered", Answer{Rating: 9}, nil, Unanswered, ""},
		{"figure that is no number", Answer{Figure: ptr(math.NaN())}, reg, Unanswered, ""},
	}
	for _, tt := range tests {
		a := &Assessment{Date: testDate, Register: tt.register, Answers: map[string]Answer{"e3": tt.ans}}
		is, _ := Evaluate(d, Train{}, a).Item("e3")
		if is.Rating != tt.rating || is.Source != tt.source {
			t.Errorf("%s: got %d from %q, want %d from %q", tt.name, is.Rating, is.Source, tt.rating, tt.source)
		}
	}
}

func TestMaturityLevels(t *testing.T) {
	tests := []struct {
		score Score
		want  int
	}{
		{Score{Value: 0, Rated: 10, Total: 10}, 1},
		{Score{Value: 29.99, Rated: 10, Total: 10}, 1},
		{Score{Value: 30, Rated: 10, Total: 10}, 2},
		{Score{Value: 50, Rated: 10, Total: 10}, 3},
		{Score{Value: 69.9, Rated: 10, Total: 10}, 3},
		{Score{Value: 70, Rated: 10, Total: 10}, 4},
		{Score{Value: 85, Rated: 10, Total: 10}, 5},
		{Score{Value: 100, Rated: 5, NA: 10, Total: 20}, 5},       // 5 of 10 applicable rated
		{Score{Value: 100, Rated: 4, NA: 10, Total: 20}, 0},       // 4 of 10: too little
		{Score{Value: 100, Rated: 0, Total: 20}, 0},               // nothing rated
		{Score{Value: 100, Rated: 0, NA: 20, Total: 20}, 0},       // everything N/A
		{Score{Value: 60, Rated: 10, DontKnow: 10, Total: 20}, 3}, // don't know counts as applicable
	}
	for _, tt := range tests {
		if got := LevelFor(tt.score); got.Number != tt.want {
			t.Errorf("LevelFor(%+v) = %d %s, want %d", tt.score, got.Number, got.Name, tt.want)
		}
	}
	for i, l := range MaturityLevels {
		if l.Number != i+1 || l.Name == "" || l.Description == "" {
			t.Errorf("level %d: %+v", i+1, l)
		}
		if i > 0 && l.MinScore <= MaturityLevels[i-1].MinScore {
			t.Errorf("level %d threshold does not rise", l.Number)
		}
	}
}

func TestEvaluateWithoutInput(t *testing.T) {
	r := Evaluate(nil, Train{}, nil)
	if r.Level.Number != 0 || len(r.Checklists) != 0 {
		t.Errorf("%+v", r)
	}
	r = Evaluate(loadDefs(t), Train{}, nil)
	if r.Overall.Known() || r.Verdict.Kind != Undecided || len(r.Checklists) != 4 {
		t.Errorf("empty assessment: %+v", r.Overall)
	}
}

func TestSummarize(t *testing.T) {
	d := loadDefs(t)
	tr, _, _, a := Sample(testDate)
	r := Evaluate(d, tr, &a)
	s := Summarize(r)
	if s.Score != r.Overall.Value || !s.Known || s.Level != r.Level.Number || s.LevelName != r.Level.Name || s.Verdict != r.Verdict.Kind {
		t.Errorf("summary %+v of %+v", s, r.Level)
	}
}

// randomAnswers rates a random half of the items, marks a few N/A or don't
// know, and enters figures on some measures.
func randomAnswers(d *Definitions, rng *rand.Rand) map[string]Answer {
	m := map[string]Answer{}
	for _, c := range d.Checklists {
		for _, it := range c.Items {
			switch x := rng.IntN(10); {
			case x < 5:
				m[it.ID] = Answer{Rating: Rating(1 + rng.IntN(len(it.Levels)))}
			case x == 5:
				m[it.ID] = Answer{Rating: NotApplicable}
			case x == 6:
				m[it.ID] = Answer{Rating: DontKnow}
			case x == 7 && it.Figure != nil:
				v := rng.Float64() * 120
				m[it.ID] = Answer{Figure: &v}
			}
		}
	}
	return m
}

// withoutItem is the definitions with one item taken out, as if it had never
// been asked.
func withoutItem(d *Definitions, id string) *Definitions {
	out := &Definitions{Version: d.Version, Dimensions: d.Dimensions}
	for _, c := range d.Checklists {
		cc := c
		cc.Items = nil
		for _, it := range c.Items {
			if it.ID != id {
				cc.Items = append(cc.Items, it)
			}
		}
		out.Checklists = append(out.Checklists, cc)
	}
	return out
}

func scoreValues(r Results) []float64 {
	v := []float64{r.Overall.Value}
	for _, c := range r.Checklists {
		v = append(v, c.Score.Value)
	}
	for _, dim := range r.Dimensions {
		v = append(v, dim.Score.Value)
	}
	return v
}

// TestNotApplicableNeverChangesAScore: answering an item "not applicable" or
// "don't know" gives exactly the scores the item would give had it never
// been asked, whatever else is answered and whatever the register says.
func TestNotApplicableNeverChangesAScore(t *testing.T) {
	d := loadDefs(t)
	tr, _, _, sample := Sample(testDate)
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 8; round++ {
		a := sample
		if round > 0 {
			a.Answers = randomAnswers(d, rng)
		}
		for _, c := range d.Checklists {
			for _, it := range c.Items {
				base := Evaluate(withoutItem(d, it.ID), tr, &a)
				for _, r := range []Rating{NotApplicable, DontKnow} {
					b := a
					b.Answers = cloneAnswers(a.Answers)
					fig := 3.0
					b.Answers[it.ID] = Answer{Rating: r, Figure: &fig}
					got := Evaluate(d, tr, &b)
					if !sameFloats(scoreValues(got), scoreValues(base)) {
						t.Fatalf("round %d: %s answered %d moved a score: %v vs %v", round, it.ID, r, scoreValues(got), scoreValues(base))
					}
				}
			}
		}
	}
}

// TestRaisingAnAnswerNeverLowersItsChecklist: moving one item towards the
// favourable end of its scale (up, or down on a contra-indication) never
// lowers its checklist's score, nor its dimension's.
func TestRaisingAnAnswerNeverLowersItsChecklist(t *testing.T) {
	d := loadDefs(t)
	tr, _, _, sample := Sample(testDate)
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 6; round++ {
		a := sample
		if round > 0 {
			a.Answers = randomAnswers(d, rng)
		}
		for _, c := range d.Checklists {
			for _, it := range c.Items {
				prev := -1.0
				prevDim := -1.0
				for l := 1; l <= len(it.Levels); l++ {
					b := a
					b.Answers = cloneAnswers(a.Answers)
					rating := Rating(l)
					if it.Kind == ContraIndication {
						rating = Rating(len(it.Levels) + 1 - l)
					}
					b.Answers[it.ID] = Answer{Rating: rating}
					r := Evaluate(d, tr, &b)
					cs, _ := r.Checklist(c.ID)
					if cs.Score.Value < prev-1e-9 {
						t.Fatalf("round %d: moving %s to %d lowered %s from %v to %v", round, it.ID, l, c.ID, prev, cs.Score.Value)
					}
					prev = cs.Score.Value
					for _, dim := range r.Dimensions {
						if dim.DimensionID == it.Dimension {
							if dim.Score.Value < prevDim-1e-9 {
								t.Fatalf("raising %s lowered dimension %s", it.ID, dim.DimensionID)
							}
							prevDim = dim.Score.Value
						}
					}
				}
			}
		}
	}
}

// TestSameInputSameOutput: evaluating the same assessment twice gives the
// same results byte for byte, whatever order Go walks the maps in.
func TestSameInputSameOutput(t *testing.T) {
	d := loadDefs(t)
	var first []byte
	for i := 0; i < 20; i++ {
		tr, _, _, a := Sample(testDate)
		a.Answers = cloneAnswers(a.Answers) // a fresh map each time
		b, err := json.Marshal(Evaluate(d, tr, &a))
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b
			continue
		}
		if !bytes.Equal(b, first) {
			t.Fatalf("run %d differs", i)
		}
	}
	d2 := loadDefs(t) // loading again changes nothing either
	tr, _, _, a := Sample(testDate)
	b, _ := json.Marshal(Evaluate(d2, tr, &a))
	if !bytes.Equal(b, first) {
		t.Fatal("a second load of the definitions gives other results")
	}
}

func cloneAnswers(m map[string]Answer) map[string]Answer {
	c := make(map[string]Answer, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

func sameFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}
