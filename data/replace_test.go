package data

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// ownRecommendations sets up an assessment with two of the coach's own
// recommendations, the first with evidence.
func ownRecommendations(t *testing.T) (*Store, string, assessment.Recommendation, assessment.Recommendation) {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t, Options{})
	tr := assessment.Train{Name: "Zahlungsverkehr – 支払い", Framework: assessment.SAFe}
	must(t, s.CreateTrain(ctx, &tr))
	a := assessment.Assessment{TrainID: tr.ID, Date: day(2026, 3, 1), PI: "PI 2026.1", ChecklistVersion: "2026.1"}
	must(t, s.CreateAssessment(ctx, &a))
	first := assessment.Recommendation{Finding: "Teams plan alone", Action: "Hold one planning for the whole train 🚆",
		Evidence: []assessment.Evidence{{Kind: assessment.EvidenceAnswer, Ref: "fit.a", Text: "rated 2 of 5"}}}
	second := assessment.Recommendation{Finding: "No system demo", Action: "Demo every iteration"}
	must(t, s.AddRecommendation(ctx, a.ID, &first))
	must(t, s.AddRecommendation(ctx, a.ID, &second))
	return s, a.ID, first, second
}

// An edit of the coach's own recommendation is saved in place: new text and
// evidence, the same id and the same place in the list.
func TestReplaceRecommendation(t *testing.T) {
	ctx := context.Background()
	s, aid, first, second := ownRecommendations(t)
	edit := first
	edit.Action = "Hold one PI planning with every team in the room"
	edit.Priority = assessment.High
	edit.Status = assessment.Accepted
	edit.Evidence = []assessment.Evidence{{Kind: assessment.EvidenceRoster, Ref: "RG-3", Text: "no one holds the role"}, {Kind: assessment.EvidenceFigure, Ref: "velocity", Text: "down 20%"}}
	must(t, s.ReplaceRecommendation(ctx, aid, &edit))
	if !edit.ByCoach {
		t.Errorf("the caller's copy lacks the defaults: %+v", edit)
	}
	got, err := s.Assessment(ctx, aid)
	must(t, err)
	added := got.Review.Added
	if len(added) != 2 || added[0].ID != first.ID || added[1].ID != second.ID {
		t.Fatalf("recommendations after the edit: %+v", added)
	}
	r := added[0]
	if r.Action != edit.Action || r.Finding != first.Finding || r.Priority != assessment.High || r.Status != assessment.Accepted {
		t.Errorf("edited recommendation saved as %+v", r)
	}
	if len(r.Evidence) != 2 || r.Evidence[0] != edit.Evidence[0] || r.Evidence[1] != edit.Evidence[1] {
		t.Errorf("evidence saved as %+v", r.Evidence)
	}
	if added[1].Action != second.Action {
		t.Errorf("the other recommendation changed: %+v", added[1])
	}
}

// The edit is one write: when its second half (the evidence) fails, the
// first half (the new text) is not kept either, and the coach's earlier
// text and evidence are there as they were. A refused edit, and an id that
// is not the coach's, change nothing too.
func TestReplaceRecommendationAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s, aid, first, _ := ownRecommendations(t)
	before, err := s.Assessment(ctx, aid)
	must(t, err)

	// A failure after the recommendation's row is updated: the database
	// refuses the new evidence.
	if _, err := s.db.ExecContext(ctx, `CREATE TRIGGER refuse_evidence BEFORE INSERT ON coach_recommendation_evidence
		BEGIN SELECT RAISE(ABORT, 'evidence refused for the test'); END`); err != nil {
		t.Fatal(err)
	}
	edit := first
	edit.Finding = "A new finding that must not be half saved"
	edit.Action = ""
	edit.Evidence = []assessment.Evidence{{Kind: assessment.EvidenceFigure, Ref: "velocity", Text: "down"}}
	if err := s.ReplaceRecommendation(ctx, aid, &edit); err == nil || !strings.Contains(err.Error(), "evidence refused") {
		t.Fatalf("ReplaceRecommendation with the evidence refused: %v", err)
	}
	if edit.Finding != "A new finding that must not be half saved" || edit.ByCoach != first.ByCoach {
		t.Errorf("the caller's copy changed on failure: %+v", edit)
	}
	if _, err := s.db.ExecContext(ctx, "DROP TRIGGER refuse_evidence"); err != nil {
		t.Fatal(err)
	}

	// Refused before writing: a finding longer than a description may be.
	long := first
	long.Finding = strings.Repeat("x", assessment.MaxDescriptionLength+1)
	if err := s.ReplaceRecommendation(ctx, aid, &long); err == nil || !strings.Contains(err.Error(), "recommendation.finding") {
		t.Fatalf("ReplaceRecommendation with a too-long finding: %v", err)
	}
	// Not one of the coach's: a derived recommendation's id.
	derived := assessment.Recommendation{ID: "RG-12/t1", Finding: "x"}
	if err := s.ReplaceRecommendation(ctx, aid, &derived); !errors.Is(err, ErrNotFound) {
		t.Fatalf("ReplaceRecommendation of an id the coach did not add: %v, want ErrNotFound", err)
	}

	after, err := s.Assessment(ctx, aid)
	must(t, err)
	if len(after.Review.Added) != len(before.Review.Added) {
		t.Fatalf("recommendations: %d before, %d after", len(before.Review.Added), len(after.Review.Added))
	}
	for i, r := range after.Review.Added {
		b := before.Review.Added[i]
		if r.ID != b.ID || r.Finding != b.Finding || r.Action != b.Action || len(r.Evidence) != len(b.Evidence) {
			t.Errorf("recommendation %d: %+v, was %+v", i, r, b)
		}
		for j := range r.Evidence {
			if r.Evidence[j] != b.Evidence[j] {
				t.Errorf("recommendation %d evidence %d: %+v, was %+v", i, j, r.Evidence[j], b.Evidence[j])
			}
		}
	}
	if after.Review.Added[0].Action != "Hold one planning for the whole train 🚆" {
		t.Errorf("the coach's text is gone: %+v", after.Review.Added[0])
	}

	// A finished assessment refuses the edit.
	must(t, s.FinishAssessment(ctx, aid))
	ok := first
	ok.Action = "Later"
	if err := s.ReplaceRecommendation(ctx, aid, &ok); !errors.Is(err, ErrFinal) {
		t.Errorf("ReplaceRecommendation on a finished assessment: %v, want ErrFinal", err)
	}
}
