package web_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// cliHistograms is each issue's histogram as parley sweep prints it
// (args after "sweep"), by issue name: one "lo–hi share%" per bar.
func cliHistograms(t *testing.T, args ...string) map[string][]string {
	t.Helper()
	head := regexp.MustCompile(`^(.+) — forecast \S+ at the stated values$`)
	bar := regexp.MustCompile(`^\s+(\S+(?:–| to )\S+)\s+█*\s+(\d+\.\d%)$`)
	out := map[string][]string{}
	var name string
	for _, l := range strings.Split(parley(t, append([]string{"sweep"}, args...)...), "\n") {
		if m := head.FindStringSubmatch(l); m != nil {
			name = m[1]
		} else if m := bar.FindStringSubmatch(l); m != nil && name != "" {
			out[name] = append(out[name], m[1]+" "+m[2])
		}
	}
	if len(out) == 0 {
		t.Fatal("no histogram found in parley sweep's output")
	}
	return out
}

// pageHistograms runs a compromise sweep of n draws with seed 1 on the
// page at url and returns each issue's histogram as its numbers table
// gives it, by issue name, as cliHistograms does.
func pageHistograms(t *testing.T, e *e2e, url, n string) map[string][]string {
	t.Helper()
	e.do("sweep", chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "compromise"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), n),
		chromedp.SetValue(chromedp.CSS(`input[name=seed]`), "1"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelectorAll("figure[data-issue] [data-testid=histogram-numbers]").length > 0`))
	rows := get(t, e.bctx, "histograms", chromedp.Evaluate[[][]string](`[...document.querySelectorAll("figure[data-issue]")].map((f) =>
		[f.querySelector("figcaption").textContent.split(": median ")[0],
		 ...[...f.querySelectorAll("[data-testid=histogram-numbers] tbody tr")].map((r) => r.querySelector("th").textContent + " " + r.lastElementChild.textContent)])`))
	out := map[string][]string{}
	for _, r := range rows {
		out[r[0]] = r[1:]
	}
	return out
}

// TestHistogramAsCommandLine: each histogram's numbers under the chart
// read as parley sweep prints its bars, bin edges by ask.BinDecimals's
// rule: one decimal on the built-in case's 0–100 scales ("45.0–50.0";
// the chart wrote "45–50"), the scale's four on the tiny scale of
// cli/testdata/tiny-scale.yaml, where every draw lands in 0.012–0.014
// (the chart wrote "0–0", the command line "0.0–0.0", then "0.012–0.014"
// before an issue's numbers had its scale's decimals), and its six on
// the same case a hundredth as wide (0.000120–0.000140, where four
// decimals, once the most, read every edge 0.0001).
func TestHistogramAsCommandLine(t *testing.T) {
	const tiny = "../cli/testdata/tiny-scale.yaml"
	body, err := os.ReadFile(tiny)
	if err != nil {
		t.Fatal(err)
	}
	wantTiny := cliHistograms(t, tiny, "-n", "50", "--seed", "1", "-m", "compromise")
	if got := strings.Join(wantTiny["Issue A"], ", "); got != "0.0120–0.0140 100.0%" {
		t.Fatalf("parley sweep's tiny histogram reads %q, want 0.0120–0.0140 100.0%%", got)
	}
	// The same case on a scale a hundredth as wide, 0 to 0.0004: six
	// decimals (ask.ScaleDecimals: 2 − ⌊log₁₀ 0.0004⌋ = 6), bins 0.00002
	// wide; where the decimals stopped at four every edge read 0.0001.
	narrowBody := strings.NewReplacer("max: 0.04", "max: 0.0004", "reference: 0.02", "reference: 0.0002", "position: 0.013", "position: 0.00013").Replace(string(body))
	narrow := filepath.Join(t.TempDir(), "narrow-scale.yaml")
	if err := os.WriteFile(narrow, []byte(narrowBody), 0o644); err != nil {
		t.Fatal(err)
	}
	wantNarrow := cliHistograms(t, narrow, "-n", "50", "--seed", "1", "-m", "compromise")
	if got := strings.Join(wantNarrow["Issue A"], ", "); got != "0.000120–0.000140 100.0%" {
		t.Fatalf("parley sweep's narrow histogram reads %q, want 0.000120–0.000140 100.0%%", got)
	}
	wantCase := cliHistograms(t, "-n", "200", "--seed", "1", "-m", "compromise")

	e := startE2E(t)
	rec := e.stored("A tiny scale", body)
	narrowRec := e.stored("A narrow scale", []byte(strings.Replace(narrowBody, "id: tiny-scale", "id: narrow-scale", 1)))
	for _, c := range []struct {
		name, url, n string
		want         map[string][]string
	}{
		{"built-in case", e.srv.URL + "/?scenario=" + e.rec.ID + "#sweep", "200", wantCase},
		{"tiny scale", e.srv.URL + "/?scenario=" + rec.ID + "#sweep", "50", wantTiny},
		{"narrow scale", e.srv.URL + "/?scenario=" + narrowRec.ID + "#sweep", "50", wantNarrow},
	} {
		got := pageHistograms(t, e, c.url, c.n)
		if len(got) != len(c.want) {
			t.Errorf("%s: %d histograms, want %d (%q)", c.name, len(got), len(c.want), got)
		}
		for name, w := range c.want {
			if g, w := strings.Join(got[name], ", "), strings.Join(w, ", "); g != w {
				t.Errorf("%s, %s: the page's histogram reads %q, want %q as parley sweep prints it", c.name, name, g, w)
			}
		}
	}
}

// TestHistogramNumbersNamed runs a sweep on a phone's screen (390×844)
// and opens each histogram's numbers, the first from the keyboard (its
// summary focused, Enter): each table's caption names its model and
// issue, as the canvas's label does, so that a table reached among the
// page's tables (one per issue) says which it is; and the page, with
// every table open, is no wider than the screen. (The tables had no
// caption: each was a table of bins, of no issue.)
func TestHistogramNumbersNamed(t *testing.T) {
	e := startE2E(t)
	e.do("sweep", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(e.srv.URL+"/#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "compromise"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "50"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelectorAll("figure[data-issue] [data-testid=histogram-numbers]").length > 0`),
		chromedp.Focus(chromedp.CSS(`figure[data-issue] [data-testid=histogram-numbers] > summary`)),
		chromedp.KeyEvent("\r"),
		e.poll(`document.querySelector("figure[data-issue] [data-testid=histogram-numbers]").open`))
	got := get(t, e.bctx, "captions", chromedp.Evaluate[[][]string](`[...document.querySelectorAll("figure[data-issue]")].map((f) => {
		const d = f.querySelector("[data-testid=histogram-numbers]")
		d.open = true
		return [f.querySelector("figcaption").textContent.split(": median ")[0], d.querySelector("table > caption")?.textContent ?? "(none)"]
	})`))
	if len(got) == 0 {
		t.Fatal("no histogram")
	}
	for _, g := range got {
		if want := "Draws of the compromise forecast on " + g[0] + ", bin by bin"; g[1] != want {
			t.Errorf("the numbers of %s: caption %q, want %q", g[0], g[1], want)
		}
	}
	w := get(t, e.bctx, "widths", chromedp.Evaluate[[]int](`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	if w[0] > w[1] {
		t.Errorf("with the numbers open, the page is %d px wide on a screen %d px wide", w[0], w[1])
	}
	e.do("shot", e.shot("57-narrow-histogram-numbers"))
}
