package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
)

// TestTornadoBaseOutsideAsCommandLine: smp is not monotone in some of the
// built-in case's saliences (finland's on ceasefire gives 13.9 → 8.2
// around a base of 39.6, a swing of 31.4), and parley sensitivity marks
// such a swing ‡ and says under its table why its swing is wider than
// low → high. The page's tornado says the same line under the same
// issues' charts and marks the same inputs' labels ‡.
func TestTornadoBaseOutsideAsCommandLine(t *testing.T) {
	var se answer.Sensitivity
	if err := json.Unmarshal([]byte(parley(t, "sensitivity", "-m", "smp", "-q", "-f", "json")), &se); err != nil {
		t.Fatal(err)
	}
	// Per issue, the command line's line (its words joined again where
	// it wrapped) and how many of the charted inputs (the first 8 that
	// move it) are marked.
	text := oneLine(parley(t, "sensitivity", "-m", "smp", "-q"))
	want := map[string]int{}
	for _, is := range se.Models[0].Issues {
		for i, s := range is.Swings {
			if i < 8 && s.BaseOutside && s.Swing > 1e-9 {
				want[is.Issue]++
			}
		}
	}
	// (Finland's and Italy's saliences on the ceasefire swing alike, so
	// either may come first in the line; under the ceasefire table, their
	// issue goes unnamed, ask.InputName.)
	if want["ceasefire"] == 0 || !strings.Contains(text, "‡ not monotone: the forecast at the stated values lies outside low → high for ") || !strings.Contains(text, " Finland's salience;") {
		t.Fatalf("parley sensitivity -m smp marks %v and does not say the line:\n%s", want, text)
	}
	e := startE2E(t)
	e.do("sensitivity", chromedp.Navigate(e.srv.URL+"/?models=smp#sweep"), chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sensitivity]`)),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sensitivity]`)), e.poll(`document.querySelectorAll("[data-testid=tornado] figure[data-issue]").length > 0`), e.shot("70-tornado-base-outside"))
	type fig struct {
		Line   string   `json:"line"`
		Labels []string `json:"labels"`
	}
	got := get(t, e.bctx, "tornado figures", chromedp.Evaluate[map[string]fig](`Object.fromEntries([...document.querySelectorAll("[data-testid=tornado] figure[data-issue]")].map((f) => [f.dataset.issue, {
		line: f.querySelector("[data-testid=tornado-base-outside]")?.textContent ?? "", labels: JSON.parse(f.dataset.labels ?? "[]")}]))`))
	for issue, f := range got {
		marked := 0
		for _, l := range f.Labels {
			if strings.HasSuffix(l, " ‡") {
				marked++
			}
		}
		if marked != want[issue] {
			t.Errorf("%s: %d labels marked ‡ (%q), want %d as parley sensitivity marks", issue, marked, f.Labels, want[issue])
		}
		if (f.Line != "") != (want[issue] > 0) || (f.Line != "" && !strings.Contains(text, f.Line)) {
			t.Errorf("%s: the tornado says %q under it; parley sensitivity says it only where it marks a swing, in its words:\n%s", issue, f.Line, text)
		}
	}
}
