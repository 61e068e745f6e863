package assessment

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// ptrain is a train of the portfolio with one finished assessment: six
// healthy teams, the roster changed by mod, every item rated level.
type ptrain struct {
	name  string
	f     Framework
	group string
	mod   func(*Roster)
	level Rating
	reg   func() []Impediment
	none  bool // no finished assessment
}

func (pt ptrain) build(d *Definitions, i int) PortfolioTrain {
	f := pt.f
	if f == "" {
		f = SAFe
	}
	level := pt.level
	if level == 0 {
		level = 4
	}
	tr := Train{ID: fmt.Sprintf("train-%02d", i), Name: pt.name, Framework: f, Group: pt.group}
	out := PortfolioTrain{Train: tr, Coaches: []string{"Coach " + string(rune('A'+i%3))}}
	if pt.none {
		return out
	}
	r := healthyRoster(6)
	addPeople(&r, 10) // SAFe expects 50 people or more
	if pt.mod != nil {
		pt.mod(&r)
	}
	ans := fitAnswers(d, 4, 2, nil)
	for _, id := range []string{ChecklistEffectiveness, ChecklistRoles, ChecklistImpediments} {
		for k, v := range rateAll(d, level, id) {
			ans[k] = v
		}
	}
	reg := []Impediment{{ID: "done", Title: "Resolved long ago", Level: LevelTeam, Owner: "Someone",
		Status: StatusResolved, Raised: day(40), Resolved: day(30)}}
	if pt.reg != nil {
		reg = pt.reg()
	}
	a := &Assessment{ID: tr.ID + "-a1", TrainID: tr.ID, Date: testDate, PI: "PI 2026.2", PIWeeks: 10, Status: Final,
		Assessor: out.Coaches[0], Roster: r, Register: reg, Answers: ans}
	out.Finished = []*Assessment{a}
	return out
}

func buildTrains(d *Definitions, pts []ptrain) []PortfolioTrain {
	var out []PortfolioTrain
	for i, pt := range pts {
		out = append(out, pt.build(d, i))
	}
	return out
}

// many is n trains of one kind, named prefix 1…n.
func many(n int, prefix string, pt ptrain) []ptrain {
	var out []ptrain
	for i := 1; i <= n; i++ {
		p := pt
		p.name = fmt.Sprintf("%s %d", prefix, i)
		out = append(out, p)
	}
	return out
}

func findingIDs(p Portfolio) []string {
	var ids []string
	for _, f := range p.Findings {
		ids = append(ids, f.ID)
	}
	return ids
}

func finding(p Portfolio, id string) *SystemicFinding {
	for i := range p.Findings {
		if p.Findings[i].ID == id {
			return &p.Findings[i]
		}
	}
	return nil
}

func TestSystemicRoleGap(t *testing.T) {
	d := loadDefs(t)
	noArchitect := ptrain{mod: withoutRole(RoleSystemArchitect)}
	cases := []struct {
		name     string
		trains   []ptrain
		minGroup int
		want     string // the finding's sentence; "" for no PF-01 finding
		count    int
	}{
		{"three trains that share a gap give a systemic finding",
			append(many(3, "Gap", noArchitect), many(3, "Healthy", ptrain{})...), 0,
			"3 of 6 SAFe trains: no System Architect.", 3},
		{"two trains do not",
			append(many(2, "Gap", noArchitect), many(4, "Healthy", ptrain{})...), 0, "", 0},
		{"three of thirteen are under a quarter",
			append(many(3, "Gap", noArchitect), many(10, "Healthy", ptrain{})...), 0, "", 0},
		{"three of twelve are a quarter",
			append(many(3, "Gap", noArchitect), many(9, "Healthy", ptrain{})...), 0,
			"3 of 12 SAFe trains: no System Architect.", 3},
		{"a larger minimum group asks for more trains",
			append(many(3, "Gap", noArchitect), many(3, "Healthy", ptrain{})...), 4, "", 0},
		{"a SAFe-only gap counts only the SAFe trains",
			append(append(many(3, "Gap", noArchitect), many(1, "Healthy", ptrain{})...), many(8, "Scrum", ptrain{f: ScrumAtScale})...), 0,
			"3 of 4 SAFe trains: no System Architect.", 3},
		{"trains without a finished assessment count toward nothing",
			append(many(3, "Gap", noArchitect), many(5, "New", ptrain{none: true})...), 0,
			"3 of 3 SAFe trains: no System Architect.", 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := BuildPortfolio(d, buildTrains(d, c.trains), PortfolioOptions{MinGroup: c.minGroup})
			f := finding(p, "PF-01/RG-03")
			if c.want == "" {
				if f != nil {
					t.Fatalf("unexpected finding %q", f.Finding)
				}
				return
			}
			if f == nil {
				t.Fatalf("no PF-01/RG-03 finding; findings: %v", findingIDs(p))
			}
			if f.Finding != c.want || f.Count != c.count || len(f.Trains) != c.count {
				t.Errorf("finding %q on %d trains (%d named), want %q on %d", f.Finding, f.Count, len(f.Trains), c.want, c.count)
			}
			for _, tr := range f.Trains {
				if !strings.HasPrefix(tr.Name, "Gap ") {
					t.Errorf("finding names %q, which has the role", tr.Name)
				}
			}
			var rec *PortfolioRecommendation
			for i := range p.Recommendations {
				if p.Recommendations[i].ID == f.ID {
					rec = &p.Recommendations[i]
				}
			}
			if rec == nil {
				t.Fatal("no portfolio recommendation for the finding")
			}
			if rec.Owner != OwnerPortfolioLeadership || rec.Acceptance == "" || rec.Action == "" || rec.Status != Proposed || len(rec.Trains) != c.count {
				t.Errorf("recommendation %+v", rec)
			}
			if !strings.Contains(rec.Acceptance, fmt.Sprintf("fewer than %d of them", acceptedBelow(c.count))) {
				t.Errorf("acceptance %q is not measurable against the trains", rec.Acceptance)
			}
		})
	}
}

func TestSystemicFindingsOtherRules(t *testing.T) {
	d := loadDefs(t)
	cases := []struct {
		name   string
		trains []ptrain
		want   []string // these IDs among the findings
		not    []string
		none   bool // no finding at all
	}{
		{"a low dimension in three trains", append(many(3, "Low", ptrain{level: 2}), many(3, "Fine", ptrain{})...),
			[]string{"PF-02/" + d.Dimensions[0].ID}, nil, false},
		{"a low dimension in two trains is not systemic", append(many(2, "Low", ptrain{level: 2}), many(4, "Fine", ptrain{})...),
			nil, []string{"PF-02/" + d.Dimensions[0].ID}, false},
		{"old and LACE-level impediments in three trains", append(many(3, "Old", ptrain{reg: oldRegister}), many(3, "Fine", ptrain{})...),
			[]string{"PF-03/lace-level", "PF-03/older-than-pi", "PF-04/RF-01"}, []string{"PF-04/RF-02"}, false},
		{"healthy trains have nothing systemic", many(6, "Fine", ptrain{}), nil, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := BuildPortfolio(d, buildTrains(d, c.trains), PortfolioOptions{})
			ids := findingIDs(p)
			for _, id := range c.want {
				if !slices.Contains(ids, id) {
					t.Errorf("no finding %s; got %v", id, ids)
				}
			}
			for _, id := range c.not {
				if slices.Contains(ids, id) {
					t.Errorf("unexpected finding %s", id)
				}
			}
			if c.none && len(ids) != 0 {
				t.Errorf("healthy trains gave findings %v", ids)
			}
			if len(p.Recommendations) != len(p.Findings) {
				t.Errorf("%d recommendations for %d findings", len(p.Recommendations), len(p.Findings))
			}
		})
	}
}

func TestPoorFollowThroughAcrossTrains(t *testing.T) {
	d := loadDefs(t)
	pts := many(4, "Slow", ptrain{})
	trains := buildTrains(d, pts)
	for i := range trains[:3] {
		a := trains[i].Finished[0]
		a.FollowUps = []FollowUp{{RecommendationID: "x/1", Rule: "RF-07", State: FollowUpNotStarted, TargetPI: "PI 2026.1", RaisedPI: "PI 2026.1"},
			{RecommendationID: "x/2", Rule: "RF-07", State: FollowUpDone, TargetPI: "PI 2026.1", RaisedPI: "PI 2026.1"},
			{RecommendationID: "x/3", Rule: "RF-07", State: FollowUpInProgress, TargetPI: "PI 2026.1", RaisedPI: "PI 2026.1"}}
	}
	p := BuildPortfolio(d, trains, PortfolioOptions{})
	f := finding(p, "PF-05/follow-through")
	if f == nil {
		t.Fatalf("no PF-05 finding; got %v", findingIDs(p))
	}
	if f.Count != 3 || f.Of != 3 {
		t.Errorf("PF-05 on %d of %d, want 3 of 3 (only trains with follow-ups count)", f.Count, f.Of)
	}
	if !strings.Contains(f.Finding, "PI") {
		t.Errorf("a SAFe portfolio's finding should use the SAFe words: %q", f.Finding)
	}
}

func TestGroupRollupsHideSmallGroups(t *testing.T) {
	d := loadDefs(t)
	pts := append(many(3, "North", ptrain{group: "North"}), many(2, "South", ptrain{group: "South"})...)
	pts = append(pts, many(1, "Loose", ptrain{})...)
	for _, c := range []struct {
		minGroup int
		hidden   []string
	}{
		{0, []string{"South", ""}},
		{2, []string{""}},
		{1, nil},
		{4, []string{"North", "South", ""}},
	} {
		t.Run(fmt.Sprint(c.minGroup), func(t *testing.T) {
			p := BuildPortfolio(d, buildTrains(d, pts), PortfolioOptions{MinGroup: c.minGroup})
			if len(p.Groups) != 3 || p.Groups[0].Group != "North" || p.Groups[2].Group != "" {
				t.Fatalf("groups %+v, want North, South, then the ungrouped", p.Groups)
			}
			for _, g := range p.Groups {
				hide := slices.Contains(c.hidden, g.Group)
				if g.Hidden != hide {
					t.Errorf("group %q of %d hidden = %v, want %v", g.Group, g.Trains, g.Hidden, hide)
				}
				if g.Hidden && (g.Assessed != 0 || g.Levels.Total() != 0 || g.Overall != 0 || g.Verdicts != nil) {
					t.Errorf("hidden group %q shows figures: %+v", g.Group, g)
				}
				if !g.Hidden && (g.Assessed != g.Trains || g.Scored == 0 || g.Overall == 0) {
					t.Errorf("shown group %q lacks figures: %+v", g.Group, g)
				}
			}
		})
	}
	p := BuildPortfolio(d, buildTrains(d, pts), PortfolioOptions{Group: "South"})
	if len(p.Rows) != 2 || p.Rows[0].Train.Group != "South" {
		t.Errorf("group filter gave %d rows", len(p.Rows))
	}
}

func TestPortfolioRowsAndHeatmap(t *testing.T) {
	d := loadDefs(t)
	pts := []ptrain{{name: "Bravo"}, {name: "Alpha"}, {name: "Charlie", none: true}, {name: "Delta"}}
	trains := buildTrains(d, pts)
	// Delta answered too little for scores.
	trains[3].Finished[0].Answers = fitAnswers(d, 4, 2, nil)
	// Bravo has a previous assessment, lower.
	prev := *trains[0].Finished[0]
	prev.ID, prev.PI = "prev", "PI 2026.1"
	prev.Answers = fitAnswers(d, 4, 2, nil)
	for _, id := range []string{ChecklistEffectiveness, ChecklistRoles, ChecklistImpediments} {
		for k, v := range rateAll(d, 3, id) {
			prev.Answers[k] = v
		}
	}
	trains[0].Finished = append(trains[0].Finished, &prev)

	p := BuildPortfolio(d, trains, PortfolioOptions{})
	var names []string
	for _, r := range p.Rows {
		names = append(names, r.Train.Name)
	}
	if want := []string{"Alpha", "Bravo", "Charlie", "Delta"}; !slices.Equal(names, want) {
		t.Fatalf("rows %v, want %v", names, want)
	}
	if len(p.Heatmap.Cells) != 4 || len(p.Heatmap.Dimensions) != len(d.Dimensions) {
		t.Fatalf("heatmap %d rows × %d dimensions", len(p.Heatmap.Cells), len(p.Heatmap.Dimensions))
	}
	for j := range p.Heatmap.Dimensions {
		if s := p.Heatmap.Cells[0][j].State; s != CellScore {
			t.Errorf("Alpha, dimension %d: %s, want a score", j, s)
		}
		if s := p.Heatmap.Cells[2][j].State; s != CellAbsent {
			t.Errorf("Charlie (not assessed), dimension %d: %s, want absent", j, s)
		}
		if s := p.Heatmap.Cells[3][j].State; s != CellNotEnough && s != CellAbsent {
			t.Errorf("Delta (fit only), dimension %d: %s, want not enough answered", j, s)
		}
	}
	if p.Rows[2].Assessed() || p.Rows[2].Level() != NoLevel {
		t.Error("Charlie has no finished assessment")
	}
	ch, ok := p.Rows[1].Change()
	if !ok || ch <= 0 {
		t.Errorf("Bravo's change since last PI = %v, %v; want a rise", ch, ok)
	}
	if _, ok := p.Rows[0].Change(); ok {
		t.Error("Alpha has no previous assessment, so no change")
	}
	if p.Levels.Total() != 3 || p.Previous.Total() != 1 {
		t.Errorf("levels counted %d now, %d before; want 3 and 1", p.Levels.Total(), p.Previous.Total())
	}
	if len(p.Rows[1].Top) == 0 && len(p.Rows[1].Results.Agreed()) > 0 || len(p.Rows[1].Top) > PortfolioTopCount {
		t.Errorf("Bravo's top recommendations: %d", len(p.Rows[1].Top))
	}
}

func TestPortfolioIsDeterministic(t *testing.T) {
	d := loadDefs(t)
	pts := append(many(4, "Gap", ptrain{mod: withoutRole(RoleSystemArchitect), reg: oldRegister}), many(4, "Fine", ptrain{group: "G"})...)
	trains := buildTrains(d, pts)
	a := BuildPortfolio(d, trains, PortfolioOptions{})
	rev := slices.Clone(trains)
	slices.Reverse(rev)
	b := BuildPortfolio(d, rev, PortfolioOptions{})
	if !reflect.DeepEqual(findingIDs(a), findingIDs(b)) || !reflect.DeepEqual(a.Recommendations, b.Recommendations) || !reflect.DeepEqual(a.Heatmap, b.Heatmap) {
		t.Error("the order of the input changed the portfolio")
	}
	if len(a.Findings) == 0 {
		t.Fatal("expected findings")
	}
}

func TestMixedFrameworksUseNeutralWords(t *testing.T) {
	d := loadDefs(t)
	pts := append(many(3, "Safe", ptrain{reg: oldRegister}), many(3, "Sas", ptrain{f: ScrumAtScale, reg: oldRegister})...)
	p := BuildPortfolio(d, buildTrains(d, pts), PortfolioOptions{})
	if p.Framework != OtherFramework || len(p.Frameworks) != 2 {
		t.Fatalf("framework %s of %v", p.Framework, p.Frameworks)
	}
	f := finding(p, "PF-03/older-than-pi")
	if f == nil || f.Count != 6 {
		t.Fatalf("PF-03 older than a PI: %+v", f)
	}
	for _, r := range p.Recommendations {
		text := r.Finding + " " + r.Action + " " + r.Acceptance
		for _, w := range append(slices.Clone(safeOnly), scrumAtScaleOnly...) {
			if strings.Contains(" "+text+" ", w) {
				t.Errorf("%s: a mixed portfolio says %q: %s", r.ID, w, text)
			}
		}
	}
}

func TestPortfolioReview(t *testing.T) {
	d := loadDefs(t)
	p := BuildPortfolio(d, buildTrains(d, many(3, "Old", ptrain{reg: oldRegister})), PortfolioOptions{})
	if len(p.Recommendations) < 2 {
		t.Fatalf("need two recommendations, got %d", len(p.Recommendations))
	}
	first, second := p.Recommendations[0].ID, p.Recommendations[1].ID
	p.Review(PortfolioReview{
		Edits: map[string]RecommendationEdit{
			first:    {Status: Rejected, Reason: "Already handled by the portfolio board"},
			second:   {Status: Accepted, Action: "Our own words", Owner: OwnerLACE},
			"PF-9/x": {Status: Accepted},
		},
		Added: []Recommendation{{Finding: "Our finding", Action: "Do it", Acceptance: "Done by June"}},
	})
	got := map[string]PortfolioRecommendation{}
	for _, r := range p.Recommendations {
		got[r.ID] = r
	}
	if r := got[first]; r.Status != Rejected || r.Reason != "Already handled by the portfolio board" {
		t.Errorf("rejected: %+v", r)
	}
	if r := got[second]; r.Status != Accepted || r.Action != "Our own words" || !r.Edited {
		t.Errorf("edited: %+v", r)
	}
	if r, ok := got["lace/1"]; !ok || r.Status != Accepted || r.Owner != OwnerLACE || !r.ByCoach {
		t.Errorf("added: %+v", r)
	}
	if _, ok := got["PF-9/x"]; ok {
		t.Error("an edit of a recommendation no finding derives came back")
	}
	for _, r := range p.Agreed() {
		if r.ID == first {
			t.Error("a rejected recommendation is agreed")
		}
	}
}

// The sample portfolio of three coaches: the heatmap, systemic findings
// and portfolio recommendations the issue asks the screen and PDF to show.
func TestSamplePortfolio(t *testing.T) {
	d := loadDefs(t)
	trains := SamplePortfolio(d, testDate, 12)
	p := BuildPortfolio(d, trains, PortfolioOptions{})
	if len(p.Rows) != 12 || len(p.Heatmap.Cells) != 12 {
		t.Fatalf("%d rows", len(p.Rows))
	}
	f := finding(p, "PF-01/RG-03")
	if f == nil {
		t.Fatalf("the sample's missing System Architect should be systemic; findings %v", findingIDs(p))
	}
	if f.Finding != "4 of 7 SAFe trains: no System Architect." {
		t.Errorf("finding %q", f.Finding)
	}
	if len(p.Recommendations) == 0 || p.Framework != OtherFramework {
		t.Errorf("%d recommendations, words of %s", len(p.Recommendations), p.Framework)
	}
	coaches := map[string]bool{}
	for _, tr := range trains {
		coaches[tr.Coaches[0]] = true
	}
	if len(coaches) != 3 {
		t.Errorf("%d coaches", len(coaches))
	}
	t.Logf("findings: %v", findingIDs(p))
}

func TestPortfolioSortAndLevelFilter(t *testing.T) {
	d := loadDefs(t)
	pts := []ptrain{{name: "Mid", level: 3}, {name: "High", level: 5}, {name: "None", none: true}, {name: "Low", level: 1}}
	p := BuildPortfolio(d, buildTrains(d, pts), PortfolioOptions{})
	names := func(rows []PortfolioRow) string {
		var n []string
		for _, r := range rows {
			n = append(n, r.Train.Name)
		}
		return strings.Join(n, ",")
	}
	for _, c := range []struct {
		col  PortfolioColumn
		desc bool
		want string
	}{
		{ColumnTrain, false, "High,Low,Mid,None"},
		{ColumnTrain, true, "None,Mid,Low,High"},
		{ColumnScore, false, "Low,Mid,High,None"},
		{ColumnScore, true, "High,Mid,Low,None"},
		{ColumnLevel, true, "High,Mid,Low,None"},
		{PortfolioColumn(d.Dimensions[0].ID), false, "Low,Mid,High,None"},
	} {
		rows, cells := p.SortedRows(c.col, c.desc)
		if got := names(rows); got != c.want {
			t.Errorf("by %s (desc %v): %s, want %s", c.col, c.desc, got, c.want)
		}
		for i, r := range rows {
			if want := p.Heatmap.Cells[rowIndex(p.Rows, r.Train.ID)]; !reflect.DeepEqual(cells[i], want) {
				t.Errorf("by %s: heatmap row %d does not follow its train", c.col, i)
			}
		}
	}
	top := BuildPortfolio(d, buildTrains(d, pts), PortfolioOptions{Levels: []int{4, 5}})
	if got := names(top.Rows); got != "High" {
		t.Errorf("levels 4 and 5: %s, want High", got)
	}
}

// TestEvaluatedPortfolioBuildsAsBuildPortfolio: the trains evaluated once
// and built under many options give what BuildPortfolio gives evaluating
// them each time, and building does not change the evaluated trains.
func TestEvaluatedPortfolioBuildsAsBuildPortfolio(t *testing.T) {
	d := loadDefs(t)
	trains := SamplePortfolio(d, testDate, 24)
	trains = append(trains, buildTrains(d, []ptrain{{name: "Unassessed", none: true, group: "G"}, {name: "Low", level: 1}})...)
	for i := range trains {
		trains[i].Coaches = []string{fmt.Sprintf("Coach %d", i%4)}
	}
	ev := EvaluatePortfolio(d, trains)
	if ev.Len() != len(trains) {
		t.Fatalf("%d trains evaluated of %d", ev.Len(), len(trains))
	}
	optsList := []PortfolioOptions{
		{},
		{MinGroup: 2},
		{Group: trains[0].Train.Group},
		{Group: "G"},
		{Group: "no such group"},
		{Framework: ScrumAtScale},
		{Framework: SAFe, Coach: "Coach 1"},
		{Coach: "Coach 3", MinGroup: 1},
		{Levels: []int{0, 1, 2}},
		{Levels: []int{5}},
		{Group: trains[1].Train.Group, Levels: []int{0, 1, 2, 3, 4}},
	}
	for round := range 2 { // the second round builds from trains built from before
		for _, opts := range optsList {
			want := BuildPortfolio(d, trains, opts)
			got := ev.Build(opts)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round %d, options %+v: the evaluated trains built another portfolio (%d rows, %d findings; want %d, %d)",
					round, opts, len(got.Rows), len(got.Findings), len(want.Rows), len(want.Findings))
			}
		}
	}
	if p := ev.Build(PortfolioOptions{}); len(p.Rows) != len(trains) || len(p.Findings) == 0 {
		t.Errorf("%d rows, %d findings: expected every train and some findings", len(p.Rows), len(p.Findings))
	}
}
