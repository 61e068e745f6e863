package widgets

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TextCell is one cell of a table's row: a line of text, cut with an
// ellipsis when its column is narrower than the text, as a truncated label
// is. It costs far less than a label: one canvas.Text, measured once per
// text and width (the driver keeps text sizes), where a truncated label
// shapes its text again at every layout. Long rows of cells, a register
// of hundreds of impediments, are what it is for.
type TextCell struct {
	widget.BaseWidget
	Text string
	Bold bool
}

// NewTextCell is a cell showing text; bold for the row's title and a
// table's header.
func NewTextCell(text string, bold bool) *TextCell {
	c := &TextCell{Text: text, Bold: bold}
	c.ExtendBaseWidget(c)
	return c
}

// SetText shows another text.
func (c *TextCell) SetText(s string) {
	if c.Text == s {
		return
	}
	c.Text = s
	c.Refresh()
}

// Shown is the text as drawn at the cell's present width: the whole text,
// or its start and an ellipsis.
func (c *TextCell) Shown() string { return c.fitted(c.Size().Width) }

// TextWidth is the width the cell needs to show its whole text.
func (c *TextCell) TextWidth() float32 { return CellWidth(c.Text, c.Bold) }

// CellWidth is the width a TextCell needs to show text whole, its padding
// included.
func CellWidth(text string, bold bool) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width + 2*theme.InnerPadding()
}

func (c *TextCell) style() fyne.TextStyle { return fyne.TextStyle{Bold: c.Bold} }

// fitted is the text cut to width (the cell's, its padding included).
func (c *TextCell) fitted(width float32) string {
	th := c.Theme()
	return cutToWidth(c.Text, width-2*th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNameText), c.style())
}

// cutToWidth is s when it fits in width, else the longest start of s that
// fits with an ellipsis after it.
func cutToWidth(s string, width, size float32, style fyne.TextStyle) string {
	if s == "" || fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	k := fitKey{s, width, size, style}
	if v, ok := fitCache.Load(k); ok {
		return v.(string)
	}
	r := []rune(s)
	lo, hi := 0, len(r)-1 // the longest prefix that fits is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	out := string(r[:lo]) + "…"
	if lo == 0 {
		out = "…"
	}
	fitCache.Store(k, out)
	return out
}

type fitKey struct {
	s     string
	width float32
	size  float32
	style fyne.TextStyle
}

// fitCache keeps the texts cut, by text and width: a list reuses its rows
// and lays them out again at each scroll.
var fitCache sync.Map // fitKey -> string

// CreateRenderer draws the text.
func (c *TextCell) CreateRenderer() fyne.WidgetRenderer {
	r := &textCellRenderer{c: c, text: canvas.NewText("", nil)}
	r.Refresh()
	return r
}

type textCellRenderer struct {
	c    *TextCell
	text *canvas.Text
}

func (r *textCellRenderer) Layout(size fyne.Size) {
	r.text.Text = r.c.fitted(size.Width)
	h := r.text.MinSize().Height
	p := r.c.Theme().Size(theme.SizeNameInnerPadding)
	r.text.Move(fyne.NewPos(p, (size.Height-h)/2))
	r.text.Resize(fyne.NewSize(max(size.Width-2*p, 0), h))
}

// MinSize is a line of text's height and an ellipsis's width, with the
// padding of a label.
func (r *textCellRenderer) MinSize() fyne.Size {
	th := r.c.Theme()
	m := fyne.MeasureText("…", th.Size(theme.SizeNameText), r.c.style())
	p := th.Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(m.Width+2*p, m.Height+2*p)
}

func (r *textCellRenderer) Refresh() {
	th := r.c.Theme()
	r.text.Color = th.Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.text.TextStyle = r.c.style()
	r.Layout(r.c.Size())
	r.text.Refresh()
}

func (r *textCellRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.text} }
func (r *textCellRenderer) Destroy()                     {}

// TableColumns lays out a table's header and each of its rows alike, so
// their cells line up: every row shares the one TableColumns. A fitted
// column is as wide as Fit was told its widest text is; a column with a
// share divides what the fitted ones leave with the other shared columns;
// a column with a share of 0 takes its cell's own width (a row's
// buttons). When the shared columns would get less than Min between them,
// the columns in Drop, in order, give up their room and hide.
type TableColumns struct {
	// Shares are the columns' shares of the width left; 0: the cell's own
	// width; Fitted: the width Fit gives.
	Shares []float32
	// Min is the least width the shared columns need between them before
	// a column is dropped.
	Min float32
	// Drop are the columns that go, in this order, when the window is too
	// narrow for all of them.
	Drop []int

	mu     sync.Mutex
	fitted map[int]float32
	hidden map[int]bool // the columns dropped at the last layout
}

// Fitted is the share of a column as wide as its widest text.
const Fitted = -1

// Fit sets the width of fitted column i: its widest text, padding
// included (CellWidth).
func (tc *TableColumns) Fit(i int, width float32) {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	if tc.fitted == nil {
		tc.fitted = map[int]float32{}
	}
	tc.fitted[i] = width
}

// Dropped says whether column i is left out at the width last laid out.
func (tc *TableColumns) Dropped(i int) bool {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	return tc.hidden[i]
}

// Row is a table's row of cells laid out by these columns.
func (tc *TableColumns) Row(cells ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: tc, Objects: cells}
}

func (tc *TableColumns) share(i int) float32 {
	if i < len(tc.Shares) {
		return tc.Shares[i]
	}
	return 1
}

// widths is each column's width at a row's width, and which columns are
// dropped.
func (tc *TableColumns) widths(objs []fyne.CanvasObject, width float32) ([]float32, map[int]bool) {
	pad := theme.Padding()
	tc.mu.Lock()
	defer tc.mu.Unlock()
	hidden := map[int]bool{}
	var ws []float32
	for dropped := 0; ; dropped++ {
		ws = make([]float32, len(objs))
		var total, used float32
		for i, o := range objs {
			if hidden[i] {
				continue
			}
			switch s := tc.share(i); {
			case s == Fitted:
				ws[i] = tc.fitted[i]
				used += ws[i] + pad
			case s > 0:
				total += s
				used += pad
			default:
				ws[i] = o.MinSize().Width
				used += ws[i] + pad
			}
		}
		free := max(width-used, 0)
		if free < tc.Min && dropped < len(tc.Drop) {
			hidden[tc.Drop[dropped]] = true
			continue
		}
		for i := range objs {
			if s := tc.share(i); s > 0 && !hidden[i] {
				ws[i] = free * s / total
			}
		}
		tc.hidden = hidden
		return ws, hidden
	}
}

// Layout places the cells of one row; a row of no width yet is left as it
// is, so it does not count as the width that drops columns.
func (tc *TableColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width <= 0 {
		return
	}
	ws, hidden := tc.widths(objs, size.Width)
	x := float32(0)
	for i, o := range objs {
		if hidden[i] {
			o.Hide()
			continue
		}
		if !o.Visible() {
			o.Show()
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(ws[i], size.Height))
		x += ws[i] + theme.Padding()
	}
}

// MinSize is the height of the row's tallest cell; the row takes any
// width, its cells cut.
func (tc *TableColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h, w float32
	for i, o := range objs {
		ms := o.MinSize()
		h = max(h, ms.Height)
		if tc.share(i) == 0 {
			w += ms.Width + theme.Padding()
		}
	}
	return fyne.NewSize(w, h)
}
