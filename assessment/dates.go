package assessment

import (
	"strings"
	"sync/atomic"
	"time"
)

// How a date reads, on every screen and in every report: the one place that
// decides it. The order of day, month and year follows the coach's locale
// (SetDateLocale, which the window calls with the locale the system
// reports); the month is written as a word, so no reader takes the 3rd of
// August for the 8th of March.

// DateOrder is the order a locale writes day, month and year in.
type DateOrder int32

const (
	DayMonthYear DateOrder = iota // 15 Aug 2026: most of the world
	MonthDayYear                  // Aug 15, 2026: the United States and a few others
	YearMonthDay                  // 2026 Aug 15: East Asia, Hungary, Lithuania
)

// monthFirst and yearFirst are the regions and languages whose dates do not
// start with the day (CLDR's short date patterns).
var (
	monthFirstRegions = []string{"US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH", "PW", "BZ"}
	yearFirstLangs    = []string{"zh", "ja", "ko", "hu", "lt", "mn"}
)

// DateOrderFor is the order of a locale such as "en-US", "en_GB.UTF-8",
// "de-DE" or "ja"; an empty or unknown locale writes the day first.
func DateOrderFor(locale string) DateOrder {
	locale, _, _ = strings.Cut(locale, ".")
	locale, _, _ = strings.Cut(locale, "@")
	parts := strings.FieldsFunc(locale, func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 {
		return DayMonthYear
	}
	lang := strings.ToLower(parts[0])
	for _, p := range parts[1:] {
		p = strings.ToUpper(p)
		for _, r := range monthFirstRegions {
			if p == r {
				return MonthDayYear
			}
		}
	}
	for _, l := range yearFirstLangs {
		if lang == l {
			return YearMonthDay
		}
	}
	return DayMonthYear
}

// dateOrder is the order dates are written in; the locale is set once, as
// the window opens, and read by every screen and report after it.
var dateOrder atomic.Int32

// SetDateLocale writes dates from now on in the order of the locale.
func SetDateLocale(locale string) { dateOrder.Store(int32(DateOrderFor(locale))) }

// SetDateOrder writes dates from now on in the order given.
func SetDateOrder(o DateOrder) { dateOrder.Store(int32(o)) }

// CurrentDateOrder is the order dates are written in now.
func CurrentDateOrder() DateOrder { return DateOrder(dateOrder.Load()) }

// layout is the order's way of writing a day, for time.Format and time.Parse.
func (o DateOrder) layout() string {
	switch o {
	case MonthDayYear:
		return "Jan 2, 2006"
	case YearMonthDay:
		return "2006 Jan 2"
	}
	return "2 Jan 2006"
}

// DateText writes a day as every screen and report shows it, "15 Aug 2026"
// (or the locale's order of it); empty for no date, so each place says
// "no date" in its own way.
func DateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(CurrentDateOrder().layout())
}

// DateInputLayout is the way a date is typed: year-month-day, 2026-08-15.
const DateInputLayout = "2006-01-02"

// DateLayouts are the ways a typed date is read, for time.Parse: the typed
// form first, then every way DateText writes one in any order (so what the
// screen shows can be typed back, whatever the locale), then the longer and
// shorter forms earlier versions showed.
func DateLayouts() []string {
	return []string{
		DateInputLayout,
		DayMonthYear.layout(), MonthDayYear.layout(), YearMonthDay.layout(),
		"2 January 2006", "January 2, 2006", "Jan 2 2006", "January 2 2006",
		"2 Jan 06",
	}
}

// ParseDateText reads a date typed in one of DateLayouts; ok is false when
// it is in none of them.
func ParseDateText(s string) (t time.Time, ok bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range DateLayouts() {
		if d, err := time.Parse(layout, s); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}
