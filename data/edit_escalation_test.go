package data

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// escalationStore holds one draft assessment with the coach's escalation
// of one derived recommendation to the LACE.
func escalationStore(t *testing.T) (*Store, string) {
	t.Helper()
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	train := assessment.Train{Name: "Payments", Framework: assessment.SAFe}
	must(t, s.CreateTrain(ctx, &train))
	a := assessment.Assessment{TrainID: train.ID, Date: day(2026, 3, 1), PI: "PI 2026.1", ChecklistVersion: "2026.1"}
	must(t, s.CreateAssessment(ctx, &a))
	must(t, s.SetRecommendationEdit(ctx, a.ID, "RI-01/fit.a", assessment.RecommendationEdit{Escalation: assessment.LevelLACE}))
	must(t, s.SetRecommendationEdit(ctx, a.ID, "RI-01/fit.b", assessment.RecommendationEdit{Status: assessment.Accepted, Priority: assessment.High}))
	return s, a.ID
}

// The store keeps an edit's escalation with its other fields, refuses a
// level the ladder does not have with the field named (and so does the
// table's CHECK, whatever writes to it), and an edit back to the derived
// level and nothing else leaves no edit.
func TestRecommendationEditEscalationStored(t *testing.T) {
	ctx := context.Background()
	s, aid := escalationStore(t)
	got, err := s.Assessment(ctx, aid)
	must(t, err)
	if e := got.Review.Edits["RI-01/fit.a"]; e != (assessment.RecommendationEdit{Escalation: assessment.LevelLACE}) {
		t.Errorf("stored edit %+v, want escalation lace", e)
	}
	if e := got.Review.Edits["RI-01/fit.b"]; e.Escalation != "" || e.Priority != assessment.High {
		t.Errorf("an edit without escalation reads back as %+v", e)
	}

	err = s.SetRecommendationEdit(ctx, aid, "RI-01/fit.a", assessment.RecommendationEdit{Escalation: "board"})
	if err == nil || !strings.Contains(err.Error(), `edit.escalation: unknown level "board"`) {
		t.Errorf("an unknown level: %v", err)
	}
	err = s.SetRecommendationEdits(ctx, aid, map[string]assessment.RecommendationEdit{"RI-01/fit.a": {Escalation: "LACE"}})
	if err == nil || !strings.Contains(err.Error(), `edit["RI-01/fit.a"].escalation: unknown level "LACE"`) {
		t.Errorf("an unknown level in a group: %v", err)
	}
	if _, err := s.db.ExecContext(ctx, "UPDATE recommendation_edits SET escalation = 'board'"); err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Errorf("the table took an unknown level: %v", err)
	}
	got, err = s.Assessment(ctx, aid)
	must(t, err)
	if e := got.Review.Edits["RI-01/fit.a"]; e.Escalation != assessment.LevelLACE {
		t.Errorf("a refused level changed the edit: %+v", e)
	}

	must(t, s.SetRecommendationEdit(ctx, aid, "RI-01/fit.a", assessment.RecommendationEdit{Escalation: assessment.LevelTeam}))
	got, err = s.Assessment(ctx, aid)
	must(t, err)
	if e := got.Review.Edits["RI-01/fit.a"]; e.Escalation != assessment.LevelTeam {
		t.Errorf("changed to team, reads %+v", e)
	}
	must(t, s.SetRecommendationEdit(ctx, aid, "RI-01/fit.a", assessment.RecommendationEdit{}))
	var n int
	must(t, s.db.QueryRowContext(ctx, "SELECT count(*) FROM recommendation_edits WHERE recommendation_id = 'RI-01/fit.a'").Scan(&n))
	if n != 0 {
		t.Errorf("an edit back to the derived level left %d rows", n)
	}

	// The portfolio's decisions keep no level: one is refused, not dropped.
	err = s.SetPortfolioDecision(ctx, "", "portfolio.flow", assessment.RecommendationEdit{Status: assessment.Accepted, Escalation: assessment.LevelART})
	if err == nil || !strings.Contains(err.Error(), "keeps no escalation level") {
		t.Errorf("a portfolio decision with a level: %v", err)
	}
}

// Both exporters write the edit's escalation, and the bundle carries it
// into another store, the same bytes out again; an edit without one
// writes no key.
func TestBundleCarriesEditEscalation(t *testing.T) {
	ctx := context.Background()
	s, aid := escalationStore(t)
	exported := exportBytes(t, s)
	var streamed bytes.Buffer
	_, err := s.ExportTo(ctx, &streamed, "", nil)
	must(t, err)
	for name, b := range map[string][]byte{"Export": exported, "ExportTo": streamed.Bytes()} {
		var bd Bundle
		must(t, json.Unmarshal(b, &bd))
		edits := bd.Trains[0].Assessments[0].RecommendationEdits
		if len(edits) != 2 || edits[0].Recommendation != "RI-01/fit.a" || edits[0].Escalation != "lace" || edits[1].Escalation != "" {
			t.Errorf("%s wrote the edits %+v", name, edits)
		}
	}
	if c := bytes.Count(exported, []byte(`"escalation": "lace"`)); c != 1 {
		t.Errorf("the export says escalation lace %d times", c)
	}
	if bytes.Contains(exported, []byte(`"escalation": ""`)) {
		t.Error("an edit without escalation wrote an empty one")
	}

	other := openTemp(t, Options{Summarize: countingSummary})
	importBytes(t, other, exported)
	got, err := other.Assessment(ctx, aid)
	must(t, err)
	if e := got.Review.Edits["RI-01/fit.a"]; e.Escalation != assessment.LevelLACE {
		t.Errorf("imported edit %+v, want escalation lace", e)
	}
	if again := exportBytes(t, other); !bytes.Equal(again, exported) {
		t.Errorf("export → import → export differs:\n%s\n---\n%s", exported, again)
	}
}

// An edit in a bundle may name a level, may leave it out (bundles written
// before the field), and one the ladder does not have is refused, with its
// place in the file, and nothing imported.
func TestImportEditEscalation(t *testing.T) {
	ctx := context.Background()
	const aid = "22222222-2222-4222-8222-222222222222"
	withEdit := func(edit map[string]any) []byte {
		return encode(set(validBundle(), []any{edit}, "trains", 0, "assessments", 0, "recommendation_edits"))
	}
	for _, c := range []struct {
		name string
		edit map[string]any
		want assessment.RecommendationEdit
	}{
		{"a level", map[string]any{"recommendation": "RI-01/fit.a", "escalation": "art"}, assessment.RecommendationEdit{Escalation: assessment.LevelART}},
		{"none, as before schema version 8", map[string]any{"recommendation": "RI-01/fit.a", "status": "accepted", "finding": "", "action": "",
			"acceptance": "", "owner": "", "target_pi": "", "priority": 1}, assessment.RecommendationEdit{Status: assessment.Accepted, Priority: assessment.High}},
		{"empty", map[string]any{"recommendation": "RI-01/fit.a", "escalation": "", "priority": 3}, assessment.RecommendationEdit{Priority: assessment.Low}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t, Options{Summarize: countingSummary})
			importBytes(t, s, withEdit(c.edit))
			got, err := s.Assessment(ctx, aid)
			must(t, err)
			if e := got.Review.Edits["RI-01/fit.a"]; e != c.want {
				t.Errorf("imported %+v, want %+v", e, c.want)
			}
		})
	}
	for _, c := range []struct {
		name  string
		level any
		want  string
	}{
		{"unknown", "board", `trains[0].assessments[0].recommendation_edits[0].escalation: unknown level "board"`},
		{"a title, not a level", "LACE", `trains[0].assessments[0].recommendation_edits[0].escalation: unknown level "LACE"`},
		{"a number", 3, `trains[0].assessments[0].recommendation_edits[0].escalation: expected a string`},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t, Options{Summarize: countingSummary})
			_, err := s.Import(ctx, bytes.NewReader(withEdit(map[string]any{"recommendation": "RI-01/fit.a", "escalation": c.level})))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("import: %v, want %s", err, c.want)
			}
			trains, err := s.Trains(ctx)
			must(t, err)
			if len(trains) != 0 {
				t.Errorf("a refused bundle imported %d trains", len(trains))
			}
		})
	}
}
