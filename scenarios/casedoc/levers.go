package main

import (
	"context"
	"fmt"
	"strings"

	"parley/answer"
	"parley/ask"
)

// leverActors, leverModel and leverTop select the levers shown per issue:
// each actor's leverTop strongest levers on the model's forecast at
// sensDate.
var (
	leverActors = []string{"ukraine", "russia"}
	leverModel  = "compromise"
	leverTop    = 3
)

// runLevers renders, per issue, Ukraine's and Russia's strongest levers
// (parley advise) at sensDate: what would move the compromise forecast
// toward each, one step of 5% of the scale at a time, and in what share
// of the Monte Carlo draws each lever helps.
func runLevers(ctx context.Context, in *ask.Input, draws int) (map[string]string, error) {
	c, err := in.Case(answer.Target{Snapshot: sensDate})
	if err != nil {
		return nil, err
	}
	draws = min(draws, answer.MaxAdviseDraws)
	rows := map[string][]string{}
	for _, actor := range leverActors {
		req := answer.NewAdviseRequest()
		req.Actor, req.Model, req.Draws, req.Seed = actor, leverModel, draws, seed
		a, err := ask.Advise(ctx, c, req, nil)
		if err != nil {
			return nil, err
		}
		for _, ia := range a.Issues {
			n := 0
			for _, lv := range ia.Levers {
				if n == leverTop || !(lv.Toward > 0) {
					break
				}
				helps := ask.NoNumber
				if lv.Helps != nil {
					helps = ask.Chance(*lv.Helps)
				}
				rows[ia.Issue] = append(rows[ia.Issue], fmt.Sprintf("| %s (at %g) | %s | %+.2f | %s | %+.4f |",
					a.Name, ia.Position, ask.LeverText(&a.Scenario, lv), float64(lv.Toward), helps, float64(lv.Gain)))
				n++
			}
			if n == 0 {
				rows[ia.Issue] = append(rows[ia.Issue], fmt.Sprintf("| %s (at %g) | no lever of one step brings the forecast closer | | | |", a.Name, ia.Position))
			}
		}
	}
	out := map[string]string{}
	for id, rs := range rows {
		var b strings.Builder
		fmt.Fprintf(&b, "### Levers\n\nWhat would move the %s forecast at %s toward Ukraine and toward Russia, one step (5%% of the scale; 0.05 of salience) at a time, strongest first: how much closer the forecast comes, the share of %s draws of the stated ranges in which the lever helps, and the actor's utility gain (`parley advise ukraine --issue %s --snapshot %s --draws %d`; docs/models.md, \"What would move it\").\n\n",
			leverModel, sensDate, ask.Grouped(draws), id, sensDate, draws)
		b.WriteString("| actor | lever | closer by | helps | utility gain |\n|---|---|---:|---:|---:|\n")
		b.WriteString(strings.Join(rs, "\n") + "\n")
		out[id] = b.String()
	}
	return out, nil
}
