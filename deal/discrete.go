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
			best[k] = nearestOption(p.Issues[k], cont[k])
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

// nearestOption is the option of a discrete issue nearest x, the lower
// on a tie.
func nearestOption(is model.Issue, x float64) float64 {
	a, _ := scenario.NearestAnchor(anchors(is), x)
	return a.Value
}
