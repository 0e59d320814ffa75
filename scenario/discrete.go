package scenario

import (
	"strconv"

	"parley/nouns"
)

// IsOption reports whether x is one of the anchors' values, to within
// the floating-point noise of the scale lo–hi (ScaleNoise): the test of a
// value on a discrete issue (Issue.Discrete), which the scenario's
// proposals and deal evaluate's package must pass.
func IsOption(anchors []Anchor, lo, hi, x float64) bool {
	tol := ScaleNoise(lo, hi)
	for _, a := range anchors {
		if abs(a.Value-x) <= tol {
			return true
		}
	}
	return false
}

// OptionsText lists a discrete issue's options, each value with its
// label: "1 (1 year), 2 (2 years), 3 (3 years) or 5 (5 years)", the
// valid values a refusal names.
func OptionsText(anchors []Anchor) string {
	var out []string
	for _, a := range anchors {
		out = append(out, strconv.FormatFloat(a.Value, 'g', -1, 64)+" ("+a.Label+")")
	}
	return nouns.Or(out)
}

// NotOptionText is the refusal of the value x of what (a proposal, a
// package) on the discrete issue named name: what is wrong, and what is
// valid.
func NotOptionText(what, name string, x float64, anchors []Anchor) (msg, valid string) {
	return what + " gives " + name + " the value " + strconv.FormatFloat(x, 'g', -1, 64) + ", which is not one of its options: " + name + " is a discrete issue (discrete: true), whose only outcomes are its options",
		"one of " + OptionsText(anchors)
}
