package data

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// A train's stamp moves with every change to it or its assessments, and
// only then; FollowedUpOf reads what FollowedUp does, for the trains asked.
func TestTrainStampsAndFollowedUpOf(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	_, idA, err := s.AddSample(ctx, day(2026, 4, 20))
	must(t, err)
	_, _, err = s.AddSample(ctx, day(2026, 4, 20))
	must(t, err)
	a, err := s.Assessment(ctx, idA)
	must(t, err)
	trainA := a.TrainID
	stamps := func() map[string]string {
		t.Helper()
		st, err := s.TrainStamps(ctx)
		must(t, err)
		if len(st) != 2 {
			t.Fatalf("stamps of %d trains, want 2", len(st))
		}
		return st
	}
	before := stamps()
	if _, err := s.Trains(ctx); err != nil {
		t.Fatal(err)
	}
	if again := stamps(); !reflect.DeepEqual(again, before) {
		t.Fatalf("reading moved the stamps: %v, then %v", before, again)
	}
	changes := []struct {
		what string
		do   func() error
	}{
		{"reopen", func() error { return s.ReopenAssessment(ctx, idA) }},
		{"answer", func() error {
			ans := a.Answers[sortedKeys(a.Answers)[0]]
			ans.Rating++
			return s.SetAnswer(ctx, idA, ans)
		}},
		{"roster", func() error {
			r, err := s.Roster(ctx, trainA)
			must(t, err)
			r.People = append(r.People, assessment.Person{ID: NewID(), Name: "New Person"})
			return s.SaveRoster(ctx, trainA, r)
		}},
		{"delete", func() error { return s.DeleteAssessment(ctx, idA) }},
	}
	for _, c := range changes {
		must(t, c.do())
		after := stamps()
		for id, st := range after {
			if moved := st != before[id]; moved != (id == trainA) {
				t.Errorf("after the %s, train %s's stamp moved: %v", c.what, id, moved)
			}
		}
		before = after
	}

	all, err := s.FollowedUp(ctx)
	must(t, err)
	var other string
	for id := range before {
		if id != trainA {
			other = id
		}
	}
	some, err := s.FollowedUpOf(ctx, []string{other})
	must(t, err)
	if len(some) != 1 || !reflect.DeepEqual(some[other], all[other]) {
		t.Errorf("FollowedUpOf(%s) read %d trains, want that one as FollowedUp reads it", other, len(some))
	}
}

// TestRecentAssessmentsWalkTheUpdateIndex: the assessments changed last
// are read from the newest end of the index on updated_at, never by
// sorting every assessment (see recentSQL).
func TestRecentAssessmentsWalkTheUpdateIndex(t *testing.T) {
	s := openTemp(t, Options{})
	ctx := context.Background()
	for range 3 {
		if _, _, err := s.AddSample(ctx, day(2026, 4, 20)); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+recentSQL, 12)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	all := strings.Join(plan, "; ")
	if !strings.Contains(all, "SCAN a USING INDEX assessments_by_update") || strings.Contains(all, "TEMP B-TREE FOR ORDER BY") {
		t.Errorf("the recent assessments' plan is %q, want a walk of assessments_by_update", all)
	}
}
