package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestFileListWordsTheAction: the action is off with no file and says how
// many files it acts on; a file's remove button says which.
func TestFileListWordsTheAction(t *testing.T) {
	test.NewTempApp(t)
	acted := false
	f := NewFileList("Add the files.", "Add every file in a folder…", "Import", "response", "responses",
		func() {}, func() {}, func() { acted = true }, func() {})
	f.Show(nil, nil)
	if !f.Action.Disabled() || f.Action.Text != "Import" {
		t.Errorf("with no file the action is %q, disabled %v", f.Action.Text, f.Action.Disabled())
	}
	removed := -1
	f.Show([]string{"a.json", "b.json"}, func(i int) { removed = i })
	if f.Action.Disabled() || f.Action.Text != "Import 2 responses" {
		t.Errorf("with two files the action is %q, disabled %v", f.Action.Text, f.Action.Disabled())
	}
	if f.Action.Size().Width < f.Action.MinSize().Width {
		t.Errorf("the action is %v wide for words that need %v", f.Action.Size().Width, f.Action.MinSize().Width)
	}
	for _, o := range f.list.Objects[1].(*fyne.Container).Objects {
		if b, ok := o.(*widget.Button); ok {
			test.Tap(b)
		}
	}
	if removed != 1 {
		t.Errorf("the second file's button took out file %d", removed)
	}
	test.Tap(f.Action)
	if !acted {
		t.Error("the action did not run")
	}
	f.SetNote("Left out: c.json")
	if !f.Note.Visible() || f.Note.Text != "Left out: c.json" {
		t.Errorf("note %q shown %v", f.Note.Text, f.Note.Visible())
	}
	f.SetNote("")
	if f.Note.Visible() {
		t.Error("an empty note still shows")
	}
}
