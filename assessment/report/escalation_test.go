package report

import (
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// The coach's escalation of a derived recommendation (issue 16) is what
// the report prints: the results the report is drawn from hold it, and the
// leadership summary's line for the recommendation names the coach's level,
// not the rules'.
func TestReportShowsTheCoachsEscalation(t *testing.T) {
	in := sampleInput(t)
	fw := in.Train.Framework
	top, _ := assessment.MattersMost(in.Definitions, fw, in.Results)
	if len(top) == 0 {
		t.Fatal("the sample's summary shows no recommendation")
	}
	rec := top[0]
	if rec.ByCoach {
		t.Fatalf("the summary's first recommendation %s is the coach's own", rec.ID)
	}
	chosen := assessment.LevelLACE
	if rec.Escalation == chosen {
		chosen = assessment.LevelTeam
	}
	escalationAfter := func(in Input) string {
		t.Helper()
		pdf, _ := render(t, in, Options{Summary: true})
		text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
		head := oneLine(rec.Finding)
		head = head[:min(len(head), 40)]
		i := strings.Index(text, head)
		if i < 0 {
			t.Fatalf("the summary does not show %q", head)
		}
		rest := text[i:]
		j := strings.Index(rest, "Escalation: ")
		if j < 0 {
			t.Fatalf("no escalation after %q", head)
		}
		return rest[j+len("Escalation: "):]
	}
	if got, want := escalationAfter(in), fw.LevelTitle(rec.Escalation)+" · Target"; !strings.HasPrefix(got, want) {
		t.Fatalf("before the edit the summary says escalation %.40q, want %q", got, want)
	}

	a := *in.Assessment
	a.Review.Edits = map[string]assessment.RecommendationEdit{}
	for k, e := range in.Assessment.Review.Edits {
		a.Review.Edits[k] = e
	}
	e := a.Review.Edits[rec.ID]
	e.Escalation = chosen
	a.Review.Edits[rec.ID] = e
	in.Assessment = &a
	in = evaluate(in)

	var got *assessment.Recommendation
	for i := range in.Results.Recommendations {
		if in.Results.Recommendations[i].ID == rec.ID {
			got = &in.Results.Recommendations[i]
		}
	}
	if got == nil || got.Escalation != chosen || !got.Edited {
		t.Fatalf("the report's results hold %+v, want escalation %s", got, chosen)
	}
	if got, want := escalationAfter(in), fw.LevelTitle(chosen)+" · Target"; !strings.HasPrefix(got, want) {
		t.Errorf("the summary says escalation %.40q, want %q", got, want)
	}
}
