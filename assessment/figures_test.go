package assessment

import (
	"math"
	"testing"
	"time"
)

func TestFigures(t *testing.T) {
	reg := []Impediment{
		{ID: "a", Level: LevelTeam, Status: StatusOpen, Raised: day(5)},
		{ID: "b", Level: LevelART, Status: StatusInProgress, Raised: day(80), Escalated: true},
		{ID: "c", Level: LevelLACE, Status: StatusOpen, Raised: day(100), Escalated: true},
		{ID: "d", Level: LevelART, Status: StatusResolved, Raised: day(40), Resolved: day(30), RecurrenceOf: "x"},
		{ID: "e", Level: LevelART, Status: StatusResolved, Raised: day(90), Resolved: day(60)},
		{ID: "f", Level: LevelTeam, Status: StatusResolved, Raised: day(20), Resolved: testDate.AddDate(0, 0, 3)}, // resolved after the date: open on it
		{ID: "g", Level: LevelTeam, Status: StatusOpen, Raised: testDate.AddDate(0, 0, 1)},                        // raised after the date: left out
		{ID: "h", Level: LevelTeam, Status: StatusOpen},                                                           // no raised date: counts, no age
		{ID: "i", Level: LevelTeam, Status: StatusResolved},                                                       // resolved, no dates
		{ID: "j", Level: LevelTeam, Status: StatusOpen, Raised: day(100), RecurrenceOf: "a"},                      // as old as c; c < j by ID
	}
	f := Figures(reg, testDate, 0)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"total", float64(f.Total), 9},
		{"open", float64(f.Open), 6},
		{"resolved", float64(f.Resolved), 3},
		{"median open age (5, 20, 80, 100, 100)", f.MedianOpenAgeDays, 80},
		{"oldest", float64(f.OldestOpenAgeDays), 100},
		{"older than a PI of 70 days", float64(f.OlderThanPI), 3},
		{"share older than a PI", f.ShareOlderThanPI, 3.0 / 5},
		{"escalated", f.ShareEscalated, 2.0 / 9},
		{"recurrence", f.Recurrence, 2.0 / 9},
		{"median cycle (10, 30)", f.MedianCycleDays, 20},
		{"cycles", float64(f.Cycles), 2},
		{"pi weeks", float64(f.PIWeeks), DefaultPIWeeks},
		{"raised in the last PI (a, d, f, in 70 days)", float64(f.RaisedLastPI), 3},
		{"resolved in the last PI (d, e)", float64(f.ResolvedLastPI), 2},
		{"open team", float64(f.OpenByLevel[LevelTeam]), 4},
		{"all art", float64(f.ByLevel[LevelART]), 3},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if f.OldestOpenID != "c" {
		t.Errorf("oldest open %q, want c (ties go to the smaller ID)", f.OldestOpenID)
	}

	// A longer PI makes fewer impediments old.
	if g := Figures(reg, testDate, 15); g.OlderThanPI != 0 || g.PIWeeks != 15 {
		t.Errorf("with 15-week PIs: %d older, %d weeks", g.OlderThanPI, g.PIWeeks)
	}
	// The clock plays no part: the same register a year later is older.
	if g := Figures(reg, testDate.AddDate(1, 0, 0), 10); g.OldestOpenAgeDays <= f.OldestOpenAgeDays {
		t.Errorf("a year later the oldest is %d days", g.OldestOpenAgeDays)
	}
}

func TestFiguresEmptyAndEven(t *testing.T) {
	f := Figures(nil, testDate, 10)
	if f.Total != 0 || f.MedianOpenAgeDays != 0 || f.ShareEscalated != 0 || f.ByLevel == nil {
		t.Errorf("empty register: %+v", f)
	}
	if _, ok := f.Source("median-open-age-days"); ok {
		t.Error("an empty register gave a figure")
	}
	f = Figures([]Impediment{{ID: "a", Raised: day(10)}, {ID: "b", Raised: day(21)}}, testDate, 10)
	if f.MedianOpenAgeDays != 15.5 {
		t.Errorf("median of 10 and 21 = %v", f.MedianOpenAgeDays)
	}
}

func TestDaysCountsCalendarDays(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	late := time.Date(2026, 5, 13, 23, 30, 0, 0, cet)
	early := time.Date(2026, 5, 14, 0, 15, 0, 0, cet)
	if d := days(late, early); d != 1 {
		t.Errorf("late evening to early morning = %d days, want 1", d)
	}
	if d := days(early, late); d != -1 {
		t.Errorf("backwards = %d", d)
	}
	if d := days(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)); d != 31 {
		t.Errorf("March = %d days", d)
	}
	// The day numbers agree with the time package across leap years, centuries and the era.
	for _, y := range []int{-401, -400, -1, 0, 1, 1600, 1900, 1970, 2000, 2024, 2100, 2400} {
		for _, md := range [][2]int{{1, 1}, {2, 28}, {2, 29}, {3, 1}, {12, 31}} {
			tm := time.Date(y, time.Month(md[0]), md[1], 12, 0, 0, 0, time.UTC)
			want := int(time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC).Unix() / 86400) // midnight: exact
			if got := civilDay(tm); got != want {
				t.Errorf("civilDay(%s) = %d, want %d", tm.Format("2006-01-02"), got, want)
			}
		}
	}
}

func TestFigureSources(t *testing.T) {
	reg := []Impediment{
		{ID: "a", Status: StatusOpen, Raised: day(12), Escalated: true},
		{ID: "b", Status: StatusResolved, Raised: day(30), Resolved: day(10), RecurrenceOf: "z"},
	}
	f := Figures(reg, testDate, 1)
	want := map[string]float64{
		"median-open-age-days": 12,
		"oldest-open-age-days": 12,
		"median-cycle-days":    20,
		"share-older-than-pi":  100,
		"share-escalated":      50,
		"recurrence":           50,
	}
	for name, w := range want {
		if _, known := FigureSources[name]; !known {
			t.Errorf("%s is not listed in FigureSources", name)
		}
		got, ok := f.Source(name)
		if !ok || got != w {
			t.Errorf("Source(%s) = %v, %v; want %v", name, got, ok, w)
		}
	}
	if len(want) != len(FigureSources) {
		t.Errorf("FigureSources has %d entries, tested %d", len(FigureSources), len(want))
	}
	if _, ok := f.Source("nope"); ok {
		t.Error("unknown source gave a figure")
	}
	// Nothing resolved yet: no cycle time, but the open figures stand.
	f = Figures(reg[:1], testDate, 10)
	if _, ok := f.Source("median-cycle-days"); ok {
		t.Error("cycle time without a resolved impediment")
	}
	// Nothing open: the open figures are the best there is.
	f = Figures(reg[1:], testDate, 10)
	if v, ok := f.Source("median-open-age-days"); !ok || v != 0 {
		t.Errorf("no open impediments: %v, %v", v, ok)
	}
}

func TestImpedimentAgeDays(t *testing.T) {
	on := time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return on.AddDate(0, 0, d) }
	late := time.Date(2026, 5, 13, 23, 30, 0, 0, time.UTC)
	cases := []struct {
		name string
		imp  Impediment
		want int
		ok   bool
	}{
		{"no raised date", Impediment{Status: StatusOpen}, 0, false},
		{"open ten days", Impediment{Raised: day(-10), Status: StatusOpen}, 10, true},
		{"raised late yesterday is a day old", Impediment{Raised: late, Status: StatusOpen}, 1, true},
		{"resolved in four days", Impediment{Raised: day(-10), Resolved: day(-6), Status: StatusResolved}, 4, true},
		{"resolved after the date was still open", Impediment{Raised: day(-10), Resolved: day(3), Status: StatusResolved}, 10, true},
		{"resolved without a date took an unknown time", Impediment{Raised: day(-2), Status: StatusResolved}, 0, false},
		{"raised after the date is not open yet", Impediment{Raised: day(2), Status: StatusOpen}, 0, true},
	}
	for _, c := range cases {
		got, ok := c.imp.AgeDays(on)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: AgeDays = %d, %v; want %d, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

func TestImpedimentExistedAndOpenOn(t *testing.T) {
	on := time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)
	if !(Impediment{}).Existed(on) || (Impediment{Raised: on.AddDate(0, 0, 1)}).Existed(on) || !(Impediment{Raised: on}).Existed(on) {
		t.Error("an impediment exists from its raised day; one without a date always")
	}
	if !(Impediment{Status: StatusOpen}).OpenOn(on) || (Impediment{Status: StatusResolved}).OpenOn(on) ||
		!(Impediment{Status: StatusResolved, Resolved: on.AddDate(0, 0, 1)}).OpenOn(on) {
		t.Error("open until its resolved day; resolved without a date is resolved")
	}
}
