package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// This file holds what the report reads off the assessment to show it: how
// an answer is put in words, which items are weakest, how many roles are
// vacant. It decides nothing; the rules that score and judge live in the
// assessment package.

// date is how the report writes a day.
func date(t time.Time) string {
	if t.IsZero() {
		return "no date"
	}
	return assessment.DateText(t) // as the screens write it
}

// shortDate is a day in a narrow table column.
func shortDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return assessment.DateText(t)
}

// percent writes a share 0–1 as a whole percentage.
func percent(v float64) string { return fmt.Sprintf("%.0f%%", 100*v) }

// days writes a number of days, without decimals unless it is a half.
func days(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// scoreText writes a score, or says that nothing was rated.
func scoreText(s assessment.Score) string {
	if !s.Known() {
		return "not rated"
	}
	if !s.Enough() {
		return "not enough answered"
	}
	return fmt.Sprintf("%.0f", s.Value)
}

// pairedScoreText is a score computed on purpose over the items both sides
// rated (self-rating against observation): its share answered is the pairing,
// not thin evidence, so it shows as a number whenever any item is rated.
func pairedScoreText(s assessment.Score) string {
	if !s.Known() {
		return "not rated"
	}
	return fmt.Sprintf("%.0f", s.Value)
}

// answeredText is the share of items rated, with what was set aside.
func answeredText(s assessment.Score) string {
	out := fmt.Sprintf("%s answered (%d of %d)", percent(s.Answered()), s.Rated, s.Total)
	var aside []string
	if s.NA > 0 {
		aside = append(aside, fmt.Sprintf("%d not applicable", s.NA))
	}
	if s.DontKnow > 0 {
		aside = append(aside, fmt.Sprintf("%d don't know", s.DontKnow))
	}
	if len(aside) > 0 {
		out += "; " + strings.Join(aside, ", ")
	}
	return out
}

// ratingText puts an item's answer in words: the level it earned and its
// label, the figure the level came from, or why it does not count.
func ratingText(it *assessment.Item, is assessment.ItemScore) string {
	switch r := is.Rating; {
	case r == assessment.NotApplicable:
		return "not applicable"
	case r == assessment.DontKnow:
		return "don't know"
	case !r.Rated():
		return "unanswered"
	}
	out := fmt.Sprintf("%d of %d", is.Rating, len(it.Levels))
	if l := it.Level(int(is.Rating)); l != nil && l.Label != "" {
		out += " · " + l.Label
	}
	if is.Figure != nil {
		switch is.Source {
		case assessment.FromRegister:
			out = "from the register: " + figureText(it, *is.Figure) + " → " + out
		default:
			out = figureText(it, *is.Figure) + " → " + out
		}
	}
	return out
}

// itemScore is how an item entered the scores, as Evaluate found it; an
// item missing there (results from elsewhere) is read off the answer.
func (d *doc) itemScore(it *assessment.Item) assessment.ItemScore {
	if is, ok := d.items[it.ID]; ok {
		return is
	}
	ans := d.a.Answers[it.ID]
	is := assessment.ItemScore{ItemID: it.ID, Rating: ans.Rating}
	if ans.Rating.Rated() && len(it.Levels) > 1 {
		is.Source = assessment.FromRating
		is.Value = float64(ans.Rating-1) / float64(len(it.Levels)-1)
	}
	return is
}

func figureText(it *assessment.Item, v float64) string {
	unit := ""
	if it.Figure != nil {
		unit = it.Figure.Unit
	}
	s := number(v)
	switch unit {
	case "":
		return s
	case "%":
		return s + "%"
	}
	return s + " " + unit
}

// number writes a figure with as few decimals as it needs.
func number(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// weakItem is a rated item low on its scale.
type weakItem struct {
	item  *assessment.Item
	score assessment.ItemScore
}

// weakest lists up to n rated items of a checklist that scored lowest,
// heavier items first among equals; items at the top of their scale are
// left out.
func (d *doc) weakest(cl *assessment.Checklist, n int) []weakItem {
	var out []weakItem
	for i := range cl.Items {
		it := &cl.Items[i]
		is := d.itemScore(it)
		if !is.Rating.Rated() || is.Value >= 1 {
			continue
		}
		out = append(out, weakItem{item: it, score: is})
	}
	slices.SortStableFunc(out, func(a, b weakItem) int {
		return cmp.Or(cmp.Compare(a.score.Value, b.score.Value), cmp.Compare(b.item.Weight, a.item.Weight))
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// keyFigures are the five figures leadership sees first.
type keyFigures struct {
	teams, people, vacant, open int
	medianAge                   float64
}

func (d *doc) keyFigures() keyFigures {
	r := d.a.Roster
	return keyFigures{
		teams:     len(r.Teams),
		people:    len(r.People),
		vacant:    len(vacancies(r, d.in.Train.Framework)),
		open:      d.in.Results.Figures.Open,
		medianAge: d.in.Results.Figures.MedianOpenAgeDays,
	}
}

// vacancies lists the roles nobody holds: a train-level role wanted but
// unfilled or not assigned at all, and each team's missing Scrum Master or
// Product Owner. It counts facts of the roster; judging them is RoleGaps'.
func vacancies(r assessment.Roster, f assessment.Framework) []string {
	var out []string
	assigned := map[assessment.ARTRole]bool{}
	for _, ra := range r.Roles {
		assigned[ra.Role] = true
		if ra.PersonID == "" {
			out = append(out, ra.Role.Title(f))
		}
	}
	for _, role := range f.Roles() {
		if !assigned[role] {
			out = append(out, role.Title(f))
		}
	}
	for _, t := range r.Teams {
		if t.ScrumMasterID == "" {
			out = append(out, t.Name+": Scrum Master")
		}
		if t.ProductOwnerID == "" {
			out = append(out, t.Name+": Product Owner")
		}
	}
	return out
}

// noRecommendations says why there is nothing to act on.
func (d *doc) noRecommendations() string {
	if len(d.in.Results.Recommendations) > 0 {
		return "The coach rejected every recommendation the rules derived; they are listed, with their evidence, in the full report."
	}
	return "No recommendations: the rules found nothing that needs the LACE's action, and the coach added none."
}

func priorityText(p assessment.Priority) string {
	if !slices.Contains(assessment.Priorities, p) {
		return "—"
	}
	return p.Title()
}

func (d *doc) levelText(l assessment.ImpedimentLevel) string {
	if l == "" {
		return "—"
	}
	return d.in.Train.Framework.LevelTitle(l)
}

// actionText is a recommendation's action, and for a rejected one the
// coach's reason: "Rejected — the LACE funds this already".
func actionText(r assessment.Recommendation) string {
	if r.Status != assessment.Rejected || r.Reason == "" {
		return r.Action
	}
	return r.Action + "\n" + r.Status.Title() + " — " + r.Reason
}

func statusText(r assessment.Recommendation) string {
	s := r.Status.Title()
	switch {
	case r.ByCoach:
		s += "\n(coach's own)"
	case r.Edited:
		s += "\n(edited)"
	}
	return s
}

func roamText(r assessment.ROAM) string {
	if r == assessment.ROAMNone {
		return "—"
	}
	return r.Title()
}

// verdictText names a verdict kind in the domain's one wording.
func verdictText(k assessment.VerdictKind) string { return k.Title() }

// verdictColour marks a verdict: green for go, amber for conditions, red
// for not now, grey while undecided.
func verdictColour(k assessment.VerdictKind) rgb {
	switch k {
	case assessment.Recommended:
		return colGreen
	case assessment.RecommendedConditions:
		return colAmber
	case assessment.NotRecommended:
		return colGapInk
	}
	return colMuted
}

// levelLine is the maturity level in one line, e.g. "Level 3 of 5: Practising".
func levelLine(l assessment.MaturityLevel) string {
	if l.Number == 0 {
		if l.Name != "" {
			return l.Name
		}
		return "Not enough rated to name a level"
	}
	return fmt.Sprintf("Level %d of 5: %s", l.Number, l.Name)
}

// piWeeks is the PI length the assessment counts ages in.
func (d *doc) piWeeks() int {
	if d.in.Results.Figures.PIWeeks > 0 {
		return d.in.Results.Figures.PIWeeks
	}
	if d.a.PIWeeks > 0 {
		return d.a.PIWeeks
	}
	return assessment.DefaultPIWeeks
}

// personName is who a person ID names, or that nobody holds the role.
func (d *doc) personName(id string) string {
	if id == "" {
		return "vacant"
	}
	if p, ok := d.people[id]; ok {
		if p.Contractor {
			return p.Name + " (contractor)"
		}
		return p.Name
	}
	return "unknown person " + id
}

// teamName names a team by ID; an empty ID is the train as a whole.
func (d *doc) teamName(id string) string {
	if id == "" {
		return "train-wide"
	}
	if t, ok := d.teams[id]; ok {
		return t.Name
	}
	return id
}

// label is an assessment's short name in charts: its PI, else its date.
func label(a *assessment.Assessment) string {
	if a == nil {
		return ""
	}
	if a.PI != "" {
		return a.PI
	}
	return shortDate(a.Date)
}
