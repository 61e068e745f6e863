package report

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The benchmarks behind docs/performance.md ("## Report"):
//
//	go test -tags migrated_fynedo ./assessment/report -run '^$' -bench . -benchmem
//
// BenchmarkRender* draw the full report and the summary of a 12-team train
// with 300 impediments and 5 earlier assessments. BenchmarkLibreOffice
// times, in the same run, what coaches do today: LibreOffice converting a
// document of similar length to PDF (the text of that same report). It is
// skipped when soffice is not installed.

var pageObject = regexp.MustCompile(`/Type /Page\b[^s]`)

func pageCount(pdf []byte) int { return len(pageObject.FindAll(pdf, -1)) }

func benchmarkRender(b *testing.B, opt Options) {
	in := bigInput(b)
	var pdf []byte
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var err error
		pdf, _, err = Render(in, opt)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pageCount(pdf)), "pages")
	b.ReportMetric(float64(len(pdf))/1024, "KiB")
}

func BenchmarkRenderFull(b *testing.B)    { benchmarkRender(b, Options{}) }
func BenchmarkRenderSummary(b *testing.B) { benchmarkRender(b, Options{Summary: true}) }

func BenchmarkLibreOffice(b *testing.B) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		b.Skip("soffice not installed (apt-get install libreoffice-writer-nogui)")
	}
	pdf, _, err := Render(bigInput(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	src := filepath.Join(dir, "report.html")
	if err := os.WriteFile(src, []byte(similarHTML(bigInput(b))), 0o644); err != nil {
		b.Fatal(err)
	}
	// A private profile, created by a first conversion outside the timing,
	// so the coach's own LibreOffice settings are neither read nor touched.
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "profile")
	convert := func() []byte {
		cmd := exec.Command(soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", dir, src)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("soffice: %v\n%s", err, out)
		}
		out, err := os.ReadFile(filepath.Join(dir, "report.pdf"))
		if err != nil {
			b.Fatal(err)
		}
		return out
	}
	convert()
	var out []byte
	b.ResetTimer()
	for b.Loop() {
		out = convert()
	}
	b.StopTimer()
	info := poppler(b, out, "pdfinfo")
	pages := 0
	if m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info); m != nil {
		fmt.Sscan(m[1], &pages)
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(len(out))/1024, "KiB")
	b.Logf("our report: %d pages; LibreOffice's document: %d pages", pageCount(pdf), pages)
}

// similarHTML is the full report's content as a plain HTML document with
// tables, the kind of file a coach exports from a spreadsheet today: the
// same parts, roster, register, recommendations, answers and scales.
func similarHTML(in Input) string {
	var b strings.Builder
	esc := html.EscapeString
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	row := func(tag string, cells ...string) {
		b.WriteString("<tr>")
		for _, c := range cells {
			w("<%s>%s</%s>", tag, esc(c), tag)
		}
		b.WriteString("</tr>\n")
	}
	a, r := in.Assessment, in.Results
	w("<html><head><meta charset=\"utf-8\"><title>%s</title>", esc(in.Train.Name))
	w("<style>body{font-family:sans-serif;font-size:9pt} td,th{font-size:8pt;vertical-align:top}</style></head><body>")
	w("<h1>%s</h1><p>%s · %s · %s</p>", esc(in.Train.Name), esc(a.PI), date(a.Date), esc(a.Assessor))
	w("<h2>Executive summary</h2><p>%s: %s</p><p>%s</p><ul>", esc(levelLine(r.Level)), esc(r.Level.Description), esc(r.Verdict.Headline))
	for _, e := range r.Verdict.Reasons {
		w("<li>%s</li>", esc(e.Text))
	}
	w("</ul><h2>Scores</h2><table border=1>")
	row("th", "Checklist", "Score", "Answered")
	for _, cs := range r.Checklists {
		row("td", cs.Title, scoreText(cs.Score), answeredText(cs.Score))
	}
	w("</table><h2>Findings</h2>")
	for _, cl := range in.Definitions.Checklists {
		w("<h3>%s</h3><p>%s</p><p>%s</p>", esc(cl.Title), esc(cl.Purpose), esc(a.Notes[cl.ID]))
	}
	w("<h2>Roster</h2><table border=1>")
	row("th", "Team", "Scrum Master", "Product Owner", "Developers")
	names := map[string]string{}
	for _, p := range a.Roster.People {
		names[p.ID] = p.Name
	}
	for _, t := range a.Roster.Teams {
		var devs []string
		for _, id := range t.DeveloperIDs {
			devs = append(devs, names[id])
		}
		row("td", t.Name, names[t.ScrumMasterID], names[t.ProductOwnerID], strings.Join(devs, ", "))
	}
	w("</table><h2>Impediment register</h2><table border=1>")
	row("th", "Impediment", "Description", "Level", "Owner", "Status", "ROAM", "Raised", "Resolved")
	for _, imp := range a.Register {
		row("td", imp.Title, imp.Description, string(imp.Level), imp.Owner, string(imp.Status), string(imp.ROAM), shortDate(imp.Raised), shortDate(imp.Resolved))
	}
	w("</table><h2>Recommendations</h2><table border=1>")
	row("th", "Finding", "Action", "Priority", "Owner", "Escalation", "Acceptance", "Target PI", "Status")
	for _, rec := range r.Recommendations {
		row("td", rec.Finding, rec.Action, priorityText(rec.Priority), string(rec.Owner), string(rec.Escalation), rec.Acceptance, rec.TargetPI, string(rec.Status))
	}
	w("</table><h2>Answers</h2>")
	for _, cl := range in.Definitions.Checklists {
		w("<h3>%s</h3><table border=1>", esc(cl.Title))
		row("th", "Item", "Answer", "Note")
		for _, it := range cl.Items {
			row("td", it.Text, fmt.Sprint(a.Answers[it.ID].Rating), a.Answers[it.ID].Note)
		}
		w("</table>")
	}
	w("<h2>Method</h2>")
	for _, cl := range in.Definitions.Checklists {
		w("<h3>%s</h3><table border=1>", esc(cl.Title))
		row("th", "Item", "Weight", "Scale")
		for _, it := range cl.Items {
			var levels []string
			for _, l := range it.Levels {
				levels = append(levels, fmt.Sprintf("%d %s: %s", l.Value, l.Label, l.Descriptor))
			}
			row("td", it.Text, number(it.Weight), strings.Join(levels, " / "))
		}
		w("</table>")
	}
	w("</body></html>")
	return b.String()
}
