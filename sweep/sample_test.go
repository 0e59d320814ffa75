package sweep

import (
	"context"
	"reflect"
	"testing"

	"parley/model/compromise"
)

// Sample's draw d is Run's draw d: the same values, and the model on the
// sampled problem gives Run's forecast of that draw (advise and the deal's
// robust analysis rely on it).
func TestSampleMatchesRun(t *testing.T) {
	p := synthetic(t, 6, 2)
	r, err := Run(context.Background(), compromise.Model{}, p, Options{Draws: 20, Seed: 9, Uniform: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	inputs := Inputs(p)
	if len(inputs) == 0 {
		t.Fatal("the synthetic problem states no ranges")
	}
	q := p.Clone()
	for d := range 20 {
		x := Sample(q, p, inputs, 9, uint64(d), true)
		if !reflect.DeepEqual(x, r.Samples[d]) {
			t.Fatalf("draw %d: Sample %v, Run %v", d, x, r.Samples[d])
		}
		f, err := compromise.Model{}.Forecast(context.Background(), q.Clone(), Options{}.Model)
		if err != nil {
			t.Fatal(err)
		}
		for k := range f.Issues {
			if f.Issues[k].Forecast != r.Forecasts[d][k] {
				t.Fatalf("draw %d issue %d: %v, Run %v", d, k, f.Issues[k].Forecast, r.Forecasts[d][k])
			}
		}
	}
}
