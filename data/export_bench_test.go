package data

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// copyFile copies a closed database file to dst.
func copyFile(b *testing.B, src, dst string) {
	b.Helper()
	in, err := os.Open(src)
	must(b, err)
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	must(b, err)
	_, err = io.Copy(out, in)
	must(b, err)
	must(b, out.Close())
}

// BenchmarkSaveDuringExport saves an answer again and again, from a second
// Store on the same file (another Trainscope, or the window beside a
// command), while the bundle of every train of a 100-train scale database
// is exported to a file with ExportTo, as the command line's export does.
// Before each export the database is made one never exported: every
// train's and assessment's lineage and the kept revisions are cleared, so
// the export has a lineage to record for every row, its worst case.
// max-wait-ms is the longest a save waited, busy the saves that failed as
// busy after SQLite's 5 s, saves how many went in during the export;
// idle-max-wait-ms is the longest of 100 saves made with no export
// beforehand, what a save costs on the machine at that moment.
//
//	go test -tags migrated_fynedo -run '^$' -bench '^BenchmarkSaveDuringExport$' -benchtime 3x ./data/
func BenchmarkSaveDuringExport(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "trainscope.db")
	copyFile(b, sampleDatabase(b, 100), path)
	opts := Options{Summarize: realSummary(b), SummaryRules: scaleRules}
	exporter, err := Open(path, opts)
	must(b, err)
	defer func() { must(b, exporter.Close()) }()
	must(b, exporter.ensureChecked(ctx)) // the full check before a first write, once, not timed
	coach, err := Open(path, opts)
	must(b, err)
	defer func() { must(b, coach.Close()) }()
	saves := newSaveLoop(b, coach)
	// The same saves with no export, for comparison: what a save costs
	// on this machine at this moment.
	var idle time.Duration
	for range 100 {
		wait, err := saves.save()
		must(b, err)
		idle = max(idle, wait)
		time.Sleep(5 * time.Millisecond)
	}
	file := filepath.Join(b.TempDir(), "bundle.json")
	for b.Loop() {
		b.StopTimer()
		_, err := exporter.db.ExecContext(ctx, "UPDATE trains SET lineage = ''; UPDATE assessments SET lineage = ''; DELETE FROM train_revisions")
		must(b, err)
		f, err := os.OpenFile(file, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		must(b, err)
		b.StartTimer()
		done := make(chan error, 1)
		go func() {
			_, err := exporter.ExportTo(ctx, f, "", nil)
			done <- err
		}()
		saves.while(b, done)
		b.StopTimer()
		must(b, f.Close())
		b.StartTimer()
	}
	longest, busyN := saves.longest, saves.busy
	b.ReportMetric(float64(longest.Milliseconds()), "max-wait-ms")
	b.ReportMetric(float64(idle.Milliseconds()), "idle-max-wait-ms")
	b.ReportMetric(float64(busyN), "busy")
	b.ReportMetric(float64(saves.saves)/float64(b.N), "saves/op")
}

// BenchmarkExportRecord records the lineage of an export of every train of
// the 100-train scale database, never exported before (lineages and kept
// revisions cleared first), a transaction of lineageChunk rows at a time as
// Exported.Record does: max-chunk-ms is the longest one transaction took,
// the longest a save can wait for the recording; chunks how many there
// were. ns/op is the whole recording.
//
//	go test -tags migrated_fynedo -run '^$' -bench '^BenchmarkExportRecord$' -benchtime 3x ./data/
func BenchmarkExportRecord(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "trainscope.db")
	copyFile(b, sampleDatabase(b, 100), path)
	s, err := Open(path, Options{Summarize: realSummary(b), SummaryRules: scaleRules})
	must(b, err)
	defer func() { must(b, s.Close()) }()
	must(b, s.ensureChecked(ctx)) // the full check before a first write, once, not timed
	var longest time.Duration
	chunks := 0
	for b.Loop() {
		b.StopTimer()
		_, err := s.db.ExecContext(ctx, "UPDATE trains SET lineage = ''; UPDATE assessments SET lineage = ''; DELETE FROM train_revisions")
		must(b, err)
		e, err := s.WriteBundle(ctx, io.Discard, "", nil)
		must(b, err)
		b.StartTimer()
		chunks = 0
		for i := 0; i < len(e.revs); i += lineageChunk {
			one := *e
			one.revs = e.revs[i:min(i+lineageChunk, len(e.revs))]
			start := time.Now()
			must(b, one.Record(ctx))
			longest = max(longest, time.Since(start))
			chunks++
		}
	}
	b.ReportMetric(float64(longest.Microseconds())/1000, "max-chunk-ms")
	b.ReportMetric(float64(chunks), "chunks")
}
