package cli

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/data"
)

// A damaged database: every command fails naming it and its backup, and
// the newest backup can be opened as a copy beside it, leaving the damaged
// file as it was.
func TestDamagedDatabaseAndBackupCopy(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	db, _ := sampleDB(t, env, dir)
	damaged := bytes.Repeat([]byte("not a database "), 1000)
	if err := os.WriteFile(db, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	r := trainscope(t, env, "export", "-db", db, "-o", filepath.Join(dir, "x.json"))
	if r.code != 1 || !strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, "backup") {
		t.Errorf("a command on a damaged database should fail naming it and the backup; exit %d, %q", r.code, r.stderr)
	}

	s := &session{Program: Program{Getenv: func(k string) string { return env[k] }, Version: "test"}}
	_, err := s.openStoreAt(db)
	var de *data.DamagedError
	if !errors.As(err, &de) || de.Backup == "" {
		t.Fatalf("opening a damaged database should give a DamagedError with a backup, got %v", err)
	}
	store, msg, err := openBackupCopy(s.openStoreAt, de, time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC))
	if err != nil {
		t.Fatalf("open a copy of the backup: %v", err)
	}
	trains, err := store.Trains(context.Background())
	store.Close()
	if err != nil || len(trains) != 1 {
		t.Errorf("the backup copy should hold the sample train: %d trains, %v", len(trains), err)
	}
	copyPath := filepath.Join(dir, "x-restored-2026-11-21-093000.db")
	if !strings.Contains(msg, copyPath) || !strings.Contains(msg, "as it was") {
		t.Errorf("the coach should be told where the copy is: %q", msg)
	}
	if fi, err := os.Stat(copyPath); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the copy should be private: %v, %v", fi, err)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, damaged) {
		t.Error("the damaged database was changed")
	}
}

// The window gets the database the commands use, and opens it the way they do.
func TestWindowOpensTheCommandsDatabase(t *testing.T) {
	env := testEnv(t)
	env["DISPLAY"] = ":0"
	dir := t.TempDir()
	db, _ := sampleDB(t, env, dir)
	var trains int
	p := Program{
		Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}, Getenv: func(k string) string { return env[k] },
		OpenWindow: func(w Window) error {
			store, err := w.Open(w.DatabasePath)
			if err != nil {
				return err
			}
			defer store.Close()
			list, err := store.Trains(context.Background())
			trains = len(list)
			return err
		},
	}
	if code := p.Run([]string{"-db", db}); code != 0 || trains != 1 {
		t.Errorf("exit %d, %d trains in the window's store", code, trains)
	}
	p.OpenWindow = func(Window) error { return errors.New("the window broke") }
	var errOut bytes.Buffer
	p.Stderr = &errOut
	if code := p.Run([]string{"-db", db}); code != 1 || errOut.String() != "trainscope: the window broke\n" {
		t.Errorf("a failing window: exit %d, %q", code, errOut.String())
	}
}

func TestImportFromStandardInput(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	db, id := sampleDB(t, env, dir)
	bundle := trainscope(t, env, "export", "-db", db, "-o", "-")
	if bundle.code != 0 {
		t.Fatal(bundle.stderr)
	}
	r := trainscopeIn(t, env, bundle.stdout, "import", "-", "-db", filepath.Join(dir, "b.db"))
	if r.code != 0 || !strings.Contains(r.stdout, "Imported standard input into") {
		t.Fatalf("import -: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	again := trainscope(t, env, "export", "-db", filepath.Join(dir, "b.db"), "-o", "-")
	if !strings.Contains(again.stdout, id) {
		t.Error("the imported database lacks the sample's assessment")
	}
	r = trainscopeIn(t, env, "not json", "import", "-db", filepath.Join(dir, "b.db"), "-")
	if r.code != 1 || !strings.HasPrefix(r.stderr, "trainscope: import standard input: ") {
		t.Errorf("import - of garbage: exit %d, %q", r.code, r.stderr)
	}
}

// The window sets its soft memory limit, unless GOMEMLIMIT is set, which
// the Go runtime has read already and which is the coach's to choose.
func TestLimitWindowMemory(t *testing.T) {
	was := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(was) })
	debug.SetMemoryLimit(math.MaxInt64)
	limitWindowMemory(func(string) (string, bool) { return "", false })
	if got := debug.SetMemoryLimit(-1); got != windowMemoryLimit {
		t.Errorf("without GOMEMLIMIT the limit is %d, want %d", got, windowMemoryLimit)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	limitWindowMemory(func(k string) (string, bool) { return "1GiB", k == "GOMEMLIMIT" })
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set the window changed the limit to %d", got)
	}
}
