package bundle

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// trainJSON is small's train with the id and name of train i.
func trainJSON(i int) string {
	return fmt.Sprintf(`{"id": "t%d", "name": "Train %d", "framework": "safe", "description": "",
     "created_at": "2026-01-05T09:00:00Z", "updated_at": "2026-01-05T09:00:00Z",
     "value_stream_map": false, "required_skills": [], "people": [], "roles": [], "teams": [],
     "impediments": [], "assessments": []}`, i, i)
}

func trainsJSON(n int, edit func(i int, t string) string) string {
	var parts []string
	for i := range n {
		t := trainJSON(i)
		if edit != nil {
			t = edit(i, t)
		}
		parts = append(parts, t)
	}
	return strings.Join(parts, ",\n    ")
}

// readAll reads every train, as Store.Import does.
func readAll(r *Reader) ([]*Train, error) {
	var out []*Train
	for {
		t, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, t)
	}
}

func TestReaderTrainByTrain(t *testing.T) {
	file := `{"format": "trainscope-bundle", "version": 1, "exported_by": "Ana", "trains": [` + trainsJSON(5, nil) + `]}`
	r := NewReader(strings.NewReader(file))
	for i := range 5 {
		tr, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if tr.ID != fmt.Sprintf("t%d", i) || r.Place() != fmt.Sprintf("trains[%d]", i) {
			t.Fatalf("train %d: %s at %s", i, tr.ID, r.Place())
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("after the last train: %v", err)
	}
	if r.ExportedBy() != "Ana" {
		t.Fatalf("exported by %q", r.ExportedBy())
	}
}

// Which problem a file is refused for does not depend on where it stands.
func TestReaderProblemsInOrder(t *testing.T) {
	head := `{"format": "trainscope-bundle", "version": 1, "trains": [`
	for _, c := range []struct {
		name, file, want string
		trains           int // handed out before the refusal
	}{
		{"version after the trains", `{"format": "trainscope-bundle", "trains": [` + trainsJSON(3, nil) + `], "version": 2}`,
			"version: 2 is not supported", 3},
		{"format after the trains", `{"trains": [` + trainsJSON(3, nil) + `], "format": "csv", "version": 1}`,
			`format: "csv"; a Trainscope bundle says`, 3},
		{"exported_by after the trains", `{"format": "trainscope-bundle", "version": 1, "trains": [` + trainsJSON(2, nil) + `], "exported_by": 7}`,
			"exported_by: expected a string, found number", 2},
		{"a shape problem, then JSON that does not parse", head + trainsJSON(3, func(i int, t string) string {
			if i == 1 {
				return strings.Replace(t, `"people": []`, `"people": null`, 1)
			}
			return t
		}) + `,]}`, "", 1},
		{"JSON that does not parse, then bytes not UTF-8", head + trainsJSON(2, nil) + `,,` + trainsJSON(1, func(int, string) string {
			return strings.Replace(trainJSON(9), "Train 9", "Train \xff", 1)
		}) + `]}`, "", 2},
		{"a text over its limit, then a null", head + trainsJSON(4, func(i int, t string) string {
			switch i {
			case 1:
				return strings.Replace(t, `"Train 1"`, `"`+strings.Repeat("x", 201)+`"`, 1)
			case 3:
				return strings.Replace(t, `"teams": []`, `"teams": null`, 1)
			}
			return t
		}) + `]}`, "trains[3].teams: null; a list, [] for none", 1},
		{"JSON that breaks after megabytes of trains", head + trainsJSON(3000, func(i int, t string) string {
			if i == 2999 {
				return strings.Replace(t, `"teams": []`, `"teams": [}`, 1)
			}
			return strings.Replace(t, `"description": ""`, `"description": "é\n`+strings.Repeat(`x\n`, 200)+`"`, 1)
		}) + `]}`, "", 2999},
		{"bytes not UTF-8 after megabytes of trains", head + strings.Repeat("\n  ", 1<<20) + trainsJSON(2000, func(i int, t string) string {
			if i == 1999 {
				return strings.Replace(t, `"Train 1999"`, "\"Tr\u00e9in é\xc3\"", 1)
			}
			return t
		}) + `]}`, "", 1999},
		{"two lists of trains", head + trainsJSON(1, nil) + `], "trains": []}`, "trains: a second list of trains", 1},
		{"trains not a list", `{"format": "trainscope-bundle", "version": 1, "trains": {"a": [1]}}`, "trains: expected a list, found object", 0},
		{"trains left out", `{"format": "trainscope-bundle", "version": 1}`, "trains: missing; the format requires it", 0},
		{"something after the file", head + trainsJSON(1, nil) + `]} {}`, "", 1},
		{"cut short in the third train", (head + trainsJSON(3, nil))[:len(head+trainsJSON(3, nil))-20], "the file ends in the middle of the JSON (is it cut short?)", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.want == "" {
				// Where the file breaks, as the whole file read at once
				// names it.
				c.want = wholeFileProblem(t, c.file)
			}
			trains, err := readAll(NewReader(strings.NewReader(c.file)))
			var be *Error
			if !errors.As(err, &be) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want it to say %q", err, c.want)
			}
			if len(trains) != c.trains {
				t.Fatalf("%d trains handed out before the refusal, want %d", len(trains), c.trains)
			}
		})
	}
}

// wholeFileProblem is what the file's text or JSON, read whole, is refused
// for: its first byte that is not UTF-8, or where its JSON breaks.
func wholeFileProblem(t *testing.T, file string) string {
	data, err := TextOf([]byte(file))
	if err != nil {
		return err.Error()
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return jsonError(data, err).Error()
	}
	t.Fatal("the file is JSON")
	return ""
}

// A problem the caller finds in a train gives way to a problem of the file
// that comes before it, wherever that stands.
func TestReaderAbort(t *testing.T) {
	mine := errors.New("trains[0].teams[0].scrum_master: unknown person \"ghost\"")
	for _, c := range []struct{ name, rest, want string }{
		{"nothing else wrong", `]}`, mine.Error()},
		{"a null later", `, ` + strings.Replace(trainJSON(1), `"roles": []`, `"roles": null`, 1) + `]}`, "trains[1].roles: null"},
		{"a newer version at the end", `], "version": 3}`, "version: 3 is not supported"},
	} {
		t.Run(c.name, func(t *testing.T) {
			version := `"version": 1, `
			if strings.Contains(c.rest, "version") {
				version = ""
			}
			r := NewReader(strings.NewReader(`{"format": "trainscope-bundle", ` + version + `"trains": [` + trainJSON(0) + c.rest))
			if _, err := r.Next(); err != nil {
				t.Fatal(err)
			}
			err := r.Abort(mine)
			var be *Error
			if !errors.As(err, &be) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want it to say %q", err, c.want)
			}
		})
	}
}

// One train larger than maxTrain is refused, with its place, before it is
// held in memory whole.
func TestReaderRefusesAHugeTrain(t *testing.T) {
	defer func(n int) { maxTrain = n }(maxTrain)
	maxTrain = 1 << 20
	big := strings.Replace(trainJSON(1), `"description": ""`, `"description": "`+strings.Repeat("x", 2<<20)+`"`, 1)
	file := `{"format": "trainscope-bundle", "version": 1, "trains": [` + trainJSON(0) + `, ` + big + `]}`
	trains, err := readAll(NewReader(strings.NewReader(file)))
	if err == nil || !strings.Contains(err.Error(), "trains[1]: more than 1 MB in one train") {
		t.Fatalf("got %v", err)
	}
	if len(trains) != 1 {
		t.Fatalf("%d trains before the refusal", len(trains))
	}
}

// A read error is no problem of the file: it comes back as it is.
func TestReaderReadError(t *testing.T) {
	broken := errors.New("the disk went away")
	r := NewReader(io.MultiReader(strings.NewReader(`{"format": "trainscope-bundle", "version": 1, "trains": [`+trainJSON(0)), errReader{broken}))
	_, err := readAll(r)
	var be *Error
	if !errors.Is(err, broken) || errors.As(err, &be) {
		t.Fatalf("got %T %v", err, err)
	}
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
