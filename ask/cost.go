package ask

import (
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"
	"time"

	"parley/answer"
	"parley/deal"
	"parley/errs"
	"parley/power"
)

// Cost is what answering a request on a case is estimated to take, before
// anything runs: a server compares it with its budgets (issue 14) and
// refuses a request over them instead of finding out in gigabytes or
// hours. The estimate is a scale, not a prediction: Work counts
// actor-issue steps (one model's pass over one actor on one issue; a
// pairwise model's pass over a pair), Bytes the memory the models'
// working sets grow to at once. Both come from modelCost, measured on
// generated scenarios (a forecast of every model on 100, 200 and 400
// actors × 5 issues); docs/limits.md gives the formula.
//
// CPU is the CPU time the work takes, in seconds: each model's steps at
// that model's measured time a step (modelCost's StepNs), the steps no
// model takes (a deal's solves, a power index's coalitions, advise's
// closed form) at StepTime. CPU is what a server's budgets count (as
// Priced steps) and what a person is told (SizeOf); Work is the scale
// docs/limits.md's formulas give.
type Cost struct {
	Work  float64 `json:"work"`
	Bytes float64 `json:"bytes"`
	CPU   float64 `json:"cpu_seconds"`
}

// stepsCost is n steps of work no model takes, at StepTime each.
func stepsCost(n float64) Cost {
	return Cost{Work: n, CPU: n * StepTime.Seconds()}
}

// Priced is c's CPU time counted in steps of StepTime (50 ns): each
// model's steps at its measured time, the steps no model takes at
// StepTime, in the unit the server's work budgets (parley serve
// --max-work, --max-job-work) are stated in, and the one they and the
// most of a field they admit (Largest, through its fits) compare. Raw
// steps (Work) are priced up to 500 times apart from model to model
// (exchange 40 ns, snap 19 µs), so a budget of them let a snap sweep of
// 100,000 draws, 7×10⁶ steps and some 106 s of CPU, in under a limit
// meant for a few seconds; priced, it is 2.66×10⁹.
func (c Cost) Priced() float64 {
	return c.CPU / StepTime.Seconds()
}

// times is c's work done k times over: its steps and CPU time k times,
// its memory the same (the runs reuse it).
func (c Cost) times(k float64) Cost {
	c.Work *= k
	c.CPU *= k
	return c
}

// onlyWork is c's steps and CPU time without its memory: work done
// with memory counted elsewhere.
func (c Cost) onlyWork() Cost {
	c.Bytes = 0
	return c
}

// plus is c and d added: both runs' steps, CPU time and memory.
func (c Cost) plus(d Cost) Cost {
	return Cost{Work: c.Work + d.Work, Bytes: c.Bytes + d.Bytes, CPU: c.CPU + d.CPU}
}

// modelCost is how one model's work and memory grow with the actors (A)
// and issues (I) of a case: work A^Power × I, memory A^Power' × I ×
// BytesPer with Power' = min(Power, 2) (no model keeps more than pairs).
// Power 1: each issue solved from the actors' positions once
// (compromise, median, nash, ks); 2: pairs of actors each round (bdm);
// between 2 and 3 for smp (2.6) and the ensemble (2.85): each round's
// challenges weigh every pair of actors against the third parties, over
// rounds whose number does not grow with the actors (measured; Power 3,
// which said so, priced their forecasts of 100–400 actors 2.3–6 times
// their CPU time). A model that pairs issues
// as well (IssuePairs: exchange, whose every round lists a candidate for
// each pair of actors on opposite sides of each pair of issues, ≈
// A²·I·(I−1)/16 of them) grows with that count instead: work
// A² × I × (I−1) × WorkPer and memory A² × I × (I−1) × BytesPer (with
// I − 1 at least 1). A model missing here counts as exchange does
// (TestCostCoversEveryModel keeps the table whole).
//
// Trace is the rounds of every actor's position a traced run (a
// forecast, whose answer carries them) keeps when the request sets
// neither rounds nor max_rounds: the model's default round cap (bdm's
// DefaultMaxRounds, exchange's DefaultRounds, smp's DefaultMaxRounds); 0 for a model
// that keeps no positions round by round (the ensemble keeps only its
// forecast per round). TraceBytes is the memory each kept position
// takes, all told: the model's round (8 bytes), its details (bdm's
// challenges, exchange's exchanges), the answer's map entry by actor id,
// the answer's JSON (23–43 bytes) and the run stored with it. Measured
// with parley serve (docs/limits.md): 10,000 rounds on the built-in case
// (10 actors × 7 issues) grew the server by 324 bytes a position for
// bdm, 382 for smp and 539 for exchange (865 MB for the three, the
// default models, where these figures say 875 MB); on generated cases of
// 200 actors × 10 issues, bdm over 500 and 1,000 rounds 268–270 and smp
// over 500 rounds 193.
//
// StepNs is the CPU time one of the model's steps takes, in
// nanoseconds: the user + system CPU time of `parley sweep -m MODEL -f
// json` (/usr/bin/time; the process's start is some 0.05 s) over the
// steps Estimate counts for it, on the built-in case (10 actors × 7
// issues, 2,000–100,000 draws) and on `parley gen --actors 100 --issues
// 10` (20–10,000 draws), on the 2-core machine these sessions share
// (BENCHMARKS.md, "The time of an estimated step"). Each is the larger
// of the two cases' figures and a quarter more, rounded: the same
// command's CPU time differed by up to 15% from run to run as the
// machine's load went from 3 to 20, so that the time said stays above
// the time taken on both cases; but smp's and the ensemble's, whose
// work grows with a fractional power fitted over 10–400 actors, are the
// middle of their measured times a step, within 1.5 times of every case
// measured (below, and BENCHMARKS.md, "Each model's growth, priced").
// A sweep's draws include drawing the inputs and keeping the forecasts,
// most of the time of the models that solve each issue once; snap's
// predictive distributions make its time a draw grow with the draws
// (5 µs a step at 1,000 draws of the built-in case, 15 µs at 100,000):
// its figure is the larger.
//
// TracedNs, where set, is the time of a step in a run that keeps its
// trace (a forecast's, an explanation's, a deal's model package), which
// for bdm and exchange is nearly twice a sweep's: their forecasts of
// 100–1,600 actors took 220–375 ns (bdm) and 49–70 ns (exchange) a step,
// the user + system CPU time of `parley forecast CASE -m MODEL -f json`
// less that of compromise on the same case (reading the case and writing
// the answer, which Estimate does not count: it is spent before it). It
// is exchange's largest, rounded up, and bdm's largest less a fifth
// (300 against 375, as its median case took 230). Without it a traced
// step is StepNs.
//
// FloorNs, where set, is the least CPU time a run of the model takes
// for each issue, in nanoseconds, however few its actors: a run's CPU
// time is the larger of its steps at StepNs and I × FloorNs. On a small
// case a draw's fixed cost (its rounds, drawing its inputs, keeping its
// forecast) outweighs its A^Power steps: 20,000 draws of smp on a case
// of 4 actors × 4 issues were said to take 0.26 s and took 2.4 s, its
// 90 rounds each a fixed cost the steps (4^2.6 × 4 = 147) do not count.
// Measured on generated cases of 3 × 3, 5 × 2 and 4 × 4 and a user's
// 4 × 4 (BENCHMARKS.md, "Small cases priced (api24)"): smp's and the
// ensemble's floors are the time of a draw that runs near smp's
// 100-round cap (smp 0.34–0.41 µs an issue a round; the ensemble 33 µs
// an issue a draw on the user's case, whose smp runs 90 rounds). How
// many rounds a case takes to settle is not known before it runs (3 at
// 3 × 3, 5 and 90 on two cases of 4 × 4): one that settles in a few
// takes less than said, up to 9 times for smp, an estimate on the safe
// side where the steps alone said a ninth of the time taken, and no
// small case measured is said to take less than 0.99 of its time.
// bdm's floor puts its 3 × 3 (10 µs a draw taken, 5 said) within 1.5
// times. The larger cases, whose steps cost more than the floor (smp's
// from about 10 actors, the ensemble's from 7, bdm's from 4), are priced
// as before; exchange's small cases were within 1.5 times already.
var modelCost = map[string]modelRow{
	"compromise": {Power: 1, BytesPer: 100, StepNs: 260},
	"median":     {Power: 1, BytesPer: 100, StepNs: 400},
	"nash":       {Power: 1, BytesPer: 100, StepNs: 400},
	"ks":         {Power: 1, BytesPer: 100, StepNs: 470},
	"bdm":        {Power: 2, BytesPer: 20, Trace: 10, TraceBytes: 330, StepNs: 190, TracedNs: 300, FloorNs: 3000},
	"bdm-paper":  {Power: 2, BytesPer: 40, Trace: 10, TraceBytes: 330, StepNs: 270},
	// Measured on generated cases of 20–200 actors × 5–200 issues
	// (docs/limits.md): ≈ 60 bytes and 0.5 µs of CPU for each unit of
	// A²·I·(I−1), so 100 × 10 is 86 MB and 0.5 s, 20 × 200 1.0 GB and
	// 9 s; WorkPer counts 10 steps a unit.
	"exchange": {Power: 2, BytesPer: 64, IssuePairs: true, WorkPer: 10, Trace: 10, TraceBytes: 540, StepNs: 40, TracedNs: 70},
	// smp and the ensemble (which runs smp issue by issue): A^Power
	// fitted to forecasts of 100–400 actors × 5–40 issues and to sweeps
	// of 10 × 7 and 100 × 10 (BENCHMARKS.md, "Each model's growth,
	// priced (estimate20)"), StepNs the middle of the times a step took
	// on them: 60–126 ns for smp, whose rounds (30–54 on those cases,
	// not growing with the actors) spread it twofold from case to case,
	// so its estimate is within 1.5 times of each; 118–185 ns for the
	// ensemble, within 1.3 times.
	"smp":      {Power: 2.6, BytesPer: 40, Trace: 100, TraceBytes: 380, StepNs: 90, FloorNs: 30000},
	"ensemble": {Power: 2.85, BytesPer: 60, StepNs: 150, FloorNs: 35000},
	// snap and compromise-band solve each issue once and keep its
	// predictive distribution (an atom per distinct position).
	"snap":            {Power: 1, BytesPer: 200, StepNs: 19000},
	"compromise-band": {Power: 1, BytesPer: 100, StepNs: 4000},
}

// defaultCost is the cost of a model the table does not list.
var defaultCost = modelCost["exchange"]

// modelRow is one model's costs (modelCost).
type modelRow struct {
	Power      float64
	BytesPer   float64
	IssuePairs bool
	WorkPer    float64
	Trace      int
	TraceBytes float64
	StepNs     float64
	TracedNs   float64
	FloorNs    float64
}

// costOf is a model's row of modelCost, defaultCost for one it does not
// list.
func costOf(name string) modelRow {
	if m, ok := modelCost[name]; ok {
		return m
	}
	return defaultCost
}

// traceBytes is the memory a traced run of the models keeps for its
// trace: actors × issues × (rounds kept + round 0) positions, TraceBytes
// each, for each model that keeps positions round by round. The rounds
// kept are the request's rounds, else its max_rounds, else the model's
// default (modelCost's Trace).
func traceBytes(a, i float64, names []string, r answer.Run) float64 {
	var n float64
	for _, name := range names {
		m := costOf(name)
		if m.Trace == 0 {
			continue
		}
		kept := m.Trace
		switch {
		case r.Rounds > 0:
			kept = r.Rounds
		case r.MaxRounds > 0:
			kept = r.MaxRounds
		}
		n += a * i * float64(kept+1) * m.TraceBytes
	}
	return n
}

// settingCost is how much a model's setting, when on, multiplies the
// model's work and memory (modelCost's figures are for its defaults).
// Exchange's exact arithmetic (28-digit decimals in Decide's operation
// order) took 83 times the CPU of its float engine on a generated case of
// 100 actors × 8 issues (0.17 → 14.2 s; the process's peak memory
// 63 → 96 MB) and 42 times on COP21 (BENCHMARKS.md): 100 and 2 leave
// room above both.
var settingCost = map[string]Cost{"exact": {Work: 100, Bytes: 2}}

// settingsFactor is the product of settingCost's factors for the
// settings of params that are on (a true value) and belong to model; 1, 1
// for none.
func settingsFactor(model string, params map[string]string) Cost {
	f := Cost{Work: 1, Bytes: 1}
	for name, by := range settingCost {
		on, err := strconv.ParseBool(params[name])
		if err != nil || !on || paramModel(name) != model {
			continue
		}
		f.Work *= by.Work
		f.Bytes *= by.Bytes
	}
	return f
}

// baseRounds is the rounds the table's figures assume; a request for
// more (rounds or max_rounds) scales the work by rounds/baseRounds.
const baseRounds = 100

// Estimate returns the cost of answering req (a request of package answer,
// by value or pointer, a SensitivityRequest or a BriefRequest) on the
// case. It runs nothing; a request whose models are not valid, or over
// its own limits (Check), is the error the question would give. req may
// also be a comparison's columns resolved by ResolveCompare, which carry
// the case they were resolved for: their cost is that of their request,
// with no column resolved again.
func Estimate(c *Case, req any) (Cost, error) {
	switch req.(type) {
	case *CompareColumns, BriefRequest, *BriefRequest:
		// resolved and checked already; a brief takes no options
	default:
		// The request's own limits first (draws over answer.MaxDraws,
		// rounds out of range): the question's error, not a cost over a
		// budget whose advice (--max-memory, fewer models) would lead
		// only to it. Check checks every request's run settings.
		if err := Check(req); err != nil {
			return Cost{}, err
		}
	}
	return estimate(c, req)
}

// estimate is Estimate of a request Check has let through (or that needs
// no check): it checks nothing again.
func estimate(c *Case, req any) (Cost, error) {
	a, i := float64(len(c.problem.Actors)), float64(len(c.problem.Issues))
	params := settingsOf(req).Params
	// models is the cost of one run of each model; traced, of a run
	// that keeps its trace (a forecast's), its steps at TracedNs.
	models := func(list []string, traced bool) (Cost, error) {
		names, err := ModelList(list)
		if err != nil {
			return Cost{}, err
		}
		var out Cost
		for _, n := range names {
			m := costOf(n)
			var one Cost
			if m.IssuePairs {
				pairs := a * a * i * math.Max(i-1, 1)
				one = Cost{Work: pairs * m.WorkPer, Bytes: pairs * m.BytesPer}
			} else {
				one = Cost{Work: math.Pow(a, m.Power) * i, Bytes: math.Pow(a, math.Min(m.Power, 2)) * i * m.BytesPer}
			}
			f := settingsFactor(n, params)
			out.Work += one.Work * f.Work
			out.Bytes += one.Bytes * f.Bytes
			ns := m.StepNs
			if traced && m.TracedNs > 0 {
				ns = m.TracedNs
			}
			out.CPU += math.Max(one.Work*ns, i*m.FloorNs) * f.Work * 1e-9
		}
		return out, nil
	}
	rounds := func(r answer.Run, c Cost) Cost {
		if n := max(r.Rounds, r.MaxRounds); n > baseRounds {
			return c.times(float64(n) / baseRounds)
		}
		return c
	}
	// traced is the cost of a forecast of the models that keeps their
	// trace (package ask's Forecast, which forecast, backtest and the
	// deal questions' forecasts run): their work over the rounds and
	// their working sets, plus every actor's position in every round
	// kept.
	traced := func(list []string, r answer.Run) (Cost, error) {
		m, err := models(list, true)
		if err != nil {
			return Cost{}, err
		}
		names, _ := ModelList(list)
		m = rounds(r, m)
		m.Bytes += traceBytes(a, i, names, r)
		return m, nil
	}
	// A "model:NAME" package (a deal's batna or rest) is a forecast with
	// the deal's settings.
	pkg := func(s answer.Settings) func([]string) (Cost, error) {
		return func(list []string) (Cost, error) { return traced(list, answer.Run{Settings: s}) }
	}
	switch r := req.(type) {
	case *answer.ForecastRequest:
		return estimate(c, *r)
	case *answer.SweepRequest:
		return estimate(c, *r)
	case *answer.DealEvaluateRequest:
		return estimate(c, *r)
	case *answer.DealSearchRequest:
		return estimate(c, *r)
	case *answer.ExplainRequest:
		return estimate(c, *r)
	case answer.ForecastRequest:
		return traced(r.Models, r.Run)
	case answer.ExplainRequest:
		// An explanation keeps its model's trace (at the request's
		// rounds) and at most answer.MaxExplainRows rows of some 200
		// bytes.
		m, err := traced([]string{r.Model}, answer.Run{Settings: r.Settings})
		m.Bytes += answer.MaxExplainRows * 200
		return m, err
	case answer.SweepRequest:
		m, err := models(r.Models, false)
		if err != nil {
			return Cost{}, err
		}
		m = rounds(r.Run, m)
		// Every draw runs every model; the workers run draws at once;
		// and each model's sweep keeps every draw's inputs (at most two
		// ranges per stance and one per actor) and forecasts. Its run
		// at the stated values, with its trace (its notes, whether it
		// settled) and kept through the draws, adds one draw's work,
		// not counted, and its trace.
		d := float64(max(r.Draws, 1))
		n, _ := ModelList(r.Models)
		m = m.times(d)
		w := r.Workers
		if w <= 0 {
			w = runtime.NumCPU()
		}
		m.Bytes = m.Bytes*float64(w) + float64(len(n))*d*(8*(2*a*i+a+i)+64) + traceBytes(a, i, n, r.Run)
		return m, nil
	case answer.DealEvaluateRequest:
		out := dealCost(a, i, 1)
		if !noModels(r.Models) {
			m, err := traced(r.Models, answer.Run{Settings: r.Settings})
			if err != nil {
				return Cost{}, err
			}
			out = out.plus(m)
		}
		out = robustCost(out, r.Robust, a, i, 1)
		out, err := addPackage(out, r.Rest, pkg(r.Settings))
		if err != nil {
			return Cost{}, err
		}
		return addPackage(out, r.Batna, pkg(r.Settings))
	case answer.DealSearchRequest:
		// Each package of the frontier and the sample is one solve, and
		// the zone, its ranges and the concessions a few dozen more; under
		// decision rules, for each minimal winning coalition. A robust
		// search also solves each coalition's margin in every draw.
		n, err := c.dealCoalitions(r.Require)
		if err != nil {
			return Cost{}, err
		}
		out := dealCost(a, i, n*float64(max(r.Frontier, 10)+max(r.Samples, 5)+2*int(i)+40))
		out = robustCost(out, r.Robust, a, i, deal.MaxCandidates)
		if r.Robust.On {
			out = out.plus(dealCost(a, i, n).times(robustDraws(r.Robust)).onlyWork())
		}
		return addPackage(out, r.Batna, pkg(r.Settings))
	case answer.DealProposalsRequest:
		// Every proposal judged (an evaluation each) at the target, and
		// with all_snapshots at the base and every snapshot too, each
		// against that snapshot's no-deal package: a "model:NAME" batna
		// is forecast once per snapshot judged (one after another, so
		// its memory counts once); the models compared are forecast at
		// the target only.
		times := 1.0
		if r.AllSnapshots {
			times += 1 + float64(len(c.Input.Scenario.Snapshots))
		}
		out := dealCost(a, i, times*float64(max(1, len(c.Input.Scenario.Proposals))))
		if !noModels(r.Models) {
			m, err := traced(r.Models, answer.Run{Settings: r.Settings})
			if err != nil {
				return Cost{}, err
			}
			out = out.plus(m)
		}
		return addPackage(out, r.Batna, func(list []string) (Cost, error) {
			m, err := pkg(r.Settings)(list)
			return m.times(times), err
		})
	case *answer.DealProposalsRequest:
		return estimate(c, *r)
	case answer.BacktestRequest:
		// A backtest is a forecast, scored against a few outcomes.
		return traced(r.Models, r.Run)
	case *answer.BacktestRequest:
		return estimate(c, *r)
	case answer.AdviseRequest:
		// Each of its runs is one of the model at the request's rounds.
		return adviseCost(a, i, r, func(list []string) (Cost, error) {
			m, err := models(list, false)
			return rounds(answer.Run{Settings: r.Settings}, m), err
		})
	case *answer.AdviseRequest:
		return estimate(c, *r)
	case answer.PowerRequest:
		return powerCost(c, r), nil
	case *answer.PowerRequest:
		return estimate(c, *r)
	case answer.CompareRequest:
		return compareCost(c, r)
	case *answer.CompareRequest:
		return estimate(c, *r)
	case *CompareColumns:
		// Resolved for their own case (ResolveCompare, which has checked
		// their run settings).
		return columnsCost(r.c, r.req, r.cols)
	case SensitivityRequest:
		// The sweep of its draws, and for each ranged input — at most
		// two per stance and one per actor — a run of each model at the
		// input's low end and one at its high end.
		out, err := estimate(c, r.SweepRequest)
		if err != nil {
			return Cost{}, err
		}
		one, err := estimate(c, answer.ForecastRequest{Target: r.Target, Run: r.Run})
		if err != nil {
			return Cost{}, err
		}
		out = out.plus(one.times(2 * (2*a*i + a)).onlyWork())
		return out, nil
	case *SensitivityRequest:
		return estimate(c, *r)
	case BriefRequest, *BriefRequest:
		return EstimateBrief(c)
	}
	return Cost{}, errs.New(errs.Internal, "ask.Estimate: %T is not a request", req)
}

// settingsOf is the model settings of a request (every request type of
// package answer that runs a model embeds answer.Settings), the zero
// value for one that runs no model.
func settingsOf(req any) answer.Settings {
	if r, ok := req.(interface{ ModelSettings() answer.Settings }); ok {
		return r.ModelSettings()
	}
	return answer.Settings{}
}

// BriefRequest asks for a brief (MakeBrief), which takes no options: to
// Estimate, it is the questions a brief asks.
type BriefRequest struct{}

// EstimateBrief returns the cost of a brief of the case (MakeBrief): the
// questions it asks (briefQuestions), each estimated as that question is
// on its own, their work added, and their memory added too, since the
// brief keeps every answer until it is written.
func EstimateBrief(c *Case) (Cost, error) {
	q := briefQuestions(c)
	parts := make([]Cost, 0, 5)
	for _, est := range []func() (Cost, error){
		func() (Cost, error) { return Estimate(c, q.forecast) },
		func() (Cost, error) { return Estimate(c, q.sweep) },
		func() (Cost, error) { return Estimate(c, SensitivityRequest{q.sensitivity}) },
		func() (Cost, error) { return Estimate(c, q.search) },
		func() (Cost, error) {
			if q.proposals == nil {
				return Cost{}, nil
			}
			return Estimate(c, *q.proposals)
		},
	} {
		p, err := est()
		if err != nil {
			return Cost{}, err
		}
		parts = append(parts, p)
	}
	var out Cost
	for _, p := range parts {
		out = out.plus(p)
	}
	return out, nil
}

// compareCost is the cost of a comparison (Compare): the work of its
// columns' forecasts added; in memory the largest of them (they run one
// after another, and each column keeps only its forecasts, without their
// rounds) and some 500 bytes a cell. A column that cannot be resolved
// runs nothing.
func compareCost(c *Case, r answer.CompareRequest) (Cost, error) {
	cols, err := compareColumns(c, &r)
	if err != nil {
		return Cost{}, err
	}
	return columnsCost(c, r, cols)
}

// columnsCost is compareCost of a comparison's columns (compareColumns,
// resolved or not).
func columnsCost(c *Case, r answer.CompareRequest, cols []compareColumn) (Cost, error) {
	names, err := ModelList(r.Models)
	if err != nil {
		return Cost{}, err
	}
	var out Cost
	var peak float64
	for _, col := range cols {
		cc, err := col.caseOf(c.Input)
		if err != nil {
			continue
		}
		f, err := Estimate(cc, answer.ForecastRequest{Target: col.target, Run: r.Run})
		if err != nil {
			return Cost{}, err
		}
		out.Work += f.Work
		out.CPU += f.CPU
		peak = math.Max(peak, f.Bytes)
	}
	out.Bytes = peak + 500*float64(len(cols)*len(names)*len(c.problem.Issues))
	return out, nil
}

// adviseCost is the cost of an advise request: some 2·A levers per issue
// advised on (the actor's own two, two per other actor), each evaluated at
// the stated values and on every draw — by the compromise model's closed
// form (A steps), else by a run of the model — and a row of some 200
// bytes kept per lever, with 9 bytes a lever for each draw of a batch
// (adviseBatch) while the draws run.
func adviseCost(a, i float64, r answer.AdviseRequest, models func([]string) (Cost, error)) (Cost, error) {
	m, err := models([]string{r.Model})
	if err != nil {
		return Cost{}, err
	}
	issues := i
	if r.Issue != "" {
		issues = 1
	}
	levers := 2 * a * issues
	runs := 1 + float64(max(r.Draws, 0))
	out := m.times(runs)
	out.Bytes += levers*200 + levers*9*float64(min(max(r.Draws, 0), adviseBatch))
	if strings.TrimSpace(r.Model) == answer.DefaultAdviseModel || strings.TrimSpace(r.Model) == "" {
		out = out.plus(stepsCost(runs * levers * a))
	} else {
		out = out.plus(m.times(runs * levers).onlyWork())
	}
	return out, nil
}

// powerCost is the cost of a power request: the sum of power.Cost over
// its games (the ad-hoc one, or one per issue with a decision rule), which
// knows whether each is exact and the size of its tables.
func powerCost(c *Case, r answer.PowerRequest) Cost {
	o := power.Options{Samples: r.Samples, Seed: r.Seed}
	var out Cost
	add := func(g power.Game) {
		w, b := power.Cost(g, o)
		out = out.plus(stepsCost(w))
		out.Bytes += b
	}
	if len(r.Weights) > 0 {
		add(power.Game{Quota: r.Quota, Weights: r.Weights})
		return out
	}
	for _, is := range c.Resolved.Issues {
		if is.Decision != nil && (r.Issue == "" || is.ID == r.Issue) {
			_, ws, q := is.Decision.Game(c.Resolved)
			add(power.Game{Quota: q, Weights: ws})
		}
	}
	return out
}

// dealCost is the cost of solves of the convex programs of package deal:
// each some 30 Newton steps over every (actor, issue) pair and pair of
// issues; each program keeps some 16 numbers per (actor, issue) pair.
func dealCost(a, i, solves float64) Cost {
	c := stepsCost(solves * 30 * a * i * i)
	c.Bytes = 16 * 8 * a * i
	return c
}

// robustCost adds a robust analysis's draws to a deal question's cost:
// each draw evaluates per candidate package (one for evaluate,
// deal.MaxCandidates for search) every actor on every issue, and keeps
// a row per actor and issue.
func robustCost(c Cost, r answer.DealRobust, a, i float64, candidates int) Cost {
	if !r.On {
		return c
	}
	d := robustDraws(r)
	c = c.plus(stepsCost(d * float64(candidates) * a * i))
	c.Bytes += d * (a + i) * 8
	return c
}

// robustDraws is the draws a robust analysis makes.
func robustDraws(r answer.DealRobust) float64 {
	if r.Draws <= 0 {
		return answer.DefaultRobustDraws
	}
	return float64(r.Draws)
}

// dealCoalitions is how many minimal winning coalitions a deal search
// of the case explores (deal.Coalitions): 1 without decision rules.
func (c *Case) dealCoalitions(require []string) (float64, error) {
	if c.Resolved == nil {
		return 1, nil
	}
	ruled := false
	for _, is := range c.Resolved.Issues {
		ruled = ruled || is.Decision != nil
	}
	if !ruled {
		return 1, nil
	}
	din, err := deal.FromScenario(c.Resolved, c.Problem())
	if err != nil {
		return 0, err
	}
	n, err := deal.Coalitions(din, deal.Options{Require: c.requireIDs(require)})
	return float64(max(n, 1)), err
}

// addPackage adds the forecast a "model:NAME" package (a batna, a rest)
// runs.
func addPackage(c Cost, spec string, models func([]string) (Cost, error)) (Cost, error) {
	name := packageModel(spec)
	if name == "" {
		return c, nil
	}
	m, err := models([]string{name})
	if err != nil {
		return Cost{}, err
	}
	return c.plus(m), nil
}

// StepTime is the CPU time Estimate gives a step no model takes: a
// deal's Newton steps, a power index's coalitions, advise's closed form
// (a model's step takes its own, modelCost's StepNs). It is the one rate
// every step had before the models' were measured (limits18: a forecast
// of the default models on 300 actors × 10 issues, 48 ns a step); these
// steps have not been timed on their own. The time a person waits is
// the CPU time over the cores the run gets. It is also the unit of the
// server's work budgets (Cost.Priced), in which their numbers, chosen
// when every step had this rate, keep their meaning.
const StepTime = 50 * time.Nanosecond

// LongRun is the estimated CPU time (Cost.CPU) above which a run is long
// enough to announce before it starts. The command line prints its size
// then, and the server's job says it in every answer.
const LongRun = 10 * time.Second

// Size is what a run is estimated to take (Estimate), as the doors tell
// it before the run: its steps and memory, and the CPU time the steps
// take (Cost.CPU). It is an estimate, not a prediction.
type Size struct {
	// Steps is the estimated work, in the steps of docs/limits.md.
	Steps float64 `json:"steps"`
	// Bytes is the estimated memory the run's working sets grow to.
	Bytes float64 `json:"bytes"`
	// CPUSeconds is the CPU time the steps take, each model's at its
	// measured rate (modelCost's StepNs), with a margin: roughly, and
	// rather more than less, the CPU time the run takes, summed over
	// every core it uses. Wall time is that over the cores it gets,
	// longer on a busy machine.
	CPUSeconds float64 `json:"cpu_seconds"`
}

// SizeOf is the size a cost tells.
func SizeOf(c Cost) Size {
	return Size{Steps: c.Work, Bytes: c.Bytes, CPUSeconds: c.CPU}
}

// String says the size for a person: "about 6.22e+08 steps and
// 1.5 GiB of memory, roughly 31 s of CPU time".
func (s Size) String() string {
	return fmt.Sprintf("about %.3g steps and %s of memory, roughly %s of CPU time", s.Steps, BytesText(s.Bytes), CPUText(s.CPUSeconds))
}

// Estimated says the size as every door tells it before a long run
// (the command line's line before it, the server's job's estimate text,
// which the web page shows as it is): "estimated at about 6.22e+08
// steps and 1.5 GiB of memory, roughly 31 s of CPU time (all cores
// together, at measured rates; a busy machine takes longer)".
func (s Size) Estimated() string {
	return fmt.Sprintf("estimated at %s (all cores together, at measured rates; a busy machine takes longer)", s)
}

// CPUText writes a duration in seconds in seconds, minutes or hours
// (the largest that keeps it above 1.5), whole from 10 up and to two
// figures below: "31 s", "4.7 minutes", "2.1 hours", "250 hours". Every
// door and the server's refusals say CPU time in these words.
func CPUText(sec float64) string {
	unit := "s"
	switch {
	case sec >= 90*60:
		sec, unit = sec/3600, "hours"
	case sec >= 90:
		sec, unit = sec/60, "minutes"
	}
	if sec >= 10 {
		return fmt.Sprintf("%.0f %s", sec, unit)
	}
	return fmt.Sprintf("%.2g %s", sec, unit)
}
