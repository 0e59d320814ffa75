package ask

import (
	"fmt"

	"parley/answer"
	"parley/deal"
	"parley/model"
)

// redLines are the stated red lines a model's forecasts cross: for
// each issue in order, each actor whose red line on it the forecast lies
// outside (deal.Crosses, the test deal's verdicts apply), named with the
// red line as the file writes it ("Dockworkers' Union's red line (Wage
// rise >= 4)"). Of a forecast that did not settle it judges the range
// it kept moving in: all of it crossing, or part of it (Partly). No
// model reads red lines, so a forecast may well cross one; the answer
// says so beside it (RedLines, and a note each), at every door. Nil
// when no actor states a red line.
func (c *Case) redLines(issues []answer.IssueForecast) []answer.RedLineCrossing {
	stated := false
	for _, a := range c.Resolved.Actors {
		stated = stated || len(a.RedLines) > 0
	}
	if !stated {
		return nil
	}
	din, err := deal.FromScenario(c.Resolved, c.problem)
	if err != nil {
		// validation parsed every red line; a case built otherwise has
		// no notes of them rather than an answer refused
		return nil
	}
	p := c.problem
	var out []answer.RedLineCrossing
	for _, f := range issues {
		k := c.Header.IssueIndex(f.Issue)
		if k < 0 {
			continue
		}
		is, d := p.Issues[k], c.Header.IssueDecimals(f.Issue)
		for i, rl := range din.RedLines {
			r, ok := rl[k]
			if !ok {
				continue
			}
			x := answer.RedLineCrossing{Issue: f.Issue, Actor: p.Actors[i].ID,
				RedLine: fmt.Sprintf("%s's red line (%s %s)", actorName(p.Actors[i]), model.NameOr(is.Name, is.ID), r.String())}
			switch {
			case f.Range != nil:
				lo, hi := deal.Crosses(r, f.Range.Lo), deal.Crosses(r, f.Range.Hi)
				// both ends outside, and on one side of what it allows
				all := lo && hi && !(f.Range.Lo <= r.Lo && f.Range.Hi >= r.Hi)
				if !all && !lo && !hi {
					continue
				}
				x.At, x.Partly = RangeJoin(fixed(f.Range.Lo, d), fixed(f.Range.Hi, d)), !all
			case f.Forecast.Finite() && deal.Crosses(r, float64(f.Forecast)):
				x.At = fixed(float64(f.Forecast), d)
			default:
				continue
			}
			out = append(out, x)
		}
	}
	return out
}
