package assessment

import (
	"fmt"
	"strings"
)

// The few helpers every generated sentence goes through, so a count, a
// plural and a list read the same in the GUI, the PDF, the CSV and the CLI.

// Plural is one when n is 1, many otherwise.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count writes n with its noun: "1 team", "3 teams".
func Count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, Plural(n, one, many)) }

// Number writes a small count in words, as prose does ("two teams"), and
// larger ones in digits.
func Number(n int) string {
	words := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
}

// List joins items as prose does: "A", "A and B", "A, B and C".
func List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func plural(n int, one, many string) string { return Plural(n, one, many) }
