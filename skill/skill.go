// Package skill scores forecasting models against real outcomes: it runs
// every model on every case (one issue with a known outcome), and reports
// per model the mean absolute error (MAE), median absolute error, root mean
// squared error, the share of forecasts within 10 points and N, overall and
// per split, procedure and wave, together with a paired bootstrap 95%
// interval of the model's MAE minus a baseline model's MAE.
//
// The bootstrap (Efron & Tibshirani 1993, An Introduction to the Bootstrap,
// ch. 13, percentile interval) resamples cases with replacement, the same
// resampled cases for both models (paired), so the interval measures the
// difference on this population of issues rather than two separate
// uncertainties:
//
//	Δ* = (1/n) Σⱼ (|e_model|ᵢⱼ − |e_base|ᵢⱼ),   iⱼ ~ U{1..n}       (1)
//
// repeated B times; the interval is the 2.5% and 97.5% quantiles of Δ*
// (linear interpolation between order statistics, Hyndman & Fan type 7).
//
// When the cases name their proposals (Case.Proposal), as DEU's do, the
// issues of one proposal are decided together and their errors are
// correlated, so eq. (1) makes the interval too narrow. By default the
// bootstrap then draws whole proposals instead (the cluster bootstrap,
// Davison & Hinkley 1997, Bootstrap Methods and their Application,
// §3.8): the row's cases fall into K proposals P₁ … P_K (a case without
// one alone), K of them are drawn with replacement, each bringing every
// case of the row it holds, and
//
//	Δ* = Σⱼ Σ_{i∈P_kⱼ} dᵢ / Σⱼ |P_kⱼ|,   kⱼ ~ U{1..K},   dᵢ = |e_model|ᵢ − |e_base|ᵢ   (3)
//
// the mean over the issues drawn. With every case its own proposal, eq.
// (3) is eq. (1), draw for draw. Options.ByIssue asks for eq. (1).
// The random numbers come from a PCG generator seeded by Options.Seed and
// the row, so the output is byte-identical run to run and across machines.
//
// A model that returns an error (or panics, or a non-finite forecast) on a
// case is recorded as a failure for that case; its scores cover the cases
// it forecast and the bootstrap pairs only cases both models forecast.
package skill

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"parley/model"
	"parley/nouns"
)

// Case is one issue with its real outcome.
type Case struct {
	// ID is the issue id; the Problem must hold an issue with this id.
	ID      string
	Problem *model.Problem
	Outcome float64
	// Split, Procedure and Wave group the scores; blank means the case is
	// counted only in the groups that don't split on that field.
	Split, Procedure, Wave string
	// Proposal is the proposal the issue belongs to (DEU's proposal_id):
	// the issues of one proposal are decided together, so the bootstrap
	// draws them together (eq. 3). Blank: the issue is drawn alone.
	Proposal string
}

// width is the case's issue's scale width (1 when the problem has no
// such issue): two forecasts within model.Settled's tolerance of it are
// the same forecast, whatever the order of the sums that made them.
func (c Case) width() float64 {
	if c.Problem != nil {
		for _, is := range c.Problem.Issues {
			if is.ID == c.ID {
				return is.Max - is.Min
			}
		}
	}
	return 1
}

// Forecast is one model's forecast for one case.
type Forecast struct {
	Value float64
	// Pred is the model's predictive distribution, nil for models that
	// give none.
	Pred *model.Predictive
	// Err is non-empty when the model failed on the case.
	Err string
	// Unsettled is true when the model's last two rounds on the case's
	// issue differ (model.Settled): Value is its last round's point, and
	// LastStep how far that round moved it.
	Unsettled bool
	LastStep  float64
}

// Run holds every model's forecast of every case.
type Run struct {
	Models []string
	Cases  []Case
	// F[m][c] is model m's forecast of case c.
	F [][]Forecast
	// FittedOn[m] is the split model m's parameters were fitted on
	// (model.Fitted), "" for a model that fits nothing.
	FittedOn []string
}

// Forecasts runs every model on every case, in parallel on up to workers
// goroutines (0 means GOMAXPROCS). The result does not depend on workers.
func Forecasts(ctx context.Context, models []model.Model, cases []Case, workers int) (*Run, error) {
	r := &Run{Cases: cases, F: make([][]Forecast, len(models))}
	for m, mod := range models {
		r.Models = append(r.Models, mod.Name())
		fit := ""
		if f, ok := mod.(model.Fitted); ok {
			fit = f.FittedOn()
		}
		r.FittedOn = append(r.FittedOn, fit)
		r.F[m] = make([]Forecast, len(cases))
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct{ m, c int }
	jobs := make(chan job)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r.F[j.m][j.c] = forecastOne(ctx, models[j.m], cases[j.c])
			}
		}()
	}
	var err error
feed:
	for m := range models {
		for c := range cases {
			if err = ctx.Err(); err != nil {
				break feed
			}
			jobs <- job{m, c}
		}
	}
	close(jobs)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return r, nil
}

// forecastOne runs one model on one case, turning errors, panics and
// non-finite forecasts into a failed Forecast.
func forecastOne(ctx context.Context, m model.Model, c Case) (f Forecast) {
	defer func() {
		if v := recover(); v != nil {
			f = Forecast{Value: math.NaN(), Err: fmt.Sprintf("panic: %v", v)}
		}
	}()
	if c.Problem == nil {
		return Forecast{Value: math.NaN(), Err: "no problem"}
	}
	res, err := model.Run(ctx, m, c.Problem.Clone(), model.Options{})
	if err != nil {
		return Forecast{Value: math.NaN(), Err: err.Error()}
	}
	for _, ir := range res.Issues {
		if ir.Issue == c.ID {
			f := Forecast{Value: ir.Forecast, Pred: ir.Predictive}
			if n := len(ir.Rounds); n >= 2 {
				last, prev := ir.Rounds[n-1].Forecast, ir.Rounds[n-2].Forecast
				if f.Unsettled = !model.Settled(last, prev, c.width()); f.Unsettled {
					f.LastStep = math.Abs(last - prev)
				}
			}
			return f
		}
	}
	return Forecast{Value: math.NaN(), Err: "no forecast for issue " + c.ID}
}

// Options set the scoring. The zero value scores against "compromise" with
// 10,000 resamples and seed 1.
type Options struct {
	// Baseline names the model every other is compared with; "" means
	// "compromise". If it is not in the run, no interval is computed.
	Baseline string
	// Resamples is the bootstrap's B; 0 means 10,000.
	Resamples int
	// Seed seeds the bootstrap; 0 means 1.
	Seed uint64
	// ByIssue resamples issues one by one (eq. 1) even when the cases
	// name their proposals; false (the default) resamples whole
	// proposals (eq. 3).
	ByIssue bool
}

func (o Options) baseline() string {
	if o.Baseline == "" {
		return "compromise"
	}
	return o.Baseline
}

func (o Options) resamples() int {
	if o.Resamples <= 0 {
		return 10000
	}
	return o.Resamples
}

func (o Options) seed() uint64 {
	if o.Seed == 0 {
		return 1
	}
	return o.Seed
}

// Row is one model's scores on one group of cases. Split, Procedure and
// Wave are "all" when the row does not restrict on them.
type Row struct {
	Model     string `json:"model"`
	Split     string `json:"split"`
	Procedure string `json:"procedure"`
	Wave      string `json:"wave"`
	// N counts the cases forecast; Failed the cases the model failed on;
	// Unsettled the forecasts among N whose rounds had not come to rest
	// (Forecast.Unsettled), scored at their last round's point.
	N         int `json:"n"`
	Failed    int `json:"failed"`
	Unsettled int `json:"unsettled"`
	// LastStep is the largest step an unsettled forecast took in its
	// last round (0 when none is unsettled).
	LastStep float64 `json:"last_step_max"`
	// InSample is true when the model was fitted on some of the row's
	// cases (Run.FittedOn): its scores here are not evidence of skill.
	InSample bool    `json:"in_sample"`
	MAE      float64 `json:"mae"`
	MedianAE float64 `json:"median_ae"`
	RMSE     float64 `json:"rmse"`
	Within10 float64 `json:"within10"`
	// Coverage80 and Coverage95 are the shares of outcomes inside the
	// model's 80% and 95% intervals, CRPS the mean continuous ranked
	// probability score (model.Predictive.CRPS) and Brier the mean Brier
	// score of the probabilities of the stated positions and labelled
	// options (eq. 2); NaN for a model that gives no distribution.
	Coverage80 float64 `json:"coverage80"`
	Coverage95 float64 `json:"coverage95"`
	CRPS       float64 `json:"crps"`
	Brier      float64 `json:"brier"`
	// Diff is MAE minus the baseline's MAE on the cases both forecast, with
	// its paired bootstrap 95% interval [DiffLo, DiffHi]; Paired counts
	// those cases. All zero when there is no baseline.
	Baseline string  `json:"baseline,omitempty"`
	Paired   int     `json:"paired"`
	Diff     float64 `json:"diff_mae"`
	DiffLo   float64 `json:"diff_lo"`
	DiffHi   float64 `json:"diff_hi"`
	// ResampledBy is what the interval's bootstrap drew: "proposal"
	// (whole proposals, eq. 3) or "issue" (eq. 1); ResampledUnits how
	// many proposals (an issue without one counting as its own) or
	// issues the Paired cases hold. Blank and 0 when there is no
	// interval.
	ResampledBy    string `json:"resampled_by,omitempty"`
	ResampledUnits int    `json:"resampled_units,omitempty"`
	// Same is true when the model's forecast equals the baseline's on
	// every case of the row (to model.Settled's tolerance) (it is not the baseline): its Diff is 0 by
	// construction, not a finding. Note, set by whoever knows why, says
	// so in words; every writer shows it with the row.
	Same bool   `json:"same_as_baseline,omitempty"`
	Note string `json:"note,omitempty"`
}

// Report is the scored run.
type Report struct {
	// Engine names the build that computed the report (package
	// buildinfo); WriteJSON puts it on every row.
	Engine    string `json:"engine,omitempty"`
	Baseline  string `json:"baseline"`
	Resamples int    `json:"resamples"`
	Seed      uint64 `json:"seed"`
	Rows      []Row  `json:"rows"`
	// Failures lists every failed forecast, by model then case.
	Failures []Failure `json:"failures"`
	// Caveats are what a reader of every row must know, set by whoever
	// knows it (Score: how the intervals resample, and how many
	// proposals); every writer shows them with the notes (Notes).
	Caveats []string `json:"caveats,omitempty"`
	// resampledBy is what the intervals draw, "proposal" or "issue"
	// (Row.ResampledBy), or "mixed" when some split's issues name no
	// proposal and are drawn one by one, for the tables' headers; "" with
	// no baseline.
	resampledBy string
	// fitted is every model fitted on some case, with its split, in run
	// order, for the in-sample note.
	fitted [][2]string
}

// Failure is a model's error on a case.
type Failure struct {
	Model string `json:"model"`
	Case  string `json:"issue"`
	Err   string `json:"error"`
}

// group is a set of cases a row covers.
type group struct {
	split, proc, wave string
	cases             []int
}

// groups returns, for each split ("all" first), the whole split, then each
// procedure and each wave within it.
func groups(cases []Case) []group {
	splits := distinct(cases, func(c Case) string { return c.Split })
	procs := distinct(cases, func(c Case) string { return c.Procedure })
	waves := distinct(cases, func(c Case) string { return c.Wave })
	var out []group
	for _, s := range append([]string{"all"}, splits...) {
		in := func(c Case) bool { return s == "all" || c.Split == s }
		add := func(p, w string, keep func(Case) bool) {
			g := group{split: s, proc: p, wave: w}
			for i, c := range cases {
				if in(c) && keep(c) {
					g.cases = append(g.cases, i)
				}
			}
			if len(g.cases) > 0 {
				out = append(out, g)
			}
		}
		add("all", "all", func(Case) bool { return true })
		for _, p := range procs {
			add(p, "all", func(c Case) bool { return c.Procedure == p })
		}
		for _, w := range waves {
			add("all", w, func(c Case) bool { return c.Wave == w })
		}
	}
	return out
}

// distinct returns the non-blank values of f, "train", "dev", "test"
// first, then the rest sorted.
func distinct(cases []Case, f func(Case) string) []string {
	seen := map[string]bool{}
	for _, c := range cases {
		if v := f(c); v != "" && v != "all" {
			seen[v] = true
		}
	}
	var out []string
	for _, v := range []string{"train", "dev", "test"} {
		if seen[v] {
			out = append(out, v)
			delete(seen, v)
		}
	}
	var rest []string
	for v := range seen {
		rest = append(rest, v)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// Score scores a run.
func Score(r *Run, o Options) *Report {
	rep := &Report{Baseline: o.baseline(), Resamples: o.resamples(), Seed: o.seed()}
	base := -1
	for m, name := range r.Models {
		if name == rep.Baseline {
			base = m
		}
	}
	if base < 0 {
		rep.Baseline = ""
	}
	gs := groups(r.Cases)
	rep.Rows = make([]Row, len(r.Models)*len(gs))
	// Rows are independent (each seeds its own generator), so they are
	// scored in parallel and written by index: the output does not depend
	// on scheduling.
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				m, gi := j/len(gs), j%len(gs)
				rep.Rows[j] = scoreRow(r, m, base, gi, gs[gi], rep, o.ByIssue)
			}
		}()
	}
	for j := range rep.Rows {
		next <- j
	}
	close(next)
	wg.Wait()
	if base >= 0 {
		rep.resampledBy, rep.Caveats = "issue", []string{resampleNote(r, gs, o.ByIssue)}
		if !o.ByIssue && proposalsOf(r, gs[0].cases) > 0 {
			rep.resampledBy = "proposal"
			for _, g := range gs {
				if g.proc == "all" && g.wave == "all" && proposalsOf(r, g.cases) == 0 {
					rep.resampledBy = "mixed" // a split whose issues name no proposal draws issues
				}
			}
		}
	}
	for m, name := range r.Models {
		if m < len(r.FittedOn) && r.FittedOn[m] != "" && slices.ContainsFunc(r.Cases, func(c Case) bool { return c.Split == r.FittedOn[m] }) {
			rep.fitted = append(rep.fitted, [2]string{name, r.FittedOn[m]})
		}
		for c, f := range r.F[m] {
			if f.Err != "" {
				rep.Failures = append(rep.Failures, Failure{Model: name, Case: r.Cases[c].ID, Err: f.Err})
			}
		}
	}
	return rep
}

// clusters returns the bootstrap cluster of each of the cases (indices
// into r.Cases): its proposal, numbered by the proposal's first case, a
// case without one alone (numbered by itself); and how many clusters
// there are, each proposal and each case without one counting one (0
// when no case names a proposal: then eq. 3 is eq. 1).
func clusters(r *Run, cases []int) (cl []int, proposals int) {
	id := map[string]int{}
	cl = make([]int, len(cases))
	for j, c := range cases {
		p := r.Cases[c].Proposal
		k, ok := id[p]
		if p == "" || !ok {
			k = j
			if p != "" {
				id[p] = k
				proposals++
			}
		}
		cl[j] = k
	}
	if proposals == 0 {
		return cl, 0
	}
	units := map[int]bool{}
	for _, k := range cl {
		units[k] = true
	}
	return cl, len(units)
}

// proposalsOf is how many distinct proposals the cases name.
func proposalsOf(r *Run, cases []int) int {
	seen := map[string]bool{}
	for _, c := range cases {
		if p := r.Cases[c].Proposal; p != "" {
			seen[p] = true
		}
	}
	return len(seen)
}

// resampleNote says what the ΔMAE intervals resample, and how many
// proposals (or issues) each split's cases hold, gs[0] being every case.
func resampleNote(r *Run, gs []group, byIssue bool) string {
	_, props := clusters(r, gs[0].cases)
	n := len(gs[0].cases)
	if props == 0 {
		return fmt.Sprintf("the ΔMAE intervals resample the %d issues one by one: no issue names its proposal", n)
	}
	if byIssue {
		return fmt.Sprintf("the ΔMAE intervals resample the %d issues one by one, though they come from %d proposals whose issues are decided together: the intervals ignore that grouping (on DEU drawing whole proposals moved their widths by −12%% to +14%%, docs/skill.md)", n, proposalsOf(r, gs[0].cases))
	}
	var parts []string
	alone := 0
	for _, c := range gs[0].cases {
		if r.Cases[c].Proposal == "" {
			alone++
		}
	}
	for j, g := range gs {
		if g.proc != "all" || g.wave != "all" {
			continue
		}
		units := proposalsOf(r, g.cases)
		if units == 0 { // no case of the split names its proposal
			parts = append(parts, fmt.Sprintf("%d issues resampled one by one, none naming its proposal (%s)", len(g.cases), g.split))
			continue
		}
		if j == 0 {
			parts = append(parts, fmt.Sprintf("%d issues from %d proposals (%s)", len(g.cases), units, g.split))
		} else {
			parts = append(parts, fmt.Sprintf("%d from %d (%s)", len(g.cases), units, g.split))
		}
	}
	note := "the ΔMAE intervals resample whole proposals, each drawn with all its issues in the row: " + strings.Join(parts, ", ")
	if alone > 0 {
		note += fmt.Sprintf("; %d %s no proposal and %s resampled alone", alone, plural(alone, "issue has", "issues have"), nouns.Verb(alone, "is"))
	}
	return note
}

// scoreRow scores model m on group g (index gi) against model base,
// resampling issues one by one when byIssue is set.
func scoreRow(r *Run, m, base, gi int, g group, rep *Report, byIssue bool) Row {
	row := Row{Model: r.Models[m], Split: g.split, Procedure: g.proc, Wave: g.wave, Baseline: rep.Baseline}
	var ae, pa, pb []float64
	var paired []int
	same := base >= 0 && m != base
	for _, c := range g.cases {
		if m < len(r.FittedOn) && r.FittedOn[m] != "" && r.Cases[c].Split == r.FittedOn[m] {
			row.InSample = true
		}
		f := r.F[m][c]
		if f.Err != "" {
			row.Failed++
			continue
		}
		if f.Unsettled {
			row.Unsettled++
			row.LastStep = math.Max(row.LastStep, f.LastStep)
		}
		e := math.Abs(f.Value - r.Cases[c].Outcome)
		ae = append(ae, e)
		if base >= 0 && r.F[base][c].Err == "" {
			pa = append(pa, e)
			pb = append(pb, math.Abs(r.F[base][c].Value-r.Cases[c].Outcome))
			paired = append(paired, c)
		}
		same = same && r.F[base][c].Err == "" && model.Settled(f.Value, r.F[base][c].Value, r.Cases[c].width())
	}
	row.N = len(ae)
	row.MAE, row.MedianAE, row.RMSE, row.Within10 = Errors(ae)
	row.Coverage80, row.Coverage95, row.CRPS, row.Brier = distScores(r, m, g.cases)
	if base >= 0 && len(pa) > 0 {
		row.Paired = len(pa)
		row.ResampledBy, row.ResampledUnits = "issue", len(pa)
		if cl, units := clusters(r, paired); units > 0 && !byIssue {
			row.ResampledBy, row.ResampledUnits = "proposal", units
			row.Diff, row.DiffLo, row.DiffHi = ClusterBootstrap(pa, pb, cl, rep.Resamples, rep.Seed+uint64(gi))
		} else {
			row.Diff, row.DiffLo, row.DiffHi = PairedBootstrap(pa, pb, rep.Resamples, rep.Seed+uint64(gi))
		}
		row.Same = same && row.Failed == 0
	}
	return row
}

// distScores returns the coverage of the 80% and 95% intervals, the mean
// CRPS and the mean Brier score of model m's predictive distributions on
// the cases it forecast; NaN for each when it gave none. The Brier score
// of one case (Brier 1950, Monthly Weather Review 78:1–3) is over the
// categories "the outcome is at candidate j" for each atom at a stated
// position or labelled option, and "elsewhere":
//
//	B = Σⱼ (pⱼ − oⱼ)² + (1 − Σⱼ pⱼ − o₀)²                                (2)
//
// with oⱼ = 1 when the outcome is within 1e-6 of the scale of candidate j
// (menu) and pⱼ the model's probability of that point.
func distScores(r *Run, m int, cases []int) (cov80, cov95, crps, brier float64) {
	n := 0
	var in80, in95 int
	for _, c := range cases {
		f := r.F[m][c]
		if f.Err != "" || f.Pred == nil {
			continue
		}
		n++
		y := r.Cases[c].Outcome
		d := f.Pred
		tol := 1e-6 * (d.Max - d.Min)
		if lo, hi := d.Interval80(); y >= lo-tol && y <= hi+tol {
			in80++
		}
		if lo, hi := d.Interval95(); y >= lo-tol && y <= hi+tol {
			in95++
		}
		crps += d.CRPS(y)
		sum, b, hit := 0.0, 0.0, false
		for _, v := range menu(r.Cases[c]) {
			o := 0.0
			if math.Abs(v-y) <= tol {
				o, hit = 1, true
			}
			p := d.ProbNear(v, tol)
			sum += p
			b += (p - o) * (p - o)
		}
		o0 := 1.0
		if hit {
			o0 = 0
		}
		b += (1 - sum - o0) * (1 - sum - o0)
		brier += b
	}
	if n == 0 {
		nan := math.NaN()
		return nan, nan, nan, nan
	}
	fn := float64(n)
	return float64(in80) / fn, float64(in95) / fn, crps / fn, brier / fn
}

// menu returns the distinct stated positions and labelled options of the
// case's issue, sorted.
func menu(c Case) []float64 {
	p := c.Problem
	var vs []float64
	for k, is := range p.Issues {
		if is.ID != c.ID {
			continue
		}
		_, _, x, _ := p.Column(k)
		vs = append(vs, x...)
		for _, a := range is.Anchors {
			vs = append(vs, a.Value)
		}
	}
	sort.Float64s(vs)
	var out []float64
	for _, v := range vs {
		if len(out) == 0 || v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// Errors returns the mean, median and root mean square of the absolute
// errors ae and the share of them ≤ 10; NaN for each when ae is empty.
func Errors(ae []float64) (mae, median, rmse, within10 float64) {
	n := len(ae)
	if n == 0 {
		nan := math.NaN()
		return nan, nan, nan, nan
	}
	var s, s2 float64
	w := 0
	for _, e := range ae {
		s += e
		s2 += e * e
		if e <= 10 {
			w++
		}
	}
	sorted := append([]float64(nil), ae...)
	sort.Float64s(sorted)
	if n%2 == 1 {
		median = sorted[n/2]
	} else {
		median = (sorted[n/2-1] + sorted[n/2]) / 2
	}
	return s / float64(n), median, math.Sqrt(s2 / float64(n)), float64(w) / float64(n)
}

// PairedBootstrap returns mean(a) − mean(b) and the percentile 95%
// interval of eq. (1) from b resamples of the pairs (a[i], b[i]), drawn
// with a PCG generator seeded by seed: ClusterBootstrap with every pair
// its own cluster.
func PairedBootstrap(a, b []float64, resamples int, seed uint64) (diff, lo, hi float64) {
	cl := make([]int, len(a))
	for i := range cl {
		cl[i] = i
	}
	return ClusterBootstrap(a, b, cl, resamples, seed)
}

// ClusterBootstrap returns mean(a) − mean(b) and the percentile 95%
// interval of eq. (3) from resamples draws of whole clusters, the pair
// (a[i], b[i]) belonging to cluster cl[i] (any ints; equal ints, one
// cluster), with a PCG generator seeded by seed. Clusters are numbered
// in order of first appearance, so the draws do not depend on the ints
// chosen; with every pair its own cluster it is eq. (1), draw for draw.
func ClusterBootstrap(a, b []float64, cl []int, resamples int, seed uint64) (diff, lo, hi float64) {
	n := len(a)
	index := map[int]int{}
	var sum []float64
	var size []int
	for i := range a {
		d := a[i] - b[i]
		diff += d
		k, ok := index[cl[i]]
		if !ok {
			k = len(sum)
			index[cl[i]] = k
			sum, size = append(sum, 0), append(size, 0)
		}
		sum[k] += d
		size[k]++
	}
	diff /= float64(n)
	k := len(sum)
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	stats := make([]float64, resamples)
	for r := range stats {
		s, m := 0.0, 0
		for j := 0; j < k; j++ {
			c := rng.IntN(k)
			s += sum[c]
			m += size[c]
		}
		stats[r] = s / float64(m)
	}
	sort.Float64s(stats)
	return diff, Quantile(stats, 0.025), Quantile(stats, 0.975)
}

// Quantile returns the p-quantile of sorted x by linear interpolation
// between order statistics (Hyndman & Fan 1996, type 7).
func Quantile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := p * float64(n-1)
	j := int(math.Floor(h))
	if j >= n-1 {
		return sorted[n-1]
	}
	return sorted[j] + (h-float64(j))*(sorted[j+1]-sorted[j])
}
