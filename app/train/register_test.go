package train

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
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

// stored is the train's register as the store holds it.
func stored(t *testing.T, h *testHost, ts *Screen) []assessment.Impediment {
	t.Helper()
	reg, err := h.DB.Register(context.Background(), ts.trainID)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// nextUndo is the name of the change Ctrl+Z takes back, "" when none.
func nextUndo(h *testHost) string {
	s, _ := h.Undos.Next()
	return s.Name
}

// TestUndoRegisterEdits: Ctrl+Z takes back adding, editing, closing,
// escalating and deleting an impediment, on screen and in the store, and
// Ctrl+Shift+Z makes each again.
func TestUndoRegisterEdits(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	ts := newTrain(t, h, "Undo ART", assessment.SAFe)
	ts.tabs.SelectIndex(TabRegister)
	rv := ts.registerV
	const title = "Shared test environment down"

	tap(t, h, "Add impediment")
	test.Type(rv.lastForm.title, title)
	rv.lastForm.raised.SetText("2026-03-01")
	rv.lastForm.dialog.Submit()
	if len(stored(t, h, ts)) != 1 {
		t.Fatalf("the store holds %+v", stored(t, h, ts))
	}
	if nextUndo(h) != "new impediment “"+title+"”" {
		t.Errorf("the step is %q", nextUndo(h))
	}
	h.PressUndo(false)
	if reg := stored(t, h, ts); len(reg) != 0 || len(rv.register) != 0 {
		t.Fatalf("after undoing the addition the store holds %d, the screen %d", len(reg), len(rv.register))
	}
	assertShows(t, c, "The register is empty")
	h.PressUndo(true)
	if reg := stored(t, h, ts); len(reg) != 1 || reg[0].Title != title {
		t.Fatalf("after redo the store holds %+v", reg)
	}
	assertShows(t, c, title)

	// An edit in the form.
	rv.edit(0)
	rv.lastForm.title.SetText("Test environment down twice a week")
	rv.lastForm.dialog.Submit()
	if stored(t, h, ts)[0].Title != "Test environment down twice a week" {
		t.Fatalf("the edit was not saved: %+v", stored(t, h, ts))
	}
	h.PressUndo(false)
	if got := stored(t, h, ts)[0].Title; got != title || rv.register[0].Title != title {
		t.Errorf("after undoing the edit the store holds %q, the screen %q", got, rv.register[0].Title)
	}

	// Escalating, then closing.
	tap(t, h, "Escalate")
	if got := stored(t, h, ts)[0]; got.Level != assessment.LevelART || !got.Escalated {
		t.Fatalf("escalated as %+v", got)
	}
	tap(t, h, "Close")
	if nextUndo(h) != "closing of “"+title+"”" {
		t.Errorf("the step is %q", nextUndo(h))
	}
	h.PressUndo(false)
	if got := stored(t, h, ts)[0]; got.Status != assessment.StatusOpen || !got.Resolved.IsZero() {
		t.Errorf("after undoing the closing the store holds %+v", got)
	}
	assertShows(t, c, "1 of 1") // open again, so shown
	h.PressUndo(false)
	if got := stored(t, h, ts)[0]; got.Level != assessment.LevelTeam || got.Escalated {
		t.Errorf("after undoing the escalation the store holds %+v", got)
	}
	if got := rv.register[0]; got.Level != assessment.LevelTeam || got.Escalated {
		t.Errorf("after undoing the escalation the screen holds %+v", got)
	}

	// Deleting: Ctrl+Z puts it back, Ctrl+Shift+Z deletes it again.
	rv.edit(0)
	tap(t, h, "Delete this impediment")
	tap(t, h, "Delete")
	if nextUndo(h) != "Deleted “"+title+"”" {
		t.Errorf("the step is %q", nextUndo(h))
	}
	h.PressUndo(false)
	if reg := stored(t, h, ts); len(reg) != 1 || reg[0].Title != title {
		t.Fatalf("after undoing the deletion the store holds %+v", reg)
	}
	h.PressUndo(true)
	if reg := stored(t, h, ts); len(reg) != 0 || len(rv.register) != 0 {
		t.Errorf("after redoing the deletion the store holds %d, the screen %d", len(reg), len(rv.register))
	}
}

// TestImpedimentOwnerFromRoster: the owner field offers the roster's
// people alphabetically, narrowed as the coach types; a person chosen from
// the list and someone outside the roster typed by name are both saved.
func TestImpedimentOwnerFromRoster(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	ts := newTrain(t, h, "Owner ART", assessment.SAFe)
	roster := assessment.Roster{People: []assessment.Person{
		{ID: "p1", Name: "Zoe Brandt"}, {ID: "p2", Name: "Anna Berg"}, {ID: "p3", Name: "Émile Roux"},
	}}
	if err := h.DB.SaveRoster(context.Background(), ts.trainID, roster); err != nil {
		t.Fatal(err)
	}
	ts.Reload()
	ts.tabs.SelectIndex(TabRegister)
	rv := ts.registerV

	tap(t, h, "Add impediment")
	form := rv.lastForm
	test.Type(form.title, "No test data")
	form.raised.SetText("2026-03-01")
	open := func() []string {
		t.Helper()
		test.Tap(form.owner.ActionItem.(fyne.Tappable))
		pop := openList(t, c)
		var names []string
		for _, o := range visible(c) {
			if l, ok := o.(*canvas.Text); ok && slices.ContainsFunc(pop.Items, func(i fyne.CanvasObject) bool { return containsText(i, l) }) {
				names = append(names, l.Text)
			}
		}
		return names
	}
	if got := open(); !slices.Equal(got, []string{"Anna Berg", "Émile Roux", "Zoe Brandt"}) {
		t.Errorf("the owner's list offers %q", got)
	}
	openList(t, c).Hide()

	// Type-ahead: "ro" leaves the people whose names hold it.
	c.Focus(form.owner)
	test.Type(form.owner, "ro")
	got := open()
	if !slices.Equal(got, []string{"Émile Roux"}) {
		t.Fatalf("after typing “ro” the list offers %q", got)
	}
	tapText(t, c, "Émile Roux")
	if form.owner.Text != "Émile Roux" {
		t.Errorf("choosing from the list put %q in the field", form.owner.Text)
	}
	form.dialog.Submit()
	if reg := stored(t, h, ts); len(reg) != 1 || reg[0].Owner != "Émile Roux" {
		t.Fatalf("the store holds %+v", reg)
	}

	// Someone outside the roster, typed.
	rv.edit(0)
	form = rv.lastForm
	form.owner.SetText("")
	test.Type(form.owner, "Supplier ops desk")
	if got := assessment.OwnerChoices(rv.ts.roster, form.owner.Text); len(got) != 0 {
		t.Errorf("an outsider's name matches %q", got)
	}
	form.dialog.Submit()
	if reg := stored(t, h, ts); len(reg) != 1 || reg[0].Owner != "Supplier ops desk" {
		t.Fatalf("the store holds %+v", reg)
	}
	assertShows(t, c, "Supplier ops desk")
}

// containsText says whether text is drawn by o or inside it.
func containsText(o fyne.CanvasObject, text *canvas.Text) bool {
	if o == fyne.CanvasObject(text) {
		return true
	}
	switch x := o.(type) {
	case *fyne.Container:
		return slices.ContainsFunc(x.Objects, func(c fyne.CanvasObject) bool { return containsText(c, text) })
	case fyne.Widget:
		return slices.ContainsFunc(test.WidgetRenderer(x).Objects(), func(c fyne.CanvasObject) bool { return containsText(c, text) })
	}
	return false
}

// tapText taps the menu entry of the open list that shows text.
func tapText(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	for _, i := range openList(t, c).Items {
		for _, o := range visible(c) {
			if l, ok := o.(*canvas.Text); ok && l.Text == text && containsText(i, l) {
				test.Tap(i.(fyne.Tappable))
				return
			}
		}
	}
	t.Fatalf("the list has no %q", text)
}

// openList is the list open over the form.
func openList(t *testing.T, c fyne.Canvas) *widget.PopUpMenu {
	t.Helper()
	for _, o := range visible(c) {
		if p, ok := o.(*widget.PopUpMenu); ok {
			return p
		}
	}
	t.Fatal("no list is open")
	return nil
}

// sampleRegister stores the sample train with its roster and register and
// opens its register tab in a window of the width given.
func sampleRegister(t *testing.T, width float32) (*testHost, *Screen) {
	t.Helper()
	h := newHost(t)
	ctx := context.Background()
	train, roster, register, _ := assessment.Sample(testDay)
	if err := h.DB.CreateTrain(ctx, &train); err != nil {
		t.Fatal(err)
	}
	if err := h.DB.SaveRoster(ctx, train.ID, roster); err != nil {
		t.Fatal(err)
	}
	for i := range register {
		if err := h.DB.SaveImpediment(ctx, train.ID, &register[i]); err != nil {
			t.Fatal(err)
		}
	}
	h.Win.Resize(fyne.NewSize(width, 768))
	ts := New(h, train.ID)
	h.Win.SetContent(ts.Content())
	ts.Reload()
	ts.SelectTab(TabRegister)
	ts.registerV.status.SetSelected(filterAll) // every row, the resolved ones too
	if n := len(ts.registerV.shown); n != len(register) {
		t.Fatalf("the register shows %d of the sample's %d impediments", n, len(register))
	}
	if dir := os.Getenv("TRAINSCOPE_REGISTER_PNG"); dir != "" {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("register-%.0f.png", width)))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, h.Win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	return h, ts
}

// TestRegisterColumnsReadable: in a window 1024 wide, as on a small
// laptop, and at 1280, the register's level, status, ROAM, date and age
// show whole in every row and the header's every word too; the title,
// team and owner, free text, may be cut, but keep enough of their start to
// be told apart. A column left out for want of room shows nowhere, its
// head neither.
func TestRegisterColumnsReadable(t *testing.T) {
	for _, width := range []float32{1024, 1280} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			h, ts := sampleRegister(t, width)
			rv := ts.registerV
			rows := 0
			check := func(what string, row *fyne.Container) {
				for col, o := range row.Objects[:colButtons] {
					cell := o.(*widgets.TextCell)
					if rv.cols.Dropped(col) {
						if cell.Visible() {
							t.Errorf("%s: the %s column is left out but shows %q", what, registerHeads[col], cell.Text)
						}
						continue
					}
					if !cell.Visible() {
						t.Errorf("%s: the %s column is hidden", what, registerHeads[col])
						continue
					}
					shown, need := cell.Shown(), cell.TextWidth()
					switch col {
					case colTitle, colTeam, colOwner:
						if r := []rune(strings.TrimSuffix(shown, "…")); shown != cell.Text && len(r) < 12 && len(r) < len([]rune(cell.Text)) {
							t.Errorf("%s: the %s %q shows as %q, too little to read", what, registerHeads[col], cell.Text, shown)
						}
					default:
						if shown != cell.Text || need > cell.Size().Width {
							t.Errorf("%s: the %s %q shows as %q: %.0f wide for %.0f", what, registerHeads[col], cell.Text, shown, cell.Size().Width, need)
						}
					}
				}
			}
			check("header", rv.header)
			for _, o := range visible(h.Win.Canvas()) {
				if row, ok := o.(*fyne.Container); ok && row.Layout == rv.cols && row != rv.header {
					check(fmt.Sprintf("row %q", row.Objects[colTitle].(*widgets.TextCell).Text), row)
					rows++
				}
			}
			if rows < 5 {
				t.Fatalf("only %d rows of the register on screen", rows)
			}
			if width >= 1280 {
				for col := range registerHeads {
					if rv.cols.Dropped(col) {
						t.Errorf("at %.0f wide the %s column is left out", width, registerHeads[col])
					}
				}
			}
		})
	}
}
