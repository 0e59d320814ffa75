package deal

import (
	"math"
	"reflect"
	"testing"
)

// A search with several issues fixed gives the same package to the last
// bit on every run: the fixed issues' part of each actor's utility is
// summed in issue order, not in a map's order, which Go draws anew on
// every loop (two fixed issues on the built-in case gave values apart by
// 1e-14 from run to run, and JSON that differed).
func TestSearchFixedIssuesSameEveryRun(t *testing.T) {
	in := ukraine(t, "2025-08-18")
	opts := Options{Fix: map[string]float64{"ceasefire": 70, "territory": 50}}
	first, err := Search(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	for run := 1; run < 20; run++ {
		res, err := Search(in, opts)
		if err != nil {
			t.Fatal(err)
		}
		// The zone is closed with these two fixed: the package is the
		// plan that opens it by lowering alternatives.
		c, c0 := res.Concession, first.Concession
		if c == nil || c0 == nil || c.LowerAlternatives == nil || c0.LowerAlternatives == nil {
			t.Fatalf("run %d: no plan lowering alternatives (%+v)", run, c)
		}
		if got, want := c.LowerAlternatives.Package.Values, c0.LowerAlternatives.Package.Values; !reflect.DeepEqual(bits(got), bits(want)) {
			t.Fatalf("run %d: the plan's package %v, run 0's %v", run, got, want)
		}
	}
}

// bits is xs as their IEEE 754 bit patterns, so that a difference in the
// last bit counts.
func bits(xs []float64) []uint64 {
	out := make([]uint64, len(xs))
	for i, x := range xs {
		out[i] = math.Float64bits(x)
	}
	return out
}
