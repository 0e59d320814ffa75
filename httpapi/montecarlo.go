package httpapi

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"

	"parley/model"
)

// The sweep and sensitivity kinds below are the server's own, simple
// versions: a Monte Carlo over every stated uncertainty range, and a
// one-at-a-time swing of each range for a tornado chart. Options.Jobs
// replaces them with package sweep's when the CLI wires it in.

const (
	defaultSamples = 200
	maxSamples     = 20000
	histBins       = 20
)

// SweepResult is the distribution of each model's forecast per issue when
// capabilities, positions and saliences are drawn uniformly from their
// stated ranges.
type SweepResult struct {
	Samples int          `json:"samples"`
	Seed    uint64       `json:"seed"`
	Models  []SweepModel `json:"models"`
}

// SweepModel is one model's distributions.
type SweepModel struct {
	Model  string       `json:"model"`
	Issues []SweepIssue `json:"issues"`
}

// SweepIssue is the distribution of one issue's forecast: a histogram of
// histBins equal bins over the issue's scale, and summary numbers.
type SweepIssue struct {
	Issue  string  `json:"issue"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	Counts []int   `json:"counts"`
	Mean   Num     `json:"mean"`
	SD     Num     `json:"sd"`
	P5     Num     `json:"p5"`
	P50    Num     `json:"p50"`
	P95    Num     `json:"p95"`
	Failed int     `json:"failed,omitempty"`
}

func uniform(r *rand.Rand, lo, hi float64) float64 {
	if hi <= lo {
		return lo
	}
	return lo + (hi-lo)*r.Float64()
}

// draw returns a copy of p with every value drawn from its range.
func draw(p *model.Problem, r *rand.Rand) *model.Problem {
	q := p.Clone()
	for i := range q.Actors {
		a := &q.Actors[i]
		a.Capability = uniform(r, a.CapLo, a.CapHi)
		for k := range q.Stances[i] {
			st := &q.Stances[i][k]
			if !st.Present {
				continue
			}
			st.Position = uniform(r, st.PosLo, st.PosHi)
			st.Salience = uniform(r, st.SalLo, st.SalHi)
		}
	}
	return q
}

func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	pos := q * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(sorted)-1)
	return sorted[lo] + (pos-float64(lo))*(sorted[hi]-sorted[lo])
}

func sweepJob(ctx context.Context, in *Input, progress func(done, total int)) (any, error) {
	n := in.Request.Samples
	if n == 0 {
		n = defaultSamples
	}
	p := in.Problem
	draws := make([][][]float64, len(in.Models)) // model × issue × sample
	failed := make([][]int, len(in.Models))
	for m := range in.Models {
		draws[m] = make([][]float64, len(p.Issues))
		failed[m] = make([]int, len(p.Issues))
	}
	opts := in.Options()
	opts.NoTrace = true
	for s := range n {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// Each sample has its own stream, so sample s is the same whatever
		// the number of samples.
		r := rand.New(rand.NewPCG(in.Request.Seed, uint64(s)))
		q := draw(p, r)
		for m, mod := range in.Models {
			o := opts
			o.Seed = in.Request.Seed ^ uint64(s)
			res, err := mod.Forecast(ctx, q.Clone(), o)
			for k := range p.Issues {
				if err != nil || k >= len(res.Issues) || math.IsNaN(res.Issues[k].Forecast) {
					failed[m][k]++
					continue
				}
				draws[m][k] = append(draws[m][k], res.Issues[k].Forecast)
			}
		}
		progress(s+1, n)
	}
	out := &SweepResult{Samples: n, Seed: in.Request.Seed}
	for m, mod := range in.Models {
		sm := SweepModel{Model: mod.Name()}
		for k, is := range p.Issues {
			x := draws[m][k]
			sort.Float64s(x)
			si := SweepIssue{Issue: is.ID, Min: is.Min, Max: is.Max, Counts: make([]int, histBins), Failed: failed[m][k]}
			var sum, sq float64
			for _, v := range x {
				b := int(float64(histBins) * (v - is.Min) / (is.Max - is.Min))
				si.Counts[min(max(b, 0), histBins-1)]++
				sum += v
			}
			mean := sum / float64(len(x))
			for _, v := range x {
				sq += (v - mean) * (v - mean)
			}
			si.Mean, si.SD = Num(mean), Num(math.Sqrt(sq/float64(len(x))))
			si.P5, si.P50, si.P95 = Num(quantile(x, 0.05)), Num(quantile(x, 0.5)), Num(quantile(x, 0.95))
			sm.Issues = append(sm.Issues, si)
		}
		out.Models = append(out.Models, sm)
	}
	return out, nil
}

// SensitivityResult is, per model and issue, how far the forecast moves
// when one value at a time goes to the low and the high end of its range
// (the others at their point values): the bars of a tornado chart, widest
// first.
type SensitivityResult struct {
	Models []SensitivityModel `json:"models"`
}

// SensitivityModel is one model's tornado per issue.
type SensitivityModel struct {
	Model  string             `json:"model"`
	Issues []SensitivityIssue `json:"issues"`
}

// SensitivityIssue is one issue's tornado.
type SensitivityIssue struct {
	Issue string `json:"issue"`
	Base  Num    `json:"base"`
	Bars  []Bar  `json:"bars"`
}

// Bar is one value's swing: the forecast with the value at its low and at
// its high end.
type Bar struct {
	Actor string `json:"actor"`
	// Input is "capability", "position" or "salience".
	Input string  `json:"input"`
	Low   Num     `json:"low"`
	High  Num     `json:"high"`
	Swing float64 `json:"swing"`
}

func sensitivityJob(ctx context.Context, in *Input, progress func(done, total int)) (any, error) {
	p := in.Problem
	opts := in.Options()
	opts.NoTrace = true
	type edit struct {
		actor, input string
		issue        int // -1 for capability (every issue)
		set          func(q *model.Problem, hi bool)
	}
	var edits []edit
	for i, a := range p.Actors {
		if a.CapHi > a.CapLo {
			edits = append(edits, edit{a.ID, "capability", -1, func(q *model.Problem, hi bool) {
				q.Actors[i].Capability = map[bool]float64{false: a.CapLo, true: a.CapHi}[hi]
			}})
		}
		for k := range p.Issues {
			st := p.Stances[i][k]
			if !st.Present {
				continue
			}
			if st.PosHi > st.PosLo {
				edits = append(edits, edit{a.ID, "position", k, func(q *model.Problem, hi bool) {
					q.Stances[i][k].Position = map[bool]float64{false: st.PosLo, true: st.PosHi}[hi]
				}})
			}
			if st.SalHi > st.SalLo {
				edits = append(edits, edit{a.ID, "salience", k, func(q *model.Problem, hi bool) {
					q.Stances[i][k].Salience = map[bool]float64{false: st.SalLo, true: st.SalHi}[hi]
				}})
			}
		}
	}
	total := len(in.Models) * (1 + 2*len(edits))
	done := 0
	forecast := func(m model.Model, q *model.Problem) []float64 {
		out := make([]float64, len(p.Issues))
		for k := range out {
			out[k] = math.NaN()
		}
		if res, err := m.Forecast(ctx, q, opts); err == nil {
			for k := range out {
				if k < len(res.Issues) {
					out[k] = res.Issues[k].Forecast
				}
			}
		}
		done++
		progress(done, total)
		return out
	}
	out := &SensitivityResult{}
	for _, m := range in.Models {
		base := forecast(m, p.Clone())
		sm := SensitivityModel{Model: m.Name()}
		for k, is := range p.Issues {
			sm.Issues = append(sm.Issues, SensitivityIssue{Issue: is.ID, Base: Num(base[k]), Bars: []Bar{}})
		}
		for _, e := range edits {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			var ends [2][]float64
			for h, hi := range []bool{false, true} {
				q := p.Clone()
				e.set(q, hi)
				ends[h] = forecast(m, q)
			}
			for k := range p.Issues {
				if e.issue >= 0 && e.issue != k {
					continue
				}
				lo, hi := ends[0][k], ends[1][k]
				sw := math.Abs(hi - lo)
				if math.IsNaN(sw) || sw < 1e-9 {
					continue
				}
				sm.Issues[k].Bars = append(sm.Issues[k].Bars, Bar{Actor: e.actor, Input: e.input, Low: Num(lo), High: Num(hi), Swing: sw})
			}
		}
		for k := range sm.Issues {
			b := sm.Issues[k].Bars
			sort.SliceStable(b, func(x, y int) bool { return b[x].Swing > b[y].Swing })
			if len(b) > 12 {
				sm.Issues[k].Bars = b[:12]
			}
		}
		out.Models = append(out.Models, sm)
	}
	return out, nil
}
