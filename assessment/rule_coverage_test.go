package assessment

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestEveryRuleHasATest: every rule of the method's rule tables is named
// by at least one test case, so a rule nobody checks cannot hide. A test
// names a rule by its id as a word ("RG-04", "V-02"), in the test files of
// this package or of the report.
func TestEveryRuleHasATest(t *testing.T) {
	var ids []string
	for _, rs := range [][]Rule{VerdictRules, WayToStartRules, RecommendationRules, GroupRules, WarningRules, FollowUpRules} {
		for _, r := range rs {
			ids = append(ids, r.ID)
		}
	}
	for _, r := range RoleGapRules {
		ids = append(ids, r.ID)
	}
	if len(ids) < 30 {
		t.Fatalf("only %d rules found; the rule tables moved?", len(ids))
	}
	var text strings.Builder
	for _, pattern := range []string{"*_test.go", "report/*_test.go"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if f == "rule_coverage_test.go" {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text.Write(b)
		}
	}
	all := text.String()
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		if !regexp.MustCompile(`\b` + regexp.QuoteMeta(id) + `\b`).MatchString(all) {
			t.Errorf("no test names rule %s", id)
		}
	}
}
