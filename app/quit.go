package app

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
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

// quitWatch ends the process when a.Run does not return from a quit: it
// first makes the stop it was given (the window's, once there is one),
// then exits.
type quitWatch struct {
	mu       sync.Mutex
	asked    bool   // a quit was asked for: the timer runs
	returned bool   // a.Run returned: its caller finishes the stop itself
	finish   func() // the stop to make before the exit; nil: nothing to save
	grace    time.Duration
	exit     func(code int)
	signals  chan os.Signal
}

// newQuitWatch is a watch that calls exit grace after a quit was asked
// for, unless a.Run returned.
func newQuitWatch(grace time.Duration, exit func(int)) *quitWatch {
	return &quitWatch{grace: grace, exit: exit}
}

// watch gives the watch ui's stop, and ui the watch, so that closing ui's
// window, File ▸ Quit and a stuck quit all go through it.
func (ui *UI) watch(q *quitWatch) {
	q.mu.Lock()
	defer q.mu.Unlock()
	ui.quit = q
	q.finish = ui.stopForGood
}

// watchSignals counts SIGTERM and SIGINT (which Fyne turns into a quit)
// as a quit asked for.
func (q *quitWatch) watchSignals() {
	q.signals = make(chan os.Signal, 1)
	signal.Notify(q.signals, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		if _, ok := <-q.signals; ok {
			q.ask()
		}
	}()
}

// ask starts the wait for a.Run to return, once.
func (q *quitWatch) ask() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.asked || q.returned {
		return
	}
	q.asked = true
	time.AfterFunc(q.grace, q.stuck)
}

// runWatched runs the app with q counting its quits and SIGTERM, then,
// once a.Run has returned, has q stand down and makes the stop after (a
// stuck a.Run leaves it to q).
func runWatched(a fyne.App, q *quitWatch, after func()) {
	q.watchSignals()
	a.Run()
	q.runReturned()
	after()
}

// runReturned says a.Run returned: the watch stands down.
func (q *quitWatch) runReturned() {
	q.mu.Lock()
	q.returned = true
	q.mu.Unlock()
	if q.signals != nil {
		signal.Stop(q.signals)
		close(q.signals)
	}
}

// stuck makes the stop a.Run's caller would have made, then the exit Fyne
// did not reach.
func (q *quitWatch) stuck() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.returned {
		return
	}
	if q.finish != nil {
		q.finish()
	}
	q.exit(0)
}

// quitAsked tells the window's watch, if it has one (not a test's window),
// that a quit was asked for.
func (ui *UI) quitAsked() {
	if ui.quit != nil {
		ui.quit.ask()
	}
}

// stopForGood is the stop Run makes after a.Run, made by the watch when
// a.Run does not return: what is typed is saved, the store's last writes
// land and it is closed.
func (ui *UI) stopForGood() {
	ui.finishStop()
	if err := ui.store.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "trainscope:", err)
	}
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
