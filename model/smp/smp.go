package smp

import (
	"context"
	"fmt"
	"math"

	"parley/errs"
	"parley/model"
	"parley/nouns"
)

// Model is KTAB's spatial model of politics. Its zero value runs KTAB's
// defaults (the table in section 1.1 of the spec): proportional voting,
// conditional PCE, risk range Mid with the one-third adjustment,
// semi-committed third parties, S2P2 bargains formed by the initiator.
type Model struct {
	// Vote is the voting rule (eq. 1.5a); zero is Proportional.
	Vote VotingRule
	// PCE is the probabilistic Condorcet election model (eq. 1.5d); zero
	// is Conditional.
	PCE PCEModel
	// RiskRange maps victory probabilities to risk attitudes (eq. 1.6c);
	// zero is Mid, R ∈ [−½, 1].
	RiskRange RiskRange
	// RiskAdjust is how one actor estimates another's risk attitude
	// (eq. 1.6d); zero is OneThird.
	RiskAdjust RiskAdjust
	// Commit is the third parties' commitment (eq. 1.7b); zero is
	// SemiCommit.
	Commit Commit
	// Interp is the bargain interpolation (eq. 1.9a); zero is S2P2.
	Interp Interp
	// Bargain is whose estimate shapes bargains (eq. 1.9d); zero is
	// InitOnlyInterp.
	Bargain BargainModel
}

var _ model.Model = Model{}

// DefaultMaxRounds is the step cap when Options.MaxRounds is 0 (with
// Options.Rounds set, the model runs exactly that many steps).
const DefaultMaxRounds = 100

// Name implements model.Model.
func (Model) Name() string { return "smp" }

// Summary implements model.Model.
func (Model) Summary() string {
	return "KTAB spatial model of politics: all issues move together through challenges and bargains (" + cite.Papers + ")"
}

// Title is the model's plain name (model.Titled).
func (Model) Title() string { return "KTAB spatial model (SMP)" }

// cite is the model's papers, the equations its explanation rests on
// and its section of docs/models.md.
var cite = model.Citation{Papers: "Wise et al., KAPSARC 2015–2017", Equations: "(1.5) votes and probabilistic Condorcet elections, (1.6) risk attitudes, (1.9) bargains", Section: "smp — KTAB's spatial model of politics"}

// Cite implements model.Cited.
func (Model) Cite() model.Citation { return cite }

func (m Model) check() error {
	switch {
	case m.Vote < 0 || m.Vote >= VoteASymProsp:
		return errs.New(errs.Invalid, "smp: voting rule %v is not supported (valid: Prop, Binary, PropBin, PropCbc, Cubic; the spec gives no formula for ASymProsp)", m.Vote)
	case m.PCE < 0 || m.PCE >= PCEMarkovIncentive:
		return errs.New(errs.Invalid, "smp: PCE model %v is not supported (valid: Conditional, MarkovUniform; the spec gives no formula for MarkovIncentive)", m.PCE)
	case m.RiskRange < 0 || m.RiskRange > RiskMax:
		return errs.New(errs.Invalid, "smp: risk range %v is not one of Mid, Min, Max", m.RiskRange)
	case m.RiskAdjust < 0 || m.RiskAdjust > AdjustFull:
		return errs.New(errs.Invalid, "smp: risk adjustment %v is not one of OneThird, None, Half, TwoThirds, Full", m.RiskAdjust)
	case m.Commit < 0 || m.Commit > FullCommit:
		return errs.New(errs.Invalid, "smp: third-party commitment %v is not one of SemiCommit, NoCommit, FullCommit", m.Commit)
	case m.Interp < 0 || m.Interp > InterpS2PMax:
		return errs.New(errs.Invalid, "smp: interpolation %v is not one of S2P2, S1P1, S2PMax", m.Interp)
	case m.Bargain < 0 || m.Bargain > BargainPWComp:
		return errs.New(errs.Invalid, "smp: bargain model %v is not one of InitOnlyInterp, InitRcvrInterp, PWCompInterp", m.Bargain)
	}
	return nil
}

// Detail is the SMP-specific output of a run, kept in Result.Detail for
// printers: everything KTAB logs that the common Result does not hold,
// on KTAB's internal [0,1] scale. WriteKTAB prints it as KTAB does.
type Detail struct {
	// Actors and Dims are the names KTAB prints (Problem actor and issue
	// names), for the actors that take part (Active).
	Actors, Dims []string
	// Active maps each Detail actor to its index in Problem.Actors.
	Active []int
	// Change is the fractional change ρ after each step (eq. 1.11).
	Change []float64
	// Positions[t][i*len(Dims)+k] is actor i's position on dimension k
	// in state t, on [0,1].
	Positions [][]float64
	// Prob[t][i] is the probability that actor i's position in state t
	// wins among that state's distinct positions (section 1.12).
	Prob [][]float64
	// Stop is why the run stopped (StopRested when by KTAB's rule), as
	// the run's last note says; "" for a run of no step.
	Stop string
}

// Rested returns the steps of a run that stopped by KTAB's rule
// (StopRested), and whether it did: what a caller grouping such runs
// (the ensemble's notes) reads instead of the note's words.
func (d *Detail) Rested() (steps int, ok bool) {
	return len(d.Change), d.Stop == StopRested
}

// StopRested is why a run stopped when it came to rest by KTAB's rule (the
// last step changed the positions by less than 0.02 of the first), as its
// note says: "N states, N−1 steps; stopped: " + StopRested.
const StopRested = "fractional change below 0.02"

// Forecast implements model.Model. See the package documentation for how
// a Problem maps onto the model.
func (m Model) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	if err := p.Check(); err != nil {
		return nil, err
	}
	in := mapProblem(p)
	res := &model.Result{Model: "smp", Notes: in.notes}
	tr, err := m.trace(ctx, p, in, o, false, false)
	if err != nil {
		return nil, err
	}
	d := len(p.Issues)
	T := len(tr.pos)
	if T > 1 {
		note := fmt.Sprintf("%d states, %d steps; stopped: %s", T, T-1, tr.stop)
		if last := tr.change[len(tr.change)-1]; !(last < 0.02) {
			note += fmt.Sprintf(" (positions still moving: the last step changed them by %.2f of the first step; the target is 0.02, so the forecast may not be settled)", last)
		}
		if tr.stop == StopRested {
			note += movedNote(p, tr.mean[T-1], tr.mean[T-2])
		}
		res.Notes = append(res.Notes, model.TextNote(note))
	}
	det := &Detail{Active: in.active, Change: tr.change, Positions: tr.pos, Prob: tr.prob}
	if T > 1 {
		det.Stop = tr.stop
	}
	for _, i := range in.active {
		det.Actors = append(det.Actors, p.Actors[i].Name)
	}
	for _, is := range p.Issues {
		det.Dims = append(det.Dims, is.Name)
	}
	res.Detail = det
	keep := func(t int) bool { return !o.NoTrace || t == 0 || t == T-1 }
	for k, is := range p.Issues {
		span := is.Max - is.Min
		back := func(v float64) float64 { return float64(v*span) + is.Min }
		ir := model.IssueResult{Issue: is.ID, Values: map[string]float64{}}
		for t := 0; t < T; t++ {
			if !keep(t) {
				continue
			}
			pos := make([]float64, len(p.Actors))
			for i := range pos {
				if p.Stances[i][k].Present {
					pos[i] = p.Stances[i][k].Position // fixed: inactive actor
				} else {
					pos[i] = math.NaN()
				}
			}
			for a, i := range in.active {
				if p.Stances[i][k].Present {
					pos[i] = back(tr.pos[t][a*d+k])
				}
			}
			r := model.Round{Round: t, Positions: pos, Forecast: back(tr.mean[t][k])}
			if t > 0 {
				r.Values = map[string]float64{"change": tr.change[t-1]}
			}
			ir.Rounds = append(ir.Rounds, r)
		}
		if T > 0 {
			ir.Forecast = back(tr.mean[T-1][k])
			ir.Values["rounds"] = float64(T - 1)
		} else {
			_, _, x, s := p.Column(k)
			ir.Forecast = model.WeightedMean(x, s)
		}
		res.Issues = append(res.Issues, ir)
	}
	return res, nil
}

// movedNote is what the note of a run stopped by KTAB's rule adds when
// the forecast of some issue still moved in the last step (model.Settled
// on the means of the last two states, last and prev, on [0,1]): KTAB's
// rule reads the positions' move against the first step's, not the
// forecast, and stops runs that more steps move on (docs/DECISIONS.md,
// smpsettle21). "" when every forecast was at rest.
func movedNote(p *model.Problem, last, prev []float64) string {
	moved := 0
	for k, is := range p.Issues {
		span := is.Max - is.Min
		if !model.Settled(float64(last[k]*span)+is.Min, float64(prev[k]*span)+is.Min, span) {
			moved++
		}
	}
	if moved == 0 {
		return ""
	}
	return fmt.Sprintf(" (KTAB's rule, met by the positions; the forecast still moved in the last step on %d of %s, and more steps may move it further)", moved, nouns.Count(len(p.Issues), "issue"))
}

// trace runs the model on the mapped problem in (lean, and settle for a
// lean run: see runTrace).
func (m Model) trace(ctx context.Context, p *model.Problem, in *input, o model.Options, lean, settle bool) (*trace, error) {
	maxRounds := o.MaxRounds
	if maxRounds <= 0 {
		maxRounds = DefaultMaxRounds
	}
	n, d := len(in.active), len(p.Issues)
	if n == 0 {
		return &trace{stop: "no actor cares about any issue"}, nil
	}
	e := newEngine(m, in.c, in.s, in.x, n, d)
	e.progress, e.settle = o.Progress, settle
	e.has, e.part = in.has, in.part
	tr, err := e.runTrace(ctx, o.Rounds, maxRounds, lean)
	e.release() // the trace holds copies of what it keeps
	return tr, err
}

var _ model.PointForecaster = Model{}

// PointForecast implements model.PointForecaster: Forecast's forecasts,
// bit for bit, with the win probabilities computed for the last state
// only and no Result built (a sweep runs the model thousands of times).
func (m Model) PointForecast(ctx context.Context, p *model.Problem, o model.Options, dst []float64) error {
	return m.point(ctx, p, o, dst, nil)
}

var _ model.SettlingForecaster = Model{}

// PointForecastSettling implements model.SettlingForecaster:
// PointForecast's forecasts and, in prev, Forecast's round before the
// last, bit for bit: the mean of the state before the last, whose win
// probabilities the lean run computes when it takes its last step (one
// state's more, whatever the number of steps). Without a state (no
// actor takes part) prev is the forecast.
func (m Model) PointForecastSettling(ctx context.Context, p *model.Problem, o model.Options, dst, prev []float64) error {
	if len(prev) < len(p.Issues) {
		return errs.New(errs.Internal, "smp: PointForecastSettling needs room for %d forecasts before the last, has %d", len(p.Issues), len(prev))
	}
	return m.point(ctx, p, o, dst, prev)
}

// point is PointForecast, and PointForecastSettling when prev is not nil.
func (m Model) point(ctx context.Context, p *model.Problem, o model.Options, dst, prev []float64) error {
	if err := m.check(); err != nil {
		return err
	}
	if err := p.Check(); err != nil {
		return err
	}
	in := mapProblem(p)
	tr, err := m.trace(ctx, p, in, o, true, prev != nil)
	if err != nil {
		return err
	}
	T := len(tr.pos)
	for k, is := range p.Issues {
		if T > 0 {
			dst[k] = float64(tr.mean[T-1][k]*(is.Max-is.Min)) + is.Min
		} else {
			_, _, x, s := p.Column(k)
			dst[k] = model.WeightedMean(x, s)
		}
		if prev == nil {
			continue
		}
		prev[k] = dst[k]
		if tr.before != nil {
			prev[k] = float64(tr.before[k]*(is.Max-is.Min)) + is.Min
		}
	}
	return nil
}

// input is a Problem mapped onto KTAB's internal scales.
type input struct {
	active  []int     // Problem actor index of each model actor
	c, s, x []float64 // power, s[i*d+k], x[i*d+k] on [0,1]
	// has[i*d+k] is whether model actor i has a stance on issue k, and
	// part lists the issues where some model actor has none; both nil
	// when every one has a stance everywhere (engine.probs)
	has   []bool
	part  []int
	notes []model.Note
}

// mapProblem maps a Problem onto the model (see the package doc):
// positions (x−Min)/(Max−Min); saliences as given while an actor's total
// is at most 1, else divided by the total; an absent stance has salience 0
// and the capability×salience weighted mean position of the issue (and
// is not counted in the issue's forecast: engine.probs); actors whose
// total salience is 0 are left out and keep their positions.
func mapProblem(p *model.Problem) *input {
	d := len(p.Issues)
	neutral := make([]float64, d)
	for k, is := range p.Issues {
		_, c, x, s := p.Column(k)
		var sw, swx float64 // no fused multiply-adds: same on every CPU
		for j := range x {
			w := c[j] * s[j]
			sw += w
			swx += float64(w * ((x[j] - is.Min) / (is.Max - is.Min)))
		}
		neutral[k] = swx / sw
	}
	n := len(p.Actors)
	in := &input{active: make([]int, 0, n), c: make([]float64, 0, n), s: make([]float64, 0, n*d), x: make([]float64, 0, n*d)}
	var left, scaled []string
	sal, pos := make([]float64, d), make([]float64, d)
	for i, a := range p.Actors {
		clear(sal)
		sum := 0.0
		for k, is := range p.Issues {
			st := p.Stances[i][k]
			if st.Present {
				sal[k] = st.Salience
				pos[k] = (st.Position - is.Min) / (is.Max - is.Min)
			} else {
				pos[k] = neutral[k]
			}
			sum += sal[k]
		}
		if !(sum > 0) {
			left = append(left, a.ID)
			continue
		}
		if sum > 1+1e-9 {
			for k := range sal {
				sal[k] /= sum
			}
			scaled = append(scaled, a.ID)
		}
		in.active = append(in.active, i)
		in.c = append(in.c, a.Capability)
		in.s = append(in.s, sal...)
		in.x = append(in.x, pos...)
	}
	in.has, in.part = presence(p, in.active)
	if len(scaled) > 0 {
		in.notes = append(in.notes, model.RunNote(append([]model.NotePart{model.Words("saliences summing over 1 divided by their sum (SMP saliences are shares of attention): ")}, model.ActorList(scaled)...)...))
	}
	if len(left) > 0 {
		in.notes = append(in.notes, model.RunNote(append([]model.NotePart{model.Words("left out (salience 0 on every issue), positions kept: ")}, model.ActorList(left)...)...))
	}
	return in
}

// presence returns has[a*d+k], whether model actor a (Problem actor
// active[a]) has a stance on issue k, and the issues where some model
// actor has none; nil and nil when every one has a stance everywhere.
func presence(p *model.Problem, active []int) (has []bool, part []int) {
	d := len(p.Issues)
	for k := range p.Issues {
		for _, i := range active {
			if !p.Stances[i][k].Present {
				part = append(part, k)
				break
			}
		}
	}
	if part == nil {
		return nil, nil
	}
	has = make([]bool, len(active)*d)
	for a, i := range active {
		for k := range p.Issues {
			has[a*d+k] = p.Stances[i][k].Present
		}
	}
	return has, part
}
