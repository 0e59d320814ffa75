package ask

import (
	"context"
	"strings"
	"testing"

	"parley/answer"
)

// heldCase has 3 actors and 6 stances. Ranged: a's capability; a on x
// (position and salience), a's position on y, b's salience on y, c on y
// (both). Held at the stated values: the positions of b on x, b on y
// and c on x (3 of 6), the saliences of a on y, b on x and c on x (3 of
// 6), the capabilities of b and c (2 of 3). Of the held, assumed: the
// stances a on y (its salience) and b on x (both), and b's capability;
// a on x is assumed but wholly ranged, so not counted.
const heldCase = `
metadata: {id: held, title: Held fixed, as_of: 2025-01-01}
issues:
  - {id: x, name: X, anchors: [{value: 0, label: none}, {value: 100, label: all}]}
  - {id: y, name: Y, anchors: [{value: 0, label: none}, {value: 100, label: all}]}
actors:
  - {id: a, name: A, capability: 1, capability_range: [0.5, 2], capability_assumed: t}
  - {id: b, name: B, capability: 1, capability_assumed: t}
  - {id: c, name: C, capability: 2, capability_note: n}
stances:
  - {actor: a, issue: x, position: 20, salience: 0.5, range: {position: [10, 30], salience: [0.4, 0.6]}, assumed: t}
  - {actor: a, issue: y, position: 80, salience: 0.5, range: {position: [70, 90]}, assumed: t}
  - {actor: b, issue: x, position: 60, salience: 0.7, assumed: t}
  - {actor: b, issue: y, position: 40, salience: 0.3, range: {salience: [0.2, 0.4]}}
  - {actor: c, issue: x, position: 50, salience: 0.5}
  - {actor: c, issue: y, position: 50, salience: 0.5, range: {position: [40, 60], salience: [0.4, 0.6]}}
`

const heldText = "Not varied (no range, held at the stated value): 3 of 6 positions, 3 of 6 saliences and 2 of 3 capabilities. " +
	"Among them are 2 assumed stances and 1 assumed capability, resting on no quote: give them ranges to see their effect."

// TestHeldFixed: the held-fixed count of heldCase, by hand (above), and
// its sentence; every answer that varies the inputs carries it.
func TestHeldFixed(t *testing.T) {
	c := loadCase(t, "held.yaml", heldCase)
	want := answer.HeldFixed{Positions: 3, Saliences: 3, Capabilities: 2, Stances: 6, Actors: 3, AssumedStances: 2, AssumedCapabilities: 1, Text: heldText}
	got := c.HeldFixed()
	if got == nil || *got != want {
		t.Fatalf("HeldFixed %+v, want %+v", got, want)
	}
	ctx := context.Background()
	req := answer.NewSweepRequest()
	req.Draws = 50
	sw, err := Sweep(ctx, c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sw.HeldFixed == nil || *sw.HeldFixed != want {
		t.Errorf("sweep's held_fixed %+v, want %+v", sw.HeldFixed, want)
	}
	// The sweep drew the 3 positions, 3 saliences and 1 capability
	// that have a range: 7 of the 15 inputs, 8 held.
	if n := len(sw.Models[0].Inputs); n != 7 {
		t.Errorf("sweep drew %d inputs, want 7", n)
	}
	sreq := answer.NewSensitivityRequest()
	se, err := Sensitivity(ctx, c, sreq, nil)
	if err != nil {
		t.Fatal(err)
	}
	if se.HeldFixed == nil || *se.HeldFixed != want {
		t.Errorf("sensitivity's held_fixed %+v, want %+v", se.HeldFixed, want)
	}
	// Advice and a robust deal search carry it only when they draw.
	areq := answer.NewAdviseRequest()
	areq.Actor = "a"
	ad, err := Advise(ctx, c, areq, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ad.HeldFixed != nil {
		t.Errorf("advice without draws has held_fixed %+v", ad.HeldFixed)
	}
	areq.Draws = 20
	if ad, err = Advise(ctx, c, areq, nil); err != nil {
		t.Fatal(err)
	}
	if ad.HeldFixed == nil || *ad.HeldFixed != want {
		t.Errorf("advice's held_fixed %+v, want %+v", ad.HeldFixed, want)
	}
	dreq := answer.NewDealSearchRequest()
	dreq.Batna = "none"
	dreq.Robust = answer.DealRobust{On: true, Draws: 20}
	ds, err := DealSearch(ctx, c, dreq)
	if err != nil {
		t.Fatal(err)
	}
	if ds.HeldFixed == nil || *ds.HeldFixed != want {
		t.Errorf("robust deal search's held_fixed %+v, want %+v", ds.HeldFixed, want)
	}
	ereq := answer.NewDealEvaluateRequest()
	ereq.Batna = "none"
	ereq.Models = []string{"none"}
	ereq.Package = map[string]float64{"x": 50, "y": 50}
	ereq.Robust = answer.DealRobust{On: true, Draws: 20}
	de, err := DealEvaluate(ctx, c, ereq)
	if err != nil {
		t.Fatal(err)
	}
	if de.HeldFixed == nil || *de.HeldFixed != want {
		t.Errorf("robust deal evaluation's held_fixed %+v, want %+v", de.HeldFixed, want)
	}
}

// TestHeldFixedText: the sentence by kind and count; nothing held, none.
func TestHeldFixedText(t *testing.T) {
	for _, c := range []struct {
		h    answer.HeldFixed
		want string
	}{
		{answer.HeldFixed{Stances: 70, Actors: 10}, ""},
		{answer.HeldFixed{Capabilities: 1, Stances: 2, Actors: 1}, "Not varied (no range, held at the stated value): 1 of 1 capability."},
		{answer.HeldFixed{Positions: 12, Saliences: 12, Capabilities: 4, Stances: 15, Actors: 5, AssumedStances: 10},
			"Not varied (no range, held at the stated value): 12 of 15 positions, 12 of 15 saliences and 4 of 5 capabilities. " +
				"Among them are 10 assumed stances, resting on no quote: give them ranges to see their effect."},
		{answer.HeldFixed{Saliences: 1, Stances: 3, Actors: 2, AssumedStances: 1},
			"Not varied (no range, held at the stated value): 1 of 3 saliences. Among them is 1 assumed stance, resting on no quote: give it a range to see its effect."},
	} {
		if got := HeldFixedText(c.h); got != c.want {
			t.Errorf("HeldFixedText(%+v) =\n%q, want\n%q", c.h, got, c.want)
		}
	}
	if strings.Contains(heldText, "  ") {
		t.Error("double space")
	}
}

// TestBriefHeldFixed: the brief says under its table what its "80%,
// inputs only" interval and "moves it most" held fixed, in
// HeldFixedText's words, in Markdown and in HTML.
func TestBriefHeldFixed(t *testing.T) {
	c := loadCase(t, "held.yaml", heldCase)
	b, err := MakeBrief(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]string{
		"md":   heldText + ` "80%, inputs only" and "moves it most" vary none of them.`,
		"html": heldText + ` The "inputs" interval and "moves it most" vary none of them.`,
	} {
		out, err := RenderBrief(context.Background(), b, f)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(out), "&#34;", `"`)
		if !strings.Contains(text, want) {
			t.Errorf("the %s brief does not say %q:\n%s", f, want, out)
		}
	}
}
