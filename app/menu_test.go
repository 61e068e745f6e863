package app

import (
	"strings"
	"testing"
)

// TestMethodWindowIsForCoaches: Help ▸ How scores are computed shows no
// instructions for developers and no table wider than the window.
func TestMethodWindowIsForCoaches(t *testing.T) {
	ui, _ := newTestUI(t)
	ui.menu.method.Action()
	ws := ui.app.Driver().AllWindows()
	w := ws[len(ws)-1]
	if !strings.Contains(w.Title(), "how scores are computed") {
		t.Fatalf("the last window is %q", w.Title())
	}
	all := strings.Join(texts(w.Canvas()), "\n")
	for _, dev := range []string{"Do not edit by hand", "go test", "-update"} {
		if strings.Contains(all, dev) {
			t.Errorf("the method window shows %q", dev)
		}
	}
	if !strings.Contains(all, "Trainscope method") || !strings.Contains(all, "Role-gap rules that apply") {
		t.Errorf("the method window lost its content")
	}
	for _, l := range strings.Split(methodForCoach(strings.Repeat("| a | b |\n|---|---|\n| "+strings.Repeat("x", 200)+" | y |\n", 1)), "\n") {
		if strings.HasPrefix(l, "|") {
			t.Errorf("a wide table is left as a table: %q", l)
		}
	}
}
