package app

import (
	"context"
	"io"
	"time"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/portfolio"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// The UI is the one host of the screens that live in packages of their own.
var _ host.Host = (*UI)(nil)

// Store is the coach's database.
func (ui *UI) Store() *data.Store { return ui.store }

// Definitions are the checklists and frameworks.
func (ui *UI) Definitions() *assessment.Definitions { return ui.defs }

// Now is the UI's clock.
func (ui *UI) Now() time.Time { return ui.now() }

// Read runs read on the background worker, then done on the UI thread; a
// failed read shows a dialog in plain words.
func (ui *UI) Read(what string, read func(context.Context) error, done func()) {
	ui.bg.do(func() error { return read(ui.ctx()) }, func(err error) {
		if err != nil {
			ui.showError("Could not read "+what, err)
			return
		}
		done()
	})
}

// Write saves in the background; see write.
func (ui *UI) Write(what string, work func(context.Context) error, done func()) {
	ui.write(what, work, done)
}

// WriteOr saves a change already on screen; see writeOr.
func (ui *UI) WriteOr(what string, work func(context.Context) error, done func(), failed func(error), retry func()) {
	ui.writeOr(what, work, done, failed, retry)
}

// Confirm asks before anything destructive.
func (ui *UI) Confirm(title, message, action string, do func()) {
	ui.confirm(title, message, action, do)
}

// ShowError tells the coach what went wrong.
func (ui *UI) ShowError(title string, err error) { ui.showError(title, err) }

// Open shows the screen a route names.
func (ui *UI) Open(r host.Route) {
	switch r.Page {
	case host.PageHome:
		ui.goHome()
	case host.PageTrain:
		ui.openTrain(r.Train)
	case host.PageChecklists:
		ui.openAssessment(r.Train, r.Assessment)
	case host.PageResults:
		ui.openResults(r.Train, r.Assessment)
	case host.PageWorkshop:
		ui.openWorkshop(r.Train, r.Assessment)
	}
}

// SaveFile asks where to save and writes the file as every export does.
func (ui *UI) SaveFile(what, done, suggested string, write func(ctx context.Context, w io.Writer) error) {
	ui.saveToFile(what, done, suggested, write, nil)
}

// The portfolio screen's export writes through the shell.
var _ portfolio.Saver = (*UI)(nil)
