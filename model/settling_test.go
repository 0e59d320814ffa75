package model_test

import (
	"context"
	"fmt"
	"math"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/bdm"
	"parley/model/catalog"
	"parley/model/compromise"
	"parley/model/ensemble"
	"parley/model/exchange"
	"parley/model/ks"
	"parley/model/median"
	"parley/model/nash"
	"parley/model/smp"
)

// settlingProblems are generated problems of 3–25 actors and 1–6 issues,
// with some stances absent and some issues with a status quo; the last
// is the ensemble's unsettled case (smp on its first issue alone stops
// at its round limit, still moving).
func settlingProblems(t *testing.T) []*model.Problem {
	t.Helper()
	var ps []*model.Problem
	for c, ai := range [][3]int{{3, 1, 1}, {5, 3, 2}, {8, 2, 3}, {12, 4, 4}, {25, 2, 6}, {6, 6, 7}, {15, 6, 5}} {
		p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: ai[0], Issues: ai[1], Seed: uint64(ai[2])}))
		if err != nil {
			t.Fatal(err)
		}
		if c%2 == 1 {
			for k := range p.Issues {
				if k%2 == 0 {
					p.Issues[k].Reference, p.Issues[k].HasReference = p.Issues[k].Min+float64(10*c), true
				}
				for i := range p.Actors {
					if i > 1 && (i+k+c)%3 == 0 {
						p.Stances[i][k].Present = false
					}
				}
			}
		}
		ps = append(ps, p)
	}
	return ps
}

// PointForecastSettling gives, bit for bit, every issue's forecast as
// PointForecast and a traced Forecast give it, and the round before the
// last as the traced Forecast's Rounds[n−2] (the forecast itself with
// one round), whatever Options.NoTrace says; ForecastsSettling gives the
// same through it and through the Result alone. Every model with rounds
// has cases whose last two rounds differ, so the test cannot pass by
// returning the forecast twice; some of them have not settled. The
// models: every one of the catalog with PointForecast, bdm off its lean
// round (Q < 1), exchange in exact arithmetic, smp with other options,
// and ensembles whose members' rounds are of different lengths (exchange
// 11, bdm stopping early, smp's, compromise's one). Runs of the models'
// default length, of one round, of at most two, and of three without a
// trace. Too short a prev is an error.
func TestPointForecastSettling(t *testing.T) {
	ctx := context.Background()
	models := []struct {
		m model.Model
		// rounds: Forecast has rounds beyond Round 0; small: run on
		// the problems of 12 actors or fewer only (28-digit arithmetic)
		rounds, small bool
	}{
		{compromise.Model{}, false, false}, {median.Model{}, false, false}, {nash.Model{}, false, false}, {ks.Model{}, false, false},
		{bdm.Model{}, true, false}, {bdm.Model{Profile: bdm.Paper}, true, false}, {bdm.Model{Q: bdm.Prob(0.5), T: bdm.Prob(0.5)}, true, false},
		{exchange.Model{}, true, false}, {exchange.Model{Exact: true}, true, true},
		{smp.Model{}, true, false}, {smp.Model{PCE: smp.PCEMarkovUniform, Bargain: smp.BargainPWComp}, true, false},
		{ensemble.Model{}, true, false},
		{ensemble.Model{Members: []ensemble.Member{{Model: compromise.Model{}, Weight: 0.3}, {Model: bdm.Model{}, Weight: 0.2},
			{Model: exchange.Model{}, Weight: 0.25}, {Model: smp.Model{}, Weight: 0.25}, {Model: nash.Model{}, Weight: 0}}}, true, false},
	}
	for _, m := range catalog.All() {
		if _, ok := m.(model.PointForecaster); !ok {
			continue
		}
		if _, ok := m.(model.SettlingForecaster); !ok {
			t.Errorf("%s has PointForecast but no PointForecastSettling: a sweep would run it traced", m.Name())
		}
	}
	ps := settlingProblems(t)
	for mi, mc := range models {
		m := mc.m
		sf := m.(model.SettlingForecaster)
		name := fmt.Sprintf("%d %s", mi, m.Name())
		moved, unsettled, compared := 0, 0, 0
		for c, p := range ps {
			if mc.small && len(p.Actors) > 12 {
				continue
			}
			for _, o := range []model.Options{{}, {Rounds: 1}, {MaxRounds: 2}, {Rounds: 3, NoTrace: true}} {
				traced := o
				traced.NoTrace = false
				r, err := m.Forecast(ctx, p, traced)
				if err != nil {
					t.Fatalf("%s case %d %+v: %v", name, c, o, err)
				}
				n := len(p.Issues)
				point, dst, prev := make([]float64, n), make([]float64, n), make([]float64, n)
				if err := m.(model.PointForecaster).PointForecast(ctx, p, o, point); err != nil {
					t.Fatal(err)
				}
				if err := sf.PointForecastSettling(ctx, p, o, dst, prev); err != nil {
					t.Fatal(err)
				}
				f, fprev, failed, err := model.ForecastsSettling(ctx, m, p, o)
				if err != nil || failed != nil {
					t.Fatalf("%s case %d %+v: members failed %v, error %v", name, c, o, failed, err)
				}
				rf, rprev, _, err := model.ForecastsSettling(ctx, resultOnly{Model: m}, p, o)
				if err != nil {
					t.Fatal(err)
				}
				for k, ir := range r.Issues {
					want, wantPrev := ir.Forecast, ir.Forecast
					if rs := ir.Rounds; len(rs) >= 2 {
						wantPrev = rs[len(rs)-2].Forecast
					}
					if !same(dst[k], want) || !same(point[k], want) || !same(f[k], want) || !same(rf[k], want) {
						t.Errorf("%s case %d %+v issue %d: forecast %v by PointForecastSettling, %v by PointForecast, %v and %v by ForecastsSettling; Forecast's %v",
							name, c, o, k, dst[k], point[k], f[k], rf[k], want)
					}
					if !same(prev[k], wantPrev) || !same(fprev[k], wantPrev) || !same(rprev[k], wantPrev) {
						t.Errorf("%s case %d %+v issue %d: the round before the last %v by PointForecastSettling, %v and %v by ForecastsSettling; Forecast's %v",
							name, c, o, k, prev[k], fprev[k], rprev[k], wantPrev)
					}
					if !same(prev[k], dst[k]) {
						moved++
					}
					if !model.Settled(dst[k], prev[k], p.Issues[k].Max-p.Issues[k].Min) {
						unsettled++
					}
					compared++
				}
			}
		}
		p := ps[len(ps)-1]
		if err := sf.PointForecastSettling(ctx, p, model.Options{}, make([]float64, len(p.Issues)), make([]float64, len(p.Issues)-1)); err == nil {
			t.Errorf("%s: no error with room for %d forecasts before the last of %d", name, len(p.Issues)-1, len(p.Issues))
		}
		t.Logf("%s: %d forecasts, the round before the last differs in %d, %d unsettled", name, compared, moved, unsettled)
		if mc.rounds && (moved < 5 || unsettled == 0) {
			t.Errorf("%s: the last two rounds differ in %d of %d forecasts, %d unsettled: too few to test the round before the last", name, moved, compared, unsettled)
		}
		if compared < 50 {
			t.Errorf("%s: only %d forecasts compared", name, compared)
		}
	}
}

// same reports whether a and b have the same bits.
func same(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }
