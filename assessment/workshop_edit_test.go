package assessment

import (
	"reflect"
	"strings"
	"testing"
)

func TestRemoveParticipantTakesTheirVotes(t *testing.T) {
	w := room(t, "Ana", "Björn", "Chidi")
	for _, v := range []Vote{{"pAna", "a", 2}, {"pBjörn", "a", 4}, {"pBjörn", "b", 1}, {"pChidi", "b", 3}} {
		if err := w.Cast(v.ParticipantID, v.ItemID, v.Rating); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.RemoveParticipant("pBjörn"); err != nil {
		t.Fatal(err)
	}
	if len(w.Participants) != 2 || w.Participant("pBjörn") != nil {
		t.Fatalf("participants after removal: %+v", w.Participants)
	}
	if want := []Vote{{"pAna", "a", 2}, {"pChidi", "b", 3}}; !reflect.DeepEqual(w.Votes, want) {
		t.Errorf("votes after removal %+v, want %+v", w.Votes, want)
	}
	if err := w.RemoveParticipant("pBjörn"); err == nil {
		t.Error("removing someone not in the room must be refused")
	}
}

func TestObserve(t *testing.T) {
	w := &Workshop{}
	if err := w.Observe("a", 3); err != nil || w.Observed["a"] != 3 {
		t.Fatalf("observe: %v, %v", err, w.Observed)
	}
	if err := w.Observe("b", NotApplicable); err != nil || w.Observed["b"] != NotApplicable {
		t.Fatalf("not applicable is an observation: %v", err)
	}
	if err := w.Observe("a", Unanswered); err != nil || len(w.Observed) != 1 {
		t.Fatalf("unanswered takes the observation back: %v, %v", err, w.Observed)
	}
	if err := w.Observe("a", -3); err == nil {
		t.Error("-3 is no observation")
	}
}

func TestCheckRating(t *testing.T) {
	d := loadDefs(t)
	it := d.Checklist(ChecklistFit).Items[0]
	top := Rating(len(it.Levels))
	cases := []struct {
		item string
		r    Rating
		want string // part of the error; "" for none
	}{
		{it.ID, 1, ""},
		{it.ID, top, ""},
		{it.ID, DontKnow, ""},
		{it.ID, NotApplicable, ""},
		{it.ID, top + 1, "not a rating on the scale"},
		{it.ID, Unanswered, "not a rating on the scale"},
		{it.ID, -3, "not a rating on the scale"},
		{"no.such.item", 2, "not in checklist version " + d.Version},
	}
	for _, c := range cases {
		err := CheckRating(d, c.item, c.r)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("CheckRating(%s, %d): %v", c.item, c.r, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("CheckRating(%s, %d) = %v, want %q", c.item, c.r, err, c.want)
		}
	}
}

func TestResponseFromAssessment(t *testing.T) {
	d := loadDefs(t)
	fit := d.Checklist(ChecklistFit).Items
	var measure, sourced *Item
	for _, c := range d.Checklists {
		for i := range c.Items {
			it := &c.Items[i]
			if it.Figure != nil && it.Figure.Source == "" && measure == nil {
				measure = it
			}
			if it.Figure != nil && it.Figure.Source != "" && sourced == nil {
				sourced = it
			}
		}
	}
	if measure == nil || sourced == nil {
		t.Fatal("the checklists need a measure item with and one without a register source")
	}
	fig := 1e9 // far beyond every band: the lowest or the highest level
	a := &Assessment{Answers: map[string]Answer{
		fit[1].ID:      {ItemID: fit[1].ID, Rating: 2},
		fit[0].ID:      {ItemID: fit[0].ID, Rating: DontKnow},
		fit[2].ID:      {ItemID: fit[2].ID, Note: "a note is no vote"},
		fit[3].ID:      {ItemID: fit[3].ID, Rating: 99}, // off the scale
		measure.ID:     {ItemID: measure.ID, Figure: &fig},
		"gone.item.v1": {ItemID: "gone.item.v1", Rating: 3},
	}}
	p := Participant{ID: "r1", Name: "Dmitri", Role: RoleDeveloperP}
	got := ResponseFromAssessment(d, a, p)
	want := []Vote{{"r1", fit[0].ID, DontKnow}, {"r1", fit[1].ID, 2}, {"r1", measure.ID, Rating(measure.LevelForFigure(fig))}}
	if got.Participant != p || !reflect.DeepEqual(got.Votes, want) {
		t.Fatalf("response %+v, want votes %+v", got, want)
	}
	// Merged into a workshop, the response counts like votes cast in the room.
	w := room(t, "Ana")
	if err := w.Merge(d, []Response{got}); err != nil {
		t.Fatal(err)
	}
	// An item the register alone would have rated gives no vote.
	if r := ResponseFromAssessment(d, &Assessment{Answers: map[string]Answer{sourced.ID: {ItemID: sourced.ID}}}, p); len(r.Votes) != 0 {
		t.Errorf("votes from nothing: %+v", r.Votes)
	}
}
