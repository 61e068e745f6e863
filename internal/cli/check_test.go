package cli

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"github.com/trainscope/trainscope/data"
)

// damageIndex zeroes the cells of an index of the sample database, as a
// failing disk might: the header and the schema read as before, the
// tables too, but SQLite's check of every page finds the damage.
func damageIndex(t *testing.T, path string) []byte {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.ToSlash(path)+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	var root int
	err = db.QueryRow("SELECT rootpage FROM sqlite_schema WHERE name = 'team_members_by_person'").Scan(&root)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := int(binary.BigEndian.Uint16(content[16:18]))
	for i := (root-1)*page + 100; i < root*page; i++ {
		content[i] = 0
	}
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return content
}

// A command that only reads does not check every page unless asked with
// TRAINSCOPE_CHECK; a command that writes checks before its first write;
// the window's background check shows what it finds. None changes the file.
func TestFullCheckOnlyWhereItIsNeeded(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	db, id := sampleDB(t, env, dir)
	damaged := damageIndex(t, db)
	unchanged := func(how string) {
		t.Helper()
		if after, _ := os.ReadFile(db); !bytes.Equal(after, damaged) {
			t.Fatalf("%s changed the damaged database", how)
		}
	}

	pdf := filepath.Join(dir, "r.pdf")
	if r := trainscope(t, env, "report", "-db", db, "-assessment", id, "-o", pdf); r.code != 0 {
		t.Fatalf("report without a check: exit %d, %s", r.code, r.stderr)
	}
	unchanged("report")

	checked := map[string]string{"HOME": env["HOME"], CheckEnv: "1"}
	r := trainscope(t, checked, "report", "-db", db, "-assessment", id, "-o", pdf)
	if r.code != 1 || !strings.Contains(r.stderr, "damaged") {
		t.Fatalf("report with %s=1 on a damaged database: exit %d, %q", CheckEnv, r.code, r.stderr)
	}
	unchanged("report with the check")

	r = trainscope(t, env, "sample", "-db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, "not saved") {
		t.Fatalf("a write on a damaged database: exit %d, %q", r.code, r.stderr)
	}
	unchanged("sample")

	// The version the sample was made with: another would recompute the
	// stored summaries, a write, refused at open on a damaged file.
	s := &session{Program: Program{Getenv: func(k string) string { return env[k] }, Version: "1.2.3-test"}}
	store, err := s.openStoreAt(db)
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	shown := make(chan error, 1)
	checkInBackground(store, &stderr, func(err error) { shown <- err })
	err = <-shown
	store.Close()
	var de *data.DamagedError
	if !errors.As(err, &de) || !strings.Contains(stderr.String(), "damaged") {
		t.Fatalf("the window's check showed %v and printed %q", err, stderr.String())
	}
	unchanged("the background check")
}
