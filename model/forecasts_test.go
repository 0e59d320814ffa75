package model_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/compromise"
	"parley/model/smp"
)

// resultOnly hides a model's PointForecast: Forecasts must then read
// Forecast's Result. swap, when set, returns the Result's first two
// issues in the wrong order.
type resultOnly struct {
	model.Model
	swap bool
}

func (m resultOnly) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	r, err := m.Model.Forecast(ctx, p, o)
	if err == nil && m.swap {
		r.Issues[0], r.Issues[1] = r.Issues[1], r.Issues[0]
	}
	return r, err
}

// Forecasts gives the same forecasts, bit for bit, through a model's
// PointForecast and through its Result; a Result whose issues are not
// p's, in p's order, is an error, as is too short a dst for
// ResultForecasts.
func TestForecasts(t *testing.T) {
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 12, Issues: 4, Seed: 3}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, m := range []model.Model{compromise.Model{}, smp.Model{}} {
		point, err := model.Forecasts(ctx, m, p, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		viaResult, err := model.Forecasts(ctx, resultOnly{Model: m}, p, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := m.Forecast(ctx, p, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for k := range point {
			want := math.Float64bits(r.Issues[k].Forecast)
			if math.Float64bits(point[k]) != want || math.Float64bits(viaResult[k]) != want {
				t.Errorf("%s issue %d: %v through PointForecast, %v through the Result, want %v", m.Name(), k, point[k], viaResult[k], r.Issues[k].Forecast)
			}
		}
	}
	_, err = model.Forecasts(ctx, resultOnly{Model: compromise.Model{}, swap: true}, p, model.Options{})
	if err == nil || !strings.Contains(err.Error(), `compromise: forecast 1 is of issue "`+p.Issues[1].ID+`"`) {
		t.Errorf("issues out of order: %v", err)
	}
	r, err := compromise.Model{}.Forecast(ctx, p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := model.ResultForecasts(p, r, make([]float64, 3)); err == nil || !strings.Contains(err.Error(), "4 forecasts for 4 issues, room for 3") {
		t.Errorf("short dst: %v", err)
	}
}
