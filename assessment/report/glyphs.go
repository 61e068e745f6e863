package report

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"github.com/trainscope/trainscope/assets"
)

// replacement stands in for a character the report font cannot draw. It is
// itself in the font, so a reader sees that something is there.
const replacement = '□'

// coverage is the set of runes every face of the report font can draw. The
// faces are built from the same glyph set, but a rune only counts when all
// four have it, so bold or italic text never loses a character either.
var coverage = sync.OnceValues(func() (map[rune]bool, error) {
	var set map[rune]bool
	for _, ttf := range [][]byte{assets.FontRegular, assets.FontBold, assets.FontItalic, assets.FontBoldItalic} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("read the report font: %w", err)
		}
		var buf sfnt.Buffer
		face := map[rune]bool{}
		// The PDF writer addresses glyphs by 16-bit code, so only the Basic
		// Multilingual Plane can be drawn at all.
		for r := rune(0x20); r <= 0xFFFF; r++ {
			if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
				face[r] = true
			}
		}
		if set == nil {
			set = face
			continue
		}
		for r := range set {
			if !face[r] {
				delete(set, r)
			}
		}
	}
	return set, nil
})

// glyphs turns any text into text the report font can draw, and remembers
// every character it had to replace so Render can warn about them once.
type glyphs struct {
	covered map[rune]bool
	missing map[rune]bool
	cache   map[string]string
}

func newGlyphs() (*glyphs, error) {
	covered, err := coverage()
	if err != nil {
		return nil, err
	}
	return &glyphs{covered: covered, missing: map[rune]bool{}, cache: map[string]string{}}, nil
}

// clean composes decomposed accents (a name typed as "e" + combining acute
// becomes "é", which the font has), turns tabs and unusual spaces into plain
// spaces, drops invisible format characters, and puts the replacement in
// place of anything else the font lacks. Newlines are kept for the layout.
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
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\r':
			// a Windows line end: the newline beside it is enough
		case r == '\t' || (unicode.IsSpace(r) && !g.covered[r]):
			b.WriteRune(' ')
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r):
			// soft hyphens, zero-width joiners, direction and variation
			// marks: invisible by design, so leaving them out changes
			// nothing a reader sees
		case g.covered[r]:
			b.WriteRune(r)
		default:
			g.missing[r] = true
			b.WriteRune(replacement)
		}
	}
	out := b.String()
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
	return fmt.Sprintf("the report font cannot draw %d %s, shown as %c in the PDF: %s",
		len(runes), noun, replacement, strings.Join(list, ", "))
}

// propText prepares text for the document properties (title, author,
// keywords). The viewer draws those with its own fonts, so nothing needs
// replacing; accents are composed and invalid bytes made visible.
func propText(s string) string {
	return norm.NFC.String(strings.ToValidUTF8(strings.TrimSpace(s), "\uFFFD"))
}
