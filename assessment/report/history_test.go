package report

import (
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
