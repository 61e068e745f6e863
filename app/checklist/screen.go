// Package checklist is the checklists screen: an assessment answered one
// item at a time, after the "Since last PI" step when the last finished
// assessment left follow-ups. It reaches the shell only through host.Host
// and the small interfaces below (Reporter, WorkshopRunner, DetailsEditor).
package checklist

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// Screen guides the coach through the four checklists, one item
// at a time: the item's text and guidance, every level of its scale with
// what it looks like, not applicable and don't know, and fields for notes
// and evidence. Progress shows per checklist and overall; the score and the
// verdict change as the coach answers. Every answer is saved at once. A
// finished assessment is read-only until the coach reopens it.
type Screen struct {
	host         host.Host
	trainID      string
	assessmentID string

	train   assessment.Train
	a       *assessment.Assessment
	results assessment.Results
	loaded  bool
	onTop   bool // the window shows the screen: between shown and left
	filling bool // fields are being filled from the model, not typed

	// typedFrom is each item's answer before the typing not yet saved, so
	// Ctrl+Z takes back what was typed since (see undo.go).
	typedFrom map[string]assessment.Answer

	cl, it int // the checklist and item on screen

	// The "Since last PI" step before the first checklist, when the
	// assessment has follow-ups; onStep while it is on screen.
	step    *followStep
	onStep  bool
	stepBtn *widget.Button
	stepBar *widget.ProgressBar
	stepRow *fyne.Container

	// Header
	heading     *widget.Label
	facts       *widget.Label
	finishBtn   *widget.Button
	detailsBtn  *widget.Button
	workshopBtn *widget.Button
	banner      *fyne.Container
	bannerText  *widget.Label

	// Sidebar
	overall      *widget.ProgressBar
	overallText  *widget.Label
	checklistBtn []*widget.Button
	checklistBar []*widget.ProgressBar
	itemList     *widget.List
	liveScore    *widget.Label
	liveLevel    *widget.Label
	liveVerdict  *widget.Label
	liveWarning  *widget.Label // answers to check before finishing (assessment.Warnings)

	// The item
	where        *widget.Label
	text         *widget.Label
	guidance     *widget.Label
	picker       *widgets.RatingPicker
	answerLine   *widget.Label
	figureBox    *fyne.Container
	figure       *fieldEntry
	figureUnit   *widget.Label
	note         *fieldEntry
	evidence     *fieldEntry
	noteView     *widget.Label // the notes of a finished assessment, read-only but readable
	evidenceView *widget.Label
	prevBtn      *widget.Button
	nextBtn      *widget.Button
	clNotesBtn   *widget.Button
	scroll       *container.Scroll
	root         fyne.CanvasObject
}

// What the checklists ask of the shell beyond the Host, where it offers
// them: the report's export, the workshop and the assessment's details form.
type (
	// Reporter exports an assessment's report.
	Reporter interface {
		ExportReport(trainID, assessmentID string)
	}
	// WorkshopRunner opens the workshop of the assessment on screen, or
	// offers to run a draft as one.
	WorkshopRunner interface{ RunWorkshop() }
	// DetailsEditor edits an assessment's details (date, PI, assessor, PI
	// length) in a form; save receives them once the coach saves.
	DetailsEditor interface {
		EditDetails(a assessment.Assessment, save func(assessment.Assessment))
	}
)

// defs are the checklists as this train's framework asks them: items that do
// not apply (a System Architect in Scrum@Scale) are not on the screen.
func (s *Screen) defs() *assessment.Definitions {
	return s.host.Definitions().For(s.train.Framework)
}

// New is the checklists of an assessment of a train; Reload reads them.
func New(h host.Host, trainID, assessmentID string) *Screen {
	s := &Screen{host: h, trainID: trainID, assessmentID: assessmentID}
	s.build()
	return s
}

// Title is the window's title: the assessment's PI and date.
func (s *Screen) Title() string {
	if s.a == nil {
		return "Assessment"
	}
	return "Assessment " + widgets.AssessmentTitle(s.a.PI, s.a.Date)
}

// Content is the screen.
func (s *Screen) Content() fyne.CanvasObject { return s.root }

// Shown gives the keys to the rating picker (or, on the first step, to the
// follow-up's states), so a coach can start typing.
func (s *Screen) Shown() {
	s.onTop = true
	if s.loaded {
		s.host.Window().Canvas().Focus(s.keyTarget())
	}
}

// Left says the screen has gone from the window.
func (s *Screen) Left() { s.onTop = false }

// KeyTarget is what takes the keys typed while nothing has them: nil until
// the assessment is read, then what keyTarget says.
func (s *Screen) KeyTarget() fyne.Focusable {
	if !s.loaded {
		return nil
	}
	return s.keyTarget()
}

// keyTarget is what takes the keys on screen: the follow-up's states on
// the first step, the rating picker on an item.
func (s *Screen) keyTarget() fyne.Focusable {
	if s.onStep {
		return s.step.chooser
	}
	return s.picker
}

// Flush saves what is being typed before the screen goes, or before a
// change is taken back.
func (s *Screen) Flush() {
	s.host.Flush()
	s.endTyping()
}

func (s *Screen) build() {
	s.heading = widgets.HeadingTruncated("")
	s.facts = widgets.Truncated("")
	s.detailsBtn = widget.NewButtonWithIcon("Details", theme.SettingsIcon(), s.editDetails)
	resultsBtn := widget.NewButtonWithIcon("Results", theme.InfoIcon(), func() {
		s.host.Open(host.Results(s.trainID, s.assessmentID))
	})
	exportBtn := widget.NewButtonWithIcon("Export report", theme.DocumentSaveIcon(), func() {
		if r, ok := s.host.(Reporter); ok {
			r.ExportReport(s.trainID, s.assessmentID)
		}
	})
	if _, ok := s.host.(Reporter); !ok {
		exportBtn.Disable()
	}
	s.finishBtn = widget.NewButtonWithIcon("Finish", theme.ConfirmIcon(), s.ToggleFinished)
	s.finishBtn.Importance = widget.HighImportance
	s.workshopBtn = widget.NewButtonWithIcon("Run as workshop", theme.AccountIcon(), func() {
		if w, ok := s.host.(WorkshopRunner); ok {
			w.RunWorkshop()
		}
	})
	header := container.NewBorder(nil, nil, nil,
		container.NewVBox(container.NewHBox(s.detailsBtn, s.workshopBtn, resultsBtn, exportBtn, s.finishBtn)),
		container.NewVBox(s.heading, s.facts))
	s.bannerText = widgets.Wrapped("")
	reopen := widget.NewButtonWithIcon("Reopen", theme.DocumentCreateIcon(), s.ToggleFinished)
	s.banner = container.NewPadded(widgets.Panel(container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), reopen, s.bannerText)))
	s.banner.Hide()

	// Sidebar: progress, the checklists, the items of the current one, and
	// what the answers add up to so far.
	s.overall = widget.NewProgressBar()
	s.overall.TextFormatter = func() string { return "" }
	s.overallText = widget.NewLabel("")
	s.stepBtn = widget.NewButton("", func() { s.GoToFollowUp(0) })
	s.stepBtn.Alignment = widget.ButtonAlignLeading
	s.stepBar = widget.NewProgressBar()
	s.stepBar.TextFormatter = func() string { return "" }
	s.stepRow = container.NewVBox(s.stepBtn, widgets.Inset(8, 0, widgets.WithHeight(6, s.stepBar)))
	s.stepRow.Hide()
	checklists := container.NewVBox(s.stepRow)
	for i := range s.defs().Checklists {
		i := i
		b := widget.NewButton("", func() { s.goTo(i, 0) })
		b.Alignment = widget.ButtonAlignLeading
		bar := widget.NewProgressBar()
		bar.TextFormatter = func() string { return "" }
		s.checklistBtn = append(s.checklistBtn, b)
		s.checklistBar = append(s.checklistBar, bar)
		checklists.Add(container.NewVBox(b, widgets.Inset(8, 0, widgets.WithHeight(6, bar))))
	}
	s.itemList = widget.NewList(
		func() int {
			switch {
			case s.a == nil:
				return 0
			case s.onStep:
				return len(s.a.FollowUps)
			}
			return len(s.defs().Checklists[s.cl].Items)
		},
		func() fyne.CanvasObject {
			mark := widget.NewIcon(nil)
			return container.NewBorder(nil, nil, mark, nil, widgets.Truncated(""))
		},
		s.updateItemRow)
	s.itemList.OnSelected = func(id widget.ListItemID) {
		switch {
		case s.onStep:
			if id != s.step.i {
				s.GoToFollowUp(id)
			}
		case id != s.it:
			s.goTo(s.cl, id)
		}
	}
	s.liveScore = widgets.Wrapped("")
	s.liveLevel = widgets.Wrapped("")
	s.liveVerdict = widgets.Wrapped("")
	s.liveWarning = widgets.Wrapped("")
	s.liveWarning.Importance = widget.WarningImportance
	s.liveWarning.Hide()
	live := widgets.Panel(container.NewVBox(s.liveScore, s.liveLevel, s.liveVerdict, s.liveWarning))
	sidebar := widgets.WithWidth(300, container.NewBorder(
		container.NewVBox(s.overallText, widgets.WithHeight(8, s.overall), widget.NewSeparator(), checklists, widget.NewSeparator()),
		live, nil, nil, s.itemList))

	// The item.
	s.where = widgets.Truncated("")
	s.where.TextStyle.Italic = true
	s.text = widgets.Wrapped("")
	s.text.TextStyle.Bold = true
	s.text.SizeName = theme.SizeNameSubHeadingText
	s.guidance = widgets.Wrapped("")
	s.guidance.TextStyle.Italic = true
	s.picker = widgets.NewRatingPicker()
	s.picker.OnChoose = s.setRating
	s.picker.OnMove = s.Move
	s.picker.OnHelp = s.host.ShowKeys
	s.picker.OnKey = s.host.FunctionKey
	s.answerLine = widgets.Wrapped("")
	s.answerLine.TextStyle.Bold = true
	keys := widgets.Wrapped("Keys: 1–5 choose a level · N not applicable · D don't know · 0 clear · ↓ Tab Enter next item · ↑ previous · Ctrl+J next unanswered")
	keys.TextStyle.Italic = true
	keys.SizeName = theme.SizeNameCaptionText

	s.figure = newLineEntry(func() { s.host.Window().Canvas().Focus(s.picker) }, s.host)
	s.figure.ended = s.endTyping
	s.figure.SetPlaceHolder("figure")
	s.figure.OnChanged = s.figureChanged
	s.figure.AlwaysShowValidationError = true
	s.figure.Validator = func(text string) error {
		if strings.TrimSpace(text) == "" || s.a == nil {
			return nil
		}
		_, err := s.readFigure(text)
		return err
	}
	s.figureUnit = widget.NewLabel("")
	s.figureBox = container.NewBorder(nil, nil, widget.NewLabel("Figure"), s.figureUnit, widgets.WithWidth(120, widgets.Wheel(s.figure)))

	toPicker := func() { s.host.Window().Canvas().Focus(s.picker) }
	s.note = newNoteEntry(toPicker, s.host)
	s.note.ended = s.endTyping
	s.note.SetMinRowsVisible(3)
	s.note.SetPlaceHolder("Your notes: what you heard, what you think")
	s.note.OnChanged = func(string) { s.textChanged() }
	s.evidence = newNoteEntry(toPicker, s.host)
	s.evidence.ended = s.endTyping
	s.evidence.SetMinRowsVisible(2)
	s.evidence.SetPlaceHolder("Evidence: what you saw – documents, boards, metrics")
	s.evidence.OnChanged = func(string) { s.textChanged() }

	s.noteView = widgets.Wrapped("")
	s.evidenceView = widgets.Wrapped("")
	s.noteView.Hide()
	s.evidenceView.Hide()

	s.prevBtn = widget.NewButtonWithIcon("Previous", theme.NavigateBackIcon(), func() { s.Move(-1) })
	s.nextBtn = widget.NewButtonWithIcon("Next", theme.NavigateNextIcon(), func() { s.Move(1) })
	s.nextBtn.IconPlacement = widget.ButtonIconTrailingText
	nextOpen := widget.NewButtonWithIcon("Next unanswered", theme.MediaSkipNextIcon(), s.NextUnanswered)
	s.clNotesBtn = widget.NewButtonWithIcon("Checklist notes", theme.DocumentIcon(), s.editChecklistNote)
	nav := container.NewHBox(s.prevBtn, s.nextBtn, nextOpen, layout.NewSpacer(), s.clNotesBtn)

	itemBox := container.NewVBox(
		s.where, s.text, s.guidance,
		s.picker, s.answerLine, keys, s.figureBox,
		widget.NewForm(widget.NewFormItem("Notes", container.NewStack(widgets.Wheel(s.note), s.noteView)),
			widget.NewFormItem("Evidence", container.NewStack(widgets.Wheel(s.evidence), s.evidenceView))))
	s.scroll = container.NewVScroll(container.NewPadded(itemBox))
	s.step = newFollowStep(s)
	itemArea := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewPadded(nav)), nil, nil,
		container.NewStack(s.scroll, s.step.scroll))

	s.root = container.NewBorder(
		container.NewVBox(container.NewPadded(header), s.banner),
		nil,
		container.NewHBox(container.NewPadded(sidebar), widget.NewSeparator()), nil,
		itemArea)
}

// Reload reads the assessment and its train.
func (s *Screen) Reload() {
	type loaded struct {
		train assessment.Train
		a     *assessment.Assessment
	}
	host.Load(s.host, "the assessment", func(ctx context.Context) (loaded, error) {
		var d loaded
		var err error
		if d.train, err = s.host.Store().Train(ctx, s.trainID); err != nil {
			return d, err
		}
		d.a, err = s.host.Store().Assessment(ctx, s.assessmentID)
		return d, err
	}, func(d loaded) {
		first := !s.loaded
		s.train, s.a, s.loaded = d.train, d.a, true
		if s.a.Answers == nil {
			s.a.Answers = map[string]assessment.Answer{}
		}
		if s.a.Notes == nil {
			s.a.Notes = map[string]string{}
		}
		s.evaluate()
		if first {
			// Start where the work is: last PI's follow-ups while one has
			// no state yet, then the first unanswered item.
			if i, ok := s.step.firstOpen(); ok {
				s.onStep, s.step.i = true, i
			} else if cl, it, ok := s.findUnanswered(0, -1); ok {
				s.cl, s.it = cl, it
			}
		}
		if s.step.i >= len(s.a.FollowUps) {
			s.onStep, s.step.i = false, 0
		}
		s.showAssessment()
		s.showItem()
		s.host.Retitle()
		if s.onTop {
			s.host.Window().Canvas().Focus(s.keyTarget())
		}
	})
}

func (s *Screen) evaluate() {
	s.results = assessment.Evaluate(s.defs(), s.train, s.a)
}

func (s *Screen) final() bool { return s.a != nil && s.a.Status == assessment.Final }

// showAssessment shows what concerns the whole assessment: header, status,
// progress and live results.
func (s *Screen) showAssessment() {
	a := s.a
	s.heading.SetText(s.train.Name + " · " + widgets.AssessmentTitle(a.PI, a.Date))
	facts := []string{widgets.StatusText(a.Status)}
	if a.Assessor != "" {
		facts = append(facts, "assessed by "+a.Assessor)
	}
	if w := a.Workshop; w != nil {
		facts = append(facts, "a workshop of "+widgets.Plural(len(w.Participants), "participant", "participants"))
	}
	facts = append(facts, "checklists version "+a.ChecklistVersion)
	s.facts.SetText(strings.Join(facts, " · "))
	switch {
	case a.Workshop != nil:
		s.workshopBtn.SetText("Workshop")
		s.workshopBtn.Enable()
	case s.final():
		s.workshopBtn.SetText("Run as workshop")
		s.workshopBtn.Disable()
	default:
		s.workshopBtn.SetText("Run as workshop")
		s.workshopBtn.Enable()
	}
	if s.final() {
		s.finishBtn.SetText("Reopen")
		s.finishBtn.SetIcon(theme.DocumentCreateIcon())
		s.finishBtn.Importance = widget.MediumImportance
		s.bannerText.SetText("This assessment is finished, so it is read-only. Its roster and register are kept as they were when it was first finished. Reopen it to correct answers or to review its recommendations.")
		s.banner.Show()
		s.root.Refresh()
		s.detailsBtn.Disable()
	} else {
		s.finishBtn.SetText("Finish")
		s.finishBtn.SetIcon(theme.ConfirmIcon())
		s.finishBtn.Importance = widget.HighImportance
		s.banner.Hide()
		s.root.Refresh()
		s.detailsBtn.Enable()
	}
	s.finishBtn.Refresh()
	s.showProgress()
}

// progress counts the items of a checklist that have an answer (a level,
// not applicable or don't know, or a level from a figure).
func (s *Screen) progress(checklistID string) (answered, total int) {
	for _, is := range s.results.Items {
		if is.ChecklistID != checklistID {
			continue
		}
		total++
		if is.Rating != assessment.Unanswered {
			answered++
		}
	}
	return answered, total
}

func (s *Screen) showProgress() {
	var all, done int
	for i, cl := range s.defs().Checklists {
		n, total := s.progress(cl.ID)
		all += total
		done += n
		b := s.checklistBtn[i]
		b.SetText(fmt.Sprintf("%d. %s   %d/%d", i+1, s.train.Framework.Expand(cl.Title), n, total))
		if i == s.cl && !s.onStep {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
		if total > 0 {
			s.checklistBar[i].SetValue(float64(n) / float64(total))
		}
	}
	if all > 0 {
		s.overall.SetValue(float64(done) / float64(all))
	}
	s.showStepProgress()
	s.overallText.SetText(fmt.Sprintf("Overall: %d of %d items answered", done, all))

	cl := s.defs().Checklists[s.cl]
	if cs, ok := s.results.Checklist(cl.ID); ok {
		title := s.train.Framework.Expand(cl.Title)
		if cs.Score.Known() {
			s.liveScore.SetText(fmt.Sprintf("%s: %s · %s", title, widgets.ScoreText(cs.Score), widgets.AnsweredText(cs.Score)))
		} else {
			s.liveScore.SetText(fmt.Sprintf("%s: not rated yet (%d of %d)", title, cs.Score.Rated, cs.Score.Total))
		}
	}
	level := "Level: not enough rated yet"
	if s.results.Level.Number > 0 {
		level = fmt.Sprintf("Level %d · %s · overall %s", s.results.Level.Number, s.results.Level.Name, widgets.ScoreText(s.results.Overall))
	}
	s.liveLevel.SetText(level)
	s.liveVerdict.SetText(fmt.Sprintf("%s: %s", s.train.Framework.Facilitator(), widgets.VerdictText(s.results.Verdict.Kind)))
	if ws := assessment.Warnings(s.defs(), s.train, s.a); len(ws) > 0 {
		s.liveWarning.SetText(fmt.Sprintf("Check before finishing (%d): %s", len(ws), ws[0].Text))
		s.liveWarning.Show()
	} else {
		s.liveWarning.Hide()
	}
	s.itemList.Refresh()
}

// item is the item on screen.
func (s *Screen) item() (*assessment.Checklist, *assessment.Item) {
	cl := &s.defs().Checklists[s.cl]
	return cl, &cl.Items[s.it]
}

// showStepProgress shows the first step in the sidebar, with how many
// follow-ups have a state; hidden when the assessment has none.
func (s *Screen) showStepProgress() {
	if len(s.a.FollowUps) == 0 {
		s.stepRow.Hide()
		return
	}
	said, total := s.step.count()
	s.stepBtn.SetText(fmt.Sprintf("%s   %d/%d", s.train.Framework.Expand("Since last {pi}"), said, total))
	if s.onStep {
		s.stepBtn.Importance = widget.HighImportance
	} else {
		s.stepBtn.Importance = widget.LowImportance
	}
	s.stepBtn.Refresh()
	s.stepBar.SetValue(float64(said) / float64(total))
	s.stepRow.Show()
}

func (s *Screen) updateItemRow(id widget.ListItemID, o fyne.CanvasObject) {
	if s.onStep {
		s.updateFollowUpRow(id, o)
		return
	}
	cl := s.defs().Checklists[s.cl]
	if id >= len(cl.Items) {
		return
	}
	it := cl.Items[id]
	c := o.(*fyne.Container)
	label := c.Objects[0].(*widget.Label)
	mark := c.Objects[1].(*widget.Icon)
	label.SetText(fmt.Sprintf("%d. %s", id+1, s.train.Framework.Expand(it.Text)))
	is, _ := s.results.Item(it.ID)
	switch {
	case is.Rating == assessment.Unanswered:
		mark.SetResource(theme.RadioButtonIcon())
	case is.Rating == assessment.DontKnow:
		mark.SetResource(theme.NewWarningThemedResource(theme.QuestionIcon()))
	default:
		mark.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	}
	label.TextStyle.Bold = id == s.it
	label.Refresh()
}

// updateFollowUpRow is a follow-up in the sidebar: its finding, marked
// when the coach has given it a state.
func (s *Screen) updateFollowUpRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.a.FollowUps) {
		return
	}
	fr := s.step.result(id)
	c := o.(*fyne.Container)
	label := c.Objects[0].(*widget.Label)
	mark := c.Objects[1].(*widget.Icon)
	label.SetText(fmt.Sprintf("%d. %s", id+1, fr.Finding))
	switch {
	case fr.State == assessment.FollowUpOpen:
		mark.SetResource(theme.RadioButtonIcon())
	case fr.OverduePIs > 0 && !fr.Closed:
		mark.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	default:
		mark.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	}
	label.TextStyle.Bold = id == s.step.i
	label.Refresh()
}

// showItem fills the item area from the model.
func (s *Screen) showItem() {
	if s.a == nil {
		return
	}
	if s.onStep {
		s.showStep()
		return
	}
	s.step.scroll.Hide()
	s.scroll.Show()
	s.clNotesBtn.Enable()
	cl, it := s.item()
	fw := s.train.Framework
	s.where.SetText(widgets.ItemWhere(s.defs(), fw, s.cl, s.it))
	s.text.SetText(fw.Expand(it.Text))
	s.guidance.SetText(fw.Expand(it.Guidance))

	levels := make([]assessment.Level, len(it.Levels))
	for i, l := range it.Levels {
		l.Label, l.Descriptor = fw.Expand(l.Label), fw.Expand(l.Descriptor)
		levels[i] = l
	}
	ans := s.a.Answers[it.ID]
	s.picker.SetLevels(levels, s.shownRating(it, ans))
	s.picker.SetDisabled(s.final())

	s.filling = true
	s.note.SetText(ans.Note)
	s.evidence.SetText(ans.Evidence)
	if it.Figure != nil {
		s.figureUnit.SetText(it.Figure.Unit)
		if ans.Figure != nil {
			s.figure.SetText(strconv.FormatFloat(*ans.Figure, 'f', -1, 64))
		} else {
			s.figure.SetText("")
		}
		s.figureBox.Show()
	} else {
		s.figureBox.Hide()
	}
	s.filling = false
	if s.final() {
		s.figure.Disable()
		s.note.Hide()
		s.evidence.Hide()
		s.noteView.SetText(widgets.OrDash(ans.Note))
		s.evidenceView.SetText(widgets.OrDash(ans.Evidence))
		s.noteView.Show()
		s.evidenceView.Show()
	} else {
		s.figure.Enable()
		s.noteView.Hide()
		s.evidenceView.Hide()
		s.note.Show()
		s.evidence.Show()
	}
	s.showAnswerLine()
	if s.it == 0 && s.cl == 0 && len(s.a.FollowUps) == 0 {
		s.prevBtn.Disable()
	} else {
		s.prevBtn.Enable()
	}
	if s.cl == len(s.defs().Checklists)-1 && s.it == len(cl.Items)-1 {
		s.nextBtn.Disable()
	} else {
		s.nextBtn.Enable()
	}
	s.itemList.Select(s.it)
	s.itemList.ScrollTo(s.it)
	s.scroll.ScrollToTop()
}

// showStep fills the item area with the follow-up on screen.
func (s *Screen) showStep() {
	s.scroll.Hide()
	s.step.scroll.Show()
	s.clNotesBtn.Disable()
	s.step.show()
	if s.step.i == 0 {
		s.prevBtn.Disable()
	} else {
		s.prevBtn.Enable()
	}
	s.nextBtn.Enable()
	s.itemList.Select(s.step.i)
	s.itemList.ScrollTo(s.step.i)
}

// shownRating is the level the picker marks: the coach's rating, or the
// level a figure earned while the coach has not rated the item.
func (s *Screen) shownRating(it *assessment.Item, ans assessment.Answer) assessment.Rating {
	if ans.Rating != assessment.Unanswered {
		return ans.Rating
	}
	if is, ok := s.results.Item(it.ID); ok {
		return is.Rating
	}
	return assessment.Unanswered
}

// showAnswerLine says in words what the answer is and where it comes from.
func (s *Screen) showAnswerLine() {
	_, it := s.item()
	ans := s.a.Answers[it.ID]
	is, _ := s.results.Item(it.ID)
	text := "Your answer: " + widgets.RatingText(it, ans.Rating)
	if ans.Rating == assessment.Unanswered && is.Rating.Rated() && is.Figure != nil {
		unit := ""
		if it.Figure != nil {
			unit = " " + it.Figure.Unit
		}
		switch is.Source {
		case assessment.FromFigure:
			text = fmt.Sprintf("Level from your figure (%s%s): %s", fmtFigure(*is.Figure), unit, widgets.RatingText(it, is.Rating))
		case assessment.FromRegister:
			text = fmt.Sprintf("Level from the impediment register (%s%s): %s. Choose a level or enter a figure to override it.",
				fmtFigure(*is.Figure), unit, widgets.RatingText(it, is.Rating))
		}
	}
	s.answerLine.SetText(text)
}

func fmtFigure(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// setRating records the coach's rating of the item on screen and saves it.
func (s *Screen) setRating(r assessment.Rating) {
	if s.a == nil || s.final() {
		return
	}
	s.endTyping() // a note typed a moment ago is a change of its own, before this one
	_, it := s.item()
	ans := s.a.Answers[it.ID]
	before := ans.Rating
	ans.ItemID = it.ID
	ans.Rating = r
	s.a.Answers[it.ID] = ans
	s.answerChanged(it.ID)
	s.picker.SetValue(s.shownRating(it, ans))
	if r != before {
		s.recordRating(it.ID, before)
	}
}

// answerChanged recomputes the results and saves the item's answer.
func (s *Screen) answerChanged(itemID string) {
	s.evaluate()
	s.showAnswerLine()
	s.showProgress()
	s.saveAnswer(itemID)
}

// saveAnswer writes one answer as it stands now.
func (s *Screen) saveAnswer(itemID string) {
	s.host.WriteAnswer(s.assessmentID, s.train.Framework, itemID, s.a.Answers[itemID], "your answer", "to")
}

// textChanged takes the notes and evidence typed, and saves them when the
// typing pauses.
func (s *Screen) textChanged() {
	if s.filling || s.a == nil || s.final() {
		return
	}
	_, it := s.item()
	ans := s.a.Answers[it.ID]
	s.typing(it.ID, ans)
	ans.ItemID = it.ID
	ans.Note, ans.Evidence = s.note.Text, s.evidence.Text
	s.a.Answers[it.ID] = ans
	id := it.ID
	s.host.Typed("answer-"+id, func() { s.saveAnswer(id) })
}

// readFigure reads a measure's figure as typed, "12", "37,5" or "40 %",
// and says why the measure cannot take it.
func (s *Screen) readFigure(text string) (float64, error) {
	text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))
	v, err := strconv.ParseFloat(strings.ReplaceAll(text, ",", "."), 64)
	if err != nil {
		return 0, assessment.ErrNotAFigure
	}
	if _, it := s.item(); it.Figure != nil {
		return v, it.Figure.Refusal(v)
	}
	return v, nil
}

// figureChanged reads a measure's figure; its band gives the level.
func (s *Screen) figureChanged(text string) {
	if s.filling || s.a == nil || s.final() {
		return
	}
	_, it := s.item()
	ans := s.a.Answers[it.ID]
	before := ans
	ans.ItemID = it.ID
	if strings.TrimSpace(text) == "" {
		ans.Figure = nil
	} else {
		v, err := s.readFigure(text)
		if err != nil {
			// The answer keeps its last figure; the field says what to fix.
			s.answerLine.SetText(widgets.Sentence(err.Error()))
			return
		}
		ans.Figure = &v
		ans.Rating = assessment.Unanswered // the figure decides the level
	}
	s.typing(it.ID, before)
	s.a.Answers[it.ID] = ans
	s.evaluate()
	s.picker.SetValue(s.shownRating(it, ans))
	s.showAnswerLine()
	s.showProgress()
	id := it.ID
	s.host.Typed("answer-"+id, func() { s.saveAnswer(id) })
}

// goTo shows item it of checklist cl.
func (s *Screen) goTo(cl, it int) {
	if s.a == nil {
		return
	}
	s.host.Flush()
	s.endTyping()
	wasStep := s.onStep
	s.cl, s.it, s.onStep = cl, it, false
	if wasStep {
		s.itemList.UnselectAll()
		s.itemList.Refresh()
	}
	s.showProgress()
	s.showItem()
	// Another item: the keys go back to the picker, from a click on a
	// button or from a note, so the coach goes on typing levels and no
	// digit lands in the text (see focus.go).
	s.focusKeys()
}

// focusKeys gives the keys back to what takes them on screen, unless a
// dialog is open over it.
func (s *Screen) focusKeys() {
	if c := s.host.Window().Canvas(); s.onTop && len(c.Overlays().List()) == 0 {
		c.Focus(s.keyTarget())
	}
}

// GoToFollowUp shows follow-up i (of Results().FollowUps) on the first
// step; out of range it does nothing.
func (s *Screen) GoToFollowUp(i int) {
	if s.a == nil || i < 0 || i >= len(s.a.FollowUps) {
		return
	}
	s.host.Flush()
	s.endTyping()
	wasStep := s.onStep
	s.onStep, s.step.i = true, i
	if !wasStep {
		s.itemList.UnselectAll()
		s.itemList.Refresh()
	}
	s.showProgress()
	s.showItem()
	s.focusKeys()
}

// move goes to the next (+1) or previous (-1) item, across checklists.
func (s *Screen) Move(delta int) {
	if s.a == nil {
		return
	}
	if s.onStep {
		// Through the follow-ups, and on into the first checklist.
		switch i := s.step.i + delta; {
		case i >= len(s.a.FollowUps):
			s.goTo(0, 0)
		case i >= 0:
			s.GoToFollowUp(i)
		}
		return
	}
	if s.cl == 0 && s.it+delta < 0 && len(s.a.FollowUps) > 0 {
		s.GoToFollowUp(len(s.a.FollowUps) - 1)
		return
	}
	if cl, it, ok := s.defs().Step(s.cl, s.it, delta); ok {
		s.goTo(cl, it)
	}
}

// findUnanswered finds the first unanswered item after (cl, it), wrapping
// round to the start.
func (s *Screen) findUnanswered(cl, it int) (int, int, bool) {
	type pos struct{ cl, it int }
	var all []pos
	for i, c := range s.defs().Checklists {
		for j := range c.Items {
			all = append(all, pos{i, j})
		}
	}
	start := 0
	for k, p := range all {
		if p.cl == cl && p.it == it {
			start = k + 1
		}
	}
	for n := range len(all) {
		p := all[(start+n)%len(all)]
		id := s.defs().Checklists[p.cl].Items[p.it].ID
		if is, ok := s.results.Item(id); !ok || is.Rating == assessment.Unanswered {
			return p.cl, p.it, true
		}
	}
	return 0, 0, false
}

// nextUnanswered jumps to the next item without an answer.
func (s *Screen) NextUnanswered() {
	if s.a == nil {
		return
	}
	from, at := s.cl, s.it
	if s.onStep {
		from, at = -1, -1 // from the start of the checklists
	}
	if cl, it, ok := s.findUnanswered(from, at); ok {
		s.goTo(cl, it)
		return
	}
	s.answerLine.SetText("Every item has an answer. Finish the assessment when you are ready, or look at the results.")
}

// ToggleFinished finishes a draft, or reopens a finished assessment, after
// asking.
func (s *Screen) ToggleFinished() {
	if s.a == nil {
		return
	}
	id := s.assessmentID
	if s.final() {
		s.host.Confirm("Reopen assessment",
			"Reopen this assessment to change its answers? It keeps the roster and register it was finished with; "+
				"reopening corrects answers, it does not rewrite history.", "Reopen", func() {
				s.host.Write("the reopening of the assessment", func(ctx context.Context) error {
					return s.host.Store().ReopenAssessment(ctx, id)
				}, s.Reload)
			})
		return
	}
	s.host.Flush()
	open := 0
	for _, is := range s.results.Items {
		if is.Rating == assessment.Unanswered {
			open++
		}
	}
	msg := "Finish this assessment? It becomes read-only, and the train's roster and impediment register are " +
		"kept with it as they are today. You can reopen it later to correct answers."
	if open > 0 {
		msg += fmt.Sprintf("\n\n%s still unanswered; they count as not rated.", assessment.Count(open, "item is", "items are"))
	}
	if ws := assessment.Warnings(s.defs(), s.train, s.a); len(ws) > 0 {
		msg += "\n\nCheck these answers first:"
		for _, w := range ws {
			msg += "\n• " + w.Text
		}
	}
	msg += reviewNote(s.results.ReviewCount())
	s.host.Confirm("Finish assessment", msg, "Finish", func() {
		s.finish()
	})
}

// reviewNote is what the Finish question says of the recommendations:
// how many are still to review, and where, since once finished they can be
// changed only after reopening the assessment.
func reviewNote(c assessment.ReviewCount) string {
	total := c.Accepted + c.Rejected + c.Proposed
	switch {
	case total == 0:
		return ""
	case c.Proposed > 0:
		return fmt.Sprintf("\n\n%d of %s still to review. Accept, reject or edit them on the results screen "+
			"(Results, or Ctrl+R) before finishing: once it is finished, they can be changed only after reopening the assessment.",
			c.Proposed, assessment.Count(total, "recommendation is", "recommendations are"))
	}
	return fmt.Sprintf("\n\nEvery recommendation is reviewed (%d accepted, %d rejected). Once the assessment is finished, "+
		"they can be changed only after reopening it, on the results screen.", c.Accepted, c.Rejected)
}

// finish marks the assessment final and shows its results.
func (s *Screen) finish() {
	id := s.assessmentID
	s.host.Write("the finished assessment", func(ctx context.Context) error {
		return s.host.Store().FinishAssessment(ctx, id)
	}, func() {
		s.host.Open(host.Results(s.trainID, id))
	})
}

func (s *Screen) editDetails() {
	if s.a == nil || s.final() {
		return
	}
	d, ok := s.host.(DetailsEditor)
	if !ok {
		return
	}
	d.EditDetails(*s.a, func(a assessment.Assessment) {
		s.a.Date, s.a.PI, s.a.Assessor, s.a.PIWeeks = a.Date, a.PI, a.Assessor, a.PIWeeks
		s.evaluate()
		s.showAssessment()
		s.host.Retitle()
		header := *s.a
		s.host.Write("the assessment's details", func(ctx context.Context) error {
			return s.host.Store().UpdateAssessmentHeader(ctx, &header)
		}, nil)
	})
}

// editChecklistNote edits the coach's note on the whole checklist on screen.
func (s *Screen) editChecklistNote() {
	if s.a == nil {
		return
	}
	cl, _ := s.item()
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(8)
	e.SetText(s.a.Notes[cl.ID])
	e.SetPlaceHolder("What stands out across this checklist; it goes into the report's findings")
	if s.final() {
		e.Disable()
	}
	clID := cl.ID
	d := dialog.NewCustomConfirm("Notes on "+s.train.Framework.Expand(cl.Title), "Save", "Cancel", e, func(ok bool) {
		if !ok || s.final() {
			return
		}
		s.setChecklistNote(clID, e.Text)
	}, s.host.Window())
	d.Resize(fyne.NewSize(620, 380))
	d.Show()
}

// ShownAssessment is the assessment whose checklists these are.
func (s *Screen) ShownAssessment() (trainID, assessmentID string, a *assessment.Assessment) {
	return s.trainID, s.assessmentID, s.a
}

// Results are the assessment's scores, verdict and follow-ups as the
// screen shows them, answered so far.
func (s *Screen) Results() assessment.Results { return s.results }
