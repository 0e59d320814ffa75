package nouns

import (
	"math"
	"strconv"
	"strings"
)

// PercentDecimals is the most decimals Percent adds to keep a share
// strictly between none and all from reading "0%" or "100%".
const PercentDecimals = 4

// Percent writes a share x (a part of one: 0.26) as a percent, "26%", by
// the one rule every layer writes a share with:
//
//   - d decimals, rounded half away from zero on the decimal number a
//     reader would compute from x, not on its binary value: 0.025 at no
//     decimals reads "3%" (as 2.5 rounds to 3 by hand), 0.0249 "2%",
//     0.125 at one decimal "12.5%", 0.145 at none "15%" (0.145 is
//     0.14499999999999999 in binary, which Go's formatting rounds to
//     "14%"; the reader sees 0.145). The decimal number is x's shortest
//     decimal form (the digits strconv writes for it), times 100.
//   - more decimals only where d would mislead: a share strictly between
//     0 and 1 never reads "0%" or "100%" ("0.3%", "0.004%", "99.96%"),
//     up to PercentDecimals (or d, if more); one nearer 0 or 1 than that
//     reads "<0.0001%" or ">99.9999%".
//   - a share of exactly 0 or 1 reads "0%" or "100%" (with d decimals); one
//     outside 0–1 (a negative share, a ratio above one) is written with d
//     decimals by the same rounding, away from zero on either side
//     (-0.025 reads "-3%"), and one that rounds to zero reads "0%", not
//     "-0%".
//
// x must be a number: NaN and ±Inf are the caller's to write (ask writes
// them as ask.NoNumber).
func Percent(x float64, d int) string { return figure(x, 2, d) + "%" }

// PercentPoints writes p, a quantity already in percent (a distance as
// a percent of a scale, 8.65), as Percent writes the share p/100: the
// same decimals, rounding and guards ("8.7%"; 0.02 of a percent at one
// decimal "0.02%", not "0.0%"), on the decimal number p itself, so that
// dividing by 100 adds no binary error of its own.
func PercentPoints(p float64, d int) string { return PercentFigure(p, d) + "%" }

// PercentFigure is PercentPoints without its "%", for a line whose unit
// follows the number ("2.5% of scale", "0.01 of the scale's percent").
func PercentFigure(p float64, d int) string { return figure(p, 0, d) }

// figure writes v × 10^shift as the number of a percent by Percent's
// rule, without the "%"; whole is v's value at 100%.
func figure(v float64, shift, d int) string {
	whole := 1.0
	if shift == 0 {
		whole = 100
	}
	most := max(d, PercentDecimals)
	for e := d; e <= most; e++ {
		s := RoundHalfAway(v, shift, e)
		r, _ := strconv.ParseFloat(s, 64)
		if (v > 0 && r == 0) || (v > 0 && v < whole && r == 100) {
			continue
		}
		return s
	}
	if v < whole/2 {
		return "<0." + strings.Repeat("0", most-1) + "1"
	}
	return ">99." + strings.Repeat("9", most)
}

// RoundHalfAway writes v × 10^shift with d decimals (d ≥ 0), rounded half
// away from zero on v's shortest decimal form (the digits strconv
// writes for v, which read back as v): RoundHalfAway(0.025, 2, 0) is
// "3", RoundHalfAway(0.145, 2, 0) "15", RoundHalfAway(-2.5, 0, 0) "-3".
// A number that rounds to zero is written unsigned ("0.0", not "-0.0").
// Shifting the decimal point in the digits, not multiplying in binary,
// is what keeps 100 × 0.145 from being 14.499999999999998.
func RoundHalfAway(v float64, shift, d int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', d, 64) // "NaN", "+Inf": the caller's to word
	}
	s := strconv.FormatFloat(v, 'e', -1, 64) // "-1.45e-01"
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	digits := strings.Replace(mant, ".", "", 1)
	// v = 0.digits × 10^point after the shift: point is how many of
	// digits stand before the decimal point (negative: zeros after it).
	point := e + 1 + shift
	if digits == "0" {
		point = 1
	}
	// keep point + d digits, and round up where the first dropped one is
	// 5 or more: half away from zero, since the sign is set apart
	keep := point + d
	var kept []byte
	up := false
	switch {
	case keep < 0:
		kept = nil
	case keep >= len(digits):
		kept = []byte(digits + strings.Repeat("0", keep-len(digits)))
	default:
		kept = []byte(digits[:keep])
		up = digits[keep] >= '5'
	}
	if up {
		i := len(kept) - 1
		for ; i >= 0 && kept[i] == '9'; i-- {
			kept[i] = '0'
		}
		if i >= 0 {
			kept[i]++
		} else {
			kept = append([]byte{'1'}, kept...) // 99.96 → 100
		}
	}
	// kept is v × 10^(shift+d), an integer: its last d digits are the
	// decimals (zeros in front where it has fewer than d + 1 digits)
	if len(kept) < d+1 {
		kept = append([]byte(strings.Repeat("0", d+1-len(kept))), kept...)
	}
	n := len(kept)
	out := string(kept[:n-d])
	out = strings.TrimLeft(out, "0")
	if out == "" {
		out = "0"
	}
	if d > 0 {
		out += "." + string(kept[n-d:])
	}
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out
}
