package app

import (
	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/train"
)

// trainPage is the train screen (package train) on the window's stack,
// which asks its screens by unexported methods; the menu's entries reach
// the screen's exported methods through the embedding.
type trainPage struct{ *train.Screen }

func (p trainPage) title() string              { return p.Title() }
func (p trainPage) content() fyne.CanvasObject { return p.Content() }
func (p trainPage) reload()                    { p.Reload() }
func (p trainPage) flush()                     { p.Flush() }

// The window's stack and the menu entry the train answers to.
var _ interface {
	screen
	assessmentStarter
} = trainPage{}
