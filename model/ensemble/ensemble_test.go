package ensemble

import (
	"context"
	"encoding/json"
	"math"
	"runtime"
	"testing"

	"parley/format/deu"
	"parley/gen"
	"parley/model"
	"parley/model/compromise"
	"parley/model/median"
	"parley/model/modeltest"
	"parley/model/smp"
	"parley/skill"
)

// Fit on a hand case: a = 0, b = 10 everywhere, y = 2, 5, 9 → ratios .2,
// .5, .9 with equal weights 10 → the weighted median is .5, and the loss
// |2−5| + |5−5| + |9−5| = 7 is the least any w gives.
func TestFitHand(t *testing.T) {
	a := []float64{0, 0, 0, 7}
	b := []float64{10, 10, 10, 7} // the last case agrees: left out
	y := []float64{2, 5, 9, 100}
	if w := Fit(a, b, y); w != 0.5 {
		t.Errorf("Fit = %v, want 0.5", w)
	}
	// Weights |d|: d = 10 (r = .2) and d = −40 (r = (30−50)/−40 = .5): the
	// larger |d| holds the median → .5.
	if w := Fit([]float64{0, 50}, []float64{10, 10}, []float64{2, 30}); w != 0.5 {
		t.Errorf("Fit = %v, want 0.5", w)
	}
	// Outcomes beyond b clip to 1; all agreeing gives 0.
	if w := Fit([]float64{0}, []float64{10}, []float64{30}); w != 1 {
		t.Errorf("Fit = %v, want 1", w)
	}
	if w := Fit([]float64{4}, []float64{4}, []float64{30}); w != 0 {
		t.Errorf("Fit = %v, want 0", w)
	}
}

// Three actors, c·s weights 1, 2, 1 at 0, 60, 100: compromise =
// (0 + 120 + 100)/4 = 55, weighted median = 60 (cumulative 1, 3 > 2). With
// weights 3 and 1 on compromise and median: (3·55 + 60)/4 = 56.25 on issue
// 1; on issue 2 everyone is at 30.
func TestForecastHand(t *testing.T) {
	p := &model.Problem{
		Actors: []model.Actor{{ID: "a", Capability: 1}, {ID: "b", Capability: 2}, {ID: "c", Capability: 2}},
		Issues: []model.Issue{{ID: "i1", Min: 0, Max: 100}, {ID: "i2", Min: 0, Max: 100}},
		Stances: [][]model.Stance{
			{{Present: true, Position: 0, Salience: 1}, {Present: true, Position: 30, Salience: 1}},
			{{Present: true, Position: 60, Salience: 1}, {Present: true, Position: 30, Salience: 1}},
			{{Present: true, Position: 100, Salience: 0.5}, {}},
		},
	}
	m := Model{Members: []Member{{compromise.Model{}, 3}, {median.Model{}, 1}}}
	r, err := m.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := r.Issues[0].Forecast; f != 56.25 {
		t.Errorf("i1 = %v, want 56.25", f)
	}
	if v := r.Issues[0].Values; v["compromise"] != 55 || v["median"] != 60 {
		t.Errorf("i1 members = %v, want compromise 55 median 60", v)
	}
	if f := r.Issues[1].Forecast; f != 30 {
		t.Errorf("i2 = %v, want 30", f)
	}
	if pos := r.Issues[1].Rounds[0].Positions; !math.IsNaN(pos[2]) || pos[0] != 30 {
		t.Errorf("round 0 positions = %v", pos)
	}
	// The default members on a one-actor issue: both forecast the position.
	one := &model.Problem{Actors: []model.Actor{{ID: "a", Capability: 1}}, Issues: []model.Issue{{ID: "i", Min: 0, Max: 10}},
		Stances: [][]model.Stance{{{Present: true, Position: 7, Salience: 0.5}}}}
	if r, err := (Model{}).Forecast(context.Background(), one, model.Options{}); err != nil || math.Abs(r.Issues[0].Forecast-7) > 1e-9 {
		t.Errorf("one actor: %v %v, want 7", r, err)
	}
	if _, err := (Model{Members: []Member{{compromise.Model{}, 0}}}).Forecast(context.Background(), p, model.Options{}); err == nil {
		t.Error("zero total weight accepted")
	}
}

// deuCases returns the scored issues of DEU III as skill cases, one issue
// each, built as the bench question builds them (package ask, which this
// package cannot import).
func deuCases(t testing.TB) []skill.Case {
	t.Helper()
	d, err := deu.Read("../../format/deu/testdata")
	if err != nil {
		t.Fatal(err)
	}
	scored, _ := d.Cases()
	var cases []skill.Case
	for _, c := range scored {
		p, err := model.FromScenario(c.Scenario)
		if err != nil {
			t.Fatalf("issue %s: %v", c.ID, err)
		}
		cases = append(cases, skill.Case{ID: c.ID, Problem: p, Outcome: c.Outcome, Split: c.Split, Procedure: c.Procedure, Wave: c.Wave})
	}
	return cases
}

func deuCasesB(b *testing.B) []*model.Problem {
	var out []*model.Problem
	for _, c := range deuCases(b) {
		out = append(out, c.Problem)
	}
	return out
}

// TestFittedWeight re-derives Fitted: eq. (3) on compromise and smp
// forecasts of the 140 DEU III train issues.
func TestFittedWeight(t *testing.T) {
	var train []skill.Case
	for _, c := range deuCases(t) {
		if c.Split == "train" {
			train = append(train, c)
		}
	}
	ms := Default()
	run, err := skill.Forecasts(context.Background(), []model.Model{ms[0].Model, ms[1].Model}, train, 0)
	if err != nil {
		t.Fatal(err)
	}
	a, b, y := make([]float64, len(train)), make([]float64, len(train)), make([]float64, len(train))
	for i, c := range train {
		a[i], b[i], y[i] = run.F[0][i].Value, run.F[1][i].Value, c.Outcome
	}
	if w := Fit(a, b, y); math.Abs(w-Fitted) > 1e-12 {
		t.Errorf("Fit on train = %.17g, Fitted = %.17g", w, Fitted)
	}
}

// TestDEUSkill checks the figures docs/skill.md reports for the ensemble:
// train MAE 23.54, dev MAE 23.98 (compromise: 23.59, 24.10).
func TestDEUSkill(t *testing.T) {
	run, err := skill.Forecasts(context.Background(), []model.Model{compromise.Model{}, Model{}}, deuCases(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	rep := skill.Score(run, skill.Options{})
	for _, w := range []struct {
		split string
		mae   float64
	}{{"train", 23.54}, {"dev", 23.98}} {
		row, _ := rep.Find("ensemble", w.split, "all", "all")
		if row.Failed != 0 || math.Abs(row.MAE-w.mae) > 0.005 {
			t.Errorf("%s: %+v, want MAE %.2f", w.split, row, w.mae)
		}
	}
}

// The issues run on o.Workers goroutines; the result, notes included, is
// the same bytes with 0 (the calling goroutine alone), 2 and 8 workers at
// GOMAXPROCS 1, 2 and 8, and every issue's forecast is its members'
// weighted mean computed one issue at a time.
func TestIssuesInParallel(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 25, Issues: 6, Seed: 3}))
	if err != nil {
		t.Fatal(err)
	}
	var first []byte
	for _, c := range [][2]int{{1, 0}, {2, 0}, {2, 2}, {8, 8}} {
		procs, workers := c[0], c[1]
		runtime.GOMAXPROCS(procs)
		res, err := Model{}.Forecast(context.Background(), p, model.Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(res)
		if first == nil {
			first = b
		} else if string(b) != string(first) {
			t.Errorf("GOMAXPROCS %d, %d workers: other bytes than one goroutine", procs, workers)
		}
		for k, ir := range res.Issues {
			sub := OneIssue(p, k)
			c, err1 := compromise.Model{}.Forecast(context.Background(), sub, model.Options{})
			s, err2 := smp.Model{}.Forecast(context.Background(), sub, model.Options{})
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			want := ((1-Fitted)*c.Issues[0].Forecast + Fitted*s.Issues[0].Forecast) / ((1 - Fitted) + Fitted)
			if ir.Forecast != want {
				t.Errorf("issue %d: %v, want %v", k, ir.Forecast, want)
			}
		}
	}
}

// TestProgressCountsIssues: model.Options.Progress is told of each issue
// done, 1 to 7 of 7 on the built-in case, in order and one call at a
// time even with the issues on four goroutines; smp's own steps are not
// told.
func TestProgressCountsIssues(t *testing.T) {
	p := modeltest.Builtin(t)
	var got []int
	if _, err := (Model{}).Forecast(context.Background(), p, model.Options{Workers: 4, Progress: func(done, total int) {
		if total != len(p.Issues) {
			t.Errorf("total %d, want %d", total, len(p.Issues))
		}
		got = append(got, done)
	}}); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(p.Issues) {
		t.Fatalf("progress %v, want 1…%d", got, len(p.Issues))
	}
	for n, d := range got {
		if d != n+1 {
			t.Fatalf("progress %v, want 1…%d", got, len(p.Issues))
		}
	}
}
