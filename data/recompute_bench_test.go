package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// BenchmarkRecomputeNewRules is the first start after an upgrade that
// changes the rules, on a copy of the 100-train scale database (1,000
// assessments): Open, the first reader of the summaries (what home shows
// first), and the background recompute to its end, while a coach saves an
// answer every 5 ms on the same Store, as the window does. open-ms and
// first-read-ms are what the window waits for; recompute-s is how long
// the figures say "updating…"; max-wait-ms is the longest a save waited.
//
//	TRAINSCOPE_SCALE_DIR=/tmp/scale go test -tags migrated_fynedo -run '^$' -bench '^BenchmarkRecomputeNewRules$' -benchtime 3x -timeout 30m ./data/
func BenchmarkRecomputeNewRules(b *testing.B) {
	ctx := context.Background()
	src := sampleDatabase(b, 100)
	var open, read, recompute, longest time.Duration
	busy := 0
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "trainscope.db")
		copyFile(b, src, path)
		b.StartTimer()
		start := time.Now()
		s, err := Open(path, Options{Summarize: realSummary(b), SummaryRules: "new " + scaleRules})
		must(b, err)
		opened := time.Now()
		done := recomputeEnd(s)
		trains, err := s.Trains(ctx)
		must(b, err)
		firstRead := time.Now()
		if len(trains) != 100 || !trains[0].Latest.Pending {
			b.Fatalf("%d trains listed, the first %+v: want 100, pending", len(trains), trains[0].Latest)
		}
		saves := newSaveLoop(b, s)
		saves.while(b, done)
		finished := time.Now()
		b.StopTimer()
		open, read, recompute = open+opened.Sub(start), read+firstRead.Sub(opened), recompute+finished.Sub(firstRead)
		longest, busy = max(longest, saves.longest), busy+saves.busy
		// The last saves may come after the recompute's end: the next
		// read recomputes them itself.
		trains, err = s.Trains(ctx)
		must(b, err)
		if marks := staleMarks(b, s); marks != 0 || trains[0].Latest.Pending {
			b.Fatalf("%d summaries still marked stale after the recompute and a read", marks)
		}
		must(b, s.Close())
		b.StartTimer()
	}
	n := float64(b.N)
	b.ReportMetric(float64(open.Milliseconds())/n, "open-ms")
	b.ReportMetric(float64(read.Milliseconds())/n, "first-read-ms")
	b.ReportMetric(recompute.Seconds()/n, "recompute-s")
	b.ReportMetric(float64(longest.Milliseconds()), "max-wait-ms")
	b.ReportMetric(float64(busy), "busy")
}

// BenchmarkPortfolioFactsNewRules is the LACE's first portfolio after an
// upgrade (or a gather of many bundles): every train's facts made and
// kept, on copies of the scale databases (TRAINSCOPE_SCALE_SIZES, 100
// trains unless set), while a coach saves an answer every 5 ms on the same
// Store. first-ms is what the portfolio screen waits for, peak-heap-MB the
// live heap sampled every 10 ms, max-wait-ms the longest a save waited.
//
//	TRAINSCOPE_SCALE_DIR=/tmp/scale TRAINSCOPE_SCALE_SIZES=500 go test -tags migrated_fynedo -run '^$' -bench '^BenchmarkPortfolioFactsNewRules$' -benchtime 3x -timeout 30m ./data/
func BenchmarkPortfolioFactsNewRules(b *testing.B) {
	ctx := context.Background()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(b, err)
	sizes := []int{100}
	if os.Getenv(scaleSizesEnv) != "" {
		sizes = scaleSizes(b)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("trains-%d", n), func(b *testing.B) {
			src := sampleDatabase(b, n)
			var first, longest time.Duration
			var peak uint64
			for b.Loop() {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), "trainscope.db")
				copyFile(b, src, path)
				s, err := Open(path, Options{Summarize: realSummary(b), SummaryRules: scaleRules, Definitions: defs})
				must(b, err)
				saves := newSaveLoop(b, s)
				runtime.GC()
				stop := make(chan struct{})
				sampled := make(chan uint64)
				go func() {
					var m runtime.MemStats
					top := uint64(0)
					for {
						select {
						case <-stop:
							sampled <- top
							return
						case <-time.After(10 * time.Millisecond):
							runtime.ReadMemStats(&m)
							top = max(top, m.HeapAlloc)
						}
					}
				}()
				done := make(chan error, 1)
				b.StartTimer()
				start := time.Now()
				go func() {
					_, err := s.PortfolioFacts(ctx, "", defs)
					done <- err
				}()
				saves.while(b, done)
				first += time.Since(start)
				b.StopTimer()
				close(stop)
				peak = max(peak, <-sampled)
				longest = max(longest, saves.longest)
				must(b, s.Close())
				b.StartTimer()
			}
			b.ReportMetric(float64(first.Milliseconds())/float64(b.N), "first-ms")
			b.ReportMetric(float64(peak>>20), "peak-heap-MB")
			b.ReportMetric(float64(longest.Milliseconds()), "max-wait-ms")
		})
	}
}
