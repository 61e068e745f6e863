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
// which, so a spreadsheet can filter. A workshop assessment adds, after each
// revealed item, one "vote" row per vote, and fills the workshop columns
// (the last ones, empty otherwise).
var csvHeader = []string{
	"train", "train_id", "assessment_id", "date", "pi", "assessor", "status", "checklist_version",
	"row", "checklist", "id", "text", "rating", "rating_label", "source", "figure",
	"score", "rated", "not_applicable", "dont_know", "total", "note", "evidence",
	"votes", "distribution", "votes_not_applicable", "votes_dont_know", "median", "disagreement", "flagged",
	"observed", "observed_gap", "participant", "participant_role",
}

// workshopCells are the workshop columns of one row.
type workshopCells struct {
	votes, distribution, na, dontKnow, median, disagreement, flagged, observed, gap, participant, role string
}

func (c workshopCells) list() []string {
	return []string{c.votes, c.distribution, c.na, c.dontKnow, c.median, c.disagreement, c.flagged, c.observed, c.gap, cell(c.participant), c.role}
}

// itemCells are an item's workshop columns: how many voted (never how,
// before the reveal), the spread once revealed, and the coach's observation
// with its gap to the consensus.
func itemCells(w *assessment.Workshop, it *assessment.Item, itemID string, gaps map[string]int) workshopCells {
	var c workshopCells
	if w == nil {
		return c
	}
	voted, _ := w.Voted(itemID)
	c.votes = strconv.Itoa(len(voted))
	if it != nil {
		if sp, ok := w.Spread(itemID, len(it.Levels)); ok {
			counts := make([]string, len(sp.Counts))
			for i, n := range sp.Counts {
				counts[i] = strconv.Itoa(n)
			}
			c.distribution = strings.Join(counts, " ")
			c.na, c.dontKnow = strconv.Itoa(sp.NA), strconv.Itoa(sp.DontKnow)
			if sp.Rated() > 0 {
				c.median = strconv.FormatFloat(sp.Median, 'f', -1, 64)
			}
			c.disagreement = strconv.FormatFloat(sp.Disagreement, 'f', 2, 64)
			if sp.Flagged() {
				c.flagged = "yes"
			}
		}
	}
	c.observed = ratingText(w.Observed[itemID])
	if g, ok := gaps[itemID]; ok {
		c.gap = strconv.Itoa(g)
	}
	return c
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
	var wc workshopCells // the workshop columns of the next row
	row := func(kind, checklist, id, text, rating, label, source, figure, score string, sc *assessment.Score, note, evidence string) error {
		counts := []string{"", "", "", ""}
		if sc != nil {
			counts = []string{strconv.Itoa(sc.Rated), strconv.Itoa(sc.NA), strconv.Itoa(sc.DontKnow), strconv.Itoa(sc.Total)}
		}
		rec := append(append([]string{}, lead...), kind, checklist, cell(id), cell(text), rating, cell(label), source, figure, score)
		rec = append(rec, counts...)
		rec = append(rec, cell(note), cell(evidence))
		rec = append(rec, wc.list()...)
		wc = workshopCells{}
		return cw.Write(rec)
	}
	w := a.Workshop
	gaps := map[string]int{}
	perChecklist := map[string]assessment.ChecklistObservation{}
	if w != nil {
		items, checklists := assessment.ObservationGaps(defs, a)
		for _, g := range items {
			gaps[g.ItemID] = g.Gap
		}
		for _, co := range checklists {
			perChecklist[co.ChecklistID] = co
		}
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
		wc = itemCells(w, it, is.ItemID, gaps)
		if err := row("answer", is.ChecklistID, is.ItemID, text, ratingText(ans.Rating), label, string(is.Source), figure, score, nil, ans.Note, ans.Evidence); err != nil {
			return err
		}
		if err := writeCSVVotes(w, it, func(v assessment.Vote, p assessment.Participant, label string) error {
			wc = workshopCells{participant: w.DisplayName(p, t.Framework), role: p.Role.Title(t.Framework)}
			return row("vote", is.ChecklistID, is.ItemID, text, ratingText(v.Rating), label, "", "", "", nil, "", "")
		}); err != nil {
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
		wc = itemCells(w, nil, id, gaps)
		if err := row("answer", "", id, "(not in checklist version "+defs.Version+")", ratingText(ans.Rating), "", "", figure, "", nil, ans.Note, ans.Evidence); err != nil {
			return err
		}
	}
	for _, c := range res.Checklists {
		if co, ok := perChecklist[c.ChecklistID]; ok {
			wc = workshopCells{observed: scoreText(co.Observed)}
			if co.Self.Known() && co.Observed.Known() {
				wc.gap = pct(co.Gap)
			}
		}
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
	if err := row("verdict", assessment.ChecklistFit, string(res.Verdict.Kind), res.Verdict.Headline, "", "", "", "", "", nil, res.Verdict.WayToStart, ""); err != nil {
		return err
	}
	// Follow-ups: the state the coach set in the rating column, what the
	// data says in the label column ("met", "not met", or empty when only a
	// person can judge), the coach's note and the data's evidence.
	for _, fr := range res.FollowUps {
		met, source := "", ""
		if fr.Met != nil {
			met, source = map[bool]string{true: "met", false: "not met"}[*fr.Met], "data"
		}
		if fr.Override != "" {
			met, source = strings.ReplaceAll(fr.Override, "-", " "), "coach"
		}
		note := fr.Note
		if fr.Reason != "" {
			note = strings.TrimSpace(note + " Dropped because: " + fr.Reason)
		}
		if fr.OverrideReason != "" {
			note = strings.TrimSpace(note + " Override: " + fr.OverrideReason)
		}
		if err := row("follow-up", "", fr.RecommendationID, fr.Finding, fr.State.Title(), met, source, "", "", nil, note, fr.Evidence); err != nil {
			return err
		}
	}
	return nil
}

// writeCSVVotes calls vote for each vote on a revealed item, in participant
// order; hidden votes are never written.
func writeCSVVotes(w *assessment.Workshop, it *assessment.Item, vote func(v assessment.Vote, p assessment.Participant, label string) error) error {
	if w == nil || it == nil {
		return nil
	}
	sp, ok := w.Spread(it.ID, len(it.Levels))
	if !ok {
		return nil
	}
	for _, v := range sp.Votes {
		p := w.Participant(v.ParticipantID)
		if p == nil {
			continue
		}
		label := ""
		if lv := it.Level(int(v.Rating)); lv != nil && v.Rating.Rated() {
			label = lv.Label
		}
		if err := vote(v, *p, label); err != nil {
			return err
		}
	}
	return nil
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
