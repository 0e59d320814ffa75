package smp_test

import (
	"context"
	"fmt"

	"parley/model"
	"parley/model/smp"
)

// Three actors on two issues that move together. B cares most about tax,
// C about spending; the run settles in a few steps.
func ExampleModel_Forecast() {
	p := &model.Problem{
		Issues: []model.Issue{{ID: "tax", Name: "Tax", Max: 100}, {ID: "spend", Name: "Spending", Max: 100}},
		Actors: []model.Actor{{ID: "a", Name: "A", Capability: 50}, {ID: "b", Name: "B", Capability: 30}, {ID: "c", Name: "C", Capability: 20}},
		Stances: [][]model.Stance{
			{{Present: true, Position: 20, Salience: 0.4}, {Present: true, Position: 30, Salience: 0.4}},
			{{Present: true, Position: 80, Salience: 0.7}, {Present: true, Position: 50, Salience: 0.2}},
			{{Present: true, Position: 60, Salience: 0.1}, {Present: true, Position: 90, Salience: 0.8}},
		},
	}
	res, err := smp.Model{}.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, is := range res.Issues {
		fmt.Printf("%s: %.1f after %d steps\n", is.Issue, is.Forecast, len(is.Rounds)-1)
	}
	// The chance that each actor's final position wins (KTAB's prob lines):
	d := res.Detail.(*smp.Detail)
	for i, name := range d.Actors {
		fmt.Printf("%s %.4f\n", name, d.Prob[len(d.Prob)-1][i])
	}
	// Output:
	// tax: 66.1 after 4 steps
	// spend: 81.4 after 4 steps
	// A 0.4170
	// B 0.5830
	// C 0.4170
}
