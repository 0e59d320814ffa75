// Command snapsplits estimates what snap's fit on DEU promises for issues
// it was not fitted on. The official figures (docs/skill.md, Part 3) come
// from one split: fitted on the 140 train issues, scored once on the 105
// dev issues. One split can be lucky, and dev was looked at while the
// model was designed, so this command repeats the whole fit (snapfit.Fit:
// θ, the distribution, the interval levels) on other splits of the 245
// scored issues and scores each on the issues it left out:
//
//   - R random splits of 140 issues to fit and the rest to score;
//   - R random splits by whole proposal (a proposal's issues are decided
//     together, so splitting them lets the fit see their siblings), the
//     fitted side filled to at least 140 issues;
//   - leave one wave out: fitted on two of DEU I–III, scored on the third;
//
// and, to show the machinery is the official one, the official split,
// with two bootstrap intervals of its dev ΔMAE: resampling issues (as
// `parley bench deu` does) and resampling whole proposals (their issues
// are decided together, so issue-level resampling is too narrow).
//
// It does the same for the ensemble's one fitted number, the weight of
// smp against the compromise (ensemble.Fit, eq. 3 of package ensemble):
// refitted on each random split by issue, its ΔMAE on the issues left out.
//
// For each split it takes ΔMAE (snap's point less the compromise's, on
// the issues scored: negative is a gain), the coverage of the 80% and 95%
// intervals, and their mean width as a share of the scale, and prints the
// mean, standard deviation, 10th/50th/90th percentiles and the share of
// splits where snap loses. Splits are seeded (PCG(seed, r)), so the
// output is the same on every run. It is slow: it refits snap on each
// split, r of each kind and one per wave (-r 200 took over 500 s on a
// 2-core machine); try it with a small -r first.
//
//	go run ./model/snap/cmd/snapsplits -r 100 format/deu/testdata
package main

import (
	"context"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"sort"
	"sync"

	"parley/format/deu"
	"parley/model"
	"parley/model/ensemble"
	"parley/model/smp"
	"parley/model/snap"
	"parley/model/snap/snapfit"
)

// scored is one scored issue with what the splits group it by.
type scored struct {
	c                     snap.Case
	proposal, wave, split string
	comp, smp             float64 // the compromise's and smp's forecasts
}

// result is what one split gives on the issues it scores.
type result struct {
	dMAE, cov80, cov95, width80, width95 float64
	n                                    int
}

func main() {
	r := flag.Int("r", 100, "random splits of each kind")
	seed := flag.Uint64("seed", 1, "seed of the splits")
	flag.Parse()
	if flag.NArg() != 1 || *r < 1 {
		fmt.Fprintln(os.Stderr, "usage: snapsplits [-r N] [-seed S] DEU-DIR")
		os.Exit(2)
	}
	all, err := load(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d scored issues in %d proposals; %d splits of each kind, seed %d\n", len(all), len(proposals(all)), *r, *seed)
	official := make([]bool, len(all))
	for i, s := range all {
		official[i] = s.split == "train"
	}
	x := score(all, official)
	fmt.Printf("the official split, fitted on train, scored on dev (n %d): ΔMAE %+.2f, coverage 80%% %.3f, 95%% %.3f, mean width 80%% %.2f, 95%% %.2f of the scale\n",
		x.n, x.dMAE, x.cov80, x.cov95, x.width80, x.width95)
	bootstraps(all, official, *seed)
	byIssue := func(rng *rand.Rand) []bool {
		fit := make([]bool, len(all))
		for _, i := range rng.Perm(len(all))[:140] {
			fit[i] = true
		}
		return fit
	}
	byProposal := func(rng *rand.Rand) []bool {
		ps := proposals(all)
		rng.Shuffle(len(ps), func(a, b int) { ps[a], ps[b] = ps[b], ps[a] })
		fit := make([]bool, len(all))
		n := 0
		for _, p := range ps {
			if n >= 140 {
				break
			}
			for i, s := range all {
				if s.proposal == p {
					fit[i], n = true, n+1
				}
			}
		}
		return fit
	}
	for _, kind := range []struct {
		name  string
		split func(*rand.Rand) []bool
	}{{"random issues", byIssue}, {"whole proposals", byProposal}} {
		res := make([]result, *r)
		each(*r, func(k int) {
			res[k] = score(all, kind.split(rand.New(rand.NewPCG(*seed, uint64(k)))))
		})
		summary(kind.name, res)
	}
	od, ow := ensembleSplit(all, official)
	fmt.Printf("the ensemble on the official split: smp's weight %.4f, dev ΔMAE %+.2f\n", ow, od)
	ens := make([]float64, *r)
	ws := make([]float64, *r)
	for k := range ens {
		ens[k], ws[k] = ensembleSplit(all, byIssue(rand.New(rand.NewPCG(*seed, uint64(k)))))
	}
	sort.Float64s(ens)
	sort.Float64s(ws)
	mean, sd := moments(ens)
	fmt.Printf("ensemble refitted on each random split by issue: ΔMAE mean %+.2f, sd %.2f, percentiles 10/50/90 %+.2f / %+.2f / %+.2f; smp's weight from %.2f to %.2f (median %.2f)\n",
		mean, sd, pct(ens, 0.1), pct(ens, 0.5), pct(ens, 0.9), ws[0], ws[len(ws)-1], pct(ws, 0.5))
	for _, w := range waves(all) {
		fit := make([]bool, len(all))
		for i, s := range all {
			fit[i] = s.wave != w
		}
		x := score(all, fit)
		fmt.Printf("fitted on the other waves, scored on %s (n %d): ΔMAE %+.2f, coverage 80%% %.3f, 95%% %.3f, mean width 80%% %.2f, 95%% %.2f of the scale\n",
			w, x.n, x.dMAE, x.cov80, x.cov95, x.width80, x.width95)
	}
}

// score fits snap on the issues fit marks and scores it on the others.
func score(all []scored, fit []bool) result {
	var in, out []snap.Case
	for i, s := range all {
		if fit[i] {
			in = append(in, s.c)
		} else {
			out = append(out, s.c)
		}
	}
	par, err := snapfit.Fit(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	x := result{n: len(out), dMAE: snap.PointMAE(out, par.Snap) - snap.PointMAE(out, 0),
		cov80: snap.Coverage(out, par, par.Tau80), cov95: snap.Coverage(out, par, par.Tau95)}
	for _, c := range out {
		d := snap.Predict(c.Problem, c.Issue, par)
		is := c.Problem.Issues[c.Issue]
		lo, hi := d.Interval(par.Tau80)
		x.width80 += (hi - lo) / (is.Max - is.Min)
		lo, hi = d.Interval(par.Tau95)
		x.width95 += (hi - lo) / (is.Max - is.Min)
	}
	x.width80 /= float64(len(out))
	x.width95 /= float64(len(out))
	return x
}

// ensembleSplit fits the ensemble's weight on the issues fit marks and
// returns its ΔMAE against the compromise on the others, and the weight.
func ensembleSplit(all []scored, fit []bool) (float64, float64) {
	var a, b, y []float64
	for i, s := range all {
		if fit[i] {
			a, b, y = append(a, s.comp), append(b, s.smp), append(y, s.c.Outcome)
		}
	}
	w := ensemble.Fit(a, b, y)
	d, n := 0.0, 0
	for i, s := range all {
		if !fit[i] {
			e := float64((1-w)*s.comp) + float64(w*s.smp)
			d += math.Abs(e-s.c.Outcome) - math.Abs(s.comp-s.c.Outcome)
			n++
		}
	}
	return d / float64(n), w
}

// bootstraps prints 95% intervals of the mean dev ΔMAE of snap fitted on
// the issues fit marks: 10,000 resamples of the issues scored, and of
// their proposals (each drawn proposal bringing all its scored issues).
func bootstraps(all []scored, fit []bool, seed uint64) {
	var in []snap.Case
	for i, s := range all {
		if fit[i] {
			in = append(in, s.c)
		}
	}
	par, err := snapfit.Fit(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var d []float64
	byProp := map[string][]float64{}
	var props []string
	for i, s := range all {
		if fit[i] {
			continue
		}
		x := math.Abs(snap.Point(s.c.Problem, 0, par.Snap)-s.c.Outcome) - math.Abs(s.comp-s.c.Outcome)
		d = append(d, x)
		if _, ok := byProp[s.proposal]; !ok {
			props = append(props, s.proposal)
		}
		byProp[s.proposal] = append(byProp[s.proposal], x)
	}
	const B = 10_000
	rng := rand.New(rand.NewPCG(seed, 1<<40))
	issues, proposals := make([]float64, B), make([]float64, B)
	for b := range B {
		sum := 0.0
		for range d {
			sum += d[rng.IntN(len(d))]
		}
		issues[b] = sum / float64(len(d))
		sum, n := 0.0, 0
		for range props {
			for _, x := range byProp[props[rng.IntN(len(props))]] {
				sum, n = sum+x, n+1
			}
		}
		proposals[b] = sum / float64(n)
	}
	sort.Float64s(issues)
	sort.Float64s(proposals)
	fmt.Printf("  95%% bootstrap interval of that ΔMAE: resampling its %d issues [%+.2f, %+.2f]; resampling its %d proposals [%+.2f, %+.2f]\n",
		len(d), pct(issues, 0.025), pct(issues, 0.975), len(props), pct(proposals, 0.025), pct(proposals, 0.975))
}

// summary prints the distribution of the splits' results.
func summary(name string, res []result) {
	col := func(f func(result) float64) []float64 {
		v := make([]float64, len(res))
		for i, x := range res {
			v[i] = f(x)
		}
		sort.Float64s(v)
		return v
	}
	d := col(func(x result) float64 { return x.dMAE })
	losses := 0
	for _, x := range d {
		if x > 0 {
			losses++
		}
	}
	mean, sd := moments(d)
	fmt.Printf("%s: ΔMAE mean %+.2f, sd %.2f, percentiles 10/50/90 %+.2f / %+.2f / %+.2f; snap worse in %.0f%% of splits\n",
		name, mean, sd, pct(d, 0.1), pct(d, 0.5), pct(d, 0.9), 100*float64(losses)/float64(len(d)))
	for _, m := range []struct {
		what string
		f    func(result) float64
	}{{"coverage 80%", func(x result) float64 { return x.cov80 }}, {"coverage 95%", func(x result) float64 { return x.cov95 }},
		{"mean width 80% (share of the scale)", func(x result) float64 { return x.width80 }}, {"mean width 95%", func(x result) float64 { return x.width95 }}} {
		v := col(m.f)
		mean, _ := moments(v)
		fmt.Printf("  %s: mean %.3f, percentiles 10/90 %.3f / %.3f\n", m.what, mean, pct(v, 0.1), pct(v, 0.9))
	}
}

// each runs f(0) … f(n−1) on every core; each f writes only its own slot.
func each(n int, f func(int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				f(k)
			}
		}()
	}
	for k := range n {
		next <- k
	}
	close(next)
	wg.Wait()
}

func moments(v []float64) (mean, sd float64) {
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	for _, x := range v {
		sd += (x - mean) * (x - mean)
	}
	if len(v) > 1 {
		sd = math.Sqrt(sd / float64(len(v)-1))
	}
	return mean, sd
}

// pct is the q-quantile of sorted v (the nearest rank).
func pct(v []float64, q float64) float64 {
	return v[max(0, min(len(v)-1, int(math.Ceil(q*float64(len(v))))-1))]
}

// distinct lists the values of key over the issues, in first-seen order.
func distinct(all []scored, key func(scored) string) []string {
	var out []string
	for _, s := range all {
		if k := key(s); !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// proposals lists the proposals of the issues; waves their waves.
func proposals(all []scored) []string {
	return distinct(all, func(s scored) string { return s.proposal })
}
func waves(all []scored) []string { return distinct(all, func(s scored) string { return s.wave }) }

// load reads every scored issue of a DEU directory (train and dev alike:
// the splits here are new ones) with its proposal and wave.
func load(dir string) ([]scored, error) {
	d, err := deu.Read(dir)
	if err != nil {
		return nil, err
	}
	prop := map[string]string{}
	for _, is := range d.Issues {
		prop[is.ID] = is.ProposalID
	}
	cases, _ := d.Cases()
	var out []scored
	for _, c := range cases {
		p, err := model.FromScenario(c.Scenario)
		if err != nil {
			return nil, fmt.Errorf("issue %s: %v", c.ID, err)
		}
		sm, err := model.Forecasts(context.Background(), smp.Model{}, p, model.Options{})
		if err != nil {
			return nil, fmt.Errorf("issue %s: smp: %v", c.ID, err)
		}
		out = append(out, scored{c: snap.Case{Problem: p, Issue: 0, Outcome: c.Outcome}, proposal: prop[c.ID], wave: c.Wave, split: c.Split,
			comp: snap.Point(p, 0, 0), smp: sm[0]})
	}
	return out, nil
}
