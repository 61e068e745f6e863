package assessment

import (
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/method.md from the definitions and rules")

// TestMethodDocUpToDate keeps docs/method.md equal to what Method says, so
// the documented method never drifts from the code. Run with -update to
// rewrite it.
func TestMethodDocUpToDate(t *testing.T) {
	const path = "../docs/method.md"
	want := Method(loadDefs(t))
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatalf("write %s: %v", path, err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v (run go test ./assessment/ -run TestMethodDocUpToDate -update)", path, err)
	}
	if string(got) != want {
		t.Errorf("%s is out of date; run go test ./assessment/ -run TestMethodDocUpToDate -update", path)
	}
}
