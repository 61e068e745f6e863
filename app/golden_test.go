package app

// Golden images of what the coach sees. When a change to the screen is
// intended, look at the images the failing test wrote to testdata/failed/,
// then refresh the masters with
//
//	go test -tags migrated_fynedo ./app/ -run Golden -update
//
// (or copy testdata/failed/*.png over testdata/) and review the diff of the
// PNGs before committing.

import (
	"context"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/widgets"
)

func TestGoldenRadar(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(trainscopeTheme{})
	chart := widgets.NewRadarChart()
	w := test.NewTempWindow(t, chart)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(520, 400))
	chart.SetData(
		[]string{"Cross-team coordination", "Impediment flow", "Continuous improvement",
			"Roles and accountability", "Integrated delivery", "Leadership and escalation"},
		[]float64{72, 45, 60, math.NaN(), 88, 30},
		[]float64{50, 50, 40, 65, 70, 35},
	)
	assertGolden(t, "radar.png", w.Canvas().Capture())
}

func TestGoldenResults(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	recent, err := store.RecentAssessments(context.Background(), 1)
	if err != nil || len(recent) != 1 {
		t.Fatalf("recent: %v %v", recent, err)
	}
	ui.openResults(recent[0].TrainID, recent[0].ID)
	settle(ui)
	assertGolden(t, "results.png", ui.win.Canvas().Capture())
}
