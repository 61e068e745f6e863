package assessment

import (
	"slices"
	"testing"
)

// Every kind checkFor makes is in CheckKinds, and every kind in it is made
// by some rule, so the list the bundle schema and the import take the kinds
// from is the list the follow-ups use.
func TestCheckKindsAreTheKindsMade(t *testing.T) {
	made := map[string]bool{}
	for _, rec := range []Recommendation{
		{ID: "RG-03/system-architect", Rule: "RG-03"}, {ID: "RV-01", Rule: "RV-01"}, {ID: "RF-01", Rule: "RF-01"},
		{ID: "RF-02", Rule: "RF-02"}, {ID: "RI-01/fit.shared-product.v1", Rule: "RI-01"}, {ID: "RX-99", Rule: "RX-99"},
	} {
		c := checkFor(rec)
		if c == nil {
			continue
		}
		if !slices.Contains(CheckKinds, c.Kind) {
			t.Errorf("checkFor(%s) makes kind %q, which CheckKinds lacks", rec.Rule, c.Kind)
		}
		made[c.Kind] = true
	}
	for _, k := range CheckKinds {
		if !made[k] {
			t.Errorf("CheckKinds lists %q, which no rule makes", k)
		}
	}
}
