package snap

import (
	"context"
	"math"
	"os"
	"testing"

	"parley/format/decide"
	"parley/format/deu"
	"parley/format/ktab"
	"parley/model"
	"parley/model/modeltest"
	"parley/scenario"
)

// Eq. (5) by hand: c·s weights 1, 2, 1 at 0, 60, 100 give x̂ = 220/4 =
// 55; the nearest stated position, 60, is 5 ≤ 0.2·100 away, so the point
// is 60. Weights 1, 1 at 0 and 100 give x̂ = 50 with the nearest position
// 50 > 20 away: the point stays 50. θ = 0 is the compromise.
func TestPointHand(t *testing.T) {
	p := modeltest.OneIssue(0, 100, modeltest.A(1, 0, 1), modeltest.A(2, 60, 1), modeltest.A(1, 100, 1))
	if x := Point(p, 0, 0.2); x != 60 {
		t.Errorf("point = %v, want 60", x)
	}
	if x := Point(p, 0, 0); x != 55 {
		t.Errorf("θ = 0: %v, want 55", x)
	}
	q := modeltest.OneIssue(0, 100, modeltest.A(1, 0, 1), modeltest.A(1, 100, 1))
	if x := Point(q, 0, 0.2); x != 50 {
		t.Errorf("point = %v, want 50", x)
	}
	// 30 and 70 with equal weights: x̂ = 50, both 20 ≤ 0.25·100 away, a
	// tie, so the point stays 50 (it snapped to 30 before: a symmetric
	// case forecast on one side); with 3 at 30, x̂ = 40 and 30 is nearer
	tie := modeltest.OneIssue(0, 100, modeltest.A(1, 30, 1), modeltest.A(1, 70, 1))
	if x := Point(tie, 0, 0.25); x != 50 {
		t.Errorf("tie: point = %v, want 50", x)
	}
	if x := Point(modeltest.OneIssue(0, 100, modeltest.A(3, 30, 1), modeltest.A(1, 70, 1)), 0, 0.25); x != 30 {
		t.Errorf("no tie: point = %v, want 30", x)
	}
	// and the predictive distribution is symmetric about 50: F(50 − y) =
	// 1 − F((50 + y)−), here F(30) against the mass at or above 70
	pd := Predict(tie, 0, Fitted)
	if lo, hi := pd.CDF(30), 1-pd.CDF(70)+pd.ProbNear(70, 0); math.Abs(lo-hi) > 1e-12 {
		t.Errorf("tie: P(≤ 30) = %v, P(≥ 70) = %v", lo, hi)
	}
}

// Eqs. (1)–(4) by hand: on [0, 10] actors of equal weight at 0 and 10 and
// the reference point 5; θ = 0, so x̃ = 5. With α = 2, β_end = 1,
// β_ref = ln 2 and the rest 0: u(0) = −2·½ + 1 = 0 = u(10), u(5) = ln 2,
// so the logit shares are ¼, ½, ¼ and, with π = ½, the atoms are 1/8,
// 1/4, 1/8. F(5−) = 1/8 + ½·½ = 3/8 < ½ ≤ F(5) = 5/8: the median is 5.
func TestPredictHand(t *testing.T) {
	p := modeltest.WithReference(modeltest.OneIssue(0, 10, modeltest.A(1, 0, 1), modeltest.A(1, 10, 1)), 5)
	d := Predict(p, 0, Params{Dist: 2, End: 1, Ref: math.Ln2, Cont: 0.5, Scale: 0.1})
	want := []model.Atom{{Value: 0, Prob: 0.125, Stated: true, End: true}, {Value: 5, Prob: 0.25, Reference: true}, {Value: 10, Prob: 0.125, Stated: true, End: true}}
	if len(d.Atoms) != 3 {
		t.Fatalf("atoms %+v, want %+v", d.Atoms, want)
	}
	for j, a := range d.Atoms {
		w := want[j]
		if a.Value != w.Value || math.Abs(a.Prob-w.Prob) > 1e-12 || a.Stated != w.Stated || a.End != w.End || a.Reference != w.Reference {
			t.Errorf("atom %d = %+v, want %+v", j, a, w)
		}
	}
	if d.Center != 5 || d.Scale != 1 || d.Cont != 0.5 {
		t.Errorf("continuous part %v %v %v, want centre 5 scale 1 weight .5", d.Center, d.Scale, d.Cont)
	}
	if m := d.Median(); m != 5 {
		t.Errorf("median %v, want 5", m)
	}
}

// TestFitted checks the dev figures docs/skill.md reports of Fitted and
// BandScale (FitBand re-derives the band from the train issues of
// format/deu/testdata, a copy of ../shared/data/deu3): snap MAE 22.89
// against compromise 24.10, coverage .819 and .933, CRPS 16.35 against
// the band's 18.20. Package snapfit's test re-derives Fitted itself.
func TestFitted(t *testing.T) {
	train, dev := deuCases(t)
	if b := FitBand(train); math.Abs(b-BandScale) > 1e-12 {
		t.Errorf("FitBand = %v, want %v", b, BandScale)
	}
	for _, c := range []struct {
		name string
		got  float64
		want float64
	}{
		{"train snap MAE", PointMAE(train, Fitted.Snap), 22.37},
		{"train compromise MAE", PointMAE(train, 0), 23.59},
		{"dev snap MAE", PointMAE(dev, Fitted.Snap), 22.89},
		{"dev compromise MAE", PointMAE(dev, 0), 24.10},
		{"train coverage 80", Coverage(train, Fitted, Fitted.Tau80), 0.80},
		{"train coverage 95", Coverage(train, Fitted, Fitted.Tau95), 0.95},
		{"dev coverage 80", Coverage(dev, Fitted, Fitted.Tau80), 0.819},
		{"dev coverage 95", Coverage(dev, Fitted, Fitted.Tau95), 0.933},
		{"train CRPS", MeanCRPS(train, Fitted), 15.71},
		{"dev CRPS", MeanCRPS(dev, Fitted), 16.35},
		{"train band CRPS", BandCRPS(train, BandScale), 17.43},
		{"dev band CRPS", BandCRPS(dev, BandScale), 18.20},
	} {
		if math.Abs(c.got-c.want) > 0.005 {
			t.Errorf("%s = %.4f, want %.2f", c.name, c.got, c.want)
		}
	}
}

func deuCases(t *testing.T) (train, dev []Case) {
	t.Helper()
	d, err := deu.Read("../../format/deu/testdata")
	if err != nil {
		t.Fatal(err)
	}
	cases, _ := d.Cases()
	for _, c := range cases {
		p, err := model.FromScenario(c.Scenario)
		if err != nil {
			t.Fatal(err)
		}
		sc := Case{Problem: p, Outcome: c.Outcome}
		switch c.Split {
		case "train":
			train = append(train, sc)
		case "dev":
			dev = append(dev, sc)
		}
	}
	if len(train) != 140 || len(dev) != 105 {
		t.Fatalf("%d train and %d dev cases, want 140 and 105", len(train), len(dev))
	}
	return train, dev
}

// The forecaster is general: on the built-in case (labelled options, no
// DEU attributes), a Decide input and a KTAB input it gives every issue a
// point on the scale, a distribution whose probabilities sum to 1,
// intervals on the scale in order lo95 ≤ lo80 ≤
// hi80 ≤ hi95, and a point that is the compromise or a stated position
// within θR of it.
func TestGeneral(t *testing.T) {
	read := func(path string, rd func(string, *os.File) (*scenario.Scenario, error)) *model.Problem {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		s, err := rd(path, f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := model.FromScenario(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	problems := map[string]*model.Problem{
		"built-in": modeltest.Builtin(t),
		"decide": read("../../format/decide/testdata/copenhagen.csv", func(n string, f *os.File) (*scenario.Scenario, error) {
			return decide.Read(n, f)
		}),
		"ktab": read("../../format/ktab/testdata/dummyData-a040.csv", func(n string, f *os.File) (*scenario.Scenario, error) {
			return ktab.Read(n, f)
		}),
	}
	for name, p := range problems {
		r, err := Model{}.Forecast(context.Background(), p, model.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(r.Issues) != len(p.Issues) {
			t.Fatalf("%s: %d issues forecast, want %d", name, len(r.Issues), len(p.Issues))
		}
		anchored := 0
		for k, ir := range r.Issues {
			is := p.Issues[k]
			d := ir.Predictive
			f := ir.Forecast
			if d == nil || !(f >= is.Min && f <= is.Max) {
				t.Fatalf("%s %s: forecast %v, distribution %v", name, is.ID, f, d)
			}
			sum := d.Cont
			for _, a := range d.Atoms {
				sum += a.Prob
				if a.Option {
					anchored++
				}
			}
			if math.Abs(sum-1) > 1e-12 {
				t.Errorf("%s %s: probabilities sum to %v", name, is.ID, sum)
			}
			v := ir.Values
			if !(v["lo95"] <= v["lo80"] && v["lo80"] <= v["hi80"] && v["hi80"] <= v["hi95"]) || v["lo95"] < is.Min || v["hi95"] > is.Max {
				t.Errorf("%s %s: intervals %v", name, is.ID, v)
			}
			xc := v["compromise"]
			if f != xc {
				_, _, x, _ := p.Column(k)
				near := false
				for _, xi := range x {
					near = near || (xi == f && math.Abs(xi-xc) <= Fitted.Snap*(is.Max-is.Min))
				}
				if !near {
					t.Errorf("%s %s: point %v is neither the compromise %v nor a stated position within θR", name, is.ID, f, xc)
				}
			}
		}
		if name == "built-in" && anchored == 0 {
			t.Errorf("built-in: no labelled option among the atoms")
		}
	}
}

// Candidates gives Predict's atoms to the bit, with the terms of each
// one's utility summing to it, on every issue of a case with a
// reference point, labelled options and shared positions.
func TestCandidatesArePredictsAtoms(t *testing.T) {
	p := modeltest.WithReference(modeltest.OneIssue(0, 100, modeltest.A(1, 0, 1), modeltest.A(2, 30, 0.5), modeltest.A(1, 30, 1), modeltest.A(3, 80, 1)), 40)
	p.Issues[0].Anchors = []model.Anchor{{Value: 55, Label: "mid"}}
	for k := range p.Issues {
		d := Predict(p, k, Fitted)
		cs, xc, xt := Candidates(p, k, Fitted)
		if xt != d.Center || xc != xcOf(p, k) {
			t.Errorf("point %v compromise %v, Predict's centre %v and compromise %v", xt, xc, d.Center, xcOf(p, k))
		}
		n := 0
		for _, c := range cs {
			if s := c.Distance + c.EndTerm + c.RefTerm + c.StatedTerm + c.ShareTerm; math.Abs(s-c.Utility) > 1e-12 {
				t.Errorf("%v: terms sum to %v, utility %v", c.Value, s, c.Utility)
			}
			if c.Prob <= 0 {
				continue
			}
			if n >= len(d.Atoms) || d.Atoms[n].Value != c.Value || d.Atoms[n].Prob != c.Prob {
				t.Fatalf("candidate %+v, atom %d of %+v", c, n, d.Atoms)
			}
			n++
		}
		if n != len(d.Atoms) || len(cs) != 6 {
			t.Errorf("%d candidates (want 6: 0, 30, 40, 55, 80, 100), %d with probability, %d atoms", len(cs), n, len(d.Atoms))
		}
	}
}
