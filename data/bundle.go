package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/bundle"
)

// The bundle's format and its types are package bundle's; the names here
// are the same types, for the store's callers.
const (
	BundleFormat  = bundle.Format
	BundleVersion = bundle.Version
	MaxBundleSize = bundle.MaxSize
)

type (
	Bundle               = bundle.Bundle
	BundleRoster         = bundle.Roster
	BundleTrain          = bundle.Train
	BundlePerson         = bundle.Person
	BundleRole           = bundle.Role
	BundleTeam           = bundle.Team
	BundleImpediment     = bundle.Impediment
	BundleSnapshot       = bundle.Snapshot
	BundleAssessment     = bundle.Assessment
	BundleFollowUp       = bundle.FollowUp
	BundleWorkshop       = bundle.Workshop
	BundleParticipant    = bundle.Participant
	BundleVote           = bundle.Vote
	BundleObservation    = bundle.Observation
	BundleAnswer         = bundle.Answer
	BundleNote           = bundle.Note
	BundleEdit           = bundle.Edit
	BundleRecommendation = bundle.Recommendation
	BundleEvidence       = bundle.Evidence
	// BundleError is a bundle Import refused; nothing was changed. Its
	// message names the place in the file, e.g.
	// trains[0].teams[2].scrum_master: unknown person "…".
	BundleError = bundle.Error
)

// bundleTime parses a time from a bundle; required says an empty one is wrong.
func bundleTime(v, place string, required bool) (time.Time, error) {
	return bundle.Time(v, place, required)
}

// Export gathers the trains with the given ids (every train when none are
// given), each with its roster, register and every assessment, from one
// consistent read snapshot of the database, which holds no write lock.
// Then it records each train's and assessment's content as exported (its
// lineage, Exported.Record), so a later import of a copy made from this
// one is known for what it is; that bookkeeping is the only thing it
// writes. A bundle bound for a file is better written with WriteBundle,
// which records once the file is in its place.
func (s *Store) Export(ctx context.Context, trainIDs []string) (*Bundle, error) {
	b := &Bundle{Format: BundleFormat, Version: BundleVersion, Trains: []BundleTrain{}}
	e := &Exported{s: s}
	err := s.read(ctx, "export", func(q querier) error {
		b.Trains, *e = b.Trains[:0], Exported{s: s}
		return exportEach(ctx, q, trainIDs, func(bt *BundleTrain) error {
			b.Trains = append(b.Trains, *bt)
			return e.noteExported(bt)
		})
	})
	if err != nil {
		return nil, err
	}
	if err := e.Record(ctx); err != nil {
		return nil, err
	}
	return b, nil
}

// exportTrain reads one train in bundle form.
func exportTrain(ctx context.Context, q querier, id string) (*BundleTrain, error) {
	bt, err := exportTrainOnly(ctx, q, id)
	if err != nil {
		return nil, err
	}
	all, err := loadAssessments(ctx, q, "train_id = ?", id)
	if err != nil {
		return nil, err
	}
	for _, sa := range all {
		ba := assessmentToBundle(sa, assessment.Framework(bt.Framework))
		ba.History = historyBefore(sa.Lineage, assessmentHash(ba))
		bt.Assessments = append(bt.Assessments, ba)
	}
	return bt, nil
}

// exportTrainOnly reads a train with its live roster and register, without
// assessments (Assessments empty).
func exportTrainOnly(ctx context.Context, q querier, id string) (*BundleTrain, error) {
	var bt BundleTrain
	err := q.QueryRowContext(ctx, "SELECT id, name, framework, description, group_name, created_at, updated_at FROM trains WHERE id = ?", id).
		Scan(&bt.ID, &bt.Name, &bt.Framework, &bt.Description, &bt.Group, &bt.CreatedAt, &bt.UpdatedAt)
	if err == sql.ErrNoRows {
		return nil, fmt.Errorf("train %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	rid, err := liveRosterID(ctx, q, id)
	if err != nil {
		return nil, err
	}
	rosters, err := loadRosters(ctx, q, []int64{rid})
	if err != nil {
		return nil, err
	}
	bt.Roster = rosterToBundle(rosters[rid].Roster)
	bt.Impediments = registerToBundle(rosters[rid].Register)
	bt.Assessments = []BundleAssessment{}
	return &bt, nil
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func rosterToBundle(r assessment.Roster) BundleRoster {
	br := BundleRoster{ValueStreamMap: r.ValueStreamMap, RequiredSkills: orEmpty(slices.Clone(r.RequiredSkills)),
		People: []BundlePerson{}, Roles: []BundleRole{}, Teams: []BundleTeam{}}
	for _, p := range r.People {
		br.People = append(br.People, BundlePerson{ID: p.ID, Name: p.Name, Contractor: p.Contractor})
	}
	for _, ra := range r.Roles {
		br.Roles = append(br.Roles, BundleRole{Role: string(ra.Role), Person: ra.PersonID})
	}
	for _, t := range r.Teams {
		br.Teams = append(br.Teams, BundleTeam{ID: t.ID, Name: t.Name, ScrumMaster: t.ScrumMasterID, ProductOwner: t.ProductOwnerID,
			Developers: orEmpty(slices.Clone(t.DeveloperIDs)), Skills: orEmpty(slices.Clone(t.Skills))})
	}
	return br
}

func registerToBundle(reg []assessment.Impediment) []BundleImpediment {
	out := []BundleImpediment{}
	for _, imp := range reg {
		out = append(out, BundleImpediment{ID: imp.ID, Title: imp.Title, Description: imp.Description, Level: string(imp.Level),
			Team: imp.TeamID, Owner: imp.Owner, Status: string(imp.Status), ROAM: string(imp.ROAM),
			Raised: formatTime(imp.Raised), Resolved: formatTime(imp.Resolved), Escalated: imp.Escalated, RecurrenceOf: imp.RecurrenceOf})
	}
	return out
}

// assessmentToBundle writes an assessment in bundle form; the framework
// names the roles of an anonymous workshop's participants.
func assessmentToBundle(sa *storedAssessment, f assessment.Framework) BundleAssessment {
	a := sa.A
	ba := BundleAssessment{ID: a.ID, Date: formatTime(a.Date), PI: a.PI, Assessor: a.Assessor, Status: string(a.Status),
		ChecklistVersion: a.ChecklistVersion, PIWeeks: a.PIWeeks, CreatedAt: sa.CreatedAt, UpdatedAt: sa.UpdatedAt,
		ConflictOf: sa.ConflictOf, ConflictCoach: sa.ConflictCoach,
		Answers: []BundleAnswer{}, Notes: []BundleNote{}, RecommendationEdits: []BundleEdit{}, Recommendations: []BundleRecommendation{}}
	if sa.Snapshot {
		ba.Snapshot = &BundleSnapshot{Roster: rosterToBundle(a.Roster), Impediments: registerToBundle(a.Register)}
	}
	for _, k := range sortedKeys(a.Answers) {
		ans := a.Answers[k]
		var fig *float64
		if ans.Figure != nil {
			f := *ans.Figure
			fig = &f
		}
		ba.Answers = append(ba.Answers, BundleAnswer{Item: k, Rating: int(ans.Rating), Figure: fig, Note: ans.Note,
			Evidence: ans.Evidence, UpdatedAt: sa.AnswerUpdated[k]})
	}
	for _, k := range sortedKeys(a.Notes) {
		ba.Notes = append(ba.Notes, BundleNote{Checklist: k, Note: a.Notes[k]})
	}
	for _, k := range sortedKeys(a.Review.Edits) {
		e := a.Review.Edits[k]
		ba.RecommendationEdits = append(ba.RecommendationEdits, BundleEdit{Recommendation: k, Status: string(e.Status), Finding: e.Finding,
			Action: e.Action, Acceptance: e.Acceptance, Owner: string(e.Owner), TargetPI: e.TargetPI, Priority: int(e.Priority), Escalation: string(e.Escalation), Reason: e.Reason})
	}
	for _, r := range a.Review.Added {
		br := BundleRecommendation{ID: r.ID, Finding: r.Finding, Action: r.Action, Priority: int(r.Priority), Owner: string(r.Owner),
			Escalation: string(r.Escalation), Acceptance: r.Acceptance, TargetPI: r.TargetPI, Status: string(r.Status), Evidence: []BundleEvidence{}}
		for _, ev := range r.Evidence {
			br.Evidence = append(br.Evidence, BundleEvidence{Kind: string(ev.Kind), Ref: ev.Ref, Text: ev.Text})
		}
		ba.Recommendations = append(ba.Recommendations, br)
	}
	if a.Workshop != nil {
		ba.Workshop = workshopToBundle(a.Workshop, f)
	}
	for _, fu := range a.FollowUps {
		ba.FollowUps = append(ba.FollowUps, BundleFollowUp{Recommendation: fu.RecommendationID, Rule: fu.Rule, Finding: fu.Finding,
			Action: fu.Action, Acceptance: fu.Acceptance, Owner: string(fu.Owner), Escalation: string(fu.Escalation), TargetPI: fu.TargetPI,
			RaisedPI: fu.RaisedPI, Check: fu.Check, State: string(fu.State), Note: fu.Note, NoteDate: formatTime(fu.NoteDate),
			Reason: fu.Reason, Override: fu.Override, OverrideReason: fu.OverrideReason})
	}
	return ba
}

// workshopToBundle writes a workshop in bundle form, in a fixed order:
// participants in voting order, their votes in the same order and by item
// within, revealed items and observations by item. An anonymous workshop
// gives each participant's anonymous label for a name.
func workshopToBundle(w *assessment.Workshop, f assessment.Framework) *BundleWorkshop {
	bw := &BundleWorkshop{Anonymous: w.Anonymous, Participants: []BundleParticipant{}, Votes: []BundleVote{},
		Revealed: []string{}, Observations: []BundleObservation{}}
	byParticipant := map[string][]assessment.Vote{}
	for _, v := range w.Votes {
		byParticipant[v.ParticipantID] = append(byParticipant[v.ParticipantID], v)
	}
	for _, p := range w.Participants {
		bw.Participants = append(bw.Participants, BundleParticipant{ID: p.ID, Name: w.DisplayName(p, f), Role: string(p.Role)})
		votes := byParticipant[p.ID]
		slices.SortFunc(votes, func(a, b assessment.Vote) int { return strings.Compare(a.ItemID, b.ItemID) })
		for _, v := range votes {
			bw.Votes = append(bw.Votes, BundleVote{Participant: p.ID, Item: v.ItemID, Rating: int(v.Rating)})
		}
	}
	for _, item := range sortedKeys(w.Revealed) {
		if w.Revealed[item] {
			bw.Revealed = append(bw.Revealed, item)
		}
	}
	for _, item := range sortedKeys(w.Observed) {
		bw.Observations = append(bw.Observations, BundleObservation{Item: item, Rating: int(w.Observed[item])})
	}
	return bw
}
