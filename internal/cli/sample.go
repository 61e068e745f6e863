package cli

import (
	"context"
	"fmt"

	"github.com/trainscope/trainscope/assessment"
)

// runSample adds the sample train with one finished assessment and prints
// the assessment's id alone on the last line, for scripts.
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
	trainName, id, err := store.AddSampleOf(context.Background(), f, s.Now())
	if err != nil {
		return fmt.Errorf("add the sample train: %w", err)
	}
	fmt.Fprintf(s.Stdout, "Added %q to %s with one finished assessment:\n%s\n", trainName, store.Path(), id)
	return nil
}
