package bundle

import (
	"bytes"
	"fmt"
	"reflect"
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

// TextOf readies a file's bytes for the JSON decoder: a byte-order mark is
// skipped, and a file that is not UTF-8 is refused with the line and
// column of its first bad byte. encoding/json would silently replace such
// bytes with U+FFFD, so two ids that differ only there would merge.
func TextOf(data []byte) ([]byte, error) {
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

// TextRule is what one JSON key may hold.
type TextRule struct {
	What      string // in the message: "a name", "a note"
	Max       int    // characters
	MultiLine bool   // tab, newline and carriage return allowed
}

var (
	IDRule = TextRule{"an id", assessment.MaxIDLength, false}
	// LineRule is a one-line text: a title, a label, a PI.
	LineRule = TextRule{"a one-line text", assessment.MaxNameLength, false}
	// NameRule is a person's, a team's or a train's name.
	NameRule = TextRule{"a name", assessment.MaxNameLength, false}
	NoteRule = TextRule{"a note", assessment.MaxNoteLength, true}
	LongRule = TextRule{"a description", assessment.MaxDescriptionLength, true}
)

// textRules maps each JSON key of the bundle and response formats that
// holds text (or a list of texts) to its rule; a key not listed is a
// one-line text. Keys of both formats share their meaning everywhere.
var textRules = map[string]TextRule{
	"id": IDRule, "item": IDRule, "person": IDRule, "participant": IDRule, "team": IDRule,
	"scrum_master": IDRule, "product_owner": IDRule, "developers": IDRule, "recurrence_of": IDRule,
	"recommendation": IDRule, "checklist": IDRule, "assessment": IDRule, "revealed": IDRule, "ref": IDRule,
	"conflict_of": IDRule,

	"name": NameRule,
	"note": NoteRule, "evidence": NoteRule, "reason": NoteRule, "override_reason": NoteRule,
	"description": LongRule, "finding": LongRule, "action": LongRule, "acceptance": LongRule, "text": LongRule,
}

// CheckTexts walks a decoded file (a *Bundle, a *ResponseFile) and refuses
// the first string with a control character (tab and line breaks are
// allowed in notes and descriptions only), a U+FFFD replacement character
// (what is left of text that was not UTF-8, or of a lone \ud800 escape), or
// more characters than its limit.
func CheckTexts(v any) error {
	return walkTexts(reflect.ValueOf(v), "", LineRule)
}

func walkTexts(v reflect.Value, place string, rule TextRule) error {
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
				r = LineRule
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
		return CheckText(v.String(), place, rule)
	}
	return nil
}

// CheckText applies one rule to one string; place prefixes the message.
func CheckText(s, place string, rule TextRule) error {
	n := 0
	for _, r := range s {
		n++
		switch {
		case r == utf8.RuneError:
			return fmt.Errorf("%s: character %d is U+FFFD, what is left of text that was not valid UTF-8; correct it in the program that wrote the file", place, n)
		case rule.MultiLine && (r == '\t' || r == '\n' || r == '\r'):
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			hint := "a one-line text takes printable characters only"
			if rule.MultiLine {
				hint = "only tabs and line breaks may stand between its printable characters"
			}
			return fmt.Errorf("%s: character %d is a control character (U+%04X); %s", place, n, r, hint)
		}
	}
	if n > rule.Max {
		return fmt.Errorf("%s: %d characters, more than the %d %s may have", place, n, rule.Max, rule.What)
	}
	return nil
}
