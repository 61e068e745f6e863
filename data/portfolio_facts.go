package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"runtime"
	"sync"

	"github.com/trainscope/trainscope/assessment"
)

// PortfolioFacts is what the portfolio screen reads: the trains of
// PortfolioTrains (every train, or one group's) with the facts of their
// two newest finished assessments instead of the assessments themselves.
// The facts are kept in the database (portfolio_facts, schema version 7)
// under the rules that made them: the checklists' version of d, the facts'
// version (assessment.PortfolioFactsVersion) and Options.SummaryRules. A
// read finds them kept in one query; facts not kept yet, dropped because
// their train changed since (the schema's triggers drop them), or made
// under other rules are made from the assessments loaded in full and
// evaluated with d, in one write that keeps them for the next read, so
// nothing can change between what is evaluated and what is kept. When that
// write fails (a full disk, a file that may not be written) the facts are
// made as PortfolioTrains and assessment.EvaluateTrains would, and not kept:
// the portfolio shows the same either way.
func (s *Store) PortfolioFacts(ctx context.Context, group string, d *assessment.Definitions) ([]assessment.EvaluatedTrain, error) {
	rules := factsRules(d, s.opts.SummaryRules)
	var out []assessment.EvaluatedTrain
	var missing []int
	err := s.read(ctx, "read portfolio", func(q querier) error {
		var err error
		out, missing, _, _, err = keptFacts(ctx, q, group, rules)
		return err
	})
	if err != nil || len(missing) == 0 {
		return out, err
	}
	err = s.commit(ctx, "keep the portfolio's facts", func(tx *sql.Tx) error {
		var heads []assessment.PortfolioTrain
		var want []newest
		var err error
		if out, missing, heads, want, err = keptFacts(ctx, tx, group, rules); err != nil || len(missing) == 0 {
			return err
		}
		// The trains missing a fact, loaded in full and evaluated.
		trains := make([]assessment.PortfolioTrain, len(missing))
		wanted := make([]newest, len(missing))
		for k, i := range missing {
			trains[k], wanted[k] = heads[i], want[i]
		}
		if err := loadFinished(ctx, tx, trains, wanted); err != nil {
			return err
		}
		made := assessment.EvaluateTrains(d, trains)
		for k, i := range missing {
			out[i] = made[k]
			for _, f := range []*assessment.AssessmentFacts{made[k].Latest, made[k].Previous} {
				if f == nil {
					continue
				}
				b, err := json.Marshal(f)
				if err != nil {
					continue // not a fact JSON can hold (a figure out of range): made again next time
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO portfolio_facts (assessment_id, train_id, rules, facts) VALUES (?, ?, ?, ?)
					ON CONFLICT (assessment_id) DO UPDATE SET train_id = excluded.train_id, rules = excluded.rules, facts = excluded.facts`,
					f.AssessmentID, made[k].Train.ID, rules, string(b)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		trains, err := s.PortfolioTrains(ctx, group)
		if err != nil {
			return nil, err
		}
		return assessment.EvaluateTrains(d, trains), nil
	}
	return out, nil
}

// factsRules names the rules facts are made under.
func factsRules(d *assessment.Definitions, summaryRules string) string {
	v := ""
	if d != nil {
		v = d.Version
	}
	return "checklists " + v + "; facts " + assessment.PortfolioFactsVersion + "; " + summaryRules
}

// keptFacts reads the trains and their coaches (portfolioHeads) and the
// facts kept under rules of their two newest finished assessments. missing
// are the indexes of the trains one of whose facts is not kept (their
// Latest and Previous left nil); heads and want are the trains as read,
// without assessments, and the ids of the assessments they want.
func keptFacts(ctx context.Context, q querier, group, rules string) (out []assessment.EvaluatedTrain, missing []int, heads []assessment.PortfolioTrain, want []newest, err error) {
	if heads, want, err = portfolioHeads(ctx, q, group); err != nil {
		return nil, nil, nil, nil, err
	}
	filter, args := "", []any{rules}
	if group != "" {
		filter, args = " AND train_id IN (SELECT id FROM trains WHERE group_name = ?)", append(args, group)
	}
	kept := map[string]string{}
	err = scanRows(ctx, q, "SELECT assessment_id, facts FROM portfolio_facts WHERE rules = ?"+filter, args, func(rows *sql.Rows) error {
		var id, facts string
		if err := rows.Scan(&id, &facts); err != nil {
			return err
		}
		kept[id] = facts
		return nil
	})
	if err != nil {
		return nil, nil, nil, nil, err
	}
	// Decoding is most of a read: spread it over the processors, each
	// fact decoded by one worker into its own place.
	type job struct {
		id   sql.NullString
		into **assessment.AssessmentFacts
		ok   *bool
	}
	out = make([]assessment.EvaluatedTrain, len(heads))
	oks := make([][2]bool, len(heads))
	var jobs []job
	for i, h := range heads {
		out[i] = assessment.EvaluatedTrain{Train: h.Train, Coaches: h.Coaches}
		oks[i] = [2]bool{!want[i].latest.Valid, !want[i].previous.Valid}
		if want[i].latest.Valid {
			jobs = append(jobs, job{want[i].latest, &out[i].Latest, &oks[i][0]})
		}
		if want[i].previous.Valid {
			jobs = append(jobs, job{want[i].previous, &out[i].Previous, &oks[i][1]})
		}
	}
	next := make(chan job)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(jobs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				text, ok := kept[j.id.String]
				if !ok {
					continue
				}
				var f assessment.AssessmentFacts
				if json.Unmarshal([]byte(text), &f) != nil || f.AssessmentID != j.id.String {
					continue // not as kept: made again
				}
				*j.into, *j.ok = &f, true
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	for i := range heads {
		if !oks[i][0] || !oks[i][1] {
			missing = append(missing, i)
			out[i].Latest, out[i].Previous = nil, nil
		}
	}
	return out, missing, heads, want, nil
}
