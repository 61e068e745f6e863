package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/trainscope/trainscope/data"
)

// runExport writes a bundle (JSON) or a spreadsheet (CSV or an Excel
// workbook) of some or all trains.
func runExport(s *session, args []string) error {
	fs := s.flags("export")
	var trains trainIDs
	fs.Var(&trains, "train", "`ID` of a train to export; repeat for several (default: every train)")
	format := fs.String("format", "json", "the `FORMAT`: json, a bundle another Trainscope can import, csv, answers and scores for a spreadsheet, or xlsx, the same as an Excel workbook with a sheet per kind of row")
	out := fs.String("o", "", "the `FILE` to write, or - for standard output")
	coach := fs.String("coach", "", "your `NAME`, written in the bundle as the coach who exported it, so the LACE knows where each train came from")
	if _, err := s.parse(fs, args, 0); err != nil {
		return err
	}
	if *out == "" {
		return fs.usageErr("name the file to write with -o FILE (or -o - for standard output)")
	}
	if *format != "json" && *format != "csv" && *format != "xlsx" {
		return fs.usageErr("unknown format %q; use json, csv or xlsx", *format)
	}
	store, err := s.openStore(*fs.db)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := s.ctx

	what := ""
	var toFile bool
	switch *format {
	case "json":
		// The bundle goes to the file train by train (issue 18): a LACE's
		// thousands of trains never sit in memory whole. It is read from
		// one snapshot, so the coach's saves go in meanwhile, and what it
		// holds is recorded once the file is in its place (issue 17).
		var exp *data.Exported
		toFile, err = s.writeOutputWith(*out, func(w io.Writer) error {
			var err error
			exp, err = store.WriteBundle(ctx, w, strings.TrimSpace(*coach), trains)
			return err
		})
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := exp.Record(ctx); err != nil {
			// The file is good: say what the coach should know, and go on.
			fmt.Fprintln(s.Stderr, "trainscope: warning:", err)
		}
		what = fmt.Sprintf("%s with %s", nounCount(exp.Trains, "train"), nounCount(exp.Assessments, "assessment"))
	case "csv":
		defs, err := s.definitions()
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := store.ExportCSV(ctx, &buf, defs, trains); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		what = "answers and scores"
		if toFile, err = s.writeOutput(*out, buf.Bytes()); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	case "xlsx":
		// Straight into the private file (or standard output, for a
		// pipe): the workbook is put together as it is written.
		defs, err := s.definitions()
		if err != nil {
			return err
		}
		what = "answers and scores as a workbook"
		if toFile, err = s.writeOutputWith(*out, func(w io.Writer) error {
			return store.ExportXLSX(ctx, w, defs, trains)
		}); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if toFile {
		fmt.Fprintf(s.Stdout, "Exported %s to %s\n", what, *out)
	}
	return nil
}

// nounCount says "1 train" or "3 trains".
func nounCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// runImport merges bundles into the database. One bundle file (or -,
// standard input) prints what it added, updated, merged and skipped; several
// files or a folder (every *.json directly inside it) are gathered, each
// file all or nothing, into one merge report. A refused file exits 1 after
// the others went in.
func runImport(s *session, args []string) error {
	fs := s.flags("import")
	rest, err := s.parse(fs, args, -1)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return fs.usageErr("name one bundle file (or - for standard input), several, or a folder of them")
	}
	if len(rest) == 1 && !isDir(rest[0]) {
		return importOne(s, fs, rest[0])
	}
	for _, p := range rest {
		if p == "-" {
			return fs.usageErr("- (standard input) can only be imported alone")
		}
	}
	store, err := s.openStore(*fs.db)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.ImportMany(s.ctx, rest)
	fmt.Fprintf(s.Stdout, "Gathered into %s\n%s", store.Path(), rep)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if n := rep.Refused(); n > 0 {
		return fmt.Errorf("import: %s of %d refused (see above why); the others were imported", nounCount(n, "file"), len(rep.Files))
	}
	return nil
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func importOne(s *session, fs *flagSet, name string) error {
	var in io.Reader = ctxReader{s.ctx, s.Stdin} // an interrupt stops a wait for input
	if name == "-" {
		name = "standard input"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		in = f
	}
	store, err := s.openStore(*fs.db)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.Import(s.ctx, in)
	if err != nil {
		return fmt.Errorf("import %s: %w", name, err)
	}
	fmt.Fprintf(s.Stdout, "Imported %s into %s\n%s", name, store.Path(), rep)
	return nil
}
