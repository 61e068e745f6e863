package data

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"

	"github.com/trainscope/trainscope/assessment"
)

// A workshop is kept beside its assessment (schema version 2). Every change
// loads the workshop inside the write transaction, lets the domain apply it
// (assessment.Workshop's methods hold the rules: hidden votes, no voting on
// a revealed item, names told apart) and writes back only what the domain
// changed. So the rules live in one place and a refused change writes
// nothing.

// loadWorkshops reads the workshops of the assessments matching where (an
// SQL condition on the assessments table), by assessment id, in at most five
// queries. An assessment that is not a workshop has no entry.
func loadWorkshops(ctx context.Context, q querier, where string, args []any) (map[string]*assessment.Workshop, error) {
	out := map[string]*assessment.Workshop{}
	in := "assessment_id IN (SELECT id FROM assessments WHERE " + where + ")"
	err := scanRows(ctx, q, "SELECT assessment_id, anonymous FROM workshops WHERE "+in, args, func(rows *sql.Rows) error {
		var aid string
		var anonymous int
		if err := rows.Scan(&aid, &anonymous); err != nil {
			return err
		}
		out[aid] = &assessment.Workshop{Anonymous: anonymous == 1, Revealed: map[string]bool{}, Observed: map[string]assessment.Rating{}}
		return nil
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	if err := scanRows(ctx, q, "SELECT assessment_id, id, name, role FROM participants WHERE "+in+" ORDER BY assessment_id, position, id", args,
		func(rows *sql.Rows) error {
			var aid string
			var p assessment.Participant
			if err := rows.Scan(&aid, &p.ID, &p.Name, &p.Role); err != nil {
				return err
			}
			if w := out[aid]; w != nil {
				w.Participants = append(w.Participants, p)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	// Votes in participant order, then by item: the order Spread lists them.
	if err := scanRows(ctx, q, `SELECT v.assessment_id, v.participant_id, v.item_id, v.rating
		FROM votes v JOIN participants p ON p.assessment_id = v.assessment_id AND p.id = v.participant_id
		WHERE v.`+in+` ORDER BY v.assessment_id, p.position, p.id, v.item_id`, args,
		func(rows *sql.Rows) error {
			var aid string
			var v assessment.Vote
			if err := rows.Scan(&aid, &v.ParticipantID, &v.ItemID, &v.Rating); err != nil {
				return err
			}
			if w := out[aid]; w != nil {
				w.Votes = append(w.Votes, v)
			}
			return nil
		}); err != nil {
		return nil, err
	}
	if err := scanRows(ctx, q, "SELECT assessment_id, item_id FROM revealed_items WHERE "+in, args, func(rows *sql.Rows) error {
		var aid, item string
		if err := rows.Scan(&aid, &item); err != nil {
			return err
		}
		if w := out[aid]; w != nil {
			w.Revealed[item] = true
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := scanRows(ctx, q, "SELECT assessment_id, item_id, rating FROM observations WHERE "+in, args, func(rows *sql.Rows) error {
		var aid, item string
		var r assessment.Rating
		if err := rows.Scan(&aid, &item, &r); err != nil {
			return err
		}
		if w := out[aid]; w != nil {
			w.Observed[item] = r
		}
		return nil
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// loadWorkshop reads one assessment's workshop; nil when it is none.
func loadWorkshop(ctx context.Context, q querier, assessmentID string) (*assessment.Workshop, error) {
	ws, err := loadWorkshops(ctx, q, "id = ?", []any{assessmentID})
	if err != nil {
		return nil, err
	}
	return ws[assessmentID], nil
}

// cloneWorkshop deep-copies a workshop, so the domain can change the copy
// while the original says what is in the database.
func cloneWorkshop(w *assessment.Workshop) *assessment.Workshop {
	c := *w
	c.Participants = slices.Clone(w.Participants)
	c.Votes = slices.Clone(w.Votes)
	c.Revealed = maps.Clone(w.Revealed)
	c.Observed = maps.Clone(w.Observed)
	if c.Revealed == nil {
		c.Revealed = map[string]bool{}
	}
	if c.Observed == nil {
		c.Observed = map[string]assessment.Rating{}
	}
	return &c
}

type voteKey struct{ participant, item string }

func voteMap(votes []assessment.Vote) map[voteKey]assessment.Rating {
	m := make(map[voteKey]assessment.Rating, len(votes))
	for _, v := range votes {
		m[voteKey{v.ParticipantID, v.ItemID}] = v.Rating
	}
	return m
}

// saveWorkshop writes what differs between before (what the database holds;
// nil when the assessment is not yet a workshop) and after.
func saveWorkshop(ctx context.Context, tx *sql.Tx, aid string, before, after *assessment.Workshop) error {
	if before == nil {
		if _, err := tx.ExecContext(ctx, "INSERT INTO workshops (assessment_id, anonymous) VALUES (?, ?)", aid, boolInt(after.Anonymous)); err != nil {
			return err
		}
		before = &assessment.Workshop{}
	} else if before.Anonymous != after.Anonymous {
		if _, err := tx.ExecContext(ctx, "UPDATE workshops SET anonymous = ? WHERE assessment_id = ?", boolInt(after.Anonymous), aid); err != nil {
			return err
		}
	}

	type placed struct {
		at int
		p  assessment.Participant
	}
	had := map[string]placed{}
	for i, p := range before.Participants {
		had[p.ID] = placed{i, p}
	}
	stays := map[string]bool{}
	for _, p := range after.Participants {
		stays[p.ID] = true
	}
	// Removals first: a participant's votes go with them (ON DELETE CASCADE).
	for _, p := range before.Participants {
		if !stays[p.ID] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM participants WHERE assessment_id = ? AND id = ?", aid, p.ID); err != nil {
				return err
			}
		}
	}
	for i, p := range after.Participants {
		old, ok := had[p.ID]
		switch {
		case !ok:
			if _, err := tx.ExecContext(ctx, "INSERT INTO participants (assessment_id, id, position, name, role) VALUES (?, ?, ?, ?, ?)",
				aid, p.ID, i, p.Name, string(p.Role)); err != nil {
				return err
			}
		case old.at != i || old.p != p:
			if _, err := tx.ExecContext(ctx, "UPDATE participants SET position = ?, name = ?, role = ? WHERE assessment_id = ? AND id = ?",
				i, p.Name, string(p.Role), aid, p.ID); err != nil {
				return err
			}
		}
	}

	oldVotes, newVotes := voteMap(before.Votes), voteMap(after.Votes)
	for _, v := range before.Votes {
		k := voteKey{v.ParticipantID, v.ItemID}
		if _, ok := newVotes[k]; !ok && stays[k.participant] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM votes WHERE assessment_id = ? AND participant_id = ? AND item_id = ?", aid, k.participant, k.item); err != nil {
				return err
			}
		}
	}
	for _, v := range after.Votes {
		if r, ok := oldVotes[voteKey{v.ParticipantID, v.ItemID}]; ok && r == v.Rating {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO votes (assessment_id, participant_id, item_id, rating) VALUES (?, ?, ?, ?)
			ON CONFLICT (assessment_id, participant_id, item_id) DO UPDATE SET rating = excluded.rating`,
			aid, v.ParticipantID, v.ItemID, int(v.Rating)); err != nil {
			return err
		}
	}

	for _, item := range sortedKeys(before.Revealed) {
		if before.Revealed[item] && !after.Revealed[item] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM revealed_items WHERE assessment_id = ? AND item_id = ?", aid, item); err != nil {
				return err
			}
		}
	}
	for _, item := range sortedKeys(after.Revealed) {
		if after.Revealed[item] && !before.Revealed[item] {
			if _, err := tx.ExecContext(ctx, "INSERT INTO revealed_items (assessment_id, item_id) VALUES (?, ?)", aid, item); err != nil {
				return err
			}
		}
	}

	for _, item := range sortedKeys(before.Observed) {
		if _, ok := after.Observed[item]; !ok {
			if _, err := tx.ExecContext(ctx, "DELETE FROM observations WHERE assessment_id = ? AND item_id = ?", aid, item); err != nil {
				return err
			}
		}
	}
	for _, item := range sortedKeys(after.Observed) {
		r := after.Observed[item]
		if old, ok := before.Observed[item]; ok && old == r {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO observations (assessment_id, item_id, rating) VALUES (?, ?, ?)
			ON CONFLICT (assessment_id, item_id) DO UPDATE SET rating = excluded.rating`, aid, item, int(r)); err != nil {
			return err
		}
	}
	return nil
}

// validateParticipant checks what the database needs of a participant; the
// domain's AddParticipant checks the rest (a name, told apart from the
// others). An empty role is allowed: the domain makes it Other.
func validateParticipant(p assessment.Participant, place string) error {
	if err := checkID(p.ID); err != nil {
		return fmt.Errorf("%s.id: %w", place, err)
	}
	if p.Role != "" && !slices.Contains(assessment.ParticipantRoles, p.Role) {
		return fmt.Errorf("%s.role: unknown role %q (one of %s)", place, p.Role, joinQuoted(assessment.ParticipantRoles))
	}
	if err := checkText(p.Name, place+".name", nameOnlyRule); err != nil {
		return err
	}
	return nil
}

// validateRating checks a vote or observation's rating: a level from 1,
// not applicable or don't know, as the votes table allows.
func validateRating(r assessment.Rating, place string) error {
	if r == assessment.Unanswered || r < assessment.DontKnow || r > 100 {
		return fmt.Errorf("%s: %d is not a rating (a level from 1, -1 not applicable, -2 don't know)", place, r)
	}
	return nil
}

// stampAssessment marks an assessment changed, so a bundle carrying it
// merges as the newer copy. Votes and observations do not move the score
// (the consensus is the item's answer, saved with SetAnswer), so the stored
// summary is left as it is.
func (s *Store) stampAssessment(ctx context.Context, tx *sql.Tx, id string) error {
	_, err := tx.ExecContext(ctx, "UPDATE assessments SET updated_at = ? WHERE id = ?", s.stamp(), id)
	return err
}

// changeWorkshop applies change to the assessment's workshop in one write
// transaction: ErrFinal when the assessment is finished, ErrNoWorkshop when
// it is not a workshop, and nothing written when change refuses.
func (s *Store) changeWorkshop(ctx context.Context, what, assessmentID string, change func(w *assessment.Workshop) error) error {
	return s.write(ctx, what, func(tx *sql.Tx) error {
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		before, err := loadWorkshop(ctx, tx, assessmentID)
		if err != nil {
			return err
		}
		if before == nil {
			return fmt.Errorf("assessment %s: %w", assessmentID, ErrNoWorkshop)
		}
		after := cloneWorkshop(before)
		if err := change(after); err != nil {
			return err
		}
		if err := saveWorkshop(ctx, tx, assessmentID, before, after); err != nil {
			return err
		}
		return s.stampAssessment(ctx, tx, assessmentID)
	})
}

// knownItem refuses an item the checklists do not have, when the store
// knows the checklists.
func (s *Store) knownItem(itemID string) error {
	if err := checkID(itemID); err != nil {
		return fmt.Errorf("item: %w", err)
	}
	if d := s.opts.Definitions; d != nil {
		if it, _ := d.Item(itemID); it == nil {
			return fmt.Errorf("item %q is not in checklist version %s", itemID, d.Version)
		}
	}
	return nil
}

// StartWorkshop makes a draft assessment a workshop, with nobody in the
// room yet. An anonymous workshop shows roles, never names, in reports and
// exports. Starting one on an assessment that already is one is refused.
func (s *Store) StartWorkshop(ctx context.Context, assessmentID string, anonymous bool) error {
	return s.write(ctx, "start workshop", func(tx *sql.Tx) error {
		if err := editable(ctx, tx, assessmentID); err != nil {
			return err
		}
		w, err := loadWorkshop(ctx, tx, assessmentID)
		if err != nil {
			return err
		}
		if w != nil {
			return fmt.Errorf("assessment %s is already a workshop", assessmentID)
		}
		if err := saveWorkshop(ctx, tx, assessmentID, nil, &assessment.Workshop{Anonymous: anonymous}); err != nil {
			return err
		}
		return s.stampAssessment(ctx, tx, assessmentID)
	})
}

// SetWorkshopAnonymous turns anonymity on or off. The names stay in the
// database either way; anonymity decides what reports and exports show.
func (s *Store) SetWorkshopAnonymous(ctx context.Context, assessmentID string, anonymous bool) error {
	return s.changeWorkshop(ctx, "set workshop anonymity", assessmentID, func(w *assessment.Workshop) error {
		w.Anonymous = anonymous
		return nil
	})
}

// AddParticipant adds someone to the workshop's room, last in the voting
// order. It fills p.ID with a new id when empty, and on success p holds
// what was saved (the name trimmed, an empty role made Other).
func (s *Store) AddParticipant(ctx context.Context, assessmentID string, p *assessment.Participant) error {
	c := *p
	if c.ID == "" {
		c.ID = NewID()
	}
	if err := validateParticipant(c, "participant"); err != nil {
		return fmt.Errorf("add participant: %w", err)
	}
	err := s.changeWorkshop(ctx, "add participant", assessmentID, func(w *assessment.Workshop) error {
		if err := w.AddParticipant(c); err != nil {
			return err
		}
		c = w.Participants[len(w.Participants)-1]
		return nil
	})
	if err == nil {
		*p = c
	}
	return err
}

// RemoveParticipant takes someone out of the workshop with all their votes.
// ErrNotFound when they are not in it.
func (s *Store) RemoveParticipant(ctx context.Context, assessmentID, participantID string) error {
	return s.changeWorkshop(ctx, "remove participant", assessmentID, func(w *assessment.Workshop) error {
		if w.Participant(participantID) == nil {
			return fmt.Errorf("participant %q: %w", participantID, ErrNotFound)
		}
		return w.RemoveParticipant(participantID)
	})
}

// CastVote records a participant's vote on an item, replacing their earlier
// one. A revealed item takes no votes until it is reset. With the store's
// Definitions the vote must be on the item's scale.
func (s *Store) CastVote(ctx context.Context, assessmentID string, v assessment.Vote) error {
	if err := checkID(v.ItemID); err != nil {
		return fmt.Errorf("cast vote: item: %w", err)
	}
	return s.changeWorkshop(ctx, "cast vote", assessmentID, func(w *assessment.Workshop) error {
		if err := w.Cast(v.ParticipantID, v.ItemID, v.Rating); err != nil {
			return err
		}
		if d := s.opts.Definitions; d != nil {
			return assessment.CheckRating(d, v.ItemID, v.Rating)
		}
		return validateRating(v.Rating, "rating")
	})
}

// RevealItem shows the votes on an item to the room; from then on the
// loaded Workshop's Spread gives them.
func (s *Store) RevealItem(ctx context.Context, assessmentID, itemID string) error {
	if err := s.knownItem(itemID); err != nil {
		return fmt.Errorf("reveal item: %w", err)
	}
	return s.changeWorkshop(ctx, "reveal item", assessmentID, func(w *assessment.Workshop) error {
		w.Reveal(itemID)
		return nil
	})
}

// ResetItem hides an item again and clears its votes, for a fresh round.
func (s *Store) ResetItem(ctx context.Context, assessmentID, itemID string) error {
	if err := s.knownItem(itemID); err != nil {
		return fmt.Errorf("reset item: %w", err)
	}
	return s.changeWorkshop(ctx, "reset item", assessmentID, func(w *assessment.Workshop) error {
		w.Reset(itemID)
		return nil
	})
}

// SetObservation records what the coach observed of an item themselves,
// apart from the room's consensus; Unanswered deletes the observation.
func (s *Store) SetObservation(ctx context.Context, assessmentID, itemID string, r assessment.Rating) error {
	if err := checkID(itemID); err != nil {
		return fmt.Errorf("save observation: item: %w", err)
	}
	return s.changeWorkshop(ctx, "save observation", assessmentID, func(w *assessment.Workshop) error {
		if err := w.Observe(itemID, r); err != nil || r == assessment.Unanswered {
			return err
		}
		if d := s.opts.Definitions; d != nil {
			return assessment.CheckRating(d, itemID, r)
		}
		return validateRating(r, "rating")
	})
}
