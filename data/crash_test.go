package data

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// The crash test runs a writer in a child process (this test binary again,
// told so by these variables), kills it with SIGKILL at a random moment and
// checks that the database is intact and holds every write the child had
// reported as saved.
const (
	crashEnvDB         = "TRAINSCOPE_CRASH_DB"
	crashEnvAssessment = "TRAINSCOPE_CRASH_ASSESSMENT"
	crashEnvCycle      = "TRAINSCOPE_CRASH_CYCLE"
	crashCycles        = 200
)

// TestCrashChild is the writer. Run alone it does nothing.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnvDB)
	if path == "" {
		t.Skip("the child of TestCrashKeepsAcknowledgedWrites")
	}
	ctx := context.Background()
	s, err := Open(path, Options{Summarize: countingSummary})
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	id, cycle := os.Getenv(crashEnvAssessment), os.Getenv(crashEnvCycle)
	// Never outlive a parent that failed to kill us.
	deadline := time.Now().Add(10 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		ans := assessment.Answer{ItemID: fmt.Sprintf("c%s-%d", cycle, i), Rating: assessment.Rating(i%5 + 1), Note: "write " + strconv.Itoa(i)}
		if err := s.SetAnswer(ctx, id, ans); err != nil {
			fmt.Println("error:", err)
			os.Exit(2)
		}
		// Acknowledged: SetAnswer returned nil, so the write must survive.
		// A line this short reaches the pipe whole or not at all.
		fmt.Printf("ok %s %d\n", ans.ItemID, ans.Rating)
	}
	os.Exit(3)
}

func TestCrashKeepsAcknowledgedWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trainscope.db")
	s, err := Open(path, Options{})
	must(t, err)
	tr := addTrain(t, s, "Crash")
	must(t, s.SaveRoster(ctx, tr.ID, testRoster()))
	a := assessment.Assessment{TrainID: tr.ID, Date: day(2026, 3, 1)}
	must(t, s.CreateAssessment(ctx, &a))
	must(t, s.Close())

	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	acked := map[string]assessment.Rating{}
	killedWriting := 0
	start := time.Now()
	for cycle := range crashCycles {
		// Most kills land while answers are being written; one in eight
		// lands earlier, while the child is still opening the database.
		early := rng.IntN(8) == 0
		delay := time.Duration(rng.IntN(25_000)) * time.Microsecond
		lines := runAndKill(t, "TestCrashChild", []string{crashEnvDB + "=" + path, crashEnvAssessment + "=" + a.ID}, cycle, early, delay)
		if len(lines) > 0 {
			killedWriting++
		}
		for _, l := range lines {
			f := strings.Fields(l)
			if len(f) != 3 || f[0] != "ok" {
				t.Fatalf("cycle %d: child said %q", cycle, l)
			}
			r, _ := strconv.Atoi(f[2])
			acked[f[1]] = assessment.Rating(r)
		}
		verifyAfterCrash(t, path, a.ID, cycle, acked)
	}
	t.Logf("%d kills (%d while writing) in %v; %d acknowledged writes all present", crashCycles, killedWriting, time.Since(start).Round(time.Millisecond), len(acked))
	if killedWriting < crashCycles/2 {
		t.Fatalf("only %d of %d kills happened while writing", killedWriting, crashCycles)
	}
}

// runAndKill starts the child test, kills it after delay (counted from its
// first acknowledged write, or from its start when early) and returns every
// complete line it printed.
func runAndKill(t *testing.T, child string, env []string, cycle int, early bool, delay time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+child+"$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), env...), crashEnvCycle+"="+strconv.Itoa(cycle))
	out, err := cmd.StdoutPipe()
	must(t, err)
	cmd.Stderr = os.Stderr
	must(t, cmd.Start())

	lines := make(chan string, 1024)
	done := make(chan struct{})
	go func() {
		defer close(done)
		r := bufio.NewReader(out)
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				return // a fragment without its newline was not acknowledged
			}
			lines <- strings.TrimSuffix(l, "\n")
		}
	}()
	var got []string
	if early {
		time.Sleep(delay / 2)
	} else {
		select {
		case l := <-lines:
			got = append(got, l)
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("cycle %d: the child wrote nothing for 20 s", cycle)
		}
		time.Sleep(delay)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	<-done
	cmd.Wait()
	close(lines)
	for l := range lines {
		got = append(got, l)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && !ws.Signaled() {
		t.Fatalf("cycle %d: the child ended by itself (%v) instead of being killed; its output: %q", cycle, cmd.ProcessState, got)
	}
	return got
}

func verifyAfterCrash(t *testing.T, path, assessmentID string, cycle int, acked map[string]assessment.Rating) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("cycle %d: open after kill: %v", cycle, err)
	}
	defer s.Close()
	var check string
	must(t, s.db.QueryRow("PRAGMA integrity_check").Scan(&check))
	if check != "ok" {
		t.Fatalf("cycle %d: integrity_check: %s", cycle, check)
	}
	a, err := s.Assessment(context.Background(), assessmentID)
	must(t, err)
	for item, rating := range acked {
		if got, ok := a.Answers[item]; !ok || got.Rating != rating {
			t.Fatalf("cycle %d: acknowledged answer %s (rating %d) lost: got %+v", cycle, item, rating, got)
		}
	}
}
