package assessment

import (
	"testing"
	"time"
)

func TestImpedimentDateProblems(t *testing.T) {
	today := time.Date(2026, 3, 12, 15, 0, 0, 0, time.UTC)
	d := func(day int) time.Time { return time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name             string
		imp              Impediment
		raised, resolved error
	}{
		{"open, raised today", Impediment{Status: StatusOpen, Raised: d(12)}, nil, nil},
		{"raised tomorrow", Impediment{Status: StatusOpen, Raised: d(13)}, ErrRaisedAfterToday, nil},
		{"resolved before raised", Impediment{Status: StatusResolved, Raised: d(10), Resolved: d(1)}, nil, ErrResolvedBeforeRaised},
		{"resolved the day raised", Impediment{Status: StatusResolved, Raised: d(10), Resolved: d(10)}, nil, nil},
		{"resolved tomorrow", Impediment{Status: StatusResolved, Raised: d(1), Resolved: d(13)}, nil, ErrResolvedAfterToday},
		{"a resolved date on an open one is not looked at", Impediment{Status: StatusOpen, Raised: d(10), Resolved: d(1)}, nil, nil},
		{"no dates", Impediment{Status: StatusResolved}, nil, nil},
	} {
		raised, resolved := tc.imp.DateProblems(today)
		if raised != tc.raised || resolved != tc.resolved {
			t.Errorf("%s: got %v, %v; want %v, %v", tc.name, raised, resolved, tc.raised, tc.resolved)
		}
	}
}
