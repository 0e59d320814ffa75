package cli

import (
	"strconv"
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
)

// A run estimated to need more memory than --max-memory is refused
// before it starts, naming ask.Estimate's figure, at every kind of
// command (its own loop, respond's, sweep's); -1 lifts the limit.
func TestMaxMemory(t *testing.T) {
	in, err := ask.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	est, err := ask.Estimate(c, answer.NewForecastRequest())
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"forecast", "--max-memory", "1000"},
		{"advise", "ukraine", "--max-memory", "100"},
		{"sweep", "-n", "10", "--max-memory", "100"},
		{"deal", "search", "--max-memory", "100"},
	} {
		_, stderr, code := run(t, args...)
		if code != 2 || !strings.Contains(stderr, "estimated to need") || !strings.Contains(stderr, "more than --max-memory (") || !strings.Contains(stderr, "10 actors × 7 issues") {
			t.Errorf("%v: exit %d, %q; want 2 and the estimate", args, code, stderr)
		}
	}
	if _, stderr, _ := run(t, "forecast", "--max-memory", "1000"); !strings.Contains(stderr, "need "+ask.BytesText(est.Bytes)+" of memory") || !strings.Contains(stderr, "more than --max-memory (1000 bytes)") {
		t.Errorf("forecast: %q; want ask.Estimate's %s, more than 1000 bytes", stderr, ask.BytesText(est.Bytes))
	}
	if _, stderr, code := run(t, "forecast", "-m", "compromise", "--max-memory", "-1"); code != 0 {
		t.Errorf("--max-memory -1: exit %d, %s", code, stderr)
	}
	if _, stderr, code := run(t, "forecast", "-m", "compromise", "--max-memory", strconv.FormatInt(int64(est.Bytes), 10)); code != 0 {
		t.Errorf("--max-memory at the default models' estimate, compromise alone: exit %d, %s", code, stderr)
	}
}
