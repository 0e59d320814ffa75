package httpapi

import "testing"

// TestCPUText: the budgets' seconds as the 413 writes them, from steps
// of 50 ns: 5×10⁷ is 2.5 s, 10¹¹ is 5,000 s, grouped as every count.
func TestCPUText(t *testing.T) {
	for _, c := range []struct {
		steps float64
		want  string
	}{{5e7, "2.5 s of CPU time"}, {1e11, "5,000 s of CPU time"}, {2.66e9, "133 s of CPU time"}} {
		if got := cpuText(c.steps); got != c.want {
			t.Errorf("cpuText(%g) = %q, want %q", c.steps, got, c.want)
		}
	}
}
