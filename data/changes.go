package data

import (
	"context"
	"database/sql"
	"maps"
	"slices"

	"github.com/trainscope/trainscope/assessment"
)

// TrainStamps says, for every train by ID, where its own changes stand: a
// value that differs whenever the train, its live roster or register, or
// any of its assessments (answers, review, follow-ups, status, one added
// or deleted) changed since it was last read. A screen that keeps what it
// derived from one train's assessments reads them again only for the
// trains whose stamp moved. One query, over the assessments' index by
// train.
func (s *Store) TrainStamps(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	err := s.read(ctx, "read which trains changed", func(q querier) error {
		clear(out)
		return scanRows(ctx, q, `SELECT t.id, t.updated_at || ' ' || count(a.id) || ' ' || coalesce(max(a.updated_at), '')
			FROM trains t LEFT JOIN assessments a ON a.train_id = t.id GROUP BY t.id`, nil,
			func(rows *sql.Rows) error {
				var id, stamp string
				if err := rows.Scan(&id, &stamp); err != nil {
					return err
				}
				out[id] = stamp
				return nil
			})
	})
	return out, err
}

// FollowedUpOf is FollowedUp for the trains given only, in batches of
// SQLite's limit on values in one statement.
func (s *Store) FollowedUpOf(ctx context.Context, trainIDs []string) (map[string][]*assessment.Assessment, error) {
	out := map[string][]*assessment.Assessment{}
	for batch := range slices.Chunk(trainIDs, maxInList/2) { // each ID goes in twice
		in, args := inList(batch)
		some, err := s.followedUpIn(ctx, "(SELECT id FROM trains WHERE id IN "+in+")", args...)
		if err != nil {
			return nil, err
		}
		maps.Copy(out, some)
	}
	return out, nil
}
