package results

import (
	"context"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assessment/report"
)

// Exporter is what the shell offers for the report: the dialog that asks
// which report and where, and writes it.
type Exporter interface {
	ExportReport(trainID, assessmentID string)
}

// Undoer is what the shell offers after a deletion: the status bar's offer
// to take it back.
type Undoer interface {
	OfferUndo(what string, undo func())
}

// Screen shows what follows from an assessment: the train's level,
// the score of each checklist and dimension with the share of items it rests
// on, the radar of the dimensions against the previous assessment, the
// verdict on the scaled facilitator with its reasons, the role gaps, the
// register's figures, and the recommendations for the coach to review.
type Screen struct {
	host         host.Host
	trainID      string
	assessmentID string

	train   assessment.Train
	a       *assessment.Assessment
	results assessment.Results
	prev    *assessment.Assessment // the assessment before, if any
	prevRes assessment.Results
	loaded  bool

	body       *fyne.Container
	radar      *widgets.RadarChart
	banner     *fyne.Container
	recCards   []*recCard
	groupHeads []*groupHead
	recFilter  *widget.Select // which recommendations the list shows, kept while the screen is open
	recPlace   map[string]int // where each recommendation and group first came, so an edit does not move it

	followUpCards    []*followUpCard
	lastReasonDialog dialog.Dialog
	lastReasonEntry  *widget.Entry
	root             fyne.CanvasObject

	// Shown texts, for tests.
	levelText    *widget.Label
	verdictText  *widget.Label
	lastRecForm  *recommendationForm
	workshopGaps []string // the workshop card's lines per checklist
}

// New is the results of the assessment assessmentID of the train trainID;
// Reload reads them.
func New(h host.Host, trainID, assessmentID string) *Screen {
	rs := &Screen{host: h, trainID: trainID, assessmentID: assessmentID}
	rs.radar = widgets.NewRadarChart()
	rs.body = container.NewVBox()
	rs.banner = container.NewVBox()
	rs.root = container.NewBorder(rs.banner, nil, nil, nil, container.NewVScroll(container.NewPadded(rs.body)))
	return rs
}

func (rs *Screen) Title() string {
	if rs.a == nil {
		return "Results"
	}
	return "Results " + widgets.AssessmentTitle(rs.a.PI, rs.a.Date)
}

func (rs *Screen) Content() fyne.CanvasObject { return rs.root }

type resultsData struct {
	train   assessment.Train
	history []*assessment.Assessment
}

// Reload reads the assessment with the train's earlier ones, for the radar
// overlay and the changes.
func (rs *Screen) Reload() {
	trainID := rs.trainID
	host.Load(rs.host, "the results", func(ctx context.Context) (resultsData, error) {
		var d resultsData
		var err error
		if d.train, err = rs.host.Store().Train(ctx, trainID); err != nil {
			return d, err
		}
		d.history, err = rs.host.Store().Assessments(ctx, trainID)
		return d, err
	}, rs.set)
}

func (rs *Screen) set(d resultsData) {
	rs.train = d.train
	rs.a, rs.prev = nil, nil
	for _, a := range d.history {
		if a.ID == rs.assessmentID {
			rs.a = a
		}
	}
	if rs.a == nil {
		rs.host.ShowError("Could not show the results", fmt.Errorf("the assessment is no longer in the database"))
		return
	}
	// The previous assessment is the last earlier finished one, as in the
	// report: a draft is work in progress, not a point to compare with.
	if h := report.History(rs.host.Definitions(), rs.train, rs.a, d.history); len(h) > 0 {
		rs.prev, rs.prevRes = h[len(h)-1].Assessment, h[len(h)-1].Results
	}
	rs.loaded = true
	rs.evaluate()
	rs.host.Retitle()
}

// evaluate computes the results and shows them.
func (rs *Screen) evaluate() {
	rs.results = assessment.Evaluate(rs.host.Definitions(), rs.train, rs.a)
	rs.show()
}

func (rs *Screen) final() bool { return rs.a != nil && rs.a.Status == assessment.Final }

func (rs *Screen) show() {
	r := rs.results
	fw := rs.train.Framework

	// Actions along the top.
	checklists := widget.NewButtonWithIcon("Checklists", theme.DocumentIcon(), func() {
		rs.host.Open(host.Checklists(rs.trainID, rs.assessmentID))
	})
	export := widget.NewButtonWithIcon("Export report", theme.DocumentSaveIcon(), func() {
		if ex, ok := rs.host.(Exporter); ok {
			ex.ExportReport(rs.trainID, rs.assessmentID)
		}
	})
	export.Importance = widget.HighImportance
	if _, ok := rs.host.(Exporter); !ok {
		export.Disable()
	}
	status := widgets.StatusText(rs.a.Status)
	if rs.final() {
		status += " · read-only: reopen it from the checklists to change answers or recommendations"
	}
	rs.banner.Objects = []fyne.CanvasObject{container.NewPadded(container.NewBorder(nil, nil, nil,
		container.NewVBox(container.NewHBox(checklists, export)),
		container.NewVBox(widgets.HeadingTruncated(rs.train.Name+" · "+widgets.AssessmentTitle(rs.a.PI, rs.a.Date)), widgets.Truncated(status))))}
	rs.root.Refresh() // the banner's height changed: lay the screen out again

	// Level and verdict side by side.
	levelName := "Not enough rated to name a level"
	if r.Level.Number > 0 {
		levelName = fmt.Sprintf("Level %d · %s", r.Level.Number, r.Level.Name)
	}
	rs.levelText = widgets.Subheading(levelName)
	rs.levelText.Wrapping = fyne.TextWrapWord
	overall := widget.NewLabel(fmt.Sprintf("Overall score %s · %s", widgets.ScoreText(r.Overall), widgets.AnsweredText(r.Overall)))
	overall.Wrapping = fyne.TextWrapWord
	levelBox := container.NewVBox(widgets.SectionTitle("Maturity"), rs.levelText, overall, widgets.Wrapped(r.Level.Description))
	if rs.prev != nil {
		c := assessment.Compare(rs.prevRes, r)
		if c.Overall.Comparable {
			levelBox.Add(widgets.Wrapped(fmt.Sprintf("Since %s: %s overall.", widgets.AssessmentTitle(rs.prev.PI, rs.prev.Date), widgets.SignedPoints(c.Overall.Delta))))
		}
	}

	rs.verdictText = widgets.Subheading(widgets.VerdictText(r.Verdict.Kind))
	rs.verdictText.Wrapping = fyne.TextWrapWord
	verdictBox := container.NewVBox(widgets.SectionTitle(fw.FacilitatorTitle()), rs.verdictText, widgets.Wrapped(r.Verdict.Headline))
	if len(r.Verdict.Reasons) > 0 {
		var reasons []string
		for _, e := range r.Verdict.Reasons {
			reasons = append(reasons, e.Text)
		}
		verdictBox.Add(widgets.BoldLabel("Because"))
		verdictBox.Add(widgets.Bullets(reasons))
	}
	if len(r.Verdict.Conditions) > 0 {
		verdictBox.Add(widgets.BoldLabel("On condition that"))
		verdictBox.Add(widgets.Bullets(r.Verdict.Conditions))
	}
	if r.Verdict.WayToStart != "" {
		verdictBox.Add(widgets.BoldLabel("How to start"))
		verdictBox.Add(widgets.Wrapped(r.Verdict.WayToStart))
	}

	// Scores beside the radar.
	rs.radar.SetData(rs.radarData())
	legend := container.NewHBox(legendKey(widgets.ColorNameCurrent, "This assessment"))
	if rs.prev != nil {
		legend.Add(legendKey(widgets.ColorNamePrevious, "Previous: "+widgets.AssessmentTitle(rs.prev.PI, rs.prev.Date)))
	}
	radarBox := container.NewBorder(widgets.SectionTitle("Dimensions"), container.NewCenter(legend), nil, nil, withMinHeight(360, rs.radar))

	// Two columns of sections whose heights need not match, then the
	// recommendations across the width.
	left := container.NewVBox(widgets.Panel(levelBox), widgets.Panel(rs.scoresTable()), widgets.Panel(rs.figuresSection()))
	right := container.NewVBox(widgets.Panel(radarBox), widgets.Panel(verdictBox), widgets.Panel(rs.gapsSection()))
	rs.body.Objects = []fyne.CanvasObject{container.NewGridWithColumns(2, left, right)}
	if len(r.FollowUps) > 0 {
		rs.body.Add(rs.followUpsSection())
	}
	if rs.a.Workshop != nil {
		rs.body.Add(widgets.Panel(rs.workshopSection()))
	}
	rs.body.Add(rs.recommendationsSection())
	rs.body.Refresh()
}

// radarData is the dimension scores of this assessment and the one before.
func (rs *Screen) radarData() (axes []string, cur, prev []float64) {
	byID := func(ds []assessment.DimensionScore, id string) float64 {
		for _, d := range ds {
			if d.DimensionID == id && d.Score.Known() {
				return d.Score.Value
			}
		}
		return math.NaN()
	}
	for _, d := range rs.results.Dimensions {
		axes = append(axes, d.Title)
		cur = append(cur, byID(rs.results.Dimensions, d.DimensionID))
		if rs.prev != nil {
			prev = append(prev, byID(rs.prevRes.Dimensions, d.DimensionID))
		}
	}
	return axes, cur, prev
}

var scoreColumns = []float32{50, 14, 14, 22}

// scoreMins are the least widths of the scores' columns: the score with
// its change, the bar and the share rated stay whole in a narrow window,
// and a long checklist name is the one that may be cut.
func scoreMins() []float32 {
	return []float32{0,
		widgets.TextWidth("100 (+100)", fyne.TextStyle{}),
		40,
		max(widgets.TextWidth("21/21 · 100%", fyne.TextStyle{}), widgets.TextWidth("Rated", fyne.TextStyle{Bold: true}))}
}

// scoresTable lists each checklist's and dimension's score with the share
// of items it rests on and the change since the previous assessment.
func (rs *Screen) scoresTable() fyne.CanvasObject {
	fw := rs.train.Framework
	var comp *assessment.Comparison
	if rs.prev != nil {
		c := assessment.Compare(rs.prevRes, rs.results)
		comp = &c
	}
	change := func(list []assessment.ScoreDelta, id string) string {
		if comp == nil {
			return ""
		}
		for _, d := range list {
			if d.ID == id && d.Comparable {
				return widgets.Signed(d.Delta)
			}
		}
		return ""
	}
	box := container.NewVBox(widgets.SectionTitle("Scores"))
	mins := scoreMins()
	head := func(title string) {
		box.Add(widgets.RowAtLeast(scoreColumns, mins, widgets.ColumnHead(title), widgets.ColumnHead("Score"), widgets.ColumnHead(""), widgets.ColumnHead("Rated")))
	}
	line := func(title string, s assessment.Score, delta string) {
		bar := widget.NewProgressBar()
		bar.TextFormatter = func() string { return "" }
		if s.Known() {
			bar.SetValue(s.Value / 100)
		}
		score := widgets.ScoreText(s)
		if delta != "" {
			score += " (" + delta + ")"
		}
		box.Add(widgets.RowAtLeast(scoreColumns, mins, widgets.Truncated(title), widgets.Truncated(score),
			container.NewVBox(layoutSpacerHeight(8), widgets.WithHeight(10, bar)),
			widgets.Truncated(fmt.Sprintf("%d/%d · %.0f%%", s.Rated, s.Total, s.Answered()*100))))
	}
	head("Checklist")
	var verdictOnly []string
	for _, c := range rs.results.Checklists {
		title := fw.Expand(c.Title)
		if !assessment.IsMaturity(c.ChecklistID) {
			verdictOnly = append(verdictOnly, title)
		}
		var d string
		if comp != nil {
			d = change(comp.Checklists, c.ChecklistID)
		}
		line(title, c.Score, d)
	}
	line("Overall", rs.results.Overall, func() string {
		if comp != nil && comp.Overall.Comparable {
			return widgets.Signed(comp.Overall.Delta)
		}
		return ""
	}())
	box.Add(widget.NewSeparator())
	head("Dimension")
	for _, d := range rs.results.Dimensions {
		var dd string
		if comp != nil {
			dd = change(comp.Dimensions, d.DimensionID)
		}
		line(d.Title, d.Score, dd)
	}
	words := "Not applicable and don't know never count; “Rated” is the share of items a score rests on."
	if len(verdictOnly) > 0 {
		words += " " + strings.Join(verdictOnly, " and ") + " decides the verdict only and is not part of the level or the overall score."
	}
	note := widgets.Wrapped(words)
	note.TextStyle.Italic = true
	note.SizeName = theme.SizeNameCaptionText
	box.Add(note)
	return box
}

// workshopSection sums up a workshop assessment: the items the room was
// strongly divided on, and the room's self-rating against what the coach
// observed, per checklist. Participants are not named here.
func (rs *Screen) workshopSection() fyne.CanvasObject {
	w, defs, fw := rs.a.Workshop, rs.host.Definitions(), rs.train.Framework
	spreads := w.Discussion(defs)
	var flagged []assessment.Spread
	for _, sp := range spreads {
		if sp.Flagged() {
			flagged = append(flagged, sp)
		}
	}
	facts := widgets.Plural(len(w.Participants), "participant", "participants")
	if w.Anonymous {
		facts += " (anonymous)"
	}
	facts += fmt.Sprintf(" · %d items revealed · %s", len(spreads), widgets.Plural(len(flagged), "flagged for discussion", "flagged for discussion"))
	open := widget.NewButtonWithIcon("Open the workshop", theme.AccountIcon(), func() {
		rs.host.Open(host.Workshop(rs.trainID, rs.assessmentID))
	})
	title := widgets.SectionTitle("Workshop")
	title.Truncation = fyne.TextTruncateOff
	box := container.NewVBox(container.NewBorder(nil, nil, title, open, widgets.Truncated(facts)))
	box.Add(widgets.BoldLabel("Strong disagreements"))
	if len(flagged) == 0 {
		box.Add(widgets.Wrapped("None: the room was not strongly divided on any revealed item."))
	}
	for _, sp := range flagged {
		median := "no level voted"
		if sp.Rated() > 0 {
			median = "median " + widgets.MedianText(sp.Median)
		}
		line := fmt.Sprintf("%s — disagreement %.2f, %s, %s", widgets.ItemTitle(defs, fw, sp.ItemID), sp.Disagreement, median, widgets.Plural(len(sp.Votes), "vote", "votes"))
		if cons := rs.a.Answers[sp.ItemID].Rating; cons != assessment.Unanswered {
			line += ", consensus " + widgets.VoteText(cons)
		}
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon())), nil, widgets.Wrapped(line)))
	}
	box.Add(widgets.BoldLabel("The room's self-rating against your observation"))
	_, per := assessment.ObservationGaps(defs, rs.a)
	table, lines := widgets.ObservationTable(defs, fw, per)
	rs.workshopGaps = lines
	box.Add(table)
	return box
}

func (rs *Screen) gapsSection() fyne.CanvasObject {
	gaps := rs.results.Gaps
	box := container.NewVBox(widgets.SectionTitle(fmt.Sprintf("Role gaps (%d)", len(gaps))))
	if len(gaps) == 0 {
		box.Add(widgets.Wrapped("None: every role is held and every team is whole."))
	}
	for _, g := range gaps {
		finding := widgets.Wrapped(g.Finding)
		box.Add(container.NewBorder(nil, nil, container.NewVBox(widgets.PriorityBadge(g.Severity)), nil, finding))
	}
	return box
}

func (rs *Screen) figuresSection() fyne.CanvasObject {
	f := rs.results.Figures
	box := container.NewVBox(widgets.SectionTitle("Impediment register"))
	if f.Total == 0 {
		box.Add(widgets.Wrapped("The register was empty on the assessment's date."))
		return box
	}
	tiles := [][2]string{
		{"Impediments", fmt.Sprint(f.Total)},
		{"Open", fmt.Sprint(f.Open)},
		{"Median open age", fmt.Sprintf("%.0f days", f.MedianOpenAgeDays)},
		{"Oldest open", fmt.Sprintf("%d days", f.OldestOpenAgeDays)},
		{fmt.Sprintf("Older than one PI (%d wk)", f.PIWeeks), fmt.Sprintf("%.0f%%", f.ShareOlderThanPI*100)},
		{"Escalated", fmt.Sprintf("%.0f%%", f.ShareEscalated*100)},
		{"Recurring", fmt.Sprintf("%.0f%%", f.Recurrence*100)},
		{"Median time to resolve", func() string {
			if f.Cycles == 0 {
				return "–"
			}
			return fmt.Sprintf("%.0f days", f.MedianCycleDays)
		}()},
	}
	grid := container.NewGridWithColumns(4)
	for _, t := range tiles {
		v := widget.NewLabel(t[1])
		v.TextStyle.Bold = true
		v.SizeName = theme.SizeNameSubHeadingText
		l := widgets.Truncated(t[0])
		l.SizeName = theme.SizeNameCaptionText
		grid.Add(container.NewVBox(v, l))
	}
	box.Add(grid)
	var by []string
	for _, l := range assessment.ImpedimentLevels {
		by = append(by, fmt.Sprintf("%s %d", widgets.LevelName(rs.train.Framework, l), f.OpenByLevel[l]))
	}
	box.Add(widgets.Wrapped("Open by level: " + strings.Join(by, " · ") + "."))
	return box
}

// recommendationsSection lists the recommendations with the coach's review
// buttons.
func (rs *Screen) recommendationsSection() fyne.CanvasObject {
	recs := rs.results.Recommendations
	count := rs.results.ReviewCount()
	add := widget.NewButtonWithIcon("Add recommendation", theme.ContentAddIcon(), func() { rs.editRecommendation(nil) })
	if rs.final() {
		add.Disable()
	}
	summary := widgets.Truncated(fmt.Sprintf("%d · %d accepted · %d rejected · %d proposed, to review", len(recs), count.Accepted, count.Rejected, count.Proposed))
	title := widgets.SectionTitle("Recommendations for the LACE")
	title.Truncation = fyne.TextTruncateOff
	// Gather the cards first: adding them one by one to the box would lay
	// it out again after each.
	if rs.recFilter == nil {
		rs.recFilter = widget.NewSelect(recFilters, func(string) { rs.show() })
		rs.recFilter.SetSelected(recFilters[len(recFilters)-1])
	}
	objs := []fyne.CanvasObject{container.NewBorder(nil, nil, title, container.NewHBox(widget.NewLabel("Show"), rs.recFilter, add), summary)}
	rs.recCards = rs.recCards[:0]
	if len(recs) == 0 {
		objs = append(objs, widgets.Wrapped("No recommendation follows from the findings yet. Add your own if you see one."))
	}
	rs.groupHeads = rs.groupHeads[:0]
	shown := 0
	for _, g := range rs.placed(assessment.GroupRecommendations(rs.host.Definitions(), rs.train.Framework, recs)) {
		g.Members = slices.DeleteFunc(slices.Clone(g.Members), func(r assessment.Recommendation) bool { return !rs.filterShows(r) })
		if len(g.Members) == 0 {
			continue
		}
		shown += len(g.Members)
		head := rs.newGroupHead(g)
		rs.groupHeads = append(rs.groupHeads, head)
		objs = append(objs, head.box)
		for _, rec := range g.Members {
			c := rs.newRecCard(rec)
			rs.recCards = append(rs.recCards, c)
			objs = append(objs, c.box)
		}
	}
	if len(recs) > 0 && shown == 0 {
		objs = append(objs, widgets.Wrapped("None of the recommendations is "+strings.ToLower(rs.recFilter.Selected)+". Choose another filter to see the rest."))
	}
	return container.NewVBox(objs...)
}

// groupHead is the line above one group of recommendations: its finding,
// and buttons that accept or reject the whole group at once.
type groupHead struct {
	group     assessment.RecommendationGroup
	acceptAll *widget.Button
	rejectAll *widget.Button
	box       fyne.CanvasObject
}

func (rs *Screen) newGroupHead(g assessment.RecommendationGroup) *groupHead {
	h := &groupHead{group: g}
	title := widget.NewLabel(g.Title)
	title.TextStyle.Bold = true
	title.Wrapping = fyne.TextWrapWord
	count := widgets.Truncated(assessment.Count(len(g.Members), "recommendation", "recommendations"))
	h.acceptAll = widget.NewButton("Accept all", func() { rs.setGroupStatus(h.group, assessment.Accepted) })
	h.rejectAll = widget.NewButton("Reject all", func() { rs.setGroupStatus(h.group, assessment.Rejected) })
	btns := container.NewHBox(h.acceptAll, h.rejectAll)
	if rs.final() || len(g.Members) < 2 {
		btns.Hide() // one recommendation has its own buttons
	}
	h.box = container.NewBorder(nil, nil, container.NewHBox(widgets.PriorityBadge(g.Priority)), btns, container.NewVBox(title, count))
	return h
}

// setGroupStatus accepts or rejects every recommendation of a group, the
// derived ones in one write.
func (rs *Screen) setGroupStatus(g assessment.RecommendationGroup, st assessment.RecommendationStatus) {
	if st != assessment.Rejected {
		rs.decideGroup(g, st, "")
		return
	}
	rs.askReason(widgets.ReasonAsk{Title: "Reject these recommendations", Action: "Reject", Placeholder: "Why they do not fit this train, for the LACE",
		Hint: "The report keeps it beside each of them", Refused: "The recommendations were not rejected", Why: assessment.ErrNoReason.Error()}, func(reason string) { rs.decideGroup(g, st, reason) })
}

// decideGroup sets one status, and a rejection's reason, on every
// recommendation of the group, saved together.
func (rs *Screen) decideGroup(g assessment.RecommendationGroup, st assessment.RecommendationStatus, reason string) {
	edits, err := assessment.DecideGroup(&rs.a.Review, g, st, reason)
	if err != nil {
		rs.host.ShowError("The recommendations were not changed", err)
		return
	}
	for _, rec := range g.Members {
		if rec.ByCoach {
			rec.Status, rec.Reason = st, reason
			rs.saveOwn(rec)
		}
	}
	if len(edits) == 0 {
		return
	}
	rs.evaluate()
	id := rs.assessmentID
	rs.host.Write("your review of the recommendations", func(ctx context.Context) error {
		return rs.host.Store().SetRecommendationEdits(ctx, id, edits)
	}, nil)
}

// recCard is one recommendation on screen.
type recCard struct {
	rec     assessment.Recommendation
	status  *widget.Label
	finding *widget.Label
	meta    *widget.Label
	accept  *widget.Button
	reject  *widget.Button
	edit    *widget.Button
	remove  *widget.Button
	box     fyne.CanvasObject
}

func recStatusText(r assessment.Recommendation) string {
	s := r.Status.Title()
	if r.ByCoach {
		s += " · your own"
	} else if r.Edited {
		s += " · edited"
	}
	return s
}

func (rs *Screen) newRecCard(rec assessment.Recommendation) *recCard {
	fw := rs.train.Framework
	c := &recCard{rec: rec}
	c.status = widget.NewLabel(recStatusText(rec))
	c.status.TextStyle.Bold = true
	switch rec.Status {
	case assessment.Accepted:
		c.status.Importance = widget.SuccessImportance
	case assessment.Rejected:
		c.status.TextStyle.Italic = true
	}
	c.finding = widgets.Wrapped(rec.Finding)
	c.finding.TextStyle.Bold = true
	action := widgets.Wrapped(rec.Action)
	meta := []string{"Owner: " + rec.Owner.Title(fw)}
	if rec.Escalation != "" {
		meta = append(meta, "Escalation: "+widgets.LevelName(fw, rec.Escalation))
	}
	if rec.TargetPI != "" {
		meta = append(meta, "Target: "+rec.TargetPI)
	}
	c.meta = widgets.Truncated(strings.Join(meta, " · "))
	// Text buttons: a train has dozens of recommendations, and an icon on
	// each button costs more to draw than the text.
	c.accept = widget.NewButton("Accept", func() { rs.setStatus(c.rec, assessment.Accepted) })
	c.reject = widget.NewButton("Reject", func() { rs.setStatus(c.rec, assessment.Rejected) })
	c.edit = widget.NewButton("Edit", func() { rs.editRecommendation(&c.rec) })
	btns := container.NewHBox(c.accept, c.reject, c.edit)
	if rec.ByCoach {
		c.remove = widget.NewButton("Delete", func() { rs.deleteRecommendation(c.rec) })
		c.remove.Importance = widget.LowImportance
		btns.Add(c.remove)
	}
	switch rec.Status {
	case assessment.Accepted:
		c.accept.Hide()
	case assessment.Rejected:
		c.reject.Hide()
	}
	if rs.final() {
		// Read-only: the review is shown, not offered.
		btns.Hide()
	}
	parts := []fyne.CanvasObject{
		container.NewBorder(nil, nil, container.NewHBox(widgets.PriorityBadge(rec.Priority), c.status), btns, c.meta),
		c.finding, action,
	}
	if rec.Acceptance != "" {
		acc := widgets.Wrapped("Done when: " + rec.Acceptance)
		acc.TextStyle.Italic = true
		parts = append(parts, acc)
	}
	if len(rec.Evidence) > 0 {
		var ev []string
		for _, e := range rec.Evidence {
			ev = append(ev, e.Text)
		}
		evidence := widgets.Wrapped("Evidence: " + strings.Join(ev, "; "))
		evidence.TextStyle.Italic = true
		evidence.SizeName = theme.SizeNameCaptionText
		parts = append(parts, evidence)
	}
	if rec.Status == assessment.Rejected {
		c.finding.TextStyle.Italic = true
		action.TextStyle.Italic = true
	}
	c.box = widgets.Panel(container.NewVBox(parts...))
	return c
}

// setStatus accepts or rejects a recommendation.
func (rs *Screen) setStatus(rec assessment.Recommendation, st assessment.RecommendationStatus) {
	set := func(reason string) {
		if rec.ByCoach {
			rec.Status, rec.Reason = st, reason
			rs.saveOwn(rec)
			return
		}
		e := rs.a.Review.Edits[rec.ID]
		e.Status, e.Reason = st, reason
		rs.saveEdit(rec.ID, e)
	}
	if st != assessment.Rejected {
		set("")
		return
	}
	rs.askReason(widgets.ReasonAsk{Title: "Reject this recommendation", Action: "Reject", Placeholder: "Why it does not fit this train, for the LACE",
		Hint: "The report keeps it beside the recommendation", Refused: "The recommendation was not rejected", Why: assessment.ErrNoReason.Error()}, set)
}

// saveEdit records the coach's edit of a derived recommendation.
func (rs *Screen) saveEdit(recID string, e assessment.RecommendationEdit) {
	if rs.a.Review.Edits == nil {
		rs.a.Review.Edits = map[string]assessment.RecommendationEdit{}
	}
	rs.a.Review.Edits[recID] = e
	rs.evaluate()
	id := rs.assessmentID
	rs.host.Write("your review of the recommendation", func(ctx context.Context) error {
		return rs.host.Store().SetRecommendationEdit(ctx, id, recID, e)
	}, nil)
}

// saveOwn adds or replaces one of the coach's own recommendations.
func (rs *Screen) saveOwn(rec assessment.Recommendation) {
	existing := slices.IndexFunc(rs.a.Review.Added, func(r assessment.Recommendation) bool { return r.ID == rec.ID && rec.ID != "" })
	if rec.ID == "" {
		rec.ID = newRecommendationID()
	}
	if existing >= 0 {
		rs.a.Review.Added[existing] = rec
	} else {
		rs.a.Review.Added = append(rs.a.Review.Added, rec)
	}
	rs.evaluate()
	id, replace := rs.assessmentID, existing >= 0
	r := rec
	r.Evidence = slices.Clone(rec.Evidence)
	rs.host.Write("your recommendation", func(ctx context.Context) error {
		if replace {
			// One transaction: a refused edit leaves the old text stored.
			return rs.host.Store().ReplaceRecommendation(ctx, id, &r)
		}
		return rs.host.Store().AddRecommendation(ctx, id, &r)
	}, nil)
}

func (rs *Screen) deleteRecommendation(rec assessment.Recommendation) {
	rs.host.Confirm("Delete recommendation", "Delete your recommendation “"+widgets.TruncateText(rec.Finding+rec.Action, 80)+"”?", "Delete", func() {
		rs.a.Review.Added = slices.DeleteFunc(rs.a.Review.Added, func(r assessment.Recommendation) bool { return r.ID == rec.ID })
		rs.evaluate()
		id := rs.assessmentID
		rs.host.Write("the deletion of the recommendation", func(ctx context.Context) error {
			return rs.host.Store().DeleteRecommendation(ctx, id, rec.ID)
		}, func() {
			if u, ok := rs.host.(Undoer); ok {
				u.OfferUndo("Deleted your recommendation", func() { rs.saveOwn(rec) })
			}
		})
	})
}

// legendKey is a coloured swatch with its meaning.
func legendKey(c fyne.ThemeColorName, text string) fyne.CanvasObject {
	sw := canvas.NewRectangle(color.Transparent)
	sw.SetMinSize(fyne.NewSize(18, 4))
	return container.NewHBox(container.NewCenter(widgets.NewThemed(sw, func() { sw.FillColor = widgets.ThemeColor(c) })), widget.NewLabel(text))
}

// withMinHeight keeps an object at least h tall.
func withMinHeight(h float32, o fyne.CanvasObject) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(0, h))
	return container.NewStack(spacer, o)
}

// layoutSpacerHeight is an empty gap of a fixed height.
func layoutSpacerHeight(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, h))
	return r
}

// ShownAssessment is the assessment whose results these are.
func (rs *Screen) ShownAssessment() (trainID, assessmentID string, a *assessment.Assessment) {
	return rs.trainID, rs.assessmentID, rs.a
}
