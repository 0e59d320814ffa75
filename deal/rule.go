package deal

import (
	"fmt"
	"slices"

	"parley/model"
	"parley/scenario"
)

// Rule is an issue's decision rule as a weighted voting game: a package
// passes on the issue when the voters who accept it weigh at least Quota
// (scenario.Decision). Unanimity gives every voter a veto.
type Rule struct {
	// Issue is the issue's index.
	Issue int
	// Rule is unanimity, qmv or majority.
	Rule string
	// Voters are actor indices and Weights their votes.
	Voters  []int
	Weights []float64
	Quota   float64
}

// RuleVerdict is whether a package passes one issue's decision rule.
type RuleVerdict struct {
	Issue string  `json:"issue"`
	Rule  string  `json:"rule"`
	Quota float64 `json:"quota"`
	// For is the weight of the voters who accept; Total all the voters'.
	For   float64 `json:"for"`
	Total float64 `json:"total"`
	// Passes is true when For ≥ Quota.
	Passes bool `json:"passes"`
	// Against lists the voters who do not accept.
	Against []string `json:"against,omitempty"`
}

// rulesFrom reads the decision rules of the scenario's issues, one per
// issue that states one (voters absent from the problem left out).
func rulesFrom(s *scenario.Scenario, p *model.Problem) []Rule {
	var out []Rule
	for k, is := range p.Issues {
		si := s.Issue(is.ID)
		if si == nil || si.Decision == nil {
			continue
		}
		ids, ws, q := si.Decision.Game(s)
		r := Rule{Issue: k, Rule: si.Decision.Rule, Quota: q}
		for j, id := range ids {
			if i := p.ActorIndex(id); i >= 0 {
				r.Voters = append(r.Voters, i)
				r.Weights = append(r.Weights, ws[j])
			}
		}
		out = append(out, r)
	}
	return out
}

// applyRules decides ev.Accepted by the decision rules when the input has
// any: the package must pass every issue's rule, and on the issues with
// no rule every required actor must accept (the default, unanimity of
// the required). Blockers become the required actors who refuse on an
// issue without a rule, and the voters against a rule that fails.
func applyRules(in *Input, ev *Evaluation, required []int) {
	if len(in.Rules) == 0 {
		return
	}
	p := in.Problem
	ruled := map[int]bool{}
	blockers := []string{}
	block := func(id string) {
		if !slices.Contains(blockers, id) {
			blockers = append(blockers, id)
		}
	}
	ev.Accepted = true
	for _, r := range in.Rules {
		ruled[r.Issue] = true
		rv := RuleVerdict{Issue: p.Issues[r.Issue].ID, Rule: r.Rule, Quota: r.Quota}
		for j, i := range r.Voters {
			rv.Total += r.Weights[j]
			if ev.Actors[i].Accepts {
				rv.For += r.Weights[j]
			} else {
				rv.Against = append(rv.Against, p.Actors[i].ID)
			}
		}
		rv.Passes = rv.For >= r.Quota
		if !rv.Passes {
			ev.Accepted = false
			for _, id := range rv.Against {
				block(id)
			}
		}
		ev.Rules = append(ev.Rules, rv)
	}
	if len(ruled) < len(p.Issues) {
		for _, i := range required {
			if !ev.Actors[i].Accepts {
				ev.Accepted = false
				block(p.Actors[i].ID)
			}
		}
	}
	ev.Blockers = blockers
	if len(ev.Blockers) == 0 {
		ev.Blockers = nil
	}
}

// RulesNote says, for a search, that the zone of agreement ignores the
// decision rules; "" when the input has none.
func (in *Input) RulesNote() string {
	if len(in.Rules) == 0 {
		return ""
	}
	return fmt.Sprintf("%d issue(s) state a decision rule: deal evaluate honours it (a package passes when the accepting voters reach the quota), but deal search still asks every required actor to accept", len(in.Rules))
}
