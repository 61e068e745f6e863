package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assessment/report"
)

// runPortfolio writes the LACE's portfolio report: every train in the
// database (or one group's), compared, with what is systemic across them.
func runPortfolio(s *session, args []string) error {
	fs := s.flags("portfolio")
	group := fs.String("group", "", "only the trains of this portfolio, value stream or solution train (`NAME`)")
	minGroup := fs.Int("min-group", assessment.DefaultMinGroup, "the fewest trains (`N`) a group's figures are shown for")
	summary := fs.Bool("summary", false, "stop after the systemic findings: no page per train, no method")
	paper := fs.String("paper", report.PaperFromEnv(s.Getenv), "paper size, `a4 or letter` (default from the locale)")
	out := fs.String("o", "", "the PDF `FILE` to write, or - for standard output")
	if _, err := s.parse(fs, args, 0); err != nil {
		return err
	}
	switch {
	case *out == "":
		return fs.usageErr("say where to write the PDF with -o FILE.pdf (or -o - for standard output)")
	case !slices.Contains(report.Papers, strings.ToLower(*paper)):
		return fs.usageErr("unknown paper %q; use -paper a4 or -paper letter", *paper)
	case *minGroup < 1:
		return fs.usageErr("-min-group must be 1 or more")
	}
	store, err := s.openStore(*fs.db)
	if err != nil {
		return err
	}
	defer store.Close()
	defs, err := s.definitions()
	if err != nil {
		return err
	}
	ctx := s.ctx
	trains, err := store.PortfolioTrains(ctx, *group)
	if err != nil {
		return fmt.Errorf("portfolio: %w", err)
	}
	if *group != "" && len(trains) == 0 {
		return fmt.Errorf("portfolio: no train in %s belongs to the group %q; check the group's name on the trains", store.Path(), *group)
	}
	review, err := store.PortfolioReview(ctx, *group)
	if err != nil {
		return fmt.Errorf("portfolio: %w", err)
	}
	p := assessment.BuildPortfolio(defs, trains, assessment.PortfolioOptions{Group: *group, MinGroup: *minGroup})
	p.Review(review)
	pdf, warnings, err := report.RenderPortfolio(report.PortfolioInput{Portfolio: p, Definitions: defs, Created: reportCreated(s.Getenv, s.Now)},
		report.Options{Summary: *summary, Paper: *paper})
	if err != nil {
		return fmt.Errorf("portfolio: %w", err)
	}
	for _, w := range warnings {
		fmt.Fprintln(s.Stderr, "trainscope: warning:", w)
	}
	if _, err := s.writeOutput(*out, pdf); err != nil {
		return fmt.Errorf("portfolio: %w", err)
	}
	return nil
}
