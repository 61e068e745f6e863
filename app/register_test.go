package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
)

// newTrain creates a train through its form and returns its screen.
func newTrain(t *testing.T, ui *UI, name string) *trainScreen {
	t.Helper()
	ui.newTrainDialog()
	test.Type(ui.lastTrainForm.name, name)
	ui.lastTrainForm.dialog.Submit()
	settle(ui)
	ts, ok := ui.top().(*trainScreen)
	if !ok {
		t.Fatalf("the new train did not open: %T", ui.top())
	}
	return ts
}

// fieldError is the message an entry shows for what is in it now, or "".
func fieldError(f interface{ Validate() error }) string {
	if err := f.Validate(); err != nil {
		return err.Error()
	}
	return ""
}

// TestRefusedImpedimentStaysInForm: dates the store refuses keep the form
// open with the field marked, and the register shows only what is saved.
func TestRefusedImpedimentStaysInForm(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Careful ART")
	ts.tabs.SelectIndex(tabRegister)
	rv := ts.registerV
	figures := rv.Figures()

	for _, tc := range []struct {
		raised, status, resolved string
		field                    string // "raised" or "resolved"
		want                     string
	}{
		{"2026-03-10", "Resolved", "2026-03-01", "resolved", "before it was raised"},
		{"2026-04-01", "Open", "", "raised", "after today"},
		{"2026-02-31", "Open", "", "raised", "that day does not exist"},
		{"2026-03-01", "Resolved", "2026-03-20", "resolved", "after today"},
		{"12.3.2026", "Open", "", "raised", "write the date as year-month-day"},
	} {
		tap(t, ui, "Add impediment")
		form := rv.lastForm
		test.Type(form.title, "Flaky pipeline")
		form.raised.SetText(tc.raised)
		form.status.SetSelected(tc.status)
		form.resolved.SetText(tc.resolved)
		form.dialog.Submit()
		settle(ui)
		entry := form.raised
		if tc.field == "resolved" {
			entry = form.resolved
		}
		if got := fieldError(entry); !strings.Contains(got, tc.want) {
			t.Errorf("%s %s %s: the %s field says %q, want %q", tc.raised, tc.status, tc.resolved, tc.field, got, tc.want)
		}
		assertShows(t, c, "New impediment") // the form is still open
		if len(rv.register) != 0 {
			t.Fatalf("%s: the register shows %d impediments, none was saved", tc.raised, len(rv.register))
		}
		if rv.Figures() != figures {
			t.Errorf("%s: figures changed to %q", tc.raised, rv.Figures())
		}
		reg, err := store.Register(context.Background(), ts.trainID)
		if err != nil || len(reg) != 0 {
			t.Fatalf("%s: store holds %v %v", tc.raised, reg, err)
		}
		tap(t, ui, "Cancel")
	}

	// The date as the register shows it is taken too.
	tap(t, ui, "Add impediment")
	form := rv.lastForm
	test.Type(form.title, "Flaky pipeline")
	form.raised.SetText("1 Mar 26")
	if got := fieldError(form.raised); got != "" {
		t.Errorf("a date as shown is refused: %q", got)
	}
	tap(t, ui, "Cancel")
}

// TestRefusedWriteLeavesNoPhantomRow: when the store refuses an
// impediment, the register shows what the store holds, and the form opens
// again with what the coach entered.
func TestRefusedWriteLeavesNoPhantomRow(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Fragile ART")
	ts.tabs.SelectIndex(tabRegister)
	rv := ts.registerV
	store.Close()
	tap(t, ui, "Add impediment")
	form := rv.lastForm
	test.Type(form.title, "No test environment")
	form.raised.SetText("2026-03-01")
	form.dialog.Submit()
	settle(ui)
	assertShows(t, c, "Not saved")
	assertShows(t, c, "The screen shows what is saved.")
	if len(rv.register) != 0 {
		t.Errorf("a refused impediment shows in the register: %+v", rv.register)
	}
	assertShows(t, c, "The register is empty")
	if rv.lastForm == form || rv.lastForm.title.Text != "No test environment" || rv.lastForm.raised.Text != "2026-03-01" {
		t.Errorf("the form did not open again with what was entered")
	}
	if !strings.Contains(ts.facts.Text, "0 open impediments") {
		t.Errorf("the header counts a refused impediment: %q", ts.facts.Text)
	}
}

// TestRegisterLevelsInTheFrameworksWords: a Scrum@Scale train's register
// names the train level "Scrum of Scrums", in the rows, the filter and the
// form, and an impediment saved at that level is stored at the train level.
func TestRegisterLevelsInTheFrameworksWords(t *testing.T) {
	ui, store := newTestUI(t)
	ui.newTrainDialog()
	test.Type(ui.lastTrainForm.name, "Équipe Atlas")
	ui.lastTrainForm.framework.SetSelected(string(assessment.ScrumAtScale))
	ui.lastTrainForm.dialog.Submit()
	settle(ui)
	ts, ok := ui.top().(*trainScreen)
	if !ok {
		t.Fatalf("the new train did not open: %T", ui.top())
	}
	ts.tabs.SelectIndex(tabRegister)
	rv := ts.registerV
	sos := assessment.ScrumAtScale.LevelTitle(assessment.LevelART)
	if sos == assessment.SAFe.LevelTitle(assessment.LevelART) {
		t.Fatalf("Scrum@Scale's train level reads %q, as SAFe's", sos)
	}
	if !slices.Contains(rv.level.Options, sos) || slices.Contains(rv.level.Options, "ART") {
		t.Errorf("the level filter offers %v", rv.level.Options)
	}
	tap(t, ui, "Add impediment")
	form := rv.lastForm
	if !slices.Contains(form.level.Options, sos) || slices.Contains(form.level.Options, "ART") {
		t.Errorf("the form's levels are %v", form.level.Options)
	}
	test.Type(form.title, "Shared test environment")
	form.raised.SetText("2026-03-01")
	form.level.SetSelected(sos)
	form.dialog.Submit()
	settle(ui)
	reg, err := store.Register(context.Background(), ts.trainID)
	if err != nil || len(reg) != 1 || reg[0].Level != assessment.LevelART {
		t.Fatalf("the store holds %+v %v; want one impediment at the train level", reg, err)
	}
	assertShows(t, ui.win.Canvas(), sos)
}
