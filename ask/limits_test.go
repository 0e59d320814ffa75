package ask

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
	"parley/scenario"
)

// TestPeerLimits: a peer format's file is held to the same limits as a
// scenario file: the bytes before reading, the counts as it reads (the
// BDM reader refuses the first actor line past the limit, at its line).
func TestPeerLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("Actor,Capability,Position,Salience\n")
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, "a%d,1,%d,0.5\n", i, i)
	}
	data := []byte(b.String())
	if _, err := Load("p.csv", data, LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	_, err := Load("p.csv", data, LoadOptions{Limits: scenario.Limits{Actors: 29}})
	if err == nil || errs.CodeOf(err) != errs.Invalid || err.Error() != "p.csv:31:1: actors: more than 29 actors, over the limit actors=29 (valid: at most 29 actors in one list; raise it with --limit actors=N (parley serve too))" {
		t.Fatalf("%v", err)
	}
	_, err = Load("p.csv", data, LoadOptions{Limits: scenario.Limits{Bytes: 100}})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("p.csv: %d bytes, over the limit bytes=100", len(data))) {
		t.Fatalf("%v", err)
	}
}

// TestPeerMagnitudes (finding 10 of issue 14): Decide allows any power in
// (0, 1], but a power of 5e-324 must not reach the models: the reader
// refuses it at its line (it once fell to Load, which holds the scenario
// to Validate's magnitudes, as for a scenario file, without a line), as
// it refuses a scale point past ±1e12.
func TestPeerMagnitudes(t *testing.T) {
	decide := "#A\ta\tA\n#A\tb\tB\n#A\tc\tC\n#P\tp\tP\n#D\ta\tp\t10\t0.5\t5e-324\n#D\tb\tp\t50\t0.5\t1\n#D\tc\tp\t90\t0.5\t0.5\n"
	_, err := Load("d.tsv", []byte(decide), LoadOptions{Format: "decide"})
	if err == nil || !strings.Contains(err.Error(), "d.tsv:5:1: power: power 5e-324 is outside the allowed range (valid: a number from 1e-9 to 1") {
		t.Fatalf("%v", err)
	}
	scale := "#A\ta\tA\n#A\tb\tB\n#A\tc\tC\n#P\tp\tP\n#M\tp\t-1e308\n#M\tp\t1e308\n#D\ta\tp\t10\t0.5\t1\n#D\tb\tp\t50\t0.5\t1\n#D\tc\tp\t90\t0.5\t0.5\n"
	_, err = Load("s.tsv", []byte(scale), LoadOptions{Format: "decide"})
	if err == nil || !strings.Contains(err.Error(), `s.tsv:5:1: position: scale point -1e+308 of issue "p" is outside the allowed range (valid: a number from -1e12 to 1e12`) {
		t.Fatalf("%v", err)
	}
}

// TestNonFiniteRangeIsError (finding 10): an unsettled forecast whose
// range is not finite is that model's error (exit 3, never a printed
// number); model.Run refuses a forecast that is not (its own test).
func TestNonFiniteRangeIsError(t *testing.T) {
	for _, x := range []float64{math.Inf(1), math.Inf(-1), math.NaN()} {
		mf := answer.ModelForecast{Model: "m", Issues: []answer.IssueForecast{{Issue: "ok", Forecast: 1}, {Issue: "cf", Forecast: 2, Range: &answer.Interval{Lo: 1, Hi: x}}}}
		err := nonFiniteRange(mf)
		if err == nil || errs.CodeOf(err) != errs.Invalid || !strings.HasPrefix(err.Error(), fmt.Sprintf("m: the rounds before its forecast of issue cf left no finite range (1 to %v)", x)) {
			t.Errorf("%v: %v", x, err)
		}
	}
	mf := answer.ModelForecast{Model: "m", Issues: []answer.IssueForecast{{Issue: "cf", Forecast: 2, Range: &answer.Interval{Lo: 1, Hi: 3}}}}
	if err := nonFiniteRange(mf); err != nil {
		t.Error(err)
	}
}

// corners is a scenario at the edges of Validate's magnitudes: capabilities
// 1e12, 1e-9 and 20, an issue scale of ±1e12 and one 1e-9 wide.
const corners = `metadata: {id: x, title: X, as_of: 2025-01-01}
issues:
  - {id: i, name: I, scale: {min: -1e12, max: 1e12}}
  - {id: j, name: J, scale: {min: 0, max: 1e-9}}
actors:
  - {id: a, name: A, capability: 1e12, capability_assumed: t}
  - {id: b, name: B, capability: 1e-9, capability_assumed: t}
  - {id: c, name: C, capability: 20, capability_assumed: t}
stances:
  - {actor: a, issue: i, position: -1e12, salience: 1, assumed: x}
  - {actor: b, issue: i, position: 1e12, salience: 0.000001, assumed: x}
  - {actor: c, issue: i, position: 0, salience: 0, assumed: x}
  - {actor: a, issue: j, position: 0, salience: 1, assumed: x}
  - {actor: b, issue: j, position: 1e-9, salience: 1, assumed: x}
  - {actor: c, issue: j, position: 5e-10, salience: 1, assumed: x}
`

// TestCornersStayFinite (finding 10): at the corners of the magnitudes
// Validate allows, every model gives a finite forecast on its scale.
func TestCornersStayFinite(t *testing.T) {
	in, err := Load("corners.yaml", []byte(corners), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"all"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if es := ModelErrors(f); len(es) > 0 {
		t.Fatal(es)
	}
	if len(f.Models) < 9 {
		t.Fatalf("%d models ran", len(f.Models))
	}
	for _, m := range f.Models {
		for k, is := range m.Issues {
			lo, hi := -1e12, 1e12
			if k == 1 {
				lo, hi = 0, 1e-9
			}
			if x := float64(is.Forecast); !is.Forecast.Finite() || x < lo || x > hi {
				t.Errorf("%s on %s: %v", m.Model, is.Issue, x)
			}
		}
	}
}
