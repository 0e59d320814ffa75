package ask

import (
	"html/template"
	"strings"
	"testing"

	"parley/sweep"
)

// The brief writes an option's share of the sweep's draws with its
// Wilson interval, as parley sweep's table writes P(nearest)
// (ProbabilityText). On a sweep of 20 draws landing 9 nearest A, 3
// nearest B, 5 nearest C and 3 nearest D, with the lead forecast midway
// between B and C (nearest both), A is favoured in 9 of 20 draws and the
// forecast's nearest, B and C, take 8 of 20 together. By hand, with
// z = 1.959964, z² = 3.841459, 1 + z²/20 = 1.192073:
//
//	8/20: centre (0.4 + 0.096036)/1.192073 = 0.416113,
//	      half 1.644163 · √(0.4·0.6/20 + 3.841459/1600) = 1.644163 · 0.120004 = 0.197306,
//	      [0.218807, 0.613419] → "40% (22–61%)";
//	9/20: centre (0.45 + 0.096036)/1.192073 = 0.458056,
//	      half 1.644163 · √(0.45·0.55/20 + 0.002401) = 1.644163 · 0.121555 = 0.199858,
//	      [0.258198, 0.657915] → "45% (26–66%)".
//
// (The nearest options' interval is of their draws together, 8 of 20,
// not of either's alone.)
func TestBriefFavouredInterval(t *testing.T) {
	bands := []sweep.Band{
		{Label: "A", Value: 10, P: 9.0 / 20}, {Label: "B", Value: 20, P: 3.0 / 20},
		{Label: "C", Value: 30, P: 5.0 / 20}, {Label: "D", Value: 40, P: 3.0 / 20},
	}
	f := favoured(bands, []float64{20, 30}, 20)
	if f.Label != "A" || f.Tie {
		t.Fatalf("favoured %+v, want A alone", f)
	}
	if got := ProbabilityText(f.P, f.Interval); got != "45% (26–66%)" {
		t.Errorf("A's share %q, want 45%% (26–66%%)", got)
	}
	if got := ProbabilityText(f.NearestP, f.NearestInterval); got != "40% (22–61%)" {
		t.Errorf("the nearest options' share %q, want 40%% (22–61%%)", got)
	}
}

// On the built-in case's ceasefire 740 of the sweep's 1000 draws land
// nearest 55 and 260 nearest 40, the point's nearest (parley sweep's
// P(nearest) 74% (71–77%) and 26% (23–29%)). By hand, with
// 1 + z²/1000 = 1.003841: the centre of 740/1000 is (0.74 +
// 0.001921)/1.003841 = 0.739082, the half-width 1.952464 · √(0.74·0.26/1000
// + 3.841459/4·10⁶) = 1.952464 · 0.013905 = 0.027150, so [0.711932,
// 0.766231]; 260/1000 mirrors it, [0.233769, 0.288068]. The brief wrote
// "(74%)" and "(26%)", with no interval.
func TestBriefOptionChanceHasInterval(t *testing.T) {
	b := builtInBrief(t)
	const favoured = "30-day ceasefire on Russia's conditions (Ukraine stops mobilising and rearming; foreign aid and intelligence stop)"
	const nearest = "Partial ceasefires: “peace in the sky” (missiles, bombs, long-range drones) and “silence at sea”"
	for _, bd := range b.Sweep.Models[0].Issues[0].Bands {
		if bd.Value == 55 {
			if got := ProbabilityText(bd.P, bd.PInterval); got != "74% (71–77%)" {
				t.Fatalf("the sweep's P(nearest 55) reads %q, want 74%% (71–77%%)", got)
			}
		}
	}
	md, html := renderBrief(t, b)
	legend := "each probability is a share of 1,000 draws; in parentheses, its " + LevelText + " interval (Wilson's score interval)"
	for _, want := range []string{
		"| " + nearest + ", in 26% of draws (23–29%); the draws land nearest " + favoured + " more often, in 74% of draws (71–77%) |",
		legend,
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the Markdown brief does not say\n%s", want)
		}
	}
	for _, want := range []string{
		template.HTMLEscapeString(nearest) + `<span class="small">, in 26% of draws (23–29%); the draws land nearest ` + template.HTMLEscapeString(favoured) + ` more often, in 74% of draws (71–77%)</span>`,
		template.HTMLEscapeString(legend),
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the HTML brief does not say\n%s", want)
		}
	}
}
