package cli

import (
	"context"
	"fmt"
)

// runSample adds the sample train with one finished assessment and prints
// the assessment's id alone on the last line, for scripts.
func runSample(s *session, args []string) error {
	fs := s.flags("sample")
	if _, err := s.parse(fs, args, 0); err != nil {
		return err
	}
	store, err := s.openStore(*fs.db)
	if err != nil {
		return err
	}
	defer store.Close()
	trainName, id, err := store.AddSample(context.Background(), s.Now())
	if err != nil {
		return fmt.Errorf("add the sample train: %w", err)
	}
	fmt.Fprintf(s.Stdout, "Added %q to %s with one finished assessment:\n%s\n", trainName, store.Path(), id)
	return nil
}
