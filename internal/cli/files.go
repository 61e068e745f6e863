package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Every file Trainscope writes for the coach holds a train's assessment:
// reports marked confidential, bundles, CSV, response files. They are
// written private (0600) and atomically, here and nowhere else in the
// command line.

// privateMode is the mode of every file the command line writes.
const privateMode os.FileMode = 0o600

// writePrivate writes content to path readable by its owner only, complete
// or not at all: into a temporary file beside it, synced, then renamed into
// place, so a failure never leaves half a file where the old one was.
func writePrivate(path string, content []byte) error {
	return writePrivateWith(path, func(w io.Writer) error {
		_, err := w.Write(content)
		return err
	})
}

// writePrivateWith is writePrivate for content fill writes as it goes (a
// bundle, train by train), so it never sits whole in memory.
func writePrivateWith(path string, fill func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("cannot write %s: it is a folder; name a file in it, e.g. %s", path, filepath.Join(path, "trainscope-file"))
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot write %s: no permission to write in %s", path, dir)
	case err != nil:
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // gone after the rename; cleans up after a failure
	fail := func(err error) error {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Chmod(privateMode); err != nil { // CreateTemp makes it 0600 already; a umask cannot widen it
		return fail(err)
	}
	if err := fill(tmp); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	// The rename is durable once the folder is synced; not every file
	// system can sync a folder, and the file is complete either way.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// writeOutput writes content to the file named with -o, or to standard
// output when that is "-". It tells whether the content went to a file, so
// the command knows whether to say where.
func (s *session) writeOutput(path string, content []byte) (toFile bool, err error) {
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
	return true, writePrivateWith(path, fill)
}
