package report

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// sasInput is the Scrum@Scale sample as the report gets it.
func sasInput(t testing.TB) Input {
	t.Helper()
	defs := definitions(t)
	train, _, _, a := assessment.SampleScrumAtScale(sampleDate)
	train.ID, a.ID, a.TrainID = "sas-train", "sas-assessment", "sas-train"
	return Input{Train: train, Assessment: &a, Definitions: defs, Results: assessment.Evaluate(defs, train, &a), Created: sampleDate.Add(17 * time.Hour)}
}

// TestReportsSpeakTheTrainsFramework: a Scrum@Scale train's full report and
// summary name none of SAFe's roles, events or sizes, and a SAFe train's
// none of Scrum@Scale's; the header names the kind of assessment in the
// train's framework, the method appendix included.
func TestReportsSpeakTheTrainsFramework(t *testing.T) {
	safeWords := regexp.MustCompile(`\bRTE\b|Release Train Engineer|PI Planning|System Architect|Business Owner|ART Sync|System Demo|Inspect & Adapt|Product Management|\bPIs?\b|50–125|Solution Train|ART maturity`)
	sasWords := regexp.MustCompile(`SoSM|Scaled Daily Scrum|Executive Action Team|Chief Product Owner|MetaScrum|Scrum of Scrums maturity`)
	for _, tc := range []struct {
		name    string
		in      Input
		foreign *regexp.Regexp
		kind    string
	}{
		{"Scrum@Scale", sasInput(t), safeWords, "Scrum of Scrums maturity assessment"},
		{"SAFe", sampleInput(t), sasWords, "ART maturity assessment"},
	} {
		for _, summary := range []bool{false, true} {
			pdf, _ := render(t, tc.in, Options{Summary: summary})
			text := poppler(t, pdf, "pdftotext", "-layout")
			if os.Getenv("TRAINSCOPE_DUMP") != "" {
				_ = os.WriteFile("/tmp/"+tc.name+map[bool]string{true: "-summary", false: "-full"}[summary]+".txt", []byte(text), 0o600)
			}
			if !strings.Contains(text, tc.kind) {
				t.Errorf("%s report (summary %v) does not name %q", tc.name, summary, tc.kind)
			}
			for _, m := range tc.foreign.FindAllStringIndex(text, 20) {
				t.Errorf("%s report (summary %v): %q in …%s…", tc.name, summary, text[m[0]:m[1]], strings.ReplaceAll(text[max(0, m[0]-70):min(len(text), m[1]+50)], "\n", " "))
			}
		}
	}
}

// TestReportNamesLikeTheScreens: the verdict and the recommendation statuses
// are worded once, in assessment, and the report uses those words.
func TestReportNamesLikeTheScreens(t *testing.T) {
	in := sampleInput(t)
	pdf, _ := render(t, in, Options{})
	text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
	if want := in.Results.Verdict.Kind.Title(); !strings.Contains(text, want) {
		t.Errorf("the report does not name the verdict %q", want)
	}
	for _, rec := range in.Results.Recommendations {
		if !strings.Contains(text, rec.Status.Title()) {
			t.Errorf("the report does not name the status %q", rec.Status.Title())
		}
	}
	if verdictText(assessment.RecommendedConditions) != assessment.RecommendedConditions.Title() {
		t.Error("the report words the verdict its own way")
	}
}
