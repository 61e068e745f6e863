package portfolio

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
	"github.com/trainscope/trainscope/data"
)

// BenchmarkShowPortfolio is what the LACE waits for when the portfolio
// screen first shows, at the scale of issue 12: the LACE's database (500
// trains of 20 finished assessments each, from 50 coaches; laceDB) opened,
// from the read to the table on screen: the trains, their coaches and the
// facts of their two newest finished assessments read from the store
// (kept there, so nothing is evaluated), the groups, the portfolio rules,
// the LACE's review, the heatmap sorted and the table and findings panel
// laid out. "no-facts-kept" is the first show after the facts were dropped
// for every train (a new Trainscope or new checklists: other rules): every
// train's two assessments loaded in full, evaluated and their facts kept.
// "read-in-full" is the screen as it was before the facts were kept.
func BenchmarkShowPortfolio(b *testing.B) {
	b.Run("trains=500", func(b *testing.B) {
		s, w, _ := benchScreen(b)
		for b.Loop() {
			s.Load(nil)
			w.Content().Refresh()
		}
		if s.Len() != laceTrains {
			b.Fatalf("%d rows shown", s.Len())
		}
	})
	b.Run("trains=500/read-in-full", func(b *testing.B) {
		// The screen as it was before the store kept the facts: the two
		// newest finished assessments of every train loaded in full and
		// evaluated at every open.
		s, w, _ := benchScreen(b)
		h := s.host.(*syncHost)
		for b.Loop() {
			trains, err := h.store.PortfolioTrains(context.Background(), "")
			if err != nil {
				b.Fatal(err)
			}
			groups, err := h.store.Groups(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			s.Set(trains, groups, nil)
			w.Content().Refresh()
		}
		if s.Len() != laceTrains {
			b.Fatalf("%d rows shown", s.Len())
		}
	})
	b.Run("trains=500/no-facts-kept", func(b *testing.B) {
		_, _, path := benchScreen(b)
		n := 0
		var s *Screen
		for b.Loop() {
			b.StopTimer()
			n++
			var w fyne.Window
			s, w = benchScreenOn(b, path, fmt.Sprintf("other rules %d", n))
			b.StartTimer()
			s.Load(nil)
			w.Content().Refresh()
		}
		if s.Len() != laceTrains {
			b.Fatalf("%d rows shown", s.Len())
		}
	})
}

// BenchmarkFilterPortfolio is one filter change on the screen showing the
// LACE's 500 trains, a group chosen and All again by turns: the portfolio
// built from the trains read (no evaluation, no read but the review's),
// the table and the findings panel laid out.
func BenchmarkFilterPortfolio(b *testing.B) {
	b.Run("trains=500", func(b *testing.B) {
		s, w, _ := benchScreen(b)
		s.Load(nil)
		filters := []Filters{{Group: s.groups[0]}, {}}
		changes := 0
		for b.Loop() {
			s.SetFilters(filters[changes%2])
			w.Content().Refresh()
			changes++
		}
		if s.SetFilters(Filters{}); s.Len() != laceTrains {
			b.Fatalf("%d rows shown", s.Len())
		}
	})
}

// The LACE's database of issue 12.
const (
	laceCoaches     = 50
	trainsPerCoach  = 10
	laceTrains      = laceCoaches * trainsPerCoach
	laceAssessments = 20
)

var lace struct {
	once sync.Once
	dir  string // the database, built once per test binary
	err  error
}

// laceDB is the LACE's database, built once and copied for each benchmark:
// the 50 coaches' bundles gathered, each of 10 trains (the SAFe sample
// train and, every third, the Scrum@Scale one: eight or so teams, the
// register, their finished assessments with every answer and the roster
// snapshot, the latest one's follow-ups), named and grouped three ways,
// with 20 finished assessments each: the sample's own, the oldest again at
// earlier PIs.
func laceDB(b *testing.B) string {
	lace.once.Do(func() { lace.dir, lace.err = buildLaceDB() })
	if lace.err != nil {
		b.Fatal(lace.err)
	}
	path := filepath.Join(b.TempDir(), "lace.db")
	db, err := os.ReadFile(filepath.Join(lace.dir, "lace.db"))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, db, 0o600); err != nil {
		b.Fatal(err)
	}
	return path
}

func buildLaceDB() (string, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "trainscope-lace-")
	if err != nil {
		return "", err
	}
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		return "", err
	}
	proto, err := data.Open(filepath.Join(dir, "proto.db"), data.Options{Definitions: defs})
	if err != nil {
		return "", err
	}
	for _, f := range []assessment.Framework{assessment.SAFe, assessment.ScrumAtScale} {
		if _, _, err := proto.AddSampleOf(ctx, f, testDay); err != nil {
			return "", err
		}
	}
	both, err := proto.Export(ctx, nil)
	proto.Close()
	if err != nil {
		return "", err
	}
	groups := []string{"Retail banking", "Corporate banking", "Group functions"}
	bundles := filepath.Join(dir, "bundles")
	if err := os.Mkdir(bundles, 0o700); err != nil {
		return "", err
	}
	for c := range laceCoaches {
		coach := fmt.Sprintf("Coach %02d", c+1)
		bundle := data.Bundle{Format: data.BundleFormat, Version: data.BundleVersion, ExportedBy: coach}
		for i := range trainsPerCoach {
			n := c*trainsPerCoach + i
			tr := both.Trains[0]
			if n%3 == 2 {
				tr = both.Trains[1]
			}
			tr.ID = data.NewID()
			tr.Name = fmt.Sprintf("Train %03d", n+1)
			tr.Group = groups[(n/2)%len(groups)]
			var finished []data.BundleAssessment
			for _, a := range tr.Assessments {
				if a.Status == string(assessment.Final) {
					finished = append(finished, a)
				}
			}
			tr.Assessments = nil
			for k := range laceAssessments {
				a := finished[max(0, len(finished)-1-k)]
				a.ID = data.NewID()
				a.Assessor = coach
				if k >= len(finished) {
					// Earlier PIs: the oldest finished assessment again.
					d, err := time.Parse(time.DateOnly, a.Date[:10])
					if err != nil {
						return "", err
					}
					a.Date = d.AddDate(0, 0, -70*(k-len(finished)+1)).Format(time.DateOnly) + a.Date[10:]
					a.PI = fmt.Sprintf("PI %d", 100-k)
					a.FollowUps = nil
				}
				tr.Assessments = append(tr.Assessments, a)
			}
			bundle.Trains = append(bundle.Trains, tr)
		}
		var buf bytes.Buffer
		if _, err := bundle.WriteTo(&buf); err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(bundles, fmt.Sprintf("coach-%02d.json", c+1)), buf.Bytes(), 0o600); err != nil {
			return "", err
		}
	}
	s, err := data.Open(filepath.Join(dir, "lace.db"), benchOptions(defs, "bench rules"))
	if err != nil {
		return "", err
	}
	defer s.Close()
	rep, err := s.ImportMany(ctx, []string{bundles})
	if err != nil {
		return "", err
	}
	if rep.Refused() != 0 {
		return "", fmt.Errorf("gather:\n%s", rep)
	}
	return dir, nil
}

// benchOptions open the LACE's database under rules. The stored summaries
// (the home screen's) are left out: the portfolio does not read them, and
// other rules would make the store evaluate all 10,000 assessments at open.
func benchOptions(defs *assessment.Definitions, rules string) data.Options {
	return data.Options{SummaryRules: rules, Definitions: defs}
}

// benchScreen is the screen in a window of 1280×800 on a copy of the
// LACE's database, its facts kept by a first show.
func benchScreen(b *testing.B) (*Screen, fyne.Window, string) {
	path := laceDB(b)
	s, w := benchScreenOn(b, path, "bench rules")
	s.Load(nil)
	if s.Len() != laceTrains {
		b.Fatalf("%d rows shown", s.Len())
	}
	return s, w, path
}

// benchScreenOn is a new screen on the database at path, opened under
// rules.
func benchScreenOn(b *testing.B, path, rules string) (*Screen, fyne.Window) {
	test.NewTempApp(b)
	defs := defsFor(b)
	st, err := data.Open(path, benchOptions(defs, rules))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	h := &syncHost{store: st, defs: defs}
	s := New(h)
	w := test.NewTempWindow(b, s.Content())
	w.Resize(fyne.NewSize(1280, 800))
	h.win = w
	return s, w
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

// TestMain removes the LACE's database once every benchmark has used it.
func TestMain(m *testing.M) {
	code := m.Run()
	if lace.dir != "" {
		os.RemoveAll(lace.dir)
	}
	os.Exit(code)
}
