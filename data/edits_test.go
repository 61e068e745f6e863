package data

import (
	"context"
	"errors"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// TestSetRecommendationEditsAllOrNothing: a group accepted or rejected at
// once is saved in one transaction; one bad edit saves none of them.
func TestSetRecommendationEditsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	train := assessment.Train{Name: "Payments", Framework: assessment.SAFe}
	must(t, s.CreateTrain(ctx, &train))
	a := assessment.Assessment{TrainID: train.ID, Date: day(2026, 3, 1), PI: "PI 2026.1", ChecklistVersion: "2026.1"}
	must(t, s.CreateAssessment(ctx, &a))

	rejected := assessment.RecommendationEdit{Status: assessment.Rejected}
	must(t, s.SetRecommendationEdits(ctx, a.ID, map[string]assessment.RecommendationEdit{"RG-12/t1": rejected, "RG-12/t2": rejected}))
	got, err := s.Assessment(ctx, a.ID)
	must(t, err)
	if len(got.Review.Edits) != 2 || got.Review.Edits["RG-12/t1"].Status != assessment.Rejected || got.Review.Edits["RG-12/t2"].Status != assessment.Rejected {
		t.Fatalf("edits saved as %+v", got.Review.Edits)
	}

	bad := map[string]assessment.RecommendationEdit{"RG-12/t1": {Status: assessment.Accepted}, "RG-12/t2": {Status: "maybe"}}
	if err := s.SetRecommendationEdits(ctx, a.ID, bad); err == nil {
		t.Fatal("an edit with an unknown status was saved")
	}
	got, err = s.Assessment(ctx, a.ID)
	must(t, err)
	if got.Review.Edits["RG-12/t1"].Status != assessment.Rejected {
		t.Errorf("half of a refused group was saved: %+v", got.Review.Edits)
	}

	must(t, s.FinishAssessment(ctx, a.ID))
	if err := s.SetRecommendationEdits(ctx, a.ID, map[string]assessment.RecommendationEdit{"RG-12/t1": {Status: assessment.Accepted}}); !errors.Is(err, ErrFinal) {
		t.Errorf("group edit of a finished assessment: %v, want ErrFinal", err)
	}
}
