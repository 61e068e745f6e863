package assessment

import (
	"math"
	"testing"
)

// TestGroupRollupFigures: a shown group's roll-up is the mean of its
// trains' scores by dimension and overall, the mean change since each
// one's previous assessment, and its follow-ups added up; a group of fewer
// trains than the minimum shows none of them.
func TestGroupRollupFigures(t *testing.T) {
	d := loadDefs(t)
	trains := SamplePortfolio(d, testDate, 24)
	trains = append(trains, buildTrains(d, many(2, "Small", ptrain{group: "Small group"}))...)
	p := BuildPortfolio(d, trains, PortfolioOptions{})
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	shown, hidden := 0, 0
	for _, g := range p.Groups {
		var rows []PortfolioRow
		for _, r := range p.Rows {
			if r.Train.Group == g.Group {
				rows = append(rows, r)
			}
		}
		if g.Trains != len(rows) {
			t.Errorf("group %q: %d trains, want %d", g.Group, g.Trains, len(rows))
		}
		if g.Hidden {
			hidden++
			if g.Trains >= DefaultMinGroup || g.Dimensions != nil || g.Changed != 0 || g.Change != 0 || g.FollowedUp != 0 || g.FollowThrough.Total != 0 {
				t.Errorf("hidden group %q of %d shows figures: %+v", g.Group, g.Trains, g)
			}
			continue
		}
		shown++
		if len(g.Dimensions) != len(d.Dimensions) {
			t.Fatalf("group %q: %d dimensions", g.Group, len(g.Dimensions))
		}
		for k, dim := range d.Dimensions {
			sum, n := 0.0, 0
			for _, r := range rows {
				for _, ds := range r.Results.Dimensions {
					if r.Assessed() && ds.DimensionID == dim.ID && ds.Score.Total > 0 && ds.Score.Enough() {
						sum += ds.Score.Value
						n++
					}
				}
			}
			if got := g.Dimensions[k]; got.DimensionID != dim.ID || got.Scored != n || n > 0 && !near(got.Mean, sum/float64(n)) {
				t.Errorf("group %q, %s: mean %.2f of %d, want %.2f of %d", g.Group, dim.ID, got.Mean, got.Scored, sum/float64(max(n, 1)), n)
			}
		}
		change, changed, closed, total, followed := 0.0, 0, 0, 0, 0
		for _, r := range rows {
			if !r.Assessed() {
				continue
			}
			if r.HasPrevious && r.Results.Overall.Enough() && r.PreviousOverall.Enough() {
				change += r.Results.Overall.Value - r.PreviousOverall.Value
				changed++
			}
			if ft := r.Results.FollowThrough; ft.Total > 0 {
				closed += ft.Done + ft.MetByData + ft.Dropped
				total += ft.Total
				followed++
			}
		}
		if g.Changed != changed || changed > 0 && !near(g.Change, change/float64(changed)) {
			t.Errorf("group %q: change %.2f of %d trains, want %.2f of %d", g.Group, g.Change, g.Changed, change/float64(max(changed, 1)), changed)
		}
		if g.FollowedUp != followed || g.FollowThrough.Total != total || total > 0 && !near(g.FollowThrough.Rate, float64(closed)/float64(total)) {
			t.Errorf("group %q: follow-through %+v of %d trains, want %d of %d closed, %d trains", g.Group, g.FollowThrough, g.FollowedUp, closed, total, followed)
		}
		if changed == 0 || followed == 0 {
			t.Errorf("group %q: the sample portfolio should have changes and follow-ups", g.Group)
		}
	}
	if shown < 3 || hidden != 1 {
		t.Errorf("%d groups shown, %d hidden; want the sample's three (and the ungrouped) shown, the small one hidden", shown, hidden)
	}
	if got := HiddenGroup(3); got != "hidden: fewer than 3 trains" {
		t.Errorf("HiddenGroup(3) = %q", got)
	}
}
