package exchange_test

import (
	"context"
	"fmt"

	"parley/model"
	"parley/model/exchange"
)

// Two actors who each care most about a different issue trade: A gives
// way on q, B on p, and the voting forecast moves to each one's side on
// the issue it cares about.
func ExampleModel_Forecast() {
	st := func(x, s float64) model.Stance {
		return model.Stance{Present: true, Position: x, Salience: s, PosLo: x, PosHi: x, SalLo: s, SalHi: s}
	}
	p := &model.Problem{
		Actors: []model.Actor{{ID: "A", Capability: 1, CapLo: 1, CapHi: 1}, {ID: "B", Capability: 1, CapLo: 1, CapHi: 1}},
		Issues: []model.Issue{{ID: "p", Min: 0, Max: 100}, {ID: "q", Min: 0, Max: 100}},
		Stances: [][]model.Stance{
			{st(0, 0.8), st(0, 0.2)},     // A: cares about p
			{st(100, 0.2), st(100, 0.8)}, // B: cares about q
		},
	}
	res, err := exchange.Model{Exact: true}.Forecast(context.Background(), p, model.Options{Rounds: 1})
	if err != nil {
		panic(err)
	}
	d := res.Detail.(*exchange.Detail)
	for _, e := range d.Rounds[0].Exchanges {
		fmt.Printf("%s moves on %s to %v, %s moves on %s to %v, gain %v\n", e.I.Actor, e.I.Supply, e.I.Y, e.J.Actor, e.J.Supply, e.J.Y, e.Gain)
	}
	for k, id := range d.Issues {
		fmt.Printf("%s: preference %v, voting %v\n", id, d.Rounds[0].Preference[k], d.Rounds[0].Voting[k])
	}
	// Output:
	// A moves on q to 100, B moves on p to 0, gain 12.0
	// p: preference 20, voting 0
	// q: preference 80, voting 100
}
