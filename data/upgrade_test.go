package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// turnedRows are the rows migration 0006 rewrites, one string each, sorted.
func turnedRows(t *testing.T, db *sql.DB) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		"SELECT 'answer', assessment_id, item_id, rating FROM answers",
		"SELECT 'vote ' || participant_id, assessment_id, item_id, rating FROM votes",
		"SELECT 'observation', assessment_id, item_id, rating FROM observations",
		"SELECT 'revealed', assessment_id, item_id, 0 FROM revealed_items",
		"SELECT 'edit ' || status, assessment_id, recommendation_id, priority FROM recommendation_edits",
	} {
		rows, err := db.Query(q)
		must(t, err)
		for rows.Next() {
			var kind, aid, id string
			var r int
			must(t, rows.Scan(&kind, &aid, &id, &r))
			out = append(out, fmt.Sprintf("%s %s %s %d", kind, aid, id, r))
		}
		must(t, rows.Err())
		rows.Close()
	}
	slices.Sort(out)
	return out
}

// A database written under checklists 2026.1 holds the signs against the
// role on the scale that ran from "holds fully" to "absent", under the
// items' .v1 ids. Migration 0006 converts every answer, vote, observation,
// reveal and edit of them once, exactly as assessment.UpgradeAnswer does,
// and the assessment then scores and decides as the 2026.1 Trainscope did.
// The pre-state is made from the newest schema taken back by hand, so the
// test needs no fixture of the version before.
func TestMigrationTurnsTheOldScaleRound(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{Summarize: countingSummary})
	must(t, err)
	_, sampleID, err := s.AddSample(ctx, day(2026, 5, 14))
	must(t, err)
	sample, err := s.Assessment(ctx, sampleID)
	must(t, err)
	d := assessment.Assessment{TrainID: sample.TrainID, Date: day(2026, 6, 29), PI: "PI 2026.3", ChecklistVersion: sample.ChecklistVersion}
	must(t, s.CreateAssessment(ctx, &d))
	draft := d.ID
	fixtureWorkshop(t, s)
	// Votes of every kind on the turned-round items, an observation, a
	// reveal, and the coach's edit of a recommendation one of them derived.
	for i, r := range []assessment.Rating{1, 5, assessment.DontKnow} {
		p := []string{"fixture-p-ana", "fixture-p-bo", "fixture-p-cy"}[i]
		must(t, s.CastVote(ctx, draft, assessment.Vote{ParticipantID: p, ItemID: "fit.few-teams.v2", Rating: r}))
		must(t, s.CastVote(ctx, draft, assessment.Vote{ParticipantID: p, ItemID: "fit.independent-teams.v2", Rating: []assessment.Rating{2, 4, assessment.NotApplicable}[i]}))
	}
	must(t, s.SetObservation(ctx, draft, "fit.team-scrum-weak.v2", 4))
	must(t, s.RevealItem(ctx, draft, "fit.few-teams.v2"))
	must(t, s.SetRecommendationEdit(ctx, draft, "RV-02/fit.status-reporting-risk.v2", assessment.RecommendationEdit{Status: assessment.Accepted, Priority: assessment.Medium}))
	want := turnedRows(t, s.db)
	a, err := s.Assessment(ctx, sampleID)
	must(t, err)
	tr, err := s.Train(ctx, a.TrainID)
	must(t, err)
	must(t, s.Close())

	// Back to schema version 5 and the 2026.1 scale.
	raw, err := sql.Open("sqlite3", path)
	must(t, err)
	for old, new := range assessment.TurnedRound() {
		for _, table := range []string{"answers", "votes", "observations"} {
			_, err := raw.Exec(`UPDATE `+table+` SET item_id = ?, rating = CASE WHEN rating BETWEEN 1 AND 5 THEN 6 - rating ELSE rating END WHERE item_id = ?`, old, new)
			must(t, err)
		}
		_, err := raw.Exec(`UPDATE revealed_items SET item_id = ? WHERE item_id = ?`, old, new)
		must(t, err)
		_, err = raw.Exec(`UPDATE recommendation_edits SET recommendation_id = replace(recommendation_id, ?, ?)`, "/"+new, "/"+old)
		must(t, err)
	}
	_, err = raw.Exec("ALTER TABLE recommendation_edits DROP COLUMN reason")
	must(t, err)
	// Schema version 9's import journal goes, 8's escalation of an edit
	// too, and 7's kept facts and their triggers.
	_, err = raw.Exec("DROP TABLE import_journal; DROP TABLE imports; DROP INDEX rosters_by_train")
	must(t, err)
	_, err = raw.Exec("ALTER TABLE recommendation_edits DROP COLUMN escalation")
	must(t, err)
	_, err = raw.Exec("DROP TABLE portfolio_facts")
	must(t, err)
	triggers, err := raw.Query("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'portfolio_facts_%'")
	must(t, err)
	var drop []string
	for triggers.Next() {
		var name string
		must(t, triggers.Scan(&name))
		drop = append(drop, "DROP TRIGGER "+name)
	}
	triggers.Close()
	_, err = raw.Exec(strings.Join(drop, ";"))
	must(t, err)
	_, err = raw.Exec("PRAGMA user_version = 5")
	must(t, err)
	old := turnedRows(t, raw)
	must(t, raw.Close())
	if slices.Equal(old, want) || !strings.Contains(strings.Join(old, "\n"), "fit.few-teams.v1") {
		t.Fatal("the pre-state holds no old-scale rows")
	}
	// Every old row converts as UpgradeAnswer says.
	for _, row := range old {
		f := strings.Fields(row)
		var r int
		fmt.Sscan(f[len(f)-1], &r)
		id := f[len(f)-2]
		var up string
		if strings.HasPrefix(row, "edit") {
			up = strings.Join(append(f[:len(f)-2:len(f)-2], assessment.UpgradeRecommendationID(id), f[len(f)-1]), " ")
		} else {
			nid, nr := assessment.UpgradeAnswer(id, assessment.Rating(r))
			up = strings.Join(append(f[:len(f)-2:len(f)-2], nid, fmt.Sprint(int(nr))), " ")
		}
		if !slices.Contains(want, up) {
			t.Errorf("%q upgrades to %q, which the database before did not hold", row, up)
		}
	}

	s, err = Open(path, Options{Summarize: countingSummary})
	must(t, err)
	defer s.Close()
	if got := turnedRows(t, s.db); !slices.Equal(got, want) {
		t.Errorf("after migration 0006:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	after, err := s.Assessment(ctx, sampleID)
	must(t, err)
	defs := definitions(t)
	r := assessment.Evaluate(defs, tr, after)
	// The figures the 2026.1 Trainscope gave the sample assessment.
	fit, _ := r.Checklist(assessment.ChecklistFit)
	if math.Abs(fit.Score.Value-70.8333) > 1e-3 || math.Abs(r.Overall.Value-40.4119) > 1e-3 || r.Verdict.Kind != assessment.RecommendedConditions ||
		r.Verdict.Headline != "The train needs its RTE: keep the role, and change how it is held." {
		t.Errorf("after the upgrade: fit %.4f, overall %.4f, verdict %s %q", fit.Score.Value, r.Overall.Value, r.Verdict.Kind, r.Verdict.Headline)
	}
	if before := assessment.Evaluate(defs, tr, a); before.Overall != r.Overall || before.Verdict.Headline != r.Verdict.Headline {
		t.Errorf("scores moved: %+v before, %+v after", before.Overall, r.Overall)
	}
}

// A bundle written before checklists 2026.2 imports converted: the same
// train, answers and edits as the bundle of today, once.
func TestOldBundleImportsConverted(t *testing.T) {
	ctx := context.Background()
	src := sampleStore(t)
	fresh := exportBytes(t, src)
	var b Bundle
	must(t, json.Unmarshal(fresh, &b))
	turned := assessment.TurnedRound()
	back := map[string]string{}
	for o, n := range turned {
		back[n] = o
	}
	olds := 0
	for ti := range b.Trains {
		for ai := range b.Trains[ti].Assessments {
			ba := &b.Trains[ti].Assessments[ai]
			for i, bn := range ba.Answers {
				if o, ok := back[bn.Item]; ok {
					ba.Answers[i].Item = o
					if bn.Rating >= 1 {
						ba.Answers[i].Rating = 6 - bn.Rating
					}
					olds++
				}
			}
			if !slices.ContainsFunc(ba.RecommendationEdits, func(e BundleEdit) bool { return e.Recommendation == "RV-02/fit.status-reporting-risk.v2" }) {
				ba.RecommendationEdits = append(ba.RecommendationEdits, BundleEdit{Recommendation: "RV-02/fit.status-reporting-risk.v1", Status: "accepted"})
			}
		}
	}
	if olds == 0 {
		t.Fatal("the sample has no answer to a turned-round item")
	}
	oldJSON, err := json.Marshal(b)
	must(t, err)
	dst := openTemp(t, Options{Summarize: countingSummary})
	_, err = dst.Import(ctx, strings.NewReader(string(oldJSON)))
	must(t, err)
	got := exportBytes(t, dst)
	if strings.Contains(string(got), ".v1\"") && strings.Contains(string(got), "fit.few-teams.v1") {
		t.Error("an old id survived the import")
	}
	if !strings.Contains(string(got), `"recommendation": "RV-02/fit.status-reporting-risk.v2"`) {
		t.Error("the edit of a recommendation under an old item id was not carried over")
	}
	// Importing what was converted again changes nothing.
	_, err = dst.Import(ctx, strings.NewReader(string(got)))
	must(t, err)
	if again := exportBytes(t, dst); string(again) != string(got) {
		t.Error("a second import of the converted bundle changed it")
	}
	var conv Bundle
	must(t, json.Unmarshal(got, &conv))
	for _, ba := range conv.Trains[0].Assessments {
		for _, bn := range ba.Answers {
			if bn.Item == "fit.status-reporting-risk.v2" && bn.Rating != 4 {
				t.Errorf("status reporting %d, want 4 (it was 2 = largely holds on the old scale)", bn.Rating)
			}
		}
	}
}

// A participant's response file written with the old ids and scale merges
// as votes on the new items, turned round.
func TestOldResponseFileConverts(t *testing.T) {
	ctx := context.Background()
	s, a, _ := workshopStore(t)
	file, err := json.Marshal(response("Gus", "fit.independent-teams.v1", 1, "fit.few-teams.v1", 4, "fit.team-scrum-weak.v1", -2, "fit.shared-product.v1", 5))
	must(t, err)
	_, err = s.ImportResponses(ctx, a.ID, map[string][]byte{"gus.json": file})
	must(t, err)
	w := loaded(t, s, a.ID).Workshop
	got := map[string]assessment.Rating{}
	for _, v := range w.Votes {
		got[v.ItemID] = v.Rating
	}
	want := map[string]assessment.Rating{"fit.independent-teams.v2": 5, "fit.few-teams.v2": 2, "fit.team-scrum-weak.v2": assessment.DontKnow, "fit.shared-product.v1": 5}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("votes %v, want %v", got, want)
	}
}
