package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// ApplicationID is the PRAGMA application_id of every Trainscope database
// ("TSCP" in ASCII). It is in the file's header, so Trainscope, and the
// file(1) command, can tell its databases from another program's SQLite
// files before writing a byte.
const ApplicationID int32 = 0x54534350

// trainscopeTables are tables the very first schema version made. A file
// written before Trainscope stamped its application id is recognised by
// them together with a schema version above zero.
var trainscopeTables = []string{"trains", "assessments", "rosters", "answers"}

// ForeignError says the file is a SQLite database of another program, or
// one Trainscope cannot recognise as its own. The file has not been changed.
type ForeignError struct {
	Path   string
	Reason string // what gave it away, in plain words
}

func (e *ForeignError) Error() string {
	return fmt.Sprintf("the file %s is not a Trainscope database (%s). Trainscope has not changed it. "+
		"Open your Trainscope database instead, or give the name of a file that does not exist yet to start a new one.", e.Path, e.Reason)
}

// fileKind is what recognise found at a database path.
type fileKind int

const (
	fileNew        fileKind = iota // missing or empty: Trainscope makes its schema
	fileTrainscope                 // a Trainscope database, stamped with ApplicationID or not yet
)

// recognise looks at the file at path without writing to it, not even a
// -wal or -shm file, and says whether Trainscope may open it: a missing or
// empty file is a new database, a SQLite file stamped with ApplicationID or
// holding Trainscope's tables from before the stamp is Trainscope's, and
// anything else is refused (*ForeignError, *DamagedError), the file
// untouched. With full, or when opening the file read-write may write to it
// (see mayWriteAtOpen), SQLite's quick_check reads every page here too,
// read-only, and a file damaged inside gives a *DamagedError; checked says
// it ran. Otherwise the store runs it before its first write.
func recognise(path string, full bool) (kind fileKind, checked bool, err error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return fileNew, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("open database %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		what := "a folder"
		if !fi.IsDir() {
			what = "a device or other special file"
		}
		return 0, false, fmt.Errorf("the database %s is %s, not a file: give the name of a database file (for example %s)", path, what, filepath.Join(path, FileName))
	}
	if err := checkHeader(path); err != nil {
		return 0, false, err
	}
	if fi.Size() == 0 {
		if LatestBackup(path) != "" {
			return 0, false, damagedError(path, errors.New("the file is empty (0 bytes) although backups of it exist, so it was emptied, for example by a full disk or an interrupted copy"))
		}
		return fileNew, false, nil
	}
	full = full || mayWriteAtOpen(path)
	kind, err = probe(path, full)
	return kind, full && err == nil, err
}

// mayWriteAtOpen says whether opening the file read-write may change it
// before the store writes anything of its own, so it must be checked in
// full first: a file not in WAL mode (the DSN switches it, rewriting the
// header), a -wal file beside it (the last connection to close copies it
// into the database) or a rollback journal (SQLite replays it). A
// Trainscope database closed cleanly has none of these.
func mayWriteAtOpen(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	head := make([]byte, 20)
	if _, err := io.ReadFull(f, head); err != nil || head[18] != 2 || head[19] != 2 {
		return true // bytes 18 and 19 are 2 in WAL mode
	}
	for _, side := range []string{"-wal", "-journal"} {
		if fi, err := os.Stat(path + side); err == nil && fi.Size() > 0 {
			return true
		}
	}
	return false
}

// probeDSN opens path read-only. Without a -wal file beside it, immutable=1
// keeps SQLite from creating one (or a -shm) even for a database in WAL
// mode; with one, the WAL holds the newest pages and must be read.
func probeDSN(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	u := url.URL{Scheme: "file", Path: p, OmitHost: true}
	q := "mode=ro"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		q += "&immutable=1"
	}
	return u.String() + "?" + q
}

// probe reads a SQLite file's application id, schema version and tables,
// and with full checks its pages, all read-only.
func probe(path string, full bool) (fileKind, error) {
	db, err := sql.Open("sqlite3", probeDSN(path))
	if err != nil {
		return 0, fmt.Errorf("open database %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	damaged := func(err error) error {
		return damagedError(path, err)
	}
	failed := func(err error) error {
		if isDamage(err) {
			return damaged(plainDamage(err))
		}
		return fmt.Errorf("open database %s: %w", path, plainSQLite(err))
	}
	var appID, version int32
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return 0, failed(err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, failed(err)
	}
	var tables []string
	if err := scanNames(db, &tables); err != nil {
		return 0, failed(err)
	}
	switch {
	case appID != 0 && appID != ApplicationID:
		return 0, &ForeignError{Path: path, Reason: fmt.Sprintf("its header names another program (application id %d)", appID)}
	case appID == ApplicationID:
	case len(tables) == 0 && version == 0:
		// An empty SQLite file: a Trainscope stopped before its first
		// migration committed leaves one, and there is nothing to lose.
	case version > 0 && hasAll(tables, trainscopeTables):
		// Written by a Trainscope from before the application id, if its
		// tables are those of its schema version (below); the migration
		// stamps it.
	default:
		return 0, &ForeignError{Path: path, Reason: foreignReason(tables, version)}
	}
	latest := SchemaVersion()
	if version < 0 {
		return 0, damaged(fmt.Errorf("its schema version is %d, which no Trainscope writes", version))
	}
	if int(version) > latest {
		return 0, fmt.Errorf("the database %s was written by a newer Trainscope (schema version %d; this one knows up to %d): update Trainscope to open it; the file has not been changed", path, version, latest)
	}
	if mismatch, err := schemaMismatch(db, int(version)); err != nil {
		return 0, failed(err)
	} else if mismatch != "" {
		if appID == ApplicationID {
			return 0, damaged(fmt.Errorf("its tables are not those of schema version %d: %s", version, mismatch))
		}
		return 0, &ForeignError{Path: path, Reason: fmt.Sprintf("its tables are not Trainscope's: %s", mismatch)}
	}
	if !full {
		return fileTrainscope, nil
	}
	if err := quickCheck(context.Background(), db); err != nil {
		if errors.As(err, new(*quickCheckError)) || isDamage(err) {
			return 0, damaged(plainDamage(err))
		}
		return 0, failed(err)
	}
	return fileTrainscope, nil
}

func scanNames(db *sql.DB, out *[]string) error {
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		*out = append(*out, n)
	}
	return rows.Err()
}

func hasAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

func foreignReason(tables []string, version int32) string {
	if len(tables) == 0 {
		return fmt.Sprintf("it holds no tables but says schema version %d", version)
	}
	shown := tables
	more := ""
	if len(shown) > 5 {
		shown, more = shown[:5], fmt.Sprintf(" and %d more", len(tables)-5)
	}
	return fmt.Sprintf("it is another program's SQLite database, with the tables %s%s", strings.Join(shown, ", "), more)
}

// quickCheckError is what SQLite's quick_check reported: Lines are its raw
// words, kept for whoever repairs the file; the message is plain.
type quickCheckError struct {
	Lines []string
}

func (e *quickCheckError) Error() string {
	return fmt.Sprintf("SQLite's check found damaged pages in it (%d %s)", len(e.Lines), plural(len(e.Lines), "problem"))
}

// quickCheck runs SQLite's quick_check, which reads every page and index of
// the file without writing.
func quickCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" && len(problems) < 100 {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(problems) > 0 {
		return &quickCheckError{Lines: problems}
	}
	return nil
}

// schemaOf is every table's columns, in order, as "table(a, b, c)".
func schemaOf(q interface {
	Query(string, ...any) (*sql.Rows, error)
}) (map[string]string, error) {
	rows, err := q.Query(`SELECT m.name, group_concat(c.name, ', ') FROM sqlite_schema m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' GROUP BY m.name ORDER BY m.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var table, cols string
		if err := rows.Scan(&table, &cols); err != nil {
			return nil, err
		}
		out[table] = cols
	}
	return out, rows.Err()
}

var (
	referenceMu      sync.Mutex
	referenceSchemas = map[string]map[string]string{} // by the migrations' text
)

// referenceSchema is the tables schema version v has: the migrations up to
// v applied to an empty database in memory, once per run.
func referenceSchema(v int) (map[string]string, error) {
	all, err := migrations()
	if err != nil {
		return nil, err
	}
	var key strings.Builder
	for _, m := range all[:v] {
		key.WriteString(m.sql)
	}
	referenceMu.Lock()
	defer referenceMu.Unlock()
	if ref, ok := referenceSchemas[key.String()]; ok {
		return ref, nil
	}
	db, err := sql.Open("sqlite3", "file::memory:?_fk=1")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	for _, m := range all[:v] {
		if _, err := db.Exec(m.sql); err != nil {
			return nil, fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	ref, err := schemaOf(db)
	if err != nil {
		return nil, err
	}
	referenceSchemas[key.String()] = ref
	return ref, nil
}

// schemaMismatch says how the file's tables differ from those of schema
// version v, or "" when they are the same, column for column.
func schemaMismatch(db *sql.DB, v int) (string, error) {
	ref, err := referenceSchema(v)
	if err != nil {
		return "", err
	}
	got, err := schemaOf(db)
	if err != nil {
		return "", err
	}
	for _, table := range sortedKeys(ref) {
		cols, ok := got[table]
		if !ok {
			return fmt.Sprintf("the table %s is missing", table), nil
		}
		if cols != ref[table] {
			return fmt.Sprintf("the table %s has the columns (%s), not (%s)", table, cols, ref[table]), nil
		}
	}
	for _, table := range sortedKeys(got) {
		if _, ok := ref[table]; !ok {
			return fmt.Sprintf("it has a table %s that Trainscope does not make", table), nil
		}
	}
	return "", nil
}
