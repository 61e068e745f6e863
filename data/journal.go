package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// An import's undo journal (issues 17 and 18; schema version 9). An import
// merges a chunk of trains per write transaction, so the write lock is free
// between chunks and a coach's save gets through. Before a chunk changes a
// train, the same transaction records every row of the train as it was
// (journal table import_journal); the last short transaction marks the
// import done. A chunk that fails undoes the chunks already committed; a
// Trainscope killed mid-import leaves its journal, and the next Open undoes
// it before anything else. Either way the database is as it was before the
// import, with one exception that keeps a coach's work: a train someone
// changed after the import had changed it (between two chunks) is kept as
// it is now, and the error or the Warnings say which.

// importChunk bounds one import transaction: it takes trains until it
// has run for budget, or holds trains trains or assessments assessments,
// whichever comes first; a train's assessments always go with it, and a
// chunk holds one train at least. The budget keeps a transaction, and so
// the longest a coach's save waits, well under 50 ms, however large the
// trains (docs/performance.md). Tests set a budget of 0 (none) and
// small counts, so chunks are the same every run.
var importChunk = struct {
	trains, assessments int
	budget              time.Duration
}{trains: 200, assessments: 400, budget: 20 * time.Millisecond}

// undoChunk is how many trains one transaction of an undo restores.
const undoChunk = 4

// importChunkHook, when set (by tests), runs after each chunk of an import
// has committed, with the number of chunks committed so far; an error it
// returns fails the import there, as a failure of the next chunk would.
var importChunkHook func(s *Store, chunks int) error

// undoHook, when set (by tests), runs after each transaction of an undo
// has committed, with how many have; an error it returns stops the undo
// there, as a kill would.
var undoHook func(done int) error

// liveImports are the imports this process is running now: another Store
// in the same process must not take one for a killed import.
var liveImports sync.Map // import id → struct{}

// The tables that hold a train's rows, by how a row names its train. Every
// other table is global (meta, portfolio_decisions), derived and made
// again after any change (portfolio_facts), or the journal itself;
// TestJournalCoversEveryTable holds this list to the schema.
var (
	journalTrainTables      = []string{"trains", "assessments", "rosters", "train_revisions", "train_sources"}
	journalRosterTables     = []string{"required_skills", "people", "role_assignments", "teams", "team_members", "team_skills", "impediments"}
	journalAssessmentTables = []string{"answers", "checklist_notes", "recommendation_edits", "coach_recommendations", "coach_recommendation_evidence",
		"workshops", "participants", "votes", "revealed_items", "observations", "follow_ups"}
	journalSkippedTables = []string{"meta", "portfolio_decisions", "portfolio_facts", "imports", "import_journal"}
)

// journalTable is one table's rows of a train, as kept in the journal.
type journalTable struct {
	Columns []string        `json:"columns"`
	Rows    json.RawMessage `json:"rows"` // an array of arrays, one value per column
}

// trainRows are every row of a train, table by table, or nil when the
// train is not here. Rows are sorted by their content, so the same rows
// give the same JSON however they were written.
type trainRows map[string]journalTable

// columnCache keeps tables' columns for one transaction.
type columnCache map[string][]string

func (c columnCache) columns(ctx context.Context, q querier, table string) ([]string, error) {
	if cols, ok := c[table]; ok {
		return cols, nil
	}
	cols, err := tableColumns(ctx, q, table)
	if err == nil {
		c[table] = cols
	}
	return cols, err
}

func tableColumns(ctx context.Context, q querier, table string) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT name FROM pragma_table_info(?) ORDER BY cid", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("the table %s is not in the database", table)
	}
	return cols, nil
}

// quoteIdent quotes a table or column name for SQL. The names are the
// schema's own, never the coach's.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// readTrainRows reads every row of a train.
func readTrainRows(ctx context.Context, q querier, cache columnCache, trainID string) (trainRows, error) {
	var one int
	err := q.QueryRowContext(ctx, "SELECT 1 FROM trains WHERE id = ?", trainID).Scan(&one)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := trainRows{}
	read := func(table, where string) error {
		cols, err := cache.columns(ctx, q, table)
		if err != nil {
			return err
		}
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = quoteIdent(c)
		}
		var rows string
		err = q.QueryRowContext(ctx, fmt.Sprintf("SELECT coalesce(json_group_array(json(j)), '[]') FROM (SELECT json_array(%s) AS j FROM %s WHERE %s ORDER BY 1)",
			strings.Join(quoted, ", "), quoteIdent(table), where), trainID).Scan(&rows)
		if err != nil {
			return fmt.Errorf("read the train's %s: %w", table, err)
		}
		out[table] = journalTable{Columns: cols, Rows: json.RawMessage(rows)}
		return nil
	}
	for _, t := range journalTrainTables {
		col := "train_id"
		if t == "trains" {
			col = "id"
		}
		if err := read(t, col+" = ?"); err != nil {
			return nil, err
		}
	}
	for _, t := range journalRosterTables {
		if err := read(t, "roster_id IN (SELECT id FROM rosters WHERE train_id = ?)"); err != nil {
			return nil, err
		}
	}
	for _, t := range journalAssessmentTables {
		if err := read(t, "assessment_id IN (SELECT id FROM assessments WHERE train_id = ?)"); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// encode is the rows as the journal keeps them; nil for a train not here.
func (r trainRows) encode() ([]byte, error) {
	if r == nil {
		return nil, nil
	}
	return json.Marshal(map[string]journalTable(r)) // sorted by table name
}

// rowsHash is the hash of a train's rows as encode gives them.
func rowsHash(encoded []byte) string {
	if encoded == nil {
		return "absent"
	}
	h := sha256.Sum256(encoded)
	return hex.EncodeToString(h[:])
}

// restoreTrain puts a train back as before says (nil: removes it). The
// train's rows now go first; the cascade of the schema's foreign keys
// takes everything of it.
func restoreTrain(ctx context.Context, tx *sql.Tx, trainID string, before []byte) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM trains WHERE id = ?", trainID); err != nil {
		return err
	}
	if before == nil {
		return nil
	}
	var rows trainRows
	if err := json.Unmarshal(before, &rows); err != nil {
		return fmt.Errorf("train %s: its journal entry does not read: %w", trainID, err)
	}
	if err := remapRosters(ctx, tx, rows); err != nil {
		return err
	}
	for _, table := range slices.Concat(journalTrainTables, journalRosterTables, journalAssessmentTables) {
		jt, ok := rows[table]
		if !ok || len(jt.Columns) == 0 {
			continue
		}
		// Only the columns both the journal and the table have: a column
		// added since takes its default.
		have, err := tableColumns(ctx, tx, table)
		if err != nil {
			return err
		}
		var cols, vals []string
		for i, c := range jt.Columns {
			if slices.Contains(have, c) {
				cols = append(cols, quoteIdent(c))
				vals = append(vals, fmt.Sprintf("json_extract(value, '$[%d]')", i))
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM json_each(?)",
			quoteIdent(table), strings.Join(cols, ", "), strings.Join(vals, ", ")), string(jt.Rows)); err != nil {
			return fmt.Errorf("train %s: put back its %s: %w", trainID, table, err)
		}
	}
	return nil
}

// remapRosters gives a roster being put back a new id when another train's
// roster took its id since (rosters.id never leaves the database).
func remapRosters(ctx context.Context, tx *sql.Tx, rows trainRows) error {
	jt, ok := rows["rosters"]
	if !ok {
		return nil
	}
	idCol := slices.Index(jt.Columns, "id")
	if idCol < 0 {
		return nil
	}
	var rs [][]json.Number
	if err := decodeRosterIDs(jt.Rows, &rs); err != nil {
		return nil // not all numbers: nothing to renumber here, the insert says what is wrong
	}
	moved := map[string]int64{}
	var next int64
	for _, r := range rs {
		var taken int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM rosters WHERE id = ?", string(r[idCol])).Scan(&taken); err != nil {
			return err
		}
		if taken == 0 {
			continue
		}
		if next == 0 {
			if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) + 1 FROM rosters").Scan(&next); err != nil {
				return err
			}
			for _, r := range rs {
				var v int64
				fmt.Sscan(string(r[idCol]), &v)
				next = max(next, v+1)
			}
		}
		moved[string(r[idCol])] = next
		next++
	}
	if len(moved) == 0 {
		return nil
	}
	renumber := func(table, col string) error {
		t, ok := rows[table]
		if !ok {
			return nil
		}
		c := slices.Index(t.Columns, col)
		if c < 0 {
			return nil
		}
		var all [][]any
		d := json.NewDecoder(bytes.NewReader(t.Rows))
		d.UseNumber()
		if err := d.Decode(&all); err != nil {
			return err
		}
		for _, r := range all {
			if n, ok := r[c].(json.Number); ok {
				if id, ok := moved[string(n)]; ok {
					r[c] = id
				}
			}
		}
		b, err := json.Marshal(all)
		if err != nil {
			return err
		}
		t.Rows = b
		rows[table] = t
		return nil
	}
	if err := renumber("rosters", "id"); err != nil {
		return err
	}
	for _, table := range journalRosterTables {
		if err := renumber(table, "roster_id"); err != nil {
			return err
		}
	}
	return nil
}

// decodeRosterIDs reads an array of arrays whose every value is a number.
func decodeRosterIDs(b []byte, out *[][]json.Number) error {
	var all [][]any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&all); err != nil {
		return err
	}
	for _, r := range all {
		row := make([]json.Number, len(r))
		for i, v := range r {
			n, ok := v.(json.Number)
			if !ok {
				n = "0"
			}
			row[i] = n
		}
		*out = append(*out, row)
	}
	return nil
}

// SQLite lets a waiting writer in only when its busy handler happens to
// retry while the lock is free (it sleeps 1, 2, 5, 10 … up to 100 ms
// between tries), so an import that began its next chunk at once would
// starve the saves waiting between two chunks, and even a save that got
// in waited for the handler's next try, not for the chunk. The writers of
// this process on one file therefore queue on a writeGate before they
// take SQLite's lock: a save waiting behind a chunk is woken the moment
// the chunk commits. Before each chunk the import waits (up to a second)
// until no save is waiting, so a save of the window, or of another Store
// on the file, goes first; another Trainscope's save still goes through
// the busy handler, helped by a pause between chunks.
var writeGates sync.Map // database path → *writeGate

// writeGate orders the write transactions of this process on one file.
type writeGate struct {
	mu      sync.Mutex   // held by the write transaction under way
	waiting atomic.Int32 // writes, not import chunks, waiting for or holding mu
}

// importChunkKey marks the context of a batch's write (commitBatch).
type importChunkKey struct{}

func (s *Store) gate() *writeGate {
	v, _ := writeGates.LoadOrStore(s.path, new(writeGate))
	return v.(*writeGate)
}

// enterWrite waits for this process's other writes on the file and counts
// a write that is not an import's chunk as waiting, so the import lets it
// go first; the returned func ends it.
func (s *Store) enterWrite(ctx context.Context) func() {
	g := s.gate()
	if ctx.Value(importChunkKey{}) != nil {
		g.mu.Lock()
		return g.mu.Unlock
	}
	g.waiting.Add(1)
	g.mu.Lock()
	return func() {
		g.mu.Unlock()
		g.waiting.Add(-1)
	}
}

// commitBatch commits one batch of long work (an import's chunk, a
// recompute's batch) as a write that lets the coach's saves go first: it
// does not count as a save waiting, and a batch after the first (later)
// waits for the saves waiting before it starts.
func (s *Store) commitBatch(ctx context.Context, later bool, what string, fn func(tx *sql.Tx) error) error {
	if later {
		s.yieldToSaves()
	}
	return s.commit(context.WithValue(ctx, importChunkKey{}, true), what, fn)
}

// yieldToSaves waits, before an import's next chunk, until no save of this
// process on the file is waiting (a second at most), and then a moment
// for another Trainscope's.
func (s *Store) yieldToSaves() {
	g := s.gate()
	for deadline := time.Now().Add(time.Second); g.waiting.Load() > 0 && time.Now().Before(deadline); {
		time.Sleep(200 * time.Microsecond)
	}
	time.Sleep(2 * time.Millisecond)
}

// importRun is one import under way.
type importRun struct {
	s      *Store
	id     string
	seq    int
	chunks int
}

// beginImport records an import as running.
func (s *Store) beginImport(ctx context.Context) (*importRun, error) {
	j := &importRun{s: s, id: NewID()}
	liveImports.Store(j.id, struct{}{})
	err := s.commit(ctx, "import", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO imports (id, pid, started_at, state) VALUES (?, ?, ?, 'running')", j.id, os.Getpid(), s.stamp())
		return err
	})
	if err != nil {
		liveImports.Delete(j.id)
		return nil, err
	}
	return j, nil
}

// running checks, inside a chunk's transaction, that no other Trainscope
// has taken this import for a dead one and undone it.
func (j *importRun) running(ctx context.Context, tx *sql.Tx) error {
	var state string
	err := tx.QueryRowContext(ctx, "SELECT state FROM imports WHERE id = ?", j.id).Scan(&state)
	if err == sql.ErrNoRows || (err == nil && state != "running") {
		return errors.New("another Trainscope undid this import while it ran; import the bundle again")
	}
	return err
}

// chunk merges the next trains in one transaction, each recorded in the
// journal as it was before, and refreshes their stored summaries. next
// gives the next train, false at the end of the bundle; chunk returns
// false when the bundle is all in.
func (j *importRun) chunk(ctx context.Context, m *merging, next func() (importTrain, bool, error)) (bool, error) {
	more := true
	later := j.seq > 0 || j.chunks > 0
	j.chunks++
	err := j.s.commitBatch(ctx, later, "import", func(tx *sql.Tx) error {
		start := time.Now()
		if err := j.running(ctx, tx); err != nil {
			return err
		}
		seq := j.seq
		cols := columnCache{}
		for trains, assessments := 0, 0; trains < importChunk.trains && assessments < importChunk.assessments &&
			(trains == 0 || importChunk.budget <= 0 || time.Since(start) < importChunk.budget); trains++ {
			it, ok, err := next()
			if err != nil {
				return err
			}
			if !ok {
				more = false
				break
			}
			assessments += len(it.assessments)
			before, err := readTrainRows(ctx, tx, cols, it.train.ID)
			if err != nil {
				return err
			}
			if err := m.train(ctx, tx, it); err != nil {
				return err
			}
			// Even a skipped train may have gained an assessment, and its
			// drafts follow a live roster that may have changed.
			if err := m.s.refreshSummaries(ctx, tx, "train_id = ?", it.train.ID); err != nil {
				return err
			}
			after, err := readTrainRows(ctx, tx, cols, it.train.ID)
			if err != nil {
				return err
			}
			b, err := before.encode()
			if err != nil {
				return err
			}
			a, err := after.encode()
			if err != nil {
				return err
			}
			if bytes.Equal(a, b) {
				continue // nothing of it changed: nothing to undo
			}
			var prior any
			if b != nil {
				prior = string(b)
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO import_journal (import_id, seq, train_id, before, after_hash) VALUES (?, ?, ?, ?, ?)",
				j.id, seq, it.train.ID, prior, rowsHash(a)); err != nil {
				return err
			}
			seq++
		}
		j.seq = seq
		return nil
	})
	return more, err
}

// finish marks the import done, the moment it counts as made, then drops
// its journal (what is left of it if that is stopped is dropped at the
// next Open).
func (j *importRun) finish(ctx context.Context) error {
	err := j.s.commit(ctx, "import", func(tx *sql.Tx) error {
		if err := j.running(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE imports SET state = 'done' WHERE id = ?", j.id)
		return err
	})
	if err != nil {
		return err
	}
	liveImports.Delete(j.id)
	_ = j.s.dropJournal(context.WithoutCancel(ctx), j.id) // what is left, the next Open drops
	return nil
}

// fail undoes what the import had committed and returns err, with a note
// of the trains kept because someone changed them meanwhile. The undo runs
// even when ctx was cancelled: that is often why the import failed.
func (j *importRun) fail(ctx context.Context, err error) error {
	defer liveImports.Delete(j.id)
	kept, uerr := j.s.undoImport(context.WithoutCancel(ctx), j.id)
	if uerr != nil {
		return fmt.Errorf("%w; and undoing what it had imported failed too (%v): Trainscope undoes it the next time it opens the database", err, uerr)
	}
	if len(kept) > 0 {
		return &KeptTrainsError{Err: err, Trains: kept}
	}
	return err
}

// KeptTrainsError is an import that failed and was undone, except for
// trains someone changed while it ran: those are kept as they are now,
// with the import's changes, so that no one's edit is lost.
type KeptTrainsError struct {
	Err    error
	Trains []string // "name (id)"
}

func (e *KeptTrainsError) Error() string {
	return fmt.Sprintf("%v. The import was undone, except for %s, changed here while the import ran: kept as it is now, with the import's changes; check it", e.Err, keptNames(e.Trains))
}

func (e *KeptTrainsError) Unwrap() error { return e.Err }

func keptNames(trains []string) string {
	if len(trains) == 1 {
		return "the train " + trains[0]
	}
	return "the trains " + strings.Join(trains, ", ")
}

// undoImport undoes an import's journal, last train first, a few trains
// per transaction, each restore together with the removal of its journal
// entry, so an undo stopped half way goes on where it was. It returns the
// trains kept because they were changed after the import changed them.
func (s *Store) undoImport(ctx context.Context, id string) ([]string, error) {
	var kept []string
	for step := 1; ; step++ {
		done := false
		err := s.commit(ctx, "undo an import", func(tx *sql.Tx) error {
			rows, err := tx.QueryContext(ctx, "SELECT seq, train_id, before, after_hash FROM import_journal WHERE import_id = ? ORDER BY seq DESC LIMIT ?", id, undoChunk)
			if err != nil {
				return err
			}
			type entry struct {
				seq          int
				train, after string
				before       []byte
			}
			var es []entry
			for rows.Next() {
				var e entry
				var before sql.NullString
				if err := rows.Scan(&e.seq, &e.train, &before, &e.after); err != nil {
					rows.Close()
					return err
				}
				if before.Valid {
					e.before = []byte(before.String)
				}
				es = append(es, e)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if len(es) == 0 {
				done = true
				_, err := tx.ExecContext(ctx, "DELETE FROM imports WHERE id = ?", id)
				return err
			}
			for _, e := range es {
				now, err := readTrainRows(ctx, tx, columnCache{}, e.train)
				if err != nil {
					return err
				}
				enc, err := now.encode()
				if err != nil {
					return err
				}
				if rowsHash(enc) != e.after {
					// Changed since the import changed it: keep that.
					name := e.train
					var n string
					if tx.QueryRowContext(ctx, "SELECT name FROM trains WHERE id = ?", e.train).Scan(&n) == nil {
						name = fmt.Sprintf("%q (%s)", n, e.train)
					}
					kept = append(kept, name)
				} else if err := restoreTrain(ctx, tx, e.train, e.before); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, "DELETE FROM import_journal WHERE import_id = ? AND seq = ?", id, e.seq); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return kept, err
		}
		if done {
			return kept, nil
		}
		if undoHook != nil {
			if err := undoHook(step); err != nil {
				return kept, err
			}
		}
	}
}

// dropJournal drops a finished import's journal, a few entries per
// transaction, then the import's record.
func (s *Store) dropJournal(ctx context.Context, id string) error {
	for {
		var n int64
		err := s.commit(ctx, "import", func(tx *sql.Tx) error {
			res, err := tx.ExecContext(ctx, "DELETE FROM import_journal WHERE import_id = ? AND seq IN (SELECT seq FROM import_journal WHERE import_id = ? ORDER BY seq LIMIT 20)", id, id)
			if err != nil {
				return err
			}
			if n, err = res.RowsAffected(); err != nil {
				return err
			}
			if n == 0 {
				_, err = tx.ExecContext(ctx, "DELETE FROM imports WHERE id = ?", id)
			}
			return err
		})
		if err != nil || n == 0 {
			return err
		}
	}
}

// recoverImports finishes what imports left behind: a done one's journal
// is dropped, and one whose Trainscope is gone (killed, or its machine
// lost power) is undone. An import another running Trainscope, or this
// one, is making now is left to it. Open runs it before anything else,
// and every import before it starts.
func (s *Store) recoverImports(ctx context.Context) error {
	type left struct {
		id, state string
		pid       int
	}
	var all []left
	err := s.read(ctx, "open database "+s.path+": look for an unfinished import", func(q querier) error {
		rows, err := q.QueryContext(ctx, "SELECT id, state, pid FROM imports ORDER BY started_at")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l left
			if err := rows.Scan(&l.id, &l.state, &l.pid); err != nil {
				return err
			}
			all = append(all, l)
		}
		return rows.Err()
	})
	if err != nil {
		return err
	}
	for _, l := range all {
		if l.state == "done" {
			if err := s.dropJournal(ctx, l.id); err != nil {
				return err
			}
			continue
		}
		if importAlive(l.id, l.pid) {
			continue
		}
		kept, err := s.undoImport(ctx, l.id)
		if err != nil {
			return fmt.Errorf("open database %s: undo an import that did not finish: %w", s.path, err)
		}
		msg := "An import that did not finish (Trainscope was stopped while it ran) has been undone: the database is as it was before it; import the bundle again."
		if len(kept) > 0 {
			msg = fmt.Sprintf("An import that did not finish (Trainscope was stopped while it ran) has been undone, except for %s, changed while the import ran: kept as it is now, with the import's changes; check it, then import the bundle again.", keptNames(kept))
		}
		s.warn(msg)
	}
	return nil
}

// importAlive says whether the import id, run by process pid, may still be
// running: in this process when it is one of liveImports, in another while
// that process lives.
func importAlive(id string, pid int) bool {
	if pid == os.Getpid() {
		_, ok := liveImports.Load(id)
		return ok
	}
	return processAlive(pid)
}
