package portfolio

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/trainscope/trainscope/app/widgets"
)

// The heatmap's and the roll-up's cells are light: a fill and one line of
// canvas text in a container with cellLayout, no label widget. A table of
// 500 rows only lays out the rows it shows and reuses them as it scrolls;
// what is left to make each cell cheap is the text, which is cut to its
// column once per text and width (fitter), not measured again at every
// refresh as a truncating label does.

// newCell is a table cell: its fill, then its text.
func newCell() fyne.CanvasObject {
	t := canvas.NewText("", widgets.ThemeColor(theme.ColorNameForeground))
	return container.New(cellLayout{}, canvas.NewRectangle(color.Transparent), t)
}

// setCell shows text in a cell of newCell, cut to width, over fill.
func (f *fitter) setCell(o fyne.CanvasObject, text string, width float32, style fyne.TextStyle, fill color.Color) {
	c := o.(*fyne.Container)
	bg, t := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*canvas.Text)
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	text = f.fit(text, width, style)
	fg := widgets.ThemeColor(theme.ColorNameForeground)
	if t.Text != text || t.TextStyle != style || t.Color != fg {
		t.Text, t.TextStyle, t.Color = text, style, fg
		t.TextSize = theme.TextSize()
		t.Refresh()
	}
}

// cellLayout fills the cell with its first object and sets its text in
// from the left by the theme's inner padding, in the middle of the row.
type cellLayout struct{}

func (cellLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
	pad := theme.InnerPadding()
	h := objs[1].MinSize().Height
	objs[1].Move(fyne.NewPos(pad, (size.Height-h)/2))
	objs[1].Resize(fyne.NewSize(max(0, size.Width-2*pad), h))
}

// MinSize is a label's: one line of text and the inner padding around it.
func (cellLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.InnerPadding()
	line := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{})
	return fyne.NewSize(line.Width+2*pad, line.Height+2*pad)
}

// fitter cuts texts to a column's width with an ellipsis, measuring each
// text once per width and style.
type fitter struct {
	fitted map[fitKey]string
}

type fitKey struct {
	text  string
	width float32
	size  float32
	style fyne.TextStyle
}

// maxFitted bounds what the fitter keeps: far more than the cells of a
// large portfolio's columns.
const maxFitted = 50_000

// fit is text as it fits in a cell of width: whole, or cut with "…".
func (f *fitter) fit(text string, width float32, style fyne.TextStyle) string {
	size := theme.TextSize()
	k := fitKey{text, width, size, style}
	if out, ok := f.fitted[k]; ok {
		return out
	}
	if f.fitted == nil || len(f.fitted) >= maxFitted {
		f.fitted = map[fitKey]string{}
	}
	out := fitText(text, width-2*theme.InnerPadding(), size, style)
	f.fitted[k] = out
	return out
}

// fitText is the longest start of text that fits avail with "…" after
// it, or text when it fits whole.
func fitText(text string, avail, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(text, size, style).Width <= avail {
		return text
	}
	runes := []rune(text)
	lo, hi := 0, len(runes) // runes[:lo]+"…" fits; runes[:hi]+"…" does not (or hi is all)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= avail {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return "…"
	}
	return string(runes[:lo]) + "…"
}
