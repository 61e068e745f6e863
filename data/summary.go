package data

import (
	"context"
	"database/sql"
	"fmt"
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
// Open recomputes what is still marked.

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

// freshSummaries recomputes every summary marked stale, in one
// transaction, and clears the marks: what a reader of summaries calls
// first. Nothing marked costs one look-up in meta's index.
func (s *Store) freshSummaries(ctx context.Context) error {
	if s.opts.Summarize == nil {
		return nil
	}
	var one int
	err := s.db.QueryRowContext(ctx, "SELECT 1 FROM meta WHERE key >= ? AND key < ? LIMIT 1", staleRange...).Scan(&one)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read which summaries are stale: %w", err)
	}
	return s.commit(ctx, "recompute the summaries of the latest changes", s.refreshStale(ctx))
}

// refreshStale is the transaction that recomputes the summaries marked
// stale and clears their marks.
func (s *Store) refreshStale(ctx context.Context) func(tx *sql.Tx) error {
	return func(tx *sql.Tx) error {
		ids, err := queryStrings(ctx, tx, staleIDs, staleRange...)
		if err != nil {
			return err
		}
		// A batch at a time: each batch's assessments are in memory at
		// once, and after a crash in a long run of changes, or an import
		// cut short, many may be marked.
		if err := s.refreshBatched(ctx, tx, "id", ids, staleBatch); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM meta WHERE key >= ? AND key < ?", staleRange...)
		return err
	}
}

// staleBatch is how many stale summaries refreshStale recomputes at a
// time (a variable for tests).
var staleBatch = 200
