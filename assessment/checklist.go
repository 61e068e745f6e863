package assessment

import (
	"slices"
	"sync"
)

// ItemKind says what a checklist item is and how its rating is read.
type ItemKind string

// Kinds of item. On every kind the scale says how strongly the statement
// holds, from level 1 (not seen, absent) to the top level (holds strongly),
// so a coach rates every statement the same way. The kind says which way a
// rating counts: on a contra-indication the higher levels speak against the
// role (see Item.Favour).
const (
	Practice         ItemKind = "practice"          // a practice rated from absent to embedded
	Indication       ItemKind = "indication"        // a sign that the train needs a scaled facilitator
	ContraIndication ItemKind = "contra-indication" // a sign against one; the highest levels speak against
	Measure          ItemKind = "measure"           // a success measure, entered as a figure or rated
)

// Level is one step on an item's scale, with what it looks like on a train.
type Level struct {
	Value      int    `yaml:"value" json:"value"`
	Label      string `yaml:"label" json:"label"`
	Descriptor string `yaml:"descriptor" json:"descriptor"`
}

// Band maps a figure to a level: a figure at or below Max (or at or above Min,
// for figures where higher is better) earns Level.
type Band struct {
	Level int      `yaml:"level" json:"level"`
	Max   *float64 `yaml:"max,omitempty" json:"max,omitempty"`
	Min   *float64 `yaml:"min,omitempty" json:"min,omitempty"`
}

// FigureSpec describes the figure a measure item takes, and how it maps to
// the item's levels.
type FigureSpec struct {
	Unit  string `yaml:"unit" json:"unit"` // e.g. "days", "%"
	Bands []Band `yaml:"bands" json:"bands"`
	// Source names a register figure (see FigureSources) that stands in for
	// the answer while the coach leaves the item unanswered, so the register's
	// facts count without being typed in twice.
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
}

// Advice is what an item recommends when it is rated low.
type Advice struct {
	Action     string          `yaml:"action" json:"action"`
	Owner      Owner           `yaml:"owner" json:"owner"`
	Escalation ImpedimentLevel `yaml:"escalation" json:"escalation"`
	Acceptance string          `yaml:"acceptance" json:"acceptance"`
}

// Item is one question of a checklist. Its ID never changes; changed wording
// is a new item with a new ID.
type Item struct {
	ID        string      `yaml:"id" json:"id"`
	Text      string      `yaml:"text" json:"text"`
	Guidance  string      `yaml:"guidance" json:"guidance"` // what to look for, what evidence counts
	Kind      ItemKind    `yaml:"kind" json:"kind"`
	Decisive  bool        `yaml:"decisive,omitempty" json:"decisive,omitempty"` // a contra-indication that alone decides the verdict
	Weight    float64     `yaml:"weight" json:"weight"`
	Dimension string      `yaml:"dimension,omitempty" json:"dimension,omitempty"`
	Section   string      `yaml:"section,omitempty" json:"section,omitempty"` // e.g. "Short term", "Long term", "Measures"
	Levels    []Level     `yaml:"levels" json:"levels"`
	Figure    *FigureSpec `yaml:"figure,omitempty" json:"figure,omitempty"`
	Advice    *Advice     `yaml:"advice,omitempty" json:"advice,omitempty"`
	// Condition is, for a contra-indication, what must hold for the verdict
	// "recommended with conditions" when the item is rated low.
	Condition string `yaml:"condition,omitempty" json:"condition,omitempty"`
	// Related names the role-gap rules that cover the same ground from the
	// roster. When one of them finds a gap, its recommendation carries this
	// item's low rating as evidence instead of the item advising separately.
	Related []string `yaml:"related,omitempty" json:"related,omitempty"`
	// Frameworks limits the item to trains of these frameworks (a System
	// Architect exists in SAFe only); empty means every framework. An item
	// that does not apply is left out of the scores, the screens and the report.
	Frameworks []Framework `yaml:"frameworks,omitempty" json:"frameworks,omitempty"`
}

// Favour is the level a rating counts as, on a scale from least to most
// favourable: the rating itself, except on a contra-indication, where a
// statement that holds strongly counts least (levels+1−rating). Ratings that
// are not levels come back as they are.
func (it *Item) Favour(r Rating) Rating {
	if it.Kind != ContraIndication || !r.Rated() || int(r) > len(it.Levels) {
		return r
	}
	return Rating(len(it.Levels) + 1 - int(r))
}

// AppliesTo reports whether the item is asked of a train of the framework.
// With no framework given (a score computed apart from any train) every
// item applies.
func (it *Item) AppliesTo(f Framework) bool {
	return len(it.Frameworks) == 0 || f == "" || slices.Contains(it.Frameworks, f)
}

// Checklist is one of the four checklists a coach works through.
type Checklist struct {
	ID      string `yaml:"id" json:"id"`
	Title   string `yaml:"title" json:"title"`
	Purpose string `yaml:"purpose" json:"purpose"`
	Items   []Item `yaml:"items" json:"items"`
}

// Dimension is a facet of ART maturity that cuts across checklists; the
// radar chart has one spoke per dimension.
type Dimension struct {
	ID          string `yaml:"id" json:"id"`
	Title       string `yaml:"title" json:"title"`
	Description string `yaml:"description" json:"description"`
}

// Definitions are all checklists of one version, with the dimensions their
// items score into.
type Definitions struct {
	Version    string
	Dimensions []Dimension
	Checklists []Checklist

	// Filled by LoadDefinitions so lookups stay cheap in scoring loops; a
	// Definitions built by hand works too, by searching.
	checklistIndex map[string]int
	itemIndex      map[string][2]int // checklist index, item index
	views          *frameworkViews   // For's views, made once per framework
}

// The four checklists, by ID.
const (
	ChecklistFit           = "facilitator-fit"
	ChecklistEffectiveness = "facilitator-effectiveness"
	ChecklistRoles         = "role-coverage"
	ChecklistImpediments   = "impediment-handling"
)

// ChecklistIDs lists the four checklists in the order they are worked
// through and shown.
var ChecklistIDs = []string{ChecklistFit, ChecklistEffectiveness, ChecklistRoles, ChecklistImpediments}

// IsMaturity reports whether a checklist counts toward the train's overall
// maturity. Fit does not: it decides the verdict on the scaled facilitator,
// and a train that does not need one is not less mature for it.
func IsMaturity(checklistID string) bool {
	return checklistID == ChecklistEffectiveness || checklistID == ChecklistRoles || checklistID == ChecklistImpediments
}

// ItemKinds lists the known item kinds.
var ItemKinds = []ItemKind{Practice, Indication, ContraIndication, Measure}

type frameworkViews struct {
	mu sync.Mutex
	m  map[Framework]*Definitions
}

// For is the definitions as a train of the framework is asked them: every
// checklist with only the items that apply to it (Item.AppliesTo). Screens
// that walk items by position use it, so a Scrum@Scale train is never asked
// about a System Architect. Views are made once and shared; do not change them.
func (d *Definitions) For(f Framework) *Definitions {
	if d == nil {
		return nil
	}
	if d.views != nil {
		d.views.mu.Lock()
		defer d.views.mu.Unlock()
		if v, ok := d.views.m[f]; ok {
			return v
		}
	}
	v := &Definitions{Version: d.Version, Dimensions: d.Dimensions}
	for _, c := range d.Checklists {
		vc := c
		vc.Items = nil
		for _, it := range c.Items {
			if it.AppliesTo(f) {
				vc.Items = append(vc.Items, it)
			}
		}
		v.Checklists = append(v.Checklists, vc)
	}
	v.index()
	if d.views != nil {
		d.views.m[f] = v
	}
	return v
}
