package app

import (
	"slices"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
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

// TestKeyListNamesTheFollowUpKeys: F1's list says which digit sets which
// follow-up state, in the states' own words.
func TestKeyListNamesTheFollowUpKeys(t *testing.T) {
	line := followUpKeys()
	if line[0] != "1 – 4 (since last PI)" {
		t.Errorf("keys %q", line[0])
	}
	for _, st := range assessment.FollowUpStates {
		if want := st.Key() + " " + strings.ToLower(st.Title()); !strings.Contains(line[1], want) {
			t.Errorf("%q does not say %q", line[1], want)
		}
	}
	if !slices.Contains(keyHelp, line) {
		t.Error("F1's list leaves out the follow-up keys")
	}
}
