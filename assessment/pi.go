package assessment

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	// "PI 2026-Q4", "2026 Q4": quarters roll over into the next year.
	quarterPI = regexp.MustCompile(`^(.*?)(\d{4})([ .\-/]?)Q([1-4])$`)
	// The last number in the label, e.g. "PI 2026.4" or "PI 17".
	lastNumber = regexp.MustCompile(`^(.*?)(\d+)(\D*)$`)
)

// NextPI is the label n PIs after label, best effort: "PI 2026.4", 1 gives
// "PI 2026.5"; "PI 2026-Q4", 1 gives "PI 2027-Q1"; "PI 17", 2 gives "PI 19".
// Numbering like "2026.4" does not roll over into the next year, since trains
// run four to six PIs a year. A label without a number gets "+n" appended,
// and an empty label stays empty: the coach has not named the PI.
func NextPI(label string, n int) string {
	label = strings.TrimSpace(label)
	if label == "" || n == 0 {
		return label
	}
	if m := quarterPI.FindStringSubmatch(label); m != nil {
		year, _ := strconv.Atoi(m[2])
		q, _ := strconv.Atoi(m[4])
		idx := year*4 + q - 1 + n
		if idx >= 0 {
			return fmt.Sprintf("%s%d%sQ%d", m[1], idx/4, m[3], idx%4+1)
		}
	}
	if m := lastNumber.FindStringSubmatch(label); m != nil {
		v, err := strconv.Atoi(m[2])
		if err == nil && v+n >= 0 {
			num := strconv.Itoa(v + n)
			if len(num) < len(m[2]) { // keep "PI 07" as "PI 08"
				num = strings.Repeat("0", len(m[2])-len(num)) + num
			}
			return m[1] + num + m[3]
		}
	}
	return fmt.Sprintf("%s +%d", label, n)
}
