package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"
)

// runSample adds the sample train with one finished assessment and prints
// the assessment's id alone on the last line, for scripts.
func runSample(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("sample", flag.ContinueOnError)
	db := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	store, err := openStore(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	trainName, id, err := store.AddSample(context.Background(), time.Now())
	if err != nil {
		return fmt.Errorf("add the sample train: %w", err)
	}
	fmt.Fprintf(stdout, "Added %q to %s with one finished assessment:\n%s\n", trainName, store.Path(), id)
	return nil
}
