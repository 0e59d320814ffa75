package ask

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/answer"
	"parley/model"
	"parley/model/compromise"
	"parley/model/ensemble"
	"parley/model/median"
	"parley/model/snap"
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

// testdataCase is loadCase of the file testdata/name.
func testdataCase(t *testing.T, name string) *Case {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return loadCase(t, name, string(b))
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
	// The table of those sums is headed in the words every door prints.
	if e.ExternalitiesHeadText != ExternalitiesHead {
		t.Errorf("externalities head %q, want %q", e.ExternalitiesHeadText, ExternalitiesHead)
	}
	if c := explain(t, loadCase(t, "three.yaml", threeCase), "compromise", ""); c.ExternalitiesHeadText != "" {
		t.Errorf("compromise, which has no externalities, heads them %q", c.ExternalitiesHeadText)
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

// smp's turns carry their words by names: each bargain's offers by the
// issues' names in their decimals, each option's probability as Chance
// writes it, so a nonzero option (the built-in case's Finland keeps its
// status quo at 0.03% in turn 2) never reads "0%", which the page's
// whole percent wrote.
func TestExplainSMPTurnTexts(t *testing.T) {
	c, err := func() (*Case, error) { in, _ := BuiltIn(); return in.Case(answer.Target{Snapshot: "latest"}) }()
	if err != nil {
		t.Fatal(err)
	}
	e := explain(t, c, "smp", "")
	b := e.Turns[0].Bargains[0]
	want := make([]string, len(b.Offers))
	for k, o := range b.Offers {
		is := c.Header.Issues[k]
		want[k] = fmt.Sprintf("%s %s/%s", is.Name, Decimals(o.Initiator, is.Decimals), Decimals(o.Receiver, is.Decimals))
	}
	if b.OffersText != strings.Join(want, "; ") || !strings.HasPrefix(b.OffersText, "Ceasefire ") || strings.Contains(b.OffersText, "security-guarantees") {
		t.Errorf("offers_text %q, want %q", b.OffersText, strings.Join(want, "; "))
	}
	tiny := 0
	for _, tu := range e.Turns {
		if strings.Contains(tu.Text, "(0%)") || strings.Contains(tu.Text, "(100%)") {
			t.Errorf("turn %d: %s", tu.Turn, tu.Text)
		}
		for _, ch := range tu.Choices {
			for _, o := range ch.Options {
				if o.ProbabilityText != Chance(o.Probability) || (o.Probability > 0 && o.ProbabilityText == "0%") {
					t.Errorf("turn %d %s bargain %d: %v reads %q", tu.Turn, ch.Actor, o.Bargain, o.Probability, o.ProbabilityText)
				}
				if o.Probability > 0 && o.Probability < 0.005 {
					tiny++
				}
			}
		}
	}
	if o := e.Turns[1].Choices; tiny == 0 || len(o) == 0 {
		t.Fatalf("no option below 0.5%% to check (%d)", tiny)
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

// The ensemble's members on every issue of the built-in case: the
// weights on an issue sum to 1, each member's contribution is weight ×
// forecast and the contributions sum to the ensemble's forecast; the
// heaviest member's forecast plus the shifts is the forecast too; where
// a member did not settle, the text says so.
func TestExplainEnsembleBuiltInSumsToForecast(t *testing.T) {
	in, _ := BuiltIn()
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	e := explain(t, c, "ensemble", "")
	unsettled := 0
	for _, ie := range e.Issues {
		if len(ie.Members) != 2 || ie.Members[0].Model != "compromise" || ie.Members[1].Model != "smp" {
			t.Fatalf("%s: members %+v", ie.Issue, ie.Members)
		}
		ws, sum, shifted := 0.0, 0.0, float64(ie.Members[0].Forecast)
		for _, m := range ie.Members {
			ws += m.Weight
			sum += m.Contribution
			shifted += m.Shift
			if m.Contribution != m.Weight*float64(m.Forecast) || m.Failed != "" {
				t.Errorf("%s %s: contribution %v, weight %v × forecast %v, failed %q", ie.Issue, m.Model, m.Contribution, m.Weight, m.Forecast, m.Failed)
			}
			if !m.Settled {
				unsettled++
				if m.Range == nil || !strings.Contains(ie.Text, "Member "+m.Model+" had not settled") {
					t.Errorf("%s %s: unsettled, range %v, text %q", ie.Issue, m.Model, m.Range, ie.Text)
				}
			}
		}
		if math.Abs(ws-1) > 1e-12 || math.Abs(sum-float64(ie.Forecast)) > 1e-12 || math.Abs(shifted-float64(ie.Forecast)) > 1e-12 {
			t.Errorf("%s: weights sum to %v, contributions to %v, compromise + shifts %v; forecast %v", ie.Issue, ws, sum, shifted, ie.Forecast)
		}
		if w := ie.Members[1].Weight; w != ie.Members[1].Fitted || math.Abs(w-0.17446827770937287) > 1e-15 {
			t.Errorf("%s: smp's weight %v, fitted %v", ie.Issue, w, ie.Members[1].Fitted)
		}
		if !strings.Contains(ie.Text, "explain -m compromise; explain -m smp (there smp runs on every issue together") {
			t.Errorf("%s: %q", ie.Issue, ie.Text)
		}
	}
	if unsettled == 0 {
		t.Error("no member unsettled on the built-in case: the test checks less than it says")
	}
}

// Two members by hand on explainCase's issue y (Alpha 10, Beta 40,
// Gamma 70 with weights 1, 1, 2, no reference): compromise forecasts
// (10 + 40 + 140)/4 = 47.5 and median 55 (the weight splits in half at
// 40, so the midpoint of 40 and 70, TestExplainMedianByHand). With
// weights 3 and 1 the ensemble forecasts 0.75 × 47.5 + 0.25 × 55 =
// 35.625 + 13.75 = 49.375: median shifts it up 0.25 × (55 − 47.5) =
// 1.875 from compromise's 47.5. A third member that fails takes no
// part: its fitted weight is 1/5, the others' 3/5 and 1/5, renormalised
// to 3/4 and 1/4.
func TestExplainEnsembleByHand(t *testing.T) {
	c := explainTestCase(t)
	p := c.Problem()
	k := p.IssueIndex("y")
	m := ensemble.Model{Members: []ensemble.Member{{Model: compromise.Model{}, Weight: 3}, {Model: median.Model{}, Weight: 1}, {Model: failing{}, Weight: 1}}}
	r, err := model.Run(context.Background(), m, p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Issues[k].Forecast != 49.375 {
		t.Fatalf("ensemble forecasts %v on y, want 49.375", r.Issues[k].Forecast)
	}
	ms := ensembleMembers(r.Detail.(*ensemble.Detail).Issues[k].Members, 100)
	want := []answer.EnsembleMember{
		{Model: "compromise", Fitted: 0.6, Weight: 0.75, Forecast: 47.5, Settled: true, Contribution: 35.625, Shift: 0},
		{Model: "median", Fitted: 0.2, Weight: 0.25, Forecast: 55, Settled: true, Contribution: 13.75, Shift: 1.875},
		{Model: "failing", Fitted: 0.2, Forecast: answer.Num(math.NaN()), Failed: "fails by design"},
	}
	if len(ms) != 3 {
		t.Fatalf("%d members, want 3: %+v", len(ms), ms)
	}
	for j, w := range want {
		g := ms[j]
		same := g.Model == w.Model && math.Abs(g.Fitted-w.Fitted) < 1e-15 && g.Weight == w.Weight && g.Settled == w.Settled && g.Range == nil &&
			g.Contribution == w.Contribution && g.Shift == w.Shift && g.Failed == w.Failed
		if !same || (g.Forecast != w.Forecast && !(math.IsNaN(float64(g.Forecast)) && math.IsNaN(float64(w.Forecast)))) {
			t.Errorf("member %d: %+v, want %+v", j, g, w)
		}
	}
	ie := answer.IssueExplanation{Forecast: 49.375, Settled: true, Members: ms}
	text := ensembleText(&ie, true, 1)
	// 35.625 prints as 35.62 and 49.375 as 49.38, so the printed parts
	// sum to 49.37: the sentence says ≈ (the by-hand case below, whose
	// numbers print exactly, says =)
	for _, s := range []string{"ensemble forecasts 49.38 ≈ 0.75 × compromise's 47.50 + 0.25 × median's 55.00 (35.62 + 13.75): the members' forecasts weighted",
		"median pulls it up by 1.88 from compromise's 47.50", "Member failing failed on this issue (fails by design), so its weight 0.20 went to the others",
		"explain -m compromise; explain -m median."} {
		if !strings.Contains(text, s) {
			t.Errorf("no %q in %q", s, text)
		}
	}
}

// A member that does not settle: its rounds end in a cycle between 62
// and 60, so it is read as the range 60–62, as a forecast answer reads
// one, and the text says that the ensemble did not settle either.
func TestExplainEnsembleMemberUnsettled(t *testing.T) {
	runs := []ensemble.MemberRun{
		{Model: "compromise", Weight: 3, Forecast: 40, Rounds: []float64{40}},
		{Model: "smp", Weight: 1, Forecast: 60, Rounds: []float64{50, 58, 62, 60, 62, 60}},
	}
	ms := ensembleMembers(runs, 100)
	if s := ms[1]; s.Settled || s.Range == nil || s.Range.Lo != 60 || s.Range.Hi != 62 || s.Contribution != 15 || s.Shift != 5 {
		t.Fatalf("smp: %+v (range %v)", s, s.Range)
	}
	ie := answer.IssueExplanation{Forecast: 45, Settled: false, Range: &answer.Interval{Lo: 45, Hi: 45.5}, Members: ms}
	text := ensembleText(&ie, false, 1)
	for _, s := range []string{"ensemble forecasts 45.0–45.5 (did not settle); its last round's 45.00 = 0.75 × compromise's 40.00 + 0.25 × smp's 60.00 (30.00 + 15.00)",
		"Member smp had not settled: its last rounds moved within 60.0–62.0. So the ensemble did not settle either",
		"explain -m compromise; explain -m smp."} {
		if !strings.Contains(text, s) {
			t.Errorf("no %q in %q", s, text)
		}
	}
}

// failing is a model that fails on every problem.
type failing struct{}

func (failing) Name() string    { return "failing" }
func (failing) Summary() string { return "fails" }
func (failing) Forecast(context.Context, *model.Problem, model.Options) (*model.Result, error) {
	return nil, errors.New("fails by design")
}

// snap on explainCase, by hand. On x (status quo 20) the compromise is
// 62.5 (TestExplainCompromiseByHand); the nearest stated position is
// Beta's 50, 12.5 away, within θR = 0.2 × 100 = 20: the point moves onto
// 50. On y the compromise 47.5 has Beta's 40 7.5 away: 40. On z (Alpha
// 90, Beta 40, Gamma 70, weights 1, 1, 2) the compromise is
// (90 + 40 + 140)/4 = 67.5, Gamma's 70 2.5 away: 70. The candidates'
// probabilities sum to 1 − π, each utility is the sum of its terms, and
// the intervals are the forecast answer's distribution's.
func TestExplainSnapByHand(t *testing.T) {
	c := explainTestCase(t)
	e := explain(t, c, "snap", "")
	req := answer.NewForecastRequest()
	req.Models = []string{"snap"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ compromise, point, dist float64 }{"x": {62.5, 50, 12.5}, "y": {47.5, 40, 7.5}, "z": {67.5, 70, 2.5}}
	for k, ie := range e.Issues {
		w, se := want[ie.Issue], ie.Snap
		if se == nil || float64(ie.Forecast) != w.point || se.Compromise != w.compromise || se.NearestStated != w.point || math.Abs(se.Distance-w.dist) > 1e-12 || !se.Snapped || se.Radius != 20 {
			t.Errorf("%s: forecast %v, %+v; want %+v", ie.Issue, ie.Forecast, se, w)
			continue
		}
		sum := 0.0
		for _, cd := range se.Candidates {
			sum += cd.Probability
			if d := cd.DistanceTerm + cd.EndTerm + cd.ReferenceTerm + cd.StatedTerm + cd.ShareTerm - cd.Utility; math.Abs(d) > 1e-12 {
				t.Errorf("%s %v: terms off the utility by %v", ie.Issue, cd.Value, d)
			}
			if want := -snap.Fitted.Dist * math.Abs(cd.Value-w.point) / 100; math.Abs(cd.DistanceTerm-want) > 1e-12 {
				t.Errorf("%s %v: distance term %v, want %v", ie.Issue, cd.Value, cd.DistanceTerm, want)
			}
		}
		if math.Abs(sum-(1-se.Continuous)) > 1e-12 || se.Continuous != snap.Fitted.Cont {
			t.Errorf("%s: candidates hold %v, continuous part %v", ie.Issue, sum, se.Continuous)
		}
		if d := f.Models[0].Issues[k].Distribution; se.Interval80 != d.Interval80 || se.Interval95 != d.Interval95 {
			t.Errorf("%s: intervals %v %v, forecast's %v %v", ie.Issue, se.Interval80, se.Interval95, d.Interval80, d.Interval95)
		}
		if !strings.Contains(ie.Text, fmt.Sprintf("the compromise %.1f", w.compromise)) || !strings.Contains(ie.Text, "moved onto Beta's stated position") && ie.Issue != "z" {
			t.Errorf("%s: %q", ie.Issue, ie.Text)
		}
	}
	// compromise-band: the compromise itself, no candidates, π = 1 and
	// the band's scale 0.3 of the range.
	b := explain(t, c, "compromise-band", "x").Issues[0]
	if se := b.Snap; float64(b.Forecast) != 62.5 || se == nil || se.Compromise != 62.5 || se.Snapped || se.Radius != 0 || se.Continuous != 1 || se.Scale != 30 || len(se.Candidates) != 0 {
		t.Errorf("compromise-band: forecast %v, %+v", b.Forecast, b.Snap)
	}
	if p := pullOf(t, b, "c"); p.Pull != 18.75 || !strings.Contains(b.Text, "the compromise forecast itself") {
		t.Errorf("compromise-band: Gamma pulls %v (want compromise's ½·(100 − 62.5) = 18.75), %q", p.Pull, b.Text)
	}
}

// An unsettled range about zero is a range in explain's words too: its
// ends are written as a forecast is (OneDecimal, through RangeText), so
// -0.04 and 0.03 do not read "-0.0–0.0", a point with a sign; joined by
// " to ", as a range with a negative end is (RangeJoin).
func TestExplainEnsembleRangeAboutZero(t *testing.T) {
	ie := answer.IssueExplanation{Forecast: 0.03, Settled: false, Range: &answer.Interval{Lo: -0.04, Hi: 0.03},
		Members: []answer.EnsembleMember{{Model: "smp", Weight: 1, Forecast: 0.04, Contribution: 0.04, Range: &answer.Interval{Lo: -0.02, Hi: 0.04}}}}
	text := ensembleText(&ie, false, 1)
	for _, s := range []string{"ensemble forecasts -0.04 to 0.03 (did not settle)", "Member smp had not settled: its last rounds moved within -0.02 to 0.04"} {
		if !strings.Contains(text, s) {
			t.Errorf("no %q in %q", s, text)
		}
	}
}
