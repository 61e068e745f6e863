package bundle

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

var rfc3339 = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$`)

// Time parses a time from a bundle or a response file; place names it in
// messages; required says an empty one is wrong.
func Time(v, place string, required bool) (time.Time, error) {
	if v == "" {
		if required {
			return time.Time{}, fmt.Errorf("%s: missing; a time like \"2026-03-01T09:00:00Z\"", place)
		}
		return time.Time{}, nil
	}
	// RFC 3339 exactly as the schema's date-time: a "t" or "z" may be lower
	// case; a comma before the fraction, or an offset of 24 hours, is no
	// RFC 3339 time although Go's parser takes them.
	if !rfc3339.MatchString(v) {
		return time.Time{}, fmt.Errorf("%s: %q is not a time like \"2026-03-01T09:00:00Z\"", place, v)
	}
	t, err := time.Parse(time.RFC3339Nano, strings.ToUpper(v))
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %q is not a time like \"2026-03-01T09:00:00Z\"", place, v)
	}
	if y := t.Year(); y < assessment.EarliestYear || y > assessment.LatestYear {
		return time.Time{}, fmt.Errorf("%s: %q is in the year %d; Trainscope takes dates from %d to %d (a placeholder such as 0001-01-01 or 9999-12-31 is no date)",
			place, v, y, assessment.EarliestYear, assessment.LatestYear)
	}
	return t, nil
}
