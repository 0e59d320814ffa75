package cli

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"parley/answer"
	"parley/ask"
	"parley/errs"
	"parley/fuzzbudget"
)

// powerBudget is what one fuzzed ad-hoc game may cost: the exact tables
// at their bound (two of power.MaxCells counts: 32 MiB, 0.25 s) or a
// sample of 100 orders and coalitions, plus the parsed weights.
var powerBudget = fuzzbudget.Budget{FixedBytes: 40 << 20, BytesPerByte: 1024, FixedTime: 2 * time.Second, TimePerByte: 10 * time.Microsecond}

// FuzzParseWeights: whatever --weights and --quota say, parseWeights and
// ask.Power return an answer or an argument error — never a panic (1e19
// and 1e308 panicked), another kind of error, or a number that is not
// one — within the budget. An exact answer's Shapley–Shubik indices sum
// to 1, and so do its normalised Banzhaf indices.
func FuzzParseWeights(f *testing.F) {
	for _, c := range []struct {
		weights string
		quota   float64
	}{
		{"2,1,1", 3}, {"a=2,b=1,c=1", 3}, {"1e19,1e19", 1.5e19}, {"1e308", 1e308},
		{"1e-10,1e-10", 1e-10}, {"a=1,a=2", 2}, {"1e9,1e9", 1.5e9}, {"2.25,50,1", 50.05},
		{"NaN,1", 1}, {"Inf", 1}, {"=1", 1}, {"1,,2", 1}, {"0.1,0.2", 0.3}, {"5e-324,5e-324", 1e-323},
	} {
		f.Add(c.weights, c.quota)
	}
	f.Fuzz(func(t *testing.T, weights string, quota float64) {
		fuzzbudget.Check(t, powerBudget, len(weights), func() {
			names, ws, err := parseWeights(weights)
			if err != nil {
				if c := errs.CodeOf(err); c != errs.Argument {
					t.Fatalf("parse %q: error of code %s: %v", weights, c, err)
				}
				return
			}
			if len(names) != 0 && len(names) != len(ws) {
				t.Fatalf("parse %q: %d names for %d weights", weights, len(names), len(ws))
			}
			req := answer.NewPowerRequest()
			req.Samples, req.Quota, req.Names, req.Weights = 100, quota, names, ws
			p, err := ask.Power(context.Background(), nil, req)
			if err != nil {
				if c := errs.CodeOf(err); c != errs.Argument {
					t.Fatalf("%q, quota %v: error of code %s: %v", weights, quota, c, err)
				}
				return
			}
			g := p.Games[0]
			var phi, beta float64
			for _, pl := range g.Players {
				for _, x := range []float64{pl.Shapley, pl.BanzhafAbs} {
					if math.IsNaN(x) || x < 0 || x > 1 {
						t.Fatalf("%q, quota %v: index %v of %+v", weights, quota, x, pl)
					}
				}
				phi += pl.Shapley
				beta += float64(pl.Banzhaf)
			}
			if g.Exact && (math.Abs(phi-1) > 1e-9 || math.Abs(beta-1) > 1e-9) {
				t.Fatalf("%q, quota %v: exact indices sum to %v and %v, not 1", weights, quota, phi, beta)
			}
		})
	})
}

// TestPowerTableLayout: an ad-hoc game's table starts at its title (no
// blank first line) and has a Role column only when some voter is a veto
// player or a dummy: a = 2 of quota 3 is a veto player; in 2 of 3 among
// equals no one is.
func TestPowerTableLayout(t *testing.T) {
	out, errOut, code := run(t, "power", "--quota", "3", "--weights", "a=2,b=1,c=1")
	if code != 0 || !strings.HasPrefix(out, "Ad-hoc game: quota 3 of 4;") || !strings.Contains(out, "│ ROLE │") || !strings.Contains(out, "│ veto │") {
		t.Errorf("exit %d %s:\n%s", code, errOut, out)
	}
	out, errOut, code = run(t, "power", "--quota", "2", "--weights", "a=1,b=1,c=1")
	if code != 0 || !strings.HasPrefix(out, "Ad-hoc game: quota 2 of 3;") || strings.Contains(out, "ROLE") || strings.Contains(out, "│      │") {
		t.Errorf("exit %d %s:\n%s", code, errOut, out)
	}
}
