package assessment

import (
	"fmt"
	"testing"
)

// benchTrain is a 12-team SAFe train with 300 impediments, every item
// answered as in the sample, a few gaps in the roster.
func benchTrain(b *testing.B) (*Definitions, Train, *Assessment) {
	d := loadDefs(b)
	tr, _, _, a := Sample(testDate)
	a.Roster = healthyRoster(12)
	a.Roster.Teams[2].ProductOwnerID = ""
	a.Roster.Teams[5].ScrumMasterID, a.Roster.Teams[6].ScrumMasterID = "sm05", "sm05"
	a.Register = nil
	levels := []ImpedimentLevel{LevelTeam, LevelTeam, LevelART, LevelLACE}
	for i := 0; i < 300; i++ {
		imp := Impediment{
			ID: fmt.Sprintf("imp-%03d", i), Title: fmt.Sprintf("Impediment %d", i), Level: levels[i%4],
			TeamID: a.Roster.Teams[i%12].ID, Owner: "Owner", Status: StatusOpen, ROAM: ROAMOwned,
			Raised: day(1 + (i*37)%200), Escalated: i%5 == 0,
		}
		if i%3 == 0 {
			imp.Status, imp.Resolved = StatusResolved, day((i*37)%200/2)
		}
		if i%11 == 0 && i > 0 {
			imp.RecurrenceOf = fmt.Sprintf("imp-%03d", i-11)
		}
		a.Register = append(a.Register, imp)
	}
	return d, tr, &a
}

// BenchmarkEvaluate12Teams300Impediments scores a large train: everything
// Evaluate does, from figures and gaps to the reviewed recommendations.
//
//	go test -tags migrated_fynedo -run '^$' -bench Evaluate12Teams -benchmem ./assessment/
func BenchmarkEvaluate12Teams300Impediments(b *testing.B) {
	d, tr, a := benchTrain(b)
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(d, tr, a)
	}
}

// BenchmarkLoadDefinitions is the cost of reading and checking the embedded
// checklists, paid once at start-up.
func BenchmarkLoadDefinitions(b *testing.B) {
	for b.Loop() {
		loadDefs(b)
	}
}
