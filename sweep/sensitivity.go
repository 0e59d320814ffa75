package sweep

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"sync/atomic"

	"parley/errs"
	"parley/mcerr"
	"parley/model"
	"parley/parallel"
	"parley/scenario"
)

// Swing is what one input does to one issue's forecast.
type Swing struct {
	Input Input `json:"input"`
	// Low and High are the forecasts with the input at the low and the
	// high end of its range, every other input at its stated value; nil
	// (null) at an end where the model refused the problem (FailedAtLow,
	// FailedAtHigh say why).
	Low  *float64 `json:"forecast_at_low"`
	High *float64 `json:"forecast_at_high"`
	// Swing is |High − Low|, and also the widest move between Low, High
	// and the base forecast when the model is not monotone in the input.
	// With one end missing (OneEnded) it is the move between the base
	// and the end that ran: the swing over the part of the range the
	// model can forecast, never more than the whole swing would be.
	Swing float64 `json:"swing"`
	// VarShare is the share of the Monte Carlo forecast's variance the
	// input explains on its own (first-order index; see Sensitivity),
	// an estimate from the draws, and VarShareInterval its 95% bootstrap
	// percentile interval (ShareReplicates resamples of the draws).
	VarShare         float64    `json:"variance_share"`
	VarShareInterval [2]float64 `json:"variance_share_interval"`
	// LowUnsettled and HighUnsettled are true when the forecast at the
	// low or the high end had not come to rest (model.Settled): Low or
	// High is then a last round's point of a forecast still moving.
	LowUnsettled  bool `json:"unsettled_at_low,omitempty"`
	HighUnsettled bool `json:"unsettled_at_high,omitempty"`
	// FailedAtLow and FailedAtHigh are what the model said when it
	// refused the problem with the input at that end (an input whose low
	// end leaves an issue no weight: a salience range that starts at 0
	// on an issue only that stance weighs); "" when it gave a forecast
	// there. The model refuses a whole problem, so an end missing from
	// one issue's tornado is missing from every issue's.
	FailedAtLow  string `json:"failed_at_low,omitempty"`
	FailedAtHigh string `json:"failed_at_high,omitempty"`
	// BaseOutside is true when the model gave a forecast at both ends and
	// the base forecast (every input at its stated value) lies outside
	// Low → High by more than the issue's scale shows
	// (scenario.ShownStep): the model is not monotone in the input, and
	// Swing, the widest move, runs from the base to the farther end, not
	// from Low to High. The doors mark such a swing, so that "50.0 →
	// 50.0" beside a swing of 25.3 does not read as a contradiction.
	BaseOutside bool `json:"base_outside_ends,omitempty"`
	// WhatText is what the input is, after its actor's name, as every
	// door names it in the issue's tornado (ask.SwingWhat: " · position",
	// " · salience on Timeline" for an input of another issue); ShareText
	// is VarShare with its interval (ask.ShareText: "0.96 (0.93–0.98)");
	// Mark follows the swing where it is OneEnded (ask.OneEndedMark) or
	// BaseOutside (ask.BaseOutsideMark), "" otherwise. Written by ask;
	// omitted in an answer stored before the answers carried their words.
	WhatText  string `json:"what_text,omitempty"`
	ShareText string `json:"share_text,omitempty"`
	Mark      string `json:"mark,omitempty"`
}

// OneEnded reports whether the model gave a forecast at one end of the
// input's range only: its Swing is measured from that end alone.
func (s Swing) OneEnded() bool { return s.Low == nil || s.High == nil }

// NotMeasurable is an input at neither end of whose range the model
// gave a forecast: it has no swing, and no issue's tornado lists it.
type NotMeasurable struct {
	Input        Input  `json:"input"`
	FailedAtLow  string `json:"failed_at_low"`
	FailedAtHigh string `json:"failed_at_high"`
}

// IssueSensitivity is the tornado of one issue: its inputs ranked by swing.
type IssueSensitivity struct {
	Issue string  `json:"issue"`
	Name  string  `json:"name"`
	Base  float64 `json:"base"`
	// BaseText is Base as every door writes it (IssueSummary.BaseText);
	// written by ask.
	BaseText string `json:"base_text,omitempty"`
	// Fixed is the Monte Carlo's IssueSummary.Fixed: no ranged input
	// touches this issue in the model, so every swing is 0 and every
	// draw gave Base, a point that is no certainty.
	Fixed bool `json:"fixed,omitempty"`
	// FixedText is what every door says at a fixed issue, in the
	// sweep's words (ask.SweepFixedText; "" when not fixed).
	FixedText string `json:"fixed_text,omitempty"`
	// CaptionText is the caption of the issue's tornado: its name and
	// the forecast at the stated values its bars swing from
	// (ask.TornadoCaptionText), written by ask; an answer stored before
	// it was carried gets it when read back from the server
	// (ask.StoredSensitivityTexts).
	CaptionText string `json:"caption_text,omitempty"`
	// UnsettledDraws is how many Monte Carlo draws gave a forecast of
	// this issue that had not come to rest, and DrawsLastStepMax and
	// DrawsLastStepMedian the largest and the median step those draws
	// took in their last round (0 when none; IssueSummary's LastStepMax
	// and LastStepMedian of the same draws): how much of the variance
	// shares may be the model's own movement. UnsettledEnds is how many
	// of the swings' ends (two an input) had not come to rest, and
	// EndsLastStepMax and EndsLastStepMedian the largest and the median
	// step those ends took in their last round (0 when none): a swing no
	// wider than them may be the model's own movement.
	UnsettledDraws      int     `json:"unsettled_draws"`
	DrawsLastStepMax    float64 `json:"draws_last_step_max"`
	DrawsLastStepMedian float64 `json:"draws_last_step_median"`
	UnsettledEnds       int     `json:"unsettled_ends"`
	EndsLastStepMax     float64 `json:"ends_last_step_max"`
	EndsLastStepMedian  float64 `json:"ends_last_step_median"`
	// EndsUnsettledText says UnsettledEnds, EndsLastStepMax and
	// EndsLastStepMedian in the words every door gives under the
	// issue's tornado (ask.EndsUnsettledText); OneEndedText and
	// BaseOutsideText name the swings of its first ask.TornadoTop (the
	// rows a door shows by default) that are OneEnded or BaseOutside
	// (ask.OneEndedText, ask.BaseOutsideText). Written by ask; omitted
	// when there is none to name.
	EndsUnsettledText string `json:"ends_unsettled_text,omitempty"`
	OneEndedText      string `json:"one_ended_text,omitempty"`
	BaseOutsideText   string `json:"base_outside_text,omitempty"`
	// MoreText says, where the issue has more swings than the
	// ask.TornadoTop a door shows by default, that the others move the
	// forecast less (ask.MoreInputsText: "The 8 inputs that move it
	// most; 12 more inputs move it less."); omitted when there are no
	// more. Written by ask, and when a stored answer is read back.
	MoreText string `json:"more_text,omitempty"`
	// DrawsMemberFailures and EndsMemberFailures count, for a model that
	// combines others, the Monte Carlo draws and the swings' ends in
	// which a member failed on this issue, by member (as IssueSummary's
	// MemberFailures); omitted when none.
	DrawsMemberFailures []MemberFailures `json:"draws_member_failures,omitempty"`
	EndsMemberFailures  []MemberFailures `json:"ends_member_failures,omitempty"`
	Swings              []Swing          `json:"swings"`
	// LeftOut is how many inputs of other issues were left out of
	// Swings because their swing here is exactly 0 and the model reads
	// each issue alone (model.IssueLocal), and LeftOutText says so in
	// the one line every door prints under the tornado; 0 and "" when
	// none was.
	LeftOut     int    `json:"left_out,omitempty"`
	LeftOutText string `json:"left_out_text,omitempty"`
	// VarShareSum is the sum of the swings' variance shares. The true
	// first-order shares of independent inputs sum to at most 1, but
	// each estimate is held at 0 or more, so the sampling errors of many
	// inputs of little effect add up, and the sum can exceed 1.
	// VarShareRawSum is the sum of the estimates not held at 0
	// (firstOrderRaw), about as often below the true sum as above, and
	// VarShareRawSumInterval its 95% bootstrap percentile interval (the
	// same resamples).
	VarShareSum            float64    `json:"variance_shares_sum"`
	VarShareRawSum         float64    `json:"variance_shares_raw_sum"`
	VarShareRawSumInterval [2]float64 `json:"variance_shares_raw_sum_interval"`
}

// SensitivityResult is the outcome of Sensitivity.
type SensitivityResult struct {
	Model string `json:"model"`
	Draws int    `json:"draws"`
	// UnsettledDraws is how many of the Monte Carlo draws gave a forecast
	// that had not come to rest on at least one issue (Result's).
	UnsettledDraws int `json:"unsettled_draws"`
	// MemberFailedDraws is how many of them had a member of a model that
	// combines others fail on at least one issue (Result's).
	MemberFailedDraws int `json:"member_failed_draws"`
	// Ends is how many one-at-a-time runs were made (two an input, its
	// low and its high end), UnsettledEnds how many of them gave a
	// forecast that had not come to rest on at least one issue, and
	// MemberFailedEnds how many had a member fail on one, as the draws.
	// FailedEnds is how many of the runs the model refused (Swing's
	// FailedAtLow and FailedAtHigh): they gave no forecast at all.
	Ends             int    `json:"ends"`
	UnsettledEnds    int    `json:"unsettled_ends"`
	MemberFailedEnds int    `json:"member_failed_ends"`
	FailedEnds       int    `json:"failed_ends"`
	Seed             uint64 `json:"seed"`
	// ShareReplicates is how many bootstrap resamples of the draws give
	// the variance shares' intervals (ShareReplicates).
	ShareReplicates int                `json:"share_replicates"`
	Issues          []IssueSensitivity `json:"issues"`
	// NotMeasurable lists the inputs the model refused at both ends of
	// their range, with why; omitted when none.
	NotMeasurable []NotMeasurable `json:"not_measurable,omitempty"`
	// Base is the model's run at the stated values, with its trace: the
	// Monte Carlo's (Result's Base), whose forecasts are each issue's
	// Base, the point every swing is measured from.
	Base *model.Result `json:"-"`
}

// Sensitivity swings each ranged input of p from its low to its high end,
// one at a time with every other input at its stated value, and ranks the
// inputs per issue by how far they move the forecast (a tornado). It also
// runs a Monte Carlo (o) and estimates, per input and issue, the share of
// the forecast's variance the input explains on its own — the first-order
// index Var(E[Y|Xⱼ]) / Var(Y), estimated by sorting the draws on Xⱼ into
// B = ⌊√N⌋ (at most 50) equal bins and comparing the spread of the bin
// means with Var(Y), less the (B−1)/N that independent noise alone would
// give. The shares of an additive model sum to about 1; interactions make
// the sum smaller. Each share is an estimate from N draws: its 95%
// interval is the 2.5% and 97.5% percentiles of the same estimator on
// ShareReplicates resamples of the draws with replacement (the
// bootstrap; resample r from stream PCG(seed, shareStream + r), so the
// same seed gives the same intervals), and so is the interval of each
// issue's sum of shares, which sampling error alone can put above 1.
// Each end and each draw is run through model.ForecastsSettling, and
// those whose forecast had not come to rest are counted, the ends marked
// and the last steps of both summarised per issue (StepStats), and
// those in which a member of a combining model failed are counted.
// The model is run at the stated values once, by the Monte Carlo (Run),
// and that run is the result's Base.
//
// An end at which the model refuses the problem (an error of code
// errs.Invalid: the input there leaves an issue no weight, or breaks
// another of the model's rules) is a missing end, not a failed
// analysis: a valid file gets its tornado. The swing is then measured
// from the end that ran (Swing), and the inputs are ranked by Swing
// still — a one-ended swing by the part of the range the model can
// forecast, which never overstates the input; at an equal swing a
// two-ended one ranks first. An input refused at both ends has no swing
// and is listed in NotMeasurable instead. Any other error (a cancelled
// ctx, an internal one) fails the analysis, as before.
func Sensitivity(ctx context.Context, m model.Model, p *model.Problem, o Options) (*SensitivityResult, error) {
	o.defaults()
	mc, err := Run(ctx, m, p, o)
	if err != nil {
		return nil, err
	}
	res := &SensitivityResult{Model: m.Name(), Draws: mc.Draws, UnsettledDraws: mc.UnsettledDraws, MemberFailedDraws: mc.MemberFailedDraws, Seed: o.Seed, ShareReplicates: ShareReplicates, Base: mc.Base}
	for k, is := range p.Issues {
		mk := mc.Issues[k]
		res.Issues = append(res.Issues, IssueSensitivity{Issue: is.ID, Name: is.Name, Base: mk.Base, Fixed: mk.Fixed,
			UnsettledDraws: mk.UnsettledDraws, DrawsLastStepMax: mk.LastStepMax, DrawsLastStepMedian: mk.LastStepMedian, DrawsMemberFailures: mk.MemberFailures})
	}
	var ends [][]float64                   // each end's moving, for countMoving
	var endsFailed [][]model.MemberFailure // each end's failed members, for CountFailed
	ys := make([][]float64, len(p.Issues))
	for k := range p.Issues {
		ys[k] = column(mc.Forecasts, k)
	}
	q := p.Clone()
	bins := make([][][]int, len(mc.Inputs))   // by input, its bins (binsOf)
	binned := make([][]uint8, len(mc.Inputs)) // by input, each draw's bin on it
	for j := range mc.Inputs {
		bins[j] = binsOf(column(mc.Samples, j))
		binned[j] = binOf(bins[j], len(ys[0]))
	}
	reps, err := bootShares(ctx, binned, ys, o.Seed, ShareReplicates, o.Workers)
	if err != nil {
		return nil, err
	}
	raw := make([][]float64, len(p.Issues)) // by issue, the swings' raw estimates

	for j, in := range mc.Inputs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		lo, loMoving, loFailed, loRefused, err := forecastWith(ctx, m, p, q, in, in.Lo, o.Model)
		if err != nil {
			return nil, err
		}
		hi, hiMoving, hiFailed, hiRefused, err := forecastWith(ctx, m, p, q, in, in.Hi, o.Model)
		if err != nil {
			return nil, err
		}
		ends = append(ends, loMoving, hiMoving)
		endsFailed = append(endsFailed, loFailed, hiFailed)
		for _, r := range []string{loRefused, hiRefused} {
			if r != "" {
				res.FailedEnds++
			}
		}
		if lo == nil && hi == nil {
			res.NotMeasurable = append(res.NotMeasurable, NotMeasurable{Input: in, FailedAtLow: loRefused, FailedAtHigh: hiRefused})
			continue
		}
		for k := range p.Issues {
			rw := firstOrderRaw(bins[j], ys[k])
			s := Swing{Input: in, VarShare: firstOrder(rw), FailedAtLow: loRefused, FailedAtHigh: hiRefused}
			s.VarShareInterval = atLeast0(shareInterval(reps, k, []int{j}, s.VarShare))
			raw[k] = append(raw[k], rw)
			base := res.Issues[k].Base
			if lo != nil {
				s.Low, s.LowUnsettled = ptr(lo[k]), loMoving[k] != 0
				s.Swing = math.Abs(lo[k] - base)
			}
			if hi != nil {
				s.High, s.HighUnsettled = ptr(hi[k]), hiMoving[k] != 0
				s.Swing = math.Max(s.Swing, math.Abs(hi[k]-base))
			}
			if lo != nil && hi != nil {
				s.Swing = math.Max(s.Swing, math.Abs(hi[k]-lo[k]))
				step := scenario.ShownStep(p.Issues[k].Max - p.Issues[k].Min)
				s.BaseOutside = base < math.Min(lo[k], hi[k])-step || base > math.Max(lo[k], hi[k])+step
			}
			res.Issues[k].Swings = append(res.Issues[k].Swings, s)
		}
	}
	perIssue := make([]int, len(p.Issues))
	res.Ends, res.UnsettledEnds = len(ends), countMoving(ends, perIssue)
	var members [][]MemberFailures
	res.MemberFailedEnds, members = CountFailed(endsFailed, len(p.Issues))
	var measured []int // the inputs the swings list
	for j, in := range mc.Inputs {
		if !notMeasurable(res.NotMeasurable, in) {
			measured = append(measured, j)
		}
	}
	for k := range res.Issues {
		for _, s := range res.Issues[k].Swings {
			res.Issues[k].VarShareSum += s.VarShare
		}
		for _, x := range raw[k] {
			res.Issues[k].VarShareRawSum += x
		}
		res.Issues[k].VarShareRawSumInterval = shareInterval(reps, k, measured, res.Issues[k].VarShareRawSum)
		res.Issues[k].UnsettledEnds = perIssue[k]
		res.Issues[k].EndsLastStepMax, res.Issues[k].EndsLastStepMedian = lastSteps(ends, k)
		res.Issues[k].EndsMemberFailures = members[k]
	}
	for k := range res.Issues {
		sw := res.Issues[k].Swings
		sort.SliceStable(sw, func(a, b int) bool {
			if sw[a].Swing != sw[b].Swing {
				return sw[a].Swing > sw[b].Swing
			}
			if oa, ob := sw[a].OneEnded(), sw[b].OneEnded(); oa != ob {
				return ob
			}
			return sw[a].VarShare > sw[b].VarShare
		})
	}
	return res, nil
}

// forecastWith runs m on p with input in set to v (q its copy), through
// model.ForecastsSettling: the forecasts, each issue's last step where
// it had not come to rest, 0 where it had (MovingOf), and the members
// that failed (forecastsSettling). Where m refuses the problem (an
// errs.Invalid error, ctx not done) it returns no forecasts and the
// model's message as refused, and a nil error; any other error is
// returned, naming the input and its value.
func forecastWith(ctx context.Context, m model.Model, p, q *model.Problem, in Input, v float64, o model.Options) (f, moving []float64, failed []model.MemberFailure, refused string, err error) {
	reset(q, p)
	set(q, in, v)
	f, moving, failed, err = forecastsSettling(ctx, m, q, o)
	if err != nil {
		if ctx.Err() == nil && errs.CodeOf(err) == errs.Invalid {
			return nil, nil, nil, err.Error(), nil
		}
		return nil, nil, nil, "", fmt.Errorf("%s = %v: %w", in.Label(), v, err)
	}
	return f, moving, failed, "", nil
}

// ptr returns a pointer to a copy of x.
func ptr(x float64) *float64 { return &x }

// binsOf sorts the draws on x and splits them into B = ⌊√N⌋ (2 to 50)
// bins of equal count, returned as lists of draw indices; draws of equal
// x keep their order.
func binsOf(x []float64) [][]int {
	n := len(x)
	idx := sortedOrder(x)
	b := max(2, min(50, int(math.Sqrt(float64(n)))))
	var out [][]int
	for i := 0; i < b; i++ {
		if lo, hi := i*n/b, (i+1)*n/b; hi > lo {
			out = append(out, idx[lo:hi])
		}
	}
	return out
}

// sortedOrder is the indices of x in the order of x's values, those of
// equal values in their own order (x finite): the order a stable sort
// on x gives, by a radix sort, a byte a pass from the lowest, of x's
// bits made to sort as x does (−0 as +0). A radix sort keeps the order
// of equal keys, and does not compare.
func sortedOrder(x []float64) []int {
	n := len(x)
	type draw struct {
		key uint64
		i   int
	}
	ds, tmp := make([]draw, n), make([]draw, n)
	for i, v := range x {
		if v == 0 {
			v = 0 // −0 sorts with +0, as < has it
		}
		k := math.Float64bits(v)
		if k>>63 == 1 {
			k = ^k // a negative: the larger its size, the lower
		} else {
			k |= 1 << 63
		}
		ds[i] = draw{k, i}
	}
	var count [256]int
	for shift := 0; shift < 64; shift += 8 {
		clear(count[:])
		for _, d := range ds {
			count[byte(d.key>>shift)]++
		}
		if n == 0 || count[byte(ds[0].key>>shift)] == n {
			continue // one byte for all: the pass would keep the order
		}
		at := 0
		for b, c := range count {
			count[b], at = at, at+c
		}
		for _, d := range ds {
			b := byte(d.key >> shift)
			tmp[count[b]] = d
			count[b]++
		}
		ds, tmp = tmp, ds
	}
	idx := make([]int, n)
	for k, d := range ds {
		idx[k] = d.i
	}
	return idx
}

// MinSensitivityDraws is the fewest draws whose variance shares
// firstOrderRaw can estimate: two bins of two draws each, so that the noise
// correction (bins − 1)/draws stays below 1; with fewer, every share is
// NaN.
const MinSensitivityDraws = 4

// firstOrder is the estimate of Var(E[Y|X]) / Var(Y) from the draws
// binned on X (see Sensitivity), never below 0: firstOrderRaw's, raw,
// held at 0.
func firstOrder(raw float64) float64 { return math.Max(0, raw) }

// firstOrderRaw is firstOrder's estimate before it is held at 0 or more:
// less the noise correction, an input with no effect is estimated about 0,
// as often below as above, so that the sum of many such estimates is not
// biased upward as the sum of firstOrder's is.
func firstOrderRaw(bins [][]int, y []float64) float64 {
	n := len(y)
	if n < MinSensitivityDraws {
		return math.NaN()
	}
	var my, vy float64
	for _, v := range y {
		my += v
	}
	my /= float64(n)
	for _, v := range y {
		vy += (v - my) * (v - my)
	}
	vy /= float64(n)
	if vy < 1e-24*(1+my*my) {
		return 0
	}
	var between float64
	for _, bin := range bins {
		var m float64
		for _, i := range bin {
			m += y[i]
		}
		m /= float64(len(bin))
		between += float64(len(bin)) * (m - my) * (m - my)
	}
	between /= float64(n)
	noise := float64(len(bins)-1) / float64(n)
	return (between/vy - noise) / (1 - noise)
}

// notMeasurable reports whether in is listed in nm.
func notMeasurable(nm []NotMeasurable, in Input) bool {
	for _, n := range nm {
		if n.Input == in {
			return true
		}
	}
	return false
}

// ShareReplicates is how many bootstrap resamples of the draws give each
// variance share's interval: enough for the 2.5% and 97.5% percentiles
// to be stable to about a hundredth at the default 2,000 draws, at a cost
// of ShareReplicates × inputs × issues × draws additions.
const ShareReplicates = 200

// shareStream is the first PCG stream of the bootstrap's resamples, far
// from the draws' streams (0 to N − 1), so that no resample reuses a
// draw's stream.
const shareStream = 1 << 62

// bootShares returns, by resample r, issue k and input j, the variance
// share firstOrderRaw estimates on resample r of the draws: N draws
// picked with replacement, from stream PCG(seed, shareStream + r), each
// copy of a draw in the bin binOf[j] puts the draw in (the bins of the
// draws, held, as a stratified resample would hold them). Its noise
// correction is what independent noise alone would give on the resample,
// whose copies of a draw do not average out: Σ_b Σ_{i in b} c_i²/(N n_b)
// − Σ_i c_i²/N², with c_i the copies of draw i and n_b those of bin b;
// every c_i 1, that is firstOrderRaw's (B − 1)/N, and the resample's
// share is firstOrderRaw's. (With firstOrderRaw's correction the
// resamples' shares stood above the estimate: a share of 0.0024 had the
// interval 0.010–0.042.) Resamples run on workers goroutines and are
// stored by index, so the result does not depend on workers; nil when
// there are too few draws.
func bootShares(ctx context.Context, binOf [][]uint8, ys [][]float64, seed uint64, R, workers int) ([][][]float64, error) {
	if len(ys) == 0 || len(ys[0]) < MinSensitivityDraws {
		return nil, nil
	}
	n := len(ys[0])
	reps := make([][][]float64, R)
	bins := newBinLists(binOf, n)
	var next atomic.Int64
	parallel.Run(max(1, min(workers, R)), func(int) {
		w := newResampler(bins, ys)
		cnt := make([]float64, n)
		for {
			r := int(next.Add(1) - 1)
			if r >= R || ctx.Err() != nil {
				return
			}
			clear(cnt)
			rng := rand.New(rand.NewPCG(seed, shareStream+uint64(r)))
			for range n {
				cnt[rng.IntN(n)]++
			}
			reps[r] = w.shares(cnt)
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return reps, nil
}

// binLists are the draws of each input's bins, for every resample of
// bootShares: input j's bin b holds draws draws[j][start[j][b]:start[j][b+1]],
// in the order of the draws.
type binLists struct {
	draws [][]int32
	start [][]int
}

// newBinLists lists the draws of each bin of binOf (by input, each of
// n draws' bin), bin by bin (a counting sort, which keeps the draws in
// order within a bin).
func newBinLists(binOf [][]uint8, n int) binLists {
	bl := binLists{draws: make([][]int32, len(binOf)), start: make([][]int, len(binOf))}
	for j, bj := range binOf {
		nb := 0
		for _, b := range bj {
			nb = max(nb, int(b)+1)
		}
		start := make([]int, nb+1)
		for _, b := range bj {
			start[b+1]++
		}
		for b := range nb {
			start[b+1] += start[b]
		}
		at := slices.Clone(start[:nb])
		draws := make([]int32, n)
		for i, b := range bj {
			draws[at[b]] = int32(i)
			at[b]++
		}
		bl.draws[j], bl.start[j] = draws, start
	}
	return bl
}

// resampler computes bootShares' shares of one resample, with one
// worker's scratch, kept from resample to resample.
type resampler struct {
	bins binLists
	ys   [][]float64 // by issue, each draw's forecast
	// By draw i and issue k (lane k mod lane of cy[i·L + k/lane], L the
	// lanes a draw takes), the draw's copies times its forecast.
	cy []lanes
	ci []int32 // by draw, its copies
	// By bin b: its copies, the sum of their squares, and its copies'
	// forecasts summed (by issue, as cy).
	size, sq []float64
	sum      []lanes
}

// lane is how many issues' sums shares adds side by side, in a lanes;
// those past the last issue stay 0. Summed in variables, not in memory,
// they stay in registers.
const lane = 8

type lanes [lane]float64

// add adds y's lanes to s's.
func (s *lanes) add(y *lanes) {
	s[0] += y[0]
	s[1] += y[1]
	s[2] += y[2]
	s[3] += y[3]
	s[4] += y[4]
	s[5] += y[5]
	s[6] += y[6]
	s[7] += y[7]
}

func newResampler(bins binLists, ys [][]float64) *resampler {
	n, L := len(ys[0]), (len(ys)+lane-1)/lane
	most := 0
	for _, s := range bins.start {
		most = max(most, len(s)-1)
	}
	return &resampler{bins: bins, ys: ys, cy: make([]lanes, n*L), ci: make([]int32, n), size: make([]float64, most), sq: make([]float64, most), sum: make([]lanes, most*L)}
}

// shares is the resample's share (bootShares) by issue k and input j,
// draw i taken cnt[i] times. Each bin's sums go through the bin's draws
// in the order of the draws, as the plain way of going through every
// draw and adding it to its bin's sums does: the same additions in the
// same order, the same bits (TestBootSharesSameAsPlain). A draw not
// taken adds its copies times its forecast, ±0, which leaves a sum as
// it was (x + ±0 is x, and +0 + −0 is +0), and so is added with no test.
// Copies are whole numbers: their sums and their squares' sums, whole
// numbers of at most N², are the same summed in integers, in any order.
func (w *resampler) shares(cnt []float64) [][]float64 {
	K, N := len(w.ys), float64(len(cnt))
	L := (K + lane - 1) / lane // lanes a draw's or a bin's sums take
	var c2 float64
	ci, cy := w.ci, w.cy
	for i, c := range cnt {
		c2 += c * c
		ci[i] = int32(c)
	}
	out := make([][]float64, K)
	mv := make([][2]float64, K) // by issue, the resample's mean and variance
	for k, y := range w.ys {
		out[k] = make([]float64, len(w.bins.draws))
		mv[k] = countedMoments(cnt, y)
		for i, v := range y {
			cy[i*L+k/lane][k%lane] = cnt[i] * v
		}
	}
	for j, draws := range w.bins.draws {
		start := w.bins.start[j]
		nb := len(start) - 1
		size, sq, sum := w.size[:nb], w.sq[:nb], w.sum[:nb*L]
		for b := range nb {
			in := draws[start[b]:start[b+1]]
			n, n2, s := binSums(in, ci, cy, L)
			size[b], sq[b], sum[b*L] = float64(n), float64(n2), s
			for q := 1; q < L; q++ {
				var s lanes
				for _, i := range in {
					s.add(&cy[int(i)*L+q])
				}
				sum[b*L+q] = s
			}
		}
		var noise float64
		for b := range size {
			if size[b] > 0 {
				noise += sq[b] / size[b]
			}
		}
		noise = noise/N - c2/(N*N)
		for k := range K {
			my, vy := mv[k][0], mv[k][1]
			if vy < 1e-24*(1+my*my) {
				continue // 0, as firstOrderRaw gives it
			}
			var between float64
			for b := range size {
				if size[b] > 0 {
					m := sum[b*L+k/lane][k%lane] / size[b]
					between += size[b] * (m - my) * (m - my)
				}
			}
			out[k][j] = (between/N/vy - noise) / (1 - noise)
		}
	}
	return out
}

// binSums is, over the draws in of a bin, the sum of their copies (ci,
// by draw), of the copies' squares, both summed in whole numbers, and
// of the first lanes of their sums (cy, L lanes a draw), in the order
// of in: a function of its own, so that its few variables stay in
// registers (in shares' many, the compiler kept them on the stack).
func binSums(in, ci []int32, cy []lanes, L int) (n, n2 int, s lanes) {
	var s0, s1, s2, s3, s4, s5, s6, s7 float64
	for _, i := range in {
		c := int(ci[i])
		n += c
		n2 += c * c
		y := &cy[int(i)*L]
		s0 += y[0]
		s1 += y[1]
		s2 += y[2]
		s3 += y[3]
		s4 += y[4]
		s5 += y[5]
		s6 += y[6]
		s7 += y[7]
	}
	return n, n2, lanes{s0, s1, s2, s3, s4, s5, s6, s7}
}

// binOf is, by draw, the bin of bins it is in.
func binOf(bins [][]int, n int) []uint8 {
	out := make([]uint8, n)
	for b, bin := range bins {
		for _, i := range bin {
			out[i] = uint8(b)
		}
	}
	return out
}

// shareInterval is the 95% percentile interval over the resamples reps
// of issue k's sum of the raw estimates (firstOrderRaw) of inputs js;
// [est, est] without resamples.
func shareInterval(reps [][][]float64, k int, js []int, est float64) [2]float64 {
	if len(reps) == 0 {
		return [2]float64{est, est}
	}
	xs := make([]float64, len(reps))
	for r := range reps {
		for _, j := range js {
			xs[r] += reps[r][k][j]
		}
	}
	return mcerr.Percentile(xs)
}

// atLeast0 holds both ends of an interval at 0 or more, as firstOrder
// holds a share.
func atLeast0(iv [2]float64) [2]float64 { return [2]float64{math.Max(0, iv[0]), math.Max(0, iv[1])} }

// countedMoments is the mean and the variance of y over a resample of
// the draws, draw i taken cnt[i] times.
func countedMoments(cnt, y []float64) [2]float64 {
	N := float64(len(y))
	var my, vy float64
	for i, v := range y {
		my += cnt[i] * v
	}
	my /= N
	for i, v := range y {
		vy += cnt[i] * (v - my) * (v - my)
	}
	return [2]float64{my, vy / N}
}
