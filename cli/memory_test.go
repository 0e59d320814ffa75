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

// TestOwnLimitBeforeMemory: a request over its own limit (draws over
// answer.MaxDraws) is refused in the limit's words before its memory is
// estimated: "sweep -n 100000000" said it was estimated to need 123 GiB
// "or --max-memory BYTES to allow more", and with that the draws' limit.
// --max-memory 1 makes every run's estimate over the memory allowed.
func TestOwnLimitBeforeMemory(t *testing.T) {
	file := write(t, "s.yaml", base)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sweep", file, "-n", "100000000"}, "parley: draws 100000000: valid: a whole number from 1 to 1000000\n"},
		{[]string{"sensitivity", file, "-n", "100000000"}, "parley: draws 100000000: valid: a whole number from 4 to 1000000 (a sensitivity analysis's variance shares need 4 draws or more)\n"},
		{[]string{"sensitivity", file, "-n", "2"}, "parley: draws 2: valid: a whole number from 4 to 1000000 (a sensitivity analysis's variance shares need 4 draws or more)\n"},
		{[]string{"deal", "evaluate", file, "--package", "i1=50", "--robust", "-n", "100000000"}, "parley: robust draws 100000000: valid: 1 to 1000000 (0: 500)\n"},
		{[]string{"forecast", file, "--rounds", "100000"}, "parley: rounds 100000: valid: a whole number from 0 to 10000\n"},
	} {
		_, stderr, code := run(t, append(c.args, "-q", "--max-memory", "1")...)
		if code != 2 || stderr != c.want {
			t.Errorf("%v: exit %d, stderr %q; want 2, %q", c.args, code, stderr, c.want)
		}
	}
	// within its limits, the memory is what it is over
	_, stderr, code := run(t, "sweep", file, "-n", "1000", "-q", "--max-memory", "1")
	if code != 2 || !strings.Contains(stderr, "estimated to need") {
		t.Errorf("sweep -n 1000 --max-memory 1: exit %d, stderr %q; want 2, the estimate", code, stderr)
	}
}

// TestSensitivityMaxMemory: sensitivity's --max-memory refusal names
// ask.Estimate's figure for its request as an ask.SensitivityRequest
// (the server's estimate of the same analysis).
func TestSensitivityMaxMemory(t *testing.T) {
	in, err := ask.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewSensitivityRequest()
	req.Models, req.Draws, req.Workers = []string{"compromise"}, 50, 1
	est, err := ask.Estimate(c, ask.SensitivityRequest{SweepRequest: req})
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, "sensitivity", "-m", "compromise", "-n", "50", "--workers", "1", "-q", "--max-memory", "100")
	if want := "need " + ask.BytesText(est.Bytes) + " of memory"; code != 2 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "more than --max-memory (100 bytes)") {
		t.Errorf("sensitivity --max-memory 100: exit %d, %q; want 2 and %q", code, stderr, want)
	}
}
