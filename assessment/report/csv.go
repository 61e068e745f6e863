package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
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

// csvWorkshopCells are the workshop columns of one row.
type csvWorkshopCells struct {
	votes, distribution, na, dontKnow, median, disagreement, flagged, observed, gap, participant, role string
}

func (c csvWorkshopCells) list() []string {
	return []string{c.votes, c.distribution, c.na, c.dontKnow, c.median, c.disagreement, c.flagged, c.observed, c.gap, csvCell(c.participant), c.role}
}

// csvItemCells are an item's workshop columns: how many voted (never how,
// before the reveal), the spread once revealed, and the coach's observation
// with its gap to the consensus.
func csvItemCells(w *assessment.Workshop, it *assessment.Item, itemID string, gaps map[string]int) csvWorkshopCells {
	var c csvWorkshopCells
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
	c.observed = csvRating(w.Observed[itemID])
	if g, ok := gaps[itemID]; ok {
		c.gap = strconv.Itoa(g)
	}
	return c
}

// Assessment writes the rows of one assessment of train t: its answers,
// the votes of a workshop, its scores, level, verdict and follow-ups.
func (x *CSV) Assessment(t assessment.Train, a *assessment.Assessment) error {
	cw, defs := x.cw, x.defs
	res := assessment.Evaluate(defs, t, a)
	lead := []string{csvCell(t.Name), t.ID, a.ID, a.Date.Format("2006-01-02"), csvCell(a.PI), csvCell(a.Assessor), string(a.Status), csvCell(a.ChecklistVersion)}
	var wc csvWorkshopCells // the workshop columns of the next row
	row := func(kind, checklist, id, text, rating, label, source, figure, score string, sc *assessment.Score, note, evidence string) error {
		counts := []string{"", "", "", ""}
		if sc != nil {
			counts = []string{strconv.Itoa(sc.Rated), strconv.Itoa(sc.NA), strconv.Itoa(sc.DontKnow), strconv.Itoa(sc.Total)}
		}
		rec := append(append([]string{}, lead...), kind, checklist, csvCell(id), csvCell(text), rating, csvCell(label), source, figure, score)
		rec = append(rec, counts...)
		rec = append(rec, csvCell(note), csvCell(evidence))
		rec = append(rec, wc.list()...)
		wc = csvWorkshopCells{}
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
			score = csvPct(is.Value * 100)
		}
		figure := ""
		if ans.Figure != nil {
			figure = strconv.FormatFloat(*ans.Figure, 'f', -1, 64)
		}
		wc = csvItemCells(w, it, is.ItemID, gaps)
		if err := row("answer", is.ChecklistID, is.ItemID, text, csvRating(ans.Rating), label, string(is.Source), figure, score, nil, ans.Note, ans.Evidence); err != nil {
			return err
		}
		if err := csvVotes(w, it, func(v assessment.Vote, p assessment.Participant, label string) error {
			wc = csvWorkshopCells{participant: w.DisplayName(p, t.Framework), role: p.Role.Title(t.Framework)}
			return row("vote", is.ChecklistID, is.ItemID, text, csvRating(v.Rating), label, "", "", "", nil, "", "")
		}); err != nil {
			return err
		}
	}
	// Answers to items these definitions no longer have (another checklist
	// version) are kept in the export, unscored.
	for _, id := range slices.Sorted(maps.Keys(a.Answers)) {
		if seen[id] {
			continue
		}
		ans := a.Answers[id]
		figure := ""
		if ans.Figure != nil {
			figure = strconv.FormatFloat(*ans.Figure, 'f', -1, 64)
		}
		wc = csvItemCells(w, nil, id, gaps)
		if err := row("answer", "", id, "(not in checklist version "+defs.Version+")", csvRating(ans.Rating), "", "", figure, "", nil, ans.Note, ans.Evidence); err != nil {
			return err
		}
	}
	for _, c := range res.Checklists {
		if co, ok := perChecklist[c.ChecklistID]; ok {
			wc = csvWorkshopCells{observed: csvScore(co.Observed)}
			if co.Self.Known() && co.Observed.Known() {
				wc.gap = csvPct(co.Gap)
			}
		}
		if err := row("checklist", c.ChecklistID, c.ChecklistID, c.Title, "", "", "", "", csvScore(c.Score), &c.Score, a.Notes[c.ChecklistID], ""); err != nil {
			return err
		}
	}
	for _, d := range res.Dimensions {
		if err := row("dimension", "", d.DimensionID, d.Title, "", "", "", "", csvScore(d.Score), &d.Score, "", ""); err != nil {
			return err
		}
	}
	if err := row("overall", "", "overall", "Overall maturity score", "", "", "", "", csvScore(res.Overall), &res.Overall, "", ""); err != nil {
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

// csvVotes calls vote for each vote on a revealed item, in participant
// order; hidden votes are never written.
func csvVotes(w *assessment.Workshop, it *assessment.Item, vote func(v assessment.Vote, p assessment.Participant, label string) error) error {
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

func csvRating(r assessment.Rating) string {
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

func csvScore(s assessment.Score) string {
	if !s.Known() {
		return ""
	}
	return csvPct(s.Value)
}

func csvPct(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// csvCell keeps a spreadsheet from running a note as a formula: text from a
// coach, or from an imported bundle, that starts like one gets a leading
// apostrophe, which spreadsheets show as plain text.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
