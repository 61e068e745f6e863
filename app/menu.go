package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// mainMenu is the window's menu. Every keyboard shortcut of the app is
// registered here, in one place, so the menu documents them.
type mainMenu struct {
	ui   *UI
	menu *fyne.MainMenu

	newTrain, sample, findTrain                         *fyne.MenuItem
	exportReport, exportBundle, exportCSV, importBundle *fyne.MenuItem
	exportXLSX, exportResponse, importResponses         *fyne.MenuItem
	home, back, portfolio                               *fyne.MenuItem
	newAssessment, nextUnanswered, prevItem, nextItem   *fyne.MenuItem
	results, finish                                     *fyne.MenuItem
	workshop, present                                   *fyne.MenuItem
	keys, method, about                                 *fyne.MenuItem
	undo, redo                                          *fyne.MenuItem
	quit                                                *fyne.MenuItem
	appearance                                          []*fyne.MenuItem // one per appearance, in order
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
		ui.home.FocusSearch()
	})
	m.exportReport = item("Export report (PDF)…", ctrl(fyne.KeyE), func() {
		if tID, aID, ok := ui.currentAssessment(); ok {
			ui.exportReportDialog(tID, aID)
		}
	})
	m.exportBundle = item("Export bundle…", nil, func() { ui.exportBundleDialog() })
	m.exportCSV = item("Export answers and scores (CSV)…", nil, func() { ui.exportCSVDialog() })
	m.exportXLSX = item("Export for spreadsheets (Excel)…", nil, func() { ui.exportXLSXDialog() })
	m.importBundle = item("Import bundle…", ctrl(fyne.KeyI), func() { ui.importBundleDialog() })
	m.exportResponse = item("Export my answers as a workshop response…", nil, func() {
		if tID, aID, ok := ui.currentAssessment(); ok {
			ui.exportResponseDialog(tID, aID)
		}
	})
	m.importResponses = item("Import workshop responses…", nil, func() {
		if tID, aID, ok := ui.currentAssessment(); ok {
			ui.importResponsesDialog(tID, aID)
		}
	})

	m.home = item("Home", alt(fyne.KeyHome), ui.goHome)
	m.back = item("Back", alt(fyne.KeyLeft), ui.back)
	m.portfolio = item("Portfolio", ctrlShift(fyne.KeyP), func() {
		ui.goHome()
		ui.home.ShowPortfolio()
	})

	m.newAssessment = item("New assessment…", ctrlShift(fyne.KeyN), func() {
		if s, ok := current[assessmentStarter](ui); ok {
			s.NewAssessmentDialog()
		}
	})
	m.nextUnanswered = item("Next unanswered item", ctrl(fyne.KeyJ), func() {
		if s, ok := ui.top().(unansweredFinder); ok {
			s.NextUnanswered()
		}
	})
	m.prevItem = item("Previous item", ctrl(fyne.KeyUp), func() {
		if s, ok := ui.top().(itemMover); ok {
			s.Move(-1)
		}
	})
	m.nextItem = item("Next item", ctrl(fyne.KeyDown), func() {
		if s, ok := ui.top().(itemMover); ok {
			s.Move(1)
		}
	})
	m.results = item("Results", ctrl(fyne.KeyR), func() {
		if tID, aID, ok := ui.currentAssessment(); ok {
			ui.openResults(tID, aID)
		}
	})
	m.finish = item("Finish or reopen…", nil, func() {
		if s, ok := ui.top().(finisher); ok {
			s.ToggleFinished()
		}
	})
	m.workshop = item("Workshop…", ctrlShift(fyne.KeyW), ui.runWorkshop)
	// F5 works too where the keys are free (the levels, or nothing
	// focused); a shortcut with a modifier works from a notes field as well.
	m.present = item("Presentation view", ctrlShift(fyne.KeyF), func() {
		if s, ok := ui.top().(presenter); ok {
			s.Present()
		}
	})

	// Ctrl+Z reaches a focused text field first, which undoes its own
	// typing (Fyne's Entry does); the canvas takes it when no field does.
	// The menu's shortcuts are named for the menu only, so the menu never
	// takes Ctrl+Z from a field.
	m.undo = item(widgets.UndoWord, ctrl(fyne.KeyZ), func() { ui.undoKey(false) })
	m.redo = item(widgets.RedoWord, ctrlShift(fyne.KeyZ), func() { ui.undoKey(true) })
	ui.win.Canvas().AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { ui.undoKey(false) })
	ui.win.Canvas().AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { ui.undoKey(true) })
	ui.undos.OnChange = ui.undoChanged

	m.keys = item("Keyboard shortcuts", &desktop.CustomShortcut{KeyName: fyne.KeyF1}, ui.showKeys)
	m.method = item("How scores are computed", nil, ui.showMethod)
	m.about = item("About Trainscope", nil, ui.showAbout)
	// Quit asks about an open form as closing the window does (Fyne's own
	// Quit would stop the app without asking), and saves what is typed.
	m.quit = item("Quit", ctrl(fyne.KeyQ), ui.closeWindow)
	m.quit.IsQuit = true

	m.menu = fyne.NewMainMenu(
		fyne.NewMenu("File", m.newTrain, m.sample, fyne.NewMenuItemSeparator(),
			m.exportReport, m.exportBundle, m.exportCSV, m.exportXLSX, m.importBundle, fyne.NewMenuItemSeparator(),
			m.exportResponse, m.importResponses, fyne.NewMenuItemSeparator(), m.quit),
		fyne.NewMenu("Edit", m.undo, m.redo),
		fyne.NewMenu("View", m.home, m.back, m.findTrain, m.portfolio, fyne.NewMenuItemSeparator(), m.appearanceMenu()),
		fyne.NewMenu("Assessment", m.newAssessment, fyne.NewMenuItemSeparator(),
			m.prevItem, m.nextItem, m.nextUnanswered, fyne.NewMenuItemSeparator(),
			m.results, m.finish, fyne.NewMenuItemSeparator(),
			m.workshop, m.present),
		fyne.NewMenu("Help", m.keys, m.method, m.about),
	)
	m.updateUndo()
	return m
}

// appearanceMenu offers light, dark or as the system, with the choice
// ticked.
func (m *mainMenu) appearanceMenu() *fyne.MenuItem {
	parent := fyne.NewMenuItem("Appearance", nil)
	for _, a := range appearances {
		a := a
		m.appearance = append(m.appearance, fyne.NewMenuItem(a.Title(), func() { m.ui.setAppearance(a) }))
	}
	parent.ChildMenu = fyne.NewMenu("", m.appearance...)
	return parent
}

// update enables what makes sense on the screen shown.
func (m *mainMenu) update() {
	if m == nil || m.ui == nil {
		return
	}
	for i, item := range m.appearance {
		item.Checked = m.ui.appearance() == appearances[i]
	}
	if len(m.ui.stack) == 0 {
		return
	}
	_, onTrain := current[assessmentStarter](m.ui)
	_, inAssessment := m.ui.top().(finisher)
	_, inWorkshop := m.ui.top().(presenter)
	_, _, hasAssessment := m.ui.currentAssessment()
	set := func(i *fyne.MenuItem, enabled bool) { i.Disabled = !enabled }
	set(m.back, len(m.ui.stack) > 1)
	set(m.newAssessment, onTrain)
	set(m.nextUnanswered, inAssessment)
	set(m.prevItem, inAssessment || inWorkshop)
	set(m.nextItem, inAssessment || inWorkshop)
	set(m.workshop, hasAssessment)
	set(m.present, inWorkshop)
	set(m.exportResponse, hasAssessment)
	set(m.importResponses, hasAssessment)
	set(m.finish, inAssessment)
	set(m.results, hasAssessment)
	set(m.exportReport, hasAssessment)
	m.updateUndo()
}

// updateUndo names the change Edit ▸ Undo takes back and the one Redo
// makes again, each disabled when there is none.
func (m *mainMenu) updateUndo() {
	if m == nil || m.undo == nil {
		return
	}
	s, ok := m.ui.undos.Next()
	m.undo.Label, m.undo.Disabled = widgets.UndoLabel(widgets.UndoWord, s, ok), !ok
	s, ok = m.ui.undos.NextRedo()
	m.redo.Label, m.redo.Disabled = widgets.UndoLabel(widgets.RedoWord, s, ok), !ok
	m.menu.Refresh()
}

// The menu asks the screen on top what it can do, not what it is: each
// interface is one thing a menu entry needs, and a screen in any package
// offers it by having the method.
type (
	// assessmentShower is a screen of one assessment: its checklists,
	// results or workshop. a is nil until the assessment has been read.
	assessmentShower interface {
		ShownAssessment() (trainID, assessmentID string, a *assessment.Assessment)
	}
	// assessmentStarter is a train's screen, which starts assessments.
	assessmentStarter interface{ NewAssessmentDialog() }
	// itemMover goes through the items one at a time.
	itemMover interface{ Move(delta int) }
	// unansweredFinder jumps to the next item not yet answered.
	unansweredFinder interface{ NextUnanswered() }
	// finisher finishes an assessment, or reopens a finished one.
	finisher interface{ ToggleFinished() }
	// presenter shows the room a presentation view.
	presenter interface{ Present() }
	// voteShower brings a workshop's voting to the front.
	voteShower interface{ ShowVoting() }
)

// currentAssessment is the assessment on screen, from its checklists, its
// results or its workshop.
func (ui *UI) currentAssessment() (trainID, assessmentID string, ok bool) {
	if s, ok := ui.top().(assessmentShower); ok {
		trainID, assessmentID, _ = s.ShownAssessment()
		return trainID, assessmentID, true
	}
	return "", "", false
}

// runWorkshop opens the workshop of the assessment on screen, or offers to
// run a draft as one.
func (ui *UI) runWorkshop() {
	if s, ok := ui.top().(voteShower); ok {
		s.ShowVoting()
		return
	}
	s, ok := ui.top().(assessmentShower)
	if !ok {
		return
	}
	tID, aID, a := s.ShownAssessment()
	if a == nil {
		return
	}
	switch {
	case a.Workshop != nil:
		ui.openWorkshop(tID, aID)
	case a.Status == assessment.Final:
		ui.showError("Cannot run it as a workshop", data.ErrFinal)
	default:
		ui.startWorkshopDialog(tID, aID)
	}
}

// keyHelp lists the keyboard shortcuts, as the Help menu shows them.
var keyHelp = [][2]string{
	{"1 – 5", "choose that level for the item on screen (while the levels or nothing have the keys; Esc leaves a note for them); in a workshop, the vote of whoever is voting"},
	{"N", "not applicable"},
	{"D", "don't know"},
	{"0 or Delete", "clear the answer (not in a workshop vote)"},
	followUpKeys(),
	{"↓ → Tab Enter", "next item (in a workshop vote Enter stays, so a voter's Enter never moves the room on)"},
	{"↑ ← Shift+Tab", "previous item"},
	{"Ctrl+J", "jump to the next unanswered item"},
	{"Ctrl+↑ / Ctrl+↓", "previous / next item, also while typing a note; the keys go back to the levels"},
	{"Esc (in a note)", "leave the note; the levels have the keys again"},
	{"Tab / Shift+Tab (in a field)", "next / previous field; a note never takes a tab"},
	{"Enter / Esc (in a dialog)", "its main button / Cancel or Close"},
	{"Ctrl+R", "results of the assessment on screen"},
	{"Ctrl+E", "export the report as PDF"},
	{"Ctrl+N", "new train"},
	{"Ctrl+Shift+N", "new assessment of the train on screen"},
	{"Ctrl+F", "find a train"},
	{"Ctrl+Shift+P", "portfolio"},
	{"Ctrl+I", "import a bundle"},
	{"Ctrl+Shift+W", "run the assessment on screen as a workshop, or open its workshop"},
	{"Ctrl+Shift+F or F5", "presentation view of the workshop, for a projector"},
	{"← → (presentation)", "previous / next item; F11 full screen; Esc leaves"},
	{"Ctrl+Z", "undo the last change on screen (an answer, a note, an impediment, the roster); in a text field, first what you typed there"},
	{"Ctrl+Shift+Z or Ctrl+Y", "redo what Ctrl+Z took back"},
	{"Alt+←", "back"},
	{"Alt+Home", "home"},
	{"Ctrl+Q", "quit (asking first about a form not saved, as closing the window does)"},
	{"F1", "this list"},
}

// followUpKeys is the line of the key list for the follow-up step: one
// digit per state, in the domain's order and words.
func followUpKeys() [2]string {
	var what []string
	for _, st := range assessment.FollowUpStates {
		what = append(what, st.Key()+" "+strings.ToLower(st.Title()))
	}
	first, last := assessment.FollowUpStates[0], assessment.FollowUpStates[len(assessment.FollowUpStates)-1]
	return [2]string{first.Key() + " – " + last.Key() + " (since last PI)", "the state of the follow-up on screen: " + strings.Join(what, ", ") + " (asks the reason)"}
}

func (ui *UI) showKeys() {
	var rows []fyne.CanvasObject
	for _, k := range keyHelp {
		key := widget.NewLabel(k[0])
		key.TextStyle.Monospace = true
		rows = append(rows, widgets.Row([]float32{32, 68}, key, widgets.Wrapped(k[1])))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(container.NewVBox(rows...)), ui.win)
	ui.answerKeys(d, d.Dismiss)
	d.Resize(fyne.NewSize(640, 560))
	d.Show()
}

func (ui *UI) showMethod() {
	md := widget.NewRichTextFromMarkdown(methodForCoach(assessment.Method(ui.defs)))
	md.Wrapping = fyne.TextWrapWord
	w := ui.app.NewWindow("Trainscope – how scores are computed")
	w.SetContent(container.NewVScroll(md))
	w.Resize(fyne.NewSize(820, 700))
	w.Show()
}

// methodForCoach is the method document as a coach reads it in the app:
// the paragraph that tells developers how the file is regenerated goes,
// and a table too wide for the window becomes one paragraph a row, which
// wraps instead of being cut at the window's edge.
func methodForCoach(md string) string {
	var out []string
	for _, para := range strings.Split(md, "\n\n") {
		if strings.Contains(para, "Do not edit by hand") {
			continue
		}
		out = append(out, unfoldWideTables(para))
	}
	return strings.Join(out, "\n\n")
}

// wideTable is the width of a table row, in characters, beyond which the
// method window cannot show the table whole.
const wideTable = 110

// unfoldWideTables writes each row of a wide Markdown table as a paragraph:
// the row's first cell in bold, then each other cell after its column's
// heading.
func unfoldWideTables(para string) string {
	lines := strings.Split(para, "\n")
	var out []string
	for start := 0; start < len(lines); {
		end := start
		for end < len(lines) && strings.HasPrefix(lines[end], "|") {
			end++
		}
		if end == start {
			out = append(out, lines[start])
			start++
			continue
		}
		table := lines[start:end]
		start = end
		wide := false
		for _, l := range table {
			wide = wide || len([]rune(l)) > wideTable
		}
		if !wide || len(table) < 3 {
			out = append(out, table...)
			continue
		}
		head := tableCells(table[0])
		for _, l := range table[2:] {
			cells := tableCells(l)
			var parts []string
			for j := 1; j < len(cells); j++ {
				h := ""
				if j < len(head) && head[j] != "" {
					h = head[j] + ": "
				}
				parts = append(parts, h+cells[j])
			}
			row := strings.Join(parts, " · ")
			if len(cells) > 0 && cells[0] != "" {
				row = "**" + cells[0] + ".** " + row
			}
			out = append(out, "", row)
		}
		out = append(out, "")
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// tableCells splits a Markdown table row into its cells.
func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	cells := strings.Split(line, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

func (ui *UI) showAbout() {
	text := widgets.Wrapped("Trainscope helps agile coaches assess how mature an Agile Release Train is, " +
		"and report with recommendations to the LACE and leadership.\n\n" +
		"Everything stays on this computer unless you export it.\nDatabase: " + ui.store.Path() +
		"\nChecklists: version " + ui.defs.Version)
	d := dialog.NewCustom("About Trainscope", "Close", text, ui.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}
