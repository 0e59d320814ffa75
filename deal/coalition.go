package deal

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"parley/scenario"
)

// Under decision rules a package passes when every member of one of the
// decision's minimal winning coalitions accepts it (rule.go: newDecision),
// so the zone of agreement is the union of the coalitions' zones. Each is
// convex and searched exactly as the zone without rules is (its members
// in the place of the required actors), and the merge below reads the
// union off them:
//
//   - open when some coalition's zone is open; the margin (5) is the
//     largest coalition margin, its certificate the largest bound, and
//     the balanced package that coalition's;
//   - the Nash package is that of the coalition whose Nash product (the
//     capability-weighted geometric mean of its members' gains, a number
//     in utility units whatever the coalition's size) is largest, its
//     certificate the largest bound of any coalition; the frontier is
//     that coalition's (Pareto-efficient for its members);
//   - each issue's range is the hull of the coalitions' ranges (a note
//     says when they leave a gap), every coalition's own in Coalitions;
//   - the sample takes the coalitions' samples in turn;
//   - an empty zone opens when one coalition's does: each concession
//     plan is the cheapest of the coalitions'.
//
// Without rules there is one coalition, the required actors, and the
// merge returns its search unchanged.

// Coalition is one minimal winning coalition and its zone: the packages
// every member accepts, all of which pass the decision rules.
type Coalition struct {
	Actors []string `json:"actors"`
	Open   bool     `json:"open"`
	// Margin and MarginBound are the coalition's margin (5) among its
	// members and its certificate; −Inf (null in JSON) when its red lines
	// leave no package.
	Margin      float64 `json:"margin"`
	MarginBound float64 `json:"margin_bound"`
	// Ranges are the coalition's zone's per issue; omitted when closed.
	Ranges []Range `json:"ranges,omitempty"`
	// Short lists, for a closed zone, the members below their
	// alternative at its balanced package; Conflict says whose red lines
	// leave an issue no value.
	Short    []string `json:"short,omitempty"`
	Conflict string   `json:"conflict,omitempty"`
}

// MarshalJSON writes the margin and its bound as null when they are −Inf.
func (c Coalition) MarshalJSON() ([]byte, error) {
	type plain Coalition
	return json.Marshal(struct {
		plain
		Margin      *float64 `json:"margin"`
		MarginBound *float64 `json:"margin_bound"`
	}{plain(c), finite(c.Margin), finite(c.MarginBound)})
}

// finite is x, or nil when x is infinite or NaN (null in JSON).
func finite(x float64) *float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return nil
	}
	return &x
}

// merge reads the zone off the coalitions' searches.
type merge struct {
	res    *Result
	sp     *space
	in     *Input
	req    []int
	o      Options
	dec    *decision
	pieces []*searcher
}

// plain reports whether the search is the one without rules: a single
// coalition made of the required actors (no rules, or rules that ask for
// just them, e.g. unanimity of every actor).
func (m *merge) plain() bool {
	return len(m.pieces) == 1 && slices.Equal(m.pieces[0].req, m.req)
}

// label names a coalition in notes and the summary by its members'
// names (the answer's Coalitions keep their ids).
func (m *merge) label(s *searcher) string {
	return "{" + strings.Join(actorNames(m.sp.p, s.req), ", ") + "}"
}

func (m *merge) run(ctx context.Context) error {
	res, p := m.res, m.sp.p
	rules := len(m.in.Rules) > 0
	res.Acceptance = acceptance(m.in, m.req)
	if rules {
		res.Rules = m.dec.games
		res.Notes = append(res.Notes, m.dec.note(p))
		res.Notes = append(res.Notes, m.dec.dead...)
		if !m.dec.unruled && m.o.Require != nil {
			res.Notes = append(res.Notes, "every issue states a decision rule, so the required actors (require) play no part")
		}
		res.Veto = names(p, m.dec.veto)
	}
	for _, s := range m.pieces {
		for _, n := range s.res.Notes {
			if len(m.pieces) > 1 {
				n = "coalition " + m.label(s) + ": " + n
			}
			res.Notes = append(res.Notes, n)
		}
	}
	best, nashAt := m.zone()
	if nashAt != nil {
		if nashAt.interior && !nashAt.stopped() {
			nashAt.frontier(nashAt.fr, nashAt.b, nashAt.yc)
			res.Frontier = nashAt.res.Frontier
		}
		m.sample()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if !res.Open && len(m.pieces) > 0 {
		if err := m.concede(ctx); err != nil {
			return err
		}
		m.blockers(best)
	}
	if rules {
		m.coalitions()
		m.judge()
	}
	for _, s := range m.pieces {
		res.Stats.add(s.res.Stats)
	}
	if m.plain() {
		s := m.pieces[0]
		s.summarise(s.conflict)
		res.Summary = s.res.Summary
	} else {
		m.summarise(best)
	}
	m.defaulted()
	return nil
}

// zone reads the zone off the coalitions' searches: its margin, the
// largest of theirs (best's), and, when some coalition's zone is open,
// its balanced package (best's), its Nash package (that of the largest
// Nash product, nashAt's; nil when none is open) and its ranges (their
// hull). The search reads it before its frontier and its sample, and a
// robust search's draw (drawAtOptions) before its check at the options.
func (m *merge) zone() (best, nashAt *searcher) {
	res := m.res
	res.Margin, res.MarginBound = math.Inf(-1), math.Inf(-1)
	for _, s := range m.pieces {
		r := s.res
		if best == nil || r.Margin > best.res.Margin {
			best = s
		}
		res.MarginBound = math.Max(res.MarginBound, r.MarginBound)
		if r.Open && (nashAt == nil || r.NashProduct > nashAt.res.NashProduct) {
			nashAt = s
		}
	}
	if best != nil {
		res.Margin = best.res.Margin
	}
	if nashAt != nil {
		res.Open = true
		res.Balanced = best.res.Balanced
		res.Nash, res.NashProduct = nashAt.res.Nash, nashAt.res.NashProduct
		for _, s := range m.pieces {
			if s.res.Open {
				res.NashBound = math.Max(res.NashBound, s.res.NashBound)
			}
		}
		m.ranges()
	}
	return best, nashAt
}

// ranges takes the hull of the open coalitions' ranges, issue by issue,
// and notes the issues whose values the union leaves in pieces.
func (m *merge) ranges() {
	var open []*searcher
	for _, s := range m.pieces {
		if s.res.Open {
			open = append(open, s)
		}
	}
	if len(open) == 1 {
		m.res.Ranges = open[0].res.Ranges
		return
	}
	for _, is := range m.sp.p.Issues {
		var parts []Range
		for _, s := range open {
			for _, r := range s.res.Ranges {
				if r.Issue == is.ID {
					parts = append(parts, r)
				}
			}
		}
		if len(parts) == 0 {
			continue
		}
		h := parts[0]
		for _, r := range parts[1:] {
			h.Lo, h.Hi = math.Min(h.Lo, r.Lo), math.Max(h.Hi, r.Hi)
			h.Fixed = h.Fixed && r.Fixed
			h.Indifferent = h.Indifferent && r.Indifferent
		}
		h.Fixed = h.Fixed && h.Lo == h.Hi
		m.res.Ranges = append(m.res.Ranges, h)
		sort.Slice(parts, func(a, b int) bool { return parts[a].Lo < parts[b].Lo })
		var gaps []string
		reach := parts[0].Hi
		for _, r := range parts[1:] {
			if r.Lo > reach {
				gaps = append(gaps, scenario.RangeJoin(fmt.Sprint(round9(reach)), fmt.Sprint(round9(r.Lo))))
			}
			reach = math.Max(reach, r.Hi)
		}
		if len(gaps) > 0 {
			m.res.Notes = append(m.res.Notes, fmt.Sprintf("issue %s: no package in the zone takes a value in %s (the coalitions' ranges leave it out); its range %s is their hull", is.ID, strings.Join(gaps, ", "), scenario.RangeJoin(fmt.Sprint(round9(h.Lo)), fmt.Sprint(round9(h.Hi)))))
		}
	}
}

// sample takes the open coalitions' samples in turn, up to the number
// asked for; with one coalition it is that coalition's sample.
func (m *merge) sample() {
	n := m.o.Samples
	if n == 0 {
		n = 5
	}
	if n < 0 {
		return
	}
	var from [][]Package
	for _, s := range m.pieces {
		if s.interior && !s.stopped() {
			s.sample(s.fr, s.b, s.yN)
			from = append(from, s.res.Sample)
		}
	}
	for j := 0; len(m.res.Sample) < n; j++ {
		took := false
		for _, pks := range from {
			if j < len(pks) && len(m.res.Sample) < n {
				pk := pks[j]
				pk.Label = fmt.Sprintf("sample %d", len(m.res.Sample)+1)
				m.res.Sample = append(m.res.Sample, pk)
				took = true
			}
		}
		if !took {
			break
		}
	}
}

// concede computes each closed coalition's concession plans and keeps,
// of each kind, the cheapest.
func (m *merge) concede(ctx context.Context) error {
	if len(m.pieces) == 1 {
		m.pieces[0].res.Concession = m.pieces[0].concede()
		m.res.Concession = m.pieces[0].res.Concession
		m.within(m.pieces[0])
		return ctx.Err()
	}
	c := &Concession{}
	var lowFrom, bendFrom *searcher
	var lowSides, bendSides []Contradiction
	for _, s := range m.pieces {
		if err := ctx.Err(); err != nil {
			return err
		}
		sc := s.concede()
		if pl := sc.LowerAlternatives; pl != nil && (c.LowerAlternatives == nil || pl.Cost < c.LowerAlternatives.Cost) {
			c.LowerAlternatives, lowFrom, lowSides = pl, s, sc.Contradictions
		}
		if pl := sc.BendRedLines; pl != nil && (c.BendRedLines == nil || pl.Cost < c.BendRedLines.Cost) {
			c.BendRedLines, bendFrom, bendSides = pl, s, sc.Contradictions
		}
		for _, n := range sc.Notes {
			c.Notes = append(c.Notes, "coalition "+m.label(s)+": "+n)
		}
	}
	if lowFrom != nil {
		c.Notes = append(c.Notes, fmt.Sprintf("of the %d coalitions' plans, the cheapest lowering of alternatives opens the zone of %s", len(m.pieces), m.label(lowFrom)))
	}
	if bendFrom != nil {
		c.Notes = append(c.Notes, fmt.Sprintf("of the %d coalitions' plans, the cheapest bending of red lines opens the zone of %s", len(m.pieces), m.label(bendFrom)))
	}
	// The contradictions shown are those of the coalition whose plan
	// lowers alternatives (of the one whose plan bends red lines when no
	// plan lowers them), each side marked with the plans kept that take it.
	c.Contradictions = lowSides
	if lowFrom == nil {
		c.Contradictions = bendSides
	}
	if lowFrom != nil && lowFrom != bendFrom {
		// Its own plan that bends red lines was not kept.
		for i := range c.Contradictions {
			c.Contradictions[i].dropPlan(PlanBend)
		}
	}
	m.res.Concession = c
	if lowFrom != nil {
		m.within(lowFrom)
	} else if bendFrom != nil {
		m.within(bendFrom)
	}
	return nil
}

// within marks the contradictions shown with the coalition they are
// found in (Contradiction.Coalition), s, unless the search is the one
// without rules (plain), whose coalition is the required actors.
func (m *merge) within(s *searcher) {
	if m.plain() {
		return
	}
	for i := range m.res.Concession.Contradictions {
		m.res.Concession.Contradictions[i].Coalition = names(m.sp.p, s.req)
	}
}

// blockers names who blocks an empty zone: in the coalition nearest to
// agreement, the members whose red lines leave an issue no value, or
// those below their alternative at its balanced package.
func (m *merge) blockers(near *searcher) {
	if near == nil {
		return
	}
	var who []int
	if near.conflict != "" {
		who = near.conflictWho
	} else if pk := near.short; pk != nil {
		for _, i := range near.req {
			if pk.Gains[i] < -zoneTol {
				who = append(who, i)
			}
		}
	}
	for _, i := range who {
		if id := m.sp.p.Actors[i].ID; !slices.Contains(m.res.Blockers, id) {
			m.res.Blockers = append(m.res.Blockers, id)
		}
	}
}

// coalitions lists every coalition with its zone.
func (m *merge) coalitions() {
	p := m.sp.p
	for _, s := range m.pieces {
		c := Coalition{Actors: names(p, s.req), Open: s.res.Open, Margin: s.res.Margin, MarginBound: s.res.MarginBound, Conflict: s.conflict}
		if s.res.Open {
			c.Ranges = s.res.Ranges
		} else if pk := s.short; pk != nil {
			for _, i := range s.req {
				if pk.Gains[i] < -zoneTol {
					c.Short = append(c.Short, p.Actors[i].ID)
				}
			}
		}
		m.res.Coalitions = append(m.res.Coalitions, c)
	}
}

// judge gives every package the search returns its rule verdicts, by the
// same test deal evaluate applies (space.judge).
func (m *merge) judge() {
	for _, pk := range m.res.Packages() {
		if pk.Rules == nil {
			pk.Rules = m.sp.judge(pk.Values, m.req).Rules
		}
	}
}

// Packages returns pointers to every package the result holds: the
// balanced and Nash packages, the frontier, the sample and the
// concession plans' packages.
func (r *Result) Packages() []*Package {
	var out []*Package
	for _, pk := range []*Package{r.Balanced, r.Nash} {
		if pk != nil {
			out = append(out, pk)
		}
	}
	for j := range r.Frontier {
		out = append(out, &r.Frontier[j])
	}
	for j := range r.Sample {
		out = append(out, &r.Sample[j])
	}
	if c := r.Concession; c != nil {
		if c.LowerAlternatives != nil {
			out = append(out, &c.LowerAlternatives.Package)
		}
		if c.BendRedLines != nil {
			out = append(out, &c.BendRedLines.Package)
		}
	}
	return out
}
