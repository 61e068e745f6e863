package cli

import (
	"fmt"
	"io"

	"github.com/trainscope/trainscope/internal/privatefile"
)

// Every file Trainscope writes for the coach holds a train's assessment:
// reports marked confidential, bundles, CSV, response files. They are
// written private (0600) and atomically, here and nowhere else in the
// command line.

// writePrivate writes content to path readable by its owner only, complete
// or not at all (privatefile.Write).
func writePrivate(path string, content []byte) error { return privatefile.Write(path, content) }

// writePrivateWith is writePrivate for content fill writes as it goes (a
// bundle, train by train), so it never sits whole in memory.
func writePrivateWith(path string, fill func(io.Writer) error) error {
	return privatefile.WriteWith(path, fill)
}

// writeOutput writes content to the file named with -o, or to standard
// output when that is "-". It tells whether the content went to a file, so
// the command knows whether to say where.
func (s *session) writeOutput(path string, content []byte) (toFile bool, err error) {
	if err := s.ctx.Err(); err != nil {
		return path != "-", err // interrupted: nothing is written after it
	}
	if path == "-" {
		if _, err := s.Stdout.Write(content); err != nil {
			return false, fmt.Errorf("write to standard output: %w", err)
		}
		return false, nil
	}
	return true, writePrivate(path, content)
}

// writeOutputWith is writeOutput for content fill writes as it goes; its
// errors are fill's own, which say what failed.
func (s *session) writeOutputWith(path string, fill func(io.Writer) error) (toFile bool, err error) {
	if path == "-" {
		return false, fill(s.Stdout)
	}
	return true, writePrivateWith(path, func(w io.Writer) error {
		if err := fill(w); err != nil {
			return err
		}
		return s.ctx.Err() // interrupted as it finished: the file is not put in place
	})
}
