package report

import (
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/trainscope/trainscope/assessment"
)

// The accessibility checks read the PDF with tools nobody on the project
// wrote: poppler (pdfinfo, pdftotext, pdffonts) and qpdf. The structure
// goldens hold poppler's print of the structure tree of the sample report
// and summary; after a deliberate change, rewrite them with the text
// goldens and review the diff:
//
//	go test -tags migrated_fynedo ./assessment/report -run 'TestGolden|TestStructureGolden' -update

// taggedDocs are the documents the checks run on: both reports of the
// sample train with a history (so the radar has an overlay and the trend a
// line), the full report of a workshop (its vote charts sit in table
// cells), one with names in many scripts (right-to-left runs, fallback
// fonts), and a big train with long texts, whose table rows run across
// pages.
func taggedDocs(t *testing.T) map[string][]byte {
	in := withHistory(sampleInput(t), 3)
	full, _ := render(t, in, Options{})
	summary, _ := render(t, in, Options{Summary: true})
	workshop, _ := render(t, withWorkshop(t, in, false, hiddenVotes), Options{Paper: "letter"})
	scripts, _ := render(t, scriptsInput(t), Options{})
	long, _ := render(t, longTexts(withDecisions(bigInput(t))), Options{})
	blank, _, err := RenderBlankChecklist(BlankInput{Definitions: in.Definitions, Framework: in.Train.Framework, Created: sampleDate}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{"full": full, "summary": summary, "workshop": workshop, "scripts": scripts, "long": long, "blank checklist": blank}
}

func TestTaggedInfo(t *testing.T) {
	for name, pdf := range taggedDocs(t) {
		t.Run(name, func(t *testing.T) {
			info := poppler(t, pdf, "pdfinfo")
			for _, want := range []string{"Tagged:          yes", "PDF version:     1.7", "Suspects:        no"} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			// Every font embedded, every glyph mapped to Unicode.
			fonts := strings.Split(strings.TrimSpace(poppler(t, pdf, "pdffonts")), "\n")
			if len(fonts) < 3 {
				t.Fatalf("pdffonts lists no font:\n%s", strings.Join(fonts, "\n"))
			}
			for _, line := range fonts[2:] {
				f := strings.Fields(line)
				// name type... encoding emb sub uni object ID
				if n := len(f); n < 7 || f[n-5] != "yes" || f[n-3] != "yes" {
					t.Errorf("a font is not embedded with a Unicode map: %s", line)
				}
			}
		})
	}
}

func TestStructureGolden(t *testing.T) {
	in := sampleInput(t)
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"sample-full", Options{}},
		{"sample-summary", Options{Summary: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pdf, _ := render(t, in, tc.opt)
			got := poppler(t, pdf, "pdfinfo", "-struct-text")
			goldenCompare(t, filepath.Join("testdata", tc.name+".struct.golden"), got)
		})
	}
}

// qpdfJSON is the part of qpdf's JSON (version 2) the checks read.
type qpdfJSON struct {
	Pages []struct {
		Object   string   `json:"object"`
		Contents []string `json:"contents"`
		Outlines []struct {
			Title string `json:"title"`
		} `json:"outlines"`
	} `json:"pages"`
	QPDF []json.RawMessage `json:"qpdf"`
}

type qpdfObject struct {
	Value  any `json:"value"`
	Stream *struct {
		Dict map[string]any `json:"dict"`
		Data string         `json:"data"`
	} `json:"stream"`
}

type qpdfFile struct {
	pages      []string          // page objects, "3 0 R"
	bookmarked map[string]string // the page each bookmark leads to, by title
	content    map[string]string
	objects    map[string]qpdfObject
}

func readQPDF(t *testing.T, pdf []byte) *qpdfFile {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skipf("qpdf not installed (apt-get install qpdf): %v", err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var j qpdfJSON
	if err := json.Unmarshal(out, &j); err != nil || len(j.QPDF) < 2 {
		t.Fatalf("qpdf's JSON: %v", err)
	}
	f := &qpdfFile{content: map[string]string{}, bookmarked: map[string]string{}}
	if err := json.Unmarshal(j.QPDF[1], &f.objects); err != nil {
		t.Fatalf("qpdf's objects: %v", err)
	}
	for _, p := range j.Pages {
		f.pages = append(f.pages, p.Object)
		for _, o := range p.Outlines {
			f.bookmarked[o.Title] = p.Object
		}
		var b strings.Builder
		for _, c := range p.Contents {
			data, err := base64.StdEncoding.DecodeString(f.objects["obj:"+c].Stream.Data)
			if err != nil {
				t.Fatalf("content of %s: %v", p.Object, err)
			}
			b.Write(data)
		}
		f.content[p.Object] = b.String()
	}
	return f
}

// dict is the dictionary an object or a reference to it is.
func (f *qpdfFile) dict(v any) map[string]any {
	if ref, ok := v.(string); ok && strings.HasSuffix(ref, " R") {
		o := f.objects["obj:"+ref]
		if o.Stream != nil {
			return o.Stream.Dict
		}
		v = o.Value
	}
	d, _ := v.(map[string]any)
	return d
}

func (f *qpdfFile) array(v any) []any {
	if ref, ok := v.(string); ok && strings.HasSuffix(ref, " R") {
		v = f.objects["obj:"+ref].Value
	}
	switch a := v.(type) {
	case []any:
		return a
	case nil:
		return nil
	}
	return []any{v}
}

// contentToken is a token of a page's content stream: strings, names,
// numbers, dictionaries' brackets and operators. The checks only need to
// see operators and the marked-content tags in front of them.
var contentToken = regexp.MustCompile(`<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|/[^\s/<>\[\]()]+|[-+]?[0-9.]+|[A-Za-z'"*]+[0-9]?|\[|\]`)

// painting are the operators that put marks on the page.
var painting = map[string]bool{"Tj": true, "TJ": true, "'": true, "\"": true, "f": true, "F": true, "f*": true,
	"S": true, "s": true, "B": true, "B*": true, "b": true, "b*": true, "Do": true, "sh": true}

// TestMarkedContent checks the tree against the pages with qpdf: every mark
// on a page is inside marked content; each MCID belongs to exactly one
// element, the parent tree says the same, and a page's MCIDs come in the
// tree in the order they are painted; every Figure has an alternative
// text, every header cell a scope, headings skip no level; links are in
// the tree; and the catalog has what PDF/UA asks of it.
func TestMarkedContent(t *testing.T) {
	for name, pdf := range taggedDocs(t) {
		t.Run(name, func(t *testing.T) {
			f := readQPDF(t, pdf)
			trailer := f.dict(f.objects["trailer"].Value)
			cat := f.dict(trailer["/Root"])
			if mi := f.dict(cat["/MarkInfo"]); mi["/Marked"] != true {
				t.Errorf("/MarkInfo is %v", cat["/MarkInfo"])
			}
			if cat["/Lang"] != "u:en" {
				t.Errorf("/Lang is %v", cat["/Lang"])
			}
			if vp := f.dict(cat["/ViewerPreferences"]); vp["/DisplayDocTitle"] != true {
				t.Errorf("/ViewerPreferences is %v", cat["/ViewerPreferences"])
			}
			meta := f.objects["obj:"+cat["/Metadata"].(string)]
			xmp, _ := base64.StdEncoding.DecodeString(meta.Stream.Data)
			title := regexp.MustCompile(`(?m)^Title:\s+(.*)$`).FindStringSubmatch(poppler(t, pdf, "pdfinfo"))
			if title == nil {
				t.Fatal("pdfinfo shows no title")
			}
			var esc strings.Builder
			_ = xml.EscapeText(&esc, []byte(title[1]))
			for _, want := range []string{"<pdfuaid:part>1</pdfuaid:part>", "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc.String() + "</rdf:li>"} {
				if !strings.Contains(string(xmp), want) {
					t.Errorf("the XMP metadata lacks %q", want)
				}
			}

			// The tree: which element holds each (page, MCID), in tree order.
			type mc struct {
				page string
				mcid int
			}
			owner := map[mc]string{}
			treeOrder := map[string][]int{}
			objr := map[string]string{} // annotation: its Link element
			var headings []int
			figures := 0
			var walk func(ref string)
			walk = func(ref string) {
				e := f.dict(ref)
				role, _ := e["/S"].(string)
				switch {
				case role == "/Figure":
					figures++
					if alt, _ := e["/Alt"].(string); len(strings.TrimPrefix(alt, "u:")) < 10 {
						t.Errorf("a Figure has no alternative text: %v", e)
					}
				case role == "/TH":
					if a := f.dict(e["/A"]); a["/Scope"] != "/Column" && a["/Scope"] != "/Row" {
						t.Errorf("a header cell has no scope: %v", e)
					}
				case regexp.MustCompile(`^/H[1-6]$`).MatchString(role):
					headings = append(headings, int(role[2]-'0'))
				}
				pg, _ := e["/Pg"].(string)
				for _, k := range f.array(e["/K"]) {
					switch k := k.(type) {
					case float64:
						owner[mc{pg, int(k)}] = ref
						treeOrder[pg] = append(treeOrder[pg], int(k))
					case string:
						walk(k)
					case map[string]any:
						switch k["/Type"] {
						case "/MCR":
							p := k["/Pg"].(string)
							owner[mc{p, int(k["/MCID"].(float64))}] = ref
							treeOrder[p] = append(treeOrder[p], int(k["/MCID"].(float64)))
						case "/OBJR":
							objr[k["/Obj"].(string)] = ref
						default:
							t.Errorf("an unknown kid in %s: %v", ref, k)
						}
					}
				}
			}
			root := f.dict(cat["/StructTreeRoot"])
			walk(root["/K"].(string))
			if figures == 0 && name != "blank checklist" { // the blank checklist has no chart
				t.Error("no Figure in the tree")
			}
			for i, h := range headings {
				if (i == 0 && h != 1) || (i > 0 && h > headings[i-1]+1) {
					t.Fatalf("heading %d is H%d after H%d: a level is skipped", i+1, h, headings[max(0, i-1)])
				}
			}
			nums := f.array(f.dict(root["/ParentTree"])["/Nums"])
			parents := map[int]any{}
			for i := 0; i+1 < len(nums); i += 2 {
				parents[int(nums[i].(float64))] = nums[i+1]
			}

			seen := map[mc]bool{}
			links := map[string]int{}
			for _, page := range f.pages {
				pd := f.dict(page)
				if pd["/Tabs"] != "/S" {
					t.Errorf("page %s: /Tabs is %v", page, pd["/Tabs"])
				}
				sp, ok := pd["/StructParents"].(float64)
				if !ok {
					t.Fatalf("page %s has no /StructParents", page)
				}
				inTree := f.array(parents[int(sp)])
				var stack []string // the open marked content: a tag, or "Artifact"
				var order []int
				var prev []string
				for _, tok := range contentToken.FindAllString(f.content[page], -1) {
					switch {
					case tok == "BDC" || tok == "BMC":
						tag := "?" // the operands: a tag, then for BDC its properties
						if len(prev) > 0 && strings.HasPrefix(prev[0], "/") {
							tag = prev[0]
						}
						n := -1
						for i := len(prev) - 1; i > 0; i-- {
							if prev[i-1] == "/MCID" {
								n, _ = strconv.Atoi(prev[i])
								break
							}
						}
						if tok == "BDC" && n < 0 && (tag != "/Span" || len(stack) == 0) && tag != "/Artifact" {
							t.Errorf("page %s: marked content %s has no MCID", page, tag)
						}
						if tok == "BDC" && n >= 0 {
							key := mc{page, n}
							if seen[key] {
								t.Errorf("page %s: MCID %d used twice", page, n)
							}
							seen[key] = true
							order = append(order, n)
							if owner[key] == "" {
								t.Errorf("page %s: MCID %d (%s) is in no element of the tree", page, n, tag)
							} else if n < 0 || n >= len(inTree) || inTree[n] != owner[key] {
								t.Errorf("page %s: the parent tree does not give MCID %d's element %s", page, n, owner[key])
							}
						}
						stack = append(stack, tag)
						prev = prev[:0]
					case tok == "EMC":
						if len(stack) == 0 {
							t.Fatalf("page %s: EMC without a sequence to end", page)
						}
						stack = stack[:len(stack)-1]
						prev = prev[:0]
					case painting[tok]:
						if len(stack) == 0 {
							t.Fatalf("page %s: %q paints outside marked content, after %q", page, tok, prev)
						}
						prev = prev[:0]
					case regexp.MustCompile(`^[A-Za-z'"*]+[0-9]?$`).MatchString(tok):
						prev = prev[:0] // any other operator
					default:
						prev = append(prev, tok)
					}
				}
				if len(stack) != 0 {
					t.Errorf("page %s ends inside marked content %v", page, stack)
				}
				if fmt.Sprint(order) != fmt.Sprint(treeOrder[page]) {
					t.Errorf("page %s: the tree reads its MCIDs in the order %v, the page paints them in the order %v", page, treeOrder[page], order)
				}
				for _, a := range f.array(pd["/Annots"]) {
					ad := f.dict(a)
					link := objr[a.(string)]
					if link == "" || f.dict(link)["/S"] != "/Link" {
						t.Errorf("page %s: annotation %v is in no Link element", page, a)
					}
					k, ok := ad["/StructParent"].(float64)
					if !ok || parents[int(k)] != link {
						t.Errorf("page %s: the parent tree does not lead annotation %v to its Link", page, a)
					}
					c, _ := ad["/Contents"].(string)
					title, ok := strings.CutPrefix(c, "u:Go to ")
					if !ok {
						t.Errorf("page %s: annotation %v does not say where it leads: %q", page, a, c)
					}
					if dest := f.array(ad["/Dest"]); len(dest) == 0 || dest[0] != f.bookmarked[title] {
						t.Errorf("page %s: the link to %q leads to %v, its bookmark to %s", page, title, dest, f.bookmarked[title])
					}
					links[page]++
				}
			}
			// The contents on the cover, and the executive summary's key
			// figures and recommendations, lead to their parts.
			rest := 0
			for p, n := range links {
				if p != f.pages[0] {
					rest += n
				}
			}
			if name != "summary" && name != "blank checklist" && (links[f.pages[0]] < 8 || rest < 6) {
				t.Errorf("too few links: %d on the cover, %d in the executive summary", links[f.pages[0]], rest)
			}
			if len(seen) != len(owner) {
				t.Errorf("the tree holds %d marked-content sequences, the pages %d", len(owner), len(seen))
			}
		})
	}
}

// TestReadingOrder reads the text of each report twice, as poppler finds it
// in the structure tree (pdfinfo -struct-text) and as the pages paint it,
// top to bottom (pdftotext -raw), and checks they are the same text in the
// same order, except for what is marked as an artifact: the running header
// and footer, and table headers repeated on a new page.
func TestReadingOrder(t *testing.T) {
	in := withHistory(sampleInput(t), 3)
	for name, opt := range map[string]Options{"full": {}, "summary": {Summary: true}} {
		t.Run(name, func(t *testing.T) {
			pdf, _ := render(t, in, opt)
			g, err := newGlyphs()
			if err != nil {
				t.Fatal(err)
			}
			d := newDoc(in, opt, "A4", g)
			artifacts := map[string]bool{"page": true, "of": true, "·": true}
			for _, s := range []string{d.trainName(), d.a.PI, d.kind, d.confidential()} {
				for _, w := range strings.Fields(s) {
					artifacts[w] = true
				}
			}

			var tree strings.Builder
			role := ""
			quoted := regexp.MustCompile(`^\s*"(.*)"$`)
			for _, line := range strings.Split(poppler(t, pdf, "pdfinfo", "-struct-text"), "\n") {
				if m := quoted.FindStringSubmatch(line); m != nil {
					tree.WriteString(m[1])
					if role == "TH" { // a column title may repeat on a later page
						for _, w := range strings.Fields(m[1]) {
							artifacts[w] = true
						}
					}
				} else if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "/") {
					role = strings.TrimSuffix(f[0], ":")
				}
			}
			want := []rune(strings.Join(strings.Fields(tree.String()), ""))
			if len(want) < 500 {
				t.Fatalf("the structure tree holds only %d characters of text", len(want))
			}
			pos := 0
			for pi, page := range strings.Split(poppler(t, pdf, "pdftotext", "-raw"), "\f") {
				for _, w := range strings.Fields(page) {
					r := []rune(w)
					if pos+len(r) <= len(want) && string(want[pos:pos+len(r)]) == w {
						pos += len(r)
						continue
					}
					if !artifacts[w] && !regexp.MustCompile(`^\d+$`).MatchString(w) {
						t.Fatalf("page %d: the page paints %q where the structure tree reads %q", pi+1, w, string(want[pos:min(len(want), pos+40)]))
					}
				}
			}
			if pos != len(want) {
				t.Errorf("the structure tree reads %q that no page paints", string(want[pos:min(len(want), pos+80)]))
			}
		})
	}
}

// Characters above U+FFFF show by name on the page, and the text layer,
// which poppler reads through /ActualText, keeps them as typed.
func TestNamedCharacters(t *testing.T) {
	in := sampleInput(t)
	in.Train.Name = "Payments 🚂 Express"
	a := *in.Assessment
	a.Assessor = "山田 Coach 😀👋🏽"
	note := "We celebrate 🎉 every release; the trains " + strings.Repeat("🚂", 40) + " wrap the line."
	a.Notes = map[string]string{assessment.ChecklistFit: note}
	in.Assessment = &a
	in = evaluate(in)
	pdf, warnings := render(t, in, Options{})
	if len(warnings) > 0 {
		t.Errorf("warnings for characters shown by name: %q", warnings)
	}
	text := oneLine(poppler(t, pdf, "pdftotext", "-layout"))
	for _, w := range []string{"Payments 🚂 Express", "山田 Coach 😀👋🏽", "We celebrate 🎉 every release"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q is not in the text layer", w)
		}
	}
	if strings.Contains(text, "[steam locomotive]") || strings.Contains(text, "locomotive]") {
		t.Error("the text layer has a name where the character was typed")
	}
	// The note's trains wrap across lines, yet each is in the text layer once.
	if got := strings.Count(strings.ReplaceAll(text, " ", ""), strings.Repeat("🚂", 40)); got != 1 {
		t.Errorf("the note's 40 trains are in the text layer %d times", got)
	}
	// On the page, the names: every page of the cover's content stream draws
	// them inside spans that carry the characters.
	f := readQPDF(t, pdf)
	cover := f.content[f.pages[0]]
	for _, want := range []string{"/Span <</ActualText " + pdfText("🚂") + ">> BDC", "/Span <</ActualText " + pdfText("😀") + ">> BDC", "/Span <</ActualText " + pdfText("👋🏽") + ">> BDC"} {
		if !strings.Contains(cover, want) {
			t.Errorf("the cover lacks %s", want)
		}
	}
}

// Arabic is drawn in its joining forms; the text layer has the letters as
// typed, so a search for a name as typed finds it.
func TestArabicAsTyped(t *testing.T) {
	in := scriptsInput(t)
	a := *in.Assessment
	a.Assessor = nameAr + " سلام"
	in.Assessment = &a
	for _, opt := range []Options{{}, {Summary: true}} {
		pdf, _ := render(t, in, opt)
		// Only poppler's embedding marks around right-to-left runs are
		// dropped: no folding of presentation forms.
		text := oneLine(strings.Map(func(r rune) rune {
			if r >= 0x202A && r <= 0x202E {
				return -1
			}
			return r
		}, poppler(t, pdf, "pdftotext", "-layout")))
		if !strings.Contains(text, nameAr) {
			t.Errorf("%+v: %q is not in the text layer as typed", opt, nameAr)
		}
		if strings.ContainsFunc(text, presentationForm) {
			t.Errorf("%+v: the text layer holds Arabic presentation forms", opt)
		}
		// The lam-alef ligature of "سلام" stands for two letters, lam then
		// alef, as the standard reads /ActualText; poppler reverses the two,
		// so the check reads the page itself.
		var pages strings.Builder
		f := readQPDF(t, pdf)
		for _, p := range f.pages {
			pages.WriteString(f.content[p])
		}
		if want := "/Span <</ActualText " + pdfText("لا") + ">> BDC"; !strings.Contains(pages.String(), want) {
			t.Errorf("%+v: the lam-alef ligature does not stand for lam and alef: no %s", opt, want)
		}
	}
}

// A paragraph in Hebrew or Arabic is set flush right; one that starts in
// Latin stays flush left, whatever it holds further on.
func TestRightToLeftParagraphs(t *testing.T) {
	in := sampleInput(t)
	a := *in.Assessment
	a.Notes = map[string]string{
		assessment.ChecklistFit:   "שלום עולם, הצוותים עובדים יחד (RTE) 2024",
		assessment.ChecklistRoles: "Notes first: " + nameHe,
	}
	in.Assessment = &a
	pdf, _ := render(t, in, Options{})
	box := poppler(t, pdf, "pdftotext", "-bbox-layout")
	line := regexp.MustCompile(`(?s)<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>`)
	w, _ := strconv.ParseFloat(regexp.MustCompile(`<page width="([\d.]+)"`).FindStringSubmatch(box)[1], 64)
	margin := marginSide * 72 / 25.4
	found := 0
	for _, m := range line.FindAllStringSubmatch(box, -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		x1, _ := strconv.ParseFloat(m[2], 64)
		switch {
		case strings.Contains(m[3], "םלוע"): // the bounding boxes have the words as drawn
			found++
			if x1 < w-margin-6 || x0 < margin+20 {
				t.Errorf("the Hebrew paragraph is not flush right: x from %.1f to %.1f on a page %.1f wide", x0, x1, w)
			}
		case strings.Contains(m[3], ">first:<"):
			found++
			if x0 > margin+6 {
				t.Errorf("the paragraph that starts in Latin is not flush left: x from %.1f", x0)
			}
		}
	}
	if found != 2 {
		t.Fatalf("found %d of the two paragraphs in pdftotext -bbox-layout", found)
	}
}
