package app

import (
	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/home"
)

// homePage is the home screen (package home) at the bottom of the window's
// stack, which asks its screens by unexported methods; the menu reaches
// the screen's exported methods through the embedding.
type homePage struct{ *home.Screen }

func (p homePage) title() string              { return p.Title() }
func (p homePage) content() fyne.CanvasObject { return p.Content() }
func (p homePage) reload()                    { p.Reload() }

var _ screen = homePage{}
