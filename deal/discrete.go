package deal

import (
	"math"

	"parley/model"
	"parley/scenario"
)

// MaxRestateCombinations is the most combinations of options that the
// restatement of one package tries (restate): beyond it, each value is
// rounded to its nearest option instead.
const MaxRestateCombinations = 64

// Restated says how the search restated one of its packages at options:
// a value it found on a discrete issue (model.Issue.Discrete) that is not
// one of the issue's options is no deal a party can table ("Contract
// length 3.41" where contracts run 1, 2, 3 or 5 years). The package's
// Values, Options, Utilities, Gains and Rules are then those of the
// restated package; Continuous keeps the search's.
type Restated struct {
	// Continuous is the package as the search found it, one value per
	// issue.
	Continuous []float64 `json:"continuous"`
	// Issues lists the discrete issues restated, in issue order.
	Issues []string `json:"issues"`
	// Combinations counts the combinations of the options below and
	// above each restated value; Nearest is true when they were more
	// than MaxRestateCombinations and each value was rounded to its
	// nearest option (the lower on a tie) instead of trying them.
	Combinations int  `json:"combinations"`
	Nearest      bool `json:"nearest,omitempty"`
	// Yeses counts the required actors that accept the restated package,
	// ContinuousYeses those that accept the search's (Verdict.Accepts:
	// no loss below the alternative, no red line crossed).
	Yeses           int `json:"yeses"`
	ContinuousYeses int `json:"continuous_yeses"`
	// Lost lists the required actors that accept the search's package
	// and not the restated one: whose yes the restatement lost.
	Lost []string `json:"lost,omitempty"`
	// ValueText is, per issue, the restated value in words ("3 years
	// (the search's 3.41, restated at an option)", ask.RestatedValueText;
	// "" on an issue not restated), and Text the restatement in
	// sentences, with the yes it lost (ask.RestatedText): written by ask.
	ValueText []string `json:"value_text,omitempty"`
	Text      string   `json:"text,omitempty"`
}

// restate restates every package the doors list — the Nash and balanced
// packages, each concession plan's — whose value on a discrete issue is
// not an option (the frontier and the sample, which map the zone, keep
// the search's values).
func (m *merge) restate() {
	var pks []*Package
	for _, pk := range []*Package{m.res.Nash, m.res.Balanced} {
		if pk != nil {
			pks = append(pks, pk)
		}
	}
	if c := m.res.Concession; c != nil {
		if c.LowerAlternatives != nil {
			pks = append(pks, &c.LowerAlternatives.Package)
		}
		if c.BendRedLines != nil {
			pks = append(pks, &c.BendRedLines.Package)
		}
	}
	done := map[*Package]bool{}
	for _, pk := range pks {
		if !done[pk] {
			done[pk] = true
			m.sp.restate(pk, m.req, len(m.in.Rules) > 0)
		}
	}
}

// restate puts pk at options on its discrete issues when some value
// there is not one: it tries the options below and above each such
// value (the one option beyond the scale's last below or first above
// alone), at most MaxRestateCombinations combinations (more: each value
// rounded to its nearest option), and keeps the combination that the
// most required actors (req) accept; on a tie, the one nearest the
// search's package (the sum over the issues of the distance in shares of
// the scale), then the one with the lower options, issue by issue.
func (sp *space) restate(pk *Package, req []int, rules bool) {
	p := sp.p
	var ks []int
	var near [][]float64
	total := 1
	for k, is := range p.Issues {
		x := pk.Values[k]
		if !discrete(is) || IsOption(is, x) {
			continue
		}
		ks = append(ks, k)
		near = append(near, neighbours(is, x))
		total *= len(near[len(near)-1])
		total = min(total, MaxRestateCombinations+1)
	}
	if len(ks) == 0 {
		return
	}
	cont := append([]float64(nil), pk.Values...)
	r := &Restated{Continuous: cont}
	for _, k := range ks {
		r.Issues = append(r.Issues, p.Issues[k].ID)
	}
	yeses := func(v []float64) (int, []bool, *Evaluation) {
		ev := sp.judge(v, req)
		yes := make([]bool, len(p.Actors))
		n := 0
		for _, i := range req {
			if ev.Actors[i].Accepts {
				yes[i] = true
				n++
			}
		}
		return n, yes, ev
	}
	var best []float64
	if total > MaxRestateCombinations {
		r.Nearest = true
		r.Combinations = 1
		best = append([]float64(nil), cont...)
		for j, k := range ks {
			r.Combinations = min(r.Combinations*len(near[j]), 1<<40)
			best[k] = NearestOption(p.Issues[k], cont[k])
		}
	} else {
		bestYes, bestDist := -1, math.Inf(1)
		digit := make([]int, len(ks))
		for {
			v := append([]float64(nil), cont...)
			dist := 0.0
			for j, k := range ks {
				v[k] = near[j][digit[j]]
				is := p.Issues[k]
				dist += math.Abs(v[k]-cont[k]) / (is.Max - is.Min)
			}
			r.Combinations++
			// Earlier combinations have the lower options on the
			// earlier issues: a later one must do strictly better.
			if n, _, _ := yeses(v); n > bestYes || n == bestYes && dist < bestDist-1e-12 {
				best, bestYes, bestDist = v, n, dist
			}
			j := len(ks) - 1
			for ; j >= 0; j-- {
				if digit[j]++; digit[j] < len(near[j]) {
					break
				}
				digit[j] = 0
			}
			if j < 0 {
				break
			}
		}
	}
	n0, yes0, _ := yeses(cont)
	n1, yes1, ev1 := yeses(best)
	r.ContinuousYeses, r.Yeses = n0, n1
	for _, i := range req {
		if yes0[i] && !yes1[i] {
			r.Lost = append(r.Lost, p.Actors[i].ID)
		}
	}
	q := sp.normAll(best)
	pk.Values, pk.Options, pk.Utilities, pk.Gains = best, Nearest(p, best), nil, nil
	for i := range p.Actors {
		u := sp.utility(i, q)
		pk.Utilities = append(pk.Utilities, u)
		pk.Gains = append(pk.Gains, u-sp.alt[i])
	}
	if rules {
		pk.Rules = ev1.Rules
	}
	pk.Restated = r
}

// neighbours are the options of a discrete issue next to x, which is
// not one: the greatest below and the least above, lower first (one
// alone when x lies beyond the last option on that side).
func neighbours(is model.Issue, x float64) []float64 {
	var out []float64
	lo, hi := math.Inf(-1), math.Inf(1)
	for _, a := range is.Anchors {
		if a.Value < x {
			lo = math.Max(lo, a.Value)
		} else if a.Value > x {
			hi = math.Min(hi, a.Value)
		}
	}
	if !math.IsInf(lo, 0) {
		out = append(out, lo)
	}
	if !math.IsInf(hi, 0) {
		out = append(out, hi)
	}
	return out
}

// NearestOption is the option of a discrete issue nearest x, the lower
// on a tie: where deal search rounds a value beyond its combinations,
// and deal evaluate puts a rest's forecast between options.
func NearestOption(is model.Issue, x float64) float64 {
	a, _ := scenario.NearestAnchor(anchors(is), x)
	return a.Value
}

// AtOptions says whether the open zone holds a package a party can
// table: one with every discrete issue at one of its options. The zone
// is the continuous search's, and its packages may all lie between
// options ("Contract length 3.30–3.60" where contracts run 1, 2, 3 or 5
// years): agreement is then possible only between the options, which
// every door must say rather than "OPEN" alone (docs/DECISIONS.md,
// "discrete28").
//
// The check: a listed package (Nash, then balanced, as restated) that
// is accepted is a witness; else an option outside the zone's range on
// its issue is in no package of the zone, so an issue with no option in
// its range proves that none is (Outside); else each combination of the
// options in the ranges (at most MaxRestateCombinations) is fixed in
// turn and the search's program (5) asks whether some package with
// them is accepted, the other issues free. Nil when the zone is closed
// or no unfixed issue is discrete.
type AtOptions struct {
	// Open is true when some package at the options is accepted (every
	// required actor's yes; with decision rules, it passes them): Values
	// is one. False with Checked: none is; false without: the
	// combinations were too many to check (Combinations of them).
	Open    bool `json:"open"`
	Checked bool `json:"checked"`
	// Combinations counts the combinations of the options in the zone's
	// ranges: those checked, or, when Checked is false, those that
	// were more than MaxRestateCombinations. 0 when Outside is given.
	Combinations int `json:"combinations"`
	// Outside lists the discrete issues none of whose options lies in
	// the zone's range on it.
	Outside []string `json:"outside,omitempty"`
	// Values is, when Open, a package at the options that is accepted
	// (the restated Nash or balanced package, else of the combinations
	// the one whose package serves the worst-served best, then the
	// nearest the search's Nash package);
	// otherwise the balanced package restated at options, the one the
	// most required actors accept of the combinations around it, and
	// Lost the actors that block it (required actors that do not accept
	// it; under decision rules, the voters against the rules it fails).
	Values []float64 `json:"values"`
	Lost   []string  `json:"lost,omitempty"`
	// Text says it in words (ask.AtOptionsText), written by ask.
	Text string `json:"text,omitempty"`
}

// freeDiscrete lists the discrete issues (model.Issue.Discrete) a search
// leaves free, fixed giving the fixed ones by id (Result.Fixed): those
// the check at the options (AtOptions) checks.
func freeDiscrete(p *model.Problem, fixed map[string]float64) []int {
	var ks []int
	for k, is := range p.Issues {
		if _, f := fixed[is.ID]; discrete(is) && !f {
			ks = append(ks, k)
		}
	}
	return ks
}

// fixedByID is the fixed values fixU (by issue index, issue units) by
// issue id, as Result.Fixed gives them; nil when none is fixed.
func fixedByID(p *model.Problem, fixU map[int]float64) map[string]float64 {
	var out map[string]float64
	for k, x := range fixU {
		if out == nil {
			out = map[string]float64{}
		}
		out[p.Issues[k].ID] = x
	}
	return out
}

// atOptions checks whether the open zone holds a package at the
// options (AtOptions) and writes Result.AtOptions; the check's solves
// count in Stats.
func (m *merge) atOptions() {
	res, sp, p := m.res, m.sp, m.sp.p
	if !res.Open || len(m.pieces) == 0 || res.Nash == nil {
		return
	}
	ks := freeDiscrete(p, res.Fixed)
	if len(ks) == 0 {
		return
	}
	a := &AtOptions{Checked: true}
	res.AtOptions = a
	for _, pk := range []*Package{res.Nash, res.Balanced} {
		if pk != nil && sp.judge(pk.Values, m.req).Accepted {
			a.Open, a.Values = true, append([]float64(nil), pk.Values...)
			return
		}
	}
	if b := res.Balanced; b != nil {
		a.Values = append([]float64(nil), b.Values...)
		a.Lost = sp.judge(b.Values, m.req).Blockers
	}
	// The options in the zone's range on each issue (to the scale's
	// noise): no package of the zone takes another.
	var cands [][]float64
	total := 1
	for _, k := range ks {
		is := p.Issues[k]
		lo, hi := is.Min, is.Max
		for _, r := range res.Ranges {
			if r.Issue == is.ID {
				lo, hi = r.Lo, r.Hi
			}
		}
		tol := scenario.ScaleNoise(is.Min, is.Max)
		var in []float64
		for _, o := range is.Anchors {
			if o.Value >= lo-tol && o.Value <= hi+tol {
				in = append(in, o.Value)
			}
		}
		if len(in) == 0 {
			a.Outside = append(a.Outside, is.ID)
		}
		cands = append(cands, in)
		total = min(total*max(len(in), 1), MaxRestateCombinations+1)
	}
	if len(a.Outside) > 0 {
		return
	}
	if total > MaxRestateCombinations {
		a.Checked = false
		a.Combinations = 1
		for _, c := range cands {
			a.Combinations = min(a.Combinations*len(c), 1<<40)
		}
		return
	}
	// Of the combinations accepted, the one whose package serves the
	// worst-served best; on a tie, the nearest the search's Nash package
	// (the sum over the issues of the distance in shares of the scale),
	// then the lower options.
	best, bestDist := math.Inf(-1), math.Inf(1)
	nash := res.Nash.Values
	if r := res.Nash.Restated; r != nil {
		nash = r.Continuous
	}
	dist := func(v []float64) float64 {
		d := 0.0
		for k, is := range p.Issues {
			d += math.Abs(v[k]-nash[k]) / (is.Max - is.Min)
		}
		return d
	}
	digit := make([]int, len(ks))
	for {
		a.Combinations++
		fixed := map[int]float64{}
		for k, x := range m.pieces[0].fixed {
			fixed[k] = x
		}
		for j, k := range ks {
			fixed[k] = sp.norm(k, cands[j][digit[j]])
		}
		if v, margin := m.acceptedWith(fixed); v != nil {
			d := dist(v)
			if !a.Open || margin > best+1e-9 || margin > best-1e-9 && d < bestDist-1e-12 {
				a.Open, a.Values, a.Lost, best, bestDist = true, v, nil, margin, d
			}
		}
		j := len(ks) - 1
		for ; j >= 0; j-- {
			if digit[j]++; digit[j] < len(cands[j]) {
				break
			}
			digit[j] = 0
		}
		if j < 0 {
			return
		}
	}
}

// acceptedWith returns a package with the issues fixed (normalised) at
// their values that is accepted, and its largest smallest gain; nil
// when none is: for each coalition, the package that serves its
// worst-served member best (program 5 with those issues fixed), which
// is in its zone when any is (the best of the coalitions').
func (m *merge) acceptedWith(fixed map[int]float64) ([]float64, float64) {
	var out []float64
	best := math.Inf(-1)
	for _, s := range m.pieces {
		t := &searcher{ctx: s.ctx, in: m.in, sp: m.sp, o: m.o, req: s.req, fixed: fixed, res: &Result{}}
		fr, conflict := t.redLineFrame()
		if conflict != "" {
			continue
		}
		_, y, _, margin, _ := t.maximin(fr)
		m.res.Stats.add(t.res.Stats)
		if margin < -zoneTol || margin <= best {
			continue
		}
		if v := m.sp.denormAll(fr.full(y)); m.sp.judge(v, m.req).Accepted {
			out, best = v, margin
		}
	}
	return out, best
}
