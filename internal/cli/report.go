package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment/report"
	"github.com/trainscope/trainscope/data"
)

// runReport writes the PDF report of one assessment: the full report for
// the LACE, or with -summary the two-page summary for leadership.
func runReport(s *session, args []string) error {
	fs := s.flags("report")
	id := fs.String("assessment", "", "the `ID` of the assessment to report on (trainscope sample prints one)")
	summary := fs.Bool("summary", false, "write the two-page summary for leadership instead of the full report for the LACE")
	paper := fs.String("paper", report.PaperFromEnv(s.Getenv), "paper size, `a4 or letter` (default from the locale)")
	out := fs.String("o", "", "the PDF `FILE` to write, or - for standard output")
	if _, err := s.parse(fs, args, 0); err != nil {
		return err
	}
	switch {
	case *id == "":
		return fs.usageErr("say which assessment with -assessment ID")
	case *out == "":
		return fs.usageErr("say where to write the PDF with -o FILE.pdf (or -o - for standard output)")
	case !slices.Contains(report.Papers, strings.ToLower(*paper)):
		return fs.usageErr("unknown paper %q; use -paper a4 or -paper letter", *paper)
	}

	store, err := s.openStore(*fs.db)
	if err != nil {
		return err
	}
	defer store.Close()
	ctx := s.ctx
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
	defs, err := s.definitions()
	if err != nil {
		return err
	}
	all, err := store.Assessments(ctx, train.ID)
	if err != nil {
		return fmt.Errorf("report: the earlier assessments of %s: %w", train.Name, err)
	}

	in := report.NewInput(defs, train, a, all, reportCreated(s.Getenv, s.Now))
	pdf, warnings, err := report.Render(in, report.Options{Summary: *summary, Paper: *paper})
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	for _, w := range warnings {
		fmt.Fprintln(s.Stderr, "trainscope: warning:", w)
	}
	if _, err := s.writeOutput(*out, pdf); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
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
