package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// portfolioDB is a database with the SAFe sample three times and the
// Scrum@Scale sample once: three SAFe trains that share the sample's
// missing System Architect.
func portfolioDB(t *testing.T, env map[string]string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "lace.db")
	for _, f := range []string{"SAFe", "SAFe", "SAFe", "Scrum@Scale"} {
		if r := trainscope(t, env, "sample", "-db", db, "-framework", f); r.code != 0 {
			t.Fatalf("sample exited %d: %s", r.code, r.stderr)
		}
	}
	return db
}

func TestPortfolioCommand(t *testing.T) {
	env := testEnv(t)
	env["SOURCE_DATE_EPOCH"] = "1780000000"
	db := portfolioDB(t, env)
	out := filepath.Join(t.TempDir(), "portfolio.pdf")
	r := trainscope(t, env, "portfolio", "-db", db, "-o", out)
	if r.code != ExitOK {
		t.Fatalf("portfolio exited %d: %s", r.code, r.stderr)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("the portfolio PDF has mode %v, want 0600", fi.Mode().Perm())
	}
	pdf, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatal("not a PDF")
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", "-layout", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		one := strings.Join(strings.Fields(string(text)), " ")
		if !strings.Contains(one, "3 of 3 SAFe trains: no System Architect.") {
			t.Error("the portfolio of three SAFe samples does not find their shared missing System Architect")
		}
	}

	// -o - writes the same bytes to standard output.
	r = trainscope(t, env, "portfolio", "-db", db, "-o", "-")
	if r.code != ExitOK || r.stdout != string(pdf) {
		t.Errorf("portfolio -o - exited %d and wrote %d bytes, want the file's %d", r.code, len(r.stdout), len(pdf))
	}
	r = trainscope(t, env, "portfolio", "-db", db, "-summary", "-o", "-")
	if r.code != ExitOK || len(r.stdout) == 0 || len(r.stdout) >= len(pdf) {
		t.Errorf("portfolio -summary exited %d with %d bytes, want fewer than the full %d", r.code, len(r.stdout), len(pdf))
	}
}

func TestPortfolioCommandErrors(t *testing.T) {
	env := testEnv(t)
	db := portfolioDB(t, env)
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"portfolio", "-db", db}, ExitUsage, "-o FILE.pdf"},
		{[]string{"portfolio", "-db", db, "-paper", "tabloid", "-o", "-"}, ExitUsage, "unknown paper"},
		{[]string{"portfolio", "-db", db, "-min-group", "0", "-o", "-"}, ExitUsage, "-min-group"},
		{[]string{"portfolio", "-db", db, "-group", "Nowhere", "-o", "-"}, ExitFailure, `no train in`},
	} {
		r := trainscope(t, env, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.says) {
			t.Errorf("%v: exit %d, stderr %q; want %d saying %q", c.args, r.code, r.stderr, c.code, c.says)
		}
	}
	r := trainscope(t, env, "help", "portfolio")
	if r.code != ExitOK || !strings.Contains(r.stdout+r.stderr, "-group") || !strings.Contains(r.stdout+r.stderr, "-o FILE.pdf") {
		t.Errorf("help portfolio: %d %q", r.code, r.stdout+r.stderr)
	}
	if r := trainscope(t, env, "help"); !strings.Contains(r.stdout, "portfolio") {
		t.Error("the help does not list the portfolio command")
	}
}
