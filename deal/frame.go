package deal

import (
	"maps"
	"math"
	"slices"
)

// frame is one search set-up in normalised units: the required actors,
// the issues pinned to a value, and a box [lo, hi] for each free issue.
type frame struct {
	sp  *space
	req []int
	// cw[j] is req[j]'s share of the required actors' capability.
	cw     []float64
	fixed  map[int]float64 // issue → normalised value
	free   []int           // free issues, in problem order
	lo, hi []float64       // box per free issue (normalised)
	// open[j] marks strict red-line bounds of free issue j (lo, hi).
	loOpen, hiOpen []bool
	// edges[j], when set, are more values snap tries for free issue j:
	// the closed red-line edges of a solve whose box is the whole scale
	// (bendRedLines), which are no box end there.
	edges [][]float64
}

// newFrame makes a frame; issues whose box is a single point are fixed
// there. lo and hi are per problem issue (ignored for fixed issues).
func newFrame(sp *space, req []int, fixed map[int]float64, lo, hi []float64, loOpen, hiOpen []bool) *frame {
	fr := &frame{sp: sp, req: req, fixed: map[int]float64{}}
	total := 0.0
	for _, i := range req {
		total += sp.p.Actors[i].Capability
	}
	for _, i := range req {
		fr.cw = append(fr.cw, sp.p.Actors[i].Capability/total)
	}
	for k, x := range fixed {
		fr.fixed[k] = x
	}
	for k := range sp.p.Issues {
		if _, ok := fr.fixed[k]; ok {
			continue
		}
		if lo[k] >= hi[k] {
			fr.fixed[k] = lo[k]
			continue
		}
		fr.free = append(fr.free, k)
		fr.lo = append(fr.lo, lo[k])
		fr.hi = append(fr.hi, hi[k])
		fr.loOpen = append(fr.loOpen, loOpen != nil && loOpen[k])
		fr.hiOpen = append(fr.hiOpen, hiOpen != nil && hiOpen[k])
	}
	return fr
}

// constActor is a required actor with no free issue it cares about: its
// gain does not depend on the search.
type constActor struct {
	j int     // index into req
	a float64 // its gain U_i − d_i
}

// built is a program with the map from its actors back to the frame.
type built struct {
	*program
	members []int        // program actor → index into req
	consts  []constActor // required actors left out
}

// build returns the program of the frame with nExtra extra variables
// after the free issues in y; callers add their constraints and bounds.
func (fr *frame) build(nExtra int) *built {
	sp := fr.sp
	nf := len(fr.free)
	D := nf + nExtra
	pr := &program{D: D, rho: sp.rho, uMax: 1.5, l: make([]float64, D), ylo: make([]float64, D), yhi: make([]float64, D)}
	b := &built{program: pr}
	fixed := fr.fixedIssues()
	for j, i := range fr.req {
		a := 1 - sp.alt[i]
		for _, k := range fixed {
			if w := sp.w[i][k]; w > 0 {
				a -= w * math.Pow(math.Abs(fr.fixed[k]-sp.x[i][k]), sp.rho)
			}
		}
		from := len(pr.pairs)
		for jf, k := range fr.free {
			if w := sp.w[i][k]; w > 0 {
				pr.pairs = append(pr.pairs, ipPair{k: jf, x: sp.x[i][k], w: w})
			}
		}
		if len(pr.pairs) == from {
			b.consts = append(b.consts, constActor{j: j, a: a})
			continue
		}
		pr.actors = append(pr.actors, ipActor{from: from, to: len(pr.pairs), a: a})
		b.members = append(b.members, j)
	}
	for j := range fr.free {
		pr.gens = append(pr.gens, ipGen{g: []entry{{j, 1}}, h: -fr.lo[j]}, ipGen{g: []entry{{j, -1}}, h: fr.hi[j]})
		pr.ylo[j], pr.yhi[j] = fr.lo[j], fr.hi[j]
	}
	return b
}

// bound adds lo ≤ y_j ≤ hi for an extra variable.
func (b *built) bound(j int, lo, hi float64) {
	b.gens = append(b.gens, ipGen{g: []entry{{j, 1}}, h: -lo}, ipGen{g: []entry{{j, -1}}, h: hi})
	b.ylo[j], b.yhi[j] = lo, hi
}

// exactC is actor constraint C at the free-issue values q with u tight,
// u_p = |q_k − x_p| (the largest value C takes at q).
func (b *built) exactC(a *ipActor, y []float64) float64 {
	c := a.a
	for _, e := range a.gamma {
		c += e.v * y[e.j]
	}
	for p := a.from; p < a.to; p++ {
		pp := b.pairs[p]
		c -= pp.w * b.pow(math.Abs(y[pp.k]-pp.x))
	}
	return c
}

// tight returns the point at y with every u tight.
func (b *built) tight(y []float64) point {
	pt := point{u: make([]float64, len(b.pairs)), y: append([]float64(nil), y...)}
	for p, pp := range b.pairs {
		pt.u[p] = math.Abs(y[pp.k] - pp.x)
	}
	return pt
}

// start returns a strictly interior point at y: u a little above tight,
// by at most half the room each actor constraint has (when it has room).
// When the room is too small to lift u above tight in floating point
// (an actor constraint met to within rounding, e.g. at a zone of one
// package), u is lifted by 0.01 as for an actor with no room: the point
// is then strictly inside the epigraph though not the actor constraint,
// which phase I (maximin) needs and tolerates; a u left tight would make
// the barrier infinite and its certificate −∞.
func (b *built) start(y []float64) point {
	pt := b.tight(y)
	for i := range b.actors {
		a := &b.actors[i]
		c := b.exactC(a, y)
		wsum := 0.0
		for p := a.from; p < a.to; p++ {
			wsum += b.pairs[p].w
		}
		eta := 0.01
		if c > 0 {
			eta = math.Min(eta, c/(2*wsum))
		}
		lift := func(eta float64) bool {
			ok := true
			for p := a.from; p < a.to; p++ {
				d := math.Abs(y[b.pairs[p].k] - b.pairs[p].x)
				pt.u[p] = math.Min(d+eta, (b.uMax+1)/2)
				ok = ok && pt.u[p] > d
			}
			return ok
		}
		for {
			if !lift(eta) {
				lift(0.01)
				break
			}
			if c <= 0 || b.actorC(a, pt) >= c/4 || eta < 1e-300 {
				break
			}
			eta /= 2
		}
	}
	return pt
}

// center returns the middle of each free issue's box.
func (fr *frame) center() []float64 {
	q := make([]float64, len(fr.free))
	for j := range q {
		q[j] = (fr.lo[j] + fr.hi[j]) / 2
	}
	return q
}

// fixedIssues is the fixed issues in problem order: a sum over them is
// then the same to the last bit on every run, as one in a map's order,
// which Go draws anew on every loop, is not.
func (fr *frame) fixedIssues() []int { return slices.Sorted(maps.Keys(fr.fixed)) }

// full returns the normalised package with free values q (the first
// len(free) entries of y) and the fixed values.
func (fr *frame) full(y []float64) []float64 {
	out := make([]float64, len(fr.sp.p.Issues))
	for k, x := range fr.fixed {
		out[k] = x
	}
	for j, k := range fr.free {
		out[k] = y[j]
	}
	return out
}

// snap moves free values within 1e-6 of a closed box end, of a required
// actor's position or of one of the frame's edges onto it, one at a time, keeping each move that keeps
// every check true and the objective f no worse (to 1e-12). Barrier
// solutions stay strictly inside the constraints; the optimum of a
// piecewise-linear problem often lies on such a point, and red lines are
// met exactly this way.
//
// With b, the candidates also include, for each actor constraint within
// 1e-6 of zero, the value of the issue that makes it zero (one Newton step
// along the issue: exact where C_i is linear in it, as with ρ = 1).
func (fr *frame) snap(b *built, y []float64, ok func([]float64) bool, f func([]float64) float64) []float64 {
	y = append([]float64(nil), y...)
	best := f(y)
	for j, k := range fr.free {
		var cands []float64
		if !fr.loOpen[j] {
			cands = append(cands, fr.lo[j])
		}
		if !fr.hiOpen[j] {
			cands = append(cands, fr.hi[j])
		}
		for _, i := range fr.req {
			if fr.sp.w[i][k] > 0 {
				cands = append(cands, fr.sp.x[i][k])
			}
		}
		if fr.edges != nil {
			cands = append(cands, fr.edges[j]...)
		}
		if b != nil {
			for i := range b.actors {
				a := &b.actors[i]
				C := b.exactC(a, y)
				if math.Abs(C) > 1e-6 {
					continue
				}
				for p := a.from; p < a.to; p++ {
					pp := b.pairs[p]
					if pp.k != j || y[j] == pp.x {
						continue
					}
					d := math.Abs(y[j] - pp.x)
					slope := -pp.w * b.rho * math.Pow(d, b.rho-1)
					if y[j] < pp.x {
						slope = -slope
					}
					cands = append(cands, y[j]-C/slope)
				}
			}
		}
		for _, c := range cands {
			if c == y[j] || math.Abs(c-y[j]) > 1e-6 || c < fr.lo[j] || c > fr.hi[j] {
				continue
			}
			old := y[j]
			y[j] = c
			if v := f(y); ok(y) && v <= best+1e-12*math.Max(1, math.Abs(best)) {
				best = v
				break
			}
			y[j] = old
		}
	}
	return y
}
