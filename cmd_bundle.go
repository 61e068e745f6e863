package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
)

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

// parseInterspersed parses flags wherever they stand among the arguments,
// so "import FILE -db PATH" works as well as "import -db PATH FILE".
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// runExport writes a bundle (JSON) or a spreadsheet (CSV) of some or all
// trains: trainscope export [-db PATH] [-train ID ...] [-format json|csv] -o FILE
func runExport(args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	db := dbFlag(fs)
	var trains trainIDs
	fs.Var(&trains, "train", "id of a train to export; repeat for several (default: every train)")
	format := fs.String("format", "json", "json: a bundle another Trainscope can import; csv: answers and scores for a spreadsheet")
	out := fs.String("o", "", "file to write, or - for standard output")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("export: unexpected %q; name the file with -o FILE", strings.Join(rest, " "))
	}
	if *out == "" {
		return fmt.Errorf("export: name the file to write with -o FILE")
	}
	if *format != "json" && *format != "csv" {
		return fmt.Errorf("export: unknown format %q; use json or csv", *format)
	}
	store, err := openStore(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := context.Background()

	var buf bytes.Buffer
	what := ""
	switch *format {
	case "json":
		b, err := store.Export(ctx, trains)
		if err != nil {
			return err
		}
		if _, err := b.WriteTo(&buf); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		assessments := 0
		for _, t := range b.Trains {
			assessments += len(t.Assessments)
		}
		what = fmt.Sprintf("%s with %s", nounCount(len(b.Trains), "train"), nounCount(assessments, "assessment"))
	case "csv":
		defs, err := loadDefinitions()
		if err != nil {
			return err
		}
		if err := store.ExportCSV(ctx, &buf, defs, trains); err != nil {
			return err
		}
		what = "answers and scores"
	}
	if *out == "-" {
		_, err := os.Stdout.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(*out, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(os.Stdout, "Exported %s to %s\n", what, *out)
	return nil
}

// nounCount says "1 train" or "3 trains".
func nounCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// runImport merges a bundle into the database and prints what it added,
// updated and skipped: trainscope import [-db PATH] FILE.json
func runImport(args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	db := dbFlag(fs)
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("import: name one bundle file: trainscope import [-db PATH] FILE.json")
	}
	f, err := os.Open(rest[0])
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	store, err := openStore(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.Import(context.Background(), f)
	if err != nil {
		return fmt.Errorf("import %s: %w", rest[0], err)
	}
	fmt.Fprintf(os.Stdout, "Imported %s into %s\n%s", rest[0], store.Path(), rep)
	return nil
}
