package widgets

import (
	"fmt"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Steady holds a tab's content and keeps it from being redrawn for
// nothing: container.AppTabs refreshes the content of every tab each time
// the coach switches tabs, which on a big train redrew the whole roster
// and register (every label shaped again, every icon recoloured) while
// nothing in them had changed. A refresh from outside reaches the content
// only when the theme differs from the one it was last drawn in; what
// changes inside the content refreshes itself as before.
type Steady struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

// NewSteady holds content.
func NewSteady(content fyne.CanvasObject) *Steady {
	s := &Steady{content: content}
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer draws the content, filling the widget.
func (s *Steady) CreateRenderer() fyne.WidgetRenderer {
	return &steadyRenderer{s: s, drawn: themeKeyOf(s)}
}

type steadyRenderer struct {
	s     *Steady
	drawn themeKey // the theme the content was last refreshed in
}

func (r *steadyRenderer) Layout(size fyne.Size) {
	r.s.content.Move(fyne.NewPos(0, 0))
	r.s.content.Resize(size)
}
func (r *steadyRenderer) MinSize() fyne.Size           { return r.s.content.MinSize() }
func (r *steadyRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.s.content} }
func (r *steadyRenderer) Destroy()                     {}

func (r *steadyRenderer) Refresh() {
	if k := themeKeyOf(r.s); k != r.drawn {
		r.drawn = k
		r.s.content.Refresh()
	}
}

// themeKey tells one theme from another by what the content is drawn
// with: the colours of the variant shown and the text size.
type themeKey struct {
	fg, bg, primary, disabled color.RGBA
	text                      float32
}

func themeKeyOf(o fyne.Widget) themeKey {
	th := theme.CurrentForWidget(o)
	v := fyne.CurrentApp().Settings().ThemeVariant()
	rgba := func(n fyne.ThemeColorName) color.RGBA {
		r, g, b, a := th.Color(n, v).RGBA()
		return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	}
	return themeKey{rgba(theme.ColorNameForeground), rgba(theme.ColorNameBackground),
		rgba(theme.ColorNamePrimary), rgba(theme.ColorNameDisabled), th.Size(theme.SizeNameText)}
}

// Icon is a theme's icon recoloured once per colour rather than at every
// refresh: Fyne decodes, recolours and encodes a themed SVG each time an
// image showing it is refreshed, which on a list of people with two icon
// buttons each was a fifth of opening a big train. The icon follows the
// theme: its colour is looked up each time it is drawn, and a colour seen
// before costs a map look-up. Only for icons drawn in their own colour, on
// buttons of low or medium importance.
func Icon(res fyne.Resource) fyne.Resource {
	if tr, ok := res.(*theme.ThemedResource); ok {
		return cachedIcon{tr}
	}
	return res
}

type cachedIcon struct{ src *theme.ThemedResource }

type iconKey struct {
	name string
	col  color.RGBA
}

var iconCache sync.Map // iconKey -> []byte

func (c cachedIcon) key() iconKey {
	r, g, b, a := theme.Color(c.src.ThemeColorName()).RGBA()
	return iconKey{c.src.Name(), color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}}
}

// Name differs by colour, so a painter that keeps images by name never
// draws a dark theme's icon in a light one.
func (c cachedIcon) Name() string {
	k := c.key()
	return fmt.Sprintf("%s_%02x%02x%02x%02x.svg", k.name, k.col.R, k.col.G, k.col.B, k.col.A)
}

func (c cachedIcon) Content() []byte {
	k := c.key()
	if b, ok := iconCache.Load(k); ok {
		return b.([]byte)
	}
	b := c.src.Content()
	iconCache.Store(k, b)
	return b
}
