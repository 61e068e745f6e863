package data

import (
	"context"
	"database/sql"
	"io"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assessment/report"
)

// EachTrain calls fn with each of the given trains (every train, by name,
// when none are given) and all of its assessments, each complete with its
// answers, review, roster, register and workshop, from one consistent
// snapshot of the database. what names the job for an error. It is the
// loading the exports need; what they write is theirs.
func (s *Store) EachTrain(ctx context.Context, what string, trainIDs []string, fn func(t assessment.Train, all []*assessment.Assessment) error) error {
	return s.read(ctx, what, func(q querier) error {
		ids := trainIDs
		if len(ids) == 0 {
			if err := scanRows(ctx, q, "SELECT id FROM trains ORDER BY name COLLATE NOCASE, id", nil, func(rows *sql.Rows) error {
				var id string
				err := rows.Scan(&id)
				ids = append(ids, id)
				return err
			}); err != nil {
				return err
			}
		}
		for _, id := range ids {
			t, err := loadTrain(ctx, q, id)
			if err != nil {
				return err
			}
			stored, err := loadAssessments(ctx, q, "train_id = ?", id)
			if err != nil {
				return err
			}
			all := make([]*assessment.Assessment, len(stored))
			for i, sa := range stored {
				all[i] = sa.A
			}
			if err := fn(t, all); err != nil {
				return err
			}
		}
		return nil
	})
}

// ExportCSV writes the answers and scores of every assessment of the given
// trains (every train when none are given) as CSV for spreadsheets, with
// report.CSV; scores are computed with defs. It is the store's loading and
// the report's writing put together, for the callers that export a file.
func (s *Store) ExportCSV(ctx context.Context, w io.Writer, defs *assessment.Definitions, trainIDs []string) error {
	out, err := report.NewCSV(w, defs)
	if err != nil {
		return err
	}
	return s.exportRows(ctx, "export CSV", out, trainIDs)
}

// ExportXLSX writes the same as ExportCSV as an Excel workbook, one sheet
// per kind of row, with report.XLSX; the workbook's properties take the
// store's clock as when it was made.
func (s *Store) ExportXLSX(ctx context.Context, w io.Writer, defs *assessment.Definitions, trainIDs []string) error {
	out, err := report.NewXLSX(w, defs, s.now())
	if err != nil {
		return err
	}
	defer out.Close()
	return s.exportRows(ctx, "export spreadsheet", out, trainIDs)
}

// rowWriter is a spreadsheet export: report.CSV or report.XLSX.
type rowWriter interface {
	Assessment(t assessment.Train, a *assessment.Assessment) error
	Flush() error
}

// exportRows gives out every assessment of the given trains, then flushes.
func (s *Store) exportRows(ctx context.Context, what string, out rowWriter, trainIDs []string) error {
	if err := s.EachTrain(ctx, what, trainIDs, func(t assessment.Train, all []*assessment.Assessment) error {
		for _, a := range all {
			if err := out.Assessment(t, a); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return out.Flush()
}
