package web_test

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderNegativeScaleHint opens cli/testdata/negative-scale.yaml
// (Budget on a scale from -5 to 0) in the Build view: the hint beside a
// stance's position names the scale as every door writes a range with a
// negative end (scenario.RangeJoin), "(-5 to 0)", not "(-5–0)" with an
// en dash beside a minus sign; the 0–100 Timeline keeps its dash.
func TestBuilderNegativeScaleHint(t *testing.T) {
	body, err := os.ReadFile("../cli/testdata/negative-scale.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := openStored(t, "A negative scale", string(body))
	hints := get(t, r.bctx, "hints", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-path^="stances["][data-path$="].position"]')].map((f) => f.closest("label")?.querySelector("small")?.textContent.trim() ?? "")`))
	want := []string{"(-5 to 0)", "(0–100)", "(-5 to 0)"}
	if len(hints) < len(want) || strings.Join(hints[:len(want)], " | ") != strings.Join(want, " | ") {
		t.Fatalf("position hints %q, want %q first", hints, want)
	}
}
