package checklist

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// followStep is the "Since last PI" step before the first checklist: the
// agreed recommendations of the last finished assessment, one at a time
// like an item, each with what the data says and what the coach says. The
// coach gives a state with one key (1–4, as the buttons show), drops one
// with a reason, and notes the evidence seen with its date. Every change is
// saved at once through the store; the step shows what the store holds.
type followStep struct {
	s *Screen
	i int // the follow-up on screen

	where      *widget.Label
	finding    *widget.Label
	action     *widget.Label
	owner      *widget.Label
	acceptance *widget.Label
	when       *widget.Label
	data       *widget.Label
	said       *widget.Label
	chooser    *stateChooser
	note       *fieldEntry
	noteDate   *widget.Entry
	noteView   *widget.Label
	scroll     *container.Scroll
	filling    bool

	lastReasonDialog dialog.Dialog // the drop dialog last opened, for tests
	lastReasonEntry  *widget.Entry
}

func newFollowStep(s *Screen) *followStep {
	st := &followStep{s: s}
	st.where = widgets.Truncated("")
	st.where.TextStyle.Italic = true
	st.finding = widgets.Wrapped("")
	st.finding.TextStyle.Bold = true
	st.finding.SizeName = theme.SizeNameSubHeadingText
	st.action = widgets.Wrapped("")
	st.owner = widgets.Wrapped("")
	st.acceptance = widgets.Wrapped("")
	st.when = widgets.Wrapped("")
	st.data = widgets.Wrapped("")
	st.data.TextStyle.Italic = true
	st.said = widgets.Wrapped("")
	st.said.TextStyle.Bold = true

	st.chooser = newStateChooser()
	st.chooser.onChoose = st.setState
	st.chooser.onMove = s.Move
	st.chooser.onHelp = s.host.ShowKeys
	st.chooser.onKey = s.host.FunctionKey
	keys := widgets.Wrapped("Keys: " + stateKeysText() + " · ↓ Enter next · ↑ previous · Tab to the note")
	keys.TextStyle.Italic = true
	keys.SizeName = theme.SizeNameCaptionText

	toKeys := func() { s.host.Window().Canvas().Focus(st.chooser) }
	st.note = newNoteEntry(toKeys, nil) // what happened is not among the changes Ctrl+Z takes back
	st.note.SetMinRowsVisible(2)
	st.note.SetPlaceHolder("Evidence: what you saw of it – a board, a decision, a person in the role")
	st.note.OnChanged = func(string) { st.noteChanged() }
	st.noteDate = widget.NewEntry()
	st.noteDate.SetPlaceHolder("YYYY-MM-DD")
	st.noteDate.Validator = func(text string) error {
		if strings.TrimSpace(text) == "" {
			return nil
		}
		_, err := widgets.ParseDate(text)
		return err
	}
	st.noteDate.OnChanged = func(string) { st.noteChanged() }
	st.noteView = widgets.Wrapped("")
	st.noteView.Hide()

	form := widget.NewForm(
		widget.NewFormItem("Owner", st.owner),
		widget.NewFormItem("Done when", st.acceptance),
		widget.NewFormItem("Due", st.when),
		widget.NewFormItem("The data", st.data),
		widget.NewFormItem("What happened", container.NewVBox(st.said, container.NewHBox(st.chooser), keys)),
		widget.NewFormItem("Evidence", container.NewStack(widgets.Wheel(st.note), st.noteView)),
		&widget.FormItem{Text: "Seen on", Widget: widgets.WithWidth(160, widgets.Wheel(st.noteDate)), HintText: "The day you saw the evidence"},
	)
	st.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(st.where, st.finding, st.action, form)))
	st.scroll.Hide()
	return st
}

// stateKeysText lists the keys of the states: "1 done · 2 in progress ...".
func stateKeysText() string {
	var keys []string
	for _, st := range assessment.FollowUpStates {
		keys = append(keys, st.Key()+" "+strings.ToLower(st.Title()))
	}
	return strings.Join(keys, " · ")
}

// stateButtonText is a state's button, with its key: "1 Done".
func stateButtonText(st assessment.FollowUpState) string { return widgets.FollowUpButtonText(st) }

// count is how many follow-ups the coach has given a state.
func (st *followStep) count() (said, total int) {
	for _, fu := range st.s.a.FollowUps {
		if fu.State != assessment.FollowUpOpen {
			said++
		}
	}
	return said, len(st.s.a.FollowUps)
}

// firstOpen is the first follow-up without a state; false when every one
// has one.
func (st *followStep) firstOpen() (int, bool) {
	for i, fu := range st.s.a.FollowUps {
		if fu.State == assessment.FollowUpOpen {
			return i, true
		}
	}
	return 0, false
}

// result is follow-up i as the assessment reads it.
func (st *followStep) result(i int) assessment.FollowUpResult {
	if i < len(st.s.results.FollowUps) {
		return st.s.results.FollowUps[i]
	}
	return assessment.FollowUpResult{FollowUp: st.s.a.FollowUps[i]}
}

// show fills the step from the model: follow-up i as the store holds it.
func (st *followStep) show() {
	s := st.s
	fw := s.train.Framework
	fr := st.result(st.i)
	st.where.SetText(fmt.Sprintf("%s · follow-up %d of %d", fw.Expand("Since last {pi}"), st.i+1, len(s.a.FollowUps)))
	st.finding.SetText(fr.Finding)
	st.action.SetText(fr.Action)
	st.owner.SetText(fr.Owner.Title(fw))
	st.acceptance.SetText(widgets.OrDash(fr.Acceptance))
	st.when.SetText(widgets.FollowUpWhen(fw, fr))
	if fr.OverduePIs > 0 && !fr.Closed {
		st.when.Importance = widget.WarningImportance
	} else {
		st.when.Importance = widget.MediumImportance
	}
	st.when.Refresh()
	st.data.SetText(widgets.FollowUpData(fr))
	st.said.SetText(widgets.FollowUpSaid(fr))
	st.chooser.set(fr.State, s.final())

	st.filling = true
	st.note.SetText(fr.Note)
	st.noteDate.SetText(widgets.DateFieldText(fr.NoteDate))
	st.filling = false
	if s.final() {
		st.note.Hide()
		st.noteDate.Disable()
		st.noteView.SetText(widgets.OrDash(fr.Note))
		st.noteView.Show()
	} else {
		st.noteView.Hide()
		st.note.Show()
		st.noteDate.Enable()
	}
	st.scroll.ScrollToTop()
}

// record is follow-up i as it stands: the store's, with the note and date
// on screen if it is the one shown, so a state saved while a note is being
// typed keeps the note.
func (st *followStep) record(i int) assessment.FollowUp {
	fu := st.s.a.FollowUps[i]
	if i == st.i && st.s.onStep {
		fu.Note = strings.TrimSpace(st.note.Text)
		if d, err := widgets.ParseDate(st.noteDate.Text); err == nil && strings.TrimSpace(st.noteDate.Text) != "" {
			fu.NoteDate = d
		}
		if fu.Note != "" && fu.NoteDate.IsZero() {
			fu.NoteDate = assessment.Day(st.s.host.Now())
		}
	}
	return fu
}

// setState saves the state the coach gives the follow-up on screen;
// dropping asks for the reason first, and nothing changes without it.
func (st *followStep) setState(state assessment.FollowUpState) {
	s := st.s
	if s.a == nil || s.final() || st.i >= len(s.a.FollowUps) {
		return
	}
	s.host.Flush()
	i := st.i
	fu := st.record(i)
	if state != assessment.FollowUpDropped {
		fu.State, fu.Reason = state, ""
		st.save(i, fu)
		return
	}
	st.lastReasonDialog, st.lastReasonEntry = widgets.AskReason(s.host.Window(), widgets.DropReason, s.host.ShowError, func(reason string) {
		fu.State, fu.Reason = assessment.FollowUpDropped, reason
		st.save(i, fu)
	})
}

// noteChanged saves the evidence note and its date when the typing pauses;
// a date that is not one waits, with the field saying what to type.
func (st *followStep) noteChanged() {
	s := st.s
	if st.filling || s.a == nil || s.final() || !s.onStep || st.i >= len(s.a.FollowUps) {
		return
	}
	if strings.TrimSpace(st.noteDate.Text) != "" {
		if _, err := widgets.ParseDate(st.noteDate.Text); err != nil {
			return
		}
	}
	i := st.i
	id := s.a.FollowUps[i].RecommendationID
	s.host.Typed("follow-up-"+id, func() { st.save(i, st.record(i)) })
}

// save writes one follow-up; the step and the sidebar show it once the
// store holds it.
func (st *followStep) save(i int, fu assessment.FollowUp) {
	s := st.s
	s.host.SaveFollowUp(s.assessmentID, fu, func() {
		if i >= len(s.a.FollowUps) || s.a.FollowUps[i].RecommendationID != fu.RecommendationID {
			return
		}
		s.a.FollowUps[i] = fu
		s.evaluate()
		s.showProgress()
		if s.onStep && st.i == i {
			fr := st.result(i)
			st.said.SetText(widgets.FollowUpSaid(fr))
			st.chooser.set(fr.State, s.final())
			st.when.SetText(widgets.FollowUpWhen(s.train.Framework, fr))
			st.data.SetText(widgets.FollowUpData(fr))
		}
	})
}

// stateChooser is the row of state buttons with the keys: 1–4 give a
// state, ↓ and Enter go on to the next follow-up, ↑ back. It shows the
// state the store holds and has a focus outline, as the rating picker does.
type stateChooser struct {
	widget.BaseWidget

	state    assessment.FollowUpState
	disabled bool
	buttons  map[assessment.FollowUpState]*widget.Button
	outline  *canvas.Rectangle
	root     *fyne.Container

	onChoose func(assessment.FollowUpState)
	onMove   func(delta int)
	onHelp   func()
	onKey    func(*fyne.KeyEvent)
}

var _ fyne.Focusable = (*stateChooser)(nil)

func newStateChooser() *stateChooser {
	c := &stateChooser{buttons: map[assessment.FollowUpState]*widget.Button{}}
	row := container.NewHBox()
	for _, state := range assessment.FollowUpStates {
		b := widget.NewButton(stateButtonText(state), func() {
			if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
				cv.Focus(c)
			}
			c.choose(state)
		})
		c.buttons[state] = b
		row.Add(b)
	}
	c.outline = canvas.NewRectangle(color.Transparent)
	c.outline.StrokeWidth = 2
	c.outline.CornerRadius = theme.InputRadiusSize()
	c.outline.StrokeColor = widgets.ThemeColor(theme.ColorNameInputBorder)
	c.root = container.NewStack(c.outline, container.NewPadded(row))
	c.ExtendBaseWidget(c)
	return c
}

func (c *stateChooser) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.root) }

// set shows the state the store holds.
func (c *stateChooser) set(state assessment.FollowUpState, disabled bool) {
	c.state, c.disabled = state, disabled
	for st, b := range c.buttons {
		if st == state {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		if disabled {
			b.Disable()
		} else {
			b.Enable()
		}
		b.Refresh()
	}
}

func (c *stateChooser) choose(state assessment.FollowUpState) {
	if c.disabled || c.onChoose == nil {
		return
	}
	c.onChoose(state)
}

func (c *stateChooser) FocusGained() {
	c.outline.StrokeColor = widgets.ThemeColor(theme.ColorNameFocus)
	c.outline.Refresh()
}

func (c *stateChooser) FocusLost() {
	c.outline.StrokeColor = widgets.ThemeColor(theme.ColorNameInputBorder)
	c.outline.Refresh()
}

func (c *stateChooser) TypedRune(r rune) {
	if state, ok := assessment.FollowUpStateOfKey(string(r)); ok {
		c.choose(state)
	}
}

func (c *stateChooser) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyDown, fyne.KeyPageDown:
		c.move(1)
	case fyne.KeyUp, fyne.KeyPageUp:
		c.move(-1)
	case fyne.KeyF1:
		if c.onHelp != nil {
			c.onHelp()
		}
	default:
		if c.onKey != nil {
			c.onKey(e)
		}
	}
}

func (c *stateChooser) move(delta int) {
	if c.onMove != nil {
		c.onMove(delta)
	}
}
