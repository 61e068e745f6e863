package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// The CSV export: the answers and scores of assessments as rows for a
// spreadsheet. Like the PDF reports it is a presentation of domain values,
// computed by assessment.Evaluate as the report shows them; the store only
// loads what it is given.

// CSV writes assessments as CSV, one after another under one header. Make
// it with NewCSV, give it each assessment with Assessment, and end with
// Flush.
type CSV struct {
	cw   *csv.Writer
	defs *assessment.Definitions
}

// NewCSV writes the header to w and returns the writer for the rows.
// Scores are computed with defs.
func NewCSV(w io.Writer, defs *assessment.Definitions) (*CSV, error) {
	if defs == nil {
		return nil, errors.New("export CSV: no checklist definitions")
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return nil, fmt.Errorf("export CSV: %w", err)
	}
	return &CSV{cw: cw, defs: defs}, nil
}

// Flush writes out what is buffered and reports any error writing to w.
func (x *CSV) Flush() error {
	x.cw.Flush()
	if err := x.cw.Error(); err != nil {
		return fmt.Errorf("export CSV: %w", err)
	}
	return nil
}

// csvHeader names the columns of the CSV export: every column of the
// table, in its order, under one header for every kind of row; the "row"
// column says which kind, so a spreadsheet can filter.
var csvHeader = func() []string {
	names := make([]string, numColumns)
	for i, c := range exportColumns {
		names[i] = c.name
	}
	return names
}()

// Assessment writes the rows of one assessment of train t: its answers,
// the votes of a workshop, its scores, level, verdict and follow-ups.
func (x *CSV) Assessment(t assessment.Train, a *assessment.Assessment) error {
	rec := make([]string, numColumns)
	return exportRows(x.defs, t, a, func(r *exportRow) error {
		for i, c := range r.cells {
			rec[i] = c.csv()
		}
		rec[colRow] = string(r.kind)
		return x.cw.Write(rec)
	})
}

// csv is the cell as the CSV writes it. Text that starts like a formula
// gets a leading apostrophe, which spreadsheets show as plain text, so a
// note from a coach, or from an imported bundle, is never run.
func (c exportCell) csv() string {
	switch c.kind {
	case textCell:
		if strings.ContainsRune("=+-@\t\r", rune(c.text[0])) {
			return "'" + c.text
		}
		return c.text
	case numberCell:
		return strconv.FormatFloat(c.number, 'f', c.digits, 64)
	case dateCell:
		return c.date.Format("2006-01-02")
	}
	return ""
}
