package deal

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"parley/errs"
	"parley/fuzzbudget"
	"parley/model"
	"parley/scenario"
)

// problem builds a Problem with issues on 0–100: pos[i][k] and sal[i][k]
// (NaN position: the actor is absent from the issue).
func problem(caps []float64, pos, sal [][]float64) *model.Problem {
	p := &model.Problem{}
	for i, c := range caps {
		id := string(rune('a' + i))
		if i >= 26 {
			id = fmt.Sprintf("a%d", i)
		}
		p.Actors = append(p.Actors, model.Actor{ID: id, Name: id, Capability: c, CapLo: c, CapHi: c})
	}
	for k := range pos[0] {
		p.Issues = append(p.Issues, model.Issue{ID: fmt.Sprintf("i%d", k+1), Min: 0, Max: 100})
	}
	for i := range caps {
		row := make([]model.Stance, len(p.Issues))
		for k := range row {
			if !math.IsNaN(pos[i][k]) {
				x, s := pos[i][k], sal[i][k]
				row[k] = model.Stance{Present: true, Position: x, Salience: s, PosLo: x, PosHi: x, SalLo: s, SalHi: s}
			}
		}
		p.Stances = append(p.Stances, row)
	}
	return p
}

func redLine(t *testing.T, expr string) scenario.RedLine {
	t.Helper()
	r, ok, err := scenario.ParseRedLine(expr)
	if err != nil || !ok {
		t.Fatalf("red line %q: %v", expr, err)
	}
	return r
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// logroll: A wants (0, 0) and cares 0.8/0.2; B wants (100, 100) and cares
// 0.2/0.8. By equation (1) with ρ = 1 (q = p/100):
// U_A = 1 − 0.8 q1 − 0.2 q2, U_B = 0.2 q1 + 0.8 q2.
func logroll(capA, capB float64) *Input {
	return &Input{Problem: problem([]float64{capA, capB},
		[][]float64{{0, 0}, {100, 100}},
		[][]float64{{0.8, 0.2}, {0.2, 0.8}})}
}

func TestNashLogroll(t *testing.T) {
	for _, c := range []struct {
		name       string
		capA, capB float64
		// By hand: with equal capabilities ∂/∂q2 of log U_A + log U_B at
		// (0, 1) is −0.2/0.8 + 0.8/0.8 > 0 and ∂/∂q1 < 0: the corner
		// (0, 100), each getting 0.8 (the midpoint (50, 50) gives 0.5).
		// With 5:1, at q1 = 0 the first-order condition in q2 is
		// −5·0.2/(1 − 0.2 q2) + 1/q2 = 0 ⇒ q2 = 1/1.2; ∂/∂q1 there is
		// −5·0.8/U_A + 0.2/U_B = −4.8 + 0.3 < 0.
		want     [2]float64
		uA, uB   float64
		product  float64
		balanced [2]float64
	}{
		{"equal", 1, 1, [2]float64{0, 100}, 0.8, 0.8, 0.8, [2]float64{0, 100}},
		{"5:1", 5, 1, [2]float64{0, 100 / 1.2}, 1 - 0.2/1.2, 0.8 / 1.2, math.Pow(1-0.2/1.2, 5.0/6) * math.Pow(0.8/1.2, 1.0/6), [2]float64{0, 100}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := Search(logroll(c.capA, c.capB), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Open {
				t.Fatalf("zone closed: %+v", res)
			}
			n := res.Nash
			if !near(n.Values[0], c.want[0], 1e-6) || !near(n.Values[1], c.want[1], 1e-5) {
				t.Errorf("Nash = %v, want %v", n.Values, c.want)
			}
			if !near(n.Utilities[0], c.uA, 1e-7) || !near(n.Utilities[1], c.uB, 1e-7) {
				t.Errorf("Nash utilities = %v, want %v %v", n.Utilities, c.uA, c.uB)
			}
			if !near(res.NashProduct, c.product, 1e-8) || res.NashBound < res.NashProduct || res.NashBound > res.NashProduct*(1+1e-6) {
				t.Errorf("Nash product %v bound %v, want %v", res.NashProduct, res.NashBound, c.product)
			}
			// Equation (5): max min(U_A, U_B) = 0.8 at (0, 100).
			if !near(res.Margin, 0.8, 1e-8) || !near(res.Balanced.Values[0], c.balanced[0], 1e-6) || !near(res.Balanced.Values[1], c.balanced[1], 1e-6) {
				t.Errorf("margin %v at %v, want 0.8 at %v", res.Margin, res.Balanced.Values, c.balanced)
			}
			if res.MarginBound < res.Margin-1e-12 || res.MarginBound > res.Margin+1e-6 {
				t.Errorf("margin bound %v for margin %v", res.MarginBound, res.Margin)
			}
			if res.Stats.MaxGap > 1e-6 {
				t.Errorf("certificate gap %v", res.Stats.MaxGap)
			}
		})
	}
}

func TestZoneRanges(t *testing.T) {
	// With d_A = d_B = 0.5 the zone is 0.8 q1 + 0.2 q2 ≤ 0.5 and
	// 0.2 q1 + 0.8 q2 ≥ 0.5: eliminating q2, q1 ≤ 0.5; eliminating q1,
	// q2 ≥ 0.5. So p1 ∈ [0, 50], p2 ∈ [50, 100].
	in := logroll(1, 1)
	in.Reservation = []float64{0.5, 0.5}
	res, err := Search(in, Options{Samples: 20, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]float64{{0, 50}, {50, 100}}
	for k, r := range res.Ranges {
		if !near(r.Lo, want[k][0], 1e-6) || !near(r.Hi, want[k][1], 1e-6) {
			t.Errorf("range of %s = [%v, %v], want %v", r.Issue, r.Lo, r.Hi, want[k])
		}
	}
	if len(res.Sample) != 20 {
		t.Fatalf("%d samples, want 20", len(res.Sample))
	}
	for _, pk := range append(res.Sample, res.Frontier...) {
		for i, g := range pk.Gains {
			if g < -1e-9 {
				t.Errorf("%s: actor %d gain %v < 0 at %v", pk.Label, i, g, pk.Values)
			}
		}
	}
	// Frontier: "best for a" maximises U_A + ε U_B over the zone: U_B =
	// 0.5 is binding, U_A = 1 − 0.8 q1 − 0.2 q2 with 0.2 q1 + 0.8 q2 = 0.5
	// is largest at q1 = 0, q2 = 0.625 (U_A = 0.875).
	if f := res.Frontier[0]; f.Label != "best for a" || !near(f.Utilities[0], 0.875, 1e-7) || !near(f.Values[1], 62.5, 1e-5) {
		t.Errorf("frontier[0] = %+v, want best for a at (0, 62.5), U_A 0.875", f)
	}
	// Nash is the corner (0, 100): gains 0.3 each (see TestNashLogroll).
	if !near(res.Nash.Values[0], 0, 1e-6) || !near(res.Nash.Values[1], 100, 1e-6) || !near(res.NashProduct, 0.3, 1e-8) {
		t.Errorf("Nash %v product %v, want (0, 100) and 0.3", res.Nash.Values, res.NashProduct)
	}
}

func TestRedLinesRespectedExactly(t *testing.T) {
	// A cannot accept p2 > 60. At (0, 60): U_A = 0.88, U_B = 0.48 and
	// ∂/∂q2 = −0.2/0.88 + 0.8/0.48 > 0, ∂/∂q1 = −0.8/0.88 + 0.2/0.48 < 0,
	// so the Nash package sits on the red line: (0, 60).
	in := logroll(1, 1)
	in.RedLines = []map[int]scenario.RedLine{{1: redLine(t, "<= 60")}, nil}
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Nash.Values[1] != 60 || res.Nash.Values[0] != 0 {
		t.Errorf("Nash = %v, want exactly (0, 60)", res.Nash.Values)
	}
	ev, err := Evaluate(in, res.Nash.Values, nil, Options{})
	if err != nil || !ev.Accepted {
		t.Errorf("the Nash package is not accepted: %+v %v", ev, err)
	}
	for _, pk := range append(append(res.Frontier, res.Sample...), *res.Balanced) {
		if pk.Values[1] > 60 {
			t.Errorf("%s crosses the red line: %v", pk.Label, pk.Values)
		}
	}
	if res.Ranges[1].Hi != 60 {
		t.Errorf("range of i2 = %+v, want hi exactly 60", res.Ranges[1])
	}
	// A strict red line is never met: the value stays below it.
	in.RedLines[0][1] = redLine(t, "< 60")
	res, err = Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Nash.Values[1]; !(v < 60) || v < 60-1e-5 {
		t.Errorf("Nash p2 = %v, want just below 60", v)
	}
	// B requires p1 ≥ 30: the Nash package moves to the corner of both.
	in.RedLines[0][1] = redLine(t, "<= 60")
	in.RedLines[1] = map[int]scenario.RedLine{0: redLine(t, ">= 30")}
	res, err = Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Nash.Values[0] != 30 || res.Nash.Values[1] != 60 {
		t.Errorf("Nash = %v, want exactly (30, 60)", res.Nash.Values)
	}
}

func TestEmptyZoneConcession(t *testing.T) {
	// One issue, A at 0, B at 100, both reserve 0.7, capabilities 2:1.
	// Margin: max_q min(0.3 − q, q − 0.7) = −0.2 at q = 0.5. Equation (7):
	// min (2/3)·max(0, q − 0.3) + (1/3)·max(0, 0.7 − q) is at q = 0.3
	// (cost 0.4/3): B falls 0.4 short; moving its position from 100 to 60
	// would make 30 worth 0.7 to it.
	in := &Input{Problem: problem([]float64{2, 1}, [][]float64{{0}, {100}}, [][]float64{{1}, {1}}), Reservation: []float64{0.7, 0.7}}
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Open || !near(res.Margin, -0.2, 1e-8) {
		t.Fatalf("open %v margin %v, want closed at −0.2", res.Open, res.Margin)
	}
	c := res.Concession
	la := c.LowerAlternatives
	if !near(la.Package.Values[0], 30, 1e-6) || !near(la.Cost, 0.4/3, 1e-8) || len(la.Bends) != 0 {
		t.Errorf("lower alternatives = %+v, want package 30, cost 0.1333, no bends", la)
	}
	if len(la.Shortfalls) != 1 || la.Shortfalls[0].Actor != "b" || !near(la.Shortfalls[0].By, 0.4, 1e-8) {
		t.Fatalf("shortfalls = %+v, want b by 0.4", la.Shortfalls)
	}
	if m := la.Shortfalls[0].Moves; len(m) != 1 || m[0].From != 100 || !near(m[0].To, 60, 1e-6) || !near(m[0].By, 40, 1e-6) {
		t.Errorf("moves = %+v, want b from 100 to 60", m)
	}
	if c.BendRedLines != nil || len(c.Notes) != 1 || !strings.Contains(c.Notes[0], "-0.2") {
		t.Errorf("bend red lines = %+v, notes %v; want none (margin −0.2 without red lines)", c.BendRedLines, c.Notes)
	}
}

func TestRedLineConflict(t *testing.T) {
	// A: p ≤ 40, B: p ≥ 60, capabilities 2:1, no reservation. Stage A of
	// (7): min (2/3)·max(0, q − 0.4) + (1/3)·max(0, 0.6 − q) at q = 0.4:
	// B's red line bends 20 points to ≥ 40. (8) gives the same package
	// (U ≥ 0 holds everywhere) at cost 100·(1/3)·0.2.
	in := &Input{Problem: problem([]float64{2, 1}, [][]float64{{0}, {100}}, [][]float64{{1}, {1}}),
		RedLines: []map[int]scenario.RedLine{{0: redLine(t, "<= 40")}, {0: redLine(t, ">= 60")}}}
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Open || len(res.Notes) == 0 || !strings.Contains(res.Notes[0], "red lines on issue i1 leave no value") {
		t.Fatalf("open %v notes %v", res.Open, res.Notes)
	}
	for name, pl := range map[string]*ConcessionPlan{"lower": res.Concession.LowerAlternatives, "bend": res.Concession.BendRedLines} {
		if pl == nil {
			t.Fatalf("%s: no plan", name)
		}
		if pl.Package.Values[0] != 40 || len(pl.Bends) != 1 || pl.Bends[0].Actor != "b" || pl.Bends[0].By != 20 || pl.Bends[0].To != ">= 40" {
			t.Errorf("%s: %+v, want b's red line bent 20 points to >= 40 at 40", name, pl)
		}
	}
	if got := res.Concession.BendRedLines.Cost; !near(got, 20.0/3, 1e-6) {
		t.Errorf("bend cost %v, want 6.667", got)
	}
}

func TestBendOrConcede(t *testing.T) {
	// A at 0 (reserves 0.6), B at 100 (red line p ≤ 30, reserves 0.5),
	// equal capabilities. With the red line B needs p ≥ 50: empty. (7):
	// q ≤ 0.3 and min ½max(0, q − 0.4) + ½max(0, 0.5 − q) → q = 0.3,
	// B short 0.2. (8): keep U_A ≥ 0.6 (q ≤ 0.4), U_B ≥ 0.5 (q ≥ 0.5):
	// impossible even without red lines.
	in := &Input{Problem: problem([]float64{1, 1}, [][]float64{{0}, {100}}, [][]float64{{1}, {1}}),
		Reservation: []float64{0.6, 0.5},
		RedLines:    []map[int]scenario.RedLine{nil, {0: redLine(t, "<= 30")}}}
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	la := res.Concession.LowerAlternatives
	if la.Package.Values[0] != 30 || len(la.Shortfalls) != 1 || la.Shortfalls[0].Actor != "b" || !near(la.Shortfalls[0].By, 0.2, 1e-8) {
		t.Errorf("lower alternatives %+v", la)
	}
	if res.Concession.BendRedLines != nil {
		t.Errorf("bend red lines = %+v, want nil", res.Concession.BendRedLines)
	}
	// Lower A's reservation to 0.4: now (8) opens the zone at q = 0.5,
	// bending B's red line by 20 points; (7) still needs B to give 0.2.
	in.Reservation[0] = 0.4
	res, err = Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	br := res.Concession.BendRedLines
	if br == nil || br.Package.Values[0] != 50 || len(br.Bends) != 1 || br.Bends[0].By != 20 || br.Bends[0].To != "<= 50" {
		t.Errorf("bend red lines %+v, want B's red line to <= 50", br)
	}
}

func TestCoalitionAndFix(t *testing.T) {
	// Only A required: the Nash package is A's ideal (0, 0); with p2
	// fixed at 100 it is (0, 100).
	res, err := Search(logroll(1, 1), Options{Require: []string{"a"}})
	if err != nil {
		t.Fatal(err)
	}
	if !near(res.Nash.Values[0], 0, 1e-6) || !near(res.Nash.Values[1], 0, 1e-6) {
		t.Errorf("Nash for a alone = %v, want (0, 0)", res.Nash.Values)
	}
	res, err = Search(logroll(1, 1), Options{Require: []string{"a"}, Fix: map[string]float64{"i2": 100}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Nash.Values[1] != 100 || !near(res.Nash.Values[0], 0, 1e-6) || !res.Ranges[1].Fixed {
		t.Errorf("Nash = %v ranges %+v, want (0, 100) with i2 fixed", res.Nash.Values, res.Ranges)
	}
	if _, err := Search(logroll(1, 1), Options{Require: []string{"zz"}}); err == nil || !strings.Contains(err.Error(), "valid") {
		t.Errorf("unknown actor: %v", err)
	}
	if _, err := Search(logroll(1, 1), Options{Fix: map[string]float64{"i1": 120}}); err == nil || !strings.Contains(err.Error(), "outside the scale") {
		t.Errorf("fix outside the scale: %v", err)
	}
	if _, err := Search(logroll(1, 1), Options{Rho: 0.5}); err == nil || !strings.Contains(err.Error(), "ρ ≥ 1") {
		t.Errorf("ρ < 1: %v", err)
	}
}

func TestEvaluate(t *testing.T) {
	// Package (30, 70), ρ = 2: U_A = 1 − 0.8·0.09 − 0.2·0.49 = 0.83,
	// U_B = 1 − 0.2·0.49 − 0.8·0.09 = 0.83. A's alternative is the no-deal
	// package (50, 50): 1 − 0.8·0.25 − 0.2·0.25 = 0.75; B reserves 0.9.
	in := logroll(1, 1)
	in.Reservation = []float64{math.NaN(), 0.9}
	in.NoDeal = []float64{50, 50}
	in.NoDealFrom = "reference"
	in.RedLines = []map[int]scenario.RedLine{{1: redLine(t, "<= 60")}, nil}
	ev, err := Evaluate(in, []float64{30, 70}, []Forecast{{Name: "m", Values: []float64{20, 90}}}, Options{Rho: 2})
	if err != nil {
		t.Fatal(err)
	}
	a, b := ev.Actors[0], ev.Actors[1]
	if !near(a.Utility, 0.83, 1e-12) || !near(a.Alternative, 0.75, 1e-12) || a.AlternativeFrom != "no deal (reference)" {
		t.Errorf("a = %+v", a)
	}
	if len(a.Crossed) != 1 || a.Crossed[0].By != 10 || a.Accepts {
		t.Errorf("a crossed %+v accepts %v; want p2 = 70 over <= 60 by 10, blocks", a.Crossed, a.Accepts)
	}
	// B: no-deal utility 0.75 < reservation 0.9, so d_B = 0.9 > 0.83.
	if !near(b.Utility, 0.83, 1e-12) || b.Alternative != 0.9 || b.AlternativeFrom != "reservation" || b.Accepts || !near(b.Gain, -0.07, 1e-12) {
		t.Errorf("b = %+v", b)
	}
	if ev.Accepted || len(ev.Blockers) != 2 {
		t.Errorf("accepted %v blockers %v", ev.Accepted, ev.Blockers)
	}
	// Distance from the forecast (20, 90): |10|, |−20| → mean 15%, max 20%.
	if f := ev.Forecasts[0]; f.Mean != 15 || f.Max != 20 || f.ByIssue[0] != 10 || f.ByIssue[1] != -20 {
		t.Errorf("forecast distance %+v", f)
	}
	// Only B required: A's block does not count.
	ev, _ = Evaluate(in, []float64{30, 70}, nil, Options{Rho: 2, Require: []string{"b"}})
	if len(ev.Blockers) != 1 || ev.Blockers[0] != "b" || ev.Actors[0].Required {
		t.Errorf("blockers %v", ev.Blockers)
	}
	if _, err := Evaluate(in, []float64{30}, nil, Options{}); err == nil {
		t.Error("a short package was accepted")
	}
}

func TestParsePackageAndComplete(t *testing.T) {
	p := logroll(1, 1).Problem
	m, err := ParsePackage(p, " i1=75, i2 = 40 ,")
	if err != nil || m["i1"] != 75 || m["i2"] != 40 {
		t.Fatalf("ParsePackage = %v, %v", m, err)
	}
	for _, bad := range []string{"i1", "x=3", "i1=abc", "i1=1,i1=2", "=4"} {
		if _, err := ParsePackage(p, bad); err == nil || !strings.Contains(err.Error(), "valid") && !strings.Contains(err.Error(), "twice") {
			t.Errorf("ParsePackage(%q) error %v", bad, err)
		}
	}
	got, err := Complete(p, map[string]float64{"i1": 10}, []float64{5, 6}, "the forecast")
	if err != nil || got[0] != 10 || got[1] != 6 {
		t.Errorf("Complete = %v, %v", got, err)
	}
	if _, err := Complete(p, map[string]float64{"i1": 10}, nil, "no --rest"); err == nil || !strings.Contains(err.Error(), "[i2]") {
		t.Errorf("Complete without rest: %v", err)
	}
}

// parseBudget is what parsing one fuzzed text may cost: linear in its size.
var parseBudget = fuzzbudget.Budget{FixedBytes: 64 << 10, BytesPerByte: 256, FixedTime: time.Second, TimePerByte: 10 * time.Microsecond}

func FuzzParsePackage(f *testing.F) {
	p := logroll(1, 1).Problem
	for _, s := range []string{"i1=75,i2=40", "", ",", "i1=", "=", "i1=1e400", "i2=-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var m map[string]float64
		var err error
		fuzzbudget.Check(t, parseBudget, len(s), func() { m, err = ParsePackage(p, s) })
		if err != nil {
			return
		}
		for id, x := range m {
			if p.IssueIndex(id) < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("%q gave %v", s, m)
			}
		}
	})
}

// The one check of the required actors (RequiredActors) names the
// entry refused, at its place in the list (blanks skipped, not
// renumbered), with the actor it likely misspells; a list that names
// no actor requires every one; Search refuses with it (jobs21).
func TestRequiredActors(t *testing.T) {
	p := problem([]float64{1, 1, 1}, [][]float64{{0}, {50}, {100}}, [][]float64{{1}, {1}, {1}})
	got, err := RequiredActors(p, []string{" c", "", "a", "c"})
	if err != nil || fmt.Sprint(got) != "[0 2]" {
		t.Errorf("c, blank, a, c: %v %v, want [0 2]", got, err)
	}
	if got, err := RequiredActors(p, []string{" ", ""}); err != nil || fmt.Sprint(got) != "[0 1 2]" {
		t.Errorf("blanks: %v %v, want every actor", got, err)
	}
	in := &Input{Problem: p}
	_, err = Search(in, Options{Require: []string{"a", "", "bb"}})
	const says = `require: actor "bb" is not in the scenario (did you mean "b"?); valid: a, b, c`
	if err == nil || err.Error() != says || errs.FieldOf(err) != "require[2]" {
		t.Errorf("a, blank, bb: %v (field %q), want %q at require[2]", err, errs.FieldOf(err), says)
	}
}
