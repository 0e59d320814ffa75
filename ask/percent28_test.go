package ask

import (
	"strings"
	"testing"

	"parley/answer"
)

// TestPercentTextRoundsHalfAway: PercentText rounds half away from zero
// on the decimal number a reader computes from the share, as by hand.
// Before, Go's formatting rounded the binary value half to even: 0.025
// read "2%", 0.145 "14%" (14.499999999999998 in binary), 0.045 "4%".
func TestPercentTextRoundsHalfAway(t *testing.T) {
	for _, c := range []struct {
		x    float64
		d    int
		want string
	}{
		{0.025, 0, "3%"}, {0.0249, 0, "2%"}, {0.0251, 0, "3%"}, {0.045, 0, "5%"}, {0.145, 0, "15%"},
		{0.125, 1, "12.5%"}, {0.125, 0, "13%"}, {0.0125, 1, "1.3%"}, {0.00125, 2, "0.13%"},
		{0.9996, 0, "99.96%"}, {0.995, 0, "99.5%"}, {0.994, 0, "99%"}, {0.005, 0, "1%"}, {0.0049, 0, "0.5%"},
		{-0.025, 0, "-3%"}, {-0.0249, 0, "-2%"}, {-0.004, 0, "0%"},
	} {
		if got := PercentText(c.x, c.d); got != c.want {
			t.Errorf("PercentText(%v, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
	}
}

// TestPercentsOnOneRule: the percents written apart from PercentText
// are now its rule. Each was its own: a distance "%.1f" ("0.0%" for a
// distance of 0.04, "8.6%" for 8.65 in binary), the settle warning
// "%.1f" or "under 0.1%", a plan's cost "%.1f" or two significant
// digits, a median's pull and bdm's compromise "%.0f" half to even, the
// likeliest note's pair of chances fixed's binary rounding.
func TestPercentsOnOneRule(t *testing.T) {
	for _, c := range []struct{ name, got, want string }{
		{"distance of 0.04% of the scale", DistancePct(0.04), "0.04%"},
		{"distance of 8.65% of the scale", DistancePct(8.65), "8.7%"},
		{"distance of 0.25% of the scale", DistancePct(0.25), "0.3%"},
		{"distance of none", DistancePct(0), "0.0%"},
		{"a cost of 0.25% of scale", PlanCostText(0.25, PercentOfScale), "0.3"},
		{"a cost of 2.45% of scale", PlanCostText(2.45, PercentOfScale), "2.5"},
		{"a cost of 0.012% of scale", PlanCostText(0.012, PercentOfScale), "0.01"},
		{"a cost of 0.004% of scale", PlanCostText(0.004, PercentOfScale), "0.004"},
		{"a cost of none", PlanCostText(0, PercentOfScale), "0.0"},
		{"a cost of the whole scale", PlanCostText(100, PercentOfScale), "100.0"},
		// 100 × 0.1 / 8 = 1.25% of the scale
		{"moved 1.25% of the scale", unsettledIssue{width: 8, s: settling{hi: 0.1, d: 1}}.movedText(), "1.3% of the scale"},
		// 100 × 0.004 / 10 = 0.04%, which read "under 0.1% of the scale"
		{"moved 0.04% of the scale", unsettledIssue{width: 10, s: settling{hi: 0.004, d: 3}}.movedText(), "0.04% of the scale"},
		{"a median's pull of 0.125", PullText("median", 0.125, 0), "+13%"},
		{"a median's pull of -0.00125", PullText("median", -0.00125, 2), "-0.13%"},
		{"a median's pull that reads none", PullText("median", 0.00001, 1), "0.0%"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
	// bdm's compromise moves |X/Y| of the way: 0.1/0.8 = 0.125, 13%
	mv := answer.BDMMove{Kind: "compromise", X: -0.1, Y: 0.8, From: 40, To: 45}
	if got := moveWhy("A", "B", mv, 0, "E9", false); !strings.Contains(got, "A compromises, 13% of the way to B") {
		t.Errorf("compromise: %q, want it to say 13%% of the way", got)
	}
	// two chances that read alike at a whole percent, apart at one
	// decimal: 12.25% and 12.15% read 12.3% and 12.2% (half away)
	if a, b := chancesApart(0.1225, 0.1215); a != "12.3%" || b != "12.2%" {
		t.Errorf("chancesApart(0.1225, 0.1215) = %q, %q, want 12.3%%, 12.2%%", a, b)
	}
}

// TestBinShareText: a histogram bin's share of the draws, one decimal by
// PercentText's rule; the command line's and the page's "%.1f" wrote 1
// of 16 (6.25%) as "6.2%" and 1 of 20,000 (0.005%, which rounds half away) as "0.0%".
func TestBinShareText(t *testing.T) {
	for _, c := range []struct {
		count, draws int
		want         string
	}{
		{1, 16, "6.3%"}, {25, 200, "12.5%"}, {1, 20000, "0.01%"}, {1, 40000, "0.003%"}, {0, 200, "0.0%"}, {200, 200, "100.0%"},
		{1999, 2000, "99.95%"}, {5, 0, NoNumber},
	} {
		if got := BinShareText(c.count, c.draws); got != c.want {
			t.Errorf("BinShareText(%d, %d) = %q, want %q", c.count, c.draws, got, c.want)
		}
	}
}
