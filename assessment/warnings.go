package assessment

import "fmt"

// Warning is something the coach should look at before finishing: answers
// that contradict each other or the roster, or questions the verdict rests
// on that are still "don't know". A warning changes no score; it asks the
// coach to check.
type Warning struct {
	Rule  string   // e.g. "AW-01"
	Items []string // the items it concerns, in definition order
	Text  string   // in the coach's words
}

// WarningRules say when Warnings speaks up; the method documents them.
var WarningRules = []Rule{
	{"AW-01", "Shared work against independent teams",
		fmt.Sprintf("A sign that the teams share one product or depend on each other (shared product, dependency waits) is rated %d or higher while the contra-indication \"the teams are independent\" is rated %d or higher too (it holds): both cannot be true.", StrongLevel, StrongLevel)},
	{"AW-02", "Few teams against the roster",
		fmt.Sprintf("The contra-indication \"only one or two teams\" is rated %d or higher (it holds) while the roster has more than two teams, or rated %d or lower (it does not hold) while it has one or two.", StrongLevel, LowLevel)},
	{"AW-03", "Don't know on a question of the verdict",
		"A fit item is answered \"don't know\": the verdict is decided without it. Find it out before finishing, or say not applicable."},
}

// The fit items the warnings compare, beyond those the verdict names.
const (
	itemSharedProduct  = "fit.shared-product.v1"
	itemDependencyWait = "fit.dependency-waits.v1"
)

// Warnings lists what the coach should check before finishing the
// assessment, by the rules of WarningRules.
func Warnings(d *Definitions, t Train, a *Assessment) []Warning {
	if d == nil || a == nil {
		return nil
	}
	f := t.Framework
	level := func(id string) int {
		if r := a.Answers[id].Rating; r.Rated() {
			return int(r)
		}
		return 0
	}
	text := func(id string) string {
		if it, _ := d.Item(id); it != nil {
			return "“" + f.Expand(it.Text) + "”"
		}
		return id
	}
	var out []Warning
	if ind := level(itemIndependent); ind >= StrongLevel {
		for _, id := range []string{itemSharedProduct, itemDependencyWait} {
			if level(id) >= StrongLevel {
				out = append(out, Warning{Rule: "AW-01", Items: []string{id, itemIndependent},
					Text: fmt.Sprintf("%s is rated %d (it holds), yet %s is rated %d (it holds too). Both cannot be true.", text(id), level(id), text(itemIndependent), ind)})
			}
		}
	}
	if few := level(itemFewTeams); few > 0 && len(a.Roster.Teams) > 0 {
		n := len(a.Roster.Teams)
		if (few >= StrongLevel && n > 2) || (few <= LowLevel && n <= 2) {
			out = append(out, Warning{Rule: "AW-02", Items: []string{itemFewTeams},
				Text: fmt.Sprintf("%s is rated %d, but the roster has %s.", text(itemFewTeams), few, Count(n, "team", "teams"))})
		}
	}
	if c := d.Checklist(ChecklistFit); c != nil {
		for _, it := range c.Items {
			if a.Answers[it.ID].Rating == DontKnow && it.AppliesTo(f) {
				out = append(out, Warning{Rule: "AW-03", Items: []string{it.ID},
					Text: fmt.Sprintf("%s is answered “don't know”; the verdict is decided without it. Find it out before finishing, or answer not applicable.", text(it.ID))})
			}
		}
	}
	return out
}
