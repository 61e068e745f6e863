package assessment

import (
	"testing"
	"time"
)

// TestDateOrderFor: the locale decides the order of day, month and year;
// what it does not name writes the day first.
func TestDateOrderFor(t *testing.T) {
	for locale, want := range map[string]DateOrder{
		"en-US": MonthDayYear, "en_US.UTF-8": MonthDayYear, "es-US": MonthDayYear, "en-PH": MonthDayYear,
		"en-GB": DayMonthYear, "de-DE": DayMonthYear, "fr_FR.UTF-8@euro": DayMonthYear, "en": DayMonthYear,
		"ja": YearMonthDay, "zh-CN-Hans": YearMonthDay, "hu_HU": YearMonthDay,
		"": DayMonthYear, "C": DayMonthYear,
	} {
		if got := DateOrderFor(locale); got != want {
			t.Errorf("DateOrderFor(%q) = %d, want %d", locale, got, want)
		}
	}
}

// TestDateTextReadsBack: each order writes a day its own way and reads it
// back; the typed form reads in every order.
func TestDateTextReadsBack(t *testing.T) {
	t.Cleanup(func() { SetDateOrder(DayMonthYear) })
	day := time.Date(2026, 8, 5, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		locale, want string
	}{{"en-GB", "5 Aug 2026"}, {"en-US", "Aug 5, 2026"}, {"ja-JP", "2026 Aug 5"}} {
		SetDateLocale(tc.locale)
		if got := DateText(day); got != tc.want {
			t.Errorf("%s: DateText = %q, want %q", tc.locale, got, tc.want)
		}
		for _, typed := range []string{tc.want, "2026-08-05", "5 August 2026", "5 Aug 26"} {
			if got, ok := ParseDateText(typed); !ok || !got.Equal(day) {
				t.Errorf("%s: ParseDateText(%q) = %v, %v", tc.locale, typed, got, ok)
			}
		}
	}
	if got := DateText(time.Time{}); got != "" {
		t.Errorf("no date reads %q", got)
	}
	if _, ok := ParseDateText("5/8/2026"); ok {
		t.Error("5/8/2026 is read, though nothing shows a date that way and its order is unclear")
	}
}
