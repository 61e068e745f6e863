package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// testClock is a clock a test moves on while background work (the daily
// backup, the integrity check) may read it.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Add moves the clock on by d and returns the new time.
func (c *testClock) Add(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}

// withClock makes new Stores see start as the time, for the test's duration;
// the clock it returns moves them all on.
func withClock(t *testing.T, start time.Time) *testClock {
	c := &testClock{now: start}
	old := clock
	clock = c.Now
	t.Cleanup(func() { clock = old })
	return c
}

func addTrain(t testing.TB, s *Store, name string) assessment.Train {
	t.Helper()
	tr := assessment.Train{Name: name, Framework: assessment.SAFe}
	must(t, s.CreateTrain(context.Background(), &tr))
	return tr
}

func TestNotSQLiteIsRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	content := []byte("These are my meeting notes, not a database.\n")
	must(t, os.WriteFile(path, content, 0o644))
	_, err := Open(path, Options{})
	var de *DamagedError
	if !errors.As(err, &de) {
		t.Fatalf("Open of a text file: %v, want *DamagedError", err)
	}
	if de.Path != path || de.Backup != "" {
		t.Fatalf("DamagedError = %+v", de)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "has not changed it") {
		t.Fatalf("message does not name the file or reassure: %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
		t.Fatal("the file was changed")
	}
	if _, err := os.Stat(path + "-wal"); !os.IsNotExist(err) {
		t.Fatal("a -wal file was created beside a file that is not a database")
	}
}

func TestDamagedDatabaseNamesLatestBackup(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	withClock(t, now)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	tr := addTrain(t, s, "Payments")
	roster := testRoster()
	for i := range 300 { // enough rows for several pages of people
		roster.People = append(roster.People, assessment.Person{ID: fmt.Sprintf("x-%d", i), Name: strings.Repeat("name ", 20)})
	}
	must(t, s.SaveRoster(context.Background(), tr.ID, roster))
	backup, err := s.Backup(context.Background(), "")
	must(t, err)
	must(t, s.Close())

	// Scribble over the middle of the file, as a failing disk might.
	data, err := os.ReadFile(path)
	must(t, err)
	if len(data) < 8*4096 {
		t.Fatalf("database only %d bytes", len(data))
	}
	for i := 3 * 4096; i < 6*4096; i++ {
		data[i] = 0xA5
	}
	must(t, os.WriteFile(path, data, 0o600))

	for _, err := range damageFound(t, path) {
		var de *DamagedError
		errors.As(err, &de)
		if de.Backup != backup || !strings.Contains(err.Error(), backup) {
			t.Fatalf("DamagedError names backup %q, want %q: %v", de.Backup, backup, err)
		}
	}
	// The backup itself opens and holds the train.
	b, err := Open(backup, Options{})
	must(t, err)
	defer b.Close()
	if _, err := b.Train(context.Background(), tr.ID); err != nil {
		t.Fatalf("backup lacks the train: %v", err)
	}
}

func TestBackupsDailyKeptTenPrivate(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clk := withClock(t, now)
	dir := filepath.Join(t.TempDir(), "Trainscope data")
	path := filepath.Join(dir, "trainscope.db")

	s, err := Open(path, Options{})
	must(t, err)
	if n := len(Backups(path)); n != 0 {
		t.Fatalf("%d backups of an empty database", n)
	}
	addTrain(t, s, "Payments") // the first write of the day makes the first backup
	must(t, s.Close())
	if n := len(Backups(path)); n != 1 {
		t.Fatalf("%d backups after the first write, want 1", n)
	}

	// Opening again the same day makes none.
	clk.Add(3 * time.Hour)
	s, err = Open(path, Options{})
	must(t, err)
	addTrain(t, s, "Ledger")
	must(t, s.Close())
	if n := len(Backups(path)); n != 1 {
		t.Fatalf("%d backups after a second open the same day, want 1", n)
	}

	// Opening alone makes none: the day's backup is taken after the check
	// in the background, as the window starts it.
	now = clk.Add(25 * time.Hour)
	s, err = Open(path, Options{})
	must(t, err)
	must(t, s.Close())
	if n := len(Backups(path)); n != 1 {
		t.Fatalf("%d backups after an open without a write or a background check, want 1", n)
	}

	// One a day; never more than ten.
	for range 12 {
		now = clk.Add(25 * time.Hour)
		s, err := Open(path, Options{})
		must(t, err)
		s.CheckInBackground(func(err error) { t.Errorf("background check: %v", err) })
		s.background.Wait() // a Close at once would stop the check, and the backup with it
		must(t, s.Close())
	}
	backups := Backups(path)
	if len(backups) != backupsKept {
		t.Fatalf("%d backups kept, want %d", len(backups), backupsKept)
	}
	if want := filepath.Join(dir, "backups", "trainscope-"+now.UTC().Format(backupStamp)+".db"); backups[0] != want {
		t.Fatalf("newest backup %s, want %s", backups[0], want)
	}

	for _, f := range append([]string{path}, backups...) {
		fi, err := os.Stat(f)
		must(t, err)
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", f, fi.Mode().Perm())
		}
	}
	fi, err := os.Stat(BackupDir(path))
	must(t, err)
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("backups folder has mode %v, want 0700", fi.Mode().Perm())
	}
	// No half-written backup is left behind.
	if left, _ := filepath.Glob(filepath.Join(BackupDir(path), ".partial-*")); len(left) != 0 {
		t.Errorf("partial backups left: %v", left)
	}
}

// TestBackupRemovesPartialsAKillLeft: a Trainscope killed while writing a
// backup leaves a half-written copy of the database in the backups folder;
// the next backup removes it, and leaves alone one being written now.
func TestBackupRemovesPartialsAKillLeft(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	addTrain(t, s, "Payments")
	dir := BackupDir(path)
	must(t, os.MkdirAll(dir, 0o700))
	stale := filepath.Join(dir, ".partial-1234.db")
	counts := filepath.Join(dir, ".partial-5678.json")
	writing := filepath.Join(dir, ".partial-9012.db")
	for _, p := range []string{stale, counts, writing} {
		must(t, os.WriteFile(p, []byte("half a copy"), 0o600))
	}
	hourAgo := time.Now().Add(-time.Hour)
	must(t, os.Chtimes(stale, hourAgo, hourAgo))
	must(t, os.Chtimes(counts, hourAgo, hourAgo))

	if _, err := s.Backup(context.Background(), ""); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{stale, counts} {
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s, left by a kill an hour ago, is still there (%v)", filepath.Base(p), err)
		}
	}
	if _, err := os.Stat(writing); err != nil {
		t.Errorf("%s, being written now, was removed: %v", filepath.Base(writing), err)
	}
	if n := len(Backups(path)); n < 1 {
		t.Errorf("%d backups after the backup", n)
	}
}

func TestDailyBackupWhileOpen(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clk := withClock(t, now)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	tr := addTrain(t, s, "Payments")
	s.background.Wait()
	clk.Add(26 * time.Hour) // Trainscope left open overnight
	must(t, s.SaveImpediment(context.Background(), tr.ID, &assessment.Impediment{Title: "x", Level: "team", Status: "open"}))
	must(t, s.Close())
	if n := len(Backups(path)); n != 2 {
		t.Fatalf("%d backups after writing on a second day, want 2", n)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	_, err = s.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
	must(t, err)
	must(t, s.Close())
	_, err = Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "newer Trainscope") {
		t.Fatalf("Open of a newer schema: %v", err)
	}
}

// twoStores are two Stores on one new file, standing for two running
// copies of Trainscope (or the window beside a command), closed at the
// test's end.
func twoStores(t *testing.T) (first, second *Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	first, err := Open(path, Options{Summarize: countingSummary})
	must(t, err)
	t.Cleanup(func() { first.Close() })
	second, err = Open(path, Options{Summarize: countingSummary})
	must(t, err)
	t.Cleanup(func() { second.Close() })
	return first, second
}

// Two Stores on one file stand for two running copies of Trainscope: both
// write at once, and every write of both arrives.
func TestTwoStoresOnOneFile(t *testing.T) {
	ctx := context.Background()
	first, second := twoStores(t)

	tr := addTrain(t, first, "Payments")
	a := assessment.Assessment{TrainID: tr.ID, Date: day(2026, 3, 1)}
	must(t, first.CreateAssessment(ctx, &a))

	const each = 40
	var wg sync.WaitGroup
	errs := make(chan error, 3*each)
	for w, s := range []*Store{first, second} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if err := s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: fmt.Sprintf("item-%d-%d", w, i), Rating: 3}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Add(1)
	go func() { // a reader meanwhile
		defer wg.Done()
		for range each {
			if _, err := second.Trains(ctx); err != nil {
				errs <- err
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got, err := first.Assessment(ctx, a.ID)
	must(t, err)
	if len(got.Answers) != 2*each {
		t.Fatalf("%d answers, want %d", len(got.Answers), 2*each)
	}
	trains, err := second.Trains(ctx)
	must(t, err)
	if trains[0].Latest.Summary.Score != 2*each {
		t.Fatalf("summary score %v, want %d", trains[0].Latest.Summary.Score, 2*each)
	}
}

// The DSN's settings reach every pooled connection, not just the first.
func TestConnectionSettings(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	conns := make([]*sql.Conn, 3)
	for i := range conns {
		c, err := s.db.Conn(ctx)
		must(t, err)
		defer c.Close()
		conns[i] = c
	}
	for i, c := range conns {
		var mode string
		var sync, fk, timeout int
		must(t, c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
		must(t, c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync))
		must(t, c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk))
		must(t, c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&timeout))
		if mode != "wal" || sync != 2 || fk != 1 || timeout != 5000 {
			t.Errorf("connection %d: journal_mode %s, synchronous %d, foreign_keys %d, busy_timeout %d", i, mode, sync, fk, timeout)
		}
	}
}
