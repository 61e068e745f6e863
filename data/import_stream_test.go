package data

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// streamedBundle is a bundle of n trains made from validBundle's, each
// with ids of its own, with gap bytes of space after each train's comma,
// read from a generator: the file is never in memory as a whole. broken,
// when not nil, changes the train of that index before it is written.
func streamedBundle(n int, gap int64, brokenAt int, broken func(map[string]any)) io.Reader {
	parts := []io.Reader{strings.NewReader(`{"format": "trainscope-bundle", "version": 1, "trains": [`)}
	for i := range n {
		m := validBundle()
		tr := at(m, "trains", 0).(map[string]any)
		tr["id"] = fmt.Sprintf("11111111-1111-4111-8111-%012d", i)
		tr["name"] = fmt.Sprintf("Train %d", i)
		set(m, fmt.Sprintf("22222222-2222-4222-8222-%012d", i), "trains", 0, "assessments", 0, "id")
		if i == brokenAt && broken != nil {
			broken(tr)
		}
		b := encode(tr)
		if i > 0 {
			parts = append(parts, strings.NewReader(","), &hugeReader{n: gap})
		}
		parts = append(parts, bytes.NewReader(b))
	}
	parts = append(parts, strings.NewReader("]}\n"))
	return io.MultiReader(parts...)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// A bundle larger than the 100 MB Import once refused outright goes in:
// it is read a train at a time (issue 18). The file is 26 trains with 4 MB
// of space between each two, generated as it is read.
func TestImportLargerThanTheOldLimit(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	src := &countingReader{r: streamedBundle(26, 4<<20, -1, nil)}
	rep, err := s.Import(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if src.n <= 100<<20 {
		t.Fatalf("the bundle was %d bytes, not larger than the old limit", src.n)
	}
	trains, err := s.Trains(ctx)
	must(t, err)
	if len(trains) != 26 || len(rep.Added) != 52 {
		t.Fatalf("%d trains here, %d added; want 26 trains and 52 added (trains and assessments)", len(trains), len(rep.Added))
	}
}

// A broken train late in a big file, or the file cut short at its end,
// leaves the database as it was, and the refusal names the place.
func TestImportBrokenLateInABigFile(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary})
	_, err := s.Import(ctx, streamedBundle(3, 0, -1, nil))
	must(t, err)
	before := dbState(t, s)
	for _, c := range []struct {
		name string
		file io.Reader
		want string
	}{
		{"a dangling Scrum Master in train 24", streamedBundle(25, 1<<20, 24, func(tr map[string]any) {
			set(tr, "ghost", "teams", 2, "scrum_master")
		}), `trains[24].teams[2].scrum_master: unknown person "ghost"`},
		{"a null in train 24", streamedBundle(25, 1<<20, 24, func(tr map[string]any) {
			tr["people"] = nil
		}), `trains[24].people: null; a list, [] for none`},
		{"the first train again at the end", streamedBundle(25, 1<<20, 24, func(tr map[string]any) {
			tr["id"] = "11111111-1111-4111-8111-000000000000"
		}), `trains[24].id: duplicate id "11111111-1111-4111-8111-000000000000": the train appears twice in the bundle`},
		{"cut short at the end", io.LimitReader(streamedBundle(25, 1<<20, -1, nil), 24<<20), "the file ends in the middle of the JSON (is it cut short?)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.Import(ctx, c.file)
			var be *BundleError
			if !errors.As(err, &be) || !strings.HasSuffix(err.Error(), "nothing was changed: "+c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			if dbState(t, s) != before {
				t.Fatal("a refused bundle changed the database")
			}
		})
	}
}
