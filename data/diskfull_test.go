package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDiskFull runs on a real full disk: give it the folder of a small
// file system of its own, which it fills. As root on Linux:
//
//	mkdir -p /tmp/full && mount -t tmpfs -o size=2m tmpfs /tmp/full
//	TRAINSCOPE_FULL_DISK=/tmp/full go test -tags migrated_fynedo -run TestDiskFull -v ./data/
//	umount /tmp/full
//
// The backups folder on the full disk: Open succeeds, with a warning that
// names the folder and says to free space. The database on the full disk:
// a write that does not fit is refused in plain words, and what was saved
// before is all there.
func TestDiskFull(t *testing.T) {
	full := os.Getenv("TRAINSCOPE_FULL_DISK")
	if full == "" {
		t.Skip("set TRAINSCOPE_FULL_DISK to the folder of a small file system (see the comment)")
	}
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	clk := withClock(t, now)

	t.Run("backups folder on a full disk", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "trainscope.db")
		s, err := Open(path, Options{})
		must(t, err)
		tr := addTrain(t, s, "Payments")
		r := testRoster()
		for i := range 2000 {
			r.People = append(r.People, assessmentPerson(i))
		}
		must(t, s.SaveRoster(ctx, tr.ID, r))
		must(t, s.Close())
		backups := filepath.Join(full, fmt.Sprintf("backups-%d", time.Now().UnixNano()))
		must(t, os.Mkdir(backups, 0o700))
		t.Cleanup(func() { os.RemoveAll(backups) })
		fill(t, backups)
		must(t, os.RemoveAll(BackupDir(path)))
		must(t, os.Symlink(backups, BackupDir(path)))

		now = clk.Add(25 * time.Hour)
		s, err = Open(path, Options{})
		if err != nil {
			t.Fatalf("Open with the backups folder's disk full: %v", err)
		}
		defer s.Close()
		w := s.Warnings()
		t.Logf("warning: %s", strings.Join(w, "\n"))
		if len(w) != 1 || !strings.Contains(w[0], "is full") || !strings.Contains(w[0], BackupDir(path)) {
			t.Fatalf("Warnings: %q", w)
		}
		if left, _ := filepath.Glob(filepath.Join(backups, ".partial-*")); len(left) != 0 {
			t.Errorf("a half-written backup was left: %v", left)
		}
	})

	t.Run("database on a full disk", func(t *testing.T) {
		dir := filepath.Join(full, fmt.Sprintf("db-%d", time.Now().UnixNano()))
		must(t, os.Mkdir(dir, 0o700))
		t.Cleanup(func() { os.RemoveAll(dir) })
		path := filepath.Join(dir, "trainscope.db")
		s, err := Open(path, Options{})
		must(t, err)
		defer s.Close()
		tr := addTrain(t, s, "Payments")
		fill(t, dir)
		r := testRoster()
		for i := range 5000 {
			r.People = append(r.People, assessmentPerson(i))
		}
		err = s.SaveRoster(ctx, tr.ID, r)
		t.Logf("error: %v", err)
		if err == nil || !strings.Contains(err.Error(), "is full; free some space on it and try again") {
			t.Fatalf("SaveRoster on a full disk: %v", err)
		}
		got, err := s.Train(ctx, tr.ID)
		if err != nil || got.Name != "Payments" {
			t.Fatalf("the train saved before: %v %v", got, err)
		}
		if roster, err := s.Roster(ctx, tr.ID); err != nil || len(roster.People) != 0 {
			t.Fatalf("the refused roster is half there: %d people, %v", len(roster.People), err)
		}
	})
}

// fill writes into dir until its disk is full.
func fill(t *testing.T, dir string) {
	t.Helper()
	f, err := os.CreateTemp(dir, "filler-*")
	must(t, err)
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			return
		}
	}
}
