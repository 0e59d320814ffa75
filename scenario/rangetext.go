package scenario

import (
	"fmt"
	"strings"
)

// RangeJoin writes a range from its two ends, each already written as a
// number: "45.3–54.1", joined by an en dash, or, where either end is
// negative, "-2.18 to -1.99", joined by " to ": an en dash beside a minus
// sign ("-2.18–-1.99") reads as two dashes, or as a subtraction. The
// numbers keep the hyphen-minus every door writes a number with (the
// JSON, the tables, the CSV), so a number copied from a range reads back
// the same. Every door joins a range's ends by it (the answers' text in
// ask, the command line, the brief, deal's notes; the page through
// rangeJoin in web/src/util.ts).
func RangeJoin(lo, hi string) string { return lo + RangeSep(lo, hi) + hi }

// RangeSep is the separator RangeJoin puts between a range's ends, for
// ranges shown together in a column (a histogram's bins), given every end
// written: " to " where any of them is negative, so that the column keeps
// one separator and lines up, else the en dash.
func RangeSep(ends ...string) string {
	for _, e := range ends {
		if strings.HasPrefix(e, "-") || strings.HasPrefix(e, "−") {
			return " to "
		}
	}
	return "–"
}

// scaleText writes a scale's ends as a range, each as %v writes it, for
// validation's messages: "0–100", "-5 to 0".
func scaleText(lo, hi float64) string { return RangeJoin(fmt.Sprint(lo), fmt.Sprint(hi)) }
