package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// The database lives where Linux keeps application data, following the XDG
// base directory specification: $XDG_DATA_HOME/trainscope/, by default
// ~/.local/share/trainscope/. Trainscope used to keep it in Fyne's storage
// folder for the app id, $XDG_CONFIG_HOME/fyne/io.github.trainscope/ (by
// default under ~/.config); the first start that finds it there and none in
// the new place moves it (see moveOldDatabase). Fyne's preferences stay
// where Fyne keeps them.

// DataDir is the folder of Trainscope's data for the environment given.
func DataDir(getenv func(string) string) (string, error) {
	if d := getenv("XDG_DATA_HOME"); filepath.IsAbs(d) { // the spec says to ignore a relative one
		return filepath.Join(d, "trainscope"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("cannot find your home folder (HOME is not set); name a database with -db PATH or " + DatabaseEnv)
	}
	return filepath.Join(home, ".local", "share", "trainscope"), nil
}

// oldDataDir is Fyne's storage folder for the app id on Linux, where the
// database was before: os.UserConfigDir()/fyne/AppID.
func oldDataDir(getenv func(string) string) string {
	if d := getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "fyne", AppID)
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".config", "fyne", AppID)
	}
	return ""
}

// databasePath decides which database a command works on: -db, then
// $TRAINSCOPE_DB, then the default, into which a database at the old
// default place is moved first.
func (s *session) databasePath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := s.Getenv(DatabaseEnv); env != "" {
		return env, nil
	}
	dir, err := DataDir(s.Getenv)
	if err != nil {
		return "", err
	}
	path := data.DefaultPath(dir)
	if old := oldDataDir(s.Getenv); old != "" {
		if err := moveOldDatabase(data.DefaultPath(old), path, s.Stderr); err != nil {
			return "", err
		}
	}
	return path, nil
}

// moveOldDatabase moves the database at from, with its -wal and -shm files,
// its backups and the restored copies beside it, to to, when to does not
// exist yet. The database file moves last: until it has moved, a start
// that was interrupted finds it at the old place and finishes the move.
func moveOldDatabase(from, to string, note io.Writer) error {
	if _, err := os.Lstat(to); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return nil // there is a database at the new place (or something we must not touch)
	}
	if fi, err := os.Lstat(from); err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	fail := func(err error) error {
		return fmt.Errorf("move the database from %s to %s: %w; move the folder's files by hand, or start with -db %s", filepath.Dir(from), filepath.Dir(to), err, from)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return fail(err)
	}
	base := strings.TrimSuffix(filepath.Base(from), filepath.Ext(from))
	var moves [][2]string
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		moves = append(moves, [2]string{from + suffix, to + suffix})
	}
	copies, _ := filepath.Glob(filepath.Join(filepath.Dir(from), base+"-restored-*.db"))
	for _, c := range copies {
		moves = append(moves, [2]string{c, filepath.Join(filepath.Dir(to), filepath.Base(c))})
	}
	backups, _ := filepath.Glob(filepath.Join(data.BackupDir(from), base+"-*"))
	if len(backups) > 0 {
		if err := os.MkdirAll(data.BackupDir(to), 0o700); err != nil {
			return fail(err)
		}
	}
	for _, b := range backups {
		moves = append(moves, [2]string{b, filepath.Join(data.BackupDir(to), filepath.Base(b))})
	}
	moves = append(moves, [2]string{from, to})
	for _, m := range moves {
		if err := moveFile(m[0], m[1]); err != nil {
			return fail(err)
		}
	}
	_ = os.Remove(data.BackupDir(from)) // only if it is empty now
	fmt.Fprintf(note, "trainscope: moved your database from %s to %s, where Linux keeps application data.\n", filepath.Dir(from), filepath.Dir(to))
	return nil
}

// moveFile renames from to to; across file systems it copies and removes.
// A file that is not there is skipped.
func moveFile(from, to string) error {
	fi, err := os.Lstat(from)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return nil
	}
	err = os.Rename(from, to)
	if !errors.Is(err, syscall.EXDEV) {
		return err
	}
	content, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := writePrivate(to, content); err != nil {
		return err
	}
	return os.Remove(from)
}

// CheckEnv, set to anything, makes every command check every page of the
// database before it runs (data.Options.CheckAtOpen). Without it a command
// that only reads (report, export, respond…) reads the header and the
// schema only, so it costs the same on a database of any size; one that
// writes checks in full before its first write, and the window checks in
// the background once it is up.
const CheckEnv = "TRAINSCOPE_CHECK"

// openStoreAt opens the database at path, creating it and its folder if
// needed, with the summaries kept current for this Trainscope's rules.
func (s *session) openStoreAt(path string) (*data.Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create the folder for %s: %w", path, err)
	}
	defs, err := s.definitions()
	if err != nil {
		return nil, err
	}
	return data.Open(path, data.Options{
		Summarize: func(a *assessment.Assessment, t assessment.Train) assessment.Summary {
			return assessment.Summarize(assessment.Evaluate(defs, t, a))
		},
		SummaryRules: "checklists " + defs.Version + ", trainscope " + s.Version,
		Definitions:  defs,
		CheckAtOpen:  s.Getenv(CheckEnv) != "",
	})
}

// openStore opens the database a command works on (its -db value).
func (s *session) openStore(flagValue string) (*data.Store, error) {
	path, err := s.databasePath(flagValue)
	if err != nil {
		return nil, err
	}
	store, err := s.openStoreAt(path)
	if err != nil {
		return nil, err
	}
	for _, w := range store.Warnings() {
		fmt.Fprintln(s.Stderr, "trainscope: warning:", w)
	}
	return store, nil
}
