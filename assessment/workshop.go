package assessment

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// A workshop assessment lets the people of the train rate the same items on
// the coach's machine. Each vote stays hidden until the coach reveals the
// item, so nobody anchors on the first voice in the room; then the spread is
// shown, strong disagreement is discussed first, and the coach records the
// consensus (the item's Answer) and, separately, what they observed
// themselves. The gap between the two is the room's blind spot.

// ParticipantRole is the role a participant speaks from.
type ParticipantRole string

// Participant roles.
const (
	RoleScrumMasterP       ParticipantRole = "scrum-master"
	RoleProductOwnerP      ParticipantRole = "product-owner"
	RoleFacilitatorP       ParticipantRole = "facilitator"
	RoleProductManagementP ParticipantRole = "product-management"
	RoleBusinessOwnerP     ParticipantRole = "business-owner"
	RoleDeveloperP         ParticipantRole = "developer"
	RoleOtherP             ParticipantRole = "other"
)

// ParticipantRoles lists the roles in the order a coach is offered them.
var ParticipantRoles = []ParticipantRole{RoleScrumMasterP, RoleProductOwnerP, RoleFacilitatorP,
	RoleProductManagementP, RoleBusinessOwnerP, RoleDeveloperP, RoleOtherP}

// Title names the role for a train of the given framework.
func (r ParticipantRole) Title(f Framework) string {
	switch r {
	case RoleScrumMasterP:
		return "Scrum Master"
	case RoleProductOwnerP:
		return "Product Owner"
	case RoleFacilitatorP:
		return f.Facilitator()
	case RoleProductManagementP:
		return capital(f.Word("backlog-owner"))
	case RoleBusinessOwnerP:
		return capital(f.Word("leader"))
	case RoleDeveloperP:
		return "Developer"
	}
	return "Other"
}

// Participant is one person voting in a workshop.
type Participant struct {
	ID   string
	Name string
	Role ParticipantRole
}

// Vote is one participant's private rating of one item.
type Vote struct {
	ParticipantID string
	ItemID        string
	Rating        Rating
}

// Workshop holds the room's votes on an assessment. The consensus of each
// item is the assessment's Answer; what the coach observed is kept apart.
type Workshop struct {
	Anonymous    bool // reports and exports show roles, never names
	Participants []Participant
	Votes        []Vote
	Revealed     map[string]bool   // item IDs whose votes are revealed
	Observed     map[string]Rating // the coach's own observation, by item ID
}

// Disagreement thresholds on Leik's ordinal dispersion (0 = all agree,
// 1 = the room split between the two ends of the scale).
const (
	SomeDisagreement   = 0.25
	StrongDisagreement = 0.5
)

// Participant returns the participant with the given ID, or nil.
func (w *Workshop) Participant(id string) *Participant {
	for i := range w.Participants {
		if w.Participants[i].ID == id {
			return &w.Participants[i]
		}
	}
	return nil
}

// AddParticipant adds someone to the room. Names must be told apart, or the
// votes could not be.
func (w *Workshop) AddParticipant(p Participant) error {
	p.Name = strings.TrimSpace(p.Name)
	switch {
	case p.ID == "":
		return fmt.Errorf("a participant needs an id")
	case p.Name == "":
		return fmt.Errorf("a participant needs a name, even when the workshop is anonymous")
	case w.Participant(p.ID) != nil:
		return fmt.Errorf("participant %q is already in the workshop", p.Name)
	}
	for _, q := range w.Participants {
		if strings.EqualFold(q.Name, p.Name) {
			return fmt.Errorf("%q is already in the workshop; give the second one a different name", p.Name)
		}
	}
	if p.Role == "" {
		p.Role = RoleOtherP
	}
	w.Participants = append(w.Participants, p)
	return nil
}

// Cast records a participant's vote on an item, replacing an earlier one. A
// revealed item takes no more votes until it is reset, so nobody votes after
// seeing the others.
func (w *Workshop) Cast(participantID, itemID string, r Rating) error {
	p := w.Participant(participantID)
	if p == nil {
		return fmt.Errorf("nobody with id %q takes part in this workshop", participantID)
	}
	if w.Revealed[itemID] {
		return fmt.Errorf("the votes on this item are revealed; reset the item before %s votes again", p.Name)
	}
	if r == Unanswered || r < DontKnow {
		return fmt.Errorf("a vote needs a level, not applicable or don't know")
	}
	w.setVote(participantID, itemID, r)
	return nil
}

// setVote records a vote, replacing the participant's earlier one.
func (w *Workshop) setVote(participantID, itemID string, r Rating) {
	for i, v := range w.Votes {
		if v.ParticipantID == participantID && v.ItemID == itemID {
			w.Votes[i].Rating = r
			return
		}
	}
	w.Votes = append(w.Votes, Vote{ParticipantID: participantID, ItemID: itemID, Rating: r})
}

// Reveal shows the votes on an item to the room.
func (w *Workshop) Reveal(itemID string) {
	if w.Revealed == nil {
		w.Revealed = map[string]bool{}
	}
	w.Revealed[itemID] = true
}

// Reset hides an item again and clears its votes, for a fresh round.
func (w *Workshop) Reset(itemID string) {
	delete(w.Revealed, itemID)
	kept := w.Votes[:0]
	for _, v := range w.Votes {
		if v.ItemID != itemID {
			kept = append(kept, v)
		}
	}
	w.Votes = kept
}

// Voted lists, in participant order, who has voted on an item and who has
// not. It never says how anyone voted: that is what Spread is for, after
// the reveal.
func (w *Workshop) Voted(itemID string) (voted, waiting []Participant) {
	has := map[string]bool{}
	for _, v := range w.Votes {
		if v.ItemID == itemID {
			has[v.ParticipantID] = true
		}
	}
	for _, p := range w.Participants {
		if has[p.ID] {
			voted = append(voted, p)
		} else {
			waiting = append(waiting, p)
		}
	}
	return voted, waiting
}

// Spread is the room's votes on one item, shown together after the reveal.
type Spread struct {
	ItemID       string
	Counts       []int // votes per level; Counts[0] is level 1
	NA, DontKnow int
	Median       float64 // of the levels voted; 0 when none
	Disagreement float64 // Leik's ordinal dispersion, 0–1
	Votes        []Vote  // each vote, in participant order
}

// Rated is how many votes are levels on the scale.
func (s Spread) Rated() int {
	n := 0
	for _, c := range s.Counts {
		n += c
	}
	return n
}

// Flagged reports whether the room disagrees strongly enough to discuss the
// item before recording a consensus.
func (s Spread) Flagged() bool { return s.Disagreement >= StrongDisagreement }

// Spread returns the votes on an item as a distribution over its levels,
// and false while the item is not revealed: hidden votes stay hidden.
func (w *Workshop) Spread(itemID string, levels int) (Spread, bool) {
	if !w.Revealed[itemID] {
		return Spread{}, false
	}
	s := Spread{ItemID: itemID, Counts: make([]int, levels)}
	var rated []int
	for _, p := range w.Participants {
		for _, v := range w.Votes {
			if v.ItemID != itemID || v.ParticipantID != p.ID {
				continue
			}
			s.Votes = append(s.Votes, v)
			switch {
			case v.Rating == NotApplicable:
				s.NA++
			case v.Rating == DontKnow:
				s.DontKnow++
			case v.Rating.Rated() && int(v.Rating) <= levels:
				s.Counts[v.Rating-1]++
				rated = append(rated, int(v.Rating))
			}
		}
	}
	s.Median = median(rated)
	s.Disagreement = Disagreement(s.Counts)
	return s, true
}

// Disagreement is Leik's measure of ordinal dispersion over the counts per
// level: 0 when everyone chose the same level, 1 when the room split evenly
// between the lowest and the highest. It respects the order of the levels,
// which a variance of labels would not, and does not depend on group size.
func Disagreement(counts []int) float64 {
	k := len(counts)
	n := 0
	for _, c := range counts {
		n += c
	}
	if k < 2 || n == 0 {
		return 0
	}
	sum, cum := 0.0, 0
	for _, c := range counts[:k-1] {
		cum += c
		f := float64(cum) / float64(n)
		if f > 0.5 {
			f = 1 - f
		}
		sum += f
	}
	return 2 * sum / float64(k-1)
}

// Discussion lists the revealed items' spreads, most disagreement first, so
// the room talks about what divides it before recording a consensus. Items
// appear in definition order where disagreement ties.
func (w *Workshop) Discussion(d *Definitions) []Spread {
	var out []Spread
	for _, c := range d.Checklists {
		for _, it := range c.Items {
			if s, ok := w.Spread(it.ID, len(it.Levels)); ok {
				out = append(out, s)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Disagreement > out[j].Disagreement })
	return out
}

// DisplayName is how a participant is named in anything others read: their
// name, or in an anonymous workshop their role and a number.
func (w *Workshop) DisplayName(p Participant, f Framework) string {
	if !w.Anonymous {
		return p.Name
	}
	n := 0
	for _, q := range w.Participants {
		if q.Role == p.Role {
			n++
		}
		if q.ID == p.ID {
			break
		}
	}
	return fmt.Sprintf("%s %d", p.Role.Title(f), n)
}

// ObservationGap is the difference between the room's consensus on an item
// and what the coach observed: positive when the room rates itself higher.
type ObservationGap struct {
	ItemID    string
	Consensus Rating
	Observed  Rating
	Gap       int
}

// ChecklistObservation compares a checklist's score from the room's
// consensus with its score from the coach's observations alone.
type ChecklistObservation struct {
	ChecklistID string
	Self        Score
	Observed    Score
	Gap         float64 // Self minus Observed, in points; 0 unless both are known
}

// ObservationGaps lists, per item rated both by the room and by the coach,
// the gap between them, in definition order; and per checklist the two
// scores side by side. Both scores of a checklist are computed on the same
// items, those both sides rated, so the gap compares like with like.
func ObservationGaps(d *Definitions, a *Assessment) ([]ObservationGap, []ChecklistObservation) {
	if a.Workshop == nil {
		return nil, nil
	}
	self := &Assessment{Date: a.Date, PI: a.PI, Answers: map[string]Answer{}}
	observed := &Assessment{Date: a.Date, PI: a.PI, Answers: map[string]Answer{}}
	var gaps []ObservationGap
	for _, c := range d.Checklists {
		for _, it := range c.Items {
			obs := a.Workshop.Observed[it.ID]
			cons := a.Answers[it.ID].Rating
			if !cons.Rated() || !obs.Rated() {
				continue
			}
			gaps = append(gaps, ObservationGap{ItemID: it.ID, Consensus: cons, Observed: obs, Gap: int(cons - obs)})
			self.Answers[it.ID] = Answer{ItemID: it.ID, Rating: cons}
			observed.Answers[it.ID] = Answer{ItemID: it.ID, Rating: obs}
		}
	}
	selfScores := Evaluate(d, Train{}, self).Checklists
	obsScores := Evaluate(d, Train{}, observed).Checklists
	per := make([]ChecklistObservation, 0, len(selfScores))
	for i, cs := range selfScores {
		co := ChecklistObservation{ChecklistID: cs.ChecklistID, Self: cs.Score, Observed: obsScores[i].Score}
		if co.Self.Known() && co.Observed.Known() {
			co.Gap = co.Self.Value - co.Observed.Value
		}
		per = append(per, co)
	}
	return gaps, per
}

// Response is one participant's votes made on their own machine, to be
// merged into the coach's workshop.
type Response struct {
	Participant Participant
	Votes       []Vote
}

// Merge adds participants' responses to the workshop, all or nothing: a
// participant already in the workshop (by id or name), a participant twice
// among the responses, or a vote for an item the checklists do not have
// rejects the lot with the reason, and the workshop stays as it was.
func (w *Workshop) Merge(d *Definitions, responses []Response) error {
	trial := Workshop{Participants: append([]Participant(nil), w.Participants...)}
	var votes []Vote
	for i, r := range responses {
		if err := trial.AddParticipant(r.Participant); err != nil {
			return fmt.Errorf("response %d: %w", i+1, err)
		}
		for _, v := range r.Votes {
			if err := CheckRating(d, v.ItemID, v.Rating); err != nil {
				return fmt.Errorf("response %d (%s): %w", i+1, r.Participant.Name, err)
			}
			votes = append(votes, Vote{ParticipantID: r.Participant.ID, ItemID: v.ItemID, Rating: v.Rating})
		}
	}
	// Votes from files were made in private, so they count whatever the
	// item's reveal state on the coach's machine.
	w.Participants = trial.Participants
	for _, v := range votes {
		w.setVote(v.ParticipantID, v.ItemID, v.Rating)
	}
	return nil
}

// RemoveParticipant takes someone out of the room, with every vote they
// cast: a vote nobody can be asked about has no place in the spread.
func (w *Workshop) RemoveParticipant(id string) error {
	i := slices.IndexFunc(w.Participants, func(p Participant) bool { return p.ID == id })
	if i < 0 {
		return fmt.Errorf("nobody with id %q takes part in this workshop", id)
	}
	w.Participants = slices.Delete(w.Participants, i, i+1)
	w.Votes = slices.DeleteFunc(w.Votes, func(v Vote) bool { return v.ParticipantID == id })
	return nil
}

// Observe records what the coach saw of an item themselves, kept apart from
// the room's consensus; Unanswered takes the observation back. Not
// applicable and don't know are observations too.
func (w *Workshop) Observe(itemID string, r Rating) error {
	if r == Unanswered {
		delete(w.Observed, itemID)
		return nil
	}
	if r < DontKnow {
		return fmt.Errorf("an observation needs a level, not applicable or don't know")
	}
	if w.Observed == nil {
		w.Observed = map[string]Rating{}
	}
	w.Observed[itemID] = r
	return nil
}

// CheckRating says whether a vote or an observation fits the checklists: an
// item they have, and a level on its scale, not applicable or don't know.
// Merge applies the same rule to votes from files; this is for votes and
// observations given one at a time.
func CheckRating(d *Definitions, itemID string, r Rating) error {
	it, _ := d.Item(itemID)
	switch {
	case it == nil:
		return fmt.Errorf("item %q is not in checklist version %s", itemID, d.Version)
	case r == Unanswered || r < DontKnow || int(r) > len(it.Levels):
		return fmt.Errorf("%d is not a rating on the scale of item %q", r, itemID)
	}
	return nil
}

// ResponseFromAssessment turns the answers a participant gave in an ordinary
// assessment on their own machine into their response to a workshop: one
// vote per item answered, in checklist order. A figure entered for a
// measure item votes for the level its band gives. A level the register
// would have filled in is no vote: the participant did not give it.
// Answers to items the checklists do not have are left out.
func ResponseFromAssessment(d *Definitions, a *Assessment, p Participant) Response {
	r := Response{Participant: p}
	for _, c := range d.Checklists {
		for _, it := range c.Items {
			ans, ok := a.Answers[it.ID]
			if !ok {
				continue
			}
			rating := ans.Rating
			switch {
			case rating == NotApplicable || rating == DontKnow:
			case rating.Rated() && int(rating) <= len(it.Levels):
			case ans.Figure != nil && it.LevelForFigure(*ans.Figure) > 0:
				rating = Rating(it.LevelForFigure(*ans.Figure))
			default:
				continue
			}
			r.Votes = append(r.Votes, Vote{ParticipantID: p.ID, ItemID: it.ID, Rating: rating})
		}
	}
	return r
}
