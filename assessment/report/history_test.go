package report

import (
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

func TestHistory(t *testing.T) {
	in := sampleInput(t)
	day := func(d int) time.Time { return sampleDate.AddDate(0, 0, d) }
	mk := func(id string, status assessment.AssessmentStatus, on time.Time) *assessment.Assessment {
		return &assessment.Assessment{ID: id, Status: status, Date: on}
	}
	cur := mk("cur", assessment.Final, day(0))
	all := []*assessment.Assessment{
		mk("old", assessment.Final, day(-140)),
		mk("draft", assessment.Draft, day(-100)),
		mk("prev", assessment.Final, day(-70)),
		mk("future", assessment.Final, day(10)), // listed before cur, dated after it
		cur,
		mk("later", assessment.Final, day(70)),
	}
	var got []string
	for _, h := range History(in.Definitions, in.Train, cur, all) {
		got = append(got, h.Assessment.ID)
		if len(h.Results.Checklists) == 0 {
			t.Errorf("%s has no results", h.Assessment.ID)
		}
	}
	if want := []string{"old", "prev"}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestNewInput(t *testing.T) {
	in := sampleInput(t)
	prev := &assessment.Assessment{ID: "prev", Status: assessment.Final, Date: in.Assessment.Date.AddDate(0, -3, 0)}
	draft := &assessment.Assessment{ID: "draft", Status: assessment.Draft, Date: in.Assessment.Date.AddDate(0, -1, 0)}
	created := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	got := NewInput(in.Definitions, in.Train, in.Assessment, []*assessment.Assessment{prev, draft, in.Assessment}, created)
	if got.Assessment != in.Assessment || got.Train.Name != in.Train.Name || got.Definitions != in.Definitions || !got.Created.Equal(created) {
		t.Error("the input should carry the assessment, train, definitions and creation date given")
	}
	if got.Results.Overall != assessment.Evaluate(in.Definitions, in.Train, in.Assessment).Overall {
		t.Error("the results should be the assessment's own")
	}
	if len(got.History) != 1 || got.History[0].Assessment.ID != "prev" {
		t.Errorf("history should hold the earlier finished assessment only, got %d points", len(got.History))
	}
}

// TestTrendFollowThrough: the sample's trend carries the follow-through of
// each PI that followed up the one before, and none for the first; the
// alternative text, the figures table, "Since last PI" and the summary say
// the sample's follow-through.
func TestTrendFollowThrough(t *testing.T) {
	in := sampleInput(t)
	d := d0(in)
	pts := d.trendPoints()
	if len(pts) != 3 || pts[0].follow.Known() || !pts[1].follow.Known() || !pts[2].follow.Known() {
		t.Fatalf("trend points %+v", pts)
	}
	ft := in.Results.FollowThrough
	if pts[2].follow != ft || ft.Total != 6 || ft.Closed() != 4 {
		t.Errorf("the latest point's follow-through %+v, the results' %+v", pts[2].follow, ft)
	}
	alt := d.trendAlt()
	for _, want := range []string{"dashed line shows the follow-through", "50% in " + pts[1].label + " (2 of 4)", "67% in " + pts[2].label + " (4 of 6)"} {
		if !strings.Contains(alt, want) {
			t.Errorf("the trend's alternative text lacks %q:\n%s", want, alt)
		}
	}
	if strings.Contains(alt, pts[0].label+" (") {
		t.Errorf("the first assessment, without follow-ups, has a follow-through in the alt text:\n%s", alt)
	}

	pdf, _ := render(t, in, Options{})
	text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
	for _, want := range []string{
		assessment.FollowThroughName + " (%)", "50% (2 of 4)", "67% (4 of 6)", // legend and figures table
		"Since last PI", "6 recommendations were agreed at the last assessment: " + ft.Sentence(assessment.SAFe) + ". Follow-through 67%.",
		"Merchant Portal has no Scrum Master.", "Met. The roster no longer shows the gap",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	summary, _ := render(t, in, Options{Summary: true})
	if line := ft.Line(assessment.SAFe); !strings.Contains(oneLine(poppler(t, summary, "pdftotext", "-layout")), line) {
		t.Errorf("the summary lacks %q", line)
	}
}
