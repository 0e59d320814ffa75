package deal

import (
	"testing"
)

// BenchmarkSearch50x10 runs a full search (margin, Nash, 20 ranges, 11
// frontier directions, 5 samples) on 50 actors × 10 issues with
// reservations in [0, 0.3]: an open zone.
func BenchmarkSearch50x10(b *testing.B) {
	in := random(42, 50, 10, 0, 0.3)
	b.ReportAllocs()
	for b.Loop() {
		res, err := Search(in, Options{})
		if err != nil || !res.Open {
			b.Fatalf("open %v, err %v", res != nil && res.Open, err)
		}
	}
}

// BenchmarkSearch50x10Closed: reservations in [0.5, 0.9] close the zone,
// so the search also computes both concession plans.
func BenchmarkSearch50x10Closed(b *testing.B) {
	in := random(42, 50, 10, 0.5, 0.9)
	b.ReportAllocs()
	for b.Loop() {
		res, err := Search(in, Options{})
		if err != nil || res.Open {
			b.Fatalf("open %v, err %v", res != nil && res.Open, err)
		}
	}
}

// BenchmarkEvaluate50x10 evaluates one package.
func BenchmarkEvaluate50x10(b *testing.B) {
	in := random(42, 50, 10, 0, 0.3)
	v := make([]float64, 10)
	for k := range v {
		v[k] = 50
	}
	for b.Loop() {
		if _, err := Evaluate(in, v, nil, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
