package scenario

import "math"

// ScaleDecimals is how many decimals every door writes a number on an
// issue's scale from min to max with (a forecast, a position, an
// interval's ends, a move along the scale, a red line's bend): d = 2 −
// ⌊log₁₀ W⌋ for the scale's width W = max − min, at least one and at
// most MaxScaleDecimals (11, the narrowest valid scale's). That gives a
// number three significant figures of the scale's width, the precision
// the model's inputs carry (a position coded 45 on 0–100 is coded 0.45
// on 0–1): 0–100 and 0–10 → 1, 0–1000 → 1 (never fewer), 0–1 → 2
// (0.467 reads 0.47, not 0.5), 0–0.5 → 3, 0–0.04 → 4, 0–0.0005 → 6; a
// scale as narrow as MinScaleWidth (1e-9) → 11. A width that is not a
// positive finite number (a scale not yet valid) gets one: the rule
// never fails. It lives here, with the scale, so that the answers (ask)
// and the deal analysis (deal, which drops a red line's "bend" too small
// to show) read the one rule.
func ScaleDecimals(min, max float64) int { return WidthDecimals(max - min) }

// WidthDecimals is ScaleDecimals of a scale w wide. It compares w with
// 10, 1 and 0.1 rather than taking a logarithm, which need not be exact
// at a power of ten (math.Log10(10) must read 1 here, not 0.999…).
func WidthDecimals(w float64) int {
	if math.IsNaN(w) || math.IsInf(w, 0) || w <= 0 {
		return 1
	}
	for d := 1; d < MaxScaleDecimals; d++ {
		if w >= math.Pow10(2-d) {
			return d
		}
	}
	return MaxScaleDecimals
}

// MaxScaleDecimals is the most decimals ScaleDecimals gives: 2 −
// log₁₀ MinScaleWidth, the narrowest scale Validate accepts, so that no
// valid scale's numbers read as zeros. The API's schema bounds an
// issue's decimals by it.
const MaxScaleDecimals = 11

// ShownStep is the smallest difference a number on a scale w wide shows
// at its decimals (WidthDecimals): half a unit in the last decimal,
// 0.05 on 0–100 and 0.005 on 0–1. Two values closer than this may read
// the same; a difference below it reads as 0.
func ShownStep(w float64) float64 { return 0.5 * math.Pow10(-WidthDecimals(w)) }
