package data

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// A rejection keeps its reason: in the database, and through a bundle; a
// bundle without reasons (written before schema version 6) still reads.
func TestRejectionReasonKept(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	recent, err := s.RecentAssessments(ctx, 1)
	must(t, err)
	draft := recent[0].ID
	reason := "Le LACE finance déjà un poste d'architecte — 来季度"
	must(t, s.SetRecommendationEdit(ctx, draft, "RG-03/system-architect", assessment.RecommendationEdit{Status: assessment.Rejected, Reason: reason}))
	if e := loaded(t, s, draft).Review.Edits["RG-03/system-architect"]; e.Reason != reason || e.Status != assessment.Rejected {
		t.Fatalf("stored edit %+v", e)
	}
	exported := exportBytes(t, s)
	if !bytes.Contains(exported, []byte(`"reason": "Le LACE`)) {
		t.Fatal("the bundle does not carry the reason")
	}
	other := openTemp(t, Options{Summarize: countingSummary})
	_, err = other.Import(ctx, bytes.NewReader(exported))
	must(t, err)
	if e := loaded(t, other, draft).Review.Edits["RG-03/system-architect"]; e.Reason != reason {
		t.Fatalf("imported edit %+v", e)
	}
	// Without the field, as bundles of schema version 5 and before.
	old := regexp.MustCompile(`,\s*"reason": "Le LACE[^"]*"`).ReplaceAllString(string(exported), "")
	if old == string(exported) {
		t.Fatal("could not take the reason out")
	}
	third := openTemp(t, Options{Summarize: countingSummary})
	_, err = third.Import(ctx, strings.NewReader(old))
	must(t, err)
	if e := loaded(t, third, draft).Review.Edits["RG-03/system-architect"]; e.Reason != "" || e.Status != assessment.Rejected {
		t.Fatalf("edit from a bundle without reasons %+v", e)
	}
}
