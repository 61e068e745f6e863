package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestRowAtLeastKeepsShortColumns: columns share the width by their
// shares; one whose share falls below its least width gets that width and
// the others share what is left, so in a narrow row the wide column gives
// up room first; in a wide row the shares hold as they are.
func TestRowAtLeastKeepsShortColumns(t *testing.T) {
	test.NewTempApp(t)
	pad := theme.Padding()
	cells := func() []fyne.CanvasObject {
		return []fyne.CanvasObject{canvas.NewRectangle(nil), canvas.NewRectangle(nil), canvas.NewRectangle(nil)}
	}
	widths := func(row *fyne.Container, w float32) []float32 {
		row.Resize(fyne.NewSize(w, 20))
		var out []float32
		for _, o := range row.Objects {
			out = append(out, o.Size().Width+pad)
		}
		return out
	}
	near := func(a, b float32) bool { return a-b < 0.01 && b-a < 0.01 }

	// Wide: 1000 by 50/25/25, no least width binds.
	got := widths(RowAtLeast([]float32{50, 25, 25}, []float32{0, 100, 100}, cells()...), 1000)
	if !near(got[0], 500) || !near(got[1], 250) || !near(got[2], 250) {
		t.Errorf("wide row: widths %v, want 500 250 250", got)
	}
	// Narrow: 400 by shares would give 100 each to the short ones (below
	// their least 150 − padding); they keep theirs, the first takes the rest.
	got = widths(RowAtLeast([]float32{50, 25, 25}, []float32{0, 150 - pad, 150 - pad}, cells()...), 400)
	if !near(got[1], 150) || !near(got[2], 150) || !near(got[0], 100) {
		t.Errorf("narrow row: widths %v, want 100 150 150", got)
	}
	// Too narrow for the least widths: they still hold, the first gets none.
	got = widths(RowAtLeast([]float32{50, 25, 25}, []float32{0, 150 - pad, 150 - pad}, cells()...), 200)
	if got[0] > pad+0.01 || !near(got[1], 150) {
		t.Errorf("too narrow a row: widths %v, want the short columns whole", got)
	}
	// Row without least widths is by shares alone.
	got = widths(Row([]float32{50, 25, 25}, cells()...), 400)
	if !near(got[0], 200) || !near(got[1], 100) {
		t.Errorf("plain row: widths %v, want 200 100 100", got)
	}
}
