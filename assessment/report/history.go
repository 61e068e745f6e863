package report

import (
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// History picks the earlier assessments a report compares with: the
// train's finished assessments that come before cur, oldest first as the
// store lists them, each with its results. Drafts are left out, since their
// answers may still change, and so is anything dated after cur. The command
// line and the GUI both use it, so a report shows the same trend from
// either.
func History(d *assessment.Definitions, t assessment.Train, cur *assessment.Assessment, all []*assessment.Assessment) []HistoryPoint {
	var out []HistoryPoint
	for _, a := range assessment.Earlier(cur, all) {
		out = append(out, HistoryPoint{Assessment: a, Results: assessment.Evaluate(d, t, a)})
	}
	return out
}

// NewInput assembles what a report is a pure function of: the assessment
// with its train, its results, and the earlier assessments it compares with
// (History over all of the train's assessments). The command line and the
// GUI both build their input here.
func NewInput(d *assessment.Definitions, t assessment.Train, cur *assessment.Assessment, all []*assessment.Assessment, created time.Time) Input {
	return Input{
		Train:       t,
		Assessment:  cur,
		Definitions: d,
		Results:     assessment.Evaluate(d, t, cur),
		History:     History(d, t, cur, all),
		Created:     created,
	}
}
