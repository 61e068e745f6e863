package assessment

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// DimensionsFile is the definition file that lists the dimensions and sets
// the version; every other *.yaml file in the folder is one checklist.
const DimensionsFile = "dimensions.yaml"

// FigureSources are the register figures a measure item may take its figure
// from (FigureSpec.Source), with the unit each is given in.
var FigureSources = map[string]string{
	"median-open-age-days": "days",
	"oldest-open-age-days": "days",
	"median-cycle-days":    "days",
	"share-older-than-pi":  "%",
	"share-escalated":      "%",
	"recurrence":           "%",
}

type dimensionsDoc struct {
	Version    string      `yaml:"version"`
	Dimensions []Dimension `yaml:"dimensions"`
}

type checklistDoc struct {
	Version   string `yaml:"version"`
	Checklist `yaml:",inline"`
}

// LoadDefinitions reads and checks the checklist definitions: dimensions.yaml
// and one file per checklist. It reports every problem it finds, each naming
// the file and item, so whoever edits a checklist can fix them in one go.
func LoadDefinitions(fsys fs.FS) (*Definitions, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list checklist definitions: %w", err)
	}
	if !slices.Contains(names, DimensionsFile) {
		return nil, fmt.Errorf("load checklist definitions: %s is missing", DimensionsFile)
	}

	var dims dimensionsDoc
	if err := decodeStrict(fsys, DimensionsFile, &dims); err != nil {
		return nil, err
	}
	d := &Definitions{Version: dims.Version, Dimensions: dims.Dimensions}

	files := map[string]string{} // checklist ID -> file
	var problems []error
	for _, name := range names {
		if name == DimensionsFile {
			continue
		}
		var doc checklistDoc
		if err := decodeStrict(fsys, name, &doc); err != nil {
			problems = append(problems, err)
			continue
		}
		if doc.Version != d.Version {
			problems = append(problems, fmt.Errorf("%s: version %q differs from %s's %q", name, doc.Version, DimensionsFile, d.Version))
		}
		if prev, dup := files[doc.ID]; dup {
			problems = append(problems, fmt.Errorf("%s: checklist id %q already defined in %s", name, doc.ID, prev))
			continue
		}
		if !slices.Contains(ChecklistIDs, doc.ID) {
			problems = append(problems, fmt.Errorf("%s: unknown checklist id %q (want one of %s)", name, doc.ID, strings.Join(ChecklistIDs, ", ")))
			continue
		}
		files[doc.ID] = name
		d.Checklists = append(d.Checklists, doc.Checklist)
	}
	for _, id := range ChecklistIDs {
		if _, ok := files[id]; !ok {
			problems = append(problems, fmt.Errorf("load checklist definitions: no file defines checklist %q", id))
		}
	}
	// Definition order is the order the coach works through the checklists,
	// whatever the files are called.
	slices.SortStableFunc(d.Checklists, func(a, b Checklist) int {
		return slices.Index(ChecklistIDs, a.ID) - slices.Index(ChecklistIDs, b.ID)
	})
	problems = append(problems, d.check(files)...)
	if len(problems) > 0 {
		return nil, fmt.Errorf("checklist definitions %s: %w", d.Version, errors.Join(problems...))
	}
	d.index()
	return d, nil
}

func decodeStrict(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true) // a misspelt field is a lost descriptor; say so
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// check validates everything the scoring and the texts rely on.
func (d *Definitions) check(files map[string]string) []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	if strings.TrimSpace(d.Version) == "" {
		bad("%s: version is empty", DimensionsFile)
	}
	if len(d.Dimensions) == 0 {
		bad("%s: no dimensions", DimensionsFile)
	}
	dims := map[string]bool{}
	for i, dim := range d.Dimensions {
		switch {
		case dim.ID == "":
			bad("%s: dimension %d has no id", DimensionsFile, i+1)
		case dims[dim.ID]:
			bad("%s: dimension id %q is used twice", DimensionsFile, dim.ID)
		case dim.Title == "" || dim.Description == "":
			bad("%s: dimension %q needs a title and a description", DimensionsFile, dim.ID)
		}
		dims[dim.ID] = true
	}

	seen := map[string]string{} // item ID -> file
	for ci := range d.Checklists {
		c := &d.Checklists[ci]
		file := files[c.ID]
		if c.Title == "" || c.Purpose == "" {
			bad("%s: checklist %q needs a title and a purpose", file, c.ID)
		}
		if len(c.Items) == 0 {
			bad("%s: checklist %q has no items", file, c.ID)
		}
		for ii := range c.Items {
			it := &c.Items[ii]
			if it.ID == "" {
				bad("%s: item %d has no id", file, ii+1)
				continue
			}
			if prev, dup := seen[it.ID]; dup {
				bad("%s: item %s: id already used in %s", file, it.ID, prev)
			}
			seen[it.ID] = file
			for _, e := range checkItem(c.ID, it, dims) {
				bad("%s: item %s: %s", file, it.ID, e)
			}
		}
	}
	return errs
}

// checkItem returns what is wrong with one item, in words.
func checkItem(checklistID string, it *Item, dims map[string]bool) []string {
	var p []string
	if strings.TrimSpace(it.Text) == "" {
		p = append(p, "text is empty")
	}
	if strings.TrimSpace(it.Guidance) == "" {
		p = append(p, "guidance is empty")
	}
	if !(it.Weight > 0) || math.IsInf(it.Weight, 0) {
		p = append(p, fmt.Sprintf("weight %v must be greater than 0", it.Weight))
	}

	fit := checklistID == ChecklistFit
	switch it.Kind {
	case Indication, ContraIndication:
		if !fit {
			p = append(p, fmt.Sprintf("kind %q belongs in the fit checklist only", it.Kind))
		}
	case Practice, Measure:
		if fit {
			p = append(p, fmt.Sprintf("kind %q does not belong in the fit checklist (use indication or contra-indication)", it.Kind))
		}
	default:
		p = append(p, fmt.Sprintf("unknown kind %q", it.Kind))
	}
	if it.Decisive && it.Kind != ContraIndication {
		p = append(p, "only a contra-indication can be decisive")
	}
	if it.Condition != "" && it.Kind != ContraIndication {
		p = append(p, "only a contra-indication has a condition")
	}
	if it.Kind == ContraIndication && it.Condition == "" {
		p = append(p, "a contra-indication needs a condition for the verdict")
	}

	switch {
	case fit && it.Dimension != "":
		p = append(p, "fit items have no dimension; they decide the verdict, not maturity")
	case !fit && it.Dimension == "":
		p = append(p, "dimension is missing")
	case !fit && !dims[it.Dimension]:
		p = append(p, fmt.Sprintf("unknown dimension %q", it.Dimension))
	}

	if len(it.Levels) < 2 {
		p = append(p, fmt.Sprintf("has %d levels; a scale needs at least 2", len(it.Levels)))
	}
	for i, l := range it.Levels {
		if l.Value != i+1 {
			p = append(p, fmt.Sprintf("level %d has value %d; levels must count 1, 2, 3 … in order", i+1, l.Value))
		}
		if strings.TrimSpace(l.Label) == "" || strings.TrimSpace(l.Descriptor) == "" {
			p = append(p, fmt.Sprintf("level %d needs a label and a descriptor", i+1))
		}
	}

	if it.Figure != nil {
		if it.Kind != Measure {
			p = append(p, "only a measure item takes a figure")
		}
		p = append(p, checkFigure(it.Figure, len(it.Levels))...)
	}
	for _, rule := range it.Related {
		if RoleGapRuleByID(rule) == nil {
			p = append(p, fmt.Sprintf("related rule %q is not a role-gap rule", rule))
		}
	}
	for _, f := range it.Frameworks {
		if !slices.Contains(Frameworks, f) {
			p = append(p, fmt.Sprintf("frameworks: %q is not one of %v", f, Frameworks))
		}
	}
	if a := it.Advice; a != nil {
		if a.Action == "" || a.Acceptance == "" {
			p = append(p, "advice needs an action and an acceptance criterion")
		}
		if !slices.Contains(Owners, a.Owner) {
			p = append(p, fmt.Sprintf("advice owner %q is not one of the known owners", a.Owner))
		}
		if !slices.Contains(ImpedimentLevels, a.Escalation) {
			p = append(p, fmt.Sprintf("advice escalation %q is not team, art or lace", a.Escalation))
		}
	}
	return p
}

func checkFigure(f *FigureSpec, levels int) []string {
	var p []string
	if f.Unit == "" {
		p = append(p, "figure has no unit")
	}
	if f.Source != "" {
		unit, ok := FigureSources[f.Source]
		switch {
		case !ok:
			p = append(p, fmt.Sprintf("figure source %q is not a register figure", f.Source))
		case unit != f.Unit:
			p = append(p, fmt.Sprintf("figure source %q is in %s, not %s", f.Source, unit, f.Unit))
		}
	}
	if len(f.Bands) == 0 {
		return append(p, "figure has no bands")
	}
	for i, b := range f.Bands {
		if b.Level < 1 || b.Level > levels {
			p = append(p, fmt.Sprintf("band %d earns level %d, outside 1–%d", i+1, b.Level, levels))
		}
		if b.Max != nil && b.Min != nil {
			p = append(p, fmt.Sprintf("band %d has both max and min", i+1))
		}
		last := i == len(f.Bands)-1
		if (b.Max == nil && b.Min == nil) != last {
			p = append(p, fmt.Sprintf("band %d: only the last band, and always the last, has neither max nor min", i+1))
		}
	}
	return p
}

func (d *Definitions) index() {
	d.views = &frameworkViews{m: map[Framework]*Definitions{}}
	d.checklistIndex = make(map[string]int, len(d.Checklists))
	d.itemIndex = map[string][2]int{}
	for ci, c := range d.Checklists {
		d.checklistIndex[c.ID] = ci
		for ii, it := range c.Items {
			d.itemIndex[it.ID] = [2]int{ci, ii}
		}
	}
}

// Checklist returns the checklist with the given ID, or nil.
func (d *Definitions) Checklist(id string) *Checklist {
	if d == nil {
		return nil
	}
	if d.checklistIndex != nil {
		if ci, ok := d.checklistIndex[id]; ok {
			return &d.Checklists[ci]
		}
		return nil
	}
	for ci := range d.Checklists {
		if d.Checklists[ci].ID == id {
			return &d.Checklists[ci]
		}
	}
	return nil
}

// Item returns the item with the given ID and its checklist, or nil, nil.
func (d *Definitions) Item(id string) (*Item, *Checklist) {
	if d == nil {
		return nil, nil
	}
	if d.itemIndex != nil {
		if at, ok := d.itemIndex[id]; ok {
			c := &d.Checklists[at[0]]
			return &c.Items[at[1]], c
		}
		return nil, nil
	}
	for ci := range d.Checklists {
		c := &d.Checklists[ci]
		for ii := range c.Items {
			if c.Items[ii].ID == id {
				return &c.Items[ii], c
			}
		}
	}
	return nil, nil
}

// Dimension returns the dimension with the given ID, or nil.
func (d *Definitions) Dimension(id string) *Dimension {
	if d == nil {
		return nil
	}
	for i := range d.Dimensions {
		if d.Dimensions[i].ID == id {
			return &d.Dimensions[i]
		}
	}
	return nil
}

// LevelForFigure is the level a figure earns on a measure item: the first
// band whose bound the figure meets (at or below Max, at or above Min), the
// last band catching the rest. It is 0, unanswered, for an item without a
// figure or for a figure that is not a number.
func (it *Item) LevelForFigure(v float64) int {
	if it == nil || it.Figure == nil || math.IsNaN(v) {
		return 0
	}
	for _, b := range it.Figure.Bands {
		switch {
		case b.Max != nil && v <= *b.Max:
			return b.Level
		case b.Min != nil && v >= *b.Min:
			return b.Level
		case b.Max == nil && b.Min == nil:
			return b.Level
		}
	}
	return 0
}

// Level returns the level with the given value, or nil.
func (it *Item) Level(value int) *Level {
	if it == nil || value < 1 || value > len(it.Levels) {
		return nil
	}
	return &it.Levels[value-1]
}

// Owners lists the suggested owners of a recommendation.
var Owners = []Owner{OwnerLACE, OwnerFacilitator, OwnerBusinessOwners, OwnerProductManagement, OwnerTeam, OwnerScrumMasters}

// ImpedimentLevels lists the impediment levels, lowest first.
var ImpedimentLevels = []ImpedimentLevel{LevelTeam, LevelART, LevelLACE}
