package cli

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// interruptedRun runs the command line in-process under a context already
// ended as Ctrl+C ends it.
func interruptedRun(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(&interruptedError{os.Interrupt})
	var out, errOut strings.Builder
	p := Program{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv:  func(k string) string { return env[k] },
		Version: "1.2.3-test",
		Context: ctx,
	}
	return result{code: p.Run(args), stdout: out.String(), stderr: errOut.String()}
}

// TestInterruptedCommandsLeaveNoFile: a command stopped by Ctrl+C exits
// 130, says so in plain words, writes no file (not even the hidden
// half-written one beside it) and changes nothing in the database.
func TestInterruptedCommandsLeaveNoFile(t *testing.T) {
	env := testEnv(t)
	dir := t.TempDir()
	db, id := sampleDB(t, env, dir)
	bundle := filepath.Join(t.TempDir(), "bundle.json")
	if r := trainscope(t, env, "export", "-db", db, "-o", bundle); r.code != 0 {
		t.Fatalf("export exited %d: %s", r.code, r.stderr)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	if r := trainscope(t, env, "sample", "-db", other); r.code != 0 {
		t.Fatalf("sample exited %d: %s", r.code, r.stderr)
	}
	before := trainscope(t, env, "export", "-db", other, "-o", "-")

	out := t.TempDir()
	for _, args := range [][]string{
		{"export", "-db", db, "-o", filepath.Join(out, "all.json")},
		{"export", "-db", db, "-format", "xlsx", "-o", filepath.Join(out, "all.xlsx")},
		{"export", "-db", db, "-format", "csv", "-o", filepath.Join(out, "all.csv")},
		{"report", "-db", db, "-assessment", id, "-o", filepath.Join(out, "report.pdf")},
		{"portfolio", "-db", db, "-o", filepath.Join(out, "portfolio.pdf")},
		{"import", "-db", other, bundle},
	} {
		r := interruptedRun(t, env, args...)
		if r.code != 130 {
			t.Errorf("%s interrupted exited %d, want 130; stderr: %s", args[0], r.code, r.stderr)
		}
		want := "trainscope: " + args[0] + " stopped by Ctrl+C (SIGINT) before it finished: it wrote no file, and kept nothing it had begun in the database.\n"
		if r.stderr != want {
			t.Errorf("%s interrupted said %q, want %q", args[0], r.stderr, want)
		}
	}
	if left, _ := os.ReadDir(out); len(left) > 0 {
		t.Errorf("interrupted commands left %d files, %s first", len(left), left[0].Name())
	}
	if after := trainscope(t, env, "export", "-db", other, "-o", "-"); after.stdout != before.stdout {
		t.Error("an interrupted import changed the database")
	}
}

// TestInterruptChild is the child process of TestCtrlCStopsAWaitForInput:
// the command line as main runs it, catching the signals.
func TestInterruptChild(t *testing.T) {
	args := os.Getenv("TRAINSCOPE_INTERRUPT_CHILD")
	if args == "" {
		t.Skip("the child of TestCtrlCStopsAWaitForInput")
	}
	os.Exit(Run(strings.Split(args, "\x1f"), os.Stdin, os.Stdout, os.Stderr, os.Getenv, "1.2.3-test"))
}

// TestCtrlCStopsAWaitForInput: a real SIGINT, and a SIGTERM, stop
// "trainscope import -" while it waits for the rest of its standard input:
// the process ends at once with 130 (143), says why, and the database is
// as it was.
func TestCtrlCStopsAWaitForInput(t *testing.T) {
	env := testEnv(t)
	db, _ := sampleDB(t, env, t.TempDir())
	before := trainscope(t, env, "export", "-db", db, "-o", "-")
	for _, c := range []struct {
		sig  syscall.Signal
		code int
		says string
	}{
		{syscall.SIGINT, 130, "import stopped by Ctrl+C (SIGINT) before it finished"},
		{syscall.SIGTERM, 143, "import stopped by SIGTERM (a logout, a shutdown or a kill) before it finished"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "HOME="+env["HOME"], "TRAINSCOPE_INTERRUPT_CHILD="+strings.Join([]string{"import", "-db", db, "-"}, "\x1f"))
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(stdin, `{"format": "trainscope-bundle", "trains": [`); err != nil {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond) // the child waits for the rest
		sent := time.Now()
		if err := cmd.Process.Signal(c.sig); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v did not stop the import waiting for its input within 10 s", c.sig)
		}
		stdin.Close()
		if got := cmd.ProcessState.ExitCode(); got != c.code {
			t.Errorf("after %v the import exited %d, want %d; stderr: %s", c.sig, got, c.code, stderr.String())
		}
		if !strings.Contains(stderr.String(), c.says) {
			t.Errorf("after %v the import said %q, want it to say %q", c.sig, stderr.String(), c.says)
		}
		t.Logf("%v: the child ended %v after the signal", c.sig, time.Since(sent).Round(time.Millisecond))
	}
	if after := trainscope(t, env, "export", "-db", db, "-o", "-"); after.stdout != before.stdout {
		t.Error("an interrupted import changed the database")
	}
}

// TestNothingIsWrittenAfterAnInterrupt: an interrupt that comes while a
// command draws its PDF (which does not look at the context), or as a
// streamed file is being finished, leaves no file either.
func TestNothingIsWrittenAfterAnInterrupt(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancelCause(context.Background())
	s := &session{Program: Program{Stdout: io.Discard, Stderr: io.Discard}, ctx: ctx}
	streamed := filepath.Join(dir, "streamed.json")
	if _, err := s.writeOutputWith(streamed, func(w io.Writer) error {
		_, err := io.WriteString(w, "all of it")
		cancel(&interruptedError{os.Interrupt}) // Ctrl+C as the last byte goes out
		return err
	}); err == nil {
		t.Error("a file finished as the interrupt came was put in place")
	}
	if _, err := s.writeOutput(filepath.Join(dir, "drawn.pdf"), []byte("%PDF-")); err == nil {
		t.Error("a file drawn before the interrupt was written after it")
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("%d files left after the interrupt, %s first", len(left), left[0].Name())
	}
	if s.interrupted() == nil {
		t.Error("the session does not know it was interrupted")
	}
}
