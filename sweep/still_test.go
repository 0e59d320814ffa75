package sweep

import (
	"math"
	"testing"

	"parley/model"
)

// Draws that did not vary put nothing in the inputs' term of (C1): three
// draws of one distribution whose mean is 0.1 + ε. Summed and divided,
// three 0.1s give 0.10000000000000002, and their spread about that mean
// was ≈ 1e-34, not 0: all of a 0-variance sweep read as "100% inputs",
// and with the model's error beside it as "<0.0001% inputs". By hand:
// atoms 0.1 alone have no variance at all (SD 0, both shares 0); atoms
// 0.1 and 0.3 at ½ each have the model's variance 0.01 (SD 0.1), all of
// it the model's.
func TestCombineStillDraws(t *testing.T) {
	at := func(v ...float64) *model.Predictive {
		d := &model.Predictive{Min: 0, Max: 10}
		for _, x := range v {
			d.Atoms = append(d.Atoms, model.Atom{Value: x, Prob: 1 / float64(len(v))})
		}
		return d
	}
	c := combine([][]*model.Predictive{{at(0.1)}, {at(0.1)}, {at(0.1)}}, 0, at(0.1))
	if c.SDInputs != 0 || c.ShareInputs != 0 || c.ShareModel != 0 || c.SD != 0 {
		t.Errorf("one atom: sd %g = inputs %g + model %g, shares %g + %g; want all 0", c.SD, c.SDInputs, c.SDModel, c.ShareInputs, c.ShareModel)
	}
	c = combine([][]*model.Predictive{{at(0.1, 0.3)}, {at(0.1, 0.3)}, {at(0.1, 0.3)}}, 0, at(0.1, 0.3))
	if c.SDInputs != 0 || c.ShareInputs != 0 || c.ShareModel != 1 || math.Abs(c.SD-0.1) > 1e-12 {
		t.Errorf("two atoms: sd %g = inputs %g + model %g, shares %g + %g; want 0.1 = 0 + 0.1, 0 + 1", c.SD, c.SDInputs, c.SDModel, c.ShareInputs, c.ShareModel)
	}
}
