package assessment

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trainscope/trainscope/assets"
)

// FrameworkDef is one framework as data (assets/frameworks/*.yaml): the words
// every text uses for its roles, events and groups, the train-level roles a
// roster offers, the sizes it expects, and which roster rules apply. Rules
// and checklist texts name nothing of a framework themselves; they say
// {facilitator}, {planning} or {leaders} and Expand puts the framework's
// words in.
type FrameworkDef struct {
	ID         Framework         `yaml:"id" json:"id"`
	Name       string            `yaml:"name" json:"name"`
	Summary    string            `yaml:"summary" json:"summary"`
	Assessment string            `yaml:"assessment" json:"assessment"` // the kind of assessment, for page headers: "ART maturity assessment"
	Words      map[string]string `yaml:"words" json:"words"`           // placeholder name (without braces) → the framework's word
	Articles   map[string]string `yaml:"articles" json:"articles,omitempty"`
	Roles      []FrameworkRole   `yaml:"roles" json:"roles"`
	Size       *FrameworkSize    `yaml:"size" json:"size,omitempty"`
	Lead       FacilitatorLimits `yaml:"facilitator" json:"facilitator"`
	Rules      []string          `yaml:"rules" json:"rules"` // the role-gap rules that apply, by ID

	expand *strings.Replacer
}

// FrameworkRole is a train-level role the framework has, with its title.
type FrameworkRole struct {
	ID    ARTRole `yaml:"id" json:"id"`
	Title string  `yaml:"title" json:"title"`
}

// Range is an inclusive range of counts.
type Range struct {
	Min int `yaml:"min" json:"min"`
	Max int `yaml:"max" json:"max"`
}

// FrameworkSize is the shape the framework expects of a train: how many
// teams, and how many people if it says, with what to do when a train is
// outside it. The texts may say {min} and {max}.
type FrameworkSize struct {
	Teams         Range  `yaml:"teams" json:"teams"`
	People        *Range `yaml:"people" json:"people,omitempty"`
	TooFew        string `yaml:"too-few" json:"too_few"`
	TooMany       string `yaml:"too-many" json:"too_many"`
	PeopleTooFew  string `yaml:"people-too-few" json:"people_too_few,omitempty"`
	PeopleTooMany string `yaml:"people-too-many" json:"people_too_many,omitempty"`
}

// FacilitatorLimits say how far the scaled facilitator may also hold a team
// role: a SAFe RTE is full-time (0 teams), a Scrum@Scale SoSM may be one
// team's Scrum Master (1).
type FacilitatorLimits struct {
	ScrumMasterOfAtMost int    `yaml:"scrum-master-of-at-most" json:"scrum_master_of_at_most"`
	Note                string `yaml:"note" json:"note"` // why, in the framework's terms
}

// PlaceholderWords are the words every framework file must give: the
// placeholders rules and checklists may use.
var PlaceholderWords = []string{
	"train", "train-short", "facilitator", "facilitator-title", "facilitator-up",
	"sync", "coach-sync", "po-sync", "leaders", "the-leaders", "leader", "backlog-owner", "the-backlog-owner", "backlog",
	"planning", "review", "inspect", "pi", "pis",
	"level-team", "level-art", "level-lace",
}

// frameworkDefs are read once from the embedded files (in init, since the
// checks read the rules whose texts read the frameworks).
var frameworkDefs map[Framework]*FrameworkDef

func init() {
	defs, err := LoadFrameworks(assets.Frameworks())
	if err != nil {
		panic(err) // embedded at build time and tested; a broken file is a build error
	}
	frameworkDefs = map[Framework]*FrameworkDef{}
	for _, d := range defs {
		frameworkDefs[d.ID] = d
	}
}

// LoadFrameworks reads and checks the framework definitions, one YAML file
// per framework, reporting every problem with its file.
func LoadFrameworks(fsys fs.FS) ([]*FrameworkDef, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list framework definitions: %w", err)
	}
	var defs []*FrameworkDef
	var problems []error
	seen := map[Framework]string{}
	for _, name := range names {
		d := &FrameworkDef{}
		if err := decodeStrict(fsys, name, d); err != nil {
			problems = append(problems, err)
			continue
		}
		if prev, dup := seen[d.ID]; dup {
			problems = append(problems, fmt.Errorf("%s: framework %q already defined in %s", name, d.ID, prev))
			continue
		}
		seen[d.ID] = name
		for _, p := range d.check() {
			problems = append(problems, fmt.Errorf("%s: %s", name, p))
		}
		d.build()
		defs = append(defs, d)
	}
	if _, ok := seen[OtherFramework]; !ok {
		problems = append(problems, fmt.Errorf("framework definitions: none defines %q, the neutral words every unknown framework uses", OtherFramework))
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("framework definitions: %w", errors.Join(problems...))
	}
	slices.SortStableFunc(defs, func(a, b *FrameworkDef) int { return frameworkOrder(a.ID) - frameworkOrder(b.ID) })
	return defs, nil
}

func frameworkOrder(f Framework) int {
	if i := slices.Index(Frameworks, f); i >= 0 {
		return i
	}
	return len(Frameworks)
}

func (d *FrameworkDef) check() []string {
	var p []string
	if d.ID == "" || d.Name == "" || d.Assessment == "" || strings.TrimSpace(d.Summary) == "" {
		p = append(p, "id, name, summary and assessment are all needed")
	}
	for _, w := range PlaceholderWords {
		if strings.TrimSpace(d.Words[w]) == "" {
			p = append(p, fmt.Sprintf("words.%s is missing", w))
		}
	}
	for w := range d.Words {
		if !slices.Contains(PlaceholderWords, w) {
			p = append(p, fmt.Sprintf("words.%s is not a placeholder any text uses (one of %s)", w, strings.Join(PlaceholderWords, ", ")))
		}
	}
	for w, a := range d.Articles {
		if _, ok := d.Words[w]; !ok || (a != "a" && a != "an") {
			p = append(p, fmt.Sprintf("articles.%s: %q must be a or an, for a word the file gives", w, a))
		}
	}
	if !slices.ContainsFunc(d.Roles, func(r FrameworkRole) bool { return r.ID == RoleFacilitator }) {
		p = append(p, "roles: the facilitator role is needed")
	}
	for _, r := range d.Roles {
		if !slices.Contains(ARTRoles, r.ID) || r.Title == "" {
			p = append(p, fmt.Sprintf("roles: %q needs a title and must be one of %v", r.ID, ARTRoles))
		}
	}
	for _, id := range d.Rules {
		if RoleGapRuleByID(id) == nil {
			p = append(p, fmt.Sprintf("rules: %q is not a role-gap rule", id))
		}
	}
	if s := d.Size; s != nil {
		if s.Teams.Min < 1 || s.Teams.Max < s.Teams.Min || s.TooFew == "" || s.TooMany == "" {
			p = append(p, "size: teams needs 1 ≤ min ≤ max, and too-few and too-many texts")
		}
		if s.People != nil && (s.People.Min < 1 || s.People.Max < s.People.Min || s.PeopleTooFew == "" || s.PeopleTooMany == "") {
			p = append(p, "size: people needs 1 ≤ min ≤ max, and people-too-few and people-too-many texts")
		}
	}
	if d.Lead.ScrumMasterOfAtMost < 0 || d.Lead.Note == "" {
		p = append(p, "facilitator: scrum-master-of-at-most cannot be negative, and a note says why")
	}
	return p
}

// build makes the replacer Expand uses: for every word w, {w} and {W} (the
// word capitalised, to start a sentence), {a-w} and {A-w} with its article.
func (d *FrameworkDef) build() {
	var pairs []string
	for _, w := range PlaceholderWords {
		v := d.Words[w]
		a := d.Articles[w]
		if a == "" {
			a = article(v)
		}
		pairs = append(pairs,
			"{"+w+"}", v,
			"{"+capital(w)+"}", capital(v),
			"{a-"+w+"}", a+" "+v,
			"{A-"+w+"}", capital(a)+" "+v,
		)
	}
	d.expand = strings.NewReplacer(pairs...)
}

// article is "an" before a vowel, "a" otherwise; a word whose sound differs
// from its first letter (an RTE) says so in the file's articles.
func article(word string) string {
	if r, _ := utf8.DecodeRuneInString(word); strings.ContainsRune("aeiouAEIOU", r) {
		return "an"
	}
	return "a"
}

func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Def is the framework's definition; any framework Trainscope does not know
// gets the neutral words and rules of Other.
func (f Framework) Def() *FrameworkDef {
	if d, ok := frameworkDefs[f]; ok {
		return d
	}
	return frameworkDefs[OtherFramework]
}

// LevelTitle names a level of the escalation ladder in the framework's
// words: the train level is "ART" in SAFe and "Scrum of Scrums" in
// Scrum@Scale. Every screen and report that prints a level uses it.
func (f Framework) LevelTitle(l ImpedimentLevel) string {
	if w := f.Word("level-" + string(l)); w != "" {
		return w
	}
	return l.Title()
}

// Word is the framework's word for a placeholder name, e.g. "planning".
func (f Framework) Word(name string) string { return f.Def().Words[name] }

// AssessmentKind names the kind of assessment in the framework's words, for
// page headers: "ART maturity assessment", "Scrum of Scrums maturity assessment".
func (f Framework) AssessmentKind() string { return f.Def().Assessment }

// Roles are the train-level roles the framework has, in the order a roster shows them.
func (f Framework) Roles() []ARTRole {
	var out []ARTRole
	for _, r := range f.Def().Roles {
		out = append(out, r.ID)
	}
	return out
}

// HasRole reports whether the framework has the train-level role.
func (f Framework) HasRole(role ARTRole) bool { return slices.Contains(f.Roles(), role) }

// Applies reports whether the role-gap rule applies to a train of the framework.
func (f Framework) Applies(rule string) bool { return slices.Contains(f.Def().Rules, rule) }

func (f Framework) roleTitle(role ARTRole) (string, bool) {
	for _, r := range f.Def().Roles {
		if r.ID == role {
			return r.Title, true
		}
	}
	return "", false
}

// sizeText puts a size's bounds into its text.
func sizeText(s string, r Range) string {
	return strings.NewReplacer("{min}", fmt.Sprint(r.Min), "{max}", fmt.Sprint(r.Max)).Replace(strings.TrimSpace(s))
}
