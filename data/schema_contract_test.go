package data

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/trainscope/trainscope/assessment"
)

// The bundle schema (assets/bundle.schema.json) and the importer are one
// contract, checked here with a JSON Schema validator nobody on the project
// wrote (santhosh-tekuri/jsonschema, draft 2020-12 with formats asserted):
// every export is valid, and on a corpus of bundles mutated one field at a
// time the schema and the importer give the same verdict. What only the
// importer can check (ids unique in their list, ratings on an item's scale,
// and the rest the schema's description lists) is left out of the corpus.

func bundleSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "assets", "bundle.schema.json"))
	must(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	must(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	must(t, c.AddResource("bundle.schema.json", doc))
	s, err := c.Compile("bundle.schema.json")
	must(t, err)
	return s
}

func schemaValid(t testing.TB, s *jsonschema.Schema, b []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// contractStore is a store with both samples, a follow-up and a draft.
func contractStore(t testing.TB) *Store {
	t.Helper()
	s, _, _ := afterSample(t)
	_, _, err := s.AddSampleOf(context.Background(), assessment.ScrumAtScale, day(2026, 3, 1))
	must(t, err)
	return s
}

func TestEveryExportIsSchemaValid(t *testing.T) {
	schema := bundleSchema(t)
	exported := exportBytes(t, contractStore(t))
	if !bytes.Contains(exported, []byte(`"follow_ups"`)) {
		t.Fatal("the contract store's export has no follow-ups")
	}
	if err := schemaValid(t, schema, exported); err != nil {
		t.Errorf("the export is not valid against the schema: %v", err)
	}
	for _, name := range []string{"schema-v1.json", "schema-v2.json", "schema-v3.json", "schema-v4.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		must(t, err)
		if err := schemaValid(t, schema, b); err != nil {
			t.Errorf("%s is not valid against the schema: %v", name, err)
		}
	}
}

// mutation changes one value of a decoded bundle.
type mutation struct {
	name string
	edit func(b map[string]any)
}

func first(b map[string]any, keys ...any) map[string]any {
	var cur any = b
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			cur = cur.(map[string]any)[k]
		case int:
			cur = cur.([]any)[k]
		}
	}
	return cur.(map[string]any)
}

func TestSchemaAndImporterAgree(t *testing.T) {
	schema := bundleSchema(t)
	base := exportBytes(t, contractStore(t))
	train := func(b map[string]any) map[string]any { return first(b, "trains", 0) }
	asm := func(b map[string]any) map[string]any { return first(b, "trains", 0, "assessments", 0) }
	answer := func(b map[string]any) map[string]any { return first(b, "trains", 0, "assessments", 0, "answers", 0) }
	cases := []mutation{
		{"unchanged", func(map[string]any) {}},
		{"version 2", func(b map[string]any) { b["version"] = 2 }},
		{"format wrong", func(b map[string]any) { b["format"] = "other" }},
		{"no trains", func(b map[string]any) { delete(b, "trains") }},
		{"trains null", func(b map[string]any) { b["trains"] = nil }},
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
		{"pi_weeks a string", func(b map[string]any) { asm(b)["pi_weeks"] = "10" }},
		{"status unknown", func(b map[string]any) { asm(b)["status"] = "done" }},
		{"answers null", func(b map[string]any) { asm(b)["answers"] = nil }},
		{"answer without rating", func(b map[string]any) {
			// An answer with neither rating nor note: the sample's first answer
			// has a note, and a note alone is a valid answer to the importer.
			a := answer(b)
			delete(a, "rating")
			a["note"] = ""
		}},
		{"answer rating -3", func(b map[string]any) { answer(b)["rating"] = -3 }},
		{"answer rating a string", func(b map[string]any) { answer(b)["rating"] = "4" }},
		{"answer rating 1.0", func(b map[string]any) { answer(b)["rating"] = json.Number("1.0") }},
		{"answer unknown field", func(b map[string]any) { answer(b)["weight"] = 1 }},
		{"answer figure a string", func(b map[string]any) { answer(b)["figure"] = "3" }},
		{"answer figure negative", func(b map[string]any) { answer(b)["figure"] = -1 }},
		{"answer note null", func(b map[string]any) { answer(b)["note"] = nil }},
		{"snapshot value stream map null", func(b map[string]any) { first(b, "trains", 0, "assessments", 0, "snapshot")["value_stream_map"] = nil }},
		{"follow-up state unknown", func(b map[string]any) {
			first(b, "trains", 0, "assessments", 1, "follow_ups", 0)["state"] = "forgotten"
		}},
		{"follow-up check kind unknown", func(b map[string]any) {
			first(b, "trains", 0, "assessments", 1, "follow_ups", 0)["check"] = map[string]any{"kind": "vibes"}
		}},
		{"follow-up without recommendation", func(b map[string]any) {
			delete(first(b, "trains", 0, "assessments", 1, "follow_ups", 0), "recommendation")
		}},
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
	// Known disagreements, still to be closed (issue: the schema and the
	// importer as one contract): the importer takes null for a list, a text
	// or a flag, a missing "trains", and an unknown check kind, which the
	// schema refuses; it refuses 1.0 and 3e0 as whole numbers, which the
	// schema takes. The test fails when one of them changes, so the list
	// stays true.
	known := map[string]bool{"no trains": true, "trains null": true, "pi_weeks 1.0": true, "pi_weeks 3e0": true, "answers null": true,
		"answer rating 1.0": true, "answer note null": true, "snapshot value stream map null": true, "follow-up check kind unknown": true}
	agree, disagree := 0, 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dec := json.NewDecoder(bytes.NewReader(base))
			dec.UseNumber()
			var b map[string]any
			must(t, dec.Decode(&b))
			c.edit(b)
			mutated, err := json.Marshal(b)
			must(t, err)
			schemaErr := schemaValid(t, schema, mutated)
			s := openTemp(t, Options{Summarize: countingSummary})
			_, importErr := s.Import(context.Background(), bytes.NewReader(mutated))
			if (schemaErr == nil) != (importErr == nil) {
				disagree++
				if !known[c.name] {
					t.Errorf("the schema says %s, the importer %s", verdict(schemaErr), verdict(importErr))
				}
				return
			}
			if known[c.name] {
				t.Errorf("listed as a known disagreement, but both say %s: take it off the list", verdict(schemaErr))
			}
			agree++
		})
	}
	t.Logf("%d of %d cases agree", agree, agree+disagree)
}

func verdict(err error) string {
	if err == nil {
		return "valid"
	}
	return fmt.Sprintf("invalid (%s)", strings.SplitN(err.Error(), "\n", 2)[0])
}
