package app

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/widgets"
)

// withHeight fixes an object's height, for thin progress bars; see
// widgets.WithHeight.
func withHeight(h float32, o fyne.CanvasObject) fyne.CanvasObject { return widgets.WithHeight(h, o) }

// noteDateOf is how a follow-up's evidence date reads; see
// widgets.DateFieldText.
func noteDateOf(t time.Time) string { return widgets.DateFieldText(t) }
