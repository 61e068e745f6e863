// Package assets holds the files Trainscope embeds: the checklist
// definitions, the application icon and the font family shared by the GUI
// theme and the PDF report, and the framework definitions.
package assets

import (
	"embed"
	"io/fs"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

//go:embed checklists/*.yaml
var checklists embed.FS

// Checklists is the folder of checklist definitions, one YAML file per
// checklist plus dimensions.yaml; assessment.LoadDefinitions reads it.
func Checklists() fs.FS {
	sub, err := fs.Sub(checklists, "checklists")
	if err != nil {
		panic(err) // the folder is embedded at build time; it cannot be missing
	}
	return sub
}

//go:embed frameworks/*.yaml
var frameworks embed.FS

// Frameworks is the folder of framework definitions, one YAML file per
// framework (SAFe, Scrum@Scale, Other): its words, roles, sizes and which
// roster rules apply. A new framework is a new file here.
func Frameworks() fs.FS {
	sub, err := fs.Sub(frameworks, "frameworks")
	if err != nil {
		panic(err) // embedded at build time; it cannot be missing
	}
	return sub
}

//go:embed bundle.schema.json
var bundleSchema []byte

// BundleSchema is the JSON Schema of bundles (docs/bundle-format.md),
// for those who write bundles with other tools; response files have
// response.schema.json beside it. The importer checks the same rules in
// Go, and the data package's tests hold the two to one verdict.
func BundleSchema() []byte { return bundleSchema }

//go:embed icon.png
var icon []byte

// Icon is the application icon as PNG bytes.
func Icon() []byte { return icon }

// The font family, TrueType bytes. The Go fonts cover the WGL4 set: Latin
// with the diacritics of European languages, Greek and Russian-style
// Cyrillic. They lack CJK, Arabic, Hebrew, emoji, Vietnamese and extended
// Cyrillic; the GUI falls back to system fonts for those, and the report
// falls back to the embedded fonts below (FallbackFonts), drawing a visible
// replacement and warning only for a character none of them has.
var (
	FontRegular    = goregular.TTF
	FontBold       = gobold.TTF
	FontItalic     = goitalic.TTF
	FontBoldItalic = gobolditalic.TTF
)

// Fallback fonts for the PDF report, TrueType bytes, unmodified from Debian
// packages (assets/fonts/README.md names them, with their licences beside
// them). The report draws a character in the first font of the chain Go,
// DejaVu Sans, Droid Sans Fallback, Symbola that has it. They add about
// 8.1 MB to the binary; a PDF embeds only the glyphs it uses.
var (
	// FontDejaVu and FontDejaVuBold: Hebrew, Arabic with its presentation
	// forms, extended Latin and Cyrillic, Armenian, Georgian and many
	// symbols (Bitstream Vera licence).
	FontDejaVu     = dejaVu
	FontDejaVuBold = dejaVuBold
	// FontDroidFallback: Chinese, Japanese and Korean (Apache 2.0). It has
	// no bold face.
	FontDroidFallback = droidFallback
	// FontSymbola: monochrome emoji and other symbols (free for any use).
	// It has no bold face.
	FontSymbola = symbola
)

var (
	//go:embed fonts/DejaVuSans.ttf
	dejaVu []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	dejaVuBold []byte
	//go:embed fonts/DroidSansFallback.ttf
	droidFallback []byte
	//go:embed fonts/Symbola_hint.ttf
	symbola []byte
)
