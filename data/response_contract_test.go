package data

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// Response files and assets/response.schema.json are one contract too:
// what trainscope respond writes is valid, and on the same mutated corpus
// as bundles' (schema_contract_test.go) the schema and ImportResponses
// give the same verdict, each refusal naming the place. What only the
// import can check (items of the checklists, ratings on their scale, one
// vote per item, the participant not already in the workshop) is left out.

func responseBase(t testing.TB, defs *assessment.Definitions) []byte {
	t.Helper()
	fit := defs.Checklist(assessment.ChecklistFit).Items
	return answeredAlone(t, defs, assessment.Participant{Name: "Ana Lima", Role: assessment.RoleScrumMasterP},
		map[string]assessment.Rating{fit[0].ID: 3, fit[1].ID: assessment.NotApplicable, fit[2].ID: assessment.DontKnow})
}

// responseVerdict is the import's verdict on one response file: its checks
// alone, or (whole) the merge into a new workshop.
func responseVerdict(t testing.TB, defs *assessment.Definitions) func(doc []byte, whole bool) error {
	return func(doc []byte, whole bool) error {
		rf, err := DecodeResponse(doc)
		if err == nil {
			_, err = responseFromFile(rf, defs)
		}
		if err != nil || !whole {
			return err
		}
		ws, a, _ := workshopStore(t)
		_, err = ws.ImportResponses(context.Background(), a.ID, map[string][]byte{"r.json": doc})
		var re *ResponseError
		if errors.As(err, &re) {
			return re.Err
		}
		return err
	}
}

func TestResponseExportIsSchemaValid(t *testing.T) {
	if err := schemaValid(t, compileSchema(t, "response.schema.json"), responseBase(t, definitions(t))); err != nil {
		t.Errorf("trainscope respond's file is not valid against the schema: %v", err)
	}
}

func TestResponseSchemaAndImporterAgree(t *testing.T) {
	defs := definitions(t)
	schema := compileSchema(t, "response.schema.json")
	base := responseBase(t, defs)
	verdict := responseVerdict(t, defs)
	vote := func(b map[string]any) map[string]any { return first(b, "votes", 0) }
	cases := []mutation{
		{"unchanged", func(map[string]any) {}},
		{"version 1.0", func(b map[string]any) { b["version"] = json.Number("1.0") }},
		{"version 2", func(b map[string]any) { b["version"] = 2 }},
		{"format a bundle's", func(b map[string]any) { b["format"] = BundleFormat }},
		{"no votes", func(b map[string]any) { b["votes"] = []any{} }},
		{"votes left out", func(b map[string]any) { delete(b, "votes") }},
		{"votes null", func(b map[string]any) { b["votes"] = nil }},
		{"participant null", func(b map[string]any) { b["participant"] = nil }},
		{"participant left out", func(b map[string]any) { delete(b, "participant") }},
		{"participant without id and role", func(b map[string]any) {
			delete(first(b, "participant"), "id")
			delete(first(b, "participant"), "role")
		}},
		{"participant role unknown", func(b map[string]any) { first(b, "participant")["role"] = "boss" }},
		{"assessment empty", func(b map[string]any) { b["assessment"] = "" }},
		{"rating 2.0", func(b map[string]any) { vote(b)["rating"] = json.Number("2.0") }},
		{"rating 0", func(b map[string]any) { vote(b)["rating"] = 0 }},
		{"rating null", func(b map[string]any) { vote(b)["rating"] = nil }},
		{"rating left out", func(b map[string]any) { delete(vote(b), "rating") }},
		{"a vote null", func(b map[string]any) { b["votes"] = []any{nil} }},
		{"unknown field", func(b map[string]any) { b["comment"] = "hi" }},
	}
	valid := []string{"unchanged", "version 1.0", "participant without id and role", "assessment empty", "rating 2.0"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := decodeNumbers(t, base)
			c.edit(b)
			mutated, err := json.Marshal(b)
			must(t, err)
			schemaErr, importErr := schemaValid(t, schema, mutated), verdict(mutated, true)
			if (schemaErr == nil) != (importErr == nil) {
				t.Fatalf("the schema says %s, the importer %s", verdictOf(schemaErr), verdictOf(importErr))
			}
			if want := slices.Contains(valid, c.name); want != (schemaErr == nil) {
				t.Errorf("both say %s; the case is meant to be the other way", verdictOf(schemaErr))
			}
		})
	}
}

func TestResponseSchemaAndImporterAgreeOnEveryField(t *testing.T) {
	defs := definitions(t)
	agreeOnEveryField(t, contract{base: responseBase(t, defs), schema: compileSchema(t, "response.schema.json"), verdict: responseVerdict(t, defs)})
}
