package ask

import (
	"context"
	"math"
	"slices"
	"testing"

	"parley/answer"
	"parley/sweep"
)

// robustContract is deal search --robust over 500 draws, seed 1 (the
// defaults), on testdata/name.
func robustContract(t testing.TB, name string) *answer.DealRobustness {
	t.Helper()
	req := answer.NewDealSearchRequest()
	req.Robust.On = true
	out, err := DealSearch(context.Background(), fileCase(t, name), req)
	if err != nil {
		t.Fatal(err)
	}
	if out.Robust == nil || out.Robust.Zone == nil || out.Robust.OpenDraws == nil {
		t.Fatalf("no robust zone counted at the options: %+v", out.Robust)
	}
	return out.Robust
}

// On contract.yaml nothing is ranged: every draw is the stated case,
// whose zone (3.30–3.60 years) is open between the options 3 and 5 and
// holds no contract a party can sign (ask.TestSearchNoPackageAtOptions).
// The robust analysis said "P(a zone of agreement exists) = 100%
// (99–100%)"; counting at the options it is 0 of 500, and the line says
// what it counts and that the zone between the options opened in all.
func TestRobustZoneAtOptionsContract(t *testing.T) {
	r := robustContract(t, "contract.yaml")
	if !r.ZoneAtOptions || *r.Zone != 0 || *r.OpenDraws != 500 || r.ZoneUnknown != 0 {
		t.Errorf("zone at options %v: P = %v, open %d, unknown %d; want true, 0, 500, 0", r.ZoneAtOptions, *r.Zone, *r.OpenDraws, r.ZoneUnknown)
	}
	const want = "P(a package at the options gets every required yes) = 0% (0–1%); a zone, counting packages between the options, is open in 500 of 500 draws"
	if r.ZoneLineText != want {
		t.Errorf("zone line %q, want %q", r.ZoneLineText, want)
	}
}

// contract-ranged.yaml draws the union's and the council's positions on
// 5–6 (triangular, mode 6). 3 years is accepted exactly when both are at
// most 5.7 (the file's header), 5, 2 and 1 years never; so the share of
// draws at the options is the sampler's own share of draws with both
// positions ≤ 5.7 (near 0.7⁴ = 0.2401), and so is the best package's
// P(accepted): the draws' check finds 3 years, which is the best
// candidate (before, each draw's balanced package was restated at the
// stated values, to 5 years, and the best was accepted in 0 draws).
func TestRobustZoneAtOptionsRanged(t *testing.T) {
	c := fileCase(t, "contract-ranged.yaml")
	p := c.problem
	q := p.Clone()
	inputs := sweep.Inputs(p)
	if len(inputs) != 2 {
		t.Fatalf("%d ranged inputs, want 2", len(inputs))
	}
	k := 0
	for d := range 500 {
		sweep.Sample(q, p, inputs, 1, uint64(d), false)
		if q.Stances[0][0].Position <= 5.7 && q.Stances[1][0].Position <= 5.7 {
			k++
		}
	}
	share := float64(k) / 500
	// 0.2401 to within 3.5 standard errors √(0.24·0.76/500) = 0.019
	if math.Abs(share-0.2401) > 0.067 {
		t.Fatalf("sampler share %v is far from 0.2401", share)
	}
	r := robustContract(t, "contract-ranged.yaml")
	if *r.Zone != share || *r.OpenDraws != 500 || r.ZoneUnknown != 0 {
		t.Errorf("P(at options) %v, open %d, unknown %d; want %v, 500, 0", *r.Zone, *r.OpenDraws, r.ZoneUnknown, share)
	}
	want := "P(a package at the options gets every required yes) = " + ProbabilityText(share, *r.ZoneInterval) + "; a zone, counting packages between the options, is open in 500 of 500 draws"
	if r.ZoneLineText != want {
		t.Errorf("zone line %q, want %q", r.ZoneLineText, want)
	}
	if r.Best == nil || !slices.Equal(r.Best.Values, []float64{3}) || r.Accepted != share {
		t.Errorf("best package %+v accepted %v, want 3 years accepted %v", r.Best, r.Accepted, share)
	}
}

// The line names what it counts under decision rules as the search's
// check does, and how it counted the draws it could not tell.
func TestRobustZoneAtOptionsLine(t *testing.T) {
	for _, tc := range []struct {
		rules                bool
		unknown, open, draws int
		want                 string
	}{
		{false, 0, 1, 1, "P(a package at the options gets every required yes) = Z; a zone, counting packages between the options, is open in 1 of 1 draw"},
		{true, 12, 480, 1000, "P(a package at the options passes the decision rules) = Z, counting as none the 12 draws where it is not known (the options within the zone's ranges make more than 64 combinations to check); a zone, counting packages between the options, is open in 480 of 1,000 draws"},
		{false, 1, 2, 2, "P(a package at the options gets every required yes) = Z, counting as none the 1 draw where it is not known (the options within the zone's ranges make more than 64 combinations to check); a zone, counting packages between the options, is open in 2 of 2 draws"},
	} {
		if got := RobustZoneAtOptionsLine("Z", tc.rules, tc.unknown, tc.open, tc.draws); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}

// BenchmarkDealSearchRobustContract times deal search --robust (500
// draws) on contract.yaml, where every draw's zone is checked at the
// options by exploring its coalitions (its restated balanced package is
// never accepted): docs/DECISIONS.md, "robust28".
func BenchmarkDealSearchRobustContract(b *testing.B) {
	c := contractCase(b)
	req := answer.NewDealSearchRequest()
	req.Robust.On = true
	for b.Loop() {
		if _, err := DealSearch(context.Background(), c, req); err != nil {
			b.Fatal(err)
		}
	}
}
