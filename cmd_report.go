package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment/report"
	"github.com/trainscope/trainscope/data"
)

// runReport writes the PDF report of one assessment: the full report for
// the LACE, or with -summary the two-page summary for leadership.
//
//	trainscope report [-db PATH] -assessment ID [-summary] [-paper letter|a4] -o FILE.pdf
func runReport(args []string) error {
	flags := flag.NewFlagSet("report", flag.ContinueOnError)
	db := dbFlag(flags)
	id := flags.String("assessment", "", "the `ID` of the assessment to report on (trainscope sample prints one)")
	summary := flags.Bool("summary", false, "write the two-page summary for leadership instead of the full report for the LACE")
	paper := flags.String("paper", report.PaperFromEnv(os.Getenv), "paper size, `a4 or letter` (default from the locale)")
	out := flags.String("o", "", "the PDF `FILE` to write")
	if err := flags.Parse(args); err != nil {
		return err
	}
	switch {
	case flags.NArg() > 0:
		return fmt.Errorf("report: unexpected argument %q; options go before it, e.g. -o %s", flags.Arg(0), flags.Arg(0))
	case *id == "":
		return errors.New("report: say which assessment with -assessment ID")
	case *out == "":
		return errors.New("report: say where to write the PDF with -o FILE.pdf")
	case !slices.Contains(report.Papers, strings.ToLower(*paper)):
		return fmt.Errorf("report: unknown paper %q; use -paper a4 or -paper letter", *paper)
	}

	store, err := openStore(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := context.Background()
	a, err := store.Assessment(ctx, *id)
	if errors.Is(err, data.ErrNotFound) {
		return fmt.Errorf("report: no assessment with ID %s in %s", *id, store.Path())
	}
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	train, err := store.Train(ctx, a.TrainID)
	if err != nil {
		return fmt.Errorf("report: the train of assessment %s: %w", *id, err)
	}
	defs, err := loadDefinitions()
	if err != nil {
		return err
	}
	all, err := store.Assessments(ctx, train.ID)
	if err != nil {
		return fmt.Errorf("report: the earlier assessments of %s: %w", train.Name, err)
	}

	in := report.NewInput(defs, train, a, all, reportCreated(os.Getenv, time.Now))
	pdf, warnings, err := report.Render(in, report.Options{Summary: *summary, Paper: *paper})
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(os.Stderr, "trainscope: warning:", w)
	}
	return writeFileAtomic(*out, pdf, 0o644)
}

// reportCreated is the date stamped in the PDF: now, or SOURCE_DATE_EPOCH
// when set, so a build or a test can make the same bytes twice.
func reportCreated(getenv func(string) string, now func() time.Time) time.Time {
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return now()
}
