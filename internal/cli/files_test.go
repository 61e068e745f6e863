package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every file a command writes is the owner's alone, complete, and -o -
// sends it to standard output instead.
func TestFilesArePrivateAndMinusIsStdout(t *testing.T) {
	env := testEnv(t)
	env["SOURCE_DATE_EPOCH"] = "1780000000" // the same PDF twice
	dir := t.TempDir()
	db, id := sampleDB(t, env, dir)
	in := func(name string) string { return filepath.Join(dir, name) }

	// An old world-readable file in the way is replaced by a private one.
	if err := os.WriteFile(in("x.pdf"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	commands := []struct {
		name string
		args []string // without -o
		file string
		want string // what the content starts with
	}{
		{"report", []string{"report", "-db", db, "-assessment", id}, "x.pdf", "%PDF-"},
		{"summary", []string{"report", "-db", db, "-assessment", id, "-summary"}, "s.pdf", "%PDF-"},
		{"export json", []string{"export", "-db", db}, "x.json", "{"},
		{"export csv", []string{"export", "-db", db, "-format", "csv"}, "x.csv", ""},
		{"export xlsx", []string{"export", "-db", db, "-format", "xlsx"}, "x.xlsx", "PK"},
		{"method", []string{"method", "-db", db}, "method.md", "#"},
		{"respond", []string{"respond", "-db", db, "-assessment", id, "-name", "Ana", "-role", "rte"}, "r.json", "{"},
	}
	for _, c := range commands {
		r := trainscope(t, env, append(c.args, "-o", in(c.file))...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%s: exit %d, stderr %q", c.name, r.code, r.stderr)
		}
		fi, err := os.Stat(in(c.file))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s wrote %s with mode %v, want 0600", c.name, c.file, fi.Mode().Perm())
		}
		file, _ := os.ReadFile(in(c.file))
		if !bytes.HasPrefix(file, []byte(c.want)) || len(file) < 100 {
			t.Errorf("%s wrote %.40q", c.name, file)
		}

		r = trainscope(t, env, append(c.args, "-o", "-")...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%s -o -: exit %d, stderr %q", c.name, r.code, r.stderr)
		}
		if _, err := os.Stat("-"); err == nil {
			t.Fatalf("%s -o - wrote a file named -", c.name)
		}
		if c.name == "respond" || c.name == "export json" || c.name == "export xlsx" {
			// the same content, bar the moment it was made
			if !bytes.HasPrefix([]byte(r.stdout), []byte(c.want)) || len(r.stdout) < len(file)/2 {
				t.Errorf("%s -o - printed %.60q", c.name, r.stdout)
			}
		} else if r.stdout != string(file) {
			t.Errorf("%s -o - printed %d bytes, not the %d of the file", c.name, len(r.stdout), len(file))
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("a temporary file was left behind: %s", e.Name())
		}
	}
	// method without -o prints too.
	if r := trainscope(t, env, "method"); r.code != 0 || !strings.HasPrefix(r.stdout, "#") {
		t.Errorf("method: exit %d, %.40q", r.code, r.stdout)
	}
}
