package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// checklist -pdf writes the blank checklist and interview guide, private to
// the coach, in the framework's words; the same run gives the same bytes.
func TestChecklistPDF(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "blank.pdf")
	r := trainscope(t, env, "checklist", "-pdf", "-framework", "scrum@scale", "-train", "Zahlungsverkehr", "-paper", "letter", "-o", path)
	if r.code != 0 || r.stderr != "" || r.stdout != "" {
		t.Fatalf("exit %d, stderr %q, stdout %q", r.code, r.stderr, r.stdout)
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", pdf)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Blank checklist and interview guide", "Scrum of Scrums maturity assessment", "Zahlungsverkehr", "SoSM"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("the PDF lacks %q", want)
			}
		}
	}
	again := trainscope(t, env, "checklist", "-pdf", "-framework", "Scrum@Scale", "-train", "Zahlungsverkehr", "-paper", "letter", "-o", "-")
	if again.code != 0 || again.stdout != string(pdf) {
		t.Errorf("-o - gave %d bytes (exit %d), the file %d", len(again.stdout), again.code, len(pdf))
	}
}

func TestChecklistPDFUsage(t *testing.T) {
	env := testEnv(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"checklist", "-pdf"}, "-o FILE.pdf"},
		{[]string{"checklist", "-pdf", "-framework", "LeSS", "-o", "x.pdf"}, `unknown framework "LeSS"`},
		{[]string{"checklist", "-pdf", "-paper", "a3", "-o", "x.pdf"}, `unknown paper "a3"`},
		{[]string{"checklist", "-o", "x.pdf"}, "go with -pdf"},
	} {
		r := trainscope(t, env, c.args...)
		if r.code == 0 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", c.args, r.code, r.stderr, c.want)
		}
	}
}
