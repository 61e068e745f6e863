package assessment

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
)

// TestFactsStandForTheAssessments: a portfolio built from facts kept as
// storage keeps them (JSON, read back) is the portfolio of the same trains
// evaluated now, and its findings, roll-ups, heatmap, counts and every
// sort are those of rows holding the assessments' full results, so the
// facts hold all the portfolio rules read.
func TestFactsStandForTheAssessments(t *testing.T) {
	d := loadDefs(t)
	trains := SamplePortfolio(d, testDate, 36)
	trains = append(trains, buildTrains(d, []ptrain{{name: "Unassessed", none: true, group: "G"}, {name: "Low", level: 1}})...)
	for i := range trains {
		trains[i].Coaches = []string{fmt.Sprintf("Coach %d", i%4)}
	}
	kept := EvaluateTrains(d, trains)
	b, err := json.Marshal(kept)
	if err != nil {
		t.Fatal(err)
	}
	var read []EvaluatedTrain
	if err := json.Unmarshal(b, &read); err != nil {
		t.Fatal(err)
	}
	// Rows with the full results, made here from the assessments as the
	// portfolio was built before it kept facts.
	full := EvaluatePortfolio(d, trains)
	for i := range full.rows {
		for _, pt := range trains {
			if pt.Train.ID == full.rows[i].Train.ID {
				full.rows[i] = fullRow(d, pt)
			}
		}
	}
	fromFacts := PortfolioOfFacts(d, read)
	for _, opts := range []PortfolioOptions{{}, {MinGroup: 2}, {Group: trains[0].Train.Group}, {Framework: ScrumAtScale}, {Levels: []int{0, 1, 2}}} {
		got, want := fromFacts.Build(opts), full.Build(opts)
		if now := BuildPortfolio(d, trains, opts); !reflect.DeepEqual(got, now) {
			t.Errorf("options %+v: the kept facts build another portfolio than evaluating now", opts)
		}
		if !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Errorf("options %+v: findings from facts %v, from full results %v", opts, findingIDs(got), findingIDs(want))
		}
		if !reflect.DeepEqual(got.Recommendations, want.Recommendations) || !reflect.DeepEqual(got.Groups, want.Groups) ||
			!reflect.DeepEqual(got.Heatmap, want.Heatmap) || got.Levels != want.Levels || got.Previous != want.Previous ||
			!reflect.DeepEqual(got.Verdicts, want.Verdicts) {
			t.Errorf("options %+v: recommendations, roll-ups, heatmap or counts differ from those of the full results", opts)
		}
		for _, col := range []PortfolioColumn{ColumnTrain, ColumnLevel, ColumnScore, ColumnVerdict, ColumnChange, ColumnFollowThrough, PortfolioColumn(d.Dimensions[0].ID)} {
			g, _ := got.SortedRows(col, true)
			w, _ := want.SortedRows(col, true)
			for i := range g {
				if g[i].Train.ID != w[i].Train.ID {
					t.Errorf("options %+v, sorted by %s: row %d is %s, want %s", opts, col, i, g[i].Train.Name, w[i].Train.Name)
					break
				}
			}
		}
	}
	if p := fromFacts.Build(PortfolioOptions{}); len(p.Findings) < 3 {
		t.Errorf("%d findings: the sample portfolio should give several", len(p.Findings))
	}
}

// fullRow is a train's row from its assessments' full results.
func fullRow(d *Definitions, t PortfolioTrain) PortfolioRow {
	row := PortfolioRow{Train: t.Train, Coaches: t.Coaches}
	if a := t.Latest(); a != nil {
		row.Latest = a
		row.Results = Evaluate(d, t.Train, a)
		top, _ := MattersMost(d, t.Train.Framework, row.Results)
		row.Top = top[:min(len(top), PortfolioTopCount)]
		row.shared = sharedRules(row.Results)
		row.rosterEntered = len(a.Roster.People)+len(a.Roster.Roles)+len(a.Roster.Teams) > 0
	}
	if prev := t.Previous(); prev != nil {
		pr := Evaluate(d, t.Train, prev)
		row.HasPrevious, row.PreviousPI, row.PreviousOverall = true, prev.PI, pr.Overall
		row.PreviousLevel, row.PreviousFollowThrough = pr.Level, pr.FollowThrough
	}
	return row
}
