package data

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// damageFound opens the damaged database at path every way Trainscope does
// and returns the *DamagedError each gave: Open with CheckAtOpen, the first
// write after a plain Open, and CheckInBackground. The file must be left as
// it was by all of them.
func damageFound(t *testing.T, path string) []error {
	t.Helper()
	before, err := os.ReadFile(path)
	must(t, err)
	unchanged := func(how string) {
		t.Helper()
		if got, _ := os.ReadFile(path); !bytes.Equal(got, before) {
			t.Fatalf("%s changed the damaged file", how)
		}
	}
	var found []error
	isDamaged := func(how string, err error) {
		t.Helper()
		var de *DamagedError
		if !errors.As(err, &de) {
			t.Fatalf("%s on a damaged database: %v, want a *DamagedError", how, err)
		}
		found = append(found, err)
	}

	_, err = Open(path, Options{CheckAtOpen: true})
	isDamaged("Open with CheckAtOpen", err)
	unchanged("Open with CheckAtOpen")

	s, err := Open(path, Options{})
	if err != nil { // the damage reached the header or the schema
		isDamaged("Open", err)
		unchanged("Open")
		return found
	}
	err = s.CreateTrain(context.Background(), trainNamed("Ledger"))
	isDamaged("the first write", err)
	// Refused again without reading the file once more.
	isDamaged("the second write", s.CreateTrain(context.Background(), trainNamed("Ledger")))
	_, err = s.Backup(context.Background(), "")
	isDamaged("a backup", err)
	must(t, s.Close())
	unchanged("a write after Open")

	s, err = Open(path, Options{})
	must(t, err)
	reported := make(chan error, 1)
	s.CheckInBackground(func(err error) { reported <- err })
	isDamaged("CheckInBackground", <-reported)
	must(t, s.Close())
	unchanged("CheckInBackground")
	return found
}

// Open reads the header and the schema only: SQLite's check of every page,
// which costs in proportion to the file, waits for the first write.
func TestOpenLeavesTheFullCheckToTheFirstWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	addTrain(t, s, "Payments")
	must(t, s.Close())

	s, err = Open(path, Options{})
	must(t, err)
	defer s.Close()
	if s.fullChecks != 0 {
		t.Fatalf("Open ran %d full checks, want 0", s.fullChecks)
	}
	if _, err := s.Trains(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s.fullChecks != 0 {
		t.Fatalf("a read ran %d full checks, want 0", s.fullChecks)
	}
	addTrain(t, s, "Ledger")
	addTrain(t, s, "Claims")
	if s.fullChecks != 1 {
		t.Fatalf("two writes ran %d full checks, want 1 before the first", s.fullChecks)
	}
}

// Asked for (a command's -check), the full check runs inside Open, once.
func TestCheckAtOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	addTrain(t, s, "Payments")
	must(t, s.Close())

	s, err = Open(path, Options{CheckAtOpen: true})
	must(t, err)
	defer s.Close()
	addTrain(t, s, "Ledger")
	if s.fullChecks != 1 {
		t.Fatalf("CheckAtOpen and a write ran %d full checks, want 1", s.fullChecks)
	}
}

// A file that opening may write to is checked in full first: here a -wal
// file left by a second Trainscope still open (or by a crash), which the
// last connection to close would copy into the database.
func TestOpenChecksInFullBesideAWAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	first, err := Open(path, Options{})
	must(t, err)
	defer first.Close()
	addTrain(t, first, "Payments")
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("no -wal beside an open database with a write: %v", err)
	}
	second, err := Open(path, Options{})
	must(t, err)
	defer second.Close()
	if second.fullChecks != 1 {
		t.Fatalf("Open beside a -wal ran %d full checks, want 1", second.fullChecks)
	}
}

// The background check makes the day's backup once it has passed; on a
// damaged file it makes none, so the good backups stay the newest.
func TestBackgroundCheckBeforeTheDailyBackup(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clk := withClock(t, now)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	addTrain(t, s, "Payments")
	must(t, s.Close())
	good := Backups(path)
	if len(good) != 1 {
		t.Fatalf("%d backups after the first write, want 1", len(good))
	}

	clk.Add(25 * time.Hour)
	s, err = Open(path, Options{})
	must(t, err)
	if n := len(Backups(path)); n != 1 {
		t.Fatalf("Open made a backup (%d now): it belongs in the background", n)
	}
	done := make(chan struct{})
	s.CheckInBackground(func(err error) { t.Errorf("background check: %v", err) })
	go func() { s.background.Wait(); close(done) }()
	<-done
	if s.fullChecks != 1 || len(Backups(path)) != 2 {
		t.Fatalf("after the background check: %d full checks, %d backups; want 1 and 2", s.fullChecks, len(Backups(path)))
	}
	must(t, s.Close())

	// Damage the file; a day later the background check finds it and no
	// backup of it is made.
	scribble(t, path)
	clk.Add(25 * time.Hour)
	before := Backups(path)
	damageFound(t, path)
	if after := Backups(path); len(after) != len(before) || after[0] != before[0] {
		t.Fatalf("backups after finding damage: %v, were %v", after, before)
	}
}

// A check stopped by Close says nothing and leaves no backup half made.
func TestCloseStopsTheBackgroundCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	addTrain(t, s, "Payments")
	must(t, s.Close())
	s, err = Open(path, Options{})
	must(t, err)
	s.CheckInBackground(func(err error) { t.Errorf("reported after Close: %v", err) })
	must(t, s.Close())
	s.CheckInBackground(func(err error) { t.Errorf("a check started after Close: %v", err) })
	if left, _ := filepath.Glob(filepath.Join(BackupDir(path), ".partial-*")); len(left) != 0 {
		t.Errorf("partial backups left: %v", left)
	}
}

// scribble overwrites pages in the middle of the file with a people table
// big enough to reach them, as a failing disk might.
func scribble(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path, Options{})
	must(t, err)
	tr := addTrain(t, s, "Roster")
	roster := testRoster()
	for i := range 300 {
		roster.People = append(roster.People, assessmentPerson(i))
	}
	must(t, s.SaveRoster(context.Background(), tr.ID, roster))
	must(t, s.Close())
	data, err := os.ReadFile(path)
	must(t, err)
	if len(data) < 8*4096 {
		t.Fatalf("database only %d bytes", len(data))
	}
	for i := 3 * 4096; i < 6*4096; i++ {
		data[i] = 0xA5
	}
	must(t, os.WriteFile(path, data, 0o600))
}

func trainNamed(name string) *assessment.Train {
	return &assessment.Train{Name: name, Framework: assessment.SAFe}
}

// Opening and reading write nothing into the file before the full check:
// a sound database opened, read and closed is the same byte for byte, and
// so is a damaged one whose damage the reads did not reach.
func TestOpenAndReadWriteNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{Summarize: countingSummary, SummaryRules: "r1"})
	must(t, err)
	addTrain(t, s, "Payments")
	must(t, s.Close())
	before, err := os.ReadFile(path)
	must(t, err)
	for range 2 {
		s, err := Open(path, Options{Summarize: countingSummary, SummaryRules: "r1"})
		must(t, err)
		if _, err := s.Trains(context.Background()); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PortfolioTrains(context.Background(), ""); err != nil {
			t.Fatal(err)
		}
		must(t, s.Close())
		if s.fullChecks != 0 {
			t.Fatalf("%d full checks for reads", s.fullChecks)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, before) {
			t.Fatal("opening and reading changed the file")
		}
		for _, side := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(path + side); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("%s left beside the database: %v", side, err)
			}
		}
	}
}
