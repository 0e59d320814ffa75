package ensemble

import (
	"context"
	"testing"

	"parley/model"
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
