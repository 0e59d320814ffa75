package deal

import (
	"math"
	"slices"
	"testing"

	"parley/model"
)

// discreteInput is n discrete issues on 0–100, each with the options 0,
// 40 and 100, and two actors of equal salience on every issue: a at 0,
// b at 100. With ρ = 1, U_a = 1 − mean q and U_b = mean q (q = x/100).
// reservation is b's (NaN: none, its alternative the default 0).
func discreteInput(n int, reservation float64) *Input {
	pos := [][]float64{make([]float64, n), make([]float64, n)}
	sal := [][]float64{make([]float64, n), make([]float64, n)}
	for k := range n {
		pos[1][k] = 100
		sal[0][k], sal[1][k] = 1, 1
	}
	p := problem([]float64{1, 1}, pos, sal)
	for k := range p.Issues {
		p.Issues[k].Discrete = true
		p.Issues[k].Anchors = []model.Anchor{{Value: 0, Label: "none"}, {Value: 40, Label: "some"}, {Value: 100, Label: "all"}}
	}
	return &Input{Problem: p, Reservation: []float64{math.NaN(), reservation}}
}

func restated(t *testing.T, in *Input, values ...float64) *Package {
	t.Helper()
	sp, err := newSpace(in, 1)
	if err != nil {
		t.Fatal(err)
	}
	pk := &Package{Values: values}
	sp.restate(pk, []int{0, 1}, false)
	return pk
}

// Every option pleases both actors alike (no alternative stated, no red
// line): the nearest combination wins, 40 for 55 (15 away, 100 is 45),
// and on a tie the lower: 70 is 30 from both 40 and 100.
func TestRestateNearestThenLower(t *testing.T) {
	for _, tc := range []struct{ x, want float64 }{{55, 40}, {70, 40}, {71, 100}, {20, 0}} {
		pk := restated(t, discreteInput(1, math.NaN()), tc.x)
		if pk.Restated == nil || pk.Values[0] != tc.want {
			t.Errorf("%v restated at %v (%+v), want %v", tc.x, pk.Values, pk.Restated, tc.want)
			continue
		}
		r := pk.Restated
		if r.Combinations != 2 || r.Nearest || r.Yeses != 2 || r.ContinuousYeses != 2 || len(r.Lost) != 0 || r.Continuous[0] != tc.x || !slices.Equal(r.Issues, []string{"i1"}) {
			t.Errorf("%v: restatement %+v, want 2 combinations, 2 yeses of 2, none lost", tc.x, r)
		}
		// the package's utilities are the restated values': U_a = 1 − q
		if u := pk.Utilities[0]; math.Abs(u-(1-tc.want/100)) > 1e-12 || pk.Options[0] == "" {
			t.Errorf("%v: a's utility %v at %v, want %v; options %q", tc.x, u, tc.want, 1-tc.want/100, pk.Options)
		}
	}
}

// The most yeses come before nearness: b accepts from 60 (reservation
// 0.6), so 55 is restated at 100 (a's and b's yes), not at the nearer 40
// (a's alone); b had no yes at 55, so none is lost.
func TestRestateMostYeses(t *testing.T) {
	pk := restated(t, discreteInput(1, 0.6), 55)
	r := pk.Restated
	if pk.Values[0] != 100 || r == nil || r.Yeses != 2 || r.ContinuousYeses != 1 || len(r.Lost) != 0 {
		t.Fatalf("55 restated at %v (%+v), want 100 with 2 yeses against 1, none lost", pk.Values, r)
	}
	if g := pk.Gains[1]; math.Abs(g-0.4) > 1e-12 {
		t.Errorf("b's gain at 100: %v, want 1 − 0.6 = 0.4", g)
	}
}

// A value that is an option, to within the scale's noise, is not
// restated; a package with no discrete issue neither.
func TestRestateOnlyBetweenOptions(t *testing.T) {
	if pk := restated(t, discreteInput(1, math.NaN()), 40+1e-10); pk.Restated != nil || pk.Values[0] != 40+1e-10 {
		t.Errorf("40 + 1e-10 restated: %v %+v", pk.Values, pk.Restated)
	}
	in := discreteInput(1, math.NaN())
	in.Problem.Issues[0].Discrete = false
	if pk := restated(t, in, 55); pk.Restated != nil {
		t.Errorf("a continuous issue's 55 restated: %+v", pk.Restated)
	}
}

// Seven issues between options make 2⁷ = 128 combinations, more than 64:
// each value is rounded to its nearest option instead (55 → 40, 80 →
// 100, 70 → 40 on the tie), and the restatement says so.
func TestRestateTooManyCombinations(t *testing.T) {
	xs := []float64{55, 80, 70, 10, 30, 90, 45}
	want := []float64{40, 100, 40, 0, 40, 100, 40}
	pk := restated(t, discreteInput(7, math.NaN()), xs...)
	r := pk.Restated
	if r == nil || !r.Nearest || r.Combinations != 128 || !slices.Equal(pk.Values, want) || !slices.Equal(r.Continuous, xs) {
		t.Fatalf("restated at %v (%+v), want %v rounded to the nearest of 128 combinations", pk.Values, r, want)
	}
	// Six issues make 64, which are tried.
	pk = restated(t, discreteInput(6, math.NaN()), xs[:6]...)
	if r := pk.Restated; r == nil || r.Nearest || r.Combinations != 64 || !slices.Equal(pk.Values, want[:6]) {
		t.Fatalf("six issues restated at %v (%+v), want %v, all 64 combinations tried", pk.Values, r, want[:6])
	}
}

// deal evaluate's package and search's fixed issues take only options on
// a discrete issue: the refusal names the field, the issue and the
// options.
func TestCheckValuesDiscrete(t *testing.T) {
	p := discreteInput(1, math.NaN()).Problem
	p.Issues[0].Name = "Share"
	if err := CheckValues(p, "package", map[string]float64{"i1": 40}); err != nil {
		t.Fatalf("an option refused: %v", err)
	}
	err := CheckValues(p, "package", map[string]float64{"i1": 55})
	want := "package: issue i1: the package gives Share the value 55, which is not one of its options: Share is a discrete issue (discrete: true), whose only outcomes are its options; valid: one of 0 (none), 40 (some) or 100 (all)"
	if err == nil || err.Error() != want {
		t.Fatalf("55 on a discrete issue:\n got %v\nwant %s", err, want)
	}
}
