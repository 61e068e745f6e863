package data

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// AssessmentSummary is an assessment as lists show it, with its stored
// summary (empty unless Options.Summarize is set).
type AssessmentSummary struct {
	ID               string
	TrainID          string
	TrainName        string
	Date             time.Time
	PI               string
	Assessor         string
	Status           assessment.AssessmentStatus
	ChecklistVersion string
	UpdatedAt        time.Time // the last change of any kind
	Summary          assessment.Summary
	// Pending says Summary is being recomputed in the background (after
	// new rules, see RecomputeSummaries): what it holds was made under
	// other rules, or before the latest change, and must not be shown.
	Pending bool
}

// summaryColumns are the assessment columns a summary is read from, for a
// table alias that may be NULL on a LEFT JOIN.
func summaryColumns(a string) string {
	cols := []string{"id", "date", "pi", "assessor", "status", "checklist_version", "updated_at", "score", "score_known", "level", "level_name", "verdict"}
	for i, c := range cols {
		cols[i] = a + "." + c
	}
	// Whether the summary is marked stale: one look-up in meta's index.
	cols = append(cols, fmt.Sprintf("EXISTS (SELECT 1 FROM meta m WHERE m.key = '%s' || %s.id)", staleKey, a))
	return strings.Join(cols, ", ")
}

type summaryScan struct {
	id, date, pi, assessor, status, version, updated, levelName, verdict sql.NullString
	score                                                                sql.NullFloat64
	known, level                                                         sql.NullInt64
	stale                                                                bool
}

func (s *summaryScan) dest() []any {
	return []any{&s.id, &s.date, &s.pi, &s.assessor, &s.status, &s.version, &s.updated, &s.score, &s.known, &s.level, &s.levelName, &s.verdict, &s.stale}
}

func (s *summaryScan) summary(trainID, trainName string) (*AssessmentSummary, error) {
	if !s.id.Valid {
		return nil, nil
	}
	out := &AssessmentSummary{
		ID: s.id.String, TrainID: trainID, TrainName: trainName, PI: s.pi.String, Assessor: s.assessor.String,
		Status: assessment.AssessmentStatus(s.status.String), ChecklistVersion: s.version.String,
		Summary: assessment.Summary{Score: s.score.Float64, Known: s.known.Int64 == 1, Level: int(s.level.Int64),
			LevelName: s.levelName.String, Verdict: assessment.VerdictKind(s.verdict.String)},
		Pending: s.stale,
	}
	var err error
	if out.Date, err = parseTime(s.date.String); err != nil {
		return nil, err
	}
	if out.UpdatedAt, err = parseTime(s.updated.String); err != nil {
		return nil, err
	}
	return out, nil
}

// storedAssessment is an assessment with the bookkeeping bundles carry.
type storedAssessment struct {
	A             *assessment.Assessment
	CreatedAt     string
	UpdatedAt     string
	Snapshot      bool              // it keeps its own roster and register (it was finished once)
	AnswerUpdated map[string]string // updated_at by item id
	Created       time.Time
	Lineage       string // content hashes it was exported or merged as, space-separated
	ConflictOf    string // for a conflict copy, the assessment it is a copy of
	ConflictCoach string // for a conflict copy, whose copy it is
}

// loadAssessments reads every assessment matching where (an SQL condition on
// the assessments table) in full, oldest first, in a fixed number of queries.
func loadAssessments(ctx context.Context, q querier, where string, args ...any) ([]*storedAssessment, error) {
	var out []*storedAssessment
	byID := map[string]*storedAssessment{}
	rosterOf := map[string]int64{}
	var rosterIDs []int64
	seenRoster := map[int64]bool{} // a set: slices.Contains made 50,000 assessments quadratic
	err := scanRows(ctx, q, `SELECT id, train_id, date, pi, assessor, status, checklist_version, pi_weeks, created_at, updated_at,
			lineage, conflict_of, conflict_coach,
			coalesce((SELECT r.id FROM rosters r WHERE r.assessment_id = assessments.id), 0),
			coalesce((SELECT r.id FROM rosters r WHERE r.train_id = assessments.train_id AND r.assessment_id IS NULL), 0)
		FROM assessments WHERE `+where+` ORDER BY date_key, created_at, id`, args,
		func(rows *sql.Rows) error {
			a := &assessment.Assessment{Answers: map[string]assessment.Answer{}, Notes: map[string]string{},
				Review: assessment.Review{Edits: map[string]assessment.RecommendationEdit{}}}
			sa := &storedAssessment{A: a, AnswerUpdated: map[string]string{}}
			var date string
			var snap, live int64
			if err := rows.Scan(&a.ID, &a.TrainID, &date, &a.PI, &a.Assessor, &a.Status, &a.ChecklistVersion, &a.PIWeeks,
				&sa.CreatedAt, &sa.UpdatedAt, &sa.Lineage, &sa.ConflictOf, &sa.ConflictCoach, &snap, &live); err != nil {
				return err
			}
			var err error
			if a.Date, err = parseTime(date); err != nil {
				return err
			}
			sa.Snapshot = snap != 0
			rid := live
			if sa.Snapshot {
				rid = snap
			}
			rosterOf[a.ID] = rid
			if !seenRoster[rid] {
				seenRoster[rid] = true
				rosterIDs = append(rosterIDs, rid)
			}
			out = append(out, sa)
			byID[a.ID] = sa
			return nil
		})
	if err != nil || len(out) == 0 {
		return out, err
	}
	sub := "assessment_id IN (SELECT id FROM assessments WHERE " + where + ")"
	if err := scanRows(ctx, q, "SELECT assessment_id, item_id, rating, figure, note, evidence, updated_at FROM answers WHERE "+sub, args,
		func(rows *sql.Rows) error {
			var aid, updated string
			var ans assessment.Answer
			var fig sql.NullFloat64
			if err := rows.Scan(&aid, &ans.ItemID, &ans.Rating, &fig, &ans.Note, &ans.Evidence, &updated); err != nil {
				return err
			}
			if fig.Valid {
				ans.Figure = &fig.Float64
			}
			if sa := byID[aid]; sa != nil {
				sa.A.Answers[ans.ItemID] = ans
				sa.AnswerUpdated[ans.ItemID] = updated
			}
			return nil
		}); err != nil {
		return nil, err
	}
	if err := loadFollowUps(ctx, q, sub, args, byID); err != nil {
		return nil, err
	}
	workshops, err := loadWorkshops(ctx, q, where, args)
	if err != nil {
		return nil, err
	}
	for aid, w := range workshops {
		if sa := byID[aid]; sa != nil {
			sa.A.Workshop = w
		}
	}
	if err := scanRows(ctx, q, "SELECT assessment_id, checklist_id, note FROM checklist_notes WHERE "+sub, args,
		func(rows *sql.Rows) error {
			var aid, cid, note string
			if err := rows.Scan(&aid, &cid, &note); err != nil {
				return err
			}
			if sa := byID[aid]; sa != nil {
				sa.A.Notes[cid] = note
			}
			return nil
		}); err != nil {
		return nil, err
	}
	if err := scanRows(ctx, q, `SELECT assessment_id, recommendation_id, status, finding, action, acceptance, owner, target_pi, priority, escalation, reason
		FROM recommendation_edits WHERE `+sub, args,
		func(rows *sql.Rows) error {
			var aid, rid string
			var e assessment.RecommendationEdit
			if err := rows.Scan(&aid, &rid, &e.Status, &e.Finding, &e.Action, &e.Acceptance, &e.Owner, &e.TargetPI, &e.Priority, &e.Escalation, &e.Reason); err != nil {
				return err
			}
			if sa := byID[aid]; sa != nil {
				sa.A.Review.Edits[rid] = e
			}
			return nil
		}); err != nil {
		return nil, err
	}
	type recKey struct{ a, r string }
	recIndex := map[recKey]int{}
	if err := scanRows(ctx, q, `SELECT assessment_id, id, finding, action, priority, owner, escalation, acceptance, target_pi, status
		FROM coach_recommendations WHERE `+sub+" ORDER BY assessment_id, position", args,
		func(rows *sql.Rows) error {
			var aid string
			r := assessment.Recommendation{ByCoach: true}
			if err := rows.Scan(&aid, &r.ID, &r.Finding, &r.Action, &r.Priority, &r.Owner, &r.Escalation, &r.Acceptance, &r.TargetPI, &r.Status); err != nil {
				return err
			}
			if sa := byID[aid]; sa != nil {
				recIndex[recKey{aid, r.ID}] = len(sa.A.Review.Added)
				sa.A.Review.Added = append(sa.A.Review.Added, r)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	if err := scanRows(ctx, q, `SELECT assessment_id, recommendation_id, kind, ref, text
		FROM coach_recommendation_evidence WHERE `+sub+" ORDER BY assessment_id, recommendation_id, position", args,
		func(rows *sql.Rows) error {
			var aid, rid string
			var ev assessment.Evidence
			if err := rows.Scan(&aid, &rid, &ev.Kind, &ev.Ref, &ev.Text); err != nil {
				return err
			}
			if i, ok := recIndex[recKey{aid, rid}]; ok {
				r := &byID[aid].A.Review.Added[i]
				r.Evidence = append(r.Evidence, ev)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	rosters, err := loadRosters(ctx, q, rosterIDs)
	if err != nil {
		return nil, err
	}
	for _, sa := range out {
		if rd := rosters[rosterOf[sa.A.ID]]; rd != nil {
			sa.A.Roster = rd.Roster.Clone()
			sa.A.Register = slices.Clone(rd.Register)
		}
	}
	return out, nil
}

// Assessment reads one assessment in full. Its Roster and Register are its
// own snapshot once it has been finished, and the train's live ones before.
func (s *Store) Assessment(ctx context.Context, id string) (*assessment.Assessment, error) {
	var a *assessment.Assessment
	err := s.read(ctx, "read assessment", func(q querier) error {
		all, err := loadAssessments(ctx, q, "id = ?", id)
		if err != nil {
			return err
		}
		if len(all) == 0 {
			return fmt.Errorf("assessment %q: %w", id, ErrNotFound)
		}
		a = all[0].A
		return nil
	})
	return a, err
}

// Assessments reads every assessment of a train in full, oldest first, for
// trends. A train without assessments gives none; an unknown train gives
// ErrNotFound.
func (s *Store) Assessments(ctx context.Context, trainID string) ([]*assessment.Assessment, error) {
	var out []*assessment.Assessment
	err := s.read(ctx, "read assessments", func(q querier) error {
		if _, err := liveRosterID(ctx, q, trainID); err != nil {
			return err
		}
		all, err := loadAssessments(ctx, q, "train_id = ?", trainID)
		for _, sa := range all {
			out = append(out, sa.A)
		}
		return err
	})
	return out, err
}

// recentSQL lists the most recently changed assessments. It names the
// index on updated_at: without statistics, SQLite 3.53's planner scans
// every assessment by train and sorts them all for the twelve newest, 22
// ms at 2,000 trains, where walking that index from its newest end takes
// 0.1 ms (TestRecentAssessmentsWalkTheUpdateIndex).
var recentSQL = "SELECT t.id, t.name, " + summaryColumns("a") + ` FROM assessments a INDEXED BY assessments_by_update
	JOIN trains t ON t.id = a.train_id
	ORDER BY a.updated_at DESC, a.date DESC, a.id LIMIT ?`

// RecentAssessments lists the n assessments the coach changed last, newest
// change first: where to pick up the work. Assessments changed in the same
// write (the sample's history) come latest date first.
func (s *Store) RecentAssessments(ctx context.Context, n int) ([]AssessmentSummary, error) {
	allPending, err := s.freshSummaries(ctx)
	if err != nil {
		return nil, err
	}
	var out []AssessmentSummary
	err = s.read(ctx, "list recent assessments", func(q querier) error {
		return scanRows(ctx, q, recentSQL, []any{n},
			func(rows *sql.Rows) error {
				var tid, tname string
				var sc summaryScan
				if err := rows.Scan(append([]any{&tid, &tname}, sc.dest()...)...); err != nil {
					return err
				}
				sum, err := sc.summary(tid, tname)
				if err != nil {
					return err
				}
				sum.Pending = sum.Pending || allPending
				out = append(out, *sum)
				return nil
			})
	})
	return out, err
}

// refreshSummaries recomputes the stored summary of every assessment
// matching where, inside the transaction that changed it.
func (s *Store) refreshSummaries(ctx context.Context, tx *sql.Tx, where string, args ...any) error {
	if s.opts.Summarize == nil {
		return nil
	}
	all, err := loadAssessments(ctx, tx, where, args...)
	if err != nil {
		return err
	}
	trains := map[string]assessment.Train{}
	for _, sa := range all {
		t, ok := trains[sa.A.TrainID]
		if !ok {
			if t, err = loadTrain(ctx, tx, sa.A.TrainID); err != nil {
				return err
			}
			trains[t.ID] = t
		}
		sum, ok := s.summarize(sa.A, t)
		if !ok {
			continue
		}
		if _, err := tx.ExecContext(ctx, "UPDATE assessments SET score = ?, score_known = ?, level = ?, level_name = ?, verdict = ? WHERE id = ?",
			finite(sum.Score), boolInt(sum.Known), sum.Level, sum.LevelName, string(sum.Verdict), sa.A.ID); err != nil {
			return err
		}
	}
	return nil
}

// summarize calls Options.Summarize, shielding the save from a bug in it:
// the coach's answer matters more than a fresh figure on the home screen,
// so a panic keeps the old summary and the write goes on.
func (s *Store) summarize(a *assessment.Assessment, t assessment.Train) (sum assessment.Summary, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return s.opts.Summarize(a, t), true
}

func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// editable checks that an assessment exists and is a draft.
func editable(ctx context.Context, tx *sql.Tx, id string) error {
	var status string
	err := tx.QueryRowContext(ctx, "SELECT status FROM assessments WHERE id = ?", id).Scan(&status)
	if err == sql.ErrNoRows {
		return fmt.Errorf("assessment %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return err
	}
	if status == string(assessment.Final) {
		return fmt.Errorf("assessment %s: %w", id, ErrFinal)
	}
	return nil
}

// touched stamps an assessment as changed and marks its summary stale: it
// is recomputed before it is next read (see freshSummaries).
func (s *Store) touched(ctx context.Context, tx *sql.Tx, id string) error {
	if _, err := tx.ExecContext(ctx, "UPDATE assessments SET updated_at = ? WHERE id = ?", s.stamp(), id); err != nil {
		return err
	}
	return s.markStaleID(ctx, tx, id)
}

// validateAnswer checks one answer; place prefixes the message.
func validateAnswer(ans assessment.Answer, place string) error {
	if err := checkID(ans.ItemID); err != nil {
		return fmt.Errorf("%s.item: %w", place, err)
	}
	if ans.Rating < assessment.DontKnow || ans.Rating > 100 {
		return fmt.Errorf("%s.rating: %d is not a rating (a level from 1, 0 unanswered, -1 not applicable, -2 don't know)", place, ans.Rating)
	}
	if ans.Figure != nil && (math.IsNaN(*ans.Figure) || math.IsInf(*ans.Figure, 0)) {
		return fmt.Errorf("%s.figure: not a number", place)
	}
	if ans.Figure != nil && *ans.Figure < 0 {
		return fmt.Errorf("%s.figure: %v is negative; a figure counts days, items or a share, never below zero", place, *ans.Figure)
	}
	return checkFields(field{place + ".note", ans.Note, noteRule}, field{place + ".evidence", ans.Evidence, noteRule})
}

var recommendationStatuses = []assessment.RecommendationStatus{assessment.Proposed, assessment.Accepted, assessment.Rejected}

func validateEdit(e assessment.RecommendationEdit, place string) error {
	if e.Status != "" && !slices.Contains(recommendationStatuses, e.Status) {
		return fmt.Errorf("%s.status: unknown status %q (empty or one of %s)", place, e.Status, joinQuoted(recommendationStatuses))
	}
	if e.Priority < 0 || e.Priority > assessment.Low {
		return fmt.Errorf("%s.priority: %d is not a priority (0 keeps the derived one, 1 high, 2 medium, 3 low)", place, e.Priority)
	}
	if err := e.CheckEscalation(); err != nil {
		return fmt.Errorf("%s.escalation: %w", place, err)
	}
	return checkFields(field{place + ".finding", e.Finding, longRule}, field{place + ".action", e.Action, longRule},
		field{place + ".acceptance", e.Acceptance, longRule}, field{place + ".target_pi", e.TargetPI, nameRule}, field{place + ".reason", e.Reason, longRule})
}

func validateRecommendation(r assessment.Recommendation, place string) error {
	if err := checkID(r.ID); err != nil {
		return fmt.Errorf("%s.id: %w", place, err)
	}
	if strings.TrimSpace(r.Finding) == "" && strings.TrimSpace(r.Action) == "" {
		return fmt.Errorf("%s: a recommendation needs a finding or an action", place)
	}
	if r.Priority < assessment.High || r.Priority > assessment.Low {
		return fmt.Errorf("%s.priority: %d is not a priority (1 high, 2 medium, 3 low)", place, r.Priority)
	}
	if !slices.Contains(recommendationStatuses, r.Status) {
		return fmt.Errorf("%s.status: unknown status %q (one of %s)", place, r.Status, joinQuoted(recommendationStatuses))
	}
	if r.Escalation != "" && !slices.Contains([]assessment.ImpedimentLevel{assessment.LevelTeam, assessment.LevelART, assessment.LevelLACE}, r.Escalation) {
		return fmt.Errorf("%s.escalation: unknown level %q (empty or one of \"team\", \"art\", \"lace\")", place, r.Escalation)
	}
	for i, ev := range r.Evidence {
		if !slices.Contains([]assessment.EvidenceKind{assessment.EvidenceAnswer, assessment.EvidenceRoster, assessment.EvidenceFigure}, ev.Kind) {
			return fmt.Errorf("%s.evidence[%d].kind: unknown kind %q (one of \"answer\", \"roster\", \"figure\")", place, i, ev.Kind)
		}
		if err := checkText(ev.Text, fmt.Sprintf("%s.evidence[%d].text", place, i), longRule); err != nil {
			return err
		}
	}
	return checkFields(field{place + ".finding", r.Finding, longRule}, field{place + ".action", r.Action, longRule},
		field{place + ".acceptance", r.Acceptance, longRule}, field{place + ".target_pi", r.TargetPI, nameRule})
}

func validatePIWeeks(w int, place string) error {
	if w < 0 || w > 52 {
		return fmt.Errorf("%s: a PI of %d weeks (0 for the default of %d, at most 52)", place, w, assessment.DefaultPIWeeks)
	}
	return nil
}

// emptyAnswer is an answer with nothing in it: saving one clears the item.
func emptyAnswer(a assessment.Answer) bool {
	return a.Rating == assessment.Unanswered && a.Figure == nil && a.Note == "" && a.Evidence == ""
}

// answerUpsert is what an answer written again changes.
const answerUpsert = `
		ON CONFLICT (assessment_id, item_id) DO UPDATE SET rating = excluded.rating, figure = excluded.figure,
			note = excluded.note, evidence = excluded.evidence, updated_at = excluded.updated_at`

// answerRow is an answer's values in the answers table's column order.
func answerRow(aid string, ans assessment.Answer, updated string) []any {
	var fig any
	if ans.Figure != nil {
		fig = *ans.Figure
	}
	return []any{aid, ans.ItemID, int(ans.Rating), fig, ans.Note, ans.Evidence, updated}
}

func writeAnswer(ctx context.Context, tx *sql.Tx, aid string, ans assessment.Answer, updated string) error {
	if emptyAnswer(ans) {
		_, err := tx.ExecContext(ctx, "DELETE FROM answers WHERE assessment_id = ? AND item_id = ?", aid, ans.ItemID)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO answers (assessment_id, item_id, rating, figure, note, evidence, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`+answerUpsert,
		answerRow(aid, ans, updated)...)
	return err
}

func writeNote(ctx context.Context, tx *sql.Tx, aid, checklistID, note string) error {
	if note == "" {
		_, err := tx.ExecContext(ctx, "DELETE FROM checklist_notes WHERE assessment_id = ? AND checklist_id = ?", aid, checklistID)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO checklist_notes (assessment_id, checklist_id, note) VALUES (?, ?, ?)
		ON CONFLICT (assessment_id, checklist_id) DO UPDATE SET note = excluded.note`, aid, checklistID, note)
	return err
}

func writeEdit(ctx context.Context, tx *sql.Tx, aid, recID string, e assessment.RecommendationEdit) error {
	if e == (assessment.RecommendationEdit{}) {
		_, err := tx.ExecContext(ctx, "DELETE FROM recommendation_edits WHERE assessment_id = ? AND recommendation_id = ?", aid, recID)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO recommendation_edits (assessment_id, recommendation_id, status, finding, action, acceptance, owner, target_pi, priority, escalation, reason)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (assessment_id, recommendation_id) DO UPDATE SET status = excluded.status, finding = excluded.finding,
			action = excluded.action, acceptance = excluded.acceptance, owner = excluded.owner,
			target_pi = excluded.target_pi, priority = excluded.priority, escalation = excluded.escalation, reason = excluded.reason`,
		aid, recID, string(e.Status), e.Finding, e.Action, e.Acceptance, string(e.Owner), e.TargetPI, int(e.Priority), string(e.Escalation), e.Reason)
	return err
}

func writeRecommendation(ctx context.Context, tx *sql.Tx, aid string, r assessment.Recommendation) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO coach_recommendations (assessment_id, id, position, finding, action, priority, owner, escalation, acceptance, target_pi, status)
		VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM coach_recommendations WHERE assessment_id = ?1), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
		aid, r.ID, r.Finding, r.Action, int(r.Priority), string(r.Owner), string(r.Escalation), r.Acceptance, r.TargetPI, string(r.Status)); err != nil {
		return existing(err, "recommendation "+r.ID)
	}
	return writeEvidence(ctx, tx, aid, r)
}

// writeEvidence writes the evidence of a coach's recommendation whose row
// is written and whose evidence rows are not (or no longer) there.
func writeEvidence(ctx context.Context, tx *sql.Tx, aid string, r assessment.Recommendation) error {
	for i, ev := range r.Evidence {
		if _, err := tx.ExecContext(ctx, "INSERT INTO coach_recommendation_evidence (assessment_id, recommendation_id, position, kind, ref, text) VALUES (?, ?, ?, ?, ?, ?)",
			aid, r.ID, i, string(ev.Kind), ev.Ref, ev.Text); err != nil {
			return err
		}
	}
	return nil
}

// CreateAssessment starts an assessment of a.TrainID. It fills ID, sets the
// status to draft, and dates it today when Date is zero; ChecklistVersion is
// kept as given. Answers, notes and review already in a are saved with it.
// Roster and Register in a are ignored: a draft follows the train's live
// ones, which are filled in on return. Workshop is ignored too:
// StartWorkshop makes the new assessment a workshop.
func (s *Store) CreateAssessment(ctx context.Context, a *assessment.Assessment) error {
	c := *a
	c.Review.Added = slices.Clone(a.Review.Added) // defaults are filled in; the caller's slice gets them only on success
	if c.ID == "" {
		c.ID = NewID()
	}
	c.Status = assessment.Draft
	c.Workshop = nil
	if c.Date.IsZero() {
		c.Date = s.now()
	}
	if err := checkID(c.ID); err != nil {
		return fmt.Errorf("start assessment: id: %w", err)
	}
	if err := validatePIWeeks(c.PIWeeks, "pi_weeks"); err != nil {
		return fmt.Errorf("start assessment: %w", err)
	}
	if err := checkFields(field{"pi", c.PI, nameRule}, field{"assessor", c.Assessor, nameRule}); err != nil {
		return fmt.Errorf("start assessment: %w", err)
	}
	if c.FollowUps == nil {
		fus, err := s.followUpsFor(ctx, &c)
		if err != nil {
			return fmt.Errorf("start assessment: %w", err)
		}
		c.FollowUps = fus
	}
	content, err := assessmentContent(&c, "assessment")
	if err != nil {
		return fmt.Errorf("start assessment: %w", err)
	}
	err = s.write(ctx, "start assessment", func(tx *sql.Tx) error {
		rid, err := liveRosterID(ctx, tx, c.TrainID)
		if err != nil {
			return err
		}
		now := s.stamp()
		if err := insertAssessment(ctx, tx, &c, now, now, content, nil); err != nil {
			return err
		}
		live, err := loadRosters(ctx, tx, []int64{rid})
		if err != nil {
			return err
		}
		c.Roster, c.Register = live[rid].Roster.Clone(), slices.Clone(live[rid].Register)
		return s.refreshSummaries(ctx, tx, "id = ?", c.ID)
	})
	if err == nil {
		*a = c
	}
	return err
}

// assessmentContent validates the answers, notes and review of a, fills
// what defaults allow (an answer's item from its map key, a coach
// recommendation's id, status and priority) and returns them in a fixed order.
func assessmentContent(a *assessment.Assessment, place string) (*contentSet, error) {
	cs := &contentSet{}
	for _, k := range sortedKeys(a.Answers) {
		ans := a.Answers[k]
		if ans.ItemID == "" {
			ans.ItemID = k
		}
		if ans.ItemID != k {
			return nil, fmt.Errorf("%s.answers[%q]: item %q filed under another item", place, k, ans.ItemID)
		}
		if err := validateAnswer(ans, fmt.Sprintf("%s.answers[%q]", place, k)); err != nil {
			return nil, err
		}
		cs.answers = append(cs.answers, ans)
	}
	for _, k := range sortedKeys(a.Notes) {
		if err := checkID(k); err != nil {
			return nil, fmt.Errorf("%s.notes[%q]: checklist %w", place, k, err)
		}
		cs.notes = append(cs.notes, [2]string{k, a.Notes[k]})
	}
	for _, k := range sortedKeys(a.Review.Edits) {
		if err := checkID(k); err != nil {
			return nil, fmt.Errorf("%s.recommendation_edits[%q]: recommendation %w", place, k, err)
		}
		if err := validateEdit(a.Review.Edits[k], fmt.Sprintf("%s.recommendation_edits[%q]", place, k)); err != nil {
			return nil, err
		}
		cs.edits = append(cs.edits, k)
	}
	ids := map[string]bool{}
	for i := range a.Review.Added {
		r := &a.Review.Added[i]
		fillRecommendation(r)
		at := fmt.Sprintf("%s.recommendations[%d]", place, i)
		if err := validateRecommendation(*r, at); err != nil {
			return nil, err
		}
		if ids[r.ID] {
			return nil, fmt.Errorf("%s.id: duplicate id %q", at, r.ID)
		}
		ids[r.ID] = true
	}
	return cs, nil
}

type contentSet struct {
	answers []assessment.Answer
	notes   [][2]string
	edits   []string
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// fillRecommendation gives a coach's own recommendation its defaults.
func fillRecommendation(r *assessment.Recommendation) {
	if r.ID == "" {
		r.ID = NewID()
	}
	if r.Status == "" {
		r.Status = assessment.Proposed
	}
	if r.Priority == 0 {
		r.Priority = assessment.Medium
	}
	r.ByCoach = true
	r.Rule = ""
}

// insertAssessment writes a new assessment with its content. answerStamp
// gives each answer's updated_at (nil: updated).
func insertAssessment(ctx context.Context, tx *sql.Tx, a *assessment.Assessment, created, updated string, cs *contentSet, answerStamp map[string]string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO assessments (id, train_id, date, date_key, pi, assessor, status, checklist_version, pi_weeks, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.TrainID, formatTime(a.Date), a.Date.Unix(), a.PI, a.Assessor, string(a.Status), a.ChecklistVersion, a.PIWeeks, created, updated); err != nil {
		return existing(err, "an assessment with id "+a.ID)
	}
	answers := make([]any, 0, 7*len(cs.answers))
	for _, ans := range cs.answers {
		st := answerStamp[ans.ItemID]
		if st == "" {
			st = updated
		}
		if emptyAnswer(ans) {
			continue // a new assessment holds no row to delete
		}
		answers = append(answers, answerRow(a.ID, ans, st)...)
	}
	if err := insertRows(ctx, tx, "INSERT INTO answers (assessment_id, item_id, rating, figure, note, evidence, updated_at)", 7, answerUpsert, answers); err != nil {
		return err
	}
	for _, n := range cs.notes {
		if err := writeNote(ctx, tx, a.ID, n[0], n[1]); err != nil {
			return err
		}
	}
	for _, k := range cs.edits {
		if err := writeEdit(ctx, tx, a.ID, k, a.Review.Edits[k]); err != nil {
			return err
		}
	}
	for _, r := range a.Review.Added {
		if err := writeRecommendation(ctx, tx, a.ID, r); err != nil {
			return err
		}
	}
	return followUpsOf(ctx, tx, a)
}

// UpdateAssessmentHeader saves an assessment's date, PI label, assessor and
// PI length. ErrFinal when it is finished.
func (s *Store) UpdateAssessmentHeader(ctx context.Context, a *assessment.Assessment) error {
	if err := validatePIWeeks(a.PIWeeks, "pi_weeks"); err != nil {
		return fmt.Errorf("save assessment: %w", err)
	}
	if a.Date.IsZero() {
		return fmt.Errorf("save assessment: an assessment needs a date")
	}
	if err := checkFields(field{"pi", a.PI, nameRule}, field{"assessor", a.Assessor, nameRule}); err != nil {
		return fmt.Errorf("save assessment: %w", err)
	}
	return s.write(ctx, "save assessment", func(tx *sql.Tx) error {
		if err := editable(ctx, tx, a.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE assessments SET date = ?, date_key = ?, pi = ?, assessor = ?, pi_weeks = ? WHERE id = ?",
			formatTime(a.Date), a.Date.Unix(), a.PI, a.Assessor, a.PIWeeks, a.ID); err != nil {
			return err
		}
		return s.touched(ctx, tx, a.ID)
	})
}

// SetAnswer saves the coach's answer to one item. An answer with nothing in
// it (unanswered, no figure, note or evidence) clears the item. ErrFinal
// when the assessment is finished.
func (s *Store) SetAnswer(ctx context.Context, assessmentID string, ans assessment.Answer) error {
	if err := validateAnswer(ans, "answer"); err != nil {
		return fmt.Errorf("save answer: %w", err)
	}
	return s.write(ctx, fmt.Sprintf("save answer to %s", ans.ItemID), func(tx *sql.Tx) error {
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		if err := writeAnswer(ctx, tx, assessmentID, ans, s.stamp()); err != nil {
			return err
		}
		return s.touched(ctx, tx, assessmentID)
	})
}

// SetChecklistNote saves the coach's note on one checklist; an empty note
// removes it. ErrFinal when the assessment is finished.
func (s *Store) SetChecklistNote(ctx context.Context, assessmentID, checklistID, note string) error {
	if err := checkID(checklistID); err != nil {
		return fmt.Errorf("save note: checklist %w", err)
	}
	if err := checkText(note, "note", noteRule); err != nil {
		return fmt.Errorf("save note: %w", err)
	}
	return s.write(ctx, "save note", func(tx *sql.Tx) error {
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		if err := writeNote(ctx, tx, assessmentID, checklistID, note); err != nil {
			return err
		}
		return s.touched(ctx, tx, assessmentID)
	})
}

// SetRecommendationEdit saves the coach's decision on one derived
// recommendation; an empty edit returns it to what was derived.
func (s *Store) SetRecommendationEdit(ctx context.Context, assessmentID, recID string, e assessment.RecommendationEdit) error {
	if err := checkID(recID); err != nil {
		return fmt.Errorf("save recommendation: %w", err)
	}
	if err := validateEdit(e, "edit"); err != nil {
		return fmt.Errorf("save recommendation: %w", err)
	}
	return s.write(ctx, "save recommendation", func(tx *sql.Tx) error {
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		if err := writeEdit(ctx, tx, assessmentID, recID, e); err != nil {
			return err
		}
		return s.touched(ctx, tx, assessmentID)
	})
}

// SetRecommendationEdits saves the coach's decisions on several derived
// recommendations at once (a group accepted or rejected together), all or
// nothing in one transaction.
func (s *Store) SetRecommendationEdits(ctx context.Context, assessmentID string, edits map[string]assessment.RecommendationEdit) error {
	ids := slices.Sorted(maps.Keys(edits))
	for _, id := range ids {
		if err := checkID(id); err != nil {
			return fmt.Errorf("save recommendations: %w", err)
		}
		if err := validateEdit(edits[id], fmt.Sprintf("edit[%q]", id)); err != nil {
			return fmt.Errorf("save recommendations: %w", err)
		}
	}
	return s.write(ctx, "save recommendations", func(tx *sql.Tx) error {
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		for _, id := range ids {
			if err := writeEdit(ctx, tx, assessmentID, id, edits[id]); err != nil {
				return err
			}
		}
		return s.touched(ctx, tx, assessmentID)
	})
}

// AddRecommendation adds the coach's own recommendation. It fills ID, sets
// ByCoach, and defaults Status to proposed and Priority to medium.
func (s *Store) AddRecommendation(ctx context.Context, assessmentID string, r *assessment.Recommendation) error {
	c := *r
	c.Evidence = slices.Clone(r.Evidence)
	fillRecommendation(&c)
	if err := validateRecommendation(c, "recommendation"); err != nil {
		return fmt.Errorf("add recommendation: %w", err)
	}
	err := s.write(ctx, "add recommendation", func(tx *sql.Tx) error {
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		if err := writeRecommendation(ctx, tx, assessmentID, c); err != nil {
			return err
		}
		return s.touched(ctx, tx, assessmentID)
	})
	if err == nil {
		*r = c
	}
	return err
}

// ReplaceRecommendation saves an edit of one of the coach's own
// recommendations, r.ID naming it: its text, priority, owner, status and
// evidence become r's, in one transaction, and it keeps its place in the
// list. Either all of r is saved or nothing changes: a refused or failed
// edit leaves the coach's earlier text as it was. Defaults are filled in
// as AddRecommendation does, and r gets them on success. An id that is not
// one the coach added gives ErrNotFound.
func (s *Store) ReplaceRecommendation(ctx context.Context, assessmentID string, r *assessment.Recommendation) error {
	c := *r
	c.Evidence = slices.Clone(r.Evidence)
	if c.ID == "" {
		return fmt.Errorf("replace recommendation: recommendation.id: empty; give the id of the recommendation to replace")
	}
	fillRecommendation(&c)
	if err := validateRecommendation(c, "recommendation"); err != nil {
		return fmt.Errorf("replace recommendation: %w", err)
	}
	err := s.write(ctx, "replace recommendation", func(tx *sql.Tx) error {
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE coach_recommendations SET finding = ?, action = ?, priority = ?, owner = ?, escalation = ?, acceptance = ?, target_pi = ?, status = ?
			WHERE assessment_id = ? AND id = ?`,
			c.Finding, c.Action, int(c.Priority), string(c.Owner), string(c.Escalation), c.Acceptance, c.TargetPI, string(c.Status), assessmentID, c.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("recommendation %s is not one the coach added (a derived one is changed by an edit, not replaced): %w", c.ID, ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM coach_recommendation_evidence WHERE assessment_id = ? AND recommendation_id = ?", assessmentID, c.ID); err != nil {
			return err
		}
		if err := writeEvidence(ctx, tx, assessmentID, c); err != nil {
			return err
		}
		return s.touched(ctx, tx, assessmentID)
	})
	if err == nil {
		*r = c
	}
	return err
}

// DeleteRecommendation removes one of the coach's own recommendations. A
// derived one cannot be deleted, only rejected; asking gives ErrNotFound.
func (s *Store) DeleteRecommendation(ctx context.Context, assessmentID, recID string) error {
	return s.write(ctx, "delete recommendation", func(tx *sql.Tx) error {
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM coach_recommendations WHERE assessment_id = ? AND id = ?", assessmentID, recID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("recommendation %s is not one the coach added (a derived one can be rejected, not deleted): %w", recID, ErrNotFound)
		}
		return s.touched(ctx, tx, assessmentID)
	})
}

// FinishAssessment marks an assessment final. The first time, it copies the
// train's live roster and register into the assessment's own snapshot, kept
// for good. Finishing a finished assessment does nothing.
func (s *Store) FinishAssessment(ctx context.Context, id string) error {
	return s.write(ctx, "finish assessment", func(tx *sql.Tx) error {
		var status, trainID string
		var snap int
		err := tx.QueryRowContext(ctx, `SELECT status, train_id, EXISTS (SELECT 1 FROM rosters r WHERE r.assessment_id = assessments.id)
			FROM assessments WHERE id = ?`, id).Scan(&status, &trainID, &snap)
		if err == sql.ErrNoRows {
			return fmt.Errorf("assessment %q: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if status == string(assessment.Final) {
			return nil
		}
		if snap == 0 {
			live, err := liveRosterID(ctx, tx, trainID)
			if err != nil {
				return err
			}
			if err := copyRoster(ctx, tx, live, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE assessments SET status = 'final' WHERE id = ?", id); err != nil {
			return err
		}
		return s.touched(ctx, tx, id)
	})
}

// ReopenAssessment makes a finished assessment editable again. It keeps its
// snapshot: reopening corrects answers, it does not rewrite history.
func (s *Store) ReopenAssessment(ctx context.Context, id string) error {
	return s.write(ctx, "reopen assessment", func(tx *sql.Tx) error {
		var status string
		err := tx.QueryRowContext(ctx, "SELECT status FROM assessments WHERE id = ?", id).Scan(&status)
		if err == sql.ErrNoRows {
			return fmt.Errorf("assessment %q: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if status == string(assessment.Draft) {
			return nil
		}
		if _, err := tx.ExecContext(ctx, "UPDATE assessments SET status = 'draft' WHERE id = ?", id); err != nil {
			return err
		}
		return s.touched(ctx, tx, id)
	})
}

// DeleteAssessment removes an assessment, draft or final, with everything
// in it. The daily backups still hold it.
func (s *Store) DeleteAssessment(ctx context.Context, id string) error {
	return s.write(ctx, "delete assessment", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM assessments WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("assessment %q: %w", id, ErrNotFound)
		}
		return nil
	})
}
