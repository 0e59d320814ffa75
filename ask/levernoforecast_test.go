package ask

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"

	"parley/answer"
	"parley/model"
	"parley/sweep"
)

// anchored is a weighted mean of the present actors' positions
// (weights capability × salience, as compromise's) with one more weight
// of 1 at the middle of the issue's scale: the forecast of an issue only
// one actor weighs lies between that actor and the middle, not on the
// actor, as it does in some real models (smp's), so the advised actor has
// a reason to persuade that actor to care less — and lowering its
// salience to 0 leaves the issue with no weight. Advice re-runs it (it
// is not compromise's closed form).
type anchored struct{}

func (anchored) Name() string { return "anchored" }
func (anchored) Summary() string {
	return "weighted mean with a weight of 1 at the middle of the scale"
}

func (anchored) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	return model.EachIssue(ctx, p, "anchored", func(is model.Issue, x, w []float64) (float64, string) {
		num, den := (is.Min+is.Max)/2, 1.0
		for j := range x {
			num += w[j] * x[j]
			den += w[j]
		}
		return num / den, ""
	})
}

// anchoredF is anchored's forecast of the none case's x, by hand, with
// b's salience s (a's is 0): (80s + 50)/(s + 1).
func anchoredF(s float64) float64 { return (80*s + 50) / (s + 1) }

// noneCase is one issue, x (0–100): a (capability 1) at 10 with salience
// 0, so b (capability 1) at 80, with the salience given (drawn from 0.01
// to 0.3), is the only actor who weighs x.
func noneCase(t *testing.T, salience float64) *Case {
	t.Helper()
	in, err := Load("none.yaml", []byte(fmt.Sprintf(`metadata: {id: none, title: None, as_of: 2025-01-01}
issues:
  - {id: x, name: X}
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: x, position: 10, salience: 0, assumed: test}
  - {actor: b, issue: x, position: 80, salience: %v, range: {salience: [0.01, 0.3]}, assumed: test}
`, salience)), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// smpNoneCase is the none case with b's salience at 0.05 and an issue
// y that a and b both weigh: smp leaves out an actor who weighs no issue,
// so a needs one to take part.
func smpNoneCase(t *testing.T) *Case {
	t.Helper()
	in, err := Load("smpnone.yaml", []byte(`metadata: {id: smpnone, title: SMP none, as_of: 2025-01-01}
issues:
  - {id: x, name: X}
  - {id: y, name: Y}
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: x, position: 10, salience: 0, assumed: test}
  - {actor: b, issue: x, position: 80, salience: 0.05, assumed: test}
  - {actor: a, issue: y, position: 20, salience: 0.5, assumed: test}
  - {actor: b, issue: y, position: 70, salience: 0.5, assumed: test}
`), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// noneWarning is the warning for a lever that leaves x with no forecast
// at the stated values.
const noneWarning = "b persuade-salience on x: leaves x with no forecast, as nobody else weighs it with the lever pulled (no model can forecast an issue nobody weighs); left out"

// At the stated values, a lever that leaves its issue with no forecast
// is left out with a warning that names it, not dropped in silence.
//
// By hand, with b's salience 0.05, the default step: anchored forecasts
// x at f = (0.05·80 + 50)/1.05 = 54/1.05 ≈ 51.43, between a (10) and b
// (80), so b stands on the far side of the forecast from a and the
// salience lever persuades b to lower its salience by 0.05, to 0: then
// nobody weighs x. The other levers: a's own position moves 10 → 5 (a
// has no weight: toward 0); a's own salience 0 → 0.05 gives
// (0.5 + 4 + 50)/1.1, toward 54/1.05 − 54.5/1.1; persuading b to 75
// gives (3.75 + 50)/1.05, toward 0.25/1.05. The same lever does the
// same in smp, whose forecast of an issue one actor weighs also lies off
// that actor (checked, not assumed).
func TestAdviseLeverLeavesNoForecast(t *testing.T) {
	c := noneCase(t, 0.05)
	ai := c.problem.ActorIndex("a")
	req := answer.NewAdviseRequest()
	req.Actor = "a"
	a, err := c.advise(context.Background(), req, anchored{}, model.Options{Seed: req.Seed}, ai, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f := float64(a.Issues[0].Forecast); math.Abs(f-54/1.05) > 1e-9 {
		t.Fatalf("forecast %v; by hand 54/1.05", f)
	}
	toward := map[string]float64{}
	for _, lv := range a.Issues[0].Levers {
		toward[lv.Kind] = float64(lv.Toward)
	}
	want := map[string]float64{
		answer.LeverOwnPosition:      0,
		answer.LeverOwnSalience:      54/1.05 - 54.5/1.1,
		answer.LeverPersuadePosition: 0.25 / 1.05,
	}
	if len(toward) != len(want) {
		t.Errorf("levers %v; want %v, persuade-salience left out", toward, want)
	}
	for k, x := range want {
		if got, ok := toward[k]; !ok || math.Abs(got-x) > 1e-9 {
			t.Errorf("%s: toward %v (listed %v); by hand %v", k, got, ok, x)
		}
	}
	if !slices.Contains(a.Warnings, noneWarning) {
		t.Errorf("warnings %q; want %q", a.Warnings, noneWarning)
	}

	req.Model = "smp"
	s, err := Advise(context.Background(), smpNoneCase(t), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f := float64(s.Issues[0].Forecast); !(f > 10 && f < 80) {
		t.Fatalf("smp forecasts x at %v, not between a and b: the case does not test smp", f)
	}
	for _, lv := range s.Issues[0].Levers {
		if lv.Kind == answer.LeverPersuadeSalience {
			t.Errorf("smp lists %+v, which leaves x with no forecast", lv)
		}
	}
	if !slices.Contains(s.Warnings, noneWarning) {
		t.Errorf("smp's warnings %q; want %q", s.Warnings, noneWarning)
	}
}

// In the draws, a lever that leaves its issue with no forecast is left
// out of that draw, not counted as a shift of 0, and counted and named.
//
// By hand, on the none case with b's salience stated at 0.2 and drawn
// uniformly from 0.01 to 0.3 (a's position, 10, lies below every
// forecast, which lies from 50 to 80): persuading b lowers its salience
// s by 0.05. Where s ≤ 0.05 that leaves x with no weight (no forecast);
// elsewhere the forecast falls from anchoredF(s) to anchoredF(s − 0.05),
// closer to a by that difference (anchoredF rises with s), so the lever
// helps in every draw that gives it a forecast and its mean is that
// difference's mean over them — where the old count, dividing by every
// draw, counted the others as 0. At the stated values its toward is
// anchoredF(0.2) − anchoredF(0.15) = 55 − 62/1.15.
func TestAdviseLeverNoForecastInDraws(t *testing.T) {
	c := noneCase(t, 0.2)
	req := answer.NewAdviseRequest()
	req.Actor, req.Draws, req.Seed, req.Uniform = "a", 40, 5, true
	a, err := c.advise(context.Background(), req, anchored{}, model.Options{Seed: req.Seed}, c.problem.ActorIndex("a"), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := c.Problem()
	q, inputs := p.Clone(), sweep.Inputs(p)
	none, sum := 0, 0.0
	for d := range req.Draws {
		sweep.Sample(q, p, inputs, req.Seed, uint64(d), true)
		s := q.Stances[1][0].Salience
		if s2 := math.Max(0, s-req.Step); s2 > 0 {
			sum += anchoredF(s) - anchoredF(s2)
		} else {
			none++
		}
	}
	if none == 0 || none == req.Draws {
		t.Fatalf("%d of %d draws leave x with no forecast: the draws do not test the count", none, req.Draws)
	}
	var lv *answer.Lever
	for i, l := range a.Issues[0].Levers {
		if l.Kind == answer.LeverPersuadeSalience {
			lv = &a.Issues[0].Levers[i]
		}
	}
	if lv == nil {
		t.Fatalf("no persuade-salience lever in %+v", a.Issues[0].Levers)
	}
	if want := 55 - 62/1.15; math.Abs(float64(lv.Toward)-want) > 1e-9 {
		t.Errorf("toward %v at the stated values; by hand %v", float64(lv.Toward), want)
	}
	if lv.NoForecastDraws != none || lv.FailedDraws != 0 {
		t.Errorf("no forecast in %d draws, failed in %d; want %d and 0", lv.NoForecastDraws, lv.FailedDraws, none)
	}
	mean := sum / float64(req.Draws-none)
	if lv.MeanToward == nil || lv.Helps == nil || math.Abs(*lv.MeanToward-mean) > 1e-9 || *lv.Helps != 1 {
		t.Errorf("mean %s, helps %s; want %v and 1 over the %d draws that gave x a forecast", orNone(lv.MeanToward), orNone(lv.Helps), mean, req.Draws-none)
	}
	want := "a lever left its issue with no forecast in some of the 40 draws, as nobody else weighed the issue with the lever pulled (no model can forecast an issue nobody weighs) — b persuade-salience on x " + Grouped(none) +
		": each such lever's mean over the draws and share of draws it helps in are over the draws in which its issue kept a forecast (none when it kept none)"
	if !slices.Contains(a.Warnings, want) {
		t.Errorf("warnings %q; want %q", a.Warnings, want)
	}
	for _, l := range a.Issues[0].Levers {
		if l.Kind != answer.LeverPersuadeSalience && (l.NoForecastDraws != 0 || l.FailedDraws != 0) {
			t.Errorf("%s: no forecast in %d draws, failed in %d; want none", l.Kind, l.NoForecastDraws, l.FailedDraws)
		}
	}
}

// orNone prints a number that may be absent.
func orNone(x *float64) string {
	if x == nil {
		return "none"
	}
	return fmt.Sprint(*x)
}
