package sweep

import (
	"context"
	"syscall"
	"testing"

	"parley/model"
	"parley/model/bdm"
	"parley/model/compromise"
	"parley/model/ensemble"
	"parley/model/exchange"
	"parley/model/modeltest"
	"parley/model/smp"
)

// cpuTime is the process's user+system CPU time in ns, reported next to
// wall time: the benchmark machine is shared, and under load wall time
// overstates the cost, CPU time much less so.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkSweepBuiltin10k is a 10,000-draw sweep of the built-in case
// (latest snapshot) on every core, one sub-benchmark per model: the
// targets of BENCHMARKS.md ("Monte Carlo").
func BenchmarkSweepBuiltin10k(b *testing.B) { benchSweep(b, 10000) }

// BenchmarkSweepBuiltin100 is the same with 100 draws, small enough to
// count its instructions under valgrind (callgrind), which, unlike time,
// do not depend on the machine's load.
func BenchmarkSweepBuiltin100(b *testing.B) { benchSweep(b, 100) }

func benchSweep(b *testing.B, draws int) {
	p := modeltest.Builtin(b)
	for _, m := range []model.Model{bdm.Model{}, compromise.Model{}, exchange.Model{}, smp.Model{}, ensemble.Model{}} {
		b.Run(m.Name(), func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := Run(context.Background(), m, p, Options{Draws: draws, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkSensitivityBuiltin is `parley sensitivity`'s analysis of the
// built-in case (latest snapshot) with its defaults: the compromise
// model, 2,000 draws, every core. It measures the Monte Carlo, the
// one-at-a-time runs and the variance shares with their bootstrap
// intervals (BENCHMARKS.md, "Variance shares' bootstrap intervals").
func BenchmarkSensitivityBuiltin(b *testing.B) {
	p := modeltest.Builtin(b)
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := Sensitivity(context.Background(), compromise.Model{}, p, Options{Draws: 2000, Seed: 1, Model: model.Options{Seed: 1}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkShareBootstrapBuiltin is the variance shares' bootstrap alone
// (bootShares: ShareReplicates resamples, on one core) on the 2,000
// draws of BenchmarkSensitivityBuiltin: 150 inputs, 7 issues.
func BenchmarkShareBootstrapBuiltin(b *testing.B) {
	p := modeltest.Builtin(b)
	mc, err := Run(context.Background(), compromise.Model{}, p, Options{Draws: 2000, Seed: 1, Model: model.Options{Seed: 1}})
	if err != nil {
		b.Fatal(err)
	}
	ys := make([][]float64, len(p.Issues))
	for k := range ys {
		ys[k] = column(mc.Forecasts, k)
	}
	binned := make([][]uint8, len(mc.Inputs))
	for j := range binned {
		binned[j] = binOf(binsOf(column(mc.Samples, j)), mc.Draws)
	}
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := bootShares(context.Background(), binned, ys, 1, ShareReplicates, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}
