package data

import (
	"fmt"
	"slices"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/bundle"
)

// What comes in from a file (a bundle, a response file) is checked twice:
// as text by package bundle, every string by the JSON key that holds it,
// and as the domain's values here, where it is turned into domain types.
// Both name the place in the file, e.g. trains[0].people[3].name. The
// store's own writes keep the same text rules (bundle.CheckText).

// textRule is what one text may hold; the rules are package bundle's.
type textRule = bundle.TextRule

var (
	idRule       = bundle.IDRule
	nameRule     = bundle.LineRule
	nameOnlyRule = bundle.NameRule
	noteRule     = bundle.NoteRule
	longRule     = bundle.LongRule
)

// textOf readies a file's bytes for the JSON decoder (bundle.TextOf).
func textOf(data []byte) ([]byte, error) { return bundle.TextOf(data) }

// checkText applies one rule to one string; place prefixes the message.
func checkText(s, place string, rule textRule) error { return bundle.CheckText(s, place, rule) }

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
