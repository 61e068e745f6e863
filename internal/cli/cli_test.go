package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// result is what one in-process run of trainscope did.
type result struct {
	stdout, stderr string
	code           int
	windows        []Window // what the fake window was asked to open
}

// env is an environment for a test run: a private home and data folders
// under the test's temporary folder, no display, no TRAINSCOPE_DB.
func testEnv(t *testing.T) map[string]string {
	t.Helper()
	home := t.TempDir()
	return map[string]string{"HOME": home}
}

// trainscope runs the command line in-process with env and a fake window.
func trainscope(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	return trainscopeIn(t, env, "", args...)
}

// trainscopeIn runs it with stdin as standard input.
func trainscopeIn(t *testing.T, env map[string]string, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	var r result
	p := Program{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv:  func(k string) string { return env[k] },
		Version: "1.2.3-test",
		Now:     func() time.Time { return time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC) },
		OpenWindow: func(w Window) error {
			r.windows = append(r.windows, w)
			return nil
		},
	}
	r.code = p.Run(args)
	r.stdout, r.stderr = out.String(), errOut.String()
	return r
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// sampleDB makes a database with the sample train in dir and returns its
// path and the finished assessment's id.
func sampleDB(t *testing.T, env map[string]string, dir string) (string, string) {
	t.Helper()
	db := filepath.Join(dir, "x.db")
	r := trainscope(t, env, "sample", "-db", db)
	if r.code != 0 {
		t.Fatalf("sample exited %d: %s", r.code, r.stderr)
	}
	return db, lastLine(r.stdout)
}

// Global flags go before or after the command; the command runs and no
// window opens.
func TestGlobalFlagsBeforeOrAfterTheCommand(t *testing.T) {
	env := testEnv(t)
	env["DISPLAY"] = ":99" // even with a display, a command opens no window
	dir := t.TempDir()
	for _, args := range [][]string{
		{"-db", filepath.Join(dir, "a.db"), "sample"},
		{"sample", "-db", filepath.Join(dir, "b.db")},
		{"--db=" + filepath.Join(dir, "c.db"), "sample"},
		{"-db", filepath.Join(dir, "d.db"), "sample", "-db", filepath.Join(dir, "d.db")},
	} {
		r := trainscope(t, env, args...)
		if r.code != 0 || len(r.windows) != 0 || len(lastLine(r.stdout)) != 36 || r.stderr != "" {
			t.Errorf("%v: exit %d, %d windows, stdout %q, stderr %q", args, r.code, len(r.windows), r.stdout, r.stderr)
		}
		db := args[1]
		if args[0] == "sample" {
			db = args[2]
		} else if strings.HasPrefix(args[0], "--db=") {
			db = strings.TrimPrefix(args[0], "--db=")
		}
		if !strings.Contains(r.stdout, db) {
			t.Errorf("%v: the sample went elsewhere than %s: %q", args, db, r.stdout)
		}
	}
	r := trainscope(t, env, "-db", filepath.Join(dir, "a.db"), "sample", "-db", filepath.Join(dir, "b.db"))
	if r.code != 2 || !strings.Contains(r.stderr, "-db is given twice") || r.stdout != "" {
		t.Errorf("two different -db: exit %d, stderr %q", r.code, r.stderr)
	}
}

// Without a command the window opens on the chosen database, and only when
// there is a display to open it on.
func TestWindowNeedsADisplay(t *testing.T) {
	env := testEnv(t)
	db := filepath.Join(t.TempDir(), "gui.db")
	r := trainscope(t, env, "-db", db)
	if r.code != 1 || len(r.windows) != 0 || !strings.Contains(r.stderr, "no display") {
		t.Errorf("no display: exit %d, %d windows, stderr %q", r.code, len(r.windows), r.stderr)
	}
	for _, display := range []string{"DISPLAY", "WAYLAND_DISPLAY"} {
		env := testEnv(t)
		env[display] = ":0"
		r = trainscope(t, env, "-db", db)
		if r.code != 0 || len(r.windows) != 1 || r.windows[0].DatabasePath != db || r.windows[0].Definitions == nil {
			t.Fatalf("%s set: exit %d, windows %+v, stderr %q", display, r.code, r.windows, r.stderr)
		}
	}
	env["DISPLAY"] = ":0"
	r = trainscope(t, env)
	want := filepath.Join(env["HOME"], ".local", "share", "trainscope", "trainscope.db")
	if r.code != 0 || len(r.windows) != 1 || r.windows[0].DatabasePath != want {
		t.Errorf("no -db: exit %d, windows %+v, want the window on %s", r.code, r.windows, want)
	}
}

func TestVersion(t *testing.T) {
	env := testEnv(t)
	for _, args := range [][]string{{"version"}, {"-version"}, {"--version"}} {
		r := trainscope(t, env, args...)
		if r.code != 0 || r.stdout != "trainscope 1.2.3-test\n" || r.stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	r := trainscope(t, env, "--version", "sample")
	if r.code != 2 || !strings.Contains(r.stderr, "-version takes no command") {
		t.Errorf("--version sample: exit %d, stderr %q", r.code, r.stderr)
	}
}

// Every command, and trainscope itself, prints its usage to standard output
// on -h and --help and exits 0.
func TestHelpOnEveryCommand(t *testing.T) {
	env := testEnv(t)
	for _, flag := range []string{"-h", "--help", "-help"} {
		r := trainscope(t, env, flag)
		if r.code != 0 || !strings.Contains(r.stdout, "Commands:") || r.stderr != "" {
			t.Errorf("trainscope %s: exit %d, stdout %.80q, stderr %q", flag, r.code, r.stdout, r.stderr)
		}
		for _, c := range commands {
			r := trainscope(t, env, c.name, flag)
			if r.code != 0 || !strings.HasPrefix(r.stdout, "Usage: trainscope "+c.name) || r.stderr != "" {
				t.Errorf("trainscope %s %s: exit %d, stdout %.80q, stderr %q", c.name, flag, r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, "-db PATH") {
				t.Errorf("trainscope %s %s: the usage does not show -db: %q", c.name, flag, r.stdout)
			}
		}
	}
	r := trainscope(t, env, "help", "report")
	if r.code != 0 || !strings.Contains(r.stdout, "-assessment ID") {
		t.Errorf("help report: exit %d, stdout %q", r.code, r.stdout)
	}
	r = trainscope(t, env, "help")
	if r.code != 0 || !strings.Contains(r.stdout, "Commands:") {
		t.Errorf("help: exit %d, stdout %q", r.code, r.stdout)
	}
}

// A wrong command line exits 2 with the message and the command's usage on
// standard error, and nothing on standard output.
func TestUsageErrors(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
		{[]string{"help", "frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"sample", "-nope"}, "flag provided but not defined: -nope"},
		{[]string{"report", "-db", db, "-o", "x.pdf"}, "-assessment ID"},
		{[]string{"report", "-db", db, "-assessment", "a"}, "-o FILE.pdf"},
		{[]string{"report", "-db", db, "-assessment", "a", "-o", "x.pdf", "-paper", "a5"}, `unknown paper "a5"`},
		{[]string{"export", "-db", db}, "-o FILE"},
		{[]string{"export", "-db", db, "-o", "x", "-format", "ods"}, `unknown format "ods"`},
		{[]string{"import", "-db", db}, "name one bundle file"},
		{[]string{"import", "-db", db, "a.json", "-"}, "can only be imported alone"},
		{[]string{"checklist", "-framework", "LeSS"}, `unknown framework "LeSS"`},
		{[]string{"method", "-o", ""}, "-o needs a file name"},
		{[]string{"respond", "-db", db, "-assessment", "a", "-name", "A", "-role", "chief", "-o", "x.json"}, `unknown role "chief"`},
		{[]string{"responses", "-db", db, "-assessment", "a", "f.json", "f.json"}, "f.json is named twice"},
		{[]string{"report", "-paper"}, "flag needs an argument: -paper"},
	}
	// Extra arguments are refused by every command.
	for _, c := range commands {
		args := []string{c.name, "-db", db, "extra1", "extra2"}
		want := "unexpected argument"
		switch c.name {
		case "import":
			continue // takes any number of files
		case "responses":
			want = "-assessment ID"
		case "help":
			want = "help takes one command at most"
		}
		cases = append(cases, struct {
			args []string
			want string
		}{args, want})
	}
	for _, c := range cases {
		r := trainscope(t, env, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, r.code, r.stdout, r.stderr, c.want)
			continue
		}
		if !strings.HasPrefix(r.stderr, "trainscope: ") || !strings.Contains(r.stderr, "Usage:") {
			t.Errorf("%v: stderr should be the message then the usage: %q", c.args, r.stderr)
		}
	}
}

// A command that cannot do its work exits 1 with one plain line.
func TestFailuresExit1(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	db, id := sampleDB(t, env, dir)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"report", "-db", db, "-assessment", "00000000-0000-0000-0000-000000000000", "-o", filepath.Join(dir, "y.pdf")}, "no assessment with ID"},
		{[]string{"report", "-db", db, "-assessment", id, "-o", filepath.Join(dir, "missing", "y.pdf")}, "the folder " + filepath.Join(dir, "missing") + " does not exist"},
		{[]string{"report", "-db", db, "-assessment", id, "-o", dir}, "it is a folder"},
		{[]string{"export", "-db", db, "-o", dir}, "it is a folder"},
		{[]string{"method", "-o", dir}, "it is a folder"},
		{[]string{"import", "-db", db, filepath.Join(dir, "missing.json")}, "missing.json"},
		{[]string{"responses", "-db", db, "-assessment", id, filepath.Join(dir, "missing.json")}, "missing.json"},
	}
	for _, c := range cases {
		r := trainscope(t, env, c.args...)
		if r.code != 1 || !strings.HasPrefix(r.stderr, "trainscope: ") || !strings.Contains(r.stderr, c.want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 1 and one line with %q", c.args, r.code, r.stderr, c.want)
		}
		if strings.Contains(r.stderr, "rename") || strings.Contains(r.stderr, ".tmp") {
			t.Errorf("%v: the message speaks of temporary files: %q", c.args, r.stderr)
		}
	}
}

// checklist and method take -db like every command, and open no database:
// their definitions are built in.
func TestChecklistAndMethodTakeDB(t *testing.T) {
	env := testEnv(t)
	db := filepath.Join(t.TempDir(), "never.db")
	for _, args := range [][]string{{"checklist", "-db", db}, {"-db", db, "checklist", "-framework", "scrum@scale"}, {"method", "-db", db}} {
		r := trainscope(t, env, args...)
		if r.code != 0 || r.stderr != "" || len(r.stdout) < 1000 {
			t.Errorf("%v: exit %d, stderr %q, %d bytes out", args, r.code, r.stderr, len(r.stdout))
		}
		if _, err := os.Stat(db); err == nil {
			t.Errorf("%v created the database", args)
		}
	}
	r := trainscope(t, env, "checklist", "-framework", "SAFe")
	if !strings.Contains(r.stdout, "RTE") || strings.Contains(r.stdout, "{facilitator}") {
		t.Errorf("checklist -framework SAFe should use SAFe's words")
	}
}

// After --, every argument is a file name, even one that starts with "-".
func TestDoubleDashEndsTheOptions(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	db, _ := sampleDB(t, env, dir)
	bundle := trainscope(t, env, "export", "-db", db, "-o", "-")
	odd := filepath.Join(dir, "-odd.json")
	if err := os.WriteFile(odd, []byte(bundle.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	r := trainscope(t, env, "import", "-db", filepath.Join(dir, "b.db"), "--", "-odd.json")
	if r.code != 0 || !strings.Contains(r.stdout, "Imported -odd.json") {
		t.Errorf("import -- -odd.json: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = trainscope(t, env, "import", "-db", filepath.Join(dir, "b.db"), "-odd.json")
	if r.code != 2 || !strings.Contains(r.stderr, "flag provided but not defined: -odd.json") {
		t.Errorf("import -odd.json without --: exit %d, stderr %q", r.code, r.stderr)
	}
}

// The command line writes dates in the order of the coach's locale, as the
// window does: LC_ALL before LC_TIME before LANG.
func TestDatesInTheLocalesOrder(t *testing.T) {
	t.Cleanup(func() { assessment.SetDateLocale("") })
	day := time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "12 Mar 2026"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "Mar 12, 2026"},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_TIME": "de_DE.UTF-8"}, "12 Mar 2026"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "ja_JP.UTF-8"}, "2026 Mar 12"},
	} {
		env := testEnv(t)
		for k, v := range c.env {
			env[k] = v
		}
		if r := trainscope(t, env, "version"); r.code != 0 {
			t.Fatalf("version: %d %s", r.code, r.stderr)
		}
		if got := assessment.DateText(day); got != c.want {
			t.Errorf("with %v dates read %q, want %q", c.env, got, c.want)
		}
	}
}
