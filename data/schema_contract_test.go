package data

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/trainscope/trainscope/assessment"
)

// The bundle schema (assets/bundle.schema.json) and the importer are one
// contract, checked here with a JSON Schema validator nobody on the project
// wrote (santhosh-tekuri/jsonschema, draft 2020-12 with formats asserted):
// every export is valid, and on a corpus of bundles mutated one value at a
// time, by hand and then field by field over every kind of object a bundle
// holds, the schema and the importer give the same verdict. What only the
// importer can check (ids unique in their list, references to people on
// the roster, ratings on an item's scale, and the rest the schema's
// description lists) is left out of the corpus; response_contract_test.go
// does the same for response files.

// compileSchema compiles one of the schemas in assets/.
func compileSchema(t testing.TB, name string) *jsonschema.Schema {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "assets", name))
	must(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	must(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	must(t, c.AddResource(name, doc))
	s, err := c.Compile(name)
	must(t, err)
	return s
}

func bundleSchema(t testing.TB) *jsonschema.Schema { return compileSchema(t, "bundle.schema.json") }

func schemaValid(t testing.TB, s *jsonschema.Schema, b []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// contractStore is a LACE's store holding a bundle of every kind of object
// the format has: the SAFe sample and a new assessment of it that came with
// follow-ups (one dropped for a reason, one overridden), run as a workshop
// (votes, a reveal, an observation), with a figure, a checklist note and a
// rejection reason of two lines, the train in a group; the Scrum@Scale
// sample; a portfolio decision; and a conflict copy of the draft, from a
// coach who changed it at the same time.
func contractStore(t testing.TB) *Store {
	t.Helper()
	ctx := context.Background()
	s, defs, next := afterSample(t)
	_, _, err := s.AddSampleOf(ctx, assessment.ScrumAtScale, day(2026, 3, 1))
	must(t, err)

	tr, err := s.Train(ctx, next.TrainID)
	must(t, err)
	tr.Group = "Payments value stream"
	must(t, s.UpdateTrain(ctx, tr))
	a, err := s.Assessment(ctx, next.ID)
	must(t, err)
	if len(a.FollowUps) < 2 {
		t.Fatalf("the new assessment came with %d follow-ups", len(a.FollowUps))
	}
	dropped := a.FollowUps[0]
	dropped.State, dropped.Reason = assessment.FollowUpDropped, "The LACE took it over.\nSee the portfolio."
	must(t, s.SetFollowUp(ctx, a.ID, dropped))
	overridden := a.FollowUps[1]
	overridden.State, overridden.Override, overridden.OverrideReason = assessment.FollowUpInProgress, "not-met", "The data is a week old"
	overridden.Note, overridden.NoteDate = "Seen at the system demo", day(2026, 5, 18)
	must(t, s.SetFollowUp(ctx, a.ID, overridden))

	var measure, practice *assessment.Item
	for _, cl := range defs.Checklists {
		for i := range cl.Items {
			it := &cl.Items[i]
			if it.Kind == assessment.Measure && measure == nil {
				measure = it
			}
			if it.Kind == assessment.Practice && practice == nil {
				practice = it
			}
		}
	}
	fig := 12.5
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: measure.ID, Figure: &fig, Note: "from the tracker", Evidence: "board export"}))
	must(t, s.SetChecklistNote(ctx, a.ID, defs.Checklists[0].ID, "Asked twice, same answer"))
	must(t, s.SetRecommendationEdit(ctx, a.ID, "RG-03/system-architect", assessment.RecommendationEdit{Status: assessment.Rejected,
		Reason: "Covered by the solution train.\nAsk again next PI."}))
	must(t, s.SetRecommendationEdit(ctx, a.ID, "RI-01/"+practice.ID, assessment.RecommendationEdit{Escalation: assessment.LevelLACE, Priority: assessment.High}))

	must(t, s.StartWorkshop(ctx, a.ID, false))
	room := addRoom(t, s, a.ID, assessment.Participant{Name: "Ana Lima", Role: assessment.RoleScrumMasterP},
		assessment.Participant{Name: "Bo Ek", Role: assessment.RoleProductOwnerP})
	must(t, s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: room[0].ID, ItemID: practice.ID, Rating: 2}))
	must(t, s.CastVote(ctx, a.ID, assessment.Vote{ParticipantID: room[1].ID, ItemID: practice.ID, Rating: assessment.DontKnow}))
	must(t, s.RevealItem(ctx, a.ID, practice.ID))
	must(t, s.SetObservation(ctx, a.ID, practice.ID, 3))
	must(t, s.SetPortfolioDecision(ctx, "", "portfolio.flow", assessment.RecommendationEdit{Status: assessment.Accepted, Reason: "Agreed at the LACE sync"}))

	// Another coach takes the bundle, changes the draft; so does this one.
	other := openTemp(t, Options{Summarize: countingSummary, Definitions: defs})
	importBytes(t, other, exportAs(t, s, "Ana"))
	must(t, other.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: practice.ID, Rating: 4, Note: "Bo's view"}))
	must(t, s.SetAnswer(ctx, a.ID, assessment.Answer{ItemID: practice.ID, Rating: 1}))
	if rep := importBytes(t, s, exportAs(t, other, "Bo Ek")); len(rep.Conflicts) != 1 {
		t.Fatalf("no conflict copy:\n%s", rep)
	}
	return s
}

// Every export is valid against the schema: each sample alone, and the
// contract store through both writers (Export and the streaming ExportTo,
// with the coach's name); the bundles of earlier schema versions too.
func TestEveryExportIsSchemaValid(t *testing.T) {
	ctx := context.Background()
	schema := bundleSchema(t)
	check := func(what string, b []byte) {
		t.Helper()
		if err := schemaValid(t, schema, b); err != nil {
			t.Errorf("%s is not valid against the schema: %v", what, err)
		}
	}
	for _, f := range []assessment.Framework{assessment.SAFe, assessment.ScrumAtScale} {
		s := openTemp(t, Options{Summarize: countingSummary, Definitions: definitions(t)})
		_, _, err := s.AddSampleOf(ctx, f, day(2026, 3, 1))
		must(t, err)
		check(string(f)+" sample's export", exportBytes(t, s))
	}
	s := contractStore(t)
	exported := exportBytes(t, s)
	for _, want := range []string{`"follow_ups"`, `"workshop"`, `"conflict_of"`, `"group"`, `"history"`, `"check": {`, `"figure": 12.5`, `.\nAsk again`, `"escalation": "lace"`} {
		if !bytes.Contains(exported, []byte(strings.ReplaceAll(want, "\n", `\n`))) {
			t.Errorf("the contract store's export has no %s", want)
		}
	}
	check("the contract store's export", exported)
	var streamed bytes.Buffer
	_, err := s.ExportTo(ctx, &streamed, "Ana Núñez", nil)
	must(t, err)
	if !bytes.Contains(streamed.Bytes(), []byte(`"exported_by": "Ana Núñez"`)) {
		t.Error("ExportTo did not write the coach")
	}
	check("ExportTo's bundle", streamed.Bytes())
	for _, name := range []string{"schema-v1.json", "schema-v2.json", "schema-v3.json", "schema-v4.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		must(t, err)
		check(name, b)
	}
}

// mutation changes one value of a decoded bundle.
type mutation struct {
	name string
	edit func(b map[string]any)
}

func first(b map[string]any, keys ...any) map[string]any {
	return valueAt(b, keys).(map[string]any)
}

func valueAt(doc any, path []any) any {
	cur := doc
	for _, k := range path {
		switch k := k.(type) {
		case string:
			cur = cur.(map[string]any)[k]
		case int:
			cur = cur.([]any)[k]
		}
	}
	return cur
}

func decodeNumbers(t testing.TB, b []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	must(t, dec.Decode(&m))
	return m
}

// validByHand are the hand-made cases both must take; both refuse the rest.
var validByHand = []string{"unchanged", "train name 200 é", "train id 150 é", "created_at lower-case t and z", "pi_weeks 1.0",
	"pi_weeks 3e0", "answer rating 1.0", "version 1.0", "exported_by given", "group given", "history given", "conflict copy",
	"follow-up reason of two lines", "edit escalation given"}

func TestSchemaAndImporterAgree(t *testing.T) {
	schema := bundleSchema(t)
	s := contractStore(t)
	base := exportBytes(t, s)
	train := func(b map[string]any) map[string]any { return first(b, "trains", 0) }
	asm := func(b map[string]any) map[string]any { return first(b, "trains", 0, "assessments", 0) }
	answer := func(b map[string]any) map[string]any { return first(b, "trains", 0, "assessments", 0, "answers", 0) }
	// The assessment of the first train that holds key (a workshop, follow-ups):
	// the sample's history puts it at no fixed place.
	holding := func(b map[string]any, key string) map[string]any {
		for _, a := range first(b, "trains", 0)["assessments"].([]any) {
			if a := a.(map[string]any); a[key] != nil {
				if l, ok := a[key].([]any); !ok || len(l) > 0 {
					return a
				}
			}
		}
		t.Fatalf("no assessment of the first train holds %s", key)
		return nil
	}
	followUp := func(b map[string]any) map[string]any {
		return holding(b, "follow_ups")["follow_ups"].([]any)[0].(map[string]any)
	}
	workshop := func(b map[string]any) map[string]any { return holding(b, "workshop")["workshop"].(map[string]any) }
	edit := func(b map[string]any) map[string]any {
		return holding(b, "recommendation_edits")["recommendation_edits"].([]any)[0].(map[string]any)
	}
	cases := []mutation{
		{"unchanged", func(map[string]any) {}},
		{"version 2", func(b map[string]any) { b["version"] = 2 }},
		{"version 1.0", func(b map[string]any) { b["version"] = json.Number("1.0") }},
		{"version a string", func(b map[string]any) { b["version"] = "1" }},
		{"format wrong", func(b map[string]any) { b["format"] = "other" }},
		{"no trains", func(b map[string]any) { delete(b, "trains") }},
		{"trains null", func(b map[string]any) { b["trains"] = nil }},
		{"a train null", func(b map[string]any) { b["trains"] = []any{nil} }},
		{"unknown top-level field", func(b map[string]any) { b["extra"] = 1 }},
		{"train name null", func(b map[string]any) { train(b)["name"] = nil }},
		{"train name a list", func(b map[string]any) { train(b)["name"] = []any{[]any{}} }},
		{"train name a number", func(b map[string]any) { train(b)["name"] = 3 }},
		{"train name empty", func(b map[string]any) { train(b)["name"] = "" }},
		{"train name 200 é", func(b map[string]any) { train(b)["name"] = strings.Repeat("é", 200) }},
		{"train name 201 é", func(b map[string]any) { train(b)["name"] = strings.Repeat("é", 201) }},
		{"train id 150 é", func(b map[string]any) { train(b)["id"] = strings.Repeat("é", 150) }},
		{"train name with NUL", func(b map[string]any) { train(b)["name"] = "a\x00b" }},
		{"framework unknown", func(b map[string]any) { train(b)["framework"] = "LeSS" }},
		{"created_at lower-case t and z", func(b map[string]any) { train(b)["created_at"] = "2026-03-01t09:00:00z" }},
		{"created_at comma fraction", func(b map[string]any) { train(b)["created_at"] = "2026-03-01T09:00:00,5Z" }},
		{"created_at offset +24:00", func(b map[string]any) { train(b)["created_at"] = "2026-03-01T09:00:00+24:00" }},
		{"created_at without zone", func(b map[string]any) { train(b)["created_at"] = "2026-03-01T09:00:00" }},
		{"created_at day 31 of February", func(b map[string]any) { train(b)["created_at"] = "2026-02-31T09:00:00Z" }},
		{"pi_weeks 1.0", func(b map[string]any) { asm(b)["pi_weeks"] = json.Number("1.0") }},
		{"pi_weeks 3e0", func(b map[string]any) { asm(b)["pi_weeks"] = json.Number("3e0") }},
		{"pi_weeks 1.5", func(b map[string]any) { asm(b)["pi_weeks"] = 1.5 }},
		{"pi_weeks 53", func(b map[string]any) { asm(b)["pi_weeks"] = 53 }},
		{"pi_weeks 5.3e1", func(b map[string]any) { asm(b)["pi_weeks"] = json.Number("5.3e1") }},
		{"pi_weeks 1e999999999", func(b map[string]any) { asm(b)["pi_weeks"] = json.Number("1e999999999") }},
		{"pi_weeks a string", func(b map[string]any) { asm(b)["pi_weeks"] = "10" }},
		{"pi_weeks null", func(b map[string]any) { asm(b)["pi_weeks"] = nil }},
		{"status unknown", func(b map[string]any) { asm(b)["status"] = "done" }},
		{"answers null", func(b map[string]any) { asm(b)["answers"] = nil }},
		{"an answer null", func(b map[string]any) { asm(b)["answers"] = []any{nil} }},
		{"answer without rating", func(b map[string]any) { delete(answer(b), "rating") }},
		{"answer rating -3", func(b map[string]any) { answer(b)["rating"] = -3 }},
		{"answer rating a string", func(b map[string]any) { answer(b)["rating"] = "4" }},
		{"answer rating 1.0", func(b map[string]any) { answer(b)["rating"] = json.Number("1.0") }},
		{"answer rating null", func(b map[string]any) { answer(b)["rating"] = nil }},
		{"answer unknown field", func(b map[string]any) { answer(b)["weight"] = 1 }},
		{"answer figure a string", func(b map[string]any) { answer(b)["figure"] = "3" }},
		{"answer figure negative", func(b map[string]any) { answer(b)["figure"] = -1 }},
		{"answer note null", func(b map[string]any) { answer(b)["note"] = nil }},
		{"snapshot value stream map null", func(b map[string]any) { first(b, "trains", 0, "assessments", 0, "snapshot")["value_stream_map"] = nil }},
		{"snapshot a list", func(b map[string]any) { asm(b)["snapshot"] = []any{} }},
		{"workshop null", func(b map[string]any) { holding(b, "workshop")["workshop"] = nil }},
		{"workshop without observations", func(b map[string]any) { delete(workshop(b), "observations") }},
		{"follow-up state unknown", func(b map[string]any) { followUp(b)["state"] = "forgotten" }},
		{"follow-up check kind unknown", func(b map[string]any) { followUp(b)["check"] = map[string]any{"kind": "vibes"} }},
		{"follow-up check without kind", func(b map[string]any) { followUp(b)["check"] = map[string]any{} }},
		{"follow-up check days negative", func(b map[string]any) {
			followUp(b)["check"] = map[string]any{"kind": "median-open-age", "days": -1}
		}},
		{"follow-up without check", func(b map[string]any) { delete(followUp(b), "check") }},
		{"follow-up without recommendation", func(b map[string]any) { delete(followUp(b), "recommendation") }},
		{"follow-up without note", func(b map[string]any) { delete(followUp(b), "note") }},
		{"follow-up reason of two lines", func(b map[string]any) { followUp(b)["reason"] = "Taken over.\nSee the LACE." }},
		// An edit's escalation (schema version 8): a level, or none.
		{"edit escalation given", func(b map[string]any) { edit(b)["escalation"] = "art" }},
		{"edit escalation unknown", func(b map[string]any) { edit(b)["escalation"] = "board" }},
		{"edit escalation a title", func(b map[string]any) { edit(b)["escalation"] = "LACE" }},
		// Gathering (schema version 5): the coach, the group, lineage and
		// conflict copies.
		{"exported_by given", func(b map[string]any) { b["exported_by"] = "Ana Núñez" }},
		{"exported_by a number", func(b map[string]any) { b["exported_by"] = 3 }},
		{"exported_by with a line break", func(b map[string]any) { b["exported_by"] = "Ana\nB" }},
		{"group given", func(b map[string]any) { train(b)["group"] = "Payments value stream 価値" }},
		{"group 201 é", func(b map[string]any) { train(b)["group"] = strings.Repeat("é", 201) }},
		{"group a list", func(b map[string]any) { train(b)["group"] = []any{"a"} }},
		{"history given", func(b map[string]any) { train(b)["history"] = []any{strings.Repeat("ab", 16)} }},
		{"history upper-case hex", func(b map[string]any) { train(b)["history"] = []any{strings.Repeat("AB", 16)} }},
		{"history too short", func(b map[string]any) { asm(b)["history"] = []any{"abc"} }},
		{"history twice the same", func(b map[string]any) {
			asm(b)["history"] = []any{strings.Repeat("0f", 16), strings.Repeat("0f", 16)}
		}},
		{"history a string", func(b map[string]any) { asm(b)["history"] = strings.Repeat("ab", 16) }},
		{"conflict copy", func(b map[string]any) { asm(b)["conflict_of"], asm(b)["conflict_coach"] = "some-other-id", "Bo" }},
		{"conflict_of with a control character", func(b map[string]any) { asm(b)["conflict_of"] = "a\u0001b" }},
		{"conflict_coach a number", func(b map[string]any) { asm(b)["conflict_coach"] = 1 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := decodeNumbers(t, base)
			c.edit(b)
			mutated, err := json.Marshal(b)
			must(t, err)
			schemaErr := schemaValid(t, schema, mutated)
			fresh := openTemp(t, Options{Summarize: countingSummary, Definitions: s.opts.Definitions})
			_, importErr := fresh.Import(context.Background(), bytes.NewReader(mutated))
			if (schemaErr == nil) != (importErr == nil) {
				t.Fatalf("the schema says %s, the importer %s", verdictOf(schemaErr), verdictOf(importErr))
			}
			if want := slices.Contains(validByHand, c.name); want != (schemaErr == nil) {
				t.Errorf("both say %s; the case is meant to be the other way", verdictOf(schemaErr))
			}
		})
	}
}

// A site is one place in a bundle: the first occurrence of each field of
// each kind of object ("trains[].assessments[].answers[].note").
type site struct {
	pattern string
	path    []any
}

func sitesOf(v any, path []any, pattern string, seen map[string]bool, out *[]site) {
	if !seen[pattern] {
		seen[pattern] = true
		*out = append(*out, site{pattern, slices.Clone(path)})
	}
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			sitesOf(v[k], append(path, k), strings.TrimPrefix(pattern+"."+k, "."), seen, out)
		}
	case []any:
		for i, e := range v {
			sitesOf(e, append(path, i), pattern+"[]", seen, out)
		}
	}
}

// change is one value put at a site (del: the key taken out).
type change struct {
	name string
	v    any
	del  bool
}

// changesFor are the values tried at a site holding cur: null and a missing
// key everywhere; for a text, a number, empty, too long, a line break; for a
// number, the same number written with a fraction or an exponent, a
// fraction, a text; for a flag a text; for a list an object, a null
// element; for an object a list and an empty one.
func changesFor(cur any, isKey bool) []change {
	out := []change{{"null", nil, false}}
	if isKey {
		out = append(out, change{"missing", nil, true})
	}
	switch c := cur.(type) {
	case string:
		out = append(out, change{"a number", json.Number("3"), false}, change{"empty", "", false},
			change{"201 characters", strings.Repeat("é", 201), false}, change{"a line break", "a\nb", false},
			change{"10001 characters", strings.Repeat("a", 10001), false})
	case json.Number:
		out = append(out, change{"as x.0", json.Number(c.String() + ".0"), false}, change{"as xe0", json.Number(c.String() + "e0"), false},
			change{"as x.5", json.Number(c.String() + ".5"), false}, change{"a text", c.String(), false})
	case bool:
		out = append(out, change{"a text", "true", false})
	case []any:
		out = append(out, change{"an object", map[string]any{}, false})
		if len(c) > 0 {
			out = append(out, change{"[null]", []any{nil}, false})
		}
	case map[string]any:
		out = append(out, change{"a list", []any{}, false}, change{"empty", map[string]any{}, false})
	}
	return out
}

func applyChange(doc any, path []any, c change) {
	parent := valueAt(doc, path[:len(path)-1])
	switch k := path[len(path)-1].(type) {
	case string:
		if c.del {
			delete(parent.(map[string]any), k)
		} else {
			parent.(map[string]any)[k] = c.v
		}
	case int:
		parent.([]any)[k] = c.v
	}
}

// contract is one validator pair's corpus: a base document, the schema,
// and the importer's verdict on a document.
type contract struct {
	base   []byte
	schema *jsonschema.Schema
	// verdict is the importer's: nil when it takes the document; an error
	// naming the place otherwise, after prefix. whole asks for the whole
	// import, into a new store, not only its checks: once at each site,
	// since an import is ten times the checks' time.
	verdict func(doc []byte, whole bool) error
	prefix  string
}

// agreeOnEveryField puts every change at every site of the base and asks
// both. They must agree, and every refusal of the importer names the place
// changed, or a place inside it. A list left out reads as an empty one
// ([] for none): where the schema does not require it, the importer must
// give what it gives for [], whatever that is (an empty roster leaves a
// team's people unknown, which only the importer checks).
func agreeOnEveryField(t *testing.T, c contract) {
	var sites []site
	sitesOf(decodeNumbers(t, c.base), nil, "", map[string]bool{}, &sites)
	n := 0
	for _, st := range sites[1:] {
		_, isKey := st.path[len(st.path)-1].(string)
		cur := valueAt(decodeNumbers(t, c.base), st.path)
		whole := true
		for _, ch := range changesFor(cur, isKey) {
			n++
			mutate := func(ch change) []byte {
				doc := decodeNumbers(t, c.base)
				applyChange(doc, st.path, ch)
				b, err := json.Marshal(doc)
				must(t, err)
				return b
			}
			doc := mutate(ch)
			schemaErr := schemaValid(t, c.schema, doc)
			importErr := c.verdict(doc, whole)
			whole = whole && importErr != nil
			_, isList := cur.([]any)
			if ch.del && isList && schemaErr == nil {
				empty := c.verdict(mutate(change{v: []any{}}), false)
				if fmt.Sprint(empty) != fmt.Sprint(importErr) {
					t.Errorf("%s left out: the importer says %s, for [] %s", st.pattern, verdictOf(importErr), verdictOf(empty))
				}
				continue
			}
			if (schemaErr == nil) != (importErr == nil) {
				t.Errorf("%s %s: the schema says %s, the importer %s", st.pattern, ch.name, verdictOf(schemaErr), verdictOf(importErr))
				continue
			}
			if importErr != nil {
				place := placeOf(st.path)
				got := strings.TrimPrefix(importErr.Error(), c.prefix)
				if !strings.HasPrefix(got, place) {
					t.Errorf("%s %s: the refusal does not name %s: %v", st.pattern, ch.name, place, importErr)
				}
			}
		}
	}
	t.Logf("%d changes at %d sites agree", n, len(sites)-1)
}

func TestSchemaAndImporterAgreeOnEveryField(t *testing.T) {
	s := contractStore(t)
	defs := s.opts.Definitions
	agreeOnEveryField(t, contract{base: exportBytes(t, s), schema: bundleSchema(t), prefix: "the bundle was not imported, nothing was changed: ",
		verdict: func(doc []byte, whole bool) error {
			b, err := DecodeBundle(doc)
			if err != nil {
				return err
			}
			if _, _, err := validateBundle(b, defs); err != nil || !whole {
				if err != nil {
					err = &BundleError{Err: err}
				}
				return err
			}
			// What the checks take, the whole import must take too.
			fresh := openTemp(t, Options{Summarize: countingSummary, Definitions: defs})
			_, err = fresh.Import(context.Background(), bytes.NewReader(doc))
			return err
		}})
}

// The schema says which kinds of check exist: the list the follow-ups use.
func TestSchemaCheckKindsAreTheDomains(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "assets", "bundle.schema.json"))
	must(t, err)
	var schema struct {
		Defs struct {
			FollowUp struct {
				Properties struct {
					Check struct {
						AnyOf []struct {
							Properties struct {
								Kind struct {
									Enum []string `json:"enum"`
								} `json:"kind"`
							} `json:"properties"`
						} `json:"anyOf"`
					} `json:"check"`
				} `json:"properties"`
			} `json:"followUp"`
		} `json:"$defs"`
	}
	must(t, json.Unmarshal(raw, &schema))
	var enum []string
	for _, alt := range schema.Defs.FollowUp.Properties.Check.AnyOf {
		enum = append(enum, alt.Properties.Kind.Enum...)
	}
	if !slices.Equal(enum, assessment.CheckKinds) {
		t.Errorf("the schema's check kinds %q are not assessment.CheckKinds %q", enum, assessment.CheckKinds)
	}
}

func verdictOf(err error) string {
	if err == nil {
		return "valid"
	}
	return fmt.Sprintf("invalid (%s)", strings.SplitN(err.Error(), "\n", 2)[0])
}
