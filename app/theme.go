package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assets"
)

// The Go fonts, shared with the PDF report so the screen and the paper show
// the same letters; they cover Latin, Greek and Cyrillic, and Fyne falls back
// to the system's fonts for any other script.
var (
	fontRegular    = fyne.NewStaticResource("Go-Regular.ttf", assets.FontRegular)
	fontBold       = fyne.NewStaticResource("Go-Bold.ttf", assets.FontBold)
	fontItalic     = fyne.NewStaticResource("Go-Italic.ttf", assets.FontItalic)
	fontBoldItalic = fyne.NewStaticResource("Go-BoldItalic.ttf", assets.FontBoldItalic)
)

// trainscopeTheme is Fyne's default theme with the Go fonts and a few colours
// of its own. By default it passes the variant Fyne gives it straight
// through, so the window follows the system's light or dark setting; the
// coach may choose light or dark instead (View ▸ Appearance).
type trainscopeTheme struct{ appearance appearance }

// appearance is the coach's choice of light or dark.
type appearance string

// The appearances, as stored in the preferences.
const (
	appearanceSystem appearance = ""
	appearanceLight  appearance = "light"
	appearanceDark   appearance = "dark"
)

// appearances are the choices in the order the menu offers them.
var appearances = []appearance{appearanceSystem, appearanceLight, appearanceDark}

// Title names the choice in the menu.
func (a appearance) Title() string {
	switch a {
	case appearanceLight:
		return "Light"
	case appearanceDark:
		return "Dark"
	}
	return "As the system"
}

// variant is the variant drawn when the system asks for v.
func (t trainscopeTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.appearance {
	case appearanceLight:
		return theme.VariantLight
	case appearanceDark:
		return theme.VariantDark
	}
	return v
}

var _ fyne.Theme = trainscopeTheme{}

func (t trainscopeTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	dark := v == theme.VariantDark
	switch n {
	case theme.ColorNamePrimary:
		if dark {
			return color.NRGBA{R: 0x4d, G: 0xb6, B: 0xac, A: 0xff}
		}
		return color.NRGBA{R: 0x00, G: 0x79, B: 0x6b, A: 0xff}
	case theme.ColorNameFocus:
		if dark {
			return color.NRGBA{R: 0x4d, G: 0xb6, B: 0xac, A: 0x7f}
		}
		return color.NRGBA{R: 0x00, G: 0x79, B: 0x6b, A: 0x7f}
	case theme.ColorNameSelection:
		if dark {
			return color.NRGBA{R: 0x4d, G: 0xb6, B: 0xac, A: 0x40}
		}
		return color.NRGBA{R: 0x00, G: 0x79, B: 0x6b, A: 0x30}
	case widgets.ColorNameCurrent:
		if dark {
			return color.NRGBA{R: 0x4d, G: 0xd0, B: 0xc0, A: 0xff}
		}
		return color.NRGBA{R: 0x00, G: 0x79, B: 0x6b, A: 0xff}
	case widgets.ColorNamePrevious:
		if dark {
			return color.NRGBA{R: 0xff, G: 0xb0, B: 0x60, A: 0xff}
		}
		return color.NRGBA{R: 0xd0, G: 0x6a, B: 0x10, A: 0xff}
	case widgets.ColorNameGrid:
		if dark {
			return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x30}
		}
		return color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0x26}
	}
	return theme.DefaultTheme().Color(n, v)
}

func (trainscopeTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace, s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Bold && s.Italic:
		return fontBoldItalic
	case s.Bold:
		return fontBold
	case s.Italic:
		return fontItalic
	}
	return fontRegular
}

func (trainscopeTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

func (trainscopeTheme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n)
}
