package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assessment/report"
	"github.com/trainscope/trainscope/data"
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
	trains, err := loadPortfolio(context.Background(), store, *group)
	if err != nil {
		return fmt.Errorf("portfolio: %w", err)
	}
	if *group != "" && len(trains) == 0 {
		return fmt.Errorf("portfolio: no train in %s belongs to the group %q; check the group's name on the trains", store.Path(), *group)
	}
	p := assessment.BuildPortfolio(defs, trains, assessment.PortfolioOptions{Group: *group, MinGroup: *minGroup})
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

// loadPortfolio reads the trains of the portfolio, each with its finished
// assessments newest first and its coaches, from the store's per-train
// reads. It stands in for data.Store.PortfolioTrains, the batched read being
// written beside it: switch this variable to that method once it exists.
var loadPortfolio = func(ctx context.Context, store *data.Store, group string) ([]assessment.PortfolioTrain, error) {
	list, err := store.Trains(ctx)
	if err != nil {
		return nil, err
	}
	var out []assessment.PortfolioTrain
	for _, ts := range list {
		t, err := store.Train(ctx, ts.Train.ID)
		if err != nil {
			return nil, fmt.Errorf("train %s: %w", ts.Train.Name, err)
		}
		if group != "" && t.Group != group {
			continue
		}
		all, err := store.Assessments(ctx, t.ID)
		if err != nil {
			return nil, fmt.Errorf("the assessments of %s: %w", t.Name, err)
		}
		pt := assessment.PortfolioTrain{Train: t}
		for _, a := range all {
			if a.Assessor != "" && !slices.Contains(pt.Coaches, a.Assessor) {
				pt.Coaches = append(pt.Coaches, a.Assessor)
			}
			if a.Status == assessment.Final {
				pt.Finished = append(pt.Finished, a)
			}
		}
		slices.Sort(pt.Coaches)
		slices.SortStableFunc(pt.Finished, func(a, b *assessment.Assessment) int { return b.Date.Compare(a.Date) })
		out = append(out, pt)
	}
	return out, nil
}
