package app

import (
	"context"
	"slices"
	"testing"
)

// The train's details offer the groups already in use and save the group
// with the details, at once.
func TestTrainGroupField(t *testing.T) {
	ui, store := newTestUI(t, withSample, withSample)
	ctx := context.Background()
	trains, err := store.Trains(ctx)
	if err != nil || len(trains) != 2 {
		t.Fatalf("trains: %v %v", trains, err)
	}
	other := trains[1].Train
	other.Group = "Zahlungsverkehr · 決済"
	if err := store.UpdateTrain(ctx, other); err != nil {
		t.Fatal(err)
	}
	id := trains[0].Train.ID
	ui.openTrain(id)
	settle(ui)
	ts := ui.top().(trainPage)
	ts.EditDetails()
	settle(ui)
	f := ui.lastTrainForm
	if !slices.Contains(f.groups, "Zahlungsverkehr · 決済") {
		t.Errorf("the group field suggests %v, want the group in use", f.groups)
	}
	f.group.SetText("  Zahlungsverkehr ·   決済 ")
	f.dialog.Submit()
	settle(ui)
	got, err := store.Train(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Group != "Zahlungsverkehr · 決済" {
		t.Errorf("stored group %q", got.Group)
	}
	groups, err := store.Groups(ctx)
	if err != nil || len(groups) != 1 {
		t.Errorf("groups %v %v: the two trains share one group", groups, err)
	}
}
