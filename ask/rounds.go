package ask

import (
	"fmt"

	"parley/model"
	"parley/model/bdm"
	"parley/model/exchange"
	"parley/model/smp"
)

// The two run settings of rounds, as every door names them: the command
// line's flag and, in parentheses, the request's field.
const (
	RoundsSetting    = "--rounds (rounds)"
	MaxRoundsSetting = "--max-rounds (max_rounds)"
)

// RoundsHelp and MaxRoundsHelp say what the command line's --rounds and
// --max-rounds do, each model's default from its package (bdm's
// DefaultMaxRounds, smp's, which the ensemble's smp member runs to, and
// exchange's DefaultRounds), so that the help cannot drift from them.
var (
	RoundsHelp = fmt.Sprintf("run exactly N rounds, with no early stop (the models that move in rounds: bdm, exchange, smp, the ensemble; the only way to give exchange more than its %d)",
		exchange.DefaultRounds)
	MaxRoundsHelp = fmt.Sprintf("cap the rounds of models that stop early (0: bdm's %d, smp's and the ensemble's %d); exchange stops at none, so a cap can only lower its fixed %d",
		bdm.DefaultMaxRounds, smp.DefaultMaxRounds, exchange.DefaultRounds)
)

// The models run in rounds read the two settings thus (docs/DECISIONS.md,
// "minor25"):
//   - bdm and bdm-paper stop early, at rest or at a cap: max_rounds sets
//     the cap (default 10), rounds runs exactly that many with no early
//     stop;
//   - smp, and the ensemble through its smp member, likewise (cap 100, smp.DefaultMaxRounds);
//   - exchange runs a fixed number of rounds (exchange.DefaultRounds, 10)
//     with no convergence test: rounds sets that number, and max_rounds
//     can only lower it, so a max_rounds at or above it does nothing;
//   - compromise, median, nash, ks, snap and compromise-band run no
//     rounds and read neither.
//
// Where rounds is given, every model run in rounds runs exactly that
// many, and max_rounds does nothing.

// runsInRounds reports whether the model runs in rounds (and so reads
// rounds).
func runsInRounds(name string) bool {
	switch name {
	case "bdm", "bdm-paper", "exchange", "smp", "ensemble":
		return true
	}
	return false
}

// MoreRoundsSetting is the setting that gives the model more rounds
// under the options o: rounds where o sets it (it then runs exactly that
// many) or for exchange (its rounds are fixed, and max_rounds only lowers
// them), else max_rounds, the cap of a model that stops early.
func MoreRoundsSetting(name string, o model.Options) string {
	if o.Rounds > 0 || name == "exchange" {
		return RoundsSetting
	}
	return MaxRoundsSetting
}

// roundsNotApplied is the warning, for the model's answer, that a round
// setting o gives does nothing to this model, and which does apply: ""
// when each setting given takes effect, or the model runs no rounds
// (its answer then has no rounds to speak of).
func roundsNotApplied(name string, o model.Options) string {
	if o.MaxRounds <= 0 || !runsInRounds(name) {
		return ""
	}
	switch {
	case o.Rounds > 0:
		return fmt.Sprintf("%s %d does not apply to %s: %s %d runs exactly that many rounds, with no early stop", MaxRoundsSetting, o.MaxRounds, name, RoundsSetting, o.Rounds)
	case name == "exchange" && o.MaxRounds >= exchange.DefaultRounds:
		return fmt.Sprintf("%s %d does not apply to exchange: it runs a fixed %d rounds with no early stop, which a cap can only lower; %s sets how many it runs", MaxRoundsSetting, o.MaxRounds, exchange.DefaultRounds, RoundsSetting)
	}
	return ""
}
