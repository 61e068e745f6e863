package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"

	"github.com/trainscope/trainscope/assets"
)

// replacement stands in for a character no embedded font can draw. It is
// itself in the Go font, so a reader sees that something is there.
const replacement = '□'

// The faces a character can be drawn in, in the order they are tried: the
// Go fonts of the report, then the embedded fallbacks. A character is drawn
// in the first face that has it, so Latin, Greek and Cyrillic look exactly
// as before and only what the Go fonts lack changes font.
const (
	faceNone uint8 = iota // no embedded font has it: the replacement is drawn
	faceGo
	faceFallback // the first of fallbacks; faceFallback+i is fallbacks[i]
)

// fallback is a family registered besides the Go fonts. A family without a
// bold face draws bold text in its regular face; none has italics, so
// italic text falls back upright.
type fallback struct {
	family        string
	regular, bold []byte
}

var fallbacks = []fallback{
	{"DejaVu", assets.FontDejaVu, assets.FontDejaVuBold}, // Hebrew, Arabic, symbols
	{"DroidFallback", assets.FontDroidFallback, nil},     // Chinese, Japanese, Korean
	{"Symbola", assets.FontSymbola, nil},                 // emoji and other symbols
}

// fontTable says, for every character of the Basic Multilingual Plane, which
// face draws it, and how wide it is there (in thousandths of the font size,
// as the PDF writer counts) for the fallback faces, regular and bold.
type fontTable struct {
	face  [0x10000]uint8
	width [2][0x10000]uint16
}

// coverage builds the table once. A character only counts for the Go
// family when all four faces have it, and for a fallback family when its
// regular and bold faces both have it, so a style never loses a character.
// The PDF writer addresses glyphs by 16-bit code, so only the Basic
// Multilingual Plane can be drawn at all; the private use area is left out
// because its glyphs mean nothing outside the font that has them.
var coverage = sync.OnceValues(func() (*fontTable, error) {
	t := &fontTable{}
	var buf sfnt.Buffer
	type parsed struct {
		f    *sfnt.Font
		upem float64
	}
	parse := func(ttf []byte) (parsed, error) {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			return parsed{}, fmt.Errorf("read the report font: %w", err)
		}
		return parsed{f, float64(f.UnitsPerEm())}, nil
	}
	has := func(p parsed, r rune) sfnt.GlyphIndex {
		if g, err := p.f.GlyphIndex(&buf, r); err == nil {
			return g
		}
		return 0
	}
	var goFaces []parsed
	for _, ttf := range [][]byte{assets.FontRegular, assets.FontBold, assets.FontItalic, assets.FontBoldItalic} {
		p, err := parse(ttf)
		if err != nil {
			return nil, err
		}
		goFaces = append(goFaces, p)
	}
	var fb [][2]parsed
	for _, f := range fallbacks {
		reg, err := parse(f.regular)
		if err != nil {
			return nil, err
		}
		bold := reg
		if f.bold != nil {
			if bold, err = parse(f.bold); err != nil {
				return nil, err
			}
		}
		fb = append(fb, [2]parsed{reg, bold})
	}
	width := func(p parsed, g sfnt.GlyphIndex) uint16 {
		adv, err := p.f.GlyphAdvance(&buf, g, fixed.I(int(p.upem)), font.HintingNone)
		if err != nil {
			return 0
		}
		return uint16(math.Round(float64(adv) / 64 * 1000 / p.upem))
	}
next:
	for r := rune(0x20); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xF8FF { // surrogates and private use
			continue
		}
		all := true
		for _, p := range goFaces {
			if has(p, r) == 0 {
				all = false
				break
			}
		}
		if all {
			t.face[r] = faceGo
			continue
		}
		for i, pair := range fb {
			gr, gb := has(pair[0], r), has(pair[1], r)
			if gr != 0 && gb != 0 {
				t.face[r] = faceFallback + uint8(i)
				t.width[0][r] = width(pair[0], gr)
				t.width[1][r] = width(pair[1], gb)
				continue next
			}
		}
	}
	return t, nil
})

// glyphs turns any text into text the report font can draw, and remembers
// every character it had to replace so Render can warn about them once.
type glyphs struct {
	table   *fontTable
	missing map[rune]bool
	cache   map[string]string
}

func newGlyphs() (*glyphs, error) {
	table, err := coverage()
	if err != nil {
		return nil, err
	}
	return &glyphs{table: table, missing: map[rune]bool{}, cache: map[string]string{}}, nil
}

// covered reports whether an embedded face can draw r.
func (g *glyphs) covered(r rune) bool {
	return r >= 0 && r <= 0xFFFF && g.table.face[r] != faceNone
}

// plain reports whether every character of clean text is drawn in the Go
// fonts, so the PDF writer can measure and draw it as it always has.
func (g *glyphs) plain(s string) bool {
	for _, r := range s {
		if r != '\n' && (r > 0xFFFF || g.table.face[r] != faceGo) {
			return false
		}
	}
	return true
}

// clean composes decomposed accents (a name typed as "e" + combining acute
// becomes "é", which the font has), turns tabs and unusual spaces into plain
// spaces, drops invisible format characters, and puts the replacement in
// place of anything no embedded font has, or, above U+FFFF, its name
// (named.go). Arabic letters are put in their joining forms. Newlines are kept for the layout.
func (g *glyphs) clean(s string) string {
	if s == "" {
		return s
	}
	if c, ok := g.cache[s]; ok {
		return c
	}
	in := s
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	inGroup := false // text cleaned before: its groups pass as they are
	for _, r := range s {
		switch {
		case r == markOpen || inGroup:
			inGroup = r != markClose
			b.WriteRune(r)
		case r == '\n':
			b.WriteRune(r)
		case r == '\r':
			// a Windows line end: the newline beside it is enough
		case r == '\t' || (unicode.IsSpace(r) && !g.covered(r)):
			b.WriteRune(' ')
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r):
			// soft hyphens, zero-width joiners, direction and variation
			// marks: invisible by design, so leaving them out changes
			// nothing a reader sees
		case g.covered(r):
			b.WriteRune(r)
		case r > 0xFFFF && unicodeName(r) != "":
			writeNamed(&b, r, unicodeName(r))
		default:
			g.missing[r] = true
			b.WriteRune(replacement)
		}
	}
	out := shapeArabic(b.String())
	g.cache[in] = out
	return out
}

// warning is the one warning about replaced characters, or "" when none was
// replaced. It lists each character with its code point so the coach can
// find and fix it.
func (g *glyphs) warning() string {
	if len(g.missing) == 0 {
		return ""
	}
	runes := make([]rune, 0, len(g.missing))
	for r := range g.missing {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	const shown = 12
	var list []string
	for i, r := range runes {
		if i == shown {
			list = append(list, fmt.Sprintf("and %d more", len(runes)-shown))
			break
		}
		if unicode.IsPrint(r) {
			list = append(list, fmt.Sprintf("%c (U+%04X)", r, r))
		} else {
			list = append(list, fmt.Sprintf("U+%04X", r))
		}
	}
	noun := "characters"
	if len(runes) == 1 {
		noun = "character"
	}
	return fmt.Sprintf("the report fonts cannot draw %d %s, shown as %c in the PDF: %s",
		len(runes), noun, replacement, strings.Join(list, ", "))
}

// propText prepares text for the document properties (title, author,
// keywords). The viewer draws those with its own fonts, so nothing needs
// replacing; accents are composed and invalid bytes made visible.
func propText(s string) string {
	return norm.NFC.String(strings.ToValidUTF8(strings.TrimSpace(s), "\uFFFD"))
}
