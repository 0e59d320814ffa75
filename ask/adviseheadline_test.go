package ask

import (
	"context"
	"math"
	"testing"

	"parley/answer"
)

// With draws, advise ranks an issue's levers, and so picks the one its
// sentence headlines, by what holds over the draws (leverBefore): those
// whose mean over the draws brings the forecast closer first, then by how
// many draws each brings it closer in. On the built-in case Russia's
// levers on the ceasefire under bdm at the stated values put persuading
// the United States to care more first (65.00 closer, from a knife-edge:
// it helps in 20% of 200 draws); over the draws persuading the European
// Commission to move from 75.0 to 70.0 helps most often (56%, by 2.79 on
// average), and the sentence says so with its count of draws.
func TestAdviseDrawsRankHeadline(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewAdviseRequest()
	req.Actor, req.Model, req.Issue, req.Draws = "russia", "bdm", "ceasefire", 200
	a, err := Advise(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	ia := a.Issues[0]
	for j := 1; j < len(ia.Levers); j++ {
		if leverBefore(ia.Levers[j], ia.Levers[j-1], a.Draws) {
			t.Errorf("lever %d (%s %s) ranks after lever %d (%s %s), yet holds better over the draws", j+1, ia.Levers[j].Kind, ia.Levers[j].Actor, j, ia.Levers[j-1].Kind, ia.Levers[j-1].Actor)
		}
	}
	top := ia.Levers[0]
	if top.Kind != answer.LeverPersuadePosition || top.Actor != "european-commission" || top.Helps == nil || math.Round(100**top.Helps) != 56 {
		t.Fatalf("top lever %s %s (helps %v), want persuading the European Commission, helping in 56%% of draws", top.Kind, top.Actor, top.Helps)
	}
	const want = "The forecast 75.0 lies 65.0 from Russia's position 10.0. Over the 200 draws the lever that most often brings it closer is persuading European Commission to move from 75.0 to 70.0: it does in 112 of 200 draws (56%, 95% interval 49–63%), by 2.79 on average (5.00 closer at the stated values)."
	if ia.Text != want {
		t.Errorf("text\n%q\nwant\n%q", ia.Text, want)
	}
}

// adviceText with draws says how often the headline lever helps, and
// calls it fragile when that is in fewer than half the draws it ran in
// (hand-made numbers: 40 of 200, mean 4.2, 65 at the stated values),
// with Wilson's 95% interval of its share (40 of 200: 15.0–26.1%; 120 of
// 160: 67.8–81.1%; 67 of 100: 57.3–75.4%; 112 of 200: 49.1–62.7%); a
// lever that failed in some draws is counted over the others; and when
// no lever's mean brings the forecast closer it says so.
func TestAdviceTextDraws(t *testing.T) {
	h20, m20 := 0.2, 4.2
	ia := answer.IssueAdvice{Forecast: 75, Distance: 65, Position: 10, Settled: true, Levers: []answer.Lever{
		{Kind: answer.LeverPersuadeSalience, Name: "United States", From: 0.7, To: 0.75, Toward: 65, MeanToward: &m20, Helps: &h20},
	}}
	want := "The forecast 75.0 lies 65.0 from Russia's position 10.0. Over the 200 draws the lever that most often brings it closer is persuading United States to raise its salience from 0.70 to 0.75: it does in 40 of 200 draws (20%, 95% interval 15–26%), by 4.20 on average (65.00 closer at the stated values); fragile: in most draws it does not."
	if got := adviceText(&answer.Scenario{}, "Russia", ia, 200); got != want {
		t.Errorf("fragile:\n%q\nwant\n%q", got, want)
	}
	h75 := 0.75
	ia.Levers[0].Helps, ia.Levers[0].FailedDraws = &h75, 40 // 120 of the 160 it ran in
	want = "The forecast 75.0 lies 65.0 from Russia's position 10.0. Over the 200 draws the lever that most often brings it closer is persuading United States to raise its salience from 0.70 to 0.75: it does in 120 of the 160 draws it ran in (75%, 95% interval 68–81%), by 4.20 on average (65.00 closer at the stated values)."
	if got := adviceText(&answer.Scenario{}, "Russia", ia, 200); got != want {
		t.Errorf("failed draws:\n%q\nwant\n%q", got, want)
	}
	neg := -1.0
	ia.Levers[0].MeanToward = &neg
	want = "The forecast 75.0 lies 65.0 from Russia's position 10.0. Over the 200 draws no lever of one step brings it closer on average."
	if got := adviceText(&answer.Scenario{}, "Russia", ia, 200); got != want {
		t.Errorf("none:\n%q\nwant\n%q", got, want)
	}
}

// A lever headlined over the draws that moves the forecast away at the
// stated values says so: "farther", not "-66.33 closer".
func TestAdviceTextDrawsFarther(t *testing.T) {
	h, m := 0.67, 2.23
	ia := answer.IssueAdvice{Forecast: 75, Distance: 65, Position: 10, Settled: true, Levers: []answer.Lever{
		{Kind: answer.LeverPersuadePosition, Name: "Ukraine", From: 95, To: 90, Toward: -66.33, MeanToward: &m, Helps: &h},
	}}
	want := "The forecast 75.0 lies 65.0 from Russia's position 10.0. Over the 100 draws the lever that most often brings it closer is persuading Ukraine to move from 95.0 to 90.0: it does in 67 of 100 draws (67%, 95% interval 57–75%), by 2.23 on average (66.33 farther at the stated values)."
	if got := adviceText(&answer.Scenario{}, "Russia", ia, 100); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
