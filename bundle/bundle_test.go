package bundle

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// The JSON Schemas in assets/ list exactly the fields the Go types write.
func TestSchemaMatchesTypes(t *testing.T) {
	type schemaDoc struct {
		Properties map[string]any `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	for file, types := range map[string]map[string]any{
		"bundle.schema.json": {
			"": Bundle{}, "train": Train{}, "person": Person{}, "role": Role{}, "team": Team{},
			"impediment": Impediment{}, "snapshot": Snapshot{}, "assessment": Assessment{},
			"answer": Answer{}, "note": Note{}, "edit": Edit{}, "recommendation": Recommendation{},
			"evidence": Evidence{}, "workshop": Workshop{}, "participant": Participant{}, "vote": Vote{},
			"observation": Observation{}, "followUp": FollowUp{},
		},
		"response.schema.json": {"": ResponseFile{}, "participant": Participant{}, "vote": ResponseVote{}},
	} {
		raw, err := os.ReadFile(filepath.Join("..", "assets", file))
		if err != nil {
			t.Fatal(err)
		}
		var schema schemaDoc
		if err := json.Unmarshal(raw, &schema); err != nil {
			t.Fatal(err)
		}
		for def, v := range types {
			props := schema.Properties
			if def != "" {
				props = schema.Defs[def].Properties
			}
			fields := jsonFields(reflect.TypeOf(v))
			for name := range fields {
				if _, ok := props[name]; !ok {
					t.Errorf("%s: %q lacks field %q", file, def, name)
				}
			}
			for name := range props {
				if _, ok := fields[name]; !ok {
					t.Errorf("%s: %q has field %q the Go type does not", file, def, name)
				}
			}
		}
	}
}
