package ask

import (
	"fmt"

	"parley/answer"
	"parley/deal"
	"parley/model"
)

// redLineNotes are a model's notes on the red lines its forecasts cross:
// for each issue in order, each actor whose red line on it the forecast
// lies outside (deal.Crosses, the test deal's verdicts apply), named with
// the red line as the file writes it: "wage: 2.0 crosses Dockworkers'
// Union's red line (Wage rise >= 4)". Of a forecast that did not settle
// it judges the range it kept moving in: "3.3–3.8 crosses …" when all of
// it does, "3.3–4.2 partly crosses …" when some of it does. No model
// reads red lines, so a forecast may well cross one; the note says so
// beside it, at every door. Nil when no actor states a red line.
func (c *Case) redLineNotes(issues []answer.IssueForecast) []string {
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
	var out []string
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
			what := fmt.Sprintf("%s's red line (%s %s)", actorName(p.Actors[i]), model.NameOr(is.Name, is.ID), r.String())
			switch {
			case f.Range != nil:
				lo, hi := deal.Crosses(r, f.Range.Lo), deal.Crosses(r, f.Range.Hi)
				// both ends outside, and on one side of what it allows
				all := lo && hi && !(f.Range.Lo <= r.Lo && f.Range.Hi >= r.Hi)
				rng := RangeJoin(fixed(f.Range.Lo, d), fixed(f.Range.Hi, d))
				if all {
					out = append(out, fmt.Sprintf("%s: %s crosses %s", f.Issue, rng, what))
				} else if lo || hi {
					out = append(out, fmt.Sprintf("%s: %s partly crosses %s", f.Issue, rng, what))
				}
			case f.Forecast.Finite() && deal.Crosses(r, float64(f.Forecast)):
				out = append(out, fmt.Sprintf("%s: %s crosses %s", f.Issue, fixed(float64(f.Forecast), d), what))
			}
		}
	}
	return out
}
