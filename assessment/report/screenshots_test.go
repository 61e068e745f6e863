package report

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The page images in docs/screenshots/report-*.png show the sample train
// as trainscope sample stores it, with its two earlier PIs, so the radar's
// overlay, the trend and its follow-through line have something to show;
// report-workshop-*.png show it assessed in the workshop of the tests'
// fixture. Remake them after a change to the
// report (all, or one set by its name: sample, workshop, followups or
// scrumatscale; report-since-last-pi.png is the assessment after the sample,
// report-scrum-at-scale-*.png the Scrum@Scale sample):
//
//	go test -tags migrated_fynedo ./assessment/report -run TestScreenshots -screenshots
//	go test -tags migrated_fynedo ./assessment/report -run TestScreenshots/workshop -screenshots
var screenshots = flag.Bool("screenshots", false, "rewrite the report page images in docs/screenshots/")

func TestScreenshots(t *testing.T) {
	if !*screenshots {
		t.Skip("only with -screenshots")
	}
	needPoppler(t, "pdftoppm")
	in := sampleInput(t)
	workshop := withWorkshop(t, in, false, hiddenVotes)
	out := filepath.Join("..", "..", "docs", "screenshots")
	for _, doc := range []struct {
		set   string
		in    Input
		opt   Options
		pages map[string]string // image name: the heading that opens the page, or its number
	}{
		{"sample", in, Options{Summary: true}, map[string]string{"summary-1": "1", "summary-2": "2"}},
		{"sample", in, Options{}, map[string]string{"cover": "1", "executive-summary": "Executive summary", "scores": "Scores and trends",
			"trend":  "Trend across assessments",
			"roster": "Roster and role gaps", "recommendations": "Recommendations"}},
		{"workshop", workshop, Options{}, map[string]string{"workshop-votes": workshopTitle, "workshop-gaps": "The room's self-rating and the coach's observation"}},
		{"followups", followUpInput(t), Options{}, map[string]string{"since-last-pi": "Since last PI"}},
		{"scrumatscale", sasInput(t), Options{Summary: true}, map[string]string{"scrum-at-scale-summary-2": "2"}},
		{"scrumatscale", sasInput(t), Options{}, map[string]string{"scrum-at-scale-roster": "Roster and role gaps"}},
	} {
		t.Run(doc.set, func(t *testing.T) { shoot(t, doc.in, doc.opt, doc.pages, out) })
	}
}

// shoot renders the report and saves each named page as an image in out.
func shoot(t *testing.T, in Input, opt Options, pages map[string]string, out string) {
	t.Helper()
	pdf, _ := render(t, in, opt)
	src := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(src, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text := strings.Split(poppler(t, pdf, "pdftotext", "-layout"), "\f")
	for name, where := range pages {
		n := pageOf(text, where)
		dst := filepath.Join(out, "report-"+name)
		cmd := exec.Command("pdftoppm", "-png", "-r", "80", "-f", n, "-l", n, "-singlefile", src, dst)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, b)
		}
	}
}

// pageOf is the number of the page that where names: a number is itself,
// a heading is the first page with a line of just that heading.
func pageOf(pages []string, where string) string {
	if _, err := strconv.Atoi(where); err == nil {
		return where
	}
	heading := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(where) + `\s*$`)
	for i, page := range pages {
		if heading.MatchString(page) {
			return fmt.Sprint(i + 1)
		}
	}
	return "1"
}
