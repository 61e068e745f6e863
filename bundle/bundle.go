// Package bundle is the file formats that carry trains between coaches'
// Trainscopes: the bundle (docs/bundle-format.md) and the workshop's
// response file. It decodes a file into the format's types, checks its
// shape and its texts, and names the place of every problem in the file
// (trains[0].teams[2].name). It knows no database and no GUI; package data
// checks the decoded values against the domain and merges them.
package bundle

import (
	"bytes"
	"encoding/json"
	"io"

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
	Format  = "trainscope-bundle"
	Version = 1
	// MaxSize is the largest bundle a Reader reads: a sanity cap, not a
	// limit of memory, since a bundle is read one train at a time (and
	// one train may take at most MaxTrainSize). 500 sample trains with ten
	// assessments each are 229 MB; 4 GB is some 8,000 of them.
	MaxSize = 4 << 30
)

// Bundle is a bundle file.
type Bundle struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// ExportedBy is the coach who made the bundle, when they said; the
	// LACE's Trainscope records it as where each train came from. Left out
	// when unknown, so the bundle reads in a Trainscope from before it.
	ExportedBy string  `json:"exported_by,omitempty"`
	Trains     []Train `json:"trains" bundle:"required"`
}

// Roster is a roster as a bundle holds it, inside a train (its live
// roster) or inside an assessment's snapshot.
type Roster struct {
	ValueStreamMap bool     `json:"value_stream_map"`
	RequiredSkills []string `json:"required_skills"`
	People         []Person `json:"people"`
	Roles          []Role   `json:"roles"`
	Teams          []Team   `json:"teams"`
}

// Train is one train with its live roster and register.
type Train struct {
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
	Roster
	Impediments []Impediment `json:"impediments"`
	Assessments []Assessment `json:"assessments"`
}

// Person is someone on a roster.
type Person struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Contractor bool   `json:"contractor"`
}

// Role puts a person in a train-level role; an empty person is a vacancy.
type Role struct {
	Role   string `json:"role"`
	Person string `json:"person"`
}

// Team is one agile team; empty scrum_master or product_owner is a vacancy.
type Team struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	ScrumMaster  string   `json:"scrum_master"`
	ProductOwner string   `json:"product_owner"`
	Developers   []string `json:"developers"`
	Skills       []string `json:"skills"`
}

// Impediment is one register entry.
type Impediment struct {
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

// Snapshot is the roster and register a finished assessment keeps.
type Snapshot struct {
	Roster
	Impediments []Impediment `json:"impediments"`
}

// Assessment is one assessment. Snapshot is null for a draft that
// was never finished: it follows its train's live roster and register.
type Assessment struct {
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
	ConflictOf          string           `json:"conflict_of,omitempty"`
	ConflictCoach       string           `json:"conflict_coach,omitempty"`
	Snapshot            *Snapshot        `json:"snapshot"`
	Answers             []Answer         `json:"answers"`
	Notes               []Note           `json:"notes"`
	RecommendationEdits []Edit           `json:"recommendation_edits"`
	Recommendations     []Recommendation `json:"recommendations"`
	// Workshop is left out for an assessment that is no workshop, so a
	// bundle without workshops reads in a Trainscope from before them.
	Workshop *Workshop `json:"workshop,omitempty"`
	// FollowUps are last PI's agreed recommendations the assessment came
	// with, and what happened to them; left out when there are none, so a
	// bundle without them reads in a Trainscope from before them.
	FollowUps []FollowUp `json:"follow_ups,omitempty"`
}

// FollowUp is one follow-up: the recommendation as it was agreed, its
// criterion check if the data can decide it, and the coach's word on it.
type FollowUp struct {
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

// Workshop is the room's side of a workshop assessment: who voted,
// every vote, which items were revealed, and what the coach observed. The
// consensus of each item is the assessment's answer. In an anonymous
// workshop each participant's name is their anonymous label ("Scrum Master
// 2"): the names stay on the coach's machine.
type Workshop struct {
	Anonymous    bool          `json:"anonymous" bundle:"required"`
	Participants []Participant `json:"participants" bundle:"required"`
	Votes        []Vote        `json:"votes" bundle:"required"`
	Revealed     []string      `json:"revealed" bundle:"required"`
	Observations []Observation `json:"observations" bundle:"required"`
}

// Participant is one person in the workshop's room, in voting order.
type Participant struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}

// Vote is one participant's vote on one item: a level from 1, -1 not
// applicable, -2 don't know.
type Vote struct {
	Participant string `json:"participant"`
	Item        string `json:"item"`
	Rating      int    `json:"rating"`
}

// Observation is what the coach observed of one item.
type Observation struct {
	Item   string `json:"item"`
	Rating int    `json:"rating"`
}

// Answer is the coach's answer to one item. Rating: a level from 1,
// -1 not applicable, -2 don't know, 0 unanswered (with a note or figure).
type Answer struct {
	Item      string   `json:"item"`
	Rating    int      `json:"rating" bundle:"required"`
	Figure    *float64 `json:"figure"`
	Note      string   `json:"note"`
	Evidence  string   `json:"evidence"`
	UpdatedAt string   `json:"updated_at"`
}

// Note is the coach's note on one checklist.
type Note struct {
	Checklist string `json:"checklist"`
	Note      string `json:"note"`
}

// Edit is the coach's change to one derived recommendation.
type Edit struct {
	Recommendation string `json:"recommendation"`
	Status         string `json:"status"`
	Finding        string `json:"finding"`
	Action         string `json:"action"`
	Acceptance     string `json:"acceptance"`
	Owner          string `json:"owner"`
	TargetPI       string `json:"target_pi"`
	Priority       int    `json:"priority"`
	// Escalation is the level the coach chose instead of the derived one
	// ("team", "art" or "lace"); left out when empty (the derived level),
	// and absent from bundles written before schema version 8.
	Escalation string `json:"escalation,omitempty"`
	// Reason is why the coach rejected it; left out when empty, and absent
	// from bundles written before schema version 6.
	Reason string `json:"reason,omitempty"`
}

// Recommendation is one the coach added.
type Recommendation struct {
	ID         string     `json:"id"`
	Finding    string     `json:"finding"`
	Action     string     `json:"action"`
	Priority   int        `json:"priority"`
	Owner      string     `json:"owner"`
	Escalation string     `json:"escalation"`
	Acceptance string     `json:"acceptance"`
	TargetPI   string     `json:"target_pi"`
	Status     string     `json:"status"`
	Evidence   []Evidence `json:"evidence"`
}

// Evidence points at what a recommendation rests on.
type Evidence struct {
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
