package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// shared are the packages under app/ that are not screens: the host that
// screens receive and the widgets they share. Every other package under
// app/ holds screens.
var shared = []string{"host", "widgets"}

// TestLayout holds the shape of app/: screen packages import the host, the
// shared widgets and the domain, never the shell nor each other; the host
// and widgets import no screen; and nothing under app/ touches SQL, which
// lives in data alone.
func TestLayout(t *testing.T) {
	out, err := exec.Command("go", "list", "-tags", "migrated_fynedo", "-json=ImportPath,Imports", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const root = "github.com/trainscope/trainscope/app"
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := 0
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		seen++
		name := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, root), "/")
		for _, imp := range p.Imports {
			if imp == "database/sql" || strings.HasPrefix(imp, "github.com/mattn/go-sqlite3") {
				t.Errorf("%s imports %s: SQL belongs in data", p.ImportPath, imp)
			}
			if !strings.HasPrefix(imp, root+"/") || name == "" {
				continue
			}
			dep := strings.TrimPrefix(imp, root+"/")
			switch {
			case slices.Contains(shared, name) && !slices.Contains(shared, dep):
				t.Errorf("%s imports the screens of %s: the host and widgets serve every screen and know none", p.ImportPath, dep)
			case !slices.Contains(shared, name) && !slices.Contains(shared, dep):
				t.Errorf("screen package %s imports screen package %s: screens meet only through the host", name, dep)
			case name == "host" && dep == "widgets", name == "widgets" && dep == "host":
				t.Errorf("%s imports %s: the host and the widgets stand apart", name, dep)
			}
		}
		if name != "" && slices.Contains(p.Imports, root) {
			t.Errorf("%s imports the shell %s", p.ImportPath, root)
		}
	}
	if seen < 1+len(shared) {
		t.Errorf("go list saw %d packages under app/, want the shell, %v and the screens", seen, shared)
	}
}

// TestMenuAsksNotWhatScreenIs holds the menu to small interfaces: it never
// names a concrete screen type, so a screen can move to its own package and
// keep its menu entries by keeping its methods.
func TestMenuAsksNotWhatScreenIs(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "menu.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && strings.HasSuffix(id.Name, "Screen") && id.Name != "Screen" {
			t.Errorf("menu.go names the screen type %s; ask for what the menu needs with a small interface", id.Name)
		}
		return true
	})
}
