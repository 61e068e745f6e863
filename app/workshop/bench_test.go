package workshop

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

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
	h := newHost(b)
	trainID, id := longWorkshop(b, h.DB, h.Defs)
	var ws *Screen
	b.ResetTimer()
	for b.Loop() {
		ws = open(h, trainID, id)
	}
	b.StopTimer()
	if len(ws.workshop().Votes) != 20*68 || len(ws.room.rows) != 20 {
		b.Fatalf("workshop incomplete: %d votes, %d in the room", len(ws.workshop().Votes), len(ws.room.rows))
	}
}

// BenchmarkVoteKey measures one vote in that workshop: a key press on the
// levels, the vote taken by the domain, the screen (room, item list,
// counts) shown again, the vote written to the database and confirmed.
func BenchmarkVoteKey(b *testing.B) {
	h := newHost(b)
	trainID, id := longWorkshop(b, h.DB, h.Defs)
	ws := open(h, trainID, id)
	ws.goTo(0, 1) // not revealed: it takes votes
	people := ws.workshop().Participants
	keys := []rune{'1', '2', '3', '4', '5'}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		ws.voterID = people[i%len(people)].ID
		ws.picker.TypedRune(keys[i%len(keys)])
		i++
	}
	b.StopTimer()
	if len(h.Errs) != 0 {
		b.Fatalf("votes refused: %v", h.Errs)
	}
	if ws.picker.Value() != assessment.Unanswered {
		b.Fatal("the levels show a vote")
	}
}
