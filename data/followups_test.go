package data

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// TestFollowUpsStored: the follow-ups an assessment starts with are kept
// with it, word for word; the coach's state, note, drop reason and override
// are saved at once; a dropped one needs a reason; a finished assessment
// keeps them as they were.
func TestFollowUpsStored(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	train := assessment.Train{Name: "Loop", Framework: assessment.SAFe}
	must(t, s.CreateTrain(ctx, &train))
	fus := []assessment.FollowUp{
		{RecommendationID: "RG-03/system-architect", Rule: "RG-03", Finding: "Nobody holds the System Architect role.", Action: "Name one.",
			Acceptance: "Named by the end of the next PI.", Owner: assessment.OwnerLACE, Escalation: assessment.LevelART, TargetPI: "PI 2026.2",
			RaisedPI: "PI 2026.1", Check: &assessment.Check{Kind: "no-gap", Rule: "RG-03", Subject: "system-architect"}},
		{RecommendationID: "coach/1", Finding: "Fund a test environment — für alle Teams 🚂", Owner: assessment.OwnerBusinessOwners, TargetPI: "PI 2026.2", RaisedPI: "PI 2026.1"},
	}
	a := assessment.Assessment{TrainID: train.ID, Date: day(2026, 6, 1), PI: "PI 2026.2", ChecklistVersion: "2026.1", FollowUps: fus}
	must(t, s.CreateAssessment(ctx, &a))
	got, err := s.Assessment(ctx, a.ID)
	must(t, err)
	if !reflect.DeepEqual(got.FollowUps, fus) {
		t.Fatalf("follow-ups stored as\n%+v\nwant\n%+v", got.FollowUps, fus)
	}

	done := fus[0]
	done.State, done.Note, done.NoteDate = assessment.FollowUpInProgress, "Two candidates interviewed.", day(2026, 5, 20)
	must(t, s.SetFollowUp(ctx, a.ID, done))
	dropped := fus[1]
	dropped.State = assessment.FollowUpDropped
	if err := s.SetFollowUp(ctx, a.ID, dropped); err == nil || !strings.Contains(err.Error(), "needs a reason") {
		t.Errorf("dropped without a reason: %v", err)
	}
	dropped.Reason = "The environment came with the cloud move."
	must(t, s.SetFollowUp(ctx, a.ID, dropped))
	if err := s.SetFollowUp(ctx, a.ID, assessment.FollowUp{RecommendationID: "RF-09/none"}); err == nil {
		t.Error("a follow-up the assessment does not have was saved")
	}
	got, err = s.Assessment(ctx, a.ID)
	must(t, err)
	if g := got.FollowUps[0]; g.State != assessment.FollowUpInProgress || g.Note != done.Note || !g.NoteDate.Equal(done.NoteDate) || g.Finding != fus[0].Finding {
		t.Errorf("first follow-up saved as %+v", g)
	}
	if g := got.FollowUps[1]; g.State != assessment.FollowUpDropped || g.Reason != dropped.Reason {
		t.Errorf("second follow-up saved as %+v", g)
	}

	must(t, s.FinishAssessment(ctx, a.ID))
	if err := s.SetFollowUp(ctx, a.ID, done); !errors.Is(err, ErrFinal) {
		t.Errorf("follow-up of a finished assessment: %v, want ErrFinal", err)
	}
}
