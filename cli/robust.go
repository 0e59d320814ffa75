package cli

import (
	"fmt"
	"io"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/nouns"
)

// addRobustFlags adds the flags of a robust deal analysis.
func addRobustFlags(cmd *cobra.Command, def answer.DealRobust) {
	f := cmd.Flags()
	f.Bool("robust", def.On, "also draw the scenario's stated ranges (as a sweep does) and report how often each actor accepts")
	draws := def.Draws
	if draws == 0 {
		draws = answer.DefaultRobustDraws // what 0 stands for, shown as the default
	}
	f.IntP("draws", "n", draws, "draws of the robust analysis")
	f.Bool("uniform", def.Uniform, "draw each range uniformly (default: triangular with the stated value as mode)")
	f.Int("workers", def.Workers, "goroutines to use (default: all cores); never changes the result")
}

func robustFlags(cmd *cobra.Command, def answer.DealRobust) answer.DealRobust {
	f := cmd.Flags()
	r := def
	r.On, _ = f.GetBool("robust")
	if f.Changed("draws") {
		// not given, it stays def's (0: answer.DefaultRobustDraws), the
		// request the API's default is, though help shows the 500
		r.Draws, _ = f.GetInt("draws")
	}
	r.Uniform, _ = f.GetBool("uniform")
	r.Workers, _ = f.GetInt("workers")
	return r
}

// printRobust shows a robust analysis, first what "accepted" means
// there (the answer's acceptance: every required actor's yes, the
// issues' decision rules, or where only some issues state one, both).
func printRobust(w io.Writer, sc *answer.Scenario, r *answer.DealRobustness, held *answer.HeldFixed, width int) {
	if r == nil {
		return
	}
	para(w, fmt.Sprintf("Robustness over %s of the stated ranges (%s, seed %d, %s):", ask.Grouped(r.Draws)+" "+nouns.For(r.Draws, "draw"), r.Distribution, r.Seed, nouns.Count(r.Inputs, "ranged input")), width)
	heldFixed(w, held, "  ", width)
	para(w, "  ("+r.IntervalLegend+".)", width)
	if r.Zone != nil {
		para(w, "  P(a zone of agreement exists) = "+r.ZoneText, width)
		if r.Best == nil {
			para(w, "  no draw opened the zone: no package to recommend", width)
			return
		}
		para(w, "  A package is accepted when "+r.Acceptance+".", width)
		printLabelled(w, sc, fmt.Sprintf("  the package most often accepted (P = %s, best of %s)", r.AcceptedText, nouns.Count(r.Candidates, "candidate")), r.Best, width)
	} else {
		para(w, "  The package is accepted when "+r.Acceptance+".", width)
		para(w, "  P(accepted) = "+r.AcceptedText, width)
	}
	t := newTable(w)
	t.AppendHeader(table.Row{"Actor", "P(accepts)", "Required"})
	for _, a := range r.Actors {
		required := "required"
		if !a.Required {
			required = "not required" // as the verdict table's "(not required)"
		}
		t.AppendRow(table.Row{sc.ActorName(a.Actor), a.AcceptsText, required})
	}
	t.Render()
}
