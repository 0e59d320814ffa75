package exchange

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"parley/gen"
	"parley/model"
)

// The heap selection realises exactly the exchanges of the slice
// selection, in the same order with the same numbers, round after round:
// generated problems of up to 60 actors, in float and exact arithmetic
// and in the randomised variant (whose draws follow the order of
// recalculation), coarse ones where many gains tie, and Decide's three
// inputs. The results are compared as JSON, every round's positions and
// every realised exchange included.
func TestHeapSelectionEqualsSlice(t *testing.T) {
	cases := []struct {
		actors, issues int
		seed           uint64
		m              Model
	}{
		{12, 4, 1, Model{}},
		{30, 5, 2, Model{}},
		{60, 4, 3, Model{}},
		{40, 6, 4, Model{Randomize: 0.3}},
		{10, 4, 5, Model{Exact: true}},
	}
	var realised int
	for _, c := range cases {
		p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: c.actors, Issues: c.issues, Seed: c.seed}))
		if err != nil {
			t.Fatal(err)
		}
		o := model.Options{Rounds: 6, Seed: 7}
		hm := c.m
		hm.selection = byHeap
		heap, err := hm.Forecast(context.Background(), p, o)
		if err != nil {
			t.Fatal(err)
		}
		sl := c.m
		sl.selection = bySlice
		slice, err := sl.Forecast(context.Background(), p, o)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(heap)
		b, _ := json.Marshal(slice)
		if string(a) != string(b) {
			t.Errorf("%d × %d (seed %d, %+v): the heap selection's result differs from the slice's", c.actors, c.issues, c.seed, c.m)
		}
		for _, rd := range heap.Detail.(*Detail).Rounds {
			realised += len(rd.Exchanges)
		}
	}
	// Coarse inputs (positions on 0, 10, …, 100, saliences in quarters,
	// capabilities 1–3) make many gains equal, so that the order among
	// equal gains — the list position — decides often.
	rng := rand.New(rand.NewPCG(9, 10))
	for s := range 6 {
		p := &model.Problem{}
		for k := range 4 {
			p.Issues = append(p.Issues, model.Issue{ID: fmt.Sprint("i", k), Min: 0, Max: 100})
		}
		for i := range 25 {
			p.Actors = append(p.Actors, model.Actor{ID: fmt.Sprint("a", i), Capability: float64(1 + rng.IntN(3))})
			row := make([]model.Stance, 4)
			for k := range row {
				row[k] = model.Stance{Present: true, Position: float64(10 * rng.IntN(11)), Salience: float64(1+rng.IntN(4)) / 4}
			}
			p.Stances = append(p.Stances, row)
		}
		for _, m := range []Model{{}, {Exact: true}} {
			o := model.Options{Rounds: 4}
			hm := m
			hm.selection = byHeap
			heap, err := hm.Forecast(context.Background(), p, o)
			if err != nil {
				t.Fatal(err)
			}
			sl := m
			sl.selection = bySlice
			slice, err := sl.Forecast(context.Background(), p, o)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := json.Marshal(heap)
			b, _ := json.Marshal(slice)
			if string(a) != string(b) {
				t.Errorf("coarse problem %d (exact %v): the heap selection's result differs from the slice's", s, m.Exact)
			}
			for _, rd := range heap.Detail.(*Detail).Rounds {
				realised += len(rd.Exchanges)
			}
		}
	}
	// Decide's own inputs, in both arithmetics (their goldens run the
	// slice: these lists are below heapFrom)
	for _, f := range []string{"copenhagen.csv", "sample_data.txt", "cop21_paris_2015_decide.tsv"} {
		p := load(t, f)
		for _, m := range []Model{{}, {Exact: true}} {
			hm, sl := m, m
			hm.selection, sl.selection = byHeap, bySlice
			heap, err := hm.Forecast(context.Background(), p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			slice, err := sl.Forecast(context.Background(), p, model.Options{})
			if err != nil {
				t.Fatal(err)
			}
			a, _ := json.Marshal(heap)
			b, _ := json.Marshal(slice)
			if string(a) != string(b) {
				t.Errorf("%s (exact %v): the heap selection's result differs from the slice's", f, m.Exact)
			}
			for _, rd := range heap.Detail.(*Detail).Rounds {
				realised += len(rd.Exchanges)
			}
		}
	}
	t.Logf("%d realised exchanges compared", realised)
	if realised < 1000 {
		t.Errorf("only %d realised exchanges: too few to compare", realised)
	}
}
