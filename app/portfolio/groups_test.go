package portfolio

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/assessment"
)

// TestPortfolioScreenGroups: the view switch shows the roll-up by group as
// the LACE reads it in its weekly meeting: each group's trains, levels,
// verdicts, mean by dimension and overall, change since the previous PI
// and follow-through; a group of fewer than three trains is listed with
// its size only, hidden as the portfolio PDF hides it.
func TestPortfolioScreenGroups(t *testing.T) {
	s, h, _ := newScreen(t, 6) // Payments and Digital, three trains each
	ctx := context.Background()
	_, aid, err := h.store.AddSampleOf(ctx, assessment.SAFe, testDay)
	if err != nil {
		t.Fatal(err)
	}
	a, err := h.store.Assessment(ctx, aid)
	if err != nil {
		t.Fatal(err)
	}
	tiny, err := h.store.Train(ctx, a.TrainID)
	if err != nil {
		t.Fatal(err)
	}
	tiny.Group, tiny.Name = "Tiny stream", "Lonely train"
	if err := h.store.UpdateTrain(ctx, tiny); err != nil {
		t.Fatal(err)
	}
	s.Load(nil)
	if s.View() != ViewTrains {
		t.Fatalf("the screen opens on %q, want the trains", s.View())
	}
	s.view.SetSelected(ViewGroups) // as a tap on "Groups"
	if s.View() != ViewGroups || !s.groups_.Visible() || s.table.Visible() {
		t.Fatalf("the Groups view: roll-up shown %v, trains shown %v", s.groups_.Visible(), s.table.Visible())
	}
	if s.GroupCount() != 3 {
		t.Fatalf("%d groups listed, want Digital, Payments and Tiny stream", s.GroupCount())
	}
	var got []string
	for i := range s.GroupCount() {
		got = append(got, s.GroupCell(i, groupName)+": "+s.GroupCell(i, groupTrains))
	}
	if want := []string{"Digital: 3", "Payments: 3", "Tiny stream: 1"}; !slices.Equal(got, want) {
		t.Fatalf("groups %v, want %v", got, want)
	}
	cols := s.GroupColumns()
	dims := h.defs.Dimensions
	if len(cols) != 7+len(dims) || cols[4] != dims[0].ID {
		t.Fatalf("roll-up columns %v", cols)
	}
	// The shown groups: figures as the trains' own say them.
	for row, group := range []string{"Digital", "Payments"} {
		var rows []assessment.PortfolioRow
		for _, r := range s.p.Rows {
			if r.Train.Group == group {
				rows = append(rows, r)
			}
		}
		for _, dim := range dims {
			sum, n := 0.0, 0
			for _, r := range rows {
				for _, ds := range r.Results.Dimensions {
					if ds.DimensionID == dim.ID && ds.Score.Enough() {
						sum += ds.Score.Value
						n++
					}
				}
			}
			want := "–"
			if n > 0 {
				want = fmt.Sprintf("%.0f", sum/float64(n))
			}
			if c := s.GroupCell(row, dim.ID); c != want {
				t.Errorf("%s, %s: %q, want %q", group, dim.Title, c, want)
			}
		}
		sum := 0.0
		for _, r := range rows {
			sum += r.Results.Overall.Value
		}
		if c, want := s.GroupCell(row, groupOverall), fmt.Sprintf("%.0f (of 3)", math.Round(sum/3)); c != want {
			t.Errorf("%s overall: %q, want %q", group, c, want)
		}
		if c := s.GroupCell(row, groupLevels); c == "–" || c == "" || c == "none assessed" {
			t.Errorf("%s levels: %q", group, c)
		}
		if c := s.GroupCell(row, groupVerdicts); c == "–" || c == "" {
			t.Errorf("%s verdicts: %q", group, c)
		}
	}
	// The small group: its size only, on screen as in the PDF.
	for _, col := range cols[3:] {
		if c := s.GroupCell(2, col); c != "–" {
			t.Errorf("Tiny stream, %s: %q, want a dash", col, c)
		}
	}
	if c := s.GroupCell(2, groupLevels); c != assessment.HiddenGroup(assessment.DefaultMinGroup) {
		t.Errorf("Tiny stream levels: %q", c)
	}
	screentest.AssertShows(t, h.win.Canvas(), "hidden: fewer than 3 trains")
	screentest.AssertShows(t, h.win.Canvas(), "Tiny stream")
	screentest.AssertNotShown(t, h.win.Canvas(), "Lonely train")

	// Tapping a group opens its trains.
	s.groups_.OnSelected(tableCell(1))
	if s.View() != ViewTrains || s.filters.Group != "Payments" || s.Len() != 3 {
		t.Errorf("tapping Payments: view %q, group %q, %d trains", s.View(), s.filters.Group, s.Len())
	}
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
}
