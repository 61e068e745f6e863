package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDataDir(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"HOME": "/home/ana"}, "/home/ana/.local/share/trainscope"},
		{map[string]string{"HOME": "/home/ana", "XDG_DATA_HOME": "/data"}, "/data/trainscope"},
		{map[string]string{"HOME": "/home/ana", "XDG_DATA_HOME": "relative/ignored"}, "/home/ana/.local/share/trainscope"},
	}
	for _, c := range cases {
		got, err := DataDir(func(k string) string { return c.env[k] })
		if err != nil || got != c.want {
			t.Errorf("DataDir(%v) = %q, %v; want %q", c.env, got, err, c.want)
		}
	}
	if _, err := DataDir(func(string) string { return "" }); err == nil || !strings.Contains(err.Error(), "-db PATH") {
		t.Errorf("no HOME: %v", err)
	}
}

// -db wins over TRAINSCOPE_DB, which wins over the XDG default.
func TestDatabasePathOrder(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"HOME": home, "XDG_DATA_HOME": filepath.Join(home, "xdg")}
	dir := t.TempDir()
	check := func(args []string, want string) {
		t.Helper()
		r := trainscope(t, env, args...)
		if r.code != 0 || !strings.Contains(r.stdout, " to "+want+" with") {
			t.Errorf("%v with %v: exit %d, stdout %q, stderr %q; want the sample in %s", args, env, r.code, r.stdout, r.stderr, want)
		}
	}
	check([]string{"sample"}, filepath.Join(home, "xdg", "trainscope", "trainscope.db"))
	env[DatabaseEnv] = filepath.Join(dir, "env.db")
	check([]string{"sample"}, filepath.Join(dir, "env.db"))
	check([]string{"sample", "-db", filepath.Join(dir, "flag.db")}, filepath.Join(dir, "flag.db"))
	fi, err := os.Stat(filepath.Join(home, "xdg", "trainscope"))
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("the data folder should be private: %v, %v", fi, err)
	}
}

// Commands on the default database print nothing but their output: no
// window toolkit is started to find the folder.
func TestDefaultDatabaseIsQuiet(t *testing.T) {
	env := testEnv(t)
	for _, args := range [][]string{{"sample"}, {"export", "-o", "-"}, {"checklist"}, {"method"}, {"version"}} {
		r := trainscope(t, env, args...)
		if r.code != 0 || r.stderr != "" || r.stdout == "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// A database at the old default place (Fyne's storage folder) moves to the
// new one on first start, with its WAL, backups and restored copies; Fyne's
// own files stay; later starts leave everything where it is.
func TestOldDatabaseMoves(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"HOME": home}
	old := filepath.Join(home, ".config", "fyne", AppID)
	r := trainscope(t, env, "sample", "-db", filepath.Join(old, "trainscope.db"))
	if r.code != 0 {
		t.Fatalf("sample at the old place: %d %s", r.code, r.stderr)
	}
	id := lastLine(r.stdout)
	extra := map[string]string{
		"backups/trainscope-20260101-120000.db":    "",
		"trainscope-restored-2026-01-02-100000.db": "",
		"preferences.json":                         "{}",
	}
	for name, content := range extra {
		_ = os.MkdirAll(filepath.Dir(filepath.Join(old, name)), 0o700)
		if err := os.WriteFile(filepath.Join(old, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	r = trainscope(t, env, "export", "-o", "-")
	if r.code != 0 || !strings.Contains(r.stdout, id) {
		t.Fatalf("export after the move: exit %d, stderr %q; the sample should be there", r.code, r.stderr)
	}
	newDir := filepath.Join(home, ".local", "share", "trainscope")
	if !strings.Contains(r.stderr, "moved your database from "+old+" to "+newDir) {
		t.Errorf("the move should be noted once: %q", r.stderr)
	}
	for name := range extra {
		_, errOld := os.Stat(filepath.Join(old, name))
		_, errNew := os.Stat(filepath.Join(newDir, name))
		if name == "preferences.json" {
			if errOld != nil || errNew == nil {
				t.Errorf("Fyne's %s should stay where it was", name)
			}
			continue
		}
		if errOld == nil || errNew != nil {
			t.Errorf("%s did not move: old %v, new %v", name, errOld, errNew)
		}
	}
	if _, err := os.Stat(filepath.Join(old, "trainscope.db")); err == nil {
		t.Error("the database is still at the old place")
	}

	// A later start with a database in both places touches neither.
	r = trainscope(t, env, "sample", "-db", filepath.Join(old, "trainscope.db"))
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	r = trainscope(t, env, "export", "-o", "-")
	if r.code != 0 || r.stderr != "" {
		t.Errorf("second start: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(old, "trainscope.db")); err != nil {
		t.Error("a database at the old place was moved over the new one")
	}
}

// XDG_CONFIG_HOME moves Fyne's folder, and so the old place.
func TestOldDatabaseUnderXDGConfigHome(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"HOME": home, "XDG_CONFIG_HOME": filepath.Join(home, "cfg"), "XDG_DATA_HOME": filepath.Join(home, "dat")}
	old := filepath.Join(home, "cfg", "fyne", AppID, "trainscope.db")
	if r := trainscope(t, env, "sample", "-db", old); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := trainscope(t, env, "export", "-o", "-"); r.code != 0 || !strings.Contains(r.stderr, "moved your database") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(home, "dat", "trainscope", "trainscope.db")); err != nil {
		t.Error(err)
	}
}

// The move takes the database's companions, the database last, and a move
// cut short finishes on the next start.
func TestMoveOldDatabaseFiles(t *testing.T) {
	dir := t.TempDir()
	from := filepath.Join(dir, "old", "trainscope.db")
	to := filepath.Join(dir, "new", "trainscope", "trainscope.db")
	files := map[string]string{
		"trainscope.db": "db", "trainscope.db-wal": "wal", "trainscope.db-shm": "shm",
		"backups/trainscope-20260101-120000.db": "b1", "backups/trainscope-20260102-120000-before-v2.db": "b2",
		"trainscope-restored-2026-01-02-100000.db": "copy",
	}
	for name, content := range files {
		_ = os.MkdirAll(filepath.Dir(filepath.Join(dir, "old", name)), 0o700)
		if err := os.WriteFile(filepath.Join(dir, "old", name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// A first start was cut short after moving the WAL.
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(from+"-wal", to+"-wal"); err != nil {
		t.Fatal(err)
	}
	var note strings.Builder
	if err := moveOldDatabase(from, to, &note); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		got, err := os.ReadFile(filepath.Join(filepath.Dir(to), name))
		if err != nil || string(got) != content {
			t.Errorf("%s at the new place: %q, %v; want %q", name, got, err, content)
		}
		if _, err := os.Stat(filepath.Join(dir, "old", name)); err == nil {
			t.Errorf("%s is still at the old place", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "old", "backups")); err == nil {
		t.Error("the emptied backups folder was left behind")
	}
	if !strings.Contains(note.String(), "moved your database") {
		t.Errorf("note: %q", note.String())
	}
	// Nothing at the old place, or a database at the new one: nothing to do, nothing said.
	note.Reset()
	if err := moveOldDatabase(from, to, &note); err != nil || note.Len() != 0 {
		t.Errorf("second move: %v, %q", err, note.String())
	}
}
