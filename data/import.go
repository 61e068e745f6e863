package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/bundle"
)

// ImportReport says what an import did with each train and assessment.
type ImportReport struct {
	Added   []ImportItem
	Updated []ImportItem
	Skipped []ImportItem
	// Merged are trains both this copy and the bundle's had changed: their
	// changes were put together; Reason says what, and which value was
	// kept where both changed the same thing.
	Merged []ImportItem
	// Conflicts are assessments both sides had changed: the bundle's copy
	// is kept beside the one here as a conflict copy (ID is the copy's).
	Conflicts []ImportItem
	// Warnings are what the coach should know of an import that went
	// through, with the place in the file: an assessment of a checklist
	// version this Trainscope does not have, kept as it is.
	Warnings []string
}

// ImportItem is one train or assessment of an import.
type ImportItem struct {
	Kind   string // "train" or "assessment"
	ID     string
	Name   string // the train's name, or "train name, PI (date)" for an assessment
	Reason string // for a skipped one: why
}

// String is the report as the import command prints it.
func (r ImportReport) String() string {
	var b strings.Builder
	count := func(items []ImportItem, kind string) int {
		n := 0
		for _, it := range items {
			if it.Kind == kind {
				n++
			}
		}
		return n
	}
	for _, kind := range []string{"train", "assessment"} {
		fmt.Fprintf(&b, "%ss: %d added, %d updated, %d skipped", strings.ToUpper(kind[:1])+kind[1:],
			count(r.Added, kind), count(r.Updated, kind), count(r.Skipped, kind))
		if n := count(r.Merged, kind); n > 0 {
			fmt.Fprintf(&b, ", %d merged", n)
		}
		if n := count(r.Conflicts, kind); n > 0 {
			fmt.Fprintf(&b, ", %d kept as a conflict copy", n)
		}
		b.WriteString("\n")
	}
	for _, g := range []struct {
		verb  string
		items []ImportItem
	}{{"added", r.Added}, {"updated", r.Updated}, {"merged", r.Merged}, {"kept as a conflict copy:", r.Conflicts}, {"skipped", r.Skipped}} {
		for _, it := range g.items {
			fmt.Fprintf(&b, "  %s %s %q (%s)", g.verb, it.Kind, it.Name, it.ID)
			if it.Reason != "" {
				fmt.Fprintf(&b, ": %s", it.Reason)
			}
			b.WriteString("\n")
		}
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "  note: %s\n", w)
	}
	return b.String()
}

func bundleErr(format string, args ...any) error {
	return &BundleError{Err: fmt.Errorf(format, args...)}
}

// Import reads a bundle and merges it into the database in one transaction.
// It checks everything before writing anything: a bundle that is too large,
// malformed, of an unknown version, or holds a wrong value, a duplicate id
// or a reference to someone not on the roster gives a *BundleError naming
// the place, and the database stays as it was.
//
// Trains and assessments merge by id and by their lineage (the content
// hashes of their revisions): one that is not here is added; one that is
// here with the same content, or that the copy here was made from, is
// skipped; a newer copy of the one here replaces it; when both were
// changed, a train's own data merges field by field and item by item, and
// an assessment is kept twice (the incoming one as a conflict copy), so
// neither side is lost. docs/bundle-format.md, "Merging", has the rules.
func (s *Store) Import(ctx context.Context, r io.Reader) (ImportReport, error) {
	var rep ImportReport
	data, err := io.ReadAll(io.LimitReader(r, MaxBundleSize+1))
	if err != nil {
		return rep, fmt.Errorf("import: read the bundle: %w", err)
	}
	if len(data) > MaxBundleSize {
		return rep, bundleErr("the file is larger than %d MB, the most a bundle may be", MaxBundleSize>>20)
	}
	b, err := DecodeBundle(data)
	if err != nil {
		return rep, err
	}
	trains, warnings, err := validateBundle(b, s.opts.Definitions)
	if err != nil {
		return rep, &BundleError{Err: err}
	}
	err = s.write(ctx, "import", func(tx *sql.Tx) error {
		rep = ImportReport{Warnings: warnings}
		return s.merge(ctx, tx, trains, b.ExportedBy, &rep)
	})
	if err != nil {
		var be *BundleError
		if errors.As(err, &be) {
			return ImportReport{}, be
		}
		return ImportReport{}, err
	}
	return rep, nil
}

// DecodeBundle parses a bundle's JSON, checking its format and version
// first so a newer bundle is named as such rather than as a pile of
// unexpected fields. Errors are *BundleError with the place in the file.
func DecodeBundle(data []byte) (*Bundle, error) { return bundle.Decode(data) }

// importTrain is one validated train of a bundle, in domain types.
type importTrain struct {
	place       string
	history     []string // the bundle's history of the train's own data
	train       assessment.Train
	updatedAt   time.Time
	wire        BundleTrain // canonical, without assessments: compared to what is here
	live        rosterData
	assessments []importAssessment
}

type importAssessment struct {
	place      string
	history    []string
	a          assessment.Assessment
	created    time.Time
	updated    time.Time
	snapshot   *rosterData
	content    *contentSet
	answerTime map[string]string
	wire       BundleAssessment // canonical
}

// validateBundle checks every value and reference of a bundle and turns it
// into domain types, without touching the database. With the checklists
// (defs not nil) every answer, vote and observation is checked against its
// item too. The warnings are for the import's report.
func validateBundle(b *Bundle, defs *assessment.Definitions) ([]importTrain, []string, error) {
	var out []importTrain
	var warnings []string
	trainIDs := map[string]bool{}
	assessmentIDs := map[string]string{}
	for i, bt := range b.Trains {
		place := fmt.Sprintf("trains[%d]", i)
		it := importTrain{place: place}
		t := assessment.Train{ID: bt.ID, Name: bt.Name, Framework: assessment.Framework(bt.Framework), Description: bt.Description, Group: bt.Group}
		if err := validateTrain(t, place); err != nil {
			return nil, nil, err
		}
		if err := checkHistory(bt.History, place+".history"); err != nil {
			return nil, nil, err
		}
		it.history = bt.History
		if trainIDs[t.ID] {
			return nil, nil, fmt.Errorf("%s.id: duplicate id %q: the train appears twice in the bundle", place, t.ID)
		}
		trainIDs[t.ID] = true
		var err error
		if t.CreatedAt, err = bundleTime(bt.CreatedAt, place+".created_at", true); err != nil {
			return nil, nil, err
		}
		if it.updatedAt, err = bundleTime(bt.UpdatedAt, place+".updated_at", true); err != nil {
			return nil, nil, err
		}
		it.train = t
		if it.live, err = rosterFromBundle(bt.Roster, bt.Impediments, place); err != nil {
			return nil, nil, err
		}
		it.wire = BundleTrain{ID: t.ID, Name: t.Name, Framework: bt.Framework, Description: t.Description, Group: t.Group,
			CreatedAt: formatTime(t.CreatedAt), UpdatedAt: stampOf(it.updatedAt),
			Roster: rosterToBundle(it.live.Roster), Impediments: registerToBundle(it.live.Register), Assessments: []BundleAssessment{}}

		for j, ba := range bt.Assessments {
			ap := fmt.Sprintf("%s.assessments[%d]", place, j)
			if prev, dup := assessmentIDs[ba.ID]; dup && ba.ID != "" {
				return nil, nil, fmt.Errorf("%s.id: duplicate id %q: also at %s", ap, ba.ID, prev)
			}
			assessmentIDs[ba.ID] = ap
			ia, err := assessmentFromBundle(ba, t.ID, t.Framework, ap, defs, &warnings)
			if err != nil {
				return nil, nil, err
			}
			it.assessments = append(it.assessments, *ia)
		}
		out = append(out, it)
	}
	return out, warnings, nil
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
			Acceptance: be.Acceptance, Owner: assessment.Owner(be.Owner), TargetPI: be.TargetPI, Priority: assessment.Priority(be.Priority), Reason: be.Reason}
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

func insertImported(ctx context.Context, tx *sql.Tx, ia importAssessment, lineage string) error {
	a := ia.a
	if err := insertAssessment(ctx, tx, &a, stampOf(ia.created), stampOf(ia.updated), ia.content, ia.answerTime); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE assessments SET lineage = ?, conflict_of = ?, conflict_coach = ? WHERE id = ?",
		lineage, ia.wire.ConflictOf, ia.wire.ConflictCoach, a.ID); err != nil {
		return err
	}
	if a.Workshop != nil {
		if err := saveWorkshop(ctx, tx, a.ID, nil, a.Workshop); err != nil {
			return err
		}
	}
	if ia.snapshot != nil {
		return writeSnapshot(ctx, tx, a.TrainID, a.ID, *ia.snapshot)
	}
	return nil
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

// keepNames gives an anonymous workshop arriving from a bundle the names
// this machine knows for its participants, by id. Should a kept name clash
// with another participant's label, the labels stay.
func keepNames(in, here *assessment.Workshop) *assessment.Workshop {
	names := map[string]string{}
	for _, p := range here.Participants {
		names[p.ID] = p.Name
	}
	out := cloneWorkshop(in)
	trial := &assessment.Workshop{}
	for i, p := range out.Participants {
		if n, ok := names[p.ID]; ok {
			p.Name = n
		}
		if trial.AddParticipant(p) != nil {
			return in
		}
		out.Participants[i] = p
	}
	return out
}
