package app

import (
	"bytes"
	"context"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// gatedReader is a bundle whose reading waits for open to close, and
// notes in order when it starts.
type gatedReader struct {
	open  chan struct{}
	r     io.Reader
	once  sync.Once
	start func()
}

func (g *gatedReader) Read(p []byte) (int, error) {
	g.once.Do(g.start)
	<-g.open
	return g.r.Read(p)
}

func (g *gatedReader) Close() error { return nil }

// The import of a bundle runs beside the queue of the coach's saves: a save
// asked for while the import runs is written before the import finishes
// (issue 17), where it once waited in the queue behind all of it; and the
// import starts only after the saves asked for before it.
func TestImportRunsBesideTheCoachsSaves(t *testing.T) {
	ctx := context.Background()
	defs := loadDefs(t)
	other := openStore(t, defs)
	withSample(other)
	var bundle bytes.Buffer
	if _, err := other.ExportTo(ctx, &bundle, "", nil); err != nil {
		t.Fatal(err)
	}
	ui, store := newTestUI(t, withSample)
	trains, err := store.Trains(ctx)
	if err != nil || len(trains) != 1 {
		t.Fatalf("trains %v, %v", trains, err)
	}
	trainID := trains[0].Train.ID

	var mu sync.Mutex
	var order []string
	note := func(s string) {
		mu.Lock()
		order = append(order, s)
		mu.Unlock()
	}
	// A save asked for before the import, still being written.
	gate := make(chan struct{})
	ui.bg.do(func() error {
		<-gate
		note("save before")
		return nil
	}, nil)
	started := make(chan struct{})
	r := &gatedReader{open: make(chan struct{}), r: &bundle, start: func() {
		note("import starts")
		close(started)
	}}
	var release sync.Once
	t.Cleanup(func() { release.Do(func() { close(r.open) }) }) // before the worker's close, on a failure too
	ui.importBundle(r)
	close(gate)
	select {
	case <-started:
	case <-time.After(30 * time.Second): // a guard against a hang, not a measure
		t.Fatal("the import did not start once the save before it was written")
	}

	// The import is under way, held in the middle of reading its file: a
	// save the coach makes now is written all the same.
	saved := make(chan error, 1)
	ui.bg.do(func() error {
		err := store.SaveImpediment(ctx, trainID, &assessment.Impediment{ID: "during", Title: "Saved during the import", Level: assessment.LevelTeam, Status: assessment.StatusOpen})
		note("save during")
		saved <- err
		return err
	}, nil)
	select {
	case err := <-saved:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second): // a guard against a hang, not a measure
		t.Fatal("the coach's save is still queued behind the import")
	}
	release.Do(func() { close(r.open) })
	settle(ui)
	assertShows(t, ui.win.Canvas(), "Bundle imported")
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"save before", "import starts", "save during"}; len(order) != 3 || order[0] != want[0] || order[1] != want[1] || order[2] != want[2] {
		t.Fatalf("order %v, want %v", order, want)
	}
	reg, err := store.Register(ctx, trainID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, imp := range reg {
		found = found || imp.ID == "during"
	}
	if !found {
		t.Fatal("the save made during the import is lost")
	}
}
