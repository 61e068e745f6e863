package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// AddSample adds assessment.SampleHistory's train, with its roster and
// register as the live ones and its finished assessments (the last dated
// on), in one transaction. It returns the train's name and the latest
// assessment's id. Each call adds a new train with fresh ids, so the sample
// can be added again after editing it.
func (s *Store) AddSample(ctx context.Context, on time.Time) (trainName, assessmentID string, err error) {
	return s.AddSampleOf(ctx, assessment.SAFe, on)
}

// AddSampleOf adds the sample of the framework with its history
// (assessment.SampleHistoryFor): the SAFe train, or the Scrum@Scale team of
// teams, the same way as AddSample. Every assessment keeps its own roster
// and register, and its follow-ups of the one before.
func (s *Store) AddSampleOf(ctx context.Context, f assessment.Framework, on time.Time) (trainName, assessmentID string, err error) {
	t, roster, register, history := assessment.SampleHistoryFor(f)(on)
	if len(history) == 0 {
		return "", "", fmt.Errorf("add sample train %q: it has no assessment", t.Name)
	}
	t.ID = NewID()
	if t.CreatedAt.IsZero() {
		t.CreatedAt = s.now()
	}
	if err := validateTrain(t, "sample"); err != nil {
		return "", "", err
	}
	if err := validateRoster(roster, "sample.roster"); err != nil {
		return "", "", err
	}
	if err := validateRegister(register, "sample.register"); err != nil {
		return "", "", err
	}
	contents := make([]*contentSet, len(history))
	for i := range history {
		a := &history[i]
		a.ID, a.TrainID = NewID(), t.ID
		place := fmt.Sprintf("sample.assessments[%d]", i)
		if err := validateRoster(a.Roster, place+".roster"); err != nil {
			return "", "", err
		}
		if err := validateRegister(a.Register, place+".register"); err != nil {
			return "", "", err
		}
		if contents[i], err = assessmentContent(a, place); err != nil {
			return "", "", err
		}
	}
	err = s.write(ctx, fmt.Sprintf("add sample train %q", t.Name), func(tx *sql.Tx) error {
		now := s.stamp()
		if err := insertTrain(ctx, tx, t, now); err != nil {
			return err
		}
		live, err := liveRosterID(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if err := writeRoster(ctx, tx, live, roster); err != nil {
			return err
		}
		if err := writeRegister(ctx, tx, live, register); err != nil {
			return err
		}
		for i := range history {
			a := &history[i]
			if err := insertAssessment(ctx, tx, a, now, now, contents[i], nil); err != nil {
				return err
			}
			if a.Status == assessment.Final {
				if err := writeSnapshot(ctx, tx, t.ID, a.ID, rosterData{Roster: a.Roster, Register: a.Register}); err != nil {
					return err
				}
			}
		}
		return s.refreshSummaries(ctx, tx, "train_id = ?", t.ID)
	})
	if err != nil {
		return "", "", err
	}
	return t.Name, history[len(history)-1].ID, nil
}

// writeSnapshot stores rd as the assessment's own roster and register.
func writeSnapshot(ctx context.Context, tx *sql.Tx, trainID, assessmentID string, rd rosterData) error {
	rid, err := newRoster(ctx, tx, trainID, assessmentID)
	if err != nil {
		return err
	}
	if err := writeRoster(ctx, tx, rid, rd.Roster); err != nil {
		return err
	}
	return writeRegister(ctx, tx, rid, rd.Register)
}
