package app

import (
	"context"
	"testing"

	"github.com/trainscope/trainscope/app/results"
	"github.com/trainscope/trainscope/app/train"
	"github.com/trainscope/trainscope/assessment"
)

// TestTrendLeavesDraftsOut: a draft is never drawn as if it were a finished
// assessment; the table lists it with its status and the note says so.
func TestTrendLeavesDraftsOut(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	ctx := context.Background()
	trains, _ := store.Trains(ctx)
	id := trains[0].Train.ID
	draft := assessment.Assessment{TrainID: id, Date: testDay, PI: "PI 2026.3", Assessor: "Kim", Status: assessment.Draft}
	if err := store.CreateAssessment(ctx, &draft); err != nil {
		t.Fatal(err)
	}
	ui.openTrain(id)
	settle(ui)
	ts := ui.top().(trainPage)
	ts.SelectTab(train.TabTrend)
	finished := 0
	for _, a := range ts.Assessments() {
		if a.Status == assessment.Final {
			finished++
		}
	}
	if finished == len(ts.Assessments()) {
		t.Fatalf("the sample and a new draft: %d assessments, all finished", len(ts.Assessments()))
	}
	if got := len(ts.Trend().(*results.Trend).Chart().Labels()); got != finished {
		t.Errorf("the chart draws %d assessments (%v), want the %d finished", got, ts.Trend().(*results.Trend).Chart().Labels(), finished)
	}
	for _, l := range ts.Trend().(*results.Trend).Chart().Labels() {
		if l == "PI 2026.3" {
			t.Errorf("the draft is drawn on the chart")
		}
	}
	for _, s := range ts.Trend().(*results.Trend).Chart().Series() {
		if len(s.Values) != finished {
			t.Errorf("series %s has %d points", s.Name, len(s.Values))
		}
	}
	if rows := ts.Trend().(*results.Trend).Rows(); rows != len(ts.Assessments()) {
		t.Errorf("the table lists %d of %d assessments", rows, len(ts.Assessments()))
	}
	assertShows(t, ui.win.Canvas(), "left out of the chart until finished")
}
