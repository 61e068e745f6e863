package widgets

import (
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
)

// TestAssessmentForm: the form starts on the assessment, knows when the
// coach changed it, refuses a PI length out of range and saves the names
// cleaned.
func TestAssessmentForm(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("form")
	defer w.Close()
	day := time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC)
	var saved []assessment.Assessment
	f := NewAssessmentForm(w, "New assessment", "Start", assessment.Assessment{Date: day, PI: "PI 2026.2"},
		func(a assessment.Assessment) { saved = append(saved, a) })
	if f.Changed() || f.Weeks.Text != strconv.Itoa(assessment.DefaultPIWeeks) || f.Date.Text != day.Format(DateInput) {
		t.Fatalf("opened: changed %v, weeks %q, date %q", f.Changed(), f.Weeks.Text, f.Date.Text)
	}
	f.Weeks.SetText("53")
	if f.Weeks.Validate() == nil {
		t.Error("53 weeks taken")
	}
	f.Weeks.SetText("12")
	f.Assessor.SetText("  Kim \t Lee ")
	if !f.Changed() {
		t.Error("the changes go unnoticed")
	}
	f.Dialog.Show()
	f.Dialog.Submit()
	if len(saved) != 1 || saved[0].Assessor != "Kim Lee" || saved[0].PIWeeks != 12 || !saved[0].Date.Equal(day) || saved[0].PI != "PI 2026.2" {
		t.Errorf("saved %+v", saved)
	}
}
