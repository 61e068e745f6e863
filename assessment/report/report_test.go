package report

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// The golden files hold the text pdftotext extracts from the sample
// report. After a deliberate change to the report (or to the checklists or
// the sample it shows), rewrite them and review the diff:
//
//	go test -tags migrated_fynedo ./assessment/report -run TestGolden -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// needPoppler skips a test when the poppler tools are missing; the Makefile's
// test-deps installs them (poppler-utils).
func needPoppler(t testing.TB, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not installed (apt-get install poppler-utils): %v", tool, err)
	}
}

// poppler runs a poppler tool on the PDF and returns what it prints.
func poppler(t testing.TB, pdf []byte, tool string, args ...string) string {
	t.Helper()
	needPoppler(t, tool)
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, path)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

func render(t testing.TB, in Input, opt Options) ([]byte, []string) {
	t.Helper()
	pdf, warnings, err := Render(in, opt)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return pdf, warnings
}

// oneLine collapses the runs of spaces and line breaks that the layout puts
// between words, so a phrase can be searched for as a reader would.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func pages(text string) int { return strings.Count(text, "\f") }

func TestGolden(t *testing.T) {
	in := sampleInput(t)
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"sample-full", Options{}},
		{"sample-summary", Options{Summary: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pdf, warnings := render(t, in, tc.opt)
			if len(warnings) > 0 {
				t.Errorf("the sample gave warnings: %q", warnings)
			}
			got := poppler(t, pdf, "pdftotext", "-layout")
			goldenCompare(t, filepath.Join("testdata", tc.name+".golden"), got)
		})
	}
}

func TestSummaryIsTwoPages(t *testing.T) {
	for name, in := range map[string]Input{
		"sample":           sampleInput(t),
		"decisions":        withDecisions(withHistory(sampleInput(t), 3)),
		"big train":        withDecisions(bigInput(t)),
		"long everything":  longTexts(withDecisions(bigInput(t))),
		"nothing answered": nothingAnswered(sampleInput(t)),
	} {
		for _, paper := range Papers {
			t.Run(name+"/"+paper, func(t *testing.T) {
				pdf, _ := render(t, in, Options{Summary: true, Paper: paper})
				text := poppler(t, pdf, "pdftotext", "-layout")
				if n := pages(text); n != 2 {
					t.Errorf("the summary has %d pages, want 2", n)
				}
				checkLayout(t, pdf)
			})
		}
	}
}

// longTexts makes every text the layout has to hold far longer than usual.
func longTexts(in Input) Input {
	long := func(s string) string { return strings.Repeat(s+" ", 6) }
	in.Train.Name = "The Very Long Named Agile Release Train For Payments, Settlements, Clearing And Everything Else In Between"
	in.Results.Verdict.Headline = long(in.Results.Verdict.Headline)
	for i := range in.Results.Verdict.Reasons {
		in.Results.Verdict.Reasons[i].Text = long(in.Results.Verdict.Reasons[i].Text)
	}
	in.Results.Verdict.WayToStart = long(in.Results.Verdict.WayToStart)
	in.Results.Level.Description = long(in.Results.Level.Description)
	for i := range in.Results.Recommendations {
		r := &in.Results.Recommendations[i]
		r.Finding, r.Action, r.Acceptance = long(r.Finding), long(r.Action), long(r.Acceptance)
		r.Priority = assessment.High
	}
	return in
}

func nothingAnswered(in Input) Input {
	a := *in.Assessment
	a.Answers = nil
	a.Notes = nil
	a.Register = nil
	a.Roster = assessment.Roster{}
	a.Review = assessment.Review{}
	in.Assessment = &a
	return evaluate(in)
}

func TestDeterministic(t *testing.T) {
	for _, opt := range []Options{{}, {Summary: true}, {Paper: "letter"}} {
		first, _ := render(t, withDecisions(withHistory(sampleInput(t), 2)), opt)
		for range 3 {
			// A fresh input each time, so no map is iterated in the same
			// order by chance.
			again, _ := render(t, withDecisions(withHistory(sampleInput(t), 2)), opt)
			if !bytes.Equal(first, again) {
				t.Fatalf("%+v: two renders of the same input differ (%d and %d bytes)", opt, len(first), len(again))
			}
		}
	}
}

func TestNoCreationDateStillDeterministic(t *testing.T) {
	in := sampleInput(t)
	in.Created = time.Time{} // the writer would read the clock; Render must not let it
	a, _ := render(t, in, Options{})
	b, _ := render(t, in, Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("without a creation date two renders differ")
	}
	if info := poppler(t, a, "pdfinfo"); !strings.Contains(info, "CreationDate:    Thu Mar 12 00:00:00 2026") {
		t.Errorf("without a creation date the assessment's date should stand in:\n%s", info)
	}
}

func TestNamesInEveryScript(t *testing.T) {
	in := sampleInput(t)
	const (
		train    = "Žluťoučký kůň – Ελληνικό Τρένο – Поезд «Ёлка»"
		assessor = "Zoë Ångström-Øster"
		rte      = "Γιώργος Παπαδόπουλος"
		sm       = "Ярослава Щербакова"
	)
	in.Train.Name = train
	a := *in.Assessment
	a.Assessor = "Zoe\u0308 A\u030angstro\u0308m-Øster" // typed with combining accents
	a.Roster = bigRoster(3)
	a.Roster.People[0].Name = rte // the RTE
	for i, p := range a.Roster.People {
		if p.ID == a.Roster.Teams[2].ScrumMasterID {
			a.Roster.People[i].Name = sm
		}
	}
	in.Assessment = &a
	in = evaluate(in)
	for _, opt := range []Options{{}, {Summary: true}} {
		pdf, warnings := render(t, in, opt)
		if len(warnings) > 0 {
			t.Errorf("%+v: warnings for names the font has: %q", opt, warnings)
		}
		text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
		want := []string{train, assessor}
		if !opt.Summary {
			want = append(want, rte, sm)
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%+v: %q is not in the extracted text", opt, w)
			}
		}
		info := poppler(t, pdf, "pdfinfo")
		if !strings.Contains(info, train) || !strings.Contains(info, assessor) {
			t.Errorf("%+v: the document properties lack the names:\n%s", opt, info)
		}
	}
}

func TestFrameworkNamesTheFacilitator(t *testing.T) {
	for _, tc := range []struct {
		fw    assessment.Framework
		title string
	}{
		{assessment.SAFe, "Release Train Engineer (RTE)"},
		{assessment.ScrumAtScale, "Scrum of Scrums Master (SoSM)"},
		{assessment.OtherFramework, "Scaled facilitator (Chief Scrum Master)"},
	} {
		in := sampleInput(t)
		in.Train.Framework = tc.fw
		in = evaluate(in)
		for _, opt := range []Options{{}, {Summary: true}} {
			pdf, _ := render(t, in, opt)
			text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
			if !strings.Contains(text, tc.title) {
				t.Errorf("%s %+v: the verdict is not headed %q", tc.fw, opt, tc.title)
			}
			want := in.Train.Framework.Facilitator()
			if !strings.Contains(text, verdictText(in.Results.Verdict.Kind)+": ") || !strings.Contains(text, " "+want+" for this train") && !strings.Contains(text, "needs a"+map[bool]string{true: "n", false: ""}[tc.fw != assessment.OtherFramework]+" "+want) {
				t.Errorf("%s %+v: the verdict does not name the %s", tc.fw, opt, want)
			}
		}
	}
}

func TestMissingGlyphIsReplacedAndWarned(t *testing.T) {
	in := sampleInput(t)
	in.Train.Name = "東京 Express"
	a := *in.Assessment
	a.Assessor = "山田 Coach \U000F0000" // private use: no font, no name
	in.Assessment = &a
	pdf, warnings := render(t, in, Options{})
	if len(warnings) != 1 {
		t.Fatalf("got %d warnings, want one: %q", len(warnings), warnings)
	}
	// The Japanese is drawn in the fallback font; only the emoji outside the
	// Basic Multilingual Plane, which the PDF writer cannot address and
	// Unicode gives no name to, is not.
	for _, code := range []string{"U+F0000", "□"} {
		if !strings.Contains(warnings[0], code) {
			t.Errorf("the warning does not name %s: %s", code, warnings[0])
		}
	}
	if strings.Contains(warnings[0], "U+6771") {
		t.Errorf("the warning names a character the fallback font draws: %s", warnings[0])
	}
	text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
	for _, w := range []string{"東京 Express", "山田 Coach □"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q is not in the extracted text: a missing glyph must leave a visible mark", w)
		}
	}
	if strings.Contains(text, "\U000F0000") {
		t.Error("a character no font has reached the page")
	}
}

// The page-number aliases must not touch what the coach typed.
func TestCoachTextIsNotMistakenForAnAlias(t *testing.T) {
	in := sampleInput(t)
	a := *in.Assessment
	a.Notes = map[string]string{assessment.ChecklistFit: "Typed as is: {nb} and {p1} and " + aliasNb + " and " + partAlias(0) + "."}
	in.Assessment = &a
	pdf, warnings := render(t, in, Options{})
	text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
	if want := "Typed as is: {nb} and {p1} and □nb□ and □p1□."; !strings.Contains(text, want) {
		t.Errorf("the note is not shown as typed, want %q", want)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "U+E000") {
		t.Errorf("want one warning about U+E000, got %q", warnings)
	}
	if !regexp.MustCompile(`page 2 of \d+`).MatchString(text) {
		t.Error("the page total is missing from the footer")
	}
}

func TestLongNoteAndBigRosterStayOnThePage(t *testing.T) {
	in := sampleInput(t)
	a := *in.Assessment
	a.Roster = bigRoster(12)
	var words []string
	for i := 0; len(strings.Join(words, " ")) < 1960; i++ {
		words = append(words, fmt.Sprintf("word%03d", i))
		if i%40 == 39 {
			words = append(words, "\n")
		}
	}
	note := strings.Join(words, " ") + " https://wiki.example.org/" + strings.Repeat("x", 60)
	if len(note) < 2000 {
		t.Fatalf("the note has %d characters", len(note))
	}
	a.Notes = map[string]string{assessment.ChecklistRoles: note}
	a.Answers = map[string]assessment.Answer{}
	for id, ans := range in.Assessment.Answers {
		a.Answers[id] = ans
	}
	ans := a.Answers["roles.system-architect.v1"]
	ans.Note, ans.Evidence = note, note
	a.Answers["roles.system-architect.v1"] = ans
	in.Assessment = &a
	in = withDecisions(evaluate(in))
	in.Results.Recommendations[0].Finding = note

	for _, opt := range []Options{{}, {Paper: "letter"}, {Summary: true}} {
		pdf, _ := render(t, in, opt)
		got := checkLayout(t, pdf)
		if opt.Summary {
			continue
		}
		// Every word of the note is on a page: nothing cut off.
		for _, w := range words {
			if strings.TrimSpace(w) == "" {
				continue
			}
			if got[w] < 3 { // the checklist note, the answer's note and its evidence
				t.Errorf("%+v: %s appears %d times, want at least 3", opt, w, got[w])
				break
			}
		}
		for _, tm := range a.Roster.Teams {
			if got[strings.Fields(tm.Name)[1]] == 0 {
				t.Errorf("%+v: team %s is not in the report", opt, tm.Name)
			}
		}
	}
}

var (
	pageRe = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRe = regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
)

type box struct {
	x0, y0, x1, y1 float64
	word           string
}

// checkLayout fails the test for any word outside the page's margins or
// drawn over another word, and returns how often each word occurs.
func checkLayout(t *testing.T, pdf []byte) map[string]int {
	t.Helper()
	problems, count := layoutProblems(t, pdf)
	for _, p := range problems {
		t.Error(p)
	}
	return count
}

// layoutProblems reads the position of every word with pdftotext -bbox and
// lists the words outside the page's margins or drawn over another word.
func layoutProblems(t testing.TB, pdf []byte) ([]string, map[string]int) {
	t.Helper()
	out := poppler(t, pdf, "pdftotext", "-bbox")
	const mm = 72 / 25.4
	var problems []string
	count := map[string]int{}
	for pi, chunk := range strings.Split(out, "<page ")[1:] {
		m := pageRe.FindStringSubmatch("<page " + chunk)
		if m == nil {
			t.Fatalf("page %d: no size in pdftotext -bbox output", pi+1)
		}
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		var boxes []box
		words := wordRe.FindAllStringSubmatch(chunk, -1)
		if len(words) == 0 {
			problems = append(problems, fmt.Sprintf("page %d: no words found; has pdftotext -bbox changed its output?", pi+1))
		}
		for _, wm := range words {
			var b box
			b.x0, _ = strconv.ParseFloat(wm[1], 64)
			b.y0, _ = strconv.ParseFloat(wm[2], 64)
			b.x1, _ = strconv.ParseFloat(wm[3], 64)
			b.y1, _ = strconv.ParseFloat(wm[4], 64)
			b.word = html.UnescapeString(wm[5])
			count[b.word]++
			if b.x0 < marginSide*mm-0.5 || b.x1 > w-marginSide*mm+0.5 || b.y0 < 8*mm || b.y1 > h-6*mm {
				problems = append(problems, fmt.Sprintf("page %d: %q at (%.1f,%.1f)-(%.1f,%.1f) is outside the margins of a %.0f×%.0f page", pi+1, b.word, b.x0, b.y0, b.x1, b.y1, w, h))
			}
			boxes = append(boxes, b)
		}
		for i := range boxes {
			for j := i + 1; j < len(boxes); j++ {
				if overlap(boxes[i], boxes[j]) > 0.25 {
					problems = append(problems, fmt.Sprintf("page %d: %q and %q are drawn over each other", pi+1, boxes[i].word, boxes[j].word))
				}
			}
		}
	}
	return problems, count
}

// The layout check itself is checked: a page with a word past the margin
// and two words on top of each other must be caught.
func TestLayoutCheckCatchesProblems(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes(family, "", assets.FontRegular)
	p.SetFont(family, "", 10)
	p.AddPage()
	p.Text(marginSide+2, 40, "inside")
	p.Text(190, 60, "outside")
	p.Text(marginSide+2, 80, "under")
	p.Text(marginSide+2.5, 80, "over")
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	problems, count := layoutProblems(t, buf.Bytes())
	if count["inside"] != 1 {
		t.Fatalf("the check did not read the words: %v", count)
	}
	joined := strings.Join(problems, "\n")
	if len(problems) != 2 || !strings.Contains(joined, `"outside"`) || !strings.Contains(joined, `"under" and "over"`) {
		t.Errorf("want the word past the margin and the overlap reported, got:\n%s", joined)
	}
}

// overlap is the share of the smaller box covered by the other.
func overlap(a, b box) float64 {
	w := min(a.x1, b.x1) - max(a.x0, b.x0)
	h := min(a.y1, b.y1) - max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	area := func(b box) float64 { return (b.x1 - b.x0) * (b.y1 - b.y0) }
	return w * h / max(1e-9, min(area(a), area(b)))
}

func TestFullReportLayout(t *testing.T) {
	in := withDecisions(withHistory(sampleInput(t), 3))
	for _, paper := range Papers {
		pdf, _ := render(t, in, Options{Paper: paper})
		checkLayout(t, pdf)
	}
}

func TestTablesRepeatTheirHeader(t *testing.T) {
	pdf, _ := render(t, bigInput(t), Options{})
	text := poppler(t, pdf, "pdftotext", "-layout")
	start := regexp.MustCompile(`(?m)^\s*The register\s*$`)
	end := regexp.MustCompile(`(?m)^\s*Recommendations\s*$`)
	header := regexp.MustCompile(`Impediment\s+Level\s+Team\s+Owner\s+Status\s+ROAM\s+Raised\s+Age\s+Esc\.`)
	inRegister := false
	seen := 0
	for i, page := range strings.Split(text, "\f") {
		if end.MatchString(page) {
			break
		}
		if start.MatchString(page) {
			inRegister = true
		}
		if !inRegister {
			continue
		}
		seen++
		if !header.MatchString(page) {
			t.Errorf("page %d of the register has no table header", i+1)
		}
	}
	if seen < 5 {
		t.Fatalf("the register of 300 impediments spans %d pages; expected it to span many", seen)
	}
}

func TestDocumentProperties(t *testing.T) {
	in := sampleInput(t)
	for _, tc := range []struct {
		opt             Options
		subject, papers string
	}{
		{Options{}, "Report for the LACE", "595.28 x 841.89 pts (A4)"},
		{Options{Summary: true, Paper: "letter"}, "Summary for leadership", "612 x 792 pts (letter)"},
	} {
		pdf, _ := render(t, in, tc.opt)
		info := poppler(t, pdf, "pdfinfo")
		for _, want := range []string{
			"Title:           Sample ART — Payments (sample): ART maturity assessment PI 2026.1",
			"Author:          Sample Coach",
			"Subject:         " + tc.subject,
			"Keywords:        ART maturity",
			"Creator:         Trainscope",
			"CreationDate:    Thu Mar 12 17:00:00 2026",
			"Page size:       " + tc.papers,
		} {
			if !strings.Contains(info, want) {
				t.Errorf("%+v: pdfinfo lacks %q:\n%s", tc.opt, want, info)
			}
		}
	}
}

func TestBadInput(t *testing.T) {
	in := sampleInput(t)
	if _, _, err := Render(Input{Definitions: in.Definitions}, Options{}); err == nil {
		t.Error("no error without an assessment")
	}
	if _, _, err := Render(Input{Assessment: in.Assessment}, Options{}); err == nil {
		t.Error("no error without definitions")
	}
	if _, _, err := Render(in, Options{Paper: "A3"}); err == nil || !strings.Contains(err.Error(), "a4 or letter") {
		t.Errorf("unknown paper: got %v", err)
	}
	// An assessment with nothing in it still makes a report.
	empty := Input{Assessment: &assessment.Assessment{}, Definitions: in.Definitions}
	for _, opt := range []Options{{}, {Summary: true}} {
		if _, _, err := Render(empty, opt); err != nil {
			t.Errorf("%+v: an empty assessment: %v", opt, err)
		}
	}
}
