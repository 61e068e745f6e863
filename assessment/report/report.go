// Package report turns an assessment's results into the PDF that leaves the
// coach's machine: the full report for the LACE, or a two-page summary for
// leadership.
//
// Render is a pure function. It reads no clock and no file: the creation date
// comes with the input, the fonts are embedded, and the PDF writer sorts its
// catalogs, so the same input gives the same bytes and the text extracted
// from a report can be kept as a golden file.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/assets"
)

// Input is everything a report shows: one assessment, what follows from it,
// and the train's earlier assessments for trends.
type Input struct {
	Train       assessment.Train
	Assessment  *assessment.Assessment
	Definitions *assessment.Definitions
	Results     assessment.Results
	History     []HistoryPoint // earlier assessments of the train, oldest first (trend, radar overlay)
	Created     time.Time      // stamped in the document; same input + Created = same bytes
}

// HistoryPoint is one earlier assessment of the same train with its results.
type HistoryPoint struct {
	Assessment *assessment.Assessment
	Results    assessment.Results
}

// Options choose the audience and the paper.
type Options struct {
	Summary bool   // the two-page leadership summary instead of the full LACE report
	Paper   string // "a4" or "letter"; empty means A4
}

// Papers are the paper sizes Render accepts, as the command line names them.
var Papers = []string{"a4", "letter"}

// Render draws the report and returns the PDF bytes and any warnings, such
// as characters the font cannot draw (they are replaced by a visible mark,
// never dropped). An error means no usable PDF was made.
func Render(in Input, opt Options) (pdf []byte, warnings []string, err error) {
	if in.Assessment == nil {
		return nil, nil, errors.New("report: no assessment given")
	}
	if in.Definitions == nil {
		return nil, nil, errors.New("report: no checklist definitions given")
	}
	size, g, err := prepare(opt)
	if err != nil {
		return nil, nil, err
	}
	// The PDF writer reports its own errors through Error(); anything that
	// still panics is a bug in this package, and the coach should get an
	// error to pass on rather than a crash that loses their session.
	defer func() {
		if r := recover(); r != nil {
			pdf, warnings, err = nil, nil, fmt.Errorf("report: drawing failed: %v", r)
		}
	}()

	d := newDoc(in, opt, size, g)
	if opt.Summary {
		d.summary()
	} else {
		d.full()
	}
	return d.close()
}

// describe sets the document's properties (title, author, subject,
// keywords), in the file's Info and, through d.info, its XMP.
func (d *doc) describe(title, author, subject string, keywords []string) {
	d.info.title, d.info.author, d.info.subject = propText(title), propText(author), subject
	d.info.keywords = propText(strings.Join(keywords, ", "))
	d.pdf.SetTitle(d.info.title, true)
	d.pdf.SetAuthor(d.info.author, true)
	d.pdf.SetSubject(d.info.subject, true)
	d.pdf.SetKeywords(d.info.keywords, true)
}

// close ends a drawn document: the structure tree, the XMP, the tagged
// PDF's bytes, and the warning about characters the font could not draw.
func (d *doc) close() (pdf []byte, warnings []string, err error) {
	d.t.closeLoose(d)
	if len(d.t.stack) != 1 {
		return nil, nil, fmt.Errorf("report: %d structure elements left open", len(d.t.stack)-1)
	}
	d.pdf.SetXmpMetadata(d.xmp())
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, nil, fmt.Errorf("report: write PDF: %w", err)
	}
	tagged, err := d.finish(buf.Bytes())
	if err != nil {
		return nil, nil, err
	}
	if w := d.g.warning(); w != "" {
		warnings = append(warnings, w)
	}
	return tagged, warnings, nil
}

// paperSize maps the paper option to the writer's size name.
func paperSize(paper string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(paper)) {
	case "", "a4":
		return "A4", nil
	case "letter":
		return "Letter", nil
	}
	return "", fmt.Errorf("report: unknown paper %q; use %s", paper, strings.Join(Papers, " or "))
}

// The page-number aliases are wrapped in a private-use character, which
// the font lacks, so no text of the coach's can ever contain one: cleaned
// text has the replacement mark in its place.
const (
	aliasMark = "\uE000"
	aliasNb   = aliasMark + "nb" + aliasMark
)

// The font family name the report registers the embedded Go fonts under.
const family = "Go"

// Page geometry in millimetres.
const (
	marginSide   = 18.0
	marginTop    = 20.0 // below the running header
	marginBottom = 18.0 // above the running footer
)

// rgb is a colour; the palette keeps to a few so the report reads calmly in
// print and in greyscale.
type rgb struct{ r, g, b int }

var (
	colInk       = rgb{33, 37, 41}
	colMuted     = rgb{108, 117, 125}
	colRule      = rgb{206, 212, 218}
	colNavy      = rgb{24, 54, 95}
	colTeal      = rgb{0, 121, 140}
	colTealLight = rgb{204, 232, 236}
	colPrev      = rgb{150, 150, 150}
	colStripe    = rgb{246, 247, 249}
	colGap       = rgb{253, 226, 221} // a cell that shows a gap
	colGapInk    = rgb{160, 40, 30}
	colAmber     = rgb{214, 137, 16}
	colGreen     = rgb{46, 125, 50}
	colWhite     = rgb{255, 255, 255}
	colPanel     = rgb{238, 243, 248}
)

// seriesColours draw the checklist lines of the trend chart.
var seriesColours = []rgb{colTeal, colAmber, rgb{111, 66, 193}, rgb{200, 70, 90}, colGreen}

// doc is one report being drawn: the PDF writer, the input, and the small
// amount of state the running header and footer need.
type doc struct {
	pdf      *fpdf.Fpdf
	in       Input
	a        *assessment.Assessment
	opt      Options
	g        *glyphs
	roleName string // RTE, SoSM or scaled facilitator
	kind     string // what the running header calls this document
	noHeader map[int]bool
	created  time.Time // the date stamped in the document
	people   map[string]assessment.Person
	teams    map[string]assessment.Team
	items    map[string]assessment.ItemScore
	ws       *workshopView // nil unless the assessment was made in a workshop
	t        *tagger       // the structure tree, recorded while drawing
	partPage map[int]int   // the first page of each part of the full report
	info     docInfo       // the document's properties, also written as XMP

	fallbacksAdded bool // the fallback fonts are registered (registerFallbacks)

	footNote string // the running footer's line, when not the report's confidentiality line
	audience string // who the footer says the document is for; empty: the LACE and the train's leadership
}

func newDoc(in Input, opt Options, size string, g *glyphs) *doc {
	p := fpdf.New("P", "mm", size, "")
	d := &doc{
		pdf:      p,
		in:       in,
		a:        in.Assessment,
		opt:      opt,
		g:        g,
		roleName: in.Train.Framework.Facilitator(),
		kind:     in.Train.Framework.AssessmentKind() + ": report for the LACE",
		noHeader: map[int]bool{},
		people:   map[string]assessment.Person{},
		teams:    map[string]assessment.Team{},
		items:    map[string]assessment.ItemScore{},
		t:        newTagger(),
		partPage: map[int]int{},
	}
	for _, is := range in.Results.Items {
		d.items[is.ItemID] = is
	}
	d.ws = newWorkshopView(in.Definitions, d.a)
	if opt.Summary {
		d.kind = in.Train.Framework.AssessmentKind() + ": summary for leadership"
	}
	for _, per := range d.a.Roster.People {
		d.people[per.ID] = per
	}
	for _, t := range d.a.Roster.Teams {
		d.teams[t.ID] = t
	}

	// Determinism: a fixed date instead of the clock, catalogs in sorted
	// order. Without a creation date the assessment's own date stands in,
	// because the writer would otherwise read the clock.
	created := in.Created
	if created.IsZero() {
		created = d.a.Date
	}
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	d.created = created
	p.SetCreationDate(created)
	p.SetModificationDate(created)
	p.SetCatalogSort(true)
	p.SetCompression(true)

	p.AddUTF8FontFromBytes(family, "", assets.FontRegular)
	p.AddUTF8FontFromBytes(family, "B", assets.FontBold)
	p.AddUTF8FontFromBytes(family, "I", assets.FontItalic)
	p.AddUTF8FontFromBytes(family, "BI", assets.FontBoldItalic)

	title := fmt.Sprintf("%s: %s %s", d.trainName(), in.Train.Framework.AssessmentKind(), d.a.PI)
	subject := "Report for the LACE: findings, roster, impediment register and recommendations"
	if d.ws != nil {
		subject = "Report for the LACE: findings, the workshop's votes, roster, impediment register and recommendations"
	}
	if opt.Summary {
		subject = "Summary for leadership: maturity level, facilitator verdict and the recommendations that matter most"
	}
	keywords := []string{in.Train.Framework.AssessmentKind(), "assessment", "LACE", in.Train.Framework.Word("train")}
	if fw := string(in.Train.Framework); fw != "" {
		keywords = append(keywords, fw)
	}
	if d.a.PI != "" {
		keywords = append(keywords, d.a.PI)
	}
	if d.ws != nil {
		// Participants are never named here: the properties travel with
		// the file, and an anonymous workshop must not leak a name.
		keywords = append(keywords, "workshop")
	}
	keywords = append(keywords, d.trainName())
	d.info = docInfo{creator: "Trainscope", producer: "Trainscope with go-pdf/fpdf", lang: "en"}
	d.describe(title, d.a.Assessor, subject, keywords)
	p.SetCreator(d.info.creator, true)
	p.SetProducer(d.info.producer, true)
	p.SetLang(d.info.lang)

	p.SetMargins(marginSide, marginTop, marginSide)
	p.SetAutoPageBreak(true, marginBottom)
	p.SetCellMargin(1.2)
	p.AliasNbPages(aliasNb)
	p.SetHeaderFuncMode(d.header, true)
	p.SetFooterFunc(d.footer)
	p.SetLineCapStyle("round")
	p.SetLineJoinStyle("round")
	return d
}

func (d *doc) trainName() string {
	if n := strings.TrimSpace(d.in.Train.Name); n != "" {
		return n
	}
	return "Unnamed train"
}

// header is the running header: the train and PI on the left, what the
// document is on the right, a rule below.
func (d *doc) header() {
	p := d.pdf
	d.notePage()
	if d.noHeader[p.PageNo()] {
		return
	}
	d.t.artifacts++
	defer func() { d.t.artifacts--; d.closeMC() }()
	w, _ := p.GetPageSize()
	d.font("", 7.5)
	d.color(colMuted)
	right := d.kind
	rw := d.width(d.g.clean(right)) + 3
	left := d.trainName()
	if d.a.PI != "" {
		left += " · " + d.a.PI
	}
	d.textAt(marginSide, 10, w-2*marginSide-rw, 4, left, "L")
	d.textAt(w-marginSide-rw, 10, rw, 4, right, "R")
	d.stroke(colRule, 0.2)
	d.artifact()
	p.Line(marginSide, 14.5, w-marginSide, 14.5)
	d.color(colInk)
}

// footer is the running footer: the confidentiality line and "page N of M".
func (d *doc) footer() {
	p := d.pdf
	d.closeMC() // the page ends here
	if d.noHeader[p.PageNo()] {
		return
	}
	d.t.artifacts++
	defer func() { d.t.artifacts--; d.closeMC() }()
	w, h := p.GetPageSize()
	d.font("", 7.5)
	d.color(colMuted)
	d.stroke(colRule, 0.2)
	d.artifact()
	p.Line(marginSide, h-13, w-marginSide, h-13)
	// The total is not known yet: the text is left-aligned where it ends
	// at the margin once the alias becomes a two-digit number.
	pw := p.GetStringWidth(fmt.Sprintf("page %d of 99", p.PageNo())) + 2*p.GetCellMargin()
	d.textAt(marginSide, h-12, w-2*marginSide-pw-2, 4, d.confidential(), "L")
	p.SetXY(w-marginSide-pw, h-12)
	d.content()
	p.CellFormat(pw, 4, fmt.Sprintf("page %d of %s", p.PageNo(), aliasNb), "", 0, "L", false, 0, "")
	d.color(colInk)
}

// confidential is the line that tells every reader who the report is for.
func (d *doc) confidential() string {
	if d.footNote != "" {
		return d.footNote
	}
	if d.audience != "" {
		return "Confidential: for " + d.audience
	}
	return fmt.Sprintf("Confidential: for the LACE and the leadership of %s", d.trainName())
}

// font selects a face of the Go family at a size in points.
func (d *doc) font(style string, size float64) {
	d.pdf.SetFont(family, style, size)
}

func (d *doc) color(c rgb) { d.pdf.SetTextColor(c.r, c.g, c.b) }
func (d *doc) fill(c rgb)  { d.pdf.SetFillColor(c.r, c.g, c.b) }
func (d *doc) stroke(c rgb, w float64) {
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.SetLineWidth(w)
}

// lineHeight is the distance between baselines for the current font size.
func (d *doc) lineHeight() float64 {
	pt, _ := d.pdf.GetFontSize()
	return pt * 0.3528 * 1.32
}

// textAt draws one line of text in a box, shortened with an ellipsis if it
// would not fit, so it can never leave the box.
func (d *doc) textAt(x, y, w, h float64, s, align string) {
	s = d.fit(d.g.clean(s), w)
	d.pdf.SetXY(x, y)
	d.cell(w, h, s, 0, align)
}

// fit shortens an already clean single line to the width w (inside the cell
// margins), ending it with an ellipsis when it had to cut.
func (d *doc) fit(s string, w float64) string {
	s = strings.ReplaceAll(s, "\n", " ")
	avail := w - 2*d.pdf.GetCellMargin()
	if d.width(strings.TrimRight(s, " ")) <= avail {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && d.width(string(r)+"…") > avail {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}

// split wraps clean text to the width w at the current font, each character
// measured in the face that draws it. An empty text
// is one empty line, so every cell has a height.
func (d *doc) split(s string, w float64) []string {
	if s == "" {
		return []string{""}
	}
	var lines []string
	if d.g.plain(s) {
		lines = d.pdf.SplitText(s, w)
	} else {
		lines = d.wrap(s, w)
	}
	if len(lines) == 0 {
		return []string{""}
	}
	return keepBreaks(s, lines)
}

// keepBreaks gives every line that ended at a space or a line break a
// trailing space. It is invisible on the page, but the text layer needs it:
// without it a reader gets the last word of one line run into the first
// of the next.
func keepBreaks(s string, lines []string) []string {
	pos := 0
	for i, line := range lines[:len(lines)-1] {
		k := strings.Index(s[pos:], line)
		if k < 0 {
			break
		}
		pos += k + len(line)
		if pos < len(s) && (s[pos] == ' ' || s[pos] == '\n') && !strings.HasSuffix(line, " ") {
			lines[i] = line + " "
		}
	}
	return lines
}

// page geometry of the current page.
func (d *doc) pageWidth() float64 {
	w, _ := d.pdf.GetPageSize()
	return w
}

func (d *doc) contentWidth() float64 { return d.pageWidth() - 2*marginSide }

// bottom is the lowest y that content may reach on the current page.
func (d *doc) bottom() float64 {
	_, h := d.pdf.GetPageSize()
	return h - marginBottom
}

// room is the height left on the current page.
func (d *doc) room() float64 { return d.bottom() - d.pdf.GetY() }

// need starts a new page unless h millimetres are left on this one.
func (d *doc) need(h float64) {
	if d.room() < h {
		d.newPage()
	}
}

// newPage continues on a new page of the current orientation.
func (d *doc) newPage() {
	w, h := d.pdf.GetPageSize()
	if w > h {
		d.pdf.AddPageFormat("L", d.portraitSize())
	} else {
		d.pdf.AddPage()
	}
}

// landscape starts a landscape page, for the widest table.
func (d *doc) landscape() { d.pdf.AddPageFormat("L", d.portraitSize()) }

// portrait starts a portrait page.
func (d *doc) portrait() { d.pdf.AddPage() }

func (d *doc) portraitSize() fpdf.SizeType {
	w, h, _ := d.pdf.PageSize(0)
	return fpdf.SizeType{Wd: w, Ht: h}
}

// prepare is what every document starts from: the paper's size and the
// glyphs of the fonts.
func prepare(opt Options) (size string, g *glyphs, err error) {
	if size, err = paperSize(opt.Paper); err != nil {
		return "", nil, err
	}
	if g, err = newGlyphs(); err != nil {
		return "", nil, err
	}
	return size, g, nil
}
