package ensemble

import (
	"context"
	"testing"

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
func BenchmarkBuiltinPoint(b *testing.B) { modeltest.BenchPoint(b, Model{}) }

// BenchmarkBuiltinSettling is BenchmarkBuiltinPoint through
// PointForecastSettling, which a sweep's draws take to tell which had
// not come to rest: smp's one extra state a run on each issue.
func BenchmarkBuiltinSettling(b *testing.B) { modeltest.BenchSettling(b, Model{}) }
