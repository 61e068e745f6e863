package assessment

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/trainscope/trainscope/assets"
)

func loadDefs(t testing.TB) *Definitions {
	t.Helper()
	d, err := LoadDefinitions(assets.Checklists())
	if err != nil {
		t.Fatalf("load definitions: %v", err)
	}
	return d
}

var itemIDPattern = regexp.MustCompile(`^(fit|eff|roles|imp)(\.m)?\.[a-z0-9-]+\.v[0-9]+$`)

func TestEmbeddedDefinitions(t *testing.T) {
	d := loadDefs(t)
	if got := len(d.Checklists); got != 4 {
		t.Fatalf("got %d checklists, want 4", got)
	}
	for i, c := range d.Checklists {
		if c.ID != ChecklistIDs[i] {
			t.Errorf("checklist %d is %s, want %s (definition order)", i, c.ID, ChecklistIDs[i])
		}
		if len(c.Items) < 12 {
			t.Errorf("%s has %d items, want at least 12", c.ID, len(c.Items))
		}
		for _, it := range c.Items {
			if !itemIDPattern.MatchString(it.ID) {
				t.Errorf("%s: id %q does not follow the pattern", c.ID, it.ID)
			}
			if len(it.Levels) != 5 {
				t.Errorf("%s: %d levels, want 5", it.ID, len(it.Levels))
			}
			if txt := strings.TrimSpace(it.Text); strings.HasPrefix(txt, "{") && len(txt) > 1 && txt[1] >= 'a' && txt[1] <= 'z' {
				t.Errorf("%s: text starts with a lower-case placeholder; write {%s to capitalise it", it.ID, strings.ToUpper(txt[1:2]))
			}
		}
	}
	if SampleChecklistVersion != d.Version {
		t.Errorf("SampleChecklistVersion %s, definitions %s", SampleChecklistVersion, d.Version)
	}
}

// TestDefinitionsCoverTheBrief checks that every sign and measure the brief
// names has an item, by the item IDs that carry them.
func TestDefinitionsCoverTheBrief(t *testing.T) {
	d := loadDefs(t)
	want := map[string]ItemKind{
		// Fit: signs for.
		"fit.shared-product.v1": Indication, "fit.cross-team-impediments.v1": Indication,
		"fit.joint-improvement.v1": Indication, "fit.coach-coordination.v1": Indication,
		"fit.dependency-waits.v1": Indication, "fit.framework-adoption.v1": Indication,
		itemCandidateCoach: Indication,
		// Fit: signs against.
		"fit.independent-teams.v2": ContraIndication, "fit.team-scrum-weak.v2": ContraIndication,
		"fit.status-reporting-risk.v2": ContraIndication, "fit.coordination-handoff-risk.v2": ContraIndication,
		"fit.no-empowered-leaders.v2": ContraIndication, "fit.few-teams.v2": ContraIndication,
		// Effectiveness: short and long term, measures.
		"eff.cross-team-sync.v1": Practice, "eff.impediment-backlog.v1": Practice, "eff.coaches-network.v1": Practice,
		"eff.dependencies-surface.v1": Practice, "eff.scaled-retro.v1": Practice, "eff.integrated-increment.v1": Practice,
		"eff.impediments-faster.v1": Practice, "eff.systemic-to-leaders.v1": Practice, "eff.improvements-spread.v1": Practice,
		"eff.direct-coordination.v1": Practice, "eff.throughput-quality.v1": Practice,
		"eff.m.impediment-age.v1": Measure, "eff.m.impediment-cycle.v1": Measure, "eff.m.impediments-closed.v1": Measure,
		"eff.m.days-blocked.v1": Measure, "eff.m.integrated-share.v1": Measure, "eff.m.pi-predictability.v1": Measure,
		"eff.m.value-delivery.v1": Measure, "eff.m.quality.v1": Measure, "eff.m.team-happiness.v1": Measure,
		"eff.m.coordination-ease.v1": Measure,
		// Impediment handling practices.
		"imp.team-backlog.v1": Practice, "imp.train-backlog.v1": Practice, "imp.escalation-path.v1": Practice,
		"imp.roam.v1": Practice, "imp.psw.v1": Practice, "imp.psw-backlog.v1": Practice, "imp.aged-reviewed.v1": Practice,
	}
	for id, kind := range want {
		it, c := d.Item(id)
		if it == nil {
			t.Errorf("no item %s", id)
			continue
		}
		if it.Kind != kind {
			t.Errorf("%s is %s, want %s", id, it.Kind, kind)
		}
		if c == nil {
			t.Errorf("%s has no checklist", id)
		}
	}
	var decisive int
	for _, it := range d.Checklist(ChecklistFit).Items {
		if it.Decisive {
			decisive++
		}
	}
	if decisive < 2 {
		t.Errorf("%d decisive contra-indications, want some", decisive)
	}
	for _, id := range []string{"eff.m.impediment-age.v1", "eff.m.integrated-share.v1", "eff.m.pi-predictability.v1", "eff.m.days-blocked.v1"} {
		if it, _ := d.Item(id); it == nil || it.Figure == nil {
			t.Errorf("%s takes no figure", id)
		}
	}
}

func TestLookups(t *testing.T) {
	d := loadDefs(t)
	byHand := &Definitions{Version: d.Version, Dimensions: d.Dimensions, Checklists: d.Checklists}
	for _, defs := range []*Definitions{d, byHand} {
		if c := defs.Checklist(ChecklistRoles); c == nil || c.ID != ChecklistRoles {
			t.Errorf("Checklist(%s) = %v", ChecklistRoles, c)
		}
		if c := defs.Checklist("nope"); c != nil {
			t.Errorf("Checklist(nope) = %v", c)
		}
		it, c := defs.Item("imp.roam.v1")
		if it == nil || it.ID != "imp.roam.v1" || c.ID != ChecklistImpediments {
			t.Errorf("Item(imp.roam.v1) = %v, %v", it, c)
		}
		if it, c := defs.Item("nope"); it != nil || c != nil {
			t.Errorf("Item(nope) = %v, %v", it, c)
		}
		if dim := defs.Dimension("delivery"); dim == nil || dim.Title == "" {
			t.Errorf("Dimension(delivery) = %v", dim)
		}
		if dim := defs.Dimension("nope"); dim != nil {
			t.Errorf("Dimension(nope) = %v", dim)
		}
	}
	var nilDefs *Definitions
	if nilDefs.Checklist("x") != nil || nilDefs.Dimension("x") != nil {
		t.Error("nil definitions found something")
	}
	if it, c := nilDefs.Item("x"); it != nil || c != nil {
		t.Error("nil definitions found an item")
	}
}

func TestLevelForFigure(t *testing.T) {
	d := loadDefs(t)
	age, _ := d.Item("eff.m.impediment-age.v1")     // lower is better: 7, 14, 30, 60
	share, _ := d.Item("eff.m.integrated-share.v1") // higher is better: 90, 75, 50, 25
	rated, _ := d.Item("eff.m.value-delivery.v1")   // no figure
	tests := []struct {
		it   *Item
		v    float64
		want int
	}{
		{age, 0, 5}, {age, 7, 5}, {age, 7.5, 4}, {age, 14, 4}, {age, 30, 3}, {age, 31, 2}, {age, 60, 2}, {age, 61, 1}, {age, 1e9, 1},
		{share, 100, 5}, {share, 90, 5}, {share, 89.9, 4}, {share, 75, 4}, {share, 50, 3}, {share, 25, 2}, {share, 24, 1}, {share, -5, 1},
		{age, math.NaN(), 0}, {rated, 10, 0}, {nil, 10, 0},
		{&Item{Figure: &FigureSpec{Bands: []Band{{Level: 2, Max: ptr(1.0)}}}}, 5, 0}, // no catch-all band
	}
	for _, tt := range tests {
		id := "nil"
		if tt.it != nil {
			id = tt.it.ID
		}
		if got := tt.it.LevelForFigure(tt.v); got != tt.want {
			t.Errorf("%s.LevelForFigure(%v) = %d, want %d", id, tt.v, got, tt.want)
		}
	}
	if l := age.Level(3); l == nil || l.Value != 3 {
		t.Errorf("Level(3) = %v", l)
	}
	if age.Level(0) != nil || age.Level(6) != nil {
		t.Error("Level outside the scale found a level")
	}
}

func ptr[T any](v T) *T { return &v }

func TestExpandAndWords(t *testing.T) {
	s := "Ask the {facilitator} to run the {sync} and report to the {leaders}. {A-facilitator} is {a-facilitator}."
	tests := []struct {
		f    Framework
		want string
	}{
		{SAFe, "Ask the RTE to run the ART Sync and report to the Business Owners. An RTE is an RTE."},
		{ScrumAtScale, "Ask the SoSM to run the Scaled Daily Scrum and report to the Executive Action Team. A SoSM is a SoSM."},
		{OtherFramework, "Ask the scaled facilitator to run the cross-team sync and report to the leadership group. A scaled facilitator is a scaled facilitator."},
		{"", "Ask the scaled facilitator to run the cross-team sync and report to the leadership group. A scaled facilitator is a scaled facilitator."},
	}
	for _, tt := range tests {
		if got := tt.f.Expand(s); got != tt.want {
			t.Errorf("%q.Expand = %q, want %q", tt.f, got, tt.want)
		}
	}
	if got := SAFe.Expand("no placeholder"); got != "no placeholder" {
		t.Errorf("Expand changed plain text: %q", got)
	}
	if OwnerFacilitator.Title(ScrumAtScale) != "SoSM" || OwnerLACE.Title(SAFe) != "LACE" {
		t.Error("Owner.Title does not use the framework's words")
	}
	for p, want := range map[Priority]string{High: "high", Medium: "medium", Low: "low", 7: "priority 7"} {
		if p.String() != want {
			t.Errorf("Priority(%d).String() = %q", int(p), p.String())
		}
	}
	if RoleSystemArchitect.Title(SAFe) != "System Architect" || RoleFacilitator.Title(ScrumAtScale) != ScrumAtScale.FacilitatorTitle() {
		t.Error("ARTRole.Title")
	}
	if ARTRole("x").Title(SAFe) != "x" {
		t.Error("unknown role title")
	}
	for _, r := range ARTRoles {
		if r.Title(SAFe) == "" || r.Title(OtherFramework) == "" {
			t.Errorf("role %s has no title", r)
		}
	}
}

// validFS is a minimal, valid set of definitions that the validation cases
// break one way each.
func validFS() fstest.MapFS {
	item := func(id, kind, extra string) string {
		return `  - id: ` + id + `
    text: Something the coach rates.
    guidance: What to look for.
    kind: ` + kind + `
    weight: 2
` + extra + `    levels:
      - {value: 1, label: Low, descriptor: Low.}
      - {value: 2, label: Mid, descriptor: Middle.}
      - {value: 3, label: High, descriptor: High.}
`
	}
	list := func(id, items string) string {
		return "version: \"1\"\nid: " + id + "\ntitle: T\npurpose: P\nitems:\n" + items
	}
	return fstest.MapFS{
		"dimensions.yaml": {Data: []byte("version: \"1\"\ndimensions:\n  - {id: dim, title: Dim, description: A dimension.}\n")},
		"fit.yaml": {Data: []byte(list(ChecklistFit,
			item("fit.a.v1", "indication", "")+item("fit.b.v1", "contra-indication", "    decisive: true\n    condition: It must hold.\n")))},
		"eff.yaml": {Data: []byte(list(ChecklistEffectiveness,
			item("eff.a.v1", "practice", "    dimension: dim\n    advice: {action: Do it., owner: RTE, escalation: art, acceptance: Done by then.}\n")+
				item("eff.m.b.v1", "measure", "    dimension: dim\n    figure: {unit: days, source: median-open-age-days, bands: [{level: 3, max: 5}, {level: 2, max: 10}, {level: 1}]}\n")))},
		"roles.yaml": {Data: []byte(list(ChecklistRoles, item("roles.a.v1", "practice", "    dimension: dim\n    related: [RG-03]\n")))},
		"imp.yaml":   {Data: []byte(list(ChecklistImpediments, item("imp.a.v1", "practice", "    dimension: dim\n")))},
	}
}

func TestLoadDefinitionsValid(t *testing.T) {
	d, err := LoadDefinitions(validFS())
	if err != nil {
		t.Fatalf("valid definitions rejected: %v", err)
	}
	if d.Version != "1" || len(d.Checklists) != 4 || d.Checklists[0].ID != ChecklistFit || d.Checklists[3].ID != ChecklistImpediments {
		t.Errorf("loaded %+v", d)
	}
}

func TestLoadDefinitionsReportsProblems(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		old    string
		new    string
		remove bool
		want   []string // every part must appear in the error
	}{
		{name: "no dimensions file", file: "dimensions.yaml", remove: true, want: []string{"dimensions.yaml is missing"}},
		{name: "missing checklist", file: "imp.yaml", remove: true, want: []string{`no file defines checklist "impediment-handling"`}},
		{name: "bad yaml", file: "eff.yaml", old: "title: T", new: "title: [T", want: []string{"eff.yaml"}},
		{name: "misspelt field", file: "eff.yaml", old: "guidance:", new: "guidence:", want: []string{"eff.yaml", "guidence"}},
		{name: "version differs", file: "imp.yaml", old: `version: "1"`, new: `version: "2"`, want: []string{"imp.yaml", `version "2"`}},
		{name: "unknown checklist", file: "imp.yaml", old: "id: " + ChecklistImpediments, new: "id: other", want: []string{"imp.yaml", `unknown checklist id "other"`}},
		{name: "checklist twice", file: "imp.yaml", old: "id: " + ChecklistImpediments, new: "id: " + ChecklistRoles, want: []string{"already defined in"}},
		{name: "duplicate item", file: "imp.yaml", old: "imp.a.v1", new: "roles.a.v1", want: []string{"imp.yaml", "roles.a.v1", "already used in roles.yaml"}},
		{name: "missing descriptor", file: "imp.yaml", old: "descriptor: Middle.", new: "descriptor: ''", want: []string{"imp.yaml", "imp.a.v1", "level 2 needs a label and a descriptor"}},
		{name: "levels out of order", file: "imp.yaml", old: "{value: 2,", new: "{value: 4,", want: []string{"imp.a.v1", "level 2 has value 4"}},
		{name: "one level", file: "imp.yaml", old: "      - {value: 2, label: Mid, descriptor: Middle.}\n      - {value: 3, label: High, descriptor: High.}\n", new: "", want: []string{"has 1 levels"}},
		{name: "zero weight", file: "imp.yaml", old: "weight: 2", new: "weight: 0", want: []string{"imp.a.v1", "weight 0 must be greater than 0"}},
		{name: "unknown kind", file: "imp.yaml", old: "kind: practice", new: "kind: opinion", want: []string{"imp.a.v1", `unknown kind "opinion"`}},
		{name: "fit kind elsewhere", file: "imp.yaml", old: "kind: practice", new: "kind: indication", want: []string{"belongs in the fit checklist only"}},
		{name: "practice in fit", file: "fit.yaml", old: "kind: indication", new: "kind: practice", want: []string{"fit.a.v1", "does not belong in the fit checklist"}},
		{name: "unknown dimension", file: "imp.yaml", old: "dimension: dim", new: "dimension: nope", want: []string{"imp.a.v1", `unknown dimension "nope"`}},
		{name: "no dimension", file: "imp.yaml", old: "    dimension: dim\n", new: "", want: []string{"imp.a.v1", "dimension is missing"}},
		{name: "fit with dimension", file: "fit.yaml", old: "    decisive: true\n", new: "    decisive: true\n    dimension: dim\n", want: []string{"fit.b.v1", "fit items have no dimension"}},
		{name: "decisive practice", file: "imp.yaml", old: "    dimension: dim\n", new: "    dimension: dim\n    decisive: true\n", want: []string{"only a contra-indication can be decisive"}},
		{name: "contra without condition", file: "fit.yaml", old: "    condition: It must hold.\n", new: "", want: []string{"fit.b.v1", "needs a condition"}},
		{name: "condition on indication", file: "fit.yaml", old: "kind: indication\n", new: "kind: indication\n    condition: X.\n", want: []string{"fit.a.v1", "only a contra-indication has a condition"}},
		{name: "empty text", file: "imp.yaml", old: "text: Something the coach rates.", new: "text: ''", want: []string{"imp.a.v1", "text is empty"}},
		{name: "empty guidance", file: "imp.yaml", old: "guidance: What to look for.", new: "guidance: ''", want: []string{"imp.a.v1", "guidance is empty"}},
		{name: "figure on practice", file: "imp.yaml", old: "    dimension: dim\n", new: "    dimension: dim\n    figure: {unit: days, bands: [{level: 1}]}\n", want: []string{"only a measure item takes a figure"}},
		{name: "band level", file: "eff.yaml", old: "{level: 3, max: 5}", new: "{level: 9, max: 5}", want: []string{"eff.m.b.v1", "band 1 earns level 9"}},
		{name: "band both bounds", file: "eff.yaml", old: "{level: 3, max: 5}", new: "{level: 3, max: 5, min: 1}", want: []string{"band 1 has both max and min"}},
		{name: "no catch-all", file: "eff.yaml", old: "{level: 1}", new: "{level: 1, max: 20}", want: []string{"band 3: only the last band"}},
		{name: "no bands", file: "eff.yaml", old: "bands: [{level: 3, max: 5}, {level: 2, max: 10}, {level: 1}]", new: "bands: []", want: []string{"figure has no bands"}},
		{name: "no unit", file: "eff.yaml", old: "unit: days, source", new: "unit: '', source", want: []string{"figure has no unit"}},
		{name: "unknown source", file: "eff.yaml", old: "source: median-open-age-days", new: "source: vibes", want: []string{`figure source "vibes"`}},
		{name: "source unit", file: "eff.yaml", old: "source: median-open-age-days", new: "source: recurrence", want: []string{`figure source "recurrence" is in %, not days`}},
		{name: "advice owner", file: "eff.yaml", old: "owner: RTE", new: "owner: Somebody", want: []string{"eff.a.v1", `advice owner "Somebody"`}},
		{name: "advice escalation", file: "eff.yaml", old: "escalation: art", new: "escalation: moon", want: []string{`advice escalation "moon"`}},
		{name: "advice action", file: "eff.yaml", old: "action: Do it.", new: "action: ''", want: []string{"advice needs an action"}},
		{name: "related rule", file: "roles.yaml", old: "[RG-03]", new: "[RG-99]", want: []string{"roles.a.v1", `related rule "RG-99"`}},
		{name: "item without id", file: "imp.yaml", old: "id: imp.a.v1", new: "id: ''", want: []string{"imp.yaml: item 1 has no id"}},
		{name: "no items", file: "imp.yaml", old: "items:\n", new: "items: []\nx:\n", want: []string{"imp.yaml"}},
		{name: "no title", file: "imp.yaml", old: "title: T", new: "title: ''", want: []string{"needs a title and a purpose"}},
		{name: "dimension twice", file: "dimensions.yaml", old: "]", new: "]", want: nil}, // placeholder replaced below
		{name: "empty version", file: "dimensions.yaml", old: `version: "1"`, new: `version: ""`, want: []string{"version is empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			switch {
			case tt.remove:
				delete(fsys, tt.file)
			case tt.name == "dimension twice":
				fsys[tt.file] = &fstest.MapFile{Data: []byte("version: \"1\"\ndimensions:\n  - {id: dim, title: Dim, description: D.}\n  - {id: dim, title: Dim, description: D.}\n  - {id: '', title: X, description: D.}\n  - {id: bare}\n")}
				tt.want = []string{`dimension id "dim" is used twice`, "dimension 3 has no id", `dimension "bare" needs a title`}
			default:
				data := string(fsys[tt.file].Data)
				if !strings.Contains(data, tt.old) {
					t.Fatalf("%s does not contain %q", tt.file, tt.old)
				}
				fsys[tt.file] = &fstest.MapFile{Data: []byte(strings.Replace(data, tt.old, tt.new, 1))}
			}
			_, err := LoadDefinitions(fsys)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not mention %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestLoadDefinitionsNoDimensions(t *testing.T) {
	fsys := validFS()
	fsys["dimensions.yaml"] = &fstest.MapFile{Data: []byte("version: \"1\"\ndimensions: []\n")}
	_, err := LoadDefinitions(fsys)
	if err == nil || !strings.Contains(err.Error(), "no dimensions") {
		t.Errorf("got %v", err)
	}
	fsys["dimensions.yaml"] = &fstest.MapFile{Data: []byte("version: [\n")}
	if _, err := LoadDefinitions(fsys); err == nil || !strings.Contains(err.Error(), "dimensions.yaml") {
		t.Errorf("got %v", err)
	}
	if _, err := LoadDefinitions(fstest.MapFS{"dimensions.yaml": &fstest.MapFile{Mode: 0o200 | 1<<31}}); err == nil {
		t.Error("a folder named dimensions.yaml loaded")
	}
	bad := fstest.MapFS{"[.yaml": &fstest.MapFile{}}
	if _, err := LoadDefinitions(bad); err == nil {
		t.Error("no error")
	}
}

func TestChecklistKinds(t *testing.T) {
	if !slices.Contains(ItemKinds, Measure) || len(ItemKinds) != 4 {
		t.Error("ItemKinds")
	}
	for _, id := range ChecklistIDs {
		if IsMaturity(id) == (id == ChecklistFit) {
			t.Errorf("IsMaturity(%s) = %v", id, IsMaturity(id))
		}
	}
}

// TestEveryPlaceholderIsKnown: no text keeps a brace once expanded, in any
// framework, so a misspelt placeholder never reaches the coach or the LACE.
func TestEveryPlaceholderIsKnown(t *testing.T) {
	d := loadDefs(t)
	var texts []string
	for _, c := range d.Checklists {
		texts = append(texts, c.Title, c.Purpose)
		for _, it := range c.Items {
			texts = append(texts, it.Text, it.Guidance, it.Condition)
			for _, l := range it.Levels {
				texts = append(texts, l.Label, l.Descriptor)
			}
			if it.Advice != nil {
				texts = append(texts, it.Advice.Action, it.Advice.Acceptance)
			}
		}
	}
	for _, rules := range [][]Rule{VerdictRules, WayToStartRules, RecommendationRules} {
		for _, r := range rules {
			texts = append(texts, r.Title, r.Words)
		}
	}
	for _, r := range RoleGapRules {
		texts = append(texts, r.Title, r.Explanation, r.Action, r.Acceptance)
	}
	for _, f := range Frameworks {
		for _, s := range texts {
			if e := f.Expand(s); strings.ContainsAny(e, "{}") {
				t.Errorf("%s: %q", f, e)
			}
		}
	}
}

func TestDefinitionsForFramework(t *testing.T) {
	d := loadDefs(t)
	safe, sas := d.For(SAFe), d.For(ScrumAtScale)
	if it, _ := safe.Item("roles.system-architect.v1"); it == nil {
		t.Error("SAFe trains are asked about their System Architect")
	}
	if it, _ := sas.Item("roles.system-architect.v1"); it != nil {
		t.Error("a Scrum@Scale train is asked about a System Architect")
	}
	if n, m := len(safe.Checklist(ChecklistRoles).Items), len(sas.Checklist(ChecklistRoles).Items); n != m+1 {
		t.Errorf("role coverage has %d items for SAFe, %d for Scrum@Scale", n, m)
	}
	if d.For(ScrumAtScale) != sas {
		t.Error("the view is made again")
	}
	if it, _ := d.Item("roles.system-architect.v1"); it == nil {
		t.Error("the full definitions lost an item")
	}
}
