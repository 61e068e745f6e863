package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assessment/report"
)

// The two reports a coach can export.
const (
	reportFull    = "Full report for the LACE"
	reportSummary = "Leadership summary (two pages)"
	prefPaper     = "report.paper"
)

// fileDialogSize suits the save and open dialogs at 1024×768 and up.
var fileDialogSize = widgets.FileDialogSize

// exportReportDialog asks which report and paper, then where to save it.
func (ui *UI) exportReportDialog(trainID, assessmentID string) {
	ui.typing.flush()
	kind := widget.NewRadioGroup([]string{reportFull, reportSummary}, nil)
	kind.SetSelected(reportFull)
	kind.Required = true
	paper := widget.NewSelect([]string{"A4", "Letter"}, nil)
	// Until the coach chooses, the paper follows the locale, as on the command line.
	byLocale := "A4"
	if report.PaperFromEnv(os.Getenv) == "letter" {
		byLocale = "Letter"
	}
	paper.SetSelected(ui.app.Preferences().StringWithFallback(prefPaper, byLocale))
	items := []*widget.FormItem{
		{Text: "Report", Widget: kind, HintText: "The full report has every finding, the roster, the register and an appendix with every answer"},
		widget.NewFormItem("Paper", paper),
	}
	d := dialog.NewForm("Export report", "Choose where to save…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		ui.app.Preferences().SetString(prefPaper, paper.Selected)
		opt := report.Options{Summary: kind.Selected == reportSummary, Paper: strings.ToLower(paper.Selected)}
		ui.chooseReportFile(trainID, assessmentID, opt)
	}, ui.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// reportInput gathers what the report is a pure function of.
type reportInput struct {
	in   report.Input
	name string // a file name for the save dialog
}

func (ui *UI) readReportInput(ctx context.Context, trainID, assessmentID string) (reportInput, error) {
	train, err := ui.store.Train(ctx, trainID)
	if err != nil {
		return reportInput{}, err
	}
	history, err := ui.store.Assessments(ctx, trainID)
	if err != nil {
		return reportInput{}, err
	}
	var cur *assessment.Assessment
	for _, a := range history {
		if a.ID == assessmentID {
			cur = a
		}
	}
	if cur == nil {
		return reportInput{}, fmt.Errorf("assessment %s is no longer in the database", assessmentID)
	}
	in := report.NewInput(ui.defs, train, cur, history, ui.now())
	name := train.Name
	if in.Assessment.PI != "" {
		name += " " + in.Assessment.PI
	} else {
		name += " " + in.Assessment.Date.Format(widgets.DateInput)
	}
	return reportInput{in: in, name: fileName(name)}, nil
}

var unsafeFileChars = regexp.MustCompile(`[\\/:*?"<>|\x00-\x1f]+`)

// fileName makes a file name from a title, keeping letters of any script.
func fileName(title string) string {
	s := strings.TrimSpace(unsafeFileChars.ReplaceAllString(title, " "))
	if s == "" {
		s = "Trainscope report"
	}
	return s
}

// chooseReportFile reads the assessment, then opens the save dialog.
func (ui *UI) chooseReportFile(trainID, assessmentID string, opt report.Options) {
	load(ui, "the assessment for the report", func(ctx context.Context) (reportInput, error) {
		return ui.readReportInput(ctx, trainID, assessmentID)
	}, func(ri reportInput) {
		suffix := ""
		if opt.Summary {
			suffix = " summary"
		}
		fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				ui.showError("Could not save the report", err)
				return
			}
			if w == nil {
				return // the coach cancelled
			}
			ui.writeReport(ri.in, opt, w)
		}, ui.win)
		fd.SetFileName(ri.name + suffix + ".pdf")
		fd.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
		fd.Show()
		fd.Resize(fileDialogSize) // only once shown: a file dialog has no size before
	})
}

// progressDialog shows that long work is under way.
func (ui *UI) progressDialog(title, message string) dialog.Dialog {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(message), bar), ui.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	return d
}

// writeReport draws the PDF and writes it, off the UI thread, with a
// progress dialog; then it offers to open the file.
func (ui *UI) writeReport(in report.Input, opt report.Options, w fyne.URIWriteCloser) {
	progress := ui.progressDialog("Exporting the report", "Drawing the PDF and writing "+w.URI().Name()+"…")
	uri := w.URI()
	var warnings []string
	ui.bg.spawn(func() error {
		pdf, warn, err := report.Render(in, opt)
		if err != nil {
			abandon(w)
			return fmt.Errorf("draw the report: %w", err)
		}
		warnings = warn
		if _, err := io.Copy(w, bytes.NewReader(pdf)); err != nil {
			abandon(w)
			return fmt.Errorf("write %s: %w", uri.Path(), err)
		}
		if err := w.Close(); err != nil {
			return fmt.Errorf("write %s: %w", uri.Path(), err)
		}
		return nil
	}, func(err error) {
		progress.Hide()
		if err != nil {
			ui.showError("The report was not saved", err)
			return
		}
		ui.fileWritten("Report saved", uri, warnings)
	})
}

// fileWritten says where a file went and offers to open it or its folder.
func (ui *UI) fileWritten(title string, uri fyne.URI, warnings []string) {
	text := "Saved as " + uri.Path()
	if len(warnings) > 0 {
		text += "\n\nNote:\n• " + strings.Join(warnings, "\n• ")
	}
	msg := widgets.Wrapped(text)
	open := widget.NewButton("Open", func() { ui.openURI(uri) })
	open.Importance = widget.HighImportance
	folder := widget.NewButton("Show folder", func() {
		if parent, err := storage.Parent(uri); err == nil {
			ui.openURI(parent)
		}
	})
	var d dialog.Dialog
	closeBtn := widget.NewButton("Close", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, container.NewHBox(open, folder, closeBtn)), ui.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

func (ui *UI) openURI(uri fyne.URI) {
	u, err := url.Parse(uri.String())
	if err == nil {
		err = ui.app.OpenURL(u)
	}
	if err != nil {
		ui.showError("Could not open the file", err)
	}
}

// exportBundleDialog writes the train on screen, or every train, as a
// bundle another coach's Trainscope can import.
func (ui *UI) exportBundleDialog() {
	ui.typing.flush()
	ui.withTrainChoice("Export bundle", func(ids []string, name string) {
		ui.saveToFile("the bundle", "Bundle saved", fileName(name)+".json", ui.writeBundle(ids), nil)
	})
}

// writeBundle writes the bundle of the trains with the given ids (every
// train when none are given) train by train from one read snapshot, so
// the coach's saves go in meanwhile, and records what it holds (its
// lineage) once the file is in its place: a private file's Close puts it
// there, and writeFile's Close after it does nothing more. When only the
// recording fails the file is good, and the coach is told what that means.
func (ui *UI) writeBundle(ids []string) func(ctx context.Context, w io.Writer) error {
	return func(ctx context.Context, w io.Writer) error {
		exp, err := ui.store.WriteBundle(ctx, w, "", ids)
		if err != nil {
			return err
		}
		if pw, ok := w.(*privateWriter); ok {
			if err := pw.Close(); err != nil {
				return err
			}
		}
		if err := exp.Record(ctx); err != nil {
			ui.bg.deliver(func() { ui.showError("The bundle is saved; what it holds was not noted", err) })
		}
		return nil
	}
}

// exportCSVDialog writes answers and scores as CSV for spreadsheets.
func (ui *UI) exportCSVDialog() {
	ui.typing.flush()
	ui.withTrainChoice("Export CSV", func(ids []string, name string) {
		ui.saveToFile("the CSV file", "CSV saved", fileName(name)+".csv", func(ctx context.Context, w io.Writer) error {
			return ui.store.ExportCSV(ctx, w, ui.defs, ids)
		}, nil)
	})
}

// exportXLSXDialog writes the same as an Excel workbook, a sheet per kind
// of row, for coaches and LACEs who live in Excel.
func (ui *UI) exportXLSXDialog() {
	ui.typing.flush()
	ui.withTrainChoice("Export for spreadsheets", func(ids []string, name string) {
		ui.saveToFile("the workbook", "Workbook saved", fileName(name)+".xlsx", func(ctx context.Context, w io.Writer) error {
			return ui.store.ExportXLSX(ctx, w, ui.defs, ids)
		}, nil)
	})
}

// saveToFile asks where to save through the standard dialog, then writes
// the file in the background with progress, and says how it went. what
// names the file in messages ("the bundle"); done titles the success.
func (ui *UI) saveToFile(what, done, suggested string, write func(ctx context.Context, w io.Writer) error, notes []string) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ui.showError("Could not save "+what, err)
			return
		}
		if w == nil {
			return // the coach cancelled
		}
		ui.writeFile(what, done, w, write, notes)
	}, ui.win)
	fd.SetFileName(suggested)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{filepath.Ext(suggested)}))
	fd.Show()
	fd.Resize(fileDialogSize) // only once shown: a file dialog has no size before
}

// writeFile writes to the file the coach chose, in the background with
// progress, and says how it went.
func (ui *UI) writeFile(what, done string, w fyne.URIWriteCloser, write func(ctx context.Context, w io.Writer) error, notes []string) {
	progress := ui.progressDialog("Exporting", "Writing "+w.URI().Name()+"…")
	uri := w.URI()
	ui.bg.spawn(func() error {
		if err := write(ui.ctx(), w); err != nil {
			abandon(w)
			return err
		}
		return w.Close()
	}, func(err error) {
		progress.Hide()
		if err != nil {
			ui.showError(strings.ToUpper(what[:1])+what[1:]+" was not saved", err)
			return
		}
		ui.fileWritten(done, uri, notes)
	})
}

// withTrainChoice asks whether to export the train on screen or every
// train; with no train on screen it exports every train.
func (ui *UI) withTrainChoice(title string, then func(ids []string, name string)) {
	ts, ok := current[trainPage](ui)
	if !ok || !ts.Loaded() {
		then(nil, "Trainscope trains")
		return
	}
	this, all := "Only “"+ts.Train().Name+"”", "Every train"
	choice := widget.NewRadioGroup([]string{this, all}, nil)
	choice.SetSelected(this)
	choice.Required = true
	dialog.ShowForm(title, "Choose where to save…", "Cancel", []*widget.FormItem{widget.NewFormItem("Trains", choice)}, func(ok bool) {
		if !ok {
			return
		}
		if choice.Selected == this {
			then([]string{ts.ID()}, ts.Train().Name)
		} else {
			then(nil, "Trainscope trains")
		}
	}, ui.win)
}

// importBundleDialog reads a bundle from another coach. The store checks
// all of it first and imports all or nothing.
func (ui *UI) importBundleDialog() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			ui.showError("Could not open the bundle", err)
			return
		}
		if r == nil {
			return
		}
		ui.importBundle(r)
	}, ui.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	fd.Show()
	fd.Resize(fileDialogSize)
}

// importBundle imports a bundle and says what it added, updated and skipped.
func (ui *UI) importBundle(r io.ReadCloser) {
	progress := ui.progressDialog("Importing", "Checking the bundle and importing it…")
	var summary string
	// Beside the queue: the coach's saves go in between the import's
	// transactions instead of waiting for all of it.
	ui.bg.beside(func() error {
		defer r.Close()
		rep, err := ui.store.Import(ui.ctx(), r)
		if err != nil {
			return err
		}
		summary = fmt.Sprint(rep)
		return nil
	}, func(err error) {
		progress.Hide()
		if err != nil {
			ui.showError("Nothing was imported", err)
			return
		}
		d := dialog.NewCustom("Bundle imported", "Close", widgets.Wrapped(strings.TrimSpace(summary)), ui.win)
		d.Resize(fyne.NewSize(520, 0))
		d.Show()
		ui.home.Reload()
		if ts, ok := current[trainPage](ui); ok {
			ts.Reload()
		}
	})
}
