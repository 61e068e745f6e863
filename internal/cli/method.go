package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/trainscope/trainscope/assessment"
)

// runMethod prints the method (scales, weights, thresholds and every rule)
// as Markdown, or writes it to -o FILE; docs/method.md is its output. It
// takes -db like every command; the method is built in, so none is opened.
func runMethod(s *session, args []string) error {
	fs := s.flags("method")
	out := fs.String("o", "-", "write the Markdown to `FILE`; - is standard output")
	if _, err := s.parse(fs, args, 0); err != nil {
		return err
	}
	if *out == "" {
		return fs.usageErr("-o needs a file name, or - for standard output")
	}
	defs, err := s.definitions()
	if err != nil {
		return fmt.Errorf("method: %w", err)
	}
	if _, err := s.writeOutput(*out, []byte(assessment.Method(defs))); err != nil {
		return fmt.Errorf("method: %w", err)
	}
	return nil
}

// The JSON shape of `trainscope checklist`: a documented, stable subset of
// the definitions, for people and scripts that read the checklists
// without Trainscope.
type checklistJSON struct {
	Version    string              `json:"version"`
	Checklists []checklistJSONList `json:"checklists"`
}

type checklistJSONList struct {
	ID    string              `json:"id"`
	Title string              `json:"title"`
	Items []checklistJSONItem `json:"items"`
}

type checklistJSONItem struct {
	ID     string             `json:"id"`
	Text   string             `json:"text"`
	Kind   string             `json:"kind"`
	Weight float64            `json:"weight"`
	Levels []assessment.Level `json:"levels"`
}

// runChecklist prints the loaded checklist definitions as indented JSON.
// With -framework the texts use that framework's words (RTE, SoSM);
// without, they keep their {facilitator} placeholders as defined.
func runChecklist(s *session, args []string) error {
	fs := s.flags("checklist")
	framework := fs.String("framework", "", "put the words of `FRAMEWORK` (SAFe, Scrum@Scale, Other) into the texts")
	if _, err := s.parse(fs, args, 0); err != nil {
		return err
	}
	words := func(s string) string { return s }
	if *framework != "" {
		f, ok := findFramework(*framework)
		if !ok {
			return fs.usageErr("unknown framework %q; one of %s", *framework, frameworkChoices())
		}
		words = f.Expand
	}
	defs, err := s.definitions()
	if err != nil {
		return fmt.Errorf("checklist: %w", err)
	}

	doc := checklistJSON{Version: defs.Version, Checklists: []checklistJSONList{}}
	for _, c := range defs.Checklists {
		list := checklistJSONList{ID: c.ID, Title: words(c.Title), Items: []checklistJSONItem{}}
		for _, it := range c.Items {
			levels := make([]assessment.Level, len(it.Levels))
			for i, l := range it.Levels {
				levels[i] = assessment.Level{Value: l.Value, Label: l.Label, Descriptor: words(l.Descriptor)}
			}
			list.Items = append(list.Items, checklistJSONItem{ID: it.ID, Text: words(it.Text), Kind: string(it.Kind), Weight: it.Weight, Levels: levels})
		}
		doc.Checklists = append(doc.Checklists, list)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // "Inspect & Adapt", not "Inspect \u0026 Adapt"
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("checklist: %w", err)
	}
	_, err = s.writeOutput("-", buf.Bytes())
	return err
}

// findFramework reads a framework's name in any case.
func findFramework(name string) (assessment.Framework, bool) {
	for _, f := range assessment.Frameworks {
		if strings.EqualFold(string(f), name) {
			return f, true
		}
	}
	return "", false
}

func frameworkChoices() string {
	names := make([]string, len(assessment.Frameworks))
	for i, f := range assessment.Frameworks {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}
