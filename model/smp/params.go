package smp

import "parley/model"

// smpParams are the model's settings as every door offers them (flags
// --smp-vote … and API params "smp-vote" …): one per option type, its
// values KTAB's names with the default first, less the two KTAB names
// the spec gives no formula for (ASymProsp, MarkovIncentive): a door
// offers only what Forecast runs.
var smpParams = []struct {
	name, help string
	names      []string
	field      func(m *Model) *int
}{
	{"smp-vote", "smp voting rule (eq. 1.5a)", votingRuleNames[:VoteASymProsp], func(m *Model) *int { return (*int)(&m.Vote) }},
	{"smp-pce", "smp probabilistic Condorcet election (eq. 1.5d)", pceModelNames[:PCEMarkovIncentive], func(m *Model) *int { return (*int)(&m.PCE) }},
	{"smp-risk-range", "smp risk-attitude range (eq. 1.6c)", riskRangeNames[:], func(m *Model) *int { return (*int)(&m.RiskRange) }},
	{"smp-risk-adjust", "smp risk adjustment (eq. 1.6d)", riskAdjustNames[:], func(m *Model) *int { return (*int)(&m.RiskAdjust) }},
	{"smp-commit", "smp third-party commitment (eq. 1.7b)", commitNames[:], func(m *Model) *int { return (*int)(&m.Commit) }},
	{"smp-interp", "smp bargain interpolation (eq. 1.9a–c)", interpNames[:], func(m *Model) *int { return (*int)(&m.Interp) }},
	{"smp-bargain", "smp bargain model (eq. 1.9d–e)", bargainModelNames[:], func(m *Model) *int { return (*int)(&m.Bargain) }},
}

var _ model.Configurable = Model{}

// Params implements model.Configurable.
func (m Model) Params() []model.Param {
	var out []model.Param
	for _, p := range smpParams {
		out = append(out, model.Param{Name: p.name, Model: "smp", Kind: model.Enum, Help: p.help,
			Values: append([]string(nil), p.names...), Default: p.names[0]})
	}
	return out
}

// Set implements model.Configurable.
func (m Model) Set(name, value string) (model.Model, error) {
	for i, p := range smpParams {
		if p.name != name {
			continue
		}
		v, err := m.Params()[i].ParseEnum(value)
		if err != nil {
			return nil, err
		}
		*p.field(&m) = v
		return m, nil
	}
	return nil, model.UnknownParam(m, name)
}
