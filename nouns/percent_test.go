package nouns

import (
	"math"
	"testing"
)

// TestRoundHalfAway: each value rounded by hand on its decimal digits,
// half away from zero. Go's formatting rounds the binary value half to
// even: 2.5 → "2", 0.145 × 100 (14.499999999999998) → "14", 0.125 at
// one decimal after × 100 → "12.5" but 0.0125 × 1000 → "12.4" (binary).
func TestRoundHalfAway(t *testing.T) {
	for _, c := range []struct {
		v         float64
		shift, d  int
		want      string
		forReason string
	}{
		{0.025, 2, 0, "3", "2.5 rounds up"},
		{0.0249, 2, 0, "2", "2.49 rounds down"},
		{0.0251, 2, 0, "3", "2.51 rounds up"},
		{0.035, 2, 0, "4", "3.5 rounds up (half to even would too)"},
		{0.045, 2, 0, "5", "4.5 rounds up, not to even 4"},
		{0.145, 2, 0, "15", "14.5 though 0.145 is a hair under in binary"},
		{0.125, 2, 1, "12.5", "exact at one decimal"},
		{0.125, 2, 0, "13", "12.5 rounds up"},
		{0.00125, 2, 1, "0.1", "0.125 at one decimal: 0.1"},
		{0.00125, 2, 2, "0.13", "0.125 at two decimals: 0.13"},
		{0.9996, 2, 0, "100", "99.96 carries to 100 (the guard is Percent's)"},
		{0.9996, 2, 1, "100.0", "carry through the decimals"},
		{0.9995, 2, 2, "99.95", "exact"},
		{0.99995, 2, 2, "100.00", "99.995 carries"},
		{0.00004, 2, 0, "0", "0.004 is none at no decimals"},
		{0.00004, 2, 3, "0.004", "four thousandths"},
		{0.00006, 2, 2, "0.01", "0.006 rounds up into the last decimal"},
		{0, 2, 1, "0.0", "zero"},
		{-0.025, 2, 0, "-3", "away from zero below it too"},
		{-0.0249, 2, 0, "-2", ""},
		{-0.004, 2, 0, "0", "a negative that rounds to none is unsigned"},
		{8.65, 0, 1, "8.7", "a number already in percent"},
		{8.649, 0, 1, "8.6", ""},
		{2.45, 0, 1, "2.5", ""},
		{150, 0, 0, "150", ""},
		{1.5, 2, 0, "150", "a ratio above one"},
		{1234.5, 0, 0, "1235", ""},
		{9.95, 0, 1, "10.0", "carry adds a digit"},
		{1e-9, 2, 4, "0.0000", ""},
	} {
		if got := RoundHalfAway(c.v, c.shift, c.d); got != c.want {
			t.Errorf("RoundHalfAway(%v, %d, %d) = %q, want %q (%s)", c.v, c.shift, c.d, got, c.want, c.forReason)
		}
	}
}

// TestPercent: a share strictly between 0 and 1 never reads 0% or 100%;
// otherwise d decimals, rounded half away from zero.
func TestPercent(t *testing.T) {
	for _, c := range []struct {
		x    float64
		d    int
		want string
	}{
		{0.025, 0, "3%"}, {0.0249, 0, "2%"}, {0.0251, 0, "3%"}, {0.145, 0, "15%"},
		{0.125, 1, "12.5%"}, {0.0125, 1, "1.3%"}, {0.255, 0, "26%"},
		{0.9996, 0, "99.96%"}, {0.9996, 1, "99.96%"}, {0.99951, 0, "99.95%"}, {0.99995, 0, "99.995%"},
		{0.995, 0, "99.5%"}, {0.994, 0, "99%"},
		{0.004, 0, "0.4%"}, {0.005, 0, "1%"}, {0.00004, 0, "0.004%"},
		{1e-9, 0, "<0.0001%"}, {1 - 1e-9, 0, ">99.9999%"},
		{0, 0, "0%"}, {1, 0, "100%"}, {0, 1, "0.0%"}, {1, 1, "100.0%"},
		{-0.025, 0, "-3%"}, {-0.004, 0, "0%"}, {-0.123, 1, "-12.3%"}, {1.5, 0, "150%"}, {1.0004, 0, "100%"},
	} {
		if got := Percent(c.x, c.d); got != c.want {
			t.Errorf("Percent(%v, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
	}
	for _, c := range []struct {
		p    float64
		d    int
		want string
	}{
		{8.65, 1, "8.7%"}, {8.649, 1, "8.6%"}, {0.02, 1, "0.02%"}, {99.97, 1, "99.97%"}, {0, 1, "0.0%"},
		{100, 1, "100.0%"}, {120.05, 1, "120.1%"}, {1e-7, 1, "<0.0001%"},
	} {
		if got := PercentPoints(c.p, c.d); got != c.want {
			t.Errorf("PercentPoints(%v, %d) = %q, want %q", c.p, c.d, got, c.want)
		}
	}
}

// TestRoundHalfAwayNotANumber: NaN and ±Inf come back as strconv writes
// them, not as digits read from "NaN".
func TestRoundHalfAwayNotANumber(t *testing.T) {
	for v, want := range map[float64]string{math.NaN(): "NaN", math.Inf(1): "+Inf", math.Inf(-1): "-Inf"} {
		if got := RoundHalfAway(v, 2, 1); got != want {
			t.Errorf("RoundHalfAway(%v) = %q, want %q", v, got, want)
		}
	}
}
