package home

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// fakeHost records the routes a screen opens; the portfolio asks nothing
// else of its host.
type fakeHost struct {
	host.Host
	opened []host.Route
}

func (f *fakeHost) Open(r host.Route) { f.opened = append(f.opened, r) }

func summary(score float64, date time.Time) *data.AssessmentSummary {
	return &data.AssessmentSummary{Date: date, Status: assessment.Final,
		Summary: assessment.Summary{Score: score, Known: true, Level: 2, LevelName: "Emerging"}}
}

func TestPortfolioSortsAndOpensTrain(t *testing.T) {
	test.NewTempApp(t)
	h := &fakeHost{}
	p := NewPortfolio(h)
	w := test.NewTempWindow(t, p.Content())
	w.Resize(fyne.NewSize(1200, 500))
	day := time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC)
	p.Set([]data.PortfolioRow{
		{Train: assessment.Train{ID: "z", Name: "Zürich Payments"}, Assessments: 2,
			Latest: summary(70, day), Previous: summary(55, day.AddDate(0, -3, 0))},
		{Train: assessment.Train{ID: "a", Name: "アジャイル列車"}},
		{Train: assessment.Train{ID: "m", Name: "Mobile 🚆"}, Assessments: 1, Latest: summary(40, day)},
	})
	if p.Len() != 3 {
		t.Fatalf("rows: %d", p.Len())
	}
	if got := p.Cell(0, 0) + "|" + p.Cell(1, 0) + "|" + p.Cell(2, 0); got != "Mobile 🚆|Zürich Payments|アジャイル列車" {
		t.Errorf("by name: %s", got)
	}
	if got := p.Cell(1, 5); got != "+15" {
		t.Errorf("change for Zürich = %q, want +15", got)
	}
	p.SortBy(4) // score, best first; no score last
	if got := p.Cell(0, 0) + "|" + p.Cell(2, 0) + "|" + p.Cell(2, 4); got != "Zürich Payments|アジャイル列車|–" {
		t.Errorf("by score: %s", got)
	}
	p.SortBy(4)
	if p.Cell(0, 0) != "アジャイル列車" {
		t.Errorf("by score reversed starts with %q", p.Cell(0, 0))
	}

	var table *widget.Table
	for _, o := range test.LaidOutObjects(p.Content()) {
		if tb, ok := o.(*widget.Table); ok {
			table = tb
		}
	}
	if table == nil {
		t.Fatal("no table shown")
	}
	table.Select(widget.TableCellID{Row: 0, Col: 2})
	if len(h.opened) != 1 || h.opened[0] != host.Train("a") {
		t.Errorf("choosing the first row (アジャイル列車) opened %v", h.opened)
	}
}
