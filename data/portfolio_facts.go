package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"runtime"
	"slices"
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
// evaluated with d, factsBatch trains at a time, each batch in one write
// that reads its trains, evaluates them and keeps their facts for the next
// read, so nothing can change between what is evaluated and what is kept.
// When a write fails (a full disk, a file that may not be written) the facts are
// made as PortfolioTrains and assessment.EvaluateTrains would, and not kept:
// the portfolio shows the same either way.
func (s *Store) PortfolioFacts(ctx context.Context, group string, d *assessment.Definitions) ([]assessment.EvaluatedTrain, error) {
	rules := factsRules(d, s.opts.SummaryRules)
	var out []assessment.EvaluatedTrain
	var missing []int
	err := s.read(ctx, "read portfolio", func(q querier) error {
		var err error
		out, missing, err = keptFacts(ctx, q, group, rules)
		return err
	})
	if err != nil || len(missing) == 0 {
		return out, err
	}
	// The trains missing a fact are made factsBatch at a time, each batch
	// in a write of its own. After new rules every train's facts are made
	// again, and in one write, at 500 trains, that held every train's two
	// newest assessments in memory (400 MB of heap) and kept the coach's
	// saves waiting for all of it, 1.1 s (issue 18). A batch reads its
	// trains again inside its write, so what it keeps is what the database
	// holds then: a train changed since the first read is made as it is now.
	gone := map[int]bool{}
	later := false
	for batch := range slices.Chunk(missing, factsBatch) {
		err := s.commitBatch(ctx, later, "keep the portfolio's facts", func(tx *sql.Tx) error {
			ids := make([]string, len(batch))
			at := map[string]int{}
			for k, i := range batch {
				ids[k], at[out[i].Train.ID] = out[i].Train.ID, i
			}
			in, args := inList(ids)
			heads, want, err := trainHeads(ctx, tx, "WHERE t.id IN "+in, args)
			if err != nil {
				return err
			}
			for k := range heads {
				heads[k].Coaches = out[at[heads[k].Train.ID]].Coaches
			}
			if err := loadFinished(ctx, tx, heads, want); err != nil {
				return err
			}
			found := map[int]bool{}
			for _, made := range assessment.EvaluateTrains(d, heads) {
				i := at[made.Train.ID]
				out[i], found[i] = made, true
				for _, f := range []*assessment.AssessmentFacts{made.Latest, made.Previous} {
					if f == nil {
						continue
					}
					b, err := json.Marshal(f)
					if err != nil {
						continue // not a fact JSON can hold (a figure out of range): made again next time
					}
					if _, err := tx.ExecContext(ctx, `INSERT INTO portfolio_facts (assessment_id, train_id, rules, facts) VALUES (?, ?, ?, ?)
						ON CONFLICT (assessment_id) DO UPDATE SET train_id = excluded.train_id, rules = excluded.rules, facts = excluded.facts`,
						f.AssessmentID, made.Train.ID, rules, string(b)); err != nil {
						return err
					}
				}
			}
			for _, i := range batch {
				if !found[i] {
					gone[i] = true // deleted since the first read
				}
			}
			return nil
		})
		later = true
		if err != nil {
			trains, err := s.PortfolioTrains(ctx, group)
			if err != nil {
				return nil, err
			}
			return assessment.EvaluateTrains(d, trains), nil
		}
	}
	if len(gone) > 0 {
		kept := out[:0]
		for i, t := range out {
			if !gone[i] {
				kept = append(kept, t)
			}
		}
		out = kept
	}
	return out, nil
}

// factsBatch is how many trains' facts PortfolioFacts makes in one write
// (a variable for tests): about 50 ms of work on these 2 cores.
var factsBatch = 20

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
// Latest and Previous left nil).
func keptFacts(ctx context.Context, q querier, group, rules string) (out []assessment.EvaluatedTrain, missing []int, err error) {
	heads, want, err := portfolioHeads(ctx, q, group)
	if err != nil {
		return nil, nil, err
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
		return nil, nil, err
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
	return out, missing, nil
}
