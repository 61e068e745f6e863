package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// smallChunks makes an import's chunks four trains (or twenty
// assessments) each, with no time budget, so they are the same every run.
func smallChunks(t *testing.T) {
	t.Helper()
	was := importChunk
	importChunk.trains, importChunk.assessments, importChunk.budget = 4, 20, 0
	t.Cleanup(func() { importChunk = was })
}

// withChunkHook sets importChunkHook for one test.
func withChunkHook(t *testing.T, hook func(s *Store, chunks int) error) {
	t.Helper()
	importChunkHook = hook
	t.Cleanup(func() { importChunkHook = nil })
}

func trainCount(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	must(t, s.db.QueryRow("SELECT count(*) FROM trains").Scan(&n))
	return n
}

func journalRows(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	must(t, s.db.QueryRow("SELECT count(*) FROM import_journal").Scan(&n))
	return n
}

// A save from a second Store (another Trainscope) goes in between two
// chunks of a big import and commits before the import has finished:
// the import holds the write lock one chunk at a time (issue 17), where
// it once held it for the whole bundle and the save failed as busy.
func TestSaveCommitsBetweenImportChunks(t *testing.T) {
	smallChunks(t)
	ctx := context.Background()
	importer, coach := twoStores(t)
	tr := addTrain(t, coach, "Coach's own")

	const n = 12
	want := (n + importChunk.trains - 1) / importChunk.trains
	var saved []int // the chunk after which each save committed
	withChunkHook(t, func(s *Store, chunks int) error {
		if s != importer {
			return nil
		}
		imp := &assessment.Impediment{ID: fmt.Sprintf("saved-after-chunk-%d", chunks), Title: "Saved mid-import", Level: assessment.LevelTeam, Status: assessment.StatusOpen}
		if err := coach.SaveImpediment(ctx, tr.ID, imp); err != nil {
			return fmt.Errorf("the coach's save during the import: %w", err)
		}
		// The save is in, and the import is not: some of its trains are
		// not here yet.
		if got := trainCount(t, coach); chunks < want && got >= n+1 {
			t.Errorf("after chunk %d the coach sees all %d trains: the import was not in chunks", chunks, got)
		}
		saved = append(saved, chunks)
		return nil
	})
	rep, err := importer.Import(ctx, streamedBundle(n, 0, -1, nil))
	must(t, err)
	if len(rep.Added) != 2*n {
		t.Fatalf("added %d, want %d:\n%s", len(rep.Added), 2*n, rep)
	}
	if !slices.Equal(saved, []int{1, 2, 3}) || want != 3 {
		t.Fatalf("saves committed after chunks %v of %d; want one after each of 3", saved, want)
	}
	reg, err := coach.Register(ctx, tr.ID)
	must(t, err)
	if len(reg) != 3 {
		t.Fatalf("the coach's %d saves during the import left %d impediments", len(saved), len(reg))
	}
	if journalRows(t, importer) != 0 {
		t.Fatal("a finished import left its journal")
	}
}

// changedCopies is a bundle of newer copies of every train of s (each
// train renamed, with an answer changed in its draft): imported into s,
// each replaces the one here.
func changedCopies(t *testing.T, s *Store) []byte {
	t.Helper()
	ctx := context.Background()
	other := openTemp(t, Options{Summarize: countingSummary})
	_, err := other.Import(ctx, bytes.NewReader(exportBytes(t, s)))
	must(t, err)
	trains, err := other.Trains(ctx)
	must(t, err)
	for _, ts := range trains {
		tr := ts.Train
		tr.Name += " (changed)"
		must(t, other.UpdateTrain(ctx, tr))
	}
	return exportBytes(t, other)
}

// trainsStore is a store with the sample train and n small trains.
func trainsStore(t *testing.T, n int) *Store {
	t.Helper()
	s := sampleStore(t)
	_, err := s.Import(context.Background(), streamedBundle(n, 0, -1, nil))
	must(t, err)
	return s
}

// An import whose later chunk fails (the disk full, the coach's cancel, any
// error) undoes the chunks it had committed: the database is as it was,
// row for row, the stored summaries and the portfolio's facts with it.
func TestImportUndoneWhenALaterChunkFails(t *testing.T) {
	smallChunks(t)
	ctx := context.Background()
	s := trainsStore(t, 10)
	defs := definitions(t)
	bundle := changedCopies(t, s)
	before := dbState(t, s)
	factsBefore := freshFacts(t, s, defs)
	kept, err := s.PortfolioFacts(ctx, "", defs)
	must(t, err)
	if !reflect.DeepEqual(kept, factsBefore) {
		t.Fatal("the facts differ before the import")
	}

	stop := errors.New("the disk is full (a test)")
	journaled := 0
	withChunkHook(t, func(s *Store, chunks int) error {
		if chunks < 2 {
			journaled = journalRows(t, s)
			return nil
		}
		return stop
	})
	_, err = s.Import(ctx, bytes.NewReader(bundle))
	if !errors.Is(err, stop) {
		t.Fatalf("got %v, want the failure of the chunk", err)
	}
	if journaled != importChunk.trains {
		t.Fatalf("the first chunk journaled %d trains, want %d", journaled, importChunk.trains)
	}
	if got := dbState(t, s); got != before {
		t.Fatalf("the undone import changed the database:\n%s", firstDiff(before, got))
	}
	got, err := s.PortfolioFacts(ctx, "", defs)
	must(t, err)
	if !reflect.DeepEqual(got, factsBefore) {
		t.Fatalf("the portfolio's facts after the undo differ from before:\n%v\n%v", pis(got), pis(factsBefore))
	}

	// The same bundle then goes in whole, in chunks, with the summaries
	// and facts of what it brought.
	withChunkHook(t, nil)
	rep, err := s.Import(ctx, bytes.NewReader(bundle))
	must(t, err)
	if len(rep.Updated) != 11 {
		t.Fatalf("updated %d trains and assessments, want the 11 trains:\n%s", len(rep.Updated), rep)
	}
	got, err = s.PortfolioFacts(ctx, "", defs)
	must(t, err)
	if want := freshFacts(t, s, defs); !reflect.DeepEqual(got, want) {
		t.Fatalf("the facts after a chunked import differ from the assessments evaluated now:\n%v\n%v", pis(got), pis(want))
	}
	stale := 0
	trains, err := s.Trains(ctx)
	must(t, err)
	for _, ts := range trains {
		if !strings.HasSuffix(ts.Train.Name, " (changed)") {
			t.Errorf("train %q was not updated", ts.Train.Name)
		}
	}
	all, err := loadAssessments(ctx, s.db, "1 = 1")
	must(t, err)
	for _, sa := range all {
		tr, err := loadTrain(ctx, s.db, sa.A.TrainID)
		must(t, err)
		var score float64
		var levelName string
		must(t, s.db.QueryRow("SELECT score, level_name FROM assessments WHERE id = ?", sa.A.ID).Scan(&score, &levelName))
		if sum := countingSummary(sa.A, tr); sum.LevelName != levelName || sum.Score != score {
			stale++
		}
	}
	if stale > 0 {
		t.Fatalf("%d stored summaries do not follow the imported trains", stale)
	}
}

// firstDiff is the first line where two database states differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}

// A train someone changed between two chunks, after the import had
// changed it, is not undone with the rest: their edit stays, and the
// error names the train (the rule of docs/reliability.md).
func TestImportUndoKeepsAnEditMadeMeanwhile(t *testing.T) {
	smallChunks(t)
	ctx := context.Background()
	s, coach := twoStores(t)
	var err error
	base := addTrain(t, s, "Here before")
	const edited = "11111111-1111-4111-8111-000000000001" // streamedBundle's second train, in the first chunk
	stop := errors.New("stopped (a test)")
	withChunkHook(t, func(_ *Store, chunks int) error {
		if chunks == 1 {
			return coach.SaveImpediment(ctx, edited, &assessment.Impediment{ID: "mid-import", Title: "Raised while the import ran", Level: assessment.LevelTeam, Status: assessment.StatusOpen})
		}
		return stop
	})
	_, err = s.Import(ctx, streamedBundle(12, 0, -1, nil))
	var ke *KeptTrainsError
	if !errors.As(err, &ke) || !errors.Is(err, stop) {
		t.Fatalf("got %v, want a *KeptTrainsError of the failure", err)
	}
	if len(ke.Trains) != 1 || !strings.Contains(ke.Trains[0], edited) || !strings.Contains(err.Error(), `"Train 1"`) {
		t.Fatalf("kept %v (%v), want train 1 named", ke.Trains, err)
	}
	trains, err := s.Trains(ctx)
	must(t, err)
	var ids []string
	for _, ts := range trains {
		ids = append(ids, ts.Train.ID)
	}
	slices.Sort(ids)
	want := []string{edited, base.ID}
	slices.Sort(want) // base's id is random: the order is the ids'
	if !slices.Equal(ids, want) {
		t.Fatalf("trains after the undo %v, want %v: the rest undone, the edited one kept", ids, want)
	}
	reg, err := s.Register(ctx, edited)
	must(t, err)
	if !slices.ContainsFunc(reg, func(i assessment.Impediment) bool { return i.ID == "mid-import" }) {
		t.Fatalf("the edit made during the import is lost: %v", reg)
	}
	if journalRows(t, s) != 0 {
		t.Fatal("the undo left its journal")
	}
}

// leftOverImport is a copy of s's database taken between two chunks of an
// import, as a Trainscope killed there leaves it: the first chunk in, the
// journal beside it. It returns the copy's path and s's state before.
func leftOverImport(t *testing.T, s *Store, bundle []byte) (string, string) {
	t.Helper()
	before := dbState(t, s)
	copyPath := filepath.Join(t.TempDir(), "trainscope.db")
	withChunkHook(t, func(s *Store, chunks int) error {
		if chunks == 2 {
			if _, err := s.db.Exec("VACUUM INTO ?", copyPath); err != nil {
				return err
			}
		}
		return nil
	})
	_, err := s.Import(context.Background(), bytes.NewReader(bundle))
	must(t, err)
	withChunkHook(t, nil)
	return copyPath, before
}

// An import a killed Trainscope left half done is undone by the next Open,
// before anything else, and Warnings says so; an Open stopped in the
// middle of that undo undoes the rest the next time.
func TestImportLeftOverIsUndoneAtOpen(t *testing.T) {
	smallChunks(t)
	s := trainsStore(t, 10)
	path, before := leftOverImport(t, s, changedCopies(t, s))
	var journal, imports int
	db, err := sql.Open("sqlite3", rawDSN(path)) // not Open, which would undo it
	must(t, err)
	must(t, db.QueryRow("SELECT count(*) FROM import_journal").Scan(&journal))
	must(t, db.QueryRow("SELECT count(*) FROM imports WHERE state = 'running'").Scan(&imports))
	db.Close()
	if journal != 2*importChunk.trains || imports != 1 {
		t.Fatalf("the copy holds %d journal entries of %d running imports, want %d of 1", journal, imports, 2*importChunk.trains)
	}

	// Killed during the undo: the first transaction of it done, then stop.
	stop := errors.New("killed (a test)")
	undoHook = func(done int) error {
		if done == 1 {
			return stop
		}
		return nil
	}
	_, err = Open(path, Options{Summarize: countingSummary})
	undoHook = nil
	if !errors.Is(err, stop) {
		t.Fatalf("open with the undo stopped: %v", err)
	}
	re, err := Open(path, Options{Summarize: countingSummary})
	must(t, err)
	defer re.Close()
	if got := dbState(t, re); got != before {
		t.Fatalf("the left-over import was not undone:\n%s", firstDiff(before, got))
	}
	if w := re.Warnings(); len(w) != 1 || !strings.Contains(w[0], "An import that did not finish") {
		t.Fatalf("warnings %q", w)
	}
}

// An import this process is running is not undone by another Store that
// opens the file meanwhile; one whose process is gone is.
func TestImportAlive(t *testing.T) {
	if importAlive("not-running-here", 0) || importAlive("not-running-here", -1) {
		t.Fatal("no process, yet alive")
	}
	liveImports.Store("running-here", struct{}{})
	defer liveImports.Delete("running-here")
	if !importAlive("running-here", os.Getpid()) || importAlive("finished-here", os.Getpid()) {
		t.Fatal("this process's imports are told wrong")
	}
}

// Every table of the schema is either in a train's journal entry or named
// as global, derived or the journal's own: a new table must choose.
func TestJournalCoversEveryTable(t *testing.T) {
	s := openTemp(t, Options{})
	rows, err := s.db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	must(t, err)
	defer rows.Close()
	known := slices.Concat(journalTrainTables, journalRosterTables, journalAssessmentTables, journalSkippedTables)
	for rows.Next() {
		var name string
		must(t, rows.Scan(&name))
		if !slices.Contains(known, name) {
			t.Errorf("table %s: neither in the import journal nor named as skipped (data/journal.go)", name)
		}
	}
	must(t, rows.Err())
}
