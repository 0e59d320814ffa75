package web_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// noisyWidthYAML is an issue on a scale from 0.2 to 0.3, 0.1 wide, which
// float64 holds as 0.09999999999999998: three decimals (ask.ScaleDecimals:
// 2 − ⌊log₁₀ 0.1⌋), where the noise once gave it four. The compromise is
// (3 × 0.22 + 0.25 + 0.28) / 5 = 1.19 / 5 = 0.238; North's salience
// drawn from 0.5 to 1 moves it from (1.5 × 0.22 + 0.53) / 3.5 = 0.2457
// down to 0.238, into the bins 0.235–0.240, 0.240–0.245 and 0.245–0.250
// (20 bins 0.005 wide from 0.2).
const noisyWidthYAML = `metadata: {id: noisy-width, title: A scale 0.1 wide, as_of: 2025-01-01}
issues:
  - id: a
    name: Issue A
    reference: 0.25
    scale: {min: 0.2, max: 0.3}
actors:
  - {id: north, name: North, capability: 3, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
  - {id: west, name: West, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 0.22, salience: 1, range: {salience: [0.5, 1]}, assumed: an example}
  - {actor: south, issue: a, position: 0.25, salience: 1, assumed: an example}
  - {actor: west, issue: a, position: 0.28, salience: 1, assumed: an example}
`

// TestNoisyWidthAsCommandLine: on a 0.2–0.3 scale the command line and
// the page write the compromise 0.238 with the scale's three decimals,
// and a sweep's histogram edges with three ("0.235–0.240"), where both
// wrote four ("0.2380", "0.2350–0.2400").
func TestNoisyWidthAsCommandLine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "noisy-width.yaml")
	if err := os.WriteFile(file, []byte(noisyWidthYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	out := parley(t, "forecast", file, "-m", "compromise", "-q")
	row := regexp.MustCompile(`│ Issue A │\s*(\S+)\s*│`).FindStringSubmatch(out)
	if row == nil || row[1] != "0.238" {
		t.Fatalf("parley forecast prints the compromise %q, want 0.238 (1.19 / 5):\n%s", row, out)
	}
	hist := cliHistograms(t, file, "-n", "50", "--seed", "1", "-m", "compromise")["Issue A"]
	edges := regexp.MustCompile(`^0\.2[0-9]{2}–0\.2[0-9]{2} `)
	if len(hist) == 0 {
		t.Fatal("parley sweep printed no histogram of Issue A")
	}
	for _, b := range hist {
		if !edges.MatchString(b) {
			t.Errorf("parley sweep writes the bin %q, want edges of three decimals (0.235–0.240)", b)
		}
	}

	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("A scale 0.1 wide", []byte(noisyWidthYAML))
	cell := `td[data-model="compromise"][data-issue="a"] b`
	e.do("forecast", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"&models=compromise#forecast"),
		chromedp.WaitVisible(chromedp.CSS(cell)))
	if got := e.text(cell); got != row[1] {
		t.Errorf("the page writes the compromise %q, want %q as parley forecast prints it", got, row[1])
	}
	got := pageHistograms(t, e, e.srv.URL+"/?scenario="+rec.ID+"#sweep", "50")["Issue A"]
	if g, w := strings.Join(got, ", "), strings.Join(hist, ", "); g != w {
		t.Errorf("the page's histogram reads %q, want %q as parley sweep prints it", g, w)
	}
}
