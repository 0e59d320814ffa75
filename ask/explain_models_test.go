package ask

import (
	"context"
	"math"
	"strings"
	"testing"

	"parley/answer"
)

// euCase is BDM (1994)'s EC car-emission standards case (spec
// ../shared/specs/bdm.md §6.1, Table 1; ../shared/data/bdm/eu_emissions_bdm1994.csv).
const euCase = `
metadata: {id: eu, title: EC emission standards, as_of: 1989-01-01}
issues:
  - {id: emissions, name: Emission standards, anchors: [{value: 4, label: strict}, {value: 10, label: lax}]}
actors:
  - {id: neth, name: Netherlands, capability: 0.08, capability_assumed: t}
  - {id: belg, name: Belgium, capability: 0.08, capability_assumed: t}
  - {id: lux, name: Luxembourg, capability: 0.03, capability_assumed: t}
  - {id: germ, name: Germany, capability: 0.16, capability_assumed: t}
  - {id: fra, name: France, capability: 0.16, capability_assumed: t}
  - {id: ita, name: Italy, capability: 0.16, capability_assumed: t}
  - {id: uk, name: UK, capability: 0.16, capability_assumed: t}
  - {id: ire, name: Ireland, capability: 0.05, capability_assumed: t}
  - {id: den, name: Denmark, capability: 0.05, capability_assumed: t}
  - {id: gre, name: Greece, capability: 0.08, capability_assumed: t}
stances:
  - {actor: neth, issue: emissions, position: 4, salience: 0.8, assumed: BDM94}
  - {actor: belg, issue: emissions, position: 7, salience: 0.4, assumed: BDM94}
  - {actor: lux, issue: emissions, position: 4, salience: 0.2, assumed: BDM94}
  - {actor: germ, issue: emissions, position: 4, salience: 0.8, assumed: BDM94}
  - {actor: fra, issue: emissions, position: 10, salience: 0.6, assumed: BDM94}
  - {actor: ita, issue: emissions, position: 10, salience: 0.6, assumed: BDM94}
  - {actor: uk, issue: emissions, position: 10, salience: 0.9, assumed: BDM94}
  - {actor: ire, issue: emissions, position: 7, salience: 0.1, assumed: BDM94}
  - {actor: den, issue: emissions, position: 4, salience: 1.0, assumed: BDM94}
  - {actor: gre, issue: emissions, position: 7, salience: 0.7, assumed: BDM94}
`

func loadCase(t *testing.T, name, text string) *Case {
	t.Helper()
	in, err := Load(name, []byte(text), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Explain bdm on the EU case: the round-1 quadrant chart from Belgium's
// perspective is BDM94's figure (spec §6.1 T1-c: Denmark, UK,
// Netherlands, Germany capitulate; France and Italy compromise; a
// conflict Belgium wins against Luxembourg; Ireland and Greece at the
// origin), the three moves of T1-b are the round's moves, each marked
// taken in its mover's chart, and the forecast is the median 9.961980
// at round 4, where the run stops (T1-d, §3.11).
func TestExplainBDMEmissions(t *testing.T) {
	e := explain(t, loadCase(t, "eu.yaml", euCase), "bdm", "")
	ie := e.Issues[0]
	if len(ie.Rounds) != 4 || math.Abs(float64(ie.Forecast)-9.961980) > 1e-6 {
		t.Fatalf("%d rounds, forecast %v; want 4 rounds, 9.961980", len(ie.Rounds), ie.Forecast)
	}
	want := map[string]string{"den": "capitulate", "uk": "capitulate", "neth": "capitulate", "germ": "capitulate",
		"fra": "compromise", "ita": "compromise", "lux": "conflict_won", "ire": "same_position", "gre": "same_position"}
	r1 := ie.Rounds[0]
	n := 0
	for _, c := range r1.Challenges {
		if c.Actor == "belg" {
			n++
			if c.Quadrant != want[c.Other] {
				t.Errorf("Belgium → %s: %s, want %s", c.Other, c.Quadrant, want[c.Other])
			}
		}
	}
	if n != 9 || len(r1.Challenges) != 90 {
		t.Errorf("%d of Belgium's challenges, %d in all; want 9, 90", n, len(r1.Challenges))
	}
	moves := map[string]string{}
	for _, mv := range r1.Moves {
		moves[mv.Actor] = mv.Kind + " " + mv.With
		if mv.Why == "" {
			t.Errorf("%s: no why", mv.Actor)
		}
	}
	if len(moves) != 3 || moves["belg"] != "compromise fra" || moves["lux"] != "conflict belg" || moves["ire"] != "conflict lux" {
		t.Errorf("round-1 moves %v, want Belgium compromise with France, Luxembourg and Ireland conflicts lost (T1-b)", moves)
	}
	taken := 0
	for _, c := range r1.Challenges {
		if c.Taken {
			taken++
			if c.Offer == nil || moves[c.Actor] != map[string]string{"compromise": "compromise", "conflict_lost": "conflict"}[c.Quadrant]+" "+c.Other {
				t.Errorf("taken challenge %+v does not match the moves %v", c, moves)
			}
		}
	}
	if taken != 3 {
		t.Errorf("%d challenges taken, want 3", taken)
	}
	if !strings.Contains(r1.Text, "Belgium compromises with France (7.0 → 8.4)") || !strings.Contains(r1.Text, "the median moves 7.0 → 8.4") {
		t.Errorf("round 1: %s", r1.Text)
	}
	if !strings.Contains(ie.Text, "after round 4, where the run stopped because the median no longer moved") {
		t.Errorf("text: %s", ie.Text)
	}
}

// threeCase is model/exchange's hand-derived threeActors case (see
// TestExternalitiesByHand there): A (0, 0; s 0.8, 0.2), B (100, 100; s
// 0.2, 0.8), C (10, 20; s 0.1, 0.4), capabilities 1. Round 1 realises one
// exchange: A gives way on q (0 → 100), B on p (100 → 150/7), gain 60/7
// each; C's externality is 30/77 − 40/7 = −410/77, inner and negative.
const threeCase = `
metadata: {id: three, title: Three, as_of: 2025-01-01}
issues:
  - {id: p, name: P, anchors: [{value: 0, label: none}, {value: 100, label: all}]}
  - {id: q, name: Q, anchors: [{value: 0, label: none}, {value: 100, label: all}]}
actors:
  - {id: a, name: A, capability: 1, capability_assumed: t}
  - {id: b, name: B, capability: 1, capability_assumed: t}
  - {id: c, name: C, capability: 1, capability_assumed: t}
stances:
  - {actor: a, issue: p, position: 0, salience: 0.8, assumed: test}
  - {actor: a, issue: q, position: 0, salience: 0.2, assumed: test}
  - {actor: b, issue: p, position: 100, salience: 0.2, assumed: test}
  - {actor: b, issue: q, position: 100, salience: 0.8, assumed: test}
  - {actor: c, issue: p, position: 10, salience: 0.1, assumed: test}
  - {actor: c, issue: q, position: 20, salience: 0.4, assumed: test}
`

func TestExplainExchangeByHand(t *testing.T) {
	e := explain(t, loadCase(t, "three.yaml", threeCase), "exchange", "")
	if len(e.Exchanges) != 10 || len(e.Exchanges[0].Exchanges) != 1 {
		t.Fatalf("%d rounds; round 1 has %d exchanges, want 1", len(e.Exchanges), len(e.Exchanges[0].Exchanges))
	}
	x := e.Exchanges[0].Exchanges[0]
	a, b := x.Sides[0], x.Sides[1]
	if a.Actor != "a" || a.Supply != "q" || a.From != 0 || a.To != 100 || b.Actor != "b" || b.Supply != "p" ||
		math.Abs(b.To-150.0/7) > 1e-12 || math.Abs(x.Gain-60.0/7) > 1e-12 || x.Groups != "ad" {
		t.Errorf("exchange %+v", x)
	}
	if math.Abs(a.ForecastBefore-440.0/7) > 1e-12 || math.Abs(a.ForecastAfter-540.0/7) > 1e-12 ||
		math.Abs(b.ForecastBefore-210.0/11) > 1e-12 || math.Abs(b.ForecastAfter-370.0/77) > 1e-12 {
		t.Errorf("forecasts %+v %+v", a, b)
	}
	want := map[string]answer.Externality{
		"a": {Actor: "a", Class: "own", Sign: "positive", Value: 60.0 / 7},
		"b": {Actor: "b", Class: "own", Sign: "positive", Value: 60.0 / 7},
		"c": {Actor: "c", Class: "inner", Sign: "negative", Value: -410.0 / 77},
	}
	for _, xe := range x.Externalities {
		w := want[xe.Actor]
		if xe.Class != w.Class || xe.Sign != w.Sign || math.Abs(xe.Value-w.Value) > 1e-12 {
			t.Errorf("%s: %+v, want %+v", xe.Actor, xe, w)
		}
	}
	// The per-actor sums add every round's exchanges, class by class.
	for _, s := range e.Externalities {
		parts := s.Own + s.InnerPositive + s.InnerNegative + s.OuterPositive + s.OuterNegative
		total := 0.0
		for _, rd := range e.Exchanges {
			for _, x := range rd.Exchanges {
				for _, xe := range x.Externalities {
					if xe.Actor == s.Actor {
						total += xe.Value
					}
				}
			}
		}
		if math.Abs(parts-s.Total) > 1e-9 || math.Abs(total-s.Total) > 1e-9 {
			t.Errorf("%s: classes %v, exchanges %v, total %v", s.Actor, parts, total, s.Total)
		}
	}
	// --issue keeps only the exchanges on that issue (both are on p here).
	if f := explain(t, loadCase(t, "three.yaml", threeCase), "exchange", "p"); len(f.Exchanges[0].Exchanges) != 1 || len(f.Issues) != 1 {
		t.Errorf("--issue p: %d exchanges, %d issues", len(f.Exchanges[0].Exchanges), len(f.Issues))
	}
}

// Explain smp on the built-in case: one turn per step of the run, each
// actor's option probabilities summing to 1 with the most probable one
// chosen, and every bargain's offers on every issue's scale.
func TestExplainSMPTurns(t *testing.T) {
	in, _ := BuiltIn()
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewForecastRequest()
	req.Models = []string{"smp"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := explain(t, c, "smp", "")
	steps := int(f.Models[0].Issues[0].Values["rounds"])
	if len(e.Turns) != steps || steps == 0 {
		t.Fatalf("%d turns, the run took %d steps", len(e.Turns), steps)
	}
	for _, tu := range e.Turns {
		for _, b := range tu.Bargains {
			if len(b.Offers) != len(c.Header.Issues) || !(b.Phi > 0 && b.Phi < 1) {
				t.Fatalf("turn %d bargain %+v", tu.Turn, b)
			}
			for k, o := range b.Offers {
				is := c.Header.Issues[k]
				if o.Issue != is.ID || o.Initiator < is.Min || o.Initiator > is.Max || o.Receiver < is.Min || o.Receiver > is.Max {
					t.Fatalf("turn %d: offer %+v off %s's scale", tu.Turn, o, is.ID)
				}
			}
		}
		for _, ch := range tu.Choices {
			sum, chosen := 0.0, 0
			for _, o := range ch.Options {
				sum += o.Probability
				if o.Chosen {
					chosen++
				}
			}
			if math.Abs(sum-1) > 1e-12 || chosen != 1 {
				t.Errorf("turn %d %s: probabilities sum to %v, %d chosen", tu.Turn, ch.Actor, sum, chosen)
			}
		}
	}
}

// The limit on listed rows, at and past it: the EU case runs 4 rounds of
// 10 actors, 4 × 10 × 9 = 360 challenges; threeCase's ten rounds list
// some externalities (counted here), and past the limit each exchange's
// list empties while the per-actor sums stay.
func TestExplainRowLimit(t *testing.T) {
	eu := loadCase(t, "eu.yaml", euCase)
	req := answer.NewExplainRequest()
	req.Model = "bdm"
	at, err := explainLimited(context.Background(), eu, req, 360)
	if err != nil {
		t.Fatal(err)
	}
	over, err := explainLimited(context.Background(), eu, req, 359)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, rd := range at.Issues[0].Rounds {
		n += len(rd.Challenges)
	}
	if n != 360 || len(at.Warnings) != 0 {
		t.Errorf("at the limit: %d challenges, warnings %v", n, at.Warnings)
	}
	for _, rd := range over.Issues[0].Rounds {
		if len(rd.Challenges) != 0 {
			t.Fatalf("past the limit: round %d lists %d challenges", rd.Round, len(rd.Challenges))
		}
	}
	if len(over.Issues[0].Rounds) != 4 || len(over.Issues[0].Rounds[0].Moves) != 3 || len(over.Warnings) != 1 ||
		!strings.Contains(over.Warnings[0], "360 of them (rounds × actors × other actors) are more than 359") {
		t.Errorf("past the limit: %d rounds, %d moves, warnings %v", len(over.Issues[0].Rounds), len(over.Issues[0].Rounds[0].Moves), over.Warnings)
	}

	three := loadCase(t, "three.yaml", threeCase)
	req.Model = "exchange"
	full, err := explainLimited(context.Background(), three, req, answer.MaxExplainRows)
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, rd := range full.Exchanges {
		for _, x := range rd.Exchanges {
			rows += len(x.Externalities)
		}
	}
	at, err = explainLimited(context.Background(), three, req, rows)
	if err != nil {
		t.Fatal(err)
	}
	over, err = explainLimited(context.Background(), three, req, rows-1)
	if err != nil {
		t.Fatal(err)
	}
	if len(at.Warnings) != 0 || len(over.Warnings) != 1 || len(over.Exchanges[0].Exchanges[0].Externalities) != 0 ||
		len(at.Exchanges[0].Exchanges[0].Externalities) != 3 || over.Externalities[2].Total != full.Externalities[2].Total {
		t.Errorf("%d rows: at the limit warnings %v; past it warnings %v, sums %+v", rows, at.Warnings, over.Warnings, over.Externalities)
	}
}
