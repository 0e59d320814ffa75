package sweep

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"parley/errs"
	"parley/mcerr"
	"parley/model"
)

// Options control a Monte Carlo run. The zero value draws 1,000 samples
// from triangular distributions with seed 0 on every core.
type Options struct {
	// Draws is the number of samples (default 1,000).
	Draws int
	// Seed selects the random streams.
	Seed uint64
	// Uniform samples each input uniformly on its range instead of from the
	// triangular distribution whose mode is the stated value.
	Uniform bool
	// Workers is the number of goroutines (default GOMAXPROCS). It never
	// changes the result.
	Workers int
	// Model holds the options passed to the model on every draw.
	Model model.Options
	// Progress, if set, is called (from any goroutine) after each draw
	// with the number of draws done so far.
	Progress func(done int)
}

func (o *Options) defaults() {
	if o.Draws <= 0 {
		o.Draws = 1000
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	o.Workers = min(o.Workers, o.Draws) // a worker without a draw only waits
	o.Model.NoTrace = true
}

// baseOptions are the options of Run's run at the stated values
// (Result's Base), from o with its defaults: o's model options with the
// trace kept, as a forecast keeps it, and with as many goroutines as the
// draws use together (o.Workers), since that run has them to itself
// before the draws start. Neither changes a forecast: a run without its
// trace forecasts what a traced one does, and model.Options.Workers
// never changes a result.
func baseOptions(o Options) model.Options {
	mo := o.Model
	mo.NoTrace = false
	mo.Workers = o.Workers
	return mo
}

// Result is the outcome of a Monte Carlo run.
type Result struct {
	Model string `json:"model"`
	// Requested is the number of draws asked for; Draws the number done.
	Requested   int  `json:"requested"`
	Draws       int  `json:"draws"`
	Interrupted bool `json:"interrupted"`
	// UnsettledDraws is how many of the draws done gave a forecast that
	// had not come to rest on at least one issue (model.Settled on its
	// last two rounds, model.ForecastsSettling): such a draw's forecast
	// is its last round's point of a forecast still moving.
	UnsettledDraws int `json:"unsettled_draws"`
	// MemberFailedDraws is, for a model that combines others (the
	// ensemble; model.CombiningForecaster), how many of the draws done
	// had a member fail on at least one issue: such a draw's forecast of
	// that issue is the other members' alone, not the combination's.
	// Each issue's MemberFailures says which members, how often. 0 for
	// every other model.
	MemberFailedDraws int            `json:"member_failed_draws"`
	Seed              uint64         `json:"seed"`
	Distribution      string         `json:"distribution"`
	Inputs            []Input        `json:"inputs"`
	Issues            []IssueSummary `json:"issues"`
	// Samples[d][j] is input j's value in draw d and Forecasts[d][k] issue
	// k's forecast, for the draws done, in draw order.
	Samples   [][]float64 `json:"-"`
	Forecasts [][]float64 `json:"-"`
	// Predictive[d][k] is issue k's predictive distribution in draw d,
	// for a model that gives one (else nil).
	Predictive [][]*model.Predictive `json:"-"`
	// Base is the model's run at the stated values, with its trace, as a
	// forecast runs it (baseOptions): the run each issue's Base is the
	// forecast of. The draws keep no rounds and no notes; Base has both,
	// so a caller can say whether the forecast at the stated values
	// settled and what the model said about that run without running it
	// again.
	Base *model.Result `json:"-"`
}

// IssueSummary is the distribution of one issue's forecast.
type IssueSummary struct {
	Issue string `json:"issue"`
	Name  string `json:"name"`
	// Base is the forecast at the stated values.
	Base float64 `json:"base"`
	// BaseText is Base as every door writes it, a forecast's point
	// (ask.PointText): at the issue's decimals, or with the digits that
	// tell which side of a red line it crosses it falls ("5.98", not
	// "6.0", beside ">= 6"); written by ask, omitted where the run at
	// the stated values did not settle.
	BaseText string  `json:"base_text,omitempty"`
	Mean     float64 `json:"mean"`
	SD       float64 `json:"sd"`
	Median   float64 `json:"median"`
	// Lo80–Hi80 and Lo95–Hi95 are the central 80% and 95% intervals.
	Lo80 float64 `json:"lo80"`
	Hi80 float64 `json:"hi80"`
	Lo95 float64 `json:"lo95"`
	Hi95 float64 `json:"hi95"`
	// IntervalText writes both intervals as every door writes an
	// interval, in the issue's decimals (ask.SweepIntervalText): "80%
	// 45.3–54.2, 95% 40.1–60.0"; written by ask.
	IntervalText string `json:"interval_text,omitempty"`
	// InputsText is the issue's line on the spread of the forecast over
	// the inputs, as every door writes it (ask.SweepInputsText): "Forecast
	// over the inputs: median 50.0, mean 49.8, sd 3.2; 80% 45.3–54.2, 95%
	// 40.1–60.0"; written by ask, omitted in an answer stored before it
	// was carried.
	InputsText string `json:"inputs_text,omitempty"`
	// Fixed is true when no ranged input touches this issue in the
	// model (Touches) and so every draw gave the forecast at the stated
	// values: the intervals are a point because nothing that moves the
	// forecast was given a range, not because the inputs' doubt leaves
	// it where it is. A range that touches the issue but does not move
	// it leaves Fixed false.
	Fixed bool `json:"fixed,omitempty"`
	// FixedText is what every door says at a fixed issue: its interval
	// is a point, not a certainty (ask.SweepFixedText; "" when not
	// fixed).
	FixedText string `json:"fixed_text,omitempty"`
	// OutsideText is the clause the issue's histogram adds to its
	// caption where the forecast at the stated values lies outside the
	// 80% interval (ask.SweepOutsideText), written by ask; "" where it
	// lies inside. An answer stored before it was carried gets it when
	// read back from the server (ask.StoredSweepTexts).
	OutsideText string `json:"outside_text,omitempty"`
	// UnsettledDraws is how many of the draws done gave a forecast of
	// this issue that had not come to rest (Result.UnsettledDraws), and
	// LastStepMax the most any of them moved in its last round and
	// LastStepMedian the median of their last steps, on the issue's scale
	// (0 when none): how much of a draw's point is the model's own
	// movement, and whether a large step is typical or rare, which the
	// count alone does not say. A last round's step is no bound on how
	// far the forecast would still move.
	UnsettledDraws int     `json:"unsettled_draws"`
	LastStepMax    float64 `json:"last_step_max"`
	LastStepMedian float64 `json:"last_step_median"`
	// DrawsUnsettledText says UnsettledDraws, LastStepMax and
	// LastStepMedian in the line every door gives under the issue
	// (ask.DrawsUnsettledText), written by ask; omitted when no draw is
	// unsettled.
	DrawsUnsettledText string `json:"draws_unsettled_text,omitempty"`
	// MemberFailures counts, for each member of a combining model that
	// failed on this issue in some draws (Result.MemberFailedDraws), those
	// draws, by the member's name; omitted when none.
	MemberFailures []MemberFailures `json:"member_failures,omitempty"`
	// Hist counts the forecasts in equal bins across the issue's scale.
	Hist []Bin `json:"histogram"`
	// Bands give the probability of landing nearest each labelled option.
	Bands []Band `json:"bands,omitempty"`
	// LikeliestText names the option (the options, on a tie) the most
	// draws land nearest, with their share (ask.SweepLikeliestText),
	// written by ask; omitted without Bands, and in an answer stored
	// before it was carried.
	LikeliestText string `json:"likeliest_text,omitempty"`
	// Combined adds the model's own error on real outcomes to the spread
	// of the inputs, for models that give a predictive distribution;
	// omitted for the others.
	Combined *Combined `json:"combined,omitempty"`
}

// Combined is where the outcome may land when both sources of doubt are
// counted: the stated input ranges (the draws) and the model's error on
// real outcomes (each draw's predictive distribution, model.Predictive).
// Its distribution is the mixture over the draws of each draw's
// predictive distribution, F(x) = (1/D) Σ_d F_d(x), and by the law of
// total variance
//
//	Var = (1/D) Σ_d Var_d  +  Var_d(mean_d)                             (C1)
//
// the first term from the model's error (SDModel²), the second from the
// inputs (SDInputs²).
type Combined struct {
	// Lo80–Hi95 are the mixture's intervals, at the tail levels of the
	// model's own 80% and 95% intervals (model.Predictive.Tau80, Tau95).
	Lo80 float64 `json:"lo80"`
	Hi80 float64 `json:"hi80"`
	Lo95 float64 `json:"lo95"`
	Hi95 float64 `json:"hi95"`
	// SD is the mixture's standard deviation, SDInputs and SDModel the
	// square roots of the two terms of (C1).
	SD       float64 `json:"sd"`
	SDInputs float64 `json:"sd_inputs"`
	SDModel  float64 `json:"sd_model"`
	// ShareInputs and ShareModel are the two terms' shares of the
	// variance (they sum to 1; both 0 when the variance is 0).
	ShareInputs float64 `json:"share_inputs"`
	ShareModel  float64 `json:"share_model"`
	// ShareText is the split in words every door prints after the sd
	// ("97% inputs + 3% model error"), each share as a chance is written
	// (ask.VarianceSplitText; where the issue's draws did not vary, that
	// said beside the inputs' 0%, ask.StillSplitText, and where the
	// variance is 0, "none from the inputs nor from the model's error"):
	// written by ask; omitted in an answer
	// stored before it was carried.
	ShareText string `json:"share_text,omitempty"`
	// OutcomeText is the line every door prints on the outcome with the
	// model's error (ask.SweepOutcomeText): "Outcome, with the model's
	// error on real outcomes (approximate): 80% 40.2–59.8, 95% 35.0–65.1;
	// sd 7.4 = 97% inputs + 3% model error (of the variance)"; written by
	// ask, omitted in an answer stored before it was carried.
	OutcomeText string `json:"outcome_text,omitempty"`
}

// MemberFailures is how many runs of a model that combines others
// (model.CombiningForecaster) — a sweep's draws, or a sensitivity
// analysis's ends — had one member fail on one issue: in those runs the
// issue's forecast is the other members' alone.
type MemberFailures struct {
	Member string `json:"member"`
	Runs   int    `json:"runs"`
}

// Bin is one histogram bin [Lo, Hi) (the last bin is closed).
type Bin struct {
	Lo    float64 `json:"low"`
	Hi    float64 `json:"high"`
	Count int     `json:"count"`
	// Text is the bin's edges as every door writes them (ask.BinEdges:
	// the histogram's decimals and its one separator), written by ask;
	// omitted in an answer stored before it was carried.
	Text string `json:"text,omitempty"`
	// ShareText is the bin's share of the draws as every door writes it
	// (ask.BinShareText: a percent with one decimal by the one percent
	// rule), written by ask; omitted in an answer stored before it was
	// carried.
	ShareText string `json:"share_text,omitempty"`
}

// Band is the stretch of the scale nearer one labelled option than any
// other, with the probability the forecast lands in it and the
// probability it lands at or above the option's value.
type Band struct {
	Label    string  `json:"label"`
	Value    float64 `json:"value"`
	Lo       float64 `json:"low"`
	Hi       float64 `json:"high"`
	P        float64 `json:"p"`
	PAtLeast float64 `json:"p_at_least"`
	// PInterval and PAtLeastInterval are P's and PAtLeast's Wilson score
	// intervals at 95% (mcerr.Wilson) over the draws counted.
	PInterval        [2]float64 `json:"p_interval"`
	PAtLeastInterval [2]float64 `json:"p_at_least_interval"`
	// PText and PAtLeastText are P and PAtLeast with their intervals in
	// the words every door writes them in (ask.ProbabilityText:
	// "0.740 (0.712–0.766)"), written by ask; omitted by package sweep
	// and in an answer stored before the answers carried their words.
	PText        string `json:"p_text,omitempty"`
	PAtLeastText string `json:"p_at_least_text,omitempty"`
}

// HistBins is the number of histogram bins.
const HistBins = 20

// Run runs m once on p at the stated values, with its trace (Result's
// Base), samples every ranged input of p, runs m on each draw and
// summarises the forecasts, counting the draws whose forecast had not
// come to rest (model.ForecastsSettling, model.Settled) and, for a model
// that combines others, those in which a member failed
// (model.CombiningForecaster). A cancelled ctx stops it; the result then
// covers the draws done, with Interrupted set, and the error is nil.
func Run(ctx context.Context, m model.Model, p *model.Problem, o Options) (*Result, error) {
	o.defaults()
	if err := p.Check(); err != nil {
		return nil, err
	}
	base, err := model.Run(ctx, m, p.Clone(), baseOptions(o))
	if err != nil {
		return nil, fmt.Errorf("%s at the stated values: %w", m.Name(), err)
	}
	inputs := Inputs(p)
	res := &Result{Model: m.Name(), Requested: o.Draws, Seed: o.Seed, Inputs: inputs, Distribution: "triangular", Base: base}
	if o.Uniform {
		res.Distribution = "uniform"
	}
	draws := make([]drawn, o.Draws)
	dist := len(base.Issues) > 0 && base.Issues[0].Predictive != nil
	var next, done atomic.Int64
	var firstErr error
	var errOnce sync.Once
	var wg sync.WaitGroup
	for w := 0; w < o.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A draw that panics fails the sweep, not the process (a
			// server runs sweeps as jobs beside everything else).
			defer func() {
				if r := recover(); r != nil {
					errOnce.Do(func() { firstErr = errs.New(errs.Internal, "a draw panicked: %v", r) })
				}
			}()
			q := p.Clone()
			for {
				d := int(next.Add(1) - 1)
				if d >= o.Draws || ctx.Err() != nil {
					return
				}
				dr, err := draw(ctx, m, p, q, inputs, uint64(d), o, dist)
				if err != nil {
					if ctx.Err() != nil {
						return
					}
					errOnce.Do(func() { firstErr = fmt.Errorf("draw %d: %w", d, err) })
					return
				}
				draws[d] = dr
				n := done.Add(1)
				if o.Progress != nil {
					o.Progress(int(n))
				}
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	// Keep the draws done, in draw order.
	moving := make([][]float64, o.Draws)
	failed := make([][]model.MemberFailure, o.Draws)
	for d, dr := range draws {
		if dr.f != nil {
			res.Samples = append(res.Samples, dr.x)
			res.Forecasts = append(res.Forecasts, dr.f)
			if dist {
				res.Predictive = append(res.Predictive, dr.pr)
			}
			moving[d], failed[d] = dr.moving, dr.failed
		}
	}
	res.Draws = len(res.Forecasts)
	if res.Draws == 0 {
		return nil, ctx.Err()
	}
	res.Interrupted = res.Draws < o.Draws
	perIssue := make([]int, len(p.Issues))
	res.UnsettledDraws = countMoving(moving, perIssue)
	var members [][]MemberFailures
	res.MemberFailedDraws, members = CountFailed(failed, len(p.Issues))
	still := untouched(m, p, inputs)
	for k, is := range p.Issues {
		sum := summarise(is, base.Issues[k].Forecast, column(res.Forecasts, k))
		// Untouched, every draw is the stated values' run; the check
		// keeps a model that reads more than it says from being called
		// fixed.
		sum.Fixed = still[k] && sum.Lo95 == sum.Base && sum.Hi95 == sum.Base
		sum.UnsettledDraws = perIssue[k]
		sum.LastStepMax, sum.LastStepMedian = lastSteps(moving, k)
		sum.MemberFailures = members[k]
		if dist {
			sum.Combined = combine(res.Predictive, k, base.Issues[k].Predictive)
		}
		res.Issues = append(res.Issues, sum)
	}
	return res, nil
}

// countMoving counts the runs of moving (each issue's last step, 0 where
// it settled, MovingOf; nil for a run not done) that had not settled on
// at least one issue, and adds to perIssue[k] those that had not on
// issue k.
func countMoving(moving [][]float64, perIssue []int) int {
	n := 0
	for _, mv := range moving {
		some := false
		for k, m := range mv {
			if m != 0 {
				perIssue[k]++
				some = true
			}
		}
		if some {
			n++
		}
	}
	return n
}

// CountFailed counts the runs of failed (each run's members that failed,
// model.ForecastsSettling; nil for none, and for a run not done) in
// which a member failed on at least one issue, and gives for each of the
// issues the runs in which each member failed on it, by the member's
// name (nil for an issue on which none did). A member failing twice on
// an issue in one run (two members of one name) counts that run once.
// Run and Sensitivity count their draws and ends by it, and so can any
// other question that runs a model many times (advice's draws).
func CountFailed(failed [][]model.MemberFailure, issues int) (int, [][]MemberFailures) {
	n := 0
	per := make([][]MemberFailures, issues)
	for _, run := range failed {
		if len(run) == 0 {
			continue
		}
		n++
		for i, f := range run {
			if slices.ContainsFunc(run[:i], func(g model.MemberFailure) bool { return g == f }) {
				continue
			}
			on := per[f.Issue]
			j := slices.IndexFunc(on, func(c MemberFailures) bool { return c.Member == f.Member })
			if j < 0 {
				j = len(on)
				per[f.Issue] = append(on, MemberFailures{Member: f.Member})
			}
			per[f.Issue][j].Runs++
		}
	}
	for _, on := range per {
		slices.SortFunc(on, func(a, b MemberFailures) int { return strings.Compare(a.Member, b.Member) })
	}
	return n, per
}

// lastSteps returns StepStats of the last steps on issue k of the runs
// of moving that had not settled on it.
func lastSteps(moving [][]float64, k int) (most, median float64) {
	var steps []float64
	for _, mv := range moving {
		if mv != nil {
			steps = append(steps, mv[k])
		}
	}
	return StepStats(steps)
}

// StepStats returns the largest and the median (the mean of the middle
// two, for an even count) of the last steps of runs that had not settled
// (> 0), leaving out those that settled (0) and steps of unknown size
// (NaN); 0 and 0 when none. steps is left as it was.
func StepStats(steps []float64) (most, median float64) {
	var s []float64
	for _, x := range steps {
		if x > 0 {
			s = append(s, x)
		}
	}
	if len(s) == 0 {
		return 0, 0
	}
	sort.Float64s(s)
	n := len(s)
	return s[n-1], (s[(n-1)/2] + s[n/2]) / 2
}

// forecastsSettling runs m on q through model.ForecastsSettling and gives
// each issue's last step where its forecast had not come to rest, 0 where
// it had (MovingOf), and the members that failed, for a model that
// combines others (nil when none did).
func forecastsSettling(ctx context.Context, m model.Model, q *model.Problem, o model.Options) (f []float64, moving []float64, failed []model.MemberFailure, err error) {
	f, prev, failed, err := model.ForecastsSettling(ctx, m, q, o)
	if err != nil {
		return nil, nil, nil, err
	}
	return f, MovingOf(q, f, prev), failed, nil
}

// MovingOf gives, for each issue of q, its MovingStep: the last step
// |f[k] − prev[k]| where the last round's forecast f[k] and the round
// before's prev[k] differ, 0 where they settled.
func MovingOf(q *model.Problem, f, prev []float64) []float64 {
	moving := make([]float64, len(f))
	for k, is := range q.Issues {
		moving[k] = MovingStep(f[k], prev[k], is.Max-is.Min)
	}
	return moving
}

// MovingStep is the one definition of a forecast still moving: for an
// issue whose scale is width wide, whose last round's forecast is last
// and the round before's prev, it is the last step |last − prev| when
// they differ (model.Settled false; NaN when prev is NaN: a step of
// unknown size, counted but in no statistic of the steps), and 0 when
// they settled. A step that did not settle exceeds Settled's tolerance,
// so it is never 0: a run had not settled on an issue when its value is
// not 0. A caller that reads a few issues of many draws (advice) asks
// it issue by issue rather than allocate MovingOf's slice each draw.
func MovingStep(last, prev, width float64) float64 {
	if model.Settled(last, prev, width) {
		return 0
	}
	return math.Abs(last - prev)
}

// drawn is one draw: the inputs' values drawn (x), the forecasts (f),
// each issue's last step where its forecast had not settled (moving,
// MovingOf), the members that failed, for a model that combines others
// (model.ForecastsSettling; nil when none did), and, for a model that
// gives one, each issue's predictive distribution (pr).
type drawn struct {
	x, f, moving []float64
	failed       []model.MemberFailure
	pr           []*model.Predictive
}

// draw runs draw d: q is reset to p, every input is sampled from the
// stream PCG(seed, d) in Inputs order, and m is run on q. With dist, it
// keeps the model's predictive distributions.
//
// The forecasts come from model.ForecastsSettling or, with dist, from
// the Result of model.Run without its trace, which keeps round 0 and the
// last round only. A Result with no round before the last on any issue
// (snap's and compromise-band's: one round) has settled; a model that
// gives a distribution and moves in rounds, or combines others, is run
// again through ForecastsSettling for its rounds before the last and its
// failed members, its forecasts and distributions still the first run's.
func draw(ctx context.Context, m model.Model, p, q *model.Problem, inputs []Input, d uint64, o Options, dist bool) (drawn, error) {
	x := Sample(q, p, inputs, o.Seed, d, o.Uniform)
	if !dist {
		f, moving, failed, err := forecastsSettling(ctx, m, q, o.Model)
		if err != nil {
			return drawn{}, err
		}
		return drawn{x: x, f: f, moving: moving, failed: failed}, nil
	}
	r, err := model.Run(ctx, m, q, o.Model)
	if err != nil {
		return drawn{}, err
	}
	out := drawn{x: x, f: make([]float64, len(q.Issues)), pr: make([]*model.Predictive, len(q.Issues))}
	_, again := m.(model.CombiningForecaster)
	for k := range r.Issues {
		out.f[k], out.pr[k] = r.Issues[k].Forecast, r.Issues[k].Predictive
		if out.pr[k] == nil {
			return drawn{}, fmt.Errorf("%s gave a distribution at the stated values but none for issue %s in this draw", m.Name(), q.Issues[k].ID)
		}
		again = again || len(r.Issues[k].Rounds) >= 2
	}
	out.moving = make([]float64, len(q.Issues))
	if again {
		_, prev, failed, err := model.ForecastsSettling(ctx, m, q, o.Model)
		if err != nil {
			return drawn{}, err
		}
		out.moving, out.failed = MovingOf(q, out.f, prev), failed
	}
	return out, nil
}

// combine summarises issue k of the draws' predictive distributions
// (Combined); base gives the tail levels.
func combine(preds [][]*model.Predictive, k int, base *model.Predictive) *Combined {
	ds := make([]*model.Predictive, len(preds))
	var atoms []float64
	for d := range preds {
		ds[d] = preds[d][k]
		for _, a := range ds[d].Atoms {
			atoms = append(atoms, a.Value)
		}
	}
	n := float64(len(ds))
	cdf := func(x float64) float64 {
		s := 0.0
		for _, d := range ds {
			s += d.CDF(x)
		}
		return s / n
	}
	lo, hi := base.Min, base.Max
	scale := hi - lo
	// quantile: the smallest x with F(x) ≥ q, by bisection, moved onto an
	// atom the bisection closed in on.
	quantile := func(q float64) float64 {
		if cdf(lo) >= q {
			return lo
		}
		a, b := lo, hi
		for b-a > 1e-10*scale {
			mid := (a + b) / 2
			if cdf(mid) >= q {
				b = mid
			} else {
				a = mid
			}
		}
		for _, v := range atoms {
			if math.Abs(v-b) <= 1e-8*scale && cdf(v) >= q {
				return v
			}
		}
		return b
	}
	t80, t95 := base.Tau80, base.Tau95
	if t80 <= 0 {
		t80 = 0.1
	}
	if t95 <= 0 {
		t95 = 0.025
	}
	c := &Combined{Lo80: quantile(t80), Hi80: quantile(1 - t80), Lo95: quantile(t95), Hi95: quantile(1 - t95)}
	var means []float64
	var within float64
	for _, d := range ds {
		m, v := d.Moments()
		means = append(means, m)
		within += v
	}
	within /= n
	// The means' spread about the first, so that draws that did not vary
	// give a between term of exactly 0, where the rounding of their sum
	// and its mean left ≈ 1e-30 that read "<0.0001% inputs".
	mu := 0.0
	for _, m := range means {
		mu += m - means[0]
	}
	mu /= n
	between := 0.0
	for _, m := range means {
		between += (m - means[0] - mu) * (m - means[0] - mu)
	}
	between /= n
	total := within + between
	c.SD, c.SDInputs, c.SDModel = math.Sqrt(total), math.Sqrt(between), math.Sqrt(within)
	if total > 0 {
		c.ShareInputs, c.ShareModel = between/total, within/total
	}
	return c
}

// reset copies p's values into q (same shape).
func reset(q, p *model.Problem) {
	copy(q.Actors, p.Actors)
	for i := range p.Stances {
		copy(q.Stances[i], p.Stances[i])
	}
}

func column(rows [][]float64, k int) []float64 {
	out := make([]float64, len(rows))
	for d := range rows {
		out[d] = rows[d][k]
	}
	return out
}

// quantile returns the q-quantile of sorted xs by linear interpolation
// between order statistics (Hyndman & Fan type 7).
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	h := q * float64(len(xs)-1)
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[i] + (h-lo)*(xs[i+1]-xs[i])
}

func summarise(is model.Issue, base float64, f []float64) IssueSummary {
	s := IssueSummary{Issue: is.ID, Name: is.Name, Base: base}
	xs := append([]float64(nil), f...)
	sort.Float64s(xs)
	n := float64(len(xs))
	// Sum deviations from the median, so that equal forecasts give their
	// value exactly and a spread of zero.
	shift := xs[len(xs)/2]
	for _, x := range xs {
		s.Mean += x - shift
	}
	s.Mean = shift + s.Mean/n
	for _, x := range xs {
		s.SD += (x - s.Mean) * (x - s.Mean)
	}
	if len(xs) > 1 {
		s.SD = math.Sqrt(s.SD / (n - 1))
	} else {
		s.SD = 0
	}
	s.Median = quantile(xs, 0.5)
	s.Lo80, s.Hi80 = quantile(xs, 0.10), quantile(xs, 0.90)
	s.Lo95, s.Hi95 = quantile(xs, 0.025), quantile(xs, 0.975)
	w := (is.Max - is.Min) / HistBins
	s.Hist = make([]Bin, HistBins)
	for b := range s.Hist {
		s.Hist[b] = Bin{Lo: is.Min + float64(b)*w, Hi: is.Min + float64(b+1)*w}
	}
	for _, x := range xs {
		b := int((x - is.Min) / w)
		b = max(0, min(HistBins-1, b))
		s.Hist[b].Count++
	}
	for j, a := range is.Anchors {
		band := Band{Label: a.Label, Value: a.Value, Lo: is.Min, Hi: is.Max}
		if j > 0 {
			band.Lo = (is.Anchors[j-1].Value + a.Value) / 2
		}
		if j+1 < len(is.Anchors) {
			band.Hi = (a.Value + is.Anchors[j+1].Value) / 2
		}
		var in, atLeast int
		for _, x := range xs {
			// Bands are [Lo, Hi) except the last, which is closed.
			if x >= band.Lo && (x < band.Hi || j+1 == len(is.Anchors)) {
				in++
			}
			if x >= a.Value {
				atLeast++
			}
		}
		band.P, band.PAtLeast = float64(in)/n, float64(atLeast)/n
		band.PInterval, band.PAtLeastInterval = mcerr.Wilson(in, len(xs)), mcerr.Wilson(atLeast, len(xs))
		s.Bands = append(s.Bands, band)
	}
	return s
}
