package results

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// cardOf is the card of the recommendation with the id, nil when none.
func cardOf(rs *Screen, id string) *recCard {
	for _, c := range rs.recCards {
		if c.rec.ID == id {
			return c
		}
	}
	return nil
}

// The coach changes a derived recommendation's escalation (issue 16): the
// form offers the levels with the rules' level chosen and named, LACE
// chosen shows on the card and is stored, still there when the screen
// opens again; choosing the rules' level again takes the edit back.
func TestChangeADerivedRecommendationsEscalation(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	trainID, id := newTrainAssessment(t, h, "Escalation ART")
	answerFirst(t, h, id, 20, 2)
	rs := open(t, h, trainID, id)
	fw := rs.train.Framework
	var card *recCard
	for _, rc := range rs.recCards {
		if !rc.rec.ByCoach && rc.rec.Escalation != "" && rc.rec.Escalation != assessment.LevelLACE {
			card = rc
			break
		}
	}
	if card == nil {
		t.Fatal("no derived recommendation below the LACE's level")
	}
	recID, derived := card.rec.ID, card.rec.Escalation
	derivedName := widgets.LevelName(fw, derived)
	if !strings.Contains(card.meta.Text, "Escalation: "+derivedName) {
		t.Fatalf("the card shows %q before the edit, want escalation %s", card.meta.Text, derivedName)
	}

	test.Tap(card.edit)
	f := rs.lastRecForm
	assertShows(t, c, "The level that must act; the rules say "+derivedName)
	if got, want := f.escalation.Options, widgets.LevelTitles(fw); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the escalation offers %q, want %q", got, want)
	}
	if f.escalation.Selected != derivedName {
		t.Errorf("the escalation starts at %q, want the rules' %q", f.escalation.Selected, derivedName)
	}
	lace := widgets.LevelName(fw, assessment.LevelLACE)
	f.escalation.SetSelected(lace)
	f.dialog.Submit()

	card = cardOf(rs, recID)
	if card == nil {
		t.Fatal("the edited recommendation is gone")
	}
	if !strings.Contains(card.meta.Text, "Escalation: "+lace) || card.rec.Escalation != assessment.LevelLACE {
		t.Errorf("after choosing %s the card shows %q", lace, card.meta.Text)
	}
	if got := storedReview(t, h, id).Edits[recID]; got != (assessment.RecommendationEdit{Escalation: assessment.LevelLACE}) {
		t.Errorf("the store holds the edit %+v, want escalation lace and nothing else", got)
	}

	// Opened again, from the store.
	rs = open(t, h, trainID, id)
	card = cardOf(rs, recID)
	if card == nil || !strings.Contains(card.meta.Text, "Escalation: "+lace) {
		t.Fatalf("opened again, the card is %+v", card)
	}
	test.Tap(card.edit)
	f = rs.lastRecForm
	if f.escalation.Selected != lace {
		t.Errorf("the form opens at %q, want the coach's %q", f.escalation.Selected, lace)
	}
	assertShows(t, c, "The level that must act; the rules say "+derivedName)
	f.escalation.SetSelected(derivedName)
	f.dialog.Submit()
	if got := storedReview(t, h, id).Edits[recID]; got != (assessment.RecommendationEdit{}) {
		t.Errorf("back at the rules' level the store holds %+v, want no edit", got)
	}
	if card = cardOf(rs, recID); card == nil || !strings.Contains(card.meta.Text, "Escalation: "+derivedName) || card.rec.Edited {
		t.Errorf("back at the rules' level the card shows %+v", card)
	}
}
