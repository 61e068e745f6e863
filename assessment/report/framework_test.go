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
	safeWords := regexp.MustCompile(`\bRTE\b|Programme Increment|Release Train Engineer|PI Planning|System Architect|Business Owner|ART Sync|System Demo|Inspect & Adapt|Product Management|\bPIs?\b|50–125|Solution Train|ART maturity`)
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

// followUpInput is the assessment after the sample: it came with the
// sample's agreed recommendations, one done, one dropped, the rest unsaid.
func followUpInput(t testing.TB) Input {
	t.Helper()
	prev := sampleInput(t)
	next := *prev.Assessment
	next.ID, next.Status, next.PI = "next-assessment", assessment.Draft, assessment.NextPI(prev.Assessment.PI, 2)
	next.Date = prev.Assessment.Date.AddDate(0, 0, 140)
	next.Review = assessment.Review{}
	next.FollowUps = assessment.FollowUpsFrom(prev.Assessment, prev.Results)
	for i := range next.FollowUps {
		switch next.FollowUps[i].RecommendationID {
		case "coach/shared-test-environment":
			next.FollowUps[i].State, next.FollowUps[i].Note, next.FollowUps[i].NoteDate = assessment.FollowUpDone, "Second environment live since June.", next.Date.AddDate(0, 0, -20)
		case "RG-08/sample-p-sofia":
			next.FollowUps[i].State = assessment.FollowUpInProgress
		}
	}
	in := prev
	in.Assessment = &next
	in.History = []HistoryPoint{{Assessment: prev.Assessment, Results: prev.Results}}
	return evaluate(in)
}

// TestSinceLastPI: the full report has a part on last PI's follow-ups,
// early, and the summary one line of it.
func TestSinceLastPI(t *testing.T) {
	in := followUpInput(t)
	ft := in.Results.FollowThrough
	if ft.Total < 3 || ft.Done != 1 || ft.Escalated == 0 {
		t.Fatalf("follow-through %+v", ft)
	}
	pdf, _ := render(t, in, Options{})
	text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
	part := text[strings.Index(text, "Since last PI"):]
	for _, want := range []string{"Since last PI", ft.Sentence(assessment.SAFe), "Second environment live since", "Not met.", "escalated"} {
		if !strings.Contains(part, oneLine(want)) {
			t.Errorf("the full report lacks %q", want)
		}
	}
	if strings.Index(text, "Since last PI") > strings.Index(text, "Scores and trends") {
		t.Error("'Since last PI' comes after the scores")
	}
	sum, _ := render(t, in, Options{Summary: true})
	if st := oneLine(poppler(t, sum, "pdftotext", "-layout")); !strings.Contains(st, oneLine(d0(in).followThroughLine())) {
		t.Errorf("the summary lacks the follow-through line %q", d0(in).followThroughLine())
	}
	if pages := strings.Count(poppler(t, sum, "pdftotext"), "\f"); pages != 2 {
		t.Errorf("the summary has %d pages, want 2", pages)
	}
}

// d0 is a doc for reading its words without drawing.
func d0(in Input) *doc { return &doc{in: in, a: in.Assessment} }

// TestLevelsInTheFrameworksWords: the escalation ladder reads in the train's
// framework's words. A Scrum@Scale report never says "ART", neither as a
// level in its tables nor in the counts by level; its levels are the Scrum
// of Scrums and the Executive Action Team.
func TestLevelsInTheFrameworksWords(t *testing.T) {
	in := sasInput(t)
	for _, summary := range []bool{false, true} {
		pdf, _ := render(t, in, Options{Summary: summary})
		text := poppler(t, pdf, "pdftotext", "-layout")
		for _, m := range regexp.MustCompile(`\bART\b`).FindAllStringIndex(text, 20) {
			t.Errorf("summary %v: ART in …%s…", summary, strings.ReplaceAll(text[max(0, m[0]-70):min(len(text), m[1]+50)], "\n", " "))
		}
		if !summary && !regexp.MustCompile(`team \d+, Scrum of Scrums \d+, Executive Action Team \d+`).MatchString(text) {
			t.Errorf("the full report gives no counts by level in Scrum@Scale's words")
		}
	}
	for f, want := range map[assessment.Framework][3]string{
		assessment.SAFe:           {"Team", "ART", "LACE / portfolio"},
		assessment.ScrumAtScale:   {"Team", "Scrum of Scrums", "Executive Action Team"},
		assessment.OtherFramework: {"Team", "Train", "LACE"},
	} {
		for i, l := range assessment.ImpedimentLevels {
			if got := f.LevelTitle(l); got != want[i] {
				t.Errorf("%s: level %s is %q, want %q", f, l, got, want[i])
			}
		}
	}
}

// A rejected recommendation keeps the coach's reason in the full report.
func TestRejectionReasonInTheReport(t *testing.T) {
	in := sampleInput(t)
	pdf, _ := render(t, in, Options{})
	text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
	if !strings.Contains(text, "Rejected — Root causes are already worked") {
		t.Error("the full report does not give the reason of the rejected recommendation")
	}
}
