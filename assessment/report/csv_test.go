package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// csvOf is the CSV of the given assessments of one train.
func csvOf(t *testing.T, defs *assessment.Definitions, train assessment.Train, all ...*assessment.Assessment) []byte {
	t.Helper()
	var buf bytes.Buffer
	out, err := NewCSV(&buf, defs)
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

// sampleCSV is the sample's finished assessment and a draft after it with
// one answer, as the store holds them after `trainscope sample` and a
// coach's first answer.
func sampleCSV(t *testing.T) (*assessment.Definitions, []byte) {
	in := sampleInput(t)
	draft := assessment.Assessment{ID: "draft", TrainID: in.Train.ID, Date: time.Date(2026, 6, 29, 0, 0, 0, 0, time.UTC),
		PI: "PI 2026.3", Assessor: "Coach B", Status: assessment.Draft, ChecklistVersion: in.Assessment.ChecklistVersion,
		Roster: in.Assessment.Roster, Register: in.Assessment.Register,
		Answers: map[string]assessment.Answer{"fit.shared-product.v1": {ItemID: "fit.shared-product.v1", Rating: assessment.DontKnow, Note: "=ask the RTE"}}}
	return in.Definitions, csvOf(t, in.Definitions, in.Train, in.Assessment, &draft)
}

// The sample's CSV, byte for byte, so a change to any column shows.
//
//	go test -tags migrated_fynedo ./assessment/report -run TestCSVGolden -update
func TestCSVGolden(t *testing.T) {
	_, got := sampleCSV(t)
	goldenCompare(t, filepath.Join("testdata", "sample.csv.golden"), string(got))
}

// Every row kind is there, an answer per item of each assessment, and a
// note that starts like a formula is kept as text.
func TestCSVRows(t *testing.T) {
	defs, out := sampleCSV(t)
	records, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(records[0], csvHeader) {
		t.Fatalf("header: %v", records[0])
	}
	col := func(name string) int { return slices.Index(csvHeader, name) }
	kinds := map[string]int{}
	for _, r := range records[1:] {
		if len(r) != len(csvHeader) {
			t.Fatalf("a row of %d columns for a header of %d: %v", len(r), len(csvHeader), r)
		}
		kinds[r[col("row")]]++
	}
	items := 0
	for _, c := range defs.Checklists {
		items += len(c.Items)
	}
	if kinds["answer"] < 2*items {
		t.Errorf("%d answer rows for 2 assessments of %d items", kinds["answer"], items)
	}
	for _, k := range []string{"checklist", "dimension", "overall", "level", "verdict"} {
		if kinds[k] == 0 {
			t.Errorf("no %q rows", k)
		}
	}
	if kinds["overall"] != 2 || kinds["verdict"] != 2 {
		t.Errorf("%d overall and %d verdict rows for 2 assessments", kinds["overall"], kinds["verdict"])
	}
	found := false
	for _, r := range records[1:] {
		if r[col("assessment_id")] == "draft" && r[col("id")] == "fit.shared-product.v1" && r[col("row")] == "answer" {
			found = true
			if r[col("note")] != "'=ask the RTE" || r[col("rating")] != "don't know" {
				t.Errorf("the draft's answer: note %q rating %q", r[col("note")], r[col("rating")])
			}
		}
	}
	if !found {
		t.Error("the draft's answer is missing")
	}
}

// Names in any script survive; one that starts like a formula is kept as
// text; an answer to an item the definitions no longer have is kept,
// unscored.
func TestCSVNamesAndUnknownItems(t *testing.T) {
	in := sampleInput(t)
	train := in.Train
	train.Name = "=Zahlungsverkehr 支払い مدفوعات 🚆"
	a := *in.Assessment
	a.Assessor = "Zoë Ødegård"
	a.Answers = map[string]assessment.Answer{"gone.v0": {ItemID: "gone.v0", Rating: 4, Note: "kept"}}
	records, err := csv.NewReader(bytes.NewReader(csvOf(t, in.Definitions, train, &a))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(csvHeader, name) }
	r := records[1]
	if r[col("train")] != "'"+train.Name || r[col("assessor")] != "Zoë Ødegård" {
		t.Errorf("names: train %q assessor %q", r[col("train")], r[col("assessor")])
	}
	var gone []string
	for _, r := range records[1:] {
		if r[col("id")] == "gone.v0" {
			gone = r
		}
	}
	if gone == nil || gone[col("rating")] != "4" || gone[col("score")] != "" || gone[col("note")] != "kept" ||
		!strings.Contains(gone[col("text")], "not in checklist version") {
		t.Errorf("the answer to an item no longer defined: %v", gone)
	}
}

// A writer that fails is reported; no definitions is refused.
func TestCSVErrors(t *testing.T) {
	if _, err := NewCSV(&bytes.Buffer{}, nil); err == nil || !strings.Contains(err.Error(), "no checklist definitions") {
		t.Errorf("NewCSV without definitions: %v", err)
	}
	in := sampleInput(t)
	out, err := NewCSV(failingWriter{}, in.Definitions)
	if err != nil {
		t.Fatal(err)
	}
	// The rows are buffered: the failure shows when the buffer first
	// fills, or at the latest on Flush.
	err = out.Assessment(in.Train, in.Assessment)
	if err == nil {
		err = out.Flush()
	}
	if !errors.Is(err, errDiskGone) {
		t.Errorf("writing to a failing writer: %v", err)
	}
}

var errDiskGone = errors.New("disk gone")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskGone }
