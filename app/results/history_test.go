package results

import (
	"context"
	"testing"
)

// A draft is work in progress: a finished assessment's results never
// compare with it, even when the draft is dated earlier, and a later draft
// compares with the last finished one.
func TestResultsCompareWithEarlierFinishedOnly(t *testing.T) {
	h := newHost(t)
	withSample(t, h)
	store := h.DB
	ctx := context.Background()
	recent, err := store.RecentAssessments(ctx, 10)
	if err != nil || len(recent) == 0 {
		t.Fatalf("recent: %v %v", recent, err)
	}
	all, err := store.Assessments(ctx, recent[0].TrainID)
	if err != nil || len(all) < 2 {
		t.Fatalf("the sample's assessments: %v %v", all, err)
	}
	// The sample's latest, and the finished one a PI before it.
	finished, before := all[len(all)-1], all[len(all)-2]
	draft, err := store.Assessment(ctx, finished.ID)
	if err != nil {
		t.Fatal(err)
	}
	later := *draft
	draft.ID, draft.PI, draft.Status = "", "PI draft", ""
	draft.Date = draft.Date.AddDate(0, -1, 0) // an older draft, never finished
	draft.Workshop = nil
	if err := store.CreateAssessment(ctx, draft); err != nil {
		t.Fatal(err)
	}
	later.ID, later.PI, later.Status = "", "PI later", ""
	later.Date = later.Date.AddDate(0, 0, 1)
	later.Workshop = nil
	if err := store.CreateAssessment(ctx, &later); err != nil {
		t.Fatal(err)
	}

	open(t, h, finished.TrainID, finished.ID)
	assertNotShown(t, h.Win.Canvas(), "PI draft")
	assertShows(t, h.Win.Canvas(), "Previous: "+before.PI)

	open(t, h, finished.TrainID, later.ID)
	assertShows(t, h.Win.Canvas(), "Previous: "+finished.PI)
}
