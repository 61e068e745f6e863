package assessment

import "slices"

// PortfolioTrain is one train as the LACE's portfolio sees it: the train,
// who assessed it, and its finished assessments, newest first. Storage
// fills it; the portfolio rules read nothing else.
type PortfolioTrain struct {
	Train Train
	// Coaches are the assessors of the train's assessments and the coaches
	// whose bundles brought it in, without repeats, in name order.
	Coaches []string
	// Finished are the train's finished assessments, newest first; at most
	// the two newest are needed for the portfolio (latest and previous).
	Finished []*Assessment
}

// Latest is the train's newest finished assessment, or nil.
func (p PortfolioTrain) Latest() *Assessment {
	if len(p.Finished) == 0 {
		return nil
	}
	return p.Finished[0]
}

// Previous is the finished assessment before Latest, or nil.
func (p PortfolioTrain) Previous() *Assessment {
	if len(p.Finished) < 2 {
		return nil
	}
	return p.Finished[1]
}

// PortfolioOptions choose which trains the portfolio shows and how it
// keeps small groups to themselves.
type PortfolioOptions struct {
	Group     string    // only the trains of this group; "" for all
	Framework Framework // only the trains of this framework; "" for all
	Coach     string    // only the trains this coach assessed; "" for all
	// Levels keeps only the trains at these level numbers (0: not enough
	// evidence, or not assessed); empty for all.
	Levels []int
	// MinGroup is the fewest trains a group roll-up is shown for, and the
	// fewest a systemic finding rests on; 0 means DefaultMinGroup.
	MinGroup int
}

// Portfolio is what the LACE sees across its trains: one row per train, the
// heatmap of trains by dimension, the roll-ups by group, the systemic
// findings and the portfolio recommendations that follow from them.
type Portfolio struct {
	Options    PortfolioOptions // as applied: MinGroup set
	Framework  Framework        // the trains' one framework, or Other when they mix: whose words the texts use
	Frameworks []Framework      // the frameworks of the trains, in the usual order
	Rows       []PortfolioRow   // by group, then name
	Heatmap    Heatmap
	Groups     []GroupRollup // by name; the ungrouped trains last
	Levels     LevelCounts   // latest levels across the assessed trains
	Previous   LevelCounts   // the levels at the assessments before, of the trains that have one
	Verdicts   map[VerdictKind]int
	Findings   []SystemicFinding
	// Recommendations are the portfolio recommendations, one per finding,
	// in the order of the findings, the LACE's review applied.
	Recommendations []PortfolioRecommendation
}

// PortfolioRow is one train as the portfolio shows it.
type PortfolioRow struct {
	Train   Train
	Coaches []string
	// Latest is the head of the train's latest finished assessment (ID,
	// date, PI, assessor; not its answers, roster or register), nil when it
	// has none.
	Latest *Assessment
	// Results are Latest's as its facts hold them (AssessmentFacts):
	// overall and dimension scores, level, verdict, gaps, register figures,
	// follow-through, kept short as FactsOf says; not its checklists, items
	// or recommendations (Top has those that matter most).
	Results Results
	// PreviousPI and PreviousOverall are of the finished assessment before
	// Latest; HasPrevious says whether there is one.
	HasPrevious     bool
	PreviousPI      string
	PreviousOverall Score
	PreviousLevel   MaturityLevel
	// PreviousFollowThrough is the follow-through of the assessment before
	// Latest: the trend of the rate, PI over PI.
	PreviousFollowThrough FollowThrough
	Top                   []Recommendation // the first PortfolioTopCount of MattersMost
	shared                []string         // sharedRules of Results, for PF-04
	rosterEntered         bool             // Latest's roster holds anyone or anything, for PF-01
}

// Assessed reports whether the train has a finished assessment.
func (r PortfolioRow) Assessed() bool { return r.Latest != nil }

// Level is the train's latest level; NoLevel when not assessed.
func (r PortfolioRow) Level() MaturityLevel {
	if r.Latest == nil {
		return NoLevel
	}
	return r.Results.Level
}

// Change is the change of the overall score since the previous finished
// assessment, and whether both scores have enough answered to say it.
func (r PortfolioRow) Change() (float64, bool) {
	if r.Latest == nil || !r.HasPrevious || !r.Results.Overall.Enough() || !r.PreviousOverall.Enough() {
		return 0, false
	}
	return r.Results.Overall.Value - r.PreviousOverall.Value, true
}

// CellState says what a heatmap cell holds.
type CellState string

// Heatmap cell states.
const (
	CellScore     CellState = "score"      // a score with enough answered
	CellNotEnough CellState = "not-enough" // rated, but not enough answered to show a score
	CellAbsent    CellState = "absent"     // no finished assessment, or nothing of the dimension applies
)

// HeatCell is one train's score on one dimension.
type HeatCell struct {
	State CellState
	Score Score
}

// Heatmap is trains by dimensions, the rows in the order of Portfolio.Rows.
type Heatmap struct {
	Dimensions []Dimension
	Cells      [][]HeatCell // [row][dimension]
}

// LevelCounts counts trains by maturity level number (0 is not enough
// evidence).
type LevelCounts [6]int

// Total is the number of trains counted.
func (c LevelCounts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// GroupRollup is one group's figures, or only its name and size when it
// has fewer trains than the minimum group.
type GroupRollup struct {
	Group    string // "" for the trains not grouped
	Trains   int
	Hidden   bool // fewer trains than the minimum group: no figures shown
	Assessed int
	Levels   LevelCounts
	Overall  float64 // mean overall score of the assessed trains with enough answered
	Scored   int     // how many trains the mean rests on
	Verdicts map[VerdictKind]int
	// Dimensions are the mean scores by dimension, in the heatmap's order,
	// each of the trains with enough answered on it.
	Dimensions []GroupMean
	// Change is the mean change of the overall score since each train's
	// previous finished assessment, of the Changed trains that have both
	// with enough answered.
	Change  float64
	Changed int
	// FollowThrough adds up the follow-ups of the FollowedUp trains that
	// had any: its Rate is the group's closed of all.
	FollowThrough FollowThrough
	FollowedUp    int
}

// GroupMean is a group's mean score on one dimension, and how many trains
// it rests on (0: none had enough answered).
type GroupMean struct {
	DimensionID string
	Mean        float64
	Scored      int
}

// TrainRef names a train in a finding's evidence.
type TrainRef struct {
	ID, Name string
}

// SystemicFinding is a finding that holds across trains.
type SystemicFinding struct {
	ID       string // the rule and subject, e.g. "PF-01/RG-03": stable so a review follows it
	Rule     string
	Subject  string
	Title    string // what is found, e.g. "No System Architect"
	Finding  string // in a sentence, e.g. "4 of 9 SAFe trains: no System Architect."
	Count    int    // trains it holds in
	Of       int    // trains it can hold in
	Trains   []TrainRef
	Priority Priority
	// Words is the framework whose words the finding and its
	// recommendation use: the one framework of the trains it can hold in,
	// else the portfolio's.
	Words Framework
}

// Share is Count of Of, 0–1.
func (f SystemicFinding) Share() float64 {
	if f.Of == 0 {
		return 0
	}
	return float64(f.Count) / float64(f.Of)
}

// PortfolioRecommendation is a recommendation to the LACE or portfolio
// leadership, derived from a systemic finding or added by the LACE.
type PortfolioRecommendation struct {
	Recommendation
	Trains []TrainRef // the trains it rests on
}

// PortfolioReview is everything the LACE decided about the portfolio
// recommendations, by their stable IDs: a Review, as a coach's is for one
// train (Edits by ID, each with its Reason; Added, the LACE's own).
type PortfolioReview = Review

// BuildPortfolio reads the trains' finished assessments into the
// portfolio: it evaluates the trains the options keep (EvaluatePortfolio)
// and builds the portfolio from them (EvaluatedPortfolio.Build). A screen
// that builds the portfolio again on every filter keeps the evaluated
// trains instead and only builds.
func BuildPortfolio(d *Definitions, trains []PortfolioTrain, opts PortfolioOptions) Portfolio {
	var in []PortfolioTrain
	for _, t := range trains {
		if opts.keeps(t.Train, t.Coaches) {
			in = append(in, t)
		}
	}
	return EvaluatePortfolio(d, in).Build(opts)
}

// keeps reports whether the options' group, framework and coach keep a
// train (the levels need its evaluation: Build applies them).
func (o PortfolioOptions) keeps(t Train, coaches []string) bool {
	return (o.Group == "" || t.Group == o.Group) &&
		(o.Framework == "" || t.Framework == o.Framework) &&
		(o.Coach == "" || slices.Contains(coaches, o.Coach))
}

// EvaluatedPortfolio is the trains of a portfolio with their latest and
// previous finished assessments evaluated, once: what every portfolio
// built from them shares, whatever its filters.
type EvaluatedPortfolio struct {
	defs *Definitions
	rows []PortfolioRow // in the portfolio's order (sortRows)
}

// EvaluatePortfolio evaluates each train's latest and previous finished
// assessments into their facts (EvaluateTrains, in parallel; the result
// does not depend on the order) and makes the rows of them
// (PortfolioOfFacts).
func EvaluatePortfolio(d *Definitions, trains []PortfolioTrain) EvaluatedPortfolio {
	return PortfolioOfFacts(d, EvaluateTrains(d, trains))
}

// Len is the number of trains evaluated.
func (e EvaluatedPortfolio) Len() int { return len(e.rows) }

// Build applies the options and the portfolio rules to the evaluated
// trains; it evaluates nothing again. Trains without a finished assessment
// are listed, with absent cells, and count toward no finding. The rows
// share their results with e: read them, do not change them.
func (e EvaluatedPortfolio) Build(opts PortfolioOptions) Portfolio {
	if opts.MinGroup <= 0 {
		opts.MinGroup = DefaultMinGroup
	}
	d := e.defs
	p := Portfolio{Options: opts, Verdicts: map[VerdictKind]int{}}
	p.Rows = make([]PortfolioRow, 0, len(e.rows))
	for _, r := range e.rows {
		if !opts.keeps(r.Train, r.Coaches) ||
			len(opts.Levels) > 0 && !slices.Contains(opts.Levels, r.Level().Number) {
			continue
		}
		p.Rows = append(p.Rows, r)
	}
	p.Frameworks, p.Framework = portfolioFrameworks(p.Rows)
	if d != nil {
		p.Heatmap = heatmap(d, p.Rows)
	}
	for _, r := range p.Rows {
		if !r.Assessed() {
			continue
		}
		p.Levels[r.Results.Level.Number]++
		p.Verdicts[r.Results.Verdict.Kind]++
		if r.HasPrevious {
			p.Previous[r.PreviousLevel.Number]++
		}
	}
	p.Groups = rollups(p.Rows, p.Heatmap, opts.MinGroup)
	p.Findings = systemicFindings(d, p.Rows, opts.MinGroup, p.Framework)
	p.Recommendations = portfolioRecommendations(p.Findings)
	return p
}
