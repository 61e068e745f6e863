package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// An export reads its trains from one read snapshot, which holds no write
// lock, so the coach's saves (from this Store or another) go in while the
// file is written. What the file holds is recorded afterwards, in short
// write transactions (Exported.Record): each train's and assessment's
// lineage gains the content hash of the revision the file holds, as the
// snapshot had it, and the train's own data at that revision is kept for a
// later three-way merge.
//
// What lineage is for (merge.go): an import compares a bundle's revision
// with the one here. The same content is skipped; content this copy's
// lineage holds ("the copy here was made from this one and changed
// since") is skipped, keeping the newer local edit; a bundle whose history
// holds the revision here replaces it (a fast-forward); otherwise both
// were changed, and a train's data is merged three ways and an assessment
// is kept beside the one here as a conflict copy. So a lineage entry that
// is missing (the export was killed before recording it, or recording
// failed) only makes a later import of a copy of this file, changed here
// since, look changed on both sides: a merge or a conflict copy rather
// than a skip. Nothing is overwritten or lost. And no entry is ever
// recorded for content the file does not hold: a save between the
// snapshot and the recording changes the content, not the hash recorded.

// lineageChunk is how many trains' and assessments' lineages one write
// transaction records at most: each such transaction stays a few
// milliseconds (docs/performance.md, "Saves during an export"), so a save
// waits for one at most, never for the export.
const lineageChunk = 25

// Exported is a bundle written from one read snapshot: how much it holds,
// and what it holds, for Record to record as exported.
type Exported struct {
	ExportCount
	s    *Store
	revs []exportedRevision
}

// exportedRevision is one train's own data or one assessment as the file
// holds it.
type exportedRevision struct {
	table   string // "trains" or "assessments"
	id      string
	trainID string
	hash    string // its content hash in the file
	lineage string // the lineage to record: the snapshot's, with hash last
	content string // a train's own data at that revision (train_revisions); "" for an assessment
}

// noteExported adds what the file holds of bt (as exportEach gave it, with
// the histories the file carries) to e.
func (e *Exported) noteExported(bt *BundleTrain) error {
	h, content, err := trainRevision(*bt)
	if err != nil {
		return err
	}
	e.revs = append(e.revs, exportedRevision{table: "trains", id: bt.ID, trainID: bt.ID, hash: h,
		lineage: joinLineage(h, bt.History), content: content})
	for _, ba := range bt.Assessments {
		h := assessmentHash(ba)
		e.revs = append(e.revs, exportedRevision{table: "assessments", id: ba.ID, trainID: bt.ID, hash: h,
			lineage: joinLineage(h, ba.History)})
	}
	e.Trains++
	e.Assessments += len(bt.Assessments)
	return nil
}

// trainRevision is the content hash of a train's own data and that data
// as train_revisions keeps it.
func trainRevision(bt BundleTrain) (hash, content string, err error) {
	bt.UpdatedAt, bt.History, bt.Assessments = "", nil, nil
	data, err := json.Marshal(bt)
	if err != nil {
		return "", "", err
	}
	return trainHash(bt), string(data), nil
}

// Record records what the file holds as exported: call it once the file
// is complete in its place (renamed, or all written to standard output),
// never before, so no lineage names a file that was never made. It writes
// in transactions of at most lineageChunk trains and assessments, each
// committed on its own and each safe to repeat: a Record cut short leaves
// a database that is whole and correct, only without some of the
// entries, and Record again completes it. A train or assessment deleted
// since the snapshot is passed over.
func (e *Exported) Record(ctx context.Context) error {
	for chunk := range slices.Chunk(e.revs, lineageChunk) {
		err := e.s.commit(ctx, "note what the exported bundle holds", func(tx *sql.Tx) error {
			for _, r := range chunk {
				if err := recordRevision(ctx, tx, r); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return &LineageError{Err: err}
		}
	}
	return nil
}

// LineageError is a bundle written whole whose export could not record
// what it holds (the database was busy for too long, the disk is full).
// The file is good; see Error for what the coach should know.
type LineageError struct{ Err error }

func (e *LineageError) Error() string {
	return fmt.Sprintf("the bundle is written and complete, but Trainscope could not note here what it holds (%v); "+
		"nothing is lost: if a copy of it comes back after this database changed, it is taken as changed on both sides "+
		"(the train's changes put together, an assessment kept beside the one here as a conflict copy) rather than recognised as older", e.Err)
}

func (e *LineageError) Unwrap() error { return e.Err }

// recordRevision records one exported revision. Lineages only grow, so
// when the one here holds nothing the snapshot's lacked, it becomes the
// snapshot's with the exported hash last, as the bundle's history says;
// when an import added revisions since, the exported hash goes in before
// them, unless it is there already.
func recordRevision(ctx context.Context, tx *sql.Tx, r exportedRevision) error {
	var here string
	err := tx.QueryRowContext(ctx, "SELECT lineage FROM "+r.table+" WHERE id = ?", r.id).Scan(&here)
	if err == sql.ErrNoRows {
		return nil // deleted since the snapshot
	}
	if err != nil {
		return err
	}
	if l := lineageAfterExport(here, r.lineage, r.hash); l != here {
		if _, err := tx.ExecContext(ctx, "UPDATE "+r.table+" SET lineage = ? WHERE id = ?", l, r.id); err != nil {
			return err
		}
	}
	if r.table != "trains" {
		return nil
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO train_revisions (train_id, hash, content) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
		r.trainID, r.hash, r.content)
	return err
}

// lineageAfterExport is the lineage here once the export of hash is
// recorded; exported is the lineage the export recorded it with (the
// snapshot's, hash last).
func lineageAfterExport(here, exported, hash string) string {
	if here == exported {
		return here
	}
	have := splitLineage(here)
	inExport := map[string]bool{}
	for _, h := range splitLineage(exported) {
		inExport[h] = true
	}
	var before, since []string
	for _, h := range have {
		if inExport[h] {
			before = append(before, h)
		} else {
			since = append(since, h)
		}
	}
	switch {
	case len(since) == 0:
		return exported
	case slices.Contains(have, hash):
		return here
	}
	return strings.Join(slices.Concat(before, []string{hash}, since), " ")
}
