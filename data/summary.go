package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// The stored summaries (score, level, verdict of each assessment, which the
// home screen lists) are refreshed off the write path. Recomputing one means
// reading the assessment in full and scoring it, nine times the cost of the
// save itself on a big train; the coach saves on every click and reads the
// summaries only on the home screen. So a change marks its assessment's
// summary stale, in the change's own transaction (a row in meta under
// staleKey), and whoever reads summaries (Trains, RecentAssessments) first
// recomputes the stale ones in one transaction. A summary is never shown
// stale, and a crash loses nothing: the mark commits with the change, and
// the next reader recomputes what is still marked.
//
// New rules (a release that changes a checklist or the scoring) make every
// stored summary stale at once: 24,000 assessments on a LACE's 2,000
// trains, 39 s of work. Neither Open nor a reader does that: every command
// and the window would wait for it. The first reader that finds the rules
// changed, or more marks than it recomputes itself (inlineStale), starts
// RecomputeSummaries in the background and lists those summaries Pending;
// the window shows them as being updated and reads them again when
// OnSummariesRecomputed says so.

// staleKey prefixes the meta key that marks an assessment's summary stale;
// the assessment's ID follows it.
const staleKey = "summary_stale:"

// staleRange bounds the marks' keys for the primary key's index: every key
// that starts with staleKey sorts between the two (';' follows ':').
var staleRange = []any{staleKey, "summary_stale;"}

// staleIDs selects the IDs of the assessments whose summary is marked stale.
var staleIDs = fmt.Sprintf("SELECT substr(key, %d) FROM meta WHERE key >= ? AND key < ?", len(staleKey)+1)

// markStale marks the stored summary of every assessment matching where
// (an SQL condition on the assessments table) as stale, in the
// transaction of the change.
func (s *Store) markStale(ctx context.Context, tx *sql.Tx, where string, args ...any) error {
	if s.opts.Summarize == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO meta (key, value) SELECT ? || id, '' FROM assessments WHERE "+where+
		" ON CONFLICT (key) DO NOTHING", append([]any{staleKey}, args...)...)
	return err
}

// markStaleID marks one assessment's summary stale.
func (s *Store) markStaleID(ctx context.Context, tx *sql.Tx, id string) error {
	if s.opts.Summarize == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES (?, '') ON CONFLICT (key) DO NOTHING", staleKey+id)
	return err
}

// freshSummaries is what a reader of summaries calls first. It recomputes
// the summaries marked stale itself, in one transaction, when they are few
// (the coach's latest changes) and no background recompute runs; else it
// starts one (see RecomputeSummaries), and the reader lists the marked
// summaries Pending. allPending says every summary is pending: they were
// made under other rules, and the background recompute has not marked them
// yet. Nothing marked and the rules current cost two look-ups in meta's
// index.
func (s *Store) freshSummaries(ctx context.Context) (allPending bool, err error) {
	if s.opts.Summarize == nil {
		return false, nil
	}
	current, err := s.rulesCurrent(ctx)
	if err != nil {
		return false, err
	}
	if !current {
		s.recomputeInBackground()
		return true, nil
	}
	var marked int
	err = s.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM meta WHERE key >= ? AND key < ? LIMIT ?)",
		append(staleRange, inlineStale+1)...).Scan(&marked)
	if err != nil {
		return false, fmt.Errorf("read which summaries are stale: %w", err)
	}
	if marked == 0 {
		return false, nil
	}
	if marked > inlineStale || s.recomputing() {
		s.recomputeInBackground()
		return false, nil
	}
	return false, s.commit(ctx, "recompute the summaries of the latest changes", func(tx *sql.Tx) error {
		_, err := s.refreshMarked(ctx, tx, 0)
		return err
	})
}

// inlineStale is the most stale summaries a reader recomputes itself (a
// variable for tests). Each costs about 1.5 ms on a big train, so a reader
// waits at most a third of a second.
var inlineStale = 200

// recomputeBatch is how many summaries RecomputeSummaries recomputes in
// one transaction (a variable for tests): about 40 ms of work, so a save
// waits at most that long behind it.
var recomputeBatch = 25

// recomputeNotice is how often a running recompute calls
// OnSummariesRecomputed's function, besides once at its end.
var recomputeNotice = 2 * time.Second

// recomputeState is what a Store knows of the background recompute.
type recomputeState struct {
	mu      sync.Mutex
	running bool
	current bool                       // the stored summaries are known to follow Options.SummaryRules
	notify  func(done bool, err error) // see OnSummariesRecomputed
}

// rulesCurrent reports whether the stored summaries were made under
// Options.SummaryRules (or there are no rules to follow).
func (s *Store) rulesCurrent(ctx context.Context) (bool, error) {
	if s.opts.SummaryRules == "" {
		return true, nil
	}
	s.recompute.mu.Lock()
	current := s.recompute.current
	s.recompute.mu.Unlock()
	if current {
		return true, nil
	}
	var made string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'summary_rules'").Scan(&made)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("read which rules made the summaries: %w", err)
	}
	if made != s.opts.SummaryRules {
		// With no assessment there is nothing to recompute: trains only,
		// or a database of another Trainscope's. (Open records the rules in
		// a new database.) Reads write nothing, so they are not recorded
		// here; at worst the next start recomputes the few assessments added.
		var some int
		err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM assessments LIMIT 1)").Scan(&some)
		if err != nil {
			return false, fmt.Errorf("read whether there are assessments: %w", err)
		}
		if some != 0 {
			return false, nil
		}
	}
	s.recompute.mu.Lock()
	s.recompute.current = true
	s.recompute.mu.Unlock()
	return true, nil
}

// recordRules records the rules the stored summaries follow.
func recordRules(ctx context.Context, tx *sql.Tx, rules string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('summary_rules', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, rules)
	return err
}

func (s *Store) recomputing() bool {
	s.recompute.mu.Lock()
	defer s.recompute.mu.Unlock()
	return s.recompute.running
}

// OnSummariesRecomputed sets the function a background recompute calls
// from its own goroutine, at most every two seconds while it runs (done
// false: more summaries are fresh, read them again) and once when it ends
// (done true), with the error that stopped it, if any.
func (s *Store) OnSummariesRecomputed(f func(done bool, err error)) {
	s.recompute.mu.Lock()
	s.recompute.notify = f
	s.recompute.mu.Unlock()
}

func (s *Store) noticeRecompute(done bool, err error) {
	s.recompute.mu.Lock()
	f := s.recompute.notify
	s.recompute.mu.Unlock()
	if f != nil {
		f(done, err)
	}
}

// recomputeInBackground starts RecomputeSummaries unless it runs already
// or the Store is closing. Close stops it between two transactions.
func (s *Store) recomputeInBackground() {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	if s.closed {
		return
	}
	s.recompute.mu.Lock()
	defer s.recompute.mu.Unlock()
	if s.recompute.running {
		return
	}
	s.recompute.running = true
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		err := s.recomputeAll(s.bgCtx, true)
		s.recompute.mu.Lock()
		s.recompute.running = false
		s.recompute.mu.Unlock()
		if s.bgCtx.Err() != nil {
			return // closing: the marks left are recomputed next time
		}
		s.noticeRecompute(true, err)
	}()
}

// RecomputeSummaries brings every stored summary up to date: when the
// rules changed, it marks them all stale and records the new rules, in one
// transaction; then it recomputes the marked ones recomputeBatch at a time,
// each batch in a transaction of its own, so the coach's saves go on
// between them, a batch's assessments only are in memory, and a kill loses
// only the batch under way (the next reader starts again where it
// stopped). A change made meanwhile marks its summary again, and is
// recomputed before this returns.
func (s *Store) RecomputeSummaries(ctx context.Context) error {
	return s.recomputeAll(ctx, false)
}

func (s *Store) recomputeAll(ctx context.Context, notice bool) error {
	if s.opts.Summarize == nil {
		return nil
	}
	current, err := s.rulesCurrent(ctx)
	if err != nil {
		return err
	}
	if !current {
		err := s.commit(ctx, "mark the summaries for the new rules", func(tx *sql.Tx) error {
			if err := s.markStale(ctx, tx, "1 = 1"); err != nil {
				return err
			}
			return recordRules(ctx, tx, s.opts.SummaryRules)
		})
		if err != nil {
			return err
		}
		s.recompute.mu.Lock()
		s.recompute.current = true
		s.recompute.mu.Unlock()
	}
	last := time.Now()
	for later := false; ; later = true {
		var n int
		err := s.commitBatch(ctx, later, "recompute the summaries for the new rules", func(tx *sql.Tx) error {
			var err error
			n, err = s.refreshMarked(ctx, tx, recomputeBatch)
			return err
		})
		if err != nil || n == 0 {
			return err
		}
		if notice && time.Since(last) >= recomputeNotice {
			last = time.Now()
			s.noticeRecompute(false, nil)
		}
	}
}

// refreshMarked recomputes, inside tx, the summaries marked stale (at most
// limit of them; every one when limit is 0), staleBatch at a time, and
// clears the marks of those it recomputed. It returns how many it did.
func (s *Store) refreshMarked(ctx context.Context, tx *sql.Tx, limit int) (int, error) {
	query, args := staleIDs+" ORDER BY key", staleRange
	if limit > 0 {
		query, args = query+" LIMIT ?", append(staleRange, limit)
	}
	ids, err := queryStrings(ctx, tx, query, args...)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	// A batch at a time: each batch's assessments are in memory at once,
	// and after a crash in a long run of changes many may be marked.
	if err := s.refreshBatched(ctx, tx, "id", ids, staleBatch); err != nil {
		return 0, err
	}
	for batch := range slices.Chunk(ids, maxInList) {
		in, _ := inList(batch)
		keys := make([]any, len(batch))
		for i, id := range batch {
			keys[i] = staleKey + id
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM meta WHERE key IN "+in, keys...); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// staleBatch is how many stale summaries refreshMarked recomputes at a
// time (a variable for tests).
var staleBatch = 200
