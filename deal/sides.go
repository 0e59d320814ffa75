package deal

import (
	"math"
	"slices"
	"sort"
)

// When the required actors' red lines on an issue contradict each other
// (every value crosses one of them), the plan that lowers alternatives
// first settles the issue at the value of least capability-weighted
// crossing (equation 9, stage A of lowerAlternatives). That choice has
// other sides: each actor of the contradiction crossing in turn, the
// others' red lines kept. A negotiator needs every side, not only the
// one taken, so the concession lists them, each costed by the very
// function stage A minimises (stageA), in percent of the issue's scale,
// with the utility the actor gives up beside it.
//
// When no one actor crossing alone leaves the others a value (three red
// lines no two of which share one), the ways out take several actors
// together: the smallest sets (Sets; no member could be spared) whose
// red lines, crossed, leave the other actors' red lines a value. A set leaves the others
// a value exactly when some candidate value is excluded by no one
// outside it, so the smallest sets are the smallest of the candidates'
// sets of actors excluding them: at most one per candidate, found
// exactly without enumerating subsets (docs/DECISIONS.md, dealways22).

// Contradiction is one issue whose required actors' red lines leave no
// value, with each way out.
type Contradiction struct {
	Issue string `json:"issue"`
	// Actors are the required actors in some way out, alone or in a set
	// (listed or not), in their order: those whose red lines contradict.
	Actors []string `json:"actors"`
	// Coalition, under decision rules whose minimal winning coalitions
	// are not just the required actors, is the minimal winning coalition
	// (its members' ids) whose zone the contradiction closes: the
	// coalition whose plan is kept, whose members the ways out are, and
	// among whom their capability shares are counted. Omitted otherwise
	// (the required actors are then the one coalition).
	Coalition []string `json:"coalition,omitempty"`
	// Sides lists, for each actor of the contradiction that can resolve
	// it alone, what crossing its own red lines would take, in the order
	// of the required actors.
	Sides []Side `json:"sides"`
	// Sets lists the ways out that take several actors crossing
	// together: each smallest set of required actors (none of it could
	// be spared) whose red lines, crossed, leave the other actors' red
	// lines a value; fewest actors first, then the cheapest, then the
	// lower value; at most MaxWaySets (6).
	Sets []WaySet `json:"sets,omitempty"`
	// MoreSets counts the smallest sets not listed in Sets (beyond
	// MaxWaySets).
	MoreSets int `json:"more_sets,omitempty"`
	// HeadText introduces the ways out (ask.ContradictionHead),
	// MoreSetsText says how many sets are not listed (ask.MoreSetsText;
	// empty when none is), and ChoiceText which way out the plans take
	// and why (ask.SidesChoice), in the scenario's names, as every door
	// prints them; package ask writes them, package deal leaves them
	// empty.
	HeadText     string `json:"head_text,omitempty"`
	MoreSetsText string `json:"more_sets_text,omitempty"`
	ChoiceText   string `json:"choice_text,omitempty"`
	// Close, when the way out the plans take is not plainly the one to
	// take (it wins by a small margin, or the costs it is chosen by rest
	// on an assumed input), names the runner-up and why the choice is
	// close; nil otherwise. Package ask decides and writes it
	// (ask.closeCalls); package deal leaves it nil.
	Close *CloseCall `json:"close,omitempty"`
}

// CloseCall is a contradiction's choice of way out read as a close call:
// the way out the plans take against the next cheapest (the runner-up),
// with what the runner-up would open. Package ask fills it.
type CloseCall struct {
	// Chosen and RunnerUp are the actors (ids) of the way out the plans
	// take and of the cheapest other; ChosenCost and RunnerUpCost their
	// weighted costs (Side.Cost, WaySet.Cost), Ratio the second over the
	// first.
	Chosen       []string `json:"chosen"`
	RunnerUp     []string `json:"runner_up"`
	ChosenCost   float64  `json:"chosen_cost"`
	RunnerUpCost float64  `json:"runner_up_cost"`
	Ratio        float64  `json:"ratio"`
	// Margin is true when the runner-up costs at most ask.CloseRatio
	// times as much; Flips when, within the stated capability ranges of
	// the actors of the two ways out, the runner-up costs no more.
	Margin bool `json:"margin"`
	Flips  bool `json:"flips"`
	// Assumed names the inputs the two costs rest on that rest on no
	// quote, only on an assumption: the actors' capabilities and their
	// red lines on the issue ("Nurses' union's capability").
	Assumed []string `json:"assumed,omitempty"`
	// Value is the runner-up's value on the issue: a search with the
	// issue fixed there (Options.Fix) takes the runner-up's way out.
	Value float64 `json:"value"`
	// Plan is the plan that lowers alternatives of that search, when it
	// crosses the runner-up's red lines on the issue and no one else's;
	// nil otherwise.
	Plan *ConcessionPlan `json:"plan,omitempty"`
	// Text says it all in words (ask.CloseCallText), as every door
	// prints it after the contradiction's ChoiceText.
	Text string `json:"text"`
}

// MaxWaySets is the most ways out for several actors together that a
// contradiction lists (Contradiction.Sets); the rest are counted. On one
// issue there are at most as many as the values a way out is chosen
// among, but a case with many actors holding red lines there can reach
// dozens, of which the cheapest few are what a reader weighs.
const MaxWaySets = 6

// WaySet is several actors resolving a contradiction together: they
// accept Value, the value of least capability-weighted crossing (as
// Side.Value is chosen) that every red line outside the set allows.
// Members gives each one's part at Value (its bends, its share, its
// cost; no plans), Cost and UtilityCost their sums.
type WaySet struct {
	Value       float64 `json:"value"`
	Members     []Side  `json:"members"`
	Cost        float64 `json:"cost"`
	UtilityCost float64 `json:"utility_cost"`
	// Plans names the concession plans whose crossings on the issue are
	// the members' and no one else's.
	Plans []string `json:"plans,omitempty"`
	// Text is the way out in words, the members' bends and the cost
	// (ask.SetLine), as every door prints it; package ask writes it,
	// package deal leaves it empty.
	Text string `json:"text,omitempty"`
}

// The names of the concession plans in a way out's Plans: the plan that
// lowers alternatives and the one that bends red lines.
const (
	PlanLower = "lower_alternatives"
	PlanBend  = "bend_red_lines"
)

// dropPlan removes a plan's name from every way out.
func (c *Contradiction) dropPlan(name string) {
	drop := func(pl []string) []string {
		var keep []string
		for _, x := range pl {
			if x != name {
				keep = append(keep, x)
			}
		}
		return keep
	}
	for j := range c.Sides {
		c.Sides[j].Plans = drop(c.Sides[j].Plans)
	}
	for j := range c.Sets {
		c.Sets[j].Plans = drop(c.Sets[j].Plans)
	}
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
	// (PlanLower, PlanBend); empty when neither does.
	Plans []string `json:"plans,omitempty"`
	// Text is the way out in words, its bends and its cost
	// (ask.SideLine), as every door prints it; package ask writes it
	// (not for a WaySet's member, whose set's Text says it), package
	// deal leaves it empty.
	Text string `json:"text,omitempty"`
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
// other, each with its ways out, marking those the plans took (a way out
// is taken when the plan's crossings on the issue are its actors', all
// of them and no one else's).
func (s *searcher) contradictions(c *Concession) []Contradiction {
	p := s.sp.p
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
		ct := Contradiction{Issue: p.Issues[k].ID, Sides: []Side{}}
		var in []int
		for j := range s.req {
			if !slices.ContainsFunc(mine, func(b bound) bool { return b.j == j }) {
				continue // no red line of its own here (member finds them)
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
			sd := s.member(mine, k, j, x)
			sd.Plans = plansTaking(c, p.Issues[k].ID, []string{sd.Actor})
			ct.Sides = append(ct.Sides, sd)
			in = append(in, j)
		}
		var inSets []int
		ct.Sets, ct.MoreSets, inSets = s.waySets(c, mine, k, cost, cands)
		in = append(in, inSets...)
		slices.Sort(in)
		for _, j := range slices.Compact(in) {
			ct.Actors = append(ct.Actors, p.Actors[s.req[j]].ID)
		}
		out = append(out, ct)
	}
	return out
}

// member is required actor j's part in a way out at the normalised value
// x on issue k: its bends, its capability share, and its crossing and
// utility given up, each weighted by the share.
func (s *searcher) member(mine []bound, k, j int, x float64) Side {
	sp, p := s.sp, s.sp.p
	var own []bound
	for _, b := range mine {
		if b.j == j {
			own = append(own, b)
		}
	}
	q := make([]float64, len(p.Issues))
	q[k] = x
	sd := Side{Actor: p.Actors[s.req[j]].ID, Value: round9(sp.denorm(k, x)), Bends: s.bendsAt(own, q), Share: s.cw(j)}
	for _, b := range own {
		sd.Cost += 100 * sd.Share * b.cross(x)
	}
	for _, b := range sd.Bends {
		sd.UtilityCost += sd.Share * b.UtilityLost
	}
	return sd
}

// waySets lists the smallest sets of two or more actors whose red lines
// on issue k, crossed together, leave the other actors' red lines a
// value (see
// Contradiction.Sets), how many more there are than MaxWaySets, and
// every member of one (listed or not). Each
// candidate value's set is the actors whose red lines exclude it; a set
// leaves the others a value exactly when it holds some candidate's, so
// the smallest sets are the candidates' sets that hold no other's, each
// at the candidate of least crossing whose set it is.
func (s *searcher) waySets(c *Concession, mine []bound, k int, cost func(float64) float64, cands []float64) ([]WaySet, int, []int) {
	type way struct {
		js   []int
		x, c float64
	}
	var ways []way
	for _, v := range cands {
		var js []int
		for _, b := range mine {
			if b.excludes(v) && !slices.Contains(js, b.j) {
				js = append(js, b.j)
			}
		}
		slices.Sort(js)
		i := slices.IndexFunc(ways, func(w way) bool { return slices.Equal(w.js, js) })
		switch cv := cost(v); {
		case i < 0:
			ways = append(ways, way{js, v, cv})
		case cv < ways[i].c-1e-12 || (cv <= ways[i].c+1e-12 && v < ways[i].x):
			ways[i].x, ways[i].c = v, cv
		}
	}
	holds := func(a, b []int) bool { // a ⊋ b
		if len(a) <= len(b) {
			return false
		}
		for _, j := range b {
			if !slices.Contains(a, j) {
				return false
			}
		}
		return true
	}
	var least []way
	var members []int
	for _, w := range ways {
		if len(w.js) < 2 || slices.ContainsFunc(ways, func(o way) bool { return holds(w.js, o.js) }) {
			continue
		}
		least = append(least, w)
		members = append(members, w.js...)
	}
	sort.Slice(least, func(a, b int) bool {
		wa, wb := least[a], least[b]
		if len(wa.js) != len(wb.js) {
			return len(wa.js) < len(wb.js)
		}
		if math.Abs(wa.c-wb.c) > 1e-12 {
			return wa.c < wb.c
		}
		return wa.x < wb.x
	})
	more := 0
	if len(least) > MaxWaySets {
		least, more = least[:MaxWaySets], len(least)-MaxWaySets
	}
	var out []WaySet
	for _, w := range least {
		st := WaySet{Value: round9(s.sp.denorm(k, w.x))}
		var ids []string
		for _, j := range w.js {
			sd := s.member(mine, k, j, w.x)
			st.Cost += sd.Cost
			st.UtilityCost += sd.UtilityCost
			st.Members = append(st.Members, sd)
			ids = append(ids, sd.Actor)
		}
		st.Plans = plansTaking(c, s.sp.p.Issues[k].ID, ids)
		out = append(out, st)
	}
	return out, more, members
}

// plansTaking names the concession plans whose crossings on the issue
// are those of the actors, every one of them and no one else's.
func plansTaking(c *Concession, issue string, actors []string) []string {
	var out []string
	for _, pl := range []struct {
		name string
		plan *ConcessionPlan
	}{{PlanLower, c.LowerAlternatives}, {PlanBend, c.BendRedLines}} {
		if pl.plan != nil && CrossesExactly(pl.plan.Bends, issue, actors) {
			out = append(out, pl.name)
		}
	}
	return out
}

// CrossesExactly reports whether the actors crossing red lines on the
// issue in the bends are exactly the actors given (each at least once,
// no one else): a plan that takes just that way out.
func CrossesExactly(bends []Bend, issue string, actors []string) bool {
	var who []string
	for _, b := range bends {
		if b.Issue != issue {
			continue
		}
		if !slices.Contains(actors, b.Actor) {
			return false
		}
		if !slices.Contains(who, b.Actor) {
			who = append(who, b.Actor)
		}
	}
	return len(who) == len(actors)
}
