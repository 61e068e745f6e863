package data

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"github.com/mattn/go-sqlite3"
)

// plainErr is an error already said in plain words; the original stays
// inside it for errors.Is and errors.As.
type plainErr struct {
	msg string
	err error
}

func (e *plainErr) Error() string { return e.msg + " (" + e.err.Error() + ")" }
func (e *plainErr) Unwrap() error { return e.err }

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
	var e sqlite3.Error
	if !errors.As(err, &e) {
		return err
	}
	var msg string
	switch e.Code {
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		msg = "the database is in use by another Trainscope and stayed busy for 5 seconds; try again"
	case sqlite3.ErrFull:
		msg = "the disk holding the database is full; free some space on it and try again"
	case sqlite3.ErrReadonly:
		msg = "the database cannot be written: the file, its folder or its disk is read-only; make them writable for you (or copy the file to a folder you can write) and try again"
	case sqlite3.ErrPerm, sqlite3.ErrAuth:
		msg = "Trainscope is not allowed to use the database file; check that the file and its folder belong to you"
	case sqlite3.ErrCantOpen:
		msg = "Trainscope cannot open the database file; check that its folder exists and belongs to you"
	case sqlite3.ErrIoErr:
		msg = "the disk reported an error reading or writing the database; check that the disk is still there and not full or failing, then try again"
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		msg = "the database file is damaged; close Trainscope and open it again to be offered its newest backup"
	case sqlite3.ErrTooBig:
		msg = "a value is too large for the database"
	default:
		return err
	}
	return &plainErr{msg: msg, err: err}
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
			return &plainErr{msg: "SQLite cannot read it as a database", err: err}
		case sqlite3.ErrCorrupt:
			return &plainErr{msg: "SQLite found damaged pages in it", err: err}
		}
	}
	return err
}

// isDamage tells a broken file from a passing problem (busy, no permission).
func isDamage(err error) bool {
	var e sqlite3.Error
	if errors.As(err, &e) {
		return e.Code == sqlite3.ErrCorrupt || e.Code == sqlite3.ErrNotADB
	}
	return false
}

// diskFull says whether an error, from SQLite or the file system, means
// there is no space left.
func diskFull(err error) bool {
	var e sqlite3.Error
	if errors.As(err, &e) && e.Code == sqlite3.ErrFull {
		return true
	}
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

// notWritable says whether an error means a folder or file cannot be
// written: no permission, a read-only disk, or a file where a folder should be.
func notWritable(err error) bool {
	var e sqlite3.Error
	if errors.As(err, &e) && (e.Code == sqlite3.ErrReadonly || e.Code == sqlite3.ErrPerm || e.Code == sqlite3.ErrCantOpen) {
		return true
	}
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.ENOTDIR) || errors.Is(err, syscall.EEXIST)
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
