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

// twoIssues is discreteInput's two actors on two issues of 0–100, the
// first discrete with the options 0, 40 and 90, the second discrete
// with the same options or not (continuous): U_a = 1 − m and U_b = m,
// m the mean of q = x/100, and each actor's reservation 0.48, so the
// zone is 0.48 ≤ m ≤ 0.52.
func twoIssues(secondDiscrete bool) *Input {
	in := discreteInput(2, 0.48)
	in.Reservation[0] = 0.48
	opts := []model.Anchor{{Value: 0, Label: "none"}, {Value: 40, Label: "some"}, {Value: 90, Label: "most"}}
	in.Problem.Issues[0].Anchors = opts
	in.Problem.Issues[1].Anchors = opts
	in.Problem.Issues[1].Discrete = secondDiscrete
	return in
}

// Both issues at options: the zone's range on each is the whole scale
// (q1 = 2m − q2 runs −0.04 to 1.04, cut to 0–1), so every option is in
// it and the 9 combinations are checked; their means m are 0, 0.2,
// 0.45, 0.4, 0.65 and 0.9, none in 0.48–0.52: no package at the options
// is accepted, though the zone (m = 0.5 at best, margin 0.02) is open.
func TestAtOptionsNoneOfTheCombinations(t *testing.T) {
	res, err := Search(twoIssues(true), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Open || math.Abs(res.Margin-0.02) > 1e-6 {
		t.Fatalf("zone open %v, margin %v; want open, 0.02", res.Open, res.Margin)
	}
	a := res.AtOptions
	if a == nil || a.Open || !a.Checked || a.Combinations != 9 || len(a.Outside) != 0 {
		t.Fatalf("at options %+v; want none accepted, 9 combinations checked, none outside", a)
	}
	// Values is the balanced package restated, which some actor blocks
	if !slices.Equal(a.Values, res.Balanced.Values) || len(a.Lost) == 0 {
		t.Errorf("at options %v lost %v; want the balanced package %v, and whom it loses", a.Values, a.Lost, res.Balanced.Values)
	}
}

// The first issue at options, the second continuous: with q1 at 0, 40
// or 90 the second makes m = 0.5 (q2 = 1, 0.6, 0.1), each a largest
// smallest gain of 0.02; a package at the options is accepted: if the
// Nash and balanced packages restated are not, of the tie the nearest
// the search's Nash package (50, 50), q1 = 40 and q2 = 60 (0.2 away in
// shares of the scales, against 1 and 0.9).
func TestAtOptionsOneCombinationOpen(t *testing.T) {
	res, err := Search(twoIssues(false), Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.AtOptions
	if a == nil || !a.Open || !a.Checked || len(a.Lost) != 0 {
		t.Fatalf("at options %+v; want a package accepted", a)
	}
	v := a.Values
	if !slices.Contains([]float64{0, 40, 90}, v[0]) {
		t.Fatalf("the package at options %v: %v is no option", v, v[0])
	}
	if m := (v[0] + v[1]) / 200; m < 0.48-1e-6 || m > 0.52+1e-6 {
		t.Errorf("the package at options %v: mean %v, outside the zone 0.48–0.52", v, m)
	}
	if res.Nash.Restated != nil && res.Nash.Restated.Yeses < 2 && (v[0] != 40 || math.Abs(v[1]-60) > 1e-3) {
		t.Errorf("the package at options %v, want the nearest the Nash package: 40 and 60", v)
	}
}

// Four issues with the options 0, 40 and 90 each, all in the zone's
// ranges: 81 combinations, more than MaxRestateCombinations, are not
// checked, and the answer says it does not know. The Nash package
// restated (50 to 40 or 90 on each: m = 0.4 + 0.125 per 90, never in
// 0.48–0.52) is no witness.
func TestAtOptionsTooManyToCheck(t *testing.T) {
	in := discreteInput(4, 0.48)
	in.Reservation[0] = 0.48
	for k := range in.Problem.Issues {
		in.Problem.Issues[k].Anchors = []model.Anchor{{Value: 0}, {Value: 40}, {Value: 90}}
	}
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := res.AtOptions; a == nil || a.Open || a.Checked || a.Combinations != 81 {
		t.Fatalf("at options %+v; want not checked, 81 combinations", a)
	}
}
