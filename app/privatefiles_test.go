package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"
)

// A file saved from the window is private and whole (issue 17): an old
// report readable by others, chosen in the save dialog again, stays as it
// was while the new one is written and when writing it fails; once written
// the new one is 0600.
func TestSavedFilesArePrivateAndWhole(t *testing.T) {
	ui, _ := newTestUI(t)
	path := filepath.Join(t.TempDir(), "Sample ART.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o644)

	w, err := storage.Writer(storage.NewFileURI(path)) // what the save dialog hands over
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("the save dialog's writer emptied the old file: %q", got)
	}
	ui.writeFile("the CSV file", "CSV saved", w, func(_ context.Context, w io.Writer) error {
		io.WriteString(w, "half a")
		return errors.New("disk full")
	}, nil)
	settle(ui)
	assertShows(t, ui.win.Canvas(), "The CSV file was not saved")
	dismissDialogs(ui.win.Canvas())
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("after a failed save the file reads %q, not the old content", got)
	}

	w, err = storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	ui.writeFile("the CSV file", "CSV saved", w, func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, "new")
		return err
	}, nil)
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Saved as "+path)
	fi, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != "new" || fi.Mode().Perm() != 0o600 {
		t.Errorf("after the save: %q, mode %v; want the new content at 0600", got, fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files left beside the saved one: %v", entries)
	}
}
