package widgets

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/trainscope/trainscope/assessment"
)

// DateText writes a date the way the coach reads it, on every screen and
// in the report alike (assessment.DateText decides it, in the coach's
// locale's order): "15 Aug 2026"; a dash for none.
func DateText(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return assessment.DateText(t)
}

// DateInput is the format of date fields.
const DateInput = assessment.DateInputLayout

// DateFieldText is a date as a date field shows it, empty for none.
func DateFieldText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateInput)
}

// DateFieldHint is what a date field says it takes.
func DateFieldHint() string {
	return "year-month-day, e.g. 2026-03-12, or as the screens show a date: " +
		assessment.DateText(time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC))
}

// ParseDate reads a date field: year-month-day as the field asks, or a date
// as the screens show it, so what the coach reads can be typed back. A date
// written year-month-day that is not a day of the calendar (2026-02-31) is
// told apart from one written some other way, so the coach knows which to
// fix.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if d, ok := assessment.ParseDateText(s); ok {
		return d, nil
	}
	var y, m, d int
	if n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); n == 3 && len(s) <= len("2006-01-02") {
		switch {
		case m < 1 || m > 12:
			return time.Time{}, fmt.Errorf("that month does not exist: write the month from 01 to 12")
		default:
			last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			return time.Time{}, fmt.Errorf("that day does not exist: %s %d has %d days", time.Month(m), y, last)
		}
	}
	return time.Time{}, fmt.Errorf("write the date as %s", DateFieldHint())
}

// ScoreText writes a score, or a dash when nothing was rated.
func ScoreText(s assessment.Score) string {
	if !s.Known() {
		return "–"
	}
	return fmt.Sprintf("%.0f", s.Value)
}

// AnsweredText is the share of items answered, beside every score.
func AnsweredText(s assessment.Score) string {
	return fmt.Sprintf("%d of %d rated (%.0f%%)", s.Rated, s.Total, s.Answered()*100)
}

// VerdictText names a verdict, in the domain's one wording.
func VerdictText(k assessment.VerdictKind) string { return k.Title() }

// SummaryLevel names the level of a stored summary.
func SummaryLevel(s assessment.Summary) string {
	if s.Level == 0 {
		return "–"
	}
	return fmt.Sprintf("%d · %s", s.Level, s.LevelName)
}

// SummaryScore writes the score of a stored summary.
func SummaryScore(s assessment.Summary) string {
	if !s.Known {
		return "–"
	}
	return fmt.Sprintf("%.0f", s.Score)
}

// StatusText names an assessment's status.
func StatusText(s assessment.AssessmentStatus) string {
	if s == assessment.Final {
		return "Finished"
	}
	return "Draft"
}

// AssessmentTitle names an assessment in lists and the breadcrumb.
func AssessmentTitle(pi string, date time.Time) string {
	if pi == "" {
		return "Assessment of " + DateText(date)
	}
	return pi + " · " + DateText(date)
}

// Plural writes a count with the right noun.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// TruncateText shortens s to n runes with an ellipsis.
func TruncateText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Signed writes a change in points with its sign.
func Signed(d float64) string {
	d = math.Round(d)
	switch {
	case d > 0:
		return fmt.Sprintf("+%.0f", d)
	case d < 0:
		return fmt.Sprintf("%.0f", d)
	}
	return "±0"
}

// SignedPoints is a change of score with its unit: "+1 point", "−4 points",
// "±0 points".
func SignedPoints(d float64) string {
	n := int(math.Abs(math.Round(d)))
	return Signed(d) + " " + assessment.Plural(n, "point", "points")
}

// SignedLevels writes a gap in levels with its sign.
func SignedLevels(d int) string {
	switch {
	case d > 0:
		return fmt.Sprintf("+%d", d)
	case d < 0:
		return fmt.Sprintf("−%d", -d)
	}
	return "0"
}

// ShortDate writes a date in a narrow column: as DateText, since a date
// reads one way everywhere.
func ShortDate(t time.Time) string { return DateText(t) }

// Sentence starts an error message with a capital, as a sentence on screen.
func Sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
