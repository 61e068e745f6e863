package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/trainscope/trainscope/assessment"
)

// Follow-ups are stored with the assessment they came along into, in their
// order, with the words they were agreed in.

func loadFollowUps(ctx context.Context, q querier, sub string, args []any, byID map[string]*storedAssessment) error {
	return scanRows(ctx, q, `SELECT assessment_id, recommendation_id, rule, finding, action, acceptance, owner, escalation, target_pi,
			raised_pi, check_json, state, note, note_date, reason, override, override_reason
		FROM follow_ups WHERE `+sub+" ORDER BY assessment_id, position", args,
		func(rows *sql.Rows) error {
			var aid, check, noteDate string
			var f assessment.FollowUp
			if err := rows.Scan(&aid, &f.RecommendationID, &f.Rule, &f.Finding, &f.Action, &f.Acceptance, &f.Owner, &f.Escalation, &f.TargetPI,
				&f.RaisedPI, &check, &f.State, &f.Note, &noteDate, &f.Reason, &f.Override, &f.OverrideReason); err != nil {
				return err
			}
			if check != "" {
				var c assessment.Check
				if err := json.Unmarshal([]byte(check), &c); err != nil {
					return fmt.Errorf("follow-up %s: its criterion check is damaged: %w", f.RecommendationID, err)
				}
				f.Check = &c
			}
			if noteDate != "" {
				d, err := parseTime(noteDate)
				if err != nil {
					return err
				}
				f.NoteDate = d
			}
			if sa := byID[aid]; sa != nil {
				sa.A.FollowUps = append(sa.A.FollowUps, f)
			}
			return nil
		})
}

// validateFollowUp checks what the coach can set on a follow-up.
func validateFollowUp(f assessment.FollowUp, place string) error {
	if err := checkID(f.RecommendationID); err != nil {
		return fmt.Errorf("%s.recommendation: %w", place, err)
	}
	switch f.State {
	case assessment.FollowUpOpen, assessment.FollowUpDone, assessment.FollowUpInProgress, assessment.FollowUpNotStarted, assessment.FollowUpDropped:
	default:
		return fmt.Errorf("%s.state: %q is not one of done, in-progress, not-started, dropped", place, f.State)
	}
	if f.State == assessment.FollowUpDropped && f.Reason == "" {
		return fmt.Errorf("%s: a dropped follow-up needs a reason; say why it was dropped", place)
	}
	switch f.Override {
	case "", "met", "not-met":
	default:
		return fmt.Errorf("%s.override: %q is not met or not-met", place, f.Override)
	}
	if f.Override != "" && f.OverrideReason == "" {
		return fmt.Errorf("%s: overriding what the data says needs a reason", place)
	}
	switch f.Escalation {
	case "", assessment.LevelTeam, assessment.LevelART, assessment.LevelLACE:
	default:
		return fmt.Errorf("%s.escalation: %q is not team, art or lace", place, f.Escalation)
	}
	return checkFields(
		field{place + ".finding", f.Finding, longRule}, field{place + ".action", f.Action, longRule}, field{place + ".acceptance", f.Acceptance, longRule},
		field{place + ".note", f.Note, noteRule}, field{place + ".reason", f.Reason, noteRule}, field{place + ".override_reason", f.OverrideReason, noteRule},
		field{place + ".target_pi", f.TargetPI, nameRule}, field{place + ".raised_pi", f.RaisedPI, nameRule},
	)
}

func writeFollowUp(ctx context.Context, tx *sql.Tx, aid string, pos int, f assessment.FollowUp) error {
	check := ""
	if f.Check != nil {
		b, err := json.Marshal(f.Check)
		if err != nil {
			return err
		}
		check = string(b)
	}
	noteDate := ""
	if !f.NoteDate.IsZero() {
		noteDate = formatTime(f.NoteDate)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO follow_ups (assessment_id, recommendation_id, position, rule, finding, action, acceptance, owner,
			escalation, target_pi, raised_pi, check_json, state, note, note_date, reason, override, override_reason)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (assessment_id, recommendation_id) DO UPDATE SET state = excluded.state, note = excluded.note,
			note_date = excluded.note_date, reason = excluded.reason, override = excluded.override, override_reason = excluded.override_reason`,
		aid, f.RecommendationID, pos, f.Rule, f.Finding, f.Action, f.Acceptance, string(f.Owner), string(f.Escalation), f.TargetPI,
		f.RaisedPI, check, string(f.State), f.Note, noteDate, f.Reason, f.Override, f.OverrideReason)
	return err
}

// SetFollowUp saves what the coach says happened to one follow-up of a
// draft assessment: its state, evidence note and date, a drop reason, or an
// override of the data's verdict with its reason. The words it was agreed in
// stay as they came along. ErrFinal when the assessment is finished.
func (s *Store) SetFollowUp(ctx context.Context, assessmentID string, f assessment.FollowUp) error {
	if err := validateFollowUp(f, "follow-up"); err != nil {
		return fmt.Errorf("save follow-up: %w", err)
	}
	return s.write(ctx, "save follow-up", func(tx *sql.Tx) error {
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		var pos int
		err := tx.QueryRowContext(ctx, "SELECT position FROM follow_ups WHERE assessment_id = ? AND recommendation_id = ?", assessmentID, f.RecommendationID).Scan(&pos)
		if err == sql.ErrNoRows {
			return fmt.Errorf("the assessment has no follow-up %q", f.RecommendationID)
		}
		if err != nil {
			return err
		}
		if err := writeFollowUp(ctx, tx, assessmentID, pos, f); err != nil {
			return err
		}
		return s.touched(ctx, tx, assessmentID)
	})
}

// followUpsOf writes the follow-ups an assessment starts with.
func followUpsOf(ctx context.Context, tx *sql.Tx, a *assessment.Assessment) error {
	for i, f := range a.FollowUps {
		if err := validateFollowUp(f, fmt.Sprintf("follow_ups[%d]", i)); err != nil {
			return err
		}
		if err := writeFollowUp(ctx, tx, a.ID, i, f); err != nil {
			return err
		}
	}
	return nil
}

// followUpsFor are the follow-ups a new assessment starts with: the agreed
// recommendations of the train's last finished assessment before it
// (assessment.FollowUpsFrom). Without definitions the store cannot read the
// earlier results, and the assessment starts without follow-ups.
func (s *Store) followUpsFor(ctx context.Context, a *assessment.Assessment) ([]assessment.FollowUp, error) {
	if s.opts.Definitions == nil {
		return nil, nil
	}
	all, err := s.Assessments(ctx, a.TrainID)
	if err != nil {
		return nil, err
	}
	prev := assessment.Previous(a, all)
	if prev == nil {
		return nil, nil
	}
	t, err := s.Train(ctx, a.TrainID)
	if err != nil {
		return nil, err
	}
	return assessment.FollowUpsFrom(prev, assessment.Evaluate(s.opts.Definitions, t, prev)), nil
}

// FollowedUp reads, for every train, what its badge of overdue follow-ups
// needs (assessment.Owed): its latest finished assessment and the newest
// assessment after it, in full, oldest first, by train ID; conflict copies
// are left out. A train without a finished assessment is not in the map.
// It reads in a fixed number of queries, however many trains there are.
func (s *Store) FollowedUp(ctx context.Context) (map[string][]*assessment.Assessment, error) {
	return s.followedUpIn(ctx, "trains")
}

// followedUpIn is FollowedUp of the trains a table expression (with its
// args) holds; see FollowedUpOf.
func (s *Store) followedUpIn(ctx context.Context, trains string, args ...any) (map[string][]*assessment.Assessment, error) {
	out := map[string][]*assessment.Assessment{}
	err := s.read(ctx, "read the follow-ups owed", func(q querier) error {
		clear(out)
		newest := func(cond string) string {
			return `id IN (SELECT (SELECT a.id FROM assessments a WHERE a.train_id = t.id AND a.conflict_of = ''` + cond + `
				ORDER BY a.date_key DESC, a.created_at DESC, a.id DESC LIMIT 1) FROM ` + trains + ` t)`
		}
		all, err := loadAssessments(ctx, q, newest(" AND a.status = 'final'")+" OR "+newest(""), append(slices.Clone(args), args...)...)
		if err != nil {
			return err
		}
		for _, sa := range all {
			out[sa.A.TrainID] = append(out[sa.A.TrainID], sa.A)
		}
		for id, as := range out {
			if !slices.ContainsFunc(as, func(a *assessment.Assessment) bool { return a.Status == assessment.Final }) {
				delete(out, id)
			}
		}
		return nil
	})
	return out, err
}
