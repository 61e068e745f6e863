package assessment

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The thresholds of the register rules.
const (
	OldMedianAgeDays     = 30   // RF-01: a median open age above this is old
	TargetMedianAgeDays  = 14   // RF-01: the median open age its acceptance criterion asks for
	MinRegisterForShares = 5    // RF-03 to RF-05 need at least this many impediments to read a share
	LowEscalationShare   = 0.10 // RF-03: below this, impediments do not climb the ladder
	HighEscalationShare  = 0.50 // RF-04: above this, teams hand impediments upward
	RecurrenceShare      = 0.15 // RF-05: from this share of repeats, root causes are not removed
	HighRecurrenceShare  = 0.30 // RF-05: from this share, the recommendation is high priority
	OldShareHigh         = 0.25 // RF-02: from this share of open impediments older than a PI, high priority
)

// RecommendationRules are the rules that derive recommendations, in the
// order their recommendations are listed within one priority. Each role-gap
// rule (RoleGapRules) is a recommendation rule too, ranked where "RG" stands.
var RecommendationRules = []Rule{
	{"RV-01", "Establish the scaled facilitator role",
		"When the verdict recommends {a-facilitator}, with or without conditions, and nobody holds the role: establish it the way the verdict says to start. High priority, owner LACE, escalation LACE. Role gap RG-01 yields no recommendation of its own; this rule and RV-03 speak for it."},
	{"RV-02", "Meet a condition of the verdict",
		"For each contra-indication behind a verdict of \"recommended with conditions\": the item's advice, or its condition when it has no advice. High priority."},
	{"RV-03", "Not now: what to do instead",
		"When the verdict is \"not recommended now\": the verdict's way forward. Medium priority, owner LACE, escalation LACE."},
	{"RV-04", "Complete the fit checklist",
		"When the verdict is undecided: rate the fit checklist. Low priority, owner LACE."},
	{"RG", "Close a role gap",
		"Each role gap (RG-02 to RG-15) yields its rule's action, owner, escalation and acceptance criterion; its priority is the gap's severity."},
	{"RF-01", "Old impediments",
		fmt.Sprintf("When the median age of open impediments is above %d days: review and move them. High priority when the median is older than one {pi}, otherwise medium.", OldMedianAgeDays)},
	{"RF-02", "Impediments older than one {pi}",
		fmt.Sprintf("When any open impediment is older than one {pi}: decide on each with the {leaders}. High priority when %.0f%% or more of the open impediments are that old, otherwise medium. Owner LACE when one of them is at LACE level, otherwise the {facilitator}.", OldShareHigh*100)},
	{"RF-03", "Too little escalation",
		fmt.Sprintf("When the register holds at least %d impediments, fewer than %.0f%% were escalated, and some open ones are older than one {pi}: impediments age where they arise instead of climbing the ladder. Medium priority.", MinRegisterForShares, LowEscalationShare*100)},
	{"RF-04", "Too much escalation",
		fmt.Sprintf("When at least %d impediments stayed at team or train level and more than %.0f%% of those were escalated: teams hand upward what they could clear. Impediments escalated to the LACE are systemic and not counted. Medium priority.", MinRegisterForShares, HighEscalationShare*100)},
	{"RF-05", "Recurring impediments",
		fmt.Sprintf("When the register holds at least %d impediments and %.0f%% or more repeat an earlier one: remove root causes. High priority from %.0f%%, otherwise medium.", MinRegisterForShares, RecurrenceShare*100, HighRecurrenceShare*100)},
	{"RF-06", "No impediment register",
		"When the register is empty: start keeping one. Medium priority."},
	{"RF-07", "Open impediments without an owner",
		"When any open impediment has no owner: name one for each. Medium priority."},
	{"FU-04", "Unmet two {pis} in a row",
		"A follow-up agreed two {pis} ago or more and still neither done, met nor dropped: the LACE decides on it. High priority, owner LACE, escalation LACE."},
	{"RO-01", "Nobody owns advice who cannot act on it",
		fmt.Sprintf("After all rules have run, a recommendation owned by a role that is vacant, that the framework does not have, or that the verdict says the train should not have, goes to who can act: the {facilitator}'s to the team Scrum Masters (the LACE when no team has one); the {backlog-owner}'s to the {leaders}; the {leaders}' to the LACE when the roster names none of them or the fit checklist finds them not empowered to decide (%s rated %d or higher). Advice to take impediments to the {leaders} then goes to the LACE or portfolio. The evidence says why the owner changed.", itemNoLeaders, StrongLevel)},
	{"RI-01", "Low-rated practice or measure",
		fmt.Sprintf("For each item of the maturity checklists that is rated, or whose figure earns, level %d or lower and that has advice: the advice. When a role-gap rule the item names as related has found a gap, the item's rating joins that gap's recommendation as evidence instead; a level taken from the register is left to the register rules. High priority for level 1 on an item of weight 3 or more; medium for level 1, or level 2 on an item of weight 3 or more; otherwise low.", LowLevel)},
}

// RecommendationID is the stable ID of the recommendation a rule derives
// about a subject, so the coach's edits and the trend across assessments
// follow it.
func RecommendationID(rule, subject string) string { return rule + "/" + subject }

// targetPI is the PI a recommendation is due by: the next for high
// priority, the one after for medium, the third for low.
func targetPI(pi string, p Priority) string {
	n := int(p)
	if n < 1 || n > 3 {
		n = 3
	}
	return NextPI(pi, n)
}

// Derive applies the recommendation rules to an assessment's findings, in
// the order of SortRecommendations. Every recommendation starts Proposed.
func Derive(d *Definitions, t Train, a *Assessment, r Results) []Recommendation {
	f := t.Framework
	var recs []Recommendation
	add := func(rule, subject string, rec Recommendation) {
		rec.ID = RecommendationID(rule, subject)
		rec.Rule = rule
		rec.Status = Proposed
		rec.TargetPI = targetPI(a.PI, rec.Priority)
		rec.Finding = f.Expand(rec.Finding)
		rec.Action = f.Expand(rec.Action)
		rec.Acceptance = f.Expand(rec.Acceptance)
		for i := range rec.Evidence {
			rec.Evidence[i].Text = f.Expand(rec.Evidence[i].Text)
		}
		recs = append(recs, rec)
	}

	who := whoCanAct(t, a, r)
	deriveVerdict(d, a, r, f, add)
	deriveGaps(r.Gaps, add)
	deriveRegister(a, r.Figures, who, add)
	deriveItems(d, r, f, add, &recs)
	deriveFollowUps(r, f, add)
	for i := range recs {
		who.route(&recs[i])
		if j := FollowUpIndex(a.FollowUps, recs[i].ID); j >= 0 {
			recs[i].FirstRaised = a.FollowUps[j].RaisedPI // the same rule on the same subject: the same recommendation
		}
	}
	SortRecommendations(recs)
	return recs
}

// actors says which owners can act on this train today (rule RO-01).
type actors struct {
	f            Framework
	facilitator  bool // held, and the verdict does not say the train should not have it
	scrumMasters bool // some team has a Scrum Master
	backlogOwner bool // the framework has the role and someone holds it
	leaders      bool // named in the roster and not found unempowered
	why          map[Owner]string
}

func whoCanAct(t Train, a *Assessment, r Results) actors {
	f := t.Framework
	ro := a.Roster
	w := actors{f: f, why: map[Owner]string{}}
	w.facilitator = holds(ro, RoleFacilitator) && r.Verdict.Kind != NotRecommended
	switch {
	case !holds(ro, RoleFacilitator):
		w.why[OwnerFacilitator] = f.Expand("the roster has no {facilitator}")
	case !w.facilitator:
		w.why[OwnerFacilitator] = f.Expand("the verdict does not recommend {a-facilitator} now")
	}
	w.scrumMasters = slices.ContainsFunc(ro.Teams, func(tm Team) bool { return tm.ScrumMasterID != "" })
	w.backlogOwner = f.HasRole(RoleProductManagement) && holds(ro, RoleProductManagement)
	if !w.backlogOwner {
		w.why[OwnerProductManagement] = f.Expand("the roster has no {backlog-owner}")
	}
	unempowered := false
	if is, ok := r.Item(itemNoLeaders); ok && int(is.Rating) >= StrongLevel {
		unempowered = true
	}
	w.leaders = holds(ro, RoleBusinessOwner) && !unempowered
	switch {
	case !holds(ro, RoleBusinessOwner):
		w.why[OwnerBusinessOwners] = f.Expand("the roster names none of the {leaders}")
	case unempowered:
		w.why[OwnerBusinessOwners] = f.Expand("the assessment finds the {leaders} not empowered to decide")
	}
	return w
}

// route gives a recommendation whose owner cannot act to who can, and says why.
func (w actors) route(rec *Recommendation) {
	if rec.ByCoach {
		return
	}
	from := rec.Owner
	for range 3 { // each step moves toward the LACE, which can always act
		switch {
		case rec.Owner == OwnerFacilitator && !w.facilitator:
			rec.Owner = OwnerScrumMasters
		case rec.Owner == OwnerScrumMasters && !w.scrumMasters:
			rec.Owner = OwnerLACE
		case rec.Owner == OwnerProductManagement && !w.backlogOwner:
			rec.Owner = OwnerBusinessOwners
		case rec.Owner == OwnerBusinessOwners && !w.leaders:
			rec.Owner = OwnerLACE
		}
	}
	if rec.Owner != from {
		why := w.why[from]
		if why == "" {
			why = w.why[OwnerBusinessOwners]
		}
		rec.Evidence = append(rec.Evidence, Evidence{Kind: EvidenceRoster, Ref: "RO-01",
			Text: fmt.Sprintf("Owner %s rather than %s: %s.", rec.Owner.Title(w.f), from.Title(w.f), why)})
	}
}

type addFunc func(rule, subject string, rec Recommendation)

func deriveVerdict(d *Definitions, a *Assessment, r Results, f Framework, add addFunc) {
	v := r.Verdict
	reasons := slices.Clone(v.Reasons)
	switch v.Kind {
	case Recommended, RecommendedConditions:
		if holds(a.Roster, RoleFacilitator) {
			break
		}
		acc := "A named {facilitator} is in the roster and has run the {sync} for a full iteration before the next {planning}."
		if len(v.Conditions) > 0 {
			acc += " The LACE has confirmed each condition of the verdict."
		}
		add("RV-01", "facilitator", Recommendation{
			Finding:  v.Headline,
			Evidence: reasons,
			Action:   v.WayToStart,
			Priority: High, Owner: OwnerLACE, Escalation: LevelLACE,
			Acceptance: acc,
		})
	case NotRecommended:
		add("RV-03", "facilitator", Recommendation{
			Finding:  v.Headline,
			Evidence: reasons,
			Action:   v.WayToStart,
			Priority: Medium, Owner: OwnerLACE, Escalation: LevelLACE,
			Acceptance: "The LACE has re-assessed the scaled facilitator fit at the next {inspect} and recorded its decision.",
		})
	case Undecided:
		add("RV-04", "facilitator", Recommendation{
			Finding:  v.Headline,
			Action:   v.WayToStart,
			Priority: Low, Owner: OwnerLACE, Escalation: LevelLACE,
			Acceptance: fmt.Sprintf("At least %.0f%% of the fit items are rated at the next assessment.", MinFitEvidence*100),
		})
	}
	if v.Kind != RecommendedConditions {
		return
	}
	for _, e := range v.Reasons {
		it, _ := d.Item(e.Ref)
		if it == nil || it.Kind != ContraIndication {
			continue
		}
		rec := Recommendation{
			Finding:  "Condition of the verdict: " + it.Condition,
			Evidence: []Evidence{e},
			Priority: High, Owner: OwnerLACE, Escalation: LevelLACE,
			Action:     it.Condition,
			Acceptance: "The LACE has confirmed that the condition holds: " + it.Condition,
		}
		if adv := it.Advice; adv != nil {
			rec.Action, rec.Owner, rec.Escalation, rec.Acceptance = adv.Action, adv.Owner, adv.Escalation, adv.Acceptance
		}
		add("RV-02", it.ID, rec)
	}
}

func deriveGaps(gaps []RoleGap, add addFunc) {
	for _, g := range gaps {
		rule := RoleGapRuleByID(g.Rule)
		if rule == nil || g.Rule == "RG-01" {
			continue
		}
		add(g.Rule, cmp.Or(g.SubjectID, g.Subject), Recommendation{
			Finding:    g.Finding,
			Evidence:   []Evidence{{Kind: EvidenceRoster, Ref: g.Rule, Text: g.Finding}},
			Action:     rule.Action,
			Priority:   g.Severity,
			Owner:      rule.Owner,
			Escalation: rule.Escalation,
			Acceptance: rule.Acceptance,
		})
	}
}

func deriveRegister(a *Assessment, fg RegisterFigures, who actors, add addFunc) {
	fig := func(ref, text string) Evidence { return Evidence{Kind: EvidenceFigure, Ref: ref, Text: text} }
	piDays := fg.PIWeeks * 7
	openCount := fmt.Sprintf("%d open of %d impediments", fg.Open, fg.Total)

	if fg.Total == 0 {
		add("RF-06", "register", Recommendation{
			Finding:  "The train keeps no impediment register, so nobody can see how impediments flow.",
			Evidence: []Evidence{fig("total", "The register is empty.")},
			Action:   "Start an impediment register for the train: every impediment with level, owner, status, ROAM category and raised and resolved dates.",
			Priority: Medium, Owner: OwnerFacilitator, Escalation: LevelART,
			Acceptance: "The register holds every impediment raised at the {sync} during the next {pi}, each with an owner and a raised date.",
		})
		return
	}

	if fg.Open > 0 && fg.MedianOpenAgeDays > OldMedianAgeDays {
		p := Medium
		if fg.MedianOpenAgeDays > float64(piDays) {
			p = High
		}
		add("RF-01", "register", Recommendation{
			Finding:  fmt.Sprintf("Open impediments are old: their median age is %s.", formatFigure(fg.MedianOpenAgeDays, "days")),
			Evidence: []Evidence{fig("median-open-age-days", fmt.Sprintf("Median age of open impediments: %s (%s).", formatFigure(fg.MedianOpenAgeDays, "days"), openCount))},
			Action:   fmt.Sprintf("Review every open impediment older than %d days at the next {sync}: resolve it, escalate it a step up the ladder, or close it with a recorded decision.", OldMedianAgeDays),
			Priority: p, Owner: OwnerFacilitator, Escalation: LevelART,
			Acceptance: fmt.Sprintf("The median age of open impediments is %d days or less at the end of the target {pi}.", TargetMedianAgeDays),
		})
	}

	if fg.OlderThanPI > 0 {
		p := Medium
		if fg.ShareOlderThanPI >= OldShareHigh {
			p = High
		}
		owner, esc := OwnerFacilitator, LevelART
		for _, imp := range a.Register {
			if imp.Level == LevelLACE && isOpenOlderThan(imp, a, piDays) {
				owner, esc = OwnerLACE, LevelLACE
				break
			}
		}
		ev := []Evidence{fig("share-older-than-pi", fmt.Sprintf("%d of %d open impediments (%.0f%%) are older than one {pi} of %d weeks.", fg.OlderThanPI, fg.Open, 100*fg.ShareOlderThanPI, fg.PIWeeks))}
		if fg.OldestOpenID != "" {
			ev = append(ev, fig(fg.OldestOpenID, fmt.Sprintf("The oldest open impediment, %s, is %d days old.", impedimentName(a.Register, fg.OldestOpenID), fg.OldestOpenAgeDays)))
		}
		action := "Take each open impediment older than one {pi} to the {leaders}: resolve it, fund it, escalate it to the LACE or portfolio, or close it as accepted, with the decision recorded."
		if !who.leaders {
			action = "Take each open impediment older than one {pi} to the LACE or the portfolio, since " + who.why[OwnerBusinessOwners] + ": resolve it, fund it, or close it as accepted, with the decision recorded."
			owner, esc = OwnerLACE, LevelLACE
		}
		add("RF-02", "register", Recommendation{
			Finding:  fmt.Sprintf("%s older than one {pi}.", Count(fg.OlderThanPI, "open impediment is", "open impediments are")),
			Evidence: ev,
			Action:   action,
			Priority: p, Owner: owner, Escalation: esc,
			Acceptance: "No open impediment is older than one {pi} without a recorded decision at the end of the target {pi}.",
		})
	}

	if fg.Total >= MinRegisterForShares && fg.ShareEscalated < LowEscalationShare && fg.OlderThanPI > 0 {
		add("RF-03", "register", Recommendation{
			Finding:  fmt.Sprintf("Impediments age where they arise instead of climbing the ladder: only %.0f%% were escalated, while %s older than one {pi}.", 100*fg.ShareEscalated, Count(fg.OlderThanPI, "open one is", "open ones are")),
			Evidence: []Evidence{fig("share-escalated", fmt.Sprintf("%d of %d impediments escalated.", fg.Escalated, fg.Total))},
			Action:   "Agree time limits for each step of the escalation ladder (team, {sync}, {facilitator}, {leaders}, LACE) and escalate whatever passes its limit.",
			Priority: Medium, Owner: OwnerFacilitator, Escalation: LevelART,
			Acceptance: "In the target {pi} every impediment that passes its step's time limit is escalated within a week.",
		})
	}

	// RF-04 reads only what the teams and the train could have cleared:
	// impediments escalated to the LACE are systemic, and handing those up is right.
	var local, localUp int
	for _, imp := range a.Register {
		if imp.Existed(a.Date) && imp.Level != LevelLACE {
			local++
			if imp.Escalated {
				localUp++
			}
		}
	}
	if local >= MinRegisterForShares && float64(localUp) > HighEscalationShare*float64(local) {
		share := float64(localUp) / float64(local)
		add("RF-04", "register", Recommendation{
			Finding:  fmt.Sprintf("Most impediments that stay at team or {train-short} level are handed upward: %.0f%% were escalated.", 100*share),
			Evidence: []Evidence{fig("share-escalated", fmt.Sprintf("%d of %d team- and {train-short}-level impediments escalated; systemic ones escalated to the LACE are not counted.", localUp, local))},
			Action:   "Have the Scrum Masters and the {facilitator} coach teams to clear what lies within their reach before escalating, and review escalations at the {sync} for ones the teams could have solved.",
			Priority: Medium, Owner: OwnerFacilitator, Escalation: LevelTeam,
			Acceptance: fmt.Sprintf("At most %.0f%% of the team- and {train-short}-level impediments raised in the target {pi} are escalated.", 100*HighEscalationShare),
		})
	}

	if fg.Total >= MinRegisterForShares && fg.Recurrence >= RecurrenceShare {
		p := Medium
		if fg.Recurrence >= HighRecurrenceShare {
			p = High
		}
		add("RF-05", "register", Recommendation{
			Finding:  fmt.Sprintf("Impediments come back: %.0f%% repeat an earlier one.", 100*fg.Recurrence),
			Evidence: []Evidence{fig("recurrence", fmt.Sprintf("%d of %d impediments repeat an earlier one.", fg.Recurring, fg.Total))},
			Action:   "Take every recurring impediment to root-cause analysis (fishbone, five whys) at the next {inspect}, and plan the fixes as improvement items.",
			Priority: p, Owner: OwnerFacilitator, Escalation: LevelART,
			Acceptance: fmt.Sprintf("Fewer than %.0f%% of the impediments raised in the target {pi} repeat an earlier one.", 100*RecurrenceShare),
		})
	}

	var unowned []string
	for _, imp := range a.Register {
		if strings.TrimSpace(imp.Owner) == "" && isOpenOn(imp, a) {
			unowned = append(unowned, imp.Title)
		}
	}
	if len(unowned) > 0 {
		add("RF-07", "register", Recommendation{
			Finding:  fmt.Sprintf("%d open %s no owner.", len(unowned), plural(len(unowned), "impediment has", "impediments have")),
			Evidence: []Evidence{fig("owner", "Without an owner: "+strings.Join(unowned, "; ")+".")},
			Action:   "Name an owner for every open impediment at the next {sync}.",
			Priority: Medium, Owner: OwnerFacilitator, Escalation: LevelART,
			Acceptance: "Every open impediment in the register has an owner by the end of the next iteration.",
		})
	}
}

// deriveItems is rule RI-01. An item whose related role-gap rule found a
// gap does not advise again: its rating joins the evidence of the gap's
// recommendation, so the LACE reads one action with both facts behind it.
func deriveItems(d *Definitions, r Results, f Framework, add addFunc, recs *[]Recommendation) {
	fired := map[string]bool{}
	for _, g := range r.Gaps {
		fired[g.Rule] = true
	}
	for _, is := range r.Items {
		if !IsMaturity(is.ChecklistID) || !is.Rating.Rated() || int(is.Rating) > LowLevel || is.Source == FromRegister {
			continue
		}
		it, _ := d.Item(is.ItemID)
		if it == nil || it.Advice == nil {
			continue
		}
		covered := false
		for _, rule := range it.Related {
			if !fired[rule] {
				continue
			}
			covered = true
			for i := range *recs {
				if rec := &(*recs)[i]; rec.Rule == rule {
					rec.Evidence = append(rec.Evidence, answerEvidence(it, is, f))
				}
			}
		}
		if covered {
			continue
		}
		p := Low
		switch {
		case is.Rating == 1 && it.Weight >= 3:
			p = High
		case is.Rating == 1 || it.Weight >= 3:
			p = Medium
		}
		e := answerEvidence(it, is, f)
		add("RI-01", it.ID, Recommendation{
			Finding:    e.Text + ".",
			Evidence:   []Evidence{e},
			Action:     it.Advice.Action,
			Priority:   p,
			Owner:      it.Advice.Owner,
			Escalation: it.Advice.Escalation,
			Acceptance: it.Advice.Acceptance,
		})
	}
}

func isOpenOn(imp Impediment, a *Assessment) bool {
	if !imp.Raised.IsZero() && days(imp.Raised, a.Date) < 0 {
		return false
	}
	return imp.OpenOn(a.Date)
}

func isOpenOlderThan(imp Impediment, a *Assessment, limit int) bool {
	return isOpenOn(imp, a) && !imp.Raised.IsZero() && days(imp.Raised, a.Date) > limit
}

func impedimentName(reg []Impediment, id string) string {
	for _, imp := range reg {
		if imp.ID == id && imp.Title != "" {
			return "“" + imp.Title + "”"
		}
	}
	return id
}

// ruleRank orders rules as RecommendationRules lists them; role-gap rules
// rank where "RG" stands, among themselves by ID, and the coach's own last.
func ruleRank(rule string) int {
	if strings.HasPrefix(rule, "RG-") {
		rule = "RG"
	}
	for i, r := range RecommendationRules {
		if r.ID == rule {
			return i
		}
	}
	return len(RecommendationRules)
}

// SortRecommendations puts recommendations in their one order: priority,
// then rule, then subject, so the same findings always read the same.
func SortRecommendations(recs []Recommendation) {
	slices.SortStableFunc(recs, func(a, b Recommendation) int {
		return cmp.Or(
			cmp.Compare(a.Priority, b.Priority),
			cmp.Compare(ruleRank(a.Rule), ruleRank(b.Rule)),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.ID, b.ID),
		)
	})
}

// ApplyReview applies the coach's review: each edit changes the derived
// recommendation with its ID (empty fields keep the derived value), and the
// coach's own recommendations join the list. pi is the assessment's PI, from
// which a changed priority recomputes the target PI. Edits to recommendations no
// rule derives any more are dropped. Rejected recommendations stay in the
// list, marked, so the coach can change their mind; see Results.Agreed.
func ApplyReview(recs []Recommendation, rv Review, pi string) []Recommendation {
	out := make([]Recommendation, 0, len(recs)+len(rv.Added))
	for _, rec := range recs {
		rec.Evidence = slices.Clone(rec.Evidence)
		if e, ok := rv.Edits[rec.ID]; ok {
			rec = applyEdit(rec, e, pi)
		}
		out = append(out, rec)
	}
	for i, rec := range rv.Added {
		rec.Evidence = slices.Clone(rec.Evidence)
		rec.ByCoach = true
		rec.Rule = ""
		if rec.ID == "" {
			rec.ID = fmt.Sprintf("coach/%d", i+1)
		}
		if rec.Status == "" {
			rec.Status = Accepted // the coach wrote it, so the coach stands behind it
		}
		if rec.Priority < High || rec.Priority > Low {
			rec.Priority = Medium
		}
		out = append(out, rec)
	}
	SortRecommendations(out)
	return out
}

// CheckEscalation refuses an edit whose escalation is not a level of the
// ladder: it must be empty (the derived level stays) or one of
// ImpedimentLevels. applyEdit ignores any other value.
func (e RecommendationEdit) CheckEscalation() error {
	if e.Escalation == "" || slices.Contains(ImpedimentLevels, e.Escalation) {
		return nil
	}
	names := make([]string, len(ImpedimentLevels))
	for i, l := range ImpedimentLevels {
		names[i] = strconv.Quote(string(l))
	}
	return fmt.Errorf("unknown level %q (empty keeps the derived one, or one of %s)", string(e.Escalation), strings.Join(names, ", "))
}

// applyEdit changes one recommendation. A new priority moves the target PI
// with it, unless the coach set the target PI too.
func applyEdit(rec Recommendation, e RecommendationEdit, pi string) Recommendation {
	if e.Status != "" {
		rec.Status = e.Status
	}
	if rec.Status == Rejected {
		rec.Reason = strings.TrimSpace(e.Reason)
	}
	set := func(dst *string, v string) {
		if v != "" && v != *dst {
			*dst = v
			rec.Edited = true
		}
	}
	set(&rec.Finding, e.Finding)
	set(&rec.Action, e.Action)
	set(&rec.Acceptance, e.Acceptance)
	set(&rec.TargetPI, e.TargetPI)
	if e.Owner != "" && e.Owner != rec.Owner {
		rec.Owner, rec.Edited = e.Owner, true
	}
	if slices.Contains(ImpedimentLevels, e.Escalation) && e.Escalation != rec.Escalation {
		rec.Escalation, rec.Edited = e.Escalation, true
	}
	if e.Priority >= High && e.Priority <= Low && e.Priority != rec.Priority {
		rec.Priority, rec.Edited = e.Priority, true
		if e.TargetPI == "" && !rec.ByCoach {
			rec.TargetPI = targetPI(pi, rec.Priority)
		}
	}
	return rec
}

// MattersMostCount is how many recommendations the leadership summary puts
// under "What matters most".
const MattersMostCount = 5

// MattersMost are the recommendations leadership reads first: the lead
// (highest-priority agreed) recommendation of each of the first
// MattersMostCount groups (GroupRecommendations), whatever their priority,
// so five different findings reach leadership rather than five lines of
// one; and how many more agreed recommendations the full report holds.
func MattersMost(d *Definitions, f Framework, r Results) (top []Recommendation, more int) {
	agreed := r.Agreed()
	for _, g := range GroupRecommendations(d, f, agreed) {
		if len(top) == MattersMostCount {
			break
		}
		top = append(top, g.Members[0])
	}
	return top, len(agreed) - len(top)
}

// ReviewCount is how far the coach's review of the recommendations has come:
// how many are accepted, rejected and still proposed, the screens' and the
// report's one count.
type ReviewCount struct{ Accepted, Rejected, Proposed int }

// ReviewCount counts the recommendations by status; any status but accepted or
// rejected is still to review.
func (r Results) ReviewCount() ReviewCount {
	var c ReviewCount
	for _, rec := range r.Recommendations {
		switch rec.Status {
		case Accepted:
			c.Accepted++
		case Rejected:
			c.Rejected++
		default:
			c.Proposed++
		}
	}
	return c
}

// Agreed are the recommendations the coach has not rejected, in order: what
// the report puts before the LACE.
func (r Results) Agreed() []Recommendation {
	var out []Recommendation
	for _, rec := range r.Recommendations {
		if rec.Status != Rejected {
			out = append(out, rec)
		}
	}
	return out
}
