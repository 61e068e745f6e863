package data

import (
	"context"
	"path/filepath"
	"testing"
	"time"
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
		done := make(chan error, 1)
		s.OnSummariesRecomputed(func(end bool, err error) {
			if end {
				done <- err
			}
		})
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
