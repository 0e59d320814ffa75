package main

import (
	"context"
	"fmt"
	"strings"

	"parley/answer"
	"parley/ask"
)

// explainTop is how many actors' pulls the compromise explanation lists.
const explainTop = 5

// runExplanations explains the compromise and BDM forecasts of every
// issue at the latest snapshot (ask.Explain, as `parley explain` does)
// and returns per issue the Markdown of a "Why these forecasts" section.
func runExplanations(ctx context.Context, in *ask.Input) (map[string]string, error) {
	c, err := in.Case(answer.Target{Snapshot: "latest"})
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, m := range []string{"compromise", "bdm"} {
		req := answer.NewExplainRequest()
		req.Target = answer.Target{Snapshot: "latest"}
		req.Model = m
		e, err := ask.Explain(ctx, c, req)
		if err != nil {
			return nil, err
		}
		for _, ie := range e.Issues {
			var b strings.Builder
			if m == "compromise" {
				fmt.Fprintf(&b, "\n### Why these forecasts (%s, `parley explain`)\n\n", e.Scenario.AsOf)
				explainCompromise(&b, ie, e.Scenario.IssueDecimals(ie.Issue))
			} else {
				explainBDM(&b, ie)
			}
			out[ie.Issue] += b.String()
		}
	}
	return out, nil
}

// explainCompromise writes the compromise model's reason: the largest
// pulls, headed and written as the answer carries them for every door
// (pulls_head_text; pull_text and share_text, written with the decimals
// of all the issue's pulls, so that the table and the sentence under it
// agree), the forecast on a scale of d decimals, and the sentence.
func explainCompromise(b *strings.Builder, ie answer.IssueExplanation, d int) {
	fmt.Fprintf(b, "**compromise** (%s), its largest pulls (%s):\n\n", ask.Decimals(float64(ie.Forecast), d), ie.PullsHeadText)
	b.WriteString("| actor | position | share | pull |\n|---|---:|---:|---:|\n")
	for _, p := range ie.Pulls[:min(explainTop, len(ie.Pulls))] {
		fmt.Fprintf(b, "| %s | %g | %s | %s |\n", p.Name, p.Position, p.ShareText, p.PullText)
	}
	fmt.Fprintf(b, "\n%s\n", ie.Text)
}

// explainBDM writes BDM's reason: the summary and the round-by-round
// story, with why each actor that moved in the first round did so.
func explainBDM(b *strings.Builder, ie answer.IssueExplanation) {
	why := ie.Text
	for _, at := range []string{": the weighted median", ": the span of the weighted median"} {
		if i := strings.Index(why, at); i >= 0 {
			why = why[i+2:]
		}
	}
	// a forecast that did not settle is its range, not the last round's point
	fc := fmt.Sprintf("%.1f", float64(ie.Forecast))
	if !ie.Settled && ie.Range != nil {
		fc = ask.RangeText(ie.Range.Lo, ie.Range.Hi, 1, ask.Decimals) + ", did not settle"
	}
	fmt.Fprintf(b, "\n**bdm** (%s): %s\n\n", fc, why)
	for n, rd := range ie.Rounds {
		fmt.Fprintf(b, "- %s\n", rd.Text)
		if n == 0 {
			for _, mv := range rd.Moves {
				fmt.Fprintf(b, "  - %s.\n", mv.Why)
			}
		}
	}
}
