package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// TrainSummary is one line of the home screen: a train with its latest
// assessment.
type TrainSummary struct {
	Train       assessment.Train
	Assessments int                // how many assessments the train has
	Latest      *AssessmentSummary // the newest by date, draft or final; nil when there is none
}

// validateTrain checks a train's own fields.
func validateTrain(t assessment.Train, place string) error {
	if err := checkID(t.ID); err != nil {
		return fmt.Errorf("%s.id: %w", place, err)
	}
	if strings.TrimSpace(t.Name) == "" {
		return fmt.Errorf("%s.name: a train needs a name", place)
	}
	if err := checkFields(field{place + ".name", t.Name, nameOnlyRule}, field{place + ".description", t.Description, longRule},
		field{place + ".group", t.Group, nameOnlyRule}); err != nil {
		return err
	}
	if t.Framework != "" && !slices.Contains(assessment.Frameworks, t.Framework) {
		return fmt.Errorf("%s.framework: unknown framework %q (one of %s)", place, t.Framework, joinQuoted(assessment.Frameworks))
	}
	return nil
}

// CreateTrain adds a train with an empty roster and register. It fills ID
// (a UUID) and CreatedAt when they are empty.
func (s *Store) CreateTrain(ctx context.Context, t *assessment.Train) error {
	c := *t
	if c.ID == "" {
		c.ID = NewID()
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = s.now()
	}
	if err := validateTrain(c, "train"); err != nil {
		return fmt.Errorf("add train: %w", err)
	}
	err := s.write(ctx, fmt.Sprintf("add train %q", c.Name), func(tx *sql.Tx) error {
		return insertTrain(ctx, tx, c, s.stamp())
	})
	if err == nil {
		*t = c
	}
	return err
}

// insertTrain adds the train row and its empty live roster.
func insertTrain(ctx context.Context, tx *sql.Tx, t assessment.Train, updated string) error {
	if _, err := tx.ExecContext(ctx, "INSERT INTO trains (id, name, framework, description, group_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
		t.ID, t.Name, string(t.Framework), t.Description, strings.TrimSpace(t.Group), formatTime(t.CreatedAt), updated); err != nil {
		return existing(err, "a train with id "+t.ID)
	}
	_, err := newRoster(ctx, tx, t.ID, "")
	return err
}

// UpdateTrain saves a train's name, framework, description and group.
func (s *Store) UpdateTrain(ctx context.Context, t assessment.Train) error {
	if err := validateTrain(t, "train"); err != nil {
		return fmt.Errorf("save train: %w", err)
	}
	return s.write(ctx, fmt.Sprintf("save train %q", t.Name), func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE trains SET name = ?, framework = ?, description = ?, group_name = ?, updated_at = ? WHERE id = ?",
			t.Name, string(t.Framework), t.Description, strings.TrimSpace(t.Group), s.stamp(), t.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("train %q: %w", t.ID, ErrNotFound)
		}
		// The framework names the facilitator role in every verdict.
		return s.refreshSummaries(ctx, tx, "train_id = ?", t.ID)
	})
}

// DeleteTrain removes a train with its roster, register and every
// assessment. The daily backups still hold it.
func (s *Store) DeleteTrain(ctx context.Context, id string) error {
	return s.write(ctx, "delete train", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM trains WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("train %q: %w", id, ErrNotFound)
		}
		return nil
	})
}

// Train reads one train; ErrNotFound when there is none with that id.
func (s *Store) Train(ctx context.Context, id string) (assessment.Train, error) {
	var t assessment.Train
	err := s.read(ctx, "read train", func(q querier) error {
		var err error
		t, err = loadTrain(ctx, q, id)
		return err
	})
	return t, err
}

func loadTrain(ctx context.Context, q querier, id string) (assessment.Train, error) {
	var t assessment.Train
	var created string
	err := q.QueryRowContext(ctx, "SELECT id, name, framework, description, group_name, created_at FROM trains WHERE id = ?", id).
		Scan(&t.ID, &t.Name, &t.Framework, &t.Description, &t.Group, &created)
	if err == sql.ErrNoRows {
		return t, fmt.Errorf("train %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return t, err
	}
	t.CreatedAt, err = parseTime(created)
	return t, err
}

// Trains lists every train in name order, each with its latest assessment's
// summary, in one query.
func (s *Store) Trains(ctx context.Context) ([]TrainSummary, error) {
	allPending, err := s.freshSummaries(ctx)
	if err != nil {
		return nil, err
	}
	var out []TrainSummary
	err = s.read(ctx, "list trains", func(q querier) error {
		rows, err := q.QueryContext(ctx, `
			SELECT t.id, t.name, t.framework, t.description, t.group_name, t.created_at,
				(SELECT count(*) FROM assessments c WHERE c.train_id = t.id), `+summaryColumns("r")+`
			FROM trains t
			LEFT JOIN assessments r ON r.id = (
				SELECT a.id FROM assessments a WHERE a.train_id = t.id
				ORDER BY a.date_key DESC, a.created_at DESC, a.id DESC LIMIT 1)
			ORDER BY t.name COLLATE NOCASE, t.id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var ts TrainSummary
			var created string
			var sc summaryScan
			if err := rows.Scan(append([]any{&ts.Train.ID, &ts.Train.Name, &ts.Train.Framework, &ts.Train.Description, &ts.Train.Group, &created, &ts.Assessments}, sc.dest()...)...); err != nil {
				return err
			}
			if ts.Train.CreatedAt, err = parseTime(created); err != nil {
				return err
			}
			if ts.Latest, err = sc.summary(ts.Train.ID, ts.Train.Name); err != nil {
				return err
			}
			if ts.Latest != nil && allPending {
				ts.Latest.Pending = true
			}
			out = append(out, ts)
		}
		return rows.Err()
	})
	return out, err
}

// Groups lists the groups trains belong to, each once, in name order: the
// suggestions for a train's group.
func (s *Store) Groups(ctx context.Context) ([]string, error) {
	out := []string{}
	err := s.read(ctx, "list groups", func(q querier) error {
		return scanRows(ctx, q, "SELECT DISTINCT group_name FROM trains WHERE group_name <> '' ORDER BY group_name COLLATE NOCASE, group_name", nil,
			func(rows *sql.Rows) error {
				var g string
				err := rows.Scan(&g)
				out = append(out, g)
				return err
			})
	})
	return out, err
}

// Roster is the train's live roster: who holds which role now.
func (s *Store) Roster(ctx context.Context, trainID string) (assessment.Roster, error) {
	rd, err := s.live(ctx, "read roster", trainID)
	if err != nil {
		return assessment.Roster{}, err
	}
	return rd.Roster, nil
}

// Register is the train's live impediment register, in the order entered.
func (s *Store) Register(ctx context.Context, trainID string) ([]assessment.Impediment, error) {
	rd, err := s.live(ctx, "read impediment register", trainID)
	if err != nil {
		return nil, err
	}
	return rd.Register, nil
}

func (s *Store) live(ctx context.Context, what, trainID string) (*rosterData, error) {
	var rd *rosterData
	err := s.read(ctx, what, func(q querier) error {
		id, err := liveRosterID(ctx, q, trainID)
		if err != nil {
			return err
		}
		all, err := loadRosters(ctx, q, []int64{id})
		rd = all[id]
		return err
	})
	return rd, err
}

// SaveRoster replaces the train's live roster. Drafts that follow it get
// their summaries refreshed; finished assessments keep their own copy.
func (s *Store) SaveRoster(ctx context.Context, trainID string, r assessment.Roster) error {
	if err := validateRoster(r, "roster"); err != nil {
		return fmt.Errorf("save roster: %w", err)
	}
	return s.write(ctx, "save roster", func(tx *sql.Tx) error {
		id, err := liveRosterID(ctx, tx, trainID)
		if err != nil {
			return err
		}
		if err := writeRoster(ctx, tx, id, r); err != nil {
			return err
		}
		return s.liveChanged(ctx, tx, trainID)
	})
}

// liveChanged records a change to the train's live roster or register and
// refreshes the drafts that follow it.
func (s *Store) liveChanged(ctx context.Context, tx *sql.Tx, trainID string) error {
	if _, err := tx.ExecContext(ctx, "UPDATE trains SET updated_at = ? WHERE id = ?", s.stamp(), trainID); err != nil {
		return err
	}
	return s.markStale(ctx, tx, "train_id = ? AND NOT EXISTS (SELECT 1 FROM rosters r WHERE r.assessment_id = assessments.id)", trainID)
}

// SaveImpediment adds an impediment to the train's live register, or
// updates it in place when its ID is already there. It fills ID when empty.
func (s *Store) SaveImpediment(ctx context.Context, trainID string, imp *assessment.Impediment) error {
	c := *imp
	if c.ID == "" {
		c.ID = NewID()
	}
	if err := validateImpediment(c, "impediment"); err != nil {
		return fmt.Errorf("save impediment: %w", err)
	}
	err := s.write(ctx, fmt.Sprintf("save impediment %q", c.Title), func(tx *sql.Tx) error {
		id, err := liveRosterID(ctx, tx, trainID)
		if err != nil {
			return err
		}
		if err := writeImpediment(ctx, tx, id, c); err != nil {
			return err
		}
		return s.liveChanged(ctx, tx, trainID)
	})
	if err == nil {
		*imp = c
	}
	return err
}

// DeleteImpediment removes an impediment from the train's live register.
func (s *Store) DeleteImpediment(ctx context.Context, trainID, id string) error {
	return s.write(ctx, "delete impediment", func(tx *sql.Tx) error {
		rid, err := liveRosterID(ctx, tx, trainID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM impediments WHERE roster_id = ? AND id = ?", rid, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("impediment %q: %w", id, ErrNotFound)
		}
		return s.liveChanged(ctx, tx, trainID)
	})
}
