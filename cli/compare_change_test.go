package cli

import (
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
)

// TestCompareChangeAgreesWithCells: nash's row read "5.4 │ 5.3 (±0.0)",
// each cell rounded on its own and the change −0.03 to one decimal. By
// hand: 5.36 → "5.4", 5.33 → "5.3"; the change −0.03 is written with two
// decimals (ask.ChangeText, which the answer carries as the change's
// text and the table prints), "-0.03"; a change that agrees with its cells
// keeps the issue's one: 5.36 → 9.46 is "+4.1".
func TestCompareChangeAgreesWithCells(t *testing.T) {
	// The answer carries each change's text, as ask.Compare fills it.
	cell := func(x float64, ch *float64) answer.CompareCell {
		c := answer.CompareCell{Forecast: &answer.IssueForecast{Issue: "q", Name: "Quota", Forecast: answer.Num(x), Settled: true}, Change: ch}
		if ch != nil {
			c.ChangeText = ask.ChangeText(5.36, x, *ch, 1)
		}
		return c
	}
	down, up := 5.33-5.36, 9.46-5.36
	a := &answer.Comparison{
		Scenario: answer.Scenario{ID: "t", Issues: []answer.Issue{{ID: "q", Name: "Quota", Min: 0, Max: 10, Decimals: 1}}},
		Columns:  []answer.CompareColumn{{Snapshot: "base", Label: "base"}, {Snapshot: "2025-01-01", Label: "a"}, {Snapshot: "2025-02-01", Label: "b"}},
	}
	m := answer.CompareModel{Model: "nash", Columns: make([]answer.CompareRun, 3),
		Issues: []answer.CompareIssue{{Issue: "q", Name: "Quota", Cells: []answer.CompareCell{cell(5.36, nil), cell(5.33, &down), cell(9.46, &up)}}}}
	var b strings.Builder
	compareModelTable(&b, a, &m, layoutAt(0))
	out := b.String()
	for _, want := range []string{"5.4", "5.3 (-0.03)", "9.5 (+4.1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the table has no %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "±0.0") {
		t.Errorf("the table writes a change of ±0.0 beside cells that differ:\n%s", out)
	}
}
