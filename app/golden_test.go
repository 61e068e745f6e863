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
	"image"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/train"
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

// goldenChecklist is a fresh assessment's checklist at its first item.
func goldenChecklist(t *testing.T) *UI {
	ui, _ := newTestUI(t)
	startAssessment(t, ui, "Ορίζων ART")
	return ui
}

// goldenRoster is the sample train's roster, with its role gaps.
func goldenRoster(t *testing.T) *UI {
	ui, store := newTestUI(t, withSample)
	trains, err := store.Trains(context.Background())
	if err != nil || len(trains) == 0 {
		t.Fatalf("trains: %v %v", trains, err)
	}
	ui.openTrain(trains[0].Train.ID)
	settle(ui)
	ui.top().(trainPage).SelectTab(train.TabRoster)
	settle(ui)
	return ui
}

// goldenWorkshop is a workshop with three people in the room, two of whom
// have voted on the first item.
func goldenWorkshop(t *testing.T) *UI {
	ui, _ := newTestUI(t)
	startWorkshop(t, ui, "Workshop ART", false)
	addParticipant(t, ui, "Ana Souza", "Scrum Master")
	addParticipant(t, ui, "Björn Åström", "Product Owner")
	addParticipant(t, ui, "Chen Wei", "Developer")
	test.Tap(levels(t, ui).Choices()[1])
	settle(ui)
	test.Tap(levels(t, ui).Choices()[3])
	settle(ui)
	return ui
}

// laidOut is the window's picture once every container has been laid out
// again at size: the test driver lays out on resize, not when content
// changes under a container, as a real window does on its next frame.
func laidOut(ui *UI, size fyne.Size) image.Image {
	ui.win.Resize(size.AddWidthHeight(1, 1))
	ui.win.Resize(size)
	settle(ui)
	return ui.win.Canvas().Capture()
}

func TestGoldenChecklist(t *testing.T) {
	assertGolden(t, "checklist.png", laidOut(goldenChecklist(t), defaultWindowSize))
}

func TestGoldenRoster(t *testing.T) {
	assertGolden(t, "roster.png", laidOut(goldenRoster(t), defaultWindowSize))
}

func TestGoldenWorkshop(t *testing.T) {
	assertGolden(t, "workshop.png", laidOut(goldenWorkshop(t), defaultWindowSize))
}

// small is the smallest screen the app is made for.
var small = fyne.NewSize(1024, 768)

// goldenHome is the home screen with the sample train.
func goldenHome(t *testing.T) *UI {
	ui, _ := newTestUI(t, withSample)
	ui.goHome()
	settle(ui)
	return ui
}

// goldenResults is the sample's finished assessment's results.
func goldenResults(t *testing.T) *UI {
	ui, store := newTestUI(t, withSample)
	recent, err := store.RecentAssessments(context.Background(), 1)
	if err != nil || len(recent) != 1 {
		t.Fatalf("recent: %v %v", recent, err)
	}
	ui.openResults(recent[0].TrainID, recent[0].ID)
	settle(ui)
	return ui
}

// TestGoldenSmallScreen: the home, roster, checklist and results screens
// on a 1024×768 screen, where nothing may be cut.
func TestGoldenSmallScreen(t *testing.T) {
	for _, g := range []struct {
		name  string
		scene func(*testing.T) *UI
	}{
		{"home-1024.png", goldenHome},
		{"roster-1024.png", goldenRoster},
		{"checklist-1024.png", goldenChecklist},
		{"results-1024.png", goldenResults},
	} {
		t.Run(g.name, func(t *testing.T) {
			assertGolden(t, g.name, laidOut(g.scene(t), small))
		})
	}
}
