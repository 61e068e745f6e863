package results

import (
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// TestTrendDrawsFinishedOnly: the chart draws finished assessments, one
// series for the overall score, one per checklist in the framework's words
// and a dashed one for the follow-through; the table lists the draft too,
// and the note says it is left out.
func TestTrendDrawsFinishedOnly(t *testing.T) {
	test.NewTempApp(t)
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		t.Fatal(err)
	}
	for _, fw := range []assessment.Framework{assessment.SAFe, assessment.ScrumAtScale} {
		train, _, _, history := assessment.SampleHistoryFor(fw)(time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC))
		draft := history[len(history)-1]
		draft.Status, draft.PI = assessment.Draft, "PI next"
		var as []*assessment.Assessment
		var rs []assessment.Results
		for i := range history {
			as, rs = append(as, &history[i]), append(rs, assessment.Evaluate(defs, train, &history[i]))
		}
		as, rs = append(as, &draft), append(rs, assessment.Evaluate(defs, train, &draft))

		tv := NewTrend(defs)
		tv.Set(train.Framework, as, rs)
		if got := tv.Chart().Labels(); len(got) != len(history) || got[len(got)-1] != history[len(history)-1].PI {
			t.Errorf("%s: chart draws %v, want only the %d finished", fw, got, len(history))
		}
		series := tv.Chart().Series()
		if len(series) != 2+len(defs.Checklists) {
			t.Fatalf("%s: %d series, want overall, %d checklists and the follow-through", fw, len(series), len(defs.Checklists))
		}
		if want := rs[0].Overall.Value; series[0].Values[0] != want {
			t.Errorf("%s: overall drawn at %v, want %v", fw, series[0].Values[0], want)
		}
		for i, cl := range defs.Checklists {
			if want := train.Framework.Expand(cl.Title); series[i+1].Name != want {
				t.Errorf("%s: series %d is %q, want %q", fw, i+1, series[i+1].Name, want)
			}
		}
		// The follow-through: no point where nothing came along, the rate
		// in percent where it did.
		ft := series[len(series)-1]
		if !ft.Dashed || !strings.HasPrefix(ft.Name, assessment.FollowThroughName) || !math.IsNaN(ft.Values[0]) {
			t.Errorf("%s: follow-through series %+v", fw, ft)
		}
		for i := 1; i < len(history); i++ {
			if want := 100 * rs[i].FollowThrough.Rate; !rs[i].FollowThrough.Known() || ft.Values[i] != want {
				t.Errorf("%s: follow-through of %s drawn at %v, want %v", fw, history[i].PI, ft.Values[i], want)
			}
		}
		if tv.Rows() != len(history)+1 {
			t.Errorf("%s: table rows %d, want every assessment", fw, tv.Rows())
		}
		if !strings.Contains(tv.note.Text, "1 draft is listed in the table but left out of the chart") || !strings.Contains(tv.note.Text, "dashed line is the follow-through") {
			t.Errorf("%s: note %q", fw, tv.note.Text)
		}
	}
}
