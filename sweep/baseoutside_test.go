package sweep

import (
	"context"
	"math"
	"testing"

	"parley/model"
	"parley/model/compromise"
)

// vee is compromise folded at 50: its forecast is |x̄ − 50| for the
// weighted mean x̄, a model that is not monotone in a position.
type vee struct{ compromise.Model }

func fold(dst []float64) {
	for k := range dst {
		dst[k] = math.Abs(dst[k] - 50)
	}
}

func (m vee) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	r, err := m.Model.Forecast(ctx, p, o)
	if err == nil {
		for k := range r.Issues {
			r.Issues[k].Forecast = math.Abs(r.Issues[k].Forecast - 50)
		}
	}
	return r, err
}

func (m vee) PointForecastSettling(ctx context.Context, p *model.Problem, o model.Options, dst, prev []float64) error {
	err := m.Model.PointForecastSettling(ctx, p, o, dst, prev)
	fold(dst)
	return err
}

func (m vee) PointForecast(ctx context.Context, p *model.Problem, o model.Options, dst []float64) error {
	err := m.Model.PointForecast(ctx, p, o, dst)
	fold(dst)
	return err
}

// A swing whose base lies outside its ends is marked. By hand: a at 50
// ranged 0–100 and b at 50 fixed (both capability 1, salience 1), so x̄
// = (x_a + 50)/2 and vee gives |x̄ − 50|: 0 at the stated values, 25 at
// a's low end (x̄ = 25) and 25 at its high end (x̄ = 75). Low → high is
// 25 → 25, the swing 25 (the move from the base to an end), and the base
// lies outside the ends: BaseOutside. b's capability, ranged 0.5–2,
// leaves x̄ at 50 at both ends: no swing, not marked.
func TestSensitivityBaseOutsideEnds(t *testing.T) {
	p := &model.Problem{Issues: []model.Issue{{ID: "x", Name: "X", Min: 0, Max: 100}}}
	for _, a := range []string{"a", "b"} {
		p.Actors = append(p.Actors, model.Actor{ID: a, Name: a, Capability: 1, CapLo: 1, CapHi: 1})
		p.Stances = append(p.Stances, []model.Stance{{Present: true, Position: 50, Salience: 1, PosLo: 50, PosHi: 50, SalLo: 1, SalHi: 1}})
	}
	p.Stances[0][0].PosLo, p.Stances[0][0].PosHi = 0, 100
	p.Actors[1].CapLo, p.Actors[1].CapHi = 0.5, 2
	r, err := Sensitivity(context.Background(), vee{}, p, Options{Draws: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	is := r.Issues[0]
	if is.Base != 0 || len(is.Swings) != 2 {
		t.Fatalf("base %v, %d swings; want 0, 2", is.Base, len(is.Swings))
	}
	s := is.Swings[0]
	if s.Input.Kind != Position || s.Low == nil || *s.Low != 25 || s.High == nil || *s.High != 25 || s.Swing != 25 || !s.BaseOutside {
		t.Errorf("a's position: %+v; want 25 → 25, swing 25, base outside", s)
	}
	if s := is.Swings[1]; s.Input.Kind != Capability || s.Swing != 0 || s.BaseOutside {
		t.Errorf("b's capability: %+v; want swing 0, not marked", s)
	}
}
