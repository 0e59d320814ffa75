package ask

import (
	"testing"

	"parley/answer"
)

// Largest inverts the estimate field by field: a forecast of bdm over
// 10,000 rounds on the built-in case (10 actors × 7 issues) keeps
// 10 × 7 × (rounds + 1) positions of 330 bytes beside a working set of
// 10² × 7 × 20 bytes; under a budget of 1e6 bytes the most rounds is
// the largest n with 14,000 + 23,100 × (n + 1) ≤ 1e6, 41. Without a
// field that lowering helps (rounds left to the model), there is none.
func TestLargestRounds(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewForecastRequest()
	req.Models, req.Rounds = []string{"bdm"}, 10000
	fits := func(c Cost) bool { return c.Bytes <= 1e6 }
	b, ok := Largest(c, req, fits)
	if !ok || b != (Bound{Field: "rounds", Max: 41, Asked: 10000}) {
		t.Fatalf("Largest: %+v %v, want rounds 41 of 10000", b, ok)
	}
	for n, want := range map[int]bool{41: true, 42: false} {
		req.Rounds = n
		est, err := Estimate(c, &req)
		if err != nil || fits(est) != want {
			t.Fatalf("%d rounds: %+v %v, fits %v", n, est, err, !want)
		}
	}
	req.Rounds = 0
	if b, ok := Largest(c, &req, func(Cost) bool { return false }); ok {
		t.Fatalf("rounds not set: %+v", b)
	}
	// Within the budget already: nothing to lower.
	req.Rounds = 10
	if b, ok := Largest(c, req, fits); ok {
		t.Fatalf("within the budget: %+v", b)
	}
}

// Size tells a cost's steps, memory and CPU time.
func TestSizeString(t *testing.T) {
	for _, c := range []struct {
		cost Cost
		want string
	}{
		{Cost{Work: 6.22e8, Bytes: 1 << 30, CPU: 31.1}, "about 6.22e+08 steps and 1 GiB of memory, roughly 31 s of CPU time"},
		{Cost{Work: 5.6e9, Bytes: 512, CPU: 280}, "about 5.6e+09 steps and 512 bytes of memory, roughly 4.7 minutes of CPU time"},
		{Cost{Work: 1.8e11, Bytes: 0, CPU: 9000}, "about 1.8e+11 steps and 0 bytes of memory, roughly 2.5 hours of CPU time"},
		{Cost{Work: 1e5, Bytes: 0, CPU: 0.005}, "about 1e+05 steps and 0 bytes of memory, roughly 0.005 s of CPU time"},
	} {
		if got := SizeOf(c.cost).String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.cost, got, c.want)
		}
	}
}

// Estimated is the words every door says a long run's size in (the
// command line's line before it, the server's job's estimate text):
// String with "estimated at" and what its CPU time rests on.
func TestSizeEstimated(t *testing.T) {
	got := SizeOf(Cost{Work: 6.22e8, Bytes: 1 << 30, CPU: 31.1}).Estimated()
	const want = "estimated at about 6.22e+08 steps and 1 GiB of memory, roughly 31 s of CPU time (all cores together, at measured rates; a busy machine takes longer)"
	if got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
