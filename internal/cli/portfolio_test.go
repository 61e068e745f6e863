package cli

import (
	"context"

	"github.com/trainscope/trainscope/assessment"
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

// The LACE's review is the store's: a rejection saved with its reason is
// in the PDF, and -group reads only that group's trains and decisions.
func TestPortfolioCommandReadsTheStoredReview(t *testing.T) {
	env := testEnv(t)
	env["SOURCE_DATE_EPOCH"] = "1780000000"
	db := portfolioDB(t, env)
	s := &session{Program: Program{Getenv: func(k string) string { return env[k] }}}
	store, err := s.openStoreAt(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	defs, err := s.definitions()
	if err != nil {
		t.Fatal(err)
	}
	list, err := store.Trains(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, ts := range list {
		tr, err := store.Train(ctx, ts.Train.ID)
		if err != nil {
			t.Fatal(err)
		}
		if tr.Framework == assessment.SAFe {
			tr.Group = "Payments value stream"
			if err := store.UpdateTrain(ctx, tr); err != nil {
				t.Fatal(err)
			}
		}
	}
	trains, err := store.PortfolioTrains(ctx, "Payments value stream")
	if err != nil {
		t.Fatal(err)
	}
	p := assessment.BuildPortfolio(defs, trains, assessment.PortfolioOptions{Group: "Payments value stream"})
	if len(trains) != 3 || len(p.Recommendations) == 0 {
		t.Fatalf("%d trains in the group and %d recommendations; want 3 and some", len(trains), len(p.Recommendations))
	}
	reason := "Funded by the portfolio board — décidé"
	if err := store.SetPortfolioDecision(ctx, "Payments value stream", p.Recommendations[0].ID,
		assessment.RecommendationEdit{Status: assessment.Rejected, Reason: reason}); err != nil {
		t.Fatal(err)
	}
	store.Close()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	text := func(args ...string) string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "p.pdf")
		if r := trainscope(t, env, append(append([]string{"portfolio", "-db", db}, args...), "-o", out)...); r.code != ExitOK {
			t.Fatalf("portfolio %v exited %d: %s", args, r.code, r.stderr)
		}
		b, err := exec.Command("pdftotext", "-raw", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(b)), " ")
	}
	if got := text("-group", "Payments value stream"); !strings.Contains(got, reason) || !strings.Contains(got, "3 of 3 SAFe trains") {
		t.Errorf("the group's portfolio does not show the LACE's stored rejection or its finding:\n%s", got)
	}
	if got := text(); strings.Contains(got, reason) {
		t.Error("the whole portfolio shows a decision the LACE took for one group")
	}
}
