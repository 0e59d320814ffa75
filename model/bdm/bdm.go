package bdm

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"parley/errs"
	"parley/model"
	"parley/parallel"
	"parley/scenario"
)

// Profile selects which reading of the published model runs (spec §5).
type Profile int

const (
	// Replication is the default: E9R, P1, C-replication, capitulation off.
	// It reproduces BDM (1994) and Scholz et al. (2011) to 1e-6.
	Replication Profile = iota
	// Paper is the literal equations: E9, P2, C-paper, capitulation on.
	Paper
)

// String returns "replication" or "paper".
func (p Profile) String() string {
	if p == Paper {
		return "paper"
	}
	return "replication"
}

// DefaultMaxRounds is the round cap when neither Options.MaxRounds nor
// Model.MaxRounds is set (the horizon of Scholz et al. 2011).
const DefaultMaxRounds = 10

// Model is Bueno de Mesquita's expected-utility model. Its zero value is
// the replication profile with Q = T = 1, τ = 0 and at most 10 rounds.
type Model struct {
	// Profile is Replication (the zero value) or Paper.
	Profile Profile
	// Q is the probability that the status quo persists when i does not
	// challenge j (E10). If Q is nil, 1 is used; set it with Prob(0.5).
	Q *float64
	// T is the probability that an unforced change in j's position moves
	// it closer to i (E10); it matters only when Q < 1. If T is nil, 1 is
	// used.
	T *float64
	// Tau is the stopping threshold of §3.11: the run stops at the first
	// round t ≥ 1 with |μ_t − μ_{t−1}| ≤ Tau·Δ. If Tau is 0 the run stops
	// when the median does not move at all.
	Tau float64
	// MaxRounds caps the rounds when model.Options.MaxRounds is 0. If both
	// are 0, DefaultMaxRounds (10) is used.
	MaxRounds int
	// Delta, when > 0, replaces Δ (A8) on every issue; it must be at least
	// the spread of each issue's positions. If it is 0, Δ is the spread of
	// the initial positions, or the issue's scale when ScaleDelta is set.
	Delta float64
	// ScaleDelta takes Δ = Issue.Max − Issue.Min instead of the spread of
	// the initial positions (A8).
	ScaleDelta bool

	// formula forces a formulation of P (tests and benchmarks only).
	formula formulation
}

var _ model.Model = Model{}

// formulation chooses between probDirect and probFast.
type formulation int

const (
	auto      formulation = iota // direct up to DirectMaxActors, fast above
	viaDirect                    // always the direct O(n³) reference
	viaFast                      // always the fast formulation
)

// DirectMaxActors is the largest number of actors on an issue for which
// round (the paper profile, Q < 1) uses the direct formulation of P. Up
// to about this size it is as fast as the prefix-sum one, and it is the
// reference, so small cases (every published data set) get exactly the
// reference's bits in those profiles. (The default model's leanRound has
// one formulation for every size.)
const DirectMaxActors = 32

// Prob returns a pointer to v, for Model.Q and Model.T.
func Prob(v float64) *float64 { return &v }

// Name implements model.Model: "bdm", or "bdm-paper" for the Paper profile.
func (m Model) Name() string {
	if m.Profile == Paper {
		return "bdm-paper"
	}
	return "bdm"
}

// Summary implements model.Model.
func (m Model) Summary() string {
	if m.Profile == Paper {
		return "Bueno de Mesquita expected-utility model, the literal equations (" + m.Cite().Papers + ")"
	}
	return "Bueno de Mesquita expected-utility model, replicating the published runs (" + m.Cite().Papers + ")"
}

// Title is the profile's plain name (model.Titled).
func (m Model) Title() string {
	if m.Profile == Paper {
		return "Bueno de Mesquita expected utility, the paper's equations"
	}
	return "Bueno de Mesquita expected utility"
}

// Cite implements model.Cited: the papers, and the equations (by the
// package doc's numbers) an explanation of the profile's rounds rests on.
func (m Model) Cite() model.Citation {
	c := model.Citation{Papers: "Bueno de Mesquita 1994, ch. 4; Scholz, Calbert & Smith 2011", Section: "bdm — Bueno de Mesquita's expected-utility model",
		Equations: "(E9R) P, the chance of winning, (E10) the expected utility of a challenge, (E13) the risk exponent r, (E14–E15) the offers taken"}
	if m.Profile == Paper {
		c.Equations = "(E9) P, the chance of winning, (E10) the expected utility of a challenge, (E13) the risk exponent r, (E14–E16) the offers taken"
	}
	return c
}

// Detail is the model-specific output in Result.Detail.
type Detail struct {
	Profile string
	Issues  []IssueDetail
}

// IssueDetail is the per-issue detail: Δ, where the run stopped, and for
// every round (aligned with IssueResult.Rounds[1:]) the risk exponents and
// the offers taken.
type IssueDetail struct {
	Issue     string
	Delta     float64
	StopRound int
	// Stopped is true when the median settled (§3.11) before the cap.
	Stopped bool
	Rounds  []RoundDetail
}

// RoundDetail is what happened in one round.
type RoundDetail struct {
	Round int
	// Risk is r_i (E13) aligned with Problem.Actors, NaN when absent.
	Risk []float64
	// Moves lists the actors that took an offer, in actor order.
	Moves []Move
}

// Move is one actor accepting one offer.
type Move struct {
	Actor, With int    // indices into Problem.Actors
	Kind        string // "conflict", "compromise" or "capitulate"
	A, B        float64
	From, To    float64
}

var kindName = [...]string{none: "", conflict: "conflict", compromise: "compromise", capitulate: "capitulate"}

func (m Model) params() (q, t float64, err error) {
	q, t = 1, 1
	if m.Q != nil {
		q = *m.Q
	}
	if m.T != nil {
		t = *m.T
	}
	if !(q >= 0 && q <= 1) || !(t >= 0 && t <= 1) {
		return 0, 0, errs.New(errs.Invalid, "bdm: Q = %v and T = %v must both lie in 0–1", q, t)
	}
	if !(m.Tau >= 0) || math.IsInf(m.Tau, 0) || !(m.Delta >= 0) || math.IsInf(m.Delta, 0) {
		return 0, 0, errs.New(errs.Invalid, "bdm: Tau = %v and Delta = %v must be finite and ≥ 0", m.Tau, m.Delta)
	}
	return q, t, nil
}

var _ model.PointForecaster = Model{}

var _ model.IssueLocal = Model{}

// ReadsIssueAlone implements model.IssueLocal, in both profiles: each
// issue's rounds run on its own column (issue): the capabilities,
// positions and saliences of the actors present on it, Δ from their
// positions or the issue's scale, and nothing of another issue.
func (Model) ReadsIssueAlone() {}

// Forecast implements model.Model. Each issue runs on its own with the
// actors present on it; issues run in parallel.
func (m Model) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	res := &model.Result{Model: m.Name(), Issues: make([]model.IssueResult, len(p.Issues))}
	det := &Detail{Profile: m.Profile.String(), Issues: make([]IssueDetail, len(p.Issues))}
	notes := make([]model.Note, len(p.Issues))
	err := m.runIssues(ctx, p, o, func(k int) issueOut {
		return issueOut{ir: &res.Issues[k], id: &det.Issues[k], note: &notes[k]}
	})
	if err != nil {
		return nil, err
	}
	for _, n := range notes {
		if n.Parts != nil {
			res.Notes = append(res.Notes, n)
		}
	}
	res.Detail = det
	return res, nil
}

// PointForecast implements model.PointForecaster: the issues' forecasts
// into dst (one per issue), without the rounds, details and notes.
func (m Model) PointForecast(ctx context.Context, p *model.Problem, o model.Options, dst []float64) error {
	if err := p.Check(); err != nil {
		return err
	}
	if len(dst) < len(p.Issues) {
		return errs.New(errs.Internal, "bdm: PointForecast needs room for %d forecasts, has %d", len(p.Issues), len(dst))
	}
	return m.runIssues(ctx, p, o, func(k int) issueOut { return issueOut{forecast: &dst[k]} })
}

var _ model.SettlingForecaster = Model{}

// PointForecastSettling implements model.SettlingForecaster:
// PointForecast's forecasts and, in prev, each issue's median one round
// before the last, as Forecast's rounds give it bit for bit (a run that
// cycles is stopped as in PointForecast, and the round before the last
// read from the cycle).
func (m Model) PointForecastSettling(ctx context.Context, p *model.Problem, o model.Options, dst, prev []float64) error {
	if err := p.Check(); err != nil {
		return err
	}
	if len(dst) < len(p.Issues) || len(prev) < len(p.Issues) {
		return errs.New(errs.Internal, "bdm: PointForecastSettling needs room for %d forecasts and as many before the last, has %d and %d", len(p.Issues), len(dst), len(prev))
	}
	return m.runIssues(ctx, p, o, func(k int) issueOut { return issueOut{forecast: &dst[k], before: &prev[k]} })
}

// issueOut is where issue writes its outcome: the whole trace (ir, id,
// note), or only the forecast and, if before is not nil, the median of
// the round before the last.
type issueOut struct {
	ir       *model.IssueResult
	id       *IssueDetail
	note     *model.Note
	forecast *float64
	before   *float64
}

// runIssues runs every issue of p, writing to out(k).
func (m Model) runIssues(ctx context.Context, p *model.Problem, o model.Options, out func(k int) issueOut) error {
	q, t, err := m.params()
	if err != nil {
		return err
	}
	maxR := DefaultMaxRounds
	if m.MaxRounds > 0 {
		maxR = m.MaxRounds
	}
	if o.MaxRounds > 0 {
		maxR = o.MaxRounds
	}
	fixed := o.Rounds > 0
	if fixed {
		maxR = o.Rounds
	}
	errsK := make([]error, len(p.Issues))
	run := func(k int, ws *workspace) {
		errsK[k] = m.issue(ctx, p, k, q, t, maxR, fixed, o.NoTrace, ws, out(k))
	}
	// Issues are independent and each writes its own slots, so the result
	// does not depend on how they are spread over goroutines. Small
	// problems run in the caller's goroutine: a Monte Carlo sweep already
	// keeps every core busy with draws, and starting goroutines would cost
	// more than the work.
	workers := min(runtime.GOMAXPROCS(0), len(p.Issues))
	if workers <= 1 || work(p) < parallelWork {
		ws := pool.Get().(*workspace)
		for k := range p.Issues {
			if run(k, ws); errsK[k] != nil {
				break
			}
		}
		pool.Put(ws)
	} else {
		var next atomic.Int64
		parallel.Run(workers, func(int) {
			ws := pool.Get().(*workspace) // one set of buffers per worker, reused across issues
			defer pool.Put(ws)
			for {
				k := int(next.Add(1) - 1)
				if k >= len(p.Issues) {
					return
				}
				run(k, ws)
			}
		})
	}
	for _, err := range errsK {
		if err != nil {
			return err
		}
	}
	return nil
}

// pool recycles workspaces across forecasts (a sweep runs thousands).
var pool = sync.Pool{New: func() any { return new(workspace) }}

// parallelWork is the size (Σ over issues of n², n actors on the issue)
// from which Forecast spreads issues over goroutines.
const parallelWork = 20000

// work is Σ_k n_k², the problem's cost per round up to a constant.
func work(p *model.Problem) int {
	total := 0
	for k := range p.Issues {
		n := 0
		for i := range p.Actors {
			if p.Stances[i][k].Present {
				n++
			}
		}
		total += n * n
	}
	return total
}

// issue runs the rounds of issue k.
func (m Model) issue(ctx context.Context, p *model.Problem, k int, q, t float64, maxR int, fixed, noTrace bool, ws *workspace, out issueOut) error {
	ir, id, note := out.ir, out.id, out.note
	is := p.Issues[k]
	// The issue's column, in the workspace's buffers (p.Column without
	// the allocations).
	ws.idx = ws.idx[:0]
	ws.capab, ws.x0, ws.sal = ws.capab[:0], ws.x0[:0], ws.sal[:0]
	for i := range p.Actors {
		if st := p.Stances[i][k]; st.Present {
			ws.idx = append(ws.idx, i)
			ws.capab, ws.x0, ws.sal = append(ws.capab, p.Actors[i].Capability), append(ws.x0, st.Position), append(ws.sal, st.Salience)
		}
	}
	idx, capab, x, sal := ws.idx, ws.capab, ws.x0, ws.sal
	ws.lcache = false // the log tables of another issue's last round are stale
	ws.geoReady = false
	ws.col = column{s: sal, paper: m.Profile == Paper, q: q, t: t, w: grow(&ws.w, len(idx)), ws: ws, reference: m.formula != auto}
	c := &ws.col
	for j := range idx {
		c.w[j] = capab[j] * sal[j]
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	switch {
	case m.Delta > 0:
		c.delta = m.Delta
	case m.ScaleDelta:
		c.delta = is.Max - is.Min
	default:
		c.delta = hi - lo
	}
	if c.delta < hi-lo {
		// E4–E7 need d = |x_i − x_j|/Δ ≤ 1 (else 0.5 − 0.5d < 0 has no real power)
		return errs.New(errs.Invalid, "bdm: Δ = %v on issue %s is smaller than the spread of the positions (%v); set Delta to at least %v", c.delta, is.ID, hi-lo, hi-lo)
	}
	prob := probFast
	if m.formula == viaDirect || (m.formula == auto && len(idx) <= DirectMaxActors) {
		prob = probDirect
	}
	mu := c.regroup(x)
	if out.forecast != nil {
		// Only the forecast: no rounds, no details. A round depends on
		// the positions alone, so once they repeat those of p rounds
		// before (p = 1, 2, 3), the run is periodic: positions and
		// medians cycle, no later round can stop it (each stop test
		// repeats one that failed), and the forecast is the median of
		// the round maxR falls on in the cycle, the round before the
		// last's that of round maxR − 1. The loop runs at least one
		// round, so mus holds two medians or more.
		mus := append(ws.mus[:0], mu)
		hist := &ws.hist
		hist[0] = append(hist[0][:0], x...)
		before := -1 // the round before the last, in mus
		for r := 1; r <= maxR; r++ {
			if err := ctx.Err(); err != nil {
				return errs.Wrap(errs.Internal, err)
			}
			x = c.step(x, prob).next
			ws.lcache = true
			prev := mu
			mu = c.regroup(x)
			mus = append(mus, mu)
			if !fixed && math.Abs(mu-prev) <= m.Tau*c.delta {
				break
			}
			if p := period(hist, r, x); p > 0 {
				mu = mus[r-p+(maxR-r)%p]
				// round t > r has round r − p + (t − r + p) mod p's median
				if before = maxR - 1; before > r {
					before = r - p + (before-r+p)%p
				}
				break
			}
			hist[r%3] = append(hist[r%3][:0], x...)
		}
		ws.mus = mus
		*out.forecast = mu
		if out.before != nil {
			if before < 0 {
				before = len(mus) - 2
			}
			*out.before = mus[before]
		}
		return nil
	}
	mean := model.WeightedMean(x, c.w)
	ir.Issue = is.ID
	ir.Rounds = []model.Round{{Round: 0, Positions: p.Spread(k, idx, x), Forecast: mu,
		Values: map[string]float64{"mean": mean, "median": mu}}}
	id.Issue, id.Delta = is.ID, c.delta
	stop := maxR
	for r := 1; r <= maxR; r++ {
		if err := ctx.Err(); err != nil {
			return errs.Wrap(errs.Internal, err)
		}
		in := c.step(x, prob)
		ws.lcache = true // the next round may reuse this one's logarithms
		old := x
		x = in.next
		prev := mu
		mu = c.regroup(x)
		mean = model.WeightedMean(x, c.w)
		last := r == maxR
		if !fixed && math.Abs(mu-prev) <= m.Tau*c.delta {
			stop, id.Stopped, last = r, true, true
		}
		if noTrace && !last {
			continue // only round 0 and the last round are kept
		}
		rd := model.Round{Round: r, Positions: p.Spread(k, idx, x), Forecast: mu,
			Values: map[string]float64{"mean": mean, "median": mu}}
		det := RoundDetail{Round: r, Risk: p.Spread(k, idx, in.r)}
		moves := 0
		for _, kd := range in.kind {
			if kd != none {
				moves++
			}
		}
		if moves > 0 {
			det.Moves = make([]Move, 0, moves)
		}
		for i, kd := range in.kind {
			if kd != none {
				j := in.with[i]
				det.Moves = append(det.Moves, Move{Actor: idx[i], With: idx[j], Kind: kindName[kd],
					A: in.offerA(i, j), B: in.offerB(i, j), From: old[i], To: x[i]})
			}
		}
		ir.Rounds = append(ir.Rounds, rd)
		id.Rounds = append(id.Rounds, det)
		if last {
			break
		}
	}
	id.StopRound = stop
	ir.Forecast = mu
	ir.Values = map[string]float64{"mean": mean, "median": mu, "stop_round": float64(stop)}
	if !fixed && !id.Stopped {
		*note = MovingNote(is.ID, maxR)
	}
	if id.Stopped && stop < maxR {
		*note = m.restNote(ctx, c, is, x, prob, mu, stop, maxR)
	}
	return nil
}

// MovingNote is the note on an issue whose median was still moving at
// the cap of rounds: the forecast is the last round's median. Where the
// answer's warning says the forecast did not settle on the issue (which
// names the range and any cycle), that warning carries the fact and the
// answer leaves this note out (ask's convert).
func MovingNote(issue string, rounds int) model.Note {
	return model.IssueNote(issue, model.Words(fmt.Sprintf("the median was still moving after %d rounds (forecast = median at round %d)", rounds, rounds)))
}

// restNote runs on, past the round stop at which §3.11's rule stopped the
// run, to the cap maxR, from the positions x the run stopped at, keeping
// nothing but the medians (at is the stopping round's): the forecast stays the stopping round's median
// (the model as specified), but when a later round's median leaves it by
// more than the rule's τ·Δ, the note says how the run stopped and that
// more rounds leave that point, so that "settled" is not read as at rest.
// No note (the zero Note) when the median stays to the cap (or ctx is
// cancelled: the caller sees ctx's error at its next check).
func (m Model) restNote(ctx context.Context, c *column, is model.Issue, x []float64, prob probFunc, at float64, stop, maxR int) model.Note {
	tol := m.Tau * c.delta
	width := is.Max - is.Min
	left, lo, hi := 0, math.Inf(1), math.Inf(-1)
	var leftAt float64
	for r := stop + 1; r <= maxR; r++ {
		if ctx.Err() != nil {
			return model.Note{}
		}
		x = c.step(x, prob).next
		mu := c.regroup(x)
		lo, hi = math.Min(lo, mu), math.Max(hi, mu)
		if left == 0 && math.Abs(mu-at) > tol && !model.Settled(mu, at, width) {
			left, leftAt = r, mu
		}
	}
	if left == 0 {
		return model.Note{}
	}
	d := scenario.ScaleDecimals(is.Min, is.Max)
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', d, 64) }
	rule := fmt.Sprintf("the default stopping rule (§3.11, τ = 0: the median repeated once, %s at rounds %d and %d)", num(at), stop-1, stop)
	if m.Tau > 0 {
		rule = fmt.Sprintf("the stopping rule (§3.11, τ = %v: the median moved by at most τ·Δ = %s from round %d to %d)", m.Tau, num(tol), stop-1, stop)
	}
	// Where those rounds' medians are one point (the run came to rest
	// there) it is named; else their range, by the rule every range of a
	// moving value is written by (never as a point: "69.0–69.0").
	span := "at " + num(lo)
	if !model.Settled(lo, hi, width) {
		span = "within " + scenario.RangeText(lo, hi, d, scenario.FixedText)
	}
	return model.IssueNote(is.ID, model.Words(fmt.Sprintf("stopped at round %d by %s, not at rest: more rounds leave that point (round %d: %s; rounds %d–%d, to the cap, %s); the forecast is round %d's median",
		stop, rule, left, num(leftAt), stop+1, maxR, span, stop)))
}

// step runs one round: leanRound in the replication profile with Q = 1,
// round otherwise (and when a test forces a formulation of P).
func (c *column) step(x []float64, prob probFunc) *internals {
	if !c.paper && c.q == 1 && !c.reference {
		return c.leanRound(x)
	}
	return c.round(x, prob)
}

// offerA and offerB are the (a, b) of the offer actor i took from j.
func (in *internals) offerA(i, j int) float64 {
	if in.a == nil {
		return in.ca[i]
	}
	return in.a[i][j]
}

func (in *internals) offerB(i, j int) float64 {
	if in.b == nil {
		return in.cb[i]
	}
	return in.b[i][j]
}

// period returns the smallest p in 1–3 such that the positions x of
// round r equal those of round r − p (kept in hist[(r−p)%3]), or 0.
func period(hist *[3][]float64, r int, x []float64) int {
	for p := 1; p <= 3 && r-p >= 0; p++ {
		if slices.Equal(hist[(r-p)%3], x) {
			return p
		}
	}
	return 0
}

// regroup groups positions x (a round's new ones, or the first) once, for
// their median, which it returns, and for the next round, which reuses
// the grouping (ws.geo, while ws.geoReady is set).
func (c *column) regroup(x []float64) float64 {
	ws := c.ws
	ws.geo.group(x)
	ws.geoX = x
	mu := c.median(x)
	ws.geoReady = true
	return mu
}
