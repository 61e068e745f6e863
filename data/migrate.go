package data

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// The schema is the numbered SQL files in migrations/, applied in order.
// PRAGMA user_version records the number of the last one applied; each file
// runs in one transaction together with that pragma, so a crash leaves the
// database at one version or the next, never between.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationFS is the folder the migrations are read from; a test adds a
// later version to it to see an upgrade happen.
var migrationFS fs.FS = migrationFiles

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded files by number. Numbers must run 1, 2, 3…
// without a gap, which TestMigrationsNumbered checks.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		if !ok || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s: name must be NNNN_what.sql", e.Name())
		}
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number: %w", e.Name(), err)
		}
		body, err := fs.ReadFile(migrationFS, path.Join("migrations", e.Name()))
		if err != nil {
			return nil, err
		}
		if v != len(out)+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", e.Name(), len(out)+1)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body)})
	}
	return out, nil
}

// SchemaVersion is the schema version this Trainscope writes.
func SchemaVersion() int {
	m, err := migrations()
	if err != nil {
		return 0
	}
	return len(m)
}

// migrate brings the database to the newest schema, backing it up first
// when it already holds a schema (a brand-new file has nothing to lose).
func (s *Store) migrate() error {
	ctx := context.Background()
	all, err := migrations()
	if err != nil {
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	var current int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("open database %s: read its schema version: %w", s.path, busy(err))
	}
	if current < 0 {
		// No Trainscope ever wrote one; all[current:] would panic.
		return damagedError(s.path, fmt.Errorf("its schema version is %d, which no Trainscope writes", current))
	}
	if current > len(all) {
		return fmt.Errorf("the database %s was written by a newer Trainscope (schema version %d; this one knows up to %d): update Trainscope to open it; the file has not been changed", s.path, current, len(all))
	}
	if current == len(all) {
		return s.stampApplicationID(ctx)
	}
	if current > 0 {
		if _, err := s.Backup(ctx, fmt.Sprintf("before-v%d", len(all))); err != nil {
			return fmt.Errorf("open database %s: back up before updating its schema: %w", s.path, err)
		}
	}
	for _, m := range all[current:] {
		if err := s.applyMigration(ctx, m); err != nil {
			return fmt.Errorf("open database %s: update its schema to version %d (%s): %w", s.path, m.version, m.name, busy(err))
		}
	}
	return s.stampApplicationID(ctx)
}

// stampApplicationID writes ApplicationID into the header of a database
// made before Trainscope stamped one (a new database gets it with its first
// migration), so the next open recognises it at once.
func (s *Store) stampApplicationID(ctx context.Context) error {
	var id int32
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return fmt.Errorf("open database %s: %w", s.path, busy(err))
	}
	if id == ApplicationID {
		return nil
	}
	err := s.commit(ctx, "open database "+s.path+": mark it as Trainscope's", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID))
		return err
	})
	return err
}

// applyMigration runs one migration and records its number in one
// transaction. Foreign keys stay on; a later migration that rebuilds a table
// must check them with PRAGMA foreign_key_check before it commits.
func (s *Store) applyMigration(ctx context.Context, m migration) error {
	if err := s.ensureChecked(ctx); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// A second Trainscope may have migrated while we waited for the write
	// lock; the version read inside the transaction decides.
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	// A pragma takes no parameters; the version is our own integer.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return err
	}
	return tx.Commit()
}
