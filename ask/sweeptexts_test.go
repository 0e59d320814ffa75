package ask

import (
	"testing"

	"parley/answer"
	"parley/sweep"
)

// backtestTexts writes each cell's mark, each model's hits and the tie
// legend from the scores: median's 30.0 midway between 24 and 36, the
// outcome 36, earns 1/2 of a hit (OptionHit 0.5, OptionTie 2); a whole
// hit reads " ✓"; 1.5 hits of 2 read "1.5/2".
func TestBacktestTexts(t *testing.T) {
	b := &answer.Backtest{Models: []answer.BacktestModel{{Model: "median", N: 2, OptionHits: 1.5, Scores: []answer.BacktestScore{{OptionHit: 0.5, OptionTie: 2}, {OptionHit: 1}}}}}
	backtestTexts(b)
	m := b.Models[0]
	if m.OptionHitsText != "1.5/2" || m.Scores[0].OptionHitText != " ✓1/2" || m.Scores[1].OptionHitText != " ✓" {
		t.Errorf("texts %q, %q, %q; want 1.5/2, \" ✓1/2\", \" ✓\"", m.OptionHitsText, m.Scores[0].OptionHitText, m.Scores[1].OptionHitText)
	}
	if want := "✓1/2 the forecast lies equally near 2 options, 1 of them the outcome's: 1/2 of a hit (option hits add up the shares)"; b.TieLegendText != want {
		t.Errorf("tie legend %q, want %q", b.TieLegendText, want)
	}
	if want := BacktestLegend + "; " + b.TieLegendText; b.LegendText != want {
		t.Errorf("legend %q, want %q", b.LegendText, want)
	}
	none := &answer.Backtest{Models: []answer.BacktestModel{{N: 1, OptionHits: 1, Scores: []answer.BacktestScore{{OptionHit: 1}}}}, MixedScales: true}
	if backtestTexts(none); none.TieLegendText != "" {
		t.Errorf("no tie, yet the legend %q", none.TieLegendText)
	}
	if want := "cells: forecast (absolute error); ✓ the forecast's nearest option is the outcome's; MAE %, CRPS %: each error as a percent of its issue's scale"; none.LegendText != want {
		t.Errorf("legend on mixed scales %q, want %q", none.LegendText, want)
	}
}

// SwingMark: † for one end only, ‡ for a base outside its ends, both in
// that order, none for neither.
func TestSwingMark(t *testing.T) {
	x := 1.0
	for _, c := range []struct {
		s    answer.SensitivitySwing
		want string
	}{
		{answer.SensitivitySwing{Low: &x, High: &x}, ""},
		{answer.SensitivitySwing{High: &x}, "†"},
		{answer.SensitivitySwing{Low: &x, High: &x, BaseOutside: true}, "‡"},
		{answer.SensitivitySwing{Low: &x, BaseOutside: true}, "†‡"},
	} {
		if got := SwingMark(c.s); got != c.want {
			t.Errorf("SwingMark(%+v) = %q, want %q", c.s, got, c.want)
		}
	}
}

// TestSwingInputCarried: a swing's input is named with the words it
// carries (WhatText), which every door prints after the actor's name,
// and with SwingWhat's where it carries none yet.
func TestSwingInputCarried(t *testing.T) {
	sc := &answer.Scenario{Actors: []answer.Actor{{ID: "us", Name: "United States"}}, Issues: []answer.Issue{{ID: "nato", Name: "NATO"}}}
	s := answer.SensitivitySwing{Input: sweep.Input{ActorID: "us", IssueID: "nato", Kind: "salience"}}
	if got, want := SwingInput(sc, "ceasefire", s), "United States · salience on NATO"; got != want {
		t.Errorf("SwingInput without WhatText = %q, want %q", got, want)
	}
	s.WhatText = " · carried"
	if got, want := SwingInput(sc, "ceasefire", s), "United States · carried"; got != want {
		t.Errorf("SwingInput with WhatText = %q, want %q", got, want)
	}
}
