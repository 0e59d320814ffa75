package deal_test

import (
	"fmt"

	"parley/deal"
	"parley/model"
)

// Two actors, two issues: A cares most about the first, B about the
// second. The Nash package gives each the issue it cares about (a
// logroll), where issue-by-issue compromise would split both.
func ExampleSearch() {
	stance := func(x, s float64) model.Stance {
		return model.Stance{Present: true, Position: x, Salience: s, PosLo: x, PosHi: x, SalLo: s, SalHi: s}
	}
	p := &model.Problem{
		Actors: []model.Actor{{ID: "a", Capability: 1}, {ID: "b", Capability: 1}},
		Issues: []model.Issue{{ID: "tax", Min: 0, Max: 100}, {ID: "spending", Min: 0, Max: 100}},
		Stances: [][]model.Stance{
			{stance(0, 0.8), stance(0, 0.2)},
			{stance(100, 0.2), stance(100, 0.8)},
		},
	}
	res, err := deal.Search(&deal.Input{Problem: p}, deal.Options{Frontier: -1, Samples: -1})
	if err != nil {
		panic(err)
	}
	fmt.Printf("Nash package: tax %.0f, spending %.0f\n", res.Nash.Values[0], res.Nash.Values[1])
	fmt.Printf("utilities: a %.2f, b %.2f\n", res.Nash.Utilities[0], res.Nash.Utilities[1])
	mid, _ := deal.Evaluate(&deal.Input{Problem: p}, []float64{50, 50}, nil, deal.Options{})
	fmt.Printf("midpoint (50, 50): a %.2f, b %.2f\n", mid.Actors[0].Utility, mid.Actors[1].Utility)
	// Output:
	// Nash package: tax 0, spending 100
	// utilities: a 0.80, b 0.80
	// midpoint (50, 50): a 0.50, b 0.50
}
