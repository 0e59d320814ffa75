package deal

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// random builds n actors × K issues with positions, saliences and
// capabilities drawn from a seeded generator, and reservations in res.
func random(seed uint64, n, K int, resLo, resHi float64) *Input {
	rng := rand.New(rand.NewPCG(seed, 1))
	caps := make([]float64, n)
	pos := make([][]float64, n)
	sal := make([][]float64, n)
	in := &Input{Reservation: make([]float64, n)}
	for i := range caps {
		caps[i] = 0.5 + 2*rng.Float64()
		pos[i] = make([]float64, K)
		sal[i] = make([]float64, K)
		for k := range pos[i] {
			pos[i][k] = math.Round(100 * rng.Float64())
			sal[i][k] = 0.05 + 0.95*rng.Float64()
		}
		in.Reservation[i] = resLo + (resHi-resLo)*rng.Float64()
	}
	in.Problem = problem(caps, pos, sal)
	return in
}

// simplexLP solves, with gonum's simplex, min cᵀz over z = (q, t, s) with
// q ∈ [0,1]^K, t_ik ≥ |q_k − x_ik| and s + Σ_k w_ik t_ik ≤ 1 − d_i (the
// epigraph LP of equations (1) and (5), built independently of ipm.go),
// and s ≤ 2 (which keeps it bounded when c asks s to grow).
func simplexLP(t *testing.T, sp *space, c []float64) float64 { return simplex(t, sp, c, false) }

// simplexZone is simplexLP with s pinned to 0: min cᵀz over the zone.
func simplexZone(t *testing.T, sp *space, c []float64) float64 { return simplex(t, sp, c, true) }

// simplex is simplexLP, or simplexZone when zone is set.
func simplex(t *testing.T, sp *space, c []float64, zone bool) float64 {
	t.Helper()
	n, K := len(sp.p.Actors), len(sp.p.Issues)
	nv := K + n*K + 1
	var G [][]float64
	var h []float64
	row := func() []float64 { return make([]float64, nv) }
	for k := 0; k < K; k++ {
		r := row()
		r[k] = 1
		G, h = append(G, r), append(h, 1)
		r = row()
		r[k] = -1
		G, h = append(G, r), append(h, 0)
	}
	for i := 0; i < n; i++ {
		r := row()
		r[nv-1] = 1
		for k := 0; k < K; k++ {
			tk := K + i*K + k
			a := row()
			a[k], a[tk] = 1, -1
			G, h = append(G, a), append(h, sp.x[i][k])
			b := row()
			b[k], b[tk] = -1, -1
			G, h = append(G, b), append(h, -sp.x[i][k])
			r[tk] = sp.w[i][k]
		}
		G, h = append(G, r), append(h, 1-sp.alt[i])
	}
	if zone {
		for _, sg := range []float64{1, -1} { // s ≤ 0 and −s ≤ 0
			r := row()
			r[nv-1] = sg
			G, h = append(G, r), append(h, 0)
		}
	} else {
		r := row()
		r[nv-1] = 1
		G, h = append(G, r), append(h, 2)
	}
	gm := mat.NewDense(len(G), nv, nil)
	for i, g := range G {
		gm.SetRow(i, g)
	}
	cNew, aNew, bNew := lp.Convert(c, gm, h, nil, nil)
	f, _, err := lp.Simplex(cNew, aNew, bNew, 1e-10, nil)
	if err != nil {
		t.Fatalf("simplex: %v", err)
	}
	return f
}

// TestAgainstSimplex checks the margin (5) and the zone's ranges against
// gonum's simplex on random problems, both open and closed zones.
func TestAgainstSimplex(t *testing.T) {
	for seed := uint64(1); seed <= 12; seed++ {
		lo, hi := 0.2, 0.6
		if seed%3 == 0 {
			lo, hi = 0.6, 0.9 // mostly closed zones
		}
		in := random(seed, 4, 3, lo, hi)
		sp, err := newSpace(in, 1)
		if err != nil {
			t.Fatal(err)
		}
		K := len(sp.p.Issues)
		nv := K + len(sp.p.Actors)*K + 1
		c := make([]float64, nv)
		c[nv-1] = -1
		want := -simplexLP(t, sp, c)
		res, err := Search(in, Options{Frontier: -1, Samples: -1})
		if err != nil {
			t.Fatal(err)
		}
		if !near(res.Margin, want, 1e-7) || res.MarginBound < want-1e-9 {
			t.Errorf("seed %d: margin %v (bound %v), simplex %v", seed, res.Margin, res.MarginBound, want)
		}
		if res.Open != (want >= -zoneTol) {
			t.Errorf("seed %d: open %v with margin %v", seed, res.Open, want)
		}
		if !res.Open || want < 1e-6 {
			continue
		}
		// Ranges: min and max of each q_k with s ≥ 0 (the zone).
		for k := 0; k < K; k++ {
			for _, sign := range []float64{1, -1} {
				c := make([]float64, nv)
				c[k] = sign
				// The zone is the LP's feasible set with s pinned at 0.
				v := sign * simplexZone(t, sp, c)
				got := res.Ranges[k].Lo
				if sign < 0 {
					got = res.Ranges[k].Hi
				}
				if !near(got/100, v, 1e-7) {
					t.Errorf("seed %d issue %d sign %v: range end %v, simplex %v", seed, k, sign, got/100, v)
				}
			}
		}
	}
}

// TestNashAgainstGrid: on two-issue problems no point of a 401×401 grid
// has a larger Nash product than Search's package, and the certificate
// bound is above every grid point; for ρ = 1 and ρ = 2.
func TestNashAgainstGrid(t *testing.T) {
	for seed := uint64(1); seed <= 6; seed++ {
		for _, rho := range []float64{1, 2} {
			in := random(seed, 3, 2, 0.1, 0.4)
			res, err := Search(in, Options{Rho: rho, Frontier: -1, Samples: -1})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Open {
				continue
			}
			sp, _ := newSpace(in, rho)
			total := 0.0
			for _, a := range sp.p.Actors {
				total += a.Capability
			}
			prod := func(q []float64) float64 {
				lg := 0.0
				for i, a := range sp.p.Actors {
					g := sp.utility(i, q) - sp.alt[i]
					if g <= 0 {
						return 0
					}
					lg += a.Capability / total * math.Log(g)
				}
				return math.Exp(lg)
			}
			best := 0.0
			for a := 0; a <= 400; a++ {
				for b := 0; b <= 400; b++ {
					best = math.Max(best, prod([]float64{float64(a) / 400, float64(b) / 400}))
				}
			}
			got := prod(sp.normAll(res.Nash.Values))
			if got < best*(1-1e-9) || res.NashBound < best*(1-1e-12) {
				t.Errorf("seed %d ρ %v: Nash product %v (bound %v) below the grid's %v", seed, rho, got, res.NashBound, best)
			}
			if !near(got, res.NashProduct, 1e-12) {
				t.Errorf("seed %d ρ %v: reported product %v, recomputed %v", seed, rho, res.NashProduct, got)
			}
			if res.NashBound/res.NashProduct-1 > 1e-5 {
				t.Errorf("seed %d ρ %v: certificate ratio %v", seed, rho, res.NashBound/res.NashProduct)
			}
		}
	}
}

// TestNashRho2 checks the first-order condition by hand: one issue, A at
// 0 (capability 2), B at 100 (capability 1), ρ = 2:
// max 2 log(1 − q²) + log(1 − (1 − q)²) ⇒ −4q/(1 − q²) + 2(1 − q)/(q(2 − q)) = 0.
func TestNashRho2(t *testing.T) {
	in := &Input{Problem: problem([]float64{2, 1}, [][]float64{{0}, {100}}, [][]float64{{1}, {1}})}
	res, err := Search(in, Options{Rho: 2})
	if err != nil {
		t.Fatal(err)
	}
	q := res.Nash.Values[0] / 100
	if foc := -4*q/(1-q*q) + 2*(1-q)/(q*(2-q)); math.Abs(foc) > 1e-6 {
		t.Errorf("q = %v: first-order condition %v ≠ 0", q, foc)
	}
	// Clearing denominators: 2q²(2 − q) = (1 − q)²(1 + q), i.e.
	// 3q³ − 5q² − q + 1 = 0, whose root in (0, 1) lies in (0.39, 0.40)
	// (the cubic is 0.0275 at 0.39 and −0.008 at 0.40).
	if c := 3*q*q*q - 5*q*q - q + 1; math.Abs(c) > 1e-7 || q < 0.39 || q > 0.40 {
		t.Errorf("q = %v: cubic %v, want its root in (0.39, 0.40)", q, c)
	}
}

// TestCertificateRho2 runs a whole search with ρ = 2 (curved zone
// boundary, the harder case for the barrier) and checks every
// certificate gap.
func TestCertificateRho2(t *testing.T) {
	res, err := Search(random(3, 10, 7, 0.2, 0.4), Options{Rho: 2, Samples: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Open || res.Stats.MaxGap > 1e-5 || res.Stats.Solves != 2+1+14+11 {
		t.Errorf("open %v, stats %+v; want open, 28 solves, every gap ≤ 1e-5", res.Open, res.Stats)
	}
	if res.NashBound < res.NashProduct || res.NashBound > res.NashProduct*(1+1e-5) {
		t.Errorf("Nash product %v, bound %v", res.NashProduct, res.NashBound)
	}
}

// TestStartAtTheStatusQuo: with the status quo as the no-deal package and
// at the middle of every scale, where the maximin starts, every actor's
// gain there is 0 give or take rounding. A rounding error of +1e-17 once
// left the start's u tight (0.3 + 1e-17 = 0.3), the barrier infinite, the
// solve stuck at the status quo and its certificate −∞ (an Inf that JSON
// cannot carry): the search reported a zone of one package where there
// is room. The margin must be the simplex's, and every number finite.
func TestStartAtTheStatusQuo(t *testing.T) {
	in := &Input{Problem: problem([]float64{2, 1, 1},
		[][]float64{{80, 40}, {70, 80}, {60, 30}},
		[][]float64{{1, 0.5}, {0.5, 1}, {0.8, 0.4}}), NoDeal: []float64{50, 50}}
	sp, err := newSpace(in, 1)
	if err != nil {
		t.Fatal(err)
	}
	nv := 2 + 3*2 + 1
	c := make([]float64, nv)
	c[nv-1] = -1
	want := -simplexLP(t, sp, c)
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want < 0.05 || !near(res.Margin, want, 1e-7) || res.MarginBound < want-1e-9 || math.IsInf(res.Stats.MaxGap, 0) || res.Stats.MaxGap > 1e-4 {
		t.Errorf("margin %v (bound %v, gap %v), simplex %v", res.Margin, res.MarginBound, res.Stats.MaxGap, want)
	}
}
