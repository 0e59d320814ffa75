package cli

import (
	"strings"
	"testing"
)

// TestBacktestTieCell: median's 30.0 lies midway between the options 24
// and 36 (parley forecast: 30.0 →24 / 36), and the outcome is 36
// (ask/testdata/backtest-tie.yaml). It read "30.0 (6.0) ✓" and counted a
// whole hit, "1/1". By hand: a tie between 2 options, one of them the
// outcome's, is 1/2 of a hit: the cell "30.0 (6.0) ✓1/2", option hits
// "0.5/1", and the legend says what ✓1/2 means; compromise's 33.3 is a
// whole hit, "33.3 (2.7) ✓" and "1/1".
func TestBacktestTieCell(t *testing.T) {
	out, errOut, code := run(t, "backtest", "../ask/testdata/backtest-tie.yaml", "-m", "median,compromise")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	flat := strings.Join(strings.Fields(out), " ") // the legend wraps
	for _, want := range []string{
		"│ median │ 6.0 │ 0.5/1 │ 6.0 │ — │ — │ 30.0 (6.0) ✓1/2 │",
		"│ compromise │ 2.7 │ 1/1 │ 2.7 │ — │ — │ 33.3 (2.7) ✓ │",
		"✓1/2 the forecast lies equally near 2 options, 1 of them the outcome's: 1/2 of a hit (option hits add up the shares)",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("parley backtest prints no %q:\n%s", want, out)
		}
	}
}
