package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/trainscope/trainscope/assessment"
)

// xlsxOf is the workbook of the given assessments of one train.
func xlsxOf(t *testing.T, defs *assessment.Definitions, train assessment.Train, all ...*assessment.Assessment) []byte {
	t.Helper()
	var buf bytes.Buffer
	out, err := NewXLSX(&buf, defs, time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if err := out.Assessment(train, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := out.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sampleWorkbook is the sample as a workshop, with a train named in several
// scripts and a draft whose note starts like a formula, read back.
func sampleWorkbook(t *testing.T) (*excelize.File, []byte) {
	in := withWorkshop(t, sampleInput(t), false, nil)
	train := in.Train
	train.Name = "Zahlungsverkehr 支払い مدفوعات 🚆"
	draft := assessment.Assessment{ID: "draft", TrainID: train.ID, Date: time.Date(2026, 6, 29, 0, 0, 0, 0, time.UTC),
		PI: "PI 2026.3", Assessor: "Zoë Ødegård", Status: assessment.Draft, ChecklistVersion: in.Assessment.ChecklistVersion,
		Roster: in.Assessment.Roster, Register: in.Assessment.Register,
		Answers: map[string]assessment.Answer{"fit.shared-product.v1": {ItemID: "fit.shared-product.v1", Rating: 4, Note: "=ask the RTE"}}}
	raw := xlsxOf(t, in.Definitions, train, in.Assessment, &draft)
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, raw
}

// One sheet per kind of row and the Columns sheet; each header is the
// table's columns for that kind; numbers and dates are typed; a note that
// starts with "=" is text as written; names in any script survive.
func TestXLSXWorkbook(t *testing.T) {
	f, _ := sampleWorkbook(t)
	var want []string
	for _, rs := range rowSheets {
		want = append(want, rs.sheet)
	}
	if got := f.GetSheetList(); !slices.Equal(got, append(want, columnsSheet)) {
		t.Fatalf("sheets %v", got)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Title != xlsxTitle || props.Creator != xlsxCreator || !strings.HasPrefix(props.Created, "2026-07-01") {
		t.Errorf("properties %+v %v", props, err)
	}
	rows := map[string][][]string{}
	for _, rs := range rowSheets {
		r, err := f.GetRows(rs.sheet)
		if err != nil {
			t.Fatal(err)
		}
		rows[rs.sheet] = r
		var header []string
		for _, c := range exportColumns {
			if _, ok := c.use(rs.kind); ok {
				header = append(header, c.name)
			}
		}
		if !slices.Equal(r[0], header) {
			t.Errorf("%s header %v, want %v", rs.sheet, r[0], header)
		}
		if panes, err := f.GetPanes(rs.sheet); err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s header not frozen: %+v %v", rs.sheet, panes, err)
		}
		if st, _ := f.GetCellStyle(rs.sheet, "A1"); st == 0 {
			t.Errorf("%s header has no style", rs.sheet)
		} else if s, _ := f.GetStyle(st); s.Font == nil || !s.Font.Bold {
			t.Errorf("%s header not bold", rs.sheet)
		}
	}
	answers := rows["Answers"]
	col := func(sheet, name string) int { return slices.Index(rows[sheet][0], name) }
	cellName := func(sheet, name string, row int) string {
		n, _ := excelize.CoordinatesToCellName(col(sheet, name)+1, row+1)
		return n
	}
	if len(answers) < 3 || len(rows["Votes"]) < 2 || len(rows["Checklists"]) < 2 || len(rows["Overall"]) != 3 {
		t.Fatalf("rows: %d answers, %d votes, %d checklists, %d overall", len(answers), len(rows["Votes"]), len(rows["Checklists"]), len(rows["Overall"]))
	}
	for _, name := range []string{"train", "assessor"} {
		if i := col("Answers", name); i < 0 {
			t.Fatalf("no %s column", name)
		}
	}
	if got := answers[1][col("Answers", "train")]; got != "Zahlungsverkehr 支払い مدفوعات 🚆" {
		t.Errorf("train name %q", got)
	}
	typ := func(sheet, ref string) excelize.CellType {
		ct, err := f.GetCellType(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		return ct
	}
	found := false
	for i, r := range answers {
		if i == 0 || r[col("Answers", "assessment_id")] != "draft" || r[col("Answers", "id")] != "fit.shared-product.v1" {
			continue
		}
		found = true
		ref := cellName("Answers", "note", i)
		if v, _ := f.GetCellValue("Answers", ref); v != "=ask the RTE" {
			t.Errorf("the formula-looking note reads %q", v)
		}
		if fm, _ := f.GetCellFormula("Answers", ref); fm != "" {
			t.Errorf("the note became a formula %q", fm)
		}
		if ct := typ("Answers", ref); ct != excelize.CellTypeInlineString {
			t.Errorf("the note is a cell of type %v", ct)
		}
		if v, _ := f.GetCellValue("Answers", cellName("Answers", "assessor", i)); v != "Zoë Ødegård" {
			t.Errorf("assessor %q", v)
		}
		if ct := typ("Answers", cellName("Answers", "rating", i)); ct != excelize.CellTypeNumber && ct != excelize.CellTypeUnset {
			t.Errorf("the rating 4 is a cell of type %v", ct)
		}
		raw, _ := f.GetCellValue("Answers", cellName("Answers", "rating", i), excelize.Options{RawCellValue: true})
		if raw != "4" {
			t.Errorf("the rating reads %q", raw)
		}
		// The date is a number (a serial day) shown with a date format.
		dref := cellName("Answers", "date", i)
		if raw, _ := f.GetCellValue("Answers", dref, excelize.Options{RawCellValue: true}); raw != "46202" {
			t.Errorf("2026-06-29 is stored as %q, not the serial day 46202", raw)
		}
		if v, _ := f.GetCellValue("Answers", dref); v != "2026-06-29" {
			t.Errorf("the date shows as %q", v)
		}
		// Empty stays empty: the draft's item has no score or figure.
		if v, _ := f.GetCellValue("Answers", cellName("Answers", "figure", i)); v != "" {
			t.Errorf("an empty figure reads %q", v)
		}
	}
	if !found {
		t.Fatal("the draft's answer is missing")
	}
	// A score is a number with one decimal, the same number the CSV writes.
	ref := cellName("Overall", "score", 1)
	raw, _ := f.GetCellValue("Overall", ref, excelize.Options{RawCellValue: true})
	if _, err := f.GetCellType("Overall", ref); err != nil || raw == "" || strings.ContainsAny(raw, "'%") {
		t.Errorf("overall score %q", raw)
	}
	// The Columns sheet explains every column of every sheet.
	cols, err := f.GetRows(columnsSheet)
	if err != nil {
		t.Fatal(err)
	}
	explained := map[string]bool{}
	for _, r := range cols[1:] {
		if len(r) == 4 && r[1] != "" && r[3] != "" {
			explained[r[0]+"/"+r[1]] = true
		}
	}
	for _, rs := range rowSheets {
		for _, name := range rows[rs.sheet][0] {
			if !explained[rs.sheet+"/"+name] {
				t.Errorf("the %s sheet's %s column is not explained", rs.sheet, name)
			}
		}
	}
}

// The workbook and the CSV hold the same values: every CSV row is on the
// sheet of its kind, cell for cell, without the CSV's formula apostrophes.
func TestXLSXMatchesCSV(t *testing.T) {
	in := withWorkshop(t, sampleInput(t), true, nil)
	records, err := csv.NewReader(bytes.NewReader(csvOf(t, in.Definitions, in.Train, in.Assessment))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(xlsxOf(t, in.Definitions, in.Train, in.Assessment)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	next := map[rowKind]int{}
	for _, rec := range records[1:] {
		kind := rowKind(rec[colRow])
		i := slices.IndexFunc(rowSheets, func(rs rowSheet) bool { return rs.kind == kind })
		if i < 0 {
			t.Fatalf("a CSV row of unknown kind %q", kind)
		}
		sheet := rowSheets[i].sheet
		next[kind]++
		n := 0
		for c, col := range exportColumns {
			if _, ok := col.use(kind); !ok {
				if rec[c] != "" && c != colRow {
					t.Errorf("%s row has %s %q, which its sheet lacks", kind, col.name, rec[c])
				}
				continue
			}
			n++
			ref, _ := excelize.CoordinatesToCellName(n, next[kind]+1)
			got, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
			want := strings.TrimPrefix(rec[c], "'")
			if c == colDate {
				d, _ := time.Parse("2006-01-02", want)
				got, _ = f.GetCellValue(sheet, ref)
				want = d.Format("2006-01-02")
			}
			if g, err1 := strconv.ParseFloat(got, 64); err1 == nil {
				if w, err2 := strconv.ParseFloat(want, 64); err2 == nil && g == w {
					continue // the same number: "50" is 50.0
				}
			}
			if got != want {
				t.Errorf("%s %s row %d: workbook %q, CSV %q", sheet, col.name, next[kind], got, rec[c])
			}
		}
	}
	if next[voteRow] == 0 {
		t.Error("the workshop fixture gave no vote rows")
	}
}

// No definitions is refused; a writer that fails is reported; the
// workbook is written once.
func TestXLSXErrors(t *testing.T) {
	if _, err := NewXLSX(&bytes.Buffer{}, nil, time.Time{}); err == nil || !strings.Contains(err.Error(), "no checklist definitions") {
		t.Errorf("NewXLSX without definitions: %v", err)
	}
	in := sampleInput(t)
	out, err := NewXLSX(failingWriter{}, in.Definitions, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if err := out.Assessment(in.Train, in.Assessment); err != nil {
		t.Fatal(err)
	}
	if err := out.Flush(); !errors.Is(err, errDiskGone) {
		t.Errorf("writing to a failing writer: %v", err)
	}
	if err := out.Flush(); err == nil {
		t.Error("a second Flush was accepted")
	}
	if err := out.Assessment(in.Train, in.Assessment); err == nil {
		t.Error("an assessment after Flush was accepted")
	}
}

// An independent reader: LibreOffice converts the sample's workbook to
// CSV, every sheet, quoting text cells only, so a number left unquoted is
// a number to LibreOffice, and names come out intact.
func TestXLSXInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) is not on PATH; install it to check the workbook with an independent reader")
	}
	// A Writer-only LibreOffice (libreoffice-writer-nogui, the one the
	// report's comparison uses) has soffice but no Calc: it loads no
	// workbook and, exiting 0, converts nothing.
	if !hasCalc(soffice) {
		t.Skip("LibreOffice has no Calc here; install libreoffice-calc-nogui to check the workbook with an independent reader")
	}
	if testing.Short() {
		t.Skip("LibreOffice takes seconds; not with -short")
	}
	_, raw := sampleWorkbook(t)
	dir := t.TempDir()
	book := filepath.Join(dir, "sample.xlsx")
	if err := os.WriteFile(book, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	// Filter options: comma, double quotes, UTF-8, from line 1, …, quote
	// all text cells, …, every sheet (-1) to its own file.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1`, "--outdir", dir, book)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	answers, err := os.ReadFile(filepath.Join(dir, "sample-Answers.csv"))
	if err != nil {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("%v; the folder holds %v", err, entries)
	}
	text := string(answers)
	if !strings.Contains(text, `"Zahlungsverkehr 支払い مدفوعات 🚆"`) || !strings.Contains(text, `"Zoë Ødegård"`) {
		t.Errorf("names not intact in LibreOffice's reading:\n%.600s", text)
	}
	if !strings.Contains(text, `"=ask the RTE"`) {
		t.Error("the formula-looking note is not text as written in LibreOffice's reading")
	}
	// The draft's row: its date and rating unquoted (numbers), its note text.
	var line string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, `"draft"`) && strings.Contains(l, `"fit.shared-product.v1"`) {
			line = l
		}
	}
	if !strings.Contains(line, `,2026-06-29,`) || !strings.Contains(line, `,4,`) {
		t.Errorf("the draft's date or rating is not a number to LibreOffice: %s", line)
	}
	overall, err := os.ReadFile(filepath.Join(dir, "sample-Overall.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := csv.NewReader(bytes.NewReader(overall)).ReadAll()
	if err != nil || len(rec) < 2 {
		t.Fatalf("Overall sheet: %v %v", rec, err)
	}
	score := slices.Index(rec[0], "score")
	lines := strings.Split(string(overall), "\n")
	if score < 0 || rec[1][score] == "" || strings.Contains(lines[1], `"`+rec[1][score]+`"`) {
		t.Errorf("the overall score is not a number to LibreOffice: %s", lines[1])
	}
}

// A row holding a value the column table does not explain is refused, so
// the CSV and the workbook cannot quietly disagree.
func TestExportRowCheck(t *testing.T) {
	cases := []struct {
		name string
		row  func(r *exportRow)
		want string
	}{
		{"a column its kind lacks", func(r *exportRow) { r.kind = levelRow; r.cells[colFigure] = whole(3) }, "does not explain"},
		{"a number in a text column", func(r *exportRow) { r.kind = answerRow; r.cells[colNote] = whole(3) }, "is not a text"},
		{"text in a date column", func(r *exportRow) { r.kind = answerRow; r.cells[colDate] = text("today") }, "is not a date"},
		{"a date in a number column", func(r *exportRow) { r.kind = answerRow; r.cells[colFigure] = day(time.Now()) }, "is not a number"},
	}
	for _, c := range cases {
		var r exportRow
		c.row(&r)
		if err := r.check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	ok := exportRow{kind: answerRow}
	ok.cells[colRating], ok.cells[colScore] = text(csvNotApplicable), points(50)
	if err := ok.check(); err != nil {
		t.Errorf("n/a in the rating column: %v", err)
	}
}

// hasCalc reports whether the LibreOffice behind soffice has Calc: its
// core library, libsclo, sits in the program folder beside soffice.
func hasCalc(soffice string) bool {
	real, err := filepath.EvalSymlinks(soffice)
	if err != nil {
		return false
	}
	for _, name := range []string{"libsclo.so", "libsclo.dylib", "sclo.dll"} {
		if _, err := os.Stat(filepath.Join(filepath.Dir(real), name)); err == nil {
			return true
		}
	}
	return false
}
