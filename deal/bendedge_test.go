package deal

import "testing"

// bendEdge snaps the solver's noise to the nearest millionth of the
// width, and otherwise keeps the package's value to nine digits: a snap
// of a value away from a step moved the edge by up to half a step, 125
// on a 0–2.5e8 scale, so that the bent line excluded the package it was
// bent for (123456789 → 123456750 for a "<= " line).
func TestBendEdge(t *testing.T) {
	for _, c := range []struct {
		x, width, want float64
	}{
		{-2.10448476e-08, 20, 0},               // noise at 0 on -10–10 (the case it was written for)
		{5.0000000001, 20, 5},                  // noise at a step
		{123456789, 2.5e8, 123456789},          // a package's value between steps of 250
		{123456789.08544922, 2.5e8, 123456789}, // the same with the solver's noise: nine digits
		{0.4567891234, 1, 0.456789123},         // between steps of 1e-6 on 0–1: nine digits
	} {
		if got := bendEdge(c.x, c.width); got != c.want {
			t.Errorf("bendEdge(%v, %v) = %v, want %v", c.x, c.width, got, c.want)
		}
	}
}
