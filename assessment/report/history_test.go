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
