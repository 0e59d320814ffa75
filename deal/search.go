package deal

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"parley/errs"
	"parley/model"
	"parley/nouns"
)

// Result is what Search finds.
type Result struct {
	Issues []string `json:"issues"`
	Actors []string `json:"actors"`
	// Required lists the actors that must accept; Fixed the pinned issues.
	Required []string           `json:"required"`
	Fixed    map[string]float64 `json:"fixed,omitempty"`
	Rho      float64            `json:"rho"`
	// Alternatives holds every actor's d_i (equation 3).
	Alternatives []Alternative `json:"alternatives"`
	// Open is true when some package gives every required actor at least
	// its alternative and crosses none of their red lines (with decision
	// rules: when some package passes them): the zone of possible
	// agreement (ZOPA) is not empty.
	Open bool `json:"open"`
	// Margin is the largest smallest gain: max over packages of
	// min over required actors of U_i − d_i (equation 5); with decision
	// rules, the largest over the coalitions of each one's margin among
	// its members. Open ⇔ Margin ≥ 0.
	// MarginBound is the certificate: no package does better. Both are
	// −Inf (null in JSON) when the red lines leave no package.
	Margin      float64 `json:"margin"`
	MarginBound float64 `json:"margin_bound"`
	// Balanced is the package that attains Margin.
	Balanced *Package `json:"balanced,omitempty"`
	// Nash maximises Π (U_i − d_i)^{c_i} over the zone (equation 4).
	Nash *Package `json:"nash,omitempty"`
	// NashProduct is the capability-weighted geometric mean of the
	// required actors' gains at Nash, Π (U_i − d_i)^{c_i/Σc} (actors whose
	// gain cannot vary are left out); NashBound bounds it from above (the
	// certificate): no package in the zone does better.
	NashProduct float64 `json:"nash_product,omitempty"`
	NashBound   float64 `json:"nash_bound,omitempty"`
	// RestatedText says, when the balanced package was restated at the
	// options of its discrete issues (Package.Restated), that the zone and
	// Margin describe the search before restating, and what the restated
	// package gives the actor worst served (ask.BeforeRestatingText);
	// NashProductText is the line on NashProduct, which says so of the
	// Nash package when it was restated (ask.NashProductLine). Both
	// written by ask; RestatedText omitted when nothing was restated.
	RestatedText    string `json:"restated_text,omitempty"`
	NashProductText string `json:"nash_product_text,omitempty"`
	// AtOptions says, when the zone is open and some issue is discrete,
	// whether some package at the options is accepted (discrete.go);
	// omitted otherwise.
	AtOptions *AtOptions `json:"at_options,omitempty"`
	// ZoneText is the line on the zone every door prints under Summary
	// (ask.ZoneLine: "Zone of agreement: OPEN. Largest smallest gain
	// …"), and UnrestatedText, when an issue is discrete, says that the
	// frontier and the sample keep the search's values, before
	// restating at options (ask.UnrestatedText). Written by ask; omitted
	// when empty, and in an answer stored before they were carried.
	ZoneText       string `json:"zone_text,omitempty"`
	UnrestatedText string `json:"unrestated_text,omitempty"`
	// Ranges gives, per issue, the values some package in the zone takes.
	Ranges []Range `json:"ranges,omitempty"`
	// Frontier samples the Pareto-efficient packages of the zone along
	// weight directions (equation 6).
	Frontier []Package `json:"frontier,omitempty"`
	// Sample holds packages drawn from the zone (hit-and-run).
	Sample []Package `json:"sample,omitempty"`
	// Concession says what would open an empty zone.
	Concession *Concession `json:"concession,omitempty"`
	// Rules are the issues' decision rules as the search read them;
	// omitted when no issue states one.
	Rules []RuleGame `json:"rules,omitempty"`
	// Acceptance says in words which packages the zone holds: those
	// every required actor accepts, or that pass the rules (rule.go:
	// acceptance), as Evaluation.Acceptance says for one package.
	Acceptance string `json:"acceptance"`
	// Coalitions are the decision's minimal winning coalitions, each with
	// its own zone (the zone is their union); omitted without rules.
	Coalitions []Coalition `json:"coalitions,omitempty"`
	// Veto lists the actors in every coalition: no package passes
	// without them (every voter under unanimity); omitted without rules.
	Veto []string `json:"veto,omitempty"`
	// VetoHeadText heads Veto in words (ask.VetoHead: which veto it
	// is), written by ask where Veto is given; omitted in an answer
	// stored before the answers carried it.
	VetoHeadText string `json:"veto_head_text,omitempty"`
	// NoVetoText says, under decision rules, that Veto is empty
	// (ask.NoVetoText), written by ask where Rules are given and Veto is
	// not; omitted otherwise, and in an answer stored before it was
	// carried.
	NoVetoText string `json:"no_veto_text,omitempty"`
	// Blockers, when the zone is empty, names who blocks it: in the
	// coalition nearest to agreement (the largest margin), the members
	// below their alternative at its balanced package, or those whose red
	// lines leave an issue no value.
	Blockers []string `json:"blockers,omitempty"`
	// Summary says in plain words whether the zone is open and, when it
	// is not, why: whose red lines leave an issue no value, or which
	// actors fall short of their alternative at the best compromise.
	Summary string `json:"summary"`
	// Defaulted lists, when the zone is open, the actors that must accept
	// whose alternative is the default 0 (none stated: no reservation and
	// no no-deal package), who accept any package that crosses none of
	// their red lines; DefaultNote says so in words, and Summary carries
	// it (summary.go: defaulted). Both omitted when none is.
	Defaulted   []string `json:"defaulted,omitempty"`
	DefaultNote string   `json:"default_note,omitempty"`
	// DefaultedAll is true when every actor that must accept is in
	// Defaulted (DefaultNote "Decided by a default: …"), false when some
	// are ("Decided in part by a default: …"): for the doors that label
	// the zone beside the headline. Not in the JSON, whose note says it.
	DefaultedAll bool     `json:"-"`
	Notes        []string `json:"notes,omitempty"`
	// Stats counts the work and the worst certificate gap.
	Stats Stats `json:"stats"`
	// Certified is false when some solve's certificate gap exceeded
	// MaxTrustedGap (a note says so): MarginBound and NashBound are then
	// still upper bounds, but too loose to state as the answer's
	// certificate, and every door says "not certified" instead.
	Certified bool `json:"certified"`
}

// MarshalJSON writes the margin and its bound as null when the red lines
// leave no package at all (they are −Inf in the struct).
func (r Result) MarshalJSON() ([]byte, error) {
	type plain Result
	fin := func(x float64) *float64 {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil
		}
		return &x
	}
	return json.Marshal(struct {
		plain
		Margin      *float64 `json:"margin"`
		MarginBound *float64 `json:"margin_bound"`
	}{plain(r), fin(r.Margin), fin(r.MarginBound)})
}

// Alternative is one actor's d_i.
type Alternative struct {
	Actor string  `json:"actor"`
	Value float64 `json:"value"`
	From  string  `json:"from"`
	// Text is the value and where it came from in words
	// (ask.AlternativeText, "0.598 at no deal (reference)"), written by
	// ask; omitted in an answer stored before the answers carried it.
	Text string `json:"text,omitempty"`
	// RequiredText says whether the search's zone needs the actor's
	// acceptance (Zone's Required), in words every door marks the actor
	// with ("required", "not required": ask.RequiredText), written by
	// ask in a search's answer; omitted elsewhere, and in an answer
	// stored before it was carried.
	RequiredText string `json:"required_text,omitempty"`
}

// Package is one package with every actor's utility and gain.
type Package struct {
	Label  string    `json:"label"`
	Values []float64 `json:"values"`
	// Options names, per issue, the labelled option nearest the value
	// ("" on an issue without labels).
	Options []string `json:"options"`
	// NearestText names, per issue, the labelled options nearest the
	// value with their points (ask.NearestOptionText, "+25c (25.0)"; ""
	// on an issue without labels), as deal evaluate's nearest_text does:
	// written by ask on the packages the doors list (Nash, Balanced, each
	// plan's and the robust analysis's best), not on the frontier or the
	// sample; omitted in an answer stored before it was carried.
	NearestText []string  `json:"nearest_text,omitempty"`
	Utilities   []float64 `json:"utilities"`
	Gains       []float64 `json:"gains"`
	// Rules says, when issues state decision rules, whether the package
	// passes each (as deal evaluate judges it) and which coalition of
	// voters carries it.
	Rules []RuleVerdict `json:"rules,omitempty"`
	// Restated says, when the search found a value on a discrete issue
	// that is not one of its options, how the package was restated at
	// options (discrete.go); omitted otherwise.
	Restated *Restated `json:"restated,omitempty"`
}

// Range is the interval of values an issue takes across the zone.
type Range struct {
	Issue string  `json:"issue"`
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
	// Fixed marks an issue pinned by Options.Fix or by red lines that
	// leave one value.
	Fixed bool `json:"fixed,omitempty"`
	// Indifferent marks an issue no required actor cares about.
	Indifferent bool `json:"indifferent,omitempty"`
}

// Stats is the solver's work and accuracy.
type Stats struct {
	Solves      int `json:"solves"`
	NewtonSteps int `json:"newton_steps"`
	// MaxGap is the largest certificate gap (objective − lower bound, in
	// normalised units) of any solve reported.
	MaxGap float64 `json:"max_gap"`
}

// add counts o's solves into s: the solves and Newton steps summed, the
// largest gap kept (a NaN gap, a solve that failed, kept as such).
func (s *Stats) add(o Stats) {
	s.Solves += o.Solves
	s.NewtonSteps += o.NewtonSteps
	if o.MaxGap > s.MaxGap || math.IsNaN(o.MaxGap) {
		s.MaxGap = o.MaxGap
	}
}

// zoneTol is the margin below which the zone counts as empty.
const zoneTol = 1e-9

// searcher carries one Search.
type searcher struct {
	// ctx stops a search between solves (nil: never).
	ctx   context.Context
	in    *Input
	sp    *space
	o     Options
	req   []int
	fixed map[int]float64 // normalised
	res   *Result
	// short is the balanced package of an empty zone, for the summary.
	short *Package
	// conflict says whose red lines leave no package ("" when some is
	// left), and conflictWho lists them (actor indices).
	conflict    string
	conflictWho []int
	// fr, b, yc and yN are an open zone's frame, program, centre and
	// Nash package (free values), when it has an interior.
	fr       *frame
	b        *built
	yc, yN   []float64
	interior bool
}

// stopped reports whether the search's context is done.
func (s *searcher) stopped() bool { return s.ctx != nil && s.ctx.Err() != nil }

func (s *searcher) note(format string, args ...any) {
	s.res.Notes = append(s.res.Notes, fmt.Sprintf(format, args...))
}

func (s *searcher) count(sol solution) {
	s.res.Stats.Solves++
	s.res.Stats.NewtonSteps += sol.newton
}

func (s *searcher) gap(g float64) {
	if g > s.res.Stats.MaxGap || math.IsNaN(g) {
		s.res.Stats.MaxGap = g
	}
}

// Search finds the zone of possible agreement among the required actors
// (the packages each prefers to its alternative and that cross none of its
// red lines), the package in it that maximises the capability-weighted
// Nash product, the zone's extent per issue, a sample of its Pareto
// frontier and of its packages; and, when it is empty, the smallest
// concessions that open it. It needs ρ ≥ 1 (concave utilities: every
// problem it solves is convex and solved with a certificate of
// optimality).
//
// When issues state decision rules, the zone is the packages that pass
// them (decide, as Evaluate judges): the union of the zones of the
// decision's minimal winning coalitions, each searched as above
// (coalition.go).
func Search(in *Input, o Options) (*Result, error) {
	return SearchContext(context.Background(), in, o)
}

// SearchContext is Search stopping when ctx is cancelled: between solves,
// and within the frontier and the sample; it then returns ctx's error.
func SearchContext(ctx context.Context, in *Input, o Options) (*Result, error) {
	rho := o.rho()
	if rho < 1 {
		return nil, errs.New(errs.Argument, "search needs ρ ≥ 1 (got %v): below 1 the utilities are not concave and the search could not certify its answer; valid: a number ≥ 1 (evaluate accepts any ρ > 0)", rho)
	}
	sp, err := newSpace(in, rho)
	if err != nil {
		return nil, err
	}
	p := in.Problem
	req, err := o.required(p)
	if err != nil {
		return nil, err
	}
	fixU, err := o.fixed(p)
	if err != nil {
		return nil, err
	}
	dec, err := newDecision(in, req)
	if err != nil {
		return nil, err
	}
	res := &Result{Issues: p.IssueIDs(), Actors: p.ActorIDs(), Rho: rho}
	fixed := map[int]float64{}
	for _, i := range req {
		res.Required = append(res.Required, p.Actors[i].ID)
	}
	for k, x := range fixU {
		fixed[k] = sp.norm(k, x)
	}
	res.Fixed = fixedByID(p, fixU)
	for i, a := range p.Actors {
		res.Alternatives = append(res.Alternatives, Alternative{Actor: a.ID, Value: sp.alt[i], From: sp.altFrom[i]})
	}
	var pieces []*searcher
	for _, c := range dec.coalitions {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s := &searcher{ctx: ctx, in: in, sp: sp, o: o, req: c, fixed: fixed, res: &Result{}}
		s.explore()
		pieces = append(pieces, s)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m := &merge{res: res, sp: sp, in: in, req: req, o: o, dec: dec, pieces: pieces}
	if err := m.run(ctx); err != nil {
		return nil, err
	}
	m.restate()
	m.atOptions()
	res.Certified = res.Stats.MaxGap <= MaxTrustedGap
	if g := res.Stats.MaxGap; !(g <= MaxTrustedGap) {
		// the answer stands on solves the solver could not certify
		why := ""
		if rho > 10 {
			why = fmt.Sprintf("; at ρ = %v every loss short of the whole scale is nearly 0, so the utilities are all ≈ 1 and the problems ill-conditioned: a smaller ρ answers", rho)
		}
		res.Notes = append(res.Notes, fmt.Sprintf("the solver could not certify its answer to within %g of utility (largest certificate gap %.3g): the zone's verdict, its margin and its packages are uncertain%s", MaxTrustedGap, g, why))
	}
	return res, nil
}

// MaxTrustedGap is the largest certificate gap (in utility, 0–1) that
// Search reports without a note that its answer is uncertain: the
// solves of the built-in case close to 10⁻⁶ or better at ρ from 1 to 30,
// and at ρ = 100 to 4·10⁶.
const MaxTrustedGap = 1e-4

// explore searches one coalition's zone: its red lines' frame, its
// margin (5) and, when it is open, its Nash package and its ranges (the
// frontier and the sample wait for the merge, which asks only some
// coalitions for them).
func (s *searcher) explore() {
	if len(s.req) == 0 {
		s.everyone()
		return
	}
	fr, conflict := s.redLineFrame()
	if conflict != "" {
		s.closedBy(conflict)
		return
	}
	s.zone(fr)
}

// closedBy fills the result for a coalition whose red lines conflict.
func (s *searcher) closedBy(conflict string) {
	s.conflict = conflict
	s.note("%s", conflict)
	s.res.Margin, s.res.MarginBound = math.Inf(-1), math.Inf(-1)
}

// redLineFrame intersects the required actors' red lines with the scales.
// It returns a non-empty conflict when they leave some issue no value.
func (s *searcher) redLineFrame() (*frame, string) {
	sp, p := s.sp, s.sp.p
	K := len(p.Issues)
	lo, hi := make([]float64, K), make([]float64, K)
	loOpen, hiOpen := make([]bool, K), make([]bool, K)
	for k := range hi {
		hi[k] = 1
	}
	var conflicts []string
	for _, i := range s.req {
		for k, r := range s.in.redLines(i) {
			if x, ok := s.fixed[k]; ok {
				if Crosses(r, sp.denorm(k, x), p.Issues[k]) {
					conflicts = append(conflicts, fmt.Sprintf("%s is fixed at %v, which crosses %s red line %s", model.NameOr(p.Issues[k].Name, "issue "+p.Issues[k].ID), sp.denorm(k, x), nouns.Possessive(model.NameOr(p.Actors[i].Name, p.Actors[i].ID)), r))
					s.conflictWho = append(s.conflictWho, i)
				}
				continue
			}
			if !math.IsInf(r.Lo, -1) {
				if l := sp.norm(k, r.Lo); l > lo[k] || (l == lo[k] && r.LoOpen) {
					lo[k], loOpen[k] = l, r.LoOpen
				}
			}
			if !math.IsInf(r.Hi, 1) {
				if h := sp.norm(k, r.Hi); h < hi[k] || (h == hi[k] && r.HiOpen) {
					hi[k], hiOpen[k] = h, r.HiOpen
				}
			}
		}
	}
	for k := range p.Issues {
		if _, ok := s.fixed[k]; ok {
			continue
		}
		if lo[k] > hi[k] || (lo[k] == hi[k] && (loOpen[k] || hiOpen[k])) {
			var who []string
			for _, i := range s.req {
				if r, ok := s.in.redLines(i)[k]; ok {
					who = append(who, model.NameOr(p.Actors[i].Name, p.Actors[i].ID)+" needs "+r.Needs("it"))
					s.conflictWho = append(s.conflictWho, i)
				}
			}
			conflicts = append(conflicts, fmt.Sprintf("the required actors' red lines on %s leave no value (%s)", model.NameOr(p.Issues[k].Name, "issue "+p.Issues[k].ID), join(who)))
		}
	}
	if len(conflicts) > 0 {
		return nil, "zone closed by red lines: " + join(conflicts)
	}
	return newFrame(sp, s.req, s.fixed, lo, hi, loOpen, hiOpen), ""
}

func join(ss []string) string {
	out := ""
	for i, x := range ss {
		if i > 0 {
			out += "; "
		}
		out += x
	}
	return out
}

// maximin solves equation (5) on a frame: max over packages of the
// smallest U_i − d_i. It returns the program (for later solves), the
// package (y over the free issues), the margin it attains and the bound.
//
// raw is the barrier's own solution, strictly inside every constraint
// (y may have been snapped onto a boundary): later solves start there.
func (s *searcher) maximin(fr *frame) (b *built, y, raw []float64, margin, bound float64) {
	nf := len(fr.free)
	b = fr.build(0)
	margin, bound = math.Inf(1), math.Inf(1)
	for _, c := range b.consts {
		margin, bound = math.Min(margin, c.a), math.Min(bound, c.a)
	}
	y = fr.center()
	raw = y
	if len(b.actors) == 0 {
		return b, y, raw, margin, bound
	}
	// Phase I: y = (q, t), maximise t subject to C_i − t ≥ 0.
	ph := fr.build(1)
	tj := nf
	ph.l[tj] = -1
	span := 2 + math.Pow(ph.uMax, ph.rho)
	ph.bound(tj, -2*span, 2)
	for i := range ph.actors {
		ph.actors[i].gamma = []entry{{tj, -1}}
	}
	y0 := append(fr.center(), 0)
	pt := ph.start(y0)
	t := math.Inf(1)
	for i := range ph.actors {
		t = math.Min(t, ph.actorC(&ph.actors[i], pt))
	}
	pt.y[tj] = math.Max(t-1, -2*span+1)
	sol := ph.solve(pt, s.o.tol(), nil)
	s.count(sol)
	raw = append([]float64(nil), sol.pt.y[:nf]...)
	y = raw
	minC := func(y []float64) float64 {
		m := math.Inf(1)
		for i := range b.actors {
			m = math.Min(m, b.exactC(&b.actors[i], y))
		}
		return m
	}
	y = fr.snap(b, y, func([]float64) bool { return true }, func(y []float64) float64 { return -minC(y) })
	got := minC(y)
	s.gap(-sol.lb - got)
	return b, y, raw, math.Min(margin, got), math.Min(bound, -sol.lb)
}

// everyone fills the result for the empty coalition: rules that need no
// one's consent (e.g. unanimity among voters a variant removed), so every
// package passes. The margin has no actor to measure and is +Inf (null in
// JSON); each issue's range is its whole scale.
func (s *searcher) everyone() {
	p := s.sp.p
	K := len(p.Issues)
	lo, hi := make([]float64, K), make([]float64, K)
	for k := range hi {
		hi[k] = 1
	}
	fr := newFrame(s.sp, nil, s.fixed, lo, hi, nil, nil)
	y := fr.center()
	s.res.Open = true
	s.res.Margin, s.res.MarginBound = math.Inf(1), math.Inf(1)
	s.res.Balanced = s.pkg("balanced (max of the smallest gain)", fr, y)
	s.res.Nash = s.pkg("Nash (= balanced)", fr, y)
	for j, k := range fr.free {
		s.res.Ranges = append(s.res.Ranges, Range{Issue: p.Issues[k].ID, Lo: s.sp.denorm(k, fr.lo[j]), Hi: s.sp.denorm(k, fr.hi[j]), Indifferent: true})
	}
	s.fixedRanges(fr)
	s.note("no rule needs anyone's consent (their voters are absent): every package passes, and the balanced and Nash packages are the middle of the scales")
}

// zone fills the result for a frame whose red lines leave every issue
// some value: the margin, and for an open zone the balanced and Nash
// packages and the ranges.
func (s *searcher) zone(fr *frame) {
	b, y, raw, margin, bound := s.maximin(fr)
	s.zoneFrom(fr, b, y, raw, margin, bound)
}

// zoneFrom is zone from the frame's maximin (5) already solved: what
// maximin returned on fr.
func (s *searcher) zoneFrom(fr *frame, b *built, y, raw []float64, margin, bound float64) {
	res := s.res
	res.Margin, res.MarginBound = margin, bound
	if margin < -zoneTol {
		s.short = s.pkg("balanced (max of the smallest gain)", fr, y)
		return
	}
	res.Open = true
	res.Balanced = s.pkg("balanced (max of the smallest gain)", fr, y)
	if margin <= zoneTol || len(b.actors) == 0 {
		if len(fr.free) == 0 {
			s.note("every issue is fixed (by --fix or by red lines that leave one value): the package is given")
		} else if len(b.actors) == 0 {
			s.note("no required actor cares about a free issue: every package in the red lines is equivalent")
		} else {
			s.note("the zone has no interior (largest smallest gain %.3g): the balanced package is the only agreement", margin)
		}
		res.Nash = s.pkg("Nash", fr, y)
		res.Nash.Label = "Nash (= balanced)"
		for j, k := range fr.free {
			res.Ranges = append(res.Ranges, Range{Issue: s.sp.p.Issues[k].ID, Lo: s.sp.denorm(k, y[j]), Hi: s.sp.denorm(k, y[j])})
		}
		s.fixedRanges(fr)
		return
	}
	yc := s.center(fr, b, raw, margin)
	yN := s.nash(fr, b, yc)
	if s.stopped() {
		return
	}
	s.ranges(fr, b, yc)
	s.fr, s.b, s.yc, s.yN, s.interior = fr, b, yc, yN, true
}

// center returns the analytic centre of the zone's barrier (the point
// that maximises the sum of the logs of every slack), from a strictly
// feasible y: every later solve starts there, well inside the zone.
func (s *searcher) center(fr *frame, b *built, y []float64, margin float64) []float64 {
	// First step towards the box's centre, as far as keeps every C_i above
	// margin/2 (C_i is concave: C_i(y + θ(c − y)) ≥ (1−θ)C_i(y) + θC_i(c)).
	c := fr.center()
	low := math.Inf(1)
	for i := range b.actors {
		low = math.Min(low, b.exactC(&b.actors[i], c))
	}
	theta := 0.5
	if low < margin/2 {
		theta = math.Min(theta, (margin/2)/(margin-low))
	}
	y = append([]float64(nil), y...)
	for j := range y {
		y[j] += theta * (c[j] - y[j])
	}
	sol := b.solve(b.start(y), s.o.tol(), func(point) bool { return true })
	s.count(sol)
	return sol.pt.y[:len(y)]
}

// pkg builds a reported package from free values y.
func (s *searcher) pkg(label string, fr *frame, y []float64) *Package {
	q := fr.full(y)
	pk := &Package{Label: label, Values: s.sp.denormAll(q), Options: Nearest(s.sp.p, s.sp.denormAll(q))}
	for i := range s.sp.p.Actors {
		u := s.sp.utility(i, q)
		pk.Utilities = append(pk.Utilities, u)
		pk.Gains = append(pk.Gains, u-s.sp.alt[i])
	}
	return pk
}

// nash solves equation (4) from the balanced package y.
func (s *searcher) nash(fr *frame, b *built, y []float64) []float64 {
	nf := len(fr.free)
	total := 0.0
	for _, j := range b.members {
		total += fr.cw[j]
	}
	for i, j := range b.members {
		b.actors[i].nu = fr.cw[j] / total
	}
	sol := b.solve(b.start(y), s.o.tol(), nil)
	s.count(sol)
	F := func(y []float64) float64 {
		f := 0.0
		for i := range b.actors {
			c := b.exactC(&b.actors[i], y)
			if !(c > 0) {
				return math.Inf(1)
			}
			f -= b.actors[i].nu * math.Log(c)
		}
		return f
	}
	yN := fr.snap(b, sol.pt.y[:nf], func(y []float64) bool { return !math.IsInf(F(y), 1) }, F)
	f := F(yN)
	s.gap(f - sol.lb)
	s.res.Nash = s.pkg("Nash", fr, yN)
	s.res.NashProduct = math.Exp(-f)
	s.res.NashBound = math.Exp(-sol.lb)
	for i := range b.actors {
		b.actors[i].nu = 0
	}
	return yN
}

// feasible reports whether free values y lie in the zone (to rounding).
func feasible(b *built, y []float64) bool {
	for i := range b.actors {
		if b.exactC(&b.actors[i], y) < -1e-12 {
			return false
		}
	}
	return true
}

// ranges solves min and max of each free issue over the zone.
func (s *searcher) ranges(fr *frame, b *built, yN []float64) {
	sp := s.sp
	for j, k := range fr.free {
		if s.stopped() {
			return
		}
		r := Range{Issue: sp.p.Issues[k].ID}
		cares := false
		for _, i := range s.req {
			cares = cares || sp.w[i][k] > 0
		}
		if !cares {
			r.Lo, r.Hi, r.Indifferent = sp.denorm(k, fr.lo[j]), sp.denorm(k, fr.hi[j]), true
			s.res.Ranges = append(s.res.Ranges, r)
			continue
		}
		for _, sign := range []float64{1, -1} {
			b.l[j] = sign
			sol := b.solve(b.start(yN), s.o.tol(), nil)
			s.count(sol)
			y := fr.snap(b, sol.pt.y[:len(fr.free)], func(y []float64) bool { return feasible(b, y) }, func(y []float64) float64 { return sign * y[j] })
			s.gap(sign*y[j] - sol.lb)
			if sign > 0 {
				r.Lo = sp.denorm(k, y[j])
			} else {
				r.Hi = sp.denorm(k, y[j])
			}
			b.l[j] = 0
		}
		s.res.Ranges = append(s.res.Ranges, r)
	}
	s.fixedRanges(fr)
}

// fixedRanges adds the fixed issues to the ranges, in issue order.
func (s *searcher) fixedRanges(fr *frame) {
	sp := s.sp
	for k, x := range fr.fixed {
		v := sp.denorm(k, x)
		s.res.Ranges = append(s.res.Ranges, Range{Issue: sp.p.Issues[k].ID, Lo: v, Hi: v, Fixed: true})
	}
	order := map[string]int{}
	for k, is := range sp.p.Issues {
		order[is.ID] = k
	}
	sort.Slice(s.res.Ranges, func(a, b int) bool { return order[s.res.Ranges[a].Issue] < order[s.res.Ranges[b].Issue] })
}

// frontier maximises Σ λ_i U_i over the zone along weight directions
// (equation 6): each solution is Pareto-efficient among the required
// actors (every λ_i > 0).
func (s *searcher) frontier(fr *frame, b *built, yN []float64) {
	if s.o.Frontier < 0 {
		return
	}
	n := len(b.members)
	type dir struct {
		label string
		lam   []float64
	}
	var dirs []dir
	p := s.sp.p
	if s.o.Frontier == 0 {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, c int) bool { return fr.cw[b.members[idx[a]]] > fr.cw[b.members[idx[c]]] })
		if len(idx) > 10 {
			idx = idx[:10]
		}
		for _, m := range idx {
			lam := make([]float64, n)
			for i := range lam {
				lam[i] = 1e-3 / float64(n)
			}
			lam[m] = 1
			dirs = append(dirs, dir{"best for " + actorNames(p, []int{s.req[b.members[m]]})[0], lam})
		}
		lam := make([]float64, n)
		for i, j := range b.members {
			lam[i] = fr.cw[j]
		}
		dirs = append(dirs, dir{"capability-weighted sum", lam})
	} else {
		rng := rand.New(rand.NewPCG(s.o.Seed, 0x5eed))
		for d := 0; d < s.o.Frontier; d++ {
			lam := make([]float64, n)
			for i := range lam {
				lam[i] = rng.ExpFloat64() + 1e-6
			}
			dirs = append(dirs, dir{fmt.Sprintf("direction %d", d+1), lam})
		}
	}
	for _, d := range dirs {
		if s.stopped() {
			break
		}
		for i := range b.actors {
			b.actors[i].phi = d.lam[i]
		}
		sol := b.solve(b.start(yN), s.o.tol(), nil)
		s.count(sol)
		f := func(y []float64) float64 {
			v := 0.0
			for i := range b.actors {
				a := &b.actors[i]
				v += a.phi * (a.a - b.exactC(a, y))
			}
			return v
		}
		y := fr.snap(b, sol.pt.y[:len(fr.free)], func(y []float64) bool { return feasible(b, y) }, f)
		s.gap(f(y) - sol.lb)
		s.res.Frontier = append(s.res.Frontier, *s.pkg(d.label, fr, y))
	}
	for i := range b.actors {
		b.actors[i].phi = 0
	}
}

// sample draws packages from the zone by hit-and-run from the Nash
// package: a random direction, a uniform point on the chord through the
// zone (found by bisection: the zone is convex), ten steps per package.
func (s *searcher) sample(fr *frame, b *built, y0 []float64) {
	n := s.o.Samples
	if n == 0 {
		n = 5
	}
	nf := len(fr.free)
	if n < 0 || nf == 0 {
		return
	}
	rng := rand.New(rand.NewPCG(s.o.Seed, 0xa11))
	y := append([]float64(nil), y0...)
	in := func(y []float64) bool {
		for j := range y {
			if y[j] < fr.lo[j] || y[j] > fr.hi[j] || (fr.loOpen[j] && y[j] == fr.lo[j]) || (fr.hiOpen[j] && y[j] == fr.hi[j]) {
				return false
			}
		}
		return feasible(b, y)
	}
	at := func(d []float64, t float64) []float64 {
		z := make([]float64, nf)
		for j := range z {
			z[j] = y[j] + t*d[j]
		}
		return z
	}
	for len(s.res.Sample) < n && !s.stopped() {
		for step := 0; step < 10; step++ {
			d := make([]float64, nf)
			norm := 0.0
			for j := range d {
				d[j] = rng.NormFloat64()
				norm += d[j] * d[j]
			}
			for j := range d {
				d[j] /= math.Sqrt(norm)
			}
			var ends [2]float64
			for e, sign := range []float64{-1, 1} {
				lo, hi := 0.0, 2.0 // the unit cube's diameter is at most √nf ≤ 2·… ; grow if needed
				for in(at(d, sign*hi)) && hi < 1e3 {
					lo, hi = hi, 2*hi
				}
				for it := 0; it < 60; it++ {
					mid := (lo + hi) / 2
					if in(at(d, sign*mid)) {
						lo = mid
					} else {
						hi = mid
					}
				}
				ends[e] = sign * lo
			}
			y = at(d, ends[0]+rng.Float64()*(ends[1]-ends[0]))
		}
		s.res.Sample = append(s.res.Sample, *s.pkg(fmt.Sprintf("sample %d", len(s.res.Sample)+1), fr, y))
	}
}
