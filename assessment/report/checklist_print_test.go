package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

func renderBlank(t testing.TB, in BlankInput, opt Options) []byte {
	t.Helper()
	pdf, warnings, err := RenderBlankChecklist(in, opt)
	if err != nil {
		t.Fatalf("RenderBlankChecklist: %v", err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	return pdf
}

// The SAFe blank checklist's text, as pdftotext reads it, so a change to
// any item, level or page break shows.
//
//	go test -tags migrated_fynedo ./assessment/report -run TestBlankChecklistGolden -update
func TestBlankChecklistGolden(t *testing.T) {
	pdf := renderBlank(t, BlankInput{Definitions: definitions(t), Framework: assessment.SAFe, Created: sampleDate}, Options{})
	got := poppler(t, pdf, "pdftotext", "-layout")
	goldenCompare(t, filepath.Join("testdata", "blank-checklist-safe.golden"), got)
}

// For every framework, every item that applies is there twice (guide and
// checklist) with its guidance and each level's descriptor, in that
// framework's words; an item that does not apply is not; every item has a
// tick box for each choice and ruled notes; nothing runs off the page.
func TestBlankChecklistEveryItem(t *testing.T) {
	defs := definitions(t)
	for _, f := range assessment.Frameworks {
		t.Run(string(f), func(t *testing.T) {
			pdf := renderBlank(t, BlankInput{Definitions: defs, Framework: f, Created: sampleDate}, Options{})
			text := poppler(t, pdf, "pdftotext", "-layout")
			flat := oneLine(withoutRunningLines(text))
			if strings.ContainsAny(flat, "{}") {
				i := strings.IndexAny(flat, "{}")
				t.Errorf("a placeholder is left: …%s…", flat[max(0, i-60):min(len(flat), i+60)])
			}
			items := 0
			for _, cl := range defs.Checklists {
				if !strings.Contains(flat, "Checklist: "+oneLine(f.Expand(cl.Title))) {
					t.Errorf("no part for checklist %s", cl.ID)
				}
				for _, it := range cl.Items {
					words := oneLine(f.Expand(it.Text))
					n := strings.Count(flat, words)
					if !it.AppliesTo(f) {
						if n != 0 {
							t.Errorf("item %s is for %v only but printed for %s", it.ID, it.Frameworks, f)
						}
						continue
					}
					items++
					if n < 2 {
						t.Errorf("item %s is printed %d times, want in the guide and the checklist: %q", it.ID, n, words)
					}
					if g := oneLine(f.Expand(it.Guidance)); g != "" && strings.Count(flat, g) < 2 {
						t.Errorf("item %s: its guidance is not in the guide and the checklist", it.ID)
					}
					for _, l := range it.Levels {
						if want := l.Label + ": " + oneLine(f.Expand(l.Descriptor)); !strings.Contains(flat, want) {
							t.Errorf("item %s: level %d is missing: %q", it.ID, l.Value, want)
						}
					}
				}
			}
			if n := strings.Count(text, "Notes:"); n != items {
				t.Errorf("%d ruled notes for %d items", n, items)
			}
			if n := strings.Count(text, "Not applicable\n"); n != items {
				t.Errorf("%d \"Not applicable\" boxes for %d items", n, items)
			}
			checkLayout(t, pdf)
		})
	}
}

// withoutRunningLines drops each page's running header and footer, so a
// paragraph that goes on to the next page reads as one.
func withoutRunningLines(text string) string {
	var body []string
	for _, page := range strings.Split(text, "\f") {
		lines := strings.Split(strings.TrimRight(page, "\n "), "\n")
		if len(lines) > 2 {
			body = append(body, lines[1:len(lines)-1]...)
		}
	}
	return strings.Join(body, "\n")
}

// The tick boxes are drawn for each choice: 5 levels, not applicable and
// don't know, per item (counted as rectangles in the page content).
func TestBlankChecklistTickBoxes(t *testing.T) {
	defs := definitions(t)
	pdf := renderBlank(t, BlankInput{Definitions: defs, Framework: assessment.OtherFramework, Created: sampleDate}, Options{})
	needPoppler(t, "qpdf")
	path := filepath.Join(t.TempDir(), "blank.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, cl := range defs.For(assessment.OtherFramework).Checklists {
		for _, it := range cl.Items {
			want += len(it.Levels) + 2
		}
	}
	if got := bytes.Count(out, []byte(" re S")); got != want {
		t.Errorf("%d boxes drawn, want %d", got, want)
	}
}

// The same input gives the same bytes, on either paper; the train's name,
// in any script, is in the header.
func TestBlankChecklistDeterministicAndNamed(t *testing.T) {
	in := BlankInput{Definitions: definitions(t), Framework: assessment.ScrumAtScale, Train: "Zahlungsverkehr 支払い", Created: sampleDate}
	for _, paper := range Papers {
		a := renderBlank(t, in, Options{Paper: paper})
		b := renderBlank(t, in, Options{Paper: paper})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", paper)
		}
		text := poppler(t, a, "pdftotext", "-layout")
		if strings.Count(text, "Zahlungsverkehr 支払い") < 2 {
			t.Errorf("%s: the train's name is not in the header", paper)
		}
		if !strings.Contains(text, "Scrum of Scrums maturity assessment") || !strings.Contains(text, "Release:") || strings.Contains(text, "PI:") {
			t.Errorf("%s: not in Scrum@Scale's words", paper)
		}
	}
}

func TestBlankChecklistBadInput(t *testing.T) {
	defs := definitions(t)
	for name, c := range map[string]struct {
		in  BlankInput
		opt Options
	}{
		"no definitions":    {BlankInput{Framework: assessment.SAFe}, Options{}},
		"unknown framework": {BlankInput{Definitions: defs, Framework: "LeSS"}, Options{}},
		"unknown paper":     {BlankInput{Definitions: defs, Framework: assessment.SAFe}, Options{Paper: "a3"}},
	} {
		if pdf, _, err := RenderBlankChecklist(c.in, c.opt); err == nil || pdf != nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// The page image in docs/screenshots/report-checklist-print.png: a page of
// the SAFe blank checklist.
//
//	go test -tags migrated_fynedo ./assessment/report -run TestBlankChecklistScreenshot -screenshots
func TestBlankChecklistScreenshot(t *testing.T) {
	if !*screenshots {
		t.Skip("only with -screenshots")
	}
	needPoppler(t, "pdftoppm")
	pdf := renderBlank(t, BlankInput{Definitions: definitions(t), Framework: assessment.SAFe, Created: sampleDate}, Options{})
	src := filepath.Join(t.TempDir(), "blank.pdf")
	if err := os.WriteFile(src, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text := strings.Split(poppler(t, pdf, "pdftotext", "-layout"), "\f")
	n := pageOf(text, "Checklist: Scaled facilitator fit")
	dst := filepath.Join("..", "..", "docs", "screenshots", "report-checklist-print")
	if b, err := exec.Command("pdftoppm", "-png", "-r", "80", "-f", n, "-l", n, "-singlefile", src, dst).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, b)
	}
}
