// Package assets holds the files Trainscope embeds: the checklist
// definitions, the application icon and the font family shared by the GUI
// theme and the PDF report.
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

//go:embed icon.png
var icon []byte

// Icon is the application icon as PNG bytes.
func Icon() []byte { return icon }

// The font family, TrueType bytes. The Go fonts cover the WGL4 set: Latin
// with the diacritics of European languages, Greek and Russian-style
// Cyrillic. They lack CJK, Arabic, Hebrew, emoji, Vietnamese and extended
// Cyrillic; the GUI falls back to system fonts for those, and the report
// draws a visible replacement and warns.
var (
	FontRegular    = goregular.TTF
	FontBold       = gobold.TTF
	FontItalic     = goitalic.TTF
	FontBoldItalic = gobolditalic.TTF
)
