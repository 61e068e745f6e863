package assessment

// How a train is scored is written once, in ScoringRules (method.go), for
// docs/method.md and the report; the code below does what it says.

// ScoreSource says where an item's level came from.
type ScoreSource string

// Where a level comes from.
const (
	FromRating   ScoreSource = "rating"   // the coach rated the item
	FromFigure   ScoreSource = "figure"   // the coach entered a figure; its band gave the level
	FromRegister ScoreSource = "register" // the register's figure gave the level
)

// ItemScore is how one item entered the scores.
type ItemScore struct {
	ItemID      string
	ChecklistID string
	Rating      Rating      // the level used (1…), or NotApplicable, DontKnow, Unanswered
	Source      ScoreSource // empty unless Rating is a level
	Figure      *float64    // the figure the level came from, if any
	Value       float64     // 0–1 when rated: (favour-1)/(levels-1), see Item.Favour
}

// MaturityLevels are the five named levels of a whole train, lowest first;
// each is reached at its MinScore.
var MaturityLevels = []MaturityLevel{
	{Number: 1, Name: "Forming", MinScore: 0,
		Description: "Teams work side by side rather than as a train. Coordination happens by accident, impediments wait where they arise, and the train's roles are missing or held in name only."},
	{Number: 2, Name: "Emerging", MinScore: 30,
		Description: "The train's events and roles exist but are uneven. Some coordination and escalation happen, and much still depends on a few individuals' goodwill."},
	{Number: 3, Name: "Practising", MinScore: 50,
		Description: "The train runs its events on a reliable rhythm, most roles are held, and impediments are visible and mostly moving. Integrated delivery and improvement across teams are not yet routine."},
	{Number: 4, Name: "Performing", MinScore: 70,
		Description: "The train delivers integrated increments predictably. Impediments climb the ladder and get resolved, and improvements spread from team to team."},
	{Number: 5, Name: "Self-improving", MinScore: 85,
		Description: "The train coordinates itself and learns as one. Leaders remove systemic impediments quickly, and the scaled facilitator coaches rather than coordinates."},
}

// NoLevel is given while too little is rated to name a level.
var NoLevel = MaturityLevel{Number: 0, Name: "Not enough evidence",
	Description: "Fewer than half of the applicable maturity items are rated; rate more before naming a level."}

// MinLevelEvidence is the share of applicable maturity items (those not
// marked not applicable) that must be rated before a level is named.
const MinLevelEvidence = 0.5

// LevelFor names the maturity level of an overall score. A score without
// enough evidence behind it gets NoLevel.
func LevelFor(overall Score) MaturityLevel {
	if !overall.Enough() {
		return NoLevel
	}
	level := MaturityLevels[0]
	for _, l := range MaturityLevels {
		if overall.Value >= l.MinScore {
			level = l
		}
	}
	return level
}

// scoring accumulates one score.
type scoring struct {
	score  Score
	sum, w float64
}

func (s *scoring) add(it *Item, is ItemScore) {
	s.score.Total++
	switch {
	case is.Rating.Rated():
		s.score.Rated++
		s.sum += it.Weight * is.Value
		s.w += it.Weight
	case is.Rating == NotApplicable:
		s.score.NA++
	case is.Rating == DontKnow:
		s.score.DontKnow++
	}
}

func (s *scoring) result() Score {
	if s.w > 0 {
		s.score.Value = 100 * s.sum / s.w
	}
	return s.score
}

// scoreItem reads the answer to one item: a rating on its scale first, then
// a figure the coach entered, then the register. Not applicable and don't
// know win over any figure, since the coach said the figure does not count.
func scoreItem(it *Item, checklistID string, ans Answer, figs RegisterFigures) ItemScore {
	is := ItemScore{ItemID: it.ID, ChecklistID: checklistID}
	n := len(it.Levels)
	switch r := ans.Rating; {
	case r == NotApplicable || r == DontKnow:
		is.Rating = r
		return is
	case r.Rated() && int(r) <= n:
		is.Rating, is.Source = r, FromRating
	case it.Figure != nil && ans.Figure != nil:
		if l := it.LevelForFigure(*ans.Figure); l > 0 {
			v := *ans.Figure
			is.Rating, is.Source, is.Figure = Rating(l), FromFigure, &v
		}
	case it.Figure != nil && it.Figure.Source != "":
		if v, ok := figs.Source(it.Figure.Source); ok {
			if l := it.LevelForFigure(v); l > 0 {
				is.Rating, is.Source, is.Figure = Rating(l), FromRegister, &v
			}
		}
	}
	if is.Rating.Rated() && n > 1 {
		is.Value = float64(it.Favour(is.Rating)-1) / float64(n-1)
	}
	return is
}

// Evaluate is everything that follows from one assessment of one train:
// scores, level, verdict, role gaps, register figures and recommendations
// with the coach's review applied. It reads only its arguments; the same
// input always gives the same output.
func Evaluate(d *Definitions, t Train, a *Assessment) Results {
	if a == nil {
		a = &Assessment{}
	}
	var r Results
	r.Figures = Figures(a.Register, a.Date, a.PIWeeks)
	r.Gaps = RoleGaps(a.Roster, t.Framework)
	if d == nil {
		r.Level = NoLevel
		return r
	}

	dims := make(map[string]*scoring, len(d.Dimensions))
	for _, dim := range d.Dimensions {
		dims[dim.ID] = &scoring{}
	}
	var maturity scoring
	var sumOfScores float64
	var known int
	for ci := range d.Checklists {
		c := &d.Checklists[ci]
		var cs scoring
		for ii := range c.Items {
			it := &c.Items[ii]
			if !it.AppliesTo(t.Framework) {
				continue
			}
			is := scoreItem(it, c.ID, a.Answers[it.ID], r.Figures)
			r.Items = append(r.Items, is)
			cs.add(it, is)
			if s, ok := dims[it.Dimension]; ok {
				s.add(it, is)
			}
		}
		score := cs.result()
		r.Checklists = append(r.Checklists, ChecklistScore{ChecklistID: c.ID, Title: c.Title, Score: score})
		if IsMaturity(c.ID) {
			maturity.score.Rated += score.Rated
			maturity.score.NA += score.NA
			maturity.score.DontKnow += score.DontKnow
			maturity.score.Total += score.Total
			if score.Known() {
				sumOfScores += score.Value
				known++
			}
		}
	}
	for _, dim := range d.Dimensions {
		r.Dimensions = append(r.Dimensions, DimensionScore{DimensionID: dim.ID, Title: dim.Title, Score: dims[dim.ID].result()})
	}
	r.Overall = maturity.score
	if known > 0 {
		r.Overall.Value = sumOfScores / float64(known)
	}
	r.Level = LevelFor(r.Overall)
	r.Verdict = decideVerdict(d, t, a, r)
	r.Gaps = gapsAgreeingWith(r.Gaps, r.Verdict)
	r.FollowUps = evaluateFollowUps(a, r)
	r.FollowThrough = followThrough(r.FollowUps)
	r.Recommendations = ApplyReview(Derive(d, t, a, r), a.Review, a.PI)
	return r
}

// Checklist returns the score of one checklist, and whether it was scored.
func (r Results) Checklist(id string) (ChecklistScore, bool) {
	for _, c := range r.Checklists {
		if c.ChecklistID == id {
			return c, true
		}
	}
	return ChecklistScore{}, false
}

// Item returns how one item entered the scores, and whether it is known.
func (r Results) Item(id string) (ItemScore, bool) {
	for _, is := range r.Items {
		if is.ItemID == id {
			return is, true
		}
	}
	return ItemScore{}, false
}

// Summary is the few facts the home screen and the portfolio list.
type Summary struct {
	Score     float64
	Known     bool
	Level     int
	LevelName string
	Verdict   VerdictKind
}

// Summarize is the summary of an assessment's results.
func Summarize(r Results) Summary {
	return Summary{
		Score:     r.Overall.Value,
		Known:     r.Overall.Known(),
		Level:     r.Level.Number,
		LevelName: r.Level.Name,
		Verdict:   r.Verdict.Kind,
	}
}
