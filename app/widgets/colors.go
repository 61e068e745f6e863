package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
)

// Colours named by the app for its own drawings (radar, trend, badges).
const (
	ColorNameCurrent  fyne.ThemeColorName = "trainscope-current"
	ColorNamePrevious fyne.ThemeColorName = "trainscope-previous"
	ColorNameGrid     fyne.ThemeColorName = "trainscope-grid"
)

// TrendPalette colours the series of the trend chart, one per checklist.
var TrendPalette = []color.NRGBA{
	{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff},
	{R: 0xd6, G: 0x61, B: 0x1e, A: 0xff},
	{R: 0x2c, G: 0x9a, B: 0x4a, A: 0xff},
	{R: 0x8e, G: 0x44, B: 0xad, A: 0xff},
	{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff},
}

// ThemeColor looks a colour up in the current theme and variant.
func ThemeColor(n fyne.ThemeColorName) color.Color {
	th := fyne.CurrentApp().Settings().Theme()
	return th.Color(n, fyne.CurrentApp().Settings().ThemeVariant())
}

// WithAlpha returns c with its alpha replaced, for translucent fills.
func WithAlpha(c color.Color, a uint8) color.NRGBA {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
