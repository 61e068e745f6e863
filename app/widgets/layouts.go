package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// columnsLayout lays its cells side by side, each taking a fixed share of
// the width, so the rows of a list line up with its header. A cell with a
// share of 0 gets its own minimum width (a row's buttons), and the others
// share what is left. A column may also have a least width (mins): it
// never gets less while the others can give up room, so a short column
// such as "Score" stays readable in a narrow window and the wide ones
// (names) are the ones that end in an ellipsis.
type columnsLayout struct{ shares, mins []float32 }

func newColumns(shares ...float32) *columnsLayout { return &columnsLayout{shares: shares} }

func (l *columnsLayout) share(i int) float32 {
	if i < len(l.shares) {
		return l.shares[i]
	}
	return 1
}

func (l *columnsLayout) least(i int) float32 {
	if i < len(l.mins) {
		return l.mins[i]
	}
	return 0
}

// widths is each cell's width, padding included.
func (l *columnsLayout) widths(objs []fyne.CanvasObject, width float32) []float32 {
	pad := theme.Padding()
	ws := make([]float32, len(objs))
	free := width
	shared := make([]bool, len(objs))
	for i, o := range objs {
		if l.share(i) > 0 {
			shared[i] = true
		} else {
			ws[i] = o.MinSize().Width + pad
			free -= ws[i]
		}
	}
	free = max(free, 0)
	// Give each shared column its share; one that falls below its least
	// width gets that, and the rest share what remains, until none is short.
	fixed := make([]bool, len(objs))
	for {
		var total, left float32 = 0, free
		for i := range objs {
			if !shared[i] {
				continue
			}
			if fixed[i] {
				left -= ws[i]
			} else {
				total += l.share(i)
			}
		}
		left = max(left, 0)
		short := false
		for i := range objs {
			if !shared[i] || fixed[i] {
				continue
			}
			ws[i] = left * l.share(i) / total
			if least := l.least(i) + pad; ws[i] < least {
				ws[i], fixed[i], short = least, true, true
			}
		}
		if !short || total == 0 {
			return ws
		}
	}
}

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	x := float32(0)
	for i, w := range l.widths(objs, size.Width) {
		objs[i].Move(fyne.NewPos(x, 0))
		objs[i].Resize(fyne.NewSize(max(w-pad, 0), size.Height))
		x += w
	}
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h, w float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		ms := o.MinSize()
		h = max(h, ms.Height)
		w += ms.Width + theme.Padding()
	}
	return fyne.NewSize(w, h)
}

// Gap is an empty cell as wide as another object, for the header over a
// column of buttons.
func Gap(like fyne.CanvasObject) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(like.MinSize().Width, 1))
	return r
}

// Row puts objects into columns with the given shares.
func Row(shares []float32, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(newColumns(shares...), objs...)
}

// RowAtLeast is Row whose columns keep at least the widths given (0: none),
// for tables whose short columns must stay readable in a narrow window:
// the header and every row must be given the same shares and widths.
func RowAtLeast(shares, mins []float32, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&columnsLayout{shares: shares, mins: mins}, objs...)
}

// TextWidth is the width a label needs to show text whole, its padding
// included: the least width of a column that must not be cut. It has a
// pixel to spare, as a label given exactly its text's width may still end
// in an ellipsis when the painter rounds.
func TextWidth(text string, style fyne.TextStyle) float32 {
	return fyne.MeasureText(text, theme.TextSize(), style).Width + 2*theme.InnerPadding() + 1
}

// minWidthLayout gives its content at least a width, for side panels.
type minWidthLayout struct{ width float32 }

func (l minWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l minWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	s.Width = max(s.Width, l.width)
	return s
}

// WithWidth wraps content so it is at least width wide.
func WithWidth(width float32, content fyne.CanvasObject) *fyne.Container {
	return container.New(minWidthLayout{width: width}, content)
}

// Panel is content on a subtle rounded background, to group a section.
func Panel(content fyne.CanvasObject) *fyne.Container {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = theme.InputRadiusSize() * 2
	return container.NewStack(
		NewThemed(bg, func() { bg.FillColor = ThemeColor(theme.ColorNameInputBackground) }),
		container.NewPadded(content))
}

// Badge is a short, coloured piece of text: a status, a priority.
func Badge(text string, fill fyne.ThemeColorName) fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = 6
	t := canvas.NewText(text, color.Black)
	t.TextStyle.Bold = true
	t.TextSize = theme.CaptionTextSize() + 1
	return NewThemed(container.NewStack(bg, Inset(8, 3, t)), func() {
		bg.FillColor = WithAlpha(ThemeColor(fill), 0x38)
		t.Color = ThemeColor(theme.ColorNameForeground)
	})
}

// insetLayout pads its content by fixed amounts, tighter than theme padding.
type insetLayout struct{ h, v float32 }

func (l *insetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.h, l.v))
		o.Resize(fyne.NewSize(size.Width-2*l.h, size.Height-2*l.v))
	}
}

func (l *insetLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.AddWidthHeight(2*l.h, 2*l.v)
}

// Inset pads content by h on the left and right and v above and below.
func Inset(h, v float32, content fyne.CanvasObject) *fyne.Container {
	return container.New(&insetLayout{h: h, v: v}, content)
}
