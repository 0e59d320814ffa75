package main

import (
	"context"
	"fmt"
	"strings"

	"parley/answer"
	"parley/ask"
	"parley/scenario"
)

// proposalTables writes, for the base and every snapshot, the proposals
// on the table with who accepts and who rejects each and why (the first
// reason given for each rejecting actor), as parley deal proposals
// computes them.
func proposalTables(ctx context.Context, in *ask.Input, s *scenario.Scenario) (string, error) {
	var b strings.Builder
	dates := append([]string{scenario.Base}, s.SnapshotDates()...)
	for _, d := range dates {
		c, err := in.Case(answer.Target{Snapshot: d})
		if err != nil {
			return "", err
		}
		req := answer.NewDealProposalsRequest()
		req.Models = []string{"none"}
		a, err := ask.DealProposals(ctx, c, req)
		if err != nil {
			return "", fmt.Errorf("proposals at %s: %w", d, err)
		}
		fmt.Fprintf(&b, "**%s** (`--snapshot %s`)", dateLabel(d), d)
		if len(a.Proposals) == 0 {
			b.WriteString(": no proposal on the table yet.\n\n")
			continue
		}
		b.WriteString("\n\n| proposal | proposers | package | accepted by | blocked by (why) |\n|---|---|---|---|---|\n")
		for _, p := range a.Proposals {
			var pk []string
			for _, v := range p.Package {
				pk = append(pk, fmt.Sprintf("%s %g", v.Issue, v.Value))
			}
			var why []string
			for _, v := range p.Actors {
				if !v.Accepts {
					why = append(why, fmt.Sprintf("%s: %s", v.Actor, shortWhy(v)))
				}
			}
			proposers := strings.Join(p.Proposers, ", ")
			if proposers == "" {
				proposers = "(analyst)"
			}
			accepted := strings.Join(p.Accepts, ", ")
			if p.Accepted {
				accepted = "**everyone**"
			}
			fmt.Fprintf(&b, "| %s (`%s`, %s) | %s | %s | %s | %s |\n", p.Name, p.ID, p.Date, proposers, strings.Join(pk, ", "), accepted, strings.Join(why, "; "))
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n"), nil
}

// shortWhy is a rejection's reason in a table cell: the red line crossed,
// or the gain below the alternative.
func shortWhy(v answer.ProposalVerdict) string {
	if len(v.Crossed) > 0 {
		var rl []string
		for _, c := range v.Crossed {
			rl = append(rl, fmt.Sprintf("red line %s %s", c.Issue, c.RedLine))
		}
		return strings.Join(rl, ", ")
	}
	return fmt.Sprintf("%+.3f", v.Gain)
}
