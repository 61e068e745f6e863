package app

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/results"
	"github.com/trainscope/trainscope/app/train"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assessment/report"
	"github.com/trainscope/trainscope/data"
)

func TestWindowTitleAndEmptyHomeOffersSample(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	if !strings.Contains(ui.win.Title(), "Trainscope") {
		t.Errorf("window title %q lacks Trainscope", ui.win.Title())
	}
	assertShows(t, c, "No trains yet")
	tap(t, ui, "Add the sample train")

	// The sample lands in the database and opens.
	trains, err := store.Trains(context.Background())
	if err != nil || len(trains) != 1 {
		t.Fatalf("trains after adding the sample: %v, %v", trains, err)
	}
	name := trains[0].Train.Name
	ts, ok := ui.top().(trainPage)
	if !ok || ts.ID() != trains[0].Train.ID {
		t.Fatalf("the sample train did not open; on screen: %T", ui.top())
	}
	assertShows(t, c, name)
	assertShows(t, c, "Saved")
	if got := ui.app.Preferences().String(prefLastTrain); got != ts.ID() {
		t.Errorf("last train remembered = %q, want %q", got, ts.ID())
	}

	// Home lists it with its framework, level and score.
	ui.goHome()
	settle(ui)
	assertNotShown(t, c, "No trains yet")
	assertShows(t, c, "1 train")
	if len(ui.home.Listed()) != 1 || ui.home.Listed()[0].Latest == nil || !ui.home.Listed()[0].Latest.Summary.Known {
		t.Fatalf("home shows %+v", ui.home.Listed())
	}
	// The recent assessments list the sample's assessments, its history too.
	if _, _, _, h := assessment.SampleHistory(testDay); len(ui.home.Recent()) != len(h) {
		t.Errorf("recent assessments: %d, want %d", len(ui.home.Recent()), len(h))
	}
	// Search narrows the list.
	test.Type(ui.home.Search(), "zzz-no-such-train")
	assertShows(t, c, "No train matches")
	ui.home.Search().SetText("sample")
	if len(ui.home.Listed()) != 1 {
		t.Errorf("search for 'sample' shows %d trains", len(ui.home.Listed()))
	}
}

func TestLastTrainReopensAtStart(t *testing.T) {
	a := test.NewTempApp(t)
	defs := loadDefs(t)
	store := openStore(t, defs)
	withSample(store)
	trains, _ := store.Trains(context.Background())
	a.Preferences().SetString(prefLastTrain, trains[0].Train.ID)
	a.Preferences().SetFloat(prefWidth, 1024)
	a.Preferences().SetFloat(prefHeight, 768)
	ui := NewUI(a, store, defs)
	ui.bg.wait()
	onTestThread(ui)
	settle(ui)
	t.Cleanup(func() { ui.bg.close(); ui.win.Close() })
	if _, ok := ui.top().(trainPage); !ok {
		t.Fatalf("on screen at start: %T, want the last train", ui.top())
	}
	if got := rememberedSize(ui.app.Preferences()); got != fyne.NewSize(1024, 768) {
		t.Errorf("remembered window size %v", got)
	}
	settle(ui)
}

// startAssessment creates a train and starts an assessment through the UI.
func startAssessment(t *testing.T, ui *UI, name string) checklistPage {
	t.Helper()
	ui.newTrainDialog()
	ui.lastTrainForm.name.SetText(name)
	ui.lastTrainForm.dialog.Submit()
	settle(ui)
	tap(t, ui, "New assessment")
	ui.lastAssessmentForm.PI.SetText("PI 2026.2")
	ui.lastAssessmentForm.Assessor.SetText("Kim")
	ui.lastAssessmentForm.Dialog.Submit()
	settle(ui)
	as, ok := ui.top().(checklistPage)
	if !ok {
		t.Fatalf("the assessment did not open: %T", ui.top())
	}
	return as
}

func TestTrendAndPortfolio(t *testing.T) {
	ui, store := newTestUI(t, withSample, withSample)
	ctx := context.Background()
	trains, _ := store.Trains(ctx)
	ui.openTrain(trains[0].Train.ID)
	settle(ui)
	ts := ui.top().(trainPage)
	ts.SelectTab(train.TabTrend)
	assertShows(t, ui.win.Canvas(), "3 finished assessments, oldest first")
	if len(ts.Trend().(*results.Trend).Chart().Series()) != 2+len(ui.defs.Checklists) { // overall, each checklist, follow-through
		t.Errorf("trend series: %d", len(ts.Trend().(*results.Trend).Chart().Series()))
	}

	// A new train without assessments sorts last by score.
	other := assessment.Train{Name: "Another ART", Framework: assessment.SAFe}
	if err := store.CreateTrain(ctx, &other); err != nil {
		t.Fatal(err)
	}
	ui.menu.portfolio.Action()
	settle(ui)
	p := ui.portfolio
	if p.Len() != 3 {
		t.Fatalf("portfolio rows: %d", p.Len())
	}
	if p.Cell(0, assessment.ColumnTrain) != "☐ Another ART" {
		t.Errorf("portfolio sorted by name starts with %q", p.Cell(0, assessment.ColumnTrain))
	}
	p.SortBy(assessment.ColumnScore) // best first; no score last either way
	if p.Cell(2, assessment.ColumnTrain) != "☐ Another ART" || p.Cell(2, assessment.ColumnScore) != "–" {
		t.Errorf("by score, last row is %q with %q", p.Cell(2, assessment.ColumnTrain), p.Cell(2, assessment.ColumnScore))
	}
	p.SortBy(assessment.ColumnScore) // reversed
	if p.Cell(2, assessment.ColumnTrain) != "☐ Another ART" {
		t.Errorf("by score reversed, last row is %q", p.Cell(2, assessment.ColumnTrain))
	}
}

// TestExportReport writes the PDF to a temporary path, as the save dialog
// would, and offers to open it.
func TestExportReport(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	ctx := context.Background()
	recent, _ := store.RecentAssessments(ctx, 1)
	trainID, id := recent[0].TrainID, recent[0].ID
	ui.openResults(trainID, id)
	settle(ui)

	ri, err := ui.readReportInput(ctx, trainID, id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ri.name, "sample") {
		t.Errorf("suggested file name %q", ri.name)
	}
	path := filepath.Join(t.TempDir(), ri.name+".pdf")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	ui.writeReport(ri.in, report.Options{Paper: "a4"}, w)
	settle(ui)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("the file is not a PDF: %q", b[:min(len(b), 20)])
	}
	assertShows(t, ui.win.Canvas(), "Saved as "+path)
	button(t, ui.win.Canvas(), "Open")
	button(t, ui.win.Canvas(), "Show folder")
}

// TestWriteFailureKeepsInput: when the database cannot be written, the
// coach is told in plain words and the answer stays on screen.
func TestWriteFailureKeepsInput(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	startAssessment(t, ui, "Fragile ART")
	store.Close()
	pressRune(t, ui, '3')
	assertShows(t, c, "Not saved")
	assertShows(t, c, "What you entered is still on screen.")
	assertShows(t, c, "Your answer: 3 of 5")
	button(t, c, "Try again")
}

func TestPlainErrors(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{data.ErrFinal, "finished"},
		{fmt.Errorf("x: %w", data.ErrNotFound), "no longer in the database"},
		{fmt.Errorf("save: %w", data.ErrBusy), "busy"},
		{fmt.Errorf("save: %w", data.ErrReadOnly), "cannot be written"},
		{&os.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, "cannot be written"},
		{fmt.Errorf("write: %w", data.ErrDiskFull), "disk is full"},
		{&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "disk is full"},
		// Words alone decide nothing: only the error's kind does.
		{fmt.Errorf("the team is busy"), "Details: the team is busy"},
		{fmt.Errorf("something odd"), "Details: something odd"},
	} {
		if got := plainError(tc.err); !strings.Contains(got, tc.want) {
			t.Errorf("plainError(%v) = %q, want it to contain %q", tc.err, got, tc.want)
		}
	}
}

// TestExportDialogsOpen walks the menu's export and import entries up to
// the file dialog, which the coach then drives.
func TestExportDialogsOpen(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	c := ui.win.Canvas()
	recent, _ := store.RecentAssessments(context.Background(), 1)
	ui.openResults(recent[0].TrainID, recent[0].ID)
	settle(ui)

	ui.menu.exportReport.Action()
	assertShows(t, c, reportSummary)
	tap(t, ui, "Choose where to save…")
	assertShows(t, c, ".pdf") // the suggested file name
	button(t, c, "Save")
	dismissDialogs(c)

	ui.menu.exportCSV.Action()
	tap(t, ui, "Choose where to save…")
	assertShows(t, c, ".csv")
	dismissDialogs(c)

	ui.menu.exportXLSX.Action()
	tap(t, ui, "Choose where to save…")
	assertShows(t, c, ".xlsx")
	dismissDialogs(c)

	ui.menu.importBundle.Action()
	assertShows(t, c, "Open") // enabled once a file is chosen
	dismissDialogs(c)

	ui.goHome()
	ui.menu.exportBundle.Action()
	assertShows(t, c, "Trainscope trains.json")
	dismissDialogs(c)
}

// dismissDialogs closes every dialog, as Escape would.
func dismissDialogs(c fyne.Canvas) {
	for c.Overlays().Top() != nil {
		c.Overlays().Remove(c.Overlays().Top())
	}
}

// TestImportBundle imports a bundle exported from another database and
// shows what was added.
func TestImportBundle(t *testing.T) {
	ctx := context.Background()
	defs := loadDefs(t)
	other := openStore(t, defs)
	withSample(other)
	b, err := other.Export(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bundle.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.WriteTo(f); err != nil {
		t.Fatal(err)
	}
	f.Close()

	ui, store := newTestUI(t)
	r, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ui.importBundle(r)
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Bundle imported")
	trains, _ := store.Trains(ctx)
	if len(trains) != 1 {
		t.Fatalf("trains after import: %d", len(trains))
	}
	assertNotShown(t, ui.win.Canvas(), "No trains yet")

	// A bundle that is not one changes nothing and says why.
	ui.importBundle(io.NopCloser(strings.NewReader("{not json")))
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Nothing was imported")
	if trains, _ = store.Trains(ctx); len(trains) != 1 {
		t.Errorf("trains after a bad import: %d", len(trains))
	}
}

// TestStoreWarningsShownOnce: a database that was readable by others is made
// private at open; the window says so, and that the data is safe to work on.
func TestStoreWarningsShownOnce(t *testing.T) {
	defs := loadDefs(t)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	opt := data.Options{Definitions: defs, Summarize: func(a *assessment.Assessment, tr assessment.Train) assessment.Summary {
		return assessment.Summarize(assessment.Evaluate(defs, tr, a))
	}}
	first, err := data.Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	first.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	store, err := data.Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if len(store.Warnings()) == 0 {
		t.Fatal("the store gave no warning for a 0644 file")
	}
	ui := NewUI(test.NewTempApp(t), store, defs)
	t.Cleanup(func() { ui.bg.close(); ui.win.Close() })
	// The home screen loads on the worker; look once it has drawn, not
	// while it draws.
	ui.bg.wait()
	assertShows(t, ui.win.Canvas(), "Your data is open and safe to work on.")
	assertShows(t, ui.win.Canvas(), store.Warnings()[0])
}

// TestFontsReadAtStartAreHomes: Run reads the fonts of textStylesAtStart
// while the window opens, so that laying home out reads none; every text
// style home shows at start (with a train, its badge and its recent
// assessments) must be among them, or the start waits for it after all.
// Hidden text is not measured, and does not count.
func TestFontsReadAtStartAreHomes(t *testing.T) {
	ui, _ := newTestUI(t, withSample)
	settle(ui)
	fonts := map[fyne.TextStyle]bool{}
	for _, s := range textStylesAtStart {
		fonts[fontOf(s)] = true
	}
	used := map[fyne.TextStyle]string{}
	// Empty text is measured too, and reads its style's fonts.
	for _, o := range visible(ui.win.Canvas()) {
		if txt, ok := o.(*canvas.Text); ok {
			used[fontOf(txt.TextStyle)] += fmt.Sprintf("%q ", txt.Text)
		}
	}
	if len(used) < 2 || used[fyne.TextStyle{}] == "" || used[fyne.TextStyle{Bold: true}] == "" {
		t.Fatalf("home shows text in %v, want regular and bold at least", used)
	}
	for s, example := range used {
		if !fonts[s] {
			t.Errorf("home shows %s in %+v, whose fonts are not read while the window opens", example, s)
		}
	}
}

// fontOf is the part of s that picks the fonts Fyne reads.
func fontOf(s fyne.TextStyle) fyne.TextStyle {
	return fyne.TextStyle{Bold: s.Bold, Italic: s.Italic, Monospace: s.Monospace, Symbol: s.Symbol}
}

// TestStartListsTheTrains: Run's start (the window shown while the fonts
// and home's first reading are read beside it, then home laid out) ends
// with home listing the trains, as NewUI's does; under -race it also
// checks that nothing the goroutines touch is touched on the UI thread
// meanwhile.
func TestStartListsTheTrains(t *testing.T) {
	defs := loadDefs(t)
	store := openStore(t, defs)
	withSample(store)
	withSample(store)
	ui := start(test.NewTempApp(t), store, defs)
	t.Cleanup(func() { ui.bg.close(); ui.win.Close() })
	ui.bg.wait()
	onTestThread(ui)
	settle(ui)
	if n := len(ui.home.Trains()); n != 2 {
		t.Fatalf("after the start home lists %d trains, want 2", n)
	}
	assertShows(t, ui.win.Canvas(), "2 trains")
	if ui.home.Badge(ui.home.Trains()[0].Train.ID) == "" {
		t.Error("after the start the sample train shows no overdue badge")
	}
}
