package web_test

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
	"parley/scenarios"
)

// TestExplainView drives the Explain view: the compromise pulls drawn as
// the API gives them; BDM's quadrant chart for NATO in round 1 from the
// first mover's perspective, every point in the region package ask
// computes; the exchange network with one edge per exchange of round 1
// and one externality row per actor; SMP's first turn with its bargains;
// KS's share of its best feasible gain per actor and who bounds it; the
// ensemble's members and their contributions; snap's candidates.
func TestExplainView(t *testing.T) {
	e := startE2E(t)
	name, data := scenarios.Default()
	c := loadCase(t, name, data, "latest")
	explain := func(model, issue string) *answer.Explanation {
		req := answer.NewExplainRequest()
		req.Model, req.Issue = model, issue
		x, err := ask.Explain(context.Background(), c, req)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	pick := func(testid, value string) chromedp.Action[chromedp.Void] {
		return void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const s = document.querySelector("[data-testid=%s]"); s.value = %q; s.dispatchEvent(new Event("change")); return true })()`, testid, value)))
	}

	// 1. Compromise: one pull chart per issue, bars as the API gives them.
	comp := explain("compromise", "")
	e.do("explain view", chromedp.Navigate(e.srv.URL+"/#explain"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=pull-chart]`)), e.shot("11-explain-compromise"))
	if n := e.count(`[data-testid=pull-chart]`); n != len(comp.Issues) {
		t.Fatalf("%d pull charts, want %d", n, len(comp.Issues))
	}
	p0 := comp.Issues[0].Pulls[0]
	sel := fmt.Sprintf(`section[data-issue=%q] rect.pull[data-actor=%q]`, comp.Issues[0].Issue, p0.Actor)
	got := get(t, e.bctx, "pull", chromedp.AttributeValue(chromedp.CSS(sel), "data-pull")).Value
	if v, _ := strconv.ParseFloat(got, 64); v != float64(p0.Pull) {
		t.Fatalf("%s's pull drawn as %s, want %v", p0.Actor, got, p0.Pull)
	}

	// 2. BDM on NATO: round 1 from the first mover's perspective.
	bdm := explain("bdm", "nato")
	r1 := bdm.Issues[0].Rounds[0]
	who := r1.Moves[0].Actor
	card := `section[data-issue="nato"] [data-testid=quad-map]`
	e.do("bdm", pick("explain-model", "bdm"), e.poll(`document.querySelectorAll("[data-testid=quad-map]").length > 1`),
		pick("explain-issue", "nato"), e.poll(`document.querySelectorAll("[data-testid=quad-map]").length === 1 && !!document.querySelector('section[data-issue="nato"] [data-testid=quad-map]')`),
		pick("bdm-perspective", who), e.poll(fmt.Sprintf(`!document.querySelector('section[data-issue="nato"] g.qpt[data-other=%q]') && document.querySelectorAll('section[data-issue="nato"] g.qpt').length > 0`, who)),
		e.shot("12-explain-bdm"))
	// bdm cycles on nato: the card's heading is the range it kept moving
	// in, as the forecast view shows it, not the last round's point
	if rg := bdm.Issues[0].Range; bdm.Issues[0].Settled || rg == nil {
		t.Fatalf("bdm on nato settled (%v): the heading test needs its cycle", bdm.Issues[0].Range)
	} else if h := get(t, e.bctx, "heading", chromedp.TextContent(chromedp.CSS(`section[data-issue="nato"] h3`))); h != fmt.Sprintf("Ukraine and NATO: %.1f–%.1f (did not settle)", rg.Lo, rg.Hi) {
		t.Errorf("heading %q, want bdm's range %v–%v", h, rg.Lo, rg.Hi)
	}
	want := map[string]string{}
	for _, ch := range r1.Challenges {
		if ch.Actor == who {
			want[ch.Other] = ch.Quadrant
		}
	}
	if n := e.count(card + ` g.qpt`); n != len(want) || n == 0 {
		t.Fatalf("%d points on the quadrant chart, want %d", n, len(want))
	}
	for other, q := range want {
		got := get(t, e.bctx, "quadrant", chromedp.AttributeValue(chromedp.CSS(fmt.Sprintf(card+` g.qpt[data-other=%q]`, other)), "data-quadrant")).Value
		if got != q {
			t.Errorf("%s's reading of %s drawn in %s, want %s", who, other, got, q)
		}
	}

	// The chart is named from the mover's perspective, its name's
	// possessive by nouns.Possessive's rule (the page said "United
	// States's perspective").
	if who != "united-states" {
		t.Fatalf("round 1's first mover is %s: the possessive test needs the United States", who)
	}
	if l := get(t, e.bctx, "quad label", chromedp.AttributeValue(chromedp.CSS(card), "aria-label")).Value; l != "United States' perspective, round 1" {
		t.Errorf("the quadrant chart is named %q, want %q", l, "United States' perspective, round 1")
	}

	// 3. Exchange: the network of round 1 and the externalities.
	ex := explain("exchange", "")
	e.do("exchange", pick("explain-issue", ""), pick("explain-model", "exchange"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=exchange-network] line.edge`)), e.shot("13-explain-exchange"))
	if n, want := e.count(`[data-testid=exchange-network] line.edge`), len(ex.Exchanges[0].Exchanges); n != want {
		t.Fatalf("%d edges, want %d exchanges of round 1", n, want)
	}
	if n := e.count(`[data-testid=externalities] tbody tr`); n != len(ex.Externalities) {
		t.Fatalf("%d externality rows, want %d", n, len(ex.Externalities))
	}
	// The table is headed in the answer's words, which parley explain
	// prints above its own table.
	if c := e.text(`[data-testid=externalities] caption`); ex.ExternalitiesHeadText == "" || c != ex.ExternalitiesHeadText ||
		!strings.Contains(oneLine(parley(t, "explain", "-m", "exchange", "-q")), c+":") {
		t.Errorf("externalities caption %q; the answer's head %q, as parley explain -m exchange prints it", c, ex.ExternalitiesHeadText)
	}

	// 4. SMP: turn 1's bargains.
	sm := explain("smp", "")
	e.do("smp", pick("explain-model", "smp"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=smp-bargains]`)), e.shot("14-explain-smp"))
	if n := e.count(`[data-testid=smp-bargains] tbody tr`); n != len(sm.Turns[0].Bargains) {
		t.Fatalf("%d bargains shown, want %d", n, len(sm.Turns[0].Bargains))
	}

	// 5. KS: on ceasefire, one row per actor with its share of its best
	// feasible gain and whether it bounds the forecast, as the API gives
	// them.
	kx := explain("ks", "ceasefire").Issues[0]
	if kx.KS == nil {
		t.Fatal("ks keeps the status quo on ceasefire: the test needs an interior solution")
	}
	ksCard := `section[data-issue="ceasefire"] [data-testid=ks-table]`
	e.do("ks", pick("explain-model", "ks"), pick("explain-issue", "ceasefire"),
		e.poll(fmt.Sprintf(`document.querySelectorAll('[data-testid=ks-table]').length === 1 && !!document.querySelector('%s')`, ksCard)), e.shot("15-explain-ks"))
	if n := e.count(ksCard + ` tbody tr`); n != len(kx.Pulls) {
		t.Fatalf("%d ks rows, want %d", n, len(kx.Pulls))
	}
	for _, p := range kx.Pulls {
		row := fmt.Sprintf(`%s tr[data-actor=%q]`, ksCard, p.Actor)
		ratio := get(t, e.bctx, "ratio", chromedp.AttributeValue(chromedp.CSS(row), "data-ratio")).Value
		bind := get(t, e.bctx, "binding", chromedp.AttributeValue(chromedp.CSS(row), "data-binding")).Value
		if v, _ := strconv.ParseFloat(ratio, 64); p.Ratio == nil || v != *p.Ratio || bind != strconv.FormatBool(p.Binding) {
			t.Errorf("%s: ratio %s, binding %s; want %v, %v", p.Actor, ratio, bind, p.Ratio, p.Binding)
		}
	}

	// 6. Ensemble: on ceasefire, one row per member with its
	// contribution as the API gives it.
	ens := explain("ensemble", "ceasefire").Issues[0]
	mCard := `section[data-issue="ceasefire"] [data-testid=ensemble-members]`
	e.do("ensemble", pick("explain-model", "ensemble"), chromedp.WaitVisible(chromedp.CSS(mCard)), e.shot("16-explain-ensemble"))
	if n := e.count(mCard + ` tbody tr`); n != len(ens.Members) || n == 0 {
		t.Fatalf("%d member rows, want %d", n, len(ens.Members))
	}
	for _, m := range ens.Members {
		got := get(t, e.bctx, "contribution", chromedp.AttributeValue(chromedp.CSS(fmt.Sprintf(`%s tr[data-model=%q]`, mCard, m.Model)), "data-contribution")).Value
		if v, _ := strconv.ParseFloat(got, 64); v != m.Contribution {
			t.Errorf("%s's contribution shown as %s, want %v", m.Model, got, m.Contribution)
		}
	}

	// 7. Snap: on ceasefire, the compromise's pulls and one row per
	// candidate outcome with its probability as the API gives it.
	sn := explain("snap", "ceasefire").Issues[0]
	sCard := `section[data-issue="ceasefire"] [data-testid=snap-candidates]`
	e.do("snap", pick("explain-model", "snap"), chromedp.WaitVisible(chromedp.CSS(sCard)), e.shot("17-explain-snap"))
	if n := e.count(sCard + ` tbody tr`); n != len(sn.Snap.Candidates) || n == 0 {
		t.Fatalf("%d candidate rows, want %d", n, len(sn.Snap.Candidates))
	}
	if n := e.count(`section[data-issue="ceasefire"] [data-testid=pull-chart] rect.pull`); n != len(sn.Pulls) {
		t.Errorf("%d pulls drawn, want %d", n, len(sn.Pulls))
	}
	for _, c := range sn.Snap.Candidates {
		got := get(t, e.bctx, "p", chromedp.AttributeValue(chromedp.CSS(fmt.Sprintf(`%s tr[data-value="%v"]`, sCard, c.Value)), "data-p")).Value
		if v, _ := strconv.ParseFloat(got, 64); v != c.Probability {
			t.Errorf("candidate %v's probability shown as %s, want %v", c.Value, got, c.Probability)
		}
	}
}

// TestExplainWithTokenAsJob: on a server that needs a token and whose
// work limit within a request is a quarter of the compromise
// explanation's estimate, the Explain view sends the token and runs the
// explanation as a job, as the refusal advises, and draws each issue's
// pull chart with the pulls package ask computes.
func TestExplainWithTokenAsJob(t *testing.T) {
	c := builtinCase(t, "latest")
	req := answer.NewExplainRequest()
	cost, err := ask.Estimate(c, req)
	if err != nil {
		t.Fatal(err)
	}
	x, err := ask.Explain(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	e := startE2EWith(t, e2eOptions{maxWork: cost.Priced() / 4, token: "explain-token-0123456789"})
	e.do("explain view", chromedp.Navigate(e.srv.URL+"/#explain"),
		e.poll(`!!document.querySelector("[data-testid=pull-chart], [data-testid=explain-result] .error")`), e.shot("11b-explain-job"))
	if n := e.count(`[data-testid=explain-result] .error`); n != 0 {
		t.Fatalf("the view shows an error: %q", e.text(`[data-testid=explain-result] .error`))
	}
	if n := e.count(`[data-testid=pull-chart]`); n != len(x.Issues) {
		t.Fatalf("%d pull charts, want %d", n, len(x.Issues))
	}
	for _, p := range x.Issues[0].Pulls {
		if math.IsNaN(float64(p.Pull)) {
			continue
		}
		sel := fmt.Sprintf(`section[data-issue=%q] rect.pull[data-actor=%q]`, x.Issues[0].Issue, p.Actor)
		got := get(t, e.bctx, "pull", chromedp.AttributeValue(chromedp.CSS(sel), "data-pull")).Value
		if v, _ := strconv.ParseFloat(got, 64); v != float64(p.Pull) {
			t.Fatalf("%s's pull drawn as %s, want %v", p.Actor, got, p.Pull)
		}
	}
}

// smpBinary is the setting the tests below choose on the Forecast view
// (from the address): it changes smp's forecast of the built-in case.
var smpBinary = answer.Settings{Params: map[string]string{"smp-vote": "Binary"}}

// TestExplainAppliesSettings: smp's settings chosen for the Forecast view
// (here from the address) reach the explanation, which explains smp's
// forecast with them, as package ask explains it with them (and not as
// with the defaults, which differ); the view names them. Without them,
// the defaults' forecast and no such line.
func TestExplainAppliesSettings(t *testing.T) {
	c := builtinCase(t, "latest")
	explain := func(s answer.Settings) *answer.Explanation {
		req := answer.NewExplainRequest()
		req.Model, req.Issue, req.Settings = "smp", "ceasefire", s
		x, err := ask.Explain(context.Background(), c, req)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	bin, def := explain(smpBinary).Issues[0], explain(answer.Settings{}).Issues[0]
	if bin.Forecast == def.Forecast {
		t.Fatalf("smp-vote Binary does not change smp's ceasefire forecast (%v): the test would prove nothing", def.Forecast)
	}
	e := startE2E(t)
	pick := void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=explain-model]"); s.value = "smp"; s.dispatchEvent(new Event("change")); return true })()`))
	card := `section[data-issue="ceasefire"]`
	for _, tc := range []struct {
		address string
		want    answer.IssueExplanation
		note    bool
	}{{"/?models=smp&param=smp-vote=Binary#explain", bin, true}, {"/?models=smp#explain", def, false}} {
		e.do("explain smp "+tc.address, chromedp.Navigate(e.srv.URL+tc.address),
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=pull-chart]`)), pick,
			chromedp.WaitVisible(chromedp.CSS(`[data-testid=smp-turn]`)))
		got := get(t, e.bctx, "forecast", chromedp.AttributeValue(chromedp.CSS(card), "data-forecast")).Value
		if v, _ := strconv.ParseFloat(got, 64); v != float64(tc.want.Forecast) {
			t.Errorf("%s: ceasefire explained as %s, want %v", tc.address, got, tc.want.Forecast)
		}
		if rg := tc.want.Range; !tc.want.Settled && rg != nil {
			if h := get(t, e.bctx, "heading", chromedp.TextContent(chromedp.CSS(card+` h3`))); h != fmt.Sprintf("Ceasefire: %.1f–%.1f (did not settle)", rg.Lo, rg.Hi) {
				t.Errorf("%s: heading %q, want the range %.1f–%.1f", tc.address, h, rg.Lo, rg.Hi)
			}
		}
		if n := e.count(`[data-testid=explain-settings]`); (n == 1) != tc.note {
			t.Errorf("%s: %d lines naming the settings", tc.address, n)
		} else if tc.note && !strings.Contains(e.text(`[data-testid=explain-settings]`), "smp-vote=Binary") {
			t.Errorf("%s: settings line %q", tc.address, e.text(`[data-testid=explain-settings]`))
		}
	}
}

// TestAdviseAppliesSettings: advice on smp starts from smp's forecast
// with the settings chosen on the Forecast view, as package ask's advice
// with them does.
func TestAdviseAppliesSettings(t *testing.T) {
	c := builtinCase(t, "latest")
	advise := func(s answer.Settings) float64 {
		req := answer.NewAdviseRequest()
		req.Actor, req.Model, req.Issue, req.Settings = "ukraine", "smp", "ceasefire", s
		a, err := ask.Advise(context.Background(), c, req, nil)
		if err != nil {
			t.Fatal(err)
		}
		return float64(a.Issues[0].Forecast)
	}
	bin, def := advise(smpBinary), advise(answer.Settings{})
	if bin == def {
		t.Fatalf("smp-vote Binary does not change smp's ceasefire forecast (%v): the test would prove nothing", def)
	}
	e := startE2E(t)
	table := `[data-testid=advise-out] table[data-issue="ceasefire"]`
	e.do("advise", chromedp.Navigate(e.srv.URL+"/?models=smp&param=smp-vote=Binary#advise"), chromedp.WaitVisible(chromedp.CSS(table)))
	e.do("advise smp", chromedp.SetValue(chromedp.CSS(`#advise-model`), "smp"), chromedp.SetValue(chromedp.CSS(`#advise-issue`), "ceasefire"),
		chromedp.Click(chromedp.CSS(`#advise-go`)),
		e.poll(`(document.querySelector('[data-testid=advise-out] p')?.textContent ?? '').includes('model smp')`))
	got := get(t, e.bctx, "forecast", chromedp.AttributeValue(chromedp.CSS(table+` caption`), "data-forecast")).Value
	if v, _ := strconv.ParseFloat(got, 64); v != bin {
		t.Errorf("advice starts from %s, want smp's forecast with the setting %v (default %v)", got, bin, def)
	}
	if s := e.text(`[data-testid=advise-settings]`); !strings.Contains(s, "smp-vote=Binary") {
		t.Errorf("settings line %q", s)
	}
}

// TestDealAppliesSettings: the deal view compares its package with smp's
// forecast under the settings chosen on the Forecast view: the distance
// it shows is package ask's for the same package with them (and not with
// the defaults, which give another).
func TestDealAppliesSettings(t *testing.T) {
	c := builtinCase(t, "latest")
	e := startE2E(t)
	smp := `[data-testid=deal-distances] span[data-model="smp"]`
	for _, tc := range []struct {
		address string
		set     answer.Settings
	}{{"/?models=compromise,smp&param=smp-vote=Binary#deal", smpBinary}, {"/?models=compromise,smp#deal", answer.Settings{}}} {
		e.do("deal "+tc.address, chromedp.Navigate(e.srv.URL+tc.address), chromedp.WaitVisible(chromedp.CSS(smp)))
		// the package the page evaluated: its sliders
		values := get(t, e.bctx, "sliders", chromedp.Evaluate[map[string]float64](`Object.fromEntries([...document.querySelectorAll("input[type=range][data-issue]")].map((i) => [i.dataset.issue, Number(i.value)]))`))
		mean := func(s answer.Settings) float64 {
			req := answer.NewDealEvaluateRequest()
			req.Package, req.Models, req.Settings = values, []string{"compromise", "smp"}, s
			ev, err := ask.DealEvaluate(context.Background(), c, req)
			if err != nil {
				t.Fatal(err)
			}
			return ev.Evaluation.Forecasts[1].Mean
		}
		want, other := mean(tc.set), mean(answer.Settings{})
		if len(tc.set.Params) > 0 && want == other {
			t.Fatalf("smp-vote Binary does not change the package's distance from smp (%v): the test would prove nothing", want)
		}
		got := get(t, e.bctx, "distance", chromedp.AttributeValue(chromedp.CSS(smp), "data-mean")).Value
		if v, _ := strconv.ParseFloat(got, 64); v != want {
			t.Errorf("%s: distance from smp %s, want %v", tc.address, got, want)
		}
		if n := e.count(`[data-testid=deal-settings]`); (n == 1) != (len(tc.set.Params) > 0) {
			t.Errorf("%s: %d lines naming the settings", tc.address, n)
		}
	}
}
