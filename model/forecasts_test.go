package model_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"parley/errs"
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

// nanModel forecasts bad on its second issue and 1 on the others,
// through its Result alone (nanPoint adds PointForecast).
type nanModel struct {
	bad float64
}

func (nanModel) Name() string    { return "nan" }
func (nanModel) Summary() string { return "" }
func (m nanModel) Forecast(_ context.Context, p *model.Problem, _ model.Options) (*model.Result, error) {
	r := &model.Result{Model: "nan"}
	for k, is := range p.Issues {
		x := 1.0
		if k == 1 {
			x = m.bad
		}
		r.Issues = append(r.Issues, model.IssueResult{Issue: is.ID, Forecast: x})
	}
	return r, nil
}

type nanPoint struct{ nanModel }

func (m nanPoint) PointForecast(ctx context.Context, p *model.Problem, o model.Options, dst []float64) error {
	r, _ := m.Forecast(ctx, p, o)
	return model.ResultForecasts(p, r, dst)
}

// Run and Forecasts refuse a forecast that is not finite, whichever way
// the model gives it, naming the model and the issue; a finite one
// passes.
func TestRunRefusesNonFinite(t *testing.T) {
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 3, Issues: 3, Seed: 1}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	id := p.Issues[1].ID
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		want := fmt.Sprintf("nan gave no finite forecast of issue %s (%v)", id, bad)
		check := func(how string, err error) {
			t.Helper()
			if err == nil || errs.CodeOf(err) != errs.Invalid || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%s, %v: %v", how, bad, err)
			}
		}
		_, err := model.Run(ctx, nanModel{bad: bad}, p, model.Options{})
		check("Run", err)
		_, err = model.Forecasts(ctx, nanModel{bad: bad}, p, model.Options{})
		check("Forecasts through the Result", err)
		_, err = model.Forecasts(ctx, nanPoint{nanModel{bad: bad}}, p, model.Options{})
		check("Forecasts through PointForecast", err)
	}
	if r, err := model.Run(ctx, nanModel{bad: 2}, p, model.Options{}); err != nil || r.Issues[1].Forecast != 2 {
		t.Errorf("a finite forecast: %v, %v", r, err)
	}
	if f, err := model.Forecasts(ctx, nanPoint{nanModel{bad: 2}}, p, model.Options{}); err != nil || f[1] != 2 || f[0] != 1 {
		t.Errorf("a finite forecast: %v, %v", f, err)
	}
}

// fixedRounds is a model whose Result has the given rounds' forecasts on
// its one issue (none: no rounds, the forecast 7).
type fixedRounds []float64

func (fixedRounds) Name() string    { return "fixed" }
func (fixedRounds) Summary() string { return "test rounds" }
func (m fixedRounds) Forecast(_ context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	ir := model.IssueResult{Issue: p.Issues[0].ID, Forecast: 7}
	for t, x := range m {
		if o.NoTrace && t != 0 && t != len(m)-1 {
			continue
		}
		ir.Rounds = append(ir.Rounds, model.Round{Round: t, Forecast: x})
		ir.Forecast = x
	}
	return &model.Result{Model: "fixed", Issues: []model.IssueResult{ir}}, nil
}

// ForecastsSettling, for a model without its own fast path, reads the
// round before the last from a traced Result (not the NoTrace one, whose
// round before the last is round 0), and gives the forecast itself for a
// run of one round or none.
func TestForecastsSettlingFromResult(t *testing.T) {
	p := &model.Problem{Issues: []model.Issue{{ID: "a", Max: 100}}, Actors: []model.Actor{{ID: "x", Capability: 1}},
		Stances: [][]model.Stance{{{Present: true, Position: 10, Salience: 1}}}}
	for _, c := range []struct {
		rounds     fixedRounds
		last, prev float64
	}{
		{fixedRounds{1, 2, 3, 4}, 4, 3},
		{fixedRounds{5}, 5, 5},
		{nil, 7, 7},
	} {
		f, prev, failed, err := model.ForecastsSettling(context.Background(), c.rounds, p, model.Options{NoTrace: true})
		if err != nil || failed != nil {
			t.Fatalf("rounds %v: members failed %v, error %v", c.rounds, failed, err)
		}
		if f[0] != c.last || prev[0] != c.prev {
			t.Errorf("rounds %v: forecast %v and the round before %v, want %v and %v", c.rounds, f[0], prev[0], c.last, c.prev)
		}
	}
}

// combining is a model that combines others (model.CombiningForecaster):
// it forecasts 1, 2, … on the issues, with the round before the last one
// less, and reports as failed the members it was given; its Forecast and
// PointForecastSettling fail (ForecastsSettling must prefer
// PointForecastCombining, which alone reports failures).
type combining struct{ failed []model.MemberFailure }

func (combining) Name() string    { return "combining" }
func (combining) Summary() string { return "test members" }
func (combining) Forecast(context.Context, *model.Problem, model.Options) (*model.Result, error) {
	return nil, errs.New(errs.Internal, "Forecast called")
}
func (combining) PointForecastSettling(context.Context, *model.Problem, model.Options, []float64, []float64) error {
	return errs.New(errs.Internal, "PointForecastSettling called")
}
func (m combining) PointForecastCombining(_ context.Context, p *model.Problem, _ model.Options, dst, prev []float64) ([]model.MemberFailure, error) {
	for k := range p.Issues {
		dst[k] = float64(k + 1)
		if prev != nil {
			prev[k] = float64(k)
		}
	}
	return m.failed, nil
}

// ForecastsSettling gives a combining model's failed members as it gave
// them, with its forecasts and rounds before the last; nil when none
// failed. A failure on an issue the problem does not have is an error,
// not an index out of range in the caller.
func TestForecastsSettlingMemberFailures(t *testing.T) {
	p := &model.Problem{Issues: []model.Issue{{ID: "a", Max: 10}, {ID: "b", Max: 10}}, Actors: []model.Actor{{ID: "x", Capability: 1}},
		Stances: [][]model.Stance{{{Present: true, Position: 1, Salience: 1}, {Present: true, Position: 2, Salience: 1}}}}
	ctx := context.Background()
	two := []model.MemberFailure{{Issue: 0, Member: "smp"}, {Issue: 1, Member: "compromise"}}
	for _, failed := range [][]model.MemberFailure{nil, two} {
		f, prev, got, err := model.ForecastsSettling(ctx, combining{failed}, p, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(f, prev) != "[1 2] [0 1]" || fmt.Sprint(got) != fmt.Sprint(failed) || (failed == nil) != (got == nil) {
			t.Errorf("forecasts %v, before the last %v, failed %v; want [1 2] [0 1] %v", f, prev, got, failed)
		}
	}
	for _, k := range []int{-1, 2} {
		_, _, _, err := model.ForecastsSettling(ctx, combining{[]model.MemberFailure{{Issue: k, Member: "smp"}}}, p, model.Options{})
		if errs.CodeOf(err) != errs.Internal || !strings.Contains(fmt.Sprint(err), fmt.Sprintf("combining: member smp failed on issue %d of 2", k+1)) {
			t.Errorf("a failure on issue index %d: %v", k, err)
		}
	}
}

// ForecastsFailed gives a combining model's forecasts and failed members
// as ForecastsSettling does, through PointForecastCombining (its Forecast
// and PointForecastSettling fail), nil when none failed, and the same
// error for a failure on an issue the problem does not have; for any
// other model, Forecasts' forecasts and no failures.
func TestForecastsFailed(t *testing.T) {
	p := &model.Problem{Issues: []model.Issue{{ID: "a", Max: 10}, {ID: "b", Max: 10}}, Actors: []model.Actor{{ID: "x", Capability: 1}},
		Stances: [][]model.Stance{{{Present: true, Position: 1, Salience: 1}, {Present: true, Position: 2, Salience: 1}}}}
	ctx := context.Background()
	two := []model.MemberFailure{{Issue: 0, Member: "smp"}, {Issue: 1, Member: "compromise"}}
	for _, failed := range [][]model.MemberFailure{nil, two} {
		f, got, err := model.ForecastsFailed(ctx, combining{failed}, p, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(f) != "[1 2]" || fmt.Sprint(got) != fmt.Sprint(failed) || (failed == nil) != (got == nil) {
			t.Errorf("forecasts %v, failed %v; want [1 2] %v", f, got, failed)
		}
	}
	for _, k := range []int{-1, 2} {
		_, _, err := model.ForecastsFailed(ctx, combining{[]model.MemberFailure{{Issue: k, Member: "smp"}}}, p, model.Options{})
		if errs.CodeOf(err) != errs.Internal || !strings.Contains(fmt.Sprint(err), fmt.Sprintf("combining: member smp failed on issue %d of 2", k+1)) {
			t.Errorf("a failure on issue index %d: %v", k, err)
		}
	}
	// x alone on each issue: compromise forecasts its positions, 1 and 2
	f, failed, err := model.ForecastsFailed(ctx, compromise.Model{}, p, model.Options{})
	if err != nil || fmt.Sprint(f) != "[1 2]" || failed != nil {
		t.Errorf("compromise: %v, failed %v, %v; want [1 2] and none", f, failed, err)
	}
}

// Settled allows 10⁻⁹ of the scale's width (of 1 for a narrower one).
func TestSettled(t *testing.T) {
	for _, c := range []struct {
		last, prev, width float64
		want              bool
	}{
		{50, 50, 100, true},
		{50, 50 + 0.9e-7, 100, true},    // within 1e-9 × 100
		{50, 50 + 1.1e-7, 100, false},   // beyond it
		{0.5, 0.5 + 0.9e-9, 0.01, true}, // a narrow scale counts as width 1
		{0.5, 0.5 + 1.1e-9, 0.01, false},
		{math.NaN(), math.NaN(), 1, true},
		{math.NaN(), 1, 1, false},
	} {
		if got := model.Settled(c.last, c.prev, c.width); got != c.want {
			t.Errorf("Settled(%v, %v, %v) = %v, want %v", c.last, c.prev, c.width, got, c.want)
		}
	}
}
