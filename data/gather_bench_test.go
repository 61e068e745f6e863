package data

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// A LACE's scale (issue 12): 500 trains of 20 assessments each, from 50
// coaches, each coach's bundle holding their 10 trains.
const (
	laceCoaches     = 50
	trainsPerCoach  = 10
	laceAssessments = 20
)

// coachBundles writes the 50 coaches' bundles into a folder: copies of
// the sample train (eight teams, its register, a finished assessment with
// every answer and its snapshot), fresh ids, the finished assessment again
// at each of 19 earlier PIs.
func coachBundles(b *testing.B) string {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	s, err := Open(filepath.Join(dir, "coach.db"), Options{Summarize: realSummary(b), SummaryRules: scaleRules})
	must(b, err)
	defer s.Close()
	_, _, err = s.AddSample(ctx, day(2026, 4, 20))
	must(b, err)
	one, err := s.Export(ctx, nil)
	must(b, err)
	proto := one.Trains[0]
	finished := proto.Assessments[0]
	for c := range laceCoaches {
		bundle := Bundle{Format: BundleFormat, Version: BundleVersion, ExportedBy: fmt.Sprintf("Coach %02d", c+1)}
		for i := range trainsPerCoach {
			tr := proto
			tr.ID = NewID()
			tr.Name = fmt.Sprintf("Train %02d-%02d", c+1, i+1)
			tr.Assessments = nil
			for pi := range laceAssessments {
				a := finished
				a.ID = NewID()
				a.Date = formatTime(day(2026, 4, 20).AddDate(0, 0, -70*pi))
				a.PI = fmt.Sprintf("PI %d", 40-pi)
				tr.Assessments = append(tr.Assessments, a)
			}
			bundle.Trains = append(bundle.Trains, tr)
		}
		var buf bytes.Buffer
		_, err := bundle.WriteTo(&buf)
		must(b, err)
		must(b, os.WriteFile(filepath.Join(dir, fmt.Sprintf("coach-%02d.json", c+1)), buf.Bytes(), 0o600))
	}
	must(b, os.Remove(filepath.Join(dir, "coach.db")))
	return dir
}

// BenchmarkImport50Bundles is the LACE gathering its 50 coaches' bundles
// (500 trains, 10,000 assessments) into an empty database.
func BenchmarkImport50Bundles(b *testing.B) {
	dir := coachBundles(b)
	ctx := context.Background()
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("lace-%d.db", n)), Options{Summarize: realSummary(b), SummaryRules: scaleRules})
		must(b, err)
		b.StartTimer()
		rep, err := s.ImportMany(ctx, []string{dir})
		b.StopTimer()
		must(b, err)
		if rep.Refused() != 0 || len(rep.Files) != laceCoaches {
			b.Fatalf("gather:\n%s", rep)
		}
		must(b, s.Close())
		b.StartTimer()
	}
}

// BenchmarkPortfolioTrains reads the whole portfolio, and one group of
// it, at the LACE's scale: what the portfolio screen shows.
func BenchmarkPortfolioTrains(b *testing.B) {
	dir := coachBundles(b)
	ctx := context.Background()
	s, err := Open(filepath.Join(b.TempDir(), "lace.db"), Options{Summarize: realSummary(b), SummaryRules: scaleRules})
	must(b, err)
	defer s.Close()
	_, err = s.ImportMany(ctx, []string{dir})
	must(b, err)
	// Ten groups of fifty trains.
	_, err = s.db.Exec("UPDATE trains SET group_name = 'Value stream ' || (rowid % 10)")
	must(b, err)
	for _, g := range []string{"", "Value stream 3"} {
		name := "all-500"
		if g != "" {
			name = "one-group-50"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				pts, err := s.PortfolioTrains(ctx, g)
				if err != nil {
					b.Fatal(err)
				}
				if len(pts) == 0 || len(pts[0].Finished) != 2 {
					b.Fatalf("%d trains, %d finished in the first", len(pts), len(pts[0].Finished))
				}
			}
		})
	}
}
