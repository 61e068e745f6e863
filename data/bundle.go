package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// A bundle carries trains, with their rosters, registers and assessments,
// from one coach's Trainscope to another's. docs/bundle-format.md describes
// it and assets/bundle.schema.json is its JSON Schema; the types below are
// the format, field by field. A field tagged `bundle:"required"` must be in
// the file even though its empty value is a legal one (a list, false, 0):
// the schema requires it, so the import does too. Null is taken only where
// Trainscope writes it: a pointer field without omitempty.
const (
	BundleFormat  = "trainscope-bundle"
	BundleVersion = 1
	// MaxBundleSize is the largest bundle Import reads. A train with twenty
	// assessments is well under a megabyte; anything near this is not a
	// bundle, and reading it whole would only exhaust memory.
	MaxBundleSize = 100 << 20
)

// Bundle is a bundle file.
type Bundle struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// ExportedBy is the coach who made the bundle, when they said; the
	// LACE's Trainscope records it as where each train came from. Left out
	// when unknown, so the bundle reads in a Trainscope from before it.
	ExportedBy string        `json:"exported_by,omitempty"`
	Trains     []BundleTrain `json:"trains" bundle:"required"`
}

// BundleRoster is a roster as a bundle holds it, inside a train (its live
// roster) or inside an assessment's snapshot.
type BundleRoster struct {
	ValueStreamMap bool           `json:"value_stream_map"`
	RequiredSkills []string       `json:"required_skills"`
	People         []BundlePerson `json:"people"`
	Roles          []BundleRole   `json:"roles"`
	Teams          []BundleTeam   `json:"teams"`
}

// BundleTrain is one train with its live roster and register.
type BundleTrain struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Framework   string `json:"framework"`
	Description string `json:"description"`
	// Group is the portfolio, value stream or solution train; left out
	// when the train has none.
	Group     string `json:"group,omitempty"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
	// History is the content hashes of the earlier revisions of the
	// train's own data (fields, live roster and register) this copy was
	// exported or merged as, oldest first; the import tells with it which
	// copy is newer ("Merging" in docs/bundle-format.md).
	History []string `json:"history,omitempty"`
	BundleRoster
	Impediments []BundleImpediment `json:"impediments"`
	Assessments []BundleAssessment `json:"assessments"`
}

// BundlePerson is someone on a roster.
type BundlePerson struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Contractor bool   `json:"contractor"`
}

// BundleRole puts a person in a train-level role; an empty person is a vacancy.
type BundleRole struct {
	Role   string `json:"role"`
	Person string `json:"person"`
}

// BundleTeam is one agile team; empty scrum_master or product_owner is a vacancy.
type BundleTeam struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	ScrumMaster  string   `json:"scrum_master"`
	ProductOwner string   `json:"product_owner"`
	Developers   []string `json:"developers"`
	Skills       []string `json:"skills"`
}

// BundleImpediment is one register entry.
type BundleImpediment struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	Description  string `json:"description"`
	Level        string `json:"level"`
	Team         string `json:"team"`
	Owner        string `json:"owner"`
	Status       string `json:"status"`
	ROAM         string `json:"roam"`
	Raised       string `json:"raised"`
	Resolved     string `json:"resolved"`
	Escalated    bool   `json:"escalated"`
	RecurrenceOf string `json:"recurrence_of"`
}

// BundleSnapshot is the roster and register a finished assessment keeps.
type BundleSnapshot struct {
	BundleRoster
	Impediments []BundleImpediment `json:"impediments"`
}

// BundleAssessment is one assessment. Snapshot is null for a draft that
// was never finished: it follows its train's live roster and register.
type BundleAssessment struct {
	ID               string `json:"id"`
	Date             string `json:"date"`
	PI               string `json:"pi"`
	Assessor         string `json:"assessor"`
	Status           string `json:"status"`
	ChecklistVersion string `json:"checklist_version"`
	PIWeeks          int    `json:"pi_weeks"`
	CreatedAt        string `json:"created_at"`
	UpdatedAt        string `json:"updated_at"`
	// History is the content hashes of the earlier revisions of this
	// assessment the copy was exported or merged as, oldest first.
	History []string `json:"history,omitempty"`
	// ConflictOf is, for a conflict copy (kept because two coaches changed
	// the same assessment), the id of the assessment it is a copy of;
	// ConflictCoach whose copy it is.
	ConflictOf          string                 `json:"conflict_of,omitempty"`
	ConflictCoach       string                 `json:"conflict_coach,omitempty"`
	Snapshot            *BundleSnapshot        `json:"snapshot"`
	Answers             []BundleAnswer         `json:"answers"`
	Notes               []BundleNote           `json:"notes"`
	RecommendationEdits []BundleEdit           `json:"recommendation_edits"`
	Recommendations     []BundleRecommendation `json:"recommendations"`
	// Workshop is left out for an assessment that is no workshop, so a
	// bundle without workshops reads in a Trainscope from before them.
	Workshop *BundleWorkshop `json:"workshop,omitempty"`
	// FollowUps are last PI's agreed recommendations the assessment came
	// with, and what happened to them; left out when there are none, so a
	// bundle without them reads in a Trainscope from before them.
	FollowUps []BundleFollowUp `json:"follow_ups,omitempty"`
}

// BundleFollowUp is one follow-up: the recommendation as it was agreed, its
// criterion check if the data can decide it, and the coach's word on it.
type BundleFollowUp struct {
	Recommendation string            `json:"recommendation" bundle:"required"`
	Rule           string            `json:"rule" bundle:"required"`
	Finding        string            `json:"finding" bundle:"required"`
	Action         string            `json:"action" bundle:"required"`
	Acceptance     string            `json:"acceptance" bundle:"required"`
	Owner          string            `json:"owner" bundle:"required"`
	Escalation     string            `json:"escalation" bundle:"required"`
	TargetPI       string            `json:"target_pi" bundle:"required"`
	RaisedPI       string            `json:"raised_pi" bundle:"required"`
	Check          *assessment.Check `json:"check" bundle:"required"`
	State          string            `json:"state" bundle:"required"`
	Note           string            `json:"note" bundle:"required"`
	NoteDate       string            `json:"note_date" bundle:"required"`
	Reason         string            `json:"reason" bundle:"required"`
	Override       string            `json:"override" bundle:"required"`
	OverrideReason string            `json:"override_reason" bundle:"required"`
}

// BundleWorkshop is the room's side of a workshop assessment: who voted,
// every vote, which items were revealed, and what the coach observed. The
// consensus of each item is the assessment's answer. In an anonymous
// workshop each participant's name is their anonymous label ("Scrum Master
// 2"): the names stay on the coach's machine.
type BundleWorkshop struct {
	Anonymous    bool                `json:"anonymous" bundle:"required"`
	Participants []BundleParticipant `json:"participants" bundle:"required"`
	Votes        []BundleVote        `json:"votes" bundle:"required"`
	Revealed     []string            `json:"revealed" bundle:"required"`
	Observations []BundleObservation `json:"observations" bundle:"required"`
}

// BundleParticipant is one person in the workshop's room, in voting order.
type BundleParticipant struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}

// BundleVote is one participant's vote on one item: a level from 1, -1 not
// applicable, -2 don't know.
type BundleVote struct {
	Participant string `json:"participant"`
	Item        string `json:"item"`
	Rating      int    `json:"rating"`
}

// BundleObservation is what the coach observed of one item.
type BundleObservation struct {
	Item   string `json:"item"`
	Rating int    `json:"rating"`
}

// BundleAnswer is the coach's answer to one item. Rating: a level from 1,
// -1 not applicable, -2 don't know, 0 unanswered (with a note or figure).
type BundleAnswer struct {
	Item      string   `json:"item"`
	Rating    int      `json:"rating" bundle:"required"`
	Figure    *float64 `json:"figure"`
	Note      string   `json:"note"`
	Evidence  string   `json:"evidence"`
	UpdatedAt string   `json:"updated_at"`
}

// BundleNote is the coach's note on one checklist.
type BundleNote struct {
	Checklist string `json:"checklist"`
	Note      string `json:"note"`
}

// BundleEdit is the coach's change to one derived recommendation.
type BundleEdit struct {
	Recommendation string `json:"recommendation"`
	Status         string `json:"status"`
	Finding        string `json:"finding"`
	Action         string `json:"action"`
	Acceptance     string `json:"acceptance"`
	Owner          string `json:"owner"`
	TargetPI       string `json:"target_pi"`
	Priority       int    `json:"priority"`
	// Reason is why the coach rejected it; left out when empty, and absent
	// from bundles written before schema version 6.
	Reason string `json:"reason,omitempty"`
}

// BundleRecommendation is one the coach added.
type BundleRecommendation struct {
	ID         string           `json:"id"`
	Finding    string           `json:"finding"`
	Action     string           `json:"action"`
	Priority   int              `json:"priority"`
	Owner      string           `json:"owner"`
	Escalation string           `json:"escalation"`
	Acceptance string           `json:"acceptance"`
	TargetPI   string           `json:"target_pi"`
	Status     string           `json:"status"`
	Evidence   []BundleEvidence `json:"evidence"`
}

// BundleEvidence points at what a recommendation rests on.
type BundleEvidence struct {
	Kind string `json:"kind"`
	Ref  string `json:"ref"`
	Text string `json:"text"`
}

// WriteTo writes the bundle as indented JSON. The same data always gives
// the same bytes, so two exports can be compared with diff.
func (b *Bundle) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep "R&D" readable in the file
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return 0, err
	}
	return buf.WriteTo(w)
}

// Export gathers the trains with the given ids (every train when none are
// given), each with its roster, register and every assessment, from one
// consistent view of the database. It records each train's and
// assessment's content as exported (its lineage), so a later import of a
// copy made from this one is known for what it is; that bookkeeping is
// the only thing it writes.
func (s *Store) Export(ctx context.Context, trainIDs []string) (*Bundle, error) {
	b := &Bundle{Format: BundleFormat, Version: BundleVersion, Trains: []BundleTrain{}}
	err := s.write(ctx, "export", func(tx *sql.Tx) error {
		b.Trains = b.Trains[:0]
		return exportEach(ctx, tx, trainIDs, func(bt *BundleTrain) error {
			b.Trains = append(b.Trains, *bt)
			return nil
		})
	})
	if err != nil {
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
	bt.BundleRoster = rosterToBundle(rosters[rid].Roster)
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
		ba.Snapshot = &BundleSnapshot{BundleRoster: rosterToBundle(a.Roster), Impediments: registerToBundle(a.Register)}
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
			Action: e.Action, Acceptance: e.Acceptance, Owner: string(e.Owner), TargetPI: e.TargetPI, Priority: int(e.Priority), Reason: e.Reason})
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

var rfc3339 = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$`)

// bundleTime parses a time from a bundle; required says an empty one is wrong.
func bundleTime(v, place string, required bool) (time.Time, error) {
	if v == "" {
		if required {
			return time.Time{}, fmt.Errorf("%s: missing; a time like \"2026-03-01T09:00:00Z\"", place)
		}
		return time.Time{}, nil
	}
	// RFC 3339 exactly as the schema's date-time: a "t" or "z" may be lower
	// case; a comma before the fraction, or an offset of 24 hours, is no
	// RFC 3339 time although Go's parser takes them.
	if !rfc3339.MatchString(v) {
		return time.Time{}, fmt.Errorf("%s: %q is not a time like \"2026-03-01T09:00:00Z\"", place, v)
	}
	t, err := time.Parse(time.RFC3339Nano, strings.ToUpper(v))
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %q is not a time like \"2026-03-01T09:00:00Z\"", place, v)
	}
	if y := t.Year(); y < assessment.EarliestYear || y > assessment.LatestYear {
		return time.Time{}, fmt.Errorf("%s: %q is in the year %d; Trainscope takes dates from %d to %d (a placeholder such as 0001-01-01 or 9999-12-31 is no date)",
			place, v, y, assessment.EarliestYear, assessment.LatestYear)
	}
	return t, nil
}
