package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// texts gathers every label's and button's text in a window.
func windowTexts(w fyne.Window) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			if v.Visible() {
				b.WriteString(v.Text + "\n")
			}
		case *widget.Button:
			b.WriteString("[" + v.Text + "]\n")
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(w.Content())
	return b.String()
}

func findButton(w fyne.Window, text string) *widget.Button {
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Button:
			if v.Text == text {
				found = v
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(w.Content())
	return found
}

func TestOpenErrorWindowExplainsAndOffersTheBackup(t *testing.T) {
	a := test.NewTempApp(t)
	problem := errors.New("the database /home/coach/trainscope.db is damaged or is not a Trainscope database")
	calls := 0
	fail := true
	w := OpenErrorWindow(a, problem, func() (string, error) {
		calls++
		if fail {
			return "", errors.New("the backup folder is not readable")
		}
		return "working on a copy", nil
	})
	w.Show()
	defer w.Close()
	got := windowTexts(w)
	for _, want := range []string{"could not open your assessments", "The database /home/coach/trainscope.db is damaged", "[Quit]", "[Open a copy of the newest backup]"} {
		if !strings.Contains(got, want) {
			t.Errorf("the window should show %q; it shows:\n%s", want, got)
		}
	}
	open := findButton(w, "Open a copy of the newest backup")
	test.Tap(open)
	if calls != 1 || !strings.Contains(windowTexts(w), "That did not work either: the backup folder is not readable") {
		t.Errorf("a failed restore should be explained and the window kept; calls %d, shows:\n%s", calls, windowTexts(w))
	}
	if open.Disabled() {
		t.Error("after a failure the coach can try again")
	}
}

func TestOpenErrorWindowWithoutBackup(t *testing.T) {
	a := test.NewTempApp(t)
	w := OpenErrorWindow(a, errors.New("no permission to read /srv/trainscope.db"), nil)
	w.Show()
	defer w.Close()
	got := windowTexts(w)
	if strings.Contains(got, "newest backup]") || !strings.Contains(got, "No permission to read") {
		t.Errorf("without a backup only the reason and Quit are shown:\n%s", got)
	}
}
