package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The LACE gathers a folder its coaches export into: every bundle goes in,
// a broken one is refused (exit 1) without holding back the others, and
// the merge report says what came from where.
func TestImportGathersAFolder(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	db, _ := sampleDB(t, env, dir)
	drop := filepath.Join(dir, "drop")
	if err := os.Mkdir(drop, 0o700); err != nil {
		t.Fatal(err)
	}
	r := trainscope(t, env, "export", "-db", db, "-coach", "Ana Núñez", "-o", filepath.Join(drop, "ana.json"))
	if r.code != 0 {
		t.Fatalf("export -coach: exit %d, %s", r.code, r.stderr)
	}
	if b, err := os.ReadFile(filepath.Join(drop, "ana.json")); err != nil || !strings.Contains(string(b), `"exported_by": "Ana Núñez"`) {
		t.Fatalf("the bundle does not name its coach (%v)", err)
	}
	lace := filepath.Join(dir, "lace.db")
	r = trainscope(t, env, "import", "-db", lace, drop)
	if r.code != 0 || !strings.Contains(r.stdout, "1 file read: 1 imported, 0 refused, 0 skipped.") || !strings.Contains(r.stdout, "1 train added") {
		t.Fatalf("import of the folder: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}

	if err := os.WriteFile(filepath.Join(drop, "broken.json"), []byte(`{"format": "trainscope-bundle", "version": 1, "trains": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	r = trainscope(t, env, "import", "-db", lace, drop)
	if r.code != 1 || !strings.Contains(r.stdout, "2 files read: 1 imported, 1 refused, 0 skipped.") ||
		!strings.Contains(r.stdout, "broken.json: refused, nothing of it was imported: the file ends in the middle of the JSON") ||
		!strings.Contains(r.stderr, "1 file of 2 refused (see above why); the others were imported") || strings.Count(r.stderr, "\n") != 1 {
		t.Fatalf("import with a broken file: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	// The same bundle again, named as a file beside the folder: nothing new.
	r = trainscope(t, env, "import", "-db", lace, filepath.Join(drop, "ana.json"), filepath.Join(drop, "ana.json"))
	if r.code != 0 || !strings.Contains(r.stdout, "0 trains added, 0 updated, 0 merged; 0 assessments added, 0 updated, 0 kept as a conflict copy.") {
		t.Fatalf("import again: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestExportXLSX: -format xlsx writes a private workbook with a sheet per
// kind of row that a spreadsheet reader opens, and says so; an unknown
// format names the three.
func TestExportXLSX(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	db, _ := sampleDB(t, env, dir)
	path := filepath.Join(dir, "answers.xlsx")
	r := trainscope(t, env, "export", "-db", db, "-format", "xlsx", "-o", path)
	if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "Exported answers and scores as a workbook to "+path) {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the workbook: %v %v", fi, err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if !slices.Contains(sheets, "Answers") || !slices.Contains(sheets, "Columns") {
		t.Errorf("sheets %v", sheets)
	}
	if rows, _ := f.GetRows("Answers"); len(rows) < 10 || rows[0][0] != "train" || !strings.HasPrefix(rows[1][0], "Sample ART") {
		t.Errorf("the Answers sheet: %d rows, %v", len(rows), rows[:min(len(rows), 2)])
	}
	r = trainscope(t, env, "export", "-db", db, "-format", "ods", "-o", path)
	if r.code != 2 || !strings.Contains(r.stderr, "use json, csv or xlsx") {
		t.Errorf("an unknown format: exit %d, stderr %q", r.code, r.stderr)
	}
}
