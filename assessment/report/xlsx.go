package report

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/trainscope/trainscope/assessment"
)

// The workbook export: the CSV's rows for Excel and LibreOffice, one sheet
// per kind of row with only its columns, typed cells (numbers as numbers,
// dates as dates, empty as empty), the header bold and frozen, and a
// "Columns" sheet that explains every column of every sheet, all from the
// table in columns.go. Text is always a text cell: one that starts with "="
// is shown as written, never run and never given an apostrophe.

// columnsSheet is the sheet that explains the others.
const columnsSheet = "Columns"

// XLSX writes assessments as an Excel workbook. Make it with NewXLSX, give
// it each assessment with Assessment, and end with Flush, which writes the
// workbook; Close releases what an abandoned one holds.
type XLSX struct {
	f      *excelize.File
	w      io.Writer
	defs   *assessment.Definitions
	sheets map[rowKind]*xlsxSheet
	done   bool
}

// xlsxSheet is the sheet of one kind of row as it is being written.
type xlsxSheet struct {
	sw     *excelize.StreamWriter
	name   string
	cols   []int // the export columns it shows, in order
	styles []int // each one's cell style
	row    int   // the last row written
}

// The title and creator written in the workbook's properties.
const (
	xlsxTitle   = "Trainscope answers and scores"
	xlsxCreator = "Trainscope"
)

// NewXLSX starts a workbook that Flush writes to w. Scores are computed
// with defs; created is when it is made, for the document properties.
// Large exports stream: each sheet's rows go to a private temporary file
// once they pass 16 MB (excelize's StreamChunkSize), until Flush.
func NewXLSX(w io.Writer, defs *assessment.Definitions, created time.Time) (*XLSX, error) {
	if defs == nil {
		return nil, errors.New("export spreadsheet: no checklist definitions")
	}
	x := &XLSX{f: excelize.NewFile(), w: w, defs: defs, sheets: map[rowKind]*xlsxSheet{}}
	if err := x.start(created); err != nil {
		x.Close()
		return nil, fmt.Errorf("export spreadsheet: %w", err)
	}
	return x, nil
}

// start makes the sheets, their headers and the Columns sheet.
func (x *XLSX) start(created time.Time) error {
	f := x.f
	props := &excelize.DocProperties{
		Title:       xlsxTitle,
		Subject:     "Answers, scores, levels, verdicts and follow-ups of Trainscope assessments",
		Creator:     xlsxCreator,
		Description: "One sheet per kind of row; the " + columnsSheet + " sheet explains every column.",
	}
	if !created.IsZero() {
		props.Created = created.UTC().Format(time.RFC3339)
		props.Modified = props.Created
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: xlsxCreator}); err != nil {
		return err
	}
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF2"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "7F8C9A", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top"},
	})
	if err != nil {
		return err
	}
	styles := map[columnKind]int{}
	for kind, format := range map[columnKind]string{wholeKind: "0", scoreKind: "0.0", dateKind: "yyyy-mm-dd"} {
		if styles[kind], err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
			return err
		}
	}
	for i, rs := range rowSheets {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), rs.sheet)
		} else {
			_, err = f.NewSheet(rs.sheet)
		}
		if err != nil {
			return err
		}
		sh := &xlsxSheet{name: rs.sheet}
		var names []any
		var widths []float64
		for c, col := range exportColumns {
			u, ok := col.use(rs.kind)
			if !ok {
				continue
			}
			sh.cols = append(sh.cols, c)
			sh.styles = append(sh.styles, styles[u.kind])
			names = append(names, excelize.Cell{StyleID: header, Value: col.name})
			widths = append(widths, xlsxWidth(c, u.kind))
		}
		if sh.sw, err = f.NewStreamWriter(rs.sheet); err != nil {
			return err
		}
		if err := startSheet(sh.sw, names, widths); err != nil {
			return fmt.Errorf("sheet %s: %w", rs.sheet, err)
		}
		sh.row = 1
		x.sheets[rs.kind] = sh
	}
	return x.columnsSheet(header)
}

// startSheet sets a sheet's column widths, writes its header and freezes
// it, so it stays in view while the coach scrolls.
func startSheet(sw *excelize.StreamWriter, header []any, widths []float64) error {
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return sw.SetRow("A1", header)
}

// columnsSheet writes the sheet that explains every other: for each sheet
// what one of its rows is, then each of its columns with its kind and
// meaning.
func (x *XLSX) columnsSheet(header int) error {
	if _, err := x.f.NewSheet(columnsSheet); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(columnsSheet)
	if err != nil {
		return err
	}
	// The explanations wrap, so a long one stays readable in its column.
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	bold, err := x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: wrap})
	if err != nil {
		return err
	}
	plain, err := x.f.NewStyle(&excelize.Style{Alignment: wrap})
	if err != nil {
		return err
	}
	head := []any{}
	for _, h := range []string{"sheet", "column", "kind", "explanation"} {
		head = append(head, excelize.Cell{StyleID: header, Value: h})
	}
	if err := startSheet(sw, head, []float64{20, 22, 14, 90}); err != nil {
		return err
	}
	row := 1
	add := func(values ...any) error {
		row++
		return sw.SetRow("A"+strconv.Itoa(row), values)
	}
	for _, rs := range rowSheets {
		if err := add(excelize.Cell{StyleID: bold, Value: rs.sheet}, nil, nil, excelize.Cell{StyleID: bold, Value: rs.about}); err != nil {
			return err
		}
		for _, col := range exportColumns {
			if u, ok := col.use(rs.kind); ok {
				if err := add(rs.sheet, col.name, u.kind.String(), excelize.Cell{StyleID: plain, Value: u.about}); err != nil {
					return err
				}
			}
		}
	}
	return sw.Flush()
}

// xlsxWidth is a column's width in characters: wide for prose, narrow for
// numbers, never narrower than its name.
func xlsxWidth(col int, kind columnKind) float64 {
	w := 12.0
	switch col {
	case colText:
		w = 60
	case colNote, colEvidence:
		w = 45
	case colTrain, colID, colParticipant:
		w = 28
	case colTrainID, colAssessmentID:
		w = 38 // a UUID
	default:
		if kind == textKind {
			w = 16
		}
	}
	return max(w, float64(len(exportColumns[col].name)+3))
}

// Assessment writes the rows of one assessment of train t, each on the
// sheet of its kind.
func (x *XLSX) Assessment(t assessment.Train, a *assessment.Assessment) error {
	if x.done {
		return errors.New("export spreadsheet: the workbook is already written")
	}
	values := make([]any, numColumns)
	return exportRows(x.defs, t, a, func(r *exportRow) error {
		sh := x.sheets[r.kind]
		if sh.row >= excelize.TotalRows {
			return fmt.Errorf("export spreadsheet: the %s sheet is full at %d rows, the most a spreadsheet holds; export fewer trains at a time", sh.name, excelize.TotalRows)
		}
		vals := values[:len(sh.cols)]
		for i, c := range sh.cols {
			vals[i] = r.cells[c].xlsx(sh.styles[i])
		}
		sh.row++
		if err := sh.sw.SetRow("A"+strconv.Itoa(sh.row), vals); err != nil {
			return fmt.Errorf("export spreadsheet: sheet %s: %w", sh.name, err)
		}
		return nil
	})
}

// xlsx is the cell as the workbook holds it: nil for an empty cell, text
// as a text cell, a number as the very number the CSV writes.
func (c exportCell) xlsx(style int) any {
	switch c.kind {
	case textCell:
		return c.text
	case numberCell:
		v, _ := strconv.ParseFloat(c.csv(), 64) // rounded as the CSV rounds it
		return excelize.Cell{StyleID: style, Value: v}
	case dateCell:
		return excelize.Cell{StyleID: style, Value: c.date}
	}
	return nil
}

// Flush writes the workbook to w and releases its temporary files.
func (x *XLSX) Flush() error {
	if x.done {
		return errors.New("export spreadsheet: the workbook is already written")
	}
	defer x.Close()
	for _, rs := range rowSheets {
		if err := x.sheets[rs.kind].sw.Flush(); err != nil {
			return fmt.Errorf("export spreadsheet: sheet %s: %w", rs.sheet, err)
		}
	}
	if err := x.f.Write(x.w); err != nil {
		return fmt.Errorf("export spreadsheet: %w", err)
	}
	return nil
}

// Close releases the temporary files of a workbook not written, or already
// written; it can be called any number of times.
func (x *XLSX) Close() error {
	if x.done {
		return nil
	}
	x.done = true
	return x.f.Close()
}
