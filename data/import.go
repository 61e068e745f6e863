package data

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/bundle"
)

// ImportReport says what an import did with each train and assessment.
type ImportReport struct {
	Added   []ImportItem
	Updated []ImportItem
	Skipped []ImportItem
	// Merged are trains both this copy and the bundle's had changed: their
	// changes were put together; Reason says what, and which value was
	// kept where both changed the same thing.
	Merged []ImportItem
	// Conflicts are assessments both sides had changed: the bundle's copy
	// is kept beside the one here as a conflict copy (ID is the copy's).
	Conflicts []ImportItem
	// Warnings are what the coach should know of an import that went
	// through, with the place in the file: an assessment of a checklist
	// version this Trainscope does not have, kept as it is.
	Warnings []string
}

// ImportItem is one train or assessment of an import.
type ImportItem struct {
	Kind   string // "train" or "assessment"
	ID     string
	Name   string // the train's name, or "train name, PI (date)" for an assessment
	Reason string // for a skipped one: why
}

// String is the report as the import command prints it.
func (r ImportReport) String() string {
	var b strings.Builder
	count := func(items []ImportItem, kind string) int {
		n := 0
		for _, it := range items {
			if it.Kind == kind {
				n++
			}
		}
		return n
	}
	for _, kind := range []string{"train", "assessment"} {
		fmt.Fprintf(&b, "%ss: %d added, %d updated, %d skipped", strings.ToUpper(kind[:1])+kind[1:],
			count(r.Added, kind), count(r.Updated, kind), count(r.Skipped, kind))
		if n := count(r.Merged, kind); n > 0 {
			fmt.Fprintf(&b, ", %d merged", n)
		}
		if n := count(r.Conflicts, kind); n > 0 {
			fmt.Fprintf(&b, ", %d kept as a conflict copy", n)
		}
		b.WriteString("\n")
	}
	for _, g := range []struct {
		verb  string
		items []ImportItem
	}{{"added", r.Added}, {"updated", r.Updated}, {"merged", r.Merged}, {"kept as a conflict copy:", r.Conflicts}, {"skipped", r.Skipped}} {
		for _, it := range g.items {
			fmt.Fprintf(&b, "  %s %s %q (%s)", g.verb, it.Kind, it.Name, it.ID)
			if it.Reason != "" {
				fmt.Fprintf(&b, ": %s", it.Reason)
			}
			b.WriteString("\n")
		}
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "  note: %s\n", w)
	}
	return b.String()
}

// Import reads a bundle and merges it into the database, all or nothing.
// It checks everything before writing anything: a bundle that is too large,
// malformed, of an unknown version, or holds a wrong value, a duplicate id
// or a reference to someone not on the roster gives a *BundleError naming
// the place, and the database stays as it was.
//
// The merge writes a few trains per transaction, so a save from the coach
// or another Trainscope never waits behind the whole bundle, and stays all
// or nothing through an undo journal (data/journal.go): an import that
// fails is undone, one killed half way is undone by the next Open. A train
// someone changed while the import ran, after the import had changed it,
// is kept as it is now when the import is undone: the error is then a
// *KeptTrainsError naming it, so that no one's edit is lost.
//
// Trains and assessments merge by id and by their lineage (the content
// hashes of their revisions): one that is not here is added; one that is
// here with the same content, or that the copy here was made from, is
// skipped; a newer copy of the one here replaces it; when both were
// changed, a train's own data merges field by field and item by item, and
// an assessment is kept twice (the incoming one as a conflict copy), so
// neither side is lost. docs/bundle-format.md, "Merging", has the rules.
func (s *Store) Import(ctx context.Context, r io.Reader) (ImportReport, error) {
	// The file is read train by train (issue 18): each train is checked
	// and then set aside in a private temporary file, so memory holds one
	// train, and nothing is written to the database until the whole file
	// has passed. Then the trains set aside are merged, a few per
	// transaction (issue 17; data/journal.go).
	spool, err := os.CreateTemp("", "trainscope-import-*.json")
	if err != nil {
		return ImportReport{}, fmt.Errorf("import: a temporary file for the bundle: %w", err)
	}
	// Its name is removed at once where the system allows it (not on
	// Windows): the file lives as long as it is open, so no copy of the
	// coach's bundle stays in the temporary folder, not even after a
	// Trainscope killed half way through.
	if runtime.GOOS != "windows" {
		_ = os.Remove(spool.Name())
	}
	defer func() {
		spool.Close()
		os.Remove(spool.Name())
	}()
	br := bundle.NewReader(r)
	check := newBundleCheck(s.opts.Definitions)
	w := bufio.NewWriterSize(spool, 64<<10)
	enc := json.NewEncoder(w)
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return ImportReport{}, err // stopped (an interrupt): nothing was written
		}
		bt, err := br.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return ImportReport{}, readError(err)
		}
		if _, err := check.train(bt, br.Place()); err != nil {
			return ImportReport{}, readError(br.Abort(err))
		}
		if err := enc.Encode(bt); err != nil {
			return ImportReport{}, fmt.Errorf("import: set the bundle aside: %w", err)
		}
		n++
	}
	if err := w.Flush(); err != nil {
		return ImportReport{}, fmt.Errorf("import: set the bundle aside: %w", err)
	}
	// An import an earlier Trainscope left unfinished is undone first.
	if err := s.recoverImports(ctx); err != nil {
		return ImportReport{}, err
	}
	// The merge goes a chunk of trains per transaction, so a coach's save
	// waits for one chunk at most; the journal keeps it all or nothing.
	rep := ImportReport{Warnings: check.warnings}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return ImportReport{}, fmt.Errorf("import: read the bundle set aside: %w", err)
	}
	dec := json.NewDecoder(bufio.NewReaderSize(spool, 64<<10))
	again := newBundleCheck(s.opts.Definitions)
	m := &merging{s: s, coach: br.ExportedBy(), rep: &rep}
	run, err := s.beginImport(ctx)
	if err != nil {
		return ImportReport{}, err
	}
	// The trains set aside are read and checked again ahead, on their own
	// goroutine, so a chunk's write transaction holds only the writing.
	stop := make(chan struct{})
	defer close(stop)
	ahead := readAhead(stop, n, func(i int) (importTrain, error) {
		var bt BundleTrain
		if err := dec.Decode(&bt); err != nil {
			return importTrain{}, fmt.Errorf("read the bundle set aside: %w", err)
		}
		// Checked once already; the check turns it into domain types.
		it, err := again.train(&bt, fmt.Sprintf("trains[%d]", i))
		if err != nil {
			return importTrain{}, &BundleError{Err: err}
		}
		return it, nil
	})
	i := 0
	next := func() (importTrain, bool, error) {
		if i == n {
			return importTrain{}, false, nil
		}
		r := <-ahead
		if r.err != nil {
			return importTrain{}, false, r.err
		}
		i++
		return r.train, true, nil
	}
	for chunks := 1; ; chunks++ {
		more, err := run.chunk(ctx, m, next)
		if err != nil {
			return ImportReport{}, run.fail(ctx, bundleFirst(err))
		}
		if importChunkHook != nil {
			if err := importChunkHook(s, chunks); err != nil {
				return ImportReport{}, run.fail(ctx, err)
			}
		}
		if !more || i == n {
			break
		}
	}
	if err := run.finish(ctx); err != nil {
		return ImportReport{}, run.fail(ctx, err)
	}
	s.backupIfDue()
	return rep, nil
}

// readAhead is read(0), read(1) … read(n-1) on a goroutine of its own, a
// few trains ahead of the merge, until the first error or until stop is
// closed.
func readAhead(stop <-chan struct{}, n int, read func(i int) (importTrain, error)) <-chan readTrain {
	out := make(chan readTrain, 2)
	go func() {
		for i := range n {
			it, err := read(i)
			select {
			case out <- readTrain{it, err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return out
}

// readTrain is one train read ahead, or why it could not be.
type readTrain struct {
	train importTrain
	err   error
}

// bundleFirst returns the *BundleError inside err, which names the place
// in the file, rather than the step of the import that ran into it.
func bundleFirst(err error) error {
	var be *BundleError
	if errors.As(err, &be) {
		return be
	}
	return err
}

// readError is a refusal of the file as it is, or an error reading it.
func readError(err error) error {
	var be *BundleError
	if errors.As(err, &be) {
		return be
	}
	return &bundleReadError{err}
}

// bundleReadError is a bundle that could not be read (not one refused).
type bundleReadError struct{ err error }

func (e *bundleReadError) Error() string { return "import: read the bundle: " + e.err.Error() }
func (e *bundleReadError) Unwrap() error { return e.err }

// DecodeBundle parses a bundle's JSON, checking its format and version
// first so a newer bundle is named as such rather than as a pile of
// unexpected fields. Errors are *BundleError with the place in the file.
func DecodeBundle(data []byte) (*Bundle, error) { return bundle.Decode(data) }

// importTrain is one validated train of a bundle, in domain types.
type importTrain struct {
	place       string
	history     []string // the bundle's history of the train's own data
	train       assessment.Train
	updatedAt   time.Time
	wire        BundleTrain // canonical, without assessments: compared to what is here
	live        rosterData
	assessments []importAssessment
}

type importAssessment struct {
	place      string
	history    []string
	a          assessment.Assessment
	created    time.Time
	updated    time.Time
	snapshot   *rosterData
	content    *contentSet
	answerTime map[string]string
	wire       BundleAssessment // canonical
}

func insertImported(ctx context.Context, tx *sql.Tx, ia importAssessment, lineage string) error {
	a := ia.a
	if err := insertAssessment(ctx, tx, &a, stampOf(ia.created), stampOf(ia.updated), ia.content, ia.answerTime); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE assessments SET lineage = ?, conflict_of = ?, conflict_coach = ? WHERE id = ?",
		lineage, ia.wire.ConflictOf, ia.wire.ConflictCoach, a.ID); err != nil {
		return err
	}
	if a.Workshop != nil {
		if err := saveWorkshop(ctx, tx, a.ID, nil, a.Workshop); err != nil {
			return err
		}
	}
	if ia.snapshot != nil {
		return writeSnapshot(ctx, tx, a.TrainID, a.ID, *ia.snapshot)
	}
	return nil
}

// keepNames gives an anonymous workshop arriving from a bundle the names
// this machine knows for its participants, by id. Should a kept name clash
// with another participant's label, the labels stay.
func keepNames(in, here *assessment.Workshop) *assessment.Workshop {
	names := map[string]string{}
	for _, p := range here.Participants {
		names[p.ID] = p.Name
	}
	out := cloneWorkshop(in)
	trial := &assessment.Workshop{}
	for i, p := range out.Participants {
		if n, ok := names[p.ID]; ok {
			p.Name = n
		}
		if trial.AddParticipant(p) != nil {
			return in
		}
		out.Participants[i] = p
	}
	return out
}
