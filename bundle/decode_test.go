package bundle

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// small is a bundle of one train as an export writes it, by hand so that
// this package's tests need no database.
const small = `{
  "format": "trainscope-bundle",
  "version": 1,
  "trains": [
    {"id": "t1", "name": "Payments", "framework": "safe", "description": "",
     "created_at": "2026-01-05T09:00:00Z", "updated_at": "2026-01-05T09:00:00Z",
     "value_stream_map": false, "required_skills": [], "people": [], "roles": [], "teams": [],
     "impediments": [], "assessments": []}
  ]
}`

func TestDecodeReadsABundle(t *testing.T) {
	b, err := Decode([]byte(small))
	if err != nil {
		t.Fatal(err)
	}
	if b.Format != Format || b.Version != Version || len(b.Trains) != 1 || b.Trains[0].Name != "Payments" {
		t.Fatalf("decoded %+v", b)
	}
	// A byte-order mark is read past; 1.0 is the whole number it is.
	b, err = Decode(append([]byte("\xef\xbb\xbf"), strings.Replace(small, `"version": 1`, `"version": 1.0`, 1)...))
	if err != nil || b.Version != 1 {
		t.Fatalf("with a byte-order mark and version 1.0: %v %+v", err, b)
	}
}

// The refusals of the file's text, JSON and shape name their place, and
// come as *Error; no database is involved.
func TestDecodeRefusals(t *testing.T) {
	edit := func(old, new string) string {
		if !strings.Contains(small, old) {
			t.Fatalf("the test bundle lacks %q", old)
		}
		return strings.Replace(small, old, new, 1)
	}
	for _, c := range []struct {
		name, data, want string
	}{
		{"empty file", "", "the file ends in the middle of the JSON"},
		{"cut short", small[:40], "the file ends in the middle of the JSON (is it cut short?)"},
		{"not JSON", "hello", "line 1, column 1: not valid JSON"},
		{"malformed", edit(`"version": 1,`, `"version": 1,,`), "line 3, column 16: not valid JSON"},
		{"a list", "[]", "the file: expected an object, found array"},
		{"no format", edit(`"format": "trainscope-bundle",`, ``), "format: missing"},
		{"a response file", edit(`"trainscope-bundle"`, `"trainscope-response"`), `format: "trainscope-response"; a Trainscope bundle says "format": "trainscope-bundle"`},
		{"version 2", edit(`"version": 1`, `"version": 2`), "version: 2 is not supported; this Trainscope reads version 1"},
		{"version a fraction", edit(`"version": 1`, `"version": 1.5`), "version: expected a whole number, found number 1.5"},
		{"unknown field", edit(`"version": 1,`, `"version": 1, "colour": "red",`), "colour: unknown field"},
		{"misspelt train field", edit(`"framework"`, `"framwork"`), "trains[0].framwork: unknown field"},
		{"name a nested list", edit(`"name": "Payments"`, `"name": [[]]`), "trains[0].name: expected a string, found array"},
		{"null list", edit(`"people": []`, `"people": null`), "trains[0].people: null; a list, [] for none"},
		{"no trains", `{"format": "trainscope-bundle", "version": 1}`, "trains: missing; the format requires it (a list, [] for none)"},
		{"a train a string", edit(`[
    {"id"`, `["x", {"id"`), "trains[0]: expected an object, found string"},
		{"not UTF-8", edit(`Payments`, "Pay\xffments"), "line 5, column 30: the file is not UTF-8 text (a byte 0xFF there is not a character)"},
		{"a control character", edit(`Payments`, `Pay\u0007ments`), "trains[0].name: character 4 is a control character (U+0007)"},
		{"a lone surrogate", edit(`Payments`, `Pay\ud800ments`), "trains[0].name: character 4 is U+FFFD"},
		{"a long name", edit(`Payments`, strings.Repeat("é", 201)), "trains[0].name: 201 characters, more than the 200 a name may have"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode([]byte(c.data))
			var be *Error
			if !errors.As(err, &be) {
				t.Fatalf("got %T %v, want a *bundle.Error", err, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %q, want it to say %q", err, c.want)
			}
			if strings.Contains(err.Error(), "[-1]") || strings.ContainsRune(err.Error(), utf8.RuneError) {
				t.Fatalf("the message names no place a person can find: %q", err)
			}
		})
	}
}

// Of a response file, a bundle is named as such.
func TestDecodeResponseNamesABundle(t *testing.T) {
	_, err := DecodeResponse([]byte(small))
	if err == nil || !strings.Contains(err.Error(), "this is a bundle, not a response file") {
		t.Fatalf("got %v", err)
	}
	rf, err := DecodeResponse([]byte(`{"format":"trainscope-response","version":1,"participant":{"id":"p","name":"Ana","role":"scrum-master"},"checklist_version":"","assessment":"","votes":[{"item":"fit.a","rating":3}]}`))
	if err != nil || rf.Participant.Name != "Ana" || len(rf.Votes) != 1 || rf.Votes[0].Rating != 3 {
		t.Fatalf("got %v %+v", err, rf)
	}
}

// Decode never panics, refuses only with a located *Error, and what it
// accepts writes again.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(small))
	for _, v := range []string{`[[]]`, `[{}]`, `[[[1]]]`, `null`, `1e400`, `"\u0000"`} {
		f.Add([]byte(strings.Replace(small, `"Payments"`, v, 1)))
	}
	f.Add([]byte("\xef\xbb\xbf" + small))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Decode(data)
		if err != nil {
			var be *Error
			if !errors.As(err, &be) {
				t.Fatalf("refused with %T, not a *bundle.Error: %v", err, err)
			}
			if strings.Contains(err.Error(), "[-1]") {
				t.Fatalf("a place [-1]: %v", err)
			}
			return
		}
		// What Decode accepts, its types write again.
		if _, err := b.WriteTo(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
}
