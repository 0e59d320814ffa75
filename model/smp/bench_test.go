package smp_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"parley/model"
	"parley/model/modeltest"
	"parley/model/smp"
)

// BenchmarkKTAB times a default run (Forecast, with everything the ktab
// output needs) on every input of the spec's §2 table that is available:
// KTAB's examples from testdata/ and the synthetic ones from the shared
// folder. The benchmark first checks the run's output against KTAB's
// reference log, so it times the same computation.
func BenchmarkKTAB(b *testing.B) {
	inputs := []struct{ name, csv, want string }{
		{"dummyData_3Dim", "testdata/dummyData_3Dim.csv", "testdata/expected/dummyData_3Dim.expected.txt"},
		{"SOE-Pol-Comp", "testdata/SOE-Pol-Comp.csv", "testdata/expected/SOE-Pol-Comp.expected.txt"},
		{"dummyData-a040", "testdata/dummyData-a040.csv", "testdata/expected/dummyData-a040.expected.txt"},
	}
	for _, n := range []string{"a010-d03", "a020-d03", "a040-d01", "a040-d06", "a040-d10", "a080-d01", "a080-d06", "a080-d10"} {
		name := "synth-" + n
		inputs = append(inputs, struct{ name, csv, want string }{name,
			filepath.Join(shared, "synthetic", name+".csv"),
			filepath.Join(shared, "expected", "synthetic", name+".expected.txt")})
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			want, err := os.ReadFile(in.want)
			if err != nil {
				b.Skipf("reference data absent: %v", err)
			}
			if got := runKTAB(b, in.csv); string(got) != string(want) {
				b.Fatalf("%s: output differs from KTAB's reference", in.name)
			}
			p := load(b, in.csv)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := (smp.Model{}).Forecast(context.Background(), p, model.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// synthetic returns a random problem drawn like the shared synthetic
// inputs: power U(10,200), total salience U(0.75,0.99) split at random,
// positions U(0,100).
func synthetic(n, d int, seed uint64) *model.Problem {
	r := rand.New(rand.NewPCG(seed, 1))
	p := &model.Problem{}
	for k := 0; k < d; k++ {
		p.Issues = append(p.Issues, model.Issue{ID: fmt.Sprint("d", k), Name: fmt.Sprint("D", k), Max: 100})
	}
	for i := 0; i < n; i++ {
		p.Actors = append(p.Actors, model.Actor{ID: fmt.Sprint("a", i), Name: fmt.Sprint("A", i), Capability: 10 + 190*r.Float64()})
		tot := 0.75 + 0.24*r.Float64()
		w := make([]float64, d)
		sum := 0.0
		for k := range w {
			w[k] = r.Float64()
			sum += w[k]
		}
		row := make([]model.Stance, d)
		for k := range row {
			row[k] = model.Stance{Present: true, Position: 100 * r.Float64(), Salience: tot * w[k] / sum}
		}
		p.Stances = append(p.Stances, row)
	}
	return p
}

// BenchmarkScaling times fixed-length runs (20 rounds, no early stop) on
// generated problems, to show how the cost grows with N and D.
func BenchmarkScaling(b *testing.B) {
	for _, nd := range [][2]int{{20, 1}, {40, 1}, {80, 1}, {160, 1}, {250, 1}, {80, 3}, {80, 10}, {80, 30}} {
		p := synthetic(nd[0], nd[1], uint64(nd[0]*100+nd[1]))
		b.Run(fmt.Sprintf("N%03d-D%02d", nd[0], nd[1]), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := (smp.Model{}).Forecast(context.Background(), p, model.Options{Rounds: 20}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGrowth times one step (challenges, bargains, resolution, the
// next state's tables) on generated problems of N actors × 1 dimension,
// up to 1,000 actors: how the cost grows with N (BENCHMARKS.md).
func BenchmarkGrowth(b *testing.B) {
	for _, nd := range [][2]int{{125, 1}, {250, 1}, {500, 1}, {1000, 1}} {
		p := synthetic(nd[0], nd[1], uint64(nd[0]*100+nd[1]))
		b.Run(fmt.Sprintf("N%04d-D%02d", nd[0], nd[1]), func(b *testing.B) {
			for b.Loop() {
				if _, err := (smp.Model{}).Forecast(context.Background(), p, model.Options{Rounds: 1, NoTrace: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuiltinPoint is one draw of a sweep of the built-in case (10
// actors × 7 issues, all moving together): PointForecast, the path a
// sweep's draws take.
func BenchmarkBuiltinPoint(b *testing.B) { modeltest.BenchPoint(b, smp.Model{}) }

// BenchmarkBuiltinSettling is BenchmarkBuiltinPoint through
// PointForecastSettling, which a sweep's draws take to tell which had
// not come to rest: one state's setup and PCE more than PointForecast.
func BenchmarkBuiltinSettling(b *testing.B) { modeltest.BenchSettling(b, smp.Model{}) }
