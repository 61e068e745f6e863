package assessment

import (
	"fmt"
	"slices"
	"strings"
)

// Rule is a documented rule: its ID, what it looks for, and what follows.
// The texts may hold the placeholders of Framework.Expand.
type Rule struct {
	ID    string
	Title string
	Words string
}

// The fit items the verdict reads by name, beyond their kind: the way to
// start depends on them, and each says something the verdict has to put
// first. A test keeps them in the definitions.
const (
	itemFrameworkAdoption = "fit.framework-adoption.v1"
	itemCandidateCoach    = "fit.candidate-coach.v1"
	itemTeamScrumWeak     = "fit.team-scrum-weak.v2"
	itemStatusReporting   = "fit.status-reporting-risk.v2"
	itemHandoff           = "fit.coordination-handoff-risk.v2"
	itemNoLeaders         = "fit.no-empowered-leaders.v2"
	itemIndependent       = "fit.independent-teams.v2"
	itemFewTeams          = "fit.few-teams.v2"
)

// The thresholds of the verdict.
const (
	// MinFitEvidence is the share of applicable fit items that must be rated
	// before the fit score is trusted.
	MinFitEvidence = 0.5
	// NeedThreshold is the indication score (0–100) from which the train is
	// taken to need a scaled facilitator.
	NeedThreshold = 50.0
	// LowLevel is the highest level that counts as low: an item rated at or
	// below it is a finding.
	LowLevel = 2
	// StrongLevel is the lowest level that counts as a strong sign: a
	// contra-indication rated at or above it holds; one level below, it
	// partly holds.
	StrongLevel = 4
	// LowEffectiveness is the effectiveness score (0–100) below which a
	// facilitator who holds the role is not doing it well: the verdict keeps
	// the role and asks to change how it is held.
	LowEffectiveness = 40.0
)

// VerdictRules are the verdict's rules, applied in this order; the first
// that fires decides.
var VerdictRules = []Rule{
	{"V-01", "Only one or two teams",
		"When the roster has one or two teams, {a-facilitator} is not recommended now, whatever the ratings: the teams' Scrum Masters and Product Owners can coordinate directly. This roster fact is decisive. Every decisive contra-indication that holds is named among the reasons too, and when single-team Scrum is weak the way forward starts with making Scrum work in each team."},
	{"V-02", "A decisive contra-indication holds",
		fmt.Sprintf("When a decisive contra-indication is rated %d or higher (it holds fully or largely), {a-facilitator} is not recommended now: the teams are independent, single-team Scrum is not yet working, or there are too few teams.", StrongLevel)},
	{"V-03", "Too little rated to decide",
		fmt.Sprintf("When fewer than %.0f%% of the applicable fit items are rated, or no sign for the role is rated, the verdict is undecided.", MinFitEvidence*100)},
	{"V-04", "The need is weak",
		fmt.Sprintf("The indication score is the weighted score of the signs for the role (without the way-to-start item). Below %.0f, {a-facilitator} is not recommended now: the train does not yet show the need.", NeedThreshold)},
	{"V-05", "Needed, with conditions",
		fmt.Sprintf("When the need is shown but a contra-indication that is not decisive is rated %d or higher, or a decisive one is rated %d (it partly holds), or the roster has none of the {leaders} to take escalations (in frameworks that name them), the role is recommended with conditions: each such item's condition must hold.", StrongLevel, StrongLevel-1)},
	{"V-07", "Keep the role, change how it is held",
		fmt.Sprintf("When the need is shown and the role is held, but the facilitator works badly (the effectiveness checklist scores below %.0f with enough answered, or the role has become status reporting or teams hand their coordination to it, rated %d or higher), the verdict keeps the role on the condition that how it is held changes, and the way forward names what to change.", LowEffectiveness, StrongLevel)},
	{"V-06", "Needed",
		"Otherwise the need is shown and nothing speaks against it: {a-facilitator} is recommended now."},
}

// WayToStartRules say how the verdict chooses the way to start.
var WayToStartRules = []Rule{
	{"W-01", "Keep the role",
		"If the roster already has {a-facilitator}, keep the role and check its effectiveness each {pi}."},
	{"W-02", "Adopt a framework with a dedicated role",
		fmt.Sprintf("If the organisation is adopting a scaling framework (%s rated %d or higher), or no team Scrum Master is ready (%s rated %d or lower), bring in a dedicated, trained {facilitator} as part of the framework.", itemFrameworkAdoption, StrongLevel, itemCandidateCoach, LowLevel)},
	{"W-03", "Promote an existing team coach",
		"Otherwise ask an experienced team Scrum Master to start facilitating across the teams with a time-boxed {sync}, then add release planning, scaled reviews and retrospectives as the need shows."},
}

// verdictInput gathers what the verdict reads.
type verdictInput struct {
	f           Framework
	items       []*Item
	scores      map[string]ItemScore
	teams       int
	facilitator bool // someone holds the role
	owners      bool // someone is one of the leaders (Business Owners, Executive Action Team)
	wantOwners  bool // the framework's roster rules ask for them (RG-04)
	rosterKnown bool
	eff         Score   // the effectiveness checklist's score
	effWeak     []*Item // its lowest-rated items with advice, lowest first
	effScores   map[string]ItemScore
}

func decideVerdict(d *Definitions, t Train, a *Assessment, r Results) Verdict {
	in := verdictInput{f: t.Framework, scores: map[string]ItemScore{}}
	if c := d.Checklist(ChecklistFit); c != nil {
		for i := range c.Items {
			in.items = append(in.items, &c.Items[i])
		}
	}
	for _, is := range r.Items {
		if is.ChecklistID == ChecklistFit {
			in.scores[is.ItemID] = is
		}
	}
	ro := a.Roster
	in.rosterKnown = len(ro.Teams) > 0 || len(ro.Roles) > 0 || len(ro.People) > 0
	in.teams = len(ro.Teams)
	in.facilitator = holds(ro, RoleFacilitator)
	in.owners = holds(ro, RoleBusinessOwner)
	in.wantOwners = t.Framework.Applies("RG-04")
	if cs, ok := r.Checklist(ChecklistEffectiveness); ok {
		in.eff = cs.Score
	}
	in.effScores = map[string]ItemScore{}
	if c := d.Checklist(ChecklistEffectiveness); c != nil {
		for _, is := range r.Items {
			if is.ChecklistID == ChecklistEffectiveness {
				in.effScores[is.ItemID] = is
			}
		}
		for l := 1; l <= LowLevel; l++ {
			for i := range c.Items {
				it := &c.Items[i]
				if is := in.effScores[it.ID]; it.Advice != nil && is.Rating.Rated() && int(is.Rating) == l && is.Source == FromRating {
					in.effWeak = append(in.effWeak, it)
				}
			}
		}
	}
	return verdict(in)
}

func holds(r Roster, role ARTRole) bool {
	for _, ra := range r.Roles {
		if ra.Role == role && ra.PersonID != "" {
			return true
		}
	}
	return false
}

func (in verdictInput) level(id string) int {
	if is, ok := in.scores[id]; ok && is.Rating.Rated() {
		return int(is.Rating)
	}
	return 0
}

// against is whether a contra-indication holds: rated StrongLevel or higher.
func (in verdictInput) against(id string) bool { return in.level(id) >= StrongLevel }

func (in verdictInput) evidence(it *Item) Evidence {
	return answerEvidence(it, in.scores[it.ID], in.f)
}

func verdict(in verdictInput) Verdict {
	f := in.f
	v := Verdict{}
	teamFact := Evidence{Kind: EvidenceRoster, Ref: "team-count",
		Text: fmt.Sprintf("The roster has %d %s.", in.teams, plural(in.teams, "team", "teams"))}

	// Every decisive contra-indication that holds is a reason, whichever
	// rule decides; weak single-team Scrum comes first, since nothing else
	// can work before it does.
	var decisive []string
	var decisiveReasons []Evidence
	for _, it := range in.items {
		if it.Kind == ContraIndication && it.Decisive {
			if in.against(it.ID) {
				decisiveReasons = append(decisiveReasons, in.evidence(it))
				decisive = append(decisive, it.ID)
			}
		}
	}
	if i := slices.Index(decisive, itemTeamScrumWeak); i > 0 {
		decisive = append([]string{itemTeamScrumWeak}, slices.Delete(decisive, i, i+1)...)
		e := decisiveReasons[i]
		decisiveReasons = append([]Evidence{e}, slices.Delete(decisiveReasons, i, i+1)...)
	}
	scrumFirst := slices.Contains(decisive, itemTeamScrumWeak)

	// V-01: one or two teams decide on their own.
	if in.rosterKnown && in.teams >= 1 && in.teams <= 2 {
		v.Kind = NotRecommended
		v.Reasons = append(slices.Clone(decisiveReasons), teamFact)
		v.Headline = f.Expand("{A-facilitator} is not recommended for this train now: with one or two teams there is no team of teams to facilitate.")
		if scrumFirst {
			v.Headline = f.Expand("{A-facilitator} is not recommended for this train now: make Scrum work in each team first; with one or two teams there is no team of teams to facilitate.")
		}
		v.WayToStart = notNowWay(in, append(slices.Clone(decisive), "teams"))
		return v
	}

	// V-02: decisive contra-indications.
	if len(decisive) > 0 {
		v.Kind = NotRecommended
		v.Reasons = decisiveReasons
		v.Headline = f.Expand("{A-facilitator} is not recommended for this train now: what speaks against the role is decisive.")
		if scrumFirst {
			v.Headline = f.Expand("{A-facilitator} is not recommended for this train now: make Scrum work in each team first.")
		}
		v.WayToStart = notNowWay(in, decisive)
		return v
	}

	// V-03: enough evidence?
	var rated, applicable int
	var need scoring
	for _, it := range in.items {
		is := in.scores[it.ID]
		if is.Rating != NotApplicable {
			applicable++
		}
		if is.Rating.Rated() {
			rated++
		}
		if it.Kind == Indication && it.ID != itemCandidateCoach {
			need.add(it, is)
		}
	}
	needScore := need.result()
	if applicable == 0 || float64(rated) < MinFitEvidence*float64(applicable) || !needScore.Known() {
		v.Kind = Undecided
		v.Headline = f.Expand("Too few fit items are rated to decide whether the train needs {a-facilitator}.")
		v.WayToStart = fmt.Sprintf("Rate at least %.0f%% of the fit items, including the signs for the role, to get a verdict.", MinFitEvidence*100)
		return v
	}

	// V-04: is the need shown?
	if needScore.Value < NeedThreshold {
		v.Kind = NotRecommended
		for _, it := range in.items {
			if l := in.level(it.ID); it.Kind == Indication && it.ID != itemCandidateCoach && l > 0 && l <= LowLevel {
				v.Reasons = append(v.Reasons, in.evidence(it))
			}
		}
		v.Reasons = append(v.Reasons, Evidence{Kind: EvidenceAnswer, Ref: "indication-score",
			Text: fmt.Sprintf("The signs for the role score %.0f of 100, below %.0f.", needScore.Value, NeedThreshold)})
		v.Headline = f.Expand("{A-facilitator} is not recommended for this train now: the signs of need are weak.")
		v.WayToStart = notNowWay(in, []string{"need"})
		return v
	}

	// V-05 and V-06: needed; on what conditions?
	for _, it := range in.items {
		if l := in.level(it.ID); it.Kind == Indication && it.ID != itemCandidateCoach && l >= StrongLevel {
			v.Reasons = append(v.Reasons, in.evidence(it))
		}
	}
	if in.rosterKnown && in.teams > 2 {
		v.Reasons = append(v.Reasons, teamFact)
	}
	for _, it := range in.items {
		if it.Kind != ContraIndication {
			continue
		}
		l := in.level(it.ID)
		if l >= StrongLevel || (it.Decisive && l == StrongLevel-1) {
			v.Reasons = append(v.Reasons, in.evidence(it))
			v.Conditions = append(v.Conditions, f.Expand(it.Condition))
		}
	}
	if in.rosterKnown && !in.owners && in.wantOwners {
		v.Reasons = append(v.Reasons, Evidence{Kind: EvidenceRoster, Ref: "RG-04", Text: f.Expand("The roster names none of the {leaders}.")})
		v.Conditions = append(v.Conditions, f.Expand("{The-leaders} are named, take the escalations of the {train-short} and meet with the {facilitator} at least every iteration."))
	}
	// V-07: the role is held but not working.
	change := in.facilitator && (in.heldBadly() || in.against(itemStatusReporting) || in.against(itemHandoff))
	if change && in.heldBadly() {
		v.Reasons = append(v.Reasons, Evidence{Kind: EvidenceAnswer, Ref: "effectiveness-score",
			Text: fmt.Sprintf("%s scores %.0f of 100, below %.0f (%d of %d items rated).", "Scaled facilitator effectiveness", in.eff.Value, LowEffectiveness, in.eff.Rated, in.eff.Total)})
	}
	if change && in.heldBadly() {
		v.Conditions = append(v.Conditions, f.Expand("The {facilitator} changes how the role is held: facilitating and coaching rather than reporting status or coordinating for the teams, with the weakest effectiveness practices improved by the next {inspect}."))
	}
	switch {
	case change:
		v.Kind = RecommendedConditions
		v.Headline = f.Expand("The train needs its {facilitator}: keep the role, and change how it is held.")
		v.WayToStart = changeWay(in)
		return v
	case len(v.Conditions) > 0 && in.facilitator:
		v.Kind = RecommendedConditions
		v.Headline = f.Expand("The train needs its {facilitator}, on conditions that do not hold yet.")
	case len(v.Conditions) > 0:
		v.Kind = RecommendedConditions
		v.Headline = f.Expand("The train needs {a-facilitator}, on conditions.")
	case in.facilitator:
		v.Kind = Recommended
		v.Headline = f.Expand("The train needs its {facilitator}: keep the role.")
	default:
		v.Kind = Recommended
		v.Headline = f.Expand("The train needs {a-facilitator} now.")
	}
	v.WayToStart = startWay(in, len(v.Conditions) > 0)
	return v
}

// heldBadly reports whether the effectiveness checklist, with enough
// answered, scores below LowEffectiveness.
func (in verdictInput) heldBadly() bool { return in.eff.Enough() && in.eff.Value < LowEffectiveness }

// changeWay is the way forward when the role is kept but held badly (V-07):
// what to change, from the weakest effectiveness practices.
func changeWay(in verdictInput) string {
	s := "Keep the {facilitator}, and change how the role is held."
	if in.against(itemStatusReporting) {
		s += " Stop status reporting: the {facilitator} facilitates the {sync} and coaches, and status comes from the teams' own boards and the {review}."
	}
	if in.against(itemHandoff) {
		s += " Hand coordination back to the teams: their Scrum Masters and Product Owners settle dependencies directly, coached by the {facilitator}."
	}
	for i, it := range in.effWeak {
		if i == 3 {
			break
		}
		s += " " + strings.TrimSpace(it.Advice.Action)
	}
	s += " Work on the conditions now: the role cannot do its job while they do not hold. Rate the effectiveness checklist again at the next {inspect} to see whether the change holds."
	return in.f.Expand(s)
}

// startWay is the way to start a needed role (rules W-01 to W-03).
func startWay(in verdictInput, conditions bool) string {
	f := in.f
	var s string
	adopt, candidate := in.level(itemFrameworkAdoption), in.level(itemCandidateCoach)
	switch {
	case in.facilitator:
		s = "Keep the {facilitator} and rate the effectiveness checklist every {pi} to see whether the role is working: first the rhythm of the {sync} and the impediment backlog, later integrated delivery and fewer, faster-resolved impediments."
	case adopt >= StrongLevel || (candidate > 0 && candidate <= LowLevel):
		switch f {
		case SAFe:
			s = "Appoint a dedicated, trained RTE as part of the SAFe launch. The RTE facilitates all of the train's events from the first PI Planning on, starts the ART Sync in the first iteration and owns the train's impediment backlog from day one."
		case ScrumAtScale:
			s = "Launch Scrum@Scale with a dedicated SoSM. The SoSM starts the Scaled Daily Scrum in the first sprint, keeps the backlog of cross-team impediments, and connects the teams to the Executive Action Team for what they cannot clear."
		default:
			s = "Adopt the framework with its dedicated scaled facilitator role, trained before the train's first joint planning. The scaled facilitator starts a cross-team sync in the first iteration and owns the cross-team impediment backlog."
		}
	default:
		s = "Ask an experienced team Scrum Master whom the other teams trust to begin facilitating across all the teams, starting with a time-boxed {sync}. Add release planning, scaled reviews and retrospectives as the need shows."
		switch f {
		case SAFe:
			s += " In SAFe the RTE is expected to facilitate all of the train's events, so plan for the role to become full-time and for training."
		case ScrumAtScale:
			s += " In Scrum@Scale the SoSM may remain Scrum Master of their own team; free part of their time for the new role."
		}
	}
	switch {
	case conditions && in.facilitator:
		s += " Work on the conditions now: the role cannot do its job while they do not hold."
	case conditions:
		s += " Meet the conditions first, or set a date for each before the role starts."
	}
	return f.Expand(s)
}

// notNowWay is what to do instead when the role is not recommended now.
func notNowWay(in verdictInput, why []string) string {
	var parts []string
	for _, w := range why {
		switch w {
		case "teams":
			parts = append(parts, "Let the teams' Scrum Masters and Product Owners coordinate directly: a joint planning and a shared review each iteration are enough for one or two teams. Revisit when a third team joins.")
		case itemTeamScrumWeak:
			parts = append(parts, "Make Scrum work within each team first, with an Agile Coach from the LACE: a goal, a done increment and a retrospective with an action every iteration.")
		case itemIndependent:
			parts = append(parts, "Keep the teams independent and let their Scrum Masters settle the odd dependency directly.")
		case itemFewTeams:
			parts = append(parts, "With so few teams, let the Scrum Masters coordinate directly.")
		case "need":
			parts = append(parts, "Let the team Scrum Masters meet regularly to spot shared problems early.")
		default:
			parts = append(parts, "Address what speaks against the role first.")
		}
	}
	if in.facilitator {
		parts = append(parts, "The train has {a-facilitator} today: review with the LACE whether the role serves the teams or should be scaled back.")
	}
	parts = append(parts, "Revisit the {facilitator} question at the next {inspect}.")
	return in.f.Expand(strings.Join(parts, " "))
}

// answerEvidence puts one item's answer in words, e.g. "Several teams build
// one product …: rated 4 of 5 (Clear)".
func answerEvidence(it *Item, is ItemScore, f Framework) Evidence {
	text := f.Expand(it.Text)
	text = strings.TrimSuffix(text, ".")
	e := Evidence{Kind: EvidenceAnswer, Ref: it.ID}
	l := it.Level(int(is.Rating))
	switch {
	case l == nil:
		e.Text = text + ": not rated"
	case is.Source == FromRating:
		e.Text = fmt.Sprintf("%s: rated %d of %d (%s)", text, l.Value, len(it.Levels), l.Label)
	default:
		from := "figure entered"
		if is.Source == FromRegister {
			e.Kind = EvidenceFigure
			from = "from the register"
		}
		fig := ""
		if is.Figure != nil && it.Figure != nil {
			fig = formatFigure(*is.Figure, it.Figure.Unit) + " "
		}
		e.Text = fmt.Sprintf("%s: %s(%s), level %d of %d (%s)", text, fig, from, l.Value, len(it.Levels), l.Label)
	}
	return e
}

// formatFigure writes a figure with its unit, without spurious decimals.
func formatFigure(v float64, unit string) string {
	s := fmt.Sprintf("%.1f", v)
	s = strings.TrimSuffix(s, ".0")
	if unit == "%" {
		return s + "%"
	}
	return s + " " + unit
}
