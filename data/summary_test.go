package data

import (
	"context"
	"database/sql"
	"fmt"
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

// An answer saved marks its assessment's summary stale instead of scoring
// it in the save; the next reader of summaries gets the new figures, and a
// store stopped before anyone read them (a kill) recomputes them at Open.
func TestSummaryRefreshedOffTheWritePath(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	calls := 0
	opts := Options{SummaryRules: "rules 1", Summarize: func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
		calls++
		return countingSummary(a, tr)
	}}
	s, err := Open(path, opts)
	must(t, err)
	_, id, err := s.AddSample(ctx, time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC))
	must(t, err)
	must(t, s.ReopenAssessment(ctx, id))
	a, err := s.Assessment(ctx, id)
	must(t, err)
	stored := func(s *Store) float64 {
		t.Helper()
		var score float64
		must(t, s.db.QueryRow("SELECT score FROM assessments WHERE id = ?", id).Scan(&score))
		return score
	}
	want := countingSummary(a, assessment.Train{}).Score

	// Clearing one rated answer moves the count down by one.
	var item string
	for k, ans := range a.Answers {
		if ans.Rating.Rated() {
			item = k
			break
		}
	}
	calls = 0
	must(t, s.SetAnswer(ctx, id, assessment.Answer{ItemID: item}))
	if calls != 0 {
		t.Errorf("the save scored the assessment %d times, want 0", calls)
	}
	if got := stored(s); got != want {
		t.Fatalf("stored score %v right after the save, want the old %v (marked stale)", got, want)
	}
	recent, err := s.RecentAssessments(ctx, 1)
	must(t, err)
	if len(recent) != 1 || recent[0].ID != id || recent[0].Summary.Score != want-1 {
		t.Fatalf("recent assessments show %+v, want %s scored %v", recent, id, want-1)
	}
	if calls != 1 {
		t.Errorf("reading the summaries scored %d times, want 1", calls)
	}
	trains, err := s.Trains(ctx)
	must(t, err)
	if trains[0].Latest.Summary.Score != want-1 || calls != 1 {
		t.Errorf("trains show %v after %d scorings, want %v after 1", trains[0].Latest.Summary.Score, calls, want-1)
	}

	// A second answer, then the program stops before anything reads the
	// summaries: the next Open puts them right.
	must(t, s.SetAnswer(ctx, id, a.Answers[item]))
	if got := stored(s); got != want-1 {
		t.Fatalf("stored score %v, want the stale %v", got, want-1)
	}
	must(t, s.Close())
	s, err = Open(path, opts)
	must(t, err)
	defer s.Close()
	if got := stored(s); got != want {
		t.Errorf("after reopening, the stored score is %v, want %v", got, want)
	}
	var marks int
	must(t, s.db.QueryRow("SELECT count(*) FROM meta WHERE key >= ? AND key < ?", staleRange...).Scan(&marks))
	if marks != 0 {
		t.Errorf("%d summaries still marked stale after Open", marks)
	}
}

// New rules recompute every assessment of every train, past the batches
// of refreshBatch trains the recomputation goes in (issue 18: in one go it
// held every assessment of a LACE's database in memory).
func TestNewRulesRecomputeEveryTrain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	scoring := func(score float64) Options {
		return Options{SummaryRules: fmt.Sprintf("rules %v", score), Summarize: func(*assessment.Assessment, assessment.Train) assessment.Summary {
			return assessment.Summary{Score: score, Known: true, Level: 2, LevelName: "Emerging"}
		}}
	}
	s, err := Open(path, scoring(40))
	must(t, err)
	trains := 2*refreshBatch + 3
	for range trains {
		_, _, err := s.AddSample(ctx, time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC))
		must(t, err)
	}
	must(t, s.Close())
	s, err = Open(path, scoring(55))
	must(t, err)
	defer s.Close()
	var all, recomputed, ofTrains int
	must(t, s.db.QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE score = 55), count(DISTINCT train_id) FROM assessments").Scan(&all, &recomputed, &ofTrains))
	if ofTrains != trains || all < trains || recomputed != all {
		t.Errorf("%d of %d assessments (of %d trains, want %d) recomputed for the new rules", recomputed, all, ofTrains, trains)
	}
}

// Every summary marked stale is recomputed, however many batches of
// staleBatch they take, and the marks are cleared.
func TestStaleSummariesInBatches(t *testing.T) {
	ctx := context.Background()
	was := staleBatch
	staleBatch = 2
	t.Cleanup(func() { staleBatch = was })
	score := 40.0
	s, err := Open(filepath.Join(t.TempDir(), "trainscope.db"), Options{SummaryRules: "rules 1",
		Summarize: func(*assessment.Assessment, assessment.Train) assessment.Summary {
			return assessment.Summary{Score: score, Known: true, Level: 2, LevelName: "Emerging"}
		}})
	must(t, err)
	defer s.Close()
	for range 3 {
		_, _, err := s.AddSample(ctx, time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC))
		must(t, err)
	}
	score = 55
	must(t, s.commit(ctx, "mark every summary stale", func(tx *sql.Tx) error { return s.markStale(ctx, tx, "1 = 1") }))
	must(t, s.freshSummaries(ctx))
	var all, recomputed, marks int
	must(t, s.db.QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE score = 55) FROM assessments").Scan(&all, &recomputed))
	must(t, s.db.QueryRowContext(ctx, "SELECT count(*) FROM meta WHERE key >= ? AND key < ?", staleRange...).Scan(&marks))
	if all <= 2*staleBatch || recomputed != all || marks != 0 {
		t.Errorf("%d of %d stale summaries recomputed (batches of %d), %d marks left", recomputed, all, staleBatch, marks)
	}
}
