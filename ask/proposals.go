package ask

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/scenario"
)

// DealProposals judges every proposal on the table at the case's snapshot
// and variant: each actor's verdict and why (a red line crossed, or its
// utility against its alternative), the issues each leaves open, and its
// distance from each model's forecast; with AllSnapshots, who accepted
// each proposal at the base and at every snapshot.
func DealProposals(ctx context.Context, c *Case, req answer.DealProposalsRequest) (*answer.DealProposals, error) {
	req.Target = c.target()
	batna := req.Batna
	set, err := c.checkProposals(&req)
	if err != nil {
		return nil, err
	}
	din, o, noDeal, warn, err := c.dealSetup(ctx, &req.DealRequest, set)
	if err != nil {
		return nil, err
	}
	forecasts, models, fwarn, err := c.dealForecasts(ctx, req.Target, req.Models, set)
	if err != nil {
		return nil, err
	}
	req.Models = models
	if len(c.Resolved.Proposals) > 0 {
		// A model's caveat about the distance from its forecast, where
		// there is a proposal to measure it from: with none, it only
		// buried the warning that there is none.
		warn = append(warn, fwarn...)
	}
	alts, err := deal.Alternatives(din, o)
	if err != nil {
		return nil, err
	}
	acc, err := deal.Acceptance(din, o)
	if err != nil {
		return nil, err
	}
	out := &answer.DealProposals{Scenario: c.Header, Request: req, NoDeal: noDeal, Alternatives: alts, Acceptance: acc, Proposals: []answer.ProposalVerdicts{}, Warnings: warn}
	out.AlternativesText = AlternativesLine(&out.Scenario, noDeal, alts)
	for _, pr := range c.Resolved.Proposals {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pv, err := c.judgeProposal(din, pr, forecasts, o)
		if err != nil {
			return nil, fmt.Errorf("proposal %s: %w", pr.ID, err)
		}
		pv.OpenRedLinesText = OpenRedLinesText(&c.Header, pv.Actors, noDeal)
		if pv.Error != "" {
			out.Warnings = append(out.Warnings, fmt.Sprintf("proposal %s could not be judged: %s", pr.ID, pv.Error))
		}
		out.Proposals = append(out.Proposals, *pv)
		if len(pv.Forecasts) > 0 {
			out.DistanceHead = ProposalsDistanceHead
		}
	}
	switch {
	case len(out.Proposals) > 0:
	case len(c.Input.Scenario.Proposals) == 0:
		out.Warnings = append(out.Warnings, "the scenario has no proposals: add them under proposals: (docs/format.md) to have them judged")
	default:
		out.Warnings = append(out.Warnings, fmt.Sprintf("no proposal is on the table as of %s (see the dates in the scenario's proposals:)", c.Resolved.Metadata.AsOf))
	}
	if !req.AllSnapshots {
		return out, nil
	}
	dates := append([]string{scenario.Base}, c.Input.Scenario.SnapshotDates()...)
	labels := map[string]string{}
	for _, sn := range c.Input.Scenario.Snapshots {
		labels[sn.Date] = sn.Label
	}
	for _, d := range dates {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cd, err := c.Input.Case(answer.Target{Snapshot: d, Variant: req.Variant})
		if err != nil {
			return nil, err
		}
		dr := req.DealRequest
		dr.Batna = batna
		din, o, snapNoDeal, sw, err := cd.dealSetup(ctx, &dr, set)
		if err != nil {
			return nil, fmt.Errorf("snapshot %s: %w", d, err)
		}
		for _, w := range sw {
			if !slices.Contains(warn, w) { // the target's own are said once
				out.Warnings = append(out.Warnings, "snapshot "+d+": "+w)
			}
		}
		ps := answer.ProposalSnapshot{Snapshot: d, Label: labels[d], Proposals: []answer.ProposalSupport{}}
		for _, pr := range cd.Resolved.Proposals {
			pv, err := cd.judgeProposal(din, pr, nil, o)
			if err != nil {
				return nil, fmt.Errorf("snapshot %s: proposal %s: %w", d, pr.ID, err)
			}
			sp := answer.ProposalSupport{ID: pv.ID, Name: cmp.Or(pv.Name, pv.ID), Accepted: pv.Accepted, Accepts: pv.Accepts, Rejects: pv.Rejects, Error: pv.Error}
			for _, v := range pv.Actors {
				if v.Defaulted {
					sp.Defaulted = append(sp.Defaulted, v.Actor)
				}
			}
			sp.Text, sp.OpenRedLinesText = SupportText(sp), OpenRedLinesText(&cd.Header, pv.Actors, snapNoDeal)
			ps.Proposals = append(ps.Proposals, sp)
		}
		out.Timeline = append(out.Timeline, ps)
	}
	out.TimelineNote, out.TimelineOpenRedLines = TimelineNote(out.Timeline), TimelineOpenRedLines(out.Timeline)
	return out, nil
}

// checkProposals is what DealProposals refuses before it runs a model,
// and CheckCase's check of its request: the models compared and the deal
// request (dealSettings). It returns the settings the question runs its
// models with.
func (c *Case) checkProposals(req *answer.DealProposalsRequest) (settings, error) {
	compared, err := comparedModels(req.Models)
	if err != nil {
		return settings{}, err
	}
	return c.dealSettings(&req.DealRequest, compared, proposalsHint)
}

// judgeProposal evaluates one proposal and says why each actor decides
// as it does. A proposal that cannot be judged as it stands (an issue it
// leaves open has no no-deal value: deal.ErrUnvalued) is returned with
// its Error set, so that one such proposal does not withhold the
// verdicts on the others, nor the brief that lists them. Any other error
// (a required actor not in the scenario, say) is the request's, and the
// answer's.
func (c *Case) judgeProposal(din *deal.Input, pr scenario.Proposal, forecasts []deal.Forecast, o deal.Options) (*answer.ProposalVerdicts, error) {
	pv := &answer.ProposalVerdicts{ID: pr.ID, Name: pr.Name, Description: pr.Description, Date: pr.Date, Withdrawn: pr.Withdrawn,
		Evidence: pr.Evidence, Assumed: pr.Assumed, Accepts: []string{}, Rejects: []string{},
		Package: []answer.ProposalValue{}, Actors: []answer.ProposalVerdict{}}
	for _, id := range pr.Proposers {
		pv.Proposers = append(pv.Proposers, c.actorID(id))
	}
	for k, is := range c.Header.Issues {
		x, ok := pr.Package[is.ID]
		if !ok {
			pv.Open = append(pv.Open, is.ID)
			continue
		}
		pv.Package = append(pv.Package, answer.ProposalValue{Issue: is.ID, Value: x, Option: optionLabel(c.Header.Nearest(k, x))})
	}
	pe, err := deal.EvaluateProposal(din, pr.Package, forecasts, o)
	if errors.Is(err, deal.ErrUnvalued) {
		pv.Error = err.Error()
		proposalTexts(&c.Header, pv)
		return pv, nil
	}
	if err != nil {
		return nil, err
	}
	pv.Accepted, pv.Rules, pv.Forecasts = pe.Accepted, pe.Rules, pe.Forecasts
	distanceTexts(pv.Forecasts)
	for j, vd := range pe.Actors {
		if vd.Accepts {
			pv.Accepts = append(pv.Accepts, vd.Actor)
		} else {
			pv.Rejects = append(pv.Rejects, vd.Actor)
		}
		verdictTexts(&c.Header, &vd)
		v := answer.ProposalVerdict{DealVerdict: vd, Why: c.why(vd)}
		if pe.OpenCrossed != nil {
			v.OpenCrossed = pe.OpenCrossed[j]
			openCrossedTexts(&c.Header, v.OpenCrossed)
		}
		pv.Actors = append(pv.Actors, v)
	}
	// Accepts and Rejects keep the scenario's order of the actors, as
	// pe.Actors and deal evaluate's blockers do, so that the verdict's
	// names (ProposalVerdictText) read in the order of every other list
	// of actors, not in their ids' (which the names do not show).
	proposalTexts(&c.Header, pv)
	return pv, nil
}

// why says in words why an actor accepts or blocks a package, with
// the verbs of deal evaluate's verdicts (VerdictText).
func (c *Case) why(vd deal.Verdict) string {
	var s string
	switch {
	case len(vd.Crossed) > 0:
		s = "blocks: crosses its red line"
		for j, x := range vd.Crossed {
			if j > 0 {
				s += " and its red line"
			}
			// The value in the issue's decimals, and the option nearest it
			// said to be the nearest: "1.5 is “2% rise”" read as if 1.5
			// met the red line ">= 2" it crosses.
			k := c.Header.IssueIndex(x.Issue)
			s += fmt.Sprintf(" (it needs %s; the proposal has %s, nearest option “%s”)", redLineWords(c.Header.IssueName(x.Issue), x.RedLine), Decimals(x.Value, c.Header.IssueDecimals(x.Issue)), optionLabel(c.Header.Nearest(k, x.Value)))
		}
	case vd.Accepts && vd.Defaulted:
		// Its yes is the default's (deal.NoAlternative, as search's and
		// evaluate's notes word it): "0.550 above 0.000 (none stated)"
		// read as a reason of the case's.
		s = fmt.Sprintf("accepts by default: worth %.3f to it, and it %s", vd.Utility, deal.NoAlternative(1))
	case vd.Accepts:
		// Decimals, not %.3f: an actor accepts a gain down to -1e-9 (the
		// solver's tolerance), which %.3f wrote "-0.000 above".
		s = fmt.Sprintf("accepts: worth %.3f to it, %s above its alternative %s", vd.Utility, Decimals(vd.Gain, 3), AlternativeText(vd.Alternative, vd.AlternativeFrom))
	default:
		s = fmt.Sprintf("blocks: worth %.3f to it, %s below its alternative %s", vd.Utility, Decimals(-vd.Gain, 3), AlternativeText(vd.Alternative, vd.AlternativeFrom))
	}
	if !vd.Required {
		s += " (not required)"
	}
	return s
}

// optionLabel joins the labels of the nearest options (several on a tie).
func optionLabel(as []answer.Anchor) string {
	var out []string
	for _, a := range as {
		out = append(out, a.Label)
	}
	return strings.Join(out, TieJoin)
}
