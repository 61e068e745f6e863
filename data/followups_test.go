package data

import (
	"context"
	"encoding/csv"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// TestFollowUpsStored: the follow-ups an assessment starts with are kept
// with it, word for word; the coach's state, note, drop reason and override
// are saved at once; a dropped one needs a reason; a finished assessment
// keeps them as they were.
func TestFollowUpsStored(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	train := assessment.Train{Name: "Loop", Framework: assessment.SAFe}
	must(t, s.CreateTrain(ctx, &train))
	fus := []assessment.FollowUp{
		{RecommendationID: "RG-03/system-architect", Rule: "RG-03", Finding: "Nobody holds the System Architect role.", Action: "Name one.",
			Acceptance: "Named by the end of the next PI.", Owner: assessment.OwnerLACE, Escalation: assessment.LevelART, TargetPI: "PI 2026.2",
			RaisedPI: "PI 2026.1", Check: &assessment.Check{Kind: "no-gap", Rule: "RG-03", Subject: "system-architect"}},
		{RecommendationID: "coach/1", Finding: "Fund a test environment — für alle Teams 🚂", Owner: assessment.OwnerBusinessOwners, TargetPI: "PI 2026.2", RaisedPI: "PI 2026.1"},
	}
	a := assessment.Assessment{TrainID: train.ID, Date: day(2026, 6, 1), PI: "PI 2026.2", ChecklistVersion: "2026.1", FollowUps: fus}
	must(t, s.CreateAssessment(ctx, &a))
	got, err := s.Assessment(ctx, a.ID)
	must(t, err)
	if !reflect.DeepEqual(got.FollowUps, fus) {
		t.Fatalf("follow-ups stored as\n%+v\nwant\n%+v", got.FollowUps, fus)
	}

	done := fus[0]
	done.State, done.Note, done.NoteDate = assessment.FollowUpInProgress, "Two candidates interviewed.", day(2026, 5, 20)
	must(t, s.SetFollowUp(ctx, a.ID, done))
	dropped := fus[1]
	dropped.State = assessment.FollowUpDropped
	if err := s.SetFollowUp(ctx, a.ID, dropped); err == nil || !strings.Contains(err.Error(), "needs a reason") {
		t.Errorf("dropped without a reason: %v", err)
	}
	dropped.Reason = "The environment came with the cloud move."
	must(t, s.SetFollowUp(ctx, a.ID, dropped))
	if err := s.SetFollowUp(ctx, a.ID, assessment.FollowUp{RecommendationID: "RF-09/none"}); err == nil {
		t.Error("a follow-up the assessment does not have was saved")
	}
	got, err = s.Assessment(ctx, a.ID)
	must(t, err)
	if g := got.FollowUps[0]; g.State != assessment.FollowUpInProgress || g.Note != done.Note || !g.NoteDate.Equal(done.NoteDate) || g.Finding != fus[0].Finding {
		t.Errorf("first follow-up saved as %+v", g)
	}
	if g := got.FollowUps[1]; g.State != assessment.FollowUpDropped || g.Reason != dropped.Reason {
		t.Errorf("second follow-up saved as %+v", g)
	}

	must(t, s.FinishAssessment(ctx, a.ID))
	if err := s.SetFollowUp(ctx, a.ID, done); !errors.Is(err, ErrFinal) {
		t.Errorf("follow-up of a finished assessment: %v, want ErrFinal", err)
	}
}

// TestNewAssessmentFollowsUpTheLast: starting a new assessment on the
// sample train brings last PI's agreed recommendations along as follow-ups,
// with the criteria the data can decide read against the new one.
func TestNewAssessmentFollowsUpTheLast(t *testing.T) {
	ctx := context.Background()
	s, defs, a := afterSample(t)
	got, err := s.Assessment(ctx, a.ID)
	must(t, err)
	if len(got.FollowUps) == 0 {
		t.Fatal("the new assessment has no follow-ups")
	}
	train, err := s.Train(ctx, a.TrainID)
	must(t, err)
	r := assessment.Evaluate(defs, train, got)
	var ids []string
	decided := 0
	for _, fr := range r.FollowUps {
		ids = append(ids, fr.RecommendationID)
		if fr.Met != nil {
			decided++
		}
	}
	for _, want := range []string{"RG-03/system-architect", "RG-08/sample-p-sofia", "coach/shared-test-environment"} {
		if !strings.Contains(strings.Join(ids, " "), want) {
			t.Errorf("no follow-up %s among %v", want, ids)
		}
	}
	if strings.Contains(strings.Join(ids, " "), "RI-01/imp.psw-root-cause.v1") {
		t.Error("a rejected recommendation came along")
	}
	if decided == 0 || decided == len(r.FollowUps) {
		t.Errorf("%d of %d follow-ups decided by the data; want some, not all (the coach's own stays with the coach)", decided, len(r.FollowUps))
	}
}

// TestFollowUpsTravelInBundles: follow-ups, with the coach's word on them,
// go out in the bundle and come back the same.
func TestFollowUpsTravelInBundles(t *testing.T) {
	ctx := context.Background()
	a, defs, next := afterSample(t)
	fu := next.FollowUps[0]
	fu.State, fu.Reason = assessment.FollowUpDropped, "Replaced by the platform team's plan."
	must(t, a.SetFollowUp(ctx, next.ID, fu))
	want, err := a.Assessment(ctx, next.ID)
	must(t, err)

	exported := exportBytes(t, a)
	if !strings.Contains(string(exported), `"follow_ups"`) || !strings.Contains(string(exported), "Replaced by the platform team") {
		t.Fatal("the bundle has no follow-ups")
	}
	b := openTemp(t, Options{Summarize: countingSummary, Definitions: defs})
	_, err = b.Import(ctx, strings.NewReader(string(exported)))
	must(t, err)
	got, err := b.Assessment(ctx, next.ID)
	must(t, err)
	if !reflect.DeepEqual(got.FollowUps, want.FollowUps) {
		t.Errorf("follow-ups after the round trip:\n%+v\nwant\n%+v", got.FollowUps, want.FollowUps)
	}
	bad := strings.Replace(string(exported), `"state": "dropped"`, `"state": "forgotten"`, 1)
	if _, err := b.Import(ctx, strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), `.state: "forgotten" is not one of`) {
		t.Errorf("a bundle with an unknown follow-up state: %v", err)
	}
}

// TestFollowUpsInCSV: a follow-up row per follow-up, with the coach's state
// and what the data says.
func TestFollowUpsInCSV(t *testing.T) {
	ctx := context.Background()
	s, defs, next := afterSample(t)
	var buf strings.Builder
	must(t, s.ExportCSV(ctx, &buf, defs, nil))
	rows, err := csv.NewReader(strings.NewReader(buf.String())).ReadAll()
	must(t, err)
	header := rows[0]
	col := func(name string) int { return slices.Index(header, name) }
	n := 0
	for _, r := range rows[1:] {
		if r[col("row")] != "follow-up" || r[col("assessment_id")] != next.ID {
			continue // the sample's own assessments follow up their PIs too
		}
		n++
		if r[col("rating")] == "" {
			t.Errorf("follow-up row %v", r)
		}
		if r[col("id")] == "RG-03/system-architect" && (r[col("rating_label")] != "not met" || r[col("source")] != "data" || !strings.Contains(r[col("evidence")], "System Architect")) {
			t.Errorf("RG-03 follow-up row %v", r)
		}
	}
	if n != len(next.FollowUps) {
		t.Errorf("%d follow-up rows for %d follow-ups", n, len(next.FollowUps))
	}
}

// afterSample is a store with the sample train and a new assessment of it,
// started the day after, which came with the sample's agreed
// recommendations as follow-ups.
func afterSample(t testing.TB) (*Store, *assessment.Definitions, assessment.Assessment) {
	t.Helper()
	ctx := context.Background()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(t, err)
	s := openTemp(t, Options{Summarize: countingSummary, Definitions: defs})
	_, prevID, err := s.AddSample(ctx, day(2026, 3, 1))
	must(t, err)
	prev, err := s.Assessment(ctx, prevID)
	must(t, err)
	next := assessment.Assessment{TrainID: prev.TrainID, Date: day(2026, 5, 20), PI: assessment.NextPI(prev.PI, 1), ChecklistVersion: defs.Version}
	must(t, s.CreateAssessment(ctx, &next))
	return s, defs, next
}

// TestFollowedUp: for each train, its latest finished assessment and the
// newest after it, oldest first; older ones and trains with no finished
// assessment are left out.
func TestFollowedUp(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	mk := func(train *assessment.Train, d time.Time, pi string, finish bool) string {
		t.Helper()
		a := assessment.Assessment{TrainID: train.ID, Date: d, PI: pi, ChecklistVersion: "2026.1"}
		must(t, s.CreateAssessment(ctx, &a))
		if finish {
			must(t, s.FinishAssessment(ctx, a.ID))
		}
		return a.ID
	}
	var trains [3]assessment.Train
	for i, n := range []string{"Followed", "Finished only", "Drafts only"} {
		trains[i] = assessment.Train{Name: n, Framework: assessment.SAFe}
		must(t, s.CreateTrain(ctx, &trains[i]))
	}
	mk(&trains[0], day(2026, 1, 10), "PI 2026.1", true)
	f2 := mk(&trains[0], day(2026, 3, 20), "PI 2026.2", true)
	d3 := mk(&trains[0], day(2026, 6, 1), "PI 2026.3", false)
	mk(&trains[1], day(2026, 1, 10), "PI 2026.1", false)
	f1 := mk(&trains[1], day(2026, 3, 20), "PI 2026.2", true)
	mk(&trains[2], day(2026, 3, 20), "PI 2026.2", false)

	got, err := s.FollowedUp(ctx)
	must(t, err)
	ids := func(as []*assessment.Assessment) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	if g := ids(got[trains[0].ID]); !slices.Equal(g, []string{f2, d3}) {
		t.Errorf("followed train: %v, want %v", g, []string{f2, d3})
	}
	if g := ids(got[trains[1].ID]); !slices.Equal(g, []string{f1}) {
		t.Errorf("finished-only train: %v, want %v", g, []string{f1})
	}
	if _, ok := got[trains[2].ID]; ok || len(got) != 2 {
		t.Errorf("%d trains read: %v", len(got), got)
	}
}
