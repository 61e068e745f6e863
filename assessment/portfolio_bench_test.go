package assessment

import "testing"

// BenchmarkBuildPortfolio500Trains is the LACE's database of the issue:
// 500 trains with 20 finished assessments each, from 50 coaches; the
// portfolio reads the latest two of each.
func BenchmarkBuildPortfolio500Trains(b *testing.B) {
	d := loadDefs(b)
	trains := lacePortfolio(d)
	b.ReportAllocs()
	for b.Loop() {
		BuildPortfolio(d, trains, PortfolioOptions{})
	}
}

// BenchmarkBuildEvaluatedPortfolio500Trains is the rules' part of a filter
// change on the portfolio screen: the same 500 trains, evaluated once
// before, built again under a group filter and with none, by turns.
func BenchmarkBuildEvaluatedPortfolio500Trains(b *testing.B) {
	d := loadDefs(b)
	ev := EvaluatePortfolio(d, lacePortfolio(d))
	opts := []PortfolioOptions{{Group: SamplePortfolio(d, testDate, 1)[0].Train.Group}, {}}
	b.ReportAllocs()
	builds := 0
	for b.Loop() {
		ev.Build(opts[builds%2])
		builds++
	}
}

// lacePortfolio is the database: 500 trains with 20 finished
// assessments each, from 50 coaches.
func lacePortfolio(d *Definitions) []PortfolioTrain {
	trains := SamplePortfolio(d, testDate, 500)
	for i := range trains {
		trains[i].Coaches = []string{"Coach " + string(rune('A'+i%50/26)) + string(rune('a'+i%26))}
		for len(trains[i].Finished) > 0 && len(trains[i].Finished) < 20 {
			trains[i].Finished = append(trains[i].Finished, trains[i].Finished[1])
		}
	}
	return trains
}
