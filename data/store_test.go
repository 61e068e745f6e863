package data

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// countingSummary stands in for assessment.Summarize in store tests: its
// score is the number of rated answers, so a test sees at once whether the
// stored summary followed a change.
func countingSummary(a *assessment.Assessment, t assessment.Train) assessment.Summary {
	n := 0
	for _, ans := range a.Answers {
		if ans.Rating.Rated() {
			n++
		}
	}
	return assessment.Summary{Score: float64(n), Known: n > 0, Level: len(a.Roster.Teams), LevelName: t.Name, Verdict: assessment.Undecided}
}

func openTemp(t testing.TB, opts Options) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "trainscope.db"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func testRoster() assessment.Roster {
	return assessment.Roster{
		People: []assessment.Person{
			{ID: "p-ana", Name: "Ana Lima"},
			{ID: "p-bo", Name: "Bo Ek", Contractor: true},
			{ID: "p-cy", Name: "Cyrille Ørsted"},
		},
		Roles: []assessment.RoleAssignment{
			{Role: assessment.RoleFacilitator, PersonID: "p-ana"},
			{Role: assessment.RoleSystemArchitect}, // vacant
		},
		Teams: []assessment.Team{
			{ID: "t-1", Name: "Falcon", ScrumMasterID: "p-ana", ProductOwnerID: "p-bo", DeveloperIDs: []string{"p-cy", "p-bo"}, Skills: []string{"Testing"}},
			{ID: "t-2", Name: "Heron", DeveloperIDs: []string{"p-cy"}},
		},
		ValueStreamMap: true,
		RequiredSkills: []string{"Testing", "UI/UX"},
	}
}

func TestStoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})

	train := assessment.Train{Name: "Payments", Framework: assessment.SAFe, Description: "eight teams"}
	must(t, s.CreateTrain(ctx, &train))
	if train.ID == "" || train.CreatedAt.IsZero() {
		t.Fatalf("CreateTrain did not fill ID and CreatedAt: %+v", train)
	}
	got, err := s.Train(ctx, train.ID)
	must(t, err)
	if got.Name != train.Name || got.Framework != train.Framework || !got.CreatedAt.Equal(train.CreatedAt) {
		t.Fatalf("Train = %+v, want %+v", got, train)
	}
	train.Name = "Payments ART"
	must(t, s.UpdateTrain(ctx, train))

	roster := testRoster()
	must(t, s.SaveRoster(ctx, train.ID, roster))
	gotRoster, err := s.Roster(ctx, train.ID)
	must(t, err)
	if !reflect.DeepEqual(gotRoster, roster) {
		t.Fatalf("Roster:\n got %+v\nwant %+v", gotRoster, roster)
	}

	imp := assessment.Impediment{Title: "Test environment down", Level: assessment.LevelART, TeamID: "t-1", Owner: "Ana",
		Status: assessment.StatusOpen, ROAM: assessment.ROAMOwned, Raised: day(2026, 1, 5), Escalated: true}
	must(t, s.SaveImpediment(ctx, train.ID, &imp))
	imp2 := assessment.Impediment{Title: "No shared DoD", Level: assessment.LevelTeam, Status: assessment.StatusResolved,
		Raised: day(2026, 1, 2), Resolved: day(2026, 2, 1), RecurrenceOf: imp.ID}
	must(t, s.SaveImpediment(ctx, train.ID, &imp2))
	imp.Owner = "Bo" // an update keeps its place
	must(t, s.SaveImpediment(ctx, train.ID, &imp))
	reg, err := s.Register(ctx, train.ID)
	must(t, err)
	if want := []assessment.Impediment{imp, imp2}; !reflect.DeepEqual(reg, want) {
		t.Fatalf("Register:\n got %+v\nwant %+v", reg, want)
	}

	a := assessment.Assessment{TrainID: train.ID, Date: day(2026, 3, 1), PI: "PI 2026.1", Assessor: "Coach", ChecklistVersion: "2026.1"}
	must(t, s.CreateAssessment(ctx, &a))
	if a.ID == "" || a.Status != assessment.Draft || len(a.Roster.Teams) != 2 {
		t.Fatalf("CreateAssessment: %+v", a)
	}
	fig := 12.5
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: "fit.shared-goal.v1", Rating: 4, Note: "heard twice", Evidence: "board photo"}))
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: "eff.impediment-age.v1", Rating: 2, Figure: &fig}))
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: "roles.x.v1", Rating: assessment.NotApplicable}))
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: "roles.y.v1", Rating: 3}))
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: "roles.y.v1"})) // clears it
	must(t, s.SetChecklistNote(ctx, a.ID, assessment.ChecklistFit, "Interviews in week 3"))
	must(t, s.SetRecommendationEdit(ctx, a.ID, "RG-03/system-architect", assessment.RecommendationEdit{Status: assessment.Accepted, Priority: assessment.High}))
	rec := assessment.Recommendation{Finding: "No sync", Action: "Start a Coach Sync", Owner: assessment.OwnerFacilitator,
		Evidence: []assessment.Evidence{{Kind: assessment.EvidenceAnswer, Ref: "fit.shared-goal.v1", Text: "rated 4"}}}
	must(t, s.AddRecommendation(ctx, a.ID, &rec))
	if rec.ID == "" || !rec.ByCoach || rec.Status != assessment.Proposed || rec.Priority != assessment.Medium {
		t.Fatalf("AddRecommendation did not fill defaults: %+v", rec)
	}
	a.PIWeeks = 12
	a.Assessor = "Coach Ö"
	must(t, s.UpdateAssessmentHeader(ctx, &a))

	want := a
	want.Answers = map[string]assessment.Answer{
		"fit.shared-goal.v1":    {ItemID: "fit.shared-goal.v1", Rating: 4, Note: "heard twice", Evidence: "board photo"},
		"eff.impediment-age.v1": {ItemID: "eff.impediment-age.v1", Rating: 2, Figure: &fig},
		"roles.x.v1":            {ItemID: "roles.x.v1", Rating: assessment.NotApplicable},
	}
	want.Notes = map[string]string{assessment.ChecklistFit: "Interviews in week 3"}
	want.Review = assessment.Review{
		Edits: map[string]assessment.RecommendationEdit{"RG-03/system-architect": {Status: assessment.Accepted, Priority: assessment.High}},
		Added: []assessment.Recommendation{rec},
	}
	want.Register = []assessment.Impediment{imp, imp2}
	gotA, err := s.Assessment(ctx, a.ID)
	must(t, err)
	if !reflect.DeepEqual(*gotA, want) {
		t.Fatalf("Assessment:\n got %+v\nwant %+v", *gotA, want)
	}

	// The stored summary followed every change.
	trains, err := s.Trains(ctx)
	must(t, err)
	if len(trains) != 1 || trains[0].Assessments != 1 || trains[0].Latest == nil || trains[0].Latest.Summary.Score != 2 ||
		trains[0].Latest.Summary.LevelName != "Payments ART" || trains[0].Latest.Assessor != "Coach Ö" {
		t.Fatalf("Trains = %+v (latest %+v)", trains, trains[0].Latest)
	}

	// A draft follows the live roster, and its summary with it.
	roster.Teams = roster.Teams[:1]
	must(t, s.SaveRoster(ctx, train.ID, roster))
	gotA, err = s.Assessment(ctx, a.ID)
	must(t, err)
	if len(gotA.Roster.Teams) != 1 {
		t.Fatalf("draft does not follow the live roster: %d teams", len(gotA.Roster.Teams))
	}
	if r, _ := s.RecentAssessments(ctx, 5); len(r) != 1 || r[0].Summary.Level != 1 {
		t.Fatalf("summary not refreshed after roster change: %+v", r)
	}

	// Finishing freezes the roster and register; the assessment is read-only.
	must(t, s.FinishAssessment(ctx, a.ID))
	must(t, s.FinishAssessment(ctx, a.ID)) // twice is harmless
	must(t, s.SaveRoster(ctx, train.ID, testRoster()))
	must(t, s.DeleteImpediment(ctx, train.ID, imp2.ID))
	gotA, err = s.Assessment(ctx, a.ID)
	must(t, err)
	if gotA.Status != assessment.Final || len(gotA.Roster.Teams) != 1 || len(gotA.Register) != 2 {
		t.Fatalf("finished assessment changed with the train: status %s, %d teams, %d impediments", gotA.Status, len(gotA.Roster.Teams), len(gotA.Register))
	}
	for name, err := range map[string]error{
		"SetAnswer":              s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: "x", Rating: 1}),
		"SetChecklistNote":       s.SetChecklistNote(ctx, a.ID, assessment.ChecklistFit, "x"),
		"SetRecommendationEdit":  s.SetRecommendationEdit(ctx, a.ID, "r", assessment.RecommendationEdit{Finding: "x"}),
		"AddRecommendation":      s.AddRecommendation(ctx, a.ID, &assessment.Recommendation{Action: "x"}),
		"DeleteRecommendation":   s.DeleteRecommendation(ctx, a.ID, rec.ID),
		"UpdateAssessmentHeader": s.UpdateAssessmentHeader(ctx, gotA),
	} {
		if !errors.Is(err, ErrFinal) {
			t.Errorf("%s on a finished assessment: %v, want ErrFinal", name, err)
		}
	}

	// Reopening allows edits but keeps the snapshot.
	must(t, s.ReopenAssessment(ctx, a.ID))
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: "roles.y.v1", Rating: 5}))
	gotA, err = s.Assessment(ctx, a.ID)
	must(t, err)
	if gotA.Status != assessment.Draft || len(gotA.Roster.Teams) != 1 || gotA.Answers["roles.y.v1"].Rating != 5 {
		t.Fatalf("reopened: status %s, %d teams, answers %v", gotA.Status, len(gotA.Roster.Teams), gotA.Answers)
	}
	must(t, s.FinishAssessment(ctx, a.ID))

	// A new assessment starts from the roster the train has now.
	b := assessment.Assessment{TrainID: train.ID, Date: day(2026, 5, 10), PI: "PI 2026.2"}
	must(t, s.CreateAssessment(ctx, &b))
	all, err := s.Assessments(ctx, train.ID)
	must(t, err)
	if len(all) != 2 || all[0].ID != a.ID || all[1].ID != b.ID || len(all[1].Roster.Teams) != 2 {
		t.Fatalf("Assessments: %d, want a then b with the live roster", len(all))
	}

	must(t, s.DeleteAssessment(ctx, b.ID))
	must(t, s.ReopenAssessment(ctx, a.ID))
	must(t, s.DeleteRecommendation(ctx, a.ID, rec.ID))
	if err := s.DeleteRecommendation(ctx, a.ID, "RG-03/system-architect"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting a derived recommendation: %v, want ErrNotFound", err)
	}
	must(t, s.DeleteTrain(ctx, train.ID))
	if _, err := s.Assessment(ctx, a.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("assessment of a deleted train: %v", err)
	}
	if _, err := s.Train(ctx, train.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted train: %v", err)
	}
	var n int
	must(t, s.db.QueryRow("SELECT (SELECT count(*) FROM rosters) + (SELECT count(*) FROM people) + (SELECT count(*) FROM answers) + (SELECT count(*) FROM impediments)").Scan(&n))
	if n != 0 {
		t.Fatalf("%d rows left after deleting the only train", n)
	}
}

func TestNotFound(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	checks := map[string]error{
		"UpdateTrain":      s.UpdateTrain(ctx, assessment.Train{ID: "nope", Name: "x"}),
		"DeleteTrain":      s.DeleteTrain(ctx, "nope"),
		"SaveRoster":       s.SaveRoster(ctx, "nope", assessment.Roster{}),
		"SaveImpediment":   s.SaveImpediment(ctx, "nope", &assessment.Impediment{Title: "x", Level: "team", Status: "open"}),
		"CreateAssessment": s.CreateAssessment(ctx, &assessment.Assessment{TrainID: "nope"}),
		"SetAnswer":        s.SetAnswer(ctx, "nope", assessment.Answer{ItemID: "x", Rating: 1}),
		"FinishAssessment": s.FinishAssessment(ctx, "nope"),
		"ReopenAssessment": s.ReopenAssessment(ctx, "nope"),
		"DeleteAssessment": s.DeleteAssessment(ctx, "nope"),
		"StartWorkshop":    s.StartWorkshop(ctx, "nope", false),
		"AddParticipant":   s.AddParticipant(ctx, "nope", &assessment.Participant{Name: "x"}),
		"CastVote":         s.CastVote(ctx, "nope", assessment.Vote{ParticipantID: "p", ItemID: "x", Rating: 1}),
		"RevealItem":       s.RevealItem(ctx, "nope", "x"),
		"SetObservation":   s.SetObservation(ctx, "nope", "x", 1),
	}
	_, checks["Train"] = s.Train(ctx, "nope")
	_, checks["Roster"] = s.Roster(ctx, "nope")
	_, checks["Register"] = s.Register(ctx, "nope")
	_, checks["Assessment"] = s.Assessment(ctx, "nope")
	_, checks["Assessments"] = s.Assessments(ctx, "nope")
	for name, err := range checks {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: %v, want ErrNotFound", name, err)
		}
	}
}

func TestRosterValidation(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	train := assessment.Train{Name: "T"}
	must(t, s.CreateTrain(ctx, &train))
	r := testRoster()
	r.Teams[1].ScrumMasterID = "p-ghost"
	err := s.SaveRoster(ctx, train.ID, r)
	if err == nil || err.Error() != `save roster: roster.teams[1].scrum_master: unknown person "p-ghost"` {
		t.Fatalf("SaveRoster with a dangling Scrum Master: %v", err)
	}
}

func TestAddSample(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	on := day(2026, 4, 20)
	name, id, err := s.AddSample(ctx, on)
	must(t, err)
	_, roster, register, history := assessment.SampleHistory(on)
	got, err := s.Assessment(ctx, id)
	must(t, err)
	// Every finished assessment of the history is stored, oldest first, with
	// its own date, PI, roster, register and follow-ups; the id returned is
	// the latest's.
	all, err := s.Assessments(ctx, got.TrainID)
	must(t, err)
	if len(all) != len(history) || len(history) != 3 || all[len(all)-1].ID != id {
		t.Fatalf("%d assessments stored of a history of %d; latest %s, returned %s", len(all), len(history), all[len(all)-1].ID, id)
	}
	for i, want := range history {
		want.ID, want.TrainID = all[i].ID, all[i].TrainID
		if !reflect.DeepEqual(*all[i], want) {
			t.Errorf("sample assessment %d (%s):\n got %+v\nwant %+v", i, want.PI, *all[i], want)
		}
	}
	if reflect.DeepEqual(all[0].Roster, all[2].Roster) || reflect.DeepEqual(all[0].Register, all[2].Register) {
		t.Error("the earliest assessment keeps the same roster and register as the latest, not those of its date")
	}
	if len(all[0].FollowUps) != 0 || len(all[1].FollowUps) == 0 || len(all[2].FollowUps) == 0 {
		t.Errorf("follow-ups per assessment: %d, %d, %d", len(all[0].FollowUps), len(all[1].FollowUps), len(all[2].FollowUps))
	}
	live, err := s.Roster(ctx, got.TrainID)
	must(t, err)
	reg, err := s.Register(ctx, got.TrainID)
	must(t, err)
	if !reflect.DeepEqual(live, roster) || !reflect.DeepEqual(reg, register) {
		t.Fatal("sample train's live roster or register differs from assessment.Sample")
	}
	trains, err := s.Trains(ctx)
	must(t, err)
	if len(trains) != 1 || trains[0].Train.Name != name || trains[0].Latest.Summary.Score == 0 {
		t.Fatalf("Trains after AddSample: %+v", trains)
	}
}

// TestRecentAssessmentsOfTheSample: the sample's history is stored in one
// write, so its assessments share their change time; the most recent work is
// still its latest PI, every time, not one picked by its random id.
func TestRecentAssessmentsOfTheSample(t *testing.T) {
	ctx := context.Background()
	for range 8 {
		s := openTemp(t, Options{Summarize: countingSummary})
		_, latest, err := s.AddSample(ctx, time.Date(2026, 5, 21, 0, 0, 0, 0, time.UTC))
		must(t, err)
		recent, err := s.RecentAssessments(ctx, 1)
		must(t, err)
		if len(recent) != 1 || recent[0].ID != latest {
			t.Fatalf("the most recent assessment is %+v, not the sample's latest %s", recent, latest)
		}
	}
}
