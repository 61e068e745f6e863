package assessment

import "testing"

func TestNextPI(t *testing.T) {
	tests := []struct {
		label string
		n     int
		want  string
	}{
		{"PI 2026.4", 1, "PI 2026.5"},
		{"PI 2026.4", 3, "PI 2026.7"},
		{"PI 2026-Q4", 1, "PI 2027-Q1"},
		{"2026 Q2", 2, "2026 Q4"},
		{"2026Q1", 8, "2028Q1"},
		{"PI 17", 2, "PI 19"},
		{"PI 07", 1, "PI 08"},
		{"PI 9 (Payments)", 1, "PI 10 (Payments)"},
		{"Spring release", 1, "Spring release +1"},
		{"", 1, ""},
		{"PI 2026.4", 0, "PI 2026.4"},
	}
	for _, tt := range tests {
		if got := NextPI(tt.label, tt.n); got != tt.want {
			t.Errorf("NextPI(%q, %d) = %q, want %q", tt.label, tt.n, got, tt.want)
		}
	}
}
