// Command trainscope is a desktop application for agile coaches who assess
// Agile Release Trains. Without a subcommand it opens the GUI; the
// subcommands work on the same database from the command line.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"github.com/trainscope/trainscope/app"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
	"github.com/trainscope/trainscope/data"
)

// appID names the application to the desktop and decides its storage folder.
const appID = "io.github.trainscope"

// version is replaced at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// dbEnv overrides the default database for every command.
const dbEnv = "TRAINSCOPE_DB"

const usage = `Trainscope assesses Agile Release Trains and reports to the LACE.

Usage:
  trainscope [-db PATH]                      open the application
  trainscope sample [-db PATH]               add the sample train with one finished assessment
  trainscope report [-db PATH] -assessment ID [-summary] [-paper a4|letter] -o FILE.pdf
  trainscope export [-db PATH] [-train ID ...] [-format json|csv] -o FILE
  trainscope import [-db PATH] FILE.json
  trainscope respond [-db PATH] -assessment ID -name NAME -role ROLE -o FILE.json
                                             a participant's answers as a workshop response file
  trainscope responses [-db PATH] -assessment ID FILE.json...
                                             merge participants' response files into a workshop
  trainscope checklist                       print the checklist definitions as JSON
  trainscope method [-o FILE]                print the method (scales, weights, rules) as Markdown
  trainscope version                         print the version

The database is trainscope.db in the application's storage folder unless
-db PATH or the TRAINSCOPE_DB environment variable names another.
`

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "trainscope:", err)
		os.Exit(1)
	}
}

// run dispatches to a subcommand; no subcommand (or only flags) opens the GUI.
func run(args []string, stdout io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help" {
		return runGUI(args)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "sample":
		return runSample(rest, stdout)
	case "report":
		return runReport(rest)
	case "export":
		return runExport(rest)
	case "import":
		return runImport(rest)
	case "respond":
		return runRespond(rest)
	case "responses":
		return runResponses(rest)
	case "checklist":
		return runChecklist(rest)
	case "method":
		return runMethod(rest)
	case "version":
		fmt.Fprintln(stdout, "trainscope", version)
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q; run 'trainscope help' for the list", cmd)
}

// dbFlag registers the -db flag every command shares.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database file (default: $"+dbEnv+", else trainscope.db in the app's storage folder)")
}

// databasePath decides which database a command works on: the flag, then the
// environment, then the default in the application's storage folder.
func databasePath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if env := os.Getenv(dbEnv); env != "" {
		return env, nil
	}
	root := fyneapp.NewWithID(appID).Storage().RootURI()
	if root == nil || root.Path() == "" {
		return "", errors.New("cannot find the application's storage folder; name a database with -db PATH")
	}
	return data.DefaultPath(root.Path()), nil
}

// openStore opens the database a command works on, creating it if needed.
func openStore(flagValue string) (*data.Store, error) {
	path, err := databasePath(flagValue)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create the folder for %s: %w", path, err)
	}
	defs, err := loadDefinitions()
	if err != nil {
		return nil, err
	}
	return data.Open(path, data.Options{
		Summarize:    summarizer(defs),
		SummaryRules: "checklists " + defs.Version + ", trainscope " + version,
		Definitions:  defs,
	})
}

// summarizer lets the store keep each assessment's headline figures current.
func summarizer(defs *assessment.Definitions) func(*assessment.Assessment, assessment.Train) assessment.Summary {
	return func(a *assessment.Assessment, t assessment.Train) assessment.Summary {
		return assessment.Summarize(assessment.Evaluate(defs, t, a))
	}
}

// loadDefinitions reads the embedded checklists.
func loadDefinitions() (*assessment.Definitions, error) {
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		return nil, fmt.Errorf("load the checklists: %w", err)
	}
	return defs, nil
}

// runGUI opens the application window on the chosen database.
func runGUI(args []string) error {
	fs := flag.NewFlagSet("trainscope", flag.ContinueOnError)
	db := dbFlag(fs)
	fs.Usage = func() { fmt.Fprint(fs.Output(), usage) }
	if err := fs.Parse(args); err != nil {
		return err
	}
	a := fyneapp.NewWithID(appID)
	path := *db
	if path == "" {
		path = os.Getenv(dbEnv)
	}
	if path == "" {
		path = data.DefaultPath(a.Storage().RootURI().Path())
	}
	defs, err := loadDefinitions()
	if err != nil {
		return err
	}
	store, err := openStore(path)
	if err != nil {
		// Say it in a window too: a coach who starts Trainscope from the
		// desktop never sees the terminal.
		fmt.Fprintln(os.Stderr, "trainscope:", err)
		var damaged *data.DamagedError
		var restore func() (*data.Store, string, error)
		if errors.As(err, &damaged) && damaged.Backup != "" {
			restore = func() (*data.Store, string, error) { return openBackupCopy(damaged, time.Now()) }
		}
		app.RunWithOpenError(a, err, restore, defs)
		return nil
	}
	defer store.Close()
	app.Run(a, store, defs)
	return nil
}

// openBackupCopy copies the newest backup of a damaged database to a new
// file beside it and opens that, so the coach can work on while the damaged
// file stays exactly as it was for whoever repairs it.
func openBackupCopy(damaged *data.DamagedError, now time.Time) (*data.Store, string, error) {
	base := strings.TrimSuffix(filepath.Base(damaged.Path), filepath.Ext(damaged.Path))
	copyPath := filepath.Join(filepath.Dir(damaged.Path), fmt.Sprintf("%s-restored-%s.db", base, now.Format("2006-01-02-150405")))
	content, err := os.ReadFile(damaged.Backup)
	if err != nil {
		return nil, "", fmt.Errorf("read the backup %s: %w", damaged.Backup, err)
	}
	if err := writeFileAtomic(copyPath, content, 0o600); err != nil {
		return nil, "", err
	}
	store, err := openStore(copyPath)
	if err != nil {
		return nil, "", err
	}
	return store, fmt.Sprintf("Trainscope is working on %s, a copy of the backup %s. The damaged file %s is as it was. "+
		"To keep working on the copy next time, start Trainscope with -db %s or move it in place of the damaged file.",
		copyPath, filepath.Base(damaged.Backup), damaged.Path, copyPath), nil
}
