package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"github.com/trainscope/trainscope/internal/privatefile"
)

// The window's bundle export writes the file through the private writer
// and then records what it holds: the coach renames the train afterwards,
// and importing the saved file back keeps the new name, skipping the
// file's train as the older copy it is (without the recorded lineage it
// would be taken as changed on both sides and merged).
func TestExportBundleRecordsWhatTheFileHolds(t *testing.T) {
	ui, store := newTestUI(t, withSample)
	ctx := context.Background()
	trains, err := store.Trains(ctx)
	if err != nil || len(trains) != 1 {
		t.Fatalf("trains: %v, %d", err, len(trains))
	}
	train := trains[0].Train
	path := filepath.Join(t.TempDir(), "bundle.json")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	ui.writeFile("the bundle", "Bundle saved", w, ui.writeBundle(nil), nil)
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Saved as "+path)
	assertNotShown(t, ui.win.Canvas(), "was not noted")
	dismissDialogs(ui.win.Canvas())
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != privatefile.Mode {
		t.Errorf("the bundle is %04o, want %04o", fi.Mode().Perm(), privatefile.Mode)
	}

	renamed := train
	renamed.Name = "Renamed after the export"
	if err := store.UpdateTrain(ctx, renamed); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := store.Import(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Merged)+len(rep.Updated)+len(rep.Conflicts) != 0 {
		t.Errorf("importing the exported file back changed things: %+v", rep)
	}
	skipped := false
	for _, it := range rep.Skipped {
		if it.ID == train.ID {
			skipped = strings.Contains(it.Reason, "made from this one and changed since")
		}
	}
	if !skipped {
		t.Errorf("the file's train was not known as the older copy: %+v", rep.Skipped)
	}
	got, err := store.Train(ctx, train.ID)
	if err != nil || got.Name != renamed.Name {
		t.Errorf("the train is named %q (%v), want %q", got.Name, err, renamed.Name)
	}
}
