package results

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
)

// storedReview is the review of the assessment as the store holds it.
func storedReview(t *testing.T, h *testHost, id string) assessment.Review {
	t.Helper()
	a, err := h.DB.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a.Review
}

func cardIDs(rs *Screen) []string {
	var ids []string
	for _, c := range rs.recCards {
		ids = append(ids, c.rec.ID)
	}
	return ids
}

// An edit that raises a recommendation's priority, and a rejection, leave
// it where the coach found it (issue 16): the list's order holds while the
// screen is open; the store holds the edit.
func TestAnEditedRecommendationStaysInPlace(t *testing.T) {
	h := newHost(t)
	trainID, id := newTrainAssessment(t, h, "Order ART")
	answerFirst(t, h, id, 20, 2)
	rs := open(t, h, trainID, id)
	before := cardIDs(rs)
	top := assessment.Priorities[0]
	last := -1
	for i, c := range rs.recCards {
		if c.rec.Priority != top {
			last = i
		}
	}
	if len(before) < 3 || last < 1 {
		t.Fatalf("want three recommendations or more, one below %s not first; have %d, at %d", top.Title(), len(before), last)
	}
	recID := before[last]
	test.Tap(rs.recCards[last].edit)
	f := rs.lastRecForm
	f.priority.SetSelected(top.Title())
	f.dialog.Submit()
	if got := cardIDs(rs); !slices.Equal(got, before) {
		t.Errorf("after the edit the list is\n%v\nwant it as it was\n%v", got, before)
	}
	if got := rs.recCards[last]; got.rec.ID != recID || got.rec.Priority != top {
		t.Errorf("card %d is %s at %s, want the edited %s at %s", last, got.rec.ID, got.rec.Priority.Title(), recID, top.Title())
	}
	if got := storedReview(t, h, id).Edits[recID].Priority; got != top {
		t.Errorf("the store holds priority %q for %s, want %q", got, recID, top)
	}

	test.Tap(rs.recCards[0].reject)
	test.Type(rs.lastReasonEntry, "The train has one already")
	tap(t, h.Win.Canvas(), "Reject")
	if got := storedReview(t, h, id).Edits[before[0]].Status; got != assessment.Rejected {
		t.Errorf("the store holds %q for the rejected recommendation", got)
	}
	if got := cardIDs(rs); !slices.Equal(got, before) {
		t.Errorf("after a rejection the list is\n%v\nwant it as it was\n%v", got, before)
	}
}

// The filter narrows the list to the recommendations to review, accepted
// or rejected, and holds while the screen is open (issue 16).
func TestFilterTheRecommendations(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	trainID, id := newTrainAssessment(t, h, "Filter ART")
	answerFirst(t, h, id, 20, 2)
	rs := open(t, h, trainID, id)
	all := len(rs.recCards)
	if all < 2 {
		t.Fatalf("want two recommendations or more, have %d", all)
	}
	accepted := rs.recCards[0].rec.ID
	test.Tap(rs.recCards[0].accept)
	if got := storedReview(t, h, id).Edits[accepted].Status; got != assessment.Accepted {
		t.Fatalf("the store holds %q for the accepted recommendation", got)
	}

	rs.recFilter.SetSelected("To review")
	if len(rs.recCards) != all-1 || slices.Contains(cardIDs(rs), accepted) {
		t.Errorf("to review: %d cards (%v), want %d without %s", len(rs.recCards), cardIDs(rs), all-1, accepted)
	}
	for _, card := range rs.recCards {
		if !strings.HasPrefix(card.status.Text, assessment.Proposed.Title()) {
			t.Errorf("to review shows %q", card.status.Text)
		}
	}
	rs.recFilter.SetSelected("Accepted")
	if got := cardIDs(rs); !slices.Equal(got, []string{accepted}) {
		t.Errorf("accepted: %v, want only %s", got, accepted)
	}
	rs.Reload() // the screen shown again
	if rs.recFilter.Selected != "Accepted" || !slices.Equal(cardIDs(rs), []string{accepted}) {
		t.Errorf("after a reload the filter is %q showing %v", rs.recFilter.Selected, cardIDs(rs))
	}
	rs.recFilter.SetSelected("Rejected")
	assertShows(t, c, "None of the recommendations is rejected. Choose another filter to see the rest.")
	rs.recFilter.SetSelected("All")
	if len(rs.recCards) != all {
		t.Errorf("all: %d cards, want %d", len(rs.recCards), all)
	}
}
