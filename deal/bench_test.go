package deal

import (
	"testing"

	"parley/model"
	"parley/scenariofile"
	"parley/scenarios"
)

// BenchmarkSearch50x10 runs a full search (margin, Nash, 20 ranges, 11
// frontier directions, 5 samples) on 50 actors × 10 issues with
// reservations in [0, 0.3]: an open zone.
func BenchmarkSearch50x10(b *testing.B) {
	b.ReportAllocs()
	benchOpen(b, random(42, 50, 10, 0, 0.3))
}

// benchOpen searches in, whose zone is open, and reports the CPU time.
func benchOpen(b *testing.B, in *Input) {
	c0 := cpuTime()
	for b.Loop() {
		res, err := Search(in, Options{})
		if err != nil || !res.Open {
			b.Fatalf("open %v, err %v", res != nil && res.Open, err)
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkSearch50x10Closed: reservations in [0.5, 0.9] close the zone,
// so the search also computes both concession plans.
func BenchmarkSearch50x10Closed(b *testing.B) {
	in := random(42, 50, 10, 0.5, 0.9)
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		res, err := Search(in, Options{})
		if err != nil || res.Open {
			b.Fatalf("open %v, err %v", res != nil && res.Open, err)
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkSearchMajority7x5: 7 actors × 5 issues, each issue decided by
// a majority of the seven (4 votes): the C(7, 4) = 35 four-actor
// coalitions are each searched, reservations in [0.3, 0.7].
func BenchmarkSearchMajority7x5(b *testing.B) {
	in := random(42, 7, 5, 0.3, 0.7)
	for k := 0; k < 5; k++ {
		r := Rule{Issue: k, Rule: "majority", Quota: 4}
		for i := 0; i < 7; i++ {
			r.Voters, r.Weights = append(r.Voters, i), append(r.Weights, 1)
		}
		in.Rules = append(in.Rules, r)
	}
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		res, err := Search(in, Options{})
		if err != nil || len(res.Coalitions) != 35 {
			b.Fatalf("err %v", err)
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
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

// BenchmarkSearchUkraine runs the default search on the built-in case
// (snapshot 2025-03-18, 10 actors × 7 issues, the status quo as every
// actor's alternative: an open zone).
func BenchmarkSearchUkraine(b *testing.B) {
	benchOpen(b, ukraine(b, "2025-03-18"))
}

// ukraine is the built-in case's deal input at the snapshot date, the
// status quo as every actor's alternative.
func ukraine(tb testing.TB, date string) *Input {
	tb.Helper()
	name, data := scenarios.Default()
	s, ds := scenariofile.Parse(name, data)
	if err := ds.Err(false); err != nil {
		tb.Fatal(err)
	}
	r, err := s.Resolve(date, "")
	if err != nil {
		tb.Fatal(err)
	}
	p, err := model.FromScenario(r)
	if err != nil {
		tb.Fatal(err)
	}
	in, err := FromScenario(r, p)
	if err != nil {
		tb.Fatal(err)
	}
	in.NoDeal, in.NoDealFrom = References(p), "reference"
	return in
}
