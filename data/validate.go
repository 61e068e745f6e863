package data

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/bundle"
)

// What comes in from a file (a bundle, a response file) is checked twice:
// as text by package bundle, every string by the JSON key that holds it,
// and as the domain's values here, where it is turned into domain types.
// Both name the place in the file, e.g. trains[0].people[3].name. The
// store's own writes keep the same text rules (bundle.CheckText).

// textRule is what one text may hold; the rules are package bundle's.
type textRule = bundle.TextRule

var (
	idRule       = bundle.IDRule
	nameRule     = bundle.LineRule
	nameOnlyRule = bundle.NameRule
	noteRule     = bundle.NoteRule
	longRule     = bundle.LongRule
)

// textOf readies a file's bytes for the JSON decoder (bundle.TextOf).
func textOf(data []byte) ([]byte, error) { return bundle.TextOf(data) }

// checkText applies one rule to one string; place prefixes the message.
func checkText(s, place string, rule textRule) error { return bundle.CheckText(s, place, rule) }

// checkFields checks several fields of one value against their rules, the first
// failure first; the store's own writes use it, so what the GUI saves
// keeps the limits an import keeps.
type field struct {
	place string
	value string
	rule  textRule
}

func checkFields(fields ...field) error {
	for _, f := range fields {
		if err := checkText(f.value, f.place, f.rule); err != nil {
			return err
		}
	}
	return nil
}

// validateCheck checks a follow-up's check as a bundle carries it: a kind
// Trainscope knows (assessment.CheckKinds) and no negative count.
func validateCheck(c *assessment.Check, place string) error {
	if c == nil {
		return nil
	}
	if !slices.Contains(assessment.CheckKinds, c.Kind) {
		return fmt.Errorf("%s.kind: %q is not a check Trainscope knows (one of %s); the bundle may come from a newer Trainscope, which can import it",
			place, c.Kind, joinQuoted(assessment.CheckKinds))
	}
	if c.Days < 0 {
		return fmt.Errorf("%s.days: %d is negative; a check counts days from zero", place, c.Days)
	}
	if c.Level < 0 {
		return fmt.Errorf("%s.level: %d is negative; a level counts from zero", place, c.Level)
	}
	return nil
}

// checkAnswerItem checks an imported answer against the checklists, when
// the store knows them (Options.Definitions): its item must be one of
// theirs, its rating on that item's own scale, and a figure only on a
// measure.
func checkAnswerItem(defs *assessment.Definitions, ans assessment.Answer, place string) error {
	if ans.Figure != nil && *ans.Figure < 0 {
		return fmt.Errorf("%s.figure: %v is negative; a figure counts days, items or a share, never below zero", place, *ans.Figure)
	}
	if defs == nil {
		return nil
	}
	it, _ := defs.Item(ans.ItemID)
	if it == nil {
		return fmt.Errorf("%s.item: %q is not an item of checklist version %s; the bundle may come from a newer Trainscope, which can import it", place, ans.ItemID, defs.Version)
	}
	if err := onScale(it, ans.Rating, true); err != nil {
		return fmt.Errorf("%s.rating: %w", place, err)
	}
	if ans.Figure != nil && it.Kind != assessment.Measure && it.Figure == nil {
		return fmt.Errorf("%s.figure: item %q is a %s, not a measure; only a measure takes a figure", place, ans.ItemID, it.Kind)
	}
	return nil
}

// onScale says whether r is a rating item it can have: one of its levels,
// not applicable, don't know, or (for an answer) unanswered.
func onScale(it *assessment.Item, r assessment.Rating, answer bool) error {
	switch {
	case r == assessment.NotApplicable || r == assessment.DontKnow:
	case r == assessment.Unanswered && answer:
	case r >= 1 && int(r) <= len(it.Levels):
	default:
		return fmt.Errorf("%d is not on the scale of item %q (a level from 1 to %d, -1 not applicable, -2 don't know)", r, it.ID, len(it.Levels))
	}
	return nil
}

// checkVoteItem checks a workshop's vote, observation or revealed item
// against the checklists, when the store knows them.
func checkVoteItem(defs *assessment.Definitions, item string, r assessment.Rating, place, ratingPlace string) error {
	if defs == nil {
		return nil
	}
	it, _ := defs.Item(item)
	if it == nil {
		return fmt.Errorf("%s: %q is not an item of checklist version %s", place, item, defs.Version)
	}
	if ratingPlace == "" {
		return nil
	}
	if err := onScale(it, r, false); err != nil {
		return fmt.Errorf("%s: %w", ratingPlace, err)
	}
	return nil
}

// bundleCheck checks the trains of one bundle, one at a time, and turns
// each into domain types, without touching the database. With the
// checklists (defs not nil) every answer, vote and observation is checked
// against its item too. It remembers the ids seen, for the duplicates
// across trains, and the warnings for the import's report.
type bundleCheck struct {
	defs          *assessment.Definitions
	trainIDs      map[string]bool
	assessmentIDs map[string]string
	warnings      []string
}

func newBundleCheck(defs *assessment.Definitions) *bundleCheck {
	return &bundleCheck{defs: defs, trainIDs: map[string]bool{}, assessmentIDs: map[string]string{}}
}

// validateBundle checks every train of a decoded bundle.
func validateBundle(b *Bundle, defs *assessment.Definitions) ([]importTrain, []string, error) {
	c := newBundleCheck(defs)
	var out []importTrain
	for i := range b.Trains {
		it, err := c.train(&b.Trains[i], fmt.Sprintf("trains[%d]", i))
		if err != nil {
			return nil, nil, err
		}
		out = append(out, it)
	}
	return out, c.warnings, nil
}

// train checks the train that stands at place in the file.
func (c *bundleCheck) train(bt *BundleTrain, place string) (importTrain, error) {
	it := importTrain{place: place}
	t := assessment.Train{ID: bt.ID, Name: bt.Name, Framework: assessment.Framework(bt.Framework), Description: bt.Description, Group: bt.Group}
	if err := validateTrain(t, place); err != nil {
		return it, err
	}
	if err := checkHistory(bt.History, place+".history"); err != nil {
		return it, err
	}
	it.history = bt.History
	if c.trainIDs[t.ID] {
		return it, fmt.Errorf("%s.id: duplicate id %q: the train appears twice in the bundle", place, t.ID)
	}
	c.trainIDs[t.ID] = true
	var err error
	if t.CreatedAt, err = bundleTime(bt.CreatedAt, place+".created_at", true); err != nil {
		return it, err
	}
	if it.updatedAt, err = bundleTime(bt.UpdatedAt, place+".updated_at", true); err != nil {
		return it, err
	}
	it.train = t
	if it.live, err = rosterFromBundle(bt.Roster, bt.Impediments, place); err != nil {
		return it, err
	}
	it.wire = BundleTrain{ID: t.ID, Name: t.Name, Framework: bt.Framework, Description: t.Description, Group: t.Group,
		CreatedAt: formatTime(t.CreatedAt), UpdatedAt: stampOf(it.updatedAt),
		Roster: rosterToBundle(it.live.Roster), Impediments: registerToBundle(it.live.Register), Assessments: []BundleAssessment{}}

	for j, ba := range bt.Assessments {
		ap := fmt.Sprintf("%s.assessments[%d]", place, j)
		if prev, dup := c.assessmentIDs[ba.ID]; dup && ba.ID != "" {
			return it, fmt.Errorf("%s.id: duplicate id %q: also at %s", ap, ba.ID, prev)
		}
		c.assessmentIDs[ba.ID] = ap
		ia, err := assessmentFromBundle(ba, t.ID, t.Framework, ap, c.defs, &c.warnings)
		if err != nil {
			return it, err
		}
		it.assessments = append(it.assessments, *ia)
	}
	return it, nil
}

// stampOf formats a store time stamp: UTC, so the text sorts.
func stampOf(t time.Time) string { return t.UTC().Format(timeFormat) }

func rosterFromBundle(br BundleRoster, imps []BundleImpediment, place string) (rosterData, error) {
	var rd rosterData
	r := assessment.Roster{ValueStreamMap: br.ValueStreamMap}
	r.RequiredSkills = append(r.RequiredSkills, br.RequiredSkills...)
	for _, p := range br.People {
		r.People = append(r.People, assessment.Person{ID: p.ID, Name: p.Name, Contractor: p.Contractor})
	}
	for _, ra := range br.Roles {
		r.Roles = append(r.Roles, assessment.RoleAssignment{Role: assessment.ARTRole(ra.Role), PersonID: ra.Person})
	}
	for _, bt := range br.Teams {
		t := assessment.Team{ID: bt.ID, Name: bt.Name, ScrumMasterID: bt.ScrumMaster, ProductOwnerID: bt.ProductOwner}
		if len(bt.Developers) > 0 {
			t.DeveloperIDs = append([]string(nil), bt.Developers...)
		}
		if len(bt.Skills) > 0 {
			t.Skills = append([]string(nil), bt.Skills...)
		}
		r.Teams = append(r.Teams, t)
	}
	if err := validateRoster(r, place); err != nil {
		return rd, err
	}
	rd.Roster = r
	for i, bi := range imps {
		at := fmt.Sprintf("%s.impediments[%d]", place, i)
		imp := assessment.Impediment{ID: bi.ID, Title: bi.Title, Description: bi.Description, Level: assessment.ImpedimentLevel(bi.Level),
			TeamID: bi.Team, Owner: bi.Owner, Status: assessment.ImpedimentStatus(bi.Status), ROAM: assessment.ROAM(bi.ROAM),
			Escalated: bi.Escalated, RecurrenceOf: bi.RecurrenceOf}
		var err error
		if imp.Raised, err = bundleTime(bi.Raised, at+".raised", false); err != nil {
			return rd, err
		}
		if imp.Resolved, err = bundleTime(bi.Resolved, at+".resolved", false); err != nil {
			return rd, err
		}
		rd.Register = append(rd.Register, imp)
	}
	if err := validateRegister(rd.Register, place+".impediments"); err != nil {
		return rd, err
	}
	return rd, nil
}

func assessmentFromBundle(ba BundleAssessment, trainID string, f assessment.Framework, place string, defs *assessment.Definitions, warnings *[]string) (*importAssessment, error) {
	ba = upgradedBundleAssessment(ba)
	ia := &importAssessment{place: place, answerTime: map[string]string{}}
	a := assessment.Assessment{ID: ba.ID, TrainID: trainID, PI: ba.PI, Assessor: ba.Assessor,
		Status: assessment.AssessmentStatus(ba.Status), ChecklistVersion: ba.ChecklistVersion, PIWeeks: ba.PIWeeks,
		Answers: map[string]assessment.Answer{}, Notes: map[string]string{},
		Review: assessment.Review{Edits: map[string]assessment.RecommendationEdit{}}}
	if err := checkID(a.ID); err != nil {
		return nil, fmt.Errorf("%s.id: %w", place, err)
	}
	if err := checkHistory(ba.History, place+".history"); err != nil {
		return nil, err
	}
	ia.history = ba.History
	if ba.ConflictOf == a.ID {
		return nil, fmt.Errorf("%s.conflict_of: an assessment cannot be a conflict copy of itself", place)
	}
	var err error
	if a.Date, err = bundleTime(ba.Date, place+".date", true); err != nil {
		return nil, err
	}
	if ia.created, err = bundleTime(ba.CreatedAt, place+".created_at", true); err != nil {
		return nil, err
	}
	if ia.updated, err = bundleTime(ba.UpdatedAt, place+".updated_at", true); err != nil {
		return nil, err
	}
	if a.Status != assessment.Draft && a.Status != assessment.Final {
		return nil, fmt.Errorf("%s.status: unknown status %q (\"draft\" or \"final\")", place, ba.Status)
	}
	if err := validatePIWeeks(a.PIWeeks, place+".pi_weeks"); err != nil {
		return nil, err
	}
	if defs != nil && a.ChecklistVersion != "" && a.ChecklistVersion != defs.Version {
		*warnings = append(*warnings, fmt.Sprintf("%s.checklist_version: %q is not this Trainscope's checklist version %s; the assessment is kept as it was made, and scored by the items both versions share",
			place, a.ChecklistVersion, defs.Version))
	}
	if ba.Snapshot != nil {
		rd, err := rosterFromBundle(ba.Snapshot.Roster, ba.Snapshot.Impediments, place+".snapshot")
		if err != nil {
			return nil, err
		}
		ia.snapshot = &rd
	} else if a.Status == assessment.Final {
		return nil, fmt.Errorf("%s.snapshot: missing; a final assessment keeps the roster and register of its date", place)
	}
	for i, bn := range ba.Answers {
		at := fmt.Sprintf("%s.answers[%d]", place, i)
		ans := assessment.Answer{ItemID: bn.Item, Rating: assessment.Rating(bn.Rating), Note: bn.Note, Evidence: bn.Evidence}
		if bn.Figure != nil {
			f := *bn.Figure
			ans.Figure = &f
		}
		if err := validateAnswer(ans, at); err != nil {
			return nil, err
		}
		if err := checkAnswerItem(defs, ans, at); err != nil {
			return nil, err
		}
		if emptyAnswer(ans) {
			return nil, fmt.Errorf("%s: an empty answer (no rating, figure, note or evidence)", at)
		}
		if _, dup := a.Answers[ans.ItemID]; dup {
			return nil, fmt.Errorf("%s.item: duplicate item %q", at, ans.ItemID)
		}
		t, err := bundleTime(bn.UpdatedAt, at+".updated_at", true)
		if err != nil {
			return nil, err
		}
		a.Answers[ans.ItemID] = ans
		ia.answerTime[ans.ItemID] = stampOf(t)
	}
	for i, bn := range ba.Notes {
		at := fmt.Sprintf("%s.notes[%d]", place, i)
		if err := checkID(bn.Checklist); err != nil {
			return nil, fmt.Errorf("%s.checklist: %w", at, err)
		}
		if bn.Note == "" {
			return nil, fmt.Errorf("%s.note: empty", at)
		}
		if _, dup := a.Notes[bn.Checklist]; dup {
			return nil, fmt.Errorf("%s.checklist: duplicate checklist %q", at, bn.Checklist)
		}
		a.Notes[bn.Checklist] = bn.Note
	}
	for i, be := range ba.RecommendationEdits {
		at := fmt.Sprintf("%s.recommendation_edits[%d]", place, i)
		if err := checkID(be.Recommendation); err != nil {
			return nil, fmt.Errorf("%s.recommendation: %w", at, err)
		}
		e := assessment.RecommendationEdit{Status: assessment.RecommendationStatus(be.Status), Finding: be.Finding, Action: be.Action,
			Acceptance: be.Acceptance, Owner: assessment.Owner(be.Owner), TargetPI: be.TargetPI, Priority: assessment.Priority(be.Priority),
			Escalation: assessment.ImpedimentLevel(be.Escalation), Reason: be.Reason}
		if err := validateEdit(e, at); err != nil {
			return nil, err
		}
		if e == (assessment.RecommendationEdit{}) {
			return nil, fmt.Errorf("%s: an edit that changes nothing", at)
		}
		if _, dup := a.Review.Edits[be.Recommendation]; dup {
			return nil, fmt.Errorf("%s.recommendation: duplicate recommendation %q", at, be.Recommendation)
		}
		a.Review.Edits[be.Recommendation] = e
	}
	fuIDs := map[string]bool{}
	for i, bf := range ba.FollowUps {
		at := fmt.Sprintf("%s.follow_ups[%d]", place, i)
		fu := assessment.FollowUp{RecommendationID: bf.Recommendation, Rule: bf.Rule, Finding: bf.Finding, Action: bf.Action,
			Acceptance: bf.Acceptance, Owner: assessment.Owner(bf.Owner), Escalation: assessment.ImpedimentLevel(bf.Escalation),
			TargetPI: bf.TargetPI, RaisedPI: bf.RaisedPI, Check: bf.Check, State: assessment.FollowUpState(bf.State), Note: bf.Note,
			Reason: bf.Reason, Override: bf.Override, OverrideReason: bf.OverrideReason}
		if bf.NoteDate != "" {
			d, err := parseTime(bf.NoteDate)
			if err != nil {
				return nil, fmt.Errorf("%s.note_date: %w", at, err)
			}
			fu.NoteDate = d
		}
		switch {
		case fu.State == assessment.FollowUpDropped && fu.Reason == "":
			return nil, fmt.Errorf("%s.reason: empty; a dropped follow-up says why it was dropped", at)
		case (fu.Override == "met" || fu.Override == "not-met") && fu.OverrideReason == "":
			return nil, fmt.Errorf("%s.override_reason: empty; overruling what the data says needs a reason", at)
		}
		if err := validateFollowUp(fu, at); err != nil {
			return nil, err
		}
		if err := validateCheck(fu.Check, at+".check"); err != nil {
			return nil, err
		}
		if fuIDs[fu.RecommendationID] {
			return nil, fmt.Errorf("%s.recommendation: duplicate follow-up %q", at, fu.RecommendationID)
		}
		fuIDs[fu.RecommendationID] = true
		a.FollowUps = append(a.FollowUps, fu)
	}
	recIDs := map[string]bool{}
	for i, br := range ba.Recommendations {
		at := fmt.Sprintf("%s.recommendations[%d]", place, i)
		r := assessment.Recommendation{ID: br.ID, Finding: br.Finding, Action: br.Action, Priority: assessment.Priority(br.Priority),
			Owner: assessment.Owner(br.Owner), Escalation: assessment.ImpedimentLevel(br.Escalation), Acceptance: br.Acceptance,
			TargetPI: br.TargetPI, Status: assessment.RecommendationStatus(br.Status), ByCoach: true}
		for _, ev := range br.Evidence {
			r.Evidence = append(r.Evidence, assessment.Evidence{Kind: assessment.EvidenceKind(ev.Kind), Ref: ev.Ref, Text: ev.Text})
		}
		if err := validateRecommendation(r, at); err != nil {
			return nil, err
		}
		if recIDs[r.ID] {
			return nil, fmt.Errorf("%s.id: duplicate id %q", at, r.ID)
		}
		recIDs[r.ID] = true
		a.Review.Added = append(a.Review.Added, r)
	}
	cs, err := assessmentContent(&a, place)
	if err != nil {
		return nil, err
	}
	if ba.Workshop != nil {
		if a.Workshop, err = workshopFromBundle(ba.Workshop, place+".workshop", defs); err != nil {
			return nil, err
		}
	}
	ia.a, ia.content = a, cs

	sa := &storedAssessment{A: &a, CreatedAt: stampOf(ia.created), UpdatedAt: stampOf(ia.updated), Snapshot: ia.snapshot != nil, AnswerUpdated: ia.answerTime}
	if ia.snapshot != nil {
		a.Roster, a.Register = ia.snapshot.Roster, ia.snapshot.Register
	}
	ia.wire = assessmentToBundle(sa, f)
	ia.wire.ConflictOf, ia.wire.ConflictCoach = ba.ConflictOf, ba.ConflictCoach
	a.Roster, a.Register = assessment.Roster{}, nil
	return ia, nil
}

// workshopFromBundle checks a bundle's workshop and rebuilds it through the
// domain's own methods: each participant added (ids and names told apart),
// each vote cast before any reveal (votes were made in private, so they
// count whatever was revealed later), then the reveals and observations.
func workshopFromBundle(bw *BundleWorkshop, place string, defs *assessment.Definitions) (*assessment.Workshop, error) {
	w := &assessment.Workshop{Anonymous: bw.Anonymous, Revealed: map[string]bool{}, Observed: map[string]assessment.Rating{}}
	for i, bp := range bw.Participants {
		at := fmt.Sprintf("%s.participants[%d]", place, i)
		p := assessment.Participant{ID: bp.ID, Name: bp.Name, Role: assessment.ParticipantRole(bp.Role)}
		if p.Role == "" {
			return nil, fmt.Errorf("%s.role: missing (one of %s)", at, joinQuoted(assessment.ParticipantRoles))
		}
		if err := validateParticipant(p, at); err != nil {
			return nil, err
		}
		if strings.TrimSpace(p.Name) == "" {
			return nil, fmt.Errorf("%s.name: missing; a participant needs a name, even when the workshop is anonymous (then it is their label, e.g. \"Scrum Master 2\")", at)
		}
		if err := w.AddParticipant(p); err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
	}
	seen := map[voteKey]bool{}
	for i, bv := range bw.Votes {
		at := fmt.Sprintf("%s.votes[%d]", place, i)
		if err := checkID(bv.Item); err != nil {
			return nil, fmt.Errorf("%s.item: %w", at, err)
		}
		if w.Participant(bv.Participant) == nil {
			return nil, fmt.Errorf("%s.participant: unknown participant %q", at, bv.Participant)
		}
		r := assessment.Rating(bv.Rating)
		if err := validateRating(r, at+".rating"); err != nil {
			return nil, err
		}
		if err := checkVoteItem(defs, bv.Item, r, at+".item", at+".rating"); err != nil {
			return nil, err
		}
		k := voteKey{bv.Participant, bv.Item}
		if seen[k] {
			return nil, fmt.Errorf("%s: a second vote of participant %q on item %q", at, bv.Participant, bv.Item)
		}
		seen[k] = true
		if err := w.Cast(bv.Participant, bv.Item, r); err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
	}
	for i, item := range bw.Revealed {
		at := fmt.Sprintf("%s.revealed[%d]", place, i)
		if err := checkID(item); err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
		if err := checkVoteItem(defs, item, 0, at, ""); err != nil {
			return nil, err
		}
		if w.Revealed[item] {
			return nil, fmt.Errorf("%s: duplicate item %q", at, item)
		}
		w.Reveal(item)
	}
	for i, bo := range bw.Observations {
		at := fmt.Sprintf("%s.observations[%d]", place, i)
		if err := checkID(bo.Item); err != nil {
			return nil, fmt.Errorf("%s.item: %w", at, err)
		}
		r := assessment.Rating(bo.Rating)
		if err := validateRating(r, at+".rating"); err != nil {
			return nil, err
		}
		if err := checkVoteItem(defs, bo.Item, r, at+".item", at+".rating"); err != nil {
			return nil, err
		}
		if _, dup := w.Observed[bo.Item]; dup {
			return nil, fmt.Errorf("%s.item: duplicate item %q", at, bo.Item)
		}
		if err := w.Observe(bo.Item, r); err != nil {
			return nil, fmt.Errorf("%s: %w", at, err)
		}
	}
	return w, nil
}
