package scenario

import (
	"fmt"
	"math"
	"strconv"
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

// RangeText writes the range lo–hi of a value that moved (an unsettled
// forecast's, a run's medians past its stop), each end with f at d
// decimals (the issue's, ScaleDecimals, with the door's way of writing a
// number). A value that moved is never written as a point, which would
// say it did not: where both ends read the same at d decimals (it moved
// less than they show), they get as many more decimals, up to
// RangeDecimalsMax(d), as part them ("56.66–56.74" where one decimal
// reads both 56.7); where even those do not, the end as f writes it and
// how little it moved: "56.7 (moving by less than 0.0001)". It is the
// one rule: ask.RangeText is it, model bdm's notes write by it, and the
// page's rangeText in web/src/util.ts follows it.
func RangeText(lo, hi float64, d int, f func(float64, int) string) string {
	d = max(d, 1)
	a, b := f(lo, d), f(hi, d)
	switch {
	case a != b:
		return RangeJoin(a, b)
	case !finite(lo) || !finite(hi):
		return a
	}
	top := RangeDecimalsMax(d, lo, hi)
	if k := RangeDecimals(lo, hi, d+1, top); k > 0 {
		return RangeJoin(FixedText(lo, k), FixedText(hi, k))
	}
	return fmt.Sprintf("%s (moving by less than %s)", a, FixedText(math.Pow10(-top), top))
}

// RangeDecimalsMax is the most decimals RangeText gives the ends of a
// range on a scale of d decimals to part them: four, or two more than
// the scale's where it has more than two (so a 0–100 or a 0–1 scale's
// ranges part at most at 0.0001, and a narrow scale's still go two
// places past its own numbers), but no more than a float64 carries for
// numbers the size of ends (CarriedDecimals: 8 near 1e6, where a tenth
// decimal is the float's noise), nor fewer than d. Two ends that read the
// same at this many decimals lie within one step of the last of them.
func RangeDecimalsMax(d int, ends ...float64) int {
	return max(d, min(max(4, d+2), CarriedDecimals(ends...)))
}

// RangeDecimals is the fewest decimals, from `from` to `to`, at which lo
// and hi read differently (FixedText); 0 when none part them.
func RangeDecimals(lo, hi float64, from, to int) int {
	for d := max(from, 1); d <= to; d++ {
		if FixedText(lo, d) != FixedText(hi, d) {
			return d
		}
	}
	return 0
}

// FixedText writes x with d decimals, and a number that reads as zero
// ("-0.0") unsigned.
func FixedText(x float64, d int) string {
	s := strconv.FormatFloat(x, 'f', d, 64)
	if strings.Trim(s, "-0.") == "" {
		return strings.TrimPrefix(s, "-")
	}
	return s
}
