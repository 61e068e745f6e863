package assessment

import (
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// An impediment's owner is whoever works on it: usually someone on the
// train's roster, sometimes someone outside it (a manager, a supplier), so
// the owner stays a name and not a link to a person.

// OwnerChoices are the people on the roster an impediment's owner may be
// picked from as the coach types: every name once, in alphabetical order
// whatever the script (case and accents aside), those containing what is
// typed (ignoring case) when it is not already one of them.
func OwnerChoices(r Roster, typed string) []string {
	var names []string
	for _, p := range r.People {
		if n := strings.Join(strings.Fields(p.Name), " "); n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	collate.New(language.Und, collate.IgnoreCase, collate.IgnoreDiacritics).SortStrings(names)
	typed = strings.ToLower(strings.Join(strings.Fields(typed), " "))
	if typed == "" || slices.ContainsFunc(names, func(n string) bool { return strings.ToLower(n) == typed }) {
		return names
	}
	return slices.DeleteFunc(names, func(n string) bool { return !strings.Contains(strings.ToLower(n), typed) })
}
