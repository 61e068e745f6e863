package workshop

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// Response files carry a participant's votes from their own machine to the
// coach's workshop (docs/bundle-format.md). A participant answers an
// ordinary assessment in their Trainscope and exports their answers as a
// response; the coach imports the files of several participants into the
// workshop, all or nothing.

// Exporter is what the shell offers for writing a response file: the name
// the coach last gave as assessor, and the save dialog every export uses,
// which makes a file name of name, writes a private file and says what to
// do with it (notes).
type Exporter interface {
	host.Host
	Assessor() string
	SaveNamed(what, done, name, ext string, write func(ctx context.Context, w io.Writer) error, notes []string)
}

// Importer is what the shell offers for merging files into the store: the
// work runs in the background behind a progress dialog (title, message)
// with the status bar saying so; a refusal is shown under refused and
// changes nothing; done runs after a success.
type Importer interface {
	host.Host
	Import(title, message, refused string, work func(context.Context) error, done func())
}

// ExportResponse asks who is answering and from which role, then where to
// save their response file.
func ExportResponse(h Exporter, trainID, assessmentID string) {
	h.Flush()
	host.Load(h, "the train", func(ctx context.Context) (assessment.Train, error) {
		return h.Store().Train(ctx, trainID)
	}, func(train assessment.Train) {
		name := widget.NewEntry()
		name.SetText(h.Assessor())
		name.SetPlaceHolder("Your name, as the coach knows you")
		name.Validator = func(s string) error {
			if strings.TrimSpace(s) == "" {
				return fmt.Errorf("the coach needs to know who answered")
			}
			return nil
		}
		titles := make([]string, len(assessment.ParticipantRoles))
		for i, r := range assessment.ParticipantRoles {
			titles[i] = r.Title(train.Framework)
		}
		role := widget.NewSelect(titles, nil)
		role.PlaceHolder = "The role you speak from"
		items := []*widget.FormItem{
			{Text: "Name", Widget: name, HintText: "An anonymous workshop shows your role, never your name"},
			widget.NewFormItem("Role", role),
		}
		d := dialog.NewForm("Export my answers as a workshop response", "Choose where to save…", "Cancel", items, func(ok bool) {
			if !ok {
				return
			}
			p := assessment.Participant{Name: strings.TrimSpace(name.Text), Role: assessment.RoleOtherP}
			for i, t := range titles {
				if t == role.Selected {
					p.Role = assessment.ParticipantRoles[i]
				}
			}
			h.SaveNamed("the response", "Response saved", p.Name+" response "+train.Name, ".json",
				ResponseWriter(h, assessmentID, p), ResponseNotes)
		}, h.Window())
		d.Resize(fyne.NewSize(560, 0))
		d.Show()
	})
}

// ResponseNotes tell the participant what to do with their response file.
var ResponseNotes = []string{"Send the file to the coach, who adds it with File › Import workshop responses…"}

// ResponseWriter writes p's response file from the assessment's answers.
func ResponseWriter(h host.Host, assessmentID string, p assessment.Participant) func(ctx context.Context, w io.Writer) error {
	return func(ctx context.Context, w io.Writer) error {
		content, err := h.Store().ExportResponse(ctx, assessmentID, p)
		if err == nil {
			_, err = w.Write(content)
		}
		return err
	}
}

// ResponsesDialog gathers the response files to import: Fyne's open
// dialog picks one file at a time, so the coach adds files one by one, or
// every response file in a folder, and imports them together.
type ResponsesDialog struct {
	h            Importer
	trainID      string
	assessmentID string
	offerOpen    bool   // the workshop is not on screen: the report offers to open it
	done         func() // after an import, to show the screen on top again

	files  map[string][]byte
	list   *widgets.FileList
	dialog dialog.Dialog
}

// ImportResponses opens the list of files to import into the assessment.
// When the workshop is not on screen (offerOpen) the report of the import
// offers to open it; done, if not nil, runs after an import, so the screen
// on top shows what it merged.
func ImportResponses(h Importer, trainID, assessmentID string, offerOpen bool, done func()) *ResponsesDialog {
	h.Flush()
	rd := &ResponsesDialog{h: h, trainID: trainID, assessmentID: assessmentID, offerOpen: offerOpen, done: done, files: map[string][]byte{}}
	rd.list = widgets.NewFileList("Add the response files participants made on their own machines (File › Export my answers as a workshop response…). "+
		"They are checked together and imported all or nothing: a person already in the workshop, or a vote for an item the checklists do not have, refuses the lot and changes nothing.",
		"Add every response in a folder…", "Import", "response", "responses",
		rd.chooseFile, rd.chooseFolder, rd.doImport, func() { rd.dialog.Hide() })
	rd.dialog = dialog.NewCustomWithoutButtons("Import workshop responses", rd.list.Body, h.Window())
	rd.dialog.Resize(fyne.NewSize(640, 440))
	rd.showFiles()
	rd.dialog.Show()
	return rd
}

// add puts a file on the list; a second file of the same name is told
// apart by its folder.
func (rd *ResponsesDialog) add(name, path string, content []byte) {
	key := name
	if _, dup := rd.files[key]; dup {
		key = path
	}
	rd.files[key] = content
	rd.showFiles()
}

func (rd *ResponsesDialog) showFiles() {
	names := make([]string, 0, len(rd.files))
	for n := range rd.files {
		names = append(names, n)
	}
	sort.Strings(names)
	rd.list.Show(names, func(i int) {
		delete(rd.files, names[i])
		rd.showFiles()
	})
}

func (rd *ResponsesDialog) chooseFile() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			rd.h.ShowError("Could not open the file", err)
			return
		}
		if r == nil {
			return
		}
		var content []byte
		uri := r.URI()
		rd.h.Read(uri.Name(), func(context.Context) error {
			defer r.Close()
			var err error
			content, err = io.ReadAll(io.LimitReader(r, data.MaxResponseSize+1))
			return err
		}, func() { rd.add(uri.Name(), uri.Path(), content) })
	}, rd.h.Window())
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	fd.Show()
	fd.Resize(widgets.FileDialogSize)
}

func (rd *ResponsesDialog) chooseFolder() {
	fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			rd.h.ShowError("Could not open the folder", err)
			return
		}
		if dir == nil {
			return
		}
		rd.addFolder(dir)
	}, rd.h.Window())
	fd.Show()
	fd.Resize(widgets.FileDialogSize)
}

// folderFile is a response file read from a folder.
type folderFile struct {
	name, path string
	content    []byte
}

// addFolder adds every response file in a folder. Other JSON files (a
// bundle, say) are left out and named, so one stray file does not refuse
// the lot.
func (rd *ResponsesDialog) addFolder(dir fyne.ListableURI) {
	var found []folderFile
	var skipped []string
	rd.h.Read("the folder", func(context.Context) error {
		uris, err := dir.List()
		if err != nil {
			return err
		}
		for _, u := range uris {
			if strings.ToLower(u.Extension()) != ".json" {
				continue
			}
			r, err := storage.Reader(u)
			if err != nil {
				skipped = append(skipped, u.Name()+" (cannot be read)")
				continue
			}
			content, err := io.ReadAll(io.LimitReader(r, data.MaxResponseSize+1))
			r.Close()
			if err != nil {
				skipped = append(skipped, u.Name()+" (cannot be read)")
				continue
			}
			if _, err := data.DecodeResponse(content); err != nil {
				skipped = append(skipped, u.Name()+" ("+err.Error()+")")
				continue
			}
			found = append(found, folderFile{u.Name(), u.Path(), content})
		}
		return nil
	}, func() {
		for _, f := range found {
			rd.add(f.name, f.path, f.content)
		}
		switch {
		case len(skipped) > 0:
			rd.list.SetNote("Left out, not response files: " + strings.Join(skipped, "; "))
		case len(found) == 0:
			rd.list.SetNote("No response file in " + dir.Name() + ".")
		default:
			rd.list.SetNote("")
		}
	})
}

func (rd *ResponsesDialog) doImport() {
	if len(rd.files) == 0 {
		return
	}
	rd.dialog.Hide()
	rd.Import(rd.files)
}

// Import merges response files into the assessment's workshop and says
// what was merged, or why nothing was.
func (rd *ResponsesDialog) Import(files map[string][]byte) {
	h, id := rd.h, rd.assessmentID
	var rep data.ResponseReport
	h.Import("Importing", "Checking the responses and merging them…", "Nothing was imported", func(ctx context.Context) error {
		var err error
		rep, err = h.Store().ImportResponses(ctx, id, files)
		return err
	}, func() {
		text := widgets.Wrapped(strings.TrimSpace(rep.String()))
		var d dialog.Dialog
		closeBtn := widget.NewButton("Close", func() { d.Hide() })
		btns := container.NewHBox(closeBtn)
		if rd.offerOpen {
			open := widget.NewButton("Open the workshop", func() {
				d.Hide()
				h.Open(host.Workshop(rd.trainID, id))
			})
			open.Importance = widget.HighImportance
			btns.Add(open)
		}
		d = dialog.NewCustomWithoutButtons("Responses imported", container.NewVBox(text, btns), h.Window())
		d.Resize(fyne.NewSize(560, 0))
		d.Show()
		if rd.done != nil {
			rd.done()
		}
	})
}

// Refusal explains a refused import of responses in plain words, or is
// empty when err is no such refusal.
func Refusal(err error) string {
	var re *data.ResponseError
	if errors.As(err, &re) {
		return fmt.Sprintf("Nothing was changed: the workshop is as it was.\n\n%s was refused: %s.", re.File, strings.TrimSuffix(re.Err.Error(), "."))
	}
	return ""
}
