package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// saveStatus is the "Saved" indicator in the top bar. Every change is
// written at once; it says "Saving…" while a write is on its way and
// "Saved" with the time once the store has committed it, so the coach never
// has to wonder whether their work is safe.
type saveStatus struct {
	icon     *widget.Icon
	label    *widget.Label
	inFlight int
	box      *fyne.Container

	// The last removal, which the coach can take back.
	undoText *widget.Label
	undoBtn  *widget.Button
	undoFn   func()
}

func newSaveStatus() *saveStatus {
	s := &saveStatus{icon: widget.NewIcon(nil), label: widget.NewLabel("")}
	s.undoText = widget.NewLabel("")
	s.undoText.TextStyle.Italic = true
	s.undoBtn = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), s.undo)
	s.box = container.NewHBox(s.undoText, s.undoBtn, s.icon, s.label)
	s.icon.Hide()
	s.clearUndo()
	return s
}

// offerUndo shows what was just removed with a button to take it back,
// until the coach moves to another screen or removes something else.
func (s *saveStatus) offerUndo(what string, undo func()) {
	s.undoFn = undo
	s.undoText.SetText(what)
	s.undoText.Show()
	s.undoBtn.Show()
}

func (s *saveStatus) clearUndo() {
	s.undoFn = nil
	s.undoText.Hide()
	s.undoBtn.Hide()
}

func (s *saveStatus) undo() {
	fn := s.undoFn
	s.clearUndo()
	if fn != nil {
		fn()
	}
}

func (s *saveStatus) content() fyne.CanvasObject { return s.box }

// Text is what the indicator says now.
func (s *saveStatus) Text() string { return s.label.Text }

func (s *saveStatus) saving() {
	s.inFlight++
	s.label.Importance = widget.MediumImportance
	s.label.SetText("Saving…")
	s.icon.SetResource(theme.UploadIcon())
	s.icon.Show()
}

func (s *saveStatus) saved(at time.Time) {
	if s.inFlight > 0 {
		s.inFlight--
	}
	if s.inFlight > 0 {
		return
	}
	s.label.Importance = widget.SuccessImportance
	s.label.SetText("Saved " + at.Format("15:04:05"))
	s.icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	s.icon.Show()
}

func (s *saveStatus) failed() {
	if s.inFlight > 0 {
		s.inFlight--
	}
	s.label.Importance = widget.DangerImportance
	s.label.SetText("Not saved")
	s.icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	s.icon.Show()
}
