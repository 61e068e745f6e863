package cli

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestScrumAtScaleSample: `sample -framework Scrum@Scale` adds the Scrum of
// Scrums, and its report, written to stdout, speaks Scrum@Scale.
func TestScrumAtScaleSample(t *testing.T) {
	env := testEnv(t)
	db := filepath.Join(t.TempDir(), "x.db")
	r := trainscope(t, env, "sample", "-db", db, "-framework", "scrum@scale")
	if r.code != 0 || !strings.Contains(r.stdout, "Sample Scrum of Scrums") || !strings.Contains(r.stdout, "with 3 finished assessments, the latest Release ") {
		t.Fatalf("sample exited %d: %s%s", r.code, r.stdout, r.stderr)
	}
	rep := trainscope(t, env, "report", "-db", db, "-assessment", lastLine(r.stdout), "-o", "-")
	if rep.code != 0 || !strings.HasPrefix(rep.stdout, "%PDF") {
		t.Fatalf("report exited %d: %s", rep.code, rep.stderr)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (make test installs poppler-utils)")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = strings.NewReader(rep.stdout)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"Scrum of Scrums maturity assessment", "Scaled Daily Scrum", "Scrum of Scrum of Scrums"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Scrum@Scale report lacks %q", want)
		}
	}
	for _, never := range []string{"Release Train Engineer", "PI Planning", "System Architect", "Business Owner"} {
		if strings.Contains(text, never) {
			t.Errorf("the Scrum@Scale report says %q", never)
		}
	}
	if bad := trainscope(t, env, "sample", "-db", db, "-framework", "Other"); bad.code != 2 || !strings.Contains(bad.stderr, "no sample for framework") {
		t.Errorf("sample -framework Other: exit %d, %s", bad.code, bad.stderr)
	}
}

// TestChecklistPrintsTheWholeMethod: a LACE can review the method from the
// JSON: frameworks, dimensions, decisive signs, figure bands, advice and
// every rule, and with -framework only what applies to that framework.
func TestChecklistPrintsTheWholeMethod(t *testing.T) {
	env := testEnv(t)
	var doc struct {
		Frameworks []struct {
			ID    string   `json:"id"`
			Rules []string `json:"rules"`
		} `json:"frameworks"`
		Dimensions []struct{ ID string } `json:"dimensions"`
		Checklists []struct {
			ID    string `json:"id"`
			Items []struct {
				ID       string `json:"id"`
				Decisive bool   `json:"decisive"`
				Figure   *struct {
					Bands []struct{ Level int } `json:"bands"`
				} `json:"figure"`
				Advice *struct{ Action string } `json:"advice"`
			} `json:"items"`
		} `json:"checklists"`
		Rules map[string][]struct {
			ID         string   `json:"id"`
			Frameworks []string `json:"frameworks"`
		} `json:"rules"`
	}
	for _, tc := range []struct {
		args       []string
		frameworks int
		architect  bool
	}{{[]string{"checklist"}, 3, true}, {[]string{"checklist", "-framework", "Scrum@Scale"}, 1, false}} {
		r := trainscope(t, env, tc.args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d %s", tc.args, r.code, r.stderr)
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatal(err)
		}
		if len(doc.Frameworks) != tc.frameworks || len(doc.Dimensions) == 0 || len(doc.Checklists) != 4 {
			t.Errorf("%v: %d frameworks, %d dimensions, %d checklists", tc.args, len(doc.Frameworks), len(doc.Dimensions), len(doc.Checklists))
		}
		var decisive, bands, advice int
		architect := false
		for _, c := range doc.Checklists {
			for _, it := range c.Items {
				if it.Decisive {
					decisive++
				}
				if it.Figure != nil && len(it.Figure.Bands) > 0 {
					bands++
				}
				if it.Advice != nil && it.Advice.Action != "" {
					advice++
				}
				architect = architect || it.ID == "roles.system-architect.v1"
			}
		}
		if decisive == 0 || bands == 0 || advice == 0 || architect != tc.architect {
			t.Errorf("%v: %d decisive, %d with bands, %d with advice, architect %v", tc.args, decisive, bands, advice, architect)
		}
		for _, kind := range []string{"verdict", "way-to-start", "role-gap", "recommendation", "warning"} {
			if len(doc.Rules[kind]) == 0 {
				t.Errorf("%v: no %s rules", tc.args, kind)
			}
		}
		for _, rg := range doc.Rules["role-gap"] {
			if rg.ID == "RG-03" && !tc.architect {
				t.Errorf("%v lists the System Architect rule", tc.args)
			}
			if len(rg.Frameworks) == 0 {
				t.Errorf("%s names no framework it applies to", rg.ID)
			}
		}
	}
}
