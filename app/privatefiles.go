package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"

	"github.com/trainscope/trainscope/internal/privatefile"
)

// Files the coach saves from the window (reports, bundles, spreadsheets,
// response files) are written through Fyne's storage, whose file writer
// truncates the file when the save dialog closes and creates it readable by
// others. privateFiles is Fyne's own file repository with one change: its
// writer is a privatefile.File, so every saved file is 0600 and complete or
// not at all, and a file being replaced stays whole until the new one is.

// fileRepository is every part of Fyne's file repository that its storage
// functions look for, so wrapping it keeps them all.
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.CopyableRepository
	repository.MovableRepository
	repository.DeleteAllRepository
}

type privateFiles struct{ fileRepository }

// Writer starts the file at u privately; Close puts it in place.
func (privateFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	f, err := privatefile.Create(u.Path())
	if err != nil {
		return nil, err
	}
	return &privateWriter{File: f, uri: u}, nil
}

// privateWriter is a private file as Fyne's storage hands it out.
type privateWriter struct {
	*privatefile.File
	uri fyne.URI
}

func (w *privateWriter) URI() fyne.URI { return w.uri }

// usePrivateFiles puts privateFiles in place of the driver's file
// repository, once; a driver whose repository lacks a part Fyne's own has
// keeps its own.
func usePrivateFiles() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := r.(privateFiles); done {
		return
	}
	if fr, ok := r.(fileRepository); ok {
		repository.Register("file", privateFiles{fr})
	}
}

// abandon closes a writer whose content failed: a private file is thrown
// away, leaving what was there; another writer is closed as it is.
func abandon(w fyne.URIWriteCloser) {
	if a, ok := w.(interface{ Abort() }); ok {
		a.Abort()
		return
	}
	w.Close()
}
