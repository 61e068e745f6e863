package app

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestAppearanceChosenAndRemembered: View ▸ Appearance draws the app light
// or dark whatever the system says, ticks the choice, and the next start
// keeps it.
func TestAppearanceChosenAndRemembered(t *testing.T) {
	ui, _ := newTestUI(t)
	bg := func(v fyne.ThemeVariant) color.Color {
		return ui.app.Settings().Theme().Color(theme.ColorNameBackground, v)
	}
	same := func(a, b color.Color) bool {
		r1, g1, b1, a1 := a.RGBA()
		r2, g2, b2, a2 := b.RGBA()
		return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
	}
	darkBg := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	lightBg := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	if !same(bg(theme.VariantLight), lightBg) || !ui.menu.appearance[0].Checked {
		t.Fatalf("at first the app does not follow the system")
	}

	ui.menu.appearance[2].Action() // Dark
	if !same(bg(theme.VariantLight), darkBg) {
		t.Errorf("Dark chosen, a light system still draws light")
	}
	if !ui.menu.appearance[2].Checked || ui.menu.appearance[0].Checked {
		t.Errorf("the menu does not tick Dark")
	}
	if got := ui.app.Preferences().String(prefTheme); got != "dark" {
		t.Errorf("the choice is remembered as %q", got)
	}

	// The next start on the same preferences draws dark.
	again := NewUI(ui.app, ui.store, ui.defs)
	again.bg.wait()
	defer again.bg.close()
	if !same(again.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight), darkBg) || !again.menu.appearance[2].Checked {
		t.Errorf("the next start forgot Dark")
	}

	ui.menu.appearance[1].Action() // Light
	if !same(bg(theme.VariantDark), lightBg) {
		t.Errorf("Light chosen, a dark system still draws dark")
	}
	ui.menu.appearance[0].Action()
	if !same(bg(theme.VariantDark), darkBg) || ui.app.Preferences().String(prefTheme) != "" {
		t.Errorf("back to the system's choice, the app does not follow it")
	}
}
