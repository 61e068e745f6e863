package widgets

import (
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

func TestWrapWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Cross-team coordination", []string{"Cross-team", "coordination"}},
		{"Roles", []string{"Roles"}},
		{"Leadership and escalation of systemic problems", []string{"Leadership and", "escalation of sys…"}},
	} {
		got := WrapWords(tc.in, 18, 2)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("WrapWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestParseDate: a date field takes the form it asks for and the forms the
// screens write; a day that is not on the calendar says which part to fix.
func TestParseDate(t *testing.T) {
	want := time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"2026-03-12", " 2026-03-12 ", "12 Mar 2026", "12 Mar 26", "12 March 2026", DateText(want)} {
		got, err := ParseDate(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, says := range map[string]string{
		"2026-02-31": "February 2026 has 28 days",
		"2028-02-30": "February 2028 has 29 days",
		"2026-13-01": "write the month from 01 to 12",
		"12/03/2026": "write the date as year-month-day",
		"":           "write the date as year-month-day",
	} {
		_, err := ParseDate(in)
		if err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("ParseDate(%q) error %v, want one saying %q", in, err, says)
		}
	}
}

// TestDatesReadBack: whatever the locale's order, a date reads one way on
// every screen, and what a screen shows typed into a date field is the
// same day.
func TestDatesReadBack(t *testing.T) {
	t.Cleanup(func() { assessment.SetDateOrder(assessment.DayMonthYear) })
	day := time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)
	for order, want := range map[assessment.DateOrder]string{
		assessment.DayMonthYear: "15 Aug 2026",
		assessment.MonthDayYear: "Aug 15, 2026",
		assessment.YearMonthDay: "2026 Aug 15",
	} {
		assessment.SetDateOrder(order)
		for _, shown := range []string{DateText(day), ShortDate(day), NoteDate(day)} {
			if shown != want {
				t.Errorf("order %d shows %q, want %q", order, shown, want)
			}
			if got, err := ParseDate(shown); err != nil || !got.Equal(day) {
				t.Errorf("order %d: typing back %q gives %v, %v", order, shown, got, err)
			}
		}
		// The hint names the form the screens show, in this order.
		if _, err := ParseDate("15.08.2026"); err == nil || !strings.Contains(err.Error(), DateText(time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC))) {
			t.Errorf("order %d: a date in no form says %v", order, err)
		}
	}
	for _, typed := range []string{"aug 15, 2026", "15 AUG 2026", "August 15, 2026", "15  Aug  2026"} {
		if got, err := ParseDate(typed); err != nil || !got.Equal(day) {
			t.Errorf("ParseDate(%q) = %v, %v", typed, got, err)
		}
	}
}

func TestSignedPoints(t *testing.T) {
	for d, want := range map[float64]string{1: "+1 point", -1: "-1 point", 0.4: "±0 points", 5: "+5 points", -4.2: "-4 points", 1.4: "+1 point"} {
		if got := SignedPoints(d); got != want {
			t.Errorf("SignedPoints(%v) = %q, want %q", d, got, want)
		}
	}
}
