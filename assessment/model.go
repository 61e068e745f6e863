// Package assessment is the heart of Trainscope: what a coach assesses on an
// Agile Release Train, and what follows from it.
//
// It holds the checklists (loaded from the definitions in assets/), the train's
// roster and impediment register, the coach's answers, and the rules that turn
// them into scores, a maturity level, a verdict on the scaled facilitator, role
// gaps, register figures and recommendations for the LACE. It imports neither
// Fyne nor SQL, so it can be read, and tested, as a book about ART maturity.
//
// Nothing here reads the clock: every age and target is computed from the
// assessment's own date, so the same input always gives the same output.
package assessment

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Framework is the scaling framework a train follows. It decides what the
// scaled facilitator is called in every text the coach and the LACE read.
type Framework string

// The frameworks Trainscope names. Any other value is treated as Other.
const (
	SAFe           Framework = "SAFe"
	ScrumAtScale   Framework = "Scrum@Scale"
	OtherFramework Framework = "Other"
)

// Frameworks lists the frameworks in the order a coach is offered them.
var Frameworks = []Framework{SAFe, ScrumAtScale, OtherFramework}

// FacilitatorTitle is the full name of the scaled facilitator role.
func (f Framework) FacilitatorTitle() string { return f.Word("facilitator-title") }

// Facilitator is the short name of the scaled facilitator role, for sentences.
func (f Framework) Facilitator() string { return f.Word("facilitator") }

// Train is an Agile Release Train as the coach knows it now. Its roster and
// register live beside it; an assessment keeps its own copy of both.
type Train struct {
	ID          string // a UUID, stable across machines so bundles merge
	Name        string
	Framework   Framework
	Description string
	// Group is the portfolio, value stream or solution train the train
	// belongs to, free text; "" when the LACE has not grouped it.
	Group     string
	CreatedAt time.Time
}

// ARTRole is a role held at the level of the whole train.
type ARTRole string

// The train-level roles the brief names. Facilitator is the RTE or SoSM.
const (
	RoleFacilitator       ARTRole = "facilitator"
	RoleProductManagement ARTRole = "product-management"
	RoleSystemArchitect   ARTRole = "system-architect"
	RoleBusinessOwner     ARTRole = "business-owner"
	RoleAgileCoach        ARTRole = "agile-coach"
)

// ARTRoles lists the train-level roles in the order they are shown.
var ARTRoles = []ARTRole{RoleFacilitator, RoleProductManagement, RoleSystemArchitect, RoleBusinessOwner, RoleAgileCoach}

// Title names the role for a train of the given framework, in its words
// (Product Management in SAFe is the Chief Product Owner in Scrum@Scale). A
// role the framework does not have keeps the SAFe name it was stored under.
func (r ARTRole) Title(f Framework) string {
	if t, ok := f.roleTitle(r); ok {
		return t
	}
	if t, ok := SAFe.roleTitle(r); ok {
		return t
	}
	return string(r)
}

// Person is someone on the train. One person may hold several roles or serve
// several teams; that is how the roster shows overload.
type Person struct {
	ID         string
	Name       string
	Contractor bool // filled by a delivery contractor
}

// RoleAssignment puts a person in a train-level role. An empty PersonID is a
// known vacancy: the role is wanted but nobody holds it.
type RoleAssignment struct {
	Role     ARTRole
	PersonID string
}

// Team is one agile team of the train. An empty ScrumMasterID or
// ProductOwnerID is a vacancy.
type Team struct {
	ID             string
	Name           string
	ScrumMasterID  string
	ProductOwnerID string
	DeveloperIDs   []string
	Skills         []string // skills the team has among its developers
}

// Roster is who holds which role on the train, and the facts that go with it.
type Roster struct {
	People         []Person
	Roles          []RoleAssignment
	Teams          []Team
	ValueStreamMap bool     // the train has a value stream map telling it what value to deliver
	RequiredSkills []string // skills every team needs; empty means DefaultSkills
}

// Clone copies a roster deeply, so a copy handed to another goroutine or
// kept by another assessment never shares a slice with the original.
func (r Roster) Clone() Roster {
	c := r
	c.People = slices.Clone(r.People)
	c.Roles = slices.Clone(r.Roles)
	c.RequiredSkills = slices.Clone(r.RequiredSkills)
	if r.Teams != nil {
		c.Teams = make([]Team, len(r.Teams))
		for i, t := range r.Teams {
			t.DeveloperIDs = slices.Clone(t.DeveloperIDs)
			t.Skills = slices.Clone(t.Skills)
			c.Teams[i] = t
		}
	}
	return c
}

// DefaultSkills are the cross-functional skills a team is expected to have
// when the coach has not said otherwise.
var DefaultSkills = []string{"Software engineering", "Testing", "UI/UX", "Technical writing"}

// Level of an impediment: where it has to be solved.
type ImpedimentLevel string

// Impediment levels, lowest first.
const (
	LevelTeam ImpedimentLevel = "team"
	LevelART  ImpedimentLevel = "art"
	LevelLACE ImpedimentLevel = "lace"
)

// Title names the level as the coach and the LACE say it.
func (l ImpedimentLevel) Title() string {
	switch l {
	case LevelTeam:
		return "Team"
	case LevelART:
		return "ART"
	case LevelLACE:
		return "LACE"
	}
	return string(l)
}

// ImpedimentStatus says where an impediment is in its life.
type ImpedimentStatus string

// Impediment statuses.
const (
	StatusOpen       ImpedimentStatus = "open"
	StatusInProgress ImpedimentStatus = "in-progress"
	StatusResolved   ImpedimentStatus = "resolved"
)

// ImpedimentStatuses lists the statuses in the order of an impediment's life.
var ImpedimentStatuses = []ImpedimentStatus{StatusOpen, StatusInProgress, StatusResolved}

// Title names the status in plain words.
func (s ImpedimentStatus) Title() string {
	switch s {
	case StatusOpen:
		return "Open"
	case StatusInProgress:
		return "In progress"
	case StatusResolved:
		return "Resolved"
	}
	return string(s)
}

// ROAM is how a PI risk or impediment was dealt with at PI Planning.
type ROAM string

// ROAM categories; the empty value means not yet categorised.
const (
	ROAMNone      ROAM = ""
	ROAMResolved  ROAM = "resolved"
	ROAMOwned     ROAM = "owned"
	ROAMAccepted  ROAM = "accepted"
	ROAMMitigated ROAM = "mitigated"
)

// ROAMs lists the ROAM categories in their usual order.
var ROAMs = []ROAM{ROAMResolved, ROAMOwned, ROAMAccepted, ROAMMitigated}

// Title names the category, capitalised; empty while not categorised.
func (r ROAM) Title() string {
	if r == ROAMNone {
		return ""
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// Impediment is one entry of the train's impediment register.
type Impediment struct {
	ID           string
	Title        string
	Description  string
	Level        ImpedimentLevel
	TeamID       string // the team it was raised by or belongs to; empty for train-wide
	Owner        string
	Status       ImpedimentStatus
	ROAM         ROAM
	Raised       time.Time
	Resolved     time.Time // zero while not resolved
	Escalated    bool      // escalated beyond the level where it was raised
	RecurrenceOf string    // the ID of an earlier impediment this one repeats
}

// Rating is a coach's answer on an item's scale. Levels count from 1; zero is
// unanswered, and two negative values say "not applicable" and "don't know",
// which never count toward a score.
type Rating int

// Ratings that are not levels on the scale.
const (
	Unanswered    Rating = 0
	NotApplicable Rating = -1
	DontKnow      Rating = -2
)

// Rated reports whether the rating is a level on the scale.
func (r Rating) Rated() bool { return r > 0 }

// Answer is the coach's answer to one item, with what backs it.
type Answer struct {
	ItemID   string
	Rating   Rating
	Figure   *float64 // for measure items: the figure entered, from which the level follows
	Note     string   // the coach's note: what they heard, what they think
	Evidence string   // what they saw: documents, boards, metrics
}

// AssessmentStatus is draft while the coach works, final once finished.
type AssessmentStatus string

// Assessment statuses.
const (
	Draft AssessmentStatus = "draft"
	Final AssessmentStatus = "final"
)

// Day is the calendar day of t, as midnight UTC: an assessment describes a
// day, and two assessments of the same day must not sort by the hour they
// happened to be typed in.
func Day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Assessment is one assessment of one train at one moment. It owns a copy of
// the roster and register as they were on its date, so later edits to the
// train never change what a finished assessment says.
type Assessment struct {
	ID               string
	TrainID          string
	Date             time.Time // the day the assessment describes; ages are counted to it
	PI               string    // the Program Increment label, e.g. "PI 2026.4"
	Assessor         string
	Status           AssessmentStatus
	ChecklistVersion string
	PIWeeks          int // length of a PI in weeks; 0 means DefaultPIWeeks
	Roster           Roster
	Register         []Impediment
	Answers          map[string]Answer // by item ID
	Notes            map[string]string // the coach's notes by checklist ID
	Review           Review            // the coach's edits to the recommendations
	Workshop         *Workshop         // the room's votes when assessed in a workshop; nil otherwise
	FollowUps        []FollowUp        // last assessment's agreed recommendations and what happened to them
}

// DefaultPIWeeks is the PI length when the coach has not set one.
const DefaultPIWeeks = 10

// RecommendationStatus records the coach's decision on a recommendation.
type RecommendationStatus string

// Recommendation statuses. A derived recommendation starts Proposed.
const (
	Proposed RecommendationStatus = "proposed"
	Accepted RecommendationStatus = "accepted"
	Rejected RecommendationStatus = "rejected"
)

// RecommendationStatuses lists the statuses in the order a coach is offered them.
var RecommendationStatuses = []RecommendationStatus{Proposed, Accepted, Rejected}

// Title names the coach's decision as every screen, report and file says it.
func (s RecommendationStatus) Title() string {
	switch s {
	case Accepted:
		return "Accepted"
	case Rejected:
		return "Rejected"
	}
	return "Proposed"
}

// Priority orders recommendations; High comes first.
type Priority int

// Priorities.
const (
	High   Priority = 1
	Medium Priority = 2
	Low    Priority = 3
)

// Owner is who is asked to act on a recommendation.
type Owner string

// Suggested owners.
const (
	OwnerLACE              Owner = "LACE"
	OwnerFacilitator       Owner = "RTE"
	OwnerBusinessOwners    Owner = "Business Owners"
	OwnerProductManagement Owner = "Product Management"
	OwnerTeam              Owner = "Team"
	OwnerScrumMasters      Owner = "Team Scrum Masters" // the teams' Scrum Masters together, when there is no facilitator to act
)

// EvidenceKind says where a piece of evidence comes from.
type EvidenceKind string

// Kinds of evidence behind a finding.
const (
	EvidenceAnswer EvidenceKind = "answer" // an item and its rating
	EvidenceRoster EvidenceKind = "roster" // a fact of the roster, a role gap
	EvidenceFigure EvidenceKind = "figure" // a figure of the impediment register
)

// Evidence points at what a finding rests on.
type Evidence struct {
	Kind EvidenceKind
	Ref  string // an item ID, a role-gap rule ID, or a figure name
	Text string // the evidence in words, e.g. "Cross-team sync: rated 2 of 5"
}

// Recommendation is an action the LACE is asked to take or sponsor.
type Recommendation struct {
	ID          string // stable for the same rule and subject, so edits and trends follow it
	Rule        string // the rule that derived it; empty for the coach's own
	Finding     string
	Evidence    []Evidence
	Action      string
	Priority    Priority
	Owner       Owner
	Escalation  ImpedimentLevel // the level that must act: team, ART or LACE
	Acceptance  string          // a measurable acceptance criterion
	TargetPI    string
	Status      RecommendationStatus
	ByCoach     bool   // added by the coach rather than derived
	FirstRaised string // the PI it was first agreed in, when it came along as a follow-up; else empty
	Edited      bool   // the coach changed the derived wording or fields
	Reason      string // why the coach rejected it; empty unless Status is Rejected
}

// RecommendationEdit is the coach's change to one derived recommendation.
// Empty fields keep the derived value.
type RecommendationEdit struct {
	Status     RecommendationStatus
	Finding    string
	Action     string
	Acceptance string
	Owner      Owner
	TargetPI   string
	Priority   Priority
	// Escalation is the level the coach says must act instead of the
	// derived one: one of ImpedimentLevels, or empty for the derived level.
	Escalation ImpedimentLevel
	// Reason is why the coach rejected the recommendation, in a few words;
	// the report keeps it beside the rejection.
	Reason string
}

// Review is everything the coach decided about the recommendations.
type Review struct {
	Edits map[string]RecommendationEdit // by recommendation ID
	Added []Recommendation              // the coach's own
}

// Sync is what the framework calls the regular cross-team sync of the team
// coaches.
func (f Framework) Sync() string { return f.Word("sync") }

// Leaders is what the framework calls the empowered leadership group that
// takes the train's escalations.
func (f Framework) Leaders() string { return f.Word("leaders") }

// Expand puts the framework's words into a checklist or rule text: each
// placeholder of PlaceholderWords, e.g. {facilitator}, {sync}, {leaders},
// {planning}, becomes the framework's word ("RTE", "ART Sync", "Business
// Owners", "PI Planning" for SAFe); {Planning} capitalises it to start a
// sentence, {a-facilitator} and {A-facilitator} carry the right article
// ("an RTE", "a SoSM").
func (f Framework) Expand(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return f.Def().expand.Replace(s)
}

// Title names the owner for a train of the given framework: the scaled
// facilitator is "RTE" in SAFe, "SoSM" in Scrum@Scale; the leaders are the
// Business Owners or the Executive Action Team; the backlog owner Product
// Management or the Chief Product Owner.
func (o Owner) Title(f Framework) string {
	switch o {
	case OwnerFacilitator:
		return f.Facilitator()
	case OwnerBusinessOwners:
		return capital(f.Word("leaders"))
	case OwnerProductManagement:
		return capital(f.Word("backlog-owner"))
	}
	return string(o)
}

// String names the priority in words.
func (p Priority) String() string {
	switch p {
	case High:
		return "high"
	case Medium:
		return "medium"
	case Low:
		return "low"
	}
	return fmt.Sprintf("priority %d", int(p))
}

// Priorities lists the priorities, highest first.
var Priorities = []Priority{High, Medium, Low}

// Title names the priority, capitalised, for a table or a choice.
func (p Priority) Title() string {
	s := p.String()
	return strings.ToUpper(s[:1]) + s[1:]
}
