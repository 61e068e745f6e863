package results

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// TestTrendDrawsFinishedOnly: the chart draws finished assessments, one
// series for the overall score and one per checklist in the framework's
// words; the table lists the draft too, and the note says it is left out.
func TestTrendDrawsFinishedOnly(t *testing.T) {
	test.NewTempApp(t)
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		t.Fatal(err)
	}
	for _, fw := range []assessment.Framework{assessment.SAFe, assessment.ScrumAtScale} {
		train, _, _, finished := assessment.SampleFor(fw)(time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC))
		draft := finished
		draft.Status, draft.PI = assessment.Draft, "PI next"
		as := []*assessment.Assessment{&finished, &draft}
		rs := []assessment.Results{assessment.Evaluate(defs, train, &finished), assessment.Evaluate(defs, train, &draft)}

		tv := NewTrend(defs)
		tv.Set(train.Framework, as, rs)
		if got := tv.Chart().Labels(); len(got) != 1 || got[0] != finished.PI {
			t.Errorf("%s: chart draws %v, want only the finished %q", fw, got, finished.PI)
		}
		series := tv.Chart().Series()
		if len(series) != 1+len(defs.Checklists) {
			t.Fatalf("%s: %d series, want overall and %d checklists", fw, len(series), len(defs.Checklists))
		}
		if want := rs[0].Overall.Value; series[0].Values[0] != want {
			t.Errorf("%s: overall drawn at %v, want %v", fw, series[0].Values[0], want)
		}
		for i, cl := range defs.Checklists {
			if want := train.Framework.Expand(cl.Title); series[i+1].Name != want {
				t.Errorf("%s: series %d is %q, want %q", fw, i+1, series[i+1].Name, want)
			}
		}
		if tv.Rows() != 2 {
			t.Errorf("%s: table rows %d, want both assessments", fw, tv.Rows())
		}
		if !strings.Contains(tv.note.Text, "1 draft is listed in the table but left out of the chart") {
			t.Errorf("%s: note %q", fw, tv.note.Text)
		}
	}
}
