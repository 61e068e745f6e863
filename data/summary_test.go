package data

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// A finished assessment is never written again, so its stored summary
// would keep the old rules' figures after an upgrade. The summaries are
// recomputed once when the rules' name changes, and only then: in the
// background, listed Pending until they are.
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
		trains := settledTrains(t, s)
		if len(trains) != 1 || trains[0].Latest == nil {
			t.Fatalf("trains: %v", trains)
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
	trains, err := s.Trains(ctx)
	must(t, err)
	if !trains[0].Latest.Pending {
		t.Errorf("under new rules, the old summary is listed as current: %+v", trains[0].Latest)
	}
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
// it in the save; the next reader of summaries gets the new figures, also
// when the store stopped before anyone read them (a kill).
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
	// summaries: the next reader puts them right, without showing the
	// stale figure.
	must(t, s.SetAnswer(ctx, id, a.Answers[item]))
	if got := stored(s); got != want-1 {
		t.Fatalf("stored score %v, want the stale %v", got, want-1)
	}
	must(t, s.Close())
	s, err = Open(path, opts)
	must(t, err)
	defer s.Close()
	recent, err = s.RecentAssessments(ctx, 1)
	must(t, err)
	if len(recent) != 1 || recent[0].Summary.Score != want || recent[0].Pending {
		t.Errorf("after reopening, recent assessments show %+v, want %v", recent, want)
	}
	if got := stored(s); got != want {
		t.Errorf("after reopening and reading, the stored score is %v, want %v", got, want)
	}
	if marks := staleMarks(t, s); marks != 0 {
		t.Errorf("%d summaries still marked stale after reading them", marks)
	}
}

// staleMarks counts the summaries marked stale.
func staleMarks(t testing.TB, s *Store) int {
	t.Helper()
	var marks int
	must(t, s.db.QueryRow("SELECT count(*) FROM meta WHERE key >= ? AND key < ?", staleRange...).Scan(&marks))
	return marks
}

// recomputeEnd gives the error a background recompute of s ends with,
// once it ends.
func recomputeEnd(s *Store) <-chan error {
	done := make(chan error, 1)
	s.OnSummariesRecomputed(func(end bool, err error) {
		if end {
			done <- err
		}
	})
	return done
}

// settledTrains is Trains once no summary is pending: it waits for the
// background recompute the read started, as the window does.
func settledTrains(t testing.TB, s *Store) []TrainSummary {
	t.Helper()
	done := recomputeEnd(s)
	defer s.OnSummariesRecomputed(nil)
	for {
		trains, err := s.Trains(context.Background())
		must(t, err)
		if !slices.ContainsFunc(trains, func(ts TrainSummary) bool { return ts.Latest != nil && ts.Latest.Pending }) {
			return trains
		}
		select {
		case err := <-done:
			must(t, err)
		case <-time.After(time.Minute):
			t.Fatal("the summaries were not recomputed within a minute")
		}
	}
}

// New rules recompute every assessment of every train, in batches of
// recomputeBatch assessments (issue 18: in one go it held every assessment
// of a LACE's database in memory, and the window did not show meanwhile).
// Open itself scores nothing.
func TestNewRulesRecomputeEveryTrain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	was := recomputeBatch
	recomputeBatch = 7
	t.Cleanup(func() { recomputeBatch = was })
	calls := 0
	scoring := func(score float64) Options {
		return Options{SummaryRules: fmt.Sprintf("rules %v", score), Summarize: func(*assessment.Assessment, assessment.Train) assessment.Summary {
			calls++
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
	calls = 0
	s, err = Open(path, scoring(55))
	must(t, err)
	defer s.Close()
	if calls != 0 {
		t.Errorf("Open scored %d assessments, want none", calls)
	}
	must(t, s.RecomputeSummaries(ctx))
	if marks := staleMarks(t, s); marks != 0 {
		t.Errorf("%d summaries still marked stale", marks)
	}
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
	if _, err := s.freshSummaries(ctx); err != nil {
		t.Fatal(err)
	}
	var all, recomputed, marks int
	must(t, s.db.QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE score = 55) FROM assessments").Scan(&all, &recomputed))
	must(t, s.db.QueryRowContext(ctx, "SELECT count(*) FROM meta WHERE key >= ? AND key < ?", staleRange...).Scan(&marks))
	if all <= 2*staleBatch || recomputed != all || marks != 0 {
		t.Errorf("%d of %d stale summaries recomputed (batches of %d), %d marks left", recomputed, all, staleBatch, marks)
	}
}

// newRulesStore makes a database of three sample trains under rules r1 and
// opens it again under r2 with summarize.
func newRulesStore(t *testing.T, summarize func(*assessment.Assessment, assessment.Train) assessment.Summary) (*Store, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{SummaryRules: "r1", Summarize: func(*assessment.Assessment, assessment.Train) assessment.Summary {
		return assessment.Summary{Score: -1, Known: true, Level: 1, LevelName: "old"}
	}})
	must(t, err)
	for range 3 {
		_, id, err := s.AddSample(ctx, time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC))
		must(t, err)
		must(t, s.ReopenAssessment(ctx, id))
	}
	must(t, s.Close())
	s, err = Open(path, Options{SummaryRules: "r2", Summarize: summarize})
	must(t, err)
	t.Cleanup(func() { s.Close() })
	return s, path
}

// storedScores are the stored scores by assessment, and what
// countingSummary makes of each assessment as it is now.
func storedScores(t *testing.T, s *Store) (stored, want map[string]float64) {
	t.Helper()
	ctx := context.Background()
	stored, want = map[string]float64{}, map[string]float64{}
	rows, err := s.db.QueryContext(ctx, "SELECT id, train_id, score FROM assessments")
	must(t, err)
	trainOf := map[string]string{}
	for rows.Next() {
		var id, train string
		var score float64
		must(t, rows.Scan(&id, &train, &score))
		stored[id], trainOf[id] = score, train
	}
	must(t, rows.Err())
	for id, train := range trainOf {
		a, err := s.Assessment(ctx, id)
		must(t, err)
		tr, err := s.Train(ctx, train)
		must(t, err)
		want[id] = countingSummary(a, tr).Score
	}
	return stored, want
}

// Under new rules the first reader lists every summary Pending at once,
// with no scoring on its way, and a background recompute puts them right
// and says so.
func TestNewRulesListedPendingThenRecomputed(t *testing.T) {
	ctx := context.Background()
	var mu sync.Mutex
	scored := 0
	s, _ := newRulesStore(t, func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
		mu.Lock()
		scored++
		mu.Unlock()
		return countingSummary(a, tr)
	})
	done := recomputeEnd(s)
	trains, err := s.Trains(ctx)
	must(t, err)
	recent, err := s.RecentAssessments(ctx, 5)
	must(t, err)
	for _, ts := range trains {
		if !ts.Latest.Pending {
			t.Errorf("%s's latest assessment is listed with the old rules' figures: %+v", ts.Train.Name, ts.Latest)
		}
	}
	for _, r := range recent {
		if !r.Pending {
			t.Errorf("recent assessment %s is listed with the old rules' figures", r.ID)
		}
	}
	select {
	case err := <-done:
		must(t, err)
	case <-time.After(time.Minute):
		t.Fatal("no word of the recompute's end within a minute")
	}
	stored, want := storedScores(t, s)
	mu.Lock()
	n := scored
	mu.Unlock()
	if !maps.Equal(stored, want) || n < len(want) {
		t.Errorf("after the recompute (%d scorings): stored %v, want %v", n, stored, want)
	}
	trains, err = s.Trains(ctx)
	must(t, err)
	for _, ts := range trains {
		if ts.Latest.Pending || ts.Latest.Summary.Score != want[ts.Latest.ID] {
			t.Errorf("%s after the recompute: %+v, want score %v", ts.Train.Name, ts.Latest, want[ts.Latest.ID])
		}
	}
	var rules string
	must(t, s.db.QueryRow("SELECT value FROM meta WHERE key = 'summary_rules'").Scan(&rules))
	if rules != "r2" {
		t.Errorf("the summaries' rules are recorded as %q, want r2", rules)
	}
}

// A change saved while the background recompute runs is in the figures it
// leaves: the change's mark is never cleared unrecomputed.
func TestChangeDuringRecomputeIsRecomputed(t *testing.T) {
	ctx := context.Background()
	was := recomputeBatch
	recomputeBatch = 1
	t.Cleanup(func() { recomputeBatch = was })
	started, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	s, _ := newRulesStore(t, func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
		once.Do(func() {
			close(started)
			<-release
		})
		return countingSummary(a, tr)
	})
	if _, err := s.Trains(ctx); err != nil {
		t.Fatal(err)
	}
	<-started // the recompute's first batch is under way
	// Clear a rated answer of every draft, while the batch holds the write.
	saved := make(chan error, 1)
	go func() {
		drafts, err := s.db.QueryContext(ctx, "SELECT id FROM assessments WHERE status = 'draft'")
		if err != nil {
			saved <- err
			return
		}
		var ids []string
		for drafts.Next() {
			var id string
			drafts.Scan(&id)
			ids = append(ids, id)
		}
		drafts.Close()
		for _, id := range ids {
			a, err := s.Assessment(ctx, id)
			if err != nil {
				saved <- err
				return
			}
			for item, ans := range a.Answers {
				if ans.Rating.Rated() {
					if err := s.SetAnswer(ctx, id, assessment.Answer{ItemID: item}); err != nil {
						saved <- err
						return
					}
					break
				}
			}
		}
		saved <- nil
	}()
	time.Sleep(20 * time.Millisecond)
	close(release)
	must(t, <-saved)
	settledTrains(t, s)
	stored, want := storedScores(t, s)
	if !maps.Equal(stored, want) {
		t.Errorf("after changes during the recompute: stored %v, want %v", stored, want)
	}
	if marks := staleMarks(t, s); marks != 0 {
		t.Errorf("%d marks left", marks)
	}
}

// Closing the store stops a recompute between two batches (quitting does
// not wait for it); the next start recomputes what is left, however many
// summaries that is.
func TestRecomputeStoppedAtCloseGoesOnNextTime(t *testing.T) {
	was, wasInline := recomputeBatch, inlineStale
	recomputeBatch, inlineStale = 1, 2
	t.Cleanup(func() { recomputeBatch, inlineStale = was, wasInline })
	calls := make(chan struct{}, 1000)
	release := make(chan struct{})
	summarize := func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
		calls <- struct{}{}
		if len(calls) == 2 {
			<-release
		}
		return countingSummary(a, tr)
	}
	s, path := newRulesStore(t, summarize)
	if _, err := s.Trains(context.Background()); err != nil {
		t.Fatal(err)
	}
	for len(calls) < 2 {
		time.Sleep(time.Millisecond)
	}
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	for s.bgCtx.Err() == nil {
		time.Sleep(time.Millisecond)
	}
	close(release)
	must(t, <-closed)

	s, err := Open(path, Options{SummaryRules: "r2", Summarize: countingSummary})
	must(t, err)
	defer s.Close()
	left := staleMarks(t, s)
	if left <= inlineStale {
		t.Fatalf("%d marks left after the close, want more than %d", left, inlineStale)
	}
	settledTrains(t, s)
	stored, want := storedScores(t, s)
	if !maps.Equal(stored, want) || staleMarks(t, s) != 0 {
		t.Errorf("after the next start: stored %v, want %v; %d marks left", stored, want, staleMarks(t, s))
	}
}
