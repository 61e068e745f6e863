package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
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

// importWhole imports a bundle as Import did before issue 18: the whole
// file read into memory, decoded and checked at once, then merged in one
// transaction. It is the benchmarks' baseline, kept from the same parts.
func importWhole(ctx context.Context, s *Store, r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	b, err := DecodeBundle(data)
	if err != nil {
		return err
	}
	trains, _, err := validateBundle(b, s.opts.Definitions)
	if err != nil {
		return err
	}
	return s.write(ctx, "import", func(tx *sql.Tx) error {
		m := &merging{s: s, coach: b.ExportedBy, rep: &ImportReport{}}
		for _, it := range trains {
			if err := m.train(ctx, tx, it); err != nil {
				return err
			}
		}
		return m.finish(ctx, tx)
	})
}

// exportFile writes the bundle of every train of a scale database of n
// trains to a file and returns its path and size.
func exportFile(b *testing.B, n int) (string, int64) {
	ctx := context.Background()
	s, err := Open(sampleDatabase(b, n), Options{Summarize: realSummary(b), SummaryRules: scaleRules})
	must(b, err)
	defer func() { must(b, s.Close()) }()
	file := filepath.Join(b.TempDir(), "bundle.json")
	f, err := os.OpenFile(file, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	must(b, err)
	_, err = s.ExportTo(ctx, f, "", nil)
	must(b, err)
	must(b, f.Close())
	fi, err := os.Stat(file)
	must(b, err)
	return file, fi.Size()
}

// BenchmarkImportStreamed imports the bundle of every train of a database
// of 100 and 500 sample trains (BenchmarkExport's, as ExportTo writes
// them) into an empty database: read from the file a train at a time, as
// Store.Import reads every bundle since issue 18, and, at 100 trains, as
// the whole file in memory as before (500 trains' 229 MB was refused
// then). peak-heap-MB is the most live heap seen during the imports.
//
//	go test -tags migrated_fynedo -run '^$' -bench '^BenchmarkImportStreamed$' -benchmem -benchtime 1x ./data/
func BenchmarkImportStreamed(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{100, 500} {
		file, size := exportFile(b, n)
		run := func(name string, imp func(*Store, io.Reader) error) {
			b.Run(fmt.Sprintf("trains=%d/%s", n, name), func(b *testing.B) {
				peakHeap(b, func() {
					for b.Loop() {
						b.StopTimer()
						dst, err := Open(filepath.Join(b.TempDir(), "trainscope.db"), Options{Summarize: realSummary(b), SummaryRules: scaleRules})
						must(b, err)
						in, err := os.Open(file)
						must(b, err)
						b.StartTimer()
						must(b, imp(dst, in))
						b.StopTimer()
						must(b, in.Close())
						must(b, dst.Close())
						b.StartTimer()
					}
				})
				b.ReportMetric(float64(size)/(1<<20), "file-MB")
			})
		}
		if n == 100 {
			run("in-memory", func(s *Store, r io.Reader) error { return importWhole(ctx, s, r) })
		}
		run("streamed", func(s *Store, r io.Reader) error { _, err := s.Import(ctx, r); return err })
	}
}

// BenchmarkSaveDuringImport saves an answer again and again, from a second
// Store on the same file (another Trainscope, or the window beside a
// command), while the bundle of 100 sample trains is imported into the
// database. max-wait-ms is the longest a save waited, busy the saves that
// failed as busy after SQLite's 5 s. The merge was one write transaction
// (5,020 ms, 1 busy); since issue 17 it is chunks of about 20 ms
// (docs/reliability.md, "Short write transactions").
//
//	go test -tags migrated_fynedo -run '^$' -bench '^BenchmarkSaveDuringImport$' -benchtime 1x ./data/
func BenchmarkSaveDuringImport(b *testing.B) {
	ctx := context.Background()
	file, _ := exportFile(b, 100)
	var longest time.Duration
	busyN := 0
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "trainscope.db")
		opts := Options{Summarize: realSummary(b), SummaryRules: scaleRules}
		importer, err := Open(path, opts)
		must(b, err)
		coach, err := Open(path, opts)
		must(b, err)
		saves := newSaveLoop(b, coach)
		in, err := os.Open(file)
		must(b, err)
		b.StartTimer()
		done := make(chan error, 1)
		go func() {
			_, err := importer.Import(ctx, in)
			done <- err
		}()
		saves.while(b, done)
		b.StopTimer()
		longest, busyN = max(longest, saves.longest), busyN+saves.busy
		must(b, in.Close())
		must(b, importer.Close())
		must(b, coach.Close())
		b.StartTimer()
	}
	b.ReportMetric(float64(longest.Milliseconds()), "max-wait-ms")
	b.ReportMetric(float64(busyN), "busy")
}

// saveLoop is a coach saving one answer again and again while another
// Store writes (an import, an export): the sample's draft on coach, its
// answers changed every 5 ms until done reports, each save's wait taken.
type saveLoop struct {
	coach   *Store
	aid     string
	item    string
	longest time.Duration // the longest a save waited
	busy    int           // saves refused as busy
	saves   int           // saves that went in
}

// newSaveLoop adds the sample to coach and reopens its assessment.
func newSaveLoop(b *testing.B, coach *Store) *saveLoop {
	ctx := context.Background()
	_, aid, err := coach.AddSample(ctx, time.Date(2026, 4, 20, 0, 0, 0, 0, time.UTC))
	must(b, err)
	must(b, coach.ReopenAssessment(ctx, aid))
	a, err := coach.Assessment(ctx, aid)
	must(b, err)
	l := &saveLoop{coach: coach, aid: aid}
	for id := range a.Answers {
		l.item = id
		break
	}
	return l
}

// save saves the answer once and returns how long it took and its error.
func (l *saveLoop) save() (time.Duration, error) {
	start := time.Now()
	err := l.coach.SetAnswer(context.Background(), l.aid, assessment.Answer{ItemID: l.item, Rating: assessment.Rating(1 + int(start.UnixNano()%3))})
	return time.Since(start), err
}

// while saves until done reports, then fails the benchmark on its error.
func (l *saveLoop) while(b *testing.B, done <-chan error) {
	for {
		select {
		case err := <-done:
			must(b, err)
			return
		default:
			wait, err := l.save()
			l.longest = max(l.longest, wait)
			switch {
			case err == nil:
				l.saves++
			case errors.Is(err, ErrBusy):
				l.busy++
			default:
				b.Fatal(err)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
}
