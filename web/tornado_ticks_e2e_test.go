package web_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTornadoTicksEvenlySpaced runs sensitivity on the built-in case and
// reads each tornado's x-axis ticks: they are evenly spaced. The axis is
// zoomed to the bars on whole points (xmin, xmax), and Chart.js wrote
// those ends as ticks too, beside the nearest round one ("41 42" at the
// axis's left end, "57 58" at its right), two labels overlapping.
func TestTornadoTicksEvenlySpaced(t *testing.T) {
	e := startE2E(t)
	e.do("sweep view", chromedp.Navigate(e.srv.URL+"/#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		e.poll(`document.querySelectorAll("[data-testid=tornado] figure[data-ticks]").length === 7`))
	raw := get(t, e.bctx, "ticks", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=tornado] figure[data-ticks]")].map((f) => f.dataset.issue + "\t" + f.dataset.ticks)`))
	for _, r := range raw {
		var issue string
		var ticks []float64
		for i := range r {
			if r[i] == '\t' {
				issue = r[:i]
				if err := json.Unmarshal([]byte(r[i+1:]), &ticks); err != nil {
					t.Fatal(err)
				}
				break
			}
		}
		if len(ticks) < 2 {
			t.Errorf("%s: ticks %v", issue, ticks)
			continue
		}
		step := ticks[1] - ticks[0]
		for i := 2; i < len(ticks); i++ {
			if d := ticks[i] - ticks[i-1]; math.Abs(d-step) > 1e-9*math.Max(1, math.Abs(step)) {
				t.Errorf("%s: ticks %v not evenly spaced (%g then %g)", issue, ticks, step, d)
				break
			}
		}
	}
}
