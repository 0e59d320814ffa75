package deal

import (
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"parley/scenario"
)

// qmvCase: one issue on 0–100, no status quo, reservations as the
// alternatives. By equation (1) with ρ = 1, U_i(x) = 1 − |x − x_i|/100:
//
//	a at 30, reservation 0.80: accepts [10, 50]
//	b at  0, reservation 0.75: accepts [0, 25]
//	c at 60, reservation 0.80: accepts [40, 80]
//
// The rule is [3; a 2, b 1, c 1]: a and either of b, c (Shapley–Shubik
// (2/3, 1/6, 1/6)); a is the veto player.
func qmvCase(rules ...Rule) *Input {
	return &Input{Problem: problem([]float64{1, 1, 1}, [][]float64{{30}, {0}, {60}}, [][]float64{{1}, {1}, {1}}),
		Reservation: []float64{0.8, 0.75, 0.8}, Rules: rules}
}

var (
	qmv3       = Rule{Rule: "qmv", Voters: []int{0, 1, 2}, Weights: []float64{2, 1, 1}, Quota: 3}
	unanimity3 = Rule{Rule: "unanimity", Voters: []int{0, 1, 2}, Weights: []float64{1, 1, 1}, Quota: 3}
)

// TestSearchQMVHand derives the zone by hand.
//
// Unanimity: b and c share no value (b ≤ 25 < 40 ≤ c). The margin (5)
// balances g_b = 0.25 − x/100 against g_c = x/100 − 0.4 at x = 32.5: both
// −0.075 (g_a = 0.175), so the zone is empty and b and c block.
//
// QMV: the minimal winning coalitions are {a, b} and {a, c}; the zone is
// [10, 25] ∪ [40, 50], larger than unanimity's (empty). {a, b}: g_a =
// x/100 − 0.1 and g_b meet at x = 17.5, margin 0.075; {a, c}: g_a = 0.5 −
// x/100 and g_c meet at 45, margin 0.05. So the margin is 0.075 at the
// balanced 17.5. With equal capabilities each coalition's Nash package
// is its balanced one, with Nash products (geometric means) 0.075 and
// 0.05: the Nash package is {a, b}'s, 17.5, carried by a and b against c.
// The range is the hull 10–50, the gap 25–40 noted.
func TestSearchQMVHand(t *testing.T) {
	un, err := Search(qmvCase(unanimity3), Options{Samples: 6})
	if err != nil {
		t.Fatal(err)
	}
	if un.Open || !near(un.Margin, -0.075, 1e-7) || !slices.Equal(un.Blockers, []string{"b", "c"}) || !slices.Equal(un.Veto, []string{"a", "b", "c"}) {
		t.Errorf("unanimity: open %v margin %v blockers %v veto %v; want closed, −0.075, [b c], [a b c]", un.Open, un.Margin, un.Blockers, un.Veto)
	}
	if un.Balanced != nil || un.Concession == nil {
		t.Errorf("unanimity: balanced %v concession %v", un.Balanced, un.Concession)
	}

	res, err := Search(qmvCase(qmv3), Options{Samples: 6})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Open || !near(res.Margin, 0.075, 1e-7) || !near(res.MarginBound, 0.075, 1e-6) {
		t.Fatalf("qmv: open %v margin %v bound %v; want open, 0.075", res.Open, res.Margin, res.MarginBound)
	}
	if !near(res.Balanced.Values[0], 17.5, 1e-4) || !near(res.Nash.Values[0], 17.5, 1e-4) || !near(res.NashProduct, 0.075, 1e-7) {
		t.Errorf("qmv: balanced %v nash %v product %v; want 17.5, 17.5, 0.075", res.Balanced.Values, res.Nash.Values, res.NashProduct)
	}
	if len(res.Ranges) != 1 || !near(res.Ranges[0].Lo, 10, 1e-5) || !near(res.Ranges[0].Hi, 50, 1e-5) {
		t.Errorf("qmv ranges %+v, want 10–50", res.Ranges)
	}
	if len(res.Coalitions) != 2 || !slices.Equal(res.Coalitions[0].Actors, []string{"a", "b"}) || !slices.Equal(res.Coalitions[1].Actors, []string{"a", "c"}) {
		t.Fatalf("coalitions %+v, want {a b} {a c}", res.Coalitions)
	}
	want := [][3]float64{{0.075, 10, 25}, {0.05, 40, 50}}
	for j, c := range res.Coalitions {
		if !c.Open || !near(c.Margin, want[j][0], 1e-7) || !near(c.Ranges[0].Lo, want[j][1], 1e-5) || !near(c.Ranges[0].Hi, want[j][2], 1e-5) {
			t.Errorf("coalition %v: %+v, want margin %v range %v–%v", c.Actors, c, want[j][0], want[j][1], want[j][2])
		}
	}
	if !slices.Equal(res.Veto, []string{"a"}) || res.Blockers != nil {
		t.Errorf("veto %v blockers %v, want [a] none", res.Veto, res.Blockers)
	}
	if len(res.Rules) != 1 || !slices.Equal(res.Rules[0].Veto, []string{"a"}) || len(res.Rules[0].Minimal) != 2 {
		t.Errorf("rules %+v", res.Rules)
	}
	r := res.Nash.Rules
	if len(r) != 1 || !r[0].Passes || r[0].For != 3 || !slices.Equal(r[0].Coalition, []string{"a", "b"}) || !slices.Equal(r[0].Against, []string{"c"}) {
		t.Errorf("Nash package's rule verdict %+v, want carried by a, b against c", r)
	}
	joined := strings.Join(res.Notes, "\n")
	for _, s := range []string{"decision rules decide", "i1 by qmv (quota 3 of 4; veto a)", "no package in the zone takes a value in 25", "{a, b}, {a, c}"} {
		if !strings.Contains(joined, s) {
			t.Errorf("notes lack %q:\n%s", s, joined)
		}
	}
	// The sample takes both coalitions' packages in turn.
	var inAB, inAC int
	for _, pk := range res.Sample {
		switch x := pk.Values[0]; {
		case x >= 10-1e-9 && x <= 25+1e-9:
			inAB++
		case x >= 40-1e-9 && x <= 50+1e-9:
			inAC++
		default:
			t.Errorf("sample %v lies outside the zone", x)
		}
	}
	if inAB != 3 || inAC != 3 {
		t.Errorf("sample: %d in {a,b}'s zone and %d in {a,c}'s, want 3 and 3", inAB, inAC)
	}
	// deal evaluate agrees on a grid: exactly [10, 25] ∪ [40, 50] passes.
	for x := 0.0; x <= 100; x += 0.5 {
		ev, err := Evaluate(qmvCase(qmv3), []float64{x}, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if in := (x >= 10 && x <= 25) || (x >= 40 && x <= 50); ev.Accepted != in {
			t.Errorf("evaluate %v: accepted %v, want %v", x, ev.Accepted, in)
		}
	}
}

// TestSearchUnanimityReproduces: unanimity of every actor on every issue
// asks what the search without rules asks, and gets the same answer to
// the last bit — on the hand case and on random problems with red lines
// (open and closed zones) — the rule's own reporting aside.
func TestSearchUnanimityReproduces(t *testing.T) {
	ins := []*Input{qmvCase()}
	for seed := uint64(1); seed <= 6; seed++ {
		in := random(seed, 3+int(seed%2), 2, 0.3+0.1*float64(seed), 0.95)
		if seed%3 == 0 {
			in.RedLines = make([]map[int]scenario.RedLine, len(in.Problem.Actors))
			in.RedLines[0] = map[int]scenario.RedLine{0: redLine(t, "<= 60")}
		}
		ins = append(ins, in)
	}
	closed := 0
	for n, in := range ins {
		plain, err := Search(in, Options{Samples: 3})
		if err != nil {
			t.Fatal(err)
		}
		ruled := *in
		for k := range in.Problem.Issues {
			r := unanimity3
			r.Issue = k
			r.Voters, r.Weights = nil, nil
			for i := range in.Problem.Actors {
				r.Voters, r.Weights = append(r.Voters, i), append(r.Weights, 1)
			}
			r.Quota = float64(len(in.Problem.Actors))
			ruled.Rules = append(ruled.Rules, r)
		}
		got, err := Search(&ruled, Options{Samples: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Coalitions) != 1 || len(got.Veto) != len(in.Problem.Actors) || !strings.HasPrefix(got.Notes[0], "decision rules decide") {
			t.Errorf("case %d: coalitions %+v veto %v notes %v", n, got.Coalitions, got.Veto, got.Notes)
		}
		// Strip what only the rules add (and the words for the test,
		// which name the rules), then compare the JSON.
		if want := "it passes every issue's decision rule ("; !strings.HasPrefix(got.Acceptance, want) {
			t.Errorf("case %d: acceptance %q, want %q…", n, got.Acceptance, want)
		}
		got.Acceptance = plain.Acceptance
		got.Rules, got.Coalitions, got.Veto, got.Notes = nil, nil, nil, got.Notes[1:]
		if len(got.Notes) == 0 {
			got.Notes = nil
		}
		for _, pk := range got.Packages() {
			if len(pk.Rules) != len(in.Problem.Issues) {
				t.Errorf("case %d: package %s has %d rule verdicts", n, pk.Label, len(pk.Rules))
			}
			pk.Rules = nil
		}
		a, _ := json.Marshal(plain)
		b, _ := json.Marshal(got)
		if string(a) != string(b) {
			t.Errorf("case %d: unanimity differs from the plain search:\nplain %s\nrules %s", n, a, b)
		}
		if n == 0 && plain.Open {
			t.Errorf("hand case open without rules")
		}
		if !plain.Open {
			closed++
		}
	}
	if closed < 2 || closed == len(ins) {
		t.Errorf("%d of %d cases closed: want both kinds", closed, len(ins))
	}
}

// randomRules gives a random problem random rules: per issue (but for
// the issues in none) unanimity (1 in 6), majority (1 in 3) or qmv (1 in
// 2) with weights 0–3 and a quota between a quarter and three quarters
// of their total, over a random set of voters.
func randomRules(rng *rand.Rand, in *Input, none ...int) {
	n := len(in.Problem.Actors)
	for k := range in.Problem.Issues {
		kind := []int{1, 2, 2, 3, 3, 3}[rng.IntN(6)]
		if slices.Contains(none, k) {
			continue
		}
		r := Rule{Issue: k}
		for i := 0; i < n; i++ {
			if rng.IntN(4) > 0 || i == 0 {
				r.Voters = append(r.Voters, i)
			}
		}
		total := 0.0
		for range r.Voters {
			w := 1.0
			if kind == 3 {
				w = float64(rng.IntN(4))
			}
			r.Weights = append(r.Weights, w)
			total += w
		}
		switch kind {
		case 1:
			r.Rule, r.Quota = "unanimity", total
		case 2:
			r.Rule, r.Quota = "majority", math.Floor(total/2)+1
		default:
			r.Rule = "qmv"
			r.Quota = math.Max(1, math.Ceil(total*(0.25+0.5*rng.Float64())))
			if total == 0 {
				r.Weights[0], r.Quota = 1, 1
			}
		}
		in.Rules = append(in.Rules, r)
	}
}

// TestSearchAgreesWithEvaluate: on 60 random problems (3–4 actors, 2
// issues, random rules and reservations, some red lines and required
// sets), every package search returns passes deal evaluate, with the
// same rule verdicts; and every package of a 41 × 41 grid that evaluate
// accepts lies in the zone search reports: the zone is open, and the
// package lies within the ranges (to 1e-6 of the scale) of an open
// coalition whose members all accept it.
func TestSearchAgreesWithEvaluate(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 2))
	opened, passedGrid, ruledSeen, multi := 0, 0, 0, 0
	for seed := uint64(1); seed <= 60; seed++ {
		n := 3 + int(seed%2)
		in := random(seed, n, 2, 0.3+0.4*rng.Float64(), 0.95)
		o := Options{Samples: 4}
		if seed%5 == 0 {
			// Issue 2 without a rule: a and b must accept it.
			o.Require = []string{"a", "b"}
			randomRules(rng, in, 1)
		} else {
			randomRules(rng, in)
		}
		if seed%4 == 0 {
			in.RedLines = make([]map[int]scenario.RedLine, n)
			in.RedLines[1] = map[int]scenario.RedLine{1: redLine(t, ">= 30")}
		}
		if len(in.Rules) > 0 {
			ruledSeen++
		}
		res, err := Search(in, o)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if res.Open {
			opened++
		}
		if len(res.Coalitions) > 1 {
			multi++
		}
		for _, pk := range res.Packages() {
			ev, err := Evaluate(in, pk.Values, nil, o)
			if err != nil {
				t.Fatal(err)
			}
			if res.Open && !strings.HasPrefix(pk.Label, "opened by") && !ev.Accepted {
				t.Errorf("seed %d: search's package %s %v fails evaluate (blockers %v)", seed, pk.Label, pk.Values, ev.Blockers)
			}
			a, _ := json.Marshal(pk.Rules)
			b, _ := json.Marshal(ev.Rules)
			if string(a) != string(b) {
				t.Errorf("seed %d: package %s rules %s, evaluate %s", seed, pk.Label, a, b)
			}
		}
		for x := 0.0; x <= 100; x += 2.5 {
			for y := 0.0; y <= 100; y += 2.5 {
				v := []float64{x, y}
				ev, err := Evaluate(in, v, nil, o)
				if err != nil {
					t.Fatal(err)
				}
				if !ev.Accepted {
					continue
				}
				passedGrid++
				if !res.Open {
					t.Errorf("seed %d: evaluate accepts %v but search finds the zone closed", seed, v)
					continue
				}
				if !inZone(res, ev, v) {
					t.Errorf("seed %d: evaluate accepts %v, which lies in no open coalition's ranges %+v", seed, v, res.Coalitions)
				}
			}
		}
	}
	t.Logf("%d of 60 zones open, %d with rules, %d with several coalitions; %d grid packages accepted", opened, ruledSeen, multi, passedGrid)
	if opened < 20 || opened > 55 || ruledSeen < 60 || multi < 15 || passedGrid < 1000 {
		t.Errorf("the random cases test too little: %d open, %d with rules, %d with several coalitions, %d grid packages accepted", opened, ruledSeen, multi, passedGrid)
	}
}

// inZone reports whether the package v, which evaluate accepted with
// verdicts ev, lies in the zone res reports: in the ranges of some open
// coalition whose members all accept it (or, without rules, in the
// zone's ranges).
func inZone(res *Result, ev *Evaluation, v []float64) bool {
	within := func(rs []Range) bool {
		for k, r := range rs {
			if v[k] < r.Lo-1e-4 || v[k] > r.Hi+1e-4 {
				return false
			}
		}
		return true
	}
	if res.Coalitions == nil {
		return within(res.Ranges)
	}
	if !within(res.Ranges) {
		return false
	}
	accepts := map[string]bool{}
	for _, a := range ev.Actors {
		accepts[a.Actor] = a.Accepts
	}
	for _, c := range res.Coalitions {
		all := c.Open
		for _, id := range c.Actors {
			all = all && accepts[id]
		}
		if all && within(c.Ranges) {
			return true
		}
	}
	return false
}

// TestSearchCoalitionLimit: the EU-15 Council's QMV (829 minimal winning
// coalitions) is searched, every coalition explored, with no veto player
// (every member can be outvoted); a simple majority of 21 voters has
// C(21,11) = 352,716 minimal winning coalitions, more than search
// explores: it refuses, naming the issue and the limit.
func TestSearchCoalitionLimit(t *testing.T) {
	w := []float64{10, 10, 10, 10, 8, 5, 5, 5, 5, 4, 4, 3, 3, 3, 2}
	caps := make([]float64, len(w))
	pos, sal := make([][]float64, len(w)), make([][]float64, len(w))
	r := Rule{Rule: "qmv", Weights: w, Quota: 62}
	for i := range w {
		caps[i], pos[i], sal[i] = 1, []float64{float64(5 * i)}, []float64{1}
		r.Voters = append(r.Voters, i)
	}
	res, err := Search(&Input{Problem: problem(caps, pos, sal), Rules: []Rule{r}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Coalitions) != 829 || len(res.Veto) != 0 {
		t.Errorf("EU-15: %d coalitions, veto %v; want 829, none", len(res.Coalitions), res.Veto)
	}
	n := 21
	caps, pos, sal = make([]float64, n), make([][]float64, n), make([][]float64, n)
	maj := Rule{Rule: "majority", Quota: 11}
	for i := range n {
		caps[i], pos[i], sal[i] = 1, []float64{float64(4 * i)}, []float64{1}
		maj.Voters, maj.Weights = append(maj.Voters, i), append(maj.Weights, 1)
	}
	_, err = Search(&Input{Problem: problem(caps, pos, sal), Rules: []Rule{maj}}, Options{})
	if err == nil || !strings.Contains(err.Error(), "issue i1") || !strings.Contains(err.Error(), "more than 1024 minimal winning coalitions") {
		t.Errorf("21-voter majority: error %v", err)
	}
}

// TestSearchDeadRule: a qmv rule whose voters present cannot reach the
// quota (a voter removed by a variant still counts in it) passes no
// package: the zone is closed and says why, with no concession to make.
func TestSearchDeadRule(t *testing.T) {
	dead := Rule{Rule: "qmv", Voters: []int{0, 1}, Weights: []float64{1, 1}, Quota: 3}
	res, err := Search(qmvCase(dead), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Open || res.Concession != nil || !strings.Contains(res.Summary, "issue i1's qmv rule cannot pass: its voters present weigh 2 in all, short of the quota 3") {
		t.Errorf("open %v concession %v summary %q", res.Open, res.Concession, res.Summary)
	}
	b, err := json.Marshal(res)
	if err != nil || !strings.Contains(string(b), `"margin":null`) {
		t.Errorf("json %s: %v", b, err)
	}
	ev, _ := Evaluate(qmvCase(dead), []float64{20}, nil, Options{})
	if ev.Accepted {
		t.Error("evaluate accepts under a rule that cannot pass")
	}
}

// TestRobustHonoursRules: with nothing ranged every draw is the stated
// case, so the robust analysis's probabilities are the stated verdicts:
// under the qmv rule the package 17.5 passes in every draw and a zone
// exists in every draw; under unanimity neither ever (qmvCase).
func TestRobustHonoursRules(t *testing.T) {
	ro := RobustOptions{Draws: 8, Seed: 1}
	for _, c := range []struct {
		rule Rule
		p    float64
	}{{qmv3, 1}, {unanimity3, 0}} {
		ev, err := RobustEvaluate(context.Background(), qmvCase(c.rule), []float64{17.5}, Options{}, ro)
		if err != nil {
			t.Fatal(err)
		}
		stated, err := Search(qmvCase(c.rule), Options{})
		if err != nil {
			t.Fatal(err)
		}
		rs, err := RobustSearch(context.Background(), qmvCase(c.rule), stated, Options{}, ro)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Accepted != c.p || *rs.Zone != c.p {
			t.Errorf("%s: P(accepted) %v, P(zone) %v; want %v", c.rule.Rule, ev.Accepted, *rs.Zone, c.p)
		}
		if c.p == 1 && (rs.Best == nil || rs.Accepted != 1) {
			t.Errorf("%s: best %+v with P %v", c.rule.Rule, rs.Best, rs.Accepted)
		}
	}
}

// TestProposalHonoursRules: a proposal is judged by the same test as any
// package: 17.5 passes the qmv rule, carried by a and b, although c
// refuses (qmvCase), and fails unanimity, blocked by c.
func TestProposalHonoursRules(t *testing.T) {
	for _, c := range []struct {
		rule     Rule
		accepted bool
		blockers []string
	}{{qmv3, true, nil}, {unanimity3, false, []string{"c"}}} {
		pe, err := EvaluateProposal(qmvCase(c.rule), map[string]float64{"i1": 17.5}, nil, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if pe.Accepted != c.accepted || !slices.Equal(pe.Blockers, c.blockers) || len(pe.Rules) != 1 || !slices.Equal(pe.Rules[0].Coalition, []string{"a", "b"}) {
			t.Errorf("%s: accepted %v blockers %v rules %+v; want %v %v, carried by a, b", c.rule.Rule, pe.Accepted, pe.Blockers, pe.Rules, c.accepted, c.blockers)
		}
	}
}

// TestSearchNoConsentNeeded: unanimity among no voters (a variant removed
// them all) needs no one's consent: every package passes, and search says
// so — open, each issue's range its whole scale, the margin null (no one
// to measure), no non-finite number in the JSON.
func TestSearchNoConsentNeeded(t *testing.T) {
	in := qmvCase(Rule{Rule: "unanimity", Weights: []float64{}, Quota: 0})
	res, err := Search(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Open || len(res.Ranges) != 1 || res.Ranges[0].Lo != 0 || res.Ranges[0].Hi != 100 || !strings.Contains(res.Summary, "no rule needs anyone's consent") {
		t.Errorf("open %v ranges %+v summary %q", res.Open, res.Ranges, res.Summary)
	}
	b, err := json.Marshal(res)
	if err != nil || !strings.Contains(string(b), `"margin":null`) || !strings.Contains(string(b), `"minimal_winning":[[]]`) {
		t.Errorf("json %s: %v", b, err)
	}
	for _, x := range []float64{0, 37, 100} {
		if ev, _ := Evaluate(in, []float64{x}, nil, Options{}); !ev.Accepted {
			t.Errorf("evaluate refuses %v", x)
		}
	}
}
