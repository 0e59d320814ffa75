package sweep

import (
	"context"
	"math"
	"strings"
	"testing"

	"parley/errs"
	"parley/model"
	"parley/model/compromise"
)

// zeroEndProblem is a valid problem whose one salience range starts at
// 0 on an issue only that stance weighs: north (capability 60) and
// south (40, ranged 20–60) on budget at 80 and 30 with saliences 0.9 and
// 0.6; on timeline north at 50 with salience 0.3, ranged 0–0.6, south at
// 90 with salience 0.
func zeroEndProblem() *model.Problem {
	p := &model.Problem{Issues: []model.Issue{{ID: "budget", Name: "Budget", Min: 0, Max: 100}, {ID: "timeline", Name: "Timeline", Min: 0, Max: 100}}}
	for _, a := range []struct {
		id       string
		c, lo    float64
		x, s, ty float64
	}{{"north", 60, 60, 80, 0.9, 50}, {"south", 40, 20, 30, 0.6, 90}} {
		ts := 0.3
		if a.id == "south" {
			ts = 0
		}
		p.Actors = append(p.Actors, model.Actor{ID: a.id, Name: a.id, Capability: a.c, CapLo: a.lo, CapHi: a.c + (a.c - a.lo)})
		p.Stances = append(p.Stances, []model.Stance{
			{Present: true, Position: a.x, Salience: a.s, PosLo: a.x, PosHi: a.x, SalLo: a.s, SalHi: a.s},
			{Present: true, Position: a.ty, Salience: ts, PosLo: a.ty, PosHi: a.ty, SalLo: ts, SalHi: ts}})
	}
	p.Stances[0][1].SalLo, p.Stances[0][1].SalHi = 0, 0.6
	return p
}

// A swing end at which the model refuses the problem — north's salience
// on timeline at 0 leaves that issue no weight — is a missing end, not a
// failed analysis. By hand, with compromise (the capability × salience
// weighted mean of the positions): budget is (60·0.9·80 + 40·0.6·30) /
// (60·0.9 + 40·0.6) = 5040/78 at the stated values, and timeline 50
// (north's position: south weighs nothing there). South's capability at
// 20 gives budget (4320 + 20·0.6·30)/(54 + 12) = 4680/66, at 60
// (4320 + 1080)/(54 + 36) = 60: a swing of 4680/66 − 60; timeline stays
// 50. North's salience at 0.6 moves neither issue (5040/78 and 50), at 0
// nothing runs: that swing has no low end, its swing 0 measured from the
// high end. It ranks last on budget by its swing, and on timeline, where
// both swings are 0, after the two-ended one.
func TestSensitivityMissingEnd(t *testing.T) {
	r, err := Sensitivity(context.Background(), compromise.Model{}, zeroEndProblem(), Options{Draws: 200, Seed: 3})
	if err != nil {
		t.Fatalf("a valid problem whose swing end leaves an issue no weight: %v", err)
	}
	if r.Ends != 4 || r.FailedEnds != 1 || len(r.NotMeasurable) != 0 {
		t.Errorf("ends %d, failed %d, not measurable %+v; want 4, 1, none", r.Ends, r.FailedEnds, r.NotMeasurable)
	}
	const why = "issue timeline: no actor has a stance with salience > 0, so no model can weigh it"
	near := func(p *float64, want float64) bool { return p != nil && math.Abs(*p-want) < 1e-12 }
	for k, c := range []struct {
		base, capLo, capHi, salHi float64
	}{{5040.0 / 78, 4680.0 / 66, 60, 5040.0 / 78}, {50, 50, 50, 50}} {
		is := r.Issues[k]
		if math.Abs(is.Base-c.base) > 1e-12 || len(is.Swings) != 2 {
			t.Fatalf("%s: base %v, %d swings; want %v, 2", is.Issue, is.Base, len(is.Swings), c.base)
		}
		capSw, salSw := is.Swings[0], is.Swings[1]
		if capSw.Input.Kind != Capability || capSw.OneEnded() || !near(capSw.Low, c.capLo) || !near(capSw.High, c.capHi) ||
			math.Abs(capSw.Swing-math.Abs(c.capLo-c.capHi)) > 1e-12 || capSw.FailedAtLow != "" || capSw.FailedAtHigh != "" {
			t.Errorf("%s: first %+v; want south's capability, %v → %v", is.Issue, capSw, c.capLo, c.capHi)
		}
		if salSw.Input.Kind != Salience || salSw.Input.ActorID != "north" || salSw.Low != nil || !near(salSw.High, c.salHi) ||
			salSw.Swing != 0 || salSw.FailedAtLow != why || salSw.FailedAtHigh != "" || !salSw.OneEnded() {
			t.Errorf("%s: second %+v; want north's salience, no low end (%q), %v at the high end, swing 0", is.Issue, salSw, why, c.salHi)
		}
	}
}

// picky is compromise, but refuses a problem (with code, errs.Invalid
// unless set otherwise) in which a's position on the first issue lies at
// 0 or at 100 exactly: the ends of driftProblem's range for it after
// wide, never a draw's.
type picky struct {
	compromise.Model
	code errs.Code
}

func (m picky) refuse(p *model.Problem) error {
	if x := p.Stances[0][0].Position; x == 0 || x == 100 {
		code := m.code
		if code == "" {
			code = errs.Invalid
		}
		return errs.New(code, "picky: a at %v", x)
	}
	return nil
}

func (m picky) Forecast(ctx context.Context, p *model.Problem, o model.Options) (*model.Result, error) {
	if err := m.refuse(p); err != nil {
		return nil, err
	}
	return m.Model.Forecast(ctx, p, o)
}

func (m picky) PointForecastSettling(ctx context.Context, p *model.Problem, o model.Options, dst, prev []float64) error {
	if err := m.refuse(p); err != nil {
		return err
	}
	return m.Model.PointForecastSettling(ctx, p, o, dst, prev)
}

func (m picky) PointForecast(ctx context.Context, p *model.Problem, o model.Options, dst []float64) error {
	if err := m.refuse(p); err != nil {
		return err
	}
	return m.Model.PointForecast(ctx, p, o, dst)
}

// An input refused at both ends has no swing: it leaves every issue's
// tornado and is listed, with both reasons, as not measurable; the
// others' swings are as before (on y, by hand, as weighted means of the
// positions 4, 6, 2 with capabilities 1, 2, 1: a's position at 1 and 9
// gives 15/4 → 23/4, b's capability at 1 and 3 gives 12/3 → 24/5). A
// refusal of any other code (a bug, not the inputs) still fails the
// analysis.
func TestSensitivityNotMeasurable(t *testing.T) {
	p := driftProblem()
	p.Stances[0][0].PosLo, p.Stances[0][0].PosHi = 0, 100
	r, err := Sensitivity(context.Background(), picky{}, p, Options{Draws: 100, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.NotMeasurable) != 1 || r.FailedEnds != 2 || r.Ends != 6 {
		t.Fatalf("not measurable %+v, %d of %d ends failed; want a's position on x, 2 of 6", r.NotMeasurable, r.FailedEnds, r.Ends)
	}
	nm := r.NotMeasurable[0]
	if nm.Input.Label() != "a position on x" || nm.FailedAtLow != "picky: a at 0" || nm.FailedAtHigh != "picky: a at 100" {
		t.Errorf("not measurable %+v", nm)
	}
	for _, is := range r.Issues {
		for _, s := range is.Swings {
			if s.Input.Label() == nm.Input.Label() || s.OneEnded() {
				t.Errorf("%s: swing %+v", is.Issue, s)
			}
		}
	}
	y := r.Issues[1].Swings
	if len(y) != 2 || y[0].Input.Label() != "a position on y" || math.Abs(*y[0].Low-15.0/4) > 1e-12 || math.Abs(*y[0].High-23.0/4) > 1e-12 ||
		y[1].Input.Label() != "b capability" || math.Abs(*y[1].Low-12.0/3) > 1e-12 || math.Abs(*y[1].High-24.0/5) > 1e-12 {
		t.Errorf("y's swings %+v", y)
	}
	if _, err := Sensitivity(context.Background(), picky{code: errs.Internal}, p, Options{Draws: 100, Seed: 1}); err == nil || !strings.Contains(err.Error(), "a position on x = 0: picky: a at 0") {
		t.Errorf("an internal error at an end: %v; want it to fail the analysis, naming the input", err)
	}
}
