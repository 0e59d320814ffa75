package sweep

import (
	"context"
	"math"
	"reflect"
	"slices"
	"testing"

	"parley/model"
)

// drift is a test model whose forecast of issue k is the weighted mean
// of the positions, reached in two rounds after round 0. Its last two
// rounds differ by 0.5 + (x − above[k])/10 — it had not settled — when
// actor a's position x on issue k lies above above[k], and by 10⁻¹² of
// the scale (within model.Settled's tolerance) otherwise. Like the models, it keeps round 0
// and the last round only with NoTrace, so a caller that took a
// NoTrace Result's round before the last would read round 0, 5 away.
// With dist it gives each issue a predictive distribution too.
type drift struct {
	above []float64
	dist  bool
}

func (m drift) Name() string    { return "drift" }
func (m drift) Summary() string { return "a test model that settles or not by its inputs" }

func (m drift) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	res := &model.Result{Model: m.Name()}
	for k, is := range p.Issues {
		f, step := m.issue(p, k)
		rounds := []model.Round{{Round: 0, Forecast: f - 5}, {Round: 1, Forecast: f - step}, {Round: 2, Forecast: f}}
		if o.NoTrace {
			rounds = []model.Round{rounds[0], rounds[2]}
		}
		ir := model.IssueResult{Issue: is.ID, Forecast: f, Rounds: rounds}
		if m.dist {
			ir.Predictive = &model.Predictive{Min: is.Min, Max: is.Max, Cont: 1, Center: f, Scale: 0.05 * (is.Max - is.Min)}
		}
		res.Issues = append(res.Issues, ir)
	}
	return res, nil
}

// issue returns issue k's forecast and the step of its last round.
func (m drift) issue(p *model.Problem, k int) (f, step float64) {
	f = m.mean(p, k)
	step = 1e-12 * (p.Issues[k].Max - p.Issues[k].Min)
	if p.Stances[0][k].Position > m.above[k] {
		step = 0.5 + (p.Stances[0][k].Position-m.above[k])/10
	}
	return f, step
}

// fastDrift is drift with model.SettlingForecaster's fast path.
type fastDrift struct{ drift }

var _ model.SettlingForecaster = fastDrift{}

func (m fastDrift) PointForecastSettling(ctx context.Context, p *model.Problem, o model.Options, dst, prev []float64) error {
	for k := range p.Issues {
		f, step := m.issue(p, k)
		dst[k], prev[k] = f, f-step
	}
	return nil
}

// driftProblem has two issues (0–100 and 0–10) and three actors; actor
// a's positions are ranged, and so is b's capability.
func driftProblem() *model.Problem {
	p := &model.Problem{Issues: []model.Issue{{ID: "x", Name: "x", Min: 0, Max: 100}, {ID: "y", Name: "y", Min: 0, Max: 10}}}
	for i, a := range []struct{ c, x, y float64 }{{1, 40, 4}, {2, 60, 6}, {1, 80, 2}} {
		id := string(rune('a' + i))
		p.Actors = append(p.Actors, model.Actor{ID: id, Name: id, Capability: a.c, CapLo: a.c, CapHi: a.c})
		p.Stances = append(p.Stances, []model.Stance{
			{Present: true, Position: a.x, Salience: 1, PosLo: a.x, PosHi: a.x, SalLo: 1, SalHi: 1},
			{Present: true, Position: a.y, Salience: 1, PosLo: a.y, PosHi: a.y, SalLo: 1, SalHi: 1}})
	}
	p.Stances[0][0].PosLo, p.Stances[0][0].PosHi = 20, 70
	p.Stances[0][1].PosLo, p.Stances[0][1].PosHi = 1, 9
	p.Actors[1].CapLo, p.Actors[1].CapHi = 1, 3
	return p
}

// The draws whose forecast had not settled are counted per issue and
// overall, exactly those whose drawn input crossed the value, through
// the fallback (a traced Forecast), a model's fast path and the path of
// a model that gives a distribution (a NoTrace Result).
func TestRunCountsUnsettledDraws(t *testing.T) {
	above := []float64{50, 6}
	p := driftProblem()
	for _, c := range []struct {
		name string
		m    model.Model
		dist bool
	}{
		{"fallback", drift{above: above}, false},
		{"fast path", fastDrift{drift{above: above}}, false},
		{"distribution", drift{above: above, dist: true}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Run(context.Background(), c.m, p, Options{Draws: 400, Seed: 5, Workers: 3})
			if err != nil {
				t.Fatal(err)
			}
			// Inputs order: b's capability, then a's positions on x and y.
			col := map[string]int{}
			for j, in := range r.Inputs {
				col[in.Label()] = j
			}
			jx, okx := col["a position on x"]
			jy, oky := col["a position on y"]
			if !okx || !oky {
				t.Fatalf("inputs %v: no a position on x or y", r.Inputs)
			}
			wantX, wantY, wantAny := 0, 0, 0
			var stepsX, stepsY []float64 // the last steps, by drift's rule
			for _, x := range r.Samples {
				ux, uy := x[jx] > above[0], x[jy] > above[1]
				if ux {
					wantX++
					stepsX = append(stepsX, 0.5+(x[jx]-above[0])/10)
				}
				if uy {
					wantY++
					stepsY = append(stepsY, 0.5+(x[jy]-above[1])/10)
				}
				if ux || uy {
					wantAny++
				}
			}
			if wantX == 0 || wantX == r.Draws || wantY == 0 || wantAny == wantX || wantAny == wantY {
				t.Fatalf("the draws do not test the count: %d, %d, %d of %d", wantX, wantY, wantAny, r.Draws)
			}
			if got := r.Issues[0].UnsettledDraws; got != wantX {
				t.Errorf("x: %d unsettled draws, want %d", got, wantX)
			}
			if got := r.Issues[1].UnsettledDraws; got != wantY {
				t.Errorf("y: %d unsettled draws, want %d", got, wantY)
			}
			// f − (f − step) is step to within a few ulps of f
			for k, steps := range [][]float64{stepsX, stepsY} {
				slices.Sort(steps)
				n := len(steps)
				most, median := steps[n-1], (steps[(n-1)/2]+steps[n/2])/2
				is := r.Issues[k]
				if math.Abs(is.LastStepMax-most) > 1e-12 || math.Abs(is.LastStepMedian-median) > 1e-12 || !(most > median && median > 0.5) {
					t.Errorf("%s: last steps up to %v, median %v; want %v, %v", is.Issue, is.LastStepMax, is.LastStepMedian, most, median)
				}
			}
			if r.UnsettledDraws != wantAny {
				t.Errorf("%d draws unsettled on some issue, want %d", r.UnsettledDraws, wantAny)
			}
			if got := r.Issues[0].Combined != nil; got != c.dist {
				t.Errorf("combined interval given: %v, want %v", got, c.dist)
			}
		})
	}
}

// Sensitivity counts the ends and the draws whose forecast had not
// settled: with a's position at the high end of its range past the
// value, that end alone, on its own issue; every other end at the stated
// values, which settle. The draws' last steps are summarised per issue
// as a sweep's are: by drift's rule, 0.5 + (x − above)/10 for each draw
// whose a's position x on the issue lies above the value, their largest
// and their median.
func TestSensitivityCountsUnsettledEnds(t *testing.T) {
	above := []float64{50, 6}
	p := driftProblem()
	for _, m := range []model.Model{drift{above: above}, fastDrift{drift{above: above}}} {
		o := Options{Draws: 300, Seed: 8, Workers: 2}
		r, err := Sensitivity(context.Background(), m, p, o)
		if err != nil {
			t.Fatal(err)
		}
		mc, err := Run(context.Background(), m, p, o)
		if err != nil {
			t.Fatal(err)
		}
		if r.Ends != 6 || r.UnsettledEnds != 2 || r.UnsettledDraws != mc.UnsettledDraws || mc.UnsettledDraws == 0 {
			t.Errorf("%T: %d of %d ends and %d draws unsettled; want 2 of 6 and %d", m, r.UnsettledEnds, r.Ends, r.UnsettledDraws, mc.UnsettledDraws)
		}
		col := map[string]int{}
		for j, in := range mc.Inputs {
			col[in.Label()] = j
		}
		for k, is := range r.Issues {
			j := col["a position on "+is.Issue]
			var steps []float64
			for _, x := range mc.Samples {
				if x[j] > above[k] {
					steps = append(steps, 0.5+(x[j]-above[k])/10)
				}
			}
			slices.Sort(steps)
			n := len(steps)
			if n < 2 || n != is.UnsettledDraws {
				t.Fatalf("%T %s: %d draws above the value, %d unsettled: the draws do not test the steps", m, is.Issue, n, is.UnsettledDraws)
			}
			most, median := steps[n-1], (steps[(n-1)/2]+steps[n/2])/2
			// f − (f − step) is step to within a few ulps of f
			if math.Abs(is.DrawsLastStepMax-most) > 1e-12 || math.Abs(is.DrawsLastStepMedian-median) > 1e-12 || !(most > median && median > 0.5) {
				t.Errorf("%T %s: the draws' last steps up to %v, median %v; want %v, %v", m, is.Issue, is.DrawsLastStepMax, is.DrawsLastStepMedian, most, median)
			}
		}
		// the one unsettled end on each issue: a's position at its high
		// end, 70 on x and 9 on y, whose last step by drift's rule is
		// 0.5 + (70 − 50)/10 and 0.5 + (9 − 6)/10
		step := []float64{2.5, 0.8}
		for k, is := range r.Issues {
			if is.UnsettledEnds != 1 || is.UnsettledDraws != mc.Issues[k].UnsettledDraws {
				t.Errorf("%T %s: %d ends and %d draws unsettled; want 1 and %d", m, is.Issue, is.UnsettledEnds, is.UnsettledDraws, mc.Issues[k].UnsettledDraws)
			}
			if math.Abs(is.EndsLastStepMax-step[k]) > 1e-12 || math.Abs(is.EndsLastStepMedian-step[k]) > 1e-12 {
				t.Errorf("%T %s: the ends' last steps up to %v, median %v; want %v", m, is.Issue, is.EndsLastStepMax, is.EndsLastStepMedian, step[k])
			}
			own := "a position on " + is.Issue
			for _, s := range is.Swings {
				if s.LowUnsettled || s.HighUnsettled != (s.Input.Label() == own) {
					t.Errorf("%T %s, %s: unsettled at low %v, at high %v; want only the high end of %s", m, is.Issue, s.Input.Label(), s.LowUnsettled, s.HighUnsettled, own)
				}
			}
		}
	}
}

// Run's Base is the model's run at the stated values with its trace, as
// a forecast runs it: every round kept (drift keeps round 0 and the last
// alone without its trace, so a NoTrace run differs), its forecasts each
// issue's Base; and Sensitivity's Base is its Monte Carlo's, the point
// every swing is measured from. A caller reads the run's notes and
// whether it settled from it, without running it again.
func TestBaseIsTheTracedRunAtTheStatedValues(t *testing.T) {
	p := driftProblem()
	m := drift{above: []float64{50, 6}}
	ctx := context.Background()
	want, err := model.Run(ctx, m, p.Clone(), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(ctx, m, p, Options{Draws: 20, Seed: 1, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Base, want) {
		t.Errorf("sweep's Base %+v, want the traced run %+v", r.Base, want)
	}
	for k, is := range r.Issues {
		if is.Base != want.Issues[k].Forecast {
			t.Errorf("issue %s: Base %v, the run's forecast %v", is.Issue, is.Base, want.Issues[k].Forecast)
		}
	}
	s, err := Sensitivity(ctx, m, p, Options{Draws: 8, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s.Base, want) {
		t.Errorf("sensitivity's Base %+v, want the traced run %+v", s.Base, want)
	}
}
