package ask

// Three lines the page wrote itself (captions27): a sweep's histogram's
// clause on a point outside its interval, a tornado's caption and the
// caveat under an issue's levers, now written here once and carried in
// the answers (SweepIssue's OutsideText, SensitivityIssue's
// CaptionText, Lever's CaveatText), which the page shows as they are.

import (
	"cmp"
	"strings"

	"parley/answer"
	"parley/sweep"
)

// SweepOutsideText is the clause a sweep's histogram of is, on an issue
// of d decimals, adds to its caption (its median and 80% interval)
// where the forecast at the stated values lies outside the draws' 80%
// interval, the test the sweep's warning makes (outsideWarning): "the
// forecast at the stated values, 50.9, lies outside the 80% interval";
// "" where it lies inside, or no draw was done.
func SweepOutsideText(is sweep.IssueSummary, draws, d int) string {
	if !outside80(is, draws) {
		return ""
	}
	return "the forecast at the stated values, " + cmp.Or(is.BaseText, gd(is.Base, d)) + ", lies outside the 80% interval"
}

// outside80 reports whether the forecast at the stated values lies
// outside the 80% interval of draws draws (none: it does not): the one
// test of the sweep's warning (outsideWarning) and of its histogram's
// clause (SweepOutsideText).
func outside80(is sweep.IssueSummary, draws int) bool {
	return draws > 0 && (is.Base < is.Lo80 || is.Base > is.Hi80)
}

// TornadoCaptionText is the caption of is's tornado, on an issue of d
// decimals: the issue's name and the forecast at the stated values its
// bars swing from, "Sanctions on Russia: 50.9 at the stated values".
func TornadoCaptionText(is answer.SensitivityIssue, d int) string {
	return is.Name + ": " + cmp.Or(is.BaseText, gd(is.Base, d)) + " at the stated values"
}

// LeverCaveatText is the line under an issue's levers for lv, where lv
// walks back an offer its actor tabled (WalksBack) and the issue's
// sentence, issueText, does not already say so with lv's own sentence:
// "caveat: " and lv's sentence (which names the offer), as parley
// advise prints it; "" for every other lever.
func LeverCaveatText(lv answer.Lever, issueText string) string {
	if lv.WalksBack == "" || lv.Text == "" || strings.Contains(issueText, lv.Text) {
		return ""
	}
	return "caveat: " + lv.Text
}
