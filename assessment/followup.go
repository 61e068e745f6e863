package assessment

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Closing the loop: the recommendations agreed at the last finished
// assessment of a train come along into the next one as follow-ups. The
// coach says what happened to each; where the acceptance criterion is a fact
// the new assessment holds (a role in the roster, a gap gone, an impediment
// age, an item's rating), the data decides it too.

// FollowUpState is what the coach says happened to a follow-up.
type FollowUpState string

// Follow-up states. The empty state is "not yet said".
const (
	FollowUpOpen       FollowUpState = ""
	FollowUpDone       FollowUpState = "done"
	FollowUpInProgress FollowUpState = "in-progress"
	FollowUpNotStarted FollowUpState = "not-started"
	FollowUpDropped    FollowUpState = "dropped"
)

// FollowUpStates lists the states in the order a coach is offered them,
// one key each (Key): 1 done, 2 in progress, 3 not started, 4 dropped.
var FollowUpStates = []FollowUpState{FollowUpDone, FollowUpInProgress, FollowUpNotStarted, FollowUpDropped}

// Title names the state as every screen and report says it.
func (s FollowUpState) Title() string {
	switch s {
	case FollowUpDone:
		return "Done"
	case FollowUpInProgress:
		return "In progress"
	case FollowUpNotStarted:
		return "Not started"
	case FollowUpDropped:
		return "Dropped"
	}
	return "Not yet followed up"
}

// Check is an acceptance criterion the data can decide, beside its words.
// Kinds: "no-gap" (the role-gap rule finds nothing about the subject),
// "median-open-age" (the median age of open impediments is at most Days),
// "none-older-than-pi" (no open impediment is older than one PI) and
// "item-at-least" (the item is rated at least Level).
type Check struct {
	Kind    string `json:"kind"`
	Rule    string `json:"rule,omitempty"`
	Subject string `json:"subject,omitempty"`
	Days    int    `json:"days,omitempty"`
	Item    string `json:"item,omitempty"`
	Level   int    `json:"level,omitempty"`
}

// FollowUp is one agreed recommendation of the last assessment, carried into
// the next with what happened to it. It keeps the recommendation's words as
// they were agreed: the finished assessment keeps what was true on its date.
type FollowUp struct {
	RecommendationID string // the recommendation's stable ID: rule and subject
	Rule             string
	Finding          string
	Action           string
	Acceptance       string
	Owner            Owner
	Escalation       ImpedimentLevel // where it stands on the ladder now
	TargetPI         string
	RaisedPI         string // the PI in which it was first agreed
	Check            *Check // nil when only a person can judge the criterion

	State    FollowUpState
	Note     string    // the coach's evidence
	NoteDate time.Time // when the evidence was seen
	Reason   string    // why it was dropped

	// Override is the coach's word against the data's: "met" or "not-met",
	// with Reason; empty leaves the data's verdict.
	Override       string
	OverrideReason string
}

// FollowUpResult is a follow-up as the new assessment reads it.
type FollowUpResult struct {
	FollowUp
	Met         *bool           // what the data says; nil when the data cannot decide
	Evidence    string          // what the data shows, in words
	Closed      bool            // done or met (by the data or the coach's word), or dropped
	OverduePIs  int             // how many PIs past its target PI it is, when not closed
	Escalated   bool            // overdue for a second PI: climbed one step on the ladder
	ClimbedFrom ImpedimentLevel // where it stood before it climbed; empty unless Escalated
	RepeatedPIs int             // how many PIs since it was first agreed, while unmet
}

// FollowThrough are the figures of one assessment's follow-ups.
type FollowThrough struct {
	Total, Done, MetByData, InProgress, NotStarted, Dropped, Overdue, Escalated, Open int
	Rate                                                                              float64 // closed (done, met or dropped for a reason) of all, 0–1
}

// FollowThroughName names the follow-through rate where a trend draws or
// lists it beside the scores: the share of last PI's agreed recommendations
// closed, 0 to 100.
const FollowThroughName = "Follow-through"

// Known reports whether there were follow-ups to follow through: an
// assessment without them has no rate, not a rate of 0.
func (ft FollowThrough) Known() bool { return ft.Total > 0 }

// Closed counts the follow-ups the rate counts: done, met by the data or
// dropped for a reason.
func (ft FollowThrough) Closed() int { return ft.Done + ft.MetByData + ft.Dropped }

// FollowUpRules say how follow-ups are made and read; the method lists them.
var FollowUpRules = []Rule{
	{"FU-01", "What comes along",
		"When an assessment of a train starts and an earlier finished one exists, its agreed recommendations come along as follow-ups: accepted, edited or the coach's own; rejected and unreviewed ones stay out. A recommendation keeps its ID across {pis}: the same rule on the same subject is the same recommendation, with the {pi} it was first agreed in."},
	{"FU-02", "Criteria the data decides",
		"Where the acceptance criterion is a fact the new assessment holds, it is checked against the new roster, register and answers and shown met or not met with the evidence: a role-gap rule that no longer finds the gap, the median age of open impediments, no open impediment older than one {pi}, an item rated at or above a level. The coach can override with a reason; both are shown. Other criteria stay with the coach."},
	{"FU-03", "Overdue and escalated",
		"A follow-up that is neither done, met nor dropped after its target {pi} is overdue. Overdue for a second {pi} it climbs one step on the escalation ladder (team, then {train-short}, then LACE), as impediments do."},
	{"FU-04", "Unmet two {pis} in a row",
		"A follow-up that comes along unmet for the second assessment in a row is itself a finding: a high-priority recommendation for the LACE to decide on it."},
}

// checkFor is the check the data can run for a recommendation, from the
// rule that derived it; nil when only a person can judge.
func checkFor(rec Recommendation) *Check {
	subject := strings.TrimPrefix(rec.ID, rec.Rule+"/")
	switch {
	case strings.HasPrefix(rec.Rule, "RG-"):
		return &Check{Kind: "no-gap", Rule: rec.Rule, Subject: subject}
	case rec.Rule == "RV-01":
		return &Check{Kind: "no-gap", Rule: "RG-01", Subject: string(RoleFacilitator)}
	case rec.Rule == "RF-01":
		return &Check{Kind: "median-open-age", Days: TargetMedianAgeDays}
	case rec.Rule == "RF-02":
		return &Check{Kind: "none-older-than-pi"}
	case rec.Rule == "RI-01":
		return &Check{Kind: "item-at-least", Item: subject, Level: LowLevel + 1}
	}
	return nil
}

// agreed reports whether the coach stood behind a recommendation: accepted,
// edited or their own, and not rejected.
func agreed(rec Recommendation) bool {
	return rec.Status != Rejected && (rec.Status == Accepted || rec.Edited || rec.ByCoach)
}

// FollowUpsFrom are the follow-ups a new assessment starts with: the agreed
// recommendations of prev (a finished assessment and its results), and the
// follow-ups prev itself carried that were still open, so a recommendation
// agreed twice keeps the PI it was first raised in.
func FollowUpsFrom(prev *Assessment, prevResults Results) []FollowUp {
	carried := map[string]FollowUpResult{}
	for _, fr := range prevResults.FollowUps {
		carried[fr.RecommendationID] = fr
	}
	var out []FollowUp
	seen := map[string]bool{}
	for _, rec := range prevResults.Recommendations {
		if !agreed(rec) {
			continue
		}
		fu := FollowUp{RecommendationID: rec.ID, Rule: rec.Rule, Finding: rec.Finding, Action: rec.Action, Acceptance: rec.Acceptance,
			Owner: rec.Owner, Escalation: rec.Escalation, TargetPI: rec.TargetPI, RaisedPI: cmp.Or(rec.FirstRaised, prev.PI), Check: checkFor(rec)}
		if fr, ok := carried[rec.ID]; ok && !fr.Closed {
			fu.RaisedPI, fu.TargetPI, fu.Escalation = fr.RaisedPI, fr.TargetPI, fr.Escalation
		}
		seen[rec.ID] = true
		out = append(out, fu)
	}
	// Open follow-ups whose rule no longer fires keep coming along until the
	// coach closes them: the data stopped seeing them, the LACE did not.
	for _, fr := range prevResults.FollowUps {
		if fr.Closed || seen[fr.RecommendationID] {
			continue
		}
		fu := fr.FollowUp
		fu.State, fu.Note, fu.NoteDate, fu.Reason, fu.Override, fu.OverrideReason = FollowUpOpen, "", time.Time{}, "", "", ""
		out = append(out, fu)
	}
	return out
}

// evaluateFollowUps reads an assessment's follow-ups against its own
// roster, register and answers (FU-02, FU-03).
func evaluateFollowUps(a *Assessment, r Results) []FollowUpResult {
	var out []FollowUpResult
	for _, fu := range a.FollowUps {
		fr := FollowUpResult{FollowUp: fu}
		if fu.Check != nil {
			met, ev := runCheck(*fu.Check, r)
			if ev != "" {
				fr.Met, fr.Evidence = &met, ev
			}
		}
		metByWord := fr.Met != nil && *fr.Met
		switch fu.Override {
		case "met":
			metByWord = true
		case "not-met":
			metByWord = false
		}
		fr.Closed = fu.State == FollowUpDone || fu.State == FollowUpDropped || metByWord
		if !fr.Closed {
			// An assessment of a PI is made as it ends (at its {inspect}):
			// a follow-up due by this PI and not closed is overdue now.
			if fu.TargetPI != "" && fu.TargetPI == a.PI {
				fr.OverduePIs = 1
			} else if n := pisAfter(fu.TargetPI, a.PI); n > 0 {
				fr.OverduePIs = n + 1
			}
			if fr.OverduePIs >= 2 {
				fr.Escalated, fr.ClimbedFrom = true, fu.Escalation
				fr.Escalation = stepUp(fu.Escalation)
			}
			if fu.RaisedPI != "" && fu.RaisedPI != a.PI {
				fr.RepeatedPIs = max(1, pisAfter(fu.RaisedPI, a.PI))
			}
		}
		out = append(out, fr)
	}
	return out
}

// stepUp is the next step on the escalation ladder.
func stepUp(l ImpedimentLevel) ImpedimentLevel {
	switch l {
	case LevelTeam:
		return LevelART
	default:
		return LevelLACE
	}
}

// pisAfter counts how many PIs label cur is after label target (0 when
// the same, before, or not comparable), by stepping NextPI.
func pisAfter(target, cur string) int {
	if target == "" || cur == "" {
		return 0
	}
	for n := 1; n <= 12; n++ {
		if NextPI(target, n) == cur {
			return n
		}
	}
	return 0
}

// runCheck decides a check on the assessment's results: whether it is met,
// and the evidence in words; empty evidence when the data cannot say.
func runCheck(c Check, r Results) (bool, string) {
	switch c.Kind {
	case "no-gap":
		for _, g := range r.Gaps {
			if g.Rule == c.Rule && (c.Subject == "" || g.SubjectID == c.Subject || g.Subject == c.Subject) {
				return false, "The roster still shows: " + g.Finding
			}
		}
		if c.Rule == "RG-01" && r.Verdict.Kind != Recommended && r.Verdict.Kind != RecommendedConditions {
			return false, "" // the gap is not reported while the verdict does not ask for the role: a person decides
		}
		return true, fmt.Sprintf("The roster no longer shows the gap (%s).", c.Rule)
	case "median-open-age":
		fg := r.Figures
		if fg.Total == 0 {
			return false, ""
		}
		if fg.Open == 0 || fg.MedianOpenAgeDays <= float64(c.Days) {
			return true, fmt.Sprintf("Median age of open impediments: %s, at most %d.", formatFigure(fg.MedianOpenAgeDays, "days"), c.Days)
		}
		return false, fmt.Sprintf("Median age of open impediments: %s, above %d.", formatFigure(fg.MedianOpenAgeDays, "days"), c.Days)
	case "none-older-than-pi":
		fg := r.Figures
		if fg.Total == 0 {
			return false, ""
		}
		if fg.OlderThanPI == 0 {
			return true, "No open impediment is older than one PI."
		}
		return false, fmt.Sprintf("%s older than one PI.", Count(fg.OlderThanPI, "open impediment is", "open impediments are"))
	case "item-at-least":
		is, ok := r.Item(c.Item)
		if !ok || !is.Rating.Rated() {
			return false, ""
		}
		if int(is.Rating) >= c.Level {
			return true, fmt.Sprintf("Rated %d now, at least %d.", is.Rating, c.Level)
		}
		return false, fmt.Sprintf("Rated %d now, below %d.", is.Rating, c.Level)
	}
	return false, ""
}

// Figures of follow-through (issue: how many of last PI's agreed
// recommendations are done, met by the data, in progress, overdue, dropped).
func followThrough(frs []FollowUpResult) FollowThrough {
	var ft FollowThrough
	for _, fr := range frs {
		ft.Total++
		met := fr.Met != nil && *fr.Met && fr.Override != "not-met" || fr.Override == "met"
		switch {
		case fr.State == FollowUpDone:
			ft.Done++
		case fr.State == FollowUpDropped:
			ft.Dropped++
		case met:
			ft.MetByData++
		case fr.State == FollowUpInProgress:
			ft.InProgress++
		case fr.State == FollowUpNotStarted:
			ft.NotStarted++
		default:
			ft.Open++
		}
		if !fr.Closed && fr.OverduePIs > 0 {
			ft.Overdue++
		}
		if fr.Escalated {
			ft.Escalated++
		}
	}
	if ft.Total > 0 {
		ft.Rate = float64(ft.Closed()) / float64(ft.Total)
	}
	return ft
}

// Sentence is the follow-through in one line, for the leadership summary:
// "5 of 8 done, 2 met by the data, 1 overdue for the second PI and escalated
// to the LACE".
func (ft FollowThrough) Sentence(f Framework) string {
	if ft.Total == 0 {
		return ""
	}
	parts := []string{fmt.Sprintf("%d of %d done", ft.Done, ft.Total)}
	if ft.MetByData > 0 {
		parts = append(parts, fmt.Sprintf("%d met by the data", ft.MetByData))
	}
	if ft.InProgress > 0 {
		parts = append(parts, fmt.Sprintf("%d in progress", ft.InProgress))
	}
	if ft.Dropped > 0 {
		parts = append(parts, fmt.Sprintf("%d dropped", ft.Dropped))
	}
	if n := ft.Overdue - ft.Escalated; n > 0 {
		parts = append(parts, fmt.Sprintf("%d overdue", n))
	}
	if ft.Escalated > 0 {
		parts = append(parts, f.Expand(fmt.Sprintf("%d overdue for the second {pi} and escalated a step up the ladder", ft.Escalated)))
	}
	return List(parts)
}

// Line is the follow-through as the leadership summary and the results
// screen say it: "Of last PI's 3 agreed recommendations: 1 of 3 done, ...".
func (ft FollowThrough) Line(f Framework) string {
	if ft.Total == 0 {
		return ""
	}
	return f.Expand(fmt.Sprintf("Of last {pi}'s %s: %s.", Count(ft.Total, "agreed recommendation", "agreed recommendations"), ft.Sentence(f)))
}

// deriveFollowUps is FU-04: a follow-up unmet for the second assessment in
// a row becomes a finding for the LACE.
func deriveFollowUps(r Results, f Framework, add addFunc) {
	for _, fr := range r.FollowUps {
		if fr.Closed || fr.RepeatedPIs < 2 {
			continue
		}
		ev := []Evidence{{Kind: EvidenceFigure, Ref: fr.RecommendationID, Text: fmt.Sprintf("Agreed in %s, due by %s, %s now.", piOrEarlier(fr.RaisedPI), piOrEarlier(fr.TargetPI), strings.ToLower(fr.State.Title()))}}
		if fr.Evidence != "" {
			ev = append(ev, Evidence{Kind: EvidenceFigure, Ref: fr.RecommendationID, Text: fr.Evidence})
		}
		add("FU-04", fr.RecommendationID, Recommendation{
			Finding:    fmt.Sprintf("Agreed since %s and still not done: %s", piOrEarlier(fr.RaisedPI), strings.TrimSuffix(fr.Finding, ".")+"."),
			Evidence:   ev,
			Action:     "Decide on it at the LACE: fund and staff it with a date, give it to who can act, or drop it with a recorded reason. " + fr.Action,
			Priority:   High,
			Owner:      OwnerLACE,
			Escalation: LevelLACE,
			Acceptance: "The LACE has recorded a decision, and the follow-up is done, met by the data or dropped with a reason at the next assessment.",
		})
	}
}

func piOrEarlier(s string) string {
	if strings.TrimSpace(s) == "" {
		return "an earlier {pi}"
	}
	return s
}

// FollowUpIndex finds a follow-up by recommendation ID.
func FollowUpIndex(fus []FollowUp, recID string) int {
	return slices.IndexFunc(fus, func(f FollowUp) bool { return f.RecommendationID == recID })
}

// Earlier are the train's finished assessments before cur (by date, and in
// the given order among the same date), oldest first: what a report compares
// with and what a new assessment follows up. Drafts never count.
func Earlier(cur *Assessment, all []*Assessment) []*Assessment {
	var out []*Assessment
	for _, a := range all {
		switch {
		case a == nil:
			continue
		case cur != nil && a.ID == cur.ID:
			return out // the store lists them oldest first: what follows is later
		case a.Status != Final || cur != nil && a.Date.After(cur.Date):
			continue
		}
		out = append(out, a)
	}
	return out
}

// Previous is the last of Earlier, or nil.
func Previous(cur *Assessment, all []*Assessment) *Assessment {
	e := Earlier(cur, all)
	if len(e) == 0 {
		return nil
	}
	return e[len(e)-1]
}

// Key is the key that gives a follow-up its state on every screen: its
// place in FollowUpStates, "1" to "4"; empty for the open state.
func (s FollowUpState) Key() string {
	if i := slices.Index(FollowUpStates, s); i >= 0 {
		return fmt.Sprint(i + 1)
	}
	return ""
}

// FollowUpStateOfKey is the state a key gives, false for any other key.
func FollowUpStateOfKey(key string) (FollowUpState, bool) {
	for _, s := range FollowUpStates {
		if s.Key() == key {
			return s, true
		}
	}
	return FollowUpOpen, false
}

// Owed are the agreed recommendations a train still owes past their target
// PI (FU-03), as the train and home screens show them between assessments:
// the open follow-ups of the draft that follows the latest finished
// assessment up, or, while no newer assessment has followed it up, the
// agreed recommendations of the latest finished one whose target PI has
// ended by today. A PI of an assessment ends on its date (it is made at the
// PI's {inspect}); each PI after it lasts its PI length. A target PI the
// labels cannot count to is never overdue: nobody can tell when it ends.
func Owed(d *Definitions, t Train, all []*Assessment, today time.Time) []FollowUpResult {
	prev := Previous(nil, all)
	if prev == nil {
		return nil
	}
	// A draft after it has followed it up: its own reading counts.
	var draft *Assessment
	for _, a := range all[slices.Index(all, prev)+1:] {
		if a != nil && a.Status != Final {
			draft = a
		}
	}
	var out []FollowUpResult
	if draft != nil {
		for _, fr := range Evaluate(d, t, draft).FollowUps {
			if !fr.Closed && fr.OverduePIs > 0 {
				out = append(out, fr)
			}
		}
		return out
	}
	weeks := prev.PIWeeks
	if weeks <= 0 {
		weeks = DefaultPIWeeks
	}
	// The PIs after prev's that have ended by today.
	ended := int(Day(today).Sub(Day(prev.Date)).Hours()/24) / (7 * weeks)
	if ended < 0 {
		return nil
	}
	for _, fu := range FollowUpsFrom(prev, Evaluate(d, t, prev)) {
		due := pisAfter(prev.PI, fu.TargetPI)
		if due == 0 && (fu.TargetPI == "" || fu.TargetPI != prev.PI) {
			continue
		}
		if ended < due {
			continue
		}
		fr := FollowUpResult{FollowUp: fu, OverduePIs: ended - due + 1}
		if fr.OverduePIs >= 2 {
			fr.Escalated, fr.ClimbedFrom, fr.Escalation = true, fu.Escalation, stepUp(fu.Escalation)
		}
		out = append(out, fr)
	}
	return out
}

// OverdueBadge says what a train owes in one line, for its badge on the
// train and home screens: "3 follow-ups overdue, 1 escalated to LACE";
// empty when nothing is overdue.
func OverdueBadge(owed []FollowUpResult, f Framework) string {
	if len(owed) == 0 {
		return ""
	}
	parts := []string{Count(len(owed), "follow-up overdue", "follow-ups overdue")}
	for _, l := range []ImpedimentLevel{LevelTeam, LevelART, LevelLACE} {
		n := 0
		for _, fr := range owed {
			if fr.Escalated && fr.Escalation == l {
				n++
			}
		}
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d escalated to %s", n, f.LevelTitle(l)))
		}
	}
	return strings.Join(parts, ", ")
}
