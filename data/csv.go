package data

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// csvHeader names the columns of the CSV export. One row per item answered
// or not, then one per checklist score, dimension score, the overall score,
// the maturity level and the facilitator verdict; the "row" column says
// which, so a spreadsheet can filter.
var csvHeader = []string{
	"train", "train_id", "assessment_id", "date", "pi", "assessor", "status", "checklist_version",
	"row", "checklist", "id", "text", "rating", "rating_label", "source", "figure",
	"score", "rated", "not_applicable", "dont_know", "total", "note", "evidence",
}

// ExportCSV writes the answers and scores of every assessment of the given
// trains (every train when none are given) as CSV for spreadsheets. Scores
// are computed with defs by assessment.Evaluate, as the report shows them.
func (s *Store) ExportCSV(ctx context.Context, w io.Writer, defs *assessment.Definitions, trainIDs []string) error {
	if defs == nil {
		return fmt.Errorf("export CSV: no checklist definitions")
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("export CSV: %w", err)
	}
	err := s.read(ctx, "export CSV", func(q querier) error {
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
			all, err := loadAssessments(ctx, q, "train_id = ?", id)
			if err != nil {
				return err
			}
			for _, sa := range all {
				if err := writeCSVAssessment(cw, defs, t, sa.A); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export CSV: %w", err)
	}
	return nil
}

func writeCSVAssessment(cw *csv.Writer, defs *assessment.Definitions, t assessment.Train, a *assessment.Assessment) error {
	res := assessment.Evaluate(defs, t, a)
	lead := []string{cell(t.Name), t.ID, a.ID, a.Date.Format("2006-01-02"), cell(a.PI), cell(a.Assessor), string(a.Status), cell(a.ChecklistVersion)}
	row := func(kind, checklist, id, text, rating, label, source, figure, score string, sc *assessment.Score, note, evidence string) error {
		counts := []string{"", "", "", ""}
		if sc != nil {
			counts = []string{strconv.Itoa(sc.Rated), strconv.Itoa(sc.NA), strconv.Itoa(sc.DontKnow), strconv.Itoa(sc.Total)}
		}
		rec := append(append([]string{}, lead...), kind, checklist, cell(id), cell(text), rating, cell(label), source, figure, score)
		rec = append(rec, counts...)
		return cw.Write(append(rec, cell(note), cell(evidence)))
	}
	seen := map[string]bool{}
	for _, is := range res.Items {
		seen[is.ItemID] = true
		it, _ := defs.Item(is.ItemID)
		ans := a.Answers[is.ItemID]
		text, label := "", ""
		if it != nil {
			text = it.Text
			if lv := it.Level(int(is.Rating)); lv != nil && is.Rating.Rated() {
				label = lv.Label
			}
		}
		score := ""
		if is.Rating.Rated() {
			score = pct(is.Value * 100)
		}
		figure := ""
		if ans.Figure != nil {
			figure = strconv.FormatFloat(*ans.Figure, 'f', -1, 64)
		}
		if err := row("answer", is.ChecklistID, is.ItemID, text, ratingText(ans.Rating), label, string(is.Source), figure, score, nil, ans.Note, ans.Evidence); err != nil {
			return err
		}
	}
	// Answers to items these definitions no longer have (another checklist
	// version) are kept in the export, unscored.
	for _, id := range sortedKeys(a.Answers) {
		if seen[id] {
			continue
		}
		ans := a.Answers[id]
		figure := ""
		if ans.Figure != nil {
			figure = strconv.FormatFloat(*ans.Figure, 'f', -1, 64)
		}
		if err := row("answer", "", id, "(not in checklist version "+defs.Version+")", ratingText(ans.Rating), "", "", figure, "", nil, ans.Note, ans.Evidence); err != nil {
			return err
		}
	}
	for _, c := range res.Checklists {
		if err := row("checklist", c.ChecklistID, c.ChecklistID, c.Title, "", "", "", "", scoreText(c.Score), &c.Score, a.Notes[c.ChecklistID], ""); err != nil {
			return err
		}
	}
	for _, d := range res.Dimensions {
		if err := row("dimension", "", d.DimensionID, d.Title, "", "", "", "", scoreText(d.Score), &d.Score, "", ""); err != nil {
			return err
		}
	}
	if err := row("overall", "", "overall", "Overall maturity score", "", "", "", "", scoreText(res.Overall), &res.Overall, "", ""); err != nil {
		return err
	}
	if err := row("level", "", strconv.Itoa(res.Level.Number), res.Level.Name, "", "", "", "", "", nil, res.Level.Description, ""); err != nil {
		return err
	}
	return row("verdict", assessment.ChecklistFit, string(res.Verdict.Kind), res.Verdict.Headline, "", "", "", "", "", nil, res.Verdict.WayToStart, "")
}

func ratingText(r assessment.Rating) string {
	switch {
	case r == assessment.NotApplicable:
		return "n/a"
	case r == assessment.DontKnow:
		return "don't know"
	case r.Rated():
		return strconv.Itoa(int(r))
	}
	return ""
}

func scoreText(s assessment.Score) string {
	if !s.Known() {
		return ""
	}
	return pct(s.Value)
}

func pct(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// cell keeps a spreadsheet from running a note as a formula: text from a
// coach, or from an imported bundle, that starts like one gets a leading
// apostrophe, which spreadsheets show as plain text.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
