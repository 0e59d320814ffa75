// Package snap implements a forecaster built on the discrete structure of
// real negotiation outcomes: on the 245 issues of DEU III (Arregui &
// Perarnaud 2021, doi:10.34810/data53) 62% of outcomes land exactly on
// some actor's stated position, 31% at an end of the scale and 21% at the
// reference point.
//
// The point forecast moves the compromise forecast x̂ = Σ cᵢsᵢxᵢ / Σ cᵢsᵢ
// (package compromise; Achen 2006) onto the nearest stated position when
// that lies within θR of it (R = Max − Min):
//
//	x̃ = argmin_{xᵢ} |xᵢ − x̂|  if min |xᵢ − x̂| ≤ θR,  else x̂               (5)
//
// (x̂ itself when two stated positions are equally near, one on each
// side: neither is the nearer). Around x̃ it gives a predictive
// distribution of the outcome (model.Predictive): point masses on the
// candidates
//
//	V = {stated positions} ∪ {Min, Max} ∪ {reference point} ∪ {labelled options}   (1)
//
// chosen by a conditional logit (McFadden, D. 1974, "Conditional logit
// analysis of qualitative choice behavior", in Zarembka (ed.), Frontiers
// in Econometrics, 105–142),
//
//	u(v) = −α |v − x̃|/R + β_end·end(v) + β_ref·ref(v) + β_st·stated(v) + β_sh·share(v)   (2)
//	P(v) = (1 − π) · exp u(v) / Σ_{v'∈V} exp u(v')                          (3)
//
// with share(v) the capability × salience share of the actors stated at
// v, plus a continuous part of weight π, a Laplace density centred on x̃
// with scale σR truncated to the scale:
//
//	f_c(y) = π · Laplace(y; x̃, σR) / ∫_Min^Max Laplace(t; x̃, σR) dt          (4)
//
// The 80% and 95% intervals are [Q(τ), Q(1−τ)] of (3)+(4) with τ
// calibrated on train (Params.Tau80, Tau95). The median of (3)+(4) is
// reported too (Values["median"]); it is not the point forecast because
// it scored worse on dev (docs/skill.md, try 33). Labelled options
// (anchors) are candidates with the distance term only, as DEU has none to
// learn a bonus from.
//
// The parameters (Fitted) are fitted on the 140 train issues of DEU III by
// `go run ./model/snap/cmd/snapfit format/deu/testdata` (see snapfit.Fit) and
// checked once on the 105 dev issues; TestFitRederivesFitted re-derives them.
//
// Cost: O(n log n) per issue, with n actors.
package snap

import (
	"context"
	"math"
	"sort"

	"parley/model"
)

// Params are the parameters of eqs. (2)–(4) and the interval levels.
type Params struct {
	// Dist is α, End β_end, Ref β_ref, Share β_sh, Stated β_st of (2).
	// The zero Params give no preference among candidates and θ = 0, so
	// the point is the compromise.
	Dist, End, Ref, Share, Stated float64
	// Cont is π of (3)–(4), Scale σ of (4) (a share of the scale).
	Cont, Scale float64
	// Snap is θ of (5): the point moves from the compromise onto the
	// nearest stated position when it is within θR.
	Snap float64
	// Tau80 and Tau95 are the tail levels τ of the 80% and 95%
	// intervals [Q(τ), Q(1−τ)], calibrated so the intervals cover 80% and
	// 95% of train outcomes (0.1 and 0.025 for a continuous distribution;
	// larger here, since atoms at an interval's ends are inside it).
	Tau80, Tau95 float64
}

// Model is the snap forecaster. Its zero value uses Fitted.
type Model struct {
	// Params, if non-nil, replace Fitted.
	Params *Params
}

var _ model.Model = Model{}

// Name implements model.Model.
func (Model) Name() string { return "snap" }

// FittedOn implements model.Fitted: θ, the distribution and the interval
// levels were fitted on DEU III's train issues, unless Params replace them.
func (m Model) FittedOn() string {
	if m.Params != nil {
		return ""
	}
	return model.DEUFitSplit
}

var _ model.Fitted = Model{}

var _ model.IssueLocal = Model{}

// ReadsIssueAlone implements model.IssueLocal: an issue's point and
// distribution are its candidates' (candidates), from its own column,
// scale, status quo and options; the parameters were fitted once, on
// DEU III, not on the problem.
func (Model) ReadsIssueAlone() {}

// Summary implements model.Model.
func (Model) Summary() string {
	return "compromise moved onto the nearest stated position within 20% of the scale, with a predictive distribution of the outcome fitted on real EU outcomes (" + cite.Papers + ")"
}

// Title is the model's plain name (model.Titled).
func (Model) Title() string { return "Snap to a stated position, calibrated" }

// cite is the model's papers, the equations its explanation rests on
// and its section of docs/models.md.
var cite = model.Citation{Papers: "DEU III; McFadden 1974", Equations: "(5) the snap, (2)–(3) each candidate's utility and probability, (4) the Laplace part", Section: "snap — outcomes land on stated positions, with a calibrated distribution"}

// Cite implements model.Cited.
func (Model) Cite() model.Citation { return cite }

func (m Model) params() Params {
	if m.Params != nil {
		return *m.Params
	}
	return Fitted
}

// Forecast implements model.Model: per issue the point (5), with the
// distribution (1)–(4) in IssueResult.Predictive and, in Values, the
// compromise, the distribution's median, its intervals ("lo80", "hi80",
// "lo95", "hi95") and π ("p_continuous").
func (m Model) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	par := m.params()
	res := &model.Result{Model: "snap", Notes: []model.Note{model.TextNote(CalibrationNote)}}
	for k, is := range p.Issues {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := Predict(p, k, par)
		f := d.Center
		lo80, hi80 := d.Interval80()
		lo95, hi95 := d.Interval95()
		idx, _, x, _ := p.Column(k)
		res.Issues = append(res.Issues, model.IssueResult{
			Issue:      is.ID,
			Forecast:   f,
			Rounds:     []model.Round{{Round: 0, Positions: p.Spread(k, idx, x), Forecast: f}},
			Values:     map[string]float64{"compromise": xcOf(p, k), "median": d.Median(), "lo80": lo80, "hi80": hi80, "lo95": lo95, "hi95": hi95, "p_continuous": d.Cont},
			Predictive: d,
		})
	}
	return res, nil
}

// CalibrationNote is what snap's and compromise-band's intervals and
// option probabilities rest on, said with every forecast they give
// (docs/skill.md, "What to expect"): the distribution is fitted on
// outcomes of EU legislation, and DEU has no labelled options.
const CalibrationNote = "intervals and option probabilities: how far real outcomes of EU legislation (DEU III) fell from such forecasts; for a negotiation of another kind an informed prior, not a calibration, and the probability of a labelled option is not validated (DEU has none; docs/skill.md)"

func xcOf(p *model.Problem, k int) float64 {
	_, xc := candidates(p, k)
	return xc
}

// candidate is one value of V in (1) with its features.
type candidate struct {
	v                        float64
	share                    float64
	stated, end, ref, option bool
}

// candidates returns the candidate set V of eq. (1) for issue k of p with
// its features, merged where values coincide (within 1e-9 of the scale),
// sorted, and the compromise x̂.
func candidates(p *model.Problem, k int) ([]candidate, float64) {
	is := p.Issues[k]
	_, c, x, s := p.Column(k)
	w := make([]float64, len(c))
	total := 0.0
	for j := range w {
		w[j] = c[j] * s[j]
		total += w[j]
	}
	xc := model.WeightedMean(x, w)
	var cs []candidate
	for j := range x {
		sh := 0.0
		if total > 0 {
			sh = w[j] / total
		}
		cs = append(cs, candidate{v: x[j], share: sh, stated: true})
	}
	cs = append(cs, candidate{v: is.Min, end: true}, candidate{v: is.Max, end: true})
	if is.HasReference {
		cs = append(cs, candidate{v: is.Reference, ref: true})
	}
	for _, a := range is.Anchors {
		cs = append(cs, candidate{v: a.Value, option: true})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].v < cs[j].v })
	tol := 1e-9 * math.Max(is.Max-is.Min, 1e-300)
	var out []candidate
	for _, cd := range cs {
		if n := len(out); n > 0 && cd.v-out[n-1].v <= tol {
			o := &out[n-1]
			o.share += cd.share
			o.stated = o.stated || cd.stated
			o.end = o.end || cd.end
			o.ref = o.ref || cd.ref
			o.option = o.option || cd.option
			continue
		}
		out = append(out, cd)
	}
	return out, xc
}

// snapPoint is eq. (5): the stated position nearest x̂ when it is within
// dist of it, else x̂. When two stated positions on either side of x̂ are
// equally near (within tieTol of the scale r), neither is nearer and the
// point stays at x̂: snapping would pick a side by the order of the
// positions, and a symmetric case would forecast an asymmetric outcome.
func snapPoint(cs []candidate, xc, dist, r float64) float64 {
	best, bd := xc, math.Inf(1)
	for _, cd := range cs {
		if e := math.Abs(cd.v - xc); cd.stated && e < bd {
			best, bd = cd.v, e
		}
	}
	if bd > dist {
		return xc
	}
	for _, cd := range cs {
		if cd.stated && cd.v != best && math.Abs(math.Abs(cd.v-xc)-bd) <= tieTol*r {
			return xc
		}
	}
	return best
}

// tieTol is how close, as a share of the scale, two distances must be to
// tie in snapPoint: rounding of the compromise's sums, no more.
const tieTol = 1e-12

// Point returns the point forecast (5) of issue k of p with θ = snap.
func Point(p *model.Problem, k int, snap float64) float64 {
	cs, xc := candidates(p, k)
	r := p.Issues[k].Max - p.Issues[k].Min
	return snapPoint(cs, xc, snap*r, r)
}

// Predict returns the predictive distribution (1)–(4) of issue k of p
// under the parameters. p must pass Problem.Check.
func Predict(p *model.Problem, k int, par Params) *model.Predictive {
	is := p.Issues[k]
	cs, xc := candidates(p, k)
	r := is.Max - is.Min
	if r <= 0 {
		r = 1
	}
	xc = snapPoint(cs, xc, par.Snap*r, r)
	probs := probabilities(cs, xc, r, par)
	d := &model.Predictive{Min: is.Min, Max: is.Max, Cont: par.Cont, Center: xc, Scale: math.Max(par.Scale, 1e-6) * r, Tau80: par.Tau80, Tau95: par.Tau95}
	for j, cd := range cs {
		pr := probs[j]
		if pr <= 0 {
			continue
		}
		d.Atoms = append(d.Atoms, model.Atom{Value: cd.v, Prob: pr, Stated: cd.stated, End: cd.end, Reference: cd.ref, Option: cd.option})
	}
	return d
}

// Candidate is one value of V (1) with its features, each term of its
// utility (2) and its probability (3): what Predict's atoms are built
// from, for the doors that explain a forecast.
type Candidate struct {
	Value                          float64
	Stated, End, Reference, Option bool
	Share                          float64
	Distance, EndTerm, RefTerm     float64
	StatedTerm, ShareTerm, Utility float64
	Prob                           float64
}

// Candidates returns the candidates of issue k of p under the
// parameters, sorted by value, with the compromise x̂ and the point x̃
// (5): Predict's atoms are the candidates of positive Prob, to the bit.
func Candidates(p *model.Problem, k int, par Params) (out []Candidate, compromise, point float64) {
	is := p.Issues[k]
	cs, xc := candidates(p, k)
	r := is.Max - is.Min
	if r <= 0 {
		r = 1
	}
	xt := snapPoint(cs, xc, par.Snap*r, r)
	probs := probabilities(cs, xt, r, par)
	for j, cd := range cs {
		c := Candidate{Value: cd.v, Stated: cd.stated, End: cd.end, Reference: cd.ref, Option: cd.option, Share: cd.share}
		c.Distance = -par.Dist * math.Abs(cd.v-xt) / r
		if cd.end {
			c.EndTerm = par.End
		}
		if cd.ref {
			c.RefTerm = par.Ref
		}
		if cd.stated {
			c.StatedTerm, c.ShareTerm = par.Stated, par.Share*cd.share
		}
		c.Utility = utility(cd, xt, r, par)
		c.Prob = probs[j]
		out = append(out, c)
	}
	return out, xc, xt
}

// utility is (2): candidate cd's utility with the point xt on a scale of
// width r, its terms summed in one order for Predict and Candidates.
func utility(cd candidate, xt, r float64, par Params) float64 {
	u := -par.Dist * math.Abs(cd.v-xt) / r
	if cd.end {
		u += par.End
	}
	if cd.ref {
		u += par.Ref
	}
	if cd.stated {
		u += par.Stated + par.Share*cd.share
	}
	return u
}

// probabilities is (3): each candidate's probability, (1 − Cont) times
// its share of the exponentials of the utilities (2), shifted by their
// largest. Predict's atoms and Candidates' Prob both come from it.
func probabilities(cs []candidate, xt, r float64, par Params) []float64 {
	u := make([]float64, len(cs))
	umax := math.Inf(-1)
	for j, cd := range cs {
		u[j] = utility(cd, xt, r, par)
		umax = math.Max(umax, u[j])
	}
	z := 0.0
	for j := range u {
		u[j] = math.Exp(u[j] - umax)
		z += u[j]
	}
	for j := range u {
		u[j] = (1 - par.Cont) * u[j] / z
	}
	return u
}
