package ask

import (
	"context"
	"math"
	"testing"

	"parley/answer"
	"parley/deal"
)

// oneBend is the deal search's plan of red lines to bend on c, which
// must bend one.
func oneBend(t *testing.T, c *Case) deal.Bend {
	t.Helper()
	a, err := DealSearch(context.Background(), c, answer.NewDealSearchRequest())
	if err != nil {
		t.Fatal(err)
	}
	pl := a.Result.Concession.BendRedLines
	if pl == nil || len(pl.Bends) != 1 {
		t.Fatalf("bend plan %+v, want one bend", pl)
	}
	return pl.Bends[0]
}

// A bent red line's new edge is the package's value as the solve
// certifies it, not its noise: on tax (−10–10) the zone opens with b's
// "== -5" bent up to the package's 0 (a's "< 0" and c's share bound make
// it the only way), and the bend said "[-5, -2.10448476e-08]".
func TestBendEdgeIsNotSolverNoise(t *testing.T) {
	c := loadCase(t, "rl.yaml", `metadata: {id: rl, title: Red lines, as_of: 2026-01-01}
issues:
  - {id: tax, name: Tax, scale: {min: -10, max: 10}, reference: 0, anchors: {-10: cut, -5: small cut, 0: same, 5: small raise, 10: raise}}
  - {id: share, name: Share, scale: {min: 0, max: 1}, reference: 0.5}
actors:
  - {id: a, capability: 10, capability_assumed: t, red_lines: {tax: "< 0"}, red_line_assumed: {tax: t}}
  - {id: b, capability: 20, capability_assumed: t, red_lines: {tax: "== -5", share: "[0.2, 0.6]"}, red_line_assumed: {tax: t, share: t}}
  - {id: c, capability: 5, capability_assumed: t, red_lines: {share: "> 0.3"}, red_line_assumed: {share: t}}
stances:
  - {actor: a, issue: tax, position: -8, salience: 0.8, assumed: t}
  - {actor: b, issue: tax, position: -5, salience: 0.5, assumed: t}
  - {actor: c, issue: tax, position: 2, salience: 0.2, assumed: t}
  - {actor: a, issue: share, position: 0.2, salience: 0.3, assumed: t}
  - {actor: b, issue: share, position: 0.8, salience: 0.4, assumed: t}
  - {actor: c, issue: share, position: 0.5, salience: 0.9, assumed: t}
`)
	if b := oneBend(t, c); b.Actor != "b" || b.Issue != "tax" || b.RedLine != "== -5" || b.To != "[-5, 0]" {
		t.Errorf("bend %+v, want b's == -5 on tax to [-5, 0]", b)
	}
}

// On a wide scale the bent red line holds the package it is bent for:
// on 0–2.5e8, b (capability 9) needs at least 123456789 where a's red
// line allows at most 100000000, and the zone opens with a's line bent
// to b's 123456789. The edge read to a millionth of the width (250) was
// "<= 1.2345675e+08" (123456750), 39 short of the package.
func TestBendEdgeHoldsThePackageOnAWideScale(t *testing.T) {
	c := loadCase(t, "big.yaml", `metadata: {id: big, title: Big, as_of: 2026-01-01}
issues:
  - {id: y, name: Y, scale: {min: 0, max: 2.5e8}, reference: 0, anchors: {0: none, 250000000: all}}
actors:
  - {id: a, capability: 1, capability_assumed: t, red_lines: {y: "<= 100000000"}, red_line_assumed: {y: t}}
  - {id: b, capability: 9, capability_assumed: t, red_lines: {y: ">= 123456789"}, red_line_assumed: {y: t}}
stances:
  - {actor: a, issue: y, position: 1e8, salience: 0.7, assumed: t}
  - {actor: b, issue: y, position: 2e8, salience: 0.9, assumed: t}
`)
	if b := oneBend(t, c); b.Actor != "a" || b.RedLine != "<= 100000000" || b.To != "<= 123456789" {
		t.Errorf("bend %+v, want a's <= 100000000 to <= 123456789, the package's", b)
	}
}

// A red line the solve crosses by its noise is met, not bent: on this
// case the zone opens only by bending a's "x >= 60" down to b's "<= 40"
// (b, capability 3, is dearer to bend), and y may stay at 30, where b's
// ">= 30" and c's "<= 30" meet. The barrier solve left y at
// 30.0000000226 and the plan listed c's "<= 30" as a second bend,
// "(0.0 points)", giving up 0.000 utility: a crossing smaller than the
// 0.05 the 0–100 scale shows (scenario.ShownStep) is not a bend, and the
// package is put onto the red line it was a hair past.
func TestNoiseIsNotABend(t *testing.T) {
	c := loadCase(t, "noise.yaml", `metadata: {id: noise, title: Noise, as_of: 2025-01-01}
issues:
  - {id: x, name: X, reference: 50}
  - {id: y, name: Y, reference: 50}
actors:
  - {id: a, capability: 1, capability_assumed: t, red_lines: {x: ">= 60"}, red_line_assumed: {x: t}}
  - {id: b, capability: 3, capability_assumed: t, red_lines: {x: "<= 40", y: ">= 30"}, red_line_assumed: {x: t, y: t}}
  - {id: c, capability: 1, capability_assumed: t, red_lines: {y: "<= 30"}, red_line_assumed: {y: t}}
stances:
  - {actor: a, issue: x, position: 70, salience: 1, assumed: t}
  - {actor: b, issue: x, position: 20, salience: 1, assumed: t}
  - {actor: c, issue: x, position: 50, salience: 0.2, assumed: t}
  - {actor: a, issue: y, position: 50, salience: 0.2, assumed: t}
  - {actor: b, issue: y, position: 50, salience: 0.5, assumed: t}
  - {actor: c, issue: y, position: 10, salience: 1, assumed: t}
`)
	req := answer.NewDealSearchRequest()
	req.Batna = "none"
	a, err := DealSearch(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	pl := a.Result.Concession.BendRedLines
	if pl == nil {
		t.Fatal("no plan to bend red lines")
	}
	if len(pl.Bends) != 1 || pl.Bends[0].Actor != "a" || pl.Bends[0].To != ">= 40" || pl.Bends[0].By != 20 {
		t.Errorf("bends %+v, want only a's >= 60 bent 20 to >= 40", pl.Bends)
	}
	// a's bend costs 20 points of 100 at a's capability share 1/5: 4%.
	if v := pl.Package.Values; v[0] != 40 || v[1] != 30 || math.Abs(pl.Cost-4) > 1e-6 {
		t.Errorf("package %v at cost %v, want (40, 30) at 4%% of scale", v, pl.Cost)
	}
}
