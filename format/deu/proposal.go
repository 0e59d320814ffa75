package deu

import (
	"parley/model"
	"parley/skill"
)

// ProposalProblem builds the Problem of the proposal that is belongs to:
// every issue of issues.csv with the same proposal_id (in file order) that
// at least one actor weighs (so Problem.Check can pass), and the union of
// their actors (an actor without a row on an issue is absent from it).
// Models that link issues, such as logrolling models, need this view; on
// one-issue models it gives the same forecasts as Problem. An issue with
// no proposal_id, or whose proposal's issues span several regimes, gets
// its one-issue Problem.
func (d *Dataset) ProposalProblem(is Issue) *model.Problem {
	if is.ProposalID == "" {
		return d.Problem(is)
	}
	var members []Issue
	for _, o := range d.Issues {
		if o.ProposalID != is.ProposalID {
			continue
		}
		if o.Regime != is.Regime {
			return d.Problem(is)
		}
		if o.ID == is.ID || d.weighs(o.ID) {
			members = append(members, o)
		}
	}
	p := &model.Problem{}
	row := map[string]int{}
	for k, o := range members {
		one := d.Problem(o)
		p.Issues = append(p.Issues, one.Issues[0])
		for i, a := range one.Actors {
			r, ok := row[a.ID]
			if !ok {
				r = len(p.Actors)
				row[a.ID] = r
				p.Actors = append(p.Actors, a)
				p.Stances = append(p.Stances, make([]model.Stance, len(members)))
			}
			p.Stances[r][k] = one.Stances[i][0]
		}
	}
	return p
}

// weighs reports whether some actor has positive salience on issue id
// (every capability is positive).
func (d *Dataset) weighs(id string) bool {
	for _, in := range d.Inputs[id] {
		if in.HasSalience && in.Salience > 0 {
			return true
		}
	}
	return false
}

// ProposalCases is Cases with each case's Problem built by
// ProposalProblem, so every issue is forecast together with the other
// issues of its proposal.
func (d *Dataset) ProposalCases() (cases []skill.Case, skipped []string) {
	cases, skipped = d.Cases()
	byID := map[string]Issue{}
	for _, is := range d.Issues {
		byID[is.ID] = is
	}
	for j := range cases {
		cases[j].Problem = d.ProposalProblem(byID[cases[j].ID])
	}
	return cases, skipped
}
