package modeltest

import (
	"context"
	"syscall"
	"testing"

	"parley/model"
)

// BenchPoint times m.PointForecast on the built-in case, the path a
// sweep's draws took before they said whether each had settled; beside
// wall time it reports the process's CPU time an op (cpu-ns/op), the
// steadier figure on a shared machine.
func BenchPoint(b *testing.B, m model.PointForecaster) {
	p := Builtin(b)
	dst := make([]float64, len(p.Issues))
	bench(b, func() error { return m.PointForecast(context.Background(), p, model.Options{}, dst) })
}

// BenchSettling times m.PointForecastSettling on the built-in case, the
// path a sweep's draws take (model.ForecastsSettling), as BenchPoint
// times PointForecast: the two should differ by the one round before
// the last.
func BenchSettling(b *testing.B, m model.SettlingForecaster) {
	p := Builtin(b)
	dst, prev := make([]float64, len(p.Issues)), make([]float64, len(p.Issues))
	bench(b, func() error { return m.PointForecastSettling(context.Background(), p, model.Options{}, dst, prev) })
}

// bench runs op in b's loop and reports its allocations and CPU time.
func bench(b *testing.B, op func() error) {
	b.ReportAllocs()
	c0 := cpuNanos()
	for b.Loop() {
		if err := op(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuNanos()-c0)/float64(b.N), "cpu-ns/op")
}

// cpuNanos is the process's user and system CPU time in nanoseconds (0
// where it cannot be read).
func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
