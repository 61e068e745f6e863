package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

func definitions(t testing.TB) *assessment.Definitions {
	t.Helper()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(t, err)
	return defs
}

// workshopStore is a store that knows the checklists, with one train and a
// draft assessment of it.
func workshopStore(t testing.TB) (*Store, *assessment.Assessment, *assessment.Definitions) {
	t.Helper()
	ctx := context.Background()
	defs := definitions(t)
	s := openTemp(t, Options{Summarize: countingSummary, Definitions: defs})
	tr := addTrain(t, s, "Payments")
	a := assessment.Assessment{TrainID: tr.ID, Date: day(2026, 5, 4), PI: "PI 2026.2", Assessor: "Coach", ChecklistVersion: defs.Version}
	must(t, s.CreateAssessment(ctx, &a))
	return s, &a, defs
}

// room adds participants with the given names and roles, in order.
func addRoom(t testing.TB, s *Store, aid string, people ...assessment.Participant) []assessment.Participant {
	t.Helper()
	var out []assessment.Participant
	for _, p := range people {
		must(t, s.AddParticipant(context.Background(), aid, &p))
		out = append(out, p)
	}
	return out
}

func loaded(t testing.TB, s *Store, aid string) *assessment.Assessment {
	t.Helper()
	a, err := s.Assessment(context.Background(), aid)
	must(t, err)
	return a
}

// A whole round as the coach runs it: three participants vote in turn
// without seeing each other's votes, the coach reveals, the room discusses,
// the coach records the consensus and, apart from it, what they observed.
func TestWorkshopRound(t *testing.T) {
	ctx := context.Background()
	s, a, defs := workshopStore(t)
	item := defs.Checklist(assessment.ChecklistEffectiveness).Items[0]

	if loaded(t, s, a.ID).Workshop != nil {
		t.Fatal("a new assessment is no workshop")
	}
	must(t, s.StartWorkshop(ctx, a.ID, false))
	w := loaded(t, s, a.ID).Workshop
	if w == nil || w.Anonymous || len(w.Participants) != 0 {
		t.Fatalf("a started workshop: %+v", w)
	}
	room := addRoom(t, s, a.ID,
		assessment.Participant{Name: " Amara Okafor ", Role: assessment.RoleScrumMasterP},
		assessment.Participant{Name: "Bjørn Halvorsen", Role: assessment.RoleProductOwnerP},
		assessment.Participant{Name: "Chen Wei"})
	if room[0].ID == "" || room[0].Name != "Amara Okafor" || room[2].Role != assessment.RoleOtherP {
		t.Fatalf("AddParticipant did not fill the id, trim the name or default the role: %+v", room)
	}

	for i, r := range []assessment.Rating{2, 5, 2} {
		must(t, s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: room[i].ID, ItemID: item.ID, Rating: r}))
		// Between turns the screen shows who has voted, never how.
		w := loaded(t, s, a.ID).Workshop
		if _, ok := w.Spread(item.ID, len(item.Levels)); ok {
			t.Fatalf("after %d votes the spread is visible before the reveal", i+1)
		}
		voted, waiting := w.Voted(item.ID)
		if len(voted) != i+1 || len(waiting) != 2-i {
			t.Fatalf("after %d votes: voted %v, waiting %v", i+1, voted, waiting)
		}
	}
	// Bjørn changes his mind before the reveal.
	must(t, s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: room[1].ID, ItemID: item.ID, Rating: 4}))

	must(t, s.RevealItem(ctx, a.ID, item.ID))
	w = loaded(t, s, a.ID).Workshop
	sp, ok := w.Spread(item.ID, len(item.Levels))
	if !ok {
		t.Fatal("the spread is hidden after the reveal")
	}
	if want := []int{0, 2, 0, 1, 0}; !reflect.DeepEqual(sp.Counts, want) || sp.Median != 2 {
		t.Fatalf("spread %+v, want counts %v and median 2", sp, want)
	}
	if got := []string{sp.Votes[0].ParticipantID, sp.Votes[1].ParticipantID, sp.Votes[2].ParticipantID}; !reflect.DeepEqual(got, []string{room[0].ID, room[1].ID, room[2].ID}) {
		t.Errorf("votes not in voting order: %v", got)
	}
	if err := s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: room[2].ID, ItemID: item.ID, Rating: 5}); err == nil || !strings.Contains(err.Error(), "revealed") {
		t.Fatalf("a vote after the reveal: %v", err)
	}

	// Consensus, then the coach's own observation.
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: item.ID, Rating: 3, Note: "agreed after discussion"}))
	must(t, s.SetObservation(ctx, a.ID, item.ID, 2))
	got := loaded(t, s, a.ID)
	if got.Answers[item.ID].Rating != 3 || got.Workshop.Observed[item.ID] != 2 {
		t.Fatalf("consensus %v, observation %v", got.Answers[item.ID], got.Workshop.Observed)
	}
	gaps, _ := assessment.ObservationGaps(defs, got)
	if len(gaps) != 1 || gaps[0].Gap != 1 {
		t.Fatalf("observation gaps %+v: the room rates itself one level above the coach", gaps)
	}
	// The stored summary followed the consensus (countingSummary counts rated answers).
	trains, err := s.Trains(ctx)
	must(t, err)
	if trains[0].Latest.Summary.Score != 1 {
		t.Errorf("summary after the consensus: %+v", trains[0].Latest.Summary)
	}
	// Assessments fills the workshop too.
	all, err := s.Assessments(ctx, a.TrainID)
	must(t, err)
	if len(all) != 1 || !reflect.DeepEqual(all[0].Workshop, got.Workshop) {
		t.Fatalf("Assessments' workshop %+v, want %+v", all[0].Workshop, got.Workshop)
	}

	// The coach takes the observation back and starts the item afresh.
	must(t, s.SetObservation(ctx, a.ID, item.ID, assessment.Unanswered))
	must(t, s.ResetItem(ctx, a.ID, item.ID))
	w = loaded(t, s, a.ID).Workshop
	if len(w.Observed) != 0 || len(w.Votes) != 0 || w.Revealed[item.ID] {
		t.Fatalf("after taking back and resetting: %+v", w)
	}
	must(t, s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: room[2].ID, ItemID: item.ID, Rating: 5}))
}

func TestRemoveParticipantTakesTheirVotes(t *testing.T) {
	ctx := context.Background()
	s, a, defs := workshopStore(t)
	items := defs.Checklist(assessment.ChecklistFit).Items
	must(t, s.StartWorkshop(ctx, a.ID, false))
	room := addRoom(t, s, a.ID,
		assessment.Participant{Name: "Ana", Role: assessment.RoleDeveloperP},
		assessment.Participant{Name: "Bo", Role: assessment.RoleDeveloperP},
		assessment.Participant{Name: "Cy", Role: assessment.RoleDeveloperP})
	for _, p := range room {
		for _, it := range items[:2] {
			must(t, s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: p.ID, ItemID: it.ID, Rating: 3}))
		}
	}
	must(t, s.RemoveParticipant(ctx, a.ID, room[1].ID))
	w := loaded(t, s, a.ID).Workshop
	if len(w.Participants) != 2 || w.Participants[0].ID != room[0].ID || w.Participants[1].ID != room[2].ID || len(w.Votes) != 4 {
		t.Fatalf("after removing Bo: %+v", w)
	}
	for _, v := range w.Votes {
		if v.ParticipantID == room[1].ID {
			t.Fatal("Bo's votes stayed")
		}
	}
	var n int
	must(t, s.db.QueryRow("SELECT count(*) FROM votes WHERE participant_id = ?", room[1].ID).Scan(&n))
	if n != 0 {
		t.Fatalf("%d of Bo's votes left in the database", n)
	}
	// Someone added later comes last.
	late := addRoom(t, s, a.ID, assessment.Participant{Name: "Di", Role: assessment.RoleOtherP})
	if w := loaded(t, s, a.ID).Workshop; w.Participants[2].ID != late[0].ID {
		t.Fatalf("order after adding: %+v", w.Participants)
	}
	if err := s.RemoveParticipant(ctx, a.ID, room[1].ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removing Bo twice: %v, want ErrNotFound", err)
	}
}

func TestWorkshopAnonymitySetting(t *testing.T) {
	ctx := context.Background()
	s, a, _ := workshopStore(t)
	must(t, s.StartWorkshop(ctx, a.ID, true))
	if !loaded(t, s, a.ID).Workshop.Anonymous {
		t.Fatal("started anonymous, loaded named")
	}
	must(t, s.SetWorkshopAnonymous(ctx, a.ID, false))
	if loaded(t, s, a.ID).Workshop.Anonymous {
		t.Fatal("anonymity not turned off")
	}
}

// Every refused workshop change says why and leaves the database as it was.
func TestWorkshopRefusals(t *testing.T) {
	ctx := context.Background()
	s, a, defs := workshopStore(t)
	item := defs.Checklist(assessment.ChecklistFit).Items[0]
	revealed := defs.Checklist(assessment.ChecklistFit).Items[1]
	plain := assessment.Assessment{TrainID: a.TrainID, Date: day(2026, 5, 5), ChecklistVersion: defs.Version}
	must(t, s.CreateAssessment(ctx, &plain))
	finished := assessment.Assessment{TrainID: a.TrainID, Date: day(2026, 5, 6), ChecklistVersion: defs.Version}
	must(t, s.CreateAssessment(ctx, &finished))
	must(t, s.StartWorkshop(ctx, finished.ID, false))
	must(t, s.FinishAssessment(ctx, finished.ID))
	done := assessment.Assessment{TrainID: a.TrainID, Date: day(2026, 5, 7)}
	must(t, s.CreateAssessment(ctx, &done))
	must(t, s.FinishAssessment(ctx, done.ID))

	must(t, s.StartWorkshop(ctx, a.ID, false))
	room := addRoom(t, s, a.ID, assessment.Participant{Name: "Ana Lima", Role: assessment.RoleScrumMasterP})
	ana := room[0].ID
	must(t, s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: ana, ItemID: revealed.ID, Rating: 2}))
	must(t, s.RevealItem(ctx, a.ID, revealed.ID))
	vote := func(item string, r assessment.Rating) assessment.Vote {
		return assessment.Vote{ParticipantID: ana, ItemID: item, Rating: r}
	}

	cases := []struct {
		name   string
		do     func() error
		want   string
		wantIs error
	}{
		{"start twice", func() error { return s.StartWorkshop(ctx, a.ID, true) }, "already a workshop", nil},
		{"start on a finished assessment", func() error { return s.StartWorkshop(ctx, done.ID, false) }, "reopen it", ErrFinal},
		{"participant on no workshop", func() error {
			return s.AddParticipant(ctx, plain.ID, &assessment.Participant{Name: "X"})
		}, "not a workshop", ErrNoWorkshop},
		{"vote on no workshop", func() error { return s.CastVote(ctx, plain.ID, vote(item.ID, 3)) }, "not a workshop", ErrNoWorkshop},
		{"reveal on no workshop", func() error { return s.RevealItem(ctx, plain.ID, item.ID) }, "not a workshop", ErrNoWorkshop},
		{"observation on no workshop", func() error { return s.SetObservation(ctx, plain.ID, item.ID, 3) }, "not a workshop", ErrNoWorkshop},
		{"anonymity on no workshop", func() error { return s.SetWorkshopAnonymous(ctx, plain.ID, true) }, "not a workshop", ErrNoWorkshop},
		{"unknown assessment", func() error { return s.StartWorkshop(ctx, "nope", false) }, "", ErrNotFound},
		{"vote on a finished assessment", func() error { return s.CastVote(ctx, finished.ID, vote(item.ID, 3)) }, "reopen it", ErrFinal},
		{"participant on a finished assessment", func() error {
			return s.AddParticipant(ctx, finished.ID, &assessment.Participant{Name: "X"})
		}, "reopen it", ErrFinal},
		{"reveal on a finished assessment", func() error { return s.RevealItem(ctx, finished.ID, item.ID) }, "", ErrFinal},
		{"reset on a finished assessment", func() error { return s.ResetItem(ctx, finished.ID, item.ID) }, "", ErrFinal},
		{"observation on a finished assessment", func() error { return s.SetObservation(ctx, finished.ID, item.ID, 2) }, "", ErrFinal},
		{"anonymity on a finished assessment", func() error { return s.SetWorkshopAnonymous(ctx, finished.ID, true) }, "", ErrFinal},
		{"remove on a finished assessment", func() error { return s.RemoveParticipant(ctx, finished.ID, ana) }, "", ErrFinal},
		{"same name in other case", func() error {
			return s.AddParticipant(ctx, a.ID, &assessment.Participant{Name: "ana lima"})
		}, `"ana lima" is already in the workshop`, nil},
		{"same id", func() error {
			return s.AddParticipant(ctx, a.ID, &assessment.Participant{ID: ana, Name: "Other"})
		}, "already in the workshop", nil},
		{"no name", func() error { return s.AddParticipant(ctx, a.ID, &assessment.Participant{Name: "  "}) }, "needs a name", nil},
		{"unknown role", func() error {
			return s.AddParticipant(ctx, a.ID, &assessment.Participant{Name: "X", Role: "chief"})
		}, `participant.role: unknown role "chief"`, nil},
		{"remove someone not there", func() error { return s.RemoveParticipant(ctx, a.ID, "ghost") }, "ghost", ErrNotFound},
		{"vote by someone not there", func() error {
			return s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: "ghost", ItemID: item.ID, Rating: 3})
		}, `nobody with id "ghost"`, nil},
		{"vote on a revealed item", func() error { return s.CastVote(ctx, a.ID, vote(revealed.ID, 4)) }, "reset the item before Ana Lima votes again", nil},
		{"empty vote", func() error { return s.CastVote(ctx, a.ID, vote(item.ID, assessment.Unanswered)) }, "a vote needs a level", nil},
		{"vote off the scale", func() error { return s.CastVote(ctx, a.ID, vote(item.ID, 9)) }, "9 is not a rating on the scale", nil},
		{"vote on an unknown item", func() error { return s.CastVote(ctx, a.ID, vote("no.such.item", 2)) }, `item "no.such.item" is not in checklist version`, nil},
		{"vote without an item", func() error { return s.CastVote(ctx, a.ID, vote("", 2)) }, "missing id", nil},
		{"reveal an unknown item", func() error { return s.RevealItem(ctx, a.ID, "no.such.item") }, "not in checklist version", nil},
		{"reset an unknown item", func() error { return s.ResetItem(ctx, a.ID, "no.such.item") }, "not in checklist version", nil},
		{"observation off the scale", func() error { return s.SetObservation(ctx, a.ID, item.ID, 9) }, "not a rating on the scale", nil},
		{"observation below the scale", func() error { return s.SetObservation(ctx, a.ID, item.ID, -3) }, "an observation needs a level", nil},
		{"observation on an unknown item", func() error { return s.SetObservation(ctx, a.ID, "no.such.item", 2) }, "not in checklist version", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := dbState(t, s)
			err := c.do()
			if err == nil {
				t.Fatal("not refused")
			}
			if c.want != "" && !strings.Contains(err.Error(), c.want) {
				t.Errorf("message %q does not say %q", err, c.want)
			}
			if c.wantIs != nil && !errors.Is(err, c.wantIs) {
				t.Errorf("%v is not %v", err, c.wantIs)
			}
			if dbState(t, s) != before {
				t.Error("a refused change changed the database")
			}
		})
	}
}

// Without the checklists the store still applies the domain's rules and
// the database's range of ratings.
func TestWorkshopWithoutDefinitions(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{})
	tr := addTrain(t, s, "T")
	a := assessment.Assessment{TrainID: tr.ID, Date: day(2026, 5, 4)}
	must(t, s.CreateAssessment(ctx, &a))
	must(t, s.StartWorkshop(ctx, a.ID, false))
	p := addRoom(t, s, a.ID, assessment.Participant{Name: "Ana"})[0]
	must(t, s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: p.ID, ItemID: "any.item", Rating: 7}))
	must(t, s.RevealItem(ctx, a.ID, "any.item"))
	must(t, s.SetObservation(ctx, a.ID, "any.item", assessment.DontKnow))
	if err := s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: p.ID, ItemID: "other.item", Rating: 101}); err == nil {
		t.Error("a rating of 101 must be refused")
	}
	if err := s.SetObservation(ctx, a.ID, "any.item", 101); err == nil {
		t.Error("an observation of 101 must be refused")
	}
	if _, err := s.ExportResponse(ctx, a.ID, assessment.Participant{Name: "Ana"}); err == nil || !strings.Contains(err.Error(), "checklists are not loaded") {
		t.Errorf("ExportResponse without the checklists: %v", err)
	}
	if _, err := s.ImportResponses(ctx, a.ID, map[string][]byte{"a.json": nil}); err == nil || !strings.Contains(err.Error(), "checklists are not loaded") {
		t.Errorf("ImportResponses without the checklists: %v", err)
	}
}

// Deleting an assessment, or its train, takes the workshop along.
func TestDeletingTakesTheWorkshop(t *testing.T) {
	ctx := context.Background()
	for _, what := range []string{"assessment", "train"} {
		t.Run(what, func(t *testing.T) {
			s, a, _ := fullWorkshop(t, false)
			if what == "assessment" {
				must(t, s.DeleteAssessment(ctx, a.ID))
			} else {
				must(t, s.DeleteTrain(ctx, a.TrainID))
			}
			var n int
			must(t, s.db.QueryRow(`SELECT (SELECT count(*) FROM workshops) + (SELECT count(*) FROM participants) + (SELECT count(*) FROM votes)
				+ (SELECT count(*) FROM revealed_items) + (SELECT count(*) FROM observations)`).Scan(&n))
			if n != 0 {
				t.Fatalf("%d workshop rows left after deleting the %s", n, what)
			}
		})
	}
}

// The names used in workshops: none of them appears anywhere in the
// sample, so finding one in an export can only be a leak.
var workshopNames = []string{"Zephyrine Quist", "Oleander Vasquez-Moe", "Ignatius Brauer", "Thandiwe Ekwueme"}

// fullWorkshop is a draft with a workshop of four people (two Scrum
// Masters, a Product Owner, the RTE) who voted on three items, two of them
// revealed, with a consensus and observations.
func fullWorkshop(t testing.TB, anonymous bool) (*Store, *assessment.Assessment, *assessment.Definitions) {
	t.Helper()
	ctx := context.Background()
	s, a, defs := workshopStore(t)
	items := defs.Checklist(assessment.ChecklistImpediments).Items
	must(t, s.StartWorkshop(ctx, a.ID, anonymous))
	roles := []assessment.ParticipantRole{assessment.RoleScrumMasterP, assessment.RoleProductOwnerP, assessment.RoleScrumMasterP, assessment.RoleFacilitatorP}
	var room []assessment.Participant
	for i, n := range workshopNames {
		room = append(room, addRoom(t, s, a.ID, assessment.Participant{Name: n, Role: roles[i]})...)
	}
	votes := [][]assessment.Rating{{1, 5, 1, 5}, {3, 3, 4, assessment.NotApplicable}, {2, 2, 2, 2}}
	for j, row := range votes {
		for i, r := range row {
			must(t, s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: room[i].ID, ItemID: items[j].ID, Rating: r}))
		}
	}
	must(t, s.RevealItem(ctx, a.ID, items[0].ID))
	must(t, s.RevealItem(ctx, a.ID, items[1].ID))
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: items[0].ID, Rating: 3}))
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: items[1].ID, Rating: 4}))
	must(t, s.SetObservation(ctx, a.ID, items[0].ID, 1))
	must(t, s.SetObservation(ctx, a.ID, items[2].ID, assessment.DontKnow))
	return s, loaded(t, s, a.ID), defs
}

func TestWorkshopBundleRoundTrip(t *testing.T) {
	ctx := context.Background()
	for _, anonymous := range []bool{false, true} {
		name := "named"
		if anonymous {
			name = "anonymous"
		}
		t.Run(name, func(t *testing.T) {
			first, a, defs := fullWorkshop(t, anonymous)
			exported := exportBytes(t, first)
			second := openTemp(t, Options{Summarize: countingSummary, Definitions: defs})
			rep, err := second.Import(ctx, bytes.NewReader(exported))
			must(t, err)
			if len(rep.Added) != 2 {
				t.Fatalf("import:\n%s", rep)
			}
			if again := exportBytes(t, second); !bytes.Equal(again, exported) {
				t.Fatalf("export → import → export differs:\n%s\n---\n%s", exported, again)
			}
			got := loaded(t, second, a.ID)
			want := *a.Workshop
			if anonymous {
				// The other coach gets the labels, never the names.
				want.Participants = nil
				for _, p := range a.Workshop.Participants {
					p.Name = a.Workshop.DisplayName(p, assessment.SAFe)
					want.Participants = append(want.Participants, p)
				}
			}
			if !reflect.DeepEqual(*got.Workshop, want) {
				t.Fatalf("workshop after the round trip:\n got %+v\nwant %+v", *got.Workshop, want)
			}
			// The spread and the discussion order survive the trip.
			if !reflect.DeepEqual(got.Workshop.Discussion(defs), a.Workshop.Discussion(defs)) {
				t.Error("the discussion differs after the round trip")
			}
			// Importing it again at its origin changes nothing.
			before := dbState(t, first)
			rep, err = first.Import(ctx, bytes.NewReader(exported))
			must(t, err)
			if len(rep.Skipped) != 2 || dbState(t, first) != before {
				t.Fatalf("re-import at the origin:\n%s", rep)
			}
		})
	}
}

// An anonymous workshop that comes back newer from another coach keeps the
// names on this coach's machine.
func TestAnonymousWorkshopKeepsNamesAtHome(t *testing.T) {
	ctx := context.Background()
	home, a, defs := fullWorkshop(t, true)
	away := openTemp(t, Options{Summarize: countingSummary, Definitions: defs})
	// The other coach works an hour later (set before any write starts a
	// background backup that reads the clock).
	away.now = func() time.Time { return time.Now().Add(time.Hour) }
	_, err := away.Import(ctx, bytes.NewReader(exportBytes(t, home)))
	must(t, err)
	late := addRoom(t, away, a.ID, assessment.Participant{Name: "Scrum Master 7", Role: assessment.RoleDeveloperP})
	rep, err := home.Import(ctx, bytes.NewReader(exportBytes(t, away)))
	must(t, err)
	if len(rep.Updated) != 1 {
		t.Fatalf("the newer copy was not taken:\n%s", rep)
	}
	w := loaded(t, home, a.ID).Workshop
	if len(w.Participants) != 5 {
		t.Fatalf("participants at home: %+v", w.Participants)
	}
	for i, n := range workshopNames {
		if w.Participants[i].Name != n {
			t.Errorf("participant %d is called %q at home, want %q", i, w.Participants[i].Name, n)
		}
	}
	if w.Participants[4].ID != late[0].ID || w.Participants[4].Name != "Developer 1" {
		t.Errorf("the participant added away: %+v", w.Participants[4])
	}
}

// Anonymity is respected in every export: neither the bundle nor the CSV
// holds a participant's name, only their role and number.
func TestAnonymityNeverLeaksAName(t *testing.T) {
	ctx := context.Background()
	s, a, defs := fullWorkshop(t, true)
	var csvOut bytes.Buffer
	must(t, s.ExportCSV(ctx, &csvOut, defs, nil))
	exports := map[string][]byte{"bundle": exportBytes(t, s), "CSV": csvOut.Bytes()}
	b, err := s.Export(ctx, []string{a.TrainID})
	must(t, err)
	var one bytes.Buffer
	_, err = b.WriteTo(&one)
	must(t, err)
	exports["bundle of the train"] = one.Bytes()
	for what, out := range exports {
		for _, name := range workshopNames {
			for _, part := range append([]string{name}, strings.Fields(name)...) {
				if bytes.Contains(bytes.ToLower(out), bytes.ToLower([]byte(part))) {
					t.Errorf("the %s contains %q of %q", what, part, name)
				}
			}
		}
		for _, label := range []string{"Scrum Master 1", "Product Owner 1", "Scrum Master 2", "RTE 1"} {
			if !bytes.Contains(out, []byte(label)) {
				t.Errorf("the %s lacks the label %q", what, label)
			}
		}
	}
	// The names are still on the coach's machine, for the coach.
	if w := loaded(t, s, a.ID).Workshop; w.Participants[0].Name != workshopNames[0] {
		t.Fatalf("the coach's own database lost the names: %+v", w.Participants)
	}
	// With anonymity off, the names are what the exports show.
	must(t, s.SetWorkshopAnonymous(ctx, a.ID, false))
	csvOut.Reset()
	must(t, s.ExportCSV(ctx, &csvOut, defs, nil))
	for _, out := range [][]byte{exportBytes(t, s), csvOut.Bytes()} {
		if !bytes.Contains(out, []byte(workshopNames[0])) {
			t.Error("a named workshop's export lacks the names")
		}
	}
}

func TestWorkshopCSV(t *testing.T) {
	ctx := context.Background()
	s, a, defs := fullWorkshop(t, false)
	items := defs.Checklist(assessment.ChecklistImpediments).Items
	var out bytes.Buffer
	must(t, s.ExportCSV(ctx, &out, defs, nil))
	records, err := csv.NewReader(&out).ReadAll()
	must(t, err)
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
	find := func(kind, item string) [][]string {
		var rows [][]string
		for _, r := range records[1:] {
			if r[col["row"]] == kind && r[col["id"]] == item && r[col["assessment_id"]] == a.ID {
				rows = append(rows, r)
			}
		}
		return rows
	}
	split := find("answer", items[0].ID)[0]
	want := map[string]string{"rating": "3", "votes": "4", "distribution": "2 0 0 0 2", "votes_not_applicable": "0", "votes_dont_know": "0",
		"median": "3", "disagreement": "1.00", "flagged": "yes", "observed": "1", "observed_gap": "2"}
	for k, v := range want {
		if split[col[k]] != v {
			t.Errorf("split item: %s = %q, want %q", k, split[col[k]], v)
		}
	}
	// The hidden item shows how many voted, never how.
	hidden := find("answer", items[2].ID)[0]
	if hidden[col["votes"]] != "4" || hidden[col["distribution"]] != "" || hidden[col["median"]] != "" || hidden[col["observed"]] != "don't know" {
		t.Errorf("hidden item: votes %q distribution %q median %q observed %q", hidden[col["votes"]], hidden[col["distribution"]], hidden[col["median"]], hidden[col["observed"]])
	}
	if rows := find("vote", items[2].ID); len(rows) != 0 {
		t.Errorf("%d vote rows for a hidden item", len(rows))
	}
	votes := find("vote", items[1].ID)
	if len(votes) != 4 || votes[0][col["participant"]] != workshopNames[0] || votes[0][col["participant_role"]] != "Scrum Master" ||
		votes[3][col["rating"]] != "n/a" || votes[3][col["participant_role"]] != "RTE" {
		t.Errorf("vote rows of a revealed item: %v", votes)
	}
	for _, r := range records[1:] {
		if r[col["row"]] == "checklist" && r[col["id"]] == assessment.ChecklistImpediments {
			if r[col["observed"]] == "" || r[col["observed_gap"]] == "" {
				t.Errorf("the checklist row lacks the observed score and gap: %v", r)
			}
		}
	}
}

// A database of schema version 1 becomes a workshop database: its
// assessments are no workshops, and any draft can become one.
func TestMigratedV1TakesWorkshops(t *testing.T) {
	ctx := context.Background()
	src, err := os.ReadFile(filepath.Join("testdata", "schema-v1.db"))
	must(t, err)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	must(t, os.WriteFile(path, src, 0o600))
	s, err := Open(path, Options{Summarize: countingSummary, Definitions: definitions(t)})
	must(t, err)
	defer s.Close()
	trains, err := s.Trains(ctx)
	must(t, err)
	all, err := s.Assessments(ctx, trains[0].Train.ID)
	must(t, err)
	var draft *assessment.Assessment
	for _, a := range all {
		if a.Workshop != nil {
			t.Fatalf("assessment %s is a workshop after migrating", a.ID)
		}
		if a.Status == assessment.Draft {
			draft = a
		}
	}
	must(t, s.StartWorkshop(ctx, draft.ID, false))
	p := addRoom(t, s, draft.ID, assessment.Participant{Name: "Ana", Role: assessment.RoleDeveloperP})[0]
	must(t, s.CastVote(ctx, draft.ID, assessment.Vote{ParticipantID: p.ID, ItemID: "fit.shared-product.v1", Rating: 2}))
	if w := loaded(t, s, draft.ID).Workshop; w == nil || len(w.Votes) != 1 {
		t.Fatalf("workshop on the migrated draft: %+v", w)
	}
	var fk sql.NullString
	if err := s.db.QueryRow("PRAGMA foreign_key_check").Scan(&fk); err != sql.ErrNoRows {
		t.Fatalf("foreign_key_check after using the workshop: %v", err)
	}
}
