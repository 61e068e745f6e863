package report

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/trainscope/trainscope/assessment"
)

// Names and notes in the scripts the embedded fallback fonts cover.
const (
	nameZh   = "张伟"
	nameJa   = "佐藤花子"
	nameKo   = "김민준"
	nameHe   = "דוד כהן"
	nameAr   = "مريم حداد"
	symbols  = "✅"
	trainCJK = "列车 张伟 Express ✅"
)

// scriptsInput is the sample with a 12-team roster whose train, people,
// teams and notes are named in Chinese, Japanese, Korean, Hebrew, Arabic
// and a symbol from the emoji font.
func scriptsInput(t testing.TB) Input {
	in := sampleInput(t)
	in.Train.Name = trainCJK
	a := *in.Assessment
	a.Assessor = nameJa
	a.Roster = bigRoster(12)
	a.Roster.People[0].Name = nameZh // the facilitator
	a.Roster.People[1].Name = nameKo
	a.Roster.People[2].Name = nameHe
	a.Roster.People[3].Name = nameAr
	a.Roster.Teams[0].Name = "Team " + nameHe
	a.Roster.Teams[1].Name = "Team " + nameAr
	a.Roster.Teams[2].Name = "Team " + nameKo
	a.Roster.Teams[3].Name = "Team " + nameZh + " " + symbols
	a.Notes = map[string]string{assessment.ChecklistRoles: "Notes: " + nameHe + " and " + nameAr + " met " + nameZh + ", " + nameJa + " and " + nameKo + " " + symbols + "; שלום עולם 2024 and مرحبا بالعالم."}
	in.Assessment = &a
	return withDecisions(evaluate(in))
}

// folded is what a reader searching the PDF finds. pdftotext (poppler)
// puts right-to-left text back in logical order and wraps each such run in
// embedding marks (U+202B … U+202C), which are dropped here; it writes
// Arabic in the presentation forms the PDF draws, which NFKC folds back into
// the letters typed.
func folded(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 {
			return -1
		}
		return r
	}, s)
	return oneLine(norm.NFKC.String(s))
}

func TestNamesInCJKHebrewArabicAndSymbols(t *testing.T) {
	in := scriptsInput(t)
	for _, opt := range []Options{{}, {Summary: true}, {Paper: "letter"}} {
		pdf, warnings := render(t, in, opt)
		if len(warnings) > 0 {
			t.Errorf("%+v: warnings for characters the fallback fonts have: %q", opt, warnings)
		}
		raw := poppler(t, pdf, "pdftotext", "-layout")
		text := folded(raw)
		want := []string{trainCJK, nameJa}
		if !opt.Summary {
			want = append(want, nameZh, nameKo, nameHe, nameAr, symbols, "Team "+nameHe, "Team "+nameAr, "Team "+nameKo,
				"שלום עולם", "2024", "مرحبا بالعالم")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%+v: %q is not in the extracted text", opt, w)
			}
		}
		if !opt.Summary {
			checkLayout(t, pdf)
		}
	}
}

// The visual order drawn is what makes Hebrew and Arabic readable: the
// letters of a right-to-left word are drawn from right to left, numbers and
// Latin inside stay left to right.
func TestVisualOrder(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abc", "abc"},
		{"דוד כהן", "ןהכ דוד"},
		{"Team דוד כהן", "Team ןהכ דוד"},
		{"Team דוד כהן (RTE)", "Team ןהכ דוד (RTE)"},
		{"שלום 2024 עולם", "םלוע 2024 םולש"},
		{"שלום abc", "abc םולש"},
		{"שלום (abc)", "(abc) םולש"},
		{"note שלום עולם 2024 and more", "note 2024 םלוע םולש and more"},
		// Brackets around Latin in a right-to-left line take its direction.
		{"שלום עולם (RTE) 2024", "2024 (RTE) םלוע םולש"},
		{"שלום (RTE) abc", "abc (RTE) םולש"},
	} {
		if got := visual(tc.in); got != tc.want {
			t.Errorf("visual(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestArabicIsJoined(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// meem initial, reh final, yeh initial, meem final
		{"مريم", "\uFEE3\uFEAE\uFEF3\uFEE2"},
		// hah initial, dal final, then alef and dal on their own: the
		// shaper keeps the letter itself for the isolated form
		{"حداد", "\uFEA3\uFEAA\u0627\u062F"},
		// lam-alef ligature
		{"لا", "\uFEFB"},
	} {
		got := shapeArabic(tc.in)
		if got != tc.want {
			t.Errorf("shapeArabic(%q) = %q (%U), want %q", tc.in, got, []rune(got), tc.want)
		}
		if norm.NFKC.String(got) != tc.in {
			t.Errorf("shapeArabic(%q) does not fold back: %q", tc.in, norm.NFKC.String(got))
		}
	}
	if got := shapeArabic("abc"); got != "abc" {
		t.Errorf("text without Arabic changed: %q", got)
	}
}

// A character no embedded font has still shows as the replacement, with one
// warning, while the scripts around it are drawn.
func TestCharacterNoFontHasIsStillReplaced(t *testing.T) {
	in := sampleInput(t)
	in.Train.Name = nameZh + " Express \U0010FFFD"
	a := *in.Assessment
	a.Assessor = nameHe + " \u0378" // U+0378 is unassigned
	in.Assessment = &a
	pdf, warnings := render(t, in, Options{})
	if len(warnings) != 1 {
		t.Fatalf("got %d warnings, want one: %q", len(warnings), warnings)
	}
	for _, code := range []string{"U+10FFFD", "U+0378", "□"} {
		if !strings.Contains(warnings[0], code) {
			t.Errorf("the warning does not name %s: %s", code, warnings[0])
		}
	}
	if strings.Contains(warnings[0], "U+5F20") {
		t.Errorf("the warning names a character the fallback font has: %s", warnings[0])
	}
	text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
	if !strings.Contains(text, nameZh+" Express □") {
		t.Errorf("the train name is not drawn with its replacement mark")
	}
}

func TestScriptsDeterministic(t *testing.T) {
	in := scriptsInput(t)
	a, _ := render(t, in, Options{})
	b, _ := render(t, in, Options{})
	if string(a) != string(b) {
		t.Error("the same input gave different bytes")
	}
}

// The PDF writer embeds a subset of each font: a report with names in every
// script grows by kilobytes, not by the megabytes of the fonts.
func TestFallbackFontsAreSubset(t *testing.T) {
	plain, _ := render(t, sampleInput(t), Options{})
	scripts, _ := render(t, scriptsInput(t), Options{})
	grow := len(scripts) - len(plain)
	t.Logf("sample %d bytes, with every script %d bytes (+%d)", len(plain), len(scripts), grow)
	if grow > 300_000 {
		t.Errorf("the report grew by %d bytes: are the fallback fonts embedded whole?", grow)
	}
	if os.Getenv("SCRIPTS_PDF") != "" {
		if err := os.WriteFile(os.Getenv("SCRIPTS_PDF"), scripts, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
