package deal

import (
	"math"
	"strings"

	"parley/errs"
	"parley/model"
	"parley/scenario"
)

// space is the normalised view shared by Evaluate and Search: issue values
// mapped to [0, 1], weights w_ik = s_ik / Σ_k s_ik (equation 1), and each
// actor's alternative d_i (equation 3).
type space struct {
	in  *Input
	p   *model.Problem
	rho float64
	// w[i][k] is actor i's normalised weight on issue k (0 when absent).
	w [][]float64
	// x[i][k] is actor i's normalised position on issue k.
	x [][]float64
	// alt[i] is d_i; altFrom[i] says where it came from.
	alt     []float64
	altFrom []string
}

func newSpace(in *Input, rho float64) (*space, error) {
	if err := in.Check(); err != nil {
		return nil, err
	}
	if !(rho > 0) || math.IsInf(rho, 0) {
		return nil, errs.New(errs.Argument, "risk exponent ρ = %v; valid: a number > 0 (1 is linear loss)", rho)
	}
	p := in.Problem
	sp := &space{in: in, p: p, rho: rho}
	for i := range p.Actors {
		w := make([]float64, len(p.Issues))
		x := make([]float64, len(p.Issues))
		sum := 0.0
		for k := range p.Issues {
			st := p.Stances[i][k]
			if st.Present {
				sum += st.Salience
			}
		}
		for k := range p.Issues {
			st := p.Stances[i][k]
			if st.Present && sum > 0 {
				w[k] = st.Salience / sum
				x[k] = sp.norm(k, st.Position)
			}
		}
		sp.w = append(sp.w, w)
		sp.x = append(sp.x, x)
	}
	var nodeal []float64
	if in.NoDeal != nil {
		nodeal = sp.normAll(in.NoDeal)
	}
	for i := range p.Actors {
		d, from := 0.0, FromNone
		if in.Reservation != nil && !math.IsNaN(in.Reservation[i]) {
			d, from = in.Reservation[i], FromReservation
		}
		if nodeal != nil {
			if u := sp.utility(i, nodeal); u > d || from == FromNone {
				d, from = u, FromNoDeal+noDealName(in)+")"
			}
		}
		sp.alt = append(sp.alt, d)
		sp.altFrom = append(sp.altFrom, from)
	}
	return sp, nil
}

// Where an actor's alternative d_i came from (Alternative.From,
// Verdict.AlternativeFrom): its stated reservation, its utility at the
// no-deal package (FromNoDeal, then the package's name and ")": "no deal
// (reference)", "no deal (model:nash)"), or neither stated (d_i = 0).
// The doors write them by ask.AlternativeText.
const (
	FromReservation = "reservation"
	FromNoDeal      = "no deal ("
	FromNone        = "none stated (0)"
)

// NoDealFrom is the name of the no-deal package an alternative's From
// gives ("reference" of "no deal (reference)"), the one reading of
// FromNoDeal's form; ok false for another source.
func NoDealFrom(from string) (name string, ok bool) {
	rest, ok := strings.CutPrefix(from, FromNoDeal)
	return strings.TrimSuffix(rest, ")"), ok
}

func noDealName(in *Input) string {
	if in.NoDealFrom != "" {
		return in.NoDealFrom
	}
	return "given"
}

func (sp *space) norm(k int, v float64) float64 {
	is := sp.p.Issues[k]
	return (v - is.Min) / (is.Max - is.Min)
}

// noise is issue k's floating-point noise (scenario.ScaleNoise),
// normalised.
func (sp *space) noise(k int) float64 {
	is := sp.p.Issues[k]
	return scenario.ScaleNoise(is.Min, is.Max) / (is.Max - is.Min)
}

func (sp *space) denorm(k int, q float64) float64 {
	is := sp.p.Issues[k]
	return is.Min + q*(is.Max-is.Min)
}

func (sp *space) normAll(v []float64) []float64 {
	out := make([]float64, len(v))
	for k := range v {
		out[k] = sp.norm(k, v[k])
	}
	return out
}

func (sp *space) denormAll(q []float64) []float64 {
	out := make([]float64, len(q))
	for k := range q {
		out[k] = sp.denorm(k, q[k])
	}
	return out
}

// utility is equation (1) at the normalised package q.
func (sp *space) utility(i int, q []float64) float64 {
	loss := 0.0
	for k, w := range sp.w[i] {
		if w > 0 {
			loss += w * math.Pow(math.Abs(q[k]-sp.x[i][k]), sp.rho)
		}
	}
	return 1 - loss
}

// Utility returns actor i's utility (equation 1) for the package v (one
// value per issue, in the issues' units).
func Utility(p *model.Problem, i int, v []float64, rho float64) (float64, error) {
	sp, err := newSpace(&Input{Problem: p}, rho)
	if err != nil {
		return 0, err
	}
	if err := checkPackage(p, v, "the package"); err != nil {
		return 0, err
	}
	if i < 0 || i >= len(p.Actors) {
		return 0, errs.New(errs.Invalid, "actor index %d of %d", i, len(p.Actors))
	}
	return sp.utility(i, sp.normAll(v)), nil
}

// Evaluation is what each actor makes of one package.
type Evaluation struct {
	// Issues and Package give the package: one value per issue.
	Issues  []string  `json:"issues"`
	Package []float64 `json:"package"`
	// Actors holds each actor's verdict, in problem order.
	Actors []Verdict `json:"actors"`
	// Accepted is true when every required actor accepts, or, when
	// issues state decision rules, when the package passes every rule
	// (and every required actor accepts, when some issue has none).
	Accepted bool `json:"accepted"`
	// Blockers lists the required actors that do not accept, and the
	// voters against a rule the package fails.
	Blockers []string `json:"blockers,omitempty"`
	// Rules says whether the package passes each issue's decision rule;
	// when there are any, Accepted follows them (rule.go: decide).
	Rules []RuleVerdict `json:"rules,omitempty"`
	// Acceptance says in words what Accepted tests (rule.go:
	// acceptance): every required actor's yes, the issues' rules, or,
	// where only some issues state one, both.
	Acceptance string `json:"acceptance"`
	// Defaulted lists the actors whose yes the default decides: they
	// accept, and their alternative is the default 0 (none stated,
	// Verdict.Defaulted); DefaultNote says so in words, as search's
	// (summary.go: NoAlternative). Both omitted when none is.
	Defaulted   []string `json:"defaulted,omitempty"`
	DefaultNote string   `json:"default_note,omitempty"`
	// Forecasts is the package's distance from each model's forecast;
	// DistanceHead heads them in words (ask.DistanceHead), written by ask
	// and omitted with them.
	Forecasts    []ForecastDistance `json:"forecasts,omitempty"`
	DistanceHead string             `json:"distance_head,omitempty"`
}

// Verdict is one actor's view of a package.
type Verdict struct {
	Actor    string `json:"actor"`
	Required bool   `json:"required"`
	// Utility is U_i (equation 1), Alternative d_i (equation 3) and Gain
	// their difference.
	Utility     float64 `json:"utility"`
	Alternative float64 `json:"alternative"`
	Gain        float64 `json:"gain"`
	// AlternativeFrom says where d_i came from.
	AlternativeFrom string `json:"alternative_from"`
	// AlternativeText is Alternative and AlternativeFrom in words
	// (ask.AlternativeText, "0.598 at no deal (reference)"), written by
	// ask; omitted in an answer stored before the answers carried it.
	AlternativeText string `json:"alternative_text,omitempty"`
	// Crossed lists the actor's red lines the package crosses.
	Crossed []Crossing `json:"crossed,omitempty"`
	// Accepts is true when Gain ≥ 0 and no red line is crossed.
	Accepts bool `json:"accepts"`
	// Defaulted is true when the actor accepts and its alternative is the
	// default 0 (AlternativeFrom FromNone): as U_i ≥ 0 everywhere, it
	// accepts only because the package crosses none of its red lines.
	Defaulted bool `json:"defaulted,omitempty"`
	// VerdictText is the verdict in words (ask.VerdictText: "blocks",
	// "accepts by default", "accepts (not required)"), as every door's
	// table prints it; package ask writes it, package deal leaves it
	// empty.
	VerdictText string `json:"verdict_text,omitempty"`
}

// Crossing is a red line a package crosses.
type Crossing struct {
	Issue   string  `json:"issue"`
	RedLine string  `json:"red_line"`
	Value   float64 `json:"value"`
	// By is how far (in the issue's units) the value lies outside.
	By float64 `json:"by"`
	// Text is the crossing in words, the issue's name and decimals
	// (ask.CrossedText: "Territory below 65 (the package has 47.0)"), as every door's
	// table prints it; package ask writes it, package deal leaves it
	// empty.
	Text string `json:"text,omitempty"`
}

// Forecast is a model's forecast, one value per issue.
type Forecast struct {
	Name   string
	Values []float64
}

// ForecastDistance is how far a package lies from a model's forecast.
type ForecastDistance struct {
	Model string `json:"model"`
	// Mean and Max are |package − forecast| in percent of each issue's
	// scale, averaged and at most over the issues.
	Mean float64 `json:"mean_pct"`
	Max  float64 `json:"max_pct"`
	// ByIssue is package − forecast per issue, in the issue's units.
	ByIssue []float64 `json:"by_issue"`
	// Text is the model's distance in words, "compromise 8.6% (max
	// 11.2%)" (ask.ModelDistanceText), written by ask; omitted in an
	// answer stored before it was carried.
	Text string `json:"text,omitempty"`
}

// acceptTol absorbs rounding in U_i − d_i when a package was computed to
// sit exactly on an actor's alternative.
const acceptTol = 1e-9

// Evaluate returns each actor's utility for the package v (one value per
// issue, in the issues' units), its gain over its alternative, the red
// lines v crosses and its verdict; and v's distance from each forecast.
// An actor accepts when U_i(v) ≥ d_i (to within 1e-9) and v crosses none
// of its red lines.
func Evaluate(in *Input, v []float64, forecasts []Forecast, o Options) (*Evaluation, error) {
	sp, err := newSpace(in, o.rho())
	if err != nil {
		return nil, err
	}
	p := in.Problem
	if err := checkPackage(p, v, "the package"); err != nil {
		return nil, err
	}
	req, err := o.required(p)
	if err != nil {
		return nil, err
	}
	ev := sp.judge(v, req)
	for _, f := range forecasts {
		if err := checkPackage(p, f.Values, "forecast "+f.Name); err != nil {
			return nil, err
		}
		fd := ForecastDistance{Model: f.Name}
		for k, is := range p.Issues {
			d := v[k] - f.Values[k]
			fd.ByIssue = append(fd.ByIssue, d)
			pct := 100 * math.Abs(d) / (is.Max - is.Min)
			fd.Mean += pct / float64(len(p.Issues))
			fd.Max = math.Max(fd.Max, pct)
		}
		ev.Forecasts = append(ev.Forecasts, fd)
	}
	return ev, nil
}

// judge is each actor's verdict on the package v (issue units) and
// whether it is accepted (decide: the required actors, or the decision
// rules). Evaluate reports it; search reports its rule verdicts for every
// package it returns.
func (sp *space) judge(v []float64, req []int) *Evaluation {
	p := sp.p
	isReq := map[int]bool{}
	for _, i := range req {
		isReq[i] = true
	}
	q := sp.normAll(v)
	ev := &Evaluation{Issues: p.IssueIDs(), Package: append([]float64(nil), v...)}
	accepts := make([]bool, len(p.Actors))
	for i, a := range p.Actors {
		u := sp.utility(i, q)
		vd := Verdict{Actor: a.ID, Required: isReq[i], Utility: u, Alternative: sp.alt[i], Gain: u - sp.alt[i], AlternativeFrom: sp.altFrom[i]}
		vd.Crossed = crossings(p, sp.in.redLines(i), v)
		vd.Accepts = vd.Gain >= -acceptTol && len(vd.Crossed) == 0
		accepts[i] = vd.Accepts
		ev.Actors = append(ev.Actors, vd)
	}
	ev.Accepted, ev.Rules, ev.Blockers = decide(sp.in, accepts, req)
	ev.Acceptance = acceptance(sp.in, req)
	ev.noteDefaults(p)
	return ev
}

func (in *Input) redLines(i int) map[int]scenario.RedLine {
	if in.RedLines == nil {
		return nil
	}
	return in.RedLines[i]
}

// Crosses reports whether the value x on the issue crosses the red line
// r, lying outside the values it allows, where x within
// floating-point noise of one of r's bounds (scenario.ScaleNoise: 1e-7
// on 0–100) reads as on that bound: 69.99999999999773 allows ">= 70" and
// 70.0000000000023 crosses "> 70", as 70 itself does. It is the one test
// of crossing, which a package's verdicts (crossings), a forecast's red
// lines (package ask) and a deal's costing of a bent red line
// (bound.excludes) all apply (docs/DECISIONS.md, "noise22").
func Crosses(r scenario.RedLine, x float64, is model.Issue) bool {
	return !r.Allows(onBound(x, r.Lo, r.Hi, scenario.ScaleNoise(is.Min, is.Max)))
}

// onBound is x, or the bound lo or hi it lies within tol of.
func onBound(x, lo, hi, tol float64) float64 {
	switch {
	case math.Abs(x-lo) <= tol:
		return lo
	case math.Abs(x-hi) <= tol:
		return hi
	}
	return x
}

// crossings lists the red lines of one actor that the package v crosses,
// in issue order.
func crossings(p *model.Problem, rl map[int]scenario.RedLine, v []float64) []Crossing {
	var out []Crossing
	for k := range p.Issues {
		r, ok := rl[k]
		if !ok || !Crosses(r, v[k], p.Issues[k]) {
			continue
		}
		// 0 on a strict bound, or within noise of it
		by := math.Max(r.Lo-v[k], v[k]-r.Hi)
		out = append(out, Crossing{Issue: p.Issues[k].ID, RedLine: r.String(), Value: v[k], By: math.Max(by, 0)})
	}
	return out
}

// Complete fills a partial package (issue id → value) to one value per
// issue: named issues take their value, the others the matching value of
// rest (e.g. a model's forecast or the issues' references). rest may be nil
// when every issue is named.
func Complete(p *model.Problem, named map[string]float64, rest []float64, restName string) ([]float64, error) {
	out := make([]float64, len(p.Issues))
	var missing []string
	for k, is := range p.Issues {
		if x, ok := named[is.ID]; ok {
			out[k] = x
			continue
		}
		if rest == nil || math.IsNaN(rest[k]) {
			missing = append(missing, is.ID)
			continue
		}
		out[k] = rest[k]
	}
	if err := CheckValues(p, "package", named); err != nil {
		return nil, err
	}
	if len(missing) > 0 {
		return nil, errs.New(errs.Argument, "the package leaves issues %v without a value and %s gives none; valid: name them (issue=value) or fill them from a model (rest: model:NAME, e.g. model:compromise)", missing, restName)
	}
	return out, checkPackage(p, out, "the package")
}

// References returns the issues' reference points (the status quo), NaN
// where an issue has none.
func References(p *model.Problem) []float64 {
	out := make([]float64, len(p.Issues))
	for k, is := range p.Issues {
		out[k] = math.NaN()
		if is.HasReference {
			out[k] = is.Reference
		}
	}
	return out
}
