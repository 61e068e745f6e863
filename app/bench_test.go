package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// twelveTeamTrain stores a 12-team train (the sample's eight teams and four
// more like them) with two finished assessments, the second with every
// item answered, and returns the train's and the latest assessment's IDs.
func twelveTeamTrain(tb testing.TB, store *data.Store, defs *assessment.Definitions) (string, string) {
	tb.Helper()
	ctx := context.Background()
	train, roster, register, a := assessment.Sample(testDay)
	train.Name = "Twelve-team ART"
	base := len(roster.Teams)
	for i := 0; len(roster.Teams) < 12; i++ {
		src := roster.Teams[i%base]
		team := assessment.Team{ID: fmt.Sprintf("extra-team-%d", i), Name: fmt.Sprintf("Extra %d", i+1), Skills: src.Skills}
		for j := range 8 {
			p := assessment.Person{ID: fmt.Sprintf("extra-%d-%d", i, j), Name: fmt.Sprintf("Person %d-%d", i, j)}
			roster.People = append(roster.People, p)
			switch j {
			case 0:
				team.ScrumMasterID = p.ID
			case 1:
				team.ProductOwnerID = p.ID
			default:
				team.DeveloperIDs = append(team.DeveloperIDs, p.ID)
			}
		}
		roster.Teams = append(roster.Teams, team)
	}
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(store.CreateTrain(ctx, &train))
	must(store.SaveRoster(ctx, train.ID, roster))
	for i := range register {
		must(store.SaveImpediment(ctx, train.ID, &register[i]))
	}
	first := a
	first.TrainID, first.ID = train.ID, ""
	first.Date = testDay.AddDate(0, -3, 0)
	must(store.CreateAssessment(ctx, &first))
	must(store.FinishAssessment(ctx, first.ID))
	second := a
	second.TrainID, second.ID, second.PI = train.ID, "", assessment.NextPI(a.PI, 1)
	second.Answers = map[string]assessment.Answer{}
	for _, cl := range defs.Checklists {
		for k, it := range cl.Items {
			second.Answers[it.ID] = assessment.Answer{ItemID: it.ID, Rating: assessment.Rating(1 + k%len(it.Levels))}
		}
	}
	must(store.CreateAssessment(ctx, &second))
	must(store.FinishAssessment(ctx, second.ID))
	return train.ID, second.ID
}

// BenchmarkOpenResults12Teams measures opening the results screen of a
// 12-team train: reading its assessments, evaluating this one and the one
// before, and building every section of the screen.
func BenchmarkOpenResults12Teams(b *testing.B) {
	ui, store := newTestUI(b)
	trainID, id := twelveTeamTrain(b, store, ui.defs)
	ui.openTrain(trainID)
	settle(ui)
	b.ResetTimer()
	for b.Loop() {
		ui.openResults(trainID, id)
		settle(ui)
	}
	b.StopTimer()
	rs := ui.top().(*resultsScreen)
	if len(rs.results.Recommendations) == 0 || rs.prev == nil {
		b.Fatalf("results incomplete: %d recommendations, previous %v", len(rs.results.Recommendations), rs.prev != nil)
	}
}

// BenchmarkAnswerKey12Teams measures one key press on the checklist screen
// of a 12-team train: the level chosen, every score, the level and the
// verdict computed again, the screen updated, and the answer written to the
// database and confirmed.
func BenchmarkAnswerKey12Teams(b *testing.B) {
	ui, store := newTestUI(b)
	trainID, id := twelveTeamTrain(b, store, ui.defs)
	if err := store.ReopenAssessment(context.Background(), id); err != nil {
		b.Fatal(err)
	}
	ui.openAssessment(trainID, id)
	settle(ui)
	as := ui.top().(*assessmentScreen)
	keys := []rune{'1', '2', '3', '4', '5'}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		as.picker.TypedRune(keys[i%len(keys)])
		settle(ui)
		i++
	}
	b.StopTimer()
	if !strings.HasPrefix(ui.status.Text(), "Saved") {
		b.Fatalf("status after answering: %q", ui.status.Text())
	}
}

// BenchmarkStartToHome measures building the window and showing the home
// screen's trains on the sample database, on the test driver (no GPU).
func BenchmarkStartToHome(b *testing.B) {
	defs := loadDefs(b)
	store := openStore(b, defs)
	withSample(store)
	for b.Loop() {
		a := test.NewApp()
		ui := NewUI(a, store, defs)
		ui.bg.wait()
		if len(ui.home.trains) != 1 {
			b.Fatal("home did not list the sample")
		}
		ui.bg.close()
		ui.win.Close()
	}
}

// longWorkshop stores the sample train with a draft run as a workshop at
// the end of a long day: 20 participants who have each voted on every one
// of the 68 items (1,360 votes, merged from response files as a coach
// would), half the items revealed, with a consensus and an observation on
// each revealed one. It returns the train's and the workshop's IDs.
func longWorkshop(tb testing.TB, store *data.Store, defs *assessment.Definitions) (string, string) {
	tb.Helper()
	ctx := context.Background()
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	_, sampleID, err := store.AddSample(ctx, testDay)
	must(err)
	sample, err := store.Assessment(ctx, sampleID)
	must(err)
	w := assessment.Assessment{TrainID: sample.TrainID, Date: testDay.AddDate(0, 3, 0), PI: "PI 2026.2", ChecklistVersion: defs.Version}
	must(store.CreateAssessment(ctx, &w))
	must(store.StartWorkshop(ctx, w.ID, true))
	files := map[string][]byte{}
	roles := assessment.ParticipantRoles
	for p := range 20 {
		rf := data.ResponseFile{Format: data.ResponseFormat, Version: data.ResponseVersion,
			Participant:      data.BundleParticipant{ID: data.NewID(), Name: fmt.Sprintf("Person %02d", p+1), Role: string(roles[p%len(roles)])},
			ChecklistVersion: defs.Version}
		k := p
		for _, cl := range defs.Checklists {
			for _, it := range cl.Items {
				rf.Votes = append(rf.Votes, data.ResponseVote{Item: it.ID, Rating: 1 + k%len(it.Levels)})
				k += p%3 + 1
			}
		}
		b, err := json.Marshal(rf)
		must(err)
		files[fmt.Sprintf("person-%02d.json", p+1)] = b
	}
	_, err = store.ImportResponses(ctx, w.ID, files)
	must(err)
	n := 0
	for _, cl := range defs.Checklists {
		for _, it := range cl.Items {
			n++
			if n%2 == 0 {
				continue
			}
			must(store.RevealItem(ctx, w.ID, it.ID))
			must(store.SetAnswer(ctx, w.ID, assessment.Answer{ItemID: it.ID, Rating: 3}))
			must(store.SetObservation(ctx, w.ID, it.ID, 2))
		}
	}
	return sample.TrainID, w.ID
}

// BenchmarkOpenWorkshop measures opening the workshop screen at the end of
// a long workshop: reading the assessment with its 1,360 votes, and
// building the voting view, the room and the item list.
func BenchmarkOpenWorkshop(b *testing.B) {
	ui, store := newTestUI(b)
	trainID, id := longWorkshop(b, store, ui.defs)
	ui.openTrain(trainID)
	settle(ui)
	b.ResetTimer()
	for b.Loop() {
		ui.openWorkshop(trainID, id)
		settle(ui)
	}
	b.StopTimer()
	ws := ui.top().(*workshopScreen)
	if len(ws.workshop().Votes) != 20*68 || len(ws.room.rows) != 20 {
		b.Fatalf("workshop incomplete: %d votes, %d in the room", len(ws.workshop().Votes), len(ws.room.rows))
	}
}

// BenchmarkVoteKey measures one vote in that workshop: a key press on the
// levels, the vote taken by the domain, the screen (room, item list,
// counts) shown again, the vote written to the database and confirmed.
func BenchmarkVoteKey(b *testing.B) {
	ui, store := newTestUI(b)
	trainID, id := longWorkshop(b, store, ui.defs)
	ui.openWorkshop(trainID, id)
	settle(ui)
	ws := ui.top().(*workshopScreen)
	ws.goTo(0, 1) // not revealed: it takes votes
	people := ws.workshop().Participants
	keys := []rune{'1', '2', '3', '4', '5'}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		ws.voterID = people[i%len(people)].ID
		ws.picker.TypedRune(keys[i%len(keys)])
		settle(ui)
		i++
	}
	b.StopTimer()
	if !strings.HasPrefix(ui.status.Text(), "Saved") {
		b.Fatalf("status after voting: %q", ui.status.Text())
	}
	if ws.picker.Value() != assessment.Unanswered {
		b.Fatal("the levels show a vote")
	}
}
