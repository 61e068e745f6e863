package data

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// BenchmarkExportSpreadsheet writes every train of the 100-train scale
// database (ten finished assessments each, as sampleDatabase makes them)
// to nowhere as CSV and as an Excel workbook, to show what the workbook's
// typed, per-sheet rows cost beside the CSV.
//
//	TRAINSCOPE_SCALE_DIR=/tmp/scale go test -tags migrated_fynedo -run '^$' -bench '^BenchmarkExportSpreadsheet$' -benchmem -benchtime 3x -timeout 30m ./data/
func BenchmarkExportSpreadsheet(b *testing.B) {
	ctx := context.Background()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	must(b, err)
	const n = 100
	s, err := Open(sampleDatabase(b, n), Options{Summarize: realSummary(b), SummaryRules: scaleRules})
	must(b, err)
	defer func() { must(b, s.Close()) }()
	for _, format := range []struct {
		name  string
		write func(ctx context.Context, w io.Writer, defs *assessment.Definitions, ids []string) error
	}{{"csv", s.ExportCSV}, {"xlsx", s.ExportXLSX}} {
		b.Run(fmt.Sprintf("trains=%d/%s", n, format.name), func(b *testing.B) {
			peakHeap(b, func() {
				for b.Loop() {
					must(b, format.write(ctx, io.Discard, defs, nil))
				}
			})
		})
	}
}
