package bdm

import (
	"context"
	"slices"
	"testing"

	"parley/model"
)

// The EU data stop at round 4 by §3.11's default rule (τ = 0: the median
// 9.962 of round 3 repeated once), as the spec says; but run on to the
// 10-round cap the median leaves that point (round 6: 7.472; rounds 5–10
// within 7.00–9.96, the trajectory 9.962, 7.472, 8.825, 9.671, 9.671, 7
// of TestEUStopRule's fixed run). The forecast stays round 4's median, and
// a note says how it stopped and that more rounds leave it, so that the
// answers' "settled" is not read as more than the rule.
func TestEUStopRuleNote(t *testing.T) {
	p := loadCSV(t, "eu_emissions_bdm1994.csv")
	res, err := Model{}.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ir := res.Issues[0]
	near(t, "forecast", ir.Forecast, 9.961979590401311, 1e-12)
	if ir.Values["stop_round"] != 4 || len(ir.Rounds) != 5 {
		t.Errorf("stop round %v, %d rounds kept; want 4 and rounds 0–4", ir.Values["stop_round"], len(ir.Rounds))
	}
	want := "issue: stopped at round 4 by the default stopping rule (§3.11, τ = 0: the median repeated once, 9.96 at rounds 3 and 4), not at rest: more rounds leave that point (round 6: 7.47; rounds 5–10, to the cap, within 7.00–9.96); the forecast is round 4's median"
	if len(res.Notes) != 1 || res.Notes[0].String() != want || !slices.Equal(res.Notes[0].Issues, []string{"issue"}) {
		t.Errorf("notes %q,\nwant [%q]", res.Notes, want)
	}
	// A run that stops by the rule and stays there to the cap gets no
	// note: with every actor at one position nothing moves.
	for i := range p.Actors {
		p.Stances[i][0].Position = 7
	}
	p.Issues[0].Min, p.Issues[0].Max = 4, 10
	if res, err := (Model{Delta: 6}).Forecast(context.Background(), p, model.Options{}); err != nil || len(res.Notes) != 0 {
		t.Errorf("at rest: notes %q, err %v", res.Notes, err)
	}
}
