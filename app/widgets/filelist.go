package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FileList is the body of a dialog that collects files before acting on
// them all (responses to import, bundles to gather), as Fyne's open dialog
// picks one file at a time: what it is for, "Add a file…" and the folder's
// button, the files added with a button each to take one out, a note under
// them, Cancel and the action, worded by how many files there are.
type FileList struct {
	Body   fyne.CanvasObject
	Note   *widget.Label // a warning under the files, hidden while empty
	Action *widget.Button

	list, buttons   *fyne.Container
	verb, one, many string
}

// NewFileList lays the dialog out: intro on top, addFolder's words on the
// folder's button, the action as verb ("Import 2 responses": one and many
// name the files).
func NewFileList(intro, addFolder, verb, one, many string, onFile, onFolder, onAction, onCancel func()) *FileList {
	f := &FileList{list: container.NewVBox(), verb: verb, one: one, many: many}
	f.Note = Wrapped("")
	f.Note.Importance = widget.WarningImportance
	f.Note.Hide()
	f.Action = widget.NewButtonWithIcon(verb, theme.DownloadIcon(), onAction)
	f.Action.Importance = widget.HighImportance
	file := widget.NewButtonWithIcon("Add a file…", theme.FileIcon(), onFile)
	folder := widget.NewButtonWithIcon(addFolder, theme.FolderOpenIcon(), onFolder)
	cancel := widget.NewButton("Cancel", onCancel)
	f.buttons = container.NewHBox(layout.NewSpacer(), cancel, f.Action)
	f.Body = container.NewBorder(
		container.NewVBox(Wrapped(intro), container.NewHBox(file, folder), widget.NewSeparator()),
		container.NewVBox(f.Note, widget.NewSeparator(), f.buttons),
		nil, nil, container.NewVScroll(f.list))
	return f
}

// Show lists the files by the names given, remove(i) taking the i-th out,
// and enables the action while there is a file.
func (f *FileList) Show(names []string, remove func(i int)) {
	objs := make([]fyne.CanvasObject, 0, len(names)+1)
	if len(names) == 0 {
		objs = append(objs, Wrapped("No files yet."))
	}
	for i, n := range names {
		out := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { remove(i) })
		out.Importance = widget.LowImportance
		objs = append(objs, container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), out, Truncated(n)))
	}
	f.list.Objects = objs
	f.list.Refresh()
	// The action's words grow with the count: its row is laid out again
	// so the button is as wide as they are.
	defer f.buttons.Refresh()
	if len(names) == 0 {
		f.Action.SetText(f.verb)
		f.Action.Disable()
		return
	}
	f.Action.SetText(f.verb + " " + Plural(len(names), f.one, f.many))
	f.Action.Enable()
}

// SetNote shows text under the files, or hides the note when it is empty.
func (f *FileList) SetNote(text string) {
	f.Note.SetText(text)
	f.Note.Hidden = text == ""
	f.Note.Refresh()
}
