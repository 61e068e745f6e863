package data

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// A finished assessment is never written again, so its stored summary
// would keep the old rules' figures after an upgrade. Open recomputes the
// summaries once when the rules' name changes, and only then.
func TestSummariesFollowNewRules(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	scoring := func(score float64) func(*assessment.Assessment, assessment.Train) assessment.Summary {
		return func(*assessment.Assessment, assessment.Train) assessment.Summary {
			return assessment.Summary{Score: score, Known: true, Level: 2, LevelName: "Emerging"}
		}
	}
	open := func(score float64, rules string) *Store {
		t.Helper()
		s, err := Open(path, Options{Summarize: scoring(score), SummaryRules: rules})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	latest := func(s *Store) float64 {
		t.Helper()
		trains, err := s.Trains(ctx)
		if err != nil || len(trains) != 1 || trains[0].Latest == nil {
			t.Fatalf("trains: %v, %v", trains, err)
		}
		return trains[0].Latest.Summary.Score
	}

	s := open(40, "rules 1")
	if _, _, err := s.AddSample(ctx, time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if got := latest(s); got != 40 {
		t.Fatalf("summary %v after adding, want 40", got)
	}
	s.Close()

	s = open(55, "rules 1") // same rules: nothing to recompute
	if got := latest(s); got != 40 {
		t.Errorf("the same rules recomputed the summary: %v, want 40", got)
	}
	s.Close()

	s = open(55, "rules 2")
	if got := latest(s); got != 55 {
		t.Errorf("new rules left the old summary: %v, want 55", got)
	}
	s.Close()

	s = open(70, "rules 2") // recorded: not again
	defer s.Close()
	if got := latest(s); got != 55 {
		t.Errorf("recomputed a second time for the same rules: %v, want 55", got)
	}
}

// The store's own bookkeeping at open (recording the summary rules) must
// not take the day's backup: that is for the coach's work, so the first
// backup of a new database holds the first thing the coach saved.
func TestBookkeepingDoesNotTakeTheDailyBackup(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{Summarize: countingSummary, SummaryRules: "rules 1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.AddSample(ctx, time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	s.Close() // waits for the background backup
	backup := LatestBackup(path)
	if backup == "" {
		t.Fatal("no backup after the coach's first change")
	}
	b, err := Open(backup, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	trains, err := b.Trains(ctx)
	if err != nil || len(trains) != 1 {
		t.Errorf("the first backup holds %d trains (%v), want the sample", len(trains), err)
	}
}
