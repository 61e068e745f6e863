package assessment

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The scenario library: trains built from coaching situations a seasoned
// SAFe or Scrum@Scale coach meets, each with the conclusions they would sign.
// A wrong verdict, a gap the verdict contradicts, advice owned by someone
// who cannot act, or a word of the wrong framework fails here.

// safeOnly and scrumAtScaleOnly are words of one framework that must never
// reach a report of another.
var (
	safeOnly         = []string{"RTE", "Release Train Engineer", "PI Planning", "System Architect", "Business Owner", "ART Sync", "System Demo", "Inspect & Adapt", "Product Management", " PI ", "50–125", "Solution Train"}
	scrumAtScaleOnly = []string{"SoSM", "Scrum of Scrums", "Scaled Daily Scrum", "Executive Action Team", "Chief Product Owner", "MetaScrum"}
)

type scenario struct {
	name    string
	f       Framework
	teams   int
	roster  func(*Roster)
	need    Rating            // every sign for the role
	against Rating            // every sign against it
	fit     map[string]Rating // overrides; Unanswered removes an answer
	eff     Rating            // every effectiveness item; 0 leaves them unanswered
	rest    Rating            // every role-coverage and impediment item; 0 leaves them unanswered
	reg     func() []Impediment

	verdict  VerdictKind
	headline string   // in the headline
	reasons  []string // each in some reason
	way      string   // in the way forward
	gaps     []string // exactly these rules, in order
	owners   map[string]Owner
	topFirst string // the ID the leadership summary starts with
	words    []string
}

func (sc scenario) build(t *testing.T, d *Definitions) (Train, *Assessment) {
	t.Helper()
	r := healthyRoster(sc.teams)
	if sc.roster != nil {
		sc.roster(&r)
	}
	ans := fitAnswers(d, sc.need, sc.against, sc.fit)
	for id, want := range map[string]Rating{ChecklistEffectiveness: sc.eff, ChecklistRoles: sc.rest, ChecklistImpediments: sc.rest} {
		if want != Unanswered {
			for k, v := range rateAll(d, want, id) {
				ans[k] = v
			}
		}
	}
	var reg []Impediment
	if sc.reg != nil {
		reg = sc.reg()
	}
	pi := "PI 2026.2"
	if sc.f == ScrumAtScale {
		pi = "Release 2026.2"
	}
	return Train{Name: sc.name, Framework: sc.f}, &Assessment{Date: testDate, PI: pi, PIWeeks: 10, Roster: r, Register: reg, Answers: ans}
}

func withoutRole(role ARTRole) func(*Roster) {
	return func(r *Roster) {
		r.Roles = slices.DeleteFunc(r.Roles, func(ra RoleAssignment) bool { return ra.Role == role })
	}
}

func both(fs ...func(*Roster)) func(*Roster) {
	return func(r *Roster) {
		for _, f := range fs {
			f(r)
		}
	}
}

// oldRegister is a register left to age: open impediments of all levels,
// most older than a PI.
func oldRegister() []Impediment {
	var reg []Impediment
	for i, age := range []int{20, 40, 80, 90, 100, 120} {
		reg = append(reg, Impediment{ID: fmt.Sprintf("old-%d", i), Title: fmt.Sprintf("Old %d", i), Level: []ImpedimentLevel{LevelTeam, LevelART, LevelLACE}[i%3],
			Owner: "Someone", Status: StatusOpen, Raised: day(age)})
	}
	return reg
}

// systemicRegister escalates most impediments, all of them to the LACE:
// systemic ones, rightly handed up.
func systemicRegister() []Impediment {
	var reg []Impediment
	for i := range 8 {
		level, up := LevelLACE, true
		if i >= 6 {
			level, up = LevelTeam, false
		}
		reg = append(reg, Impediment{ID: fmt.Sprintf("sys-%d", i), Title: fmt.Sprintf("Systemic %d", i), Level: level, Owner: "Someone",
			Status: StatusResolved, Raised: day(30 + i), Resolved: day(10), Escalated: up})
	}
	return reg
}

func scenarios() []scenario {
	return []scenario{
		{name: "SAFe: a healthy train keeps its RTE", f: SAFe, teams: 8, need: 5, against: 1, eff: 4, rest: 4, reg: systemicRegister,
			verdict: Recommended, headline: "keep the role", gaps: nil},
		{name: "SAFe: nine teams launching without an RTE", f: SAFe, teams: 9, roster: withoutRole(RoleFacilitator), need: 5, against: 1, rest: 3, reg: oldRegister,
			fit:     map[string]Rating{"fit.framework-adoption.v1": 5},
			verdict: Recommended, headline: "needs an RTE now", way: "dedicated, trained RTE", gaps: []string{"RG-01"},
			owners: map[string]Owner{"RV-01/facilitator": OwnerLACE, "RF-02/register": OwnerLACE, "RF-01/register": OwnerScrumMasters}, topFirst: "RV-01/facilitator"},
		{name: "SAFe: two teams whose Scrum is weak", f: SAFe, teams: 2, need: 4, against: 2, rest: 3,
			fit:     map[string]Rating{"fit.team-scrum-weak.v2": 5, "fit.few-teams.v2": 5},
			roster:  withoutRole(RoleFacilitator),
			verdict: NotRecommended, headline: "make Scrum work in each team first", reasons: []string{"Scrum is not yet working within the single teams", "The roster has 2 teams.", "only one or two teams"},
			way: "Make Scrum work within each team first", gaps: []string{"RG-13", "RG-14"},
			owners: map[string]Owner{"RV-03/facilitator": OwnerLACE, "RF-06/register": OwnerScrumMasters}},
		{name: "SAFe: independent teams with an RTE in place", f: SAFe, teams: 8, need: 2, against: 2, eff: 3, rest: 4, reg: oldRegister,
			fit:     map[string]Rating{"fit.independent-teams.v2": 5},
			verdict: NotRecommended, headline: "decisive", reasons: []string{"independent"}, way: "whether the role serves the teams",
			owners: map[string]Owner{"RF-01/register": OwnerScrumMasters, "RF-02/register": OwnerLACE}},
		{name: "SAFe: the RTE holds the role but works badly", f: SAFe, teams: 7, need: 5, against: 2, eff: 1, rest: 3,
			fit:     map[string]Rating{"fit.status-reporting-risk.v2": 4},
			verdict: RecommendedConditions, headline: "keep the role, and change how it is held",
			reasons: []string{"effectiveness scores 0 of 100, below 40", "project manager who collects status"}, way: "Stop status reporting",
			owners: map[string]Owner{"RV-02/fit.status-reporting-risk.v2": OwnerLACE}},
		{name: "SAFe: leaders who cannot decide, impediments that age", f: SAFe, teams: 8, need: 5, against: 2, eff: 3, rest: 3, reg: oldRegister,
			fit:     map[string]Rating{"fit.no-empowered-leaders.v2": 5},
			verdict: RecommendedConditions, headline: "conditions",
			owners: map[string]Owner{"RV-02/fit.no-empowered-leaders.v2": OwnerLACE, "RF-02/register": OwnerLACE},
			words:  []string{"to the LACE or the portfolio, since the assessment finds the Business Owners not empowered"}},
		{name: "SAFe: the RTE is also a team's Scrum Master", f: SAFe, teams: 8, need: 5, against: 1, eff: 4, rest: 4,
			roster:  func(r *Roster) { r.Teams[0].ScrumMasterID = "p-facilitator" },
			verdict: Recommended, gaps: []string{"RG-16"}, words: []string{"In SAFe the RTE is a full-time train role."}},
		{name: "SAFe: too little rated to decide", f: SAFe, teams: 8, need: Unanswered, against: Unanswered,
			fit:     map[string]Rating{"fit.shared-product.v1": 5, "fit.few-teams.v2": 2},
			roster:  withoutRole(RoleFacilitator),
			verdict: Undecided, headline: "Too few fit items", gaps: nil,
			owners: map[string]Owner{"RV-04/facilitator": OwnerLACE, "RF-06/register": OwnerScrumMasters}},
		{name: "SAFe: thirteen teams to split, systemic escalations are fine", f: SAFe, teams: 13, need: 5, against: 1, eff: 4, rest: 4, reg: systemicRegister,
			verdict: Recommended, gaps: []string{"RG-13"}, words: []string{"split it around its value streams"}},
		{name: "Scrum@Scale: five teams, the SoSM is one team's Scrum Master", f: ScrumAtScale, teams: 5, need: 5, against: 1, eff: 4, rest: 4,
			roster:  func(r *Roster) { r.Teams[2].ScrumMasterID = "p-facilitator" },
			verdict: Recommended, headline: "keep the role", gaps: nil},
		{name: "Scrum@Scale: eight teams and no SoSM", f: ScrumAtScale, teams: 8, roster: withoutRole(RoleFacilitator), need: 5, against: 1, rest: 3, reg: oldRegister,
			verdict: Recommended, gaps: []string{"RG-01", "RG-13"}, words: []string{"Scrum of Scrum of Scrums", "Scaled Daily Scrum"},
			owners: map[string]Owner{"RV-01/facilitator": OwnerLACE, "RF-01/register": OwnerScrumMasters}},
		{name: "Scrum@Scale: the SoSM is Scrum Master of two teams", f: ScrumAtScale, teams: 5, need: 5, against: 1, eff: 4, rest: 4,
			roster:  func(r *Roster) { r.Teams[0].ScrumMasterID, r.Teams[1].ScrumMasterID = "p-facilitator", "p-facilitator" },
			verdict: Recommended, gaps: []string{"RG-16"}, words: []string{"SoSM may be the Scrum Master of one team, not of more"}},
		{name: "Scrum@Scale: no Executive Action Team, no Chief Product Owner", f: ScrumAtScale, teams: 4, need: 5, against: 1, eff: 3, rest: 3, reg: oldRegister,
			roster:  both(withoutRole(RoleBusinessOwner), withoutRole(RoleProductManagement)),
			verdict: RecommendedConditions, reasons: []string{"The roster names none of the Executive Action Team."},
			gaps:   []string{"RG-02", "RG-04"},
			owners: map[string]Owner{"RG-02/product-management": OwnerLACE, "RF-02/register": OwnerLACE}},
		{name: "Other: four teams, weak need, no facilitator", f: OtherFramework, teams: 4, roster: withoutRole(RoleFacilitator), need: 2, against: 2, rest: 3, reg: oldRegister,
			verdict: NotRecommended, headline: "signs of need are weak", gaps: nil,
			owners: map[string]Owner{"RF-01/register": OwnerScrumMasters}},
		{name: "Other: a spread-thin facilitator on a team of teams", f: OtherFramework, teams: 6, need: 5, against: 1, eff: 4, rest: 4,
			roster: func(r *Roster) {
				r.Teams[0].ScrumMasterID, r.Teams[1].ScrumMasterID = "p-facilitator", "p-facilitator"
				r.ValueStreamMap = false
			},
			verdict: Recommended, gaps: []string{"RG-16"}, words: []string{"scaled facilitator"}},
	}
}

func TestScenarioLibrary(t *testing.T) {
	d := loadDefs(t)
	for _, sc := range scenarios() {
		t.Run(sc.name, func(t *testing.T) {
			tr, a := sc.build(t, d)
			r := Evaluate(d, tr, a)
			v := r.Verdict
			if v.Kind != sc.verdict {
				t.Fatalf("verdict %s (%s), want %s", v.Kind, v.Headline, sc.verdict)
			}
			if !strings.Contains(v.Headline, sc.headline) {
				t.Errorf("headline %q lacks %q", v.Headline, sc.headline)
			}
			var reasons []string
			for _, e := range v.Reasons {
				reasons = append(reasons, e.Text)
			}
			for _, want := range sc.reasons {
				if !strings.Contains(strings.Join(reasons, " | "), want) {
					t.Errorf("no reason with %q in %q", want, reasons)
				}
			}
			if !strings.Contains(v.WayToStart, sc.way) {
				t.Errorf("way forward %q lacks %q", v.WayToStart, sc.way)
			}
			if got := gapRules(r.Gaps); !slices.Equal(got, sc.gaps) {
				t.Errorf("gaps %v, want %v", got, sc.gaps)
			}
			for id, want := range sc.owners {
				rec, ok := findRec(r.Recommendations, id)
				if !ok {
					t.Errorf("no recommendation %s among %v", id, recIDs(r.Recommendations))
					continue
				}
				if rec.Owner != want {
					t.Errorf("%s owned by %s, want %s", id, rec.Owner, want)
				}
			}
			top, _ := MattersMost(d, tr.Framework, r)
			if sc.topFirst != "" && (len(top) == 0 || top[0].ID != sc.topFirst) {
				t.Errorf("what matters most starts with %v, want %s", recIDs(top), sc.topFirst)
			}
			groups := GroupRecommendations(d, tr.Framework, r.Agreed())
			if len(top) != min(MattersMostCount, len(groups)) {
				t.Errorf("what matters most has %d of %d groups", len(top), len(groups))
			}
			seen := map[string]bool{}
			for _, rec := range top {
				k, _ := groupOf(d, tr.Framework, rec)
				if seen[k] {
					t.Errorf("what matters most repeats the finding %s", k)
				}
				seen[k] = true
			}
			text := conclusionText(r)
			for _, w := range sc.words {
				if !strings.Contains(text, w) {
					t.Errorf("no %q in the conclusions", w)
				}
			}
			for _, p := range checkCoherent(d, tr, a, r, text) {
				t.Error(p)
			}
		})
	}
}

// conclusionText is every sentence the rules wrote: what a report prints of
// the verdict, the gaps and the recommendations.
func conclusionText(r Results) string {
	var b strings.Builder
	v := r.Verdict
	b.WriteString(v.Headline + "\n" + v.WayToStart + "\n" + strings.Join(v.Conditions, "\n") + "\n")
	for _, e := range v.Reasons {
		b.WriteString(e.Text + "\n")
	}
	for _, g := range r.Gaps {
		b.WriteString(g.Subject + ": " + g.Finding + " " + g.Explanation + "\n")
	}
	for _, rec := range r.Recommendations {
		b.WriteString(rec.Finding + "\n" + rec.Action + "\n" + rec.Acceptance + "\n" + rec.TargetPI + "\n")
		for _, e := range rec.Evidence {
			b.WriteString(e.Text + "\n")
		}
	}
	return b.String()
}

// checkCoherent holds for every train: the conclusions agree with each
// other and with the framework, and nobody owns advice who cannot act on
// it (RO-01).
func checkCoherent(d *Definitions, tr Train, a *Assessment, r Results, text string) []string {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if strings.Contains(text, "{") {
		i := strings.Index(text, "{")
		fail("a placeholder is left: …%s…", text[max(0, i-40):min(len(text), i+40)])
	}
	var foreign []string
	switch tr.Framework {
	case SAFe:
		foreign = scrumAtScaleOnly
	case ScrumAtScale:
		foreign = safeOnly
	default:
		foreign = append(slices.Clone(safeOnly), scrumAtScaleOnly...)
	}
	for _, w := range foreign {
		if i := strings.Index(text, w); i >= 0 {
			fail("%q in a %s train's conclusions: …%s…", w, tr.Framework, text[max(0, i-60):min(len(text), i+60)])
		}
	}
	recommended := r.Verdict.Kind == Recommended || r.Verdict.Kind == RecommendedConditions
	if !recommended && slices.Contains(gapRules(r.Gaps), "RG-01") {
		fail("verdict %s, yet the missing facilitator is a gap", r.Verdict.Kind)
	}
	for _, rec := range r.Recommendations {
		switch rec.Owner {
		case OwnerFacilitator:
			if !holds(a.Roster, RoleFacilitator) || !recommended {
				fail("%s is owned by the facilitator, who is vacant or not recommended", rec.ID)
			}
		case OwnerProductManagement:
			if !holds(a.Roster, RoleProductManagement) {
				fail("%s is owned by a vacant backlog owner", rec.ID)
			}
		case OwnerBusinessOwners:
			if !holds(a.Roster, RoleBusinessOwner) {
				fail("%s is owned by leaders the roster does not name", rec.ID)
			}
			if is, ok := r.Item(itemNoLeaders); ok && int(is.Rating) >= StrongLevel {
				fail("%s is owned by leaders the assessment finds unempowered", rec.ID)
			}
		}
	}
	for _, is := range r.Items {
		if it, _ := d.Item(is.ItemID); it != nil && !it.AppliesTo(tr.Framework) {
			fail("item %s is scored for a %s train", is.ItemID, tr.Framework)
		}
	}
	if !r.Overall.Enough() && r.Level.Number != 0 {
		fail("level %s named on %d of %d items", r.Level.Name, r.Overall.Rated, r.Overall.Total)
	}
	return problems
}

// TestScenarioRulesFailWhenBroken: the coherence check is no test that
// cannot fail: a recommendation given to a vacant RTE, or a SAFe word in a
// Scrum@Scale train's text, is caught.
func TestScenarioRulesFailWhenBroken(t *testing.T) {
	d := loadDefs(t)
	sc := scenarios()[1] // nine teams, no RTE
	tr, a := sc.build(t, d)
	r := Evaluate(d, tr, a)
	r.Recommendations = append(r.Recommendations, Recommendation{ID: "broken", Owner: OwnerFacilitator})
	if len(checkCoherent(d, tr, a, r, conclusionText(r))) == 0 {
		t.Error("a recommendation owned by the vacant RTE passed the coherence check")
	}
	if len(checkCoherent(d, Train{Framework: ScrumAtScale}, a, Results{Verdict: Verdict{Kind: Recommended}}, "Ask the RTE.")) == 0 {
		t.Error("a SAFe word in a Scrum@Scale text passed the coherence check")
	}
}

// TestScrumAtScaleSample: the Scrum@Scale sample reads as a Scrum@Scale
// coach would write it, and holds to every rule of the library.
func TestScrumAtScaleSample(t *testing.T) {
	d := loadDefs(t)
	tr, live, reg, a := SampleScrumAtScale(testDate)
	if tr.Framework != ScrumAtScale || !strings.Contains(tr.Name, "sample") || len(live.Teams) != 6 || len(reg) == 0 {
		t.Fatalf("sample %+v with %d teams", tr, len(live.Teams))
	}
	for id := range a.Answers {
		if it, _ := d.Item(id); it == nil || !it.AppliesTo(ScrumAtScale) {
			t.Errorf("the sample answers %s, which a Scrum@Scale train is not asked", id)
		}
	}
	r := Evaluate(d, tr, &a)
	if r.Verdict.Kind != RecommendedConditions || !strings.Contains(strings.Join(r.Verdict.Conditions, " "), "leadership group") {
		t.Errorf("verdict %s %q, conditions %q", r.Verdict.Kind, r.Verdict.Headline, r.Verdict.Conditions)
	}
	if got := gapRules(r.Gaps); !slices.Equal(got, []string{"RG-13"}) {
		t.Errorf("gaps %v, want the Scrum of Scrums of six (RG-13)", got)
	}
	if r.Level.Number == 0 {
		t.Errorf("no level named on the sample")
	}
	text := conclusionText(r)
	for _, p := range checkCoherent(d, tr, &a, r, text) {
		t.Error(p)
	}
	if !strings.Contains(text, "Scrum of Scrum of Scrums") {
		t.Errorf("the six teams are not advised to grow into a Scrum of Scrum of Scrums")
	}
}
