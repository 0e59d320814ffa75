package bdm

import (
	"context"
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"

	"parley/model"
)

// synthetic draws n actors × k issues: capabilities in (0.1, 1], positions
// uniform on 0–100 (so all distinct: the worst case for the fast path,
// which gains from shared positions), saliences uniform on (0, 1].
func synthetic(n, k int, seed uint64) *model.Problem {
	rng := rand.New(rand.NewPCG(seed, 0))
	p := &model.Problem{}
	for j := range k {
		p.Issues = append(p.Issues, model.Issue{ID: fmt.Sprint("i", j), Min: 0, Max: 100})
	}
	for i := range n {
		p.Actors = append(p.Actors, model.Actor{ID: fmt.Sprint("a", i), Capability: 0.1 + 0.9*rng.Float64()})
		row := make([]model.Stance, k)
		for j := range row {
			row[j] = model.Stance{Present: true, Position: 100 * rng.Float64(), Salience: 1 - rng.Float64()}
		}
		p.Stances = append(p.Stances, row)
	}
	return p
}

// cpuTime is the process's user+system CPU time in ns. The benchmark
// reports it next to wall time because the benchmark machine is shared:
// under load, wall time overstates the cost, CPU time much less so.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func benchForecast(b *testing.B, m Model, p *model.Problem, o model.Options) {
	b.ReportAllocs()
	var rounds float64
	cpu0 := cpuTime()
	for b.Loop() {
		res, err := m.Forecast(context.Background(), p, o)
		if err != nil {
			b.Fatal(err)
		}
		rounds = 0
		for _, ir := range res.Issues {
			rounds += ir.Values["stop_round"]
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(rounds/float64(len(p.Issues)), "rounds/issue")
}

// BenchmarkForecast: the EU case, then synthetic problems, with the
// default options (τ = 0 stop, at most 10 rounds) and with exactly 10
// rounds, for both profiles.
func BenchmarkForecast(b *testing.B) {
	eu := loadCSV(b, "eu_emissions_bdm1994.csv")
	for _, prof := range []Profile{Replication, Paper} {
		b.Run(fmt.Sprintf("EU/%s/default", prof), func(b *testing.B) { benchForecast(b, Model{Profile: prof}, eu, model.Options{}) })
		b.Run(fmt.Sprintf("EU/%s/10rounds", prof), func(b *testing.B) { benchForecast(b, Model{Profile: prof}, eu, model.Options{Rounds: 10}) })
	}
	sizes := []struct{ n, k int }{{10, 10}, {50, 10}, {200, 10}, {1000, 10}, {1000, 20}}
	for _, sz := range sizes {
		p := synthetic(sz.n, sz.k, uint64(sz.n))
		for _, prof := range []Profile{Replication, Paper} {
			b.Run(fmt.Sprintf("n=%dx%d/%s/default", sz.n, sz.k, prof), func(b *testing.B) { benchForecast(b, Model{Profile: prof}, p, model.Options{}) })
			b.Run(fmt.Sprintf("n=%dx%d/%s/10rounds", sz.n, sz.k, prof), func(b *testing.B) {
				benchForecast(b, Model{Profile: prof}, p, model.Options{Rounds: 10})
			})
		}
	}
}

// BenchmarkDirect and BenchmarkFast time the reference round (10 rounds)
// with each formulation of P: probDirect, O(n·m²), and probFast, prefix
// sums. (Forecast's default model runs the lean round instead; the paper
// profile runs this round with the direct P up to DirectMaxActors.)
func BenchmarkDirect(b *testing.B) { benchFormulation(b, viaDirect) }

func BenchmarkFast(b *testing.B) { benchFormulation(b, viaFast) }

func benchFormulation(b *testing.B, f formulation) {
	eu := loadCSV(b, "eu_emissions_bdm1994.csv")
	b.Run("EU/replication", func(b *testing.B) { benchForecast(b, Model{formula: f}, eu, model.Options{Rounds: 10}) })
	for _, n := range []int{10, 50, 200} {
		p := synthetic(n, 10, uint64(n))
		for _, prof := range []Profile{Replication, Paper} {
			b.Run(fmt.Sprintf("n=%dx10/%s", n, prof), func(b *testing.B) {
				benchForecast(b, Model{Profile: prof, formula: f}, p, model.Options{Rounds: 10})
			})
		}
	}
}

// BenchmarkRound is one round (§3.10) of one issue from distinct
// positions, with a reused workspace, as Forecast runs it: the unit cost
// of a sweep draw (n = 10) and of a large forecast (n = 1000).
func BenchmarkRound(b *testing.B) {
	for _, n := range []int{10, 50, 1000} {
		for _, prof := range []Profile{Replication, Paper} {
			b.Run(fmt.Sprintf("n=%d/%s", n, prof), func(b *testing.B) {
				c, x := columnOf(synthetic(n, 1, uint64(n)), prof == Paper)
				c.ws = &workspace{} // as in Forecast
				prob := probFast
				if n <= DirectMaxActors {
					prob = probDirect
				}
				b.ReportAllocs()
				cpu0 := cpuTime()
				for b.Loop() {
					c.step(x, prob)
				}
				b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

// BenchmarkSumsS is the closed form of S (E11) for one round of n actors
// on distinct positions.
func BenchmarkSumsS(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			c, x := columnOf(synthetic(n, 1, uint64(n)), false)
			c.ws = &workspace{}
			c.ws.geo.group(x)
			s := make([]float64, n)
			for b.Loop() {
				c.sumsS(&c.ws.geo, s)
			}
		})
	}
}
