package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestTextCellCutsToItsWidth: a cell shows its whole text when it has the
// room, else the longest start that fits with an ellipsis, never wider
// than the cell; what it draws is what Shown says.
func TestTextCellCutsToItsWidth(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	const text = "Shared test environment down twice a week"
	c := NewTextCell(text, true)
	w := a.NewWindow("cells")
	w.SetContent(&fyne.Container{Objects: []fyne.CanvasObject{c}})
	drawn := func() string { return test.WidgetRenderer(c).Objects()[0].(*canvas.Text).Text }

	c.Resize(fyne.NewSize(c.TextWidth(), c.MinSize().Height))
	if c.Shown() != text || drawn() != text {
		t.Errorf("at its text's width the cell shows %q and draws %q", c.Shown(), drawn())
	}
	for _, width := range []float32{c.TextWidth() - 1, 200, 80, c.MinSize().Width} {
		c.Resize(fyne.NewSize(width, c.MinSize().Height))
		shown := c.Shown()
		start := strings.TrimSuffix(shown, "…")
		if shown == text || !strings.HasSuffix(shown, "…") || !strings.HasPrefix(text, start) {
			t.Errorf("%.0f wide: shows %q, want a start of the text and an ellipsis", width, shown)
		}
		if got := CellWidth(shown, true); got > width {
			t.Errorf("%.0f wide: %q needs %.0f", width, shown, got)
		}
		if drawn() != shown {
			t.Errorf("%.0f wide: draws %q, says it shows %q", width, drawn(), shown)
		}
		// One more letter would not fit.
		if next := []rune(text)[:len([]rune(start))+1]; CellWidth(string(next)+"…", true) <= width {
			t.Errorf("%.0f wide: %q is cut shorter than it needs", width, shown)
		}
	}
	c.Resize(fyne.NewSize(200, c.MinSize().Height))
	c.SetText("Short")
	if c.Shown() != "Short" || drawn() != "Short" {
		t.Errorf("a short text shows as %q, draws %q", c.Shown(), drawn())
	}
}

// TestTableColumnsFitShareAndDrop: fitted columns get their width, shared
// ones divide the rest, the buttons' column its own width; when the
// shared ones would get less than Min, the Drop columns go in order and
// hide.
func TestTableColumnsFitShareAndDrop(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme())
	tc := &TableColumns{Shares: []float32{2, Fitted, 1, Fitted, 0}, Min: 300, Drop: []int{3}}
	tc.Fit(1, 100)
	tc.Fit(3, 150)
	button := canvas.NewRectangle(nil)
	button.SetMinSize(fyne.NewSize(50, 30))
	cells := []fyne.CanvasObject{NewTextCell("a", true), NewTextCell("b", false), NewTextCell("c", false), NewTextCell("d", false), button}
	row := tc.Row(cells...)
	pad := theme.Padding()

	row.Resize(fyne.NewSize(700+5*pad, 30))
	free := float32(700 - 100 - 150 - 50)
	want := []float32{free * 2 / 3, 100, free / 3, 150, 50}
	for i, o := range cells {
		if !o.Visible() || o.Size().Width != want[i] {
			t.Errorf("700 wide: column %d is %.1f wide (shown %v), want %.1f", i, o.Size().Width, o.Visible(), want[i])
		}
	}
	if tc.Dropped(3) {
		t.Error("700 wide: column 3 dropped with room for it")
	}
	if x := cells[4].Position().X; x != 700-50+4*pad {
		t.Errorf("700 wide: the buttons start at %.1f", x)
	}

	row.Resize(fyne.NewSize(550+5*pad, 30)) // 250 left for the shared ones with column 3
	if !tc.Dropped(3) || cells[3].Visible() {
		t.Fatalf("550 wide: column 3 kept (%v, shown %v)", tc.Dropped(3), cells[3].Visible())
	}
	free = 550 - 100 - 50 + pad // column 3's padding given back
	if got := cells[0].Size().Width + cells[2].Size().Width; got != free {
		t.Errorf("550 wide: the shared columns get %.1f, want %.1f", got, free)
	}

	row.Resize(fyne.NewSize(700+5*pad, 30))
	if tc.Dropped(3) || !cells[3].Visible() {
		t.Error("700 wide again: column 3 still left out")
	}
}
