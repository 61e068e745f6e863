// Package app is Trainscope's desktop GUI, built with Fyne.
//
// The shell keeps the window, its stack of screens, the menu, the train
// form and export. Every screen lives in a package of its own (app/home,
// app/train, app/checklist, app/results, app/workshop, app/portfolio) and
// sees the shell through app/host; the custom widgets live in app/widgets.
//
// The package calls into assessment for every score, verdict and gap, and
// into data for every read and write; it holds no scoring logic and no SQL.
// Store calls run on a background worker, one at a time and in order, and
// touch widgets only through fyne.Do, so the window never freezes while the
// database works.
package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/go-gl/glfw/v3.4/glfw"

	"github.com/trainscope/trainscope/app/home"
	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/portfolio"
	"github.com/trainscope/trainscope/app/results"
	"github.com/trainscope/trainscope/app/train"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/app/workshop"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
	"github.com/trainscope/trainscope/data"
)

// Preference keys. The window's size and the last train opened are
// remembered between runs.
const (
	prefWidth     = "window.width"
	prefHeight    = "window.height"
	prefLastTrain = "train.last"
	prefAssessor  = "assessment.assessor"
	prefTheme     = "view.appearance"
)

// processStart is when the program started, as near as a package can tell;
// with TRAINSCOPE_TIMING set, the time from it to the home screen is printed.
var processStart = time.Now()

const timingEnv = "TRAINSCOPE_TIMING"

// systemLocale is the coach's locale, as the system reports it.
var systemLocale = lang.SystemLocale

// defaultWindowSize suits a laptop and a projector alike.
var defaultWindowSize = fyne.NewSize(1280, 800)

// screen is one page of the window. The UI keeps a stack of them: home at
// the bottom, then a train, an assessment, its results.
type screen interface {
	title() string
	content() fyne.CanvasObject
	reload() // read again from the store when the screen comes back into view
}

// UI is the application window and everything on it.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store *data.Store
	defs  *assessment.Definitions
	bg    *worker

	now    func() time.Time
	typing *debouncer // notes and names are written when typing pauses

	stack    []screen
	variants map[screen]fyne.ThemeVariant // the light or dark each screen was last shown in
	body     *fyne.Container
	backBtn  *widget.Button
	crumb    *widget.Label
	status   *saveStatus
	undos    widgets.UndoStack // the changes Ctrl+Z takes back; see undo.go

	home homePage
	// portfolio is the portfolio screen in home's second tab.
	portfolio *portfolio.Screen
	menu      *mainMenu

	writeErrors     map[string]func()  // the things a "Not saved" dialog is open for, with their latest retry
	forms           []*openForm        // dialogs being filled in, saved only on Save
	closing         bool               // the coach chose to close and lose an open form
	askingClose     bool               // the question about an open form is on screen
	dialogs         []*keyedDialog     // open dialogs that answer Enter and Esc, topmost last
	closeWin        func()             // closes the window; nil is ui.win.Close, tests record it instead
	recomputeFailed bool               // the coach was told the figures could not all be recomputed
	stopped         atomic.Bool        // the app is stopping: background work no longer reaches the screen
	reads           context.Context    // what the store's reads run under: ended as the app stops
	stopReads       context.CancelFunc // ends reads
	quit            *quitWatch         // ends the process when Fyne does not return from a quit (not on a test's window); see quit.go

	lastTrainForm      *trainForm              // the train form last opened, for tests
	lastAssessmentForm *widgets.AssessmentForm // the assessment form last opened, for tests
}

// Run shows the main window on the store and runs the application until the
// window closes. The window opens (the GL context, the slowest part of a
// start) while the theme's fonts and home's first reading of the store are
// read on the other core; home is laid out once the fonts are.
func Run(a fyne.App, store *data.Store, defs *assessment.Definitions) {
	ui := start(a, store, defs)
	ui.fitScreen(screenArea)
	q := newQuitWatch(quitGrace, os.Exit)
	ui.watch(q)
	runWatched(a, q, ui.finishStop) // again what the stopped hook did, for when Fyne skipped it
}

// start shows the main window and lays home out on it, as Run does before
// it runs the app: the window opens while the fonts and home's first
// reading are read beside it.
func start(a fyne.App, store *data.Store, defs *assessment.Definitions) *UI {
	ui := newUI(a, store, defs)
	useTheme(a)
	fonts := readFonts()
	first := home.ReadFirst(store, ui.now())
	ui.win = newMainWindow(a)
	ui.win.Show()
	<-fonts
	ui.build(first)
	return ui
}

// NewUI builds the window and its home screen without running the app, so
// tests can drive it on a test app.
func NewUI(a fyne.App, store *data.Store, defs *assessment.Definitions) *UI {
	ui := newUI(a, store, defs)
	useTheme(a)
	ui.win = newMainWindow(a)
	ui.build(nil)
	return ui
}

// useTheme gives the app the coach's theme (View ▸ Appearance).
func useTheme(a fyne.App) {
	a.Settings().SetTheme(trainscopeTheme{appearance: appearance(a.Preferences().String(prefTheme))})
}

// textStylesAtStart are the text styles home lays out as it opens (its
// italic is the undo line's, hidden until something is removed).
var textStylesAtStart = []fyne.TextStyle{{}, {Bold: true}}

// readFonts starts reading, on another goroutine, the fonts of the app's
// theme for each style home lays out: Fyne reads a style's fonts (the
// theme's, its own, the emoji and symbol fonts and the system's) the first
// time it measures text in it. The channel closes when they are read.
// Until then nothing else may lay out text: Fyne's text shaper is not safe
// on two goroutines at once.
func readFonts() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, s := range textStylesAtStart {
			fyne.MeasureText("Trainscope", theme.TextSize(), s)
		}
	}()
	return done
}

// newMainWindow is the main window, of the size the coach left it, with
// nothing on it yet.
func newMainWindow(a fyne.App) fyne.Window {
	a.SetIcon(fyne.NewStaticResource("trainscope.png", assets.Icon()))
	win := a.NewWindow("Trainscope")
	win.SetIcon(a.Icon())
	win.Resize(rememberedSize(a.Preferences()))
	return win
}

// newUI is the window's state on store, with no window yet. It hears the
// store's background recompute from the start, before anything reads a
// summary: its word reaches the screen once the app runs.
func newUI(a fyne.App, store *data.Store, defs *assessment.Definitions) *UI {
	assessment.SetDateLocale(string(systemLocale())) // dates in the coach's order, on screen and in the report
	usePrivateFiles()

	ui := &UI{
		app:    a,
		store:  store,
		defs:   defs,
		bg:     newWorker(),
		now:    time.Now,
		typing: newDebouncer(600 * time.Millisecond),

		variants: map[screen]fyne.ThemeVariant{},
	}
	ui.reads, ui.stopReads = context.WithCancel(context.Background())
	// After an upgrade, home lists the figures being recomputed as such,
	// and reads them again as the store brings them up to date.
	store.OnSummariesRecomputed(func(done bool, err error) {
		if !ui.stopped.Load() {
			ui.bg.deliver(func() { ui.summariesRecomputed(done, err) })
		}
	})
	return ui
}

// build lays out home on the main window, filled with what first read (read
// afresh if nil).
func (ui *UI) build(first *home.FirstReading) {
	a := ui.app
	ui.win.SetCloseIntercept(ui.closeWindow)
	// A quit (SIGTERM, Fyne's own) may stop the app without closing the
	// window first.
	a.Lifecycle().SetOnStopped(ui.saveBeforeStop)

	ui.status = newSaveStatus()
	ui.backBtn = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), ui.back)
	ui.backBtn.Importance = widget.LowImportance
	ui.crumb = widget.NewLabel("")
	ui.crumb.TextStyle.Bold = true
	ui.crumb.Truncation = fyne.TextTruncateEllipsis
	homeBtn := widget.NewButtonWithIcon("", theme.HomeIcon(), ui.goHome)
	homeBtn.Importance = widget.LowImportance
	bar := container.NewBorder(nil, nil,
		container.NewHBox(homeBtn, ui.backBtn), ui.status.content(), ui.crumb)
	ui.body = container.NewStack()
	ui.win.SetContent(container.NewBorder(
		container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, ui.body))

	ui.menu = newMainMenu(ui)
	ui.win.SetMainMenu(ui.menu.menu)
	// F1 and F5 have no modifier, so they are not menu shortcuts: catch
	// them here, when no widget has the keys (the rating pickers pass them on).
	ui.win.Canvas().SetOnTypedKey(ui.functionKey)
	ui.win.Canvas().SetOnTypedRune(ui.freeRune)

	ui.home = homePage{home.New(ui)}
	ui.show(ui.home)
	ui.showStoreWarnings()
	shown := func() {
		if os.Getenv(timingEnv) != "" {
			now := time.Now()
			fmt.Fprintf(os.Stderr, "trainscope: home screen shows %s %.0f ms after start (unix ms %d)\n",
				widgets.Plural(len(ui.home.Trains()), "train", "trains"), float64(now.Sub(processStart).Microseconds())/1000, now.UnixMilli())
		}
		// Pick up where the coach left off: the last train they opened.
		if id := a.Preferences().String(prefLastTrain); id != "" && ui.home.HasTrain(id) {
			ui.openTrain(id)
		}
	}
	if first != nil {
		ui.home.LoadFirst(first, shown)
	} else {
		ui.home.Load(shown)
	}
}

// stopping is the first thing the window does when the app stops: the
// store's background work no longer reaches the screen. Once Fyne has
// stopped its main loop it runs what is handed to it on the caller's
// goroutine, where a reload of home would touch widgets being torn down.
func (ui *UI) stopping() {
	ui.stopped.Store(true)
	ui.stopReads() // what is still being read would reach no screen: the quit does not wait for it
}

// summariesRecomputed shows home's figures again as the store recomputes
// them in the background, and says once if that stopped on an error.
func (ui *UI) summariesRecomputed(done bool, err error) {
	if err != nil && !ui.recomputeFailed {
		// Once: each visit to home tries again, and would say it again.
		ui.recomputeFailed = true
		ui.showMessage("Some levels and scores are not up to date yet",
			"Trainscope could not bring every train's level and score up to date for this version. "+
				"Those not done yet say so; Trainscope tries again each time you go Home. Your assessments are not affected.\n\n"+plainError(err))
	}
	if len(ui.stack) == 1 && (done || err == nil) {
		ui.home.Reload()
	}
}

// Window is the main window.
func (ui *UI) Window() fyne.Window { return ui.win }

func rememberedSize(p fyne.Preferences) fyne.Size {
	w := float32(p.FloatWithFallback(prefWidth, float64(defaultWindowSize.Width)))
	h := float32(p.FloatWithFallback(prefHeight, float64(defaultWindowSize.Height)))
	if w < 640 || h < 480 {
		return defaultWindowSize
	}
	return fyne.NewSize(w, h)
}

// Room kept free around a window that would not fit the screen: for the
// window's title bar and borders, which the work area does not count.
const (
	screenMarginWidth  = 16
	screenMarginHeight = 48
)

// fitSize is the size a window of size want gets on a screen whose free
// area (without task bars and panels) is area, in the same units: want
// where it fits, else as large as fits with room for the window's title bar
// and borders, never smaller than 640×480 unless the screen is. A zero area
// is a screen of unknown size: want is kept.
func fitSize(want, area fyne.Size) fyne.Size {
	if area.Width <= 0 || area.Height <= 0 {
		return want
	}
	limit := func(want, free, margin, least float32) float32 {
		room := max(free-margin, min(least, free))
		return min(want, room)
	}
	return fyne.NewSize(
		limit(want.Width, area.Width, screenMarginWidth, 640),
		limit(want.Height, area.Height, screenMarginHeight, 480))
}

// fitScreen makes the window fit the screen it opens on: a size remembered
// from a larger screen would otherwise reach past the edges of a smaller
// one, where the coach cannot grab them. area reads the screen's free area
// in the window's units, or zero when it cannot tell. Fyne has no public
// call for it, so Run reads it from GLFW (screenArea), on the main thread
// once the window is shown.
func (ui *UI) fitScreen(area func(scale float32) fyne.Size) {
	want := ui.win.Canvas().Size()
	fit := fitSize(want, area(ui.win.Canvas().Scale()))
	if fit != want {
		ui.win.Resize(fit)
		ui.win.CenterOnScreen()
	}
}

// screenArea is the free area of the primary screen, from GLFW, in units of
// a canvas of the given scale; zero if GLFW cannot tell. It must run on the
// main thread after Fyne has started GLFW (a window is shown).
func screenArea(scale float32) (area fyne.Size) {
	defer func() {
		if recover() != nil { // GLFW not started, or no screen
			area = fyne.Size{}
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil || scale <= 0 {
		return fyne.Size{}
	}
	_, _, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		mode := m.GetVideoMode()
		if mode == nil {
			return fyne.Size{}
		}
		w, h = mode.Width, mode.Height
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale)
}

func (ui *UI) rememberSize() {
	s := ui.win.Canvas().Size()
	if s.Width >= 640 && s.Height >= 480 {
		ui.app.Preferences().SetFloat(prefWidth, float64(s.Width))
		ui.app.Preferences().SetFloat(prefHeight, float64(s.Height))
	}
}

// show puts a screen on top of the stack.
func (ui *UI) show(s screen) {
	ui.stack = append(ui.stack, s)
	ui.display()
}

// back returns to the screen below, reading it again from the store.
func (ui *UI) back() {
	if len(ui.stack) <= 1 {
		return
	}
	ui.leaving(ui.top())
	ui.stack = ui.stack[:len(ui.stack)-1]
	ui.display()
	ui.top().reload()
}

// goHome returns to the home screen.
func (ui *UI) goHome() {
	if len(ui.stack) <= 1 {
		ui.home.Reload()
		return
	}
	for _, s := range ui.stack[1:] {
		ui.leaving(s)
	}
	ui.stack = ui.stack[:1]
	ui.display()
	ui.home.Reload()
}

// leaving gives a screen the chance to write what is pending (a note typed
// a moment ago) before it goes.
func (ui *UI) leaving(s screen) {
	ui.typing.flush()
	delete(ui.variants, s)
	if f, ok := s.(interface{ flush() }); ok {
		f.flush()
	}
	if l, ok := s.(interface{ left() }); ok {
		l.left()
	}
}

// shownVariant is the light or dark the window is drawn in: the coach's
// choice, or the system's.
func (ui *UI) shownVariant() fyne.ThemeVariant {
	v := ui.app.Settings().ThemeVariant()
	if t, ok := ui.app.Settings().Theme().(trainscopeTheme); ok {
		return t.variant(v)
	}
	return v
}

// setAppearance draws the app light, dark or as the system does, and
// remembers the choice for the next start.
func (ui *UI) setAppearance(a appearance) {
	ui.app.Preferences().SetString(prefTheme, string(a))
	ui.app.Settings().SetTheme(trainscopeTheme{appearance: a}) // repaints what is on screen
	if len(ui.stack) > 0 {
		ui.variants[ui.top()] = ui.shownVariant() // the others repaint as they come back
	}
	ui.menu.update()
}

// appearance is the coach's current choice.
func (ui *UI) appearance() appearance {
	if t, ok := ui.app.Settings().Theme().(trainscopeTheme); ok {
		return t.appearance
	}
	return appearanceSystem
}

func (ui *UI) top() screen { return ui.stack[len(ui.stack)-1] }

func (ui *UI) display() {
	ui.status.clearUndo()
	ui.undos.Clear()
	s := ui.top()
	// A screen that was out of sight when the system switched between light
	// and dark is painted again as it comes back.
	if v := ui.shownVariant(); ui.variants[s] != v {
		if _, seen := ui.variants[s]; seen {
			widgets.RefreshTree(s.content())
		}
		ui.variants[s] = v
	}
	ui.body.Objects = []fyne.CanvasObject{s.content()}
	ui.body.Refresh()
	titles := make([]string, 0, len(ui.stack))
	for _, s := range ui.stack {
		titles = append(titles, s.title())
	}
	ui.crumb.SetText(strings.Join(titles, "  ›  "))
	if len(ui.stack) > 1 {
		ui.backBtn.Enable()
	} else {
		ui.backBtn.Disable()
	}
	ui.menu.update()
	if f, ok := s.(interface{ shown() }); ok {
		f.shown()
	}
}

// retitle updates the breadcrumb after a screen's title changed.
func (ui *UI) retitle() {
	titles := make([]string, 0, len(ui.stack))
	for _, s := range ui.stack {
		titles = append(titles, s.title())
	}
	ui.crumb.SetText(strings.Join(titles, "  ›  "))
}

// current returns the topmost screen of type T, or that offers T when T is
// an interface, if any is open.
func current[T any](ui *UI) (T, bool) {
	for i := len(ui.stack) - 1; i >= 0; i-- {
		if s, ok := ui.stack[i].(T); ok {
			return s, true
		}
	}
	var zero T
	return zero, false
}

// openTrain shows a train's screen on top of home.
func (ui *UI) openTrain(id string) {
	ui.app.Preferences().SetString(prefLastTrain, id)
	ts := trainPage{train.New(ui, id)}
	for len(ui.stack) > 1 {
		ui.leaving(ui.top())
		ui.stack = ui.stack[:len(ui.stack)-1]
	}
	ui.show(ts)
	ts.reload()
}

// openResults shows an assessment's results, above its train.
func (ui *UI) openResults(trainID, assessmentID string) {
	ui.showAboveTrain(trainID, resultsPage{results.New(ui, trainID, assessmentID)})
}

// showAboveTrain shows a screen of one of the train's assessments, right
// above the train's screen, and reads it.
func (ui *UI) showAboveTrain(trainID string, s screen) {
	if ts, ok := current[trainPage](ui); !ok || ts.ID() != trainID {
		ui.openTrain(trainID)
	}
	for {
		if _, ok := ui.top().(trainPage); ok {
			break
		}
		ui.leaving(ui.top())
		ui.stack = ui.stack[:len(ui.stack)-1]
	}
	ui.show(s)
	s.reload()
}

// functionKey handles the keys without a modifier that work on every
// screen: F1 lists the keys, F5 opens the workshop's presentation.
func (ui *UI) functionKey(e *fyne.KeyEvent) {
	if ui.dialogKey(e.Name) {
		return
	}
	switch e.Name {
	case fyne.KeyF1:
		ui.showKeys()
	case fyne.KeyF5:
		if p, ok := ui.top().(presenter); ok {
			p.Present()
		}
	}
}

// startWorkshopDialog asks whether the workshop is anonymous, then makes
// the assessment a workshop and opens it.
func (ui *UI) startWorkshopDialog(trainID, assessmentID string) {
	ui.typing.flush()
	anonymous := widget.NewCheck("Anonymous: reports, exports and the presentation show roles, never names", nil)
	text := widgets.Wrapped("In a workshop the people in the room rate each item on this machine, one after the other. " +
		"Each vote stays hidden until you reveal the item; then everyone sees the spread, you discuss it, " +
		"and you record the room's consensus (the item's answer) and, apart from it, what you observed yourself.")
	d := dialog.NewCustomConfirm("Run as workshop", "Start the workshop", "Cancel", container.NewVBox(text, anonymous), func(ok bool) {
		if !ok {
			return
		}
		anon := anonymous.Checked
		ui.write("the new workshop", func(ctx context.Context) error {
			return ui.store.StartWorkshop(ctx, assessmentID, anon)
		}, func() { ui.openWorkshop(trainID, assessmentID) })
	}, ui.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// ctx is the context of the store's writes, exports and imports: the app
// never cancels them halfway, so a write either lands or reports why not.
// Reads run under ui.reads, which the stop ends.
func (ui *UI) ctx() context.Context { return context.Background() }

// load reads from the store in the background, then hands the result to
// done on the UI thread. A failed read shows a dialog in plain words.
func load[T any](ui *UI, what string, read func(context.Context) (T, error), done func(T)) {
	host.Load(ui, what, read, done)
}

// write saves something in the background. The status bar says "Saving…"
// until the store confirms, then "Saved"; a failure keeps the coach's input
// on screen, shows what went wrong in plain words and offers to try again.
// done, if not nil, runs after a successful write.
func (ui *UI) write(what string, work func(context.Context) error, done func()) {
	ui.writeOr(what, work, done, nil, nil)
}

// writeOr is write for a screen that has already shown the change: failed,
// if not nil, runs first on a refusal and takes the change back, so the
// screen shows what the store holds; retry, if not nil, is what "Try again"
// does instead of writing the same again.
func (ui *UI) writeOr(what string, work func(context.Context) error, done func(), failed func(error), retry func()) {
	ui.status.saving()
	ui.bg.do(func() error { return work(ui.ctx()) }, func(err error) {
		if err != nil {
			ui.status.failed()
			kept := "What you entered is still on screen."
			if failed != nil {
				failed(err)
				kept = "The screen shows what is saved."
			}
			if retry == nil {
				retry = func() { ui.writeOr(what, work, done, failed, nil) }
			}
			ui.showWriteError(what, err, kept, retry)
			return
		}
		ui.status.saved(ui.now())
		if done != nil {
			done()
		}
	})
}

// showWriteError explains a failed write and offers to try it again. While
// one is open for the same thing, another refusal of it adds no second
// dialog: the coach who goes on editing is not stopped at every change,
// and "Try again" writes the latest of them, which holds the others.
func (ui *UI) showWriteError(what string, err error, kept string, retry func()) {
	if ui.writeErrors == nil {
		ui.writeErrors = map[string]func(){}
	}
	if _, open := ui.writeErrors[what]; open {
		ui.writeErrors[what] = retry
		return
	}
	ui.writeErrors[what] = retry
	msg := fmt.Sprintf("Trainscope could not save %s.\n\n%s\n\n%s", what, plainError(err), kept)
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Not saved", "Try again", "Close", label, func(again bool) {
		latest := ui.writeErrors[what]
		delete(ui.writeErrors, what)
		if again {
			latest()
		}
	}, ui.win)
	ui.answerKeys(d, d.Confirm)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// showError tells the coach what went wrong, in plain words.
func (ui *UI) showError(title string, err error) { ui.showMessage(title, plainError(err)) }

// showMessage shows text in a dialog titled title, closed with Close,
// Enter or Esc.
func (ui *UI) showMessage(title, text string) {
	d := dialog.NewCustom(title, "Close", widgets.Wrapped(text), ui.win)
	ui.answerKeys(d, d.Dismiss)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// plainError turns an error into a sentence a coach can act on.
func plainError(err error) string {
	var damaged *data.DamagedError
	switch {
	case errors.Is(err, data.ErrFinal):
		return "This assessment is finished, so it is read-only. Reopen it first if you need to change it."
	case errors.Is(err, data.ErrNoWorkshop):
		return "This assessment is not run as a workshop. Start one from its checklists with “Run as workshop”."
	case workshop.Refusal(err) != "":
		return workshop.Refusal(err)
	case errors.Is(err, data.ErrNotFound):
		return "It is no longer in the database; it may have been deleted in another window."
	case errors.As(err, &damaged):
		return "The database file cannot be used: " + damaged.Error()
	case errors.Is(err, data.ErrBusy):
		return "The database is busy: another copy of Trainscope may be writing to it. Wait a moment and try again."
	case errors.Is(err, data.ErrReadOnly), errors.Is(err, data.ErrNoPermission), errors.Is(err, fs.ErrPermission):
		return "The file cannot be written: the folder may be read-only or belong to someone else.\n\nDetails: " + err.Error()
	case errors.Is(err, data.ErrDiskFull), errors.Is(err, syscall.ENOSPC):
		return "The disk is full. Free some space and try again."
	}
	return "Details: " + err.Error()
}

// confirm asks before anything destructive.
func (ui *UI) confirm(title, message, action string, do func()) {
	label := widget.NewLabel(message)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, action, "Cancel", label, func(ok bool) {
		if ok {
			do()
		}
	}, ui.win)
	ui.answerKeys(d, d.Confirm)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// showStoreWarnings says, once after opening, what the store found that did
// not stop it: a daily backup that failed, a database made private.
func (ui *UI) showStoreWarnings() {
	ws := ui.store.Warnings()
	if len(ws) == 0 {
		return
	}
	label := widget.NewLabel("Your data is open and safe to work on. " + strings.Join(ws, "\n\n"))
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Trainscope opened your data, with a warning", "OK", label, ui.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}
