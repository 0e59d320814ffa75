package web_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// wideScaleYAML is a case on two issues from 0 to 100,000,000, where bdm
// does not settle in some of a sweep's draws, its last round still
// moving them by tens of millions.
const wideScaleYAML = `metadata:
  id: wide
  title: A scale 0 to 1e8
  as_of: 2025-01-01
issues:
  - id: a
    name: Issue A
    reference: 20000000.0
    scale: {min: 0, max: 100000000.0}
    anchors:
      - {value: 0, label: None}
      - {value: 50000000.0, label: Half}
      - {value: 100000000.0, label: All}
  - id: b
    name: Issue B
    reference: 20000000.0
    scale: {min: 0, max: 100000000.0}
actors:
  - {id: north, name: North, capability: 3, capability_assumed: an example}
  - {id: south, name: South, capability: 2, capability_range: [1, 3], capability_assumed: an example}
  - {id: west, name: West, capability: 1, capability_assumed: an example}
  - {id: east, name: East, capability: 1.5, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 15000000.0, salience: 0.8, range: {position: [10000000.0, 20000000.0], salience: [0.3, 0.9]}, assumed: an example}
  - {actor: north, issue: b, position: 40000000.0, salience: 0.5, range: {position: [35000000.0, 45000000.0], salience: [0.3, 0.9]}, assumed: an example}
  - {actor: south, issue: a, position: 40000000.0, salience: 0.5, range: {position: [35000000.0, 45000000.0], salience: [0.3, 0.9]}, assumed: an example}
  - {actor: south, issue: b, position: 65000000.0, salience: 0.6, range: {position: [60000000.0, 70000000.0], salience: [0.3, 0.9]}, assumed: an example}
  - {actor: west, issue: a, position: 65000000.0, salience: 0.6, range: {position: [60000000.0, 70000000.0], salience: [0.3, 0.9]}, assumed: an example}
  - {actor: west, issue: b, position: 90000000.0, salience: 0.4, range: {position: [85000000.0, 95000000.0], salience: [0.3, 0.9]}, assumed: an example}
  - {actor: east, issue: a, position: 90000000.0, salience: 0.4, range: {position: [85000000.0, 95000000.0], salience: [0.3, 0.9]}, assumed: an example}
  - {actor: east, issue: b, position: 15000000.0, salience: 0.8, range: {position: [10000000.0, 20000000.0], salience: [0.3, 0.9]}, assumed: an example}
`

// TestSweepStepsWithoutExponent: how far an unsettled draw's last round
// still moved it is written to two significant digits in plain form at
// both doors (ask.LastStepText, in the draws_unsettled_text the page
// prints): on a scale from 0 to 1e8, "25000000", where both wrote
// "2.5e+07". The page prints each issue's line as parley sweep does.
func TestSweepStepsWithoutExponent(t *testing.T) {
	file := filepath.Join(t.TempDir(), "wide.yaml")
	if err := os.WriteFile(file, []byte(wideScaleYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	out := parley(t, "sweep", file, "-m", "bdm", "-n", "40", "--seed", "1", "-q")
	line := regexp.MustCompile(`(?m)^  (\d+ of 40 draws had not settled, .*)$`)
	var want []string
	for _, m := range line.FindAllStringSubmatch(out, -1) {
		want = append(want, "⚠ "+m[1])
	}
	if len(want) == 0 {
		t.Fatalf("no draw of bdm is unsettled: the case tests nothing\n%s", out)
	}
	for _, w := range want {
		if strings.Contains(w, "e+") || !regexp.MustCompile(`by up to \d{7,8}, half of them by \d{6,8} or less`).MatchString(w) {
			t.Errorf("parley sweep writes %q, want steps in plain digits", w)
		}
	}
	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A scale 0 to 1e8", []byte(wideScaleYAML))
	e.do("sweep", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#sweep"),
		chromedp.WaitVisible(chromedp.CSS(`[data-testid=run-sweep]`)),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-model]`), "bdm"),
		chromedp.SetValue(chromedp.CSS(`[data-testid=sweep-samples]`), "40"),
		chromedp.SetValue(chromedp.CSS(`input[name=seed]`), "1"),
		chromedp.Click(chromedp.CSS(`[data-testid=run-sweep]`)),
		e.poll(`document.querySelectorAll("[data-testid=sweep-stats]").length > 0`))
	got := get(t, e.bctx, "unsettled", chromedp.Evaluate[[]string](`[...document.querySelectorAll("figure[data-issue] [data-testid=sweep-unsettled]")].map((u) => u.textContent)`))
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("the page writes\n%s\nwant, as parley sweep prints it,\n%s", g, w)
	}
}
