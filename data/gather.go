package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"
)

// Lineage: every train and assessment keeps the content hashes of the
// revisions it was exported or merged as, oldest first. A bundle carries
// them as "history" (the current revision's hash left out: the importer
// computes it), so an import can tell a newer copy of what is here from an
// older one, and both from two coaches' parallel changes.

// hashLen is how many hex digits of SHA-256 a content hash keeps: 128
// bits, plenty to tell revisions apart, and short in a bundle.
const hashLen = 32

func contentHash(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		// The bundle types hold nothing json cannot write.
		panic(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:hashLen]
}

// trainHash is the hash of a train's own data: its fields, live roster and
// register, without its assessments, stamps or history.
func trainHash(bt BundleTrain) string {
	bt.UpdatedAt, bt.History, bt.Assessments = "", nil, nil
	return contentHash(bt)
}

// assessmentHash is the hash of an assessment's content: everything but
// its id, stamps, history and conflict-copy marks, so a conflict copy has
// the hash of the copy it keeps.
func assessmentHash(ba BundleAssessment) string {
	ba.ID, ba.UpdatedAt, ba.History, ba.ConflictOf, ba.ConflictCoach = "", "", nil, "", ""
	ba.Answers = slices.Clone(ba.Answers)
	for i := range ba.Answers {
		ba.Answers[i].UpdatedAt = ""
	}
	return contentHash(ba)
}

func splitLineage(l string) []string { return strings.Fields(l) }

// historyBefore is a lineage without the current revision's hash: what a
// bundle's history says.
func historyBefore(lineage, current string) []string {
	var out []string
	for _, h := range splitLineage(lineage) {
		if h != current {
			out = append(out, h)
		}
	}
	return out
}

// joinLineage puts lineages together, each hash once, in the order first
// seen, with current last.
func joinLineage(current string, parts ...[]string) string {
	seen := map[string]bool{current: true}
	var out []string
	for _, p := range parts {
		for _, h := range p {
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return strings.Join(append(out, current), " ")
}

// recordExported adds each exported revision to its lineage, and keeps the
// train's own data at that revision for a later three-way merge. bt's
// histories are as exportTrain gave them.
func recordExported(ctx context.Context, tx *sql.Tx, bt *BundleTrain) error {
	var lineage string
	if err := tx.QueryRowContext(ctx, "SELECT lineage FROM trains WHERE id = ?", bt.ID).Scan(&lineage); err != nil {
		return err
	}
	h := trainHash(*bt)
	bt.History = historyBefore(lineage, h)
	if err := setTrainLineage(ctx, tx, *bt, joinLineage(h, bt.History)); err != nil {
		return err
	}
	for _, ba := range bt.Assessments {
		l := joinLineage(assessmentHash(ba), ba.History)
		if _, err := tx.ExecContext(ctx, "UPDATE assessments SET lineage = ? WHERE id = ? AND lineage <> ?", l, ba.ID, l); err != nil {
			return err
		}
	}
	return nil
}

// setTrainLineage records the train's lineage and keeps its current
// revision's content.
func setTrainLineage(ctx context.Context, tx *sql.Tx, bt BundleTrain, lineage string) error {
	if _, err := tx.ExecContext(ctx, "UPDATE trains SET lineage = ? WHERE id = ? AND lineage <> ?", lineage, bt.ID, lineage); err != nil {
		return err
	}
	bt.UpdatedAt, bt.History, bt.Assessments = "", nil, nil
	content, err := json.Marshal(bt)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO train_revisions (train_id, hash, content) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
		bt.ID, trainHash(bt), string(content))
	return err
}
