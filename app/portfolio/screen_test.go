package portfolio

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
	"github.com/trainscope/trainscope/data"
)

// syncHost runs every read and write at once on the test's goroutine, on a
// real store, and records what the screen asked.
type syncHost struct {
	host.Host
	store  *data.Store
	defs   *assessment.Definitions
	win    fyne.Window
	opened []host.Route
	errs   []error
}

func (h *syncHost) Store() *data.Store                   { return h.store }
func (h *syncHost) Definitions() *assessment.Definitions { return h.defs }
func (h *syncHost) Window() fyne.Window                  { return h.win }
func (h *syncHost) Now() time.Time                       { return testDay }
func (h *syncHost) Open(r host.Route)                    { h.opened = append(h.opened, r) }
func (h *syncHost) ShowError(_ string, err error)        { h.errs = append(h.errs, err) }
func (h *syncHost) Confirm(_, _, _ string, do func())    { do() }
func (h *syncHost) Write(what string, w func(context.Context) error, done func()) {
	h.WriteOr(what, w, done, nil, nil)
}
func (h *syncHost) Read(_ string, r func(context.Context) error, done func()) {
	if err := r(context.Background()); err != nil {
		h.errs = append(h.errs, err)
		return
	}
	done()
}
func (h *syncHost) WriteOr(_ string, w func(context.Context) error, done func(), failed func(error), _ func()) {
	if err := w(context.Background()); err != nil {
		h.errs = append(h.errs, err)
		if failed != nil {
			failed(err)
		}
		return
	}
	if done != nil {
		done()
	}
}

var testDay = time.Date(2026, 4, 20, 0, 0, 0, 0, time.UTC)

func defsFor(t testing.TB) *assessment.Definitions {
	t.Helper()
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		t.Fatal(err)
	}
	return defs
}

func storeAt(t testing.TB, path string, defs *assessment.Definitions) *data.Store {
	return screentest.OpenStoreAt(t, path, defs)
}

// sampleTrains adds the sample trains of both frameworks, renamed, in two
// groups: names in several scripts.
func sampleTrains(t testing.TB, s *data.Store, n int) {
	t.Helper()
	ctx := context.Background()
	names := []string{"Zürich Payments", "アジャイル列車", "Mobile 🚆", "قطار البيانات", "Claims", "Ops"}
	for i := range n {
		fw := assessment.SAFe
		if i%3 == 2 {
			fw = assessment.ScrumAtScale
		}
		_, aid, err := s.AddSampleOf(ctx, fw, testDay)
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.Assessment(ctx, aid)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := s.Train(ctx, a.TrainID)
		if err != nil {
			t.Fatal(err)
		}
		tr.Name = names[i%len(names)]
		if i >= len(names) {
			tr.Name += fmt.Sprint(" ", i)
		}
		tr.Group = []string{"Payments", "Digital"}[i%2]
		if err := s.UpdateTrain(ctx, tr); err != nil {
			t.Fatal(err)
		}
	}
}

func newScreen(t *testing.T, n int) (*Screen, *syncHost, string) {
	t.Helper()
	test.NewTempApp(t)
	defs := defsFor(t)
	path := filepath.Join(t.TempDir(), "trainscope.db")
	h := &syncHost{store: storeAt(t, path, defs), defs: defs}
	sampleTrains(t, h.store, n)
	s := New(h)
	h.win = test.NewTempWindow(t, s.Content())
	h.win.Resize(fyne.NewSize(1280, 800))
	s.Load(nil)
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
	return s, h, path
}

func names(s *Screen) []string {
	var out []string
	for i := range s.Len() {
		out = append(out, strings.TrimPrefix(strings.TrimPrefix(s.Cell(i, assessment.ColumnTrain), "☐ "), "☑ "))
	}
	return out
}

func TestPortfolioScreenHeatmapAndSort(t *testing.T) {
	s, _, _ := newScreen(t, 6)
	if s.Len() != 6 {
		t.Fatalf("%d trains shown, want 6", s.Len())
	}
	cols := s.Columns()
	if !slices.Contains(cols, assessment.ColumnFollowThrough) || !slices.Contains(cols, columnCoaches) || len(cols) < 10 {
		t.Fatalf("columns: %v", cols)
	}
	dim := cols[3] // the first dimension
	for i := range s.Len() {
		if c := s.Cell(i, dim); c == "" {
			t.Errorf("row %d: the heatmap cell is empty; want a score, “not enough” or a dash", i)
		}
	}
	byName := names(s)
	if !slices.IsSortedFunc(byName, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }) {
		t.Errorf("not sorted by name: %v", byName)
	}
	s.SortBy(assessment.ColumnTrain)
	rev := names(s)
	back := slices.Clone(byName)
	slices.Reverse(back)
	if !slices.Equal(rev, back) {
		t.Errorf("tapping the name heading again did not reverse: %v", rev)
	}
	s.SortBy(assessment.ColumnFramework)
	fws := []string{}
	for i := range s.Len() {
		fws = append(fws, s.Cell(i, assessment.ColumnFramework))
	}
	if fws[0] != fws[1] || fws[0] == fws[len(fws)-1] {
		t.Errorf("by framework: %v", fws)
	}
}

func TestPortfolioScreenFilters(t *testing.T) {
	s, _, _ := newScreen(t, 6)
	s.group.SetSelected("Payments")
	if s.Len() != 3 {
		t.Fatalf("the Payments group shows %d trains, want 3", s.Len())
	}
	for i := range s.Len() {
		if g := s.Cell(i, assessment.ColumnGroup); g != "Payments" {
			t.Errorf("row %d in group %q", i, g)
		}
	}
	s.group.SetSelected(All)
	s.framework.SetSelected(string(assessment.ScrumAtScale))
	if s.Len() != 2 {
		t.Fatalf("Scrum@Scale shows %d trains, want 2", s.Len())
	}
	s.framework.SetSelected(All)
	s.level.SetSelected(levelChoice(1))
	for i := range s.Len() {
		if l := s.Cell(i, assessment.ColumnLevel); strings.HasPrefix(l, "2") || strings.HasPrefix(l, "3") {
			t.Errorf("level 1 and below shows %q", l)
		}
	}
	s.level.SetSelected(All)
	if s.Len() != 6 {
		t.Errorf("no filter shows %d trains", s.Len())
	}
}

func TestPortfolioScreenCompare(t *testing.T) {
	s, h, _ := newScreen(t, 6)
	if !s.compare.Disabled() {
		t.Error("compare is offered with nothing chosen")
	}
	ids := []string{s.rows[0].Train.ID, s.rows[2].Train.ID}
	want := []string{s.rows[0].Train.Name, s.rows[2].Train.Name}
	test.Tap(tableCellTapper(t, s, 0))
	s.Toggle(ids[1])
	if got := s.Chosen(); !slices.Equal(got, ids) {
		t.Fatalf("chosen %v, want %v", got, ids)
	}
	if s.compare.Disabled() || s.compare.Text != "Compare 2" {
		t.Errorf("compare button: %q disabled=%v", s.compare.Text, s.compare.Disabled())
	}
	if !strings.HasPrefix(s.Cell(0, assessment.ColumnTrain), "☑") {
		t.Errorf("a chosen train is not marked as chosen: %q", s.Cell(0, assessment.ColumnTrain))
	}
	cmp := s.Comparison()
	if !slices.Equal(cmp[0][1:], want) {
		t.Errorf("compared %v, want %v", cmp[0][1:], want)
	}
	var level, rec1 []string
	for _, r := range cmp {
		switch r[0] {
		case "Level":
			level = r
		case "Recommendation 1":
			rec1 = r
		}
	}
	if len(level) != 3 || level[1] == "" || len(rec1) != 3 || rec1[1] == "–" {
		t.Errorf("level %v, first recommendation %v", level, rec1)
	}
	s.ShowComparison()
	// Five cannot be chosen.
	for _, r := range s.rows[3:] {
		s.Toggle(r.Train.ID)
	}
	if len(s.Chosen()) != maxCompare || !strings.Contains(s.Status(), "at most") {
		t.Errorf("chose %d, status %q", len(s.Chosen()), s.Status())
	}
	_ = h
}

// tableCellTapper selects a row of the table as a tap would.
func tableCellTapper(t *testing.T, s *Screen, row int) fyne.Tappable {
	t.Helper()
	return tapFunc(func() { s.table.OnSelected(tableCell(row)) })
}

func TestPortfolioScreenReviewPersists(t *testing.T) {
	s, h, path := newScreen(t, 6)
	if len(s.Findings()) == 0 || len(s.Recommendations()) < 2 {
		t.Fatalf("%d findings, %d recommendations: the sample trains should share findings", len(s.Findings()), len(s.Recommendations()))
	}
	first, second := s.Recommendations()[0].ID, s.Recommendations()[1].ID
	s.Accept(first)
	if err := s.Reject(second, "  "); err == nil {
		t.Error("a rejection without a reason was taken")
	}
	if err := s.Reject(second, "The portfolio funds this already — 已有预算"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Status(), "saved") {
		t.Errorf("status after saving: %q", s.Status())
	}
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}

	// Another window on the same file sees the decisions.
	h2 := &syncHost{store: storeAt(t, path, h.defs), defs: h.defs, win: h.win}
	s2 := New(h2)
	s2.Load(nil)
	got := map[string]assessment.PortfolioRecommendation{}
	for _, r := range s2.Recommendations() {
		got[r.ID] = r
	}
	if got[first].Status != assessment.Accepted {
		t.Errorf("accepted came back as %s", got[first].Status)
	}
	if got[second].Status != assessment.Rejected || got[second].Reason != "The portfolio funds this already — 已有预算" {
		t.Errorf("rejected came back as %s (%q)", got[second].Status, got[second].Reason)
	}
	s2.Edit(first, "", "Fund a System Architect for every train")
	s3 := New(&syncHost{store: storeAt(t, path, h.defs), defs: h.defs, win: h.win})
	s3.Load(nil)
	for _, r := range s3.Recommendations() {
		if r.ID == first && (r.Action != "Fund a System Architect for every train" || r.Status != assessment.Accepted) {
			t.Errorf("edited: %q, %s", r.Action, r.Status)
		}
	}
}

func TestPortfolioScreenPDF(t *testing.T) {
	s, _, _ := newScreen(t, 3)
	pdf, err := s.PDF()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Errorf("not a PDF: %q", pdf[:min(8, len(pdf))])
	}
}

// Bundles from three coaches gathered from a folder: the merge report
// says what came in and what was refused, and the portfolio shows them.
func TestPortfolioScreenGathersBundles(t *testing.T) {
	s, h, _ := newScreen(t, 0)
	dir := t.TempDir()
	for i, coach := range []string{"Amira", "Jonas", "Mei"} {
		coachBundle(t, h, dir, fmt.Sprintf("%d-%s.json", i, coach), coach, 2)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"format": "trainscope-bundle", "trains": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	var rep data.GatherReport
	s.Gather([]string{dir}, func(r data.GatherReport) { rep = r })
	if len(rep.Files) != 4 || rep.Refused() != 1 {
		t.Fatalf("merge report of %d files: %s", len(rep.Files), rep)
	}
	if !strings.Contains(rep.String(), "broken.json") {
		t.Errorf("the merge report does not name the refused file:\n%s", rep)
	}
	if s.Len() != 6 {
		t.Errorf("after gathering, the portfolio shows %d trains, want 6", s.Len())
	}
}

// TestPortfolioScreenEvaluatesOnce: the trains read are evaluated once (the
// store keeps their facts); a filter change builds from them and shows what
// BuildPortfolio gives evaluating the trains read in full now; trains set
// anew are evaluated anew.
func TestPortfolioScreenEvaluatesOnce(t *testing.T) {
	s, h, _ := newScreen(t, 6)
	full, err := h.store.PortfolioTrains(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	ev := s.evaluated
	if ev == nil || ev.Len() != 6 {
		t.Fatalf("reading the trains did not evaluate them: %v", ev)
	}
	for _, f := range []Filters{{Group: "Payments"}, {Framework: assessment.ScrumAtScale}, {Level: 2}, {}} {
		s.SetFilters(f)
		if s.evaluated != ev {
			t.Errorf("filters %+v: the trains were evaluated again", f)
		}
		opts := assessment.PortfolioOptions{Group: f.Group, Framework: f.Framework}
		for n := 0; f.Level > 0 && n <= f.Level; n++ {
			opts.Levels = append(opts.Levels, n)
		}
		want := assessment.BuildPortfolio(h.defs, full, opts)
		rv, err := h.store.PortfolioReview(context.Background(), f.Group)
		if err != nil {
			t.Fatal(err)
		}
		want.Review(rv)
		if !reflect.DeepEqual(s.p, want) {
			t.Errorf("filters %+v: the screen shows %d rows, %d findings; BuildPortfolio gives %d, %d",
				f, len(s.p.Rows), len(s.p.Findings), len(want.Rows), len(want.Findings))
		}
	}
	s.Set(full[:3], s.groups, nil)
	if s.evaluated == ev || s.evaluated == nil || s.evaluated.Len() != 3 || s.Len() != 3 {
		t.Errorf("three trains set anew: %d shown, evaluation %v", s.Len(), s.evaluated)
	}
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
}
