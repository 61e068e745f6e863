package app

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// The coach's main path, with keys and taps only: what a coach does on
// the first afternoon, from an empty database to two PDFs for the LACE.

// shownText is the text an object shows itself, if it is one that shows text.
func shownText(o fyne.CanvasObject) (string, bool) {
	switch x := o.(type) {
	case *widget.Label:
		return x.Text, true
	case *canvas.Text:
		return x.Text, true
	case *widget.Button:
		return x.Text, true
	case *widget.Check:
		return x.Text, true
	case *widget.RichText:
		return x.String(), true
	}
	return "", false
}

// tappableWith finds what the coach taps to act on a text on screen: in
// the topmost layer (a dialog, a menu, else the window) that shows it, the
// innermost enabled thing that can be tapped and shows the text, itself or
// in its parts (a tab, a menu entry, a radio option, a button).
func tappableWith(t *testing.T, c fyne.Canvas, text string) fyne.Tappable {
	t.Helper()
	overlays := c.Overlays().List()
	var layers []fyne.CanvasObject
	for i := len(overlays) - 1; i >= 0; i-- {
		layers = append(layers, overlays[i])
	}
	layers = append(layers, c.Content())
	for _, layer := range layers {
		var best fyne.Tappable
		least := -1
		for _, o := range under(layer) {
			tp, ok := o.(fyne.Tappable)
			if !ok {
				continue
			}
			if d, ok := o.(fyne.Disableable); ok && d.Disabled() {
				continue
			}
			parts := under(o)
			for _, x := range parts {
				if s, ok := shownText(x); ok && s == text && (least < 0 || len(parts) < least) {
					best, least = tp, len(parts)
				}
			}
		}
		if best != nil {
			return best
		}
	}
	t.Fatalf("nothing to tap shows %q; the screen shows %q", text, texts(c))
	return nil
}

// under is an object and everything visible in it.
func under(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	switch x := o.(type) {
	case *fyne.Container:
		for _, child := range x.Objects {
			out = append(out, under(child)...)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(x).Objects() {
			out = append(out, under(child)...)
		}
	}
	return out
}

// tapOn taps what shows the text and waits for what follows.
func tapOn(t *testing.T, ui *UI, text string) {
	t.Helper()
	test.Tap(tappableWith(t, ui.win.Canvas(), text))
	settle(ui)
}

// typeKeys types on what has the keyboard focus, as the keyboard does
// (test.TypeOnCanvas types where nothing has the focus).
func typeKeys(t *testing.T, ui *UI, s string) {
	t.Helper()
	f := ui.win.Canvas().Focused()
	if f == nil {
		t.Fatalf("nothing has the keyboard focus to type %q", s)
	}
	for _, r := range s {
		f.TypedRune(r)
	}
	settle(ui)
}

// key sends a key to what has the focus, or to the window when nothing
// has it.
func key(t *testing.T, ui *UI, k fyne.KeyName) {
	t.Helper()
	ev := &fyne.KeyEvent{Name: k}
	if f := ui.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else if on := ui.win.Canvas().OnTypedKey(); on != nil {
		on(ev)
	}
	settle(ui)
}

// focusOn clicks into an entry. A click gives an entry the keys on its
// way through the window's canvas (the mouse press), which the test
// driver's Tap skips: so the canvas is told, as the desktop driver tells it.
func focusOn(t *testing.T, ui *UI, e *widget.Entry) {
	t.Helper()
	if e.Disabled() {
		t.Fatalf("the entry %q cannot be clicked into: it is disabled", e.PlaceHolder)
	}
	ui.win.Canvas().Focus(e)
	test.Tap(e)
	settle(ui)
}

// TestCoachsMainPath drives the window as a new coach does on the first
// afternoon (issue 16): new train → roster → register → assessment →
// review → two PDFs, with keys and taps on what the screen shows, and
// checks at each step what the coach sees and what the database holds.
func TestCoachsMainPath(t *testing.T) {
	ui, store := newTestUI(t)
	c := ui.win.Canvas()
	const name = "Ørsted Payments ART"

	// 1. A new train, from the empty home screen.
	assertShows(t, c, "No trains yet")
	tapOn(t, ui, "New train")
	assertShows(t, c, "New train")
	typeKeys(t, ui, name)
	key(t, ui, fyne.KeyReturn)
	if _, ok := ui.top().(trainPage); !ok {
		t.Fatalf("Enter in the new train's name did not create it; on screen %T, %q", ui.top(), texts(c))
	}
	assertShows(t, c, name)
	assertShows(t, c, "Saved")

	// 2. The roster: two people, a team, the RTE.
	tapOn(t, ui, "Roster")
	focusOn(t, ui, entry(t, ui, "Name of a person to add"))
	typeKeys(t, ui, "Ana Souza")
	key(t, ui, fyne.KeyReturn)
	typeKeys(t, ui, "Björn Åström")
	key(t, ui, fyne.KeyReturn)
	assertShows(t, c, "Björn Åström")
	tapOn(t, ui, "Add team")
	team := entryWith(t, ui, "Team 1")
	focusOn(t, ui, team)
	team.TypedShortcut(&fyne.ShortcutSelectAll{})
	typeKeys(t, ui, "Fjord")
	assertShows(t, c, "Fjord has no Scrum Master.")
	// The RTE's first "Add" is the train roles' first; its choice of people
	// is the first "vacant" one on screen, above the team's.
	tapOn(t, ui, "Add")
	tapOn(t, ui, "— vacant —")
	tapOn(t, ui, "Ana Souza")
	assertNotShown(t, c, "Nobody holds the Release Train Engineer (RTE) role.")
	assertNotShown(t, c, "The Release Train Engineer (RTE) role is vacant.")
	tapOn(t, ui, "— vacant —") // the team's Scrum Master
	tapOn(t, ui, "Björn Åström")
	assertNotShown(t, c, "Fjord has no Scrum Master.")
	assertShows(t, c, "Fjord has no Product Owner.")
	tapOn(t, ui, "Testing")
	ctx := context.Background()
	id := ui.top().(trainPage).ID()
	r, err := store.Roster(ctx, id)
	if err != nil || len(r.People) != 2 || len(r.Teams) != 1 || r.Teams[0].Name != "Fjord" ||
		!slices.Contains(r.Teams[0].Skills, "Testing") || len(r.Roles) != 1 || r.Teams[0].ScrumMasterID == "" {
		t.Fatalf("the roster saved is %+v, %v", r, err)
	}
	assertShows(t, c, "1 team · 2 people on the train")

	// 3. The register: an impediment raised three weeks ago, its date
	// typed as the screens show dates.
	tapOn(t, ui, "Impediments")
	tapOn(t, ui, "Add impediment")
	assertShows(t, c, "New impediment")
	focusOn(t, ui, entry(t, ui, "What is in the way, in a few words"))
	typeKeys(t, ui, "No shared test environment")
	raisedOn := testDay.AddDate(0, 0, -21)
	raised := entryWith(t, ui, widgets.DateFieldText(testDay))
	focusOn(t, ui, raised)
	raised.TypedShortcut(&fyne.ShortcutSelectAll{})
	typeKeys(t, ui, widgets.DateText(raisedOn))
	key(t, ui, fyne.KeyReturn)     // Enter saves the form
	if c.Overlays().Top() != nil { // the form closed; the status bar may name the step for Undo
		t.Fatal("the impediment form is still open after Enter")
	}
	assertShows(t, c, "No shared test environment")
	assertShows(t, c, widgets.DateText(raisedOn))
	reg, err := store.Register(ctx, id)
	if err != nil || len(reg) != 1 || !reg[0].Raised.Equal(assessment.Day(raisedOn)) {
		t.Fatalf("the register saved is %+v, %v", reg, err)
	}

	// 4. The assessment: its details typed, then the first items rated with
	// digits, Enter moving on.
	tapOn(t, ui, "Assessments")
	tapOn(t, ui, "New assessment")
	focusOn(t, ui, entry(t, ui, "e.g. PI 2026.2"))
	typeKeys(t, ui, "PI 2026.2")
	focusOn(t, ui, entry(t, ui, "Your name"))
	typeKeys(t, ui, "Kim Lee")
	key(t, ui, fyne.KeyReturn)
	if _, ok := ui.top().(checklistPage); !ok {
		t.Fatalf("Enter in the assessment's details did not start it; on screen %T, %q", ui.top(), texts(c))
	}
	assertShows(t, c, "PI 2026.2")
	assertShows(t, c, "item 1 of 13")
	typeKeys(t, ui, "4")
	assertShows(t, c, "Your answer: 4 of 5")
	key(t, ui, fyne.KeyReturn)
	assertShows(t, c, "item 2 of 13")
	for range 12 {
		typeKeys(t, ui, "3")
		key(t, ui, fyne.KeyReturn)
	}
	assertShows(t, c, "Checklist 2 of 4")

	// 5. The review: the results of the draft, a recommendation accepted.
	tapOn(t, ui, "Results")
	if _, ok := ui.top().(resultsPage); !ok {
		t.Fatalf("Results did not open them; on screen %T", ui.top())
	}
	assertShows(t, c, "Draft")
	assertShows(t, c, "12 · 0 accepted · 0 rejected · 12 proposed, to review")
	tapOn(t, ui, "Accept")
	assertShows(t, c, "12 · 1 accepted · 0 rejected · 11 proposed, to review")

	// ... and back to the checklists to finish, Enter answering the question.
	tapOn(t, ui, "Checklists")
	tapOn(t, ui, "Finish")
	assertShows(t, c, "Finish assessment")
	key(t, ui, fyne.KeyReturn)
	if _, ok := ui.top().(resultsPage); !ok {
		t.Fatalf("Enter did not finish the assessment; on screen %T, %q", ui.top(), texts(c))
	}
	assertShows(t, c, "Finished · read-only")
	assertShows(t, c, "12 · 1 accepted · 0 rejected · 11 proposed")
	as, err := store.Assessments(ctx, id)
	if err != nil || len(as) != 1 || as[0].Status != assessment.Final || as[0].PI != "PI 2026.2" || as[0].Assessor != "Kim Lee" {
		t.Fatalf("the assessment saved is %+v, %v", as, err)
	}

	// 6. Two PDFs: the full report and the leadership summary, saved where
	// the coach saved last time.
	dir := t.TempDir()
	ui.app.Preferences().SetString("fyne:fileDialogLastFolder", storage.NewFileURI(dir).String())
	for _, kind := range []string{reportFull, reportSummary} {
		tapOn(t, ui, "Export report")
		assertShows(t, c, "Export report")
		tapOn(t, ui, kind)
		tapOn(t, ui, "Choose where to save…")
		assertShows(t, c, name+" PI 2026.2") // the file name it suggests
		tapOn(t, ui, "Save")
		assertShows(t, c, "Saved as "+dir)
		tapOn(t, ui, "Close")
		assertNotShown(t, c, "Saved as")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) != 2 {
		t.Fatalf("the folder holds %q, want the two reports", files)
	}
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f), name) {
			t.Errorf("%s is not named after the train", f)
		}
		st, err := os.Stat(f)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, mode %v; a file for the coach is 0600", f, err, st.Mode().Perm())
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", f, err)
		}
		for _, want := range []string{name, widgets.DateText(testDay), "PI 2026.2"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("%s does not say %q", filepath.Base(f), want)
			}
		}
	}
}

// TestExportedFilesArePrivate: a file saved through the save dialog (a
// bundle, a CSV, a workbook, as a report) is the coach's alone, 0600, like
// every file written for the coach.
func TestExportedFilesArePrivate(t *testing.T) {
	ui, _ := newTestUI(t)
	path := filepath.Join(t.TempDir(), "trains.csv")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	ui.writeFile("the CSV file", "CSV saved", w, func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, "train\n")
		return err
	}, nil)
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Saved as "+path)
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("%s: %v, mode %v", path, err, st.Mode().Perm())
	}
}
