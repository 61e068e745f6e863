package results

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// recommendationForm edits a recommendation: the coach rewords a derived
// one, sets its owner, target PI and priority, or writes their own.
type recommendationForm struct {
	finding, action, acceptance, targetPI *widget.Entry
	owner, priority, status, escalation   *widget.Select
	dialog                                *dialog.FormDialog
	// derivedLevel is the escalation the rules gave a derived
	// recommendation, before the coach's edit.
	derivedLevel assessment.ImpedimentLevel
}

var recStatusChoices = func() []string {
	var out []string
	for _, s := range assessment.RecommendationStatuses {
		out = append(out, s.Title())
	}
	return out
}()

func recStatusFromChoice(choice string) assessment.RecommendationStatus {
	for _, s := range assessment.RecommendationStatuses {
		if s.Title() == choice {
			return s
		}
	}
	return assessment.Proposed
}

func recStatusChoice(s assessment.RecommendationStatus) string { return s.Title() }

// editRecommendation opens the form for rec, or for a new recommendation of
// the coach's own when rec is nil.
func (rs *Screen) editRecommendation(rec *assessment.Recommendation) {
	if rs.final() {
		return
	}
	fw := rs.train.Framework
	cur := assessment.Recommendation{Priority: assessment.Medium, Owner: assessment.OwnerLACE,
		Escalation: assessment.LevelART, Status: assessment.Accepted, ByCoach: true,
		TargetPI: assessment.NextPI(rs.a.PI, 1)}
	if rec != nil {
		cur = *rec
	}
	f := &recommendationForm{
		finding: widget.NewMultiLineEntry(), action: widget.NewMultiLineEntry(),
		acceptance: widget.NewMultiLineEntry(), targetPI: widget.NewEntry(),
	}
	for _, e := range []*widget.Entry{f.finding, f.action, f.acceptance} {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(2)
	}
	f.finding.SetText(cur.Finding)
	f.finding.SetPlaceHolder("What you found")
	f.action.SetText(cur.Action)
	f.action.SetPlaceHolder("What should be done")
	f.acceptance.SetText(cur.Acceptance)
	f.acceptance.SetPlaceHolder("How the LACE will know it is done, measurably")
	f.targetPI.SetText(cur.TargetPI)
	f.targetPI.SetPlaceHolder("e.g. PI 2026.3")

	var owners []string
	for _, o := range assessment.Owners {
		owners = append(owners, o.Title(fw))
	}
	f.owner = widget.NewSelect(owners, nil)
	f.owner.SetSelectedIndex(max(slices.Index(assessment.Owners, cur.Owner), 0))
	f.priority = widget.NewSelect(widgets.Titles(assessment.Priorities), nil)
	shown := cur.Priority
	if !slices.Contains(assessment.Priorities, shown) {
		shown = assessment.High // a coach's new recommendation starts high
	}
	f.priority.SetSelected(shown.Title())
	f.status = widget.NewSelect(recStatusChoices, nil)
	f.status.SetSelected(recStatusChoice(cur.Status))
	f.escalation = widget.NewSelect(widgets.LevelTitles(fw), nil)
	f.escalation.SetSelected(widgets.LevelName(fw, cur.Escalation))
	escalationHint := "The level that must act"
	if !cur.ByCoach {
		f.derivedLevel = rs.derivedEscalation(cur)
		escalationHint += "; the rules say " + widgets.LevelName(fw, f.derivedLevel)
	}

	items := []*widget.FormItem{
		widget.NewFormItem("Finding", f.finding),
		widget.NewFormItem("Action", f.action),
		widget.NewFormItem("Done when", f.acceptance),
		widget.NewFormItem("Owner", f.owner),
		widget.NewFormItem("Target PI", f.targetPI),
		widget.NewFormItem("Priority", f.priority),
		widget.NewFormItem("Status", f.status),
	}
	items = append(items, &widget.FormItem{Text: "Escalation", Widget: f.escalation, HintText: escalationHint})
	title := "Your recommendation"
	if rec != nil && !rec.ByCoach {
		title = "Recommendation (" + rec.Rule + ")"
	}
	f.dialog = dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		rs.saveForm(rec, cur, f)
	}, rs.host.Window())
	f.finding.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" && strings.TrimSpace(f.action.Text) == "" {
			return fmt.Errorf("write a finding or an action")
		}
		return nil
	}
	f.dialog.Resize(fyne.NewSize(680, 0))
	f.dialog.Show()
	rs.lastRecForm = f
}

// saveForm applies the form: a derived recommendation keeps only the fields
// the coach changed as their edit; their own is replaced whole.
func (rs *Screen) saveForm(rec *assessment.Recommendation, cur assessment.Recommendation, f *recommendationForm) {
	owner := assessment.Owners[max(f.owner.SelectedIndex(), 0)]
	priority := widgets.FromTitle(assessment.Priorities, f.priority.Selected, assessment.High)
	status := recStatusFromChoice(f.status.Selected)
	finding, action := strings.TrimSpace(f.finding.Text), strings.TrimSpace(f.action.Text)
	acceptance, target := strings.TrimSpace(f.acceptance.Text), strings.TrimSpace(f.targetPI.Text)

	if rec == nil || rec.ByCoach {
		cur.Finding, cur.Action, cur.Acceptance, cur.TargetPI = finding, action, acceptance, target
		cur.Owner, cur.Priority, cur.Status = owner, priority, status
		cur.Escalation = widgets.LevelFromTitle(rs.train.Framework, f.escalation.Selected)
		cur.ByCoach = true
		rs.saveOwn(cur)
		return
	}
	e := rs.a.Review.Edits[rec.ID]
	keep := func(dst *string, now, was string) {
		if now != was {
			*dst = now
		}
	}
	keep(&e.Finding, finding, cur.Finding)
	keep(&e.Action, action, cur.Action)
	keep(&e.Acceptance, acceptance, cur.Acceptance)
	keep(&e.TargetPI, target, cur.TargetPI)
	if owner != cur.Owner {
		e.Owner = owner
	}
	if priority != cur.Priority {
		e.Priority = priority
	}
	if status != cur.Status {
		e.Status = status
	}
	// The level the rules gave is no edit: choosing it takes the coach's
	// level back.
	e.Escalation = ""
	if f.escalation.Selected != widgets.LevelName(rs.train.Framework, f.derivedLevel) {
		e.Escalation = widgets.LevelFromTitle(rs.train.Framework, f.escalation.Selected)
	}
	rs.saveEdit(rec.ID, e)
}

// derivedEscalation is the level the rules gave a derived recommendation:
// its own, unless the coach's edit changed it.
func (rs *Screen) derivedEscalation(rec assessment.Recommendation) assessment.ImpedimentLevel {
	if rs.a.Review.Edits[rec.ID].Escalation == "" {
		return rec.Escalation
	}
	for _, d := range assessment.Derive(rs.host.Definitions(), rs.train, rs.a, rs.results) {
		if d.ID == rec.ID {
			return d.Escalation
		}
	}
	return rec.Escalation
}

// newRecommendationID names one of the coach's own recommendations, stable
// across machines like every other ID.
func newRecommendationID() string { return "coach/" + data.NewID() }

// recFilters are the review states the list can be narrowed to; the last
// shows every recommendation.
var recFilters = []string{"To review", "Accepted", "Rejected", "All"}

// filterShows is whether the list, as filtered, shows rec.
func (rs *Screen) filterShows(rec assessment.Recommendation) bool {
	if rs.recFilter == nil {
		return true
	}
	switch rs.recFilter.Selected {
	case "To review":
		return rec.Status == assessment.Proposed
	case "Accepted":
		return rec.Status == assessment.Accepted
	case "Rejected":
		return rec.Status == assessment.Rejected
	}
	return true
}

// placed orders the groups and their members as they were first shown
// while the screen is open: accepting, rejecting or editing one (its
// priority, say) leaves it where the coach found it. What appears later
// comes after, in the rules' order.
func (rs *Screen) placed(groups []assessment.RecommendationGroup) []assessment.RecommendationGroup {
	if rs.recPlace == nil {
		rs.recPlace = map[string]int{}
	}
	place := func(key string) int {
		if p, ok := rs.recPlace[key]; ok {
			return p
		}
		p := len(rs.recPlace)
		rs.recPlace[key] = p
		return p
	}
	for _, g := range groups {
		place("group:" + g.Key)
		for _, m := range g.Members {
			place("rec:" + m.ID)
		}
	}
	out := slices.Clone(groups)
	for i := range out {
		out[i].Members = slices.Clone(out[i].Members)
		slices.SortStableFunc(out[i].Members, func(a, b assessment.Recommendation) int {
			return rs.recPlace["rec:"+a.ID] - rs.recPlace["rec:"+b.ID]
		})
	}
	slices.SortStableFunc(out, func(a, b assessment.RecommendationGroup) int {
		return rs.recPlace["group:"+a.Key] - rs.recPlace["group:"+b.Key]
	})
	return out
}
