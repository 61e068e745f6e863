package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// flagSet is a subcommand's flags: the standard library's, with the -db
// flag every command shares, reporting to the session instead of printing.
type flagSet struct {
	*flag.FlagSet
	cmd *command
	db  *string
}

// helpRequest is -h or --help: the usage goes to standard output, exit 0.
type helpRequest struct{ usage string }

func (h *helpRequest) Error() string { return "help requested" }

// usageError is a wrong command line: the message and the usage go to
// standard error, exit 2.
type usageError struct{ msg, usage string }

func (u *usageError) Error() string { return u.msg }

// flags starts the flags of the named command.
func (s *session) flags(name string) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the session prints, to the stream the outcome calls for
	fs.Usage = func() {}
	c := findCommand(name)
	return &flagSet{FlagSet: fs, cmd: c, db: fs.String("db", "", "the database `PATH` (default: $"+DatabaseEnv+", else ~/.local/share/trainscope/trainscope.db)")}
}

// usage is the command's usage text with its options.
func (fs *flagSet) usage() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: trainscope %s %s\n\n%s.\n", fs.cmd.name, fs.cmd.synopsis, upperFirst(fs.cmd.summary))
	var opts strings.Builder
	fs.SetOutput(&opts)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	if opts.Len() > 0 {
		b.WriteString("\nOptions:\n")
		b.WriteString(opts.String())
	}
	return b.String()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// usageErr says the command line is wrong, with the command's usage.
func (fs *flagSet) usageErr(format string, a ...any) error {
	return &usageError{msg: fs.cmd.name + ": " + fmt.Sprintf(format, a...), usage: fs.usage()}
}

// parse reads the flags wherever they stand among the arguments, so
// "import FILE -db PATH" works as well as "import -db PATH FILE", and
// returns the other arguments. max is how many of those the command takes
// (-1: any number); more are refused.
func (s *session) parse(fs *flagSet, args []string, max int) ([]string, error) {
	var positional []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			return nil, &helpRequest{usage: fs.usage()}
		}
		if err != nil {
			return nil, fs.usageErr("%s", err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := args[:len(args)-len(rest)]; len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			positional = append(positional, rest...) // after --, everything is an argument
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	if max >= 0 && len(positional) > max {
		extra := positional[max:]
		if max == 0 {
			return nil, fs.usageErr("unexpected argument %q; this command takes options only", strings.Join(extra, " "))
		}
		return nil, fs.usageErr("unexpected argument %q", strings.Join(extra, " "))
	}
	if s.globalDB != "" && *fs.db != "" && s.globalDB != *fs.db {
		return nil, fs.usageErr("-db is given twice, %s before the command and %s after it; give it once", s.globalDB, *fs.db)
	}
	if *fs.db == "" {
		*fs.db = s.globalDB
	}
	return positional, nil
}

// trainIDs collects every -train flag, so several trains go in one bundle.
type trainIDs []string

func (t *trainIDs) String() string { return strings.Join(*t, ",") }

func (t *trainIDs) Set(v string) error {
	for _, id := range strings.Split(v, ",") {
		if id = strings.TrimSpace(id); id != "" {
			*t = append(*t, id)
		}
	}
	return nil
}
