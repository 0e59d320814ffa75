package ask

import (
	"strconv"
	"strings"

	"parley/answer"
	"parley/sweep"
)

// Saliences reach the models on 0–1 (scenario.Stance.Salience01); every
// answer gives them back on the file's own scale, as it gives
// capabilities and positions back as written (docs/DECISIONS.md,
// "Saliences are answered on the file's scale"). The answer's scenario
// carries that scale as salience_scale, and InputValue writes any input's
// value on it, at every door.

// salienceScale is the scale the answer's scenario gives saliences on: 1
// or 100 (1 for a scenario built without one).
func salienceScale(sc *answer.Scenario) float64 {
	if sc != nil && sc.SalienceScale == 100 {
		return 100
	}
	return 1
}

// onFileScale puts a salience the models read (0–1) on the scale sc
// gives saliences on, rounded to 12 significant figures so that 0.95
// reads 95, not 95.00000000000001; on 0–1 it is x unchanged.
func onFileScale(sc *answer.Scenario, x float64) float64 {
	s := salienceScale(sc)
	if s == 1 {
		return x
	}
	y, err := strconv.ParseFloat(strconv.FormatFloat(x*s, 'g', 12, 64), 64)
	if err != nil {
		return x * s
	}
	return y
}

// SalienceDecimals is how many decimals a salience is written with at
// least: two on 0–1 (0.90), none on 0–100 (90): the same precision on
// either scale. A salience with more is written with up to
// salienceMoreDecimals more (salienceText).
func SalienceDecimals(sc *answer.Scenario) int {
	if salienceScale(sc) == 100 {
		return 0
	}
	return 2
}

// salienceMoreDecimals is how many decimals past SalienceDecimals a
// salience that has them is written with: 92.5 on 0–100 reads 92.5, not
// 92 (a tie rounded to even at no decimals), 0.925 on 0–1 0.925; a
// value the models computed is rounded at 92.35 or 0.9235 (a hundredth
// of a point of 0–100 on either scale).
const salienceMoreDecimals = 2

// salienceText writes a salience on the file's scale (InputValue's rule):
// SalienceDecimals decimals, and up to salienceMoreDecimals more where
// the value has them, trailing zeros past the least dropped.
func salienceText(sc *answer.Scenario, x float64) string {
	least := SalienceDecimals(sc)
	s := fixed(x, least+salienceMoreDecimals)
	dot := strings.IndexByte(s, '.')
	if dot < 0 {
		return s
	}
	keep := len(s)
	for keep > dot+1+least && s[keep-1] == '0' {
		keep--
	}
	if keep == dot+1 {
		keep = dot
	}
	return s[:keep]
}

// InputValue writes the value x of an input of kind "position" (on
// issue's scale, with its decimals), "salience" (on the file's salience
// scale, salienceText: SalienceDecimals, more where it has them) or "capability" (as written, one decimal):
// the one rule by which every door writes a stance's or an actor's input
// back to the user — advice's levers and heads, a tornado's ranges. The
// page writes it by the same rule (inputValue in web/src/util.ts).
func InputValue(sc *answer.Scenario, kind, issue string, x float64) string {
	switch kind {
	case string(sweep.Salience):
		return salienceText(sc, x)
	case string(sweep.Position):
		return fixed(x, sc.IssueDecimals(issue))
	}
	return fixed(x, 1)
}

// salienceInput puts a salience input of a sweep or a sensitivity
// analysis on the file's scale (its low, value and high); any other
// input is on it already.
func salienceInput(sc *answer.Scenario, in *sweep.Input) {
	if in.Kind == sweep.Salience {
		in.Lo, in.Mode, in.Hi = onFileScale(sc, in.Lo), onFileScale(sc, in.Mode), onFileScale(sc, in.Hi)
	}
}

// LeverValue writes a lever's value x (its From or To) as InputValue
// writes its input: a position lever's on its issue's scale, a salience
// lever's on the file's salience scale. Advice's sentences and every
// door's table of levers write them so.
func LeverValue(sc *answer.Scenario, lv answer.Lever, x float64) string {
	kind := string(sweep.Position)
	if lv.Kind == answer.LeverOwnSalience || lv.Kind == answer.LeverPersuadeSalience {
		kind = string(sweep.Salience)
	}
	return InputValue(sc, kind, lv.Issue, x)
}
