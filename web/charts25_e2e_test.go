package web_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
	"parley/store"
)

// elementShot writes the first element sel matches as name.png when
// screenshots are kept (e.shots).
func (e *e2e) elementShot(sel, name string) {
	e.t.Helper()
	if e.shots == "" {
		return
	}
	e.do("settle", settled())
	b := get(e.t, e.bctx, "shot "+name, chromedp.Screenshot(chromedp.CSS(sel)))
	if err := os.WriteFile(filepath.Join(e.shots, name+".png"), b, 0o644); err != nil {
		e.t.Fatal(err)
	}
}

// TestRoundChartsFitPhone: on a phone's screen (390 px) each
// round-by-round chart's canvas fits inside its card, and the page does
// not scroll sideways; the chart's legend is under it. The charts ran
// past the card's right edge, their last round's tick and two actors of
// the legend cut off.
func TestRoundChartsFitPhone(t *testing.T) {
	e := startE2E(t)
	for _, mobile := range []bool{true, false} {
		emulate := chromedp.EmulateViewport(390, 844)
		if mobile {
			emulate = chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)
		}
		e.do("phone forecast", emulate, chromedp.Navigate(e.srv.URL+"/#forecast"),
			e.poll(`document.querySelectorAll("section.card figure.chart canvas").length > 0`), settled())
		e.elementShot(`figure.chart`, "charts25-phone-rounds")
		over := get(t, e.bctx, "overflow", chromedp.Evaluate[[]string](`[...document.querySelectorAll("figure.chart canvas")].filter((c) => !c.closest("[data-testid=timeline]")).map((c) => {
			const card = c.closest("section.card").getBoundingClientRect(), r = c.getBoundingClientRect()
			return r.right > card.right - 1 || r.left < card.left || r.right > window.innerWidth ? c.getAttribute("aria-label") + ": canvas " + r.left.toFixed(0) + "–" + r.right.toFixed(0) + ", card " + card.left.toFixed(0) + "–" + card.right.toFixed(0) + ", window " + window.innerWidth : ""
		}).filter((x) => x)`))
		for _, o := range over {
			t.Errorf("mobile %v: past its card: %s", mobile, o)
		}
		if w := get(t, e.bctx, "page width", chromedp.Evaluate[float64](`document.documentElement.scrollWidth`)); w > 390 {
			t.Errorf("mobile %v: the page is %.0f px wide on a 390 px screen", mobile, w)
		}
	}
}

// TestRoundChartsSharedLines: under a round-by-round chart where actors'
// lines lie over one another, a note names the actors that share a line;
// on the built-in case's Territory (bdm) the five European actors at one
// position are one group.
func TestRoundChartsSharedLines(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?models=bdm#forecast"), e.poll(`document.querySelectorAll("figure.chart canvas").length > 0`))
	notes := get(t, e.bctx, "notes", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=shared-lines]")].map((p) => p.closest("figure").querySelector("figcaption").textContent + "\t" + p.textContent)`))
	var territory string
	for _, n := range notes {
		if strings.HasPrefix(n, "Territory\t") {
			territory = n
		}
	}
	if territory == "" {
		t.Fatalf("no note of shared lines under Territory's chart; notes: %q", notes)
	}
	for _, a := range []string{"United Kingdom", "France", "Germany"} {
		if !strings.Contains(territory, a) {
			t.Errorf("Territory's note %q does not name %s", territory, a)
		}
	}
}

// TestTimelineDays: the timeline's snapshots stand on the x axis as far
// apart as their dates (x proportional to days): the built-in case's
// 2025-03-18 and 2025-08-18 are five months apart, 2025-03-11 and
// 2025-03-18 a week, and were drawn the same distance apart. Each chart
// where a model's line has no point at a snapshot says why (bdm on
// Territory did not settle at 2025-03-18).
func TestTimelineDays(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/#forecast"), e.poll(`document.querySelectorAll("[data-testid=timeline-numbers]").length > 0`), settled())
	e.elementShot(`[data-testid=timeline] figure`, "charts25-timeline")
	raw := get(t, e.bctx, "positions", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=timeline] figure[data-issue]")].map((f) => (f.dataset.days ?? "") + "\t" + (f.dataset.x ?? ""))`))
	if len(raw) == 0 {
		t.Fatal("no timeline charts")
	}
	for _, r := range raw {
		parts := strings.Split(r, "\t")
		var days, xs []float64
		if json.Unmarshal([]byte(parts[0]), &days) != nil || json.Unmarshal([]byte(parts[1]), &xs) != nil || len(days) != len(xs) || len(days) < 3 {
			t.Fatalf("a timeline chart's days and x positions %q", r)
		}
		n := len(days) - 1
		for j := 1; j < n; j++ {
			want := (days[j] - days[0]) / (days[n] - days[0])
			if got := (xs[j] - xs[0]) / (xs[n] - xs[0]); math.Abs(got-want) > 0.01 {
				t.Errorf("snapshot %d stands at %.3f of the axis, want %.3f (its days)", j, got, want)
			}
		}
	}
	gaps := get(t, e.bctx, "gaps", chromedp.Evaluate[string](`[...document.querySelectorAll("[data-testid=timeline] figure[data-issue=territory] [data-testid=timeline-gaps] li[data-model=bdm]")].map((li) => li.textContent).join(" | ")`))
	if !strings.Contains(gaps, "2025-03-18") || !strings.Contains(gaps, "did not settle") {
		t.Errorf("Territory's note of bdm's gaps is %q, want it to say bdm did not settle at 2025-03-18", gaps)
	}
	// Each note is the answer's, as it words it (unsettled_text,
	// no_forecast_text: ask.CompareGapTexts), every model's, in order.
	var want []string
	storedAnswers(t, e, store.Compare, func(raw json.RawMessage) error {
		var cmp answer.Comparison
		if err := json.Unmarshal(raw, &cmp); err != nil || cmp.Request.Over != answer.OverSnapshots {
			return err
		}
		want = nil
		for _, m := range cmp.Models {
			for _, is := range m.Issues {
				if is.Issue == "territory" {
					for _, x := range []string{is.UnsettledText, is.NoForecastText} {
						if x != "" {
							want = append(want, m.Model+"\t"+x)
						}
					}
				}
			}
		}
		return nil
	})
	all := get(t, e.bctx, "notes", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=timeline] figure[data-issue=territory] [data-testid=timeline-gaps] li")].map((li) => li.dataset.model + "\t" + li.textContent)`))
	if len(want) == 0 || strings.Join(all, " | ") != strings.Join(want, " | ") {
		t.Errorf("Territory's timeline notes %q, want the answer's %q", all, want)
	}
}

// TestPositionMapRegularTicks: the scenario view's maps have regular
// ticks (evenly spaced values) and mark the issue's options apart, a
// row named "options"; the model labels read on white at 4.5:1 or more
// (the sky-blue exchange label read at about 2.2:1).
func TestPositionMapRegularTicks(t *testing.T) {
	e := startE2E(t)
	e.do("scenario", chromedp.Navigate(e.srv.URL+"/#scenario"), chromedp.WaitVisible(chromedp.CSS(`g.marker`)), settled())
	e.elementShot(`section.issue svg.posmap`, "charts25-posmap")
	ticks := get(t, e.bctx, "ticks", chromedp.Evaluate[[]string](`[...document.querySelectorAll("section.issue[data-issue=ceasefire] svg.posmap text.tick")].map((x) => x.textContent)`))
	var vs []float64
	for _, s := range ticks {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("tick %q", s)
		}
		vs = append(vs, v)
	}
	if len(vs) < 3 {
		t.Fatalf("ticks %v", vs)
	}
	for i := 2; i < len(vs); i++ {
		if math.Abs((vs[i]-vs[i-1])-(vs[1]-vs[0])) > 1e-9 {
			t.Errorf("ticks %v are not evenly spaced", vs)
			break
		}
	}
	if n := e.count(`section.issue[data-issue=ceasefire] svg.posmap .option`); n != len(e.full.Issues[0].Anchors) {
		t.Errorf("%d option marks on Ceasefire, want %d", n, len(e.full.Issues[0].Anchors))
	}
	if got := get(t, e.bctx, "options row", chromedp.Evaluate[string](`document.querySelector("section.issue[data-issue=ceasefire] svg.posmap text.optlabel")?.textContent ?? ""`)); got != "options" {
		t.Errorf("the options row is named %q", got)
	}
	low := get(t, e.bctx, "contrast", chromedp.Evaluate[[]string](`[...document.querySelectorAll("svg.posmap text.flabel")].map((x) => {
		const [r, g, b] = getComputedStyle(x).fill.match(/\d+/g).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)))
		const c = 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)
		return c < 4.5 ? x.textContent + " " + c.toFixed(2) : ""
	}).filter((x) => x)`))
	for _, l := range low {
		t.Errorf("label on white below 4.5:1: %s", l)
	}
}

// TestRoundChartsForecastOnTop: the round-by-round chart draws the
// forecast's thick dashed line over the actors' lines. On Security
// guarantees (bdm) four actors stand at the forecast, 70, and the last
// drawn hid it: along the forecast's row of pixels, most of the dashes
// (6 of every 10 px) are now near black.
func TestRoundChartsForecastOnTop(t *testing.T) {
	e := startE2E(t)
	e.do("forecast", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(e.srv.URL+"/?models=bdm#forecast"), e.poll(`document.querySelectorAll("figure.chart[data-forecast-y]").length > 0`), settled())
	share := get(t, e.bctx, "dark share", chromedp.Evaluate[float64](`(() => {
		const f = [...document.querySelectorAll("figure.chart[data-forecast-y]")].find((f) => f.querySelector("figcaption").textContent.startsWith("Security guarantees"))
		const c = f.querySelector("canvas"), k = c.width / c.clientWidth, y = Math.round(Number(f.dataset.forecastY) * k)
		const w = c.width, img = c.getContext("2d").getImageData(0, y, w, 1).data
		let dark = 0, n = 0
		for (let x = Math.round(w * 0.2); x < Math.round(w * 0.5); x++) { n++; if (img[4 * x] + img[4 * x + 1] + img[4 * x + 2] < 150) dark++ }
		return dark / n
	})()`))
	if share < 0.4 {
		t.Errorf("%.2f of the forecast's row is near black, want 0.4 or more (its dashes drawn over the actors' lines)", share)
	}
}
