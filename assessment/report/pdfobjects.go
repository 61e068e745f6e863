package report

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// finish adds the structure tree to the PDF the writer made, as an
// incremental update (ISO 32000-1, 7.5.6): the original bytes stay as they
// are, and appended to them come the structure elements, the parent tree,
// the link annotations, and new versions of the catalog and of every page
// that point to them. Nothing is parsed: the writer's output has a fixed
// form (its page n is object 2n+1, as its own bookmarks assume, and its
// cross-reference table has one 20-byte line per object), and finish only
// reads that form back, checking each thing it relies on and failing
// loudly when the writer ever changes it.
//
// Why not rewrite the file with a PDF library such as pdfcpu: its writer
// stamps the clock into the file (modification date, file identifier), so
// the same input would no longer give the same bytes, and it would rewrite
// every object the writer made for the sake of a few new ones.
func (d *doc) finish(pdf []byte) ([]byte, error) {
	f, err := readWriterOutput(pdf)
	if err != nil {
		return nil, err
	}
	t := d.t
	pages := d.pdf.PageCount()
	pageObj := func(p int) int { return 2*p + 1 }

	// Number the new objects: the elements in the order of the tree, then
	// the tree's root, its parent tree and the link annotations.
	next := f.size
	var elems []*structElem
	var number func(e *structElem)
	number = func(e *structElem) {
		e.obj = next
		next++
		elems = append(elems, e)
		for _, k := range e.kids {
			if k.elem != nil {
				number(k.elem)
			}
		}
	}
	number(t.root)
	treeRoot, parentTree := next, next+1
	next += 2
	annotObj := make([]int, len(t.links))
	for i := range t.links {
		annotObj[i] = next
		next++
	}

	out := bytes.NewBuffer(slices.Clip(pdf))
	offsets := map[int]int{}
	obj := func(n int, body string) {
		offsets[n] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n%s\nendobj\n", n, body)
	}

	// The catalog and the pages, each with what it gains.
	catalog, err := f.dict(f.root)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(catalog, "<<\n/Type /Catalog\n") {
		return nil, fmt.Errorf("report: the PDF writer's catalog has changed form: %.40q", catalog)
	}
	obj(f.root, catalog+fmt.Sprintf("/Version /1.7\n/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>\n>>", treeRoot))
	annotsOn := map[int][]int{}
	for i, l := range t.links {
		annotsOn[l.page] = append(annotsOn[l.page], annotObj[i])
	}
	for p := 1; p <= pages; p++ {
		page, err := f.dict(pageObj(p))
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(page, "<</Type /Page\n") || strings.Contains(page, "/Annots") || strings.Contains(page, "/StructParents") {
			return nil, fmt.Errorf("report: the PDF writer's page %d has changed form: %.40q", p, page)
		}
		extra := fmt.Sprintf("\n/StructParents %d\n/Tabs /S", p-1)
		if as := annotsOn[p]; len(as) > 0 {
			extra += "\n/Annots ["
			for i, a := range as {
				if i > 0 {
					extra += " "
				}
				extra += fmt.Sprintf("%d 0 R", a)
			}
			extra += "]"
		}
		obj(pageObj(p), page+extra+">>")
	}

	// The elements.
	for _, e := range elems {
		var b strings.Builder
		fmt.Fprintf(&b, "<</Type /StructElem /S /%s", e.role)
		if e.parent == nil {
			fmt.Fprintf(&b, " /P %d 0 R", treeRoot)
		} else {
			fmt.Fprintf(&b, " /P %d 0 R", e.parent.obj)
		}
		pg := 0
		for _, k := range e.kids {
			if k.elem == nil {
				pg = k.page
				break
			}
		}
		if pg > 0 {
			fmt.Fprintf(&b, " /Pg %d 0 R", pageObj(pg))
		}
		if e.alt != "" {
			fmt.Fprintf(&b, " /Alt %s", pdfText(e.alt))
		}
		if e.actualFn != nil {
			e.actual = e.actualFn()
		}
		if e.actual != "" {
			fmt.Fprintf(&b, " /ActualText %s", pdfText(e.actual))
		}
		if e.scope != "" {
			fmt.Fprintf(&b, " /A <</O /Table /Scope /%s>>", e.scope)
		}
		b.WriteString(" /K [")
		for i, k := range e.kids {
			if i > 0 {
				b.WriteString(" ")
			}
			switch {
			case k.elem != nil:
				fmt.Fprintf(&b, "%d 0 R", k.elem.obj)
			case k.page == pg:
				fmt.Fprintf(&b, "%d", k.mcid)
			default:
				fmt.Fprintf(&b, "<</Type /MCR /Pg %d 0 R /MCID %d>>", pageObj(k.page), k.mcid)
			}
		}
		if e.link > 0 {
			l := t.links[e.link-1]
			if len(e.kids) > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "<</Type /OBJR /Obj %d 0 R /Pg %d 0 R>>", annotObj[e.link-1], pageObj(l.page))
		}
		b.WriteString("]>>")
		obj(e.obj, b.String())
	}

	obj(treeRoot, fmt.Sprintf("<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>",
		t.root.obj, parentTree, pages+len(t.links)))

	// The parent tree: for each page the element of each of its MCIDs, then
	// for each link annotation its Link element.
	var pt strings.Builder
	pt.WriteString("<</Nums [")
	for p := 1; p <= pages; p++ {
		fmt.Fprintf(&pt, "%d [", p-1)
		for i, e := range t.parents[p] {
			if i > 0 {
				pt.WriteString(" ")
			}
			fmt.Fprintf(&pt, "%d 0 R", e.obj)
		}
		pt.WriteString("]\n")
	}
	for i, l := range t.links {
		fmt.Fprintf(&pt, "%d %d 0 R\n", pages+i, l.elem.obj)
	}
	pt.WriteString("]>>")
	obj(parentTree, pt.String())

	for i, l := range t.links {
		target := l.target()
		h, ok := t.pageH[target]
		if target < 1 || target > pages || !ok {
			return nil, fmt.Errorf("report: a link leads to page %d of %d", target, pages)
		}
		obj(annotObj[i], fmt.Sprintf("<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /Dest [%d 0 R /XYZ 0 %.2f null] /StructParent %d /Contents %s>>",
			l.x1, l.y1, l.x2, l.y2, pageObj(target), h, pages+i, pdfText(l.contents)))
	}

	// The cross-reference section of the update, in runs of consecutive
	// object numbers, and the trailer that chains it to the writer's.
	xref := out.Len()
	nums := make([]int, 0, len(offsets))
	for n := range offsets {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	out.WriteString("xref\n")
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		fmt.Fprintf(out, "%d %d\n", nums[i], j-i+1)
		for _, n := range nums[i : j+1] {
			fmt.Fprintf(out, "%010d 00000 n \n", offsets[n])
		}
		i = j + 1
	}
	fmt.Fprintf(out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n",
		next, f.root, f.info, f.xref, xref)
	return out.Bytes(), nil
}

// writerOutput is what finish needs to know of the file the PDF writer
// made: where its cross-reference table is, and its trailer's entries.
type writerOutput struct {
	pdf                    []byte
	size, root, info, xref int
	entries                int // where the table's first line is
}

var trailerForm = regexp.MustCompile(`\ntrailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\nstartxref\n(\d+)\n%%EOF\n$`)

func readWriterOutput(pdf []byte) (*writerOutput, error) {
	m := trailerForm.FindSubmatch(pdf)
	if m == nil {
		return nil, fmt.Errorf("report: the PDF writer's trailer has changed form")
	}
	f := &writerOutput{pdf: pdf}
	for i, p := range []*int{&f.size, &f.root, &f.info, &f.xref} {
		*p, _ = strconv.Atoi(string(m[i+1]))
	}
	head := fmt.Sprintf("xref\n0 %d\n", f.size)
	if f.xref+len(head)+20*f.size > len(pdf) || string(pdf[f.xref:f.xref+len(head)]) != head {
		return nil, fmt.Errorf("report: the PDF writer's cross-reference table has changed form")
	}
	f.entries = f.xref + len(head)
	return f, nil
}

// dict is the dictionary of object n as the writer wrote it, without its
// closing ">>", so entries can be added before it.
func (f *writerOutput) dict(n int) (string, error) {
	if n < 1 || n >= f.size {
		return "", fmt.Errorf("report: no object %d in the PDF", n)
	}
	line := f.entries + 20*n
	off, err := strconv.Atoi(string(f.pdf[line : line+10]))
	if err != nil || off >= f.xref {
		return "", fmt.Errorf("report: object %d has no place in the PDF", n)
	}
	head := fmt.Sprintf("%d 0 obj\n", n)
	rest := f.pdf[off:f.xref]
	end := bytes.Index(rest, []byte("\nendobj\n"))
	if !bytes.HasPrefix(rest, []byte(head)) || end < 0 {
		return "", fmt.Errorf("report: object %d is not where the PDF says", n)
	}
	body := string(rest[len(head):end])
	if !strings.HasPrefix(body, "<<") || !strings.HasSuffix(body, ">>") || strings.Contains(body, "stream\n") {
		return "", fmt.Errorf("report: object %d is not a dictionary", n)
	}
	return strings.TrimSuffix(body, ">>"), nil
}
