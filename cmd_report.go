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

	"github.com/trainscope/trainscope/assessment"
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
	paper := flags.String("paper", defaultPaper(os.Getenv), "paper size, `a4 or letter` (default from the locale)")
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

	in := report.Input{
		Train:       train,
		Assessment:  a,
		Definitions: defs,
		Results:     assessment.Evaluate(defs, train, a),
		History:     history(defs, train, a, all),
		Created:     creationTime(os.Getenv, time.Now),
	}
	pdf, warnings, err := report.Render(in, report.Options{Summary: *summary, Paper: *paper})
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(os.Stderr, "trainscope: warning:", w)
	}
	return writeFileAtomic(*out, pdf, 0o644)
}

// history is the train's finished assessments before this one, oldest
// first, each with its results: the trend and the radar's overlay. Drafts
// are left out, since their figures may still change.
func history(defs *assessment.Definitions, t assessment.Train, cur *assessment.Assessment, all []*assessment.Assessment) []report.HistoryPoint {
	var out []report.HistoryPoint
	for _, a := range all { // oldest first
		if a.ID == cur.ID {
			break
		}
		if a.Status != assessment.Final || a.Date.After(cur.Date) {
			continue
		}
		out = append(out, report.HistoryPoint{Assessment: a, Results: assessment.Evaluate(defs, t, a)})
	}
	return out
}

// creationTime is the date stamped in the PDF: now, or SOURCE_DATE_EPOCH
// when set, so a build or a test can make the same bytes twice.
func creationTime(getenv func(string) string, now func() time.Time) time.Time {
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return now()
}

// letterTerritories are the countries whose locales print on US Letter.
var letterTerritories = []string{"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "SV", "CR", "PA", "DO", "NI", "HN", "BZ"}

// defaultPaper reads the paper size from the locale, the way the C library
// does (LC_ALL, then LC_PAPER, then LANG): Letter in the Americas' Letter
// countries, A4 everywhere else and when the locale says nothing.
func defaultPaper(getenv func(string) string) string {
	for _, name := range []string{"LC_ALL", "LC_PAPER", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		// language[_TERRITORY][.codeset][@modifier]
		v, _, _ = strings.Cut(v, ".")
		v, _, _ = strings.Cut(v, "@")
		_, territory, ok := strings.Cut(v, "_")
		if ok && slices.Contains(letterTerritories, strings.ToUpper(territory)) {
			return "letter"
		}
		return "a4"
	}
	return "a4"
}
