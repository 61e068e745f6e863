package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

var portfolioDate = time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)

// portfolioInput is the sample portfolio of three coaches: twelve trains,
// SAFe and Scrum@Scale, in three groups and one ungrouped.
func portfolioInput(t testing.TB, n int, opts assessment.PortfolioOptions) PortfolioInput {
	d := definitions(t)
	p := assessment.BuildPortfolio(d, assessment.SamplePortfolio(d, portfolioDate, n), opts)
	return PortfolioInput{Portfolio: p, Definitions: d, Created: portfolioDate}
}

func renderPortfolio(t testing.TB, in PortfolioInput, opt Options) []byte {
	t.Helper()
	pdf, warnings, err := RenderPortfolio(in, opt)
	if err != nil {
		t.Fatalf("RenderPortfolio: %v", err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	return pdf
}

func TestPortfolioGolden(t *testing.T) {
	in := portfolioInput(t, 12, assessment.PortfolioOptions{})
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"portfolio-full", Options{}},
		{"portfolio-summary", Options{Summary: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pdf := renderPortfolio(t, in, tc.opt)
			goldenCompare(t, filepath.Join("testdata", tc.name+".golden"), poppler(t, pdf, "pdftotext", "-layout"))
			goldenCompare(t, filepath.Join("testdata", tc.name+".struct.golden"), poppler(t, pdf, "pdfinfo", "-struct-text"))
		})
	}
}

func TestPortfolioReportShowsTheFindings(t *testing.T) {
	in := portfolioInput(t, 12, assessment.PortfolioOptions{})
	text := oneLine(poppler(t, renderPortfolio(t, in, Options{}), "pdftotext", "-layout"))
	for _, want := range []string{
		"Heatmap: trains by dimension", "not enough answered", "Systemic findings and portfolio recommendations",
		"4 of 7 SAFe trains: no System Architect.", "Portfolio leadership", "What matters most across the portfolio",
		"Trend of levels", "The trains", "Payments (sample)", "No finished assessment yet.", "Confidential: for the LACE and portfolio leadership",
		"PF-01", "Confidentiality",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the portfolio report lacks %q", want)
		}
	}
}

func TestPortfolioHidesSmallGroups(t *testing.T) {
	in := portfolioInput(t, 12, assessment.PortfolioOptions{MinGroup: 5})
	text := oneLine(poppler(t, renderPortfolio(t, in, Options{Summary: true}), "pdftotext", "-layout"))
	if !strings.Contains(text, "hidden: fewer than 5 trains") {
		t.Error("a group of fewer than five trains is not shown as hidden")
	}
	for _, g := range in.Portfolio.Groups {
		if !g.Hidden {
			t.Errorf("group %q of %d trains is not hidden", g.Group, g.Trains)
		}
	}
}

func TestPortfolioDeterministic(t *testing.T) {
	in := portfolioInput(t, 12, assessment.PortfolioOptions{})
	a := renderPortfolio(t, in, Options{})
	b := renderPortfolio(t, portfolioInput(t, 12, assessment.PortfolioOptions{}), Options{})
	if !bytes.Equal(a, b) {
		t.Error("the same portfolio gave different bytes")
	}
}

func TestPortfolioLayout(t *testing.T) {
	for _, paper := range Papers {
		checkLayout(t, renderPortfolio(t, portfolioInput(t, 12, assessment.PortfolioOptions{}), Options{Paper: paper}))
	}
}

func TestPortfolioEmptyAndBadInput(t *testing.T) {
	d := definitions(t)
	pdf := renderPortfolio(t, PortfolioInput{Portfolio: assessment.BuildPortfolio(d, nil, assessment.PortfolioOptions{}), Definitions: d, Created: portfolioDate}, Options{})
	if text := oneLine(poppler(t, pdf, "pdftotext", "-layout")); !strings.Contains(text, "Nothing is systemic") {
		t.Error("an empty portfolio does not say that nothing is systemic")
	}
	if _, _, err := RenderPortfolio(PortfolioInput{}, Options{}); err == nil {
		t.Error("no definitions should be an error")
	}
	if _, _, err := RenderPortfolio(PortfolioInput{Definitions: d}, Options{Paper: "tabloid"}); err == nil {
		t.Error("an unknown paper should be an error")
	}
}

// TestPortfolioScreenshots rewrites docs/screenshots/report-portfolio-*.png
// from the sample portfolio:
//
//	go test -tags migrated_fynedo ./assessment/report -run TestPortfolioScreenshots -screenshots
func TestPortfolioScreenshots(t *testing.T) {
	if !*screenshots {
		t.Skip("only with -screenshots")
	}
	needPoppler(t, "pdftoppm")
	pdf := renderPortfolio(t, portfolioInput(t, 12, assessment.PortfolioOptions{}), Options{})
	src := filepath.Join(t.TempDir(), "portfolio.pdf")
	if err := os.WriteFile(src, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text := strings.Split(poppler(t, pdf, "pdftotext", "-layout"), "\f")
	out := filepath.Join("..", "..", "docs", "screenshots")
	for name, where := range map[string]string{"cover": "1", "summary": "Summary", "heatmap": "Heatmap: trains by dimension",
		"trend": "Trend of levels", "findings": "Systemic findings and portfolio recommendations", "train": "The trains"} {
		n := pageOf(text, where)
		cmd := exec.Command("pdftoppm", "-png", "-r", "80", "-f", n, "-l", n, "-singlefile", src, filepath.Join(out, "report-portfolio-"+name))
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, b)
		}
	}
}

// The portfolio report is tagged like the train report: every font
// embedded with a Unicode map, and every word a page paints, apart from the
// running header and footer, read in the structure tree.
func TestPortfolioTagged(t *testing.T) {
	pdf := renderPortfolio(t, portfolioInput(t, 12, assessment.PortfolioOptions{}), Options{})
	info := poppler(t, pdf, "pdfinfo")
	for _, want := range []string{"Tagged:          yes", "PDF version:     1.7", "Suspects:        no"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	fonts := strings.Split(strings.TrimSpace(poppler(t, pdf, "pdffonts")), "\n")
	for _, line := range fonts[2:] {
		if f := strings.Fields(line); len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("a font is not embedded with a Unicode map: %s", line)
		}
	}
	structText := poppler(t, pdf, "pdfinfo", "-struct-text")
	joined := strings.Join(strings.Fields(structText), " ")
	tree := map[string]bool{}
	for _, w := range strings.Fields(structText) {
		tree[strings.Trim(w, `"`)] = true
	}
	running := map[string]bool{}
	for _, s := range []string{"Portfolio of all trains", "Portfolio report for the LACE", "Confidential: for the LACE and portfolio leadership", "page of"} {
		for _, w := range strings.Fields(s) {
			running[w] = true
		}
	}
	for pi, page := range strings.Split(poppler(t, pdf, "pdftotext", "-raw"), "\f") {
		for _, w := range strings.Fields(page) {
			if !tree[w] && !running[w] && strings.Trim(w, "0123456789") != "" && !strings.Contains(joined, w) {
				t.Errorf("page %d paints %q, which the structure tree does not hold", pi+1, w)
			}
		}
	}
}

// The LACE's review shows in the report: a rejected recommendation with
// its reason, and the LACE's own.
func TestPortfolioReportShowsTheReview(t *testing.T) {
	in := portfolioInput(t, 12, assessment.PortfolioOptions{})
	first := in.Portfolio.Recommendations[0].ID
	in.Portfolio.Review(assessment.PortfolioReview{
		Edits: map[string]assessment.RecommendationEdit{first: {Status: assessment.Rejected, Reason: "Funded in the portfolio budget already"}},
		Added: []assessment.Recommendation{{Finding: "Two trains share one test lab.", Action: "Fund a second lab.", Acceptance: "Both labs in use by the next quarter."}},
	})
	// The structure tree reads each cell whole, where the page's columns
	// interleave.
	text := oneLine(strings.ReplaceAll(poppler(t, renderPortfolio(t, in, Options{Summary: true}), "pdfinfo", "-struct-text"), `"`, " "))
	for _, want := range []string{"Rejected: Funded in the portfolio budget already", "Two trains share one test lab.", "the LACE's own"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// TestPortfolioSummarySaysWhereTheTrainsAre: trains in no group read as
// such ("4 trains, none yet in a group"), never "4 trains in no group yet".
func TestPortfolioSummarySaysWhereTheTrainsAre(t *testing.T) {
	d := definitions(t)
	for n, want := range map[int]string{1: "1 train, not yet in a group,", 4: "4 trains, none yet in a group,", 0: "0 trains, 0 with a finished assessment"} {
		trains := assessment.SamplePortfolio(d, portfolioDate, n)
		for i := range trains {
			trains[i].Train.Group = ""
		}
		pdf := renderPortfolio(t, PortfolioInput{Portfolio: assessment.BuildPortfolio(d, trains, assessment.PortfolioOptions{}), Definitions: d, Created: portfolioDate}, Options{})
		if text := oneLine(poppler(t, pdf, "pdftotext", "-layout")); !strings.Contains(text, want) {
			t.Errorf("%d ungrouped trains: the summary does not say %q", n, want)
		}
	}
}
