package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/train"
)

// TestClosingAsksAboutAnOpenForm: closing the window while a new
// impediment is half filled in asks first, and going back keeps it.
func TestClosingAsksAboutAnOpenForm(t *testing.T) {
	ui, _ := newTestUI(t)
	c := ui.win.Canvas()
	ts := newTrain(t, ui, "Closing ART")
	ts.SelectTab(train.TabRegister)
	closed := false
	ui.closeWin = func() { closed = true } // the test driver closes a window only once: at cleanup

	// An untouched form closes without a question.
	tap(t, ui, "Add impediment")
	if ui.unsavedForm() != nil {
		t.Errorf("an untouched form counts as unsaved")
	}
	tap(t, ui, "Cancel")

	tap(t, ui, "Add impediment")
	title := entry(t, ui, impedimentTitle)
	test.Type(title, "Half a thought")
	ui.closeWindow()
	ui.closeWindow() // a second click on the close box asks no second time
	settle(ui)
	if n := len(c.Overlays().List()); n != 2 {
		t.Errorf("%d dialogs on screen, want the form and one question", n)
	}
	if closed {
		t.Fatal("the window closed and lost the form without a word")
	}
	assertShows(t, c, "You are entering a new impediment and have not saved it.")
	tap(t, ui, "Go back to the form")
	if closed || title.Text != "Half a thought" {
		t.Fatalf("going back: closed %v, title %q", closed, title.Text)
	}
	assertShows(t, c, "New impediment")

	// Saved or cancelled, nothing is left to ask about.
	tap(t, ui, "Save")
	if f := ui.unsavedForm(); f != nil {
		t.Errorf("a saved form still counts as open: %s", f.what)
	}

	tap(t, ui, "Add impediment")
	test.Type(entry(t, ui, impedimentTitle), "Another")
	ui.closeWindow()
	settle(ui)
	tap(t, ui, "Close and lose it")
	if !closed {
		t.Errorf("choosing to lose the form did not close the window")
	}
}

// TestMenuQuitAsksAboutAnOpenForm: File ▸ Quit (Ctrl+Q), the last item of
// the first menu as Fyne wants it, asks about a form not saved as closing
// the window does; Fyne's own Quit would stop without a word.
func TestMenuQuitAsksAboutAnOpenForm(t *testing.T) {
	ui, _ := newTestUI(t)
	file := ui.menu.menu.Items[0]
	quit := file.Items[len(file.Items)-1]
	if quit != ui.menu.quit || !quit.IsQuit || quit.Label != "Quit" {
		t.Fatalf("the File menu ends with %q (quit item: %v)", quit.Label, quit.IsQuit)
	}
	ts := newTrain(t, ui, "Quitting ART")
	ts.SelectTab(train.TabRegister)
	closed := false
	ui.closeWin = func() { closed = true }
	tap(t, ui, "Add impediment")
	test.Type(entry(t, ui, impedimentTitle), "Half a thought")
	quit.Action()
	settle(ui)
	if closed {
		t.Fatal("Quit closed the window and lost the form without a word")
	}
	assertShows(t, ui.win.Canvas(), "You are entering a new impediment and have not saved it.")
	tap(t, ui, "Close and lose it")
	if !closed {
		t.Error("Quit did not close once the coach chose to lose the form")
	}
}
