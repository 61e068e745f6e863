package data

import (
	"context"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

func TestPortfolioTrains(t *testing.T) {
	ctx := context.Background()
	s, _, latest := afterSample(t) // a finished assessment of one train, and the next PI's draft
	must(t, s.SetAnswer(ctx, latest.ID, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: 3}))
	must(t, s.FinishAssessment(ctx, latest.ID))
	later := assessment.Assessment{TrainID: latest.TrainID, Date: day(2026, 8, 1), PI: "PI later", ChecklistVersion: latest.ChecklistVersion}
	must(t, s.CreateAssessment(ctx, &later)) // a draft: not in the portfolio
	other := addTrain(t, s, "Ops")
	other.Group = "Platform"
	must(t, s.UpdateTrain(ctx, other))

	all, err := s.PortfolioTrains(ctx, "")
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d trains", len(all))
	}
	var sample assessment.PortfolioTrain
	for _, p := range all {
		if p.Train.ID == latest.TrainID {
			sample = p
		}
	}
	if len(sample.Finished) != 2 || sample.Latest().ID != latest.ID || sample.Latest().Date.Before(sample.Previous().Date) {
		t.Fatalf("finished of the sample train: %d, want the two newest, newest first", len(sample.Finished))
	}
	for _, a := range sample.Finished {
		if a.Status != assessment.Final || len(a.Answers) == 0 || len(a.Roster.Teams) == 0 || len(a.Register) == 0 {
			t.Errorf("assessment %s not loaded in full: %d answers, %d teams, %d impediments", a.ID, len(a.Answers), len(a.Roster.Teams), len(a.Register))
		}
	}
	if len(sample.Latest().FollowUps) == 0 {
		t.Error("the latest assessment's follow-ups are not loaded")
	}
	grouped, err := s.PortfolioTrains(ctx, "Platform")
	must(t, err)
	if len(grouped) != 1 || grouped[0].Train.ID != other.ID || grouped[0].Train.Group != "Platform" || len(grouped[0].Finished) != 0 {
		t.Fatalf("the Platform group: %+v", grouped)
	}
}

func TestPortfolioDecisions(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	must(t, s.SetPortfolioDecision(ctx, "", "portfolio.flow", assessment.RecommendationEdit{Status: assessment.Accepted, Reason: "Agreed at the LACE sync"}))
	must(t, s.SetPortfolioDecision(ctx, "Payments", "portfolio.flow", assessment.RecommendationEdit{Action: "Map the value stream — 価値"}))
	must(t, s.SetPortfolioDecision(ctx, "", "portfolio.roles", assessment.RecommendationEdit{Status: assessment.Rejected, Reason: "Not now"}))
	rev, err := s.PortfolioReview(ctx, "")
	must(t, err)
	if len(rev.Edits) != 2 || rev.Edits["portfolio.flow"].Status != assessment.Accepted || rev.Edits["portfolio.roles"].Status != assessment.Rejected ||
		rev.Edits["portfolio.roles"].Reason != "Not now" {
		t.Fatalf("review of every train: %+v", rev)
	}
	ds, err := s.PortfolioDecisions(ctx, "Payments")
	must(t, err)
	if d := ds["portfolio.flow"]; len(ds) != 1 || d.Edit.Action != "Map the value stream — 価値" || d.DecidedAt == "" {
		t.Fatalf("the Payments group's decisions: %+v", ds)
	}
	// Taking a decision back.
	must(t, s.SetPortfolioDecision(ctx, "", "portfolio.roles", assessment.RecommendationEdit{}))
	rev, err = s.PortfolioReview(ctx, "")
	must(t, err)
	if _, ok := rev.Edits["portfolio.roles"]; ok || len(rev.Edits) != 1 {
		t.Fatalf("after taking one back: %+v", rev)
	}
	if err := s.SetPortfolioDecision(ctx, "", "portfolio.flow", assessment.RecommendationEdit{Priority: 9}); err == nil {
		t.Error("a priority of 9 was saved")
	}
}
