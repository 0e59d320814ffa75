package ask

import (
	"context"
	"fmt"
	"math"
	"strings"

	"parley/answer"
	"parley/errs"
	"parley/power"
	"parley/scenario"
)

// Power measures each voter's a priori power (Shapley–Shubik and
// Banzhaf, package power) under the decision rule of each issue that
// states one, or of the issue the request names; or, when the request
// gives weights, in that ad-hoc game (c may then be nil and is not read).
func Power(ctx context.Context, c *Case, req answer.PowerRequest) (*answer.Power, error) {
	if err := checkPower(&req); err != nil {
		return nil, err
	}
	o := power.Options{Samples: req.Samples, Seed: req.Seed}
	out := &answer.Power{Request: req, Games: []answer.PowerGame{}, Warnings: []string{}}
	if len(req.Weights) > 0 {
		NormalisePower(&req)
		out.Request = req
		names := req.Names
		if len(names) == 0 {
			for i := range req.Weights {
				names = append(names, fmt.Sprintf("p%d", i+1))
			}
		}
		g, err := powerGame(ctx, power.Game{Quota: req.Quota, Weights: req.Weights}, o, names, nil)
		if err != nil {
			return nil, err
		}
		g.Rule = "ad-hoc"
		out.Games = append(out.Games, *g)
		return out, nil
	}
	if c == nil {
		return nil, errs.New(errs.Argument, "power: no scenario and no weights; valid: a scenario whose issues state a decision rule, or quota and weights")
	}
	req.Target = c.target()
	out.Request = req
	h := c.Header
	out.Scenario = &h
	var ruled []string
	for _, is := range c.Resolved.Issues {
		if is.Decision != nil {
			ruled = append(ruled, is.ID)
		}
	}
	if req.Issue != "" {
		is := c.Resolved.Issue(req.Issue)
		switch {
		case is == nil:
			return nil, errs.Field("issue", "issue %q: no such issue%s", req.Issue, errs.Choices(req.Issue, issueIDs(c)))
		case is.Decision == nil:
			return nil, errs.Field("issue", "issue %q states no decision rule; valid: %s", req.Issue, validRuled(ruled))
		}
	} else if len(ruled) == 0 {
		return nil, errs.New(errs.Argument, "no issue of %s states a decision rule; valid: a decision on an issue (docs/format.md), or an ad-hoc game's quota and weights instead (the same names on the command line and in the API: parley power --quota 3 --weights 2,1,1; {\"quota\": 3, \"weights\": [2, 1, 1]})", c.Header.ID)
	}
	for _, is := range c.Resolved.Issues {
		if is.Decision == nil || (req.Issue != "" && is.ID != req.Issue) {
			continue
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		ids, ws, q := is.Decision.Game(c.Resolved)
		if len(ids) == 0 {
			out.Warnings = append(out.Warnings, fmt.Sprintf("%s: no voter of its %s rule is in the scenario at this snapshot and variant", is.ID, is.Decision.Rule))
			continue
		}
		// The file's check saw the quota reached by every voter the
		// scenario has at any snapshot or variant; at this one some may
		// be absent (they do not vote), and then no coalition passes:
		// said, not refused as a bad quota.
		total := 0.0
		for _, w := range ws {
			total += w
		}
		if q > total {
			out.Warnings = append(out.Warnings, fmt.Sprintf("%s: its qmv rule cannot pass at this snapshot and variant: the voters present (%s) weigh %v in all, short of the quota %v, so no coalition wins and no voter has power", is.ID, strings.Join(ids, ", "), total, q))
			continue
		}
		g, err := powerGame(ctx, power.Game{Quota: q, Weights: ws}, o, ids, c.Resolved)
		if err != nil {
			return nil, fmt.Errorf("issue %s: %w", is.ID, err)
		}
		g.Issue, g.Name, g.Rule = is.ID, is.Name, is.Decision.Rule
		out.Games = append(out.Games, *g)
	}
	return out, nil
}

// NormalisePower rewrites req as Power's answer echoes it, so that a
// server stores one request (and one input hash) for one question
// whichever door it came in by, within a request or as a job: an ad-hoc
// game (weights given) reads no scenario, so its target is cleared
// ("snapshot": "", the documented echo). A request on a scenario's rules
// is left as it is: its target is resolved against the case.
func NormalisePower(req *answer.PowerRequest) {
	if len(req.Weights) > 0 {
		req.Target = answer.Target{}
	}
}

func validRuled(ruled []string) string {
	if len(ruled) == 0 {
		return "none of the issues states one"
	}
	return "an issue with a rule: " + strings.Join(ruled, ", ")
}

// powerGame computes one game and names its players.
func powerGame(ctx context.Context, g power.Game, o power.Options, ids []string, s *scenario.Scenario) (*answer.PowerGame, error) {
	r, err := power.Compute(ctx, g, o)
	if err != nil {
		return nil, err
	}
	out := &answer.PowerGame{Quota: g.Quota, Exact: r.Exact, Samples: r.Samples, Method: r.Note, Players: []answer.PowerPlayer{}, Veto: []string{}}
	for i, w := range g.Weights {
		out.Total += w
		pl := answer.PowerPlayer{ID: ids[i], Weight: w, Shapley: r.Shapley[i], Banzhaf: answer.Num(r.Banzhaf[i]), BanzhafAbs: r.BanzhafAbs[i]}
		if s != nil {
			if a := s.Actor(ids[i]); a != nil && a.Name != "" {
				pl.Name = a.Name
			}
		}
		if r.Exact {
			sw := r.Swings[i]
			pl.Swings = &sw
		} else {
			// NaN (never seen: no standard error) is null, with the
			// bound beside it.
			pl.ShapleySE, pl.BanzhafSE, pl.BanzhafAbsSE = known(r.ShapleySE[i]), known(r.BanzhafSE[i]), known(r.BanzhafAbsSE[i])
			if pl.ShapleySE == nil {
				pl.ShapleyBelow = known(r.Below)
			}
			if pl.BanzhafAbsSE == nil {
				pl.BanzhafAbsBelow = known(r.Below)
			}
		}
		out.Players = append(out.Players, pl)
	}
	for _, i := range r.Veto {
		out.Players[i].Veto = true
		out.Veto = append(out.Veto, ids[i])
	}
	for _, i := range r.Dummies {
		out.Players[i].Dummy = true
		out.Dummies = append(out.Dummies, ids[i])
	}
	if r.Exact && out.Dummies == nil {
		out.Dummies = []string{}
	}
	return out, nil
}

// known returns a pointer to x, or nil when x is NaN (undefined, or not
// known: JSON has no NaN).
func known(x float64) *float64 {
	if math.IsNaN(x) {
		return nil
	}
	return &x
}

// checkPower checks a power request's numbers.
func checkPower(req *answer.PowerRequest) error {
	if req.Samples <= 0 || req.Samples > answer.MaxPowerSamples {
		return errs.Field("samples", "samples %d: valid: 1 to %d", req.Samples, answer.MaxPowerSamples)
	}
	if len(req.Weights) == 0 {
		if req.Quota != 0 || len(req.Names) > 0 {
			return errs.New(errs.Argument, "power: a quota or names without weights; valid: give weights with them, or neither to use the issues' decision rules")
		}
		return nil
	}
	if len(req.Weights) > answer.MaxPowerPlayers {
		return errs.Field("weights", "%d weights; valid: at most %d players", len(req.Weights), answer.MaxPowerPlayers)
	}
	if len(req.Names) > 0 && len(req.Names) != len(req.Weights) {
		return errs.Field("names", "%d names for %d weights; valid: one name per weight", len(req.Names), len(req.Weights))
	}
	if req.Issue != "" {
		return errs.New(errs.Argument, "power: both an issue and weights; valid: one or the other")
	}
	seen := make(map[string]bool, len(req.Names))
	for i, name := range req.Names {
		switch {
		case name == "":
			return errs.Field(fmt.Sprintf("names[%d]", i), "weight %d has an empty name; valid: a name for every weight, or none", i+1)
		case seen[name]:
			return errs.Field(fmt.Sprintf("names[%d]", i), "voter %s named twice; valid: each voter once, with one weight", name)
		}
		seen[name] = true
	}
	// The same bound as a scenario's decision rule, so an ad-hoc game
	// reads the numbers a scenario would.
	for i, w := range req.Weights {
		if !scenario.IsWeight(w) {
			who := fmt.Sprintf("weight %d", i+1)
			if len(req.Names) > 0 {
				who = "the weight of " + req.Names[i]
			}
			return errs.Field(fmt.Sprintf("weights[%d]", i), "%s is %v; valid: %s, as in a scenario's decision rule", who, w, scenario.WeightValid)
		}
	}
	if math.IsNaN(req.Quota) || req.Quota <= 0 {
		return errs.Field("quota", "quota %v: valid: a number > 0 with the weights", req.Quota)
	}
	// The weights passed above, so what Check refuses is the quota (more
	// than all the weight).
	return errs.InField("quota", power.Game{Quota: req.Quota, Weights: req.Weights}.Check())
}
