package scenario

import (
	"math"
	"strconv"
	"strings"
)

// ScaleDecimals is how many decimals every door writes a number on an
// issue's scale from lo to hi with (a forecast, a position, an
// interval's ends, a move along the scale, a red line's bend): d = 2 −
// ⌊log₁₀ W⌋ for the scale's width W = hi − lo (WidthDecimals), at least
// one and at most MaxScaleDecimals (11, the narrowest valid scale's), and
// never more than a float64 near the scale's ends carries
// (CarriedDecimals: 15 significant digits, so 8 decimals near 1e6). That
// gives a number three significant figures of the scale's width, the
// precision the model's inputs carry (a position coded 45 on 0–100 is
// coded 0.45 on 0–1): 0–100 and 0–10 → 1, 0–1000 → 1 (never fewer), 0–1
// → 2 (0.467 reads 0.47, not 0.5), 0–0.5 → 3, 0.2–0.3 → 3, 0–0.04 → 4,
// 0–0.0005 → 6; a scale as narrow as MinScaleWidth (1e-9) → 11. The
// width is first rounded to the decimals its ends carry, where the noise
// of the subtraction lies (1e6 + 1e-5 − 1e6 is 9.99999997e-6 in float64:
// 1e-5, seven decimals). A width that is not a positive finite number (a
// scale not yet valid) gets one: the rule never fails. It lives here,
// with the scale, so that the answers (ask) and the deal analysis (deal,
// which drops a red line's "bend" too small to show) read the one rule.
func ScaleDecimals(lo, hi float64) int {
	w := hi - lo
	if !finite(w) || w <= 0 {
		return 1
	}
	c := CarriedDecimals(lo, hi)
	if c < MaxScaleDecimals+widthDigits {
		w, _ = strconv.ParseFloat(strconv.FormatFloat(w, 'f', c, 64), 64)
	}
	if w == 0 {
		// Narrower than the ends can part (a scale validation refuses).
		return min(max(1, c), MaxScaleDecimals)
	}
	return max(1, min(WidthDecimals(w), c))
}

// CarriedDecimals is how many decimals a float64 carries for numbers as
// large as the largest of xs in size, |x| ≤ m: 15 significant digits (a
// float64 holds every 15-digit decimal exactly, and not every 16-digit
// one), less the digits before the decimal point, 14 − ⌊log₁₀ m⌋: 8 near
// 1e6, 14 near 1, 2 near 1e12, more below 1. Digits past it are the
// float's own noise, not the model's answer. It is a large number where
// no x is finite and not zero (no bound).
func CarriedDecimals(xs ...float64) int {
	m := 0.0
	for _, x := range xs {
		if finite(x) {
			m = math.Max(m, math.Abs(x))
		}
	}
	if m == 0 {
		return math.MaxInt32
	}
	return floatDigits - 1 - DecimalExponent(m, floatDigits)
}

// floatDigits is the significant decimal digits a float64 always
// carries: every decimal of 15 digits survives a round trip through it.
const floatDigits = 15

// WidthDecimals is ScaleDecimals of a scale w wide, without the bound of
// its ends: 2 − ⌊log₁₀ w⌋, one at least and MaxScaleDecimals at most.
// The width is first read to widthDigits significant digits, so that a
// width that is a round decimal number up to binary floating point's
// noise counts as that number: a scale from 0.2 to 0.3 is
// 0.09999999999999998 wide in float64, which is 0.1 (three decimals),
// not a width under 0.1 (four). ⌊log₁₀ w⌋ is the exponent of w written in
// e-notation at that precision, exact where math.Log10 need not be (it
// must read 1 at 10, not 0.999…).
func WidthDecimals(w float64) int {
	if !finite(w) || w <= 0 {
		return 1
	}
	return min(max(1, 2-DecimalExponent(w, widthDigits)), MaxScaleDecimals)
}

// widthDigits is how many significant digits of a scale's width its
// decimals are read from (WidthDecimals): fewer than float64's 15–17, so
// that the noise of a subtraction (0.3 − 0.2 = 0.09999999999999998, off
// in the seventeenth) rounds away, and far more than any width written
// by hand has.
const widthDigits = 12

// DecimalExponent is ⌊log₁₀ |x|⌋ of x rounded to digits significant
// digits: the exponent of x written in e-notation (0.09999999999999998 to
// twelve digits is 1.00000000000e-01: −1). x is finite and not zero.
func DecimalExponent(x float64, digits int) int {
	s := strconv.FormatFloat(x, 'e', digits-1, 64)
	e, _ := strconv.Atoi(s[strings.IndexByte(s, 'e')+1:])
	return e
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

// NoiseShare is the share of a scale's width within which two values
// differ only by floating-point noise (ScaleNoise): far above a model's
// own arithmetic (ks and nash bisect to about 1e-13 of the width, a
// weighted mean is off by a few units in the last place) and far below
// the smallest difference a scale shows (ShownStep, at least 5e-4 of
// the width). ask.PullDecimals reads a pull within this share of the
// largest as zero.
const NoiseShare = 1e-9

// ScaleNoise is how near two values on the scale from lo to hi must be
// to differ only by floating-point noise: a billionth of the width, or
// the last decimal a float64 carries at the scale's ends
// (CarriedDecimals), the larger: 1e-7 on 0–100, 1e-14 on 1 to 1 + 1e-9
// (a billionth of that width, 1e-18, is below a float64's resolution
// near 1). A value this near a red line's bound reads as on it
// (deal.Crosses): noise never decides a crossing.
func ScaleNoise(lo, hi float64) float64 {
	n := math.Max(NoiseShare*(hi-lo), math.Pow10(-CarriedDecimals(lo, hi)))
	if !finite(n) || n < 0 {
		return 0
	}
	return n
}
