package model_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/compromise"
	"parley/model/ks"
	"parley/model/median"
	"parley/model/modeltest"
	"parley/model/nash"
)

// The models EachIssue runs give, through EachIssuePoint, Forecast's
// forecasts bit for bit: generated problems of 2–47 actors and 1–6
// issues, some stances absent (the slices EachIssuePoint reuses from issue
// to issue then hold fewer actors than the last issue's), some issues
// with a status quo (nash and ks read it).
func TestEachIssuePointEqualsForecast(t *testing.T) {
	models := []model.Model{compromise.Model{}, median.Model{}, nash.Model{}, ks.Model{}}
	n := 0
	for c := range 12 {
		p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 2 + 5*c, Issues: 1 + c%6, Seed: uint64(c + 1)}))
		if err != nil {
			t.Fatal(err)
		}
		for k := range p.Issues {
			if k%2 == 1 {
				p.Issues[k].Reference, p.Issues[k].HasReference = p.Issues[k].Min+float64(c), true
			}
			for i := range p.Actors {
				if i > 0 && (i+k+c)%3 == 0 {
					p.Stances[i][k].Present = false
				}
			}
		}
		for _, m := range models {
			r, err := m.Forecast(context.Background(), p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			dst := make([]float64, len(p.Issues))
			if err := m.(model.PointForecaster).PointForecast(context.Background(), p, model.Options{}, dst); err != nil {
				t.Fatal(err)
			}
			for k := range dst {
				if math.Float64bits(dst[k]) != math.Float64bits(r.Issues[k].Forecast) {
					t.Errorf("%s, case %d issue %d: PointForecast %v, Forecast %v", m.Name(), c, k, dst[k], r.Issues[k].Forecast)
				}
				n++
			}
		}
	}
	if n < 150 {
		t.Errorf("only %d forecasts compared", n)
	}
}

// A tie of the weighted vote: Forecast and PointForecast both give the
// midpoint (20 + 60)/2 = 40; only Forecast carries the note.
func TestEachIssuePointTie(t *testing.T) {
	p := modeltest.OneIssue(0, 100, modeltest.A(1, 20, 1), modeltest.A(1, 60, 1))
	r, err := median.Model{}.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dst := []float64{math.NaN()}
	if err := (median.Model{}).PointForecast(context.Background(), p, model.Options{}, dst); err != nil {
		t.Fatal(err)
	}
	if r.Issues[0].Forecast != 40 || dst[0] != 40 {
		t.Errorf("Forecast %v, PointForecast %v; want 40 (the midpoint of the tie)", r.Issues[0].Forecast, dst[0])
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "ties between 20 and 60") {
		t.Errorf("notes %q, want the tie between 20 and 60", r.Notes)
	}
}

// Too short a dst is an error, not a panic; an invalid problem is
// Forecast's error.
func TestEachIssuePointErrors(t *testing.T) {
	p := modeltest.OneIssue(0, 100, modeltest.A(1, 20, 1), modeltest.A(1, 60, 1))
	if err := (compromise.Model{}).PointForecast(context.Background(), p, model.Options{}, nil); err == nil || !strings.Contains(err.Error(), "room for 1 forecasts, has 0") {
		t.Errorf("no room: %v", err)
	}
	p.Actors[0].Capability = -1
	_, want := compromise.Model{}.Forecast(context.Background(), p, model.Options{})
	err := (compromise.Model{}).PointForecast(context.Background(), p, model.Options{}, make([]float64, 1))
	if want == nil || err == nil || err.Error() != want.Error() {
		t.Errorf("invalid problem: PointForecast %v, Forecast %v", err, want)
	}
}
