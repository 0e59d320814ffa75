package ensemble

import (
	"context"
	"math"
	"testing"

	"parley/gen"
	"parley/model"
)

// PointForecast returns Forecast's forecasts bit for bit, on generated
// problems.
func TestPointForecastEqualsForecast(t *testing.T) {
	for c := range 8 {
		p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 4 + 5*c, Issues: 1 + c%5, Seed: uint64(c + 1)}))
		if err != nil {
			t.Fatal(err)
		}
		r, err := Model{}.Forecast(context.Background(), p, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		dst := make([]float64, len(p.Issues))
		if err := (Model{}).PointForecast(context.Background(), p, model.Options{NoTrace: true}, dst); err != nil {
			t.Fatal(err)
		}
		for k := range dst {
			if math.Float64bits(dst[k]) != math.Float64bits(r.Issues[k].Forecast) {
				t.Errorf("case %d issue %d: PointForecast %v, Forecast %v", c, k, dst[k], r.Issues[k].Forecast)
			}
		}
	}
}
