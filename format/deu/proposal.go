package deu

import "parley/scenario"

// ProposalScenario builds the scenario of the proposal that is belongs to:
// every issue of issues.csv with the same proposal_id (in file order) that
// at least one actor weighs (so that the models can), is itself always,
// and the union of their actors (an actor without a row on an issue has
// no stance on it). Models that link issues, such as logrolling models,
// need this view; on one-issue models it gives the same forecasts as
// Scenario. An issue with no proposal_id, or whose proposal's issues span
// several regimes, gets its one-issue Scenario.
func (d *Dataset) ProposalScenario(is Issue) *scenario.Scenario {
	if is.ProposalID == "" {
		return d.Scenario(is)
	}
	var members []Issue
	for _, o := range d.Issues {
		if o.ProposalID != is.ProposalID {
			continue
		}
		if o.Regime != is.Regime {
			return d.Scenario(is)
		}
		if o.ID == is.ID || d.weighs(o) {
			members = append(members, o)
		}
	}
	s := d.newScenario(is.ProposalID, is)
	seen := map[string]bool{}
	for _, o := range members {
		d.addIssue(s, o, seen)
	}
	return s
}

// ProposalCases is Cases with each case's Scenario built by
// ProposalScenario, so every issue is forecast together with the other
// issues of its proposal.
func (d *Dataset) ProposalCases() (cases []Case, skipped []string) {
	return d.cases(d.ProposalScenario)
}
