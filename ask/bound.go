package ask

import (
	"parley/answer"
)

// Bound is the largest value of one field of a request that a budget
// admits, found by Largest from the request's own estimate.
type Bound struct {
	// Field is the field's JSON path ("draws", "robust.draws",
	// "rounds", "max_rounds"), as errs.Field names a field.
	Field string
	// Max is the largest value of the field whose estimate the budget
	// admits, the request otherwise as asked; Asked is the value asked
	// (a default filled in: a robust analysis's 0 is its 500 draws).
	Max, Asked int
}

// knob is a field of a request that its estimate grows with: its JSON
// path, the least value it takes that keeps the request's meaning, the
// value asked, and the request with the field at another value.
type knob struct {
	field string
	least int
	asked int
	with  func(v int) any
}

// Largest returns the field of req whose lowering alone brings req's
// estimate (Estimate, on the case) within the budget fits, and the
// largest value of it that does: the estimate inverted, value by value,
// so that req with the field at Max is admitted by fits and at Max + 1
// is not. The fields tried, in this order, are the draws (a sweep's,
// a sensitivity analysis's, advise's, a robust deal's) and the rounds
// and max_rounds a request sets; every estimate grows with each of
// them. false when no one field brings it within the budget (fewer
// models, actors or issues would), or when req is within it already.
func Largest(c *Case, req any, fits func(Cost) bool) (Bound, bool) {
	for _, k := range knobs(req) {
		if k.asked <= k.least {
			continue
		}
		ok := func(v int) bool {
			est, err := estimate(c, k.with(v))
			return err == nil && fits(est)
		}
		if ok(k.asked) {
			return Bound{}, false
		}
		if !ok(k.least) {
			continue
		}
		// ok(lo) and !ok(hi) throughout.
		lo, hi := k.least, k.asked
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if ok(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		return Bound{Field: k.field, Max: lo, Asked: k.asked}, true
	}
	return Bound{}, false
}

// knobs lists the fields of req that Largest may lower (knob), the
// draws first.
func knobs(req any) []knob {
	switch r := req.(type) {
	case *answer.SweepRequest:
		return knobs(*r)
	case *SensitivityRequest:
		return knobs(*r)
	case *answer.AdviseRequest:
		return knobs(*r)
	case *answer.DealEvaluateRequest:
		return knobs(*r)
	case *answer.DealSearchRequest:
		return knobs(*r)
	case *answer.ForecastRequest:
		return knobs(*r)
	case *answer.BacktestRequest:
		return knobs(*r)
	case *answer.ExplainRequest:
		return knobs(*r)
	case *answer.DealProposalsRequest:
		return knobs(*r)
	case answer.SweepRequest:
		return append([]knob{{field: "draws", least: 1, asked: r.Draws, with: func(v int) any { x := r; x.Draws = v; return x }}},
			roundKnobs(r.Settings, func(s answer.Settings) any { x := r; x.Settings = s; return x })...)
	case SensitivityRequest:
		return append([]knob{{field: "draws", least: answer.MinSensitivityDraws, asked: r.Draws, with: func(v int) any { x := r; x.Draws = v; return x }}},
			roundKnobs(r.Settings, func(s answer.Settings) any { x := r; x.Settings = s; return x })...)
	case answer.AdviseRequest:
		return append([]knob{{field: "draws", least: 1, asked: r.Draws, with: func(v int) any { x := r; x.Draws = v; return x }}},
			roundKnobs(r.Settings, func(s answer.Settings) any { x := r; x.Settings = s; return x })...)
	case answer.DealEvaluateRequest:
		return append(robustKnob(r.Robust, func(d answer.DealRobust) any { x := r; x.Robust = d; return x }),
			roundKnobs(r.Settings, func(s answer.Settings) any { x := r; x.Settings = s; return x })...)
	case answer.DealSearchRequest:
		return append(robustKnob(r.Robust, func(d answer.DealRobust) any { x := r; x.Robust = d; return x }),
			roundKnobs(r.Settings, func(s answer.Settings) any { x := r; x.Settings = s; return x })...)
	case answer.ForecastRequest:
		return roundKnobs(r.Settings, func(s answer.Settings) any { x := r; x.Settings = s; return x })
	case answer.BacktestRequest:
		return roundKnobs(r.Settings, func(s answer.Settings) any { x := r; x.Settings = s; return x })
	case answer.ExplainRequest:
		return roundKnobs(r.Settings, func(s answer.Settings) any { x := r; x.Settings = s; return x })
	case answer.DealProposalsRequest:
		return roundKnobs(r.Settings, func(s answer.Settings) any { x := r; x.Settings = s; return x })
	}
	return nil
}

// robustKnob is a robust deal analysis's draws, when it is on (its 0
// is its default, answer.DefaultRobustDraws).
func robustKnob(r answer.DealRobust, with func(answer.DealRobust) any) []knob {
	if !r.On {
		return nil
	}
	return []knob{{field: "robust.draws", least: 1, asked: int(robustDraws(r)), with: func(v int) any { x := r; x.Draws = v; return with(x) }}}
}

// roundKnobs is the rounds and max_rounds a request sets (0, the
// model's own, is not lowered: a number of rounds asked for instead
// would change what the request means).
func roundKnobs(s answer.Settings, with func(answer.Settings) any) []knob {
	var out []knob
	if s.Rounds > 0 {
		out = append(out, knob{field: "rounds", least: 1, asked: s.Rounds, with: func(v int) any { x := s; x.Rounds = v; return with(x) }})
	}
	if s.MaxRounds > 0 {
		out = append(out, knob{field: "max_rounds", least: 1, asked: s.MaxRounds, with: func(v int) any { x := s; x.MaxRounds = v; return with(x) }})
	}
	return out
}
