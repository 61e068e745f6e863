package data

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// peakHeap samples the live heap every few milliseconds while fn runs and
// reports the most it saw, in MB, beside the benchmark's -benchmem figures.
func peakHeap(b *testing.B, fn func()) {
	b.Helper()
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkExport writes the bundle of every train of a database of 100
// and 500 sample trains (ten finished assessments each, as
// sampleDatabase makes them) to nowhere: in memory (Export, then
// WriteTo) as before issue 18, and streamed train by train (ExportTo).
//
//	go test -tags migrated_fynedo -run '^$' -bench '^BenchmarkExport$' -benchmem -benchtime 3x ./data/
func BenchmarkExport(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{100, 500} {
		path := sampleDatabase(b, n)
		s, err := Open(path, Options{Summarize: realSummary(b), SummaryRules: scaleRules})
		must(b, err)
		b.Run(fmt.Sprintf("trains=%d/in-memory", n), func(b *testing.B) {
			peakHeap(b, func() {
				for b.Loop() {
					bundle, err := s.Export(ctx, nil)
					must(b, err)
					_, err = bundle.WriteTo(io.Discard)
					must(b, err)
				}
			})
		})
		b.Run(fmt.Sprintf("trains=%d/streamed", n), func(b *testing.B) {
			peakHeap(b, func() {
				for b.Loop() {
					_, err := s.ExportTo(ctx, io.Discard, "", nil)
					must(b, err)
				}
			})
		})
		must(b, s.Close())
	}
}

// BenchmarkImportStreamed imports the bundle of every train of a database
// of 100 and 500 sample trains (BenchmarkExport's, 43 MB and 229 MB as
// ExportTo writes them) into an empty database, read from the file a
// train at a time as Store.Import reads every bundle since issue 18.
// peak-heap-MB is the most live heap seen during the imports.
//
//	go test -tags migrated_fynedo -run '^$' -bench '^BenchmarkImportStreamed$' -benchmem -benchtime 1x ./data/
func BenchmarkImportStreamed(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{100, 500} {
		path := sampleDatabase(b, n)
		s, err := Open(path, Options{Summarize: realSummary(b), SummaryRules: scaleRules})
		must(b, err)
		file := filepath.Join(b.TempDir(), "bundle.json")
		f, err := os.OpenFile(file, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		must(b, err)
		_, err = s.ExportTo(ctx, f, "", nil)
		must(b, err)
		must(b, f.Close())
		must(b, s.Close())
		fi, err := os.Stat(file)
		must(b, err)
		b.Run(fmt.Sprintf("trains=%d", n), func(b *testing.B) {
			b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
			peakHeap(b, func() {
				for b.Loop() {
					b.StopTimer()
					dst, err := Open(filepath.Join(b.TempDir(), "trainscope.db"), Options{Summarize: realSummary(b), SummaryRules: scaleRules})
					must(b, err)
					in, err := os.Open(file)
					must(b, err)
					b.StartTimer()
					_, err = dst.Import(ctx, in)
					must(b, err)
					b.StopTimer()
					must(b, in.Close())
					must(b, dst.Close())
					b.StartTimer()
				}
			})
		})
	}
}
