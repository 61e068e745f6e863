package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
)

// TestExportBundleAndCSV writes both through the GUI's write path, as after
// the save dialog, and reads the files back.
func TestExportBundleAndCSV(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	ctx := context.Background()
	trains, _ := store.Trains(ctx)
	ids := []string{trains[0].Train.ID}
	dir := t.TempDir()
	cases := []struct {
		file, what, done, want string
		write                  func(ctx context.Context, w io.Writer) error
	}{
		{"x.json", "the bundle", "Bundle saved", `"trainscope-bundle"`, func(ctx context.Context, w io.Writer) error {
			b, err := store.Export(ctx, ids)
			if err == nil {
				_, err = b.WriteTo(w)
			}
			return err
		}},
		{"x.csv", "the CSV file", "CSV saved", "Sample ART", func(ctx context.Context, w io.Writer) error {
			return store.ExportCSV(ctx, w, ui.defs, ids)
		}},
		{"x.xlsx", "the workbook", "Workbook saved", "xl/worksheets/sheet1.xml", func(ctx context.Context, w io.Writer) error {
			return store.ExportXLSX(ctx, w, ui.defs, ids)
		}},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.file)
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		ui.writeFile(c.what, c.done, w, c.write, nil)
		settle(ui)
		assertShows(t, ui.win.Canvas(), "Saved as "+path)
		dismissDialogs(ui.win.Canvas())
		b, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(b), c.want) {
			t.Errorf("%s: %v, content lacks %q", c.file, err, c.want)
		}
	}

	// A failed write says so in plain words.
	w, err := storage.Writer(storage.NewFileURI(filepath.Join(dir, "y.json")))
	if err != nil {
		t.Fatal(err)
	}
	ui.writeFile("the bundle", "Bundle saved", w, func(context.Context, io.Writer) error { return errors.New("disk full") }, nil)
	settle(ui)
	assertShows(t, ui.win.Canvas(), "The bundle was not saved")
}

func TestStepAcrossChecklists(t *testing.T) {
	d := loadDefs(t)
	last := len(d.Checklists) - 1
	lastItem := len(d.Checklists[last].Items) - 1
	cases := []struct {
		cl, it, delta  int
		wantCl, wantIt int
		ok             bool
	}{
		{0, 0, 1, 0, 1, true},
		{0, len(d.Checklists[0].Items) - 1, 1, 1, 0, true},
		{1, 0, -1, 0, len(d.Checklists[0].Items) - 1, true},
		{0, 0, -1, 0, -1, false},
		{last, lastItem, 1, last, lastItem + 1, false},
	}
	for _, c := range cases {
		cl, it, ok := d.Step(c.cl, c.it, c.delta)
		if ok != c.ok || ok && (cl != c.wantCl || it != c.wantIt) {
			t.Errorf("step(%d, %d, %+d) = %d, %d, %v; want %d, %d, %v", c.cl, c.it, c.delta, cl, it, ok, c.wantCl, c.wantIt, c.ok)
		}
	}
}
