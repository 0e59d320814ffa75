package exchange

import (
	"context"
	"math"
	"math/rand/v2"

	"parley/errs"
	"parley/model"
)

// DefaultRounds is the number of rounds Decide's CLI runs (--iterations).
const DefaultRounds = 10

// Model is Stokman's exchange model with Decide's Equal Gain rule. Its zero
// value is the default: fast (float64) arithmetic, Decide's deterministic
// tie rule, no randomisation, ten rounds.
type Model struct {
	// Exact selects 28-significant-digit decimal arithmetic (Python's
	// decimal default context) in Decide's operation order, which
	// reproduces Decide's trajectories digit for digit. If false, float64
	// is used: 15× faster again, equal to exact mode to 1e-9 until two
	// exchanges with mathematically equal gains meet (which one Decide
	// takes is decided by the 28th digit: never in round 1 of copenhagen
	// and sample_data, at exchange 47 of cop21's), and afterwards within
	// the spread of Decide's own tie-breaking (spec §4.2, §7).
	Exact bool
	// CoinFlipTies restores the shipped program's tie rule (spec §1.6,
	// quirk 1): when the two best gains differ by less than 1e-20 a coin
	// (seeded by Options.Seed) picks one, and the loser is appended to the
	// list, the winner-kept branch duplicating it as Decide does. If false,
	// an exact tie goes to the first exchange of the stably sorted list
	// (Decide's ALLOW_RANDOM = False, the mode of the golden vectors).
	CoinFlipTies bool
	// Randomize is p ∈ [0,1] of the randomised Equal Gain variant (eq. 11):
	// each (re)calculated exchange moves one side's gain, picked at random,
	// a random share z·p of the way toward its maximum or toward zero.
	// If 0, exchanges are plain Equal Gain. Seeded by Options.Seed.
	Randomize float64

	// selection forces the slice (selectExchanges) for the first-in-list
	// tie rule, whose default is the heap (selectByHeap): tests only.
	selection selection
	// perWorker, when > 0, replaces the constant perWorker, so that
	// small problems take the parallel path: tests only.
	perWorker int
	// perList, when > 0, replaces the constant listPerWorker, so that
	// small problems' lists are built on the workers: tests only.
	perList int
	// maxPos, when > 0, replaces the heap's bound on its positions
	// (exchHeap.maxPos), so that small problems renumber: tests only.
	maxPos int32
	// fullRecalc, when true, recalculates every exchange a realised one
	// changes from the start (calculate), never by recheck: tests only,
	// to prove recheck gives what calculate gives.
	fullRecalc bool
}

var _ model.Model = Model{}

// Name implements model.Model.
func (Model) Name() string { return "exchange" }

// Summary implements model.Model.
func (Model) Summary() string {
	return "Stokman's exchange of voting positions, Equal Gain rule as in Decide (" + cite.Papers + ")"
}

// Title is the model's plain name (model.Titled).
func (Model) Title() string { return "Stokman exchange (Decide)" }

// cite is the model's papers, the equations its explanation rests on
// and its section of docs/models.md.
var cite = model.Citation{Papers: "Stokman & Van Oosten 1994; Dijkstra et al. 2008", Equations: "(2) the forecast NBS, the weighted mean of the voting positions, (4)–(6) each exchange's moves and its Equal Gain", Section: "exchange — Stokman's exchange of voting positions (Decide's Equal Gain)"}

// Cite implements model.Cited.
func (Model) Cite() model.Citation { return cite }

// Detail is the model-specific output in Result.Detail: every round's
// forecasts at full precision and the exchanges realised.
type Detail struct {
	// Exact is true when the numbers are 28-digit decimals.
	Exact bool
	// Issues are the issue IDs, in the order of the per-issue slices.
	Issues []string
	Rounds []RoundDetail
	// Final is the preference NBS after the last round's position update
	// (Decide's "k = rounds+1"), on the issue scale.
	Final []Number
}

// RoundDetail is one round.
type RoundDetail struct {
	Round int
	// Candidates and Valid count the exchanges created at the start of the
	// round and those of them that were valid; Ties counts coin flips.
	Candidates, Valid, Ties int
	// Preference is the weighted mean of the start-of-round positions and
	// Voting that of the voting positions after every exchange, per issue,
	// on the issue scale.
	Preference, Voting []Number
	// Exchanges are the realised exchanges in order (nil with NoTrace).
	Exchanges []Exchange
}

// Exchange is one realised exchange. Positions, moves and NBS values are on
// the normalised 0–100 scale the model works on.
type Exchange struct {
	N int
	// P and Q are the issue pair (P before Q in issue order).
	P, Q string
	// Groups is "ad" or "bc": the sides of the NBS the actors were on.
	Groups string
	Gain   Number
	// I supplies Q and demands P; J supplies P and demands Q.
	I, J Side
}

// Side is one actor's part in an exchange.
type Side struct {
	Actor          string
	Supply, Demand string
	// Start is the supply position the exchange was last calculated from;
	// RoundStart the position at the start of the round.
	Start, RoundStart Number
	Move, Y           Number
	// EqualGainY is Y before the NBS cap; Target is the partner's
	// position on the supply issue.
	EqualGainY, Target Number
	// EU is the gain from the Equal Gain step (not refreshed by the NBS
	// cap, as in Decide: quirk 3).
	EU         Number
	NBS0, NBS1 Number
	// AdjustedByNBS is true when the NBS cap shortened this actor's move.
	AdjustedByNBS bool
}

// Forecast implements model.Model. The forecast of an issue is the voting
// NBS of the last round (the weighted mean of the positions actors vote
// with after exchanging); Round k holds the preference NBS (start of round
// k) and voting NBS (end of round k) in Values, and the start positions of
// round k+1 in Positions. Round 0 holds the input positions.
func (m Model) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	return m.forecast(ctx, p, o, nil, nil)
}

var _ model.PointForecaster = Model{}

// PointForecast implements model.PointForecaster: Forecast's forecasts,
// bit for bit, without the Result (its rounds, positions and exchanges):
// a sweep runs the model thousands of times and reads nothing else.
func (m Model) PointForecast(ctx context.Context, p *model.Problem, o model.Options, dst []float64) error {
	_, err := m.forecast(ctx, p, o, dst, nil)
	return err
}

var _ model.SettlingForecaster = Model{}

// PointForecastSettling implements model.SettlingForecaster:
// PointForecast's forecasts and, in prev, Forecast's round before the
// last, bit for bit: the voting NBS of the round before the last or, in
// a run of one round, Round 0's preference NBS (the weighted mean of the
// input positions). Both are numbers the rounds compute anyway, so it
// costs what PointForecast does.
func (m Model) PointForecastSettling(ctx context.Context, p *model.Problem, o model.Options, dst, prev []float64) error {
	if len(prev) < len(p.Issues) {
		return errs.New(errs.Internal, "exchange: PointForecastSettling needs room for %d forecasts before the last, has %d", len(p.Issues), len(prev))
	}
	_, err := m.forecast(ctx, p, o, dst, prev)
	return err
}

// forecast runs the model; with point set it writes the forecasts there,
// and the round before the last's into before if it is not nil, and
// returns no Result.
func (m Model) forecast(ctx context.Context, p *model.Problem, o model.Options, point, before []float64) (*model.Result, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	rounds := DefaultRounds
	if o.Rounds > 0 {
		rounds = o.Rounds
	} else if o.MaxRounds > 0 && o.MaxRounds < rounds {
		rounds = o.MaxRounds
	}
	cfg := runConfig{rounds: rounds, noTrace: o.NoTrace, seed: o.Seed, coin: m.CoinFlipTies, p: m.Randomize, selection: m.selection, workers: o.Workers, perWorker: m.perWorker, perList: m.perList, maxPos: m.maxPos, fullRecalc: m.fullRecalc, point: point, before: before, progress: o.Progress}
	if m.Randomize < 0 || m.Randomize > 1 || math.IsNaN(m.Randomize) {
		return nil, errInvalidP(m.Randomize)
	}
	if m.Exact {
		return run[dec](ctx, &exactArith{}, p, cfg, true)
	}
	return run64(ctx, floatArith{}, p, cfg, false)
}

func errInvalidP(p float64) error {
	return errs.New(errs.Invalid, "exchange model: randomisation p = %v is outside [0,1]", p)
}

type runConfig struct {
	rounds    int
	noTrace   bool
	seed      uint64
	coin      bool
	p         float64
	selection selection
	workers   int   // model.Options.Workers
	perWorker int   // Model.perWorker
	perList   int   // Model.perList
	maxPos    int32 // Model.maxPos
	// fullRecalc is Model.fullRecalc
	fullRecalc bool
	// point, when not nil, receives the forecasts, and run builds no
	// Result (PointForecast)
	point []float64
	// before, when not nil beside point, receives the forecasts of the
	// round before the last (PointForecastSettling)
	before []float64
	// progress is model.Options.Progress
	progress func(done, total int)
}

// told tells cfg.progress, if any, that round r of the run is done.
func (cfg *runConfig) told(r int) {
	if cfg.progress != nil {
		cfg.progress(r, cfg.rounds)
	}
}

func run[T any, A arith[T]](ctx context.Context, ar A, p *model.Problem, cfg runConfig, exact bool) (*model.Result, error) {
	e := newEngine[T](ar, p)
	e.takeBuffers()
	defer e.putBuffers()
	if cfg.coin {
		e.ties = tieCoinFlip
	}
	if cfg.coin || cfg.p > 0 {
		e.rng = rand.New(rand.NewPCG(cfg.seed, 0x9e3779b97f4a7c15))
	}
	e.randomize = cfg.p
	e.selection = cfg.selection
	if cfg.perWorker > 0 {
		e.perWorker = cfg.perWorker
	}
	if cfg.perList > 0 {
		e.perList = cfg.perList
	}
	if cfg.maxPos > 0 {
		e.heap.maxPos = cfg.maxPos
	}
	e.workers = cfg.workers
	e.fullRecalc = cfg.fullRecalc
	if cfg.point != nil {
		// the same rounds, nothing recorded: the forecast is the last
		// round's voting NBS, as below, and the round before the last's
		// the voting NBS a round earlier, or in a run of one round Round
		// 0's, round 1's preference NBS (each round's NBS are its own)
		var vote, before []T
		for r := 1; r <= cfg.rounds; r++ {
			rr, err := e.round(ctx)
			if err != nil {
				return nil, err
			}
			before = vote
			if r == 1 {
				before = rr.pref
			}
			vote = rr.vote
			cfg.told(r)
		}
		for k := range p.Issues {
			cfg.point[k] = ar.number(e.denorm(k, vote[k])).Float64()
		}
		if cfg.before != nil {
			for k := range p.Issues {
				cfg.before[k] = ar.number(e.denorm(k, before[k])).Float64()
			}
		}
		return nil, nil
	}
	res := &model.Result{Model: "exchange"}
	det := &Detail{Exact: exact}
	for k, is := range p.Issues {
		det.Issues = append(det.Issues, is.ID)
		idx, _, x, _ := p.Column(k)
		res.Issues = append(res.Issues, model.IssueResult{
			Issue:  is.ID,
			Rounds: []model.Round{{Round: 0, Positions: p.Spread(k, idx, x)}},
		})
	}
	for r := 1; r <= cfg.rounds; r++ {
		rr, err := e.round(ctx)
		if err != nil {
			return nil, err
		}
		rd := RoundDetail{Round: r, Candidates: rr.candidates, Valid: rr.valid, Ties: rr.ties}
		for k := range p.Issues {
			rd.Preference = append(rd.Preference, ar.number(e.denorm(k, rr.pref[k])))
			rd.Voting = append(rd.Voting, ar.number(e.denorm(k, rr.vote[k])))
		}
		if !cfg.noTrace {
			rd.Exchanges = make([]Exchange, 0, len(rr.realised))
			for n, R := range rr.realised {
				rd.Exchanges = append(rd.Exchanges, e.exchangeDetail(n+1, R))
			}
		}
		if r == 1 {
			for k := range res.Issues {
				ir := &res.Issues[k]
				f := rd.Preference[k].Float64()
				ir.Rounds[0].Forecast = f
				ir.Rounds[0].Values = map[string]float64{"preference_nbs": f}
			}
		}
		keep := !cfg.noTrace || r == cfg.rounds
		for k := range res.Issues {
			ir := &res.Issues[k]
			pref, vote := rd.Preference[k].Float64(), rd.Voting[k].Float64()
			ir.Forecast = vote
			if keep {
				ir.Rounds = append(ir.Rounds, model.Round{
					Round:     r,
					Positions: e.positions(k),
					Forecast:  vote,
					Values:    map[string]float64{"preference_nbs": pref, "voting_nbs": vote},
				})
			}
		}
		det.Rounds = append(det.Rounds, rd)
		cfg.told(r)
	}
	final := make([]T, len(p.Issues))
	e.calcNBS(e.x, final, nil)
	for k := range res.Issues {
		det.Final = append(det.Final, ar.number(e.denorm(k, final[k])))
		ir := &res.Issues[k]
		ir.Values = map[string]float64{
			"voting_nbs":     ir.Forecast,
			"preference_nbs": det.Final[k].Float64(),
		}
	}
	res.Detail = det
	if exact {
		res.Notes = append(res.Notes, model.TextNote("exact mode: 28-significant-digit decimal arithmetic in Decide's operation order"))
	}
	return res, nil
}

// positions returns the start positions of the next round on issue k's
// scale, NaN for absent actors.
func (e *engine[T, A]) positions(k int) []float64 {
	out := make([]float64, e.nA)
	for a := range out {
		if !e.p.Stances[a][k].Present {
			out[a] = math.NaN()
			continue
		}
		out[a] = e.ar.number(e.denorm(k, e.x[a][k])).Float64()
	}
	return out
}

func (e *engine[T, A]) exchangeDetail(n int, R *exch[T]) Exchange {
	is := e.p.Issues
	sd := func(s *side[T], o *side[T]) Side {
		nbs0, nbs1 := e.nbsOf(R, s)
		return Side{
			Actor: e.p.Actors[s.actor].ID, Supply: is[s.supply].ID, Demand: is[s.demand].ID,
			Start: e.ar.number(s.x), RoundStart: e.ar.number(e.x0[s.actor][s.supply]),
			Move: e.ar.number(s.move), Y: e.ar.number(s.y),
			EqualGainY: e.ar.number(e.ar.add(s.x, s.egMove)), Target: e.ar.number(o.demandPos),
			EU: e.ar.number(R.eu), NBS0: e.ar.number(nbs0), NBS1: e.ar.number(nbs1),
			AdjustedByNBS: s.adjusted,
		}
	}
	groups := "ad"
	if R.bc {
		groups = "bc"
	}
	return Exchange{N: n, P: is[R.p].ID, Q: is[R.q].ID, Groups: groups, Gain: e.ar.number(R.gain),
		I: sd(&R.I, &R.J), J: sd(&R.J, &R.I)}
}
