package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DamagedError says the database file cannot be used: it is damaged, or it is
// not a SQLite database at all. The file has not been changed. Backup is the
// newest backup beside it, empty when there is none; BackupMade and
// BackupTrains, BackupAssessments say how old it is and what it holds, so
// the coach knows what restoring it gives back (the counts are -1 when the
// backup itself cannot be read). Known says what the damaged file held when
// a Trainscope last closed it, zero when that is not known.
type DamagedError struct {
	Path              string
	Backup            string
	BackupMade        time.Time
	BackupTrains      int
	BackupAssessments int
	Known             KnownCounts
	Err               error // what SQLite or the check reported
}

// KnownCounts is what a database held when a Trainscope last closed it,
// kept beside its backups so a damaged file can be compared with the
// backup offered in its place.
type KnownCounts struct {
	At          time.Time `json:"at"`
	Trains      int       `json:"trains"`
	Assessments int       `json:"assessments"`
}

// knownCountsFile is where KnownCounts of the database at path are kept.
func knownCountsFile(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return filepath.Join(BackupDir(path), base+".last-known.json")
}

// recordCounts keeps what the database holds now, for a DamagedError one
// day. Best effort: a folder that cannot be written loses only this note.
func (s *Store) recordCounts() {
	s.checkMu.Lock()
	damaged := s.damage != nil
	s.checkMu.Unlock()
	if damaged {
		return // the counts of a damaged file would replace those it held when sound
	}
	var k KnownCounts
	if s.db.QueryRow("SELECT (SELECT count(*) FROM trains), (SELECT count(*) FROM assessments)").Scan(&k.Trains, &k.Assessments) != nil || k.Trains == 0 {
		return
	}
	k.At = s.now().UTC()
	b, err := json.Marshal(k)
	if err != nil || os.MkdirAll(BackupDir(s.path), 0o700) != nil {
		return
	}
	tmp, err := os.CreateTemp(BackupDir(s.path), ".partial-*.json") // 0600
	if err != nil {
		return
	}
	defer os.Remove(tmp.Name())
	_, werr := tmp.Write(b)
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		return
	}
	os.Rename(tmp.Name(), knownCountsFile(s.path))
}

func readKnownCounts(path string) KnownCounts {
	var k KnownCounts
	if b, err := os.ReadFile(knownCountsFile(path)); err == nil {
		if json.Unmarshal(b, &k) != nil {
			return KnownCounts{}
		}
	}
	return k
}

// damagedError describes the damage at path and its newest backup.
func damagedError(path string, err error) *DamagedError {
	e := &DamagedError{Path: path, Backup: LatestBackup(path), Err: err, BackupTrains: -1, BackupAssessments: -1, Known: readKnownCounts(path)}
	if e.Backup == "" {
		return e
	}
	e.BackupMade = backupTime(path, e.Backup)
	db, oerr := sql.Open("sqlite3", probeDSN(e.Backup))
	if oerr != nil {
		return e
	}
	defer db.Close()
	var trains, assessments int
	if db.QueryRow("SELECT (SELECT count(*) FROM trains), (SELECT count(*) FROM assessments)").Scan(&trains, &assessments) == nil {
		e.BackupTrains, e.BackupAssessments = trains, assessments
	}
	return e
}

func (e *DamagedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the database %s is damaged or is not a Trainscope database (%v). Trainscope has not changed it. ", e.Path, e.Err)
	if e.Backup == "" {
		b.WriteString("There is no backup of it yet.")
		return b.String()
	}
	fmt.Fprintf(&b, "The newest backup is %s", e.Backup)
	if !e.BackupMade.IsZero() {
		fmt.Fprintf(&b, ", made %s UTC (%s)", e.BackupMade.UTC().Format("2006-01-02 15:04"), age(clock().Sub(e.BackupMade)))
	}
	if e.BackupTrains >= 0 {
		fmt.Fprintf(&b, ", holding %s and %s", count(e.BackupTrains, "train"), count(e.BackupAssessments, "assessment"))
	}
	if !e.Known.At.IsZero() {
		fmt.Fprintf(&b, " (the damaged file held %s and %s when Trainscope last closed it, %s UTC)",
			count(e.Known.Trains, "train"), count(e.Known.Assessments, "assessment"), e.Known.At.Format("2006-01-02 15:04"))
	}
	b.WriteString("; work done since then is not in it. Close Trainscope, move the damaged file aside and copy the backup in its place.")
	return b.String()
}

func count(n int, noun string) string { return fmt.Sprintf("%d %s", n, plural(n, noun)) }

// age says how long ago, in the unit a person would use.
func age(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return count(int(d/time.Minute), "minute") + " ago"
	case d < 48*time.Hour:
		return count(int(d/time.Hour), "hour") + " ago"
	}
	return count(int(d/(24*time.Hour)), "day") + " ago"
}

func (e *DamagedError) Unwrap() error { return e.Err }

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader refuses a file that exists, is not empty and is not SQLite
// before SQLite ever opens it, so nothing can be written into it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil // an empty file is an empty database
	}
	if err != nil && err != io.ErrUnexpectedEOF {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	if !bytes.Equal(head[:n], sqliteMagic) {
		return damagedError(path, errors.New("the file does not start like a SQLite database"))
	}
	return nil
}

// Backups live in backups/ beside the database, named after it with the time
// they were made, so sorting the names sorts them by age.
const (
	backupDir      = "backups"
	backupsKept    = 10
	backupInterval = 24 * time.Hour
	backupStamp    = "20060102-150405"
)

// BackupDir is the folder holding the backups of the database at path.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), backupDir) }

// Backups lists the backups of the database at path, newest first.
func Backups(path string) []string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	matches, _ := filepath.Glob(filepath.Join(BackupDir(path), base+"-*.db"))
	var out []string
	for _, m := range matches {
		if backupTime(path, m).IsZero() {
			continue // another file whose name merely starts the same way
		}
		out = append(out, m)
	}
	// Newest first by the time in the name; within one second (a backup
	// before a migration right after the daily one) by the file's own time.
	mtime := func(name string) time.Time {
		fi, err := os.Stat(name)
		if err != nil {
			return time.Time{}
		}
		return fi.ModTime()
	}
	sort.SliceStable(out, func(i, j int) bool {
		ti, tj := backupTime(path, out[i]), backupTime(path, out[j])
		if !ti.Equal(tj) {
			return ti.After(tj)
		}
		return mtime(out[i]).After(mtime(out[j]))
	})
	return out
}

// LatestBackup is the newest backup of the database at path, or "".
func LatestBackup(path string) string {
	if b := Backups(path); len(b) > 0 {
		return b[0]
	}
	return ""
}

// backupTime reads the time out of a backup's name; zero if it has none.
func backupTime(dbPath, backup string) time.Time {
	base := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	name := strings.TrimSuffix(filepath.Base(backup), ".db")
	rest, ok := strings.CutPrefix(name, base+"-")
	if !ok || len(rest) < len(backupStamp) {
		return time.Time{}
	}
	t, err := time.Parse(backupStamp, rest[:len(backupStamp)])
	if err != nil {
		return time.Time{}
	}
	return t
}

// Backup writes a consistent copy of the database into backups/ now and
// keeps the newest ten. reason, when not empty, is added to the name (for
// example "before-v2"). It returns the backup's path.
func (s *Store) Backup(ctx context.Context, reason string) (string, error) {
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	now := s.now()
	name := base + "-" + now.UTC().Format(backupStamp)
	if reason != "" {
		name += "-" + reason
	}
	final := filepath.Join(dir, name+".db")
	// A copy of a damaged file must never push a good backup out of the
	// ten kept, so the file is checked in full first (once per Store).
	if err := s.ensureChecked(ctx); err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	// VACUUM INTO writes into an empty file we create first, so the backup
	// gets mode 0600; it is renamed into place only when complete, so a
	// half-written copy never passes for a backup.
	tmp, err := os.CreateTemp(dir, ".partial-*.db")
	if err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName)
	if err := os.Chmod(tmpName, 0o600); err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", tmpName); err != nil {
		return "", fmt.Errorf("back up %s to %s: %w", s.path, final, busy(err))
	}
	if err := syncFile(tmpName); err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	if err := os.Rename(tmpName, final); err != nil {
		return "", fmt.Errorf("back up %s: %w", s.path, err)
	}
	s.backupMu.Lock()
	if now.After(s.lastBackup) {
		s.lastBackup = now
	}
	s.backupMu.Unlock()
	pruneBackups(s.path)
	return final, nil
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// pruneBackups keeps the newest backupsKept backups. Errors are ignored: an
// extra old backup harms no one.
func pruneBackups(dbPath string) {
	all := Backups(dbPath)
	for _, old := range all[min(len(all), backupsKept):] {
		os.Remove(old)
	}
	removeStalePartials(BackupDir(dbPath))
}

// partialStale is how long a half-written file in the backups folder may
// go unchanged before it counts as left by a Trainscope that was killed or
// lost its power while writing it. A backup being written changes every
// moment: the biggest take seconds.
const partialStale = 10 * time.Minute

// removeStalePartials removes the half-written backups (and backup counts)
// a Trainscope killed while writing them left in dir: a copy of the whole
// database each, which nothing would ever remove, and never a backup. One
// another Trainscope is writing now is left alone.
func removeStalePartials(dir string) {
	partials, _ := filepath.Glob(filepath.Join(dir, ".partial-*"))
	for _, p := range partials {
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > partialStale {
			os.Remove(p)
		}
	}
}

// noteLatestBackup reads when the newest backup beside the database was
// made, so a write a day later starts the next (see backupIfDue).
func (s *Store) noteLatestBackup() {
	latest := time.Time{}
	if b := LatestBackup(s.path); b != "" {
		latest = backupTime(s.path, b)
	}
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	if latest.After(s.lastBackup) {
		s.lastBackup = latest
	}
}

// dailyBackup makes a backup when the newest one is a day old or more, or
// there is none and the database holds anything. The error, if any, says in
// plain words why there is no backup.
func (s *Store) dailyBackup(ctx context.Context) error {
	s.noteLatestBackup()
	s.backupMu.Lock()
	due := s.now().Sub(s.lastBackup) >= backupInterval
	s.backupMu.Unlock()
	if !due {
		return nil
	}
	var trains int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM trains").Scan(&trains); err != nil {
		return fmt.Errorf("back up %s: %w", s.path, busy(err))
	}
	if trains == 0 {
		return nil // nothing of the coach's to keep yet
	}
	if _, err := s.Backup(ctx, ""); err != nil {
		// A backup is there to protect the coach's data, never to keep
		// them from it: say what failed and work on.
		msg := backupWarning(BackupDir(s.path), err)
		s.warn(msg)
		return &backupError{msg: msg, err: err}
	}
	return nil
}

// backupError is a daily backup that failed, in the words of Warnings.
type backupError struct {
	msg string
	err error
}

func (e *backupError) Error() string { return e.msg }
func (e *backupError) Unwrap() error { return e.err }

// ensureChecked runs SQLite's quick_check over every page once per Store,
// before its first write or backup. Damage found is kept: every later write
// returns the same *DamagedError, so nothing is written into a damaged
// file. Any other failure (the check was stopped, the disk could not be
// read) is returned and the next write tries again.
func (s *Store) ensureChecked(ctx context.Context) error {
	s.checkMu.Lock()
	defer s.checkMu.Unlock()
	if s.damage != nil {
		return s.damage
	}
	if s.checked {
		return nil
	}
	s.fullChecks++
	err := quickCheck(ctx, s.db)
	switch {
	case err == nil:
		s.checked = true
		return nil
	case errors.As(err, new(*quickCheckError)) || isDamage(err):
		s.damage = damagedError(s.path, plainDamage(err))
		return s.damage
	}
	return fmt.Errorf("check the database %s: %w", s.path, plainSQLite(busy(err)))
}

// Check runs the full check of every page now, unless it already ran on
// this Store, and returns a *DamagedError when it finds damage.
func (s *Store) Check(ctx context.Context) error { return s.ensureChecked(ctx) }

// CheckInBackground runs the full check of every page in the background,
// then the day's backup if one is due, so neither delays the window. report,
// when not nil, is called once from that goroutine with what the coach must
// know: a *DamagedError (every write is refused from then on), a backup that
// failed (also in Warnings) or a check that could not run. A check stopped
// by Close reports nothing. Close waits for a backup under way.
func (s *Store) CheckInBackground(report func(error)) {
	s.backupMu.Lock()
	if s.closed {
		s.backupMu.Unlock()
		return
	}
	s.background.Add(1)
	s.backupMu.Unlock()
	go func() {
		defer s.background.Done()
		err := s.ensureChecked(s.bgCtx)
		if err == nil {
			// Not stopped by Close: a backup begun is finished.
			err = s.dailyBackup(context.WithoutCancel(s.bgCtx))
		}
		if err != nil && s.bgCtx.Err() == nil && report != nil {
			report(err)
		}
	}()
}

// backupIfDue starts the daily backup in the background after a write when
// Trainscope has stayed open for a day since the last one.
func (s *Store) backupIfDue() {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	if s.closed || s.now().Sub(s.lastBackup) < backupInterval {
		return
	}
	// Claim this day's backup now so writes in the meantime start no other.
	s.lastBackup = s.now()
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		// Best effort: the next write after a day tries again; Warnings
		// tells the coach why there was none.
		if _, err := s.Backup(context.Background(), ""); err != nil {
			s.warn(backupWarning(BackupDir(s.path), err))
		}
	}()
}
