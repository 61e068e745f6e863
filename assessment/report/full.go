package report

import (
	"fmt"
	"strconv"
	"strings"
)

// The full report for the LACE, in the order a reader works through it: what
// it says, why, the facts under it, what to do, and how it was measured.
// This file holds the order of the parts; each part is drawn in its own
// file: full_cover.go, full_summary.go, full_scores.go, full_findings.go,
// full_roster.go, full_impediments.go, full_recommendations.go and
// full_appendix.go (every answer, and the method).

// part is one part of the full report: its title, as the contents on the
// cover lists it, whether it is set on landscape pages for its wide table,
// and what draws it.
type part struct {
	title     string
	landscape bool
	draw      func()
}

// parts are the parts of the full report, in order. A workshop assessment
// has one more, after the findings: what the room voted and how the coach's
// own observation compares.
func (d *doc) parts() []part {
	ps := []part{{"Executive summary", false, d.executiveSummary}}
	if len(d.in.Results.FollowUps) > 0 {
		ps = append(ps, part{d.sinceLastPITitle(), true, d.sinceLastPI})
	}
	ps = append(ps,
		part{"Scores and trends", false, d.scoresAndTrends},
		part{"Findings per checklist", false, d.findings},
	)
	if d.ws != nil {
		ps = append(ps, part{workshopTitle, false, d.workshop})
	}
	return append(ps,
		part{"Roster and role gaps", false, d.roster},
		part{"Impediment register", false, d.register},
		part{"Recommendations", true, d.recommendations},
		part{"Appendix A: every answer and note", false, d.answers},
		part{"Appendix B: method", false, d.method},
	)
}

// partAlias is replaced by part i's first page when the PDF is closed.
func partAlias(i int) string { return fmt.Sprintf(aliasMark+"p%d"+aliasMark, i+1) }

// startPart opens part i on a new page (landscape for the widest table) and
// records its page for the contents.
func (d *doc) startPart(i int, pt part) {
	if pt.landscape {
		d.landscape()
	} else {
		d.portrait()
	}
	d.pdf.RegisterAlias(partAlias(i), strconv.Itoa(d.pdf.PageNo()))
	d.partPage[i] = d.pdf.PageNo()
	d.h1(pt.title)
}

func (d *doc) full() {
	d.cover()
	for i, pt := range d.parts() {
		d.startPart(i, pt)
		pt.draw()
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
