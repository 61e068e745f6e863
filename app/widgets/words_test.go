package widgets

import (
	"strings"
	"testing"
	"time"
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

func TestSignedPoints(t *testing.T) {
	for d, want := range map[float64]string{1: "+1 point", -1: "-1 point", 0.4: "±0 points", 5: "+5 points", -4.2: "-4 points", 1.4: "+1 point"} {
		if got := SignedPoints(d); got != want {
			t.Errorf("SignedPoints(%v) = %q, want %q", d, got, want)
		}
	}
}
