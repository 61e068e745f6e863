// Package cli is the trainscope command: it reads the command line, opens
// the database and runs one subcommand, or hands the chosen database to the
// window. Everything it touches is injected (arguments, standard streams,
// environment, clock and the window), so every command runs in-process in
// a test and no test opens a window.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// AppID names the application to the desktop. Fyne keeps its preferences
// under it, and the database lived there before it moved to the XDG data
// folder (see paths.go).
const AppID = "io.github.trainscope"

// DatabaseEnv names a database for every command when -db is not given.
const DatabaseEnv = "TRAINSCOPE_DB"

// Exit codes, as most Unix commands use them.
const (
	ExitOK      = 0
	ExitFailure = 1 // the command could not do its work; stderr says why
	ExitUsage   = 2 // the command line itself is wrong; stderr shows the usage
)

// Program is one run of trainscope with what it may touch.
type Program struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Getenv  func(string) string
	Version string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// OpenWindow runs the GUI until its window closes. main passes
	// OpenWindow; tests pass a fake, so no test opens a window.
	OpenWindow func(Window) error
	// Context is what the commands run under; nil means
	// context.Background(). When it ends with an *interruptedError as its
	// cause, the command was interrupted (see interrupt.go).
	Context context.Context
	// CatchInterrupts makes a command's context end at SIGINT or SIGTERM
	// (interrupt.go) instead of the process. Run sets it; the window
	// handles those signals itself.
	CatchInterrupts bool
}

// Run runs trainscope with the standard streams and environment given and
// returns the exit code. The window opens with OpenWindow.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, version string) int {
	p := Program{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: getenv, Version: version, OpenWindow: OpenWindow, CatchInterrupts: true}
	return p.Run(args)
}

// session is the state of one run: the program and what it has loaded.
type session struct {
	Program
	ctx      context.Context         // what the command runs under
	command  string                  // the subcommand's name, once known
	globalDB string                  // -db given before the subcommand
	defs     *assessment.Definitions // loaded once, on first use
}

// Run parses the command line, runs the subcommand and returns the exit code.
func (p Program) Run(args []string) int {
	if p.Getenv == nil {
		p.Getenv = func(string) string { return "" }
	}
	if p.Now == nil {
		p.Now = time.Now
	}
	if p.Stdin == nil {
		p.Stdin = strings.NewReader("")
	}
	// Dates in the PDFs in the coach's order, as the window writes them.
	assessment.SetDateLocale(dateLocale(p.Getenv))
	s := &session{Program: p, ctx: p.Context}
	if s.ctx == nil {
		s.ctx = context.Background()
	}
	err := s.dispatch(args)
	var help *helpRequest
	var usage *usageError
	switch {
	case err == nil:
		return ExitOK
	case s.interrupted() != nil:
		return s.sayInterrupted(s.interrupted(), s.command, err)
	case errors.As(err, &help):
		fmt.Fprint(s.Stdout, help.usage)
		return ExitOK
	case errors.As(err, &usage):
		fmt.Fprintf(s.Stderr, "trainscope: %s\n\n%s", usage.msg, usage.usage)
		return ExitUsage
	default:
		fmt.Fprintf(s.Stderr, "trainscope: %s\n", err)
		return ExitFailure
	}
}

// dateLocale is the locale dates are written in, as POSIX orders the
// variables: LC_ALL, then LC_TIME, then LANG.
func dateLocale(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_TIME", "LANG"} {
		if v := getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// command is one subcommand: its synopsis for the usage text and the
// function that runs it.
type command struct {
	name     string
	synopsis string // what follows "trainscope NAME" in the usage
	summary  string
	run      func(s *session, args []string) error
}

// commands lists the subcommands in the order the usage shows them. It is
// filled in init because the commands look themselves up in it for their
// usage text.
var commands []command

func init() {
	commands = []command{
		{"sample", "[-db PATH] [-framework SAFe|Scrum@Scale]", "add the sample train with its finished assessments, a PI apart; the latest's id is the last line", runSample},
		{"report", "[-db PATH] -assessment ID [-summary] [-paper a4|letter] -o FILE.pdf", "write the PDF report for the LACE, or the summary for leadership", runReport},
		{"portfolio", "[-db PATH] [-group NAME] [-min-group N] [-summary] [-paper a4|letter] -o FILE.pdf", "write the LACE's portfolio report: trains compared, what is systemic, portfolio recommendations", runPortfolio},
		{"export", "[-db PATH] [-train ID ...] [-format json|csv|xlsx] [-coach NAME] -o FILE", "write trains as a bundle another Trainscope imports, or answers and scores as CSV or an Excel workbook", runExport},
		{"import", "[-db PATH] FILE.json|FOLDER ...", "merge bundles into the database, each file all or nothing (a folder: every .json in it; - reads standard input)", runImport},
		{"respond", "[-db PATH] -assessment ID -name NAME -role ROLE -o FILE.json", "a participant's answers as a workshop response file", runRespond},
		{"responses", "[-db PATH] -assessment ID FILE.json...", "merge participants' response files into a workshop; all or nothing", runResponses},
		{"checklist", "[-db PATH] [-framework NAME] [-pdf [-train NAME] [-paper a4|letter] -o FILE]", "print the checklist definitions as JSON, or with -pdf write the printable blank checklist and interview guide", runChecklist},
		{"method", "[-db PATH] [-o FILE]", "print the method (scales, weights, rules) as Markdown", runMethod},
		{"version", "", "print the version", runVersion},
		{"help", "[COMMAND]", "print this help, or a command's", runHelp},
	}
}

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

// mainUsage is the usage of trainscope as a whole.
func mainUsage() string {
	var b strings.Builder
	b.WriteString(`Trainscope assesses Agile Release Trains and reports to the LACE.

Usage:
  trainscope [-db PATH]              open the application
  trainscope [-db PATH] COMMAND [OPTIONS]
  trainscope -version | -h

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	b.WriteString(`
Run 'trainscope COMMAND -h' for a command's options. Options go before or
after the command's name; -db works with every command.

The database is $XDG_DATA_HOME/trainscope/trainscope.db (by default
~/.local/share/trainscope/trainscope.db) unless -db PATH or the
TRAINSCOPE_DB environment variable names another. -o - writes to standard
output.
`)
	return b.String()
}

// dispatch reads the global flags, then runs the subcommand, or opens the
// window when there is none.
func (s *session) dispatch(args []string) error {
	fs := flag.NewFlagSet("trainscope", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	db := fs.String("db", "", "the database `PATH`")
	version := fs.Bool("version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return &helpRequest{usage: mainUsage()}
		}
		return &usageError{msg: err.Error(), usage: mainUsage()}
	}
	s.globalDB = *db
	rest := fs.Args()
	if *version {
		if len(rest) > 0 {
			return &usageError{msg: fmt.Sprintf("-version takes no command; run trainscope -version alone, or trainscope %s", rest[0]), usage: mainUsage()}
		}
		return runVersion(s, nil)
	}
	if len(rest) == 0 {
		return s.window()
	}
	c := findCommand(rest[0])
	if c == nil {
		return &usageError{msg: fmt.Sprintf("unknown command %q", rest[0]), usage: mainUsage()}
	}
	s.command = c.name
	if s.CatchInterrupts {
		defer s.catchInterrupts()()
	}
	return c.run(s, rest[1:])
}

// window opens the GUI on the chosen database, after checking there is a
// display to open it on: without one, GLFW would panic.
func (s *session) window() error {
	if s.OpenWindow == nil {
		return errors.New("this trainscope has no window; run a command (trainscope -h lists them)")
	}
	if needsDisplay(runtime.GOOS) && s.Getenv("DISPLAY") == "" && s.Getenv("WAYLAND_DISPLAY") == "" {
		return errors.New("there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); " +
			"start Trainscope from the desktop, or run a command: trainscope -h lists them")
	}
	path, err := s.databasePath(s.globalDB)
	if err != nil {
		return err
	}
	defs, err := s.definitions()
	if err != nil {
		return err
	}
	return s.OpenWindow(Window{DatabasePath: path, Definitions: defs, Open: s.openStoreAt, Stderr: s.Stderr, Now: s.Now})
}

// needsDisplay tells the systems whose windows need an X11 or Wayland display.
func needsDisplay(goos string) bool {
	switch goos {
	case "darwin", "windows", "android", "ios", "js", "wasip1":
		return false
	}
	return true
}

// definitions loads the embedded checklists once per run.
func (s *session) definitions() (*assessment.Definitions, error) {
	if s.defs != nil {
		return s.defs, nil
	}
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		return nil, fmt.Errorf("load the checklists: %w", err)
	}
	s.defs = defs
	return defs, nil
}

func runVersion(s *session, args []string) error {
	fs := s.flags("version")
	if _, err := s.parse(fs, args, 0); err != nil {
		return err
	}
	fmt.Fprintln(s.Stdout, "trainscope", s.Version)
	return nil
}

func runHelp(s *session, args []string) error {
	fs := s.flags("help")
	rest, err := s.parse(fs, args, -1)
	if err != nil {
		return err
	}
	switch len(rest) {
	case 0:
		return &helpRequest{usage: mainUsage()}
	case 1:
		c := findCommand(rest[0])
		if c == nil {
			return &usageError{msg: fmt.Sprintf("unknown command %q", rest[0]), usage: mainUsage()}
		}
		return c.run(s, []string{"-h"})
	}
	return &usageError{msg: "help takes one command at most", usage: mainUsage()}
}
