package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/widgets"
)

// TestPeoplePickerScreenshot writes docs/screenshots/gui-people-picker.png
// (1280×800) and gui-people-picker-1024.png (1024×768): the sample train's
// roster with its first people picker open on what the coach typed, each
// choice saying where the person already is.
//
//	TRAINSCOPE_SCREENSHOTS=1 xvfb-run -a go test -tags migrated_fynedo ./app/ -run TestPeoplePickerScreenshot
func TestPeoplePickerScreenshot(t *testing.T) {
	if os.Getenv("TRAINSCOPE_SCREENSHOTS") == "" {
		t.Skip("only with TRAINSCOPE_SCREENSHOTS=1")
	}
	for _, shot := range []struct {
		name string
		size fyne.Size
	}{
		{"gui-people-picker.png", defaultWindowSize},
		{"gui-people-picker-1024.png", small},
	} {
		t.Run(shot.name, func(t *testing.T) {
			ui := goldenRoster(t)
			laidOut(ui, shot.size)
			c := ui.win.Canvas()
			var picker *widgets.PeoplePicker
			for _, o := range visible(c) {
				if p, ok := o.(*widgets.PeoplePicker); ok {
					picker = p
					break
				}
			}
			if picker == nil {
				t.Fatal("no people picker on the roster")
			}
			c.Focus(picker)
			for _, r := range "li" {
				pressRune(t, ui, r)
			}
			pressKey(t, ui, fyne.KeyDown)
			if !picker.IsOpen() || len(picker.Matches()) < 2 {
				t.Fatalf("the picker shows %v", picker.Matches())
			}
			savePNG(t, c.Capture(), filepath.Join("..", "docs", "screenshots", shot.name))
		})
	}
}
