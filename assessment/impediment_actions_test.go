package assessment

import (
	"testing"
	"time"
)

func TestImpedimentResolve(t *testing.T) {
	raised := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	imp := Impediment{Title: "No test environment", Status: StatusOpen, Level: LevelTeam, Raised: raised}

	got := imp.Resolve(time.Date(2026, 3, 20, 15, 45, 0, 0, time.UTC))
	if got.Status != StatusResolved {
		t.Errorf("status = %q, want resolved", got.Status)
	}
	if want := time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC); !got.Resolved.Equal(want) {
		t.Errorf("resolved on %v, want the day only, %v", got.Resolved, want)
	}
	if imp.Status != StatusOpen || !imp.Resolved.IsZero() {
		t.Errorf("Resolve changed the impediment it was called on: %+v", imp)
	}

	// A clock set before the day it was raised: it ends the day it began.
	early := imp.Resolve(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	if !early.Resolved.Equal(raised) {
		t.Errorf("resolved before it was raised: %v, want %v", early.Resolved, raised)
	}
	if p, r := early.DateProblems(raised); p != nil || r != nil {
		t.Errorf("a resolved impediment breaks the date rules: %v, %v", p, r)
	}
}

func TestImpedimentEscalate(t *testing.T) {
	for _, c := range []struct {
		from, to ImpedimentLevel
		ok       bool
	}{
		{LevelTeam, LevelART, true},
		{LevelART, LevelLACE, true},
		{LevelLACE, LevelLACE, false},
	} {
		imp := Impediment{Title: "Shared staging", Level: c.from, Status: StatusOpen}
		if imp.CanEscalate() != c.ok {
			t.Errorf("%s: CanEscalate = %v, want %v", c.from, imp.CanEscalate(), c.ok)
		}
		got, ok := imp.Escalate()
		if ok != c.ok || got.Level != c.to || got.Escalated != c.ok {
			t.Errorf("%s: Escalate = %s, escalated %v, %v; want %s, %v", c.from, got.Level, got.Escalated, ok, c.to, c.ok)
		}
		if imp.Level != c.from || imp.Escalated {
			t.Errorf("%s: Escalate changed the impediment it was called on", c.from)
		}
	}
}
