package report

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// The spreadsheet exports, CSV and workbook, write the same rows from one
// table of columns: what each column holds in each kind of row, of what
// kind (text, a whole number, a score…) and in plain words. The CSV puts
// every kind of row under one header; the workbook gives each kind its own
// sheet with only its columns, and explains them all in a "Columns" sheet.
// Both read the table and the rows made here, so they cannot disagree.

// rowKind is a kind of row: the CSV's "row" column, the workbook's sheet.
type rowKind string

// The kinds of row, in the order an assessment's rows come.
const (
	answerRow    rowKind = "answer"
	voteRow      rowKind = "vote"
	checklistRow rowKind = "checklist"
	dimensionRow rowKind = "dimension"
	overallRow   rowKind = "overall"
	levelRow     rowKind = "level"
	verdictRow   rowKind = "verdict"
	followUpRow  rowKind = "follow-up"
)

// rowSheet is a kind of row with its sheet in the workbook.
type rowSheet struct {
	kind  rowKind
	sheet string // the sheet's name: at most 31 characters, as spreadsheets allow
	about string // what one row is
}

// rowSheets lists every kind of row, with its sheet, in the workbook's
// order.
var rowSheets = []rowSheet{
	{answerRow, "Answers", "One row per checklist item of each assessment, answered or not, in checklist order; answers to items the checklist version no longer has come last, unscored."},
	{voteRow, "Votes", "In a workshop, one row per vote on each revealed item, in voting order. Hidden votes are never exported."},
	{checklistRow, "Checklists", "One row per checklist of each assessment: its score and how many items were answered."},
	{dimensionRow, "Dimensions", "One row per dimension of each assessment: its score and how many items were answered."},
	{overallRow, "Overall", "One row per assessment: the overall maturity score."},
	{levelRow, "Maturity level", "One row per assessment: the maturity level of the whole train."},
	{verdictRow, "Facilitator verdict", "One row per assessment: should this train have a scaled facilitator now?"},
	{followUpRow, "Follow-ups", "One row per follow-up of a recommendation an earlier assessment agreed."},
}

// columnKind is what a column's values are, as a spreadsheet should take
// them.
type columnKind int

const (
	textKind  columnKind = iota
	wholeKind            // a whole number
	numberKind
	scoreKind // a score from 0 to 100, one decimal
	dateKind
)

func (k columnKind) String() string {
	switch k {
	case wholeKind:
		return "whole number"
	case numberKind:
		return "number"
	case scoreKind:
		return "score 0–100"
	case dateKind:
		return "date"
	}
	return "text"
}

// column is one column of the exports and what it holds in each kind of
// row that has it; in other kinds of row it stays empty.
type exportColumn struct {
	name string
	uses []columnUse
}

// columnUse is what a column holds in some kinds of row.
type columnUse struct {
	rows  []rowKind
	kind  columnKind
	about string
}

// use is what the column holds in rows of kind k, if anything.
func (c exportColumn) use(k rowKind) (columnUse, bool) {
	for _, u := range c.uses {
		if slices.Contains(u.rows, k) {
			return u, true
		}
	}
	return columnUse{}, false
}

// The columns, in the CSV's order.
const (
	colTrain = iota
	colTrainID
	colAssessmentID
	colDate
	colPI
	colAssessor
	colStatus
	colChecklistVersion
	colRow
	colChecklist
	colID
	colText
	colRating
	colRatingLabel
	colSource
	colFigure
	colScore
	colRated
	colNotApplicable
	colDontKnow
	colTotal
	colNote
	colEvidence
	colVotes
	colDistribution
	colVotesNotApplicable
	colVotesDontKnow
	colMedian
	colDisagreement
	colFlagged
	colObserved
	colObservedGap
	colParticipant
	colParticipantRole
	numColumns
)

var (
	everyRow      = []rowKind{answerRow, voteRow, checklistRow, dimensionRow, overallRow, levelRow, verdictRow, followUpRow}
	scoredRows    = []rowKind{checklistRow, dimensionRow, overallRow}
	ratingWords   = fmt.Sprintf("%q (not applicable) or %q, which never count toward a score", csvNotApplicable, csvDontKnow)
	followUpWords = func() string {
		var titles []string
		for _, s := range assessment.FollowUpStates {
			titles = append(titles, s.Title())
		}
		return strings.Join(append(titles, assessment.FollowUpOpen.Title()), ", ")
	}()
)

// The words the rating columns hold besides a level.
const (
	csvNotApplicable = "n/a"
	csvDontKnow      = "don't know"
	csvMet           = "met"
	csvNotMet        = "not met"
	csvFlagged       = "yes"
)

// exportColumns is the table every spreadsheet export reads.
var exportColumns = [numColumns]exportColumn{
	colTrain:            {"train", []columnUse{{everyRow, textKind, "The train's name."}}},
	colTrainID:          {"train_id", []columnUse{{everyRow, textKind, "The train's id, the same in every export and bundle."}}},
	colAssessmentID:     {"assessment_id", []columnUse{{everyRow, textKind, "The assessment's id."}}},
	colDate:             {"date", []columnUse{{everyRow, dateKind, "The assessment's date."}}},
	colPI:               {"pi", []columnUse{{everyRow, textKind, "The planning interval (or sprint or release) the assessment belongs to."}}},
	colAssessor:         {"assessor", []columnUse{{everyRow, textKind, "Who assessed."}}},
	colStatus:           {"status", []columnUse{{everyRow, textKind, fmt.Sprintf("%q or %q.", assessment.Draft, assessment.Final)}}},
	colChecklistVersion: {"checklist_version", []columnUse{{everyRow, textKind, "The version of the checklists the assessment was made with."}}},
	colRow:              {"row", nil}, // the CSV's only: in the workbook the sheet says it
	colChecklist: {"checklist", []columnUse{
		{[]rowKind{answerRow, voteRow}, textKind, "The id of the item's checklist; empty for an item the checklist version no longer has."},
		{[]rowKind{checklistRow}, textKind, "The checklist's id."},
		{[]rowKind{verdictRow}, textKind, "The checklist the verdict comes from."},
	}},
	colID: {"id", []columnUse{
		{[]rowKind{answerRow, voteRow}, textKind, "The item's stable id; changed wording is a new id."},
		{[]rowKind{checklistRow}, textKind, "The checklist's id."},
		{[]rowKind{dimensionRow}, textKind, "The dimension's id."},
		{[]rowKind{overallRow}, textKind, `Always "overall".`},
		{[]rowKind{levelRow}, wholeKind, fmt.Sprintf("The level's number, 1 (lowest) to %d.", len(assessment.MaturityLevels))},
		{[]rowKind{verdictRow}, textKind, fmt.Sprintf("The verdict: %q, %q, %q or %q.", assessment.Recommended, assessment.RecommendedConditions, assessment.NotRecommended, assessment.Undecided)},
		{[]rowKind{followUpRow}, textKind, "The id of the recommendation followed up."},
	}},
	colText: {"text", []columnUse{
		{[]rowKind{answerRow, voteRow}, textKind, "The item's text."},
		{[]rowKind{checklistRow, dimensionRow}, textKind, "Its title."},
		{[]rowKind{overallRow}, textKind, "What the score is."},
		{[]rowKind{levelRow}, textKind, "The level's name."},
		{[]rowKind{verdictRow}, textKind, "The verdict in a sentence."},
		{[]rowKind{followUpRow}, textKind, "The recommendation's finding."},
	}},
	colRating: {"rating", []columnUse{
		{[]rowKind{answerRow}, wholeKind, "The level given, 1 the lowest, or " + ratingWords + "; empty when not answered. In a workshop, the room's consensus."},
		{[]rowKind{voteRow}, wholeKind, "The level this participant voted, or " + ratingWords + "."},
		{[]rowKind{followUpRow}, textKind, "What the coach says happened: " + followUpWords + "."},
	}},
	colRatingLabel: {"rating_label", []columnUse{
		{[]rowKind{answerRow, voteRow}, textKind, "The words of the level given."},
		{[]rowKind{followUpRow}, textKind, fmt.Sprintf("Whether the acceptance criterion is %q or %q, where the data or the coach decides it.", csvMet, csvNotMet)},
	}},
	colSource: {"source", []columnUse{
		{[]rowKind{answerRow}, textKind, fmt.Sprintf("Where the level came from: %q (the coach rated it), %q (a figure the coach entered, through its bands) or %q (the impediment register's figure).", assessment.FromRating, assessment.FromFigure, assessment.FromRegister)},
		{[]rowKind{followUpRow}, textKind, `Who decided met or not met: "data" or "coach" (who overrode the data).`},
	}},
	colFigure:        {"figure", []columnUse{{[]rowKind{answerRow}, numberKind, "The figure the coach entered for an item measured by a number."}}},
	colScore:         {"score", []columnUse{{[]rowKind{answerRow}, scoreKind, "The item's value, 0 to 100; empty when it is not rated."}, {scoredRows, scoreKind, "The score, 0 to 100; empty when nothing was rated."}}},
	colRated:         {"rated", []columnUse{{scoredRows, wholeKind, "How many items were rated on their scale."}}},
	colNotApplicable: {"not_applicable", []columnUse{{scoredRows, wholeKind, "How many items were not applicable."}}},
	colDontKnow:      {"dont_know", []columnUse{{scoredRows, wholeKind, `How many items were "don't know".`}}},
	colTotal:         {"total", []columnUse{{scoredRows, wholeKind, "How many items there are in all."}}},
	colNote: {"note", []columnUse{
		{[]rowKind{answerRow, checklistRow}, textKind, "The coach's note."},
		{[]rowKind{levelRow}, textKind, "What the level means."},
		{[]rowKind{verdictRow}, textKind, "The way to start."},
		{[]rowKind{followUpRow}, textKind, "The coach's note, why it was dropped, and why the coach overrode the data."},
	}},
	colEvidence: {"evidence", []columnUse{
		{[]rowKind{answerRow}, textKind, "The evidence the coach recorded."},
		{[]rowKind{followUpRow}, textKind, "What the data shows about the acceptance criterion."},
	}},
	colVotes:              {"votes", []columnUse{{[]rowKind{answerRow}, wholeKind, "Workshop: how many have voted (never how, before the reveal)."}}},
	colDistribution:       {"distribution", []columnUse{{[]rowKind{answerRow}, textKind, `Workshop, once revealed: the votes per level, level 1 first, separated by spaces ("2 0 0 0 2").`}}},
	colVotesNotApplicable: {"votes_not_applicable", []columnUse{{[]rowKind{answerRow}, wholeKind, "Workshop, once revealed: how many voted not applicable."}}},
	colVotesDontKnow:      {"votes_dont_know", []columnUse{{[]rowKind{answerRow}, wholeKind, `Workshop, once revealed: how many voted "don't know".`}}},
	colMedian:             {"median", []columnUse{{[]rowKind{answerRow}, numberKind, "Workshop, once revealed: the median of the levels voted."}}},
	colDisagreement:       {"disagreement", []columnUse{{[]rowKind{answerRow}, numberKind, "Workshop, once revealed: how far the votes disagree, 0 (all agree) to 1 (split between the ends of the scale)."}}},
	colFlagged:            {"flagged", []columnUse{{[]rowKind{answerRow}, textKind, fmt.Sprintf("Workshop: %q when the disagreement is %g or more: discuss it first.", csvFlagged, assessment.StrongDisagreement)}}},
	colObserved: {"observed", []columnUse{
		{[]rowKind{answerRow}, wholeKind, "Workshop: the level the coach observed, or " + ratingWords + "."},
		{[]rowKind{checklistRow}, scoreKind, "Workshop: the checklist's score from the coach's observations alone."},
	}},
	colObservedGap: {"observed_gap", []columnUse{
		{[]rowKind{answerRow}, wholeKind, "Workshop: the consensus minus the observation, in levels; positive when the room rates itself higher."},
		{[]rowKind{checklistRow}, scoreKind, "Workshop: the consensus score minus the observed one, in points."},
	}},
	colParticipant:     {"participant", []columnUse{{[]rowKind{voteRow}, textKind, "Who voted; in an anonymous workshop their anonymous label, never the name."}}},
	colParticipantRole: {"participant_role", []columnUse{{[]rowKind{voteRow}, textKind, "The voter's role."}}},
}

// exportCell is one value of a row, with its kind, so the CSV can write it as
// text and the workbook as a typed cell.
type exportCell struct {
	kind   cellKind
	text   string
	number float64
	digits int // decimals to write; -1 as many as needed
	date   time.Time
}

type cellKind int

const (
	emptyCell cellKind = iota
	textCell
	numberCell
	dateCell
)

func text(s string) exportCell {
	if s == "" {
		return exportCell{}
	}
	return exportCell{kind: textCell, text: s}
}

func whole(n int) exportCell { return exportCell{kind: numberCell, number: float64(n)} }

func decimal(v float64, digits int) exportCell {
	return exportCell{kind: numberCell, number: v, digits: digits}
}

// points is a score or a difference of scores, 0 to 100, to one decimal.
func points(v float64) exportCell { return decimal(v, 1) }

func day(t time.Time) exportCell {
	return exportCell{kind: dateCell, date: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

func score(s assessment.Score) exportCell {
	if !s.Known() {
		return exportCell{}
	}
	return points(s.Value)
}

func rating(r assessment.Rating) exportCell {
	switch {
	case r == assessment.NotApplicable:
		return text(csvNotApplicable)
	case r == assessment.DontKnow:
		return text(csvDontKnow)
	case r.Rated():
		return whole(int(r))
	}
	return exportCell{}
}

func figure(f *float64) exportCell {
	if f == nil {
		return exportCell{}
	}
	return decimal(*f, -1)
}

// exportRow is one row of the exports.
type exportRow struct {
	kind  rowKind
	cells [numColumns]exportCell
}

// check refuses a row that holds a value the table does not explain: in a
// column its kind of row lacks, or of another kind than the table says.
// Either would make the CSV and the workbook disagree.
func (r *exportRow) check() error {
	for i, c := range r.cells {
		if c.kind == emptyCell || i == colRow {
			continue
		}
		u, ok := exportColumns[i].use(r.kind)
		switch {
		case !ok:
			return fmt.Errorf("export: a %s row has a %s, which the column table does not explain", r.kind, exportColumns[i].name)
		case (c.kind == dateCell) != (u.kind == dateKind), c.kind == numberCell && u.kind == textKind:
			return fmt.Errorf("export: the %s of a %s row is not a %s", exportColumns[i].name, r.kind, u.kind)
		}
	}
	return nil
}

// exportRows calls emit with each row of assessment a of train t, in order:
// its answers (each revealed workshop item followed by its votes), its
// scores, level, verdict and follow-ups. Scores are computed with defs. The
// row passed to emit is reused for the next.
func exportRows(defs *assessment.Definitions, t assessment.Train, a *assessment.Assessment, emit func(*exportRow) error) error {
	res := assessment.Evaluate(defs, t, a)
	var r exportRow
	// start begins a row of kind k with the assessment's columns.
	start := func(k rowKind) *[numColumns]exportCell {
		r = exportRow{kind: k}
		r.cells[colTrain], r.cells[colTrainID], r.cells[colAssessmentID] = text(t.Name), text(t.ID), text(a.ID)
		r.cells[colDate], r.cells[colPI], r.cells[colAssessor] = day(a.Date), text(a.PI), text(a.Assessor)
		r.cells[colStatus], r.cells[colChecklistVersion] = text(string(a.Status)), text(a.ChecklistVersion)
		r.cells[colRow] = text(string(k))
		return &r.cells
	}
	done := func() error {
		if err := r.check(); err != nil {
			return err
		}
		return emit(&r)
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
		itemText, label := "", ""
		if it != nil {
			itemText = it.Text
			if lv := it.Level(int(is.Rating)); lv != nil && is.Rating.Rated() {
				label = lv.Label
			}
		}
		c := start(answerRow)
		c[colChecklist], c[colID], c[colText] = text(is.ChecklistID), text(is.ItemID), text(itemText)
		c[colRating], c[colRatingLabel], c[colSource] = rating(ans.Rating), text(label), text(string(is.Source))
		c[colFigure], c[colNote], c[colEvidence] = figure(ans.Figure), text(ans.Note), text(ans.Evidence)
		if is.Rating.Rated() {
			c[colScore] = points(is.Value * 100)
		}
		workshopCells(c, w, it, is.ItemID, gaps)
		if err := done(); err != nil {
			return err
		}
		if err := eachRevealedVote(w, it, func(v assessment.Vote, p assessment.Participant, label string) error {
			c := start(voteRow)
			c[colChecklist], c[colID], c[colText] = text(is.ChecklistID), text(is.ItemID), text(itemText)
			c[colRating], c[colRatingLabel] = rating(v.Rating), text(label)
			c[colParticipant], c[colParticipantRole] = text(w.DisplayName(p, t.Framework)), text(p.Role.Title(t.Framework))
			return done()
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
		c := start(answerRow)
		c[colID], c[colText] = text(id), text("(not in checklist version "+defs.Version+")")
		c[colRating], c[colFigure], c[colNote], c[colEvidence] = rating(ans.Rating), figure(ans.Figure), text(ans.Note), text(ans.Evidence)
		workshopCells(c, w, nil, id, gaps)
		if err := done(); err != nil {
			return err
		}
	}
	counts := func(c *[numColumns]exportCell, sc assessment.Score) {
		c[colScore] = score(sc)
		c[colRated], c[colNotApplicable], c[colDontKnow], c[colTotal] = whole(sc.Rated), whole(sc.NA), whole(sc.DontKnow), whole(sc.Total)
	}
	for _, ch := range res.Checklists {
		c := start(checklistRow)
		c[colChecklist], c[colID], c[colText], c[colNote] = text(ch.ChecklistID), text(ch.ChecklistID), text(ch.Title), text(a.Notes[ch.ChecklistID])
		counts(c, ch.Score)
		if co, ok := perChecklist[ch.ChecklistID]; ok {
			c[colObserved] = score(co.Observed)
			if co.Self.Known() && co.Observed.Known() {
				c[colObservedGap] = points(co.Gap)
			}
		}
		if err := done(); err != nil {
			return err
		}
	}
	for _, d := range res.Dimensions {
		c := start(dimensionRow)
		c[colID], c[colText] = text(d.DimensionID), text(d.Title)
		counts(c, d.Score)
		if err := done(); err != nil {
			return err
		}
	}
	c := start(overallRow)
	c[colID], c[colText] = text("overall"), text("Overall maturity score")
	counts(c, res.Overall)
	if err := done(); err != nil {
		return err
	}
	c = start(levelRow)
	c[colID], c[colText], c[colNote] = whole(res.Level.Number), text(res.Level.Name), text(res.Level.Description)
	if err := done(); err != nil {
		return err
	}
	c = start(verdictRow)
	c[colChecklist], c[colID], c[colText], c[colNote] = text(assessment.ChecklistFit), text(string(res.Verdict.Kind)), text(res.Verdict.Headline), text(res.Verdict.WayToStart)
	if err := done(); err != nil {
		return err
	}
	// Follow-ups: the state the coach set in the rating column, what the
	// data says in the label column ("met", "not met", or empty when only a
	// person can judge), the coach's note and the data's evidence.
	for _, fr := range res.FollowUps {
		met, source := "", ""
		if fr.Met != nil {
			met, source = map[bool]string{true: csvMet, false: csvNotMet}[*fr.Met], "data"
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
		c := start(followUpRow)
		c[colID], c[colText], c[colRating] = text(fr.RecommendationID), text(fr.Finding), text(fr.State.Title())
		c[colRatingLabel], c[colSource], c[colNote], c[colEvidence] = text(met), text(source), text(note), text(fr.Evidence)
		if err := done(); err != nil {
			return err
		}
	}
	return nil
}

// workshopCells fills an answer row's workshop columns: how many voted
// (never how, before the reveal), the spread once revealed, and the coach's
// observation with its gap to the consensus.
func workshopCells(c *[numColumns]exportCell, w *assessment.Workshop, it *assessment.Item, itemID string, gaps map[string]int) {
	if w == nil {
		return
	}
	voted, _ := w.Voted(itemID)
	c[colVotes] = whole(len(voted))
	if it != nil {
		if sp, ok := w.Spread(itemID, len(it.Levels)); ok {
			counts := make([]string, len(sp.Counts))
			for i, n := range sp.Counts {
				counts[i] = strconv.Itoa(n)
			}
			c[colDistribution] = text(strings.Join(counts, " "))
			c[colVotesNotApplicable], c[colVotesDontKnow] = whole(sp.NA), whole(sp.DontKnow)
			if sp.Rated() > 0 {
				c[colMedian] = decimal(sp.Median, -1)
			}
			c[colDisagreement] = decimal(sp.Disagreement, 2)
			if sp.Flagged() {
				c[colFlagged] = text(csvFlagged)
			}
		}
	}
	c[colObserved] = rating(w.Observed[itemID])
	if g, ok := gaps[itemID]; ok {
		c[colObservedGap] = whole(g)
	}
}

// eachRevealedVote calls vote for each vote on a revealed item, in participant
// order; hidden votes are never written.
func eachRevealedVote(w *assessment.Workshop, it *assessment.Item, vote func(v assessment.Vote, p assessment.Participant, label string) error) error {
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
