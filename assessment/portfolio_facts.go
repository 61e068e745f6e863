package assessment

import (
	"slices"
	"time"
)

// PortfolioFactsVersion names how AssessmentFacts are made and what they
// hold. Storage keeps facts with the rules that made them and makes them
// again when the rules differ: raise it whenever AssessmentFacts or
// FactsOf changes.
const PortfolioFactsVersion = "2"

// AssessmentFacts are what the portfolio reads of one finished assessment
// once it is evaluated: its head (date, PI, assessor), the scores, level
// and verdict, the role gaps, the register's figures, the follow-through,
// the agreed recommendations that matter most, and the rules PF-04 counts.
// A finished assessment does not change, so storage keeps its facts and the
// portfolio reads them instead of evaluating the assessment again; every
// portfolio, kept or not, is built from them (PortfolioOfFacts), so the
// screen, the command and the PDF say the same.
type AssessmentFacts struct {
	AssessmentID string    `json:"assessment_id"`
	Date         time.Time `json:"date"`
	PI           string    `json:"pi"`
	Assessor     string    `json:"assessor"`
	// RosterEntered says whether the assessment's roster holds anyone or
	// anything: PF-01 counts a role gap only where it does.
	RosterEntered bool             `json:"roster_entered"`
	Overall       Score            `json:"overall"`
	Level         MaturityLevel    `json:"level"`
	Verdict       Verdict          `json:"verdict"`
	Dimensions    []DimensionScore `json:"dimensions"`
	Gaps          []RoleGap        `json:"gaps"`
	Figures       RegisterFigures  `json:"figures"`
	FollowThrough FollowThrough    `json:"follow_through"`
	// Top are the first PortfolioTopCount of MattersMost, without their
	// evidence.
	Top []Recommendation `json:"top"`
	// Shared are the rules of the agreed recommendations PF-04 counts
	// across trains (sharedRules).
	Shared []string `json:"shared"`
}

// FactsOf evaluates a finished assessment of a train into the facts the
// portfolio reads. They keep only what the portfolio shows, so a read of
// 1,000 stays small: the level without its description, the verdict's kind
// and headline (not its reasons, conditions or way to start), each role
// gap's rule, severity and subject (not its wording), the top
// recommendations without their evidence.
func FactsOf(d *Definitions, t Train, a *Assessment) AssessmentFacts {
	res := Evaluate(d, t, a)
	top, _ := MattersMost(d, t.Framework, res)
	top = slices.Clone(top[:min(len(top), PortfolioTopCount)])
	for i := range top {
		top[i].Evidence = nil
	}
	gaps := make([]RoleGap, len(res.Gaps))
	for i, g := range res.Gaps {
		gaps[i] = RoleGap{Rule: g.Rule, Severity: g.Severity, Subject: g.Subject, SubjectID: g.SubjectID}
	}
	level := res.Level
	level.Description = ""
	ro := a.Roster
	return AssessmentFacts{
		AssessmentID: a.ID, Date: a.Date, PI: a.PI, Assessor: a.Assessor,
		RosterEntered: len(ro.People) > 0 || len(ro.Roles) > 0 || len(ro.Teams) > 0,
		Overall:       res.Overall, Level: level, Verdict: Verdict{Kind: res.Verdict.Kind, Headline: res.Verdict.Headline},
		Dimensions: res.Dimensions, Gaps: gaps, Figures: res.Figures, FollowThrough: res.FollowThrough,
		Top: top, Shared: sharedRules(res),
	}
}

// results are the facts as the part of Results the portfolio reads:
// scores by dimension and overall, level, verdict, gaps, register figures
// and follow-through (no checklists, items, recommendations or follow-ups;
// the level, verdict and gaps as FactsOf keeps them).
func (f *AssessmentFacts) results() Results {
	return Results{Overall: f.Overall, Level: f.Level, Verdict: f.Verdict, Dimensions: f.Dimensions,
		Gaps: f.Gaps, Figures: f.Figures, FollowThrough: f.FollowThrough}
}

// EvaluatedTrain is one train of the portfolio with the facts of its
// latest and previous finished assessments (nil when it has none).
type EvaluatedTrain struct {
	Train            Train
	Coaches          []string // as PortfolioTrain.Coaches
	Latest, Previous *AssessmentFacts
}

// EvaluateTrain evaluates a train's latest and previous finished
// assessments into their facts.
func EvaluateTrain(d *Definitions, t PortfolioTrain) EvaluatedTrain {
	et := EvaluatedTrain{Train: t.Train, Coaches: slices.Clone(t.Coaches)}
	if a := t.Latest(); a != nil {
		f := FactsOf(d, t.Train, a)
		et.Latest = &f
	}
	if a := t.Previous(); a != nil {
		f := FactsOf(d, t.Train, a)
		et.Previous = &f
	}
	return et
}

// PortfolioOfFacts is the portfolio of trains whose assessments were
// evaluated before, by EvaluateTrain or kept by storage: nothing is
// evaluated again. The rows share the facts: read them, do not change them.
func PortfolioOfFacts(d *Definitions, trains []EvaluatedTrain) EvaluatedPortfolio {
	rows := make([]PortfolioRow, len(trains))
	for i, t := range trains {
		rows[i] = rowOf(t)
	}
	sortRows(rows) // once: the rows a build keeps stay in this order
	return EvaluatedPortfolio{defs: d, rows: rows}
}

// rowOf is a train's row from its facts. Latest is the assessment's head
// only (ID, train, date, PI, assessor, status): the facts stand for the
// rest.
func rowOf(t EvaluatedTrain) PortfolioRow {
	row := PortfolioRow{Train: t.Train, Coaches: t.Coaches}
	if f := t.Latest; f != nil {
		row.Latest = &Assessment{ID: f.AssessmentID, TrainID: t.Train.ID, Date: f.Date, PI: f.PI, Assessor: f.Assessor, Status: Final}
		row.Results = f.results()
		row.Top = f.Top
		row.shared = f.Shared
		row.rosterEntered = f.RosterEntered
	}
	if f := t.Previous; f != nil {
		row.HasPrevious = true
		row.PreviousPI = f.PI
		row.PreviousOverall = f.Overall
		row.PreviousLevel = f.Level
		row.PreviousFollowThrough = f.FollowThrough
	}
	return row
}
