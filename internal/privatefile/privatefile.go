// Package privatefile writes the files Trainscope makes for the coach:
// reports marked confidential, bundles, spreadsheets, response files. Each
// is readable by its owner only (0600) and complete or not at all: written
// into a temporary file beside its place, synced, then renamed over it, so
// a failure, a full disk or a kill never leaves half a file where the old
// one was. The command line and the window both write through it.
package privatefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Mode is the mode of every file written here.
const Mode os.FileMode = 0o600

// File is a file being written: the bytes go to a temporary file beside
// path, which Close puts in its place and Abort throws away. Until Close
// returns, a file already at path is as it was.
type File struct {
	path string
	tmp  *os.File
	done bool
}

// Create starts writing the file at path. Its errors say in plain words
// what is wrong with the place: a folder, a missing folder, no permission.
func Create(path string) (*File, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("cannot write %s: it is a folder; name a file in it, e.g. %s", path, filepath.Join(path, "trainscope-file"))
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("cannot write %s: the folder %s does not exist", path, dir)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("cannot write %s: no permission to write in %s", path, dir)
	case err != nil:
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	// CreateTemp makes it 0600 already, whatever the umask; say so anyway.
	if err := tmp.Chmod(Mode); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return &File{path: path, tmp: tmp}, nil
}

// Path is where the file goes.
func (f *File) Path() string { return f.path }

// Write writes to the file being made.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, fmt.Errorf("cannot write %s: it is already closed", f.path)
	}
	return f.tmp.Write(p)
}

// Close puts the file in its place, complete: synced, renamed over what was
// there, the folder synced. After a failure nothing is left but what was
// there before.
func (f *File) Close() error {
	if f.done {
		return nil
	}
	f.done = true
	defer os.Remove(f.tmp.Name()) // gone after the rename; cleans up after a failure
	if err := f.tmp.Sync(); err != nil {
		f.tmp.Close()
		return fmt.Errorf("cannot write %s: %w", f.path, err)
	}
	if err := f.tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", f.path, err)
	}
	if err := os.Rename(f.tmp.Name(), f.path); err != nil {
		return fmt.Errorf("cannot write %s: %w", f.path, err)
	}
	// The rename is durable once the folder is synced; not every file
	// system can sync a folder, and the file is complete either way.
	if d, err := os.Open(filepath.Dir(f.path)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// Abort throws the file being made away and leaves what was at its place.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.tmp.Close()
	os.Remove(f.tmp.Name())
}

// Write writes content to path, private and complete or not at all.
func Write(path string, content []byte) error {
	return WriteWith(path, func(w io.Writer) error {
		_, err := w.Write(content)
		return err
	})
}

// WriteWith is Write for content that fill writes as it goes (a bundle,
// train by train), so it never sits whole in memory. When fill fails,
// nothing changes at path.
func WriteWith(path string, fill func(io.Writer) error) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if err := fill(f); err != nil {
		f.Abort()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return f.Close()
}
