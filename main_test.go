package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// binary is the trainscope command built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "trainscope-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "trainscope")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("build trainscope: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// trainscope runs the built binary in dir with a private home and returns
// its standard output, standard error and exit code.
func trainscope(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"), "XDG_DATA_HOME=", "TRAINSCOPE_DB=", "DISPLAY=", "WAYLAND_DISPLAY=")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if exitErr, ok := err.(*exec.ExitError); ok {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("run trainscope %v: %v", args, err)
	}
	return out.String(), errOut.String(), code
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

func TestSampleThenReport(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed; make test installs poppler-utils")
	}
	dir := t.TempDir()
	out, errOut, code := trainscope(t, dir, "sample", "-db", "x.db")
	if code != 0 {
		t.Fatalf("sample exited %d: %s", code, errOut)
	}
	id := lastLine(out)
	if len(id) != 36 {
		t.Fatalf("sample's last line should be the assessment id, got %q", id)
	}
	_, errOut, code = trainscope(t, dir, "report", "-db", "x.db", "-assessment", id, "-o", "x.pdf")
	if code != 0 {
		t.Fatalf("report exited %d: %s", code, errOut)
	}
	text, err := exec.Command("pdftotext", filepath.Join(dir, "x.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	got := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"(sample)", "Release Train Engineer"} {
		if !strings.Contains(got, want) {
			t.Errorf("report text lacks %q", want)
		}
	}
	if !strings.Contains(got, "recommended") && !strings.Contains(got, "Recommended") {
		t.Errorf("report text has no verdict")
	}
}

func TestReportErrors(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := trainscope(t, dir, "sample", "-db", "x.db")
	if code != 0 {
		t.Fatalf("sample exited %d: %s", code, errOut)
	}
	id := lastLine(out)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown assessment", []string{"report", "-db", "x.db", "-assessment", "00000000-0000-0000-0000-000000000000", "-o", "y.pdf"}, "no assessment"},
		{"unwritable path", []string{"report", "-db", "x.db", "-assessment", id, "-o", filepath.Join(dir, "missing", "dir", "y.pdf")}, "y.pdf"},
		{"no assessment flag", []string{"report", "-db", "x.db", "-o", "y.pdf"}, "-assessment"},
		{"unknown command", []string{"frobnicate"}, "unknown command"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code := trainscope(t, dir, c.args...)
			want := 1 // the command failed
			if strings.HasPrefix(c.name, "no ") || strings.HasPrefix(c.name, "unknown command") {
				want = 2 // the command line is wrong
			}
			if code != want {
				t.Errorf("exit status %d, want %d", code, want)
			}
			if !strings.Contains(errOut, c.want) {
				t.Errorf("stderr %q does not mention %q", errOut, c.want)
			}
		})
	}
}

func TestVersionAndChecklist(t *testing.T) {
	dir := t.TempDir()
	out, _, code := trainscope(t, dir, "version")
	if code != 0 || !strings.HasPrefix(out, "trainscope ") {
		t.Errorf("version printed %q with status %d", out, code)
	}
	out, errOut, code := trainscope(t, dir, "checklist")
	if code != 0 || !strings.Contains(out, `"checklists"`) {
		t.Errorf("checklist printed %.200q (stderr %q) with status %d", out, errOut, code)
	}
}

// TestCommandsWithoutADisplay: global flags before the command run the
// command, the default database needs no window toolkit (so nothing but
// the output is printed), and without a display the window is refused in
// plain words, never with a panic.
func TestCommandsWithoutADisplay(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"-db", "x.db", "sample"}, {"sample"}, {"export", "-o", "-"}} {
		out, errOut, code := trainscope(t, dir, args...)
		if code != 0 || errOut != "" || out == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".local", "share", "trainscope", "trainscope.db")); err != nil {
		t.Errorf("the default database is not in ~/.local/share/trainscope: %v", err)
	}
	_, errOut, code := trainscope(t, dir, "-db", "x.db")
	if code != 1 || !strings.Contains(errOut, "no display") || strings.Contains(errOut, "panic") {
		t.Errorf("the window without a display: exit %d, stderr %q", code, errOut)
	}
}

// TestWindowOpens starts the real application on a display (make test runs
// under xvfb-run) and waits for its window to appear.
func TestWindowOpens(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no display; make test runs the tests under xvfb-run")
	}
	if _, err := exec.LookPath("xwininfo"); err != nil {
		t.Skip("xwininfo is not installed; make test installs x11-utils")
	}
	dir := t.TempDir()
	cmd := exec.Command(binary, "-db", filepath.Join(dir, "gui.db"))
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"))
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		tree, _ := exec.Command("xwininfo", "-root", "-tree").Output()
		if bytes.Contains(tree, []byte("Trainscope")) {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("no window titled Trainscope appeared within a minute; stderr: %s", errOut.String())
}

// TestBundleRoundTrip: sample → export → import into an empty database →
// export again gives the same bundle, byte for byte.
func TestBundleRoundTrip(t *testing.T) {
	dir := t.TempDir()
	if _, errOut, code := trainscope(t, dir, "sample", "-db", "a.db"); code != 0 {
		t.Fatalf("sample exited %d: %s", code, errOut)
	}
	if _, errOut, code := trainscope(t, dir, "export", "-db", "a.db", "-o", "a.json"); code != 0 {
		t.Fatalf("export exited %d: %s", code, errOut)
	}
	out, errOut, code := trainscope(t, dir, "import", "-db", "b.db", "a.json")
	if code != 0 {
		t.Fatalf("import exited %d: %s", code, errOut)
	}
	if !strings.Contains(strings.ToLower(out), "added") {
		t.Errorf("import should say what it added, printed %q", out)
	}
	if _, errOut, code := trainscope(t, dir, "export", "-db", "b.db", "-o", "b.json"); code != 0 {
		t.Fatalf("second export exited %d: %s", code, errOut)
	}
	a, _ := os.ReadFile(filepath.Join(dir, "a.json"))
	b, _ := os.ReadFile(filepath.Join(dir, "b.json"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("the bundle changed on its way through an empty database (%d vs %d bytes)", len(a), len(b))
	}
	if _, _, code := trainscope(t, dir, "export", "-db", "a.db", "-format", "csv", "-o", "a.csv"); code != 0 {
		t.Errorf("CSV export exited %d", code)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"format":"trainscope-bundle","version":99}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := trainscope(t, dir, "import", "-db", "b.db", "bad.json"); code != 1 || !strings.Contains(errOut, "version") {
		t.Errorf("a bundle of an unknown version should be refused naming the version; status %d, %q", code, errOut)
	}
}

// TestDamagedDatabaseIsExplainedAndLeftAlone: a damaged database opens a
// window that explains it, and the file keeps every byte. (The copy of the
// backup is tested in internal/cli.)
func TestDamagedDatabaseIsExplainedAndLeftAlone(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if _, errOut, code := trainscope(t, dir, "sample", "-db", db); code != 0 {
		t.Fatalf("sample exited %d: %s", code, errOut)
	}
	damaged := bytes.Repeat([]byte("not a database "), 1000)
	if err := os.WriteFile(db, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := trainscope(t, dir, "export", "-db", db, "-o", filepath.Join(dir, "x.json"))
	if code != 1 || !strings.Contains(errOut, "damaged") || !strings.Contains(errOut, "backup") {
		t.Errorf("a command on a damaged database should fail naming it and the backup; status %d, %q", code, errOut)
	}

	if os.Getenv("DISPLAY") != "" {
		if _, err := exec.LookPath("xwininfo"); err == nil {
			cmd := exec.Command(binary, "-db", db)
			cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"))
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
			seen := false
			for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline) && !seen; time.Sleep(500 * time.Millisecond) {
				tree, _ := exec.Command("xwininfo", "-root", "-tree").Output()
				seen = bytes.Contains(tree, []byte("the database could not be opened"))
			}
			if !seen {
				t.Error("no window explaining the damaged database appeared")
			}
		}
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(after, damaged) {
		t.Error("the damaged database was changed")
	}
}

// TestReadmeExample runs the command-line example of README.md as written,
// with the built binary as trainscope, so the README cannot show a command
// line the program no longer takes: each of its files is there, private,
// and the CSV piped to head begins with its header.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "\nFor example:\n\n```sh\n")
	script, _, closed := strings.Cut(after, "\n```")
	if !ok || !closed || !strings.Contains(script, "trainscope ") {
		t.Fatal("README.md has no \"For example:\" shell block of trainscope commands")
	}
	dir := t.TempDir()
	cmd := exec.Command("sh", "-e", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(binary)+":"+os.Getenv("PATH"),
		"HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, ".config"), "XDG_DATA_HOME=", "TRAINSCOPE_DB=", "DISPLAY=", "WAYLAND_DISPLAY=")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("the README's example failed: %v\n%s\nstderr: %s", err, script, errOut.String())
	}
	if errOut.Len() != 0 {
		t.Errorf("the README's example printed on standard error: %q", errOut.String())
	}
	for file, magic := range map[string]string{"x.db": "SQLite format 3", "x.pdf": "%PDF-", "answers.xlsx": "PK"} {
		content, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Errorf("the README's example made no %s: %v", file, err)
			continue
		}
		if !strings.HasPrefix(string(content), magic) {
			t.Errorf("%s begins %.20q, not %q", file, content, magic)
		}
		if fi, _ := os.Stat(filepath.Join(dir, file)); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", file, fi.Mode().Perm())
		}
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 2 || !strings.Contains(lines[0], ",") {
		t.Errorf("the CSV piped to head printed %q", out.String())
	}
}
