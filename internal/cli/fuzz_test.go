package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The command line against any arguments (issue 17): whatever the words
// after trainscope, every run ends with an exit code of 0, 1 or 2, a
// failure says why on standard error in the program's own words (never a
// Go panic or a stack), and every file it leaves is private (0600).
//
// `make test` runs the seeds below; `make fuzz` runs FuzzCommandLine with
// the other fuzz targets for FUZZTIME. The fuzzer's arguments are kept
// inside the run's own folder: an absolute path or a ".." is rewritten to
// a name under it, so no run can touch a file outside its temporary folder.

// The words a seed uses for the run's files, replaced before it runs.
const (
	seedDB  = "@DB"  // the sample database, a fresh copy per run
	seedID  = "@ID"  // the sample's latest finished assessment
	seedOut = "@OUT" // a file in the run's folder that does not exist yet
	seedDir = "@DIR" // the run's folder
)

var cliSeeds = [][]string{
	{},
	{"-h"}, {"--help"}, {"-version"}, {"-version", "report"}, {"-db"}, {"-db", ""}, {"-db=", "method"},
	{"nonsense"}, {""}, {"-"}, {"--"}, {"--", "report"}, {"-x"}, {"-db", seedDB, "-db", seedDB, "version"},
	{"help", "report"}, {"help", "nonsense"}, {"help", "help", "help"},
	{"sample", "-db", seedDB}, {"sample", "-db", seedDB, "-framework", "LeSS"}, {"sample", "-framework", ""},
	{"report", "-db", seedDB}, {"report", "-db", seedDB, "-assessment", seedID},
	{"report", "-db", seedDB, "-assessment", seedID, "-o", seedOut},
	{"report", "-db", seedDB, "-assessment", seedID, "-o", seedDir},
	{"report", "-db", seedDB, "-assessment", seedID, "-summary", "-paper", "letter", "-o", seedOut},
	{"report", "-db", seedDB, "-assessment", seedID, "-paper", "A5", "-o", seedOut},
	{"report", "-db", seedDB, "-assessment", "no-such-assessment", "-o", seedOut},
	{"report", "-db", seedDB, "-assessment", "'; DROP TABLE trains; --", "-o", seedOut},
	{"report", "-db", seedDB, "-assessment", seedID, "-o", "-"},
	{"report", "-db", seedDir, "-assessment", seedID, "-o", seedOut},
	{"report", "-db", "/etc/passwd", "-assessment", seedID, "-o", "../../x.pdf"},
	{"portfolio", "-db", seedDB, "-o", seedOut}, {"portfolio", "-db", seedDB, "-min-group", "-3", "-o", seedOut},
	{"portfolio", "-db", seedDB, "-min-group", "99999999999999999999", "-o", seedOut},
	{"portfolio", "-db", seedDB, "-group", "\x00\u202e", "-o", seedOut},
	{"export", "-db", seedDB, "-o", seedOut}, {"export", "-db", seedDB, "-format", "xlsx", "-o", seedOut},
	{"export", "-db", seedDB, "-format", "csv", "-o", "-"}, {"export", "-db", seedDB, "-format", "pdf", "-o", seedOut},
	{"export", "-db", seedDB, "-train", "", "-train", "x", "-o", seedOut},
	{"export", "-db", seedDB, "-coach", strings.Repeat("é", 5000), "-o", seedOut},
	{"import", "-db", seedDB}, {"import", "-db", seedDB, "-"}, {"import", "-db", seedDB, seedDir},
	{"import", "-db", seedDB, seedOut}, {"import", "-db", seedDB, seedDB},
	{"respond", "-db", seedDB, "-assessment", seedID, "-name", "", "-role", "", "-o", seedOut},
	{"respond", "-db", seedDB, "-assessment", seedID, "-name", "Zoë 李 🚂", "-role", "developer", "-o", seedOut},
	{"responses", "-db", seedDB, "-assessment", seedID}, {"responses", "-db", seedDB, "-assessment", seedID, seedDB},
	{"checklist", "-db", seedDB}, {"checklist", "-framework", "nope"}, {"checklist", "-pdf"},
	{"checklist", "-db", seedDB, "-pdf", "-train", "ÅRT", "-o", seedOut},
	{"method", "-db", seedDB}, {"method", "-db", seedDB, "-o", seedOut}, {"method", "-o", seedDir},
	{"version", "extra"},
}

func FuzzCommandLine(f *testing.F) {
	for _, args := range cliSeeds {
		f.Add(strings.Join(args, "\x00"), "")
	}
	f.Add(strings.Join([]string{"import", "-db", seedDB, "-"}, "\x00"), `{"format":"trainscope-bundle","trains":[{"name":[[]]}]}`)
	f.Add(strings.Join([]string{"import", "-db", seedDB, "-"}, "\x00"), "\xff\xfe\x00")
	f.Add(strings.Join([]string{"responses", "-db", seedDB, "-assessment", seedID, "-"}, "\x00"), `[{}]`)
	f.Fuzz(func(t *testing.T, line, stdin string) {
		dir := t.TempDir()
		t.Chdir(dir)
		db := filepath.Join(dir, "x.db")
		id := copySample(t, db)
		var args []string
		if line != "" {
			args = strings.Split(line, "\x00")
		}
		for i, a := range args {
			a = strings.NewReplacer(seedDB, db, seedID, id, seedOut, filepath.Join(dir, "out"), seedDir, dir).Replace(a)
			args[i] = insideFolder(a, dir)
		}
		env := map[string]string{"HOME": dir, "XDG_DATA_HOME": filepath.Join(dir, "data")}
		var out, errOut bytes.Buffer
		p := Program{
			Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
			Getenv: func(k string) string { return env[k] }, Version: "fuzz",
			Now:        func() time.Time { return time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC) },
			OpenWindow: func(Window) error { return nil },
		}
		code := p.Run(args)
		stderr := errOut.String()
		if code < ExitOK || code > ExitUsage {
			t.Fatalf("%q: exit code %d", args, code)
		}
		if code != ExitOK && !strings.HasPrefix(stderr, "trainscope: ") {
			t.Fatalf("%q: exit %d without the program's words on stderr: %q", args, code, stderr)
		}
		for _, bad := range []string{"panic", "goroutine ", "runtime error", "reflect:"} {
			if strings.Contains(stderr, bad) {
				t.Fatalf("%q: stderr shows Go's insides (%q): %s", args, bad, stderr)
			}
		}
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			if info.Mode().Perm()&0o077 != 0 {
				t.Errorf("%q left %s at %v, readable by others", args, path, info.Mode().Perm())
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// insideFolder rewrites a path the fuzzer made, or the value of an
// -option=value, so that it names a file under dir: an absolute path is
// taken as relative to dir and ".." loses its meaning.
func insideFolder(a, dir string) string {
	if name, value, ok := strings.Cut(a, "="); ok && strings.HasPrefix(name, "-") {
		return name + "=" + insideFolder(value, dir)
	}
	a = strings.ReplaceAll(a, "..", "__")
	if filepath.IsAbs(a) && a != dir && !strings.HasPrefix(a, dir+string(filepath.Separator)) {
		a = filepath.Join(dir, a)
	}
	return a
}

var sample struct {
	once sync.Once
	db   []byte
	id   string
	err  error
}

// copySample puts a copy of a database holding the sample train at path and
// returns its latest finished assessment's id; the sample is made once per
// process.
func copySample(t *testing.T, path string) string {
	t.Helper()
	sample.once.Do(func() {
		dir, err := os.MkdirTemp("", "trainscope-fuzz-")
		if err != nil {
			sample.err = err
			return
		}
		defer os.RemoveAll(dir)
		db := filepath.Join(dir, "sample.db")
		var out, errOut bytes.Buffer
		p := Program{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string {
			return map[string]string{"HOME": dir}[k]
		}, Now: func() time.Time { return time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC) }}
		if code := p.Run([]string{"sample", "-db", db}); code != 0 {
			sample.err = &usageError{msg: errOut.String()}
			return
		}
		sample.id = lastLine(out.String())
		sample.db, sample.err = os.ReadFile(db)
	})
	if sample.err != nil {
		t.Fatalf("the sample database: %v", sample.err)
	}
	if err := os.WriteFile(path, sample.db, 0o600); err != nil {
		t.Fatal(err)
	}
	return sample.id
}
