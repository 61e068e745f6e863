// Package data keeps a coach's work in a local SQLite database: trains, their
// rosters and impediment registers, and assessments with every answer, note
// and review decision. It also makes the backups, checks the file at open,
// and moves work between machines as bundles.
//
// Nothing is ever lost: every write is one transaction and a method returns
// nil only after it committed, with synchronous=FULL so a commit survives a
// power cut as well as a crash. The package knows SQL and the domain types of
// package assessment, and nothing of the user interface.
package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
	"github.com/trainscope/trainscope/assessment"
)

// ErrNotFound is returned, wrapped, when a train, assessment, impediment or
// recommendation does not exist.
var ErrNotFound = errors.New("not in this database; check the id, or whether it was deleted")

// ErrFinal is returned, wrapped, when something tries to change a finished
// assessment. The coach must reopen it first, on purpose.
var ErrFinal = errors.New("the assessment is finished; reopen it to change it")

// ErrNoWorkshop is returned, wrapped, when a workshop change is asked of an
// assessment that is not a workshop. StartWorkshop makes it one.
var ErrNoWorkshop = errors.New("the assessment is not a workshop; start one first")

// Options tune a Store.
type Options struct {
	// Summarize computes the facts the home screen and the portfolio list
	// (normally assessment.Summarize of assessment.Evaluate). When set, the
	// store refreshes an assessment's stored summary in the transaction of
	// every change that can move it, so Trains and Portfolio are one query.
	// When nil, summaries stay empty (Known false).
	Summarize func(*assessment.Assessment, assessment.Train) assessment.Summary
	// SummaryRules names the rules Summarize follows, e.g. the checklist
	// version and the program's version. Stored summaries are never written
	// again once an assessment is finished, so when the name differs from
	// the one the stored summaries were made with, they are all recomputed
	// once, in the background, when they are first read (see
	// RecomputeSummaries). Empty: never recompute for new rules.
	SummaryRules string
	// Definitions are the checklists votes are checked against: response
	// files need them (a vote for an item the checklists do not have is
	// refused), and with them a vote or observation given in the room must
	// be on its item's scale. When nil, ExportResponse and ImportResponses
	// refuse, and single votes are checked without them.
	Definitions *assessment.Definitions
	// CheckAtOpen makes Open run SQLite's full check of every page
	// (quick_check) before it returns, as TRAINSCOPE_CHECK=1 asks of the
	// commands.
	// Without it Open checks the file's header and schema only, which costs
	// the same at any size, and the full check runs before the first write
	// or backup, or in the background with CheckInBackground: a damaged
	// file is still never written to.
	CheckAtOpen bool
}

// Store is the coach's database. It is safe for concurrent use, and a second
// Store (or a second running Trainscope) on the same file works too: the
// database is in WAL mode, writers take the lock at BEGIN and wait up to five
// seconds for each other.
type Store struct {
	db   *sql.DB
	path string
	opts Options
	now  func() time.Time // the clock for created_at, updated_at and backups; tests replace it

	backupMu   sync.Mutex
	lastBackup time.Time      // when the newest backup was made, as far as this Store knows
	background sync.WaitGroup // the background check and daily backups; Close waits for them
	closed     bool
	warnings   []string // see Warnings; guarded by backupMu

	// The full check of every page (see ensureChecked): held while it runs,
	// so a write waits for a check under way instead of racing it.
	checkMu    sync.Mutex
	checked    bool  // the full check passed on this Store
	damage     error // the *DamagedError the full check found; every write returns it
	fullChecks int   // how many full checks ran; tests read it

	recompute recomputeState // the background recompute of summaries (data/summary.go)

	// stop ends the background check when the Store closes.
	bgCtx context.Context
	stop  context.CancelFunc
}

// clock is where a new Store reads the time; tests move it to see daily
// backups happen.
var clock = time.Now

// FileName is the database's name inside the user's data folder.
const FileName = "trainscope.db"

// DefaultPath is where the coach's database lives under root, the user's
// data folder for Trainscope.
func DefaultPath(root string) string { return filepath.Join(root, FileName) }

// NewID returns a fresh id. Every id Trainscope hands out is a random UUID,
// so the same train exported by two coaches keeps one id and merges.
func NewID() string { return uuid.NewString() }

// dsnParams are the connection settings, in the DSN so that every pooled
// connection gets them, not just the one an Exec happens to reach.
//
// synchronous=FULL rather than NORMAL: in WAL mode NORMAL survives a crash of
// Trainscope but may lose the last commits on a power cut or OS crash, and a
// nil error from the store promises the coach's answer is saved. FULL costs
// one fsync of the WAL per commit, which is invisible at the pace a coach
// types (see docs/performance.md).
const dsnParams = "_fk=1&_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate&_sync=FULL&_stmt_cache_size=64"

// dsn turns a file path into a SQLite URI; escaping keeps a folder name with
// "?", "#" or "%" from being read as URI syntax.
func dsn(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows path, C:/...
	}
	u := url.URL{Scheme: "file", Path: p, OmitHost: true}
	return u.String() + "?" + dsnParams
}

// Open opens the database at path, creating it (and its folder) if missing.
// Before writing anything it recognises the file as a Trainscope database
// from its header and schema, read-only; then it makes a backup before any
// migration and migrates the schema to the newest version.
//
// What Open reads costs the same at any size of database: SQLite's check of
// every page (quick_check) runs at open only with Options.CheckAtOpen, or
// when the file is in a state where opening it may write to it (not in WAL
// mode, or a -wal or -journal file left beside it). Otherwise it runs before
// the first write or backup of this Store, or earlier in the background
// with CheckInBackground; until it has passed nothing is written, and when
// it finds damage every write returns the *DamagedError, the file as it was.
// The daily backup is no longer made here either: CheckInBackground makes it
// after its check, and a write a day after the last backup starts one.
//
// A file that is damaged, or an empty one beside backups of it, gives a
// *DamagedError naming the file and its newest backup; another program's
// SQLite file gives a *ForeignError; either way the file is left as it was.
// A database written by a newer Trainscope gives an error too.
//
// Trouble that need not keep the coach from their data does not make Open
// fail: a database file others could read, which Open makes private.
// Warnings says what happened.
func Open(path string, opts Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("open database %s: create its folder: %w", abs, err)
	}
	kind, fullyChecked, err := recognise(abs, opts.CheckAtOpen)
	if err != nil {
		return nil, err
	}
	s := &Store{path: abs, opts: opts, now: clock}
	s.bgCtx, s.stop = context.WithCancel(context.Background())
	if fullyChecked {
		s.fullChecks, s.checked = 1, true
	}
	if kind == fileNew {
		s.checked = true // nothing in it can be damaged
	}
	if kind == fileTrainscope {
		s.tightenPermissions()
	}
	// Create the file ourselves so it is private to the coach: SQLite would
	// make it world-readable, and gives its -wal and -shm files the
	// database's mode.
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, plainOpenError(err))
	}
	f.Close()

	db, err := sql.Open("sqlite3", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	// Readers run beside a writer in WAL mode; a few idle connections keep
	// the pragmas from being re-run on every call.
	db.SetMaxIdleConns(4)
	s.db = db
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, damageFirst(err)
	}
	// An import a killed Trainscope left half done is undone before
	// anything else reads or writes (data/journal.go).
	if err := s.recoverImports(context.Background()); err != nil {
		db.Close()
		return nil, damageFirst(err)
	}
	if kind == fileNew && opts.SummaryRules != "" && opts.Summarize != nil {
		// Every summary a new database gets is made under these rules.
		if err := s.commit(context.Background(), "record the summaries' rules", func(tx *sql.Tx) error {
			return recordRules(context.Background(), tx, opts.SummaryRules)
		}); err != nil {
			db.Close()
			return nil, err
		}
	}
	s.noteLatestBackup()
	return s, nil
}

// damageFirst returns the *DamagedError inside err, which names the file
// and its backup, rather than the step of opening that ran into it.
func damageFirst(err error) error {
	var de *DamagedError
	if errors.As(err, &de) {
		return de
	}
	return err
}

// plainOpenError rewords the file system's refusals to open the database.
func plainOpenError(err error) error {
	switch {
	case errors.Is(err, os.ErrPermission):
		return reworded("Trainscope may not write the database file; check that the file and its folder belong to you and are not read-only", err)
	case diskFull(err):
		return reworded("the disk is full; free some space on it and try again", err)
	case notWritable(err):
		return reworded("the database file or its disk is read-only; copy the file to a folder you can write and open it there", err)
	}
	return err
}

// Warnings lists what the coach should know about the database that did
// not stop it from opening or working, in plain words with what to do: a
// daily backup that failed (the disk is full, the backups folder cannot be
// written) or a database file that was readable by others and has been
// made private. The GUI shows them once after opening and the commands
// print them; each call returns all so far, oldest first.
func (s *Store) Warnings() []string {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	return slices.Clone(s.warnings)
}

func (s *Store) warn(msg string) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	if !slices.Contains(s.warnings, msg) {
		s.warnings = append(s.warnings, msg)
	}
}

// tightenPermissions makes the database and its -wal and -shm files
// readable by the coach alone, as Trainscope creates them: a file copied in,
// or made by an older Trainscope, may be readable by anyone on the machine,
// and it holds people's names.
func (s *Store) tightenPermissions() {
	var changed []string
	for _, name := range []string{s.path, s.path + "-wal", s.path + "-shm"} {
		fi, err := os.Stat(name)
		if err != nil || fi.Mode().Perm()&0o077 == 0 {
			continue
		}
		if err := os.Chmod(name, fi.Mode().Perm()&0o700); err != nil {
			s.warn(fmt.Sprintf("The database file %s can be read by other people on this computer (mode %04o), and Trainscope could not change that (%v). Make it private with: chmod 600 %q", name, fi.Mode().Perm(), err, name))
			continue
		}
		changed = append(changed, fmt.Sprintf("%s (was %04o)", filepath.Base(name), fi.Mode().Perm()))
	}
	if len(changed) > 0 {
		s.warn(fmt.Sprintf("The database files %s could be read by other people on this computer; Trainscope has made them private to you (mode 0600), as it keeps people's names.", strings.Join(changed, ", ")))
	}
}

// Close stops a background check, waits for a running backup and closes
// the database.
func (s *Store) Close() error {
	s.backupMu.Lock()
	s.closed = true
	s.backupMu.Unlock()
	s.stop()
	s.background.Wait()
	s.recordCounts()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close database %s: %w", s.path, err)
	}
	return nil
}

// Path is the database file's absolute path.
func (s *Store) Path() string { return s.path }

// querier is what both a write transaction and a read snapshot offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// write runs fn in one write transaction and returns nil only after commit.
// what names the change for the error the coach may read. A change of the
// coach's may start the day's backup.
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if err := s.commit(ctx, what, fn); err != nil {
		return err
	}
	s.backupIfDue()
	return nil
}

// commit runs fn in one write transaction, for the store's own bookkeeping
// too: that never starts the day's backup, which is for the coach's work.
func (s *Store) commit(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	if err := s.ensureChecked(ctx); err != nil {
		return fmt.Errorf("%s: not saved: %w", what, err)
	}
	defer s.enterWrite(ctx)() // one write of this process at a time; an import lets saves go first (data/journal.go)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, busy(err))
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return fmt.Errorf("%s: %w", what, busy(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: not saved: %w", what, busy(err))
	}
	return nil
}

// read runs fn on one consistent snapshot of the database. It begins a
// deferred transaction by hand: the driver's BeginTx always takes the write
// lock (_txlock=immediate), which readers need not wait for in WAL mode.
func (s *Store) read(ctx context.Context, what string, fn func(q querier) error) (err error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return fmt.Errorf("%s: %w", what, busy(err))
	}
	defer func() {
		if _, rerr := conn.ExecContext(context.Background(), "ROLLBACK"); rerr != nil {
			// A connection left inside a transaction must not go back to the pool.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	if err := fn(conn); err != nil {
		return fmt.Errorf("%s: %w", what, busy(err))
	}
	return nil
}

// Time formats. A fixed nine-digit fraction keeps UTC stamps sortable as text.
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(timeFormat)
}

// stamp is the store's own time stamp: UTC, so updated_at sorts as text.
func (s *Store) stamp() string { return s.now().UTC().Format(timeFormat) }

func parseTime(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time %q in the database: %w", v, err)
	}
	return t, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nullable stores an empty reference as NULL, which SQLite's foreign keys
// skip: an empty person id is a vacancy, not a dangling reference.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
