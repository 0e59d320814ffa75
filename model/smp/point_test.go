package smp_test

import (
	"context"
	"fmt"
	"math"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/smp"
)

// PointForecast returns Forecast's forecasts bit for bit (it skips the
// win probabilities of every state but the last): generated problems of
// 3–60 actors and 1–8 issues, with the default
// settings and every non-default one, stopping early or after fixed rounds.
func TestPointForecastEqualsForecast(t *testing.T) {
	models := []smp.Model{{}, {Vote: smp.VoteBinary}, {PCE: smp.PCEMarkovUniform}, {RiskRange: smp.RiskMax},
		{RiskAdjust: smp.AdjustFull}, {Commit: smp.NoCommit}, {Interp: smp.InterpS2PMax}, {Bargain: smp.BargainPWComp}}
	n := 0
	for c := range 16 {
		actors, issues := 3+(c*7)%58, 1+c%8
		var p *model.Problem
		if c%2 == 0 {
			p = synthetic(actors, issues, uint64(c))
		} else {
			var err error
			p, err = model.FromScenario(gen.Scenario(gen.Options{Actors: actors, Issues: issues, Seed: uint64(c)}))
			if err != nil {
				t.Fatal(err)
			}
		}
		for _, o := range []model.Options{{}, {Rounds: 3}, {NoTrace: true}} {
			m := models[(c+o.Rounds)%len(models)]
			r, err := m.Forecast(context.Background(), p, o)
			if err != nil {
				t.Fatal(err)
			}
			dst := make([]float64, len(p.Issues))
			if err := m.PointForecast(context.Background(), p, o, dst); err != nil {
				t.Fatal(err)
			}
			for k := range dst {
				if math.Float64bits(dst[k]) != math.Float64bits(r.Issues[k].Forecast) {
					t.Errorf("%d × %d %+v %+v issue %d: PointForecast %v, Forecast %v", actors, issues, m, o, k, dst[k], r.Issues[k].Forecast)
				}
				n++
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d forecasts compared", n)
	}
	t.Log(fmt.Sprint(n, " forecasts compared"))
}
