package app

import (
	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/checklist"
)

// checklistPage is the checklists screen (package checklist) on the
// window's stack, which asks its screens by unexported methods; the menu's
// entries and the keys typed while nothing has them reach the screen's
// exported methods through the embedding.
type checklistPage struct{ *checklist.Screen }

func (p checklistPage) title() string              { return p.Title() }
func (p checklistPage) content() fyne.CanvasObject { return p.Content() }
func (p checklistPage) reload()                    { p.Reload() }
func (p checklistPage) shown()                     { p.Shown() }
func (p checklistPage) left()                      { p.Left() }
func (p checklistPage) flush()                     { p.Flush() }

// The window's stack, the menu entries the checklists answer to, and the
// keys typed while nothing has them.
var _ interface {
	screen
	assessmentShower
	itemMover
	unansweredFinder
	finisher
	keyTaker
} = checklistPage{}

// openAssessment shows an assessment's checklists, above its train.
func (ui *UI) openAssessment(trainID, assessmentID string) {
	ui.showAboveTrain(trainID, checklistPage{checklist.New(ui, trainID, assessmentID)})
}
