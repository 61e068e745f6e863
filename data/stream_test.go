package data

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

// inMemoryExport is the bundle as Export builds it and WriteTo writes it.
func inMemoryExport(t testing.TB, s *Store, by string, ids []string) []byte {
	t.Helper()
	b, err := s.Export(context.Background(), ids)
	must(t, err)
	b.ExportedBy = by
	var buf bytes.Buffer
	_, err = b.WriteTo(&buf)
	must(t, err)
	return buf.Bytes()
}

// ExportTo writes, train by train, the very bytes the in-memory export
// writes: for no trains, one, a chosen few, and every train, with and
// without the coach's name, names in every script included.
func TestExportToSameBytes(t *testing.T) {
	ctx := context.Background()
	empty := openTemp(t, Options{Summarize: countingSummary})
	s := sampleStore(t)
	for _, name := range []string{"Zoë & R&D <ops>", "列车 北", "قطار الشمال", "🚆 Night \"owl\"", "\u2028line"} {
		must(t, s.CreateTrain(ctx, trainNamed(name)))
	}
	trains, err := s.Trains(ctx)
	must(t, err)
	if len(trains) < 6 {
		t.Fatalf("%d trains", len(trains))
	}
	cases := []struct {
		name string
		s    *Store
		by   string
		ids  []string
	}{
		{"empty database", empty, "", nil},
		{"empty database, a coach", empty, "Coach Ø", nil},
		{"every train", s, "", nil},
		{"every train, a coach", s, "Ana <ana@example.org> & co", nil},
		{"one train", s, "", []string{trains[2].Train.ID}},
		{"a few, one twice", s, "", []string{trains[4].Train.ID, trains[1].Train.ID, trains[4].Train.ID}},
	}
	for _, c := range cases {
		want := inMemoryExport(t, c.s, c.by, c.ids)
		var got bytes.Buffer
		n, err := c.s.ExportTo(ctx, &got, c.by, c.ids)
		must(t, err)
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: ExportTo wrote\n%s\nwant\n%s", c.name, got.Bytes(), want)
		}
		b, err := DecodeBundle(got.Bytes())
		must(t, err)
		as := 0
		for _, tr := range b.Trains {
			as += len(tr.Assessments)
		}
		if n.Trains != len(b.Trains) || n.Assessments != as {
			t.Errorf("%s: counted %+v, the file holds %d trains and %d assessments", c.name, n, len(b.Trains), as)
		}
	}
	// What ExportTo writes imports again, into a fresh database, whole.
	var buf bytes.Buffer
	_, err = s.ExportTo(ctx, &buf, "", nil)
	must(t, err)
	other := openTemp(t, Options{Summarize: countingSummary})
	_, err = other.Import(ctx, bytes.NewReader(buf.Bytes()))
	must(t, err)
	if got, want := inMemoryExport(t, other, "", nil), buf.Bytes(); !bytes.Equal(got, want) {
		t.Errorf("the re-imported database exports\n%s\nwant\n%s", got, want)
	}
}

// failingWriter takes limit bytes, then fails.
type failingWriter struct{ limit int }

var errDiskFull = errors.New("no space left on device")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		n := w.limit
		w.limit = 0
		return n, errDiskFull
	}
	w.limit -= len(p)
	return len(p), nil
}

// A write that fails part way through says so, and the export's
// bookkeeping (the lineage it records once the file is written) is never
// recorded.
func TestExportToWriterFails(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	for i := range 40 {
		tr := trainNamed("Train " + string(rune('A'+i)))
		must(t, s.CreateTrain(ctx, tr))
	}
	lineages := func() string {
		var l string
		must(t, s.db.QueryRow(`SELECT (SELECT group_concat(lineage, '|') FROM trains) || '/' ||
			(SELECT group_concat(lineage, '|') FROM assessments) || '/' || (SELECT count(*) FROM train_revisions)`).Scan(&l))
		return l
	}
	before := lineages()
	_, err := s.ExportTo(ctx, &failingWriter{limit: 70 << 10}, "", nil)
	if !errors.Is(err, errDiskFull) {
		t.Fatalf("got %v, want the writer's error", err)
	}
	if after := lineages(); after != before {
		t.Errorf("a failed export changed the lineages: %s, was %s", after, before)
	}
	// The same export written whole records them.
	var buf bytes.Buffer
	_, err = s.ExportTo(ctx, &buf, "", nil)
	must(t, err)
	if after := lineages(); after == before {
		t.Errorf("a whole export recorded no lineage: %s", after)
	}
}
