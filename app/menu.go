package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
)

// mainMenu is the window's menu. Every keyboard shortcut of the app is
// registered here, in one place, so the menu documents them.
type mainMenu struct {
	ui   *UI
	menu *fyne.MainMenu

	newTrain, sample, findTrain                         *fyne.MenuItem
	exportReport, exportBundle, exportCSV, importBundle *fyne.MenuItem
	home, back, portfolio                               *fyne.MenuItem
	newAssessment, nextUnanswered, prevItem, nextItem   *fyne.MenuItem
	results, finish                                     *fyne.MenuItem
	keys, method, about                                 *fyne.MenuItem
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func alt(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}
}

func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	i := fyne.NewMenuItem(label, action)
	i.Shortcut = sc
	return i
}

func newMainMenu(ui *UI) *mainMenu {
	m := &mainMenu{ui: ui}
	m.newTrain = item("New train…", ctrl(fyne.KeyN), func() { ui.newTrainDialog() })
	m.sample = item("Add the sample train", nil, func() { ui.addSample() })
	m.findTrain = item("Find a train", ctrl(fyne.KeyF), func() {
		ui.goHome()
		ui.home.focusSearch()
	})
	m.exportReport = item("Export report (PDF)…", ctrl(fyne.KeyE), func() {
		if tID, aID, ok := ui.currentAssessment(); ok {
			ui.exportReportDialog(tID, aID)
		}
	})
	m.exportBundle = item("Export bundle…", nil, func() { ui.exportBundleDialog() })
	m.exportCSV = item("Export answers and scores (CSV)…", nil, func() { ui.exportCSVDialog() })
	m.importBundle = item("Import bundle…", ctrl(fyne.KeyI), func() { ui.importBundleDialog() })

	m.home = item("Home", alt(fyne.KeyHome), ui.goHome)
	m.back = item("Back", alt(fyne.KeyLeft), ui.back)
	m.portfolio = item("Portfolio", ctrlShift(fyne.KeyP), func() {
		ui.goHome()
		ui.home.showPortfolio()
	})

	m.newAssessment = item("New assessment…", ctrlShift(fyne.KeyN), func() {
		if ts, ok := current[*trainScreen](ui); ok {
			ts.newAssessmentDialog()
		}
	})
	m.nextUnanswered = item("Next unanswered item", ctrl(fyne.KeyJ), func() {
		if as, ok := ui.top().(*assessmentScreen); ok {
			as.nextUnanswered()
		}
	})
	m.prevItem = item("Previous item", ctrl(fyne.KeyUp), func() {
		if as, ok := ui.top().(*assessmentScreen); ok {
			as.move(-1)
		}
	})
	m.nextItem = item("Next item", ctrl(fyne.KeyDown), func() {
		if as, ok := ui.top().(*assessmentScreen); ok {
			as.move(1)
		}
	})
	m.results = item("Results", ctrl(fyne.KeyR), func() {
		if tID, aID, ok := ui.currentAssessment(); ok {
			ui.openResults(tID, aID)
		}
	})
	m.finish = item("Finish or reopen…", nil, func() {
		if as, ok := ui.top().(*assessmentScreen); ok {
			as.toggleFinished()
		}
	})

	m.keys = item("Keyboard shortcuts", &desktop.CustomShortcut{KeyName: fyne.KeyF1}, ui.showKeys)
	m.method = item("How scores are computed", nil, ui.showMethod)
	m.about = item("About Trainscope", nil, ui.showAbout)

	m.menu = fyne.NewMainMenu(
		fyne.NewMenu("File", m.newTrain, m.sample, fyne.NewMenuItemSeparator(),
			m.exportReport, m.exportBundle, m.exportCSV, m.importBundle),
		fyne.NewMenu("View", m.home, m.back, m.findTrain, m.portfolio),
		fyne.NewMenu("Assessment", m.newAssessment, fyne.NewMenuItemSeparator(),
			m.prevItem, m.nextItem, m.nextUnanswered, fyne.NewMenuItemSeparator(),
			m.results, m.finish),
		fyne.NewMenu("Help", m.keys, m.method, m.about),
	)
	return m
}

// update enables what makes sense on the screen shown.
func (m *mainMenu) update() {
	if m == nil || m.ui == nil || len(m.ui.stack) == 0 {
		return
	}
	_, onTrain := current[*trainScreen](m.ui)
	_, inAssessment := m.ui.top().(*assessmentScreen)
	_, _, hasAssessment := m.ui.currentAssessment()
	set := func(i *fyne.MenuItem, enabled bool) { i.Disabled = !enabled }
	set(m.back, len(m.ui.stack) > 1)
	set(m.newAssessment, onTrain)
	set(m.nextUnanswered, inAssessment)
	set(m.prevItem, inAssessment)
	set(m.nextItem, inAssessment)
	set(m.finish, inAssessment)
	set(m.results, hasAssessment)
	set(m.exportReport, hasAssessment)
	m.menu.Refresh()
}

// currentAssessment is the assessment on screen, from its checklists or its
// results.
func (ui *UI) currentAssessment() (trainID, assessmentID string, ok bool) {
	switch s := ui.top().(type) {
	case *assessmentScreen:
		return s.trainID, s.assessmentID, true
	case *resultsScreen:
		return s.trainID, s.assessmentID, true
	}
	return "", "", false
}

// keyHelp lists the keyboard shortcuts, as the Help menu shows them.
var keyHelp = [][2]string{
	{"1 – 5", "choose that level for the item on screen (while the levels have the keys; click one if a field has them)"},
	{"N", "not applicable"},
	{"D", "don't know"},
	{"0 or Delete", "clear the answer"},
	{"↓ → Tab Enter", "next item"},
	{"↑ ← Shift+Tab", "previous item"},
	{"Ctrl+J", "jump to the next unanswered item"},
	{"Ctrl+↑ / Ctrl+↓", "previous / next item, also while typing a note"},
	{"Ctrl+R", "results of the assessment on screen"},
	{"Ctrl+E", "export the report as PDF"},
	{"Ctrl+N", "new train"},
	{"Ctrl+Shift+N", "new assessment of the train on screen"},
	{"Ctrl+F", "find a train"},
	{"Ctrl+Shift+P", "portfolio"},
	{"Ctrl+I", "import a bundle"},
	{"Alt+←", "back"},
	{"Alt+Home", "home"},
	{"F1", "this list"},
}

func (ui *UI) showKeys() {
	var rows []fyne.CanvasObject
	for _, k := range keyHelp {
		key := widget.NewLabel(k[0])
		key.TextStyle.Monospace = true
		rows = append(rows, row([]float32{32, 68}, key, wrapped(k[1])))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(container.NewVBox(rows...)), ui.win)
	d.Resize(fyne.NewSize(640, 560))
	d.Show()
}

func (ui *UI) showMethod() {
	md := widget.NewRichTextFromMarkdown(assessment.Method(ui.defs))
	md.Wrapping = fyne.TextWrapWord
	w := ui.app.NewWindow("Trainscope – how scores are computed")
	w.SetContent(container.NewVScroll(md))
	w.Resize(fyne.NewSize(820, 700))
	w.Show()
}

func (ui *UI) showAbout() {
	text := wrapped("Trainscope helps agile coaches assess how mature an Agile Release Train is, " +
		"and report with recommendations to the LACE and leadership.\n\n" +
		"Everything stays on this computer unless you export it.\nDatabase: " + ui.store.Path() +
		"\nChecklists: version " + ui.defs.Version)
	d := dialog.NewCustom("About Trainscope", "Close", text, ui.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}
