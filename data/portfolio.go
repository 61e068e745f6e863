package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// PortfolioTrains is what the LACE's portfolio reads: every train, or
// those of one group (group "" is every train), in name order, each with
// its coaches and its two newest finished assessments loaded in full
// (answers, snapshot roster and register, review, follow-ups), newest
// first. Conflict copies are left out of Finished: the assessment they are
// a copy of stands for the train until the LACE decides. It reads in a
// fixed number of queries, however many trains there are.
func (s *Store) PortfolioTrains(ctx context.Context, group string) ([]assessment.PortfolioTrain, error) {
	var out []assessment.PortfolioTrain
	err := s.read(ctx, "read portfolio", func(q querier) error {
		var want []newest
		var err error
		if out, want, err = portfolioHeads(ctx, q, group); err != nil {
			return err
		}
		return loadFinished(ctx, q, out, want)
	})
	return out, err
}

// newest are the ids of a train's latest and previous finished
// assessments.
type newest struct{ latest, previous sql.NullString }

func (n newest) ids() []string {
	var out []string
	for _, id := range []sql.NullString{n.latest, n.previous} {
		if id.Valid {
			out = append(out, id.String)
		}
	}
	return out
}

// portfolioHeads reads the trains (of a group, or all) in name order with
// their coaches, and the ids of each one's two newest finished
// assessments, in three queries.
func portfolioHeads(ctx context.Context, q querier, group string) ([]assessment.PortfolioTrain, []newest, error) {
	filter, args := "", []any(nil)
	if group != "" {
		filter, args = "WHERE t.group_name = ?", []any{group}
	}
	out, want, err := trainHeads(ctx, q, filter, args)
	if err != nil {
		return nil, nil, err
	}
	byTrain := map[string]int{}
	for i, pt := range out {
		byTrain[pt.Train.ID] = i
	}
	// The coaches: assessors of the train's assessments and the coaches
	// whose bundles brought it.
	coachFilter := ""
	if group != "" {
		coachFilter = " AND train_id IN (SELECT id FROM trains WHERE group_name = ?)"
	}
	coaches := map[string]map[string]bool{}
	addCoach := func(rows *sql.Rows) error {
		var tid, c string
		if err := rows.Scan(&tid, &c); err != nil {
			return err
		}
		if coaches[tid] == nil {
			coaches[tid] = map[string]bool{}
		}
		coaches[tid][c] = true
		return nil
	}
	if err := scanRows(ctx, q, "SELECT DISTINCT train_id, assessor FROM assessments WHERE assessor <> ''"+coachFilter, args, addCoach); err != nil {
		return nil, nil, err
	}
	if err := scanRows(ctx, q, "SELECT train_id, coach FROM train_sources WHERE coach <> ''"+coachFilter, args, addCoach); err != nil {
		return nil, nil, err
	}
	for tid, set := range coaches {
		i, ok := byTrain[tid]
		if !ok {
			continue
		}
		names := make([]string, 0, len(set))
		for c := range set {
			names = append(names, c)
		}
		slices.SortFunc(names, func(a, b string) int {
			if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
				return c
			}
			return strings.Compare(a, b)
		})
		out[i].Coaches = names
	}
	return out, want, nil
}

// trainHeads reads the trains matching filter (a WHERE clause on trains t,
// or nothing) in name order, without their coaches, and the ids of each
// one's two newest finished assessments, in one query.
func trainHeads(ctx context.Context, q querier, filter string, args []any) ([]assessment.PortfolioTrain, []newest, error) {
	var out []assessment.PortfolioTrain
	var want []newest
	nth := func(offset int) string {
		return fmt.Sprintf(`(SELECT a.id FROM assessments a WHERE a.train_id = t.id AND a.status = 'final' AND a.conflict_of = ''
			ORDER BY a.date_key DESC, a.created_at DESC, a.id DESC LIMIT 1 OFFSET %d)`, offset)
	}
	err := scanRows(ctx, q, `SELECT t.id, t.name, t.framework, t.description, t.group_name, t.created_at, `+nth(0)+`, `+nth(1)+`
		FROM trains t `+filter+` ORDER BY t.name COLLATE NOCASE, t.id`, args, func(rows *sql.Rows) error {
		var pt assessment.PortfolioTrain
		var created string
		var w newest
		if err := rows.Scan(&pt.Train.ID, &pt.Train.Name, &pt.Train.Framework, &pt.Train.Description, &pt.Train.Group, &created,
			&w.latest, &w.previous); err != nil {
			return err
		}
		var err error
		if pt.Train.CreatedAt, err = parseTime(created); err != nil {
			return err
		}
		out = append(out, pt)
		want = append(want, w)
		return nil
	})
	return out, want, err
}

// loadFinished loads the wanted assessments of the trains in full, in one
// batch of queries (in chunks far below SQLite's limit on values in one
// statement), into each train's Finished, newest first.
func loadFinished(ctx context.Context, q querier, trains []assessment.PortfolioTrain, want []newest) error {
	var ids []any
	for _, w := range want {
		for _, id := range w.ids() {
			ids = append(ids, id)
		}
	}
	loaded := map[string]*assessment.Assessment{}
	for chunk := range slices.Chunk(ids, 10000) {
		in := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(chunk)), ", ") + ")"
		all, err := loadAssessments(ctx, q, "id IN "+in, chunk...)
		if err != nil {
			return err
		}
		for _, sa := range all {
			loaded[sa.A.ID] = sa.A
		}
	}
	for i, w := range want {
		for _, id := range w.ids() {
			if a := loaded[id]; a != nil {
				trains[i].Finished = append(trains[i].Finished, a)
			}
		}
	}
	return nil
}

// PortfolioDecision is the LACE's word on one portfolio recommendation:
// the edit (status accepted or rejected, or changed words, and its Reason).
type PortfolioDecision struct {
	Edit      assessment.RecommendationEdit
	DecidedAt string // when, as the store stamped it
}

// PortfolioReview is the LACE's review of the portfolio recommendations
// of one scope (a group's name, or "" for every train), as the portfolio
// rules apply a coach's review: edits by recommendation id.
func (s *Store) PortfolioReview(ctx context.Context, scope string) (assessment.PortfolioReview, error) {
	rev := assessment.PortfolioReview{Edits: map[string]assessment.RecommendationEdit{}}
	ds, err := s.PortfolioDecisions(ctx, scope)
	for id, d := range ds {
		rev.Edits[id] = d.Edit
	}
	return rev, err
}

// PortfolioDecisions is PortfolioReview with each decision's time.
func (s *Store) PortfolioDecisions(ctx context.Context, scope string) (map[string]PortfolioDecision, error) {
	out := map[string]PortfolioDecision{}
	err := s.read(ctx, "read the portfolio review", func(q querier) error {
		return scanRows(ctx, q, `SELECT recommendation_id, status, finding, action, acceptance, owner, target_pi, priority, reason, decided_at
			FROM portfolio_decisions WHERE scope = ?`, []any{scope}, func(rows *sql.Rows) error {
			var id string
			var d PortfolioDecision
			e := &d.Edit
			if err := rows.Scan(&id, &e.Status, &e.Finding, &e.Action, &e.Acceptance, &e.Owner, &e.TargetPI, &e.Priority, &e.Reason, &d.DecidedAt); err != nil {
				return err
			}
			out[id] = d
			return nil
		})
	})
	return out, err
}

// SetPortfolioDecision records the LACE's decision on one portfolio
// recommendation of a scope (a group's name, or "" for every train): an
// edit as a coach's review holds it, with its Reason. An edit that changes
// nothing, with no reason, takes the decision back.
func (s *Store) SetPortfolioDecision(ctx context.Context, scope, recommendationID string, e assessment.RecommendationEdit) error {
	if err := checkID(recommendationID); err != nil {
		return fmt.Errorf("save the portfolio decision: recommendation: %w", err)
	}
	reason := strings.TrimSpace(e.Reason)
	if err := checkFields(field{"scope", scope, nameOnlyRule}, field{"reason", reason, longRule}); err != nil {
		return fmt.Errorf("save the portfolio decision: %w", err)
	}
	e.Reason = ""
	if err := validateEdit(e, "decision"); err != nil {
		return fmt.Errorf("save the portfolio decision: %w", err)
	}
	if e.Escalation != "" {
		// The portfolio's recommendations are the LACE's own level.
		return fmt.Errorf("save the portfolio decision: decision.escalation: a portfolio decision keeps no escalation level")
	}
	return s.write(ctx, "save the portfolio decision", func(tx *sql.Tx) error {
		if e == (assessment.RecommendationEdit{}) && reason == "" {
			_, err := tx.ExecContext(ctx, "DELETE FROM portfolio_decisions WHERE scope = ? AND recommendation_id = ?", scope, recommendationID)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO portfolio_decisions
			(scope, recommendation_id, status, finding, action, acceptance, owner, target_pi, priority, reason, decided_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (scope, recommendation_id) DO UPDATE SET status = excluded.status, finding = excluded.finding,
				action = excluded.action, acceptance = excluded.acceptance, owner = excluded.owner, target_pi = excluded.target_pi,
				priority = excluded.priority, reason = excluded.reason, decided_at = excluded.decided_at`,
			scope, recommendationID, string(e.Status), e.Finding, e.Action, e.Acceptance, string(e.Owner), e.TargetPI, int(e.Priority), reason, s.stamp())
		return err
	})
}
