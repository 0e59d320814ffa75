package ask

import (
	"math"
	"testing"

	"parley/answer"
)

// PercentText is the one rule a share is written by: d decimals, more
// only where a share strictly between 0 and 1 would read 0% or 100%,
// up to four (or d); a share outside 0–1 as it is. Each door's share
// writer is that rule: a chance and its interval, a backtest's coverage,
// a share of the weight (its d the column's), of the scale or of what
// an actor lacks (advice), and of runs (a warning). Before, advice wrote
// "4.1%" and "0.82%" (one decimal under 10%, two digits under 1%), a
// warning "2.6%" and "<0.1%" (one decimal), the coverage a bare whole
// percent that read 1 of 300 as "0%", and a share of the weight
// 0.9996 as "100.0%".
func TestPercentTextOneRule(t *testing.T) {
	for _, c := range []struct {
		x    float64
		d    int
		want string
	}{
		{0, 0, "0%"}, {1, 0, "100%"}, {0.26, 0, "26%"}, {0.041, 0, "4%"},
		{0.003, 0, "0.3%"}, {0.0082, 0, "1%"}, {0.00004, 0, "0.004%"}, {0.997, 0, "99.7%"}, {0.99996, 0, "99.996%"},
		{1e-9, 0, "<0.0001%"}, {1 - 1e-9, 0, ">99.9999%"},
		{0.5, 1, "50.0%"}, {0.0004, 1, "0.04%"}, {0.9996, 1, "99.96%"}, {-0.123, 1, "-12.3%"}, {1.5, 0, "150%"},
		{math.NaN(), 0, NoNumber}, {math.Inf(1), 1, NoNumber},
	} {
		if got := PercentText(c.x, c.d); got != c.want {
			t.Errorf("PercentText(%v, %d) = %q, want %q", c.x, c.d, got, c.want)
		}
	}
	for _, c := range []struct{ name, got, want string }{
		{"Chance", Chance(0.003), "0.3%"},
		{"ChanceInterval", ChanceInterval([2]float64{0.0004, 0.999}), "0.04–99.9%"},
		{"CoverageText of 1 in 300", CoverageText(answer.Num(1.0 / 300)), "0.3%"},
		{"CoverageText of 2 in 3", CoverageText(answer.Num(2.0 / 3)), "67%"},
		{"CoverageText of none", CoverageText(answer.Num(math.NaN())), NoNumber},
		{"WeightShareText", WeightShareText(0.9996, 1), "99.96%"},
		{"WeightShareText of noise", WeightShareText(1e-12, 1), "0.0%"},
		{"WeightShareText of all but noise", WeightShareText(1-1e-12, 1), "100.0%"},
		{"shareText", shareText(0.0123, 0.3), "4%"},
		{"shareText, small", shareText(0.0082, 1), "1%"},
		{"percent of runs", percent(52, 2000), "3%"},
		{"percent of runs, few", percent(3, 10000), "0.03%"},
		{"percent of runs, all", percent(5, 5), "100%"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", c.name, c.got, c.want)
		}
	}
	// a step is an input, written as stated: its own decimals
	sc := &answer.Scenario{Issues: []answer.Issue{{ID: "x", Name: "X", Decimals: 1}}, SalienceScale: 1}
	want := "One step, at most: 0.25 on a position, 2.5% of the scale 0–10, and 0.025 on a salience, 2.5% of its scale 0–1 (step 0.025, " + AdviseStepUnit + "; as asked (advise's default is 0.05))."
	if got := AdviseStepText(sc, "x", 0, 10, 0.025); got != want {
		t.Errorf("step text\n%q, want\n%q", got, want)
	}
}
