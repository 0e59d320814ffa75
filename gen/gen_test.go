package gen

import (
	"reflect"
	"testing"
)

func TestScenarioIsValidAndDeterministic(t *testing.T) {
	for _, o := range []Options{{}, {Actors: 50, Issues: 10, Seed: 7}, {Actors: 3, Issues: 1, Seed: 2, PositionSpread: 50}} {
		s := Scenario(o)
		if ds := s.Validate(); len(ds) != 0 {
			t.Fatalf("%+v: %v", o, ds)
		}
		wantA, wantI := o.Actors, o.Issues
		if wantA == 0 {
			wantA, wantI = 10, 5
		}
		if len(s.Actors) != wantA || len(s.Issues) != wantI || len(s.Stances) != wantA*wantI {
			t.Errorf("%+v: %d actors, %d issues, %d stances", o, len(s.Actors), len(s.Issues), len(s.Stances))
		}
		if !reflect.DeepEqual(s, Scenario(o)) {
			t.Errorf("%+v: two calls differ", o)
		}
	}
	if reflect.DeepEqual(Scenario(Options{Seed: 1}), Scenario(Options{Seed: 2})) {
		t.Error("seeds 1 and 2 give the same scenario")
	}
}
