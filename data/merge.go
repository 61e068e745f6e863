package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

var hashPattern = regexp.MustCompile(`^[0-9a-f]{32}$`)

// checkHistory checks a bundle's history: content hashes, each once.
func checkHistory(h []string, place string) error {
	seen := map[string]bool{}
	for i, v := range h {
		if !hashPattern.MatchString(v) {
			return fmt.Errorf("%s[%d]: %q is not a content hash (32 hex digits, as Trainscope writes them)", place, i, v)
		}
		if seen[v] {
			return fmt.Errorf("%s[%d]: %q is there twice", place, i, v)
		}
		seen[v] = true
	}
	return nil
}

// merging is one import's merge, a train at a time, inside the import's
// transaction. coach is the bundle's exported_by ("" when it does not
// say). An error here (an assessment id used by another train) is a
// *BundleError, and the transaction rolls back.
type merging struct {
	s       *Store
	coach   string
	rep     *ImportReport
	touched []string
}

func (m *merging) train(ctx context.Context, tx *sql.Tx, it importTrain) error {
	s, rep := m.s, m.rep
	took := len(rep.Added) + len(rep.Updated) + len(rep.Merged) + len(rep.Conflicts)
	if err := s.mergeTrain(ctx, tx, it, rep); err != nil {
		return err
	}
	for _, ia := range it.assessments {
		if err := s.mergeAssessment(ctx, tx, it, ia, m.coach, rep); err != nil {
			return err
		}
	}
	// The coach is a source of the train when their bundle brought
	// something of it; a copy the same as here changes nothing.
	if len(rep.Added)+len(rep.Updated)+len(rep.Merged)+len(rep.Conflicts) > took {
		if err := s.recordSource(ctx, tx, it, m.coach); err != nil {
			return err
		}
	}
	// Even a skipped train may have gained an assessment, and its
	// drafts follow a live roster that may have changed.
	m.touched = append(m.touched, it.train.ID)
	return nil
}

// refreshBatch is how many trains' summaries finish refreshes at a time.
const refreshBatch = 20

// finish refreshes the stored summaries of every train the import touched.
func (m *merging) finish(ctx context.Context, tx *sql.Tx) error {
	// In batches: SQLite takes at most 32,766 values in one statement, and
	// a bundle of 50,000 trains once failed with "too many SQL variables";
	// and each batch's assessments are in memory at once, so a batch is
	// small (a 500-train import peaked at 428 MB of heap with batches of
	// 500). They all stay inside the import's one transaction.
	return m.s.refreshTrains(ctx, tx, m.touched)
}

// refreshTrains recomputes the stored summaries of the given trains'
// assessments, refreshBatch trains at a time, inside tx.
func (s *Store) refreshTrains(ctx context.Context, tx *sql.Tx, trainIDs []string) error {
	return s.refreshBatched(ctx, tx, "train_id", trainIDs, refreshBatch)
}

// refreshBatched recomputes the stored summaries of the assessments whose
// column (id or train_id) is one of values, size values at a time, so one
// batch's assessments are in memory at once, inside tx.
func (s *Store) refreshBatched(ctx context.Context, tx *sql.Tx, column string, values []string, size int) error {
	for batch := range slices.Chunk(values, size) {
		in, args := inList(batch)
		if err := s.refreshSummaries(ctx, tx, column+" IN "+in, args...); err != nil {
			return err
		}
	}
	return nil
}

// recordSource notes which coach brought the train: the bundle's
// exported_by, or else the assessors of its assessments.
func (s *Store) recordSource(ctx context.Context, tx *sql.Tx, it importTrain, coach string) error {
	var coaches []string
	if c := strings.TrimSpace(coach); c != "" {
		coaches = []string{c}
	} else {
		for _, ia := range it.assessments {
			if c := strings.TrimSpace(ia.a.Assessor); c != "" && !slices.Contains(coaches, c) {
				coaches = append(coaches, c)
			}
		}
	}
	now := s.stamp()
	for _, c := range coaches {
		if _, err := tx.ExecContext(ctx, `INSERT INTO train_sources (train_id, coach, first_imported, last_imported) VALUES (?, ?, ?, ?)
			ON CONFLICT (train_id, coach) DO UPDATE SET last_imported = excluded.last_imported`, it.train.ID, c, now, now); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) mergeTrain(ctx context.Context, tx *sql.Tx, it importTrain, rep *ImportReport) error {
	item := ImportItem{Kind: "train", ID: it.train.ID, Name: it.train.Name}
	inHash := trainHash(it.wire)
	here, err := exportTrainOnly(ctx, tx, it.train.ID)
	if errors.Is(err, ErrNotFound) {
		if err := insertTrain(ctx, tx, it.train, stampOf(it.updatedAt)); err != nil {
			return err
		}
		if err := s.writeLive(ctx, tx, it.train.ID, it.live); err != nil {
			return err
		}
		rep.Added = append(rep.Added, item)
		return setTrainLineage(ctx, tx, it.wire, joinLineage(inHash, it.history))
	}
	if err != nil {
		return err
	}
	var lineageText string
	if err := tx.QueryRowContext(ctx, "SELECT lineage FROM trains WHERE id = ?", it.train.ID).Scan(&lineageText); err != nil {
		return err
	}
	lineage := splitLineage(lineageText)
	hereHash := trainHash(*here)
	switch {
	case inHash == hereHash:
		item.Reason = "the same as here"
		rep.Skipped = append(rep.Skipped, item)
		return setTrainLineage(ctx, tx, *here, joinLineage(hereHash, lineage, it.history))
	case slices.Contains(lineage, inHash):
		item.Reason = "the copy here was made from this one and changed since"
		rep.Skipped = append(rep.Skipped, item)
		return nil
	case slices.Contains(it.history, hereHash):
		if err := s.writeTrain(ctx, tx, it.train, stampOf(it.updatedAt), it.live); err != nil {
			return err
		}
		item.Reason = "a newer copy of the one here"
		rep.Updated = append(rep.Updated, item)
		return setTrainLineage(ctx, tx, it.wire, joinLineage(inHash, lineage, it.history))
	}
	// Both were changed since they last met: put the two together.
	base, err := commonAncestor(ctx, tx, it.train.ID, it.history, lineage)
	if err != nil {
		return err
	}
	hereNewer := here.UpdatedAt > stampOf(it.updatedAt)
	merged, notes := mergeTrainData(base, *here, it.wire, hereNewer)
	live, err := rosterFromBundle(merged.Roster, merged.Impediments, it.place)
	if err != nil {
		// The two rosters do not fit together (a team points at someone
		// the other side removed): the copy here stays as it is, and the
		// report says the bundle's changes to the train were not taken.
		item.Reason = fmt.Sprintf("both this copy and the one here were changed, and they do not fit together (%v); the copy here is kept, the bundle's changes to the train's own data are not: make them here by hand", err)
		rep.Merged = append(rep.Merged, item)
		return nil
	}
	t := it.train
	t.Name, t.Framework, t.Description, t.Group = merged.Name, assessment.Framework(merged.Framework), merged.Description, merged.Group
	if t.CreatedAt, err = parseTime(here.CreatedAt); err != nil { // the train was made when the copy here says
		return err
	}
	if err := validateTrain(t, it.place); err != nil {
		return &BundleError{Err: err}
	}
	if err := s.writeTrain(ctx, tx, t, s.stamp(), live); err != nil {
		return err
	}
	merged = BundleTrain{ID: t.ID, Name: t.Name, Framework: string(t.Framework), Description: t.Description, Group: t.Group,
		CreatedAt: here.CreatedAt, Roster: rosterToBundle(live.Roster), Impediments: registerToBundle(live.Register)}
	item.Name = t.Name
	item.Reason = "both this copy and the one here were changed; the changes of both are kept"
	if len(notes) > 0 {
		item.Reason += "; where both changed the same thing: " + strings.Join(notes, "; ")
	}
	rep.Merged = append(rep.Merged, item)
	return setTrainLineage(ctx, tx, merged, joinLineage(trainHash(merged), lineage, it.history, []string{inHash, hereHash}))
}

// writeTrain replaces a train's fields and live roster and register.
func (s *Store) writeTrain(ctx context.Context, tx *sql.Tx, t assessment.Train, updated string, live rosterData) error {
	if _, err := tx.ExecContext(ctx, "UPDATE trains SET name = ?, framework = ?, description = ?, group_name = ?, created_at = ?, updated_at = ? WHERE id = ?",
		t.Name, string(t.Framework), t.Description, strings.TrimSpace(t.Group), formatTime(t.CreatedAt), updated, t.ID); err != nil {
		return err
	}
	return s.writeLive(ctx, tx, t.ID, live)
}

func (s *Store) writeLive(ctx context.Context, tx *sql.Tx, trainID string, live rosterData) error {
	rid, err := liveRosterID(ctx, tx, trainID)
	if err != nil {
		return err
	}
	if err := writeRoster(ctx, tx, rid, live.Roster); err != nil {
		return err
	}
	return writeRegister(ctx, tx, rid, live.Register)
}

// commonAncestor is the newest revision of the train both copies passed
// through whose content is kept here, or nil when there is none.
func commonAncestor(ctx context.Context, tx *sql.Tx, trainID string, history, lineage []string) (*BundleTrain, error) {
	for _, h := range slices.Backward(history) {
		if !slices.Contains(lineage, h) {
			continue
		}
		var content string
		err := tx.QueryRowContext(ctx, "SELECT content FROM train_revisions WHERE train_id = ? AND hash = ?", trainID, h).Scan(&content)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return nil, err
		}
		var bt BundleTrain
		if err := json.Unmarshal([]byte(content), &bt); err != nil {
			return nil, fmt.Errorf("train %s: a kept revision does not read: %w", trainID, err)
		}
		return &bt, nil
	}
	return nil, nil
}

// mergeTrainData is the three-way merge of a train's own data: each field,
// person, role, team and impediment that only one side changed (since
// base, the revision both came from) takes that side's change; where both
// changed the same one differently, the side changed later wins and a note
// says what the other side had. Without a base, every difference counts as
// changed on both sides, and what only one side has is kept.
func mergeTrainData(base *BundleTrain, here, in BundleTrain, hereNewer bool) (BundleTrain, []string) {
	m := &merger{hereNewer: hereNewer}
	var b BundleTrain
	if base != nil {
		b = *base
	}
	has := base != nil
	out := here
	out.Name = pick3(m, "name", has, b.Name, here.Name, in.Name, quoted)
	out.Framework = pick3(m, "framework", has, b.Framework, here.Framework, in.Framework, quoted)
	out.Description = pick3(m, "description", has, b.Description, here.Description, in.Description, quoted)
	out.Group = pick3(m, "group", has, b.Group, here.Group, in.Group, quoted)
	out.ValueStreamMap = pick3(m, "value stream map", has, b.ValueStreamMap, here.ValueStreamMap, in.ValueStreamMap, func(v bool) string { return fmt.Sprint(v) })
	out.RequiredSkills = pick3(m, "required skills", has, b.RequiredSkills, here.RequiredSkills, in.RequiredSkills, func(v []string) string { return quoted(strings.Join(v, ", ")) })
	out.People = mergeList(m, "person", has, b.People, here.People, in.People, func(p BundlePerson) string { return p.ID }, func(p BundlePerson) string { return quoted(p.Name) })
	out.Roles = mergeList(m, "role", has, b.Roles, here.Roles, in.Roles, func(r BundleRole) string { return r.Role + "\x00" + r.Person }, func(r BundleRole) string { return r.Role })
	out.Teams = mergeList(m, "team", has, b.Teams, here.Teams, in.Teams, func(t BundleTeam) string { return t.ID }, func(t BundleTeam) string { return quoted(t.Name) })
	out.Impediments = mergeList(m, "impediment", has, b.Impediments, here.Impediments, in.Impediments, func(i BundleImpediment) string { return i.ID }, func(i BundleImpediment) string { return quoted(i.Title) })
	return out, m.notes
}

type merger struct {
	hereNewer bool
	notes     []string
}

func quoted(s string) string { return fmt.Sprintf("%q", s) }

// pick3 merges one value three ways.
func pick3[T any](m *merger, what string, hasBase bool, base, here, in T, show func(T) string) T {
	switch {
	case reflect.DeepEqual(here, in):
		return here
	case hasBase && reflect.DeepEqual(base, here):
		return in
	case hasBase && reflect.DeepEqual(base, in):
		return here
	case m.hereNewer:
		m.notes = append(m.notes, fmt.Sprintf("%s: kept %s (changed later here), the bundle had %s", what, show(here), show(in)))
		return here
	default:
		m.notes = append(m.notes, fmt.Sprintf("%s: kept %s (changed later in the bundle), here it was %s", what, show(in), show(here)))
		return in
	}
}

// mergeList merges a list by key three ways, in here's order with the
// bundle's new entries after. An entry one side removed goes only if the
// other side left it as it was.
func mergeList[T any](m *merger, what string, hasBase bool, base, here, in []T, key func(T) string, show func(T) string) []T {
	index := func(l []T) map[string]T {
		out := make(map[string]T, len(l))
		for _, v := range l {
			out[key(v)] = v
		}
		return out
	}
	b, h, i := index(base), index(here), index(in)
	out := []T{}
	for _, hv := range here {
		k := key(hv)
		bv, inBase := b[k]
		iv, inIn := i[k]
		switch {
		case inIn:
			out = append(out, pick3(m, what+" "+show(hv), hasBase && inBase, bv, hv, iv, show))
		case inBase && reflect.DeepEqual(bv, hv):
			// The bundle removed it, and here it was left as it was.
		default:
			if inBase {
				m.notes = append(m.notes, fmt.Sprintf("%s %s: the bundle removed it, kept because it was changed here", what, show(hv)))
			}
			out = append(out, hv)
		}
	}
	for _, iv := range in {
		k := key(iv)
		if _, ok := h[k]; ok {
			continue
		}
		bv, inBase := b[k]
		switch {
		case inBase && reflect.DeepEqual(bv, iv):
			// Removed here, and the bundle left it as it was.
		default:
			if inBase {
				m.notes = append(m.notes, fmt.Sprintf("%s %s: removed here, kept because the bundle changed it", what, show(iv)))
			}
			out = append(out, iv)
		}
	}
	return out
}

func (s *Store) mergeAssessment(ctx context.Context, tx *sql.Tx, it importTrain, ia importAssessment, coach string, rep *ImportReport) error {
	item := ImportItem{Kind: "assessment", ID: ia.a.ID, Name: fmt.Sprintf("%s, %s (%s)", it.train.Name, ia.a.PI, ia.a.Date.Format("2006-01-02"))}
	inHash := assessmentHash(ia.wire)
	var hereTrain string
	err := tx.QueryRowContext(ctx, "SELECT train_id FROM assessments WHERE id = ?", ia.a.ID).Scan(&hereTrain)
	if err == sql.ErrNoRows {
		if err := insertImported(ctx, tx, ia, joinLineage(inHash, ia.history)); err != nil {
			return err
		}
		rep.Added = append(rep.Added, item)
		return nil
	}
	if err != nil {
		return err
	}
	if hereTrain != it.train.ID {
		return &BundleError{Err: fmt.Errorf("%s.id: assessment %q belongs to another train here (%s)", ia.place, ia.a.ID, hereTrain)}
	}
	all, err := loadAssessments(ctx, tx, "id = ?", ia.a.ID)
	if err != nil {
		return err
	}
	here := all[0]
	hereWire := assessmentToBundle(here, it.train.Framework)
	hereHash := assessmentHash(hereWire)
	lineage := splitLineage(here.Lineage)
	switch {
	case inHash == hereHash:
		item.Reason = "the same as here"
		rep.Skipped = append(rep.Skipped, item)
		return setAssessmentLineage(ctx, tx, ia.a.ID, joinLineage(hereHash, lineage, ia.history))
	case slices.Contains(lineage, inHash):
		item.Reason = "the copy here was made from this one and changed since"
		rep.Skipped = append(rep.Skipped, item)
		return nil
	case slices.Contains(ia.history, hereHash):
		if err := replaceImported(ctx, tx, ia, here, joinLineage(inHash, lineage, ia.history)); err != nil {
			return err
		}
		item.Reason = "a newer copy of the one here"
		rep.Updated = append(rep.Updated, item)
		return nil
	}
	// Both were changed. A conflict copy kept before may be this one, or
	// one this copy was made from.
	copies, err := loadAssessments(ctx, tx, "conflict_of = ?", ia.a.ID)
	if err != nil {
		return err
	}
	for _, c := range copies {
		cHash := assessmentHash(assessmentToBundle(c, it.train.Framework))
		cLineage := splitLineage(c.Lineage)
		switch {
		case cHash == inHash || slices.Contains(cLineage, inHash):
			item.Reason = fmt.Sprintf("already kept as the conflict copy %s", c.A.ID)
			rep.Skipped = append(rep.Skipped, item)
			return nil
		case slices.Contains(ia.history, cHash):
			cp := ia
			cp.a.ID = c.A.ID
			cp.wire.ConflictOf, cp.wire.ConflictCoach = c.ConflictOf, c.ConflictCoach
			if err := replaceImported(ctx, tx, cp, c, joinLineage(inHash, cLineage, ia.history)); err != nil {
				return err
			}
			item.ID, item.Reason = c.A.ID, fmt.Sprintf("a newer copy of the conflict copy %s of assessment %s", c.A.ID, ia.a.ID)
			rep.Updated = append(rep.Updated, item)
			return nil
		}
	}
	who := strings.TrimSpace(coach)
	if who == "" {
		who = ia.a.Assessor
	}
	cp := ia
	cp.a.ID = NewID()
	cp.wire.ConflictOf, cp.wire.ConflictCoach = ia.a.ID, who
	if err := insertImported(ctx, tx, cp, joinLineage(inHash, ia.history)); err != nil {
		return err
	}
	whose := "the bundle's copy"
	if who != "" {
		whose = who + "'s copy"
	}
	item.ID = cp.a.ID
	item.Reason = fmt.Sprintf("both this copy and the one here (%s) were changed; the one here stays as it is, and %s is kept beside it as a separate assessment", ia.a.ID, whose)
	rep.Conflicts = append(rep.Conflicts, item)
	return nil
}

// replaceImported replaces an assessment whole with the bundle's copy: its
// answers, notes, review, snapshot and workshop go with it.
func replaceImported(ctx context.Context, tx *sql.Tx, ia importAssessment, here *storedAssessment, lineage string) error {
	// An anonymous workshop arrives with labels for names; the names this
	// machine knows stay on it.
	if ia.a.Workshop != nil && ia.a.Workshop.Anonymous && here.A.Workshop != nil {
		ia.a.Workshop = keepNames(ia.a.Workshop, here.A.Workshop)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM assessments WHERE id = ?", ia.a.ID); err != nil {
		return err
	}
	return insertImported(ctx, tx, ia, lineage)
}

func setAssessmentLineage(ctx context.Context, tx *sql.Tx, id, lineage string) error {
	_, err := tx.ExecContext(ctx, "UPDATE assessments SET lineage = ? WHERE id = ? AND lineage <> ?", lineage, id, lineage)
	return err
}
