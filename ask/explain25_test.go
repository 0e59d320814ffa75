package ask

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/answer"
	"parley/model"
	"parley/model/catalog"
)

// The review's case (testdata/nile-review-ext.yaml: Ethiopia's
// capability 1e12, Sudan's 1e-9) on disputes: Ethiopia (at 20, s 0.5)
// loses a conflict to Sudan (at 100, s 0.9) in round 1. By hand, E9R
// with Δ = 80 (the spread of 20, 90, 100) and only Ethiopia's votes
// counting (Egypt's weight 24 and Sudan's 9e-10 are 5e-11 and 2e-21 of
// Ethiopia's 5e11): Ethiopia's ṽ on a pair is w[f(b) − f(a)] with f(x)
// = (|20 − x|/80)^r, f = 0, (70/80)^r, 1 at 20, 90, 100; D sums |ṽ| over
// the six ordered pairs, w·2(f90 + 1 + (1 − f90)) = 4w, and Ethiopia's
// challenge of Sudan gets w·1, so P_ij = 1/4; Sudan's of Ethiopia none,
// P_ji ≈ 0. Then E10 at Ethiopia's r with d = 1 (U_s = 2, U_f = −2,
// U_sq = 2 − 4·0.5^r) gives a = s_j(4P − 2) + 2(1 − s_j) − U_sq and b
// likewise with s_i and P_ji: the move's X and Y. The sentence says what
// decided it: the targets' resistance s(1 − P), 0.9 × 0.75 against 0.5.
func TestExplainBDMMoveCarriesPAndR(t *testing.T) {
	c := testdataCase(t, "nile-review-ext.yaml")
	ie := explain(t, c, "bdm", "disputes").Issues[0]
	if len(ie.Rounds) == 0 {
		t.Fatal("no rounds")
	}
	var mv *answer.BDMMove
	for n := range ie.Rounds[0].Moves {
		if m := &ie.Rounds[0].Moves[n]; m.Actor == "ethiopia" && m.With == "sudan" {
			mv = m
		}
	}
	if mv == nil || mv.Kind != "conflict" || mv.P == nil || mv.PWith == nil {
		t.Fatalf("round 1: no conflict of Ethiopia with Sudan carrying P: %+v", ie.Rounds[0].Moves)
	}
	if math.Abs(*mv.P-0.25) > 1e-9 || *mv.PWith < 0 || *mv.PWith > 1e-9 {
		t.Errorf("P_ij %v, P_ji %v; want 1/4 and ≈ 0 (E9R by hand)", *mv.P, *mv.PWith)
	}
	var risk float64
	for _, a := range ie.Rounds[0].Actors {
		if a.Actor == "ethiopia" {
			risk = a.Risk
		}
	}
	if mv.Risk != risk || mv.Risk < 0.5 || mv.Risk > 2 || mv.Salience != 0.5 || mv.SalienceWith != 0.9 {
		t.Errorf("r %v (round's %v), s %v and %v; want r in [0.5, 2], s 0.5 and 0.9", mv.Risk, risk, mv.Salience, mv.SalienceWith)
	}
	usq := 2 - 4*math.Pow(0.5, mv.Risk)
	a := mv.SalienceWith*(4**mv.P-2) + 2*(1-mv.SalienceWith) - usq
	b := mv.Salience*(4**mv.PWith-2) + 2*(1-mv.Salience) - usq
	if math.Abs(a-mv.X) > 1e-9 || math.Abs(b-mv.Y) > 1e-9 {
		t.Errorf("E10 by hand a %v b %v; the move's %v %v", a, b, mv.X, mv.Y)
	}
	for _, w := range []string{"What decided it (E10, at Ethiopia's risk exponent r = ", "Sudan resists Ethiopia's with 0.900 × (1 − 0.250) = 0.675",
		"Ethiopia resists Sudan's with 0.500 × (1 − ", ") = 0.500, so Sudan's challenge is worth more", "E9R keeps every P at or below one half",
		"Sudan's greater salience outweighs Ethiopia's greater chance of winning"} {
		if !strings.Contains(mv.Why, w) {
			t.Errorf("no %q in %q", w, mv.Why)
		}
	}
	// every challenge carries its P, and the move's is its challenge's
	for _, ch := range ie.Rounds[0].Challenges {
		if ch.P == nil || ch.POther == nil || *ch.P < 0 || *ch.P > 0.5 {
			t.Errorf("challenge %s→%s: P %v (E9R keeps it in [0, 1/2])", ch.Actor, ch.Other, ch.P)
		}
		if ch.Actor == "ethiopia" && ch.Other == "sudan" && *ch.P != *mv.P {
			t.Errorf("challenge's P %v, move's %v", *ch.P, *mv.P)
		}
	}
}

// The review's case (testdata/nile-review.yaml) on disputes with ks:
// weights capability × salience Egypt 40 × 0.6 = 24, Ethiopia 45 × 0.5 =
// 22.5, Sudan 15 × 0.9 = 13.5, so Sudan's weight relative to the
// heaviest's is 13.5/24 = 0.5625. Its share of its best feasible gain at
// the forecast f, from the status quo 0 (r = 100) and its best feasible
// point 40 (the top of F = [0, 40]), is (1 − (f − 100)²/100²)/(1 −
// 60²/100²), and per unit of weight that over 0.5625. The sentence shows
// the division, and no column or sentence calls 40 an "ideal".
func TestExplainKSPerWeight(t *testing.T) {
	c := testdataCase(t, "nile-review.yaml")
	ie := explain(t, c, "ks", "disputes").Issues[0]
	f := float64(ie.Forecast)
	p := pullOf(t, ie, "sudan")
	if p.RelativeWeight == nil || p.PerWeight == nil || p.Ideal == nil || *p.Ideal != 40 {
		t.Fatalf("sudan: %+v", p)
	}
	ratio := (1 - (f-100)*(f-100)/1e4) / (1 - 0.36)
	if math.Abs(*p.RelativeWeight-0.5625) > 1e-12 || math.Abs(*p.PerWeight-ratio/0.5625) > 1e-9 {
		t.Errorf("ŵ %v, per weight %v; want 0.5625, %v", *p.RelativeWeight, *p.PerWeight, ratio/0.5625)
	}
	for _, q := range ie.Pulls {
		if q.Binding && math.Abs(*q.PerWeight-ie.KS.Level) > 1e-7 {
			t.Errorf("%s binds at %v per unit of weight, level %v", q.Actor, *q.PerWeight, ie.KS.Level)
		}
	}
	for _, w := range []string{"Sudan 80% ÷ weight 0.562 = " + PerWeightText(*p.PerWeight), "its utopia point, in Kalai and Smorodinsky's terms"} {
		if !strings.Contains(ie.Text, w) {
			t.Errorf("no %q in %q", w, ie.Text)
		}
	}
	if strings.Contains(strings.ToLower(ie.Text), "ideal") {
		t.Errorf("the sentence calls a point an ideal: %q", ie.Text)
	}
}

// Every model explain covers opens its explanation with its citation
// (model.Cited): the papers its Summary ends with, which `parley models`
// prints (one source), the equations of its package doc, and a section
// of docs/models.md that exists.
func TestExplainCitesPaperAndEquations(t *testing.T) {
	c := testdataCase(t, "nile-review.yaml")
	doc, err := os.ReadFile(filepath.Join("..", "docs", "models.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range answer.ExplainModels {
		m, err := catalog.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		cm, ok := m.(model.Cited)
		if !ok {
			t.Fatalf("%s cites no paper", name)
		}
		ct := cm.Cite()
		e := explain(t, c, name, "disputes")
		if e.CitationText == "" || e.CitationText != CitationText(m, ct) {
			t.Errorf("%s: citation %q", name, e.CitationText)
		}
		if ct.Papers != "" && (!strings.Contains(m.Summary(), ct.Papers) || !strings.Contains(e.CitationText, "Source: "+ct.Papers+".")) {
			t.Errorf("%s: papers %q not the summary's (%q) or not cited: %q", name, ct.Papers, m.Summary(), e.CitationText)
		}
		if ct.Equations == "" || !strings.Contains(e.CitationText, ct.Equations) {
			t.Errorf("%s: no equations in %q", name, e.CitationText)
		}
		if !strings.Contains(string(doc), "\n## "+ct.Section+"\n") {
			t.Errorf("%s: docs/models.md has no section %q", name, ct.Section)
		}
	}
	for name, want := range map[string]string{
		"compromise": "Source: Achen 2006; Thomson et al. 2006. This explanation rests on package compromise's equations (1) x* = Σᵢ cᵢsᵢxᵢ / Σᵢ cᵢsᵢ. See docs/models.md, section “compromise — the weighted mean”.",
		"bdm":        "Source: Bueno de Mesquita 1994, ch. 4; Scholz, Calbert & Smith 2011. This explanation rests on package bdm's equations (E9R) P",
		"bdm-paper":  "package bdm's equations (E9) P",
	} {
		if got := explain(t, c, name, "disputes").CitationText; !strings.HasPrefix(got, want) && !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
