package report

import (
	"slices"
	"strings"
)

// letterTerritories are the countries whose locales print on US Letter.
var letterTerritories = []string{"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "SV", "CR", "PA", "DO", "NI", "HN", "BZ"}

// PaperFromEnv is the paper the coach's locale prints on, read from the
// environment the way the C library does (LC_ALL, then LC_PAPER, then
// LANG): "letter" in the countries that use US Letter, "a4" everywhere else
// and when the locale says nothing. Pass os.Getenv; the command line and
// the GUI use it for their default.
func PaperFromEnv(getenv func(string) string) string {
	for _, name := range []string{"LC_ALL", "LC_PAPER", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		// language[_TERRITORY][.codeset][@modifier]
		v, _, _ = strings.Cut(v, ".")
		v, _, _ = strings.Cut(v, "@")
		_, territory, ok := strings.Cut(v, "_")
		if ok && slices.Contains(letterTerritories, strings.ToUpper(territory)) {
			return "letter"
		}
		return "a4"
	}
	return "a4"
}
