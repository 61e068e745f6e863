package widgets

import (
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// items are two checklists as the screens name their items.
var items = &assessment.Definitions{Checklists: []assessment.Checklist{
	{ID: "fit", Title: "Facilitator fit", Items: []assessment.Item{
		{ID: "fit-1", Text: "Runs the {facilitator}'s sync", Kind: assessment.Indication},
		{ID: "fit-2", Text: "Commands the teams", Kind: assessment.ContraIndication, Decisive: true},
	}},
	{ID: "flow", Title: "Flow", Items: []assessment.Item{
		{ID: "flow-1", Text: "Work is visible", Section: "Visualise"},
		{ID: "flow-2", Text: "Lead time", Kind: assessment.Measure},
	}},
}}

func TestItemWhere(t *testing.T) {
	fw := assessment.SAFe
	for _, tc := range []struct {
		cl, it int
		want   string
	}{
		{0, 0, "Checklist 1 of 2 · Facilitator fit · Sign for the RTE role · item 1 of 2"},
		{0, 1, "Checklist 1 of 2 · Facilitator fit · Sign against the RTE role (decisive) · item 2 of 2"},
		{1, 0, "Checklist 2 of 2 · Flow · Visualise · item 1 of 2"}, // a section says enough
		{1, 1, "Checklist 2 of 2 · Flow · Success measure · item 2 of 2"},
	} {
		if got := ItemWhere(items, fw, tc.cl, tc.it); got != tc.want {
			t.Errorf("ItemWhere(%d, %d) = %q, want %q", tc.cl, tc.it, got, tc.want)
		}
	}
}

func TestItemTitle(t *testing.T) {
	fw := assessment.SAFe
	if got, want := ItemTitle(items, fw, "fit-1"), "1.1 Runs the RTE's sync"; got != want {
		t.Errorf("ItemTitle(fit-1) = %q, want %q", got, want)
	}
	if got := ItemTitle(items, fw, "flow-2"); got != "2.2 Lead time" {
		t.Errorf("ItemTitle(flow-2) = %q", got)
	}
	if got := ItemTitle(items, fw, "gone"); got != "gone" {
		t.Errorf("an item the checklists lack is named %q, want its ID", got)
	}
}

func TestVoteAndDisagreementWords(t *testing.T) {
	for r, want := range map[assessment.Rating]string{3: "3", assessment.NotApplicable: "N/A", assessment.DontKnow: "don't know"} {
		if got := VoteText(r); got != want {
			t.Errorf("VoteText(%d) = %q, want %q", r, got, want)
		}
	}
	for v, want := range map[float64]string{0: "agree", assessment.SomeDisagreement: "some", assessment.StrongDisagreement: "strong", 1: "strong"} {
		if got := ShortDisagreement(v); got != want {
			t.Errorf("ShortDisagreement(%.2f) = %q, want %q", v, got, want)
		}
	}
	for in, want := range map[string]string{"": "–", "  ": "–", "PI 3": "PI 3"} {
		if got := OrDash(in); got != want {
			t.Errorf("OrDash(%q) = %q, want %q", in, got, want)
		}
	}
}
