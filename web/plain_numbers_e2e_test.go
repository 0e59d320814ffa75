package web_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// tinyScale is a scenario on a scale from 0 to 0.000001, whose points
// JavaScript's String writes in exponent form below 1e-6 ("1e-7").
const tinyScale = `metadata: {id: tiny, title: Tiny, as_of: "2025-01-01"}
issues:
  - id: dose
    name: Dose
    scale: {min: 0, max: 0.000001}
    anchors:
      - {value: 0, label: none}
      - {value: 0.0000001, label: trace}
      - {value: 0.000001, label: full}
actors:
  - {id: n, name: North, capability: 2, capability_assumed: t}
  - {id: s, name: South, capability: 1, capability_assumed: t}
stances:
  - {actor: n, issue: dose, position: 0.0000001, salience: 0.5, assumed: x}
  - {actor: s, issue: dose, position: 0.0000002, salience: 1, assumed: x}
`

// TestPlainNumbersAsCommandLine: the page writes a scale point and a
// stance's position as the command line writes a value as the file
// states it (Go's shortest fixed form): the option "trace" at 0.0000001
// in parley forecast's legend is 0.0000001 in the page's Scale list and
// its options row, its axis's ticks are written so, and North's position is 0.0000001 on its marker. (The page
// wrote String(x): "1e-7".)
func TestPlainNumbersAsCommandLine(t *testing.T) {
	file := filepath.Join(t.TempDir(), "tiny.yaml")
	if err := os.WriteFile(file, []byte(tinyScale), 0o644); err != nil {
		t.Fatal(err)
	}
	// The legend under parley forecast's table: "  0.0000001  trace".
	var cli string
	for _, l := range strings.Split(parley(t, "forecast", file, "-m", "compromise", "-q"), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[1] == "trace" {
			cli = f[0]
		}
	}
	if cli != "0.0000001" {
		t.Fatalf("parley forecast's legend writes the option trace at %q, want 0.0000001", cli)
	}

	e := startE2EWith(t, e2eOptions{empty: true})
	rec := e.stored("Tiny", []byte(tinyScale))
	e.do("load", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#scenario"), chromedp.WaitVisible(chromedp.CSS(`g.marker[data-actor=n]`)))
	scale := get(t, e.bctx, "the Scale list", chromedp.Evaluate[[]string](`[...document.querySelectorAll("section.issue[data-issue=dose] details.anchors dl dt")].map((x) => x.textContent)`))
	if want := []string{"0", cli, "0.000001"}; !slices.Equal(scale, want) {
		t.Errorf("the page's Scale list %q, want %q as the command line writes them", scale, want)
	}
	// The axis's regular ticks (charts25: the options are marked apart),
	// every one written plainly; and the options' marks name each option
	// by its value as the command line writes it.
	ticks := get(t, e.bctx, "the axis", chromedp.Evaluate[[]string](`[...document.querySelectorAll("section.issue[data-issue=dose] svg text.tick")].map((x) => x.textContent)`))
	if len(ticks) < 3 || ticks[0] != "0" || ticks[1] != cli || ticks[len(ticks)-1] != "0.000001" || strings.Contains(strings.Join(ticks, " "), "e") {
		t.Errorf("the page's axis %q, want 0, %s, … 0.000001, written plainly", ticks, cli)
	}
	opts := get(t, e.bctx, "the options", chromedp.Evaluate[[]string](`[...document.querySelectorAll("section.issue[data-issue=dose] svg .option title")].map((x) => x.textContent)`))
	if want := []string{"option 0: none", "option " + cli + ": trace", "option 0.000001: full"}; !slices.Equal(opts, want) {
		t.Errorf("the page's options %q, want %q", opts, want)
	}
	label := get(t, e.bctx, "North's marker", chromedp.Evaluate[string](`document.querySelector("g.marker[data-actor=n]").getAttribute("aria-label")`))
	if !strings.Contains(label, "position "+cli+",") {
		t.Errorf("North's marker says %q, want its position written %s", label, cli)
	}
}
