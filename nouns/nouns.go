// Package nouns counts things in words, one rule for every door and
// every layer: "1 round", "2 rounds", "1 entry", "3 entries"; and writes
// a share as a percent, "26%", by one rounding (Percent). It sits
// below the scenario readers and the answers alike, so that a peer
// file's error, a validation summary and an answer count the same way.
package nouns

import (
	"strconv"
	"strings"
)

// Count is a count and its noun: "1 round", "2 rounds".
func Count(n int, noun string) string { return strconv.Itoa(n) + " " + For(n, noun) }

// For is noun as n of it are counted: "round" for 1, else "rounds";
// "entry", "entries"; "bus", "buses". Only the last word of a noun of
// several ("Newton step") is counted. Nouns whose plural is irregular
// are not counted with it.
func For(n int, noun string) string {
	if n == 1 {
		return noun
	}
	l := len(noun)
	switch {
	case l > 1 && noun[l-1] == 'y' && !strings.ContainsRune("aeiou", rune(noun[l-2])):
		return noun[:l-1] + "ies"
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		return noun + "es"
	}
	return noun + "s"
}

// Possessive is a name's English possessive, the one rule every layer
// makes one by: "Russia's", but "United States'" and "Automation
// safeguards'" for a name ending in s.
func Possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// And joins words as a sentence lists them: "a", "a and b", "a, b and
// c"; "" for none.
func And(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// Or joins alternatives as a sentence offers them: "a", "a or b",
// "a, b or c"; "" for none.
func Or(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// AndMore is And of words when there are at most most of them; of more,
// the first most and how many more: "a, b, c and 2 more". Every list
// that names only its first few says the rest this one way.
func AndMore(words []string, most int) string {
	if len(words) > most {
		return strings.Join(words[:most], ", ") + " and " + strconv.Itoa(len(words)-most) + " more"
	}
	return And(words)
}

// Verb is verb as its subject, a count of n, takes it: "rest" and "is"
// for one are "rests" and "is", for any other count "rest" and "are".
// (A count of one thing agrees in the singular: "1 of 6 stances rests
// on a quote".)
func Verb(n int, verb string) string {
	switch {
	case verb == "is" && n != 1:
		return "are"
	case verb == "is", n != 1:
		return verb
	}
	return verb + "s"
}
