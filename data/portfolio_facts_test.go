package data

import (
	"bytes"
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// freshFacts is what the portfolio of the store's trains is, evaluated now.
func freshFacts(t *testing.T, s *Store, defs *assessment.Definitions) []assessment.EvaluatedTrain {
	t.Helper()
	trains, err := s.PortfolioTrains(context.Background(), "")
	must(t, err)
	return assessment.EvaluateTrains(defs, trains)
}

// spoilKeptFacts changes every kept fact's PI behind the store's back, so
// a read that shows it read the kept facts, and one that does not made
// them again.
func spoilKeptFacts(t *testing.T, s *Store) int {
	t.Helper()
	res, err := s.db.Exec("UPDATE portfolio_facts SET facts = json_set(facts, '$.pi', 'kept')")
	must(t, err)
	n, err := res.RowsAffected()
	must(t, err)
	return int(n)
}

func pis(trains []assessment.EvaluatedTrain) []string {
	var out []string
	for _, t := range trains {
		for _, f := range []*assessment.AssessmentFacts{t.Latest, t.Previous} {
			if f != nil {
				out = append(out, f.PI)
			}
		}
	}
	return out
}

// TestPortfolioFactsKept: the first read makes the facts of each train's
// two newest finished assessments and keeps them; the next read reads the
// kept ones; any change to a train (whichever way it comes: the train's
// fields, a reopen, a finish, the roster, the register, the review, an
// import) drops that train's facts, and so does a change of rules, so a
// read always shows what evaluating the assessments now gives.
func TestPortfolioFactsKept(t *testing.T) {
	ctx := context.Background()
	s, defs, next := afterSample(t) // the sample's finished assessments, and the next PI's draft
	other := addTrain(t, s, "Ops")
	other.Group = "Platform"
	must(t, s.UpdateTrain(ctx, other))

	got, err := s.PortfolioFacts(ctx, "", defs)
	must(t, err)
	if want := freshFacts(t, s, defs); !reflect.DeepEqual(got, want) {
		t.Fatalf("first read: the facts differ from the assessments evaluated now:\n%v\n%v", pis(got), pis(want))
	}
	sample := func(trains []assessment.EvaluatedTrain) assessment.EvaluatedTrain {
		for _, tr := range trains {
			if tr.Train.ID == next.TrainID {
				return tr
			}
		}
		t.Fatalf("no sample train in %d trains", len(trains))
		return assessment.EvaluatedTrain{}
	}
	if len(got) != 2 || sample(got).Latest == nil || sample(got).Previous == nil {
		t.Fatalf("first read: %d trains, the sample's facts %v", len(got), pis(got))
	}
	if n := spoilKeptFacts(t, s); n != 2 {
		t.Fatalf("%d facts kept, want the sample train's 2", n)
	}
	again, err := s.PortfolioFacts(ctx, "", defs)
	must(t, err)
	if p := pis(again); !reflect.DeepEqual(p, []string{"kept", "kept"}) {
		t.Fatalf("second read: PIs %v, want the kept facts", p)
	}
	grouped, err := s.PortfolioFacts(ctx, "Platform", defs)
	must(t, err)
	if len(grouped) != 1 || grouped[0].Train.ID != other.ID || grouped[0].Latest != nil {
		t.Fatalf("the Platform group: %+v", grouped)
	}

	train := next.TrainID
	latestID := sample(got).Latest.AssessmentID
	bundle := exportBytes(t, s)
	changes := []struct {
		name   string
		change func() error
	}{
		{"the train's framework", func() error {
			tr, err := s.Train(ctx, train)
			if err != nil {
				return err
			}
			tr.Framework = assessment.ScrumAtScale
			return s.UpdateTrain(ctx, tr)
		}},
		{"the live roster", func() error {
			r, err := s.Roster(ctx, train)
			if err != nil {
				return err
			}
			r.Roles = r.Roles[1:]
			return s.SaveRoster(ctx, train, r)
		}},
		{"an impediment", func() error {
			reg, err := s.Register(ctx, train)
			if err != nil {
				return err
			}
			imp := reg[0]
			imp.Level = assessment.LevelLACE
			return s.SaveImpediment(ctx, train, &imp)
		}},
		{"a finish", func() error {
			must(t, s.SetAnswer(ctx, next.ID, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: 3}))
			return s.FinishAssessment(ctx, next.ID)
		}},
		{"a reopen", func() error { return s.ReopenAssessment(ctx, next.ID) }},
		{"an answer after the reopen, and a finish", func() error {
			must(t, s.SetAnswer(ctx, next.ID, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: 1}))
			return s.FinishAssessment(ctx, next.ID)
		}},
		{"an import of the train as it was", func() error {
			_, err := s.Import(ctx, bytes.NewReader(bundle))
			return err
		}},
	}
	for _, c := range changes {
		_, err := s.PortfolioFacts(ctx, "", defs) // kept again
		must(t, err)
		if spoilKeptFacts(t, s) == 0 {
			t.Fatalf("before %s: no facts kept", c.name)
		}
		if err := c.change(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, err := s.PortfolioFacts(ctx, "", defs)
		must(t, err)
		if want := freshFacts(t, s, defs); !reflect.DeepEqual(got, want) {
			t.Errorf("after a change of %s: the portfolio shows facts kept from before (PIs %v, want %v)", c.name, pis(got), pis(want))
		}
	}
	if got, _ := s.PortfolioFacts(ctx, "", defs); sample(got).Latest.AssessmentID == latestID {
		t.Errorf("the finished next PI is not the train's latest")
	}

	// Other rules: the kept facts are made again.
	_, err = s.PortfolioFacts(ctx, "", defs)
	must(t, err)
	if spoilKeptFacts(t, s) == 0 {
		t.Fatal("no facts kept")
	}
	path := s.Path()
	must(t, s.Close())
	s2, err := Open(path, Options{Summarize: countingSummary, Definitions: defs, SummaryRules: "other rules"})
	must(t, err)
	defer s2.Close()
	got, err = s2.PortfolioFacts(ctx, "", defs)
	must(t, err)
	if want := freshFacts(t, s2, defs); !reflect.DeepEqual(got, want) {
		t.Errorf("under other rules: the facts kept under the old ones are shown (PIs %v)", pis(got))
	}
}

// TestPortfolioFactsNotKeptStillShown: when the facts cannot be kept, the
// portfolio shows them all the same.
func TestPortfolioFactsNotKeptStillShown(t *testing.T) {
	ctx := context.Background()
	s, defs, _ := afterSample(t)
	_, err := s.db.Exec("CREATE TRIGGER refuse BEFORE INSERT ON portfolio_facts BEGIN SELECT RAISE(ABORT, 'disk full'); END")
	must(t, err)
	got, err := s.PortfolioFacts(ctx, "", defs)
	must(t, err)
	if want := freshFacts(t, s, defs); !reflect.DeepEqual(got, want) || len(got) != 1 || got[0].Latest == nil {
		t.Fatalf("facts not kept: %v, want %v", pis(got), pis(want))
	}
	var n int
	must(t, s.db.QueryRow("SELECT count(*) FROM portfolio_facts").Scan(&n))
	if n != 0 {
		t.Fatalf("%d facts kept", n)
	}
}

// TestEveryTableOfATrainDropsItsFacts: every table that holds a train's
// data, directly or through its rosters or assessments, drops the train's
// kept facts on every insert, update and delete; a table added later
// without its triggers fails here. The exceptions hold nothing the
// evaluation reads.
func TestEveryTableOfATrainDropsItsFacts(t *testing.T) {
	s := openTemp(t, Options{})
	notRead := map[string]string{
		"portfolio_facts":     "the facts themselves",
		"train_sources":       "the coaches, read afresh at every read",
		"train_revisions":     "a merge's ancestors",
		"import_journal":      "an import's undo journal, not the train's data",
		"portfolio_decisions": "the LACE's review, read afresh at every read",
		"workshops":           "the room: its consensus is the answers",
		"participants":        "the room",
		"votes":               "the room",
		"revealed_items":      "the room",
		"observations":        "the room",
	}
	rows, err := s.db.Query(`SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND p.name IN ('train_id', 'roster_id', 'assessment_id')`)
	must(t, err)
	tables := map[string]bool{}
	for rows.Next() {
		var table, col string
		must(t, rows.Scan(&table, &col))
		if notRead[table] == "" {
			tables[table] = true
		}
	}
	must(t, rows.Err())
	rows.Close()
	tables["trains"] = true
	for table := range tables {
		for _, ev := range []string{"INSERT", "UPDATE", "DELETE"} {
			if table == "trains" && ev != "UPDATE" {
				continue // a new train has no facts; a deleted one's go with its assessments
			}
			var n int
			must(t, s.db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?
				AND sql LIKE '%AFTER '||?||'%' AND sql LIKE '%DELETE FROM portfolio_facts%'`, table, ev).Scan(&n))
			if n == 0 {
				t.Errorf("table %s: no trigger drops the train's portfolio facts after %s", table, ev)
			}
		}
	}
	if len(tables) < 15 {
		t.Errorf("only %d tables of a train found", len(tables))
	}
}

// TestPortfolioFactsInBatches: the facts of many trains are made
// factsBatch trains at a time, each batch in a write of its own (issue 18:
// in one write the first portfolio after an upgrade held every train's
// assessments in memory and kept the coach's saves waiting for all of
// it), and the portfolio is the same as if made at once, every fact kept.
func TestPortfolioFactsInBatches(t *testing.T) {
	was := factsBatch
	factsBatch = 2
	t.Cleanup(func() { factsBatch = was })
	ctx := context.Background()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(t, err)
	s := openTemp(t, Options{Summarize: countingSummary, Definitions: defs, SummaryRules: "r1"})
	for range 5 {
		_, _, err := s.AddSample(ctx, time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC))
		must(t, err)
	}
	got, err := s.PortfolioFacts(ctx, "", defs)
	must(t, err)
	want := freshFacts(t, s, defs)
	if !reflect.DeepEqual(got, want) || len(got) != 5 {
		t.Fatalf("in batches of %d: PIs %v, want %v", factsBatch, pis(got), pis(want))
	}
	var kept, wanted int
	must(t, s.db.QueryRow("SELECT count(*) FROM portfolio_facts").Scan(&kept))
	for _, tr := range want {
		for _, f := range []*assessment.AssessmentFacts{tr.Latest, tr.Previous} {
			if f != nil {
				wanted++
			}
		}
	}
	if kept != wanted || kept == 0 {
		t.Errorf("%d facts kept, want %d", kept, wanted)
	}
	if spoilKeptFacts(t, s) != kept {
		t.Fatal("facts changed under the test")
	}
	again, err := s.PortfolioFacts(ctx, "", defs)
	must(t, err)
	for _, p := range pis(again) {
		if p != "kept" {
			t.Fatalf("the second read made facts again (PIs %v): they were not all kept", pis(again))
		}
	}
}
