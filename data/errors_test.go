package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"
	"github.com/trainscope/trainscope/assessment"
)

// Each of SQLite's codes gives its kind for errors.Is, whatever the words
// around it; a constraint other than UNIQUE or PRIMARY KEY, or a code none
// fits, gives none.
func TestErrorKindsByCode(t *testing.T) {
	kinds := []error{ErrBusy, ErrExists, ErrDiskFull, ErrReadOnly, ErrNoPermission, ErrCannotOpen, ErrDiskIO, ErrDamaged, ErrTooBig}
	for _, c := range []struct {
		err  sqlite3.Error
		want error
	}{
		{sqlite3.Error{Code: sqlite3.ErrBusy}, ErrBusy},
		{sqlite3.Error{Code: sqlite3.ErrLocked}, ErrBusy},
		{sqlite3.Error{Code: sqlite3.ErrConstraint, ExtendedCode: sqlite3.ErrConstraintUnique}, ErrExists},
		{sqlite3.Error{Code: sqlite3.ErrConstraint, ExtendedCode: sqlite3.ErrConstraintPrimaryKey}, ErrExists},
		{sqlite3.Error{Code: sqlite3.ErrConstraint, ExtendedCode: sqlite3.ErrConstraintForeignKey}, nil},
		{sqlite3.Error{Code: sqlite3.ErrConstraint, ExtendedCode: sqlite3.ErrConstraintCheck}, nil},
		{sqlite3.Error{Code: sqlite3.ErrFull}, ErrDiskFull},
		{sqlite3.Error{Code: sqlite3.ErrReadonly}, ErrReadOnly},
		{sqlite3.Error{Code: sqlite3.ErrPerm}, ErrNoPermission},
		{sqlite3.Error{Code: sqlite3.ErrAuth}, ErrNoPermission},
		{sqlite3.Error{Code: sqlite3.ErrCantOpen}, ErrCannotOpen},
		{sqlite3.Error{Code: sqlite3.ErrIoErr}, ErrDiskIO},
		{sqlite3.Error{Code: sqlite3.ErrCorrupt}, ErrDamaged},
		{sqlite3.Error{Code: sqlite3.ErrNotADB}, ErrDamaged},
		{sqlite3.Error{Code: sqlite3.ErrTooBig}, ErrTooBig},
		{sqlite3.Error{Code: sqlite3.ErrMisuse}, nil},
	} {
		err := fmt.Errorf("save roster: %w", plainSQLite(fmt.Errorf("insert: %w", c.err)))
		for _, k := range kinds {
			if got := errors.Is(err, k); got != (k == c.want) {
				t.Errorf("code %d/%d: errors.Is(%q) = %v", c.err.Code, c.err.ExtendedCode, k, got)
			}
		}
		var se sqlite3.Error
		if !errors.As(err, &se) || se != c.err {
			t.Errorf("code %d/%d: SQLite's error is lost: %v", c.err.Code, c.err.ExtendedCode, err)
		}
	}
}

// The file system's refusals get their kinds too, so a full or read-only
// disk is told apart the same way whether SQLite or Trainscope wrote.
func TestErrorKindsFromTheFileSystem(t *testing.T) {
	for errno, want := range map[syscall.Errno]error{
		syscall.ENOSPC: ErrDiskFull,
		syscall.EDQUOT: ErrDiskFull,
		syscall.EROFS:  ErrReadOnly,
		syscall.EACCES: ErrNoPermission,
		syscall.EPERM:  ErrNoPermission,
	} {
		err := plainOpenError(&os.PathError{Op: "open", Path: "/x/trainscope.db", Err: errno})
		if !errors.Is(err, want) {
			t.Errorf("%v: %v, want kind %q", errno, err, want)
		}
		if !errors.Is(err, errno) {
			t.Errorf("%v: the original is lost: %v", errno, err)
		}
	}
}

// Adding a train, an assessment or a recommendation whose id is taken is
// refused as ErrExists, in words that name it, and changes nothing.
func TestErrExistsFromTheDatabase(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	tr := assessment.Train{Name: "Payments", Framework: assessment.SAFe}
	must(t, s.CreateTrain(ctx, &tr))
	again := assessment.Train{ID: tr.ID, Name: "Cards", Framework: assessment.SAFe}
	err := s.CreateTrain(ctx, &again)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "a train with id "+tr.ID+" already exists") || strings.Contains(err.Error(), "UNIQUE") {
		t.Fatalf("CreateTrain with a taken id: %v", err)
	}
	if got, err := s.Train(ctx, tr.ID); err != nil || got.Name != "Payments" {
		t.Fatalf("the first train: %+v, %v", got, err)
	}

	a := assessment.Assessment{TrainID: tr.ID, Date: day(2026, 3, 1), PI: "PI 2026.1", ChecklistVersion: "2026.1"}
	must(t, s.CreateAssessment(ctx, &a))
	dup := assessment.Assessment{ID: a.ID, TrainID: tr.ID, Date: day(2026, 6, 1), PI: "PI 2026.2", ChecklistVersion: "2026.1"}
	err = s.CreateAssessment(ctx, &dup)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "an assessment with id "+a.ID+" already exists") {
		t.Fatalf("CreateAssessment with a taken id: %v", err)
	}
	if got, err := s.Assessment(ctx, a.ID); err != nil || got.PI != "PI 2026.1" {
		t.Fatalf("the first assessment: %+v, %v", got, err)
	}

	r := assessment.Recommendation{Finding: "No shared backlog", Action: "Hold one backlog refinement for the whole train"}
	must(t, s.AddRecommendation(ctx, a.ID, &r))
	twin := assessment.Recommendation{ID: r.ID, Finding: "Other", Action: "Other"}
	err = s.AddRecommendation(ctx, a.ID, &twin)
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "recommendation "+r.ID+" already exists") {
		t.Fatalf("AddRecommendation with a taken id: %v", err)
	}
	got, err := s.Assessment(ctx, a.ID)
	must(t, err)
	if len(got.Review.Added) != 1 || got.Review.Added[0].Finding != "No shared backlog" {
		t.Fatalf("recommendations after the refused one: %+v", got.Review.Added)
	}
}

// A write while another program holds the database's write lock fails as
// ErrBusy once the wait runs out, and saves nothing.
func TestErrBusyFromTheDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	defer s.Close()
	// The store's own connections wait 5 seconds; a short wait keeps the
	// test quick and reaches the same SQLITE_BUSY.
	quick, err := sql.Open("sqlite3", rawDSN(path)+"?_fk=1&_busy_timeout=50&_txlock=immediate")
	must(t, err)
	defer quick.Close()
	s.db = quick

	other, err := sql.Open("sqlite3", rawDSN(path))
	must(t, err)
	defer other.Close()
	holder, err := other.Conn(ctx)
	must(t, err)
	defer holder.Close()
	if _, err := holder.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer holder.ExecContext(ctx, "ROLLBACK")

	err = s.CreateTrain(ctx, &assessment.Train{Name: "Payments", Framework: assessment.SAFe})
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "stayed busy") {
		t.Fatalf("CreateTrain while another holds the lock: %v, want ErrBusy", err)
	}
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrBusy {
		t.Fatalf("SQLite's error is lost: %v", err)
	}
	if _, err := holder.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	trains, err := s.Trains(ctx)
	must(t, err)
	if len(trains) != 0 {
		t.Fatalf("the refused train was saved: %+v", trains)
	}
}

// A database that cannot be written is refused as ErrReadOnly.
func TestErrReadOnlyFromTheDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	must(t, s.Close())
	ro, err := sql.Open("sqlite3", rawDSN(path)+"?mode=ro")
	must(t, err)
	defer ro.Close()
	s.db = ro
	err = s.CreateTrain(context.Background(), &assessment.Train{Name: "Payments", Framework: assessment.SAFe})
	if !errors.Is(err, ErrReadOnly) || errors.Is(err, ErrBusy) {
		t.Fatalf("CreateTrain on a read-only database: %v, want ErrReadOnly", err)
	}
}
