package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"
	"github.com/trainscope/trainscope/assessment"
)

// A list where a single value belongs once panicked in the unknown-field
// locator ("reflect: Elem of invalid type string"); now it is refused with
// its place, in bundles and in response files alike.
func TestNestedListWhereAValueBelongs(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	for _, v := range []string{`[[]]`, `[{}]`, `[[[1]]]`, `{"a":[[]]}`, `[[{"x":[]}]]`} {
		t.Run("bundle "+v, func(t *testing.T) {
			m := encode(validBundle())
			data := bytes.Replace(m, []byte(`"name": "Payments"`), []byte(`"name": `+v), 1)
			_, err := s.Import(ctx, bytes.NewReader(data))
			var be *BundleError
			if !errors.As(err, &be) || !strings.Contains(err.Error(), "trains[0].name: expected a string") {
				t.Fatalf("Import: %v", err)
			}
		})
		t.Run("response "+v, func(t *testing.T) {
			data := []byte(`{"format":"trainscope-response","version":1,"participant":{"name":` + v + `},"votes":[]}`)
			_, err := DecodeResponse(data)
			if err == nil || !strings.Contains(err.Error(), "participant.name: expected a string") {
				t.Fatalf("DecodeResponse: %v", err)
			}
		})
	}
}

// rawDSN opens path with no settings of Trainscope's; escaped, as a test's
// folder name may hold "#".
func rawDSN(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path), OmitHost: true}).String()
}

// rawDatabase writes a SQLite file the way another program might: its own
// tables, schema version and application id, without Trainscope.
func rawDatabase(t testing.TB, path string, userVersion, appID int32, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", rawDSN(path))
	must(t, err)
	defer db.Close()
	db.SetMaxOpenConns(1) // a BEGIN in stmts must not leave the pragmas waiting on another connection
	for _, st := range stmts {
		if _, err := db.Exec(st); err != nil {
			t.Logf("%s: %v", st, err)
		}
	}
	_, err = db.Exec(fmt.Sprintf("PRAGMA user_version = %d", userVersion))
	must(t, err)
	_, err = db.Exec(fmt.Sprintf("PRAGMA application_id = %d", appID))
	must(t, err)
}

// A negative schema version once panicked in the migrator (all[current:]).
func TestNegativeSchemaVersion(t *testing.T) {
	for _, v := range []int32{-1, -2147483648} {
		path := filepath.Join(t.TempDir(), "trainscope.db")
		rawDatabase(t, path, v, 0, "CREATE TABLE trains (id TEXT PRIMARY KEY)")
		before, err := os.ReadFile(path)
		must(t, err)
		s, err := Open(path, Options{})
		if err == nil {
			s.Close()
			t.Fatalf("user_version %d: opened", v)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Fatalf("user_version %d: the file was changed", v)
		}
	}
}

// fileState is a file's bytes and whether a -wal or -shm sits beside it.
func fileState(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	var extra []string
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			extra = append(extra, suffix)
		}
	}
	return fmt.Sprintf("%x %v", b, extra)
}

// Another program's SQLite file is refused before Trainscope writes a
// byte: no tables added, no WAL, no schema version, no -wal left beside it.
func TestForeignDatabaseRefusedUntouched(t *testing.T) {
	cases := []struct {
		name    string
		version int32
		appID   int32
		stmts   []string
		want    string
	}{
		{"another program's tables", 0, 0, []string{"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('mine')"},
			"another program's SQLite database, with the tables notes"},
		{"a clashing trains table", 3, 0, []string{"CREATE TABLE trains (id INTEGER PRIMARY KEY, departs TEXT)"},
			"with the tables trains"},
		{"another application id", 1, 0x46534c31, []string{"CREATE TABLE trains (id TEXT)", "CREATE TABLE assessments (id TEXT)", "CREATE TABLE rosters (id TEXT)", "CREATE TABLE answers (id TEXT)"},
			"another program (application id 1179864113)"},
		{"a schema version and no tables", 7, 0, nil, "holds no tables but says schema version 7"},
		{"in WAL mode", 0, 0, []string{"PRAGMA journal_mode=WAL", "CREATE TABLE t (x)"}, "with the tables t"},
		{"in WAL mode with another id", 0, 42, []string{"PRAGMA journal_mode=WAL", "CREATE TABLE t (x)"}, "application id 42"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "other.db")
			rawDatabase(t, path, c.version, c.appID, c.stmts...)
			before := fileState(t, path)
			_, err := Open(path, Options{})
			var fe *ForeignError
			if !errors.As(err, &fe) {
				t.Fatalf("Open: %v, want a *ForeignError", err)
			}
			for _, want := range []string{path, c.want, "not a Trainscope database", "has not changed it", "Open your Trainscope database instead"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message does not say %q:\n%v", want, err)
				}
			}
			if after := fileState(t, path); after != before {
				t.Fatal("the foreign file was changed, or a -wal/-shm left beside it")
			}
		})
	}
}

// A database written before the application id (schema version above zero
// and Trainscope's tables) is adopted and stamped; so is an empty SQLite file.
func TestOlderTrainscopeDatabaseIsAdopted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	addTrain(t, s, "Payments")
	_, err = s.db.Exec("PRAGMA application_id = 0")
	must(t, err)
	must(t, s.Close())
	s, err = Open(path, Options{})
	must(t, err)
	var id int32
	must(t, s.db.QueryRow("PRAGMA application_id").Scan(&id))
	if id != ApplicationID {
		t.Fatalf("application_id %d after opening, want %d", id, ApplicationID)
	}
	trains, err := s.Trains(context.Background())
	must(t, err)
	if len(trains) != 1 {
		t.Fatalf("%d trains", len(trains))
	}
	must(t, s.Close())

	empty := filepath.Join(t.TempDir(), "trainscope.db")
	rawDatabase(t, empty, 0, 0)
	s, err = Open(empty, Options{})
	must(t, err)
	must(t, s.Close())
}

// A 0-byte file where a database with backups was is damage, not a new
// database: the coach is offered the newest backup.
func TestEmptyFileBesideBackupsIsDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	addTrain(t, s, "Payments")
	backup, err := s.Backup(context.Background(), "")
	must(t, err)
	must(t, s.Close())
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	must(t, os.WriteFile(path, nil, 0o600))
	_, err = Open(path, Options{})
	var de *DamagedError
	if !errors.As(err, &de) || de.Backup != backup {
		t.Fatalf("Open of an emptied database: %v, want a *DamagedError offering %s", err, backup)
	}
	if !strings.Contains(err.Error(), "empty (0 bytes)") || !strings.Contains(err.Error(), backup) {
		t.Fatalf("message: %v", err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Fatalf("the emptied file was changed: %v %v", fi, err)
	}
}

// A device or folder given as the database is named as such, not as SQLite's
// "disk I/O error".
func TestDatabaseThatIsNotAFile(t *testing.T) {
	for _, path := range []string{os.DevNull, t.TempDir()} {
		_, err := Open(path, Options{})
		if err == nil || !strings.Contains(err.Error(), "not a file: give the name of a database file") || strings.Contains(err.Error(), "I/O") {
			t.Errorf("Open(%s): %v", path, err)
		}
	}
}

// Damage found by quick_check is said in plain words; SQLite's own lines
// stay inside the error for whoever repairs the file.
func TestQuickCheckInPlainWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	tr := addTrain(t, s, "Payments")
	roster := testRoster()
	for i := range 400 {
		roster.People = append(roster.People, assessmentPerson(i))
	}
	must(t, s.SaveRoster(context.Background(), tr.ID, roster))
	must(t, s.Close())
	// Break an index only: the pages read, but quick_check finds entries
	// missing, which once reached the coach as "row 12 missing from index …".
	raw, err := sql.Open("sqlite3", rawDSN(path))
	must(t, err)
	_, err = raw.Exec("PRAGMA writable_schema = ON")
	must(t, err)
	var root int
	must(t, raw.QueryRow("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'people' LIMIT 1").Scan(&root))
	raw.Close()
	data, err := os.ReadFile(path)
	must(t, err)
	page := 4096
	for i := (root - 1) * page; i < root*page && i < len(data); i++ {
		if i > (root-1)*page+100 {
			data[i] = 0
		}
	}
	must(t, os.WriteFile(path, data, 0o600))
	for _, err := range damageFound(t, path) {
		if strings.Contains(err.Error(), "quick_check") || strings.Contains(err.Error(), "missing from index") {
			t.Fatalf("raw quick_check output in the message: %v", err)
		}
	}
}

func assessmentPerson(i int) assessment.Person {
	return assessment.Person{ID: fmt.Sprintf("x-%d", i), Name: fmt.Sprintf("Person %d with a longer name", i)}
}

// A daily backup that cannot be written never locks the coach out: Open
// succeeds and Warnings says what failed and where to make room. A file
// where the backups folder belongs stops the backup even for root, for whom
// a read-only folder would not.
func TestFailedDailyBackupIsAWarning(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clk := withClock(t, now)
	dir := t.TempDir()
	path := filepath.Join(dir, "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	tr := addTrain(t, s, "Payments")
	must(t, s.Close())
	must(t, os.RemoveAll(BackupDir(path)))
	must(t, os.WriteFile(BackupDir(path), []byte("in the way"), 0o600))

	clk.Add(25 * time.Hour)
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("Open with the daily backup failing: %v", err)
	}
	defer s.Close()
	// The day's backup is made after the check in the background, which
	// reports the failure too (the GUI shows it, see internal/cli/gui.go).
	reported := make(chan error, 1)
	s.CheckInBackground(func(err error) { reported <- err })
	if err := <-reported; err == nil || !strings.Contains(err.Error(), "Today's backup could not be made") {
		t.Fatalf("the background backup reported %v", err)
	}
	w := s.Warnings()
	if len(w) != 1 || !strings.Contains(w[0], "Today's backup could not be made") || !strings.Contains(w[0], BackupDir(path)) ||
		!strings.Contains(w[0], "cannot be written") || !strings.Contains(w[0], "nothing is lost") {
		t.Fatalf("Warnings: %q", w)
	}
	// The coach works on: reads and writes succeed.
	if _, err := s.Trains(context.Background()); err != nil {
		t.Fatal(err)
	}
	must(t, s.SaveImpediment(context.Background(), tr.ID, &assessment.Impediment{Title: "x", Level: "team", Status: "open"}))
	// Left open overnight, the write-triggered backup fails the same way.
	clk.Add(25 * time.Hour)
	must(t, s.SaveImpediment(context.Background(), tr.ID, &assessment.Impediment{Title: "y", Level: "team", Status: "open"}))
	s.background.Wait()
	if got := s.Warnings(); len(got) != 1 {
		t.Fatalf("the same failure twice gives %d warnings: %q", len(got), got)
	}
}

// The backup warning names the cause by the error's code: a full disk says
// to free space on it.
func TestBackupWarningWords(t *testing.T) {
	full := backupWarning("/data/backups", fmt.Errorf("back up: %w", sqlite3.Error{Code: sqlite3.ErrFull}))
	if !strings.Contains(full, "the disk holding /data/backups is full") || !strings.Contains(full, "free some space") {
		t.Errorf("disk full: %s", full)
	}
	ro := backupWarning("/data/backups", &os.PathError{Op: "mkdir", Path: "/data/backups", Err: syscall.EROFS})
	if !strings.Contains(ro, "cannot be written") {
		t.Errorf("read-only: %s", ro)
	}
	enospc := backupWarning("/data/backups", &os.PathError{Op: "write", Path: "/data/backups/x", Err: syscall.ENOSPC})
	if !strings.Contains(enospc, "is full") {
		t.Errorf("ENOSPC: %s", enospc)
	}
}

// A database others could read is made private at open, with its -wal and
// -shm, and Warnings says so; a new one is created 0600.
func TestDatabaseMadePrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	if len(s.Warnings()) != 0 {
		t.Fatalf("a new database warns: %q", s.Warnings())
	}
	addTrain(t, s, "Payments")
	must(t, s.Close())
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		if fi, err := os.Stat(name); err == nil && fi.Mode().Perm() != 0o600 {
			t.Errorf("new %s has mode %04o", name, fi.Mode().Perm())
		}
	}
	must(t, os.Chmod(path, 0o644))
	must(t, os.WriteFile(path+"-shm", make([]byte, 32768), 0o666))
	must(t, os.Chmod(path+"-shm", 0o666))
	s, err = Open(path, Options{})
	must(t, err)
	defer s.Close()
	for _, name := range []string{path, path + "-shm"} {
		fi, err := os.Stat(name)
		must(t, err)
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s left at %04o", name, fi.Mode().Perm())
		}
	}
	w := s.Warnings()
	if len(w) != 1 || !strings.Contains(w[0], "trainscope.db (was 0644), trainscope.db-shm (was 0666)") || !strings.Contains(w[0], "private to you (mode 0600)") {
		t.Fatalf("Warnings: %q", w)
	}
}

// The store keeps the limits of assessment/limits.go on its own writes
// too, so what the GUI saves is what an import would take.
func TestStoreKeepsTextLimits(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	long := strings.Repeat("é", assessment.MaxNameLength+1)
	if err := s.CreateTrain(ctx, &assessment.Train{Name: long, Framework: assessment.SAFe}); err == nil ||
		!strings.Contains(err.Error(), "train.name: 201 characters, more than the 200 a name may have") {
		t.Errorf("CreateTrain with a long name: %v", err)
	}
	if err := s.CreateTrain(ctx, &assessment.Train{Name: "Pay\x00ments", Framework: assessment.SAFe}); err == nil ||
		!strings.Contains(err.Error(), "train.name: character 4 is a control character (U+0000)") {
		t.Errorf("CreateTrain with a NUL: %v", err)
	}
	tr := assessment.Train{Name: long[:2*assessment.MaxNameLength], Framework: assessment.SAFe, Description: "line one\nline two"}
	must(t, s.CreateTrain(ctx, &tr))

	r := testRoster()
	r.People[0].Name = "Ana\nLima"
	if err := s.SaveRoster(ctx, tr.ID, r); err == nil || !strings.Contains(err.Error(), "roster.people[0].name: character 4 is a control character (U+000A)") {
		t.Errorf("SaveRoster with a line break in a name: %v", err)
	}
	a := assessment.Assessment{TrainID: tr.ID, Date: day(2026, 3, 1), PI: "PI\t1"}
	if err := s.CreateAssessment(ctx, &a); err == nil || !strings.Contains(err.Error(), "pi: character 3 is a control character (U+0009)") {
		t.Errorf("CreateAssessment with a tab in the PI: %v", err)
	}
	a.PI = "PI 1"
	must(t, s.CreateAssessment(ctx, &a))
	note := strings.Repeat("n", assessment.MaxNoteLength+1)
	if err := s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: "fit.a", Rating: 3, Note: note}); err == nil ||
		!strings.Contains(err.Error(), "answer.note: 10001 characters, more than the 10000 a note may have") {
		t.Errorf("SetAnswer with a long note: %v", err)
	}
	neg := -1.0
	if err := s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: "fit.a", Figure: &neg}); err == nil || !strings.Contains(err.Error(), "answer.figure: -1 is negative") {
		t.Errorf("SetAnswer with a negative figure: %v", err)
	}
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: "fit.a", Rating: 3, Note: note[:assessment.MaxNoteLength]}))
	if err := s.SetChecklistNote(ctx, a.ID, "facilitator-fit", "ok\x1b[2J"); err == nil || !strings.Contains(err.Error(), "note: character 3 is a control character (U+001B)") {
		t.Errorf("SetChecklistNote with an escape: %v", err)
	}
	if err := s.SaveImpediment(ctx, tr.ID, &assessment.Impediment{Title: strings.Repeat("t", 201), Level: "team", Status: "open"}); err == nil ||
		!strings.Contains(err.Error(), "impediment.title: 201 characters, more than the 200 a one-line text may have") {
		t.Errorf("SaveImpediment with a long title: %v", err)
	}
}

// A write the database refuses because it cannot be written is said in
// plain words, by SQLite's code, whoever runs Trainscope: a store on a
// read-only connection stands for a read-only file or disk (chmod does not
// stop root).
func TestReadOnlyDatabaseInPlainWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	must(t, s.Close())
	ro, err := sql.Open("sqlite3", rawDSN(path)+"?mode=ro")
	must(t, err)
	s.db = ro
	defer ro.Close()
	err = s.CreateTrain(context.Background(), &assessment.Train{Name: "Payments", Framework: assessment.SAFe})
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrReadonly {
		t.Fatalf("CreateTrain: %v, want SQLite's read-only error inside", err)
	}
	if !strings.Contains(err.Error(), "the database cannot be written: the file, its folder or its disk is read-only; make them writable for you") {
		t.Fatalf("message: %v", err)
	}
}

// "assessment nope: not found" said nothing a coach could do.
func TestNotFoundInPlainWords(t *testing.T) {
	s := openTemp(t, Options{})
	_, err := s.Assessment(context.Background(), "nope")
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `assessment "nope": not in this database; check the id, or whether it was deleted`) {
		t.Fatalf("Assessment(nope): %v", err)
	}
}

// Each of SQLite's terse errors gets plain words by its code; one already
// reworded is left alone, and the original stays inside for errors.As.
func TestPlainSQLite(t *testing.T) {
	for code, want := range map[sqlite3.ErrNo]string{
		sqlite3.ErrBusy:     "stayed busy for 5 seconds; try again",
		sqlite3.ErrLocked:   "stayed busy for 5 seconds",
		sqlite3.ErrFull:     "the disk holding the database is full; free some space on it",
		sqlite3.ErrReadonly: "is read-only; make them writable",
		sqlite3.ErrIoErr:    "the disk reported an error reading or writing the database",
		sqlite3.ErrCorrupt:  "the database file is damaged; close Trainscope and open it again to be offered its newest backup",
		sqlite3.ErrCantOpen: "cannot open the database file",
		sqlite3.ErrPerm:     "not allowed to use the database file",
	} {
		err := plainSQLite(fmt.Errorf("save: %w", sqlite3.Error{Code: code}))
		if !strings.Contains(err.Error(), want) {
			t.Errorf("code %d: %v", code, err)
		}
		var se sqlite3.Error
		if !errors.As(err, &se) || se.Code != code {
			t.Errorf("code %d: the original is lost", code)
		}
		if again := plainSQLite(err); again != err {
			t.Errorf("code %d: reworded twice: %v", code, again)
		}
	}
	other := errors.New("something else")
	if plainSQLite(other) != other {
		t.Error("an error SQLite did not give was changed")
	}
}

// The damaged-database message says how old the offered backup is and what
// it holds, so the coach knows what restoring it gives back.
func TestDamagedNamesBackupAgeAndContent(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clk := withClock(t, now)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	tr := addTrain(t, s, "Payments")
	s.background.Wait() // the day's first backup, of one train, is older than the one below
	addTrain(t, s, "Ledger")
	must(t, s.CreateAssessment(context.Background(), &assessment.Assessment{TrainID: tr.ID, Date: day(2026, 3, 1)}))
	_, err = s.Backup(context.Background(), "")
	must(t, err)
	clk.Add(2 * time.Hour)
	addTrain(t, s, "Third") // after the backup: the damaged file held more
	must(t, s.Close())
	must(t, os.WriteFile(path, []byte("scribbled over"), 0o600))
	clk.Add(3*24*time.Hour - time.Hour)
	_, err = Open(path, Options{})
	var de *DamagedError
	if !errors.As(err, &de) || de.BackupTrains != 2 || de.BackupAssessments != 1 {
		t.Fatalf("Open: %v (%+v)", err, de)
	}
	if de.Known.Trains != 3 || de.Known.Assessments != 1 {
		t.Fatalf("known counts %+v", de.Known)
	}
	if !strings.Contains(err.Error(), "made 2026-03-01 09:00 UTC (3 days ago), holding 2 trains and 1 assessment (the damaged file held 3 trains and 1 assessment when Trainscope last closed it, 2026-03-01 11:00 UTC); work done since then is not in it") {
		t.Fatalf("message: %v", err)
	}
}
