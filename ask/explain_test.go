package ask

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
)

// explainCase is a hand-made case: three actors, three issues.
//
//	x (0–100, status quo 20): Alpha 0 (w 1·1), Beta 50 (w 2·0.5), Gamma 100 (w 2·1)
//	y (0–100, no reference):  Alpha 10 (w 1),  Beta 40 (w 1),     Gamma 70 (w 2)
//	z (0–100, no reference):  Alpha 90 (w 1),  Beta 40 (w 1),     Gamma 70 (w 2)
const explainCase = `
metadata: {id: explain, title: Explain, as_of: 2025-01-01}
issues:
  - {id: x, name: X, anchors: [{value: 0, label: none}, {value: 100, label: all}], reference: 20}
  - {id: y, name: Y, anchors: [{value: 0, label: none}, {value: 100, label: all}]}
  - {id: z, name: Z, anchors: [{value: 0, label: none}, {value: 100, label: all}]}
actors:
  - {id: a, name: Alpha, capability: 1, capability_assumed: t}
  - {id: b, name: Beta, capability: 2, capability_assumed: t}
  - {id: c, name: Gamma, capability: 2, capability_assumed: t}
stances:
  - {actor: a, issue: x, position: 0, salience: 1, assumed: test}
  - {actor: b, issue: x, position: 50, salience: 0.5, assumed: test}
  - {actor: c, issue: x, position: 100, salience: 1, assumed: test}
  - {actor: a, issue: y, position: 10, salience: 1, assumed: test}
  - {actor: b, issue: y, position: 40, salience: 0.5, assumed: test}
  - {actor: c, issue: y, position: 70, salience: 1, assumed: test}
  - {actor: a, issue: z, position: 90, salience: 1, assumed: test}
  - {actor: b, issue: z, position: 40, salience: 0.5, assumed: test}
  - {actor: c, issue: z, position: 70, salience: 1, assumed: test}
`

func explainTestCase(t *testing.T) *Case {
	t.Helper()
	in, err := Load("explain.yaml", []byte(explainCase), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func explain(t *testing.T, c *Case, model, issue string) *answer.Explanation {
	t.Helper()
	req := answer.NewExplainRequest()
	req.Model, req.Issue = model, issue
	e, err := Explain(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func pullOf(t *testing.T, e answer.IssueExplanation, actor string) answer.Pull {
	t.Helper()
	for _, p := range e.Pulls {
		if p.Actor == actor {
			return p
		}
	}
	t.Fatalf("%s: no pull for %s", e.Issue, actor)
	return answer.Pull{}
}

// Compromise on x, by hand: weights 1, 1, 2 (Σ 4), shares ¼, ¼, ½;
// forecast (0 + 50 + 200)/4 = 62.5; from the status quo 20 the pulls are
// ¼·(0−20) = −5, ¼·(50−20) = 7.5, ½·(100−20) = 40, summing to 42.5 =
// 62.5 − 20. On y (no reference: from the minimum 0) the forecast is
// (10 + 40 + 140)/4 = 47.5 and the pulls 2.5, 10, 35.
func TestExplainCompromiseByHand(t *testing.T) {
	e := explain(t, explainTestCase(t), "compromise", "")
	if e.Model != "compromise" || len(e.Issues) != 3 {
		t.Fatalf("model %s, %d issues", e.Model, len(e.Issues))
	}
	want := map[string]struct {
		f, ref float64
		from   string
		pulls  map[string]float64
		order  string
	}{
		"x": {62.5, 20, "reference", map[string]float64{"a": -5, "b": 7.5, "c": 40}, "c b a"},
		"y": {47.5, 0, "min", map[string]float64{"a": 2.5, "b": 10, "c": 35}, "c b a"},
	}
	for _, ie := range e.Issues {
		w, ok := want[ie.Issue]
		if !ok {
			continue
		}
		if math.Abs(float64(ie.Forecast)-w.f) > 1e-12 || ie.Reference != w.ref || ie.ReferenceFrom != w.from {
			t.Errorf("%s: forecast %v from %v (%s), want %v from %v (%s)", ie.Issue, ie.Forecast, ie.Reference, ie.ReferenceFrom, w.f, w.ref, w.from)
		}
		sum := 0.0
		var order []string
		for _, p := range ie.Pulls {
			sum += float64(p.Pull)
			order = append(order, p.Actor)
			if math.Abs(float64(p.Pull)-w.pulls[p.Actor]) > 1e-12 {
				t.Errorf("%s: %s pulls %v, want %v", ie.Issue, p.Actor, p.Pull, w.pulls[p.Actor])
			}
		}
		if math.Abs(sum-(w.f-w.ref)) > 1e-12 {
			t.Errorf("%s: pulls sum to %v, want %v", ie.Issue, sum, w.f-w.ref)
		}
		if strings.Join(order, " ") != w.order {
			t.Errorf("%s: order %v, want %s (by |pull|)", ie.Issue, order, w.order)
		}
		if ie.Pivotal != nil || ie.Text == "" {
			t.Errorf("%s: pivotal %v, text %q", ie.Issue, ie.Pivotal, ie.Text)
		}
	}
}

// The compromise pulls sum to the forecast's offset from the reference,
// to 1e-12, on every issue of the built-in case.
func TestExplainCompromiseBuiltInSumsToForecast(t *testing.T) {
	in, _ := BuiltIn()
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	e := explain(t, c, "compromise", "")
	if len(e.Issues) != len(c.Header.Issues) {
		t.Fatalf("%d issues explained, want %d", len(e.Issues), len(c.Header.Issues))
	}
	for _, ie := range e.Issues {
		sum, share := 0.0, 0.0
		for _, p := range ie.Pulls {
			sum += float64(p.Pull)
			share += p.Share
		}
		if d := math.Abs(sum - (float64(ie.Forecast) - ie.Reference)); d > 1e-12 {
			t.Errorf("%s: Σ pulls %v, forecast − reference %v (off by %g)", ie.Issue, sum, float64(ie.Forecast)-ie.Reference, d)
		}
		if math.Abs(share-1) > 1e-12 {
			t.Errorf("%s: shares sum to %v", ie.Issue, share)
		}
	}
}

// The forecast explained is the forecast answer's, to the bit, for every
// model explain covers, and so are whether it settled and its range.
func TestExplainForecastIsForecastAnswers(t *testing.T) {
	in, _ := BuiltIn()
	c, _ := in.Case(answer.Target{Snapshot: "latest"})
	for _, m := range answer.ExplainModels {
		req := answer.NewForecastRequest()
		req.Models = []string{m}
		f, err := Forecast(context.Background(), c, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		e := explain(t, c, m, "")
		for k, ie := range e.Issues {
			if fi := f.Models[0].Issues[k]; fi.Issue != ie.Issue || fi.Forecast != ie.Forecast || fi.Settled != ie.Settled || !reflect.DeepEqual(fi.Range, ie.Range) {
				t.Errorf("%s %s: explain %v (settled %v, range %v), forecast %s %v (%v, %v)", m, ie.Issue, ie.Forecast, ie.Settled, ie.Range, fi.Issue, fi.Forecast, fi.Settled, fi.Range)
			}
		}
	}
}

// Median, by hand. On z the sorted weights are Beta 40 (1), Gamma 70 (2),
// Alpha 90 (1), half of 4 is 2: the cumulative weight first reaches 2 at
// Gamma's 70 (3 ≥ 2), so 70 is the forecast, with ¼ of the weight below,
// ½ at and ¼ above. On y (Alpha 10, Beta 40, Gamma 70) it is exactly 2 at
// Beta's 40: a tie, every point from 40 to 70 ties in pairwise votes, and
// the model forecasts the midpoint 55.
func TestExplainMedianByHand(t *testing.T) {
	e := explain(t, explainTestCase(t), "median", "")
	by := map[string]answer.IssueExplanation{}
	for _, ie := range e.Issues {
		by[ie.Issue] = ie
	}
	z := by["z"]
	if pv := z.Pivotal; float64(z.Forecast) != 70 || pv == nil || pv.Position != 70 || strings.Join(pv.Actors, ",") != "c" ||
		pv.Below != 0.25 || pv.At != 0.5 || pv.Above != 0.25 || pv.Tie || pv.Upper != nil {
		t.Errorf("z: forecast %v, pivotal %+v", z.Forecast, z.Pivotal)
	}
	if pullOf(t, z, "b").Pull != -0.25 || pullOf(t, z, "c").Pull != 0 || pullOf(t, z, "a").Pull != 0.25 {
		t.Errorf("z: pulls %+v", z.Pulls)
	}
	if !strings.Contains(z.Text, "the position of Gamma: 25% of the weight lies below it and 25% above") {
		t.Errorf("z: %s", z.Text)
	}
	y := by["y"]
	if pv := y.Pivotal; float64(y.Forecast) != 55 || pv == nil || pv.Position != 40 || strings.Join(pv.Actors, ",") != "b" ||
		pv.Below != 0.25 || pv.At != 0.25 || pv.Above != 0.5 || !pv.Tie || pv.Upper == nil || *pv.Upper != 70 {
		t.Errorf("y: forecast %v, pivotal %+v", y.Forecast, y.Pivotal)
	}
	if !strings.Contains(y.Text, "splits exactly in half") || !strings.Contains(y.Text, "midpoint") {
		t.Errorf("y: %s", y.Text)
	}
}

// Nash. On x (status quo 20) Alpha at 0 and Beta at 50 stand on both
// sides of 20: Alpha gains over the status quo only on [−20, 20], Beta
// (room |20 − 50| = 30) only on [20, 80]; the two meet at 20 alone, and
// the model keeps the status quo: no pulls, no gains.
// On y (no reference; breakdown is each actor's worst end) the solution is
// interior and the pulls — each actor's term of the first-order condition
// — sum to zero there.
func TestExplainNash(t *testing.T) {
	e := explain(t, explainTestCase(t), "nash", "")
	by := map[string]answer.IssueExplanation{}
	for _, ie := range e.Issues {
		by[ie.Issue] = ie
	}
	x := by["x"]
	if !x.StatusQuoKept || float64(x.Forecast) != 20 || !strings.Contains(x.Text, "keeps the status quo") || !strings.Contains(x.Text, "both sides") {
		t.Errorf("x: kept %v, forecast %v, %s", x.StatusQuoKept, x.Forecast, x.Text)
	}
	for _, p := range x.Pulls {
		if p.Pull.Finite() || p.Gain == nil || *p.Gain != 0 {
			t.Errorf("x: %s pull %v gain %v, want null and 0", p.Actor, p.Pull, p.Gain)
		}
	}
	y := by["y"]
	if y.StatusQuoKept {
		t.Fatal("y: status quo kept")
	}
	sum, abs := 0.0, 0.0
	for _, p := range y.Pulls {
		sum += float64(p.Pull)
		abs += math.Abs(float64(p.Pull))
		if p.Gain == nil || *p.Gain <= 0 || *p.Gain > 1 {
			t.Errorf("y: %s gain %v", p.Actor, p.Gain)
		}
		// The pull points from the forecast toward the actor.
		if (p.Distance > 0) != (p.Pull > 0) {
			t.Errorf("y: %s at distance %v pulls %v", p.Actor, p.Distance, p.Pull)
		}
	}
	if math.Abs(sum) > 1e-9*abs {
		t.Errorf("y: pulls sum to %v (of %v), want 0", sum, abs)
	}
}

func TestExplainRefuses(t *testing.T) {
	c := explainTestCase(t)
	for _, r := range []struct{ model, issue, want string }{
		{"ks", "", `model "ks": explain does not cover it; valid: compromise, median, nash, bdm, bdm-paper, exchange, smp`},
		{"nope", "", "explain does not cover it"},
		{"compromise", "w", `issue "w": no such issue; valid: x, y, z`},
	} {
		req := answer.NewExplainRequest()
		req.Model, req.Issue = r.model, r.issue
		_, err := Explain(context.Background(), c, req)
		if errs.CodeOf(err) != errs.Argument || !strings.Contains(err.Error(), r.want) {
			t.Errorf("%s %s: %v, want an argument error with %q", r.model, r.issue, err, r.want)
		}
		if r.issue == "" && Check(&req) == nil {
			t.Errorf("Check(%s) passed", r.model)
		}
	}
	// One issue only.
	if e := explain(t, c, "median", "z"); len(e.Issues) != 1 || e.Issues[0].Issue != "z" || e.Request.Issue != "z" {
		t.Errorf("issue z: %+v", e.Issues)
	}
}
