package ask

import (
	"context"
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
)

// ruleCase states a decision rule on two issues: x by qmv [3; a 2, b 1,
// c 1] and y by unanimity among a and c; z states none.
const ruleCase = `
metadata: {id: rules, title: Rules, as_of: 2025-01-01}
issues:
  - id: x
    name: X
    decision: {rule: qmv, weights: {a: 2, b: 1, c: 1}, quota: 3}
  - {id: y, name: Y, decision: {rule: unanimity, voters: [a, c]}}
  - {id: z, name: Z}
actors:
  - {id: a, name: Alpha, capability: 1, capability_assumed: t}
  - {id: b, name: Beta, capability: 2, capability_assumed: t}
  - {id: c, name: Gamma, capability: 2, capability_assumed: t}
stances:
  - {actor: a, issue: x, position: 0, salience: 1, assumed: test}
  - {actor: b, issue: y, position: 50, salience: 0.5, assumed: test}
  - {actor: c, issue: z, position: 100, salience: 1, assumed: test}
`

// ruleCaseLatest is ruleCase at its latest snapshot.
func ruleCaseLatest(t *testing.T) *Case {
	t.Helper()
	in, err := Load("rules.yaml", []byte(ruleCase), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestPower: the qmv game is [3; 2, 1, 1], whose Shapley–Shubik indices
// are (2/3, 1/6, 1/6) (derived by hand in package power's test) with a
// the only veto player; unanimity of two gives each ½ and a veto. An
// ad-hoc game needs no case.
func TestPower(t *testing.T) {
	c := ruleCaseLatest(t)
	p, err := Power(context.Background(), c, answer.NewPowerRequest())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Games) != 2 {
		t.Fatalf("%d games, want 2", len(p.Games))
	}
	x := p.Games[0]
	want := []float64{2.0 / 3, 1.0 / 6, 1.0 / 6}
	for i, pl := range x.Players {
		if math.Abs(pl.Shapley-want[i]) > 1e-15 {
			t.Errorf("x: %s φ = %v, want %v", pl.ID, pl.Shapley, want[i])
		}
	}
	if x.Rule != "qmv" || !x.Exact || len(x.Veto) != 1 || x.Veto[0] != "a" || x.Players[0].Name != "Alpha" {
		t.Errorf("x: %+v", x)
	}
	y := p.Games[1]
	if y.Quota != 2 || len(y.Players) != 2 || y.Players[0].Shapley != 0.5 || len(y.Veto) != 2 {
		t.Errorf("y: %+v", y)
	}
	req := answer.NewPowerRequest()
	req.Issue = "z"
	if _, err := Power(context.Background(), c, req); err == nil {
		t.Error("issue without a rule: no error")
	}
	req = answer.NewPowerRequest()
	req.Quota, req.Weights = 3, []float64{2, 1, 1}
	adhoc, err := Power(context.Background(), nil, req)
	if err != nil {
		t.Fatal(err)
	}
	if adhoc.Scenario != nil || adhoc.Games[0].Players[2].ID != "p3" || adhoc.Games[0].Players[0].Shapley != x.Players[0].Shapley {
		t.Errorf("ad hoc: %+v", adhoc.Games[0])
	}
	for _, bad := range []answer.PowerRequest{
		{Samples: 10, Quota: 5, Weights: []float64{1, 2}},
		{Samples: 10, Quota: 2},
		{Samples: 0, Quota: 1, Weights: []float64{1}},
		{Samples: 10, Quota: 1, Weights: []float64{1}, Names: []string{"a", "b"}},
	} {
		if _, err := Power(context.Background(), c, bad); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}

// TestDealHonoursRules: under x's qmv rule a and b (weight 3) carry a
// package that c refuses, but y's unanimity gives c a veto.
func TestDealHonoursRules(t *testing.T) {
	c := ruleCaseLatest(t)
	// Reservations: with batna none every actor's alternative is 0, so
	// each accepts everything; give c a reservation it cannot reach.
	c.Resolved.Actors[2].Reservation = ptr(0.99)
	req := answer.NewDealEvaluateRequest()
	req.Batna, req.Models = "none", []string{"none"}
	req.Package = map[string]float64{"x": 0, "y": 50, "z": 0}
	ev, err := DealEvaluate(context.Background(), c, req)
	if err != nil {
		t.Fatal(err)
	}
	rs := ev.Evaluation.Rules
	if len(rs) != 2 || !rs[0].Passes || rs[1].Passes || ev.Evaluation.Accepted {
		t.Fatalf("rules %+v accepted %v", rs, ev.Evaluation.Accepted)
	}
	if b := ev.Evaluation.Blockers; len(b) != 1 || b[0] != "c" {
		t.Errorf("blockers %v, want [c]", b)
	}
}

func ptr(x float64) *float64 { return &x }

// TestExportNamesDecisionRules: a peer format cannot hold a decision rule,
// and the export says so (the explain case with a rule on x).
func TestExportNamesDecisionRules(t *testing.T) {
	doc := strings.Replace(explainCase, "reference: 20}", "reference: 20, decision: {rule: unanimity}}", 1)
	in, err := Load("rules.yaml", []byte(doc), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Export(in, ExportOptions{To: "decide"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range ex.Lost {
		found = found || l == "decision rules (1 issue; deal evaluate, deal search and parley power read them)"
	}
	if !found {
		t.Errorf("lost %q names no decision rules", ex.Lost)
	}
}

// TestPowerNoSwingSeen: the unanimity of 60 voters is sampled (more than
// power.MaxExact) and a swing, 2⁻⁵⁹ likely per random coalition, is never
// seen in 1,000: each voter's banzhaf is null (0/0), its Banzhaf standard
// errors are omitted rather than 0, and banzhaf_abs_below is 3/1000; the
// Shapley–Shubik index (each voter pivotal when last, 1/60) keeps its
// standard error. The method says why.
func TestPowerNoSwingSeen(t *testing.T) {
	req := answer.NewPowerRequest()
	req.Samples, req.Quota = 1000, 59.5
	for range 60 {
		req.Weights = append(req.Weights, 1)
	}
	p, err := Power(context.Background(), nil, req)
	if err != nil {
		t.Fatal(err)
	}
	g := p.Games[0]
	if g.Exact || !strings.Contains(g.Method, "the normalised Banzhaf index is undefined") {
		t.Fatalf("exact %v, method %q", g.Exact, g.Method)
	}
	for _, pl := range g.Players {
		if pl.Banzhaf.Finite() || pl.BanzhafSE != nil || pl.BanzhafAbsSE != nil || pl.BanzhafAbsBelow == nil || *pl.BanzhafAbsBelow != 0.003 || pl.ShapleySE == nil || pl.ShapleyBelow != nil {
			t.Fatalf("%s: %+v", pl.ID, pl)
		}
	}
	b, err := json.Marshal(g.Players[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"banzhaf":null`) || !strings.Contains(string(b), `"banzhaf_abs_below":0.003`) || strings.Contains(string(b), "banzhaf_se") {
		t.Errorf("JSON %s", b)
	}
}

// TestPowerAdHocChecks: an ad-hoc game's names and weights are checked
// as a scenario's decision rule's are — each voter once, weights from 0
// to scenario.MaxWeight (1e12; the API took 1e19 and answered 500) —
// with an error naming the field; at the limit the game is computed: [1.5e12;
// 1e12, 1e12] needs both, φ = ½ each.
func TestPowerAdHocChecks(t *testing.T) {
	for _, c := range []struct {
		name    string
		quota   float64
		weights []float64
		names   []string
		msg     string
	}{
		{"a voter named twice", 2, []float64{1, 2}, []string{"a", "a"}, "voter a named twice; valid: each voter once"},
		{"an empty name", 1, []float64{1, 2}, []string{"", "b"}, "weight 1 has an empty name"},
		{"1e19 (was a panic)", 1e19, []float64{1e19, 1e19, 1}, nil, "weight 1 is 1e+19; valid: a number from 0 to 1e12, as in a scenario's decision rule"},
		{"past the limit, named", 1, []float64{1, math.Nextafter(1e12, 2e12)}, []string{"a", "de"}, "the weight of de is 1.0000000000000001e+12; valid: a number from 0 to 1e12"},
		{"negative", 1, []float64{-1, 2}, nil, "weight 1 is -1; valid: a number from 0 to 1e12"},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := answer.NewPowerRequest()
			req.Quota, req.Weights, req.Names = c.quota, c.weights, c.names
			_, err := Power(context.Background(), nil, req)
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("err = %v; want %q", err, c.msg)
			}
		})
	}
	req := answer.NewPowerRequest()
	req.Quota, req.Weights = 1.5e12, []float64{1e12, 1e12}
	p, err := Power(context.Background(), nil, req)
	if err != nil {
		t.Fatal(err)
	}
	if g := p.Games[0]; !g.Exact || g.Players[0].Shapley != 0.5 || g.Players[1].Shapley != 0.5 || len(g.Veto) != 2 {
		t.Errorf("at the limit: %+v", g)
	}
}

// TestPowerNoRuleMessage: a scenario none of whose issues states a
// decision rule is refused as an argument error whose message the web
// page recognises (web/src/advise.ts noDecisionRule: /^no issue of .*
// states a decision rule/) to offer an ad-hoc game instead; any other
// error it shows as an error.
func TestPowerNoRuleMessage(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Power(context.Background(), c, answer.NewPowerRequest())
	if errs.CodeOf(err) != errs.Argument || !regexp.MustCompile(`^no issue of .* states a decision rule`).MatchString(err.Error()) {
		t.Fatalf("power on a case without rules: %v (code %s)", err, errs.CodeOf(err))
	}
	// It names what would be valid as both doors spell it, with an
	// example: the flags --quota and --weights, the fields quota and
	// weights.
	for _, want := range []string{"--quota 3 --weights 2,1,1", `{"quota": 3, "weights": [2, 1, 1]}`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the message %q lacks %q", err, want)
		}
	}
	var req answer.PowerRequest
	if err := json.Unmarshal([]byte(`{"quota": 3, "weights": [2, 1, 1]}`), &req); err != nil || req.Quota != 3 || len(req.Weights) != 3 {
		t.Errorf("the message's example is not a power request's JSON: %v, %+v", err, req)
	}
}

// lateVoterCase states a qmv rule on x, [quota; n 3, s 2, w 1], where w
// is an actor only the variant w-joins adds.
const lateVoterCase = `
metadata: {id: late, title: Late voter, as_of: 2025-01-01}
issues:
  - id: x
    name: X
    decision: {rule: qmv, weights: {n: 3, s: 2, w: 1}, quota: QUOTA}
actors:
  - {id: n, name: North, capability: 1, capability_assumed: t}
  - {id: s, name: South, capability: 1, capability_assumed: t}
stances:
  - {actor: n, issue: x, position: 20, salience: 1, assumed: test}
  - {actor: s, issue: x, position: 80, salience: 1, assumed: test}
variants:
  - id: w-joins
    name: West joins
    add_actors:
      - {id: w, name: West, capability: 1, capability_assumed: t}
    stances:
      - {actor: w, issue: x, position: 50, salience: 1, assumed: test}
`

// A rule may name a voter that only a variant adds (docs/format.md:
// absent at a target, it does not vote). Every question at the base
// used to fail, the resolved scenario's check calling that voter
// unknown. At the base, [4; 3, 2] gives North and South ½ each and a
// veto each; with the variant, [4; 3, 2, 1] gives North 2/3 (the
// orders in which North's vote completes 4: 4 of 6) and South and West
// 1/6 each. With a quota of 6 the base's voters weigh 5 in all: no
// coalition wins, which is said, not refused as a bad quota.
func TestRuleWithALateVoter(t *testing.T) {
	load := func(quota string) *Input {
		t.Helper()
		in, err := Load("late.yaml", []byte(strings.Replace(lateVoterCase, "QUOTA", quota, 1)), LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	shapley := func(in *Input, variant string) (map[string]float64, []string) {
		t.Helper()
		c, err := in.Case(answer.Target{Snapshot: "latest", Variant: variant})
		if err != nil {
			t.Fatalf("variant %q: %v", variant, err)
		}
		if _, err := Forecast(context.Background(), c, answer.NewForecastRequest(), nil); err != nil {
			t.Fatalf("variant %q: forecast: %v", variant, err)
		}
		p, err := Power(context.Background(), c, answer.NewPowerRequest())
		if err != nil {
			t.Fatalf("variant %q: power: %v", variant, err)
		}
		out := map[string]float64{}
		for _, g := range p.Games {
			for _, pl := range g.Players {
				out[pl.ID] = pl.Shapley
			}
		}
		return out, p.Warnings
	}
	in := load("4")
	for variant, want := range map[string]map[string]float64{
		"":        {"n": 0.5, "s": 0.5},
		"w-joins": {"n": 2.0 / 3, "s": 1.0 / 6, "w": 1.0 / 6},
	} {
		got, _ := shapley(in, variant)
		if len(got) != len(want) {
			t.Errorf("variant %q: players %v, want %v", variant, got, want)
		}
		for id, w := range want {
			if math.Abs(got[id]-w) > 1e-15 {
				t.Errorf("variant %q: %s φ = %v, want %v", variant, id, got[id], w)
			}
		}
	}
	got, warn := shapley(load("6"), "")
	want := "x: its qmv rule cannot pass at this snapshot and variant: the voters present (n, s) weigh 5 in all, short of the quota 6, so no coalition wins and no voter has power"
	if len(got) != 0 || len(warn) != 1 || warn[0] != want {
		t.Errorf("quota 6 at the base: players %v, warnings %q; want none and %q", got, warn, want)
	}
}
