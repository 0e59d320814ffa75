package httpapi

import (
	"context"
	"encoding/json"
	"math"
	"sync/atomic"

	"parley/deal"
	"parley/errs"
	"parley/model"
	"parley/sweep"
)

// The job kinds beyond forecast, over packages sweep and deal.

const (
	defaultDraws = 1000
	maxSamples   = 20000
)

// sweepParams are the kind-specific settings of sweep and sensitivity
// runs (RunRequest.Params).
type sweepParams struct {
	// Uniform samples each range uniformly instead of triangularly.
	Uniform bool `json:"uniform,omitempty"`
}

func sweepOptions(in *Input, progress func(done, total int)) (sweep.Options, error) {
	var sp sweepParams
	if len(in.Request.Params) > 0 {
		if err := json.Unmarshal(in.Request.Params, &sp); err != nil {
			return sweep.Options{}, errs.New(errs.Invalid, "params: %v; valid: {\"uniform\": true|false}", err)
		}
	}
	n := in.Request.Samples
	if n == 0 {
		n = defaultDraws
	}
	total := n * len(in.Models)
	var base, done atomic.Int64
	return sweep.Options{
		Draws:   n,
		Seed:    in.Request.Seed,
		Uniform: sp.Uniform,
		Model:   in.Options(),
		Progress: func(int) {
			// Called from the sweep's workers, once per draw.
			progress(int(base.Load()+done.Add(1)), total)
		},
	}, nil
}

// SweepResult is the result of a sweep run: package sweep's Monte Carlo
// summary for each model.
type SweepResult struct {
	Models []*sweep.Result `json:"models"`
}

func sweepJob(ctx context.Context, in *Input, progress func(done, total int)) (any, error) {
	o, err := sweepOptions(in, progress)
	if err != nil {
		return nil, err
	}
	out := &SweepResult{}
	for _, m := range in.Models {
		r, err := sweep.Run(ctx, m, in.Problem.Clone(), o)
		if err != nil {
			return nil, err
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		out.Models = append(out.Models, r)
	}
	return out, nil
}

// SensitivityResult is the result of a sensitivity run: package sweep's
// tornado and variance shares for each model.
type SensitivityResult struct {
	Models []*sweep.SensitivityResult `json:"models"`
}

func sensitivityJob(ctx context.Context, in *Input, progress func(done, total int)) (any, error) {
	o, err := sweepOptions(in, progress)
	if err != nil {
		return nil, err
	}
	out := &SensitivityResult{}
	for _, m := range in.Models {
		r, err := sweep.Sensitivity(ctx, m, in.Problem.Clone(), o)
		if err != nil {
			return nil, err
		}
		out.Models = append(out.Models, r)
	}
	return out, nil
}

// DealResult is package deal's evaluation of the package: each actor's
// utility, alternative, red lines crossed and verdict. Issues the request
// leaves out take the first model's forecast (Rest names it).
type DealResult struct {
	*deal.Evaluation
	Rest string `json:"rest"`
	// NoDeal names what each actor's alternative is measured against
	// ("reference": the issues' status quo), or "" when only stated
	// reservations count.
	NoDeal string `json:"no_deal,omitempty"`
}

// dealParams are the kind-specific settings of deal runs.
type dealParams struct {
	Rho     float64  `json:"rho,omitempty"`
	Require []string `json:"require,omitempty"`
}

func dealJob(ctx context.Context, in *Input, progress func(done, total int)) (any, error) {
	var dp dealParams
	if len(in.Request.Params) > 0 {
		if err := json.Unmarshal(in.Request.Params, &dp); err != nil {
			return nil, errs.New(errs.Invalid, "params: %v; valid: {\"rho\": number, \"require\": [actor ids]}", err)
		}
	}
	p := in.Problem
	dIn, err := deal.FromScenario(in.Resolved, p)
	if err != nil {
		return nil, err
	}
	if refs := deal.References(p); !anyNaN(refs) {
		dIn.NoDeal, dIn.NoDealFrom = refs, "reference"
	}
	m := in.Models[0]
	f, err := m.Forecast(ctx, p.Clone(), model.Options{Rounds: in.Request.Rounds, MaxRounds: in.Request.MaxRounds, Seed: in.Request.Seed, NoTrace: true})
	if err != nil {
		return nil, err
	}
	fv := make([]float64, len(p.Issues))
	for k := range fv {
		fv[k] = f.Issues[k].Forecast
	}
	pkg, err := deal.Complete(p, in.Request.Package, fv, "model:"+m.Name())
	if err != nil {
		return nil, errs.New(errs.Invalid, "package: %v", err)
	}
	ev, err := deal.Evaluate(dIn, pkg, []deal.Forecast{{Name: m.Name(), Values: fv}}, deal.Options{Rho: dp.Rho, Require: dp.Require})
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err)
	}
	progress(1, 1)
	return &DealResult{Evaluation: ev, Rest: "model:" + m.Name(), NoDeal: dIn.NoDealFrom}, nil
}

func anyNaN(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) {
			return true
		}
	}
	return false
}
