package assessment

// Score is a 0–100 score with how much of the evidence it rests on. Not
// applicable and don't know never count; Answered beside the score shows it.
type Score struct {
	Value    float64 // 0–100; meaningful only when Known
	Rated    int     // items rated on their scale
	NA       int     // items answered "not applicable"
	DontKnow int     // items answered "don't know"
	Total    int     // items in the checklist or dimension
}

// Known reports whether any item was rated, so the score means something.
func (s Score) Known() bool { return s.Rated > 0 }

// Enough reports whether enough of the applicable items (those not answered
// not applicable) are rated for the score to be shown as a result: at least
// MinLevelEvidence of them. Below it a score is "not enough answered", never
// a number that looks like a result.
func (s Score) Enough() bool {
	applicable := s.Total - s.NA
	return s.Known() && applicable > 0 && float64(s.Rated) >= MinLevelEvidence*float64(applicable)
}

// Answered is the share of items rated on their scale, 0–1.
func (s Score) Answered() float64 {
	if s.Total == 0 {
		return 0
	}
	return float64(s.Rated) / float64(s.Total)
}

// ChecklistScore is the score of one checklist.
type ChecklistScore struct {
	ChecklistID string
	Title       string
	Score       Score
}

// DimensionScore is the score of one dimension, across checklists.
type DimensionScore struct {
	DimensionID string
	Title       string
	Score       Score
}

// MaturityLevel is the named level of the whole train.
type MaturityLevel struct {
	Number      int    // 1–5; 0 when too little was rated to say
	Name        string // e.g. "Practising"
	Description string
	MinScore    float64 // the lowest overall score that reaches this level
}

// VerdictKind is the answer to "should this train have a scaled facilitator now?".
type VerdictKind string

// Verdicts. Undecided is given while too few fit items are rated.
const (
	Recommended           VerdictKind = "recommended"
	RecommendedConditions VerdictKind = "recommended-with-conditions"
	NotRecommended        VerdictKind = "not-recommended-now"
	Undecided             VerdictKind = "undecided"
)

// Title names the verdict kind as every screen, report and file says it.
func (k VerdictKind) Title() string {
	switch k {
	case Recommended:
		return "Recommended"
	case RecommendedConditions:
		return "Recommended with conditions"
	case NotRecommended:
		return "Not recommended now"
	case Undecided:
		return "Undecided"
	}
	return "–"
}

// Verdict on the scaled facilitator, with what decided it.
type Verdict struct {
	Kind       VerdictKind
	Headline   string     // one sentence, with the framework's name for the role
	Reasons    []Evidence // the items and facts that decided it
	Conditions []string   // for RecommendedConditions: what must hold
	WayToStart string     // how to start, or what to do first instead
}

// RoleGap is a gap or risk found in the roster by one rule.
type RoleGap struct {
	Rule        string   // the rule's ID, e.g. "RG-06"
	Severity    Priority // High gaps are shown first
	Subject     string   // the team, role or person it concerns
	SubjectID   string   // the team's or person's ID, or the role; stable when names change
	Finding     string   // what is wrong, in the coach's words
	Explanation string   // why it matters
}

// RegisterFigures are the figures drawn from the impediment register on the
// assessment's date.
type RegisterFigures struct {
	Total             int
	Open              int // not resolved
	MedianOpenAgeDays float64
	OldestOpenAgeDays int
	OldestOpenID      string
	ShareOlderThanPI  float64 // of open impediments, 0–1
	ShareEscalated    float64 // of all impediments, 0–1
	Recurrence        float64 // share of impediments that repeat an earlier one, 0–1
	MedianCycleDays   float64 // raised to resolved, of resolved impediments
	ByLevel           map[ImpedimentLevel]int
	PIWeeks           int

	Resolved       int                     // resolved on or before the date
	Escalated      int                     // escalated beyond the level where raised
	Recurring      int                     // repeating an earlier impediment
	OlderThanPI    int                     // open and older than one PI
	OpenByLevel    map[ImpedimentLevel]int // open impediments by level
	RaisedLastPI   int                     // raised within one PI before the date
	ResolvedLastPI int                     // resolved within one PI before the date
	Cycles         int                     // resolved with both dates: what MedianCycleDays rests on
}

// Results is everything that follows from one assessment.
type Results struct {
	Checklists      []ChecklistScore // in definition order
	Dimensions      []DimensionScore // in definition order
	Overall         Score            // across the maturity checklists (all but fit)
	Level           MaturityLevel
	Verdict         Verdict
	Gaps            []RoleGap
	Figures         RegisterFigures
	Recommendations []Recommendation // the coach's review applied, highest priority first

	Items []ItemScore // every item in definition order: the level it earned and where from
}
