package train

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
)

// TestRefusedImpedimentStaysInForm: dates the store refuses keep the form
// open with the field marked, and the register shows only what is saved.
func TestRefusedImpedimentStaysInForm(t *testing.T) {
	h := newHost(t)
	store := h.DB
	c := h.Win.Canvas()
	ts := newTrain(t, h, "Careful ART", assessment.SAFe)
	ts.tabs.SelectIndex(TabRegister)
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
		tap(t, h, "Add impediment")
		form := rv.lastForm
		test.Type(form.title, "Flaky pipeline")
		form.raised.SetText(tc.raised)
		form.status.SetSelected(tc.status)
		form.resolved.SetText(tc.resolved)
		form.dialog.Submit()
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
		tap(t, h, "Cancel")
	}

	// The date as the register shows it is taken too.
	tap(t, h, "Add impediment")
	form := rv.lastForm
	test.Type(form.title, "Flaky pipeline")
	form.raised.SetText("1 Mar 26")
	if got := fieldError(form.raised); got != "" {
		t.Errorf("a date as shown is refused: %q", got)
	}
	tap(t, h, "Cancel")
}

// TestRegisterLevelsInTheFrameworksWords: a Scrum@Scale train's register
// names the train level "Scrum of Scrums", in the rows, the filter and the
// form, and an impediment saved at that level is stored at the train level.
func TestRegisterLevelsInTheFrameworksWords(t *testing.T) {
	h := newHost(t)
	store := h.DB
	ts := newTrain(t, h, "Équipe Atlas", assessment.ScrumAtScale)
	ts.tabs.SelectIndex(TabRegister)
	rv := ts.registerV
	sos := assessment.ScrumAtScale.LevelTitle(assessment.LevelART)
	if sos == assessment.SAFe.LevelTitle(assessment.LevelART) {
		t.Fatalf("Scrum@Scale's train level reads %q, as SAFe's", sos)
	}
	if !slices.Contains(rv.level.Options, sos) || slices.Contains(rv.level.Options, "ART") {
		t.Errorf("the level filter offers %v", rv.level.Options)
	}
	tap(t, h, "Add impediment")
	form := rv.lastForm
	if !slices.Contains(form.level.Options, sos) || slices.Contains(form.level.Options, "ART") {
		t.Errorf("the form's levels are %v", form.level.Options)
	}
	test.Type(form.title, "Shared test environment")
	form.raised.SetText("2026-03-01")
	form.level.SetSelected(sos)
	form.dialog.Submit()
	reg, err := store.Register(context.Background(), ts.trainID)
	if err != nil || len(reg) != 1 || reg[0].Level != assessment.LevelART {
		t.Fatalf("the store holds %+v %v; want one impediment at the train level", reg, err)
	}
	assertShows(t, h.Win.Canvas(), sos)
}
