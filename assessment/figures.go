package assessment

import (
	"slices"
	"time"
)

// Figures draws the register's figures as they stood on the date: ages are
// counted in calendar days to on, never to today. An impediment raised after
// on did not yet exist and is left out; one resolved after on was still open.
// An impediment without a raised date counts, but not toward any age.
func Figures(register []Impediment, on time.Time, piWeeks int) RegisterFigures {
	if piWeeks <= 0 {
		piWeeks = DefaultPIWeeks
	}
	piDays := piWeeks * 7
	f := RegisterFigures{
		PIWeeks:     piWeeks,
		ByLevel:     map[ImpedimentLevel]int{},
		OpenByLevel: map[ImpedimentLevel]int{},
	}
	var openAges, cycles []int
	for _, imp := range register {
		if !imp.Existed(on) {
			continue
		}
		f.Total++
		f.ByLevel[imp.Level]++
		if imp.Escalated {
			f.Escalated++
		}
		if imp.RecurrenceOf != "" {
			f.Recurring++
		}
		if !imp.Raised.IsZero() && days(imp.Raised, on) < piDays {
			f.RaisedLastPI++
		}
		if resolvedBy(imp, on) {
			f.Resolved++
			if !imp.Resolved.IsZero() {
				if days(imp.Resolved, on) < piDays {
					f.ResolvedLastPI++
				}
				if cycle, ok := imp.AgeDays(on); ok {
					cycles = append(cycles, cycle)
				}
			}
			continue
		}
		f.Open++
		f.OpenByLevel[imp.Level]++
		age, ok := imp.AgeDays(on)
		if !ok {
			continue
		}
		openAges = append(openAges, age)
		if age > piDays {
			f.OlderThanPI++
		}
		if age > f.OldestOpenAgeDays || (age == f.OldestOpenAgeDays && (f.OldestOpenID == "" || imp.ID < f.OldestOpenID)) {
			f.OldestOpenAgeDays, f.OldestOpenID = age, imp.ID
		}
	}
	f.MedianOpenAgeDays = median(openAges)
	f.MedianCycleDays = median(cycles)
	f.Cycles = len(cycles)
	if len(openAges) > 0 {
		f.ShareOlderThanPI = float64(f.OlderThanPI) / float64(len(openAges))
	}
	if f.Total > 0 {
		f.ShareEscalated = float64(f.Escalated) / float64(f.Total)
		f.Recurrence = float64(f.Recurring) / float64(f.Total)
	}
	return f
}

// AgeDays is how many calendar days the impediment had been open on the
// date, or, once resolved by then, how many days it took; false when that
// cannot be told: no raised date, or resolved without a resolved date. The
// register screen, the report and the figures count ages alike.
func (imp Impediment) AgeDays(on time.Time) (int, bool) {
	switch {
	case imp.Raised.IsZero():
		return 0, false
	case imp.OpenOn(on):
		return max(0, days(imp.Raised, on)), true
	case imp.Resolved.IsZero():
		return 0, false
	}
	return max(0, days(imp.Raised, imp.Resolved)), true
}

// Existed reports whether the impediment had been raised by the date; one
// without a raised date always counts.
func (imp Impediment) Existed(on time.Time) bool {
	return imp.Raised.IsZero() || days(imp.Raised, on) >= 0
}

// OpenOn reports whether the impediment was still open on the date.
func (imp Impediment) OpenOn(on time.Time) bool { return !resolvedBy(imp, on) }

// resolvedBy reports whether the impediment was resolved on the date. A
// resolved status without a date counts as resolved; a resolved date after
// the assessment's date does not.
func resolvedBy(imp Impediment, on time.Time) bool {
	if imp.Status != StatusResolved && imp.Resolved.IsZero() {
		return false
	}
	if imp.Resolved.IsZero() {
		return true
	}
	return days(imp.Resolved, on) >= 0
}

// days counts calendar days from one date to another, each read in its own
// time zone, so an impediment raised late in the evening is a day old the
// next morning.
func days(from, to time.Time) int {
	return civilDay(to) - civilDay(from)
}

// civilDay numbers the calendar day of t, in t's own zone, counting from
// 1970-01-01 (Howard Hinnant's days_from_civil).
func civilDay(t time.Time) int {
	y, m, d := t.Date()
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (int(m) + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func median(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// Source returns the register figure a measure item may take its figure
// from (see FigureSources), in the unit the item states. It reports false
// when the register cannot say: it is empty, or, for cycle time, nothing has
// been resolved yet. With no open impediments the open figures are 0, which
// is the best a train can do.
func (f RegisterFigures) Source(name string) (float64, bool) {
	if f.Total == 0 {
		return 0, false
	}
	switch name {
	case "median-open-age-days":
		return f.MedianOpenAgeDays, true
	case "oldest-open-age-days":
		return float64(f.OldestOpenAgeDays), true
	case "median-cycle-days":
		return f.MedianCycleDays, f.Cycles > 0
	case "share-older-than-pi":
		return 100 * f.ShareOlderThanPI, true
	case "share-escalated":
		return 100 * f.ShareEscalated, true
	case "recurrence":
		return 100 * f.Recurrence, true
	}
	return 0, false
}
