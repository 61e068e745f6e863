package data

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/trainscope/trainscope/assessment"
)

// The bad-input corpus: every kind of file a coach can hand Trainscope that
// it must refuse (bundles, response files, database files), each with the
// words its refusal must contain. Every refusal must change nothing: the
// database's every row stays as it was, and a refused database file stays
// byte for byte as it was, with no -wal or -shm beside it.
//
// docs/reliability.md shows the corpus as a table, between its corpus
// markers, rewritten by
//
//	TRAINSCOPE_CORPUS_TABLE=1 go test -tags migrated_fynedo -run TestBadInputCorpus ./data/
type badInput struct {
	name string
	data []byte
	want string
}

// Items of the checklists in assets/, for bundles checked against them.
const (
	corpusPractice = "eff.cross-team-sync.v1"
	corpusMeasure  = "eff.m.days-blocked.v1"
)

// checkedBundle is validBundle with items of the real checklists, and a
// workshop on its assessment, for a store that knows the checklists.
func checkedBundle() map[string]any {
	m := validBundle()
	set(m, corpusPractice, "trains", 0, "assessments", 0, "answers", 0, "item")
	ans := at(m, "trains", 0, "assessments", 0, "answers").([]any)
	fig := map[string]any{"item": corpusMeasure, "rating": 0, "figure": 2.5, "note": "from the board", "evidence": "", "updated_at": "2026-03-01T10:00:00Z"}
	set(m, append(ans, fig), "trains", 0, "assessments", 0, "answers")
	set(m, map[string]any{"anonymous": false,
		"participants": []any{map[string]any{"id": "w1", "name": "Ana", "role": "scrum-master"}},
		"votes":        []any{map[string]any{"participant": "w1", "item": corpusPractice, "rating": 2}},
		"revealed":     []any{corpusPractice},
		"observations": []any{map[string]any{"item": corpusPractice, "rating": 1}}}, "trains", 0, "assessments", 0, "workshop")
	return m
}

// with is a change to a bundle or response at one place.
func with(base func() map[string]any, value any, path ...any) []byte {
	return encode(set(base(), value, path...))
}

// textFields are the bundle's places that hold text, each with its rule.
var textFields = []struct {
	path []any
	rule textRule
}{
	{[]any{"trains", 0, "id"}, idRule},
	{[]any{"trains", 0, "name"}, nameOnlyRule},
	{[]any{"trains", 0, "description"}, longRule},
	{[]any{"trains", 0, "people", 0, "id"}, idRule},
	{[]any{"trains", 0, "people", 0, "name"}, nameOnlyRule},
	{[]any{"trains", 0, "teams", 0, "id"}, idRule},
	{[]any{"trains", 0, "teams", 0, "name"}, nameOnlyRule},
	{[]any{"trains", 0, "impediments", 0, "id"}, idRule},
	{[]any{"trains", 0, "impediments", 0, "title"}, nameRule},
	{[]any{"trains", 0, "impediments", 0, "description"}, longRule},
	{[]any{"trains", 0, "impediments", 0, "owner"}, nameRule},
	{[]any{"trains", 0, "assessments", 0, "id"}, idRule},
	{[]any{"trains", 0, "assessments", 0, "pi"}, nameRule},
	{[]any{"trains", 0, "assessments", 0, "assessor"}, nameRule},
	{[]any{"trains", 0, "assessments", 0, "answers", 0, "item"}, idRule},
	{[]any{"trains", 0, "assessments", 0, "answers", 0, "note"}, noteRule},
	{[]any{"trains", 0, "assessments", 0, "answers", 0, "evidence"}, noteRule},
}

func placeOf(path []any) string {
	var b strings.Builder
	for _, p := range path {
		switch k := p.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteString(".")
			}
			b.WriteString(k)
		case int:
			fmt.Fprintf(&b, "[%d]", k)
		}
	}
	return b.String()
}

// bundleCorpus is checked against a store without the checklists.
func bundleCorpus() []badInput {
	valid := func() []byte { return encode(validBundle()) }
	replace := func(old, new string) []byte { return bytes.Replace(valid(), []byte(old), []byte(new), 1) }
	cases := []badInput{
		{"empty file", nil, "the file ends in the middle of the JSON"},
		{"only spaces", []byte("   \n"), "the file ends in the middle of the JSON"},
		{"null", []byte("null"), `format: missing`},
		{"a list", []byte("[]"), "the file: expected an object, found array"},
		{"a number", []byte("42"), "the file: expected an object, found number"},
		{"empty object", []byte("{}"), "format: missing"},
		{"not JSON", []byte("These are my notes."), "line 1, column 1: not valid JSON"},
		{"malformed", []byte("{\n  \"format\": \"trainscope-bundle\",\n  \"trains\": [}\n"), "line 3, column 14: not valid JSON"},
		{"cut short", valid()[:300], "the file ends in the middle of the JSON (is it cut short?)"},
		{"trailing comma", replace(`"version": 1`, `"version": 1,`), "not valid JSON"},
		{"a response file", []byte(`{"format":"trainscope-response","version":1}`), `format: "trainscope-response"; a Trainscope bundle says "format": "trainscope-bundle"`},
		{"another format", with(validBundle, "csv", "format"), `format: "csv"; a Trainscope bundle says`},
		{"format a number", with(validBundle, 1, "format"), "format: expected a string, found number"},
		{"no version", func() []byte { m := validBundle(); delete(m, "version"); return encode(m) }(), "version: missing"},
		{"version 2", with(validBundle, 2, "version"), "version: 2 is not supported; this Trainscope reads version 1"},
		{"version 0", with(validBundle, 0, "version"), "version: 0 is not supported"},
		{"version -1", with(validBundle, -1, "version"), "version: -1 is not supported"},
		{"version a string", with(validBundle, "1", "version"), "version: expected a whole number, found string"},
		{"version a fraction", with(validBundle, 1.5, "version"), "version: expected a whole number, found number 1.5"},
		{"trains an object", with(validBundle, map[string]any{}, "trains"), "trains: expected a list, found object"},
		{"a train a string", with(validBundle, []any{"Payments"}, "trains"), "trains[0]: expected an object, found string"},
		{"unknown top-level field", with(validBundle, "red", "colour"), "colour: unknown field"},
		{"misspelt train field", replace(`"framework": "SAFe",`, `"framwork": "SAFe",`), "trains[0].framwork: unknown field"},
		{"name a nested list", replace(`"name": "Payments"`, `"name": [[]]`), "trains[0].name: expected a string, found array"},
		{"name a list of an object", replace(`"name": "Payments"`, `"name": [{}]`), "trains[0].name: expected a string, found array"},
		{"name an object", replace(`"name": "Payments"`, `"name": {"x": [[]]}`), "trains[0].name: expected a string, found object"},
		{"id a nested list", replace(`"id": "11111111-1111-4111-8111-111111111111"`, `"id": [[[]]]`), "trains[0].id: expected a string, found array"},
		{"developers nested", with(validBundle, []any{[]any{[]any{}}}, "trains", 0, "teams", 0, "developers"), "trains[0].teams[0].developers[0]: expected a string, found array"},
		{"people a nested list", replace(`"people": [`, `"people": [[[]], `), "trains[0].people[0]: expected an object, found array"},
		{"rating a nested list", replace(`"rating": 3`, `"rating": [[]]`), "trains[0].assessments[0].answers[0].rating: expected a whole number, found array"},
		{"rating a fraction", replace(`"rating": 3`, `"rating": 2.5`), "answers[0].rating: expected a whole number, found number 2.5"},
		{"rating too big for a number", replace(`"rating": 3`, `"rating": 1e400`), "answers[0].rating: expected a whole number, found number 1e400"},
		{"contractor a string", replace(`"contractor": false`, `"contractor": "no"`), "trains[0].people[0].contractor: expected true or false, found string"},
		{"rating -3", with(validBundle, -3, "trains", 0, "assessments", 0, "answers", 0, "rating"), "answers[0].rating: -3 is not a rating"},
		{"rating 101", with(validBundle, 101, "trains", 0, "assessments", 0, "answers", 0, "rating"), "answers[0].rating: 101 is not a rating"},
		{"negative figure", with(validBundle, -1, "trains", 0, "assessments", 0, "answers", 0, "figure"), "trains[0].assessments[0].answers[0].figure: -1 is negative"},
		{"negative tiny figure", with(validBundle, -0.001, "trains", 0, "assessments", 0, "answers", 0, "figure"), "answers[0].figure: -0.001 is negative"},
		{"empty answer", encode(set(set(validBundle(), 0, "trains", 0, "assessments", 0, "answers", 0, "rating"), nil, "trains", 0, "assessments", 0, "answers", 0, "figure")), "answers[0]: an empty answer"},
		{"date in year 0001", with(validBundle, "0001-01-01T00:00:00Z", "trains", 0, "assessments", 0, "date"), `trains[0].assessments[0].date: "0001-01-01T00:00:00Z" is in the year 1; Trainscope takes dates from 1970 to 2199`},
		{"date in year 0000", with(validBundle, "0000-01-01T00:00:00Z", "trains", 0, "assessments", 0, "date"), `assessments[0].date: "0000-01-01T00:00:00Z" is in the year 0`},
		{"date in year 9999", with(validBundle, "9999-12-31T23:59:59Z", "trains", 0, "assessments", 0, "date"), `assessments[0].date: "9999-12-31T23:59:59Z" is in the year 9999`},
		{"date in 1969", with(validBundle, "1969-12-31T23:59:59Z", "trains", 0, "assessments", 0, "date"), "is in the year 1969"},
		{"date in 2200", with(validBundle, "2200-01-01T00:00:00Z", "trains", 0, "assessments", 0, "date"), "is in the year 2200"},
		{"created in year 1", with(validBundle, "0001-01-01T00:00:00Z", "trains", 0, "created_at"), "trains[0].created_at: \"0001-01-01T00:00:00Z\" is in the year 1"},
		{"updated in 9999", with(validBundle, "9999-12-31T23:59:59Z", "trains", 0, "updated_at"), "trains[0].updated_at: \"9999-12-31T23:59:59Z\" is in the year 9999"},
		{"impediment raised in year 1", with(validBundle, "0001-01-01T00:00:00Z", "trains", 0, "impediments", 0, "raised"), "trains[0].impediments[0].raised: \"0001-01-01T00:00:00Z\" is in the year 1"},
		{"impediment resolved in 9999", with(validBundle, "9999-01-01T00:00:00Z", "trains", 0, "impediments", 0, "resolved"), "trains[0].impediments[0].resolved: \"9999-01-01T00:00:00Z\" is in the year 9999"},
		{"answer updated in year 0", with(validBundle, "0000-06-01T00:00:00Z", "trains", 0, "assessments", 0, "answers", 0, "updated_at"), "answers[0].updated_at: \"0000-06-01T00:00:00Z\" is in the year 0"},
		{"date not a time", with(validBundle, "yesterday", "trains", 0, "assessments", 0, "date"), `assessments[0].date: "yesterday" is not a time`},
		{"date without a zone", with(validBundle, "2026-03-01T00:00:00", "trains", 0, "assessments", 0, "date"), `is not a time like "2026-03-01T09:00:00Z"`},
		{"date missing", with(validBundle, "", "trains", 0, "assessments", 0, "date"), "assessments[0].date: missing"},
		{"resolved before raised", with(validBundle, "2026-01-01T00:00:00Z", "trains", 0, "impediments", 0, "resolved"), "trains[0].impediments[0].resolved: resolved before it was raised"},
		{"pi_weeks 53", with(validBundle, 53, "trains", 0, "assessments", 0, "pi_weeks"), "assessments[0].pi_weeks: a PI of 53 weeks"},
		{"pi_weeks negative", with(validBundle, -1, "trains", 0, "assessments", 0, "pi_weeks"), "a PI of -1 weeks"},
		{"unknown status", with(validBundle, "done", "trains", 0, "assessments", 0, "status"), `assessments[0].status: unknown status "done"`},
		{"final without snapshot", with(validBundle, "final", "trains", 0, "assessments", 0, "status"), "assessments[0].snapshot: missing"},
		{"unknown framework", with(validBundle, "Kanban", "trains", 0, "framework"), `trains[0].framework: unknown framework "Kanban"`},
		{"unknown impediment level", with(validBundle, "company", "trains", 0, "impediments", 0, "level"), `impediments[0].level: unknown level "company"`},
		{"unknown impediment status", with(validBundle, "closed", "trains", 0, "impediments", 0, "status"), `impediments[0].status: unknown status "closed"`},
		{"unknown ROAM", with(validBundle, "ignored", "trains", 0, "impediments", 0, "roam"), `impediments[0].roam: unknown ROAM category "ignored"`},
		{"impediment without title", with(validBundle, " ", "trains", 0, "impediments", 0, "title"), "impediments[0].title: an impediment needs a title"},
		{"unknown role", with(validBundle, "chief", "trains", 0, "roles", 0, "role"), `trains[0].roles[0].role: unknown role "chief"`},
		{"dangling role holder", with(validBundle, "ghost", "trains", 0, "roles", 0, "person"), `trains[0].roles[0].person: unknown person "ghost"`},
		{"dangling Scrum Master", with(validBundle, "ghost", "trains", 0, "teams", 2, "scrum_master"), `trains[0].teams[2].scrum_master: unknown person "ghost"`},
		{"dangling Product Owner", with(validBundle, "ghost", "trains", 0, "teams", 0, "product_owner"), `trains[0].teams[0].product_owner: unknown person "ghost"`},
		{"dangling developer", with(validBundle, []any{"ghost"}, "trains", 0, "teams", 0, "developers"), `trains[0].teams[0].developers[0]: unknown person "ghost"`},
		{"developer twice", with(validBundle, []any{"p2", "p2"}, "trains", 0, "teams", 0, "developers"), `trains[0].teams[0].developers[1]: person "p2" is listed twice`},
		{"empty developer id", with(validBundle, []any{""}, "trains", 0, "teams", 0, "developers"), `trains[0].teams[0].developers[0]: empty person id`},
		{"duplicate person", with(validBundle, "p1", "trains", 0, "people", 1, "id"), `trains[0].people[1].id: duplicate id "p1"`},
		{"duplicate team", with(validBundle, "t1", "trains", 0, "teams", 1, "id"), `trains[0].teams[1].id: duplicate id "t1"`},
		{"person without a name", with(validBundle, "", "trains", 0, "people", 0, "name"), "trains[0].people[0].name: a person needs a name"},
		{"team without a name", with(validBundle, "  ", "trains", 0, "teams", 0, "name"), "trains[0].teams[0].name: a team needs a name"},
		{"train without a name", with(validBundle, "", "trains", 0, "name"), "trains[0].name: a train needs a name"},
		{"train without an id", with(validBundle, "", "trains", 0, "id"), "trains[0].id: missing id"},
		{"assessment without an id", with(validBundle, "", "trains", 0, "assessments", 0, "id"), "trains[0].assessments[0].id: missing id"},
		{"answer without an item", with(validBundle, "", "trains", 0, "assessments", 0, "answers", 0, "item"), "answers[0].item: missing id"},
		{"duplicate answer", func() []byte {
			m := validBundle()
			ans := at(m, "trains", 0, "assessments", 0, "answers").([]any)
			return encode(set(m, append(ans, ans[0]), "trains", 0, "assessments", 0, "answers"))
		}(), `answers[1].item: duplicate item "fit.a"`},
		{"empty checklist note", with(validBundle, []any{map[string]any{"checklist": "facilitator-fit", "note": ""}}, "trains", 0, "assessments", 0, "notes"), "notes[0].note: empty"},
		{"recommendation without finding or action", with(validBundle, []any{map[string]any{"id": "r1", "priority": 1, "status": "proposed"}}, "trains", 0, "assessments", 0, "recommendations"),
			"recommendations[0]: a recommendation needs a finding or an action"},
		{"recommendation priority 7", with(validBundle, []any{map[string]any{"id": "r1", "finding": "x", "priority": 7, "status": "proposed"}}, "trains", 0, "assessments", 0, "recommendations"),
			"recommendations[0].priority: 7 is not a priority"},
		{"edit that changes nothing", with(validBundle, []any{map[string]any{"recommendation": "r1"}}, "trains", 0, "assessments", 0, "recommendation_edits"),
			"recommendation_edits[0]: an edit that changes nothing"},
		{"invalid UTF-8 in a name", replace(`"Payments"`, "\"Pay\xffments\""), "the file is not UTF-8 text (a byte 0xFF there is not a character)"},
		{"a cut UTF-8 sequence", replace(`"Payments"`, "\"Paym\xc3\""), "the file is not UTF-8 text (a byte 0xC3"},
		{"an overlong UTF-8 slash", replace(`"Payments"`, "\"Pay\xc0\xafments\""), "the file is not UTF-8 text (a byte 0xC0"},
		{"a UTF-8 surrogate", replace(`"Payments"`, "\"Pay\xed\xa0\x80\""), "the file is not UTF-8 text (a byte 0xED"},
		{"Latin-1 text", replace(`"Payments"`, "\"Caf\xe9\""), "save it again as UTF-8"},
		{"UTF-16 with its byte-order mark", append([]byte{0xff, 0xfe}, []byte(`{"format":"trainscope-bundle"}`)...), "line 1, column 1: the file is not UTF-8 text (a byte 0xFF"},
		{"two UTF-8 byte-order marks", append([]byte("\xef\xbb\xbf\xef\xbb\xbf"), valid()...), "not valid JSON"},
		{"a lone surrogate escape", replace(`"Payments"`, `"Pay\ud800ments"`), "trains[0].name: character 4 is U+FFFD"},
		{"an escaped replacement character", replace(`"Payments"`, `"Pay\ufffdments"`), "trains[0].name: character 4 is U+FFFD"},
		{"a stored replacement character", replace(`"Payments"`, "\"Pay\uFFFDments\""), "trains[0].name: character 4 is U+FFFD"},
		{"an escaped NUL in a skill", with(validBundle, []any{"Te\x00sting"}, "trains", 0, "required_skills"), "trains[0].required_skills[0]: character 3 is a control character (U+0000)"},
		{"a control character in a team skill", with(validBundle, []any{"\x07"}, "trains", 0, "teams", 0, "skills"), "trains[0].teams[0].skills[0]: character 1 is a control character (U+0007)"},
		{"a NUL in a developer id", with(validBundle, []any{"p\x002"}, "trains", 0, "teams", 0, "developers"), "trains[0].teams[0].developers[0]: character 2 is a control character (U+0000)"},
	}
	// Every text field, broken every way: control characters (a line break
	// only where several lines belong), U+FFFD, one character too many.
	for _, f := range textFields {
		place := placeOf(f.path)
		for _, c := range []struct {
			label string
			r     rune
		}{{"NUL", 0}, {"bell", 7}, {"escape", 0x1b}, {"DEL", 0x7f}, {"C1 NEL", 0x85}} {
			cases = append(cases, badInput{fmt.Sprintf("%s with a %s", place, c.label), with(validBundle, "ab"+string(c.r)+"cd", f.path...),
				fmt.Sprintf("%s: character 3 is a control character (U+%04X)", place, c.r)})
		}
		if !f.rule.MultiLine {
			cases = append(cases, badInput{place + " with a line break", with(validBundle, "ab\ncd", f.path...),
				place + ": character 3 is a control character (U+000A); a one-line text takes printable characters only"},
				badInput{place + " with a tab", with(validBundle, "ab\tcd", f.path...), place + ": character 3 is a control character (U+0009)"})
		}
		long := strings.Repeat("é", f.rule.Max+1)
		cases = append(cases, badInput{fmt.Sprintf("%s of %d characters", place, f.rule.Max+1), with(validBundle, long, f.path...),
			fmt.Sprintf("%s: %d characters, more than the %d %s may have", place, f.rule.Max+1, f.rule.Max, f.rule.What)})
	}
	return cases
}

// checkedCorpus is checked against a store that knows the checklists.
func checkedCorpus() []badInput {
	ans := []any{"trains", 0, "assessments", 0, "answers"}
	answer := func(i int, key string) []any { return append(append([]any{}, ans...), i, key) }
	ws := []any{"trains", 0, "assessments", 0, "workshop"}
	in := func(path ...any) []any { return append(append([]any{}, ws...), path...) }
	return []badInput{
		{"rating 99 on a 5-level item", with(checkedBundle, 99, answer(0, "rating")...),
			`trains[0].assessments[0].answers[0].rating: 99 is not on the scale of item "` + corpusPractice + `" (a level from 1 to 5`},
		{"rating 6 on a 5-level item", with(checkedBundle, 6, answer(0, "rating")...), `answers[0].rating: 6 is not on the scale of item "` + corpusPractice + `"`},
		{"rating 100 on a measure", with(checkedBundle, 100, answer(1, "rating")...), `answers[1].rating: 100 is not on the scale of item "` + corpusMeasure + `"`},
		{"an unknown item", with(checkedBundle, "fit.no-such-item.v1", answer(0, "item")...),
			`answers[0].item: "fit.no-such-item.v1" is not an item of checklist version 2026.2`},
		{"an item of the right shape but retired", with(checkedBundle, "eff.cross-team-sync.v0", answer(0, "item")...), `"eff.cross-team-sync.v0" is not an item of checklist version`},
		{"a figure on a practice", with(checkedBundle, 3, answer(0, "figure")...),
			`answers[0].figure: item "` + corpusPractice + `" is a practice, not a measure; only a measure takes a figure`},
		{"a figure on an indication", encode(set(set(checkedBundle(), "fit.shared-product.v1", answer(0, "item")...), 1, answer(0, "figure")...)),
			`item "fit.shared-product.v1" is a indication, not a measure`},
		{"a negative figure on a measure", with(checkedBundle, -2, answer(1, "figure")...), "answers[1].figure: -2 is negative"},
		{"a vote off the scale", with(checkedBundle, 9, in("votes", 0, "rating")...), `workshop.votes[0].rating: 9 is not on the scale of item "` + corpusPractice + `"`},
		{"a vote on an unknown item", with(checkedBundle, "fit.zzz.v1", in("votes", 0, "item")...), `workshop.votes[0].item: "fit.zzz.v1" is not an item of checklist version 2026.2`},
		{"an observation off the scale", with(checkedBundle, 6, in("observations", 0, "rating")...), `workshop.observations[0].rating: 6 is not on the scale`},
		{"an observation of an unknown item", with(checkedBundle, "x.y", in("observations", 0, "item")...), `workshop.observations[0].item: "x.y" is not an item`},
		{"an unknown item revealed", with(checkedBundle, []any{"x.y"}, in("revealed")...), `workshop.revealed[0]: "x.y" is not an item`},
		{"a participant name with a NUL", with(checkedBundle, "An\x00a", in("participants", 0, "name")...), "workshop.participants[0].name: character 3 is a control character (U+0000)"},
		{"a participant name of 201 characters", with(checkedBundle, strings.Repeat("ß", 201), in("participants", 0, "name")...),
			"workshop.participants[0].name: 201 characters, more than the 200 a name may have"},
	}
}

// responseCorpus is imported into a workshop that knows the checklists.
func responseCorpus() []badInput {
	item := corpusPractice
	base := func() map[string]any { return response("Gus", item, 3) }
	raw := func(s string) []byte { return []byte(s) }
	cases := []badInput{
		{"empty file", nil, "the file ends in the middle of the JSON"},
		{"a bundle", encode(validBundle()), "this is a bundle, not a response file; import it with trainscope import"},
		{"no format", raw(`{"version":1}`), `format: missing; a Trainscope response file says "format": "trainscope-response"`},
		{"another format", with(base, "survey", "format"), `format: "survey"; a Trainscope response file says`},
		{"version 2", with(base, 2, "version"), "version: 2 is not supported"},
		{"no version", raw(`{"format":"trainscope-response"}`), "version: missing"},
		{"malformed", raw(`{"format":"trainscope-response",`), "the file ends in the middle of the JSON"},
		{"unknown field", raw(`{"format":"trainscope-response","version":1,"particpant":{}}`), "particpant: unknown field"},
		{"name a nested list", raw(`{"format":"trainscope-response","version":1,"participant":{"name":[[]]},"votes":[]}`), "participant.name: expected a string, found array"},
		{"name a list of an object", raw(`{"format":"trainscope-response","version":1,"participant":{"name":[{}]},"votes":[]}`), "participant.name: expected a string, found array"},
		{"item a list of an object", raw(`{"format":"trainscope-response","version":1,"participant":{"name":"X"},"votes":[{"item":[{}],"rating":1}]}`),
			"votes[0].item: expected a string, found array"},
		{"rating a nested list", raw(`{"format":"trainscope-response","version":1,"participant":{"name":"X"},"votes":[{"item":"a","rating":[[]]}]}`),
			"votes[0].rating: expected a whole number, found array"},
		{"votes an object", raw(`{"format":"trainscope-response","version":1,"participant":{"name":"X"},"votes":{}}`), "votes: expected a list, found object"},
		{"no votes", with(base, []any{}, "votes"), "votes: none; the participant answered no item"},
		{"no name", with(base, "", "participant", "name"), "participant.name: missing"},
		{"a NUL in the name", with(base, "Gu\x00s", "participant", "name"), "participant.name: character 3 is a control character (U+0000)"},
		{"a line break in the name", with(base, "Gu\ns", "participant", "name"), "participant.name: character 3 is a control character (U+000A)"},
		{"an escape in the name", with(base, "\x1b[31mGus", "participant", "name"), "participant.name: character 1 is a control character (U+001B)"},
		{"a name of 201 characters", with(base, strings.Repeat("ø", 201), "participant", "name"), "participant.name: 201 characters, more than the 200 a name may have"},
		{"a lone surrogate in the name", raw(`{"format":"trainscope-response","version":1,"participant":{"name":"G\udc00us"},"votes":[{"item":"` + item + `","rating":3}]}`),
			"participant.name: character 2 is U+FFFD"},
		{"invalid UTF-8", bytes.Replace(encode(base()), []byte("Gus"), []byte("G\xffus"), 1), "the file is not UTF-8 text (a byte 0xFF"},
		{"Latin-1 name", bytes.Replace(encode(base()), []byte("Gus"), []byte("J\xf6rg"), 1), "the file is not UTF-8 text (a byte 0xF6"},
		{"a control character in the id", with(base, "id\x01", "participant", "id"), "participant.id: character 3 is a control character (U+0001)"},
		{"an id of 201 characters", with(base, strings.Repeat("a", 201), "participant", "id"), "participant.id: 201 characters, more than the 200 an id may have"},
		{"an unknown role", with(base, "boss", "participant", "role"), `participant.role: unknown role "boss"`},
		{"a NUL in the checklist version", with(base, "2026.1\x00", "checklist_version"), "checklist_version: character 7 is a control character (U+0000)"},
		{"an assessment id with a tab", with(base, "a\tb", "assessment"), "assessment: character 2 is a control character (U+0009)"},
		{"rating 99", with(base, 99, "votes", 0, "rating"), `votes[0]: 99 is not a rating on the scale of item "` + item + `"`},
		{"rating 6", with(base, 6, "votes", 0, "rating"), `votes[0]: 6 is not a rating on the scale`},
		{"rating 0", with(base, 0, "votes", 0, "rating"), `votes[0]: 0 is not a rating`},
		{"rating -3", with(base, -3, "votes", 0, "rating"), `votes[0]: -3 is not a rating`},
		{"an unknown item", with(base, "fit.nope.v1", "votes", 0, "item"), `votes[0]: item "fit.nope.v1" is not in checklist version 2026.2`},
		{"an empty item", with(base, "", "votes", 0, "item"), `votes[0].item: missing id`},
		{"a NUL in the item", with(base, item+"\x00", "votes", 0, "item"), "votes[0].item: character 23 is a control character (U+0000)"},
		{"two votes on one item", encode(response("Gus", item, 3, item, 2)), `votes[1].item: a second vote for item "` + item + `" (the first is votes[0])`},
		{"too large", append([]byte(`{"format":"trainscope-response","version":1,"x":"`), bytes.Repeat([]byte("a"), MaxResponseSize)...), "the file is larger than 1 MB"},
	}
	return cases
}

// databaseCorpus is files given to Open, each made in dir.
func databaseCorpus(t *testing.T) []struct {
	name string
	make func(path string)
	want string
} {
	fixture := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		must(t, err)
		return b
	}
	write := func(b []byte) func(string) {
		return func(path string) { must(t, os.WriteFile(path, b, 0o600)) }
	}
	rawDB := func(version, appID int32, stmts ...string) func(string) {
		return func(path string) { rawDatabase(t, path, version, appID, stmts...) }
	}
	scribbled := func(path string) {
		b := fixture("schema-v2.db")
		for i := 2 * 4096; i < 5*4096 && i < len(b); i++ {
			b[i] = 0xA5
		}
		must(t, os.WriteFile(path, b, 0o600))
	}
	tables := "CREATE TABLE trains (id TEXT); CREATE TABLE assessments (id TEXT); CREATE TABLE rosters (id TEXT); CREATE TABLE answers (id TEXT)"
	return []struct {
		name string
		make func(path string)
		want string
	}{
		{"a text file", write([]byte("These are my meeting notes, not a database.\n")), "is damaged or is not a Trainscope database (the file does not start like a SQLite database)"},
		{"a JSON bundle given as the database", write(fixture("schema-v1.json")), "the file does not start like a SQLite database"},
		{"a PNG image", write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "the file does not start like a SQLite database"},
		{"the SQLite magic alone", write([]byte("SQLite format 3\x00")), "is damaged"},
		{"a SQLite header cut short", write(fixture("schema-v1.db")[:100]), "is damaged"},
		{"the first page of a database alone", write(fixture("schema-v2.db")[:4096]), "is damaged"},
		{"a database cut in half", write(fixture("schema-v2.db")[:len(fixture("schema-v2.db"))/2]), "is damaged"},
		{"pages scribbled over", scribbled, "is damaged"},
		{"another program's tables", rawDB(0, 0, "CREATE TABLE notes (body TEXT)", "INSERT INTO notes VALUES ('mine')"), "another program's SQLite database, with the tables notes"},
		{"a clashing trains table", rawDB(0, 0, "CREATE TABLE trains (id INTEGER PRIMARY KEY, departs TEXT)"), "with the tables trains"},
		{"a clashing trains table and a schema version", rawDB(5, 0, "CREATE TABLE trains (id INTEGER)"), "with the tables trains"},
		{"another application id", rawDB(1, 0x46534c31, tables), "its header names another program (application id 1179864113)"},
		{"Trainscope's table names with other columns", rawDB(1, 0, tables), "its tables are not Trainscope's: the table answers has the columns (id)"},
		{"Trainscope's id but a missing table", rawDB(2, ApplicationID, "CREATE TABLE trains (id TEXT)"), "its tables are not those of schema version 2: the table answers is missing"},
		{"Trainscope's id and a stranger's table", rawDB(0, ApplicationID, "CREATE TABLE notes (x)"), "it has a table notes that Trainscope does not make"},
		{"a schema version and no tables", rawDB(7, 0), "it holds no tables but says schema version 7"},
		{"a negative schema version", rawDB(-1, ApplicationID), "its schema version is -1, which no Trainscope writes"},
		{"the lowest schema version", rawDB(-2147483648, ApplicationID), "its schema version is -2147483648"},
		{"a newer schema", rawDB(99, ApplicationID), "was written by a newer Trainscope (schema version 99"},
		{"in WAL mode, another program's", rawDB(0, 0, "PRAGMA journal_mode=WAL", "CREATE TABLE t (x)"), "with the tables t"},
		{"an emptied database beside its backups", func(path string) {
			must(t, os.MkdirAll(BackupDir(path), 0o700))
			must(t, os.WriteFile(filepath.Join(BackupDir(path), "trainscope-20260301-090000.db"), fixture("schema-v2.db"), 0o600))
			must(t, os.WriteFile(path, nil, 0o600))
		}, "the file is empty (0 bytes) although backups of it exist"},
	}
}

func TestBadInputCorpus(t *testing.T) {
	ctx := context.Background()
	defs := definitions(t)
	type row struct{ door, name, want string }
	var rows []row

	// Bundles: into a database holding the sample, so a refusal after the
	// first train would show as a change.
	plain := sampleStore(t)
	checked := openTemp(t, Options{Summarize: countingSummary, Definitions: defs})
	if _, err := checked.Import(ctx, bytes.NewReader(encode(checkedBundle()))); err != nil {
		t.Fatalf("the valid checked bundle: %v", err)
	}
	for _, door := range []struct {
		label string
		s     *Store
		cases []badInput
	}{{"bundle", plain, bundleCorpus()}, {"bundle (checked against the checklists)", checked, checkedCorpus()}} {
		before := dbState(t, door.s)
		for _, c := range door.cases {
			rows = append(rows, row{door.label, c.name, c.want})
			t.Run("bundle/"+c.name, func(t *testing.T) {
				_, err := door.s.Import(ctx, bytes.NewReader(c.data))
				var be *BundleError
				if !errors.As(err, &be) {
					t.Fatalf("Import: %v, want a *BundleError", err)
				}
				if !strings.Contains(err.Error(), c.want) {
					t.Fatalf("message\n  %s\ndoes not say\n  %s", err, c.want)
				}
				if strings.Contains(err.Error(), "[-1]") || strings.Contains(err.Error(), "\uFFFD") {
					t.Fatalf("message with a [-1] place or U+FFFD: %s", err)
				}
			})
		}
		if dbState(t, door.s) != before {
			t.Fatalf("a refused %s changed the database", door.label)
		}
	}

	// Response files: into a workshop.
	ws, a, _ := workshopStore(t)
	must(t, ws.StartWorkshop(ctx, a.ID, false))
	before := dbState(t, ws)
	for _, c := range responseCorpus() {
		rows = append(rows, row{"response file", c.name, c.want})
		t.Run("response/"+c.name, func(t *testing.T) {
			_, err := ws.ImportResponses(ctx, a.ID, map[string][]byte{"gus.json": c.data})
			var re *ResponseError
			if !errors.As(err, &re) {
				t.Fatalf("ImportResponses: %v, want a *ResponseError", err)
			}
			if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "gus.json") {
				t.Fatalf("message\n  %s\ndoes not say\n  %s", err, c.want)
			}
		})
	}
	if dbState(t, ws) != before {
		t.Fatal("a refused response file changed the database")
	}

	// Database files: refused untouched, no -wal or -shm left.
	for _, c := range databaseCorpus(t) {
		rows = append(rows, row{"database file", c.name, c.want})
		t.Run("database/"+c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "trainscope.db")
			c.make(path)
			before := fileState(t, path)
			s, err := Open(path, Options{})
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("message\n  %s\ndoes not say\n  %s", err, c.want)
			}
			if fileState(t, path) != before {
				t.Fatal("the refused file was changed, or a -wal/-shm left beside it")
			}
		})
	}
	for _, c := range []struct{ name, path, want string }{
		{"the null device", os.DevNull, "is a device or other special file, not a file"},
		{"a folder", t.TempDir(), "is a folder, not a file"},
	} {
		rows = append(rows, row{"database file", c.name, c.want})
		if _, err := Open(c.path, Options{}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
	}

	if len(rows) < 150 {
		t.Errorf("the corpus has %d cases, fewer than 150", len(rows))
	}
	if os.Getenv("TRAINSCOPE_CORPUS_TABLE") != "" {
		var b strings.Builder
		counts := map[string]int{}
		for _, r := range rows {
			counts[r.door]++
		}
		doors := make([]string, 0, len(counts))
		for d := range counts {
			doors = append(doors, d)
		}
		sort.Strings(doors)
		fmt.Fprintf(&b, "%d cases:", len(rows))
		for _, d := range doors {
			fmt.Fprintf(&b, " %s %d;", d, counts[d])
		}
		b.WriteString("\n\n| # | Door | Case | The refusal says |\n|---|---|---|---|\n")
		for i, r := range rows {
			want := r.want
			if utf8.RuneCountInString(want) > 160 {
				want = string([]rune(want)[:160]) + "…"
			}
			fmt.Fprintf(&b, "| %d | %s | %s | `%s` |\n", i+1, r.door, strings.ReplaceAll(r.name, "|", "\\|"), strings.ReplaceAll(want, "|", "\\|"))
		}
		doc := filepath.Join("..", "docs", "reliability.md")
		text, err := os.ReadFile(doc)
		must(t, err)
		const begin, end = "<!-- corpus:begin -->\n", "<!-- corpus:end -->"
		i, j := bytes.Index(text, []byte(begin)), bytes.Index(text, []byte(end))
		if i < 0 || j < i {
			t.Fatalf("%s has no corpus markers", doc)
		}
		out := append(append(append([]byte{}, text[:i+len(begin)]...), b.String()...), text[j:]...)
		must(t, os.WriteFile(doc, out, 0o600))
	}
}

// What must go through: a byte-order mark, 200 characters of two bytes
// each, tabs and line breaks in a note, a tab in a description.
func TestAcceptedInput(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, Options{Summarize: countingSummary, Definitions: definitions(t)})
	m := checkedBundle()
	set(m, strings.Repeat("é", assessment.MaxNameLength), "trains", 0, "name")
	set(m, "line one\n\tline two\r\n", "trains", 0, "assessments", 0, "answers", 0, "note")
	set(m, "a\tb", "trains", 0, "description")
	set(m, "2025.9", "trains", 0, "assessments", 0, "checklist_version")
	data := append([]byte("\xef\xbb\xbf"), encode(m)...)
	rep, err := s.Import(ctx, bytes.NewReader(data))
	must(t, err)
	if len(rep.Added) != 2 {
		t.Fatalf("report:\n%s", rep)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], `trains[0].assessments[0].checklist_version: "2025.9" is not this Trainscope's checklist version 2026.2`) ||
		!strings.Contains(rep.String(), "note: trains[0].assessments[0].checklist_version") {
		t.Fatalf("warnings: %q\n%s", rep.Warnings, rep)
	}
	got, err := s.Train(ctx, "11111111-1111-4111-8111-111111111111")
	must(t, err)
	if got.Name != strings.Repeat("é", assessment.MaxNameLength) {
		t.Fatal("the name was not kept")
	}
	// A response file with a byte-order mark merges too.
	ws, a, _ := workshopStore(t)
	_, err = ws.ImportResponses(ctx, a.ID, map[string][]byte{"bom.json": append([]byte("\xef\xbb\xbf"), encode(response("Gus", corpusPractice, 3))...)})
	must(t, err)
}
