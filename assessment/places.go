package assessment

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// A person's places are where they already are on the roster: the train
// roles they hold and the teams they lead or serve. The roster's people
// list and its people pickers say them in these words, so a coach sees who
// is already on another team before picking them again.

// NoPlaceYet is what a person with no place on the roster is shown with.
const NoPlaceYet = "no role yet"

// PlacesOf says where a person is on the roster, in the framework's titles:
// the train roles first ("Release Train Engineer"), then "Scrum Master of
// Ledger, Clearing", "Product Owner of Ledger", "developer in Payouts".
// Nil for someone with no place yet.
func PlacesOf(r Roster, f Framework, personID string) []string {
	if personID == "" {
		return nil
	}
	return Places(r, f)[personID]
}

// Places are the places of everyone on the roster (PlacesOf), by person ID,
// read in one pass.
func Places(r Roster, f Framework) map[string][]string {
	out := map[string][]string{}
	for _, ra := range r.Roles {
		if ra.PersonID != "" {
			out[ra.PersonID] = append(out[ra.PersonID], ra.Role.Title(f))
		}
	}
	type held struct{ sm, po, dev []string }
	byPerson := map[string]*held{}
	var order []string
	get := func(id string) *held {
		h := byPerson[id]
		if h == nil {
			h = &held{}
			byPerson[id] = h
			order = append(order, id)
		}
		return h
	}
	for _, t := range r.Teams {
		if t.ScrumMasterID != "" {
			h := get(t.ScrumMasterID)
			h.sm = append(h.sm, t.Name)
		}
		if t.ProductOwnerID != "" {
			h := get(t.ProductOwnerID)
			h.po = append(h.po, t.Name)
		}
		for _, id := range t.DeveloperIDs {
			if id != "" {
				h := get(id)
				h.dev = append(h.dev, t.Name)
			}
		}
	}
	for _, id := range order {
		h := byPerson[id]
		if len(h.sm) > 0 {
			out[id] = append(out[id], "Scrum Master of "+strings.Join(h.sm, ", "))
		}
		if len(h.po) > 0 {
			out[id] = append(out[id], "Product Owner of "+strings.Join(h.po, ", "))
		}
		if len(h.dev) > 0 {
			out[id] = append(out[id], "developer in "+strings.Join(h.dev, ", "))
		}
	}
	return out
}

// PlacesText is a person's places on one line, "" when they have none.
func PlacesText(places []string) string { return strings.Join(places, " · ") }

// nameOrder sorts names as a reader expects, whatever the script: case and
// accents aside first (Émile with Eva), then as written. A collator keeps
// buffers, so one is used at a time.
var nameOrder = struct {
	sync.Mutex
	c *collate.Collator
}{c: collate.New(language.Und, collate.IgnoreCase, collate.IgnoreDiacritics)}

// SortPeople puts people in alphabetical order of their names, whatever
// the script; people of one name keep the roster's order.
func SortPeople(people []Person) {
	type keyed struct {
		key string
		p   Person
	}
	ks := make([]keyed, len(people))
	nameOrder.Lock()
	var buf collate.Buffer
	for i, p := range people {
		ks[i] = keyed{string(nameOrder.c.KeyFromString(&buf, p.Name)), p}
		buf.Reset()
	}
	nameOrder.Unlock()
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	for i := range ks {
		people[i] = ks[i].p
	}
}

// FoldName is a name as the people pickers match what is typed against
// it: lower case, without accents, with letters that carry their stroke
// or ligature in them written plainly (Ł as l, ø as o, ß as ss), spaces
// collapsed. Names in other scripts keep their letters, lower-cased.
func FoldName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		r = unicode.ToLower(r)
		if plain, ok := plainLetters[r]; ok {
			b.WriteString(plain)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// plainLetters are the letters Unicode does not decompose into a base
// letter and an accent.
var plainLetters = map[rune]string{
	'ł': "l", 'ø': "o", 'đ': "d", 'ð': "d", 'ħ': "h", 'ı': "i", 'ŧ': "t",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th",
}

// NameMatches reports whether a name holds what is typed anywhere in it,
// case and accents aside ("li" matches Lí Wei and Emília; "lodz" Łódź).
// Nothing typed matches every name.
func NameMatches(name, typed string) bool {
	return strings.Contains(FoldName(name), FoldName(typed))
}
