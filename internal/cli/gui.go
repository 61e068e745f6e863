package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"github.com/trainscope/trainscope/app"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// Window is what the GUI needs to start: the database chosen on the
// command line, the definitions and the way every command opens a store.
type Window struct {
	DatabasePath string
	Definitions  *assessment.Definitions
	Open         func(path string) (*data.Store, error)
	Stderr       io.Writer
	Now          func() time.Time
}

// OpenWindow runs the Fyne application on the database until its window
// closes. A database that cannot be opened gets a window that says why and,
// when it is damaged and has a backup, offers to open a copy of the backup.
func OpenWindow(w Window) (err error) {
	defer func() {
		// GLFW panics when it finds no display it can use; say so plainly.
		if r := recover(); r != nil {
			err = fmt.Errorf("the window could not open (%v); check the display, or run a command: trainscope -h lists them", r)
		}
	}()
	limitWindowMemory(os.LookupEnv)
	a := fyneapp.NewWithID(AppID)
	store, err := w.Open(w.DatabasePath)
	if err != nil {
		// Say it in a window too: a coach who starts Trainscope from the
		// desktop never sees the terminal.
		fmt.Fprintln(w.Stderr, "trainscope:", err)
		var damaged *data.DamagedError
		var restore func() (*data.Store, string, error)
		if errors.As(err, &damaged) && damaged.Backup != "" {
			restore = func() (*data.Store, string, error) { return openBackupCopy(w.Open, damaged, w.Now()) }
		}
		app.RunWithOpenError(a, err, restore, w.Definitions)
		return nil
	}
	defer store.Close()
	// The full check of every page and the day's backup wait until the
	// window is up, so neither delays it; what they find is shown.
	a.Lifecycle().SetOnStarted(func() {
		checkInBackground(store, w.Stderr, func(err error) {
			fyne.Do(func() {
				if wins := a.Driver().AllWindows(); len(wins) > 0 {
					dialog.ShowError(err, wins[0])
				}
			})
		})
	})
	app.Run(a, store, w.Definitions)
	return nil
}

// checkInBackground starts the store's background check and backup; a
// problem they find is printed and handed to show, which the window turns
// into a dialog: damage (from then on every save is refused, naming the
// backup to restore) or a backup that could not be made.
func checkInBackground(store *data.Store, stderr io.Writer, show func(error)) {
	store.CheckInBackground(func(err error) {
		fmt.Fprintln(stderr, "trainscope:", err)
		show(err)
	})
}

// openBackupCopy copies the newest backup of a damaged database to a new
// file beside it and opens that, so the coach can work on while the damaged
// file stays exactly as it was for whoever repairs it.
func openBackupCopy(open func(string) (*data.Store, error), damaged *data.DamagedError, now time.Time) (*data.Store, string, error) {
	base := strings.TrimSuffix(filepath.Base(damaged.Path), filepath.Ext(damaged.Path))
	copyPath := filepath.Join(filepath.Dir(damaged.Path), fmt.Sprintf("%s-restored-%s.db", base, now.Format("2006-01-02-150405")))
	content, err := os.ReadFile(damaged.Backup)
	if err != nil {
		return nil, "", fmt.Errorf("read the backup %s: %w", damaged.Backup, err)
	}
	if err := writePrivate(copyPath, content); err != nil {
		return nil, "", err
	}
	store, err := open(copyPath)
	if err != nil {
		return nil, "", err
	}
	return store, fmt.Sprintf("Trainscope is working on %s, a copy of the backup %s. The damaged file %s is as it was. "+
		"To keep working on the copy next time, start Trainscope with -db %s or move it in place of the damaged file.",
		copyPath, filepath.Base(damaged.Backup), damaged.Path, copyPath), nil
}

// windowMemoryLimit is the Go runtime's soft memory limit in the window
// (issue 18's memory bar). Exporting the full report of the big train
// peaks at about 105 MB of Go heap with the default GOGC, though no more
// than about 58 MB of it is live: fpdf makes a zlib writer for every page
// and font, garbage at once. Near the limit the collector runs sooner, and
// never takes more than half the CPU, so a larger report is slower but
// still made. With 80 MiB the window's peak RSS through that export fell
// from 265-271 MB to 242-243 MB, and the export took about 60 ms longer
// (docs/performance.md, "The window's memory").
const windowMemoryLimit = 80 << 20

// limitWindowMemory sets windowMemoryLimit, unless GOMEMLIMIT (read with
// lookup) says what the coach wants instead.
func limitWindowMemory(lookup func(string) (string, bool)) {
	if _, set := lookup("GOMEMLIMIT"); set {
		return
	}
	debug.SetMemoryLimit(windowMemoryLimit)
}
