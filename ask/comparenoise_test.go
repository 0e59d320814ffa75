package ask

import (
	"context"
	"testing"

	"parley/answer"
)

// noiseCase's compromise is the weighted mean of 5.3 and 5.4, 5.35 in
// exact arithmetic in both columns: with weights 1 and 1 the float
// sum comes to 5.3499999999999996, with 3 and 3 (the variant) to
// 5.3500000000000005, 8.9e-16 apart across the rounding edge of the
// scale's one decimal ("5.3" and "5.4").
const noiseCase = `
metadata: {id: noise, title: Noise at a rounding edge, as_of: 2025-01-01}
issues:
  - {id: x, name: X, anchors: [{value: 0, label: none}, {value: 10, label: all}]}
actors:
  - {id: a, name: Alpha, capability: 1, capability_assumed: test}
  - {id: b, name: Beta, capability: 1, capability_assumed: test}
stances:
  - {actor: a, issue: x, position: 5.3, salience: 1, assumed: test}
  - {actor: b, issue: x, position: 5.4, salience: 1, assumed: test}
variants:
  - id: tripled
    name: Both tripled
    actors:
      - {id: a, capability: 3}
      - {id: b, capability: 3}
`

// A change within floating-point noise of zero (scenario.ScaleNoise of
// the issue's scale) is no change: the variant's cell carries the first
// column's forecast and the change is 0, written "±0.0", so the two
// cells read alike ("5.3" and "5.3", not "5.3" and "5.4" with a change
// of "+0.000000000000001").
func TestCompareNoiseIsNoChange(t *testing.T) {
	c := loadCase(t, "noise.yaml", noiseCase)
	req := answer.NewCompareRequest()
	req.Models = []string{"compromise"}
	a, err := Compare(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	cells := a.Models[0].Issues[0].Cells
	if len(cells) != 2 || cells[0].Forecast == nil || cells[1].Forecast == nil || cells[1].Change == nil {
		t.Fatalf("cells %+v; want two forecasts and a change", cells)
	}
	x0, x1 := float64(cells[0].Forecast.Forecast), float64(cells[1].Forecast.Forecast)
	if x0 != x1 || *cells[1].Change != 0 {
		t.Errorf("forecasts %.17g and %.17g, change %v; want one value twice and a change of 0", x0, x1, *cells[1].Change)
	}
	if cells[1].ChangeText != "±0.0" || cells[0].ChangeText != "" {
		t.Errorf("change texts %q and %q; want none in the first column and \"±0.0\"", cells[0].ChangeText, cells[1].ChangeText)
	}
}
