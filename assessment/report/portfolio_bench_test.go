package report

import (
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// BenchmarkRenderPortfolio500Trains draws the portfolio report of 500
// trains (the sample portfolio's variations): heatmap, findings, a page per
// train and the method.
func BenchmarkRenderPortfolio500Trains(b *testing.B) {
	in := portfolioInput(b, 500, assessment.PortfolioOptions{})
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := RenderPortfolio(in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPortfolio500TrainsEndToEnd is what the command costs once the
// trains are read: the portfolio rules and the PDF together.
func BenchmarkPortfolio500TrainsEndToEnd(b *testing.B) {
	d := definitions(b)
	trains := assessment.SamplePortfolio(d, portfolioDate, 500)
	b.ReportAllocs()
	for b.Loop() {
		p := assessment.BuildPortfolio(d, trains, assessment.PortfolioOptions{})
		if _, _, err := RenderPortfolio(PortfolioInput{Portfolio: p, Definitions: d, Created: portfolioDate}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
