package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// sparse keeps n of the sample's maturity answers, each rated 5: too few for
// a level, enough to compute a number that would look like a result.
func sparse(in Input, n int) Input {
	a := *in.Assessment
	a.Answers = map[string]assessment.Answer{}
	for _, c := range in.Definitions.Checklists {
		for _, it := range c.Items {
			if len(a.Answers) == n {
				break
			}
			if it.Kind == assessment.Practice {
				a.Answers[it.ID] = assessment.Answer{ItemID: it.ID, Rating: 5}
			}
		}
	}
	in.Assessment = &a
	return evaluate(in)
}

// TestThinEvidenceShowsNoScore: with a few items answered the level is
// withheld, and neither the summary nor the full report prints an overall
// score or a dimension's number as if it were a result; each says that not
// enough was answered.
func TestThinEvidenceShowsNoScore(t *testing.T) {
	in := sparse(sampleInput(t), 4)
	if in.Results.Level.Name != assessment.NoLevel.Name {
		t.Fatalf("4 answers give the level %q; the fixture no longer withholds it", in.Results.Level.Name)
	}
	score := regexp.MustCompile(`Overall score \d+`)
	for _, opt := range []Options{{Summary: true}, {}} {
		pdf, _ := render(t, in, opt)
		text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
		if m := score.FindString(text); m != "" {
			t.Errorf("summary=%v: %q printed for a withheld level", opt.Summary, m)
		}
		if strings.Contains(text, "100 of 100") || strings.Contains(text, "Overall score 100") {
			t.Errorf("summary=%v: a perfect score is printed on four answers", opt.Summary)
		}
		if strings.Contains(text, "not enough answered of 100") {
			t.Errorf("summary=%v: the score line reads \"Overall score not enough answered of 100\"", opt.Summary)
		}
		if !strings.Contains(text, "No overall score: not enough answered") {
			t.Errorf("summary=%v: nothing says that not enough was answered", opt.Summary)
		}
	}
}
