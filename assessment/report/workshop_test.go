package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/trainscope/trainscope/assessment"
)

// The workshop fixture: five people in the sample train's room, named in
// accented Latin, Greek and Cyrillic. Five items were revealed (two of them
// strongly disputed), two were voted on but never revealed, and the coach
// recorded observations on revealed, unrevealed and unvoted items.
var workshopPeople = []assessment.Participant{
	{ID: "w1", Name: "Élodie Brûlé-Nørgaard", Role: assessment.RoleScrumMasterP},
	{ID: "w2", Name: "Δημήτρης Καραγιάννης", Role: assessment.RoleProductOwnerP},
	{ID: "w3", Name: "Анастасия Волкова", Role: assessment.RoleScrumMasterP},
	{ID: "w4", Name: "Ignacy Żółkiewski-Dąbrowa", Role: assessment.RoleFacilitatorP},
	{ID: "w5", Name: "Θεοδώρα Νικολάου-Ψαρρά", Role: assessment.RoleBusinessOwnerP},
}

const (
	dk = assessment.DontKnow
	na = assessment.NotApplicable
)

// workshopVotes are each item's votes in participant order.
var revealedVotes = map[string][]assessment.Rating{
	"roles.team-scrum-master.v1": {1, 5, 5, 1, dk}, // disagreement 1.00, median 3
	"eff.impediment-backlog.v1":  {1, 1, 5, 5, 2},  // 0.80, median 2
	"eff.cross-team-sync.v1":     {2, 4, 3, 4, 2},  // 0.40, median 3
	"imp.train-backlog.v1":       {2, 3, 2, 2, 3},  // 0.20, median 2
	"fit.shared-product.v1":      {5, 5, 4, 5, na}, // 0.125, median 5
}

var hiddenVotes = map[string][]assessment.Rating{
	"imp.leaders-remove.v1": {1, 1, 1, 1, 1},
	"eff.scaled-retro.v1":   {4, 4, 2, 5, 3},
}

var observations = map[string]assessment.Rating{
	"eff.impediment-backlog.v1":       1, // consensus 2: +1
	"roles.team-scrum-master.v1":      2, // consensus 2: 0
	"imp.train-backlog.v1":            1, // consensus 2: +1
	"eff.cross-team-sync.v1":          1, // consensus 3: +2
	"imp.leaders-remove.v1":           1, // consensus 2: +1, not revealed
	"fit.shared-product.v1":           5, // consensus 5: 0
	"roles.system-architect.v1":       3, // consensus 1: -2
	"eff.direct-coordination.v1":      na,
	"roles.facilitator-servant.v1":    1, // consensus 3: +2
	"imp.escalation-timely.v1":        1, // consensus 2: +1
	"roles.business-owners.v1":        2, // consensus 3: +1
	"roles.product-management.v1":     2, // consensus 3: +1
	"eff.dependencies-surface.v1":     1, // consensus 2: +1
	"fit.status-reporting-risk.v2":    3, // consensus 4: +1
	"roles.team-product-owner.v1":     3, // consensus 3: 0
	"imp.register-kept.v1":            2, // consensus 3: +1
	"eff.systemic-to-leaders.v1":      1, // consensus 2: +1
	"roles.contractors-integrated.v1": 2,
}

// withWorkshop makes the sample assessment a workshop with the fixture's
// votes, revealed where the fixture says, and its observations.
func withWorkshop(t testing.TB, in Input, anonymous bool, hidden map[string][]assessment.Rating) Input {
	t.Helper()
	w := &assessment.Workshop{Anonymous: anonymous}
	for _, p := range workshopPeople {
		if err := w.AddParticipant(p); err != nil {
			t.Fatal(err)
		}
	}
	cast := func(votes map[string][]assessment.Rating, reveal bool) {
		for item, rs := range votes {
			if _, c := in.Definitions.Item(item); c == nil {
				t.Fatalf("the fixture votes on %s, which the checklists lack", item)
			}
			for i, r := range rs {
				if err := w.Cast(workshopPeople[i].ID, item, r); err != nil {
					t.Fatal(err)
				}
			}
			if reveal {
				w.Reveal(item)
			}
		}
	}
	cast(revealedVotes, true)
	cast(hidden, false)
	for item, r := range observations {
		if err := w.Observe(item, r); err != nil {
			t.Fatal(err)
		}
	}
	a := *in.Assessment
	a.Workshop = w
	in.Assessment = &a
	return evaluate(in)
}

// section is the text from the line that is just the heading from up to the
// line that is just the heading to.
func section(t *testing.T, text, from, to string) string {
	t.Helper()
	line := func(h string) *regexp.Regexp { return regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(h) + `\s*$`) }
	start := line(from).FindStringIndex(text)
	if start == nil {
		t.Fatalf("no heading %q in the report", from)
	}
	rest := text[start[1]:]
	if end := line(to).FindStringIndex(rest); end != nil {
		rest = rest[:end[0]]
	}
	return rest
}

func TestWorkshopPart(t *testing.T) {
	in := withWorkshop(t, sampleInput(t), false, hiddenVotes)
	pdf, warnings := render(t, in, Options{})
	if len(warnings) > 0 {
		t.Errorf("warnings: %q", warnings)
	}
	// -raw keeps the order things are drawn in: a table cell by cell, row
	// by row, so a row's cells follow one another in the text.
	raw := poppler(t, pdf, "pdftotext", "-raw")
	part := oneLine(section(t, raw, workshopTitle, "Roster and role gaps"))

	// The strongly disputed items come first, most divided first, then the
	// rest, most divided first; the hidden ones not at all.
	spreads := part[strings.Index(part, "How the room voted"):strings.Index(part, "The room's self-rating and the coach's observation")]
	order := []string{"roles.team-scrum-master.v1", "eff.impediment-backlog.v1", "eff.cross-team-sync.v1", "imp.train-backlog.v1", "fit.shared-product.v1"}
	last := -1
	for _, id := range order {
		i := strings.Index(spreads, id)
		if i < 0 {
			t.Fatalf("revealed item %s is not in the votes:\n%s", id, spreads)
		}
		if i < last {
			t.Errorf("%s comes before an item the room was more divided on", id)
		}
		last = i
	}
	if !strings.Contains(spreads, "Strongly disputed: 2 items") || strings.Index(spreads, "The other revealed items: 3 items") < strings.Index(spreads, "eff.impediment-backlog.v1") {
		t.Errorf("the strongly disputed items are not listed apart and first:\n%s", spreads)
	}
	for id := range hiddenVotes {
		if strings.Contains(spreads, id) {
			t.Errorf("item %s was not revealed, yet its votes are shown", id)
		}
	}
	// Each row: the item, its chart (counts and levels), how many voted,
	// the median, the disagreement and its word, the consensus.
	label := func(id string, r int) string {
		it, _ := in.Definitions.Item(id)
		return fmt.Sprintf("%d of %d · %s", r, len(it.Levels), it.Level(r).Label)
	}
	for _, row := range []struct{ id, voted, median, disagreement, consensus string }{
		{"roles.team-scrum-master.v1", "5 of 5 1 don't know", "3", "1.00 strong", label("roles.team-scrum-master.v1", 2)},
		{"eff.impediment-backlog.v1", "5 of 5", "2", "0.80 strong", label("eff.impediment-backlog.v1", 2)},
		{"eff.cross-team-sync.v1", "5 of 5", "3", "0.40 some", label("eff.cross-team-sync.v1", 3)},
		{"imp.train-backlog.v1", "5 of 5", "2", "0.20 little", label("imp.train-backlog.v1", 2)},
		{"fit.shared-product.v1", "5 of 5 1 n/a", "5", "0.12 little", label("fit.shared-product.v1", 5)},
	} {
		re := regexp.MustCompile(regexp.QuoteMeta(row.id) + ` [\d ]+ ` + regexp.QuoteMeta(row.voted+" "+row.median+" "+row.disagreement+" "+row.consensus))
		if !re.MatchString(spreads) {
			t.Errorf("no row %q for %s (voted %s, median %s, disagreement %s, consensus %s)", re, row.id, row.voted, row.median, row.disagreement, row.consensus)
		}
	}

	// The gaps, per checklist and per item, with their signs.
	_, per := assessment.ObservationGaps(in.Definitions, in.Assessment)
	gaps := part[strings.Index(part, "The room's self-rating and the coach's observation"):]
	for _, co := range per {
		title := in.Train.Framework.Expand(in.Definitions.Checklist(co.ChecklistID).Title)
		want := regexp.MustCompile(regexp.QuoteMeta(title) + `( .*?)? ` + regexp.QuoteMeta(fmt.Sprintf("%d of %d %.0f %.0f %s room",
			co.Self.Rated, co.Self.Total, co.Self.Value, co.Observed.Value, signed(co.Gap))))
		if !want.MatchString(gaps) {
			t.Errorf("the checklist gap %q is not in the report", want)
		}
	}
	for _, want := range []string{
		"eff.cross-team-sync.v1 " + label("eff.cross-team-sync.v1", 3) + " " + label("eff.cross-team-sync.v1", 1) + " +2 room higher",
		"roles.system-architect.v1 " + label("roles.system-architect.v1", 1) + " " + label("roles.system-architect.v1", 3) + " -2 room lower",
		"imp.leaders-remove.v1 " + label("imp.leaders-remove.v1", 2) + " " + label("imp.leaders-remove.v1", 1) + " +1 room higher",
		"fit.shared-product.v1 " + label("fit.shared-product.v1", 5) + " " + label("fit.shared-product.v1", 5) + " 0 the same",
		"A positive gap means the room rates itself higher than the coach observed",
	} {
		if !strings.Contains(gaps, want) {
			t.Errorf("%q is not in the comparison with the coach's observation", want)
		}
	}
	// Largest gaps first: the two-level gaps before the one-level ones.
	if strings.Index(gaps, "roles.system-architect.v1") > strings.Index(gaps, "imp.leaders-remove.v1") {
		t.Error("the items are not listed largest gap first")
	}

	// Who took part, by name, exactly.
	text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
	for _, p := range workshopPeople {
		if !strings.Contains(part, p.Name) || !strings.Contains(text, p.Name) {
			t.Errorf("participant %q is not named", p.Name)
		}
	}
	if !strings.Contains(part, "Élodie Brûlé-Nørgaard Scrum Master 5 of 5") {
		t.Errorf("the participants table does not show role and votes:\n%s", part)
	}
}

// nameParts are the words of every participant's name, as a reader could
// spot them: "Élodie", "Brûlé", "Nørgaard", "Δημήτρης", ...
func nameParts() []string {
	var out []string
	for _, p := range workshopPeople {
		out = append(out, p.Name)
		out = append(out, strings.FieldsFunc(p.Name, func(r rune) bool { return r == ' ' || r == '-' })...)
	}
	return out
}

func TestAnonymousWorkshopNamesNobody(t *testing.T) {
	in := withWorkshop(t, withDecisions(sampleInput(t)), true, hiddenVotes)
	for _, opt := range []Options{{}, {Summary: true}, {Paper: "letter"}} {
		pdf, _ := render(t, in, opt)
		layout := poppler(t, pdf, "pdftotext", "-layout")
		raw := poppler(t, pdf, "pdftotext", "-raw")
		info := poppler(t, pdf, "pdfinfo")
		for _, name := range nameParts() {
			for where, text := range map[string]string{"the text": layout + raw, "the document properties": info} {
				if strings.Contains(text, name) {
					t.Errorf("%+v: %q is in %s of an anonymous workshop's report", opt, name, where)
				}
			}
			// The objects the writer leaves uncompressed (the properties,
			// the outline) hold no name either, in UTF-8 or UTF-16.
			if bytes.Contains(pdf, []byte(name)) || bytes.Contains(pdf, utf16be(name)) {
				t.Errorf("%+v: %q is in the PDF's bytes", opt, name)
			}
		}
		if !strings.Contains(info, "workshop") {
			t.Errorf("%+v: the keywords do not say the assessment was a workshop:\n%s", opt, info)
		}
		text := oneLine(layout)
		want := []string{"5 people took part: 2 Scrum Masters, 1 Product Owner, 1 RTE and 1 Business Owner."}
		if !opt.Summary {
			want = append(want, "The workshop was anonymous: this report names participants by their role, never by name.")
			part := oneLine(section(t, raw, workshopTitle, "Roster and role gaps"))
			for _, row := range []string{"Scrum Master 1 5 of 5", "Product Owner 1 5 of 5", "Scrum Master 2 5 of 5", "RTE 1 5 of 5", "Business Owner 1 5 of 5"} {
				if !strings.Contains(part, row) {
					t.Errorf("%+v: the participants table lacks %q", opt, row)
				}
			}
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%+v: %q is not in the report", opt, w)
			}
		}
	}
}

func utf16be(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

func TestNamedWorkshopNamesEveryone(t *testing.T) {
	in := withWorkshop(t, sampleInput(t), false, hiddenVotes)
	pdf, _ := render(t, in, Options{})
	text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
	info := poppler(t, pdf, "pdfinfo")
	for _, p := range workshopPeople {
		if !strings.Contains(text, p.Name) {
			t.Errorf("%q is not named exactly", p.Name)
		}
		// Names stay in the report's body: the properties travel further.
		if strings.Contains(info, p.Name) {
			t.Errorf("%q is in the document properties", p.Name)
		}
	}
}

// A vote on an item that was not revealed leaves no trace: the report is
// byte for byte the same whatever the hidden votes are, or without them.
func TestHiddenVotesLeaveNoTrace(t *testing.T) {
	other := map[string][]assessment.Rating{
		"imp.leaders-remove.v1":  {5, 5, 4, 5, 5},
		"roles.value-stream.v1":  {1, 2, 3, 4, 5},
		"eff.m.quality.v1":       {dk, na, 1, 1, 2},
		"fit.few-teams.v2":       {2, 2},
		"eff.scaled-retro.v1":    {1},
		"roles.no-subteams.v1":   {3, 3, 3},
		"imp.escalation-path.v1": {5},
	}
	for _, anonymous := range []bool{false, true} {
		for _, opt := range []Options{{}, {Summary: true}} {
			with, _ := render(t, withWorkshop(t, sampleInput(t), anonymous, hiddenVotes), opt)
			for name, hidden := range map[string]map[string][]assessment.Rating{"no hidden votes": nil, "other hidden votes": other} {
				again, _ := render(t, withWorkshop(t, sampleInput(t), anonymous, hidden), opt)
				if !bytes.Equal(with, again) {
					t.Errorf("anonymous %v, %+v: with %s the report differs: hidden votes reach the PDF", anonymous, opt, name)
				}
			}
		}
	}
	// In the appendix an unrevealed item shows a dash for its votes, and
	// the coach's observation.
	pdf, _ := render(t, withWorkshop(t, sampleInput(t), false, hiddenVotes), Options{})
	appendix := oneLine(section(t, poppler(t, pdf, "pdftotext", "-raw"), "Appendix A: every answer and note", "Appendix B: method"))
	for _, want := range []string{
		"imp.leaders-remove.v1 2 of 5 · Ad hoc — Coach observed: 1 of 5 · Absent",
		"eff.scaled-retro.v1 3 of 5 · Emerging —",
	} {
		if !strings.Contains(appendix, want) {
			t.Errorf("the appendix lacks %q", want)
		}
	}
	if !regexp.MustCompile(`roles\.team-scrum-master\.v1 2 of 5 · Ad hoc [\d ]+ 5 voted · median 3 · disagreement 1\.00 \(strong\) Coach observed: 2 of 5 · Ad hoc`).MatchString(appendix) {
		t.Errorf("the appendix does not show a revealed item's votes and observation:\n%s", appendix)
	}
}

func TestWorkshopInTheSummaries(t *testing.T) {
	in := withWorkshop(t, withDecisions(withHistory(sampleInput(t), 2)), false, hiddenVotes)
	_, per := assessment.ObservationGaps(in.Definitions, in.Assessment)
	var largest assessment.ChecklistObservation
	for _, co := range per {
		if co.Self.Known() && co.Observed.Known() && assessment.IsMaturity(co.ChecklistID) && abs(co.Gap) > abs(largest.Gap) {
			largest = co
		}
	}
	if largest.Gap <= 0 {
		t.Fatalf("the fixture should have the room rate itself higher somewhere: %+v", per)
	}
	want := []string{
		"5 people took part: 2 Scrum Masters, 1 Product Owner, 1 RTE and 1 Business Owner.",
		"Strongly disputed: 2 of the 5 items revealed.",
		fmt.Sprintf("Largest gap to the coach's observation: %s, %s points (the room rates itself higher).",
			in.Train.Framework.Expand(in.Definitions.Checklist(largest.ChecklistID).Title), signed(largest.Gap)),
	}
	for _, opt := range []Options{{}, {Summary: true}} {
		pdf, _ := render(t, in, opt)
		text := poppler(t, pdf, "pdftotext", "-layout")
		first := text
		if !opt.Summary {
			first = section(t, text, "Executive summary", "Scores and trends")
		}
		for _, w := range want {
			if !strings.Contains(oneLine(first), w) {
				t.Errorf("%+v: the summary lacks %q", opt, w)
			}
		}
		if opt.Summary && pages(text) != 2 {
			t.Errorf("the summary has %d pages", pages(text))
		}
	}
}

// bigWorkshop is a room of fourteen with long names in several scripts,
// every item revealed and observed: the layout's worst case.
func bigWorkshop(t testing.TB, in Input, anonymous bool) Input {
	t.Helper()
	w := &assessment.Workshop{Anonymous: anonymous}
	for i := range 14 {
		name := fmt.Sprintf("%s %s-%s %d", firstNames[i%len(firstNames)], lastNames[(i*3)%len(lastNames)], lastNames[(i*7+1)%len(lastNames)], i+1)
		if i == 3 {
			name = "Maximiliane Josefine Theodora von Hohenzollern-Sigmaringen und Ξανθοπούλου-Владимирова"
		}
		role := assessment.ParticipantRoles[i%len(assessment.ParticipantRoles)]
		if err := w.AddParticipant(assessment.Participant{ID: fmt.Sprintf("b%02d", i), Name: name, Role: role}); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	for _, c := range in.Definitions.Checklists {
		for _, it := range c.Items {
			for pi, p := range w.Participants {
				r := assessment.Rating(1 + (n*7+pi*(n%4+1))%len(it.Levels))
				switch (n + pi) % 17 {
				case 0:
					r = dk
				case 5:
					r = na
				}
				if err := w.Cast(p.ID, it.ID, r); err != nil {
					t.Fatal(err)
				}
			}
			w.Reveal(it.ID)
			if err := w.Observe(it.ID, assessment.Rating(1+n%len(it.Levels))); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	a := *in.Assessment
	a.Workshop = w
	in.Assessment = &a
	return evaluate(in)
}

func TestWorkshopLayout(t *testing.T) {
	full := []Options{{}, {Paper: "letter"}}
	both := []Options{{}, {Paper: "letter"}, {Summary: true}, {Summary: true, Paper: "letter"}}
	summaries := []Options{{Summary: true}, {Summary: true, Paper: "letter"}}
	otherFramework := sampleInput(t)
	otherFramework.Train.Framework = assessment.OtherFramework
	empty := sampleInput(t)
	a := *empty.Assessment
	a.Workshop = &assessment.Workshop{}
	empty.Assessment = &a
	for _, tc := range []struct {
		name string
		in   Input
		opts []Options
	}{
		{"fixture", withWorkshop(t, withDecisions(withHistory(sampleInput(t), 3)), false, hiddenVotes), both},
		{"fixture anonymous", withWorkshop(t, withDecisions(sampleInput(t)), true, hiddenVotes), both},
		{"big room", bigWorkshop(t, sampleInput(t), false), full},
		{"big room, other framework, anonymous", bigWorkshop(t, otherFramework, true), full[:1]},
		{"big room, big train, long everything", bigWorkshop(t, longTexts(withDecisions(bigInput(t))), false), summaries},
		{"empty room", empty, []Options{{}, {Summary: true}}},
	} {
		name, in := tc.name, tc.in
		for _, opt := range tc.opts {
			t.Run(fmt.Sprintf("%s/%+v", name, opt), func(t *testing.T) {
				t.Parallel() // the big room's pages take the layout check a while
				pdf, warnings := render(t, in, opt)
				if len(warnings) > 0 {
					t.Errorf("warnings: %q", warnings)
				}
				checkLayout(t, pdf)
				text := poppler(t, pdf, "pdftotext", "-layout")
				if opt.Summary && pages(text) != 2 {
					t.Errorf("the summary has %d pages, want 2", pages(text))
				}
				if opt.Summary {
					return
				}
				// Every page of the workshop's tables and of the appendix
				// carries its table's header.
				for _, part := range []struct{ from, to, header string }{
					{"How the room voted", "The room's self-rating and the coach's observation", `Item\s+Votes per level\s+Voted\s+Median\s+Disagreement\s+Consensus`},
					{"Per item, in levels of its scale, largest gaps first", "Roster and role gaps", `Item\s+Room's consensus\s+Coach observed\s+Gap`},
					{"Appendix A: every answer and note", "Appendix B: method", `Item\s+Answer\s+Workshop votes and the`},
				} {
					if strings.Contains(name, "empty") {
						break
					}
					checked := 0
					for i, page := range strings.Split(section(t, text, part.from, part.to), "\f") {
						// Nothing but the running header and footer: the
						// page where the next heading starts.
						body := regexp.MustCompile(`(?m)^.*(report for the LACE|Confidential: for the LACE).*$`).ReplaceAllString(page, "")
						if strings.TrimSpace(body) == "" {
							continue
						}
						checked++
						if !regexp.MustCompile(part.header).MatchString(page) {
							t.Errorf("page %d after %q has no table header", i+1, part.from)
						}
					}
					if strings.HasPrefix(name, "big room") && checked < 3 {
						t.Errorf("%q spans %d pages; the big room should fill several", part.from, checked)
					}
				}
			})
		}
	}
}

func TestWorkshopDeterministic(t *testing.T) {
	for _, opt := range []Options{{}, {Summary: true}} {
		first, _ := render(t, withWorkshop(t, sampleInput(t), false, hiddenVotes), opt)
		for range 3 {
			// A fresh workshop each time: the fixture casts its votes in
			// map order, so they land in a different order every time.
			again, _ := render(t, withWorkshop(t, sampleInput(t), false, hiddenVotes), opt)
			if !bytes.Equal(first, again) {
				t.Fatalf("%+v: two renders of the same workshop differ", opt)
			}
		}
	}
}

// workshopDoc is a report being drawn for the input, for the tests of the
// words the workshop part uses.
func workshopDoc(t *testing.T, in Input) *doc {
	t.Helper()
	g, err := newGlyphs()
	if err != nil {
		t.Fatal(err)
	}
	return newDoc(in, Options{}, "A4", g)
}

func TestWorkshopLine(t *testing.T) {
	base := sampleInput(t)
	room := func(people ...assessment.Participant) *assessment.Workshop {
		w := &assessment.Workshop{}
		for _, p := range people {
			if err := w.AddParticipant(p); err != nil {
				t.Fatal(err)
			}
		}
		return w
	}
	one := assessment.Participant{ID: "x", Name: "Xenia", Role: assessment.RoleProductManagementP}
	cases := []struct {
		name  string
		w     *assessment.Workshop
		fw    assessment.Framework
		wants []string
	}{
		{"nobody", &assessment.Workshop{}, assessment.SAFe, []string{"0 people took part. No votes were revealed. The coach recorded no observation to compare the room's self-rating with."}},
		{"one, nothing revealed", room(one), assessment.SAFe, []string{"1 person took part: 1 Product Management. No votes were revealed."}},
		{"roles in order, plural", room(
			assessment.Participant{ID: "a", Name: "A", Role: assessment.RoleOtherP},
			assessment.Participant{ID: "b", Name: "B", Role: assessment.RoleProductManagementP},
			assessment.Participant{ID: "c", Name: "C", Role: assessment.RoleFacilitatorP},
			assessment.Participant{ID: "d", Name: "D", Role: assessment.RoleProductManagementP},
			assessment.Participant{ID: "e", Name: "E", Role: assessment.RoleOtherP},
			assessment.Participant{ID: "f", Name: "F", Role: "chief-of-staff"},
		), assessment.ScrumAtScale, []string{"6 people took part: 1 SoSM, 2 Chief Product Owners, 2 others and 1 Other."}},
	}
	for _, c := range cases {
		in := base
		in.Train.Framework = c.fw
		a := *in.Assessment
		a.Workshop = c.w
		in.Assessment = &a
		line := workshopDoc(t, in).workshopLine()
		for _, w := range c.wants {
			if !strings.Contains(line, w) {
				t.Errorf("%s: %q lacks %q", c.name, line, w)
			}
		}
	}

	// Revealed without strong disagreement; the room below the coach.
	w := room(workshopPeople...)
	for i, p := range workshopPeople {
		if err := w.Cast(p.ID, "eff.cross-team-sync.v1", assessment.Rating(2+i%2)); err != nil {
			t.Fatal(err)
		}
	}
	w.Reveal("eff.cross-team-sync.v1")
	if err := w.Observe("eff.cross-team-sync.v1", 5); err != nil {
		t.Fatal(err)
	}
	in := base
	a := *in.Assessment
	a.Workshop = w
	in.Assessment = &a
	line := workshopDoc(t, in).workshopLine()
	for _, want := range []string{"Strongly disputed: none of the 1 item revealed.", "points (the room rates itself lower)."} {
		if !strings.Contains(line, want) {
			t.Errorf("%q lacks %q", line, want)
		}
	}
	// The same level on both sides: no gap.
	if err := w.Observe("eff.cross-team-sync.v1", a.Answers["eff.cross-team-sync.v1"].Rating); err != nil {
		t.Fatal(err)
	}
	if line := workshopDoc(t, in).workshopLine(); !strings.Contains(line, "none: the room's self-rating matches the coach's observation.") {
		t.Errorf("%q does not say the two agree", line)
	}
}

func TestWorkshopWords(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{andList(nil), ""},
		{andList([]string{"a"}), "a"},
		{andList([]string{"a", "b"}), "a and b"},
		{andList([]string{"a", "b", "c"}), "a, b and c"},
		{plural("RTE", 1), "RTE"},
		{plural("RTE", 2), "RTEs"},
		{plural("Product Management", 3), "from Product Management"},
		{plural("Other", 2), "others"},
		{signed(2), "+2"},
		{signed(-2), "-2"},
		{signed(0.4), "0"},
		{signed(-0.4), "0"},
		{capitalise("scaled facilitator 1"), "Scaled facilitator 1"},
		{capitalise("élodie"), "Élodie"},
		{capitalise(""), ""},
		{items(1), "1 item"},
		{people(1), "1 person"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// The room and the coach are compared on the items both rated, weighted
// as the scores weigh them.
func TestObservationScoresArePaired(t *testing.T) {
	in := withWorkshop(t, sampleInput(t), false, hiddenVotes)
	gaps, per := assessment.ObservationGaps(in.Definitions, in.Assessment)
	compared := 0
	for _, co := range per {
		var sw, self, obs float64
		n := 0
		for _, g := range gaps {
			it, c := in.Definitions.Item(g.ItemID)
			if c.ID != co.ChecklistID {
				continue
			}
			top := float64(len(it.Levels) - 1)
			sw += it.Weight
			self += it.Weight * float64(it.Favour(g.Consensus)-1) / top
			obs += it.Weight * float64(it.Favour(g.Observed)-1) / top
			n++
		}
		if co.Self.Rated != n || co.Observed.Rated != n {
			t.Errorf("%s: %d and %d items compared, want %d on both sides", co.ChecklistID, co.Self.Rated, co.Observed.Rated, n)
		}
		if n == 0 {
			if co.Gap != 0 {
				t.Errorf("%s: a gap of %v with nothing to compare", co.ChecklistID, co.Gap)
			}
			continue
		}
		if want := 100 * (self - obs) / sw; abs(co.Gap-want) > 1e-9 {
			t.Errorf("%s: gap %v, want %v", co.ChecklistID, co.Gap, want)
		}
		compared++
	}
	if compared != len(assessment.ChecklistIDs) {
		t.Errorf("the fixture compares %d checklists, want all %d", compared, len(assessment.ChecklistIDs))
	}
}
