package main

import (
	"context"
	"strings"
	"testing"

	"parley/ask"
	"parley/scenarios"
)

// TestRunExplanations: every issue of the built-in case gets the
// compromise explanation (its largest pulls) and BDM's story, the same
// numbers `parley explain` prints; NATO's BDM rounds cycle 90 / 20.7 and
// the page says so.
func TestRunExplanations(t *testing.T) {
	name, data := scenarios.Default()
	in, err := ask.Load(name, data, ask.LoadOptions{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	ex, err := runExplanations(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"ceasefire", "territory", "security-guarantees", "armed-forces", "military-aid", "sanctions", "nato"} {
		s := ex[id]
		for _, want := range []string{"### Why these forecasts (2025-08-18", "**compromise** (", "| actor | position | share | pull |", "**bdm** (", "- Round 1:"} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: no %q in\n%s", id, want, s)
			}
		}
	}
	if !strings.Contains(ex["nato"], "the median alternating between 90.0 and 20.7") {
		t.Errorf("nato: the cycle is not told:\n%s", ex["nato"])
	}
	// two decimals, as every door writes this pulls: at one, a
	// small pull of it would read 0.0 (ask.PullDecimals)
	if !strings.Contains(ex["ceasefire"], "| Ukraine | 85 | 21.0% | +8.06 |") {
		t.Errorf("ceasefire: Ukraine's pull (0.2098 × (85 − 46.56) = +8.065) missing:\n%s", ex["ceasefire"])
	}
}
