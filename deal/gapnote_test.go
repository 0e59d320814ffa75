package deal

import (
	"strings"
	"testing"
)

// TestUncertainSearchSaysSo: a search whose solves close within
// MaxTrustedGap says nothing of it; one that does not (ρ = 100 on the
// built-in case of 2025-03-18, where every loss short of the whole
// scale is nearly 0 and the largest gap is ≈ 10⁶) says in a note that
// its answer is uncertain and why, with the gap it reached.
func TestUncertainSearchSaysSo(t *testing.T) {
	in := ukraine(t, "2025-03-18")
	for _, c := range []struct {
		rho       float64
		uncertain bool
	}{{1, false}, {3, false}, {100, true}} {
		res, err := Search(in, Options{Rho: c.rho, Require: []string{"united-states", "russia"}})
		if err != nil {
			t.Fatal(err)
		}
		noted := false
		for _, n := range res.Notes {
			if strings.Contains(n, "could not certify its answer") && strings.Contains(n, "uncertain") {
				noted = true
				if c.rho > 10 && !strings.Contains(n, "a smaller ρ") {
					t.Errorf("ρ = %v: the note does not say why: %s", c.rho, n)
				}
			}
		}
		if big := !(res.Stats.MaxGap <= MaxTrustedGap); big != c.uncertain || noted != c.uncertain {
			t.Errorf("ρ = %v: largest gap %v (over %v: %v), noted %v; want %v", c.rho, res.Stats.MaxGap, MaxTrustedGap, big, noted, c.uncertain)
		}
	}
}
