package httpapi

import "testing"

// TestCPUText: the budgets' CPU time as the 413 writes it, from steps of
// 50 ns, in the words of every estimate (ask.CPUText): 5×10⁷ is 2.5 s,
// 2.66×10⁹ is 133 s (2.2 minutes), 10¹¹ is 5,000 s (83 minutes).
func TestCPUText(t *testing.T) {
	for _, c := range []struct {
		steps float64
		want  string
	}{{5e7, "2.5 s of CPU time"}, {1e11, "83 minutes of CPU time"}, {2.66e9, "2.2 minutes of CPU time"}} {
		if got := cpuText(c.steps); got != c.want {
			t.Errorf("cpuText(%g) = %q, want %q", c.steps, got, c.want)
		}
	}
}
