package portfolio

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
)

// The review panel's rows are reused from one show to the next: after a
// filter change (the Payments group has fewer recommendations, in another
// order), a row's Accept accepts the recommendation the row shows now, not
// the one it was made for, and the row shows the new words.
func TestReviewRowsActOnWhatTheyShow(t *testing.T) {
	s, h, _ := newScreen(t, 6)
	made := s.recRows
	if len(made) < 2 {
		t.Fatalf("%d recommendations shown", len(made))
	}
	madeFor := made[1].rec.ID
	s.SetFilters(Filters{Group: "Payments"})
	if len(s.recRows) != len(made) || s.recRows[1] != made[1] {
		t.Fatalf("the rows were made again: %d, then %d rows", len(made), len(s.recRows))
	}
	recs := s.Recommendations()
	if len(recs) < 2 || recs[1].ID == madeFor {
		t.Fatalf("the Payments group's second recommendation is the one the row was made for (%s): the test tells nothing", madeFor)
	}
	row := s.recRows[1]
	if row.finding.Text != recs[1].Finding || row.action.Text != "→ "+recs[1].Action {
		t.Fatalf("the second row shows %q / %q, want %q / %q", row.finding.Text, row.action.Text, recs[1].Finding, recs[1].Action)
	}
	test.Tap(row.accept)
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
	for _, r := range s.Recommendations() {
		if want := r.ID == recs[1].ID; (r.Status == assessment.Accepted) != want {
			t.Errorf("%s: %s after accepting the second row", r.ID, r.Status)
		}
	}
	for _, row := range s.recRows[:len(s.Recommendations())] {
		if row.accept.Disabled() != (row.rec.ID == recs[1].ID) {
			t.Errorf("%s: Accept disabled %v", row.rec.ID, row.accept.Disabled())
		}
	}
}
