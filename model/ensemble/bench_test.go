package ensemble

import (
	"context"
	"syscall"
	"testing"
	"time"

	"parley/model"
	"parley/model/modeltest"
)

// BenchmarkDEU forecasts all 245 DEU III issues (one problem each) with
// the default ensemble.
func BenchmarkDEU(b *testing.B) {
	d := deuCasesB(b)
	ctx := context.Background()
	for b.Loop() {
		for _, c := range d {
			if _, err := (Model{}).Forecast(ctx, c, model.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkBuiltin is one draw of a sweep of the built-in case (10 actors
// × 7 issues): compromise and smp on each issue, no trace.
func BenchmarkBuiltin(b *testing.B) {
	p := modeltest.Builtin(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Model{}).Forecast(context.Background(), p, model.Options{NoTrace: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuiltinPoint is BenchmarkBuiltin through PointForecast, the
// path a sweep's draws take.
func BenchmarkBuiltinPoint(b *testing.B) {
	p := modeltest.Builtin(b)
	dst := make([]float64, len(p.Issues))
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		if err := (Model{}).PointForecast(context.Background(), p, model.Options{}, dst); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// BenchmarkBuiltinSettling is BenchmarkBuiltinPoint through
// PointForecastSettling, which a sweep's draws take to tell which had
// not come to rest: smp's one extra state a run on each issue.
func BenchmarkBuiltinSettling(b *testing.B) {
	p := modeltest.Builtin(b)
	dst, prev := make([]float64, len(p.Issues)), make([]float64, len(p.Issues))
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		if err := (Model{}).PointForecastSettling(context.Background(), p, model.Options{}, dst, prev); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// cpuTime is the process's user+system CPU time. The benchmarks report
// it per op next to wall time because the shared 2-core machine is often
// loaded by other jobs, which inflates wall time but less CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
