package cli

import (
	"fmt"

	"github.com/trainscope/trainscope/assessment"
)

// runSample adds the sample train with its finished assessments, a PI
// apart, and prints the latest's id alone on the last line, for scripts.
func runSample(s *session, args []string) error {
	fs := s.flags("sample")
	framework := fs.String("framework", "SAFe", "the sample's `FRAMEWORK`: SAFe (an Agile Release Train of eight teams) or Scrum@Scale (a Scrum of Scrums of six)")
	if _, err := s.parse(fs, args, 0); err != nil {
		return err
	}
	f, ok := findFramework(*framework)
	if !ok || f == assessment.OtherFramework {
		return fs.usageErr("no sample for framework %q; one of SAFe, Scrum@Scale", *framework)
	}
	store, err := s.openStore(*fs.db)
	if err != nil {
		return err
	}
	defer store.Close()
	trainName, id, err := store.AddSampleOf(s.ctx, f, s.Now())
	if err != nil {
		return fmt.Errorf("add the sample train: %w", err)
	}
	ctx := s.ctx
	latest, err := store.Assessment(ctx, id)
	if err != nil {
		return fmt.Errorf("read the sample train back: %w", err)
	}
	all, err := store.Assessments(ctx, latest.TrainID)
	if err != nil {
		return fmt.Errorf("read the sample train back: %w", err)
	}
	fmt.Fprintf(s.Stdout, "Added %q to %s with %s, the latest %s:\n%s\n", trainName, store.Path(),
		assessment.Count(len(all), "finished assessment", "finished assessments"), latest.PI, id)
	return nil
}
