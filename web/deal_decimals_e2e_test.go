package web_test

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/ask"
)

// mixedScales is ask/testdata/mixed-scales.yaml: an issue on 0–100 (one
// decimal) before one on 0–1 (two, ask.ScaleDecimals), every actor of
// equal weight: the compromise is 51.67 on big and 1.40 / 3 = 0.4667 on u.
func mixedScales(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../ask/testdata/mixed-scales.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDealSlidersOnTheScale: the deal view's sliders step by the issue's
// last decimal and start at the forecast in the decimals, as the
// forecast is written: on the 0–100 issue by 0.1 from 51.7 (the
// compromise 51.67), on the 0–1 issue by 0.01 from 0.47 (the compromise
// 0.4667). A step of ten decimals started them at 52 and 0.5, so that
// the page evaluated a package 2% (max 3%) from the forecast it said it
// started at (on a 0–20 issue, 6.4 set at 6, on a red line ">= 6"). The
// package evaluated is the one parley deal evaluate is given typed
// (big=51.7,u=0.47): each actor's utility is its, and the distance from
// the compromise is |51.7 − 51.67|/100 = 0.03% and |0.47 − 0.4667|/1 =
// 0.33%, "0.2% (max 0.3%)". A package set on the sliders from the zone
// ("evaluate") lands on them: each slider's value is the value the
// zone's table gives the package, where a slider on the coarser step
// could not take it.
func TestDealSlidersOnTheScale(t *testing.T) {
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Mixed scales", []byte(mixedScales(t)))
	e.do("deal", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise#deal"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=zone-packages]`)))
	slider := func() map[string][3]string {
		got := get(t, e.bctx, "sliders", chromedp.Evaluate[map[string][]string](`Object.fromEntries([...document.querySelectorAll("input[type=range][data-issue]")].map((i) => [i.dataset.issue, [i.step, i.value, i.parentElement.querySelector("output").textContent]]))`))
		out := map[string][3]string{}
		for k, v := range got {
			if len(v) == 3 {
				out[k] = [3]string{v[0], v[1], v[2]}
			}
		}
		return out
	}
	want := map[string][3]string{"big": {"0.1", "51.7", "51.7"}, "u": {"0.01", "0.47", "0.47"}}
	got := slider()
	for id, w := range want {
		if got[id] != w {
			t.Errorf("slider %s: step, value and output %q, want %q", id, got[id], w)
		}
	}
	c := mixedCase(t)
	req := answer.NewDealEvaluateRequest()
	req.Package, req.Models = map[string]float64{"big": 51.7, "u": 0.47}, []string{"compromise"}
	ev, err := ask.DealEvaluate(e.ctx, c, req)
	if err != nil {
		t.Fatal(err)
	}
	if d := ask.DistanceText(ev.Evaluation.Forecasts); d != "compromise 0.2% (max 0.3%)" {
		t.Fatalf("ask's distance %q, want compromise 0.2%% (max 0.3%%)", d)
	}
	e.do("evaluated", chromedp.WaitVisible(chromedp.CSS(`[data-testid=deal-distances] span[data-model=compromise]`)))
	if d := e.text(`[data-testid=deal-distances] span[data-model=compromise]`); d != "compromise 0.2% (max 0.3%)" {
		t.Errorf("the page's distance from the compromise forecast reads %q, want compromise 0.2%% (max 0.3%%)", d)
	}
	utility := get(t, e.bctx, "utilities", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=deal-verdicts] tr")].map((tr) => tr.querySelector("td").textContent)`))
	if len(utility) != len(ev.Evaluation.Actors) {
		t.Fatalf("%d verdicts on the page, %d in the answer", len(utility), len(ev.Evaluation.Actors))
	}
	for i, v := range ev.Evaluation.Actors {
		if want := ask.Decimals(v.Utility, 3); utility[i] != want {
			t.Errorf("%s: utility %s on the page, %s for big=51.7,u=0.47", v.Actor, utility[i], want)
		}
	}

	// the zone's first package (Nash), as its table writes it
	nash := get(t, e.bctx, "nash", chromedp.Evaluate[map[string]string](`(() => { const rows = [...document.querySelectorAll("[data-testid=zone-packages] tbody tr")]; const heads = [...document.querySelectorAll("[data-testid=zone-packages] thead th")].map((th) => th.textContent); const j = heads.findIndex((x) => x.startsWith("Nash")); return Object.fromEntries(rows.map((tr) => [tr.querySelector("th").textContent, tr.children[j].querySelector("b").textContent])) })()`))
	if nash["Unit"] == "" || nash["Big"] == "" || strings.Count(nash["Unit"], ".") != 1 || len(strings.SplitN(nash["Unit"], ".", 2)[1]) != 2 {
		t.Fatalf("the zone's Nash package %q want Unit with two decimals", nash)
	}
	e.do("evaluate Nash", void(chromedp.Evaluate[bool](`(() => { [...document.querySelectorAll("[data-testid=zone-packages] thead th")].find((th) => th.textContent.startsWith("Nash")).querySelector("button").click(); return true })()`)),
		e.poll(`document.querySelector('input[type=range][data-issue="u"]')?.parentElement.querySelector("output").textContent === `+strconv.Quote(nash["Unit"])))
	got = slider()
	for id, name := range map[string]string{"big": "Big", "u": "Unit"} {
		v, _ := strconv.ParseFloat(got[id][1], 64)
		n, _ := strconv.ParseFloat(nash[name], 64)
		if got[id][2] != nash[name] || v != n {
			t.Errorf("after evaluate: slider %s at %q reads %q, want the zone's Nash package's %q", id, got[id][1], got[id][2], nash[name])
		}
	}
}

// TestAdviceChangeOnTheScale: on the advise view of a scenario with a
// 0–100 and a 0–1 issue, each lever's change reads as parley advise
// prints it, a position with its own issue's decimals ("0.45 → 0.50" on
// the 0–1 issue, "55.0 → 60.0" on the 0–100 one), a salience with two,
// where the page wrote three significant figures ("0.45 → 0.5",
// "55 → 60").
func TestAdviceChangeOnTheScale(t *testing.T) {
	c := mixedCase(t)
	req := answer.NewAdviseRequest()
	req.Actor = "north"
	a, err := ask.Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Mixed scales", []byte(mixedScales(t)))
	e.do("advise", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#advise"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=advise-actor]`)),
		void(chromedp.Evaluate[bool](`(() => { const s = document.querySelector("[data-testid=advise-actor]"); s.value = "north"; s.dispatchEvent(new Event("change")); return true })()`)),
		e.poll(`(document.querySelector('[data-testid=advise-out] p')?.textContent ?? '').startsWith('Advice for North') && !!document.querySelector('[data-testid=advise-out] table[data-issue="u"] tbody tr')`))
	adviceChanges(t, e, a)
}

// TestTornadoAxisOnTheScale: a tornado's axis ends on the scale
// step (ten of its last decimal), zooming to the bars: on the 0–1 issue
// of mixedScales with North's position ranging 0.25–0.35, the compromise
// moves from 0.45 to 0.4833 (base 0.4667); with the margin of 2% of the
// scale (more than 15% of the bars' spread) the axis runs from ⌊0.43⌋ to
// ⌈0.5033⌉ in tenths, 0.4 to 0.6, where whole numbers left it the whole
// scale, 0 to 1.
func TestTornadoAxisOnTheScale(t *testing.T) {
	mixed := mixedScales(t)
	body := strings.Replace(mixed, "position: 0.30, salience: 1, assumed: x}", "position: 0.30, salience: 1, range: {position: [0.25, 0.35]}, assumed: x}", 1)
	if body == mixed {
		t.Fatal("no range added")
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Mixed scales", []byte(body))
	fig := `[data-testid=tornado] figure[data-issue="u"]`
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		e.poll(`!!document.querySelector('`+fig+` canvas')`))
	got := get(t, e.bctx, "axis", chromedp.Evaluate[[]string](`(() => { const f = document.querySelector('`+fig+`'); return [f.dataset.xmin ?? "", f.dataset.xmax ?? ""] })()`))
	if strings.Join(got, " ") != "0.4 0.6" {
		t.Errorf("the tornado's axis on u runs %q, want 0.4 to 0.6", got)
	}
}

// mixedCase is mixedScales' scenario as ask reads it, at its latest
// snapshot.
func mixedCase(t *testing.T) *ask.Case {
	t.Helper()
	return loadCase(t, "mixed.yaml", []byte(mixedScales(t)), "latest")
}
