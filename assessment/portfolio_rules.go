package assessment

import (
	"fmt"
	"math"
	"strings"
)

// The portfolio's thresholds. A finding is systemic when it holds in at
// least SystemicMinTrains trains (never fewer than the portfolio's minimum
// group, PortfolioOptions.MinGroup) and in at least SystemicMinShare of the
// trains it can hold in; from SystemicHighShare it is high priority.
const (
	DefaultMinGroup      = 3    // a group of fewer trains shows no aggregate figures
	SystemicMinTrains    = 3    // PF-01 to PF-05: the fewest trains a systemic finding rests on
	SystemicMinShare     = 0.25 // PF-01 to PF-05: the smallest share of the trains it can hold in
	SystemicHighShare    = 0.50 // PF-01 to PF-05: from this share, high priority
	LowDimensionScore    = 40.0 // PF-02: a dimension scored below this is low
	LowFollowThroughRate = 0.50 // PF-05: fewer than this share of last PI's agreed recommendations closed
	PortfolioTopCount    = 3    // the recommendations each train's page of the portfolio shows
)

// The owners of portfolio recommendations beside the LACE.
const OwnerPortfolioLeadership Owner = "Portfolio leadership"

// EvidenceTrain is evidence that names a train: a portfolio finding rests
// on the trains it holds in.
const EvidenceTrain EvidenceKind = "train"

// PortfolioRules are the rules that find what is systemic across the trains
// of a portfolio, each yielding one portfolio recommendation per subject.
var PortfolioRules = []Rule{
	{"PF-01", "The same role gap in many trains",
		fmt.Sprintf("For each role-gap rule (RG-xx): the trains whose latest finished assessment has the gap, among the trains whose framework applies the rule and whose roster is entered. Systemic from %d trains and %.0f%% of those trains (a rule about a role only one framework has, like the System Architect, counts only that framework's trains). Owner portfolio leadership: roles across trains are staffed and funded there. Accepted when, at the trains' next finished assessments, fewer than half of the trains named still have the gap.", SystemicMinTrains, SystemicMinShare*100)},
	{"PF-02", "The same low dimension in many trains",
		fmt.Sprintf("For each dimension: the trains whose latest finished assessment scores it below %.0f with enough answered, among the trains where it has enough answered. Systemic from %d trains and %.0f%% of those trains. Owner LACE: a coaching focus across trains. Accepted when, at the trains' next finished assessments, fewer than half of the trains named still score it below %.0f.", LowDimensionScore, SystemicMinTrains, SystemicMinShare*100, LowDimensionScore)},
	{"PF-03", "Impediments that wait above the trains",
		fmt.Sprintf("Two subjects: the trains with an open impediment at LACE level, and the trains with an open impediment older than one {pi}, on their latest finished assessment's date, among all assessed trains. Systemic from %d trains and %.0f%% of them. LACE-level impediments go to portfolio leadership, old ones to the LACE. Accepted when, at the trains' next finished assessments, fewer than half of the trains named still have one.", SystemicMinTrains, SystemicMinShare*100)},
	{"PF-04", "A recommendation many trains share",
		fmt.Sprintf("For each recommendation rule other than the role gaps (which PF-01 reads) the low-rated items of RI-01 (which PF-02 reads by dimension) and the impediments older than one {pi} of RF-02 (which PF-03 reads): the trains whose latest finished assessment has it agreed (not rejected), among all assessed trains. Systemic from %d trains and %.0f%% of them. Owner LACE: one answer for all of them instead of one per train. Accepted when, at the trains' next finished assessments, fewer than half of the trains named still have it.", SystemicMinTrains, SystemicMinShare*100)},
	{"PF-05", "Poor follow-through across trains",
		fmt.Sprintf("The trains whose latest finished assessment closed (done, met by the data or dropped) fewer than %.0f%% of the previous {pi}'s agreed recommendations, among the trains that had any. Systemic from %d trains and %.0f%% of them. Owner portfolio leadership. Accepted when, at the trains' next finished assessments, at least half of the trains named close %.0f%% or more.", LowFollowThroughRate*100, SystemicMinTrains, SystemicMinShare*100, LowFollowThroughRate*100)},
}

// PortfolioConfidentiality says how the portfolio keeps a train's data to
// itself, for the method and the report.
var PortfolioConfidentiality = []string{
	"A train's own report shows that train's data only; nothing of another train reaches it.",
	fmt.Sprintf("A roll-up by group (portfolio, value stream or solution train) is shown only for a group of at least the minimum number of trains, %d unless the LACE sets another; a smaller group is listed as hidden, without figures, as the anonymity rule of a workshop hides a role of too few voters.", DefaultMinGroup),
	"A systemic finding rests on at least as many trains as the minimum group, so it never points at one or two trains.",
}

// systemicMin is the fewest trains a systemic finding rests on.
func systemicMin(minGroup int) int { return max(SystemicMinTrains, minGroup) }

// systemic reports whether n of of trains make a finding systemic.
func systemic(n, of, minGroup int) bool {
	return of > 0 && n >= systemicMin(minGroup) && float64(n) >= SystemicMinShare*float64(of)
}

// acceptedBelow is how many of the n trains may still hold the finding for
// its acceptance criterion to be met: fewer than half.
func acceptedBelow(n int) int { return int(math.Ceil(float64(n) / 2)) }

// PortfolioMethod is the method of the portfolio in the framework's words:
// the section docs/method.md holds and the portfolio report appends.
func PortfolioMethod(f Framework) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, f.Expand(format), args...) }
	w("## The portfolio: what is systemic across trains\n\n")
	w("The LACE looks after many trains. The portfolio reads each train's latest finished assessment, and the one before it for the change since the previous {pi}: its level, verdict, dimension scores, role gaps, register figures, agreed recommendations and follow-through. A train without a finished assessment is listed and counts toward no figure. A dimension whose score has too little answered is shown as \"not enough answered\", never as a number.\n\n")
	w("A finding is systemic when it holds in at least %d trains and in at least %.0f%% of the trains it can hold in; from %.0f%% it is high priority, otherwise medium. Each yields one portfolio recommendation with the same ID (the rule and its subject, so the LACE's review follows it), owned by the LACE or portfolio leadership, with the trains it rests on as evidence. The LACE accepts, rejects with a reason, or rewords it, and adds its own. When the trains follow one framework the texts use its words; when they mix, the neutral words.\n\n", SystemicMinTrains, SystemicMinShare*100, SystemicHighShare*100)
	b.WriteString("| ID | Rule | What it says |\n|---|---|---|\n")
	for _, r := range PortfolioRules {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.ID, cell(f.Expand(r.Title)), cell(f.Expand(r.Words)))
	}
	w("\nWhy these rules: a gap, a low dimension or a recommendation that many trains share has a cause above the trains (funding, staffing, policy, the way the portfolio works), so solving it train by train costs more and lasts less. Asking for at least %d trains and %.0f%% of those it can hold in keeps the troubles of one or two trains, and a small share of a large portfolio, from being called systemic.\n\n", SystemicMinTrains, SystemicMinShare*100)
	w("### Confidentiality\n\n")
	for _, s := range PortfolioConfidentiality {
		w("- %s\n", s)
	}
	w("\n")
	return b.String()
}
