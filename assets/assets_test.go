package assets

import (
	"bytes"
	"image/png"
	"io/fs"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestIconIsASquarePNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon()))
	if err != nil {
		t.Fatalf("icon: %v", err)
	}
	if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < 256 {
		t.Errorf("icon is %dx%d; desktop packaging wants a square of at least 256", b.Dx(), b.Dy())
	}
}

// The report promises Latin with diacritics, Greek and Cyrillic in every style.
func TestFontsCoverLatinGreekCyrillic(t *testing.T) {
	for name, ttf := range map[string][]byte{"regular": FontRegular, "bold": FontBold, "italic": FontItalic, "bold italic": FontBoldItalic} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf sfnt.Buffer
		for _, r := range "ÅćęłñøßžŐűΑλωЖщЯ€—" {
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				t.Errorf("%s font lacks %q", name, r)
			}
		}
	}
}

func TestChecklistsAreEmbedded(t *testing.T) {
	for _, name := range []string{"dimensions.yaml", "facilitator-fit.yaml", "facilitator-effectiveness.yaml", "role-coverage.yaml", "impediment-handling.yaml"} {
		if b, err := fs.ReadFile(Checklists(), name); err != nil || len(b) == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Each fallback font parses and has the scripts the report relies on it for.
func TestFallbackFontsCoverTheirScripts(t *testing.T) {
	for _, tc := range []struct {
		name string
		ttf  []byte
		want string
	}{
		{"DejaVu Sans", FontDejaVu, "דוד כהן مريم حداد ﻣﺮﻳﻢ ỹ ӂ"},
		{"DejaVu Sans Bold", FontDejaVuBold, "דוד כהן مريم حداد ﻣﺮﻳﻢ"},
		{"Droid Sans Fallback", FontDroidFallback, "张伟佐藤花子김민준"},
		{"Symbola", FontSymbola, "✅🚂😀"},
	} {
		f, err := sfnt.Parse(tc.ttf)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var buf sfnt.Buffer
		for _, r := range tc.want {
			if r == ' ' {
				continue
			}
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				t.Errorf("%s lacks %q (U+%04X)", tc.name, r, r)
			}
		}
	}
}
