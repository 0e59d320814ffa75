package bdm_test

import (
	"context"
	"fmt"

	"parley/model"
	"parley/model/bdm"
)

// The EC car-emission standards case of BDM (1994): ten member states,
// positions 4, 7 or 10 (the date of the standards).
func ExampleModel() {
	names := []string{"Netherlands", "Belgium", "Luxembourg", "Germany", "France", "Italy", "UK", "Ireland", "Denmark", "Greece"}
	capab := []float64{.08, .08, .03, .16, .16, .16, .16, .05, .05, .08}
	pos := []float64{4, 7, 4, 4, 10, 10, 10, 7, 4, 7}
	sal := []float64{.8, .4, .2, .8, .6, .6, .9, .1, 1, .7}
	p := &model.Problem{Issues: []model.Issue{{ID: "emissions", Min: 4, Max: 10}}}
	for i, n := range names {
		p.Actors = append(p.Actors, model.Actor{ID: n, Capability: capab[i]})
		p.Stances = append(p.Stances, []model.Stance{{Present: true, Position: pos[i], Salience: sal[i]}})
	}
	for _, m := range []bdm.Model{{}, {Profile: bdm.Paper}} {
		res, err := m.Forecast(context.Background(), p, model.Options{})
		if err != nil {
			panic(err)
		}
		is := res.Issues[0]
		fmt.Printf("%-9s forecast %.6f (mean %.6f), stopped at round %v\n", m.Name(), is.Forecast, is.Values["mean"], is.Values["stop_round"])
	}
	// Output:
	// bdm       forecast 9.961980 (mean 7.358131), stopped at round 4
	// bdm-paper forecast 7.000000 (mean 7.043613), stopped at round 1
}
