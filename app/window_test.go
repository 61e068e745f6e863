package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/assessment"
)

// TestFitSize: a window remembered from a big screen fits a small one,
// with room for its title bar; one that fits is left as the coach sized it.
func TestFitSize(t *testing.T) {
	for _, tc := range []struct {
		name       string
		want, area fyne.Size
		got        fyne.Size
	}{
		{"saved on 1920×1200, opened on 1024×768", fyne.NewSize(1920, 1200), fyne.NewSize(1024, 768), fyne.NewSize(1024-screenMarginWidth, 768-screenMarginHeight)},
		{"the default size on 1024×768 less a panel", defaultWindowSize, fyne.NewSize(1024, 740), fyne.NewSize(1024-screenMarginWidth, 740-screenMarginHeight)},
		{"fits", fyne.NewSize(1100, 700), fyne.NewSize(1920, 1080), fyne.NewSize(1100, 700)},
		{"only too tall", fyne.NewSize(1200, 1000), fyne.NewSize(1920, 1040), fyne.NewSize(1200, 1040-screenMarginHeight)},
		{"only too wide", fyne.NewSize(2500, 700), fyne.NewSize(1920, 1040), fyne.NewSize(1920-screenMarginWidth, 700)},
		{"a tiny screen: all of it, not less", fyne.NewSize(1280, 800), fyne.NewSize(600, 500), fyne.NewSize(600, 480)},
		{"unknown screen", fyne.NewSize(1920, 1200), fyne.Size{}, fyne.NewSize(1920, 1200)},
	} {
		if got := fitSize(tc.want, tc.area); got != tc.got {
			t.Errorf("%s: fitSize(%v, %v) = %v, want %v", tc.name, tc.want, tc.area, got, tc.got)
		}
	}
}

// TestFitScreenResizesTheWindow: a size saved on a big screen is made to
// fit the screen the window opens on; the size that fits stays.
func TestFitScreenResizesTheWindow(t *testing.T) {
	ui, _ := newTestUI(t)
	ui.win.Resize(fyne.NewSize(1920, 1200))
	var scale float32
	ui.fitScreen(func(s float32) fyne.Size { scale = s; return fyne.NewSize(1024, 768) })
	if scale != ui.win.Canvas().Scale() {
		t.Errorf("the screen was read at scale %v, the window's is %v", scale, ui.win.Canvas().Scale())
	}
	want := fyne.NewSize(1024-screenMarginWidth, 768-screenMarginHeight)
	if got := ui.win.Canvas().Size(); got != want {
		t.Errorf("window on a 1024×768 screen: %v, want %v", got, want)
	}
	ui.win.Resize(fyne.NewSize(900, 600))
	ui.fitScreen(func(float32) fyne.Size { return fyne.NewSize(1024, 768) })
	if got := ui.win.Canvas().Size(); got != fyne.NewSize(900, 600) {
		t.Errorf("a window that fits was resized to %v", got)
	}
}

// The window's tests read dates in one order, whatever the machine's
// locale, so that what they expect on screen and the golden images hold
// everywhere; TestDatesInTheLocalesOrder changes it on purpose.
func init() { systemLocale = func() fyne.Locale { return "en-GB" } }

// TestDatesInTheLocalesOrder: the window writes dates in the order of the
// coach's locale, as the system reports it.
func TestDatesInTheLocalesOrder(t *testing.T) {
	systemLocale = func() fyne.Locale { return "en-US" }
	t.Cleanup(func() {
		systemLocale = func() fyne.Locale { return "en-GB" }
		assessment.SetDateLocale("en-GB")
	})
	ui, _ := newTestUI(t, withSample)
	ui.goHome()
	settle(ui)
	us := testDay.Format("Jan 2, 2006")
	assertShows(t, ui.win.Canvas(), us)
	assertNotShown(t, ui.win.Canvas(), testDay.Format("2 Jan 2006"))
	if got := assessment.DateText(testDay); got != us {
		t.Errorf("the report writes %q, the screen %q", got, us)
	}
}

// TestScreensFitA1024Screen: on a 1024×768 screen the window is 1024 less
// the margins wide (fitScreen), and no screen may need more: a wider
// screen's right edge (the portfolio's last filter, its Gather button)
// was cut off. Each screen of the sample train, with every tab's content
// counted, as a tab container asks for its widest tab.
func TestScreensFitA1024Screen(t *testing.T) {
	ui, store := newTestUI(t)
	trainID, finished, err := store.AddSample(context.Background(), testDay)
	if err != nil {
		t.Fatal(err)
	}
	settle(ui)
	widest := float32(1024 - screenMarginWidth)
	for _, c := range []struct {
		name  string
		route *host.Route
	}{
		{"home", nil},
		{"the portfolio", nil},
		{"the train", ptr(host.Train(trainID))},
		{"the checklists", ptr(host.Checklists(trainID, finished))},
		{"the results", ptr(host.Results(trainID, finished))},
	} {
		if c.route == nil {
			ui.goHome()
			if c.name == "the portfolio" {
				ui.home.ShowPortfolio()
			}
		} else {
			ui.Open(*c.route)
		}
		settle(ui)
		w := ui.win.Content().MinSize().Width
		t.Logf("%s (%s): %.0f px", c.name, ui.top().title(), w)
		if w > widest {
			t.Errorf("%s needs %.0f px, wider than the %.0f a 1024×768 screen gives", c.name, w, widest)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// TestPortfolioBuiltWhenFirstShown: home starts without building the
// portfolio (its table, filters and findings were laid out at every start
// for a tab most starts never open); the tab builds it when it first
// shows, and shows it from then on.
func TestPortfolioBuiltWhenFirstShown(t *testing.T) {
	ui, _ := newTestUI(t, withSample)
	settle(ui)
	if ui.portfolio != nil {
		t.Fatal("the portfolio was built at start")
	}
	ui.home.ShowPortfolio()
	settle(ui)
	if ui.portfolio == nil {
		t.Fatal("showing the portfolio tab did not build it")
	}
	assertShows(t, ui.win.Canvas(), "Gather bundles…")
	ui.home.ShowTrains()
	ui.home.ShowPortfolio()
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Gather bundles…")
}
