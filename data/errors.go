package data

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// The kinds of failure a caller can tell apart with errors.Is, whatever the
// step that ran into them. The store decides the kind by SQLite's result
// code (and the file system's error number), never by an error's wording;
// the error the caller gets says in plain words what happened and what to
// do, and keeps SQLite's own error inside for errors.As.
var (
	// ErrBusy: another Trainscope held the database for longer than the
	// store waits (SQLITE_BUSY, SQLITE_LOCKED). Trying again may work.
	ErrBusy = errors.New("the database is busy")
	// ErrExists: something with the same id is already in the database (a
	// UNIQUE or PRIMARY KEY constraint).
	ErrExists = errors.New("already in the database")
	// ErrDiskFull: no space is left on the disk (SQLITE_FULL, ENOSPC, EDQUOT).
	ErrDiskFull = errors.New("the disk is full")
	// ErrReadOnly: the file, its folder or its disk is read-only
	// (SQLITE_READONLY, EROFS).
	ErrReadOnly = errors.New("the database cannot be written")
	// ErrNoPermission: the database file or its folder belongs to someone
	// else (SQLITE_PERM, SQLITE_AUTH, EACCES, EPERM).
	ErrNoPermission = errors.New("no permission to use the database file")
	// ErrCannotOpen: the file cannot be opened, e.g. its folder is missing
	// (SQLITE_CANTOPEN).
	ErrCannotOpen = errors.New("the database file cannot be opened")
	// ErrDiskIO: the disk failed a read or a write (SQLITE_IOERR).
	ErrDiskIO = errors.New("the disk failed reading or writing")
	// ErrDamaged: the file is not a database or has damaged pages
	// (SQLITE_CORRUPT, SQLITE_NOTADB). Opening such a file is refused with a
	// *DamagedError, which names the file and its newest backup.
	ErrDamaged = errors.New("the database file is damaged")
	// ErrTooBig: a value is larger than SQLite stores (SQLITE_TOOBIG).
	ErrTooBig = errors.New("a value is too large for the database")
)

// sqliteKind is the kind of an error from SQLite, by its code and, for
// constraints, its extended code; nil when none of the kinds fits.
func sqliteKind(err error) error {
	var e sqlite3.Error
	if !errors.As(err, &e) {
		return nil
	}
	switch e.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return ErrBusy
	case sqlite3.ErrConstraint:
		if e.ExtendedCode == sqlite3.ErrConstraintUnique || e.ExtendedCode == sqlite3.ErrConstraintPrimaryKey {
			return ErrExists
		}
	case sqlite3.ErrFull:
		return ErrDiskFull
	case sqlite3.ErrReadonly:
		return ErrReadOnly
	case sqlite3.ErrPerm, sqlite3.ErrAuth:
		return ErrNoPermission
	case sqlite3.ErrCantOpen:
		return ErrCannotOpen
	case sqlite3.ErrIoErr:
		return ErrDiskIO
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return ErrDamaged
	case sqlite3.ErrTooBig:
		return ErrTooBig
	}
	return nil
}

// kindOf is the kind of any error: SQLite's by its code, the file system's
// by its error number; nil when none fits.
func kindOf(err error) error {
	if k := sqliteKind(err); k != nil {
		return k
	}
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return ErrDiskFull
	case errors.Is(err, syscall.EROFS):
		return ErrReadOnly
	case errors.Is(err, fs.ErrPermission):
		return ErrNoPermission
	}
	return nil
}

// plainErr is an error already said in plain words; the original stays
// inside it for errors.As, and its kind for errors.Is.
type plainErr struct {
	msg  string
	kind error // one of the kinds above; nil when none fits
	err  error
	// bare leaves the original's wording out of Error: msg says all of it.
	bare bool
}

func (e *plainErr) Error() string {
	if e.bare {
		return e.msg
	}
	return e.msg + " (" + e.err.Error() + ")"
}

func (e *plainErr) Unwrap() []error {
	if e.kind == nil {
		return []error{e.err}
	}
	return []error{e.kind, e.err}
}

// reworded wraps err in plain words, with the kind its code gives.
func reworded(msg string, err error) error {
	return &plainErr{msg: msg, kind: kindOf(err), err: err}
}

// existing is the refusal to add what is already there when err is SQLite's
// UNIQUE or PRIMARY KEY constraint: "<what> already exists", of kind
// ErrExists. Any other error comes back as it was.
func existing(err error, what string) error {
	if sqliteKind(err) != ErrExists {
		return err
	}
	return &plainErr{msg: what + " already exists", kind: ErrExists, err: err, bare: true}
}

// plainSQLite says what SQLite's terse errors mean for the coach, and what
// to do, deciding by the error's code, never its wording. An error it does
// not know, or one already reworded, comes back as it was.
func plainSQLite(err error) error {
	if err == nil {
		return nil
	}
	var done *plainErr
	if errors.As(err, &done) {
		return err
	}
	var msg string
	switch sqliteKind(err) {
	case ErrBusy:
		msg = "the database is in use by another Trainscope and stayed busy for 5 seconds; try again"
	case ErrExists:
		msg = "something with the same id is already in the database"
	case ErrDiskFull:
		msg = "the disk holding the database is full; free some space on it and try again"
	case ErrReadOnly:
		msg = "the database cannot be written: the file, its folder or its disk is read-only; make them writable for you (or copy the file to a folder you can write) and try again"
	case ErrNoPermission:
		msg = "Trainscope is not allowed to use the database file; check that the file and its folder belong to you"
	case ErrCannotOpen:
		msg = "Trainscope cannot open the database file; check that its folder exists and belongs to you"
	case ErrDiskIO:
		msg = "the disk reported an error reading or writing the database; check that the disk is still there and not full or failing, then try again"
	case ErrDamaged:
		msg = "the database file is damaged; close Trainscope and open it again to be offered its newest backup"
	case ErrTooBig:
		msg = "a value is too large for the database"
	default:
		return err
	}
	return reworded(msg, err)
}

// busy is the name the store's write and read paths use for plainSQLite:
// the usual error there is another Trainscope holding a long write.
func busy(err error) error { return plainSQLite(err) }

// plainDamage says why a file counts as damaged.
func plainDamage(err error) error {
	var qc *quickCheckError
	if errors.As(err, &qc) {
		return err
	}
	var e sqlite3.Error
	if errors.As(err, &e) {
		switch e.Code {
		case sqlite3.ErrNotADB:
			return reworded("SQLite cannot read it as a database", err)
		case sqlite3.ErrCorrupt:
			return reworded("SQLite found damaged pages in it", err)
		}
	}
	return err
}

// isDamage tells a broken file from a passing problem (busy, no permission).
func isDamage(err error) bool { return sqliteKind(err) == ErrDamaged }

// diskFull says whether an error, from SQLite or the file system, means
// there is no space left.
func diskFull(err error) bool { return kindOf(err) == ErrDiskFull }

// notWritable says whether an error means a folder or file cannot be
// written: no permission, a read-only disk, or a file where a folder should be.
func notWritable(err error) bool {
	switch kindOf(err) {
	case ErrReadOnly, ErrNoPermission, ErrCannotOpen:
		return true
	}
	return errors.Is(err, syscall.ENOTDIR) || errors.Is(err, syscall.EEXIST)
}

// backupWarning is the note a failed daily backup leaves: the coach's data
// opened as usual, and where to make room.
func backupWarning(dir string, err error) string {
	switch {
	case diskFull(err):
		return fmt.Sprintf("Today's backup could not be made: the disk holding %s is full. Your data is opened as usual and nothing is lost; free some space on that disk (old files, the Trash) and Trainscope backs up at your next change.", dir)
	case notWritable(err):
		return fmt.Sprintf("Today's backup could not be made: the backups folder %s cannot be written (it is read-only, belongs to someone else, or a file has its name). Your data is opened as usual and nothing is lost; make the folder writable for you, or move the file that is in its way, and Trainscope backs up at your next change.", dir)
	}
	return fmt.Sprintf("Today's backup could not be made in %s (%v). Your data is opened as usual and nothing is lost; Trainscope tries again at your next change.", dir, err)
}
