package deal

import (
	"fmt"
	"math"
)

// Crossing a red line is never free. A package that crosses actor i's
// red line on issue k is costed from the point a the red line last allows
// that the actor named: the red line's edge b when it is closed (≤ b,
// ≥ b), and for a strict red line (< b, > b) the last labelled option on
// the allowed side (or, on an issue without one there, b moved 1% of the
// scale inside). The cost of the value x is
//
//	cross(x) = |x − a|  when the red line excludes x, else 0        (9)
//
// in normalised units, so a strict bound flipped onto its own value
// ("< 65" to "<= 65") costs the step from the last option it allowed, not
// zero; the actor's utility lost is that issue's term of equation (1),
// w_ik·(|x − x_ik|^ρ − |a − x_ik|^ρ), and the options crossed are the
// labelled options the red line excluded that lie between it and x.

// strictStep is how far inside a strict red line its costing point lies
// when no labelled option is there: 1% of the scale.
const strictStep = 0.01

// costedFrom returns the point a (normalised) of equation (9).
func (sp *space) costedFrom(b bound) float64 {
	if !b.open {
		return b.v
	}
	best := math.NaN()
	for _, an := range sp.p.Issues[b.k].Anchors {
		x := sp.norm(b.k, an.Value)
		if b.upper && x < b.v && (math.IsNaN(best) || x > best) {
			best = x
		}
		if !b.upper && x > b.v && (math.IsNaN(best) || x < best) {
			best = x
		}
	}
	if !math.IsNaN(best) {
		return best
	}
	if b.upper {
		return math.Max(0, b.v-strictStep)
	}
	return math.Min(1, b.v+strictStep)
}

// excludes reports whether the bound rules out the normalised value x,
// read as on the bound within floating-point noise of it (Crosses).
func (b bound) excludes(x float64) bool {
	if math.Abs(x-b.v) <= b.noise {
		x = b.v
	}
	if b.upper {
		return x > b.v || (b.open && x == b.v)
	}
	return x < b.v || (b.open && x == b.v)
}

// cross is equation (9).
func (b bound) cross(x float64) float64 {
	if !b.excludes(x) {
		return 0
	}
	return math.Abs(x - b.a)
}

// issueLoss is actor i's utility lost on issue k between the normalised
// values from and x (0 when x is no worse for it).
func (sp *space) issueLoss(i, k int, x, from float64) float64 {
	w := sp.w[i][k]
	if w == 0 {
		return 0
	}
	d := w * (math.Pow(math.Abs(x-sp.x[i][k]), sp.rho) - math.Pow(math.Abs(from-sp.x[i][k]), sp.rho))
	return math.Max(0, d)
}

// optionsCrossed lists, as "value: label", the labelled options the bound
// excluded that lie between it and the normalised value x.
func (sp *space) optionsCrossed(b bound, x float64) []string {
	var out []string
	for _, an := range sp.p.Issues[b.k].Anchors {
		v := sp.norm(b.k, an.Value)
		if !b.excludes(v) {
			continue
		}
		if (b.upper && v <= x+1e-12) || (!b.upper && v >= x-1e-12) {
			out = append(out, fmt.Sprintf("%v: %s", an.Value, an.Label))
		}
	}
	return out
}

// cwOf returns the capability share of the required actor with the id.
func (s *searcher) cwOf(id string) float64 {
	for j, i := range s.req {
		if s.sp.p.Actors[i].ID == id {
			return s.cw(j)
		}
	}
	return 0
}
