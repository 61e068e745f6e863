package data

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// Fixtures: testdata/schema-vN.db is a database as schema version N wrote
// it, and testdata/schema-vN.json the bundle it must export once migrated
// to the newest version. Before adding migration N+1, save a fixture of
// version N with the code as it is:
//
//	TRAINSCOPE_WRITE_FIXTURE=1 go test -tags migrated_fynedo -run TestWriteSchemaFixture ./data/
//
// schema-v0.db is the empty file a brand-new database starts as.
var fixtureName = regexp.MustCompile(`^schema-v(\d+)\.db$`)

func TestMigrationsNumbered(t *testing.T) {
	all, err := migrations()
	must(t, err)
	if len(all) == 0 || SchemaVersion() != len(all) {
		t.Fatalf("%d migrations, SchemaVersion %d", len(all), SchemaVersion())
	}
}

func TestMigrateEveryEarlierVersion(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	must(t, err)
	seen := map[int]bool{}
	for _, e := range entries {
		m := fixtureName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		v, _ := strconv.Atoi(m[1])
		seen[v] = true
		t.Run(e.Name(), func(t *testing.T) { migrateFixture(t, v, filepath.Join("testdata", e.Name())) })
	}
	// Every version before the newest has its fixture.
	for v := 0; v < SchemaVersion(); v++ {
		if !seen[v] {
			t.Errorf("no fixture testdata/schema-v%d.db; see the comment on fixtureName", v)
		}
	}
}

func migrateFixture(t *testing.T, version int, fixture string) {
	ctx := context.Background()
	src, err := os.ReadFile(fixture)
	must(t, err)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	must(t, os.WriteFile(path, src, 0o600))

	before := map[string]int{}
	if len(src) > 0 {
		raw, err := sql.Open("sqlite3", path)
		must(t, err)
		var v int
		must(t, raw.QueryRow("PRAGMA user_version").Scan(&v))
		if v != version {
			t.Fatalf("fixture says schema version %d, its name %d", v, version)
		}
		before = rowCounts(t, raw)
		raw.Close()
	}

	s, err := Open(path, Options{Summarize: countingSummary})
	must(t, err)
	defer s.Close()
	var v int
	must(t, s.db.QueryRow("PRAGMA user_version").Scan(&v))
	if v != SchemaVersion() {
		t.Fatalf("schema version %d after open, want %d", v, SchemaVersion())
	}
	var check string
	must(t, s.db.QueryRow("PRAGMA integrity_check").Scan(&check))
	if check != "ok" {
		t.Fatalf("integrity_check: %s", check)
	}
	if rows, err := s.db.Query("PRAGMA foreign_key_check"); err != nil {
		t.Fatal(err)
	} else {
		if rows.Next() {
			t.Error("foreign_key_check finds dangling references after migrating")
		}
		rows.Close()
	}
	// No table lost rows.
	after := rowCounts(t, s.db)
	for table, n := range before {
		if after[table] < n {
			t.Errorf("table %s: %d rows before migrating, %d after", table, n, after[table])
		}
	}
	// The coach sees the same trains and assessments as before.
	want, err := os.ReadFile(strings.TrimSuffix(fixture, ".db") + ".json")
	if err != nil && version == 0 {
		want = []byte("{\n  \"format\": \"trainscope-bundle\",\n  \"version\": 1,\n  \"trains\": []\n}\n")
	} else {
		must(t, err)
	}
	b, err := s.Export(ctx, nil)
	must(t, err)
	var got bytes.Buffer
	_, err = b.WriteTo(&got)
	must(t, err)
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("after migrating, the export differs from %s.json:\n%s", strings.TrimSuffix(fixture, ".db"), got.String())
	}
	// A database that held a schema was backed up before its migration.
	if version > 0 && version < SchemaVersion() {
		if b := LatestBackup(path); !strings.Contains(b, fmt.Sprintf("before-v%d", SchemaVersion())) {
			t.Errorf("no backup before migrating, latest is %q", b)
		}
	}
}

func rowCounts(t *testing.T, db *sql.DB) map[string]int {
	t.Helper()
	rows, err := db.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
	must(t, err)
	var tables []string
	for rows.Next() {
		var n string
		must(t, rows.Scan(&n))
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]int{}
	for _, tb := range tables {
		var n int
		must(t, db.QueryRow(`SELECT count(*) FROM "`+tb+`"`).Scan(&n))
		out[tb] = n
	}
	return out
}

// TestWriteSchemaFixture saves the newest schema's fixture: the sample
// train plus a draft held as a workshop, and the bundle it exports.
func TestWriteSchemaFixture(t *testing.T) {
	if os.Getenv("TRAINSCOPE_WRITE_FIXTURE") == "" {
		t.Skip("set TRAINSCOPE_WRITE_FIXTURE=1 to write testdata/schema-vN.db for the newest N")
	}
	now := time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)
	withClock(t, now)
	s := sampleStore(t)
	fixtureWorkshop(t, s)
	base := filepath.Join("testdata", fmt.Sprintf("schema-v%d", SchemaVersion()))
	os.Remove(base + ".db")
	_, err := s.db.Exec("VACUUM INTO ?", base+".db")
	must(t, err)
	must(t, os.WriteFile(base+".json", exportBytes(t, s), 0o644))
	must(t, os.WriteFile("testdata/schema-v0.db", nil, 0o644))
}

// An upgrade backs the database up first, and a migration that fails
// leaves the database at the version it had.
func TestMigrationUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	tr := addTrain(t, s, "Payments")
	must(t, s.Close())

	// The real migrations, then a next one the test writes.
	current := fstest.MapFS{}
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	must(t, err)
	for _, e := range entries {
		body, err := fs.ReadFile(migrationFiles, "migrations/"+e.Name())
		must(t, err)
		current["migrations/"+e.Name()] = &fstest.MapFile{Data: body}
	}
	have, next := SchemaVersion(), SchemaVersion()+1
	withMigrations := func(extra string) {
		m := maps.Clone(current)
		m[fmt.Sprintf("migrations/%04d_test.sql", next)] = &fstest.MapFile{Data: []byte(extra)}
		migrationFS = m
	}
	t.Cleanup(func() { migrationFS = migrationFiles })

	// A failing migration: the first statement would succeed alone.
	withMigrations("ALTER TABLE trains ADD COLUMN colour TEXT NOT NULL DEFAULT '';\nTHIS IS NOT SQL;")
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("update its schema to version %d", next)) {
		t.Fatalf("Open with a broken migration: %v", err)
	}
	raw, err := sql.Open("sqlite3", path)
	must(t, err)
	var v, cols int
	must(t, raw.QueryRow("PRAGMA user_version").Scan(&v))
	must(t, raw.QueryRow("SELECT count(*) FROM pragma_table_info('trains') WHERE name = 'colour'").Scan(&cols))
	raw.Close()
	if v != have || cols != 0 {
		t.Fatalf("after a failed migration: version %d, colour column %d", v, cols)
	}

	withMigrations("ALTER TABLE trains ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue';")
	s, err = Open(path, Options{})
	must(t, err)
	defer s.Close()
	must(t, s.db.QueryRow("PRAGMA user_version").Scan(&v))
	if v != next {
		t.Fatalf("version %d after upgrade", v)
	}
	if _, err := s.Train(ctx, tr.ID); err != nil {
		t.Fatalf("train lost in the upgrade: %v", err)
	}
	backup := LatestBackup(path)
	if !strings.HasSuffix(backup, fmt.Sprintf("-before-v%d.db", next)) {
		t.Fatalf("latest backup %q, want one made before v%d", backup, next)
	}
	b, err := sql.Open("sqlite3", backup)
	must(t, err)
	defer b.Close()
	must(t, b.QueryRow("PRAGMA user_version").Scan(&v))
	if v != have {
		t.Fatalf("the backup before v%d has version %d", next, v)
	}
}

// fixtureWorkshop makes the sample store's draft a workshop (schema version
// 2): three participants, votes on two items, one revealed with its
// consensus, and an observation.
func fixtureWorkshop(t *testing.T, s *Store) {
	ctx := context.Background()
	recent, err := s.RecentAssessments(ctx, 1)
	must(t, err)
	draft := recent[0].ID
	must(t, s.StartWorkshop(ctx, draft, false))
	var ids []string
	for _, p := range []assessment.Participant{
		{ID: "fixture-p-ana", Name: "Ana Fixture", Role: assessment.RoleScrumMasterP},
		{ID: "fixture-p-bo", Name: "Bo Fixture", Role: assessment.RoleProductOwnerP},
		{ID: "fixture-p-cy", Name: "Cy Fixture", Role: assessment.RoleFacilitatorP},
	} {
		must(t, s.AddParticipant(ctx, draft, &p))
		ids = append(ids, p.ID)
	}
	for i, r := range []assessment.Rating{2, 4, assessment.DontKnow} {
		must(t, s.CastVote(ctx, draft, assessment.Vote{ParticipantID: ids[i], ItemID: "fit.shared-product.v1", Rating: r}))
		must(t, s.CastVote(ctx, draft, assessment.Vote{ParticipantID: ids[i], ItemID: "fit.cross-team-impediments.v1", Rating: 3}))
	}
	must(t, s.RevealItem(ctx, draft, "fit.shared-product.v1"))
	must(t, s.SetAnswer(ctx, draft, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: 3, Note: "consensus after discussion"}))
	must(t, s.SetObservation(ctx, draft, "fit.shared-product.v1", 2))
}
