package exchange

import "testing"

// TestNormalisationExample checks spec §1.2's worked example in exact
// mode: sample_data's tol-hoogte runs from 0.5 to 7, so step = 100/6.5 =
// 15.38461538461538461538461538 (28 digits), and Willems's raw 3.0
// becomes (3.0 − 0.5)·step = 2.5 × 15.38461538461538461538461538 =
// 38.46153846153846153846153845 exactly: one unit in the 28th digit below
// 250/6.5 rounded (…846), because the step is rounded first, as in Decide.
func TestNormalisationExample(t *testing.T) {
	p := load(t, "sample_data.txt")
	e := newEngine[dec](&exactArith{}, p)
	k, a := -1, -1
	for n, is := range p.Issues {
		if is.ID == "tol-hoogte" {
			k = n
		}
	}
	for n, ac := range p.Actors {
		if ac.ID == "Willems" {
			a = n
		}
	}
	if k < 0 || a < 0 {
		t.Fatalf("sample_data has no tol-hoogte (%d) or Willems (%d)", k, a)
	}
	if p.Issues[k].Min != 0.5 || p.Issues[k].Max != 7 || p.Stances[a][k].Position != 3 {
		t.Fatalf("tol-hoogte %v–%v, Willems at %v; the example needs 0.5–7 and 3", p.Issues[k].Min, p.Issues[k].Max, p.Stances[a][k].Position)
	}
	if got := e.step[k].String(); got != "15.38461538461538461538461538" {
		t.Errorf("step = %s, spec 15.38461538461538461538461538", got)
	}
	if got := e.x[a][k].String(); got != "38.46153846153846153846153845" {
		t.Errorf("normalised 3.0 = %s, spec 38.46153846153846153846153845", got)
	}
}
