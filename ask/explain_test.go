package ask

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"

	"slices"

	"parley/answer"
	"parley/errs"
	"parley/model/ks"
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
// forecast (0 + 50 + 200)/4 = 62.5; each actor pulls it toward its
// position by its share × its distance from it: ¼·(0−62.5) = −15.625,
// ¼·(50−62.5) = −3.125, ½·(100−62.5) = 18.75, summing to 0 (the mean is
// where they balance), whatever the status quo 20. On y the forecast is
// (10 + 40 + 140)/4 = 47.5 and the pulls −9.375, −1.875, 11.25. A pull's
// sign is the way it pulls: Alpha and Beta, below the forecast, down.
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
		"x": {62.5, 20, "reference", map[string]float64{"a": -15.625, "b": -3.125, "c": 18.75}, "c a b"},
		"y": {47.5, 0, "min", map[string]float64{"a": -9.375, "b": -1.875, "c": 11.25}, "c a b"},
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
		if math.Abs(sum) > 1e-12 {
			t.Errorf("%s: pulls sum to %v, want 0", ie.Issue, sum)
		}
		if strings.Join(order, " ") != w.order {
			t.Errorf("%s: order %v, want %s (by |pull|)", ie.Issue, order, w.order)
		}
		if ie.Pivotal != nil || ie.Text == "" {
			t.Errorf("%s: pivotal %v, text %q", ie.Issue, ie.Pivotal, ie.Text)
		}
	}
}

// The compromise pulls sum to zero at the forecast, to 1e-12 of the
// scale's width, on every issue of the built-in case.
func TestExplainCompromiseBuiltInPullsSumToZero(t *testing.T) {
	in, _ := BuiltIn()
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	e := explain(t, c, "compromise", "")
	if len(e.Issues) != len(c.Header.Issues) {
		t.Fatalf("%d issues explained, want %d", len(e.Issues), len(c.Header.Issues))
	}
	for k, ie := range e.Issues {
		sum, share := 0.0, 0.0
		for _, p := range ie.Pulls {
			sum += float64(p.Pull)
			share += p.Share
		}
		is := c.Header.Issues[k]
		if is.ID != ie.Issue {
			t.Fatalf("issue %d explained is %s, want %s", k, ie.Issue, is.ID)
		}
		if d := math.Abs(sum); d > 1e-12*(is.Max-is.Min) {
			t.Errorf("%s: Σ pulls %v, want 0 (off by %g)", ie.Issue, sum, d)
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
		{"snapp", "", `unknown model "snapp" (did you mean "snap"?); valid: bdm, bdm-paper, compromise, compromise-band, ensemble, exchange, ks, median, nash, smp, snap`},
		{"nope", "", `unknown model "nope"; valid: bdm, bdm-paper, compromise,`},
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

// ksCase is one issue on 0–100 with the status quo 0 and three actors of
// equal weight at 20, 60 and 100 (package ks's "three actors, status
// quo" case).
const ksCase = `
metadata: {id: ks, title: KS, as_of: 2025-01-01}
issues:
  - {id: x, name: X, anchors: [{value: 0, label: none}, {value: 100, label: all}], reference: 0}
actors:
  - {id: a, name: Alpha, capability: 1, capability_assumed: t}
  - {id: b, name: Beta, capability: 1, capability_assumed: t}
  - {id: c, name: Gamma, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: x, position: 20, salience: 1, assumed: test}
  - {actor: b, issue: x, position: 60, salience: 1, assumed: test}
  - {actor: c, issue: x, position: 100, salience: 1, assumed: test}
`

// KS by hand, equations (2)–(6) of package ks on ksCase: r = 20, 60, 100
// (each actor's distance to the status quo 0); F = [0, 40] (Alpha gains
// over 0 only up to 40); the ideals are the points of F nearest each
// position, 20, 40, 40, so δ = 0, 20, 60 and the best gains, as parts of
// r², 1, 1 − 400/3600 = 8/9 and 1 − 3600/10000 = 0.64. The forecast is
// 88/3, where Alpha's and Gamma's shares of their best are equal:
// Alpha's gain 1 − (28/3)²/400 = 2816/3600 of its best 1; Gamma's
// 1 − (212/3)²/10000 = 45056/90000, which over 0.64 is 2816/3600 too;
// Beta's 1 − (92/3)²/3600 = 23936/32400 over 8/9 is 2992/3600, more: it
// does not bind. So Alpha (below) and Gamma (above) bound the forecast
// at the level 2816/3600 ≈ 0.782.
func TestExplainKSByHand(t *testing.T) {
	in, err := Load("ks.yaml", []byte(ksCase), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	ie := explain(t, c, "ks", "").Issues[0]
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9 }
	if !near(float64(ie.Forecast), 88.0/3) || ie.StatusQuoKept || ie.KS == nil {
		t.Fatalf("forecast %v, kept %v, ks %+v; want 88/3", ie.Forecast, ie.StatusQuoKept, ie.KS)
	}
	if ie.KS.Lo != 0 || ie.KS.Hi != 40 || !near(ie.KS.Level, 2816.0/3600) {
		t.Errorf("F [%v, %v], level %v; want [0, 40], %v", ie.KS.Lo, ie.KS.Hi, ie.KS.Level, 2816.0/3600)
	}
	want := map[string]struct {
		ideal, best, gain, ratio float64
		binding                  bool
	}{
		"a": {20, 1, 2816.0 / 3600, 2816.0 / 3600, true},
		"b": {40, 8.0 / 9, 23936.0 / 32400, 2992.0 / 3600, false},
		"c": {40, 0.64, 45056.0 / 90000, 2816.0 / 3600, true},
	}
	for id, w := range want {
		p := pullOf(t, ie, id)
		if p.Ideal == nil || p.IdealGain == nil || p.Gain == nil || p.Ratio == nil || p.Pull.Finite() {
			t.Fatalf("%s: %+v", id, p)
		}
		if *p.Ideal != w.ideal || !near(*p.IdealGain, w.best) || !near(*p.Gain, w.gain) || !near(*p.Ratio, w.ratio) || p.Binding != w.binding {
			t.Errorf("%s: ideal %v best %v gain %v ratio %v binding %v; want %+v", id, *p.Ideal, *p.IdealGain, *p.Gain, *p.Ratio, p.Binding, w)
		}
	}
	for _, s := range []string{"ks forecasts 29.3", "(the status quo 0.0), 0.0–40.0", "Alpha (below, 78% of its best ÷ weight 1 = 0.782) and Gamma (above, 78% of its best ÷ weight 1 = 0.782) bound it", "Beta 83% ÷ weight 1 = 0.831"} {
		if !strings.Contains(ie.Text, s) {
			t.Errorf("no %q in %q", s, ie.Text)
		}
	}
}

// On the built-in case, where the status quo is not kept, the forecast
// explained is package ks's own (ks.Solve on the issue's actors), every
// weighted actor gets at least Level × its weight relative to the
// heaviest of its best feasible gain, the binding actors exactly that,
// and they stand on both sides of the forecast (one alone could be given
// more by moving toward it); where it is kept, no actor has a ratio.
func TestExplainKSBuiltIn(t *testing.T) {
	in, _ := BuiltIn()
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	e := explain(t, c, "ks", "")
	p := c.Problem()
	interior := 0
	for k, ie := range e.Issues {
		is := p.Issues[k]
		_, cp, x, s := p.Column(k)
		w := make([]float64, len(x))
		for j := range w {
			w[j] = cp[j] * s[j]
		}
		if f, _ := ks.Solve(x, w, is.Min, is.Max, is.Reference, is.HasReference); f != float64(ie.Forecast) {
			t.Errorf("%s: explained %v, ks.Solve %v", ie.Issue, ie.Forecast, f)
		}
		if ie.StatusQuoKept {
			for _, pl := range ie.Pulls {
				if pl.Ratio != nil || pl.Binding {
					t.Errorf("%s: status quo kept, but %s has ratio %v", ie.Issue, pl.Actor, pl.Ratio)
				}
			}
			continue
		}
		interior++
		wmax := slices.Max(w)
		below, above := false, false
		for _, pl := range ie.Pulls {
			if pl.Weight == 0 {
				continue
			}
			per := *pl.Ratio / (pl.Weight / wmax)
			if per < ie.KS.Level*(1-1e-12) {
				t.Errorf("%s: %s gets %v per unit of weight, below the level %v", ie.Issue, pl.Actor, per, ie.KS.Level)
			}
			if pl.Binding {
				if math.Abs(per-ie.KS.Level) > 1e-7*ie.KS.Level {
					t.Errorf("%s: binding %s at %v, level %v", ie.Issue, pl.Actor, per, ie.KS.Level)
				}
				below = below || pl.Distance <= 0
				above = above || pl.Distance > 0
			}
		}
		if !below || !above {
			t.Errorf("%s: binding actors below %v, above %v; want both", ie.Issue, below, above)
		}
	}
	if interior == 0 {
		t.Fatal("no issue where the status quo is not kept: the test checks less than it says")
	}
}

// Explain covers every model Parley ships.
func TestExplainCoversEveryModel(t *testing.T) {
	for _, m := range ModelNames() {
		if !slices.Contains(answer.ExplainModels, m) {
			t.Errorf("explain does not cover %s", m)
		}
	}
}

// Each model's pulls are headed by what that model measures
// (PullsHead): compromise's and snap's a share × distance from the
// weighted mean, which sum to zero; median's a share of the weight above
// or below; nash's its first-order terms; and none speaks of a status
// quo (median has no pull from one). On the built-in ceasefire Russia
// (10) and the United States (5) stand below the compromise 46.6, so
// they pull it down.
func TestPullsHeadAndDirection(t *testing.T) {
	c := builtinCase(t)
	e := explain(t, c, "compromise", "ceasefire")
	ie := e.Issues[0]
	for _, id := range []string{"russia", "united-states"} {
		if p := pullOf(t, ie, id); !(p.Pull < 0) {
			t.Errorf("%s at %v below the forecast %v pulls %v, want < 0 (down)", id, p.Position, ie.Forecast, p.Pull)
		}
	}
	for model, want := range map[string]string{
		"compromise":      "pull: share × (position − forecast), + up, − down; they sum to zero at the forecast, the weighted mean; the rounded numbers shown sum to zero only nearly",
		"snap":            "pull: share × (position − compromise 46.6), + up, − down; they sum to zero at the compromise, the weighted mean snap starts from; the rounded numbers shown sum to zero only nearly",
		"compromise-band": "pull: share × (position − compromise 46.6), + up, − down; they sum to zero at the compromise, the weighted mean compromise-band starts from; the rounded numbers shown sum to zero only nearly",
		"median":          "pull: the actor's share of the weight, + above the forecast, − below: the weight that would vote it up or down",
		"nash":            "pull: the actor's term of the Nash product's first-order condition at the forecast, + up, − down; they sum to zero there; the rounded numbers shown sum to zero only nearly",
		"ks":              "",
		"bdm":             "",
	} {
		ie := explain(t, c, model, "ceasefire").Issues[0]
		if got := PullsHead(model, ie, 1); got != want {
			t.Errorf("%s: head %q, want %q", model, got, want)
		}
	}
}

// ksLightCase has Alpha at 10 with a weight of 0.002 and Beta at 100
// with 1, from the status quo 0: F = [0, 20], Alpha's best gain is its
// own position's (1) and Beta's that of 20 (1 − 80²/100² = 0.36). KS
// makes Alpha's share of its best, per unit of weight, equal Beta's:
// Alpha's share is 0.002 × Beta's, and near 20 Beta's is nearly all of
// its best (above 0.999), so Alpha's is about 0.2%, which a whole
// percent writes as "0%".
const ksLightCase = `
metadata: {id: ksl, title: KS light, as_of: 2025-01-01}
issues:
  - {id: x, name: X, anchors: [{value: 0, label: none}, {value: 100, label: all}], reference: 0}
actors:
  - {id: a, name: Alpha, capability: 1, capability_assumed: t}
  - {id: b, name: Beta, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: x, position: 10, salience: 0.002, assumed: test}
  - {actor: b, issue: x, position: 100, salience: 1, assumed: test}
`

// A share of its best that is not zero never reads as zero (RatioDecimals):
// Alpha's 0.2% in ksLightCase takes one decimal; Beta's, above 0.999 but
// below 1, takes the decimals that keep it from reading 100%
// (PercentText's rule): 99.96%.
func TestExplainKSRatioNeverReadsZero(t *testing.T) {
	c := loadCase(t, "ksl.yaml", ksLightCase)
	ie := explain(t, c, "ks", "").Issues[0]
	a, b := pullOf(t, ie, "a"), pullOf(t, ie, "b")
	if a.Ratio == nil || b.Ratio == nil || math.Abs(*a.Ratio/(*b.Ratio)-0.002) > 1e-9 || *b.Ratio < 0.999 || *b.Ratio >= 1 {
		t.Fatalf("ratios %v and %v; want Alpha's 0.002 of Beta's, Beta's in [0.999, 1)", a.Ratio, b.Ratio)
	}
	if a.RatioText != "0.2%" || b.RatioText != "99.96%" {
		t.Errorf("ratio texts %q and %q; want \"0.2%%\" and \"99.96%%\"", a.RatioText, b.RatioText)
	}
	if s := "Beta (above, 99.96% of its best ÷ weight 1 = 1) and Alpha (below, 0.2% of its best ÷ weight 0.002 = 1) bound it"; !strings.Contains(ie.Text, s) {
		t.Errorf("no %q in %q", s, ie.Text)
	}
}

// snap's probabilities never read a nonzero as zero (SnapPercentDecimals):
// a candidate with 0.0004 of the distribution, beside the likeliest with
// 0.6096 and the continuous part's 0.39, reads "0.04%" at one decimal's
// first raise past "0.0%", and every probability of the explanation
// takes the same two decimals, in its texts and in the sentence.
func TestSnapProbabilitiesNeverReadZero(t *testing.T) {
	se := &answer.SnapExplanation{Compromise: 50, Radius: 1, NearestStated: 10, Distance: 40, Continuous: 0.39, Scale: 5,
		Candidates: []answer.SnapCandidate{{Value: 10, Stated: true, Probability: 0.0004}, {Value: 50, Probability: 0.6096}}}
	snapPercents(se)
	if se.ContinuousText != "39.00%" || se.DiscreteText != "61.00%" || se.Candidates[0].ProbabilityText != "0.04%" || se.Candidates[1].ProbabilityText != "60.96%" {
		t.Errorf("texts %q %q %q %q; want 39.00%%, 61.00%%, 0.04%%, 60.96%%", se.ContinuousText, se.DiscreteText, se.Candidates[0].ProbabilityText, se.Candidates[1].ProbabilityText)
	}
	ie := &answer.IssueExplanation{Forecast: 50, Settled: true, Snap: se, Pulls: []answer.Pull{{Actor: "a", Name: "Alpha", Position: 10}}}
	text := snapText("snap", ie, 100, 1)
	for _, want := range []string{"puts 61.00% on 2 candidate outcomes", "(the heaviest candidate 50.0, with 60.96% on exactly that point;", "and 39.00% spread"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in %q", want, text)
		}
	}
}
