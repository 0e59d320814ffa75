package exchange

import "parley/model"

var _ model.Configurable = Model{}

// Params implements model.Configurable: the exchange model's settings as
// every door offers them (flags --exact …, API params "exact" …).
func (m Model) Params() []model.Param {
	return []model.Param{
		{Name: "exact", Model: "exchange", Kind: model.Bool, Default: "false",
			Help: "exchange: 28-digit decimal arithmetic in Decide's operation order (reproduces Decide digit for digit; ~50× slower); without it, float64 equals Decide in round 1 only, then may take its own path (docs/models.md)"},
		{Name: "exchange-p", Model: "exchange", Kind: model.Number, Default: "0", Min: 0, Max: 1,
			Help: "exchange: randomised Equal Gain with p in [0,1] (0: plain Equal Gain); seeded by the seed"},
		{Name: "exchange-coin-flip", Model: "exchange", Kind: model.Bool, Default: "false",
			Help: "exchange: break exact gain ties by a seeded coin flip, as the shipped Decide does"},
	}
}

// Set implements model.Configurable.
func (m Model) Set(name, value string) (model.Model, error) {
	ps := m.Params()
	var err error
	switch name {
	case "exact":
		m.Exact, err = ps[0].ParseBool(value)
	case "exchange-p":
		m.Randomize, err = ps[1].ParseNumber(value)
	case "exchange-coin-flip":
		m.CoinFlipTies, err = ps[2].ParseBool(value)
	default:
		return nil, model.UnknownParam(m, name)
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}
