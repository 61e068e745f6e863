package data

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// What a script's bundle may hold that encoding/json would read silently:
// null, a whole number written 1.0, a required list left out. Each refusal
// says the place and what to write, and changes nothing; a whole number
// written otherwise is read as the number it is.
func TestBundleShapeWordsAndNumbers(t *testing.T) {
	ctx := context.Background()
	base := exportBytes(t, sampleStore(t))
	edit := func(f func(b map[string]any)) []byte {
		b := decodeNumbers(t, base)
		f(b)
		out, err := json.Marshal(b)
		must(t, err)
		return out
	}
	asm := func(b map[string]any) map[string]any { return first(b, "trains", 0, "assessments", 0) }
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"answers null", edit(func(b map[string]any) { asm(b)["answers"] = nil }), "trains[0].assessments[0].answers: null; a list, [] for none"},
		{"a note null", edit(func(b map[string]any) { first(b, "trains", 0, "assessments", 0, "answers", 0)["note"] = nil }),
			`trains[0].assessments[0].answers[0].note: null; a text, "" for none`},
		{"a flag null", edit(func(b map[string]any) { first(b, "trains", 0)["value_stream_map"] = nil }), "trains[0].value_stream_map: null; true or false"},
		{"a skill null", edit(func(b map[string]any) { first(b, "trains", 0)["required_skills"] = []any{nil} }), `trains[0].required_skills[0]: null; a text, "" for none`},
		{"no trains", edit(func(b map[string]any) { delete(b, "trains") }), "trains: missing; the format requires it (a list, [] for none)"},
		{"pi_weeks 10.5", edit(func(b map[string]any) { asm(b)["pi_weeks"] = json.Number("10.5") }), "trains[0].assessments[0].pi_weeks: expected a whole number, found number 10.5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openTemp(t, Options{Summarize: countingSummary})
			before := dbState(t, s)
			_, err := s.Import(ctx, bytes.NewReader(c.data))
			if err == nil || !strings.HasSuffix(err.Error(), "nothing was changed: "+c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			if dbState(t, s) != before {
				t.Fatal("a refused bundle changed the database")
			}
		})
	}

	// 8.0 and 7e0 are read as 8 and 7, wherever they stand in the file.
	data := edit(func(b map[string]any) {
		asm(b)["pi_weeks"] = json.Number("8.0")
		first(b, "trains", 0, "assessments", 0, "answers", 0)["rating"] = json.Number("0.2e1")
	})
	s := openTemp(t, Options{Summarize: countingSummary})
	if _, err := s.Import(ctx, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	b := decodeNumbers(t, base)
	id := asm(b)["id"].(string)
	item := first(b, "trains", 0, "assessments", 0, "answers", 0)["item"].(string)
	a, err := s.Assessment(ctx, id)
	must(t, err)
	if a.PIWeeks != 8 || a.Answers[item].Rating != 2 {
		t.Errorf("pi_weeks %d, rating %d: want 8 and 2", a.PIWeeks, a.Answers[item].Rating)
	}
}
