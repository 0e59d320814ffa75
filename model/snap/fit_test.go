package snap_test

import (
	"math"
	"testing"

	"parley/model/snap"
	"parley/model/snap/snapfit"
)

// TestFitRederivesFitted re-derives Fitted from the 140 train issues of
// format/deu/testdata (a copy of ../shared/data/deu3) with snapfit.Fit, to
// 1e-9: the numbers the binary reads are the fit's, not typed in by hand.
// It lives here, beside the train issues' reader (DEUCases), as an
// external test: snapfit imports snap.
func TestFitRederivesFitted(t *testing.T) {
	train, _ := snap.DEUCases(t)
	par, err := snapfit.Fit(train)
	if err != nil {
		t.Fatal(err)
	}
	f := snap.Fitted
	got := []float64{par.Dist, par.End, par.Ref, par.Share, par.Stated, par.Cont, par.Scale, par.Snap, par.Tau80, par.Tau95}
	want := []float64{f.Dist, f.End, f.Ref, f.Share, f.Stated, f.Cont, f.Scale, f.Snap, f.Tau80, f.Tau95}
	for j := range got {
		if math.Abs(got[j]-want[j]) > 1e-9*math.Max(1, math.Abs(want[j])) {
			t.Errorf("Fit = %#v, want Fitted %#v", par, f)
			break
		}
	}
}
