package deal

import "math"

// When the required actors' red lines on an issue contradict each other
// (every value crosses one of them), the plan that lowers alternatives
// first settles the issue at the value of least capability-weighted
// crossing (equation 9, stage A of lowerAlternatives). That choice has
// other sides: each actor of the contradiction crossing in turn, the
// others' red lines kept. A negotiator needs every side, not only the
// one taken, so the concession lists them, each costed by the very
// function stage A minimises (stageA), in percent of the issue's scale,
// with the utility the actor gives up beside it.

// Contradiction is one issue whose required actors' red lines leave no
// value, with each way out.
type Contradiction struct {
	Issue string `json:"issue"`
	// Sides lists, for each actor of the contradiction that can resolve
	// it alone, what crossing its own red lines would take, in the order
	// of the required actors.
	Sides []Side `json:"sides"`
}

// Side is one actor resolving a contradiction alone: it accepts Value,
// the value of least capability-weighted crossing (equation 9) that
// every other required actor's red lines on the issue allow, among
// those someone named (the scale's ends, the red lines' edges, the
// labelled options: as stage A chooses).
type Side struct {
	Actor string  `json:"actor"`
	Value float64 `json:"value"`
	// Bends are its red lines crossed at Value (as a plan's bends read).
	Bends []Bend `json:"bends"`
	// Share is its capability share among the required actors.
	Share float64 `json:"share"`
	// Cost is what the search compares: Share × the crossing, in percent
	// of the issue's scale (100·Share·Σ equation 9). UtilityCost is
	// Share × the utility it gives up (Σ Bend.UtilityLost), the unit of
	// the plan that lowers alternatives.
	Cost        float64 `json:"cost"`
	UtilityCost float64 `json:"utility_cost"`
	// Plans names the concession plans that take this side
	// ("lower_alternatives", "bend_red_lines"); empty when neither does.
	Plans []string `json:"plans,omitempty"`
}

// stageA returns the red-line sides on issue k, the capability-weighted
// crossing of a value (normalised; equation 9 summed), and the values
// the choice is made among.
func (s *searcher) stageA(bs []bound, k int) ([]bound, func(float64) float64, []float64) {
	sp, p := s.sp, s.sp.p
	var mine []bound
	for _, b := range bs {
		if b.k == k {
			mine = append(mine, b)
		}
	}
	cost := func(x float64) float64 {
		c := 0.0
		for _, b := range mine {
			c += s.cw(b.j) * b.cross(x)
		}
		return c
	}
	// The candidates are the values someone named: the scale's ends,
	// the red lines' edges and the labelled options. A value a hair
	// inside a strict red line is no concession anyone could sign.
	cands := []float64{0, 1}
	for _, b := range mine {
		cands = append(cands, b.v, b.a)
	}
	for _, an := range p.Issues[k].Anchors {
		cands = append(cands, sp.norm(k, an.Value))
	}
	return mine, cost, cands
}

// scaleCost is the capability-weighted crossing of every red line at the
// normalised package q, in percent of the scales.
func (s *searcher) scaleCost(bs []bound, q []float64) float64 {
	c := 0.0
	for _, bd := range bs {
		c += 100 * s.cw(bd.j) * bd.cross(q[bd.k])
	}
	return c
}

// contradictions lists the issues whose red lines contradict each
// other, each with its sides, marking those the plans took (an actor's
// side is taken when the plan's only crossings on the issue are its).
func (s *searcher) contradictions(c *Concession) []Contradiction {
	sp, p := s.sp, s.sp.p
	bs := s.bounds()
	var out []Contradiction
	for k := range p.Issues {
		if _, ok := s.fixed[k]; ok {
			continue
		}
		mine, cost, cands := s.stageA(bs, k)
		best := math.Inf(1)
		for _, x := range cands {
			best = math.Min(best, cost(x))
		}
		if best == 0 {
			continue
		}
		ct := Contradiction{Issue: p.Issues[k].ID}
		for j := range s.req {
			var own []bound
			for _, b := range mine {
				if b.j == j {
					own = append(own, b)
				}
			}
			if len(own) == 0 {
				continue
			}
			x, least := math.NaN(), math.Inf(1)
			for _, v := range cands {
				others := false
				for _, b := range mine {
					others = others || (b.j != j && b.excludes(v))
				}
				if c := cost(v); !others && (c < least-1e-12 || (c <= least+1e-12 && v < x)) {
					x, least = v, c
				}
			}
			if math.IsNaN(x) {
				continue // the others' red lines contradict each other too
			}
			q := make([]float64, len(p.Issues))
			q[k] = x
			sd := Side{Actor: p.Actors[s.req[j]].ID, Value: round9(sp.denorm(k, x)), Bends: s.bendsAt(own, q), Share: s.cw(j), Cost: 100 * least}
			for _, b := range sd.Bends {
				sd.UtilityCost += sd.Share * b.UtilityLost
			}
			for _, pl := range []struct {
				name string
				plan *ConcessionPlan
			}{{"lower_alternatives", c.LowerAlternatives}, {"bend_red_lines", c.BendRedLines}} {
				if pl.plan != nil && onlyCrosses(pl.plan.Bends, p.Issues[k].ID, sd.Actor) {
					sd.Plans = append(sd.Plans, pl.name)
				}
			}
			ct.Sides = append(ct.Sides, sd)
		}
		out = append(out, ct)
	}
	return out
}

// onlyCrosses reports whether the bends cross red lines on the issue and
// all of them the actor's.
func onlyCrosses(bends []Bend, issue, actor string) bool {
	n := 0
	for _, b := range bends {
		if b.Issue != issue {
			continue
		}
		if b.Actor != actor {
			return false
		}
		n++
	}
	return n > 0
}
