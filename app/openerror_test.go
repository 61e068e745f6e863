package app

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assessment/report"
)

func TestOpenErrorWindowExplainsAndOffersTheBackup(t *testing.T) {
	a := test.NewTempApp(t)
	problem := errors.New("the database /home/coach/trainscope.db is damaged or is not a Trainscope database")
	calls := 0
	w := OpenErrorWindow(a, problem, func() (string, error) {
		calls++
		return "", errors.New("the backup folder is not readable")
	}, nil)
	w.Show()
	defer w.Close()
	c := w.Canvas()
	assertShows(t, c, "could not open your assessments")
	assertShows(t, c, "The database /home/coach/trainscope.db is damaged")
	button(t, c, "Quit")
	test.Tap(button(t, c, "Open a copy of the newest backup"))
	if calls != 1 {
		t.Fatalf("the restore was called %d times", calls)
	}
	assertShows(t, c, "That did not work either: the backup folder is not readable")
	button(t, c, "Open a copy of the newest backup") // enabled again: the coach can retry
}

func TestOpenErrorWindowWithoutBackup(t *testing.T) {
	a := test.NewTempApp(t)
	w := OpenErrorWindow(a, errors.New("no permission to read /srv/trainscope.db"), nil, nil)
	w.Show()
	defer w.Close()
	assertShows(t, w.Canvas(), "No permission to read /srv/trainscope.db")
	assertNotShown(t, w.Canvas(), "newest backup")
}

// The report's trend and radar overlay use earlier finished assessments
// only: a draft is work in progress, not a point in the train's history.
func TestReportHistoryLeavesDraftsOut(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	ctx := context.Background()
	trains, err := store.Trains(ctx)
	if err != nil || len(trains) != 1 {
		t.Fatalf("trains: %v, %v", trains, err)
	}
	tid := trains[0].Train.ID
	draft := &assessment.Assessment{TrainID: tid, Date: testDay.AddDate(0, 1, 0), PI: "PI draft", Assessor: "Coach", ChecklistVersion: ui.defs.Version}
	current := &assessment.Assessment{TrainID: tid, Date: testDay.AddDate(0, 2, 0), PI: "PI current", Assessor: "Coach", ChecklistVersion: ui.defs.Version}
	for _, a := range []*assessment.Assessment{draft, current} {
		if err := store.CreateAssessment(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	ri, err := ui.readReportInput(ctx, tid, current.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, _, _, sample := assessment.SampleHistory(testDay)
	if len(ri.in.History) != len(sample) || slices.ContainsFunc(ri.in.History, func(h report.HistoryPoint) bool { return h.Assessment.Status != assessment.Final }) {
		var got []string
		for _, h := range ri.in.History {
			got = append(got, h.Assessment.PI+" "+string(h.Assessment.Status))
		}
		t.Errorf("history %v, want only the sample's finished assessments", got)
	}
	if ri.in.Created.IsZero() || ri.in.Created.After(time.Now().Add(time.Hour)) {
		t.Errorf("the report's creation date %v should be now", ri.in.Created)
	}
}
