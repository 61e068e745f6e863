package portfolio

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
)

// BenchmarkShowPortfolio is the portfolio screen showing 500 trains of 20
// finished assessments each, from the trains read to the table on screen:
// the portfolio rules over every train, the LACE's review read from the
// store, the heatmap sorted and the table laid out. (Reading the trains
// from the database is data's BenchmarkPortfolioTrains.)
func BenchmarkShowPortfolio(b *testing.B) {
	for _, n := range []int{50, 500} {
		b.Run(fmt.Sprintf("trains=%d", n), func(b *testing.B) {
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
			s.trains = trains
			s.fillSelects()
			s.loaded = true
			for b.Loop() {
				s.rebuild()
				w.Content().Refresh()
			}
			if s.Len() != n {
				b.Fatalf("%d rows shown", s.Len())
			}
		})
	}
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
