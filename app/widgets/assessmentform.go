package widgets

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
)

// AssessmentForm asks for an assessment's date, PI, assessor and PI
// length: the train screen's "New assessment" and the checklists'
// "Assessment details".
type AssessmentForm struct {
	Date, PI, Assessor, Weeks *widget.Entry
	Dialog                    *dialog.FormDialog

	opened [4]string
}

// NewAssessmentForm is the form on a, on win; save runs with what the coach
// entered when they press confirm.
func NewAssessmentForm(win fyne.Window, title, confirm string, a assessment.Assessment, save func(assessment.Assessment)) *AssessmentForm {
	f := &AssessmentForm{Date: widget.NewEntry(), PI: widget.NewEntry(), Assessor: widget.NewEntry(), Weeks: widget.NewEntry()}
	f.Date.SetText(a.Date.Format(DateInput))
	f.Date.Validator = func(s string) error {
		_, err := ParseDate(s)
		return err
	}
	f.PI.SetText(a.PI)
	f.PI.SetPlaceHolder("e.g. PI 2026.2")
	f.Assessor.SetText(a.Assessor)
	f.Assessor.SetPlaceHolder("Your name")
	weeks := a.PIWeeks
	if weeks == 0 {
		weeks = assessment.DefaultPIWeeks
	}
	f.Weeks.SetText(strconv.Itoa(weeks))
	f.Weeks.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 1 || n > 52 {
			return fmt.Errorf("a whole number of weeks, 1 to 52")
		}
		return nil
	}
	items := []*widget.FormItem{
		{Text: "Date", Widget: f.Date, HintText: "The day the assessment describes; ages are counted to it"},
		widget.NewFormItem("PI", f.PI),
		widget.NewFormItem("Assessor", f.Assessor),
		{Text: "PI length (weeks)", Widget: f.Weeks, HintText: "Impediments older than one PI count as old"},
	}
	f.Dialog = dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		a.Date, _ = ParseDate(f.Date.Text)
		a.PI = CleanName(f.PI.Text)
		a.Assessor = CleanName(f.Assessor.Text)
		a.PIWeeks, _ = strconv.Atoi(strings.TrimSpace(f.Weeks.Text))
		save(a)
	}, win)
	f.Dialog.Resize(fyne.NewSize(520, 0))
	for _, e := range []*widget.Entry{f.Date, f.PI, f.Assessor, f.Weeks} {
		e.OnSubmitted = func(string) { f.Dialog.Submit() }
	}
	f.opened = f.state()
	return f
}

func (f *AssessmentForm) state() [4]string {
	return [4]string{f.Date.Text, f.PI.Text, f.Assessor.Text, f.Weeks.Text}
}

// Changed tells whether the coach changed anything since the form opened.
func (f *AssessmentForm) Changed() bool { return f.state() != f.opened }
