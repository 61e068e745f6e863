package portfolio

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/data"
)

// GatherDialog is the list of bundles the LACE gathers at once: Fyne's open
// dialog picks one file, so files are added one by one, or every bundle of
// a folder (a shared drive the coaches drop their exports into), and any
// taken out again; "Gather N files" imports them, each file all or
// nothing, and shows one merge report.
type GatherDialog struct {
	s       *Screen
	paths   []string // in the order added, each once
	lastDir string   // where the next file dialog opens
	files   *widgets.FileList
	dialog  dialog.Dialog
}

// OpenGather shows the list of bundles to gather, empty.
func (s *Screen) OpenGather() *GatherDialog {
	g := &GatherDialog{s: s}
	s.gathering = g
	g.files = widgets.NewFileList("Add the bundles the coaches exported (File › Export…), one file at a time or every bundle in a folder. "+
		"Each file is imported on its own, all or nothing: a broken file is refused and changes nothing, the others still come in.",
		"Add every bundle in a folder…", "Gather", "file", "files",
		g.chooseFile, g.chooseFolder, g.Gather, func() { g.dialog.Hide() })
	g.dialog = dialog.NewCustomWithoutButtons("Gather bundles", g.files.Body, s.host.Window())
	g.dialog.Resize(fyne.NewSize(680, 480))
	g.showFiles()
	g.dialog.Show()
	return g
}

// Paths are the files on the list, in the order added.
func (g *GatherDialog) Paths() []string { return slices.Clone(g.paths) }

// Add puts files on the list; one already there is not added again.
func (g *GatherDialog) Add(paths ...string) {
	for _, p := range paths {
		p = filepath.Clean(p)
		if !slices.Contains(g.paths, p) {
			g.paths = append(g.paths, p)
		}
		g.lastDir = filepath.Dir(p)
	}
	g.showFiles()
}

// Remove takes a file off the list.
func (g *GatherDialog) Remove(path string) {
	g.paths = slices.DeleteFunc(g.paths, func(p string) bool { return p == path })
	g.showFiles()
}

// AddFolder puts every bundle of a folder on the list: each .json file
// directly in it, as a gather of the folder reads them. A file there that
// is no bundle (a workshop response file) is skipped by the gather and
// named in its report.
func (g *GatherDialog) AddFolder(dir string) {
	var files []string
	g.s.host.Read("the folder", func(context.Context) error {
		fi, err := os.Stat(dir)
		if err != nil || !fi.IsDir() {
			return fmt.Errorf("%s is not a folder that can be read", dir)
		}
		files = data.GatherFiles([]string{dir})
		if slices.Equal(files, []string{dir}) {
			return fmt.Errorf("the folder %s cannot be read", dir)
		}
		return nil
	}, func() {
		g.lastDir = dir
		if len(files) == 0 {
			g.say(fmt.Sprintf("There are no bundles (.json files) in %s.", dir))
			return
		}
		g.say("")
		g.Add(files...)
	})
}

// say shows a note under the list, or hides it for "".
func (g *GatherDialog) say(text string) { g.files.SetNote(text) }

func (g *GatherDialog) showFiles() {
	names := make([]string, len(g.paths))
	for i, p := range g.paths {
		names[i] = filepath.Base(p) + "  in " + filepath.Dir(p)
	}
	paths := slices.Clone(g.paths)
	g.files.Show(names, func(i int) { g.Remove(paths[i]) })
}

// Gather imports the files on the list and shows the merge report.
func (g *GatherDialog) Gather() {
	if len(g.paths) == 0 {
		return
	}
	g.dialog.Hide()
	g.s.Gather(g.Paths(), nil)
}

func (g *GatherDialog) chooseFile() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			g.s.host.ShowError("Could not open the file", err)
			return
		}
		if r == nil {
			return
		}
		r.Close() // the gather reads it, a train at a time
		g.say("")
		g.Add(r.URI().Path())
	}, g.s.host.Window())
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	g.openAtLast(fd.SetLocation)
	fd.Show()
	fd.Resize(widgets.FileDialogSize)
}

func (g *GatherDialog) chooseFolder() {
	fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			g.s.host.ShowError("Could not open the folder", err)
			return
		}
		if u == nil {
			return
		}
		g.AddFolder(u.Path())
	}, g.s.host.Window())
	g.openAtLast(fd.SetLocation)
	fd.Show()
	fd.Resize(widgets.FileDialogSize)
}

// openAtLast opens a file dialog where the last file or folder was added:
// the next coach's export is most likely beside it.
func (g *GatherDialog) openAtLast(set func(fyne.ListableURI)) {
	if g.lastDir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(g.lastDir)); err == nil {
		set(l)
	}
}

// gatherReport is the merge report as the LACE reads it: the totals, then
// each file with what it brought, each train with its coaches (as the
// portfolio now knows them).
func (s *Screen) gatherReport(rep data.GatherReport) fyne.CanvasObject {
	coaches := map[string][]string{}
	for _, t := range s.trains {
		coaches[t.Train.ID] = t.Coaches
	}
	objs := []fyne.CanvasObject{widgets.Wrapped(strings.TrimSpace(rep.Totals()))}
	for _, f := range rep.Files {
		objs = append(objs, widget.NewSeparator(), wrappedBold(filepath.Base(f.Path)+": "+f.Outcome()), widgets.Caption("in "+filepath.Dir(f.Path)))
		if f.Err != nil || f.Skipped != "" {
			continue
		}
		var lines []string
		for _, g := range []struct {
			verb  string
			items []data.ImportItem
		}{{"added", f.Report.Added}, {"updated", f.Report.Updated}, {"merged", f.Report.Merged}, {"not changed", f.Report.Skipped}} {
			for _, it := range g.items {
				if it.Kind != "train" {
					continue
				}
				line := it.Name + " (" + coachesText(coaches[it.ID]) + "): " + g.verb
				if it.Reason != "" {
					line += ", " + it.Reason
				}
				lines = append(lines, line)
			}
		}
		count := func(items []data.ImportItem) int {
			return len(slices.DeleteFunc(slices.Clone(items), func(it data.ImportItem) bool { return it.Kind != "assessment" }))
		}
		lines = append(lines, fmt.Sprintf("Assessments: %d added, %d updated, %d kept as a conflict copy, %d already here",
			count(f.Report.Added), count(f.Report.Updated), count(f.Report.Conflicts), count(f.Report.Skipped)))
		for _, it := range f.Report.Conflicts {
			if it.Kind == "assessment" {
				lines = append(lines, "Conflict copy kept beside the one here: "+it.Name)
			}
		}
		lines = append(lines, f.Report.Warnings...)
		objs = append(objs, widgets.Bullets(lines))
	}
	return container.NewVBox(objs...)
}

func coachesText(c []string) string {
	if len(c) == 0 {
		return "no coach named"
	}
	if len(c) == 1 {
		return "coach " + c[0]
	}
	return "coaches " + strings.Join(c, ", ")
}
