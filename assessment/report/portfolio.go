package report

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// The portfolio report is the LACE's own document, for the LACE and
// portfolio leadership: a cover, a summary, the heatmap of trains by
// dimension with the roll-ups by group, the trend of levels, the systemic
// findings and portfolio recommendations, one short page per train and the
// portfolio's method. Like Render it is a pure function of its input.

// PortfolioInput is everything the portfolio report shows.
type PortfolioInput struct {
	Portfolio   assessment.Portfolio
	Definitions *assessment.Definitions
	Created     time.Time // stamped in the document; same input + Created = same bytes
}

// RenderPortfolio draws the portfolio report and returns the PDF bytes and
// any warnings. With Options.Summary it stops after the findings: no page
// per train and no method.
func RenderPortfolio(in PortfolioInput, opt Options) (pdf []byte, warnings []string, err error) {
	if in.Definitions == nil {
		return nil, nil, errors.New("report: no checklist definitions given")
	}
	size, g, err := prepare(opt)
	if err != nil {
		return nil, nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			pdf, warnings, err = nil, nil, fmt.Errorf("report: drawing failed: %v", r)
		}
	}()
	created := in.Created
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	pf := in.Portfolio
	title := portfolioTitle(pf)
	base := Input{
		Train:       assessment.Train{Name: title, Framework: pf.Framework},
		Assessment:  &assessment.Assessment{Date: created},
		Definitions: in.Definitions,
		Created:     created,
	}
	d := &pdoc{doc: newDoc(base, opt, size, g), pf: pf}
	d.kind = "Portfolio report for the LACE"
	if opt.Summary {
		d.kind = "Portfolio summary for leadership"
	}
	d.audience = "the LACE and portfolio leadership"
	d.describe(title+": portfolio report", "LACE",
		"Portfolio report for the LACE and portfolio leadership: trains by dimension, systemic findings and portfolio recommendations",
		[]string{"portfolio", "LACE", "assessment", pf.Framework.Word("train"), title})

	d.drawPortfolio(opt.Summary)
	return d.close()
}

// portfolioTitle names the portfolio: its group, or all trains.
func portfolioTitle(p assessment.Portfolio) string {
	if g := strings.TrimSpace(p.Options.Group); g != "" {
		return "Portfolio " + g
	}
	return "Portfolio of all trains"
}

// pdoc is a portfolio report being drawn.
type pdoc struct {
	*doc
	pf assessment.Portfolio
}

func (d *pdoc) drawPortfolio(summary bool) {
	d.portfolioCover()
	d.portrait()
	d.h1("Summary")
	d.portfolioSummary()
	d.landscape()
	d.h1("Heatmap: trains by dimension")
	d.heatmap()
	d.groups()
	d.portrait()
	d.h1("Trend of levels")
	d.levelTrend()
	d.portrait()
	d.h1("Systemic findings and portfolio recommendations")
	d.portfolioFindings()
	if summary {
		return
	}
	for i := range d.pf.Rows {
		d.portrait()
		if i == 0 {
			d.h1("The trains")
		}
		d.trainPage(d.pf.Rows[i])
	}
	d.portrait()
	d.h1("Method")
	d.markdown(assessment.PortfolioMethod(d.framework()))
}

func (d *pdoc) assessed() []assessment.PortfolioRow {
	var out []assessment.PortfolioRow
	for _, r := range d.pf.Rows {
		if r.Assessed() {
			out = append(out, r)
		}
	}
	return out
}

func (d *pdoc) coaches() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range d.pf.Rows {
		for _, c := range r.Coaches {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	slices.Sort(out)
	return out
}

func (d *pdoc) frameworkNames() string {
	var names []string
	for _, f := range d.pf.Frameworks {
		names = append(names, f.Def().Name)
	}
	if len(names) == 0 {
		return "none"
	}
	return assessment.List(names)
}

func (d *pdoc) portfolioCover() {
	p := d.pdf
	d.coverBand("PORTFOLIO REPORT · FOR THE LACE AND PORTFOLIO LEADERSHIP",
		fmt.Sprintf("%s, %d assessed, by %s · %s", assessment.Count(len(d.pf.Rows), "train", "trains"), len(d.assessed()),
			assessment.Count(len(d.coaches()), "coach", "coaches"), date(d.created)))
	d.color(colInk)
	p.SetXY(marginSide, 104)
	d.keyValues([][2]string{
		{"Frameworks", d.frameworkNames()},
		{"Coaches", orDash(assessment.List(d.coaches()))},
		{"What it reads", "Each train's latest finished assessment, and the one before it for the change since the previous " + d.words("{pi}") + "."},
		{"Smallest group shown", fmt.Sprintf("%s: a group with fewer trains shows no figures.", assessment.Count(d.pf.Options.MinGroup, "train", "trains"))},
	}, 45)
	d.h2("Confidentiality", 20)
	d.bullets("", sizeBody, assessment.PortfolioConfidentiality)
}

// whatMattersMost are the agreed portfolio recommendations leadership reads
// first: by priority, then by how many trains they rest on, the first of
// each rule before the second of any.
func (d *pdoc) whatMattersMost() []assessment.PortfolioRecommendation {
	recs := d.pf.Agreed()
	slices.SortStableFunc(recs, func(a, b assessment.PortfolioRecommendation) int {
		if a.Priority != b.Priority {
			return int(a.Priority) - int(b.Priority)
		}
		return len(b.Trains) - len(a.Trains)
	})
	// One per rule first, so five different findings reach leadership
	// rather than five of one rule; then the rest in the same order.
	var top, rest []assessment.PortfolioRecommendation
	seen := map[string]bool{}
	for _, r := range recs {
		if !seen[r.Rule] || r.Rule == "" {
			seen[r.Rule] = true
			top = append(top, r)
		} else {
			rest = append(rest, r)
		}
	}
	top = append(top, rest...)
	return top[:min(len(top), assessment.MattersMostCount)]
}

func (d *pdoc) portfolioSummary() {
	rows := d.assessed()
	groups, hidden := 0, 0
	for _, g := range d.pf.Groups {
		if g.Group != "" {
			groups++
		}
		if g.Hidden {
			hidden++
		}
	}
	where := ""
	switch n := d.ungrouped(); {
	case len(d.pf.Rows) == 0:
	case groups == 0 && len(d.pf.Rows) == 1:
		where = ", not yet in a group"
	case groups == 0:
		where = ", none yet in a group"
	case n == 0:
		where = " in " + assessment.Count(groups, "group", "groups")
	default:
		where = fmt.Sprintf(" in %s (and %d ungrouped)", assessment.Count(groups, "group", "groups"), n)
	}
	d.para("", sizeBody, fmt.Sprintf("%s%s, %d with a finished assessment, by %s. %s across the portfolio, %s.",
		assessment.Count(len(d.pf.Rows), "train", "trains"), where, len(rows),
		assessment.Count(len(d.coaches()), "coach", "coaches"),
		capitalFirst(assessment.Count(len(d.pf.Findings), "systemic finding", "systemic findings")),
		assessment.Count(len(d.pf.Agreed()), "agreed portfolio recommendation", "agreed portfolio recommendations")))
	d.h2("What matters most across the portfolio", 30)
	top := d.whatMattersMost()
	if len(top) == 0 {
		d.para("I", sizeBody, "Nothing is systemic: no finding holds in enough trains.")
	}
	var items []string
	for _, r := range top {
		items = append(items, fmt.Sprintf("%s %s (%s priority; owner %s)", r.Finding, r.Action, r.Priority, d.ownerText(r.Owner)))
	}
	d.bullets("", sizeBody, items)

	d.h2("Levels", 30)
	d.levelTable()
	d.h2("Verdicts on the "+d.words("{facilitator}"), 25)
	var vrows [][]cell
	for _, k := range []assessment.VerdictKind{assessment.Recommended, assessment.RecommendedConditions, assessment.NotRecommended, assessment.Undecided} {
		ink := verdictColour(k)
		vrows = append(vrows, []cell{{text: verdictText(k), ink: &ink, style: "B"}, {text: fmt.Sprint(d.pf.Verdicts[k])}})
	}
	d.draw(table{cols: scaleColumns([]column{{"Verdict", 120, "L"}, {"Trains", 40, "R"}}, d.contentWidth()*0.6)}, vrows)
	if hidden > 0 {
		d.para("I", sizeSmall, fmt.Sprintf("%s of fewer than %s %s no figures of its own (see the heatmap page); their trains count in the portfolio's totals.",
			capitalFirst(assessment.Count(hidden, "group", "groups")), assessment.Count(d.pf.Options.MinGroup, "train", "trains"), assessment.Plural(hidden, "shows", "show")))
	}
}

func (d *pdoc) ungrouped() int {
	n := 0
	for _, r := range d.pf.Rows {
		if r.Train.Group == "" {
			n++
		}
	}
	return n
}

func capitalFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (d *pdoc) levelTable() {
	var rows [][]cell
	for n := 5; n >= 0; n-- {
		name := assessment.NoLevel.Name
		if n > 0 {
			name = fmt.Sprintf("%d %s", n, assessment.MaturityLevels[n-1].Name)
		}
		rows = append(rows, []cell{{text: name}, {text: fmt.Sprint(d.pf.Levels[n])}, {text: fmt.Sprint(d.pf.Previous[n])}})
	}
	rows = append(rows, []cell{{text: "Trains counted", style: "B"}, {text: fmt.Sprint(d.pf.Levels.Total()), style: "B"}, {text: fmt.Sprint(d.pf.Previous.Total()), style: "B"}})
	d.draw(table{cols: scaleColumns([]column{{"Level", 70, "L"}, {"Now", 30, "R"}, {"At the assessment before", 50, "R"}}, d.contentWidth()*0.75)}, rows)
}
