package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// newAssessment makes a database at path with one train and a draft
// assessment answered with ratings, and returns the assessment's id.
func newAssessment(t *testing.T, path string, ratings map[string]assessment.Rating) string {
	t.Helper()
	ctx := context.Background()
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tr := assessment.Train{Name: "Payments", Framework: assessment.SAFe}
	if err := s.CreateTrain(ctx, &tr); err != nil {
		t.Fatal(err)
	}
	a := assessment.Assessment{TrainID: tr.ID, Date: time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC), ChecklistVersion: "2026.1"}
	if err := s.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	for item, r := range ratings {
		if err := s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: item, Rating: r}); err != nil {
			t.Fatal(err)
		}
	}
	return a.ID
}

// Two participants answer at home and send their files; the coach merges
// both, and a file sent twice is refused with nothing changed.
func TestRespondThenResponses(t *testing.T) {
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	ana := newAssessment(t, in("ana.db"), map[string]assessment.Rating{"fit.shared-product.v1": 2, "fit.cross-team-impediments.v1": 4})
	bo := newAssessment(t, in("bo.db"), map[string]assessment.Rating{"fit.shared-product.v1": 5})
	workshop := newAssessment(t, in("coach.db"), nil)

	env := testEnv(t)
	if r := trainscope(t, env, "respond", "-db", in("ana.db"), "-assessment", ana, "-name", "Ana Lima", "-role", "Scrum Master", "-o", in("ana.json")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := trainscope(t, env, "respond", "-db", in("bo.db"), "-assessment", bo, "-name", "Bo Ek", "-role", "rte", "-o", in("bo.json")); r.code != 0 || !strings.Contains(r.stdout, "with 1 vote to "+in("bo.json")) {
		t.Fatalf("respond: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	content, err := os.ReadFile(in("ana.json"))
	if err != nil {
		t.Fatal(err)
	}
	if rf, err := data.DecodeResponse(content); err != nil || rf.Participant.Role != "scrum-master" || len(rf.Votes) != 2 {
		t.Fatalf("ana.json: %+v, %v", rf, err)
	}

	if r := trainscope(t, env, "responses", in("ana.json"), "-db", in("coach.db"), "-assessment", workshop, in("bo.json")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := trainscope(t, env, "responses", "-db", in("coach.db"), "-assessment", workshop, in("bo.json"))
	if r.code != 1 || !strings.Contains(r.stderr, "nothing was changed: "+in("bo.json")+`: participant "Bo Ek" is already in the workshop`) {
		t.Fatalf("bo.json a second time: exit %d, %q", r.code, r.stderr)
	}
	s, err := data.Open(in("coach.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.Assessment(context.Background(), workshop)
	if err != nil {
		t.Fatal(err)
	}
	if w := a.Workshop; w == nil || len(w.Participants) != 2 || len(w.Votes) != 3 || w.Participants[1].Role != assessment.RoleFacilitatorP {
		t.Fatalf("the workshop after merging: %+v", a.Workshop)
	}
}

func TestRespondRefusals(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	id := newAssessment(t, db, nil)
	env := testEnv(t)
	cases := []struct {
		args []string
		want string
		code int
	}{
		{[]string{"-db", db, "-name", "A", "-role", "other", "-o", "x.json"}, "-assessment ID", 2},
		{[]string{"-db", db, "-assessment", id, "-role", "other", "-o", "x.json"}, "-name NAME", 2},
		{[]string{"-db", db, "-assessment", id, "-name", "A", "-o", "x.json"}, "-role ROLE", 2},
		{[]string{"-db", db, "-assessment", id, "-name", "A", "-role", "chief", "-o", "x.json"}, `unknown role "chief"`, 2},
		{[]string{"-db", db, "-assessment", id, "-name", "A", "-role", "other"}, "-o FILE", 2},
		{[]string{"-db", db, "-assessment", id, "-name", "A", "-role", "other", "-o", filepath.Join(dir, "x.json")}, "no answers to send", 1},
	}
	for _, c := range cases {
		if r := trainscope(t, env, append([]string{"respond"}, c.args...)...); r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("respond %v: exit %d, %q; want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	for _, c := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"-db", db, "x.json"}, "-assessment ID", 2},
		{[]string{"-db", db, "-assessment", id}, "name the response files", 2},
		{[]string{"-db", db, "-assessment", id, filepath.Join(dir, "missing.json")}, "missing.json", 1},
		{[]string{"-db", db, "-assessment", id, db}, "nothing was changed: " + db + ": ", 1},
	} {
		if r := trainscope(t, env, append([]string{"responses"}, c.args...)...); r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("responses %v: exit %d, %q; want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	for in, want := range map[string]assessment.ParticipantRole{"Scrum Master": "scrum-master", "product-owner": "product-owner",
		"SoSM": "facilitator", "scaled  facilitator": "facilitator", "business owner": "business-owner", "OTHER": "other"} {
		if got, err := parseParticipantRole(in); err != nil || got != want {
			t.Errorf("parseParticipantRole(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
