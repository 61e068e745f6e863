package data

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/trainscope/trainscope/assessment"
)

// What comes in from a file (a bundle, a response file) is checked twice:
// as text here, every string by the JSON key that holds it, and as the
// domain's values where it is turned into domain types. Both name the place
// in the file, e.g. trains[0].people[3].name.

// utf8BOM is what some editors on Windows put before UTF-8 text. It is no
// part of the JSON; Trainscope reads past it.
var utf8BOM = []byte("\xef\xbb\xbf")

// textOf readies a file's bytes for the JSON decoder: a byte-order mark is
// skipped, and a file that is not UTF-8 is refused with the line and
// column of its first bad byte. encoding/json would silently replace such
// bytes with U+FFFD, so two ids that differ only there would merge.
func textOf(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if utf8.Valid(data) {
		return data, nil
	}
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	line, col := lineCol(data, int64(off))
	return nil, fmt.Errorf("line %d, column %d: the file is not UTF-8 text (a byte 0x%02X there is not a character); save it again as UTF-8 (in most editors: Save As, encoding UTF-8) and import it again", line, col, data[off])
}

// textRule is what one JSON key may hold.
type textRule struct {
	what      string // in the message: "a name", "a note"
	max       int    // characters
	multiLine bool   // tab, newline and carriage return allowed
}

var (
	idRule   = textRule{"an id", assessment.MaxIDLength, false}
	nameRule = textRule{"a one-line text", assessment.MaxNameLength, false}
	noteRule = textRule{"a note", assessment.MaxNoteLength, true}
	longRule = textRule{"a description", assessment.MaxDescriptionLength, true}
)

// textRules maps each JSON key of the bundle and response formats that
// holds text (or a list of texts) to its rule; a key not listed is a
// one-line text. Keys of both formats share their meaning everywhere.
var textRules = map[string]textRule{
	"id": idRule, "item": idRule, "person": idRule, "participant": idRule, "team": idRule,
	"scrum_master": idRule, "product_owner": idRule, "developers": idRule, "recurrence_of": idRule,
	"recommendation": idRule, "checklist": idRule, "assessment": idRule, "revealed": idRule, "ref": idRule,
	"conflict_of": idRule,

	"name": {"a name", assessment.MaxNameLength, false},
	"note": noteRule, "evidence": noteRule, "reason": noteRule, "override_reason": noteRule,
	"description": longRule, "finding": longRule, "action": longRule, "acceptance": longRule, "text": longRule,
}

// checkTexts walks a decoded file (a *Bundle, a *ResponseFile) and refuses
// the first string with a control character (tab and line breaks are
// allowed in notes and descriptions only), a U+FFFD replacement character
// (what is left of text that was not UTF-8, or of a lone \ud800 escape), or
// more characters than its limit.
func checkTexts(v any) error {
	return walkTexts(reflect.ValueOf(v), "", nameRule)
}

func walkTexts(v reflect.Value, place string, rule textRule) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return walkTexts(v.Elem(), place, rule)
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Anonymous {
				// An embedded struct's fields sit in its parent's object.
				if err := walkTexts(v.Field(i), place, rule); err != nil {
					return err
				}
				continue
			}
			key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if key == "" || key == "-" {
				continue
			}
			at := key
			if place != "" {
				at = place + "." + key
			}
			r, ok := textRules[key]
			if !ok {
				r = nameRule
			}
			if err := walkTexts(v.Field(i), at, r); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if err := walkTexts(v.Index(i), fmt.Sprintf("%s[%d]", place, i), rule); err != nil {
				return err
			}
		}
	case reflect.String:
		return checkText(v.String(), place, rule)
	}
	return nil
}

// checkText applies one rule to one string; place prefixes the message.
func checkText(s, place string, rule textRule) error {
	n := 0
	for _, r := range s {
		n++
		switch {
		case r == utf8.RuneError:
			return fmt.Errorf("%s: character %d is U+FFFD, what is left of text that was not valid UTF-8; correct it in the program that wrote the file", place, n)
		case rule.multiLine && (r == '\t' || r == '\n' || r == '\r'):
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			hint := "a one-line text takes printable characters only"
			if rule.multiLine {
				hint = "only tabs and line breaks may stand between its printable characters"
			}
			return fmt.Errorf("%s: character %d is a control character (U+%04X); %s", place, n, r, hint)
		}
	}
	if n > rule.max {
		return fmt.Errorf("%s: %d characters, more than the %d %s may have", place, n, rule.max, rule.what)
	}
	return nil
}

// checkFields checks several fields of one value against their rules, the first
// failure first; the store's own writes use it, so what the GUI saves
// keeps the limits an import keeps.
type field struct {
	place string
	value string
	rule  textRule
}

func checkFields(fields ...field) error {
	for _, f := range fields {
		if err := checkText(f.value, f.place, f.rule); err != nil {
			return err
		}
	}
	return nil
}

var nameOnlyRule = textRules["name"]

// validateCheck checks a follow-up's check as a bundle carries it: a kind
// Trainscope knows (assessment.CheckKinds) and no negative count.
func validateCheck(c *assessment.Check, place string) error {
	if c == nil {
		return nil
	}
	if !slices.Contains(assessment.CheckKinds, c.Kind) {
		return fmt.Errorf("%s.kind: %q is not a check Trainscope knows (one of %s); the bundle may come from a newer Trainscope, which can import it",
			place, c.Kind, joinQuoted(assessment.CheckKinds))
	}
	if c.Days < 0 {
		return fmt.Errorf("%s.days: %d is negative; a check counts days from zero", place, c.Days)
	}
	if c.Level < 0 {
		return fmt.Errorf("%s.level: %d is negative; a level counts from zero", place, c.Level)
	}
	return nil
}

// checkAnswerItem checks an imported answer against the checklists, when
// the store knows them (Options.Definitions): its item must be one of
// theirs, its rating on that item's own scale, and a figure only on a
// measure.
func checkAnswerItem(defs *assessment.Definitions, ans assessment.Answer, place string) error {
	if ans.Figure != nil && *ans.Figure < 0 {
		return fmt.Errorf("%s.figure: %v is negative; a figure counts days, items or a share, never below zero", place, *ans.Figure)
	}
	if defs == nil {
		return nil
	}
	it, _ := defs.Item(ans.ItemID)
	if it == nil {
		return fmt.Errorf("%s.item: %q is not an item of checklist version %s; the bundle may come from a newer Trainscope, which can import it", place, ans.ItemID, defs.Version)
	}
	if err := onScale(it, ans.Rating, true); err != nil {
		return fmt.Errorf("%s.rating: %w", place, err)
	}
	if ans.Figure != nil && it.Kind != assessment.Measure && it.Figure == nil {
		return fmt.Errorf("%s.figure: item %q is a %s, not a measure; only a measure takes a figure", place, ans.ItemID, it.Kind)
	}
	return nil
}

// onScale says whether r is a rating item it can have: one of its levels,
// not applicable, don't know, or (for an answer) unanswered.
func onScale(it *assessment.Item, r assessment.Rating, answer bool) error {
	switch {
	case r == assessment.NotApplicable || r == assessment.DontKnow:
	case r == assessment.Unanswered && answer:
	case r >= 1 && int(r) <= len(it.Levels):
	default:
		return fmt.Errorf("%d is not on the scale of item %q (a level from 1 to %d, -1 not applicable, -2 don't know)", r, it.ID, len(it.Levels))
	}
	return nil
}

// checkVoteItem checks a workshop's vote, observation or revealed item
// against the checklists, when the store knows them.
func checkVoteItem(defs *assessment.Definitions, item string, r assessment.Rating, place, ratingPlace string) error {
	if defs == nil {
		return nil
	}
	it, _ := defs.Item(item)
	if it == nil {
		return fmt.Errorf("%s: %q is not an item of checklist version %s", place, item, defs.Version)
	}
	if ratingPlace == "" {
		return nil
	}
	if err := onScale(it, r, false); err != nil {
		return fmt.Errorf("%s: %w", ratingPlace, err)
	}
	return nil
}
