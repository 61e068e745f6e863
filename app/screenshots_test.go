package app

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/app/portfolio"
	"github.com/trainscope/trainscope/app/train"
	"github.com/trainscope/trainscope/assessment"
)

// TestScreenshots writes the README's pictures of the window,
// docs/screenshots/gui-*.png, from the sample train and a workshop, at
// 1280×800 and the main screens at 1024×768:
//
//	TRAINSCOPE_SCREENSHOTS=1 xvfb-run -a go test -tags migrated_fynedo ./app/ -run 'TestScreenshots|TestFollowUpsScreenshot'
//
// Look at each picture before committing it.
func TestScreenshots(t *testing.T) {
	if os.Getenv("TRAINSCOPE_SCREENSHOTS") == "" {
		t.Skip("only with TRAINSCOPE_SCREENSHOTS=1")
	}
	sampleTrain := func(t *testing.T, tab int) *UI {
		ui, store := newTestUI(t, withSample)
		trains, err := store.Trains(context.Background())
		if err != nil || len(trains) == 0 {
			t.Fatalf("trains: %v %v", trains, err)
		}
		ui.openTrain(trains[0].Train.ID)
		settle(ui)
		ui.top().(trainPage).SelectTab(tab)
		settle(ui)
		return ui
	}
	sampleResults := func(t *testing.T) *UI {
		ui, store := newTestUI(t, withSample)
		recent, err := store.RecentAssessments(context.Background(), 1)
		if err != nil || len(recent) != 1 {
			t.Fatalf("recent: %v %v", recent, err)
		}
		ui.openResults(recent[0].TrainID, recent[0].ID)
		settle(ui)
		return ui
	}
	big := defaultWindowSize
	for _, shot := range []struct {
		name  string
		size  fyne.Size
		scene func(*testing.T) *UI
	}{
		{"home", big, func(t *testing.T) *UI {
			ui, _ := newTestUI(t, withSample)
			ui.goHome()
			settle(ui)
			return ui
		}},
		{"home-1024", small, goldenHome},
		{"home-updating", big, func(t *testing.T) *UI {
			ui, _, _ := upgradedUI(t, 3)
			return ui
		}},
		{"portfolio", big, portfolioScene(nil)},
		{"portfolio-compare", big, portfolioScene(func(t *testing.T, ui *UI) {
			p := ui.portfolio
			p.SetFilters(portfolio.Filters{Group: "Retail banking"})
			settle(ui)
			for _, id := range p.RowIDs()[:3] {
				p.Toggle(id)
			}
			p.ShowComparison()
			settle(ui)
		})},
		{"portfolio-groups", big, portfolioScene(func(t *testing.T, ui *UI) {
			ui.portfolio.SetView(portfolio.ViewGroups)
			settle(ui)
		})},
		{"portfolio-1024", fyne.NewSize(1024, 768), portfolioScene(func(t *testing.T, ui *UI) {
			ui.portfolio.SortBy(assessment.ColumnScore)
			settle(ui)
		})},
		{"train", big, func(t *testing.T) *UI { return sampleTrain(t, train.TabAssessments) }},
		{"roster", big, goldenRoster},
		{"roster-1024", small, goldenRoster},
		{"register", big, func(t *testing.T) *UI { return sampleTrain(t, train.TabRegister) }},
		{"register-1024", small, func(t *testing.T) *UI { return sampleTrain(t, train.TabRegister) }},
		{"trend", big, func(t *testing.T) *UI { return sampleTrain(t, train.TabTrend) }},
		{"assessment", big, goldenChecklist},
		{"assessment-1024", small, goldenChecklist},
		{"followstep", big, followStepScene},
		{"followstep-1024", fyne.NewSize(1024, 768), followStepScene},
		{"results", big, sampleResults},
		{"results-1024", fyne.NewSize(1024, 768), sampleResults},
		{"workshop-voting", big, goldenWorkshop},
		{"workshop-reveal", big, func(t *testing.T) *UI {
			ui := goldenWorkshop(t)
			test.Tap(levels(t, ui).Choices()[4])
			settle(ui)
			tap(t, ui, "Reveal the votes")
			settle(ui)
			return ui
		}},
	} {
		t.Run(shot.name, func(t *testing.T) {
			ui := shot.scene(t)
			savePNG(t, laidOut(ui, shot.size), filepath.Join("..", "docs", "screenshots", "gui-"+shot.name+".png"))
		})
	}
}

// followStepScene is the "Since last PI" step of the sample train's next
// assessment, on its second follow-up after the first was marked done.
func followStepScene(t *testing.T) *UI {
	ui, store := newTestUI(t, withSample)
	a := followedUpAssessment(t, store, ui.defs, 1)
	ui.openAssessment(a.TrainID, a.ID)
	settle(ui)
	pressRune(t, ui, '1')
	pressKey(t, ui, fyne.KeyDown)
	return ui
}

// portfolioScene is the home screen's portfolio of a LACE's trains: the
// sample portfolio's SAFe and Scrum@Scale trains in three groups, assessed
// by three coaches; then does what the picture shows.
func portfolioScene(then func(*testing.T, *UI)) func(*testing.T) *UI {
	return func(t *testing.T) *UI {
		ui, _ := newTestUI(t, withSample)
		ui.goHome()
		ui.home.ShowPortfolio()
		settle(ui)
		trains := assessment.SamplePortfolio(ui.defs, testDay, 14)
		groups := map[string]bool{}
		for _, tr := range trains {
			groups[tr.Train.Group] = true
		}
		ui.portfolio.Set(trains, slices.Sorted(maps.Keys(groups)), nil)
		settle(ui)
		if then != nil {
			then(t, ui)
		}
		return ui
	}
}

// savePNG writes a picture for the documentation.
func savePNG(t *testing.T, img image.Image, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(fmt.Errorf("writing %s: %w", path, err))
	}
}

// TestFollowUpsScreenshot writes docs/screenshots/gui-followups.png: the
// results' follow-ups of a new assessment of the sample train, in the app's
// theme. It runs with TestScreenshots.
func TestFollowUpsScreenshot(t *testing.T) {
	if os.Getenv("TRAINSCOPE_SCREENSHOTS") == "" {
		t.Skip("only with TRAINSCOPE_SCREENSHOTS=1")
	}
	ui, store := newTestUI(t, withSample)
	a := screentest.FollowedUpAssessment(t, store, ui.defs, 1)
	ui.openResults(a.TrainID, a.ID)
	settle(ui)
	w := test.NewWindow(ui.top().(resultsPage).FollowUps())
	w.Resize(fyne.NewSize(1100, w.Content().MinSize().Height+8))
	savePNG(t, w.Canvas().Capture(), filepath.Join("..", "docs", "screenshots", "gui-followups.png"))
	w.Close()
}
