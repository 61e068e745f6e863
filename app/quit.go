package app

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// quitGrace is how long the window waits, once the coach (or the system,
// with SIGTERM) has asked it to quit, for Fyne to return from its main
// loop before it finishes the stop itself.
//
// Fyne 2.8.1 can hang as it quits: its loop hands the app's stopped hook
// to the lifecycle goroutine, which queues it for the main loop the loop
// has just drained and closed, and a.Run then waits for that hook for
// ever; the window is gone but the process stays (scripts/quit-on-term.sh
// counts it). When the race goes the other way the hook is skipped
// without running. Either way nothing typed may be lost, and the process
// must end: Run flushes what is typed after a.Run returns, and, if it
// does not return, the watch does so and exits.
const quitGrace = 5 * time.Second

// quitWatch finishes the window's stop when a.Run does not return.
type quitWatch struct {
	mu       sync.Mutex
	asked    bool // a quit was asked for: the timer runs
	returned bool // a.Run returned: Run finishes the stop itself
	grace    time.Duration
	exit     func(code int)
	signals  chan os.Signal
}

// newQuitWatch is a watch that calls exit grace after a quit was asked
// for, unless a.Run returned.
func newQuitWatch(grace time.Duration, exit func(int)) *quitWatch {
	return &quitWatch{grace: grace, exit: exit}
}

// watchSignals counts SIGTERM and SIGINT (which Fyne turns into a quit)
// as a quit asked for.
func (ui *UI) watchSignals() {
	q := ui.quit
	q.signals = make(chan os.Signal, 1)
	signal.Notify(q.signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		if _, ok := <-q.signals; ok {
			ui.quitAsked()
		}
	}()
}

// quitAsked starts the wait for a.Run to return, once.
func (ui *UI) quitAsked() {
	q := ui.quit
	if q == nil {
		return // not Run's window: a test's, or the one opened on a backup
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.asked || q.returned {
		return
	}
	q.asked = true
	time.AfterFunc(q.grace, ui.finishStuckQuit)
}

// runReturned says a.Run returned: the watch stands down.
func (ui *UI) runReturned() {
	q := ui.quit
	q.mu.Lock()
	q.returned = true
	q.mu.Unlock()
	if q.signals != nil {
		signal.Stop(q.signals)
		close(q.signals)
	}
}

// finishStuckQuit is the stop Run would have made after a.Run, made by the
// watch instead, then the exit Fyne did not reach: what is typed is saved,
// the store's last writes land and it is closed.
func (ui *UI) finishStuckQuit() {
	q := ui.quit
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.returned {
		return
	}
	ui.finishStop()
	if err := ui.store.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "trainscope:", err)
	}
	q.exit(0)
}

// saveBeforeStop is what the window does as the app stops (Fyne's stopped
// hook): background work no longer reaches the screen, what is being typed
// is saved, the window's size is remembered.
func (ui *UI) saveBeforeStop() {
	ui.stopping()
	ui.typing.flush()
	ui.rememberSize()
}

// finishStop is the last of the window's work: saveBeforeStop again, for
// when Fyne skipped its hook, then the worker finishes what it was given.
func (ui *UI) finishStop() {
	ui.saveBeforeStop()
	ui.bg.close()
}
