package assessment

import (
	"errors"
	"time"
)

// The rules an impediment's dates follow, in the words a coach reads next to
// the field that breaks them. The store refuses the same impediments, so a
// form that checks them first never shows as saved what was not.
var (
	ErrRaisedAfterToday     = errors.New("an impediment cannot be raised after today; give the day it was first seen")
	ErrResolvedAfterToday   = errors.New("it cannot be resolved after today; leave the date empty for today")
	ErrResolvedBeforeRaised = errors.New("it cannot be resolved before it was raised; check both dates")
)

// DateProblems says what is wrong with the impediment's raised and resolved
// dates on the given day, each nil when that date is fine. A resolved date
// only counts once the impediment is resolved.
func (imp Impediment) DateProblems(today time.Time) (raised, resolved error) {
	today = Day(today)
	if !imp.Raised.IsZero() && Day(imp.Raised).After(today) {
		raised = ErrRaisedAfterToday
	}
	if imp.Status != StatusResolved || imp.Resolved.IsZero() {
		return raised, nil
	}
	switch {
	case Day(imp.Resolved).After(today):
		resolved = ErrResolvedAfterToday
	case !imp.Raised.IsZero() && imp.Resolved.Before(imp.Raised):
		resolved = ErrResolvedBeforeRaised
	}
	return raised, resolved
}
