package app

import (
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/trainscope/trainscope/app/checklist"
	"github.com/trainscope/trainscope/app/home"
	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/portfolio"
	"github.com/trainscope/trainscope/app/results"
	"github.com/trainscope/trainscope/app/train"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/app/workshop"
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
	ui.bg.do(func() error { return read(ui.reads) }, ui.readDone(what, done))
}

// ReadBeside runs read on its own goroutine once the work queued before it
// has run, then done on the UI thread, as Read does.
func (ui *UI) ReadBeside(what string, read func(context.Context) error, done func()) {
	ui.bg.beside(func() error { return read(ui.reads) }, ui.readDone(what, done))
}

// readDone is what a read does once it has run: a failure shows a dialog
// in plain words, otherwise done runs.
func (ui *UI) readDone(what string, done func()) func(error) {
	return func(err error) {
		if err != nil {
			ui.showError("Could not read "+what, err)
			return
		}
		done()
	}
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

// Retitle shows the breadcrumb again after a screen's title changed.
func (ui *UI) Retitle() { ui.retitle() }

// Typed saves once the typing pauses; see debouncer.
func (ui *UI) Typed(key string, save func()) { ui.typing.call(key, save) }

// Flush runs the saves waiting for the typing to pause.
func (ui *UI) Flush() { ui.typing.flush() }

// WriteAnswer writes an answer as it stands now, naming it in the saved
// state and in any error: "your answer to “…”", "the consensus on “…”".
func (ui *UI) WriteAnswer(assessmentID string, f assessment.Framework, itemID string, ans assessment.Answer, what, prep string) {
	ans.ItemID = itemID
	if ans.Figure != nil {
		v := *ans.Figure // the write runs later; the screen may change its copy
		ans.Figure = &v
	}
	if it, _ := ui.defs.Item(itemID); it != nil {
		what += " " + prep + " “" + widgets.TruncateText(f.Expand(it.Text), 60) + "”"
	}
	ui.write(what, func(ctx context.Context) error {
		return ui.store.SetAnswer(ctx, assessmentID, ans)
	}, nil)
}

// FunctionKey answers the keys without a modifier; see functionKey.
func (ui *UI) FunctionKey(e *fyne.KeyEvent) { ui.functionKey(e) }

// ShowKeys lists the keyboard shortcuts.
func (ui *UI) ShowKeys() { ui.showKeys() }

// NewWindow is another window of the app, with its icon: the workshop's
// presentation.
func (ui *UI) NewWindow(title string) fyne.Window {
	w := ui.app.NewWindow(title)
	w.SetIcon(ui.app.Icon())
	return w
}

// Theme is the app's theme as a second window draws it: the Go fonts and
// colours, light or dark as the system is.
func (ui *UI) Theme() fyne.Theme { return trainscopeTheme{} }

// Assessor is the name the coach last gave as assessor.
func (ui *UI) Assessor() string { return ui.app.Preferences().String(prefAssessor) }

// SaveNamed asks where to save a file named after name, as every export
// does, and says what to do with it (notes).
func (ui *UI) SaveNamed(what, done, name, ext string, write func(ctx context.Context, w io.Writer) error, notes []string) {
	ui.saveToFile(what, done, fileName(name)+ext, write, notes)
}

// Import merges files into the store in the background behind a progress
// dialog, with the status bar saying so; a refusal is shown under refused.
// It runs beside the queue of the coach's saves, not in it.
func (ui *UI) Import(title, message, refused string, work func(context.Context) error, done func()) {
	progress := ui.progressDialog(title, message)
	ui.status.saving()
	ui.bg.beside(func() error { return work(ui.ctx()) }, func(err error) {
		progress.Hide()
		if err != nil {
			ui.status.failed()
			ui.showError(refused, err)
			return
		}
		ui.status.saved(ui.now())
		done()
	})
}

// What the workshop asks of the shell beyond the Host: a presentation
// window, the response file's save dialog and the import of responses.
var (
	_ workshop.Projector = (*UI)(nil)
	_ workshop.Exporter  = (*UI)(nil)
	_ workshop.Importer  = (*UI)(nil)
)

// What the results area (package results) asks of the shell: the save of
// a follow-up (a Host method, as the checklists' first step needs it too),
// the report's export and the undo of a deletion.

// SaveFollowUp writes what the coach says happened to a follow-up.
func (ui *UI) SaveFollowUp(assessmentID string, fu assessment.FollowUp, done func()) {
	ui.write("what happened to the follow-up", func(ctx context.Context) error {
		return ui.store.SetFollowUp(ctx, assessmentID, fu)
	}, done)
}

// What the checklists ask of the shell beyond the Host: the report's
// export, the workshop and the details form.
var (
	_ checklist.Reporter       = (*UI)(nil)
	_ checklist.WorkshopRunner = (*UI)(nil)
	_ checklist.DetailsEditor  = (*UI)(nil)
)

// ExportReport asks which report and where, and writes it; see
// exportReportDialog.
func (ui *UI) ExportReport(trainID, assessmentID string) {
	ui.exportReportDialog(trainID, assessmentID)
}

// OfferUndo offers to take a deletion back: a step of the window's undo,
// named in the status bar and the Edit menu; see undo.go.
func (ui *UI) OfferUndo(what string, undo func()) { ui.Undoable(what, undo) }

var (
	_ results.Exporter = (*UI)(nil)
	_ results.Undoer   = (*UI)(nil)
)

// What the train screen asks of the shell beyond the Host: the train's
// details form (home's, for a new train), the assessment form with the
// assessor remembered, forms the close guard knows, the status bar's undo,
// refusals in plain words, and forgetting a deleted train.

// EditTrain opens the train's details form; see newTrainForm.
func (ui *UI) EditTrain(t assessment.Train, save func(assessment.Train)) {
	f := newTrainForm(ui, "Train details", "Save", t, save)
	f.dialog.Show()
	ui.lastTrainForm = f
}

// AssessmentForm is the form of an assessment's details, tracked by the
// close guard; the assessor entered is remembered for the next one.
func (ui *UI) AssessmentForm(title, confirm string, a assessment.Assessment, save func(assessment.Assessment)) *widgets.AssessmentForm {
	f := widgets.NewAssessmentForm(ui.win, title, confirm, a, func(a assessment.Assessment) {
		if a.Assessor != "" {
			ui.app.Preferences().SetString(prefAssessor, a.Assessor)
		}
		save(a)
	})
	ui.trackForm(widgets.FormWhat(title), f.Dialog, f.Changed)
	ui.lastAssessmentForm = f
	return f
}

// TrackForm holds a form as open until it closes; see trackForm.
func (ui *UI) TrackForm(what string, d dialog.Dialog, dirty func() bool) {
	ui.trackForm(what, d, dirty)
}

// PlainError words an error as the coach reads it; see plainError.
func (ui *UI) PlainError(err error) string { return plainError(err) }

// ForgetTrain no longer opens a deleted train at the next start.
func (ui *UI) ForgetTrain(id string) {
	if ui.app.Preferences().String(prefLastTrain) == id {
		ui.app.Preferences().RemoveValue(prefLastTrain)
	}
}

// NewTrend is the train's trend tab, from the results area.
func (ui *UI) NewTrend() train.TrendView { return results.NewTrend(ui.defs) }

var _ train.Shell = (*UI)(nil)

// RunWorkshop opens the workshop of the assessment on screen; see
// runWorkshop.
func (ui *UI) RunWorkshop() { ui.runWorkshop() }

// EditDetails shows the assessment's details form.
func (ui *UI) EditDetails(a assessment.Assessment, save func(assessment.Assessment)) {
	ui.AssessmentForm("Assessment details", "Save", a, save).Dialog.Show()
}

// What home asks of the shell beyond the Host: new trains and the
// portfolio tab, whose screen the shell makes.
var (
	_ home.TrainMaker   = (*UI)(nil)
	_ home.PortfolioTab = (*UI)(nil)
)

// NewTrainDialog asks for a new train; see newTrainDialog.
func (ui *UI) NewTrainDialog() { ui.newTrainDialog() }

// AddSample adds the sample train; see addSample.
func (ui *UI) AddSample() { ui.addSample() }

// PortfolioContent is the portfolio screen, made on first asking.
func (ui *UI) PortfolioContent() fyne.CanvasObject {
	if ui.portfolio == nil {
		ui.portfolio = portfolio.New(ui)
	}
	return ui.portfolio.Content()
}

// LoadPortfolio reads the portfolio again.
func (ui *UI) LoadPortfolio() {
	if ui.portfolio != nil {
		ui.portfolio.Load(nil)
	}
}

// PortfolioTabChanged has the menu follow home's tabs.
func (ui *UI) PortfolioTabChanged() { ui.menu.update() }
