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

// TestDealSlidersOnTheScale: the deal view's sliders step by ten of the
// issue's last decimal and start at the forecast on that step: on the
// 0–100 issue by 1 from 52 (the compromise 51.67), as before; on the 0–1
// issue by 0.1 from 0.5 (the compromise 0.4667), where a step of 1 left
// the slider only the scale's two ends and started the package at 0, the
// scale's end, not the forecast. A package set on the sliders from the
// zone ("evaluate") keeps the decimals: each slider reads the
// value the zone's table gives the package, 0.47 and not 0.5 on 0–1.
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
	want := map[string][3]string{"big": {"1", "52", "52"}, "u": {"0.1", "0.5", "0.5"}}
	got := slider()
	for id, w := range want {
		if got[id] != w {
			t.Errorf("slider %s: step, value and output %q, want %q", id, got[id], w)
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
	b, _ := strconv.ParseFloat(got["big"][2], 64)
	nb, _ := strconv.ParseFloat(nash["Big"], 64)
	if got["u"][2] != nash["Unit"] || b != nb {
		t.Errorf("after evaluate: the sliders read big %q and u %q, want the zone's Nash package %q", got["big"][2], got["u"][2], nash)
	}
}

// TestAdviceChangeOnTheScale: on the advise view of a scenario with a
// 0–100 and a 0–1 issue, each lever's change reads as parley advise
// prints it, a position with its own issue's decimals ("0.45 → 0.50" on
// the 0–1 issue, "55.0 → 60.0" on the 0–100 one), a salience with two,
// where the page wrote three significant figures ("0.45 → 0.5",
// "55 → 60").
func TestAdviceChangeOnTheScale(t *testing.T) {
	in, err := ask.Load("mixed.yaml", []byte(mixedScales(t)), ask.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
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
		e.poll(`(document.querySelector('[data-testid=advise-out] p')?.textContent ?? '').startsWith('North') && !!document.querySelector('[data-testid=advise-out] table[data-issue="u"] tbody tr')`))
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
