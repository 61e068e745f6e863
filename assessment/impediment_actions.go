package assessment

import "time"

// Resolve is the impediment closed on today: resolved, on today's date, or
// on the day it was raised when today comes before it (a clock set wrong,
// or an impediment raised ahead of time), so it never ends before it began.
func (imp Impediment) Resolve(today time.Time) Impediment {
	imp.Status = StatusResolved
	imp.Resolved = Day(today)
	if imp.Resolved.Before(imp.Raised) {
		imp.Resolved = imp.Raised
	}
	return imp
}

// CanEscalate tells whether the impediment has a rung above it: a team's
// goes to the train, the train's to the LACE, and the LACE's has nowhere.
func (imp Impediment) CanEscalate() bool {
	_, ok := imp.Level.above()
	return ok
}

// Escalate is the impediment one rung up the ladder (team to train, train
// to LACE) and marked escalated. At the top it is returned as it is, with
// false.
func (imp Impediment) Escalate() (Impediment, bool) {
	up, ok := imp.Level.above()
	if !ok {
		return imp, false
	}
	imp.Level = up
	imp.Escalated = true
	return imp, true
}

// above is the level an impediment escalates to from l.
func (l ImpedimentLevel) above() (ImpedimentLevel, bool) {
	switch l {
	case LevelTeam:
		return LevelART, true
	case LevelART:
		return LevelLACE, true
	}
	return l, false
}
