package data

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fuzz targets of the store's doors: FuzzImport (bundles) and
// FuzzImportResponses (response files) beside their tests, and here the
// file Open is given. Plain go test runs their seeds; make fuzz runs each
// for longer (docs/reliability.md has the figures).

// FuzzOpen gives Open SQLite files as any program might leave them: a
// schema version, an application id and some SQL. Open either opens the
// file as Trainscope's (stamped with ApplicationID, at the newest schema)
// or refuses it, and a refusal leaves the file byte for byte as it was,
// with no -wal or -shm beside it.
func FuzzOpen(f *testing.F) {
	f.Add(int32(0), int32(0), "")
	f.Add(int32(-1), int32(0), "CREATE TABLE trains (id TEXT)")
	f.Add(int32(-2147483648), ApplicationID, "")
	f.Add(int32(1), int32(0), "CREATE TABLE trains (id TEXT); CREATE TABLE assessments (id TEXT); CREATE TABLE rosters (id TEXT); CREATE TABLE answers (id TEXT)")
	f.Add(int32(3), int32(0), "CREATE TABLE trains (id INTEGER PRIMARY KEY, departs TEXT)")
	f.Add(int32(0), int32(0), "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')")
	f.Add(int32(99), ApplicationID, "")
	f.Add(int32(2), ApplicationID, "CREATE TABLE trains (id TEXT)")
	f.Add(int32(0), int32(42), "PRAGMA journal_mode=WAL; CREATE TABLE t (x)")
	f.Fuzz(func(t *testing.T, version, appID int32, schema string) {
		// SQL that writes other files or runs code is not a file's state.
		for _, word := range []string{"attach", "vacuum", "load_extension", "file:", "writable_schema"} {
			if strings.Contains(strings.ToLower(schema), word) {
				t.Skip("SQL that reaches beyond the file")
			}
		}
		path := filepath.Join(t.TempDir(), "trainscope.db")
		rawDatabase(t, path, version, appID, schema)
		for _, suffix := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(path + suffix); err == nil {
				t.Skip("the raw database left a WAL behind; not the case under test")
			}
		}
		before := fileState(t, path)
		s, err := Open(path, Options{Summarize: countingSummary})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			if after := fileState(t, path); after != before {
				t.Fatalf("a refused file was changed: %v", err)
			}
			return
		}
		defer s.Close()
		var id int32
		var v int
		must(t, s.db.QueryRow("PRAGMA application_id").Scan(&id))
		must(t, s.db.QueryRow("PRAGMA user_version").Scan(&v))
		if id != ApplicationID || v != SchemaVersion() {
			t.Fatalf("opened with application_id %d, user_version %d", id, v)
		}
		if _, err := s.Trains(context.Background()); err != nil {
			t.Fatalf("opened, but cannot list trains: %v", err)
		}
	})
}

// FuzzOpenFile gives Open any bytes as the database file, starting from
// real databases of every schema version, so mutations reach damaged pages
// and headers. Open never panics, and a refusal changes nothing.
func FuzzOpenFile(f *testing.F) {
	for _, name := range []string{"schema-v1.db", "schema-v2.db"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		must(f, err)
		f.Add(b)
		// The header page alone: a file cut short.
		f.Add(b[:4096])
	}
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte("These are my meeting notes, not a database.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "trainscope.db")
		must(t, os.WriteFile(path, data, 0o600))
		s, err := Open(path, Options{Summarize: countingSummary})
		if err != nil {
			if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
				t.Fatalf("a refused file was changed: %v", err)
			}
			var de *DamagedError
			var fe *ForeignError
			if len(data) > 0 && !errors.As(err, &de) && !errors.As(err, &fe) {
				t.Logf("refused with %T: %v", err, err)
			}
			return
		}
		s.Close()
	})
}
