package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assessment/report"
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
	Version    string                     `json:"version"`
	Framework  string                     `json:"framework,omitempty"` // with -framework: the words and items of that framework
	Frameworks []*assessment.FrameworkDef `json:"frameworks"`
	Dimensions []assessment.Dimension     `json:"dimensions"`
	Checklists []checklistJSONList        `json:"checklists"`
	Rules      map[string][]ruleJSON      `json:"rules"`
}

type checklistJSONList struct {
	ID      string            `json:"id"`
	Title   string            `json:"title"`
	Purpose string            `json:"purpose"`
	Items   []assessment.Item `json:"items"`
}

type ruleJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Words      string   `json:"words"`
	Severity   string   `json:"severity,omitempty"`
	Owner      string   `json:"owner,omitempty"`
	Escalation string   `json:"escalation,omitempty"`
	Acceptance string   `json:"acceptance,omitempty"`
	Frameworks []string `json:"frameworks,omitempty"` // for role-gap rules: where they apply
}

// runChecklist prints the whole method as indented JSON, so a LACE can
// review it: the frameworks with their words, roles, sizes and rules; the
// dimensions; every item with its kind, weight, dimension, whether it is
// decisive, its scale, figure bands, condition and advice; and every rule
// of the verdict, the role gaps, the recommendations and the warnings.
// With -framework the texts use that framework's words (RTE, SoSM) and only
// its items and role-gap rules are listed; without, they keep their
// placeholders as defined.
//
// With -pdf it writes instead the printable blank checklist and interview
// guide, for paper workshops and interviews, in the words of -framework
// (SAFe when not given) to -o FILE.pdf.
func runChecklist(s *session, args []string) error {
	fs := s.flags("checklist")
	framework := fs.String("framework", "", "put the words of `FRAMEWORK` (SAFe, Scrum@Scale, Other) into the texts")
	asPDF := fs.Bool("pdf", false, "write the printable blank checklist and interview guide as a PDF to -o FILE.pdf")
	out := fs.String("o", "", "with -pdf: the PDF `FILE` to write, or - for standard output")
	train := fs.String("train", "", "with -pdf: the train's `NAME` to print in the page header")
	paper := fs.String("paper", report.PaperFromEnv(s.Getenv), "with -pdf: paper size, `a4 or letter` (default from the locale)")
	if _, err := s.parse(fs, args, 0); err != nil {
		return err
	}
	if *asPDF {
		return blankChecklist(s, fs, *framework, *train, *paper, *out)
	}
	if *out != "" || *train != "" {
		return fs.usageErr("-o and -train go with -pdf; the JSON goes to standard output")
	}
	words := func(s string) string { return s }
	var f assessment.Framework
	if *framework != "" {
		var ok bool
		f, ok = findFramework(*framework)
		if !ok {
			return fs.usageErr("unknown framework %q; one of %s", *framework, frameworkChoices())
		}
		words = f.Expand
	}
	defs, err := s.definitions()
	if err != nil {
		return fmt.Errorf("checklist: %w", err)
	}
	if f != "" {
		defs = defs.For(f)
	}

	doc := checklistJSON{Version: defs.Version, Framework: string(f), Dimensions: defs.Dimensions, Checklists: []checklistJSONList{}, Rules: map[string][]ruleJSON{}}
	for _, fw := range assessment.Frameworks {
		if f == "" || fw == f {
			doc.Frameworks = append(doc.Frameworks, fw.Def())
		}
	}
	for _, c := range defs.Checklists {
		list := checklistJSONList{ID: c.ID, Title: words(c.Title), Purpose: words(c.Purpose), Items: []assessment.Item{}}
		for _, it := range c.Items {
			it.Text, it.Guidance, it.Condition = words(it.Text), words(it.Guidance), words(it.Condition)
			levels := make([]assessment.Level, len(it.Levels))
			for i, l := range it.Levels {
				levels[i] = assessment.Level{Value: l.Value, Label: l.Label, Descriptor: words(l.Descriptor)}
			}
			it.Levels = levels
			if it.Advice != nil {
				adv := *it.Advice
				adv.Action, adv.Acceptance = words(adv.Action), words(adv.Acceptance)
				it.Advice = &adv
			}
			list.Items = append(list.Items, it)
		}
		doc.Checklists = append(doc.Checklists, list)
	}
	rules := func(kind string, rs []assessment.Rule) {
		for _, r := range rs {
			doc.Rules[kind] = append(doc.Rules[kind], ruleJSON{ID: r.ID, Title: words(r.Title), Words: words(r.Words)})
		}
	}
	rules("verdict", assessment.VerdictRules)
	rules("way-to-start", assessment.WayToStartRules)
	rules("recommendation", assessment.RecommendationRules)
	rules("grouping", assessment.GroupRules)
	rules("warning", assessment.WarningRules)
	for _, r := range assessment.RoleGapRules {
		var in []string
		for _, fw := range assessment.Frameworks {
			if fw.Applies(r.ID) {
				in = append(in, string(fw))
			}
		}
		if f != "" && !f.Applies(r.ID) {
			continue
		}
		doc.Rules["role-gap"] = append(doc.Rules["role-gap"], ruleJSON{ID: r.ID, Title: words(r.Title), Words: words(r.Explanation),
			Severity: r.Severity.String(), Owner: string(r.Owner), Escalation: string(r.Escalation), Acceptance: words(r.Acceptance), Frameworks: in})
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

// blankChecklist writes the printable blank checklist and interview guide.
func blankChecklist(s *session, fs *flagSet, framework, train, paper, out string) error {
	f := assessment.SAFe
	if framework != "" {
		var ok bool
		if f, ok = findFramework(framework); !ok {
			return fs.usageErr("unknown framework %q; one of %s", framework, frameworkChoices())
		}
	}
	switch {
	case out == "":
		return fs.usageErr("say where to write the PDF with -o FILE.pdf (or -o - for standard output)")
	case !slices.Contains(report.Papers, strings.ToLower(paper)):
		return fs.usageErr("unknown paper %q; use -paper a4 or -paper letter", paper)
	}
	defs, err := s.definitions()
	if err != nil {
		return fmt.Errorf("checklist: %w", err)
	}
	pdf, warnings, err := report.RenderBlankChecklist(report.BlankInput{Definitions: defs, Framework: f, Train: train, Created: reportCreated(s.Getenv, s.Now)}, report.Options{Paper: paper})
	if err != nil {
		return fmt.Errorf("checklist: %w", err)
	}
	for _, w := range warnings {
		fmt.Fprintln(s.Stderr, "trainscope: warning:", w)
	}
	if _, err := s.writeOutput(out, pdf); err != nil {
		return fmt.Errorf("checklist: %w", err)
	}
	return nil
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
