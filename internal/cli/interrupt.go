package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/trainscope/trainscope/data"
)

// An interrupt (Ctrl+C in the terminal, or SIGTERM from a logout or a
// kill) stops a command as a failure does, through its context: the
// database's reads and writes end (an import is undone), the file being
// written is removed, and nothing is written after it. Left to the system,
// the signal would end the process at once and leave the half-written
// file (a hidden .NAME.* beside the one asked for) and the spreadsheet
// writer's temporary files behind.

// interruptedError is the cause of a command's context ended by a signal.
type interruptedError struct{ sig os.Signal }

func (e *interruptedError) Error() string { return "stopped by " + signalName(e.sig) }

// exitCode is what a shell reports for a process the signal ended: 128
// and the signal's number (130 for Ctrl+C).
func (e *interruptedError) exitCode() int {
	if n, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return ExitFailure
}

// signalName says which signal it was, as a coach knows it.
func signalName(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "Ctrl+C (SIGINT)"
	case syscall.SIGTERM:
		return "SIGTERM (a logout, a shutdown or a kill)"
	}
	return sig.String()
}

// catchInterrupts makes s's context end at the first SIGINT or SIGTERM,
// then gives those signals back to the system, so a second one ends the
// process at once, as it would have without Trainscope. The function it
// returns stops the catching.
func (s *session) catchInterrupts() (stop func()) {
	ctx, cancel := context.WithCancelCause(s.ctx)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-signals:
			signal.Stop(signals)
			again := ""
			if sig == os.Interrupt {
				again = " (another Ctrl+C stops at once)"
			}
			// Undoing an import can take seconds: say so now.
			fmt.Fprintf(s.Stderr, "trainscope: %s: stopping, and undoing what the command had begun%s\n", signalName(sig), again)
			cancel(&interruptedError{sig})
		case <-done:
		}
	}()
	s.ctx = ctx
	return func() {
		signal.Stop(signals)
		close(done)
		cancel(nil)
	}
}

// interrupted is what ended s's commands early, if a signal did.
func (s *session) interrupted() *interruptedError {
	var e *interruptedError
	if errors.As(context.Cause(s.ctx), &e) {
		return e
	}
	return nil
}

// sayInterrupted tells the coach that the command was stopped and what
// was kept, and gives the exit code.
func (s *session) sayInterrupted(e *interruptedError, command string, err error) int {
	fmt.Fprintf(s.Stderr, "trainscope: %s %s before it finished: it wrote no file, and kept nothing it had begun in the database.\n", command, e)
	var kept *data.KeptTrainsError
	if errors.As(err, &kept) {
		// The one thing kept: trains changed elsewhere while the import ran.
		fmt.Fprintf(s.Stderr, "trainscope: %s\n", err)
	}
	return e.exitCode()
}

// ctxReader reads r until ctx ends: a command reading standard input
// stops at an interrupt even while nothing comes.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

type readResult struct {
	n   int
	err error
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	// The read goes on its own goroutine into a buffer of its own, so p is
	// never written after Read returns; a read still waiting when ctx ends
	// is left to the process's exit.
	buf := make([]byte, len(p))
	got := make(chan readResult, 1)
	go func() {
		n, err := c.r.Read(buf)
		got <- readResult{n, err}
	}()
	select {
	case res := <-got:
		return copy(p, buf[:res.n]), res.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}
