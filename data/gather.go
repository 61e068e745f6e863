package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Lineage: every train and assessment keeps the content hashes of the
// revisions it was exported or merged as, oldest first. A bundle carries
// them as "history" (the current revision's hash left out: the importer
// computes it), so an import can tell a newer copy of what is here from an
// older one, and both from two coaches' parallel changes.

// hashLen is how many hex digits of SHA-256 a content hash keeps: 128
// bits, plenty to tell revisions apart, and short in a bundle.
const hashLen = 32

func contentHash(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		// The bundle types hold nothing json cannot write.
		panic(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:hashLen]
}

// trainHash is the hash of a train's own data: its fields, live roster and
// register, without its assessments, stamps or history.
func trainHash(bt BundleTrain) string {
	bt.UpdatedAt, bt.History, bt.Assessments = "", nil, nil
	return contentHash(bt)
}

// assessmentHash is the hash of an assessment's content: everything but
// its id, stamps, history and conflict-copy marks, so a conflict copy has
// the hash of the copy it keeps.
func assessmentHash(ba BundleAssessment) string {
	ba.ID, ba.UpdatedAt, ba.History, ba.ConflictOf, ba.ConflictCoach = "", "", nil, "", ""
	ba.Answers = slices.Clone(ba.Answers)
	for i := range ba.Answers {
		ba.Answers[i].UpdatedAt = ""
	}
	return contentHash(ba)
}

func splitLineage(l string) []string { return strings.Fields(l) }

// historyBefore is a lineage without the current revision's hash: what a
// bundle's history says.
func historyBefore(lineage, current string) []string {
	var out []string
	for _, h := range splitLineage(lineage) {
		if h != current {
			out = append(out, h)
		}
	}
	return out
}

// joinLineage puts lineages together, each hash once, in the order first
// seen, with current last.
func joinLineage(current string, parts ...[]string) string {
	seen := map[string]bool{current: true}
	var out []string
	for _, p := range parts {
		for _, h := range p {
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return strings.Join(append(out, current), " ")
}

// setTrainLineage records the train's lineage and keeps its current
// revision's content.
func setTrainLineage(ctx context.Context, tx *sql.Tx, bt BundleTrain, lineage string) error {
	if _, err := tx.ExecContext(ctx, "UPDATE trains SET lineage = ? WHERE id = ? AND lineage <> ?", lineage, bt.ID, lineage); err != nil {
		return err
	}
	hash, content, err := trainRevision(bt)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO train_revisions (train_id, hash, content) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
		bt.ID, hash, content)
	return err
}

// GatherReport is what ImportMany did with each file, and the totals: the
// LACE's merge report.
type GatherReport struct {
	Files []GatheredFile
}

// GatheredFile is one file of a gather. Exactly one of three: imported
// (Err nil, Skipped ""), refused (Err says why; nothing of the file was
// taken), or skipped (Skipped says why: not a bundle).
type GatheredFile struct {
	Path    string
	Report  ImportReport
	Err     error
	Skipped string
}

// Refused counts the files that were bundles but could not be imported.
func (r GatherReport) Refused() int {
	n := 0
	for _, f := range r.Files {
		if f.Err != nil {
			n++
		}
	}
	return n
}

// String is the merge report as the import command prints it: the totals
// in a sentence, then each file with what it brought.
func (r GatherReport) String() string {
	var b strings.Builder
	b.WriteString(r.Totals())
	for _, f := range r.Files {
		fmt.Fprintf(&b, "\n%s: %s\n", f.Path, f.Outcome())
		if f.Err == nil && f.Skipped == "" {
			for _, line := range strings.SplitAfter(strings.TrimRight(f.Report.String(), "\n"), "\n") {
				b.WriteString("  " + line)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// Totals are the merge report's first lines: the files read, imported,
// refused and skipped, then the trains and assessments the imported ones
// added, updated, merged or kept as a conflict copy.
func (r GatherReport) Totals() string {
	var imported, refused, skipped int
	var total ImportReport
	for _, f := range r.Files {
		switch {
		case f.Err != nil:
			refused++
		case f.Skipped != "":
			skipped++
		default:
			imported++
			total.Added = append(total.Added, f.Report.Added...)
			total.Updated = append(total.Updated, f.Report.Updated...)
			total.Merged = append(total.Merged, f.Report.Merged...)
			total.Conflicts = append(total.Conflicts, f.Report.Conflicts...)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s read: %d imported, %d refused, %d skipped.\n", countOf(len(r.Files), "file"), imported, refused, skipped)
	count := func(items []ImportItem, kind string) int {
		n := 0
		for _, it := range items {
			if it.Kind == kind {
				n++
			}
		}
		return n
	}
	var parts []string
	for _, kind := range []string{"train", "assessment"} {
		p := fmt.Sprintf("%s added, %d updated", countOf(count(total.Added, kind), kind), count(total.Updated, kind))
		if kind == "train" {
			p += fmt.Sprintf(", %d merged", count(total.Merged, kind))
		} else {
			p += fmt.Sprintf(", %d kept as a conflict copy", count(total.Conflicts, kind))
		}
		parts = append(parts, p)
	}
	b.WriteString(strings.Join(parts, "; ") + ".\n")
	return b.String()
}

// Outcome is what the gather did with the file, in words: "imported",
// "refused, nothing of it was imported: " and why, or "skipped: " and why.
func (f GatheredFile) Outcome() string {
	switch {
	case f.Err != nil:
		return "refused, nothing of it was imported: " + strings.TrimPrefix(f.Err.Error(), "the bundle was not imported, nothing was changed: ")
	case f.Skipped != "":
		return "skipped: " + f.Skipped
	}
	return "imported"
}

// countOf says "1 train" or "3 trains".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// GatherFiles lists the files a gather reads: each path that is a file,
// and every *.json directly inside each path that is a folder, in name
// order (sub-folders are not searched). A path that does not exist is
// kept, for ImportMany to report.
func GatherFiles(paths []string) []string {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			out = append(out, p)
			continue
		}
		var names []string
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".json") {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, n := range names {
			out = append(out, filepath.Join(p, n))
		}
	}
	return out
}

// ImportMany gathers bundles: every file GatherFiles lists for paths,
// each imported as Import does, all or nothing per file in its own
// transaction, in order, so a later file merges with what the earlier
// ones brought. A file that cannot be read or is a broken bundle is
// refused (the others still go in); a JSON file that is no bundle (a
// workshop response file, anything else) is skipped. Only an error of the
// database itself stops the gather; it is returned with the report so far.
func (s *Store) ImportMany(ctx context.Context, paths []string) (GatherReport, error) {
	var rep GatherReport
	for _, p := range GatherFiles(paths) {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		f := GatheredFile{Path: p}
		r, err := s.importFile(ctx, p)
		var be *BundleError
		var re *readFileError
		var rbe *bundleReadError
		switch {
		case errors.As(err, &re):
			f.Err = re.err
		case errors.As(err, &rbe):
			f.Err = fmt.Errorf("it cannot be read: %w", rbe.err)
		case errors.As(err, &be):
			// A JSON file that is no bundle is skipped, not refused.
			if why := notABundleFile(p); why != "" {
				f.Skipped = why
			} else {
				f.Err = be
			}
		case err != nil:
			return rep, fmt.Errorf("import %s: %w", p, err)
		default:
			f.Report = r
		}
		rep.Files = append(rep.Files, f)
	}
	return rep, nil
}

// readFileError is a file of a gather that cannot be opened.
type readFileError struct{ err error }

func (e *readFileError) Error() string { return e.err.Error() }

// importFile imports one file of a gather, read as Import reads it: a
// train at a time.
func (s *Store) importFile(ctx context.Context, p string) (ImportReport, error) {
	fh, err := os.Open(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return ImportReport{}, &readFileError{errors.New("there is no such file or folder")}
		}
		return ImportReport{}, &readFileError{fmt.Errorf("it cannot be read: %w", err)}
	}
	defer fh.Close()
	return s.Import(ctx, fh)
}

// notABundleSniff is the most of a refused file read to tell whether it is
// some other JSON file: a response file, anything else, is far smaller.
const notABundleSniff = 16 << 20

// notABundleFile is notABundle of the file at p, "" when it cannot tell.
func notABundleFile(p string) string {
	fh, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, notABundleSniff+1))
	if err != nil || len(data) > notABundleSniff {
		return ""
	}
	return notABundle(data)
}

// notABundle says why a file that parses as JSON is no bundle, or "" when
// it is one (or does not parse: then Import says what is wrong with it).
func notABundle(data []byte) string {
	text, err := textOf(data)
	if err != nil {
		return ""
	}
	var head struct {
		Format *string `json:"format"`
	}
	if json.Unmarshal(text, &head) != nil {
		var anything any
		if json.Unmarshal(text, &anything) == nil {
			return "not a Trainscope bundle (it has no \"format\" field saying \"" + BundleFormat + "\")"
		}
		return ""
	}
	switch {
	case head.Format == nil:
		return "not a Trainscope bundle (it has no \"format\" field saying \"" + BundleFormat + "\")"
	case *head.Format == ResponseFormat:
		return "a workshop response file, not a bundle: merge it into its workshop with trainscope responses"
	case *head.Format != BundleFormat:
		return fmt.Sprintf("not a Trainscope bundle (its format is %q)", *head.Format)
	}
	return ""
}
