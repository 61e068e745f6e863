package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// runMethod prints the method (scales, weights, thresholds and every rule)
// as Markdown, or writes it to -o FILE; docs/method.md is its output.
func runMethod(args []string) error {
	fs := flag.NewFlagSet("method", flag.ContinueOnError)
	out := fs.String("o", "", "write the Markdown to `FILE` instead of standard output")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("method: unexpected argument %q", fs.Arg(0))
	}
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		return fmt.Errorf("method: %w", err)
	}
	md := assessment.Method(defs)
	if *out == "" {
		_, err = os.Stdout.WriteString(md)
		return err
	}
	if err := os.WriteFile(*out, []byte(md), 0o644); err != nil {
		return fmt.Errorf("method: write %s: %w", *out, err)
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
func runChecklist(args []string) error {
	fs := flag.NewFlagSet("checklist", flag.ContinueOnError)
	framework := fs.String("framework", "", "put the words of `FRAMEWORK` (SAFe, Scrum@Scale, Other) into the texts")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("checklist: unexpected argument %q", fs.Arg(0))
	}
	defs, err := assessment.LoadDefinitions(assets.Checklists())
	if err != nil {
		return fmt.Errorf("checklist: %w", err)
	}
	words := func(s string) string { return s }
	if *framework != "" {
		f := assessment.Framework(*framework)
		words = f.Expand
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
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // "Inspect & Adapt", not "Inspect \u0026 Adapt"
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("checklist: %w", err)
	}
	return nil
}
