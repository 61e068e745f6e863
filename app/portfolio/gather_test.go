package portfolio

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/internal/screentest"
)

// coachBundle writes a bundle of n sample trains as coach exports them,
// each train named after the coach, to dir/file; it returns the trains'
// names.
func coachBundle(t *testing.T, h *syncHost, dir, file, coach string, n int) []string {
	t.Helper()
	ctx := context.Background()
	other := storeAt(t, filepath.Join(t.TempDir(), coach+".db"), h.defs)
	sampleTrains(t, other, n)
	trains, err := other.Trains(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, tr := range trains {
		ids = append(ids, tr.Train.ID)
	}
	b, err := other.Export(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	b.ExportedBy = coach
	var names []string
	for i := range b.Trains {
		b.Trains[i].Name = coach + "'s " + b.Trains[i].Name
		names = append(names, b.Trains[i].Name)
		for j := range b.Trains[i].Assessments {
			b.Trains[i].Assessments[j].Assessor = coach
		}
	}
	var buf strings.Builder
	if _, err := b.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, file), []byte(buf.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return names
}

// tapButton taps an enabled button on screen by its text.
func tapButton(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	for _, o := range screentest.Visible(c) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && !b.Disabled() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no enabled button %q on screen; the screen shows %q", text, screentest.Texts(c))
}

// A LACE gathers two coaches' bundles chosen one file at a time, and a
// broken one: the broken file is refused on its own, in plain words, and
// the two others come in; the one merge report names both files' trains
// with their coach.
func TestGatherChosenFiles(t *testing.T) {
	s, h, _ := newScreen(t, 0)
	c := h.win.Canvas()
	shared, other := t.TempDir(), t.TempDir()
	amira := coachBundle(t, h, shared, "amira.json", "Amira", 2)
	jonas := coachBundle(t, h, other, "jonas.json", "Jonas", 1)
	broken := filepath.Join(shared, "mei.json")
	if err := os.WriteFile(broken, []byte(`{"format": "trainscope-bundle", "version": 1, "trains": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	stray := filepath.Join(other, "notes.json")

	tapButton(t, c, "Gather bundles…")
	screentest.AssertShows(t, c, "No files yet.")
	for _, o := range screentest.Visible(c) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Gather") && b.Text != "Gather bundles…" && !b.Disabled() {
			t.Errorf("%q can be tapped with no file on the list", b.Text)
		}
	}
	g := s.gathering
	if g == nil {
		t.Fatal("tapping Gather bundles… did not open the list")
	}
	// As the file dialog gives them, one at a time; the same file twice is
	// on the list once.
	g.Add(filepath.Join(shared, "amira.json"))
	g.Add(filepath.Join(other, "jonas.json"))
	g.Add(filepath.Join(shared, "amira.json"))
	g.Add(broken)
	g.Add(stray)
	screentest.AssertShows(t, c, "jonas.json  in "+other)
	screentest.AssertShows(t, c, "Gather 4 files")
	// One taken off again with its remove button.
	tapRemove(t, g, stray)
	if got, want := g.Paths(), []string{filepath.Join(shared, "amira.json"), filepath.Join(other, "jonas.json"), broken}; !slices.Equal(got, want) {
		t.Fatalf("the list holds %q, want %q", got, want)
	}
	screentest.AssertNotShown(t, c, "notes.json")

	tapButton(t, c, "Gather 3 files")
	if len(h.errs) > 0 {
		t.Fatal(h.errs)
	}
	screentest.AssertShows(t, c, "Bundles gathered")
	screentest.AssertShows(t, c, "3 files read: 2 imported, 1 refused, 0 skipped.")
	screentest.AssertShows(t, c, "3 trains added, 0 updated, 0 merged")
	for _, n := range amira {
		screentest.AssertShows(t, c, n+" (coach Amira): added")
	}
	for _, n := range jonas {
		screentest.AssertShows(t, c, n+" (coach Jonas): added")
	}
	screentest.AssertShows(t, c, "amira.json: imported")
	screentest.AssertShows(t, c, "jonas.json: imported")
	screentest.AssertShows(t, c, "mei.json: refused, nothing of it was imported: the file ends in the middle of the JSON")
	for _, s := range screentest.Texts(c) {
		if why, ok := strings.CutPrefix(s, "mei.json: refused"); ok && (strings.Contains(why, "unexpected EOF") || strings.Contains(why, "json:")) {
			t.Errorf("the refusal is not in plain words: %q", s)
		}
	}
	// Behind the report, the portfolio shows the trains of both files.
	if got := names(s); !slices.Equal(got, sorted(append(slices.Clone(amira), jonas...))) {
		t.Errorf("the portfolio shows %q", got)
	}
}

// Every bundle of a folder is added to the list at once; a folder with
// none says so.
func TestGatherAddsAFolder(t *testing.T) {
	s, h, _ := newScreen(t, 0)
	c := h.win.Canvas()
	dir := t.TempDir()
	coachBundle(t, h, dir, "b.json", "Bo", 1)
	coachBundle(t, h, dir, "a.json", "Ana", 1)
	if err := os.WriteFile(filepath.Join(dir, "readme.txt"), []byte("hi"), 0o600); err != nil {
		t.Fatal(err)
	}
	g := s.OpenGather()
	g.AddFolder(t.TempDir())
	screentest.AssertShows(t, c, "There are no bundles (.json files) in")
	g.AddFolder(dir)
	if got, want := g.Paths(), []string{filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")}; !slices.Equal(got, want) {
		t.Fatalf("the list holds %q, want %q", got, want)
	}
	screentest.AssertNotShown(t, c, "There are no bundles")
	tapButton(t, c, "Gather 2 files")
	screentest.AssertShows(t, c, "2 files read: 2 imported, 0 refused, 0 skipped.")
	if s.Len() != 2 {
		t.Errorf("the portfolio shows %d trains, want 2", s.Len())
	}
}

// tapRemove taps the remove button on the list's row of path.
func tapRemove(t *testing.T, g *GatherDialog, path string) {
	t.Helper()
	want := filepath.Base(path) + "  in " + filepath.Dir(path)
	for _, o := range screentest.VisibleIn(g.files.Body) {
		row, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		var label string
		var remove *widget.Button
		for _, o := range row.Objects {
			switch x := o.(type) {
			case *widget.Label:
				label = x.Text
			case *widget.Button:
				remove = x
			}
		}
		if label == want && remove != nil {
			test.Tap(remove)
			return
		}
	}
	t.Fatalf("no row %q with a remove button", want)
}

func sorted(s []string) []string {
	slices.SortFunc(s, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return s
}
