package report

import (
	"github.com/trainscope/trainscope/assessment"
)

// words puts the train's framework vocabulary into a checklist text: "RTE"
// and "ART Sync" for SAFe, "SoSM" and "Scaled Daily Scrum" for Scrum@Scale.
func (d *doc) words(s string) string { return d.in.Train.Framework.Expand(s) }

// framework is the train's framework, whose words and items the report uses.
func (d *doc) framework() assessment.Framework { return d.in.Train.Framework }

// aRole is the scaled facilitator with its article: "an RTE", "a SoSM",
// "a scaled facilitator", as the framework's file gives it.
func (d *doc) aRole() string { return d.words("{a-facilitator}") }

// ownerText names who is asked to act, in the framework's words.
func (d *doc) ownerText(o assessment.Owner) string {
	if o == "" {
		return "—"
	}
	return o.Title(d.in.Train.Framework)
}

// methodText draws the method as assessment.Method writes it: scales,
// scores, levels, dimensions, and every rule behind the verdict, the role
// gaps, the register figures and the recommendations. Its checklists part
// is left to the scale tables that follow, which use the train's words.
func (d *doc) methodText() {
	d.markdown(mdSection(assessment.MethodFor(d.in.Definitions, d.framework()), "Scales", "Checklists"))
}
