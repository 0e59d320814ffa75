package ask

import (
	"context"
	"encoding/json"
	"math"
	"runtime"
	"testing"

	"parley/answer"
	"parley/model"
)

// rerun forecasts the case with one lever pulled, through Forecast on a
// copy of the case whose problem has the lever's stance set to its To,
// the model run with the settings set.
func rerun(t *testing.T, c *Case, modelName string, set answer.Settings, lv answer.Lever) []float64 {
	t.Helper()
	q := c.Problem()
	i, k := q.ActorIndex(lv.Actor), c.Header.IssueIndex(lv.Issue)
	if lv.Kind == answer.LeverOwnSalience || lv.Kind == answer.LeverPersuadeSalience {
		q.Stances[i][k].Salience = lv.To
	} else {
		q.Stances[i][k].Position = lv.To
	}
	c2 := *c
	c2.problem = q
	req := answer.NewForecastRequest()
	req.Models, req.Settings = []string{modelName}, set
	f, err := Forecast(context.Background(), &c2, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]float64, len(q.Issues))
	for _, is := range f.Models[0].Issues {
		out[c.Header.IssueIndex(is.Issue)] = float64(is.Forecast)
	}
	return out
}

func baseForecast(t *testing.T, c *Case, modelName string) []float64 {
	t.Helper()
	r, err := modelByNameMust(t, modelName).Forecast(context.Background(), c.Problem(), model.Options{Seed: answer.DefaultSeed})
	if err != nil {
		t.Fatal(err)
	}
	f := make([]float64, len(c.problem.Issues))
	if err := model.ResultForecasts(c.problem, r, f); err != nil {
		t.Fatal(err)
	}
	return f
}

func modelByNameMust(t *testing.T, name string) model.Model {
	t.Helper()
	m, err := modelByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestAdviseClosedFormMatchesRerun: on the built-in case, every lever the
// compromise model's closed form predicts for Ukraine and for Russia
// shifts the forecast by what a re-run of the model with the lever pulled
// gives, to 1e-9.
func TestAdviseClosedFormMatchesRerun(t *testing.T) {
	c := builtinCase(t)
	base := baseForecast(t, c, "compromise")
	for _, actor := range []string{"ukraine", "russia"} {
		req := answer.NewAdviseRequest()
		req.Actor = actor
		a, err := Advise(context.Background(), c, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		if a.Method != "closed form" {
			t.Fatalf("method %q", a.Method)
		}
		n := 0
		for _, ia := range a.Issues {
			k := c.Header.IssueIndex(ia.Issue)
			for _, lv := range ia.Levers {
				got := rerun(t, c, "compromise", answer.Settings{}, lv)
				if d := math.Abs((got[k] - base[k]) - float64(lv.Shift)); d > 1e-9 {
					t.Errorf("%s: %s %s on %s: closed form %v, re-run %v", actor, lv.Kind, lv.Actor, lv.Issue, float64(lv.Shift), got[k]-base[k])
				}
				n++
			}
		}
		if n < 20 {
			t.Errorf("%s: only %d levers", actor, n)
		}
	}
}

// TestAdviseHandDerived checks the levers of Alpha on issue y of the
// explain case against hand-derived numbers. Weights (capability ×
// salience): Alpha 1, Beta 2·0.5 = 1, Gamma 2; Σw = 4; forecast f = (10 +
// 40 + 2·70)/4 = 47.5; Alpha stands at 10. With a step of 5% of 0–100 (5
// points, 0.05 salience):
//
//	persuade Gamma 70 → 65:      Δf = 2/4·(−5) = −2.5
//	persuade Beta 40 → 35:       Δf = 1/4·(−5) = −1.25
//	own position 10 → 5:         Δf = 1/4·(−5) = −1.25
//	persuade Gamma's salience 1 → 0.95 (it stands beyond f from Alpha):
//	                             Δf = 2·(−0.05)·(70 − 47.5)/(4 − 0.1) = −0.225/0.39 ≈ −0.5769
//	persuade Beta's salience 0.5 → 0.55 (on Alpha's side of f):
//	                             Δf = 2·0.05·(40 − 47.5)/(4 + 0.1) = −0.75/4.1 ≈ −0.1829
//
// (Alpha's own salience is already 1.) Each moves f toward 10 by |Δf|.
// Alpha cares equally (1) about x, y, z, so the utility gain of a shift
// of 2.5 on a 100-point scale is 2.5/100/3.
func TestAdviseHandDerived(t *testing.T) {
	c := explainTestCase(t)
	req := answer.NewAdviseRequest()
	req.Actor, req.Issue = "a", "y"
	a, err := Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Issues) != 1 {
		t.Fatalf("%d issues", len(a.Issues))
	}
	ia := a.Issues[0]
	if math.Abs(float64(ia.Forecast)-47.5) > 1e-12 {
		t.Fatalf("forecast %v", ia.Forecast)
	}
	want := []struct {
		kind, actor string
		to, shift   float64
	}{
		{answer.LeverPersuadePosition, "c", 65, -2.5},
		{answer.LeverOwnPosition, "a", 5, -1.25},
		{answer.LeverPersuadePosition, "b", 35, -1.25},
		{answer.LeverPersuadeSalience, "c", 0.95, -0.225 / 0.39},
		{answer.LeverPersuadeSalience, "b", 0.55, -0.75 / 4.1},
	}
	if len(ia.Levers) != len(want) {
		t.Fatalf("%d levers, want %d: %+v", len(ia.Levers), len(want), ia.Levers)
	}
	for n, w := range want {
		lv := ia.Levers[n]
		if lv.Kind != w.kind || lv.Actor != w.actor || math.Abs(lv.To-w.to) > 1e-12 || math.Abs(float64(lv.Shift)-w.shift) > 1e-12 || math.Abs(float64(lv.Toward)+w.shift) > 1e-12 {
			t.Errorf("lever %d = %s %s to %v shift %v toward %v; want %s %s to %v shift %v", n, lv.Kind, lv.Actor, lv.To, float64(lv.Shift), float64(lv.Toward), w.kind, w.actor, w.to, w.shift)
		}
		if lv.Cost != 0 {
			t.Errorf("lever %d: cost %v; the compromise model moves only the lever's issue", n, lv.Cost)
		}
	}
	if g := float64(ia.Levers[0].Gain); math.Abs(g-2.5/100/3) > 1e-12 {
		t.Errorf("gain %v, want %v", g, 2.5/100/3)
	}
	if len(a.Top) == 0 || a.Top[0].Actor != "c" {
		t.Errorf("top %+v", a.Top)
	}
}

// TestAdviseRerunAndDraws: for the median model each lever's shift is the
// re-run's; with draws every lever has a mean and a share in [0, 1], the
// same seed gives the same numbers; without ranges the draws repeat the
// lever's own effect.
func TestAdviseRerunAndDraws(t *testing.T) {
	c := builtinCase(t)
	base := baseForecast(t, c, "median")
	req := answer.NewAdviseRequest()
	req.Actor, req.Model, req.Issue = "kyiv", "median", "territory"
	a, err := Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Actor != "ukraine" || a.Method != "re-run" {
		t.Fatalf("actor %q method %q", a.Actor, a.Method)
	}
	k := c.Header.IssueIndex("territory")
	for _, lv := range a.Issues[0].Levers {
		got := rerun(t, c, "median", answer.Settings{}, lv)
		if d := math.Abs((got[k] - base[k]) - float64(lv.Shift)); d > 1e-9 {
			t.Errorf("%s %s: advise %v, re-run %v", lv.Kind, lv.Actor, float64(lv.Shift), got[k]-base[k])
		}
	}
	req = answer.NewAdviseRequest()
	req.Actor, req.Draws, req.Seed = "russia", 50, 3
	a1, err := Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	// progress counts runs: one per lever L at the stated values, then
	// L + 1 per draw, the count told only ever rising
	var done []int
	total, names := 0, map[string]bool{}
	a2, _ := Advise(context.Background(), c, req, func(m string, d, t int) {
		names[m], total = true, t
		done = append(done, d)
	})
	L := (total - 50) / 51
	if len(names) != 1 || !names["compromise"] || L < 1 || total != L+50*(L+1) {
		t.Fatalf("progress of %v, %d runs in all; want compromise, L + 50(L + 1)", names, total)
	}
	if len(done) != L+50 || done[len(done)-1] != total || done[L-1] != L {
		t.Errorf("progress %v: want 1…%d, then %d more draws of %d runs each", done, L, 50, L+1)
	}
	for n := 1; n < len(done); n++ {
		if done[n] <= done[n-1] {
			t.Fatalf("progress falls back: %v", done)
		}
	}
	// a re-run model's runs are told one by one, on every worker
	mreq := req
	mreq.Model, mreq.Draws = "median", 4
	var last, calls, mtotal int
	if _, err := Advise(context.Background(), c, mreq, func(_ string, d, of int) {
		if d <= last {
			t.Errorf("median: progress %d after %d", d, last)
		}
		last, mtotal = d, of
		calls++
	}); err != nil {
		t.Fatal(err)
	}
	if L := (mtotal - 4) / 5; mtotal != L+4*(L+1) || last != mtotal || calls != mtotal {
		t.Errorf("median: %d calls, the last at %d of %d; want every run of L + 4(L + 1) told", calls, last, mtotal)
	}
	if a1.Draws != 50 {
		t.Fatalf("draws %d", a1.Draws)
	}
	for n, ia := range a1.Issues {
		for m, lv := range ia.Levers {
			if lv.MeanToward == nil || lv.Helps == nil || *lv.Helps < 0 || *lv.Helps > 1 {
				t.Fatalf("%s %s: no draws summary", lv.Kind, lv.Actor)
			}
			if o := a2.Issues[n].Levers[m]; *o.MeanToward != *lv.MeanToward || *o.Helps != *lv.Helps {
				t.Errorf("same seed, different draws")
			}
		}
	}
	// Without ranges every draw is the stated values: the mean is the
	// lever's own Toward and it helps in every draw or in none.
	e := explainTestCase(t)
	req = answer.NewAdviseRequest()
	req.Actor, req.Draws = "a", 3
	a3, err := Advise(context.Background(), e, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(a3.Warnings) == 0 {
		t.Error("no warning that the draws add nothing")
	}
	for _, ia := range a3.Issues {
		for _, lv := range ia.Levers {
			h := 0.0
			if lv.Toward > 0 {
				h = 1
			}
			if math.Abs(*lv.MeanToward-float64(lv.Toward)) > 1e-12 || *lv.Helps != h {
				t.Errorf("%s %s on %s: mean %v helps %v; toward %v", lv.Kind, lv.Actor, lv.Issue, *lv.MeanToward, *lv.Helps, float64(lv.Toward))
			}
		}
	}
}

func TestAdviseBadRequests(t *testing.T) {
	c := explainTestCase(t)
	for _, r := range []answer.AdviseRequest{
		{Actor: ""}, {Actor: "zz"}, {Actor: "a", Issue: "nope"}, {Actor: "a", Model: "nope"},
		{Actor: "a", Step: 2}, {Actor: "a", Step: math.NaN()}, {Actor: "a", Draws: -1},
	} {
		req := answer.NewAdviseRequest()
		req.Actor, req.Issue, req.Draws = r.Actor, r.Issue, r.Draws
		if r.Model != "" {
			req.Model = r.Model
		}
		if r.Step != 0 {
			req.Step = r.Step
		}
		if _, err := Advise(context.Background(), c, req, nil); err == nil {
			t.Errorf("%+v: no error", r)
		}
	}
}

// TestAdviseWorkersChangeNothing: levers and draws run on every core,
// each draw filling its own row and the rows added in draw order, so
// the advice is the same, byte for byte, on one goroutine and on four
// (70 draws: four full batches and a part one).
func TestAdviseWorkersChangeNothing(t *testing.T) {
	c := builtinCase(t)
	for _, r := range []struct {
		model, issue string
		draws        int
	}{{"median", "", 70}, {"smp", "territory", 12}} {
		req := answer.NewAdviseRequest()
		req.Actor, req.Model, req.Issue, req.Draws, req.Seed = "ukraine", r.model, r.issue, r.draws, 5
		var out [2][]byte
		for n, procs := range []int{1, 4} {
			old := runtime.GOMAXPROCS(procs)
			a, err := Advise(context.Background(), c, req, nil)
			runtime.GOMAXPROCS(old)
			if err != nil {
				t.Fatal(err)
			}
			if out[n], err = json.Marshal(a); err != nil {
				t.Fatal(err)
			}
			summed := 0
			for _, ia := range a.Issues {
				for _, lv := range ia.Levers {
					if lv.MeanToward != nil && *lv.MeanToward != 0 {
						summed++
					}
				}
			}
			if summed < 5 {
				t.Fatalf("%s: %d levers with a draws summary", r.model, summed)
			}
		}
		if string(out[0]) != string(out[1]) {
			t.Errorf("%s: the advice on one goroutine and on four differ", r.model)
		}
	}
}
