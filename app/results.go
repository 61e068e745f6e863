package app

import (
	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/results"
)

// resultsPage is the results screen (package results) on the window's
// stack, which asks its screens by unexported methods; the menu's entries
// reach the screen's exported methods through the embedding.
type resultsPage struct{ *results.Screen }

func (p resultsPage) title() string              { return p.Title() }
func (p resultsPage) content() fyne.CanvasObject { return p.Content() }
func (p resultsPage) reload()                    { p.Reload() }

// The window's stack and the menu entries the results answer to.
var _ interface {
	screen
	assessmentShower
} = resultsPage{}
