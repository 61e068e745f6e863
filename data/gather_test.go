package data

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// exportAs is a bundle of every train, as the coach named makes it.
func exportAs(t testing.TB, s *Store, coach string) []byte {
	t.Helper()
	b, err := s.Export(context.Background(), nil)
	must(t, err)
	b.ExportedBy = coach
	var buf bytes.Buffer
	_, err = b.WriteTo(&buf)
	must(t, err)
	return buf.Bytes()
}

func importBytes(t testing.TB, s *Store, data []byte) ImportReport {
	t.Helper()
	rep, err := s.Import(context.Background(), bytes.NewReader(data))
	must(t, err)
	return rep
}

// The same train changed by two coaches at once: one moves it into a group
// and adds someone to the roster, the other adds an impediment; both
// change the same draft. At the LACE neither change is lost and the
// report says what happened; importing either bundle again changes
// nothing.
func TestGatherTwoCoachesChangedTheSameTrain(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)
	clk := withClock(t, now)
	ana := sampleStore(t)
	first := exportAs(t, ana, "Ana")
	lace := openTemp(t, Options{Summarize: countingSummary})
	bo := openTemp(t, Options{Summarize: countingSummary})
	importBytes(t, lace, first)
	importBytes(t, bo, first)
	trains, err := ana.Trains(ctx)
	must(t, err)
	train, draft := trains[0].Train, trains[0].Latest.ID

	// Bo, a minute later: the group, a new person, an answer on the draft.
	clk.Add(time.Minute)
	tr, err := bo.Train(ctx, train.ID)
	must(t, err)
	tr.Group = "Payments value stream"
	must(t, bo.UpdateTrain(ctx, tr))
	roster, err := bo.Roster(ctx, train.ID)
	must(t, err)
	newcomer := assessment.Person{ID: "p-newcomer", Name: "Zoë Ångström"}
	roster.People = append(roster.People, newcomer)
	must(t, bo.SaveRoster(ctx, train.ID, roster))
	must(t, bo.SetAnswer(ctx, draft, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: 4}))

	// Ana, another minute later: an impediment, another answer on the draft.
	clk.Add(time.Minute)
	imp := assessment.Impediment{ID: "imp-ana", Title: "Test rig shared with three trains", Level: assessment.LevelART,
		Status: assessment.StatusOpen, Raised: day(2026, 6, 30)}
	must(t, ana.SaveImpediment(ctx, train.ID, &imp))
	must(t, ana.SetAnswer(ctx, draft, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: 2, Note: "two products really"}))

	fromBo, fromAna := exportAs(t, bo, "Bo"), exportAs(t, ana, "Ana")
	rep := importBytes(t, lace, fromBo)
	if len(rep.Updated) != 2 {
		t.Fatalf("Bo's bundle, made from what the LACE has, should update the train and the draft:\n%s", rep)
	}
	rep = importBytes(t, lace, fromAna)
	if len(rep.Merged) != 1 || len(rep.Conflicts) != 1 {
		t.Fatalf("Ana's bundle should merge the train and keep her draft as a conflict copy:\n%s", rep)
	}
	text := rep.String()
	for _, want := range []string{"1 merged", "1 kept as a conflict copy", "changes of both are kept", "Ana's copy is kept beside it"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not say %q:\n%s", want, text)
		}
	}

	// The train has Bo's group and newcomer and Ana's impediment.
	got, err := lace.Train(ctx, train.ID)
	must(t, err)
	if got.Group != "Payments value stream" {
		t.Errorf("group %q: Bo's change is lost", got.Group)
	}
	live, err := lace.Roster(ctx, train.ID)
	must(t, err)
	if !slices.ContainsFunc(live.People, func(p assessment.Person) bool { return p == newcomer }) {
		t.Error("Bo's newcomer is lost")
	}
	reg, err := lace.Register(ctx, train.ID)
	must(t, err)
	if !slices.ContainsFunc(reg, func(i assessment.Impediment) bool { return i.ID == "imp-ana" }) {
		t.Error("Ana's impediment is lost")
	}
	// Both drafts are there: Bo's under its id, Ana's as a conflict copy.
	all, err := lace.Assessments(ctx, train.ID)
	must(t, err)
	ratings := map[assessment.Rating]string{}
	for _, a := range all {
		if ans, ok := a.Answers["fit.shared-product.v1"]; ok && a.PI == "PI 2026.3" {
			ratings[ans.Rating] = a.ID
		}
	}
	if ratings[4] != draft || ratings[2] == "" || ratings[2] == draft {
		t.Fatalf("the two drafts at the LACE: %v (want Bo's 4 under %s and Ana's 2 as a copy)", ratings, draft)
	}
	if c := rep.Conflicts[0]; c.ID != ratings[2] {
		t.Errorf("the report names copy %s, the copy is %s", c.ID, ratings[2])
	}
	var of, coach string
	must(t, lace.db.QueryRow("SELECT conflict_of, conflict_coach FROM assessments WHERE id = ?", ratings[2]).Scan(&of, &coach))
	if of != draft || coach != "Ana" {
		t.Errorf("the copy records conflict_of %q, coach %q", of, coach)
	}
	// The train knows both coaches.
	pts, err := lace.PortfolioTrains(ctx, "")
	must(t, err)
	if len(pts) != 1 || !slices.Contains(pts[0].Coaches, "Ana") || !slices.Contains(pts[0].Coaches, "Bo") {
		t.Errorf("coaches of the train: %+v", pts)
	}

	// Again, either bundle: nothing new.
	before := dbState(t, lace)
	for name, b := range map[string][]byte{"Bo": fromBo, "Ana": fromAna} {
		rep := importBytes(t, lace, b)
		if len(rep.Added)+len(rep.Updated)+len(rep.Merged)+len(rep.Conflicts) != 0 {
			t.Errorf("%s's bundle again:\n%s", name, rep)
		}
	}
	if dbState(t, lace) != before {
		t.Error("importing the same bundles again changed the database")
	}

	// Ana goes on from her copy; her next bundle updates the conflict copy,
	// not Bo's draft, and makes no second copy.
	clk.Add(time.Minute)
	must(t, ana.SetAnswer(ctx, draft, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: 3}))
	rep = importBytes(t, lace, exportAs(t, ana, "Ana"))
	if len(rep.Conflicts) != 0 || !strings.Contains(rep.String(), "newer copy of the conflict copy") {
		t.Fatalf("Ana's next bundle:\n%s", rep)
	}
	a, err := lace.Assessment(ctx, ratings[2])
	must(t, err)
	if a.Answers["fit.shared-product.v1"].Rating != 3 {
		t.Error("the conflict copy did not take Ana's next change")
	}
}

// When both coaches changed the same field, the later change is kept and
// the report says what the other copy had.
func TestGatherSameFieldChangedTwice(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)
	clk := withClock(t, now)
	ana := sampleStore(t)
	first := exportAs(t, ana, "Ana")
	lace := openTemp(t, Options{Summarize: countingSummary})
	importBytes(t, lace, first)
	trains, err := lace.Trains(ctx)
	must(t, err)
	tr := trains[0].Train
	clk.Add(time.Minute)
	tr.Group = "Retail"
	must(t, lace.UpdateTrain(ctx, tr))
	clk.Add(time.Minute)
	tr.Group = "Payments"
	must(t, ana.UpdateTrain(ctx, tr))
	rep := importBytes(t, lace, exportAs(t, ana, "Ana"))
	if len(rep.Merged) != 1 || !strings.Contains(rep.String(), `group: kept "Payments" (changed later in the bundle), here it was "Retail"`) {
		t.Fatalf("report:\n%s", rep)
	}
	got, err := lace.Train(ctx, tr.ID)
	must(t, err)
	if got.Group != "Payments" {
		t.Errorf("group %q", got.Group)
	}
	groups, err := lace.Groups(ctx)
	must(t, err)
	if !slices.Equal(groups, []string{"Payments"}) {
		t.Errorf("groups %q", groups)
	}
}

// A folder of coaches' exports: bundles are imported each on its own, a
// broken one is refused without stopping the others, a response file and
// other JSON are skipped, and sub-folders and other files are not read.
func TestImportManyFolder(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		must(t, os.WriteFile(filepath.Join(dir, name), data, 0o600))
	}
	ana := sampleStore(t)
	bo := openTemp(t, Options{Summarize: countingSummary})
	addTrain(t, bo, "Logistics 物流")
	write("b-bo.json", exportAs(t, bo, "Bo"))
	write("a-ana.json", exportAs(t, ana, "Ana"))
	write("c-broken.json", []byte(`{"format": "trainscope-bundle", "version": 1, "trains": [{"id": "x"}]}`))
	write("d-response.json", []byte(`{"format": "trainscope-response", "version": 1}`))
	write("e-other.json", []byte(`{"hello": "world"}`))
	write("notes.txt", []byte("not json"))
	must(t, os.Mkdir(filepath.Join(dir, "old"), 0o700))
	must(t, os.WriteFile(filepath.Join(dir, "old", "x.json"), []byte("{"), 0o600))

	lace := openTemp(t, Options{Summarize: countingSummary})
	rep, err := lace.ImportMany(ctx, []string{dir, filepath.Join(dir, "missing.json")})
	must(t, err)
	var names []string
	for _, f := range rep.Files {
		names = append(names, filepath.Base(f.Path))
	}
	if want := []string{"a-ana.json", "b-bo.json", "c-broken.json", "d-response.json", "e-other.json", "missing.json"}; !slices.Equal(names, want) {
		t.Fatalf("files read %q, want %q", names, want)
	}
	if rep.Refused() != 2 || rep.Files[2].Err == nil || rep.Files[5].Err == nil || rep.Files[3].Skipped == "" || rep.Files[4].Skipped == "" {
		t.Fatalf("verdicts:\n%s", rep)
	}
	text := rep.String()
	for _, want := range []string{"6 files read: 2 imported, 2 refused, 2 skipped.", fmt.Sprintf("2 trains added, 0 updated, 0 merged; %d assessments added, 0 updated, 0 kept as a conflict copy.", sampleFinished()+1),
		"c-broken.json: refused, nothing of it was imported: trains[0].name", "workshop response file", "missing.json: refused, nothing of it was imported: there is no such file"} {
		if !strings.Contains(text, want) {
			t.Errorf("the merge report does not say %q:\n%s", want, text)
		}
	}
	trains, err := lace.Trains(ctx)
	must(t, err)
	if len(trains) != 2 {
		t.Fatalf("%d trains after the gather", len(trains))
	}
	pts, err := lace.PortfolioTrains(ctx, "")
	must(t, err)
	for _, p := range pts {
		if strings.HasPrefix(p.Train.Name, "Logistics") && !slices.Equal(p.Coaches, []string{"Bo"}) {
			t.Errorf("the coaches of %s: %q", p.Train.Name, p.Coaches)
		}
	}
}
