package ask

import (
	"context"
	"os"
	"strings"
	"testing"
)

// The brief says whether a deal exists, in deal search's words: its
// summary and its line on the zone; when the zone is open, the Nash
// package; when red lines contradict, the way out deal search's plans
// take, alone or together. It never said: a client's headline answer
// was missing. Each expected text is what parley deal search printed of
// the case, its numbers checked by hand:
//
//   - port.yaml, the reviewer's port case (alternatives at the reference
//     package term 30, fee 4, jobs 0, shore 0; utility 1 − Σ salience
//     share × distance / scale). The shipping lines are served worst: at
//     the reference they are 5/30, 2/20, 40/100 and 20/100 of each scale
//     from their positions (35, 2, 40, 20), at saliences 30, 70, 20, 60 of
//     180: utility 1 − (5 + 7 + 8 + 12)/180 = 0.822. The zone's package
//     best for them (its table's row: 35, 6, 70, 20) meets the City's red
//     line fee >= 6 and the union's jobs >= 70 and their term and shore
//     power: distances 0, 4/20, 30/100, 0, utility 1 − (14 + 6)/180 =
//     0.889, a gain of 12/180 = 0.067. No package in the zone betters it
//     for them (the two red lines hold their losses on fee and jobs to 14
//     and 6 at least), and every other actor gains more there (deal
//     evaluate: 0.140 or more): the largest smallest gain is 0.067.
//   - port-conflict.yaml, the same with the operator's red line jobs
//     <= 75 and the union's >= 85, which contradict. The union (capability
//     40 of 80 + 60 + 40 + 35 + 30 + 15 = 260: share 0.1538, shown 0.15)
//     crosses 10 points of 0–100 to 75: 0.1538 × 10.0% = 1.5% of scale;
//     at its position 100 with jobs 100 of its saliences' 150, it gives up
//     (25 − 15)/100 × 100/150 = 0.067 utility, weighted 0.067 × 0.1538 =
//     0.0103. The operator's way out (share 60/260 × 10.0% = 2.3%)
//     costs more.
//   - wage.yaml, whose zone is empty for want of gains, not of red lines.
//   - ../cli/testdata/contradict-three.yaml: no one of Alpha (<= 20),
//     Beta ([40, 60]) and Gamma (>= 80) can give way alone; Alpha and
//     Beta together at 80 cross 60 and 20 points at shares 1/7 and 2/7:
//     (60 + 40)/7 = 14.3% of scale, utility (0.6 + 0.4)/7 = 0.1429, the
//     least of the three pairs (dealways22). The brief said nothing of it:
//     it looked only at the ways alone.
//   - contradict-beside.yaml: Beta (share 10/12) could give way alone at
//     60 (16.7%), but Alpha and Gamma together at 40 (20 and 10 points at
//     1/12 each: 30/12 = 2.5%, utility (0.2 + 0.1)/12 = 0.0250) cost less
//     and both plans take theirs. The brief showed Beta's as "One way
//     out", the plans' way not being among the ways alone.
func TestBriefSaysWhetherADealExists(t *testing.T) {
	port, err := os.ReadFile("testdata/port.yaml")
	if err != nil {
		t.Fatal(err)
	}
	wage, err := os.ReadFile("testdata/wage.yaml")
	if err != nil {
		t.Fatal(err)
	}
	conflict, err := os.ReadFile("testdata/port-conflict.yaml")
	if err != nil {
		t.Fatal(err)
	}
	three, err := os.ReadFile("../cli/testdata/contradict-three.yaml")
	if err != nil {
		t.Fatal(err)
	}
	beside, err := os.ReadFile("testdata/contradict-beside.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, doc, want string }{
		{"port.yaml", string(port), "## Is there a deal?\n\n" +
			"Agreement is possible: some package gives every required actor at least its alternative and crosses none of their red lines (at best, the actor worst served gains 0.067). " +
			"Zone of agreement: OPEN. Largest smallest gain 0.067 (certified ≤ 0.067). " +
			"Nash package: Concession term 35.0; City revenue share 6.0; Jobs guarantee 70.0; Shore power 25.3.\n\n## Proposals on the table"},
		{"port-conflict.yaml", string(conflict), "## Is there a deal?\n\n" +
			"No agreement is possible as things stand: the required actors' red lines on Jobs guarantee leave no value (Harbour Terminals consortium needs it at 75 or below; Dockworkers' union needs it at 85 or above). " +
			"The way out deal search's plans take: Dockworkers' union crosses its red line (Jobs guarantee at 85 or above) to accept it at 75 or above (moves 10.0 points); its utility falls by 0.067 (on 0–1) from Jobs guarantee at 85.0, its red line's edge, to 75.0, and it no longer refuses “80: 720 jobs”. " +
			"Weighted cost 1.5% of scale (capability share 0.15 × 10.0% crossed; 0.0103 utility); unweighted, 10.0% of scale. " +
			// The consortium's capability 80 against the union's 60, both
			// assumed: 1.50 times, under AssumedRatio (closecall26).
			"The runner-up, Harbour Terminals consortium's way out, costs 1.50 times as much, and it rests on assumed inputs (Harbour Terminals consortium's capability, Harbour Terminals consortium's red line on Jobs guarantee, Dockworkers' union's capability and Dockworkers' union's red line on Jobs guarantee); --fix jobs=85 searches it.\n\n## Proposals on the table"},
		{"wage.yaml", string(wage), "## Is there a deal?\n\n" +
			"No agreement is possible as things stand: no package gives every required actor at least its alternative; even the package that serves the worst-served actor best leaves Port Authority by 0.029, Shipping Lines by 0.029 short. " +
			"Zone of agreement: EMPTY. Largest smallest gain -0.029 (certified ≤ -0.029).\n\n## Proposals on the table"},
		{"contradict-three.yaml", string(three), "## Is there a deal?\n\n" +
			"No agreement is possible as things stand: the required actors' red lines on P leave no value (Alpha needs it at 20 or below; Beta needs it between 40 and 60; Gamma needs it at 80 or above). " +
			"The way out deal search's plans take: Alpha crosses its red line (P at 20 or below) to accept it at 80 or below (moves 60.0 points); its utility falls by 0.600 (on 0–1) from P at 20.0, its red line's edge, to 80.0; " +
			"Beta crosses its red line (P between 40 and 60) to accept it between 40 and 80 (moves 20.0 points); its utility falls by 0.200 (on 0–1) from P at 60.0, its red line's edge, to 80.0. " +
			"Weighted cost 14.3% of scale (Alpha's capability share 0.14 × 60.0% crossed + Beta's 0.29 × 20.0%; 0.1429 utility); unweighted, 80.0% of scale. " +
			// Alpha and Gamma at 60 cost 1/7 × 40% + 4/7 × 20% = 17.1%,
			// 1.20 times: within CloseRatio (closecall26).
			"A close call: Alpha and Gamma's way out costs 1.20 times as much, but capabilities a tenth off would reverse it and it rests on assumed inputs (Alpha's capability, Alpha's red line on P, Beta's capability, Beta's red line on P, Gamma's capability and Gamma's red line on P); --fix p=60 searches it.\n\n"},
		{"contradict-beside.yaml", string(beside), "## Is there a deal?\n\n" +
			"No agreement is possible as things stand: the required actors' red lines on P leave no value (Alpha needs it at 60 or above; Beta needs it at 40 or below; Gamma needs it at 50 or above). " +
			"The way out deal search's plans take: Alpha crosses its red line (P at 60 or above) to accept it at 40 or above (moves 20.0 points); its utility falls by 0.200 (on 0–1) from P at 60.0, its red line's edge, to 40.0; " +
			"Gamma crosses its red line (P at 50 or above) to accept it at 40 or above (moves 10.0 points); its utility falls by 0.100 (on 0–1) from P at 50.0, its red line's edge, to 40.0. " +
			"Weighted cost 2.5% of scale (Alpha's capability share 0.08 × 20.0% crossed + Gamma's 0.08 × 10.0%; 0.0250 utility); unweighted, 30.0% of scale.\n\n"},
	} {
		b, err := MakeBrief(context.Background(), loadCase(t, c.name, c.doc))
		if err != nil {
			t.Fatal(err)
		}
		md, err := RenderBrief(context.Background(), b, "md")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(md), c.want) {
			t.Errorf("%s: the brief lacks\n%s\nin:\n%s", c.name, c.want, md)
		}
		page, err := RenderBrief(context.Background(), b, "html")
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range []string{b.Zone.Zone, b.Zone.WayOut, b.Zone.WayOutClose} {
			if part := htmlEscaper.Replace(part); !strings.Contains(string(page), part) {
				t.Errorf("%s: the html brief lacks %q", c.name, part)
			}
		}
	}
}

// htmlEscaper escapes as html/template does in text ("+" too).
var htmlEscaper = strings.NewReplacer("+", "&#43;", "'", "&#39;", "<", "&lt;", ">", "&gt;", "&", "&amp;", `"`, "&#34;")
