package app

import (
	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/app/workshop"
)

// workshopPage is the workshop screen (package workshop) on the window's
// stack, which asks its screens by unexported methods; the menu's entries
// reach the screen's exported methods through the embedding.
type workshopPage struct{ *workshop.Screen }

func (p workshopPage) title() string              { return p.Title() }
func (p workshopPage) content() fyne.CanvasObject { return p.Content() }
func (p workshopPage) reload()                    { p.Reload() }
func (p workshopPage) shown()                     { p.Shown() }
func (p workshopPage) left()                      { p.Left() }

// The window's stack and the menu entries the workshop answers to.
var _ interface {
	screen
	assessmentShower
	itemMover
	presenter
	voteShower
} = workshopPage{}

// openWorkshop shows an assessment's workshop, above its train.
func (ui *UI) openWorkshop(trainID, assessmentID string) {
	ui.showAboveTrain(trainID, workshopPage{workshop.New(ui, trainID, assessmentID)})
}

// exportResponseDialog lets a participant save their answers as a
// response file for the coach's workshop.
func (ui *UI) exportResponseDialog(trainID, assessmentID string) {
	workshop.ExportResponse(ui, trainID, assessmentID)
}

// importResponsesDialog gathers participants' response files for the
// assessment's workshop. Away from the workshop the report offers to open
// it; either way the screen on top is read again after the import.
func (ui *UI) importResponsesDialog(trainID, assessmentID string) *workshop.ResponsesDialog {
	_, onWorkshop := ui.top().(voteShower)
	return workshop.ImportResponses(ui, trainID, assessmentID, !onWorkshop, func() { ui.top().reload() })
}
