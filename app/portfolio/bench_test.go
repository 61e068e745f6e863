package portfolio

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
)

// BenchmarkShowPortfolio is the portfolio screen first showing n trains
// of 20 finished assessments each, from the trains read to the table on
// screen: every train evaluated (once), the portfolio rules, the LACE's
// review read from the store, the heatmap sorted and the table laid out.
// (Reading the trains from the database is data's
// BenchmarkPortfolioTrains.)
func BenchmarkShowPortfolio(b *testing.B) {
	for _, n := range []int{50, 500} {
		b.Run(fmt.Sprintf("trains=%d", n), func(b *testing.B) {
			s, w, trains := benchScreen(b, n)
			for b.Loop() {
				s.Set(trains, nil, nil)
				w.Content().Refresh()
			}
			if s.Len() != n {
				b.Fatalf("%d rows shown", s.Len())
			}
		})
	}
}

// BenchmarkFilterPortfolio is one filter change on the screen showing n
// trains, a group chosen and All again by turns: the portfolio built from
// the trains evaluated when they were read (no evaluation again), the
// review read, the table and the findings panel laid out.
func BenchmarkFilterPortfolio(b *testing.B) {
	for _, n := range []int{50, 500} {
		b.Run(fmt.Sprintf("trains=%d", n), func(b *testing.B) {
			s, w, trains := benchScreen(b, n)
			s.Set(trains, nil, nil)
			filters := []Filters{{Group: trains[0].Train.Group}, {}}
			changes := 0
			for b.Loop() {
				s.SetFilters(filters[changes%2])
				w.Content().Refresh()
				changes++
			}
			if s.SetFilters(Filters{}); s.Len() != n {
				b.Fatalf("%d rows shown", s.Len())
			}
		})
	}
}

// benchScreen is the screen in a window of 1280×800, and n sample trains
// with 20 finished assessments each.
func benchScreen(b *testing.B, n int) (*Screen, fyne.Window, []assessment.PortfolioTrain) {
	test.NewTempApp(b)
	defs := defsFor(b)
	h := &syncHost{store: storeAt(b, filepath.Join(b.TempDir(), "t.db"), defs), defs: defs}
	trains := assessment.SamplePortfolio(defs, testDay, n)
	for i := range trains {
		fin := trains[i].Finished
		for len(trains[i].Finished) < 20 && len(fin) > 0 {
			trains[i].Finished = append(trains[i].Finished, fin[len(fin)-1])
		}
	}
	s := New(h)
	w := test.NewTempWindow(b, s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	return s, w, trains
}

// BenchmarkShowBuiltPortfolio is the screen's own part of
// BenchmarkShowPortfolio: a portfolio of 500 trains already built by the
// rules put on screen (columns, sort, heatmap cells, the review panel).
func BenchmarkShowBuiltPortfolio(b *testing.B) {
	test.NewTempApp(b)
	defs := defsFor(b)
	h := &syncHost{store: storeAt(b, filepath.Join(b.TempDir(), "t.db"), defs), defs: defs}
	p := assessment.BuildPortfolio(defs, assessment.SamplePortfolio(defs, testDay, 500), assessment.PortfolioOptions{})
	s := New(h)
	w := test.NewTempWindow(b, s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	for b.Loop() {
		s.show(p, assessment.PortfolioReview{})
		w.Content().Refresh()
	}
	if s.Len() != 500 {
		b.Fatalf("%d rows shown", s.Len())
	}
}
