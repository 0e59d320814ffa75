package snap

import (
	"context"
	"math"

	"parley/model"
	"parley/model/compromise"
)

// Band is the benchmark a predictive distribution must beat: the
// compromise forecast with a constant-width spread, a Laplace density
// centred on the compromise with scale BandScale·R truncated to the scale
// (no atoms). Its point forecast is the compromise itself.
type Band struct {
	// Scale, if > 0, replaces BandScale.
	Scale float64
}

var _ model.Model = Band{}

// Name implements model.Model.
func (Band) Name() string { return "compromise-band" }

// FittedOn implements model.Fitted: BandScale was fitted on DEU III's
// train issues, unless Scale replaces it.
func (b Band) FittedOn() string {
	if b.Scale > 0 {
		return ""
	}
	return model.DEUFitSplit
}

var _ model.Fitted = Band{}

var _ model.IssueLocal = Band{}

// ReadsIssueAlone implements model.IssueLocal: an issue's forecast is
// its compromise, its spread a share of its own scale.
func (Band) ReadsIssueAlone() {}

// Summary implements model.Model.
func (Band) Summary() string {
	return "compromise forecast with a constant-width Laplace spread fitted on DEU train (the benchmark for predictive distributions)"
}

// Title is the model's plain name (model.Titled).
func (Band) Title() string { return "Compromise with a fitted band" }

// Cite implements model.Cited: the band follows no paper; it is the
// compromise (1 of package compromise) with snap's Laplace part (4) and
// π = 1.
func (Band) Cite() model.Citation {
	return model.Citation{Equations: "(4), a Laplace density with π = 1, around package compromise's " + compromise.Model{}.Cite().Equations, Section: cite.Section}
}

// BandDist returns the band's distribution of issue k of p.
func BandDist(p *model.Problem, k int, scale float64) *model.Predictive {
	is := p.Issues[k]
	_, xc := candidates(p, k)
	return &model.Predictive{Min: is.Min, Max: is.Max, Cont: 1, Center: xc, Scale: scale * math.Max(is.Max-is.Min, 1e-300)}
}

// Forecast implements model.Model.
func (b Band) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	scale := b.Scale
	if scale <= 0 {
		scale = BandScale
	}
	res := &model.Result{Model: "compromise-band", Notes: []model.Note{model.TextNote(CalibrationNote)}}
	for k, is := range p.Issues {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := BandDist(p, k, scale)
		idx, _, x, _ := p.Column(k)
		res.Issues = append(res.Issues, model.IssueResult{Issue: is.ID, Forecast: d.Center,
			Rounds:     []model.Round{{Round: 0, Positions: p.Spread(k, idx, x), Forecast: d.Center}},
			Predictive: d})
	}
	return res, nil
}

// FitBand returns the scale (a share of the scale's range, on the grid
// 0.005, 0.010, …, 1) with the least mean CRPS on the cases.
func FitBand(cases []Case) float64 {
	best, arg := math.Inf(1), 0.0
	for j := 1; j <= 200; j++ {
		s := float64(j) * 0.005
		if c := BandCRPS(cases, s); c < best-1e-12 {
			best, arg = c, s
		}
	}
	return arg
}

// BandCRPS is the band's mean CRPS on the cases.
func BandCRPS(cases []Case, scale float64) float64 {
	s := 0.0
	for _, c := range cases {
		s += BandDist(c.Problem, c.Issue, scale).CRPS(c.Outcome)
	}
	return s / float64(len(cases))
}

// BandCoverage is the share of outcomes in the band's [Q(τ), Q(1−τ)].
func BandCoverage(cases []Case, scale, tau float64) float64 {
	in := 0
	for _, c := range cases {
		lo, hi := BandDist(c.Problem, c.Issue, scale).Interval(tau)
		if c.Outcome >= lo-1e-9 && c.Outcome <= hi+1e-9 {
			in++
		}
	}
	return float64(in) / float64(len(cases))
}
