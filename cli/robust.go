package cli

import (
	"fmt"
	"io"
	"math"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
)

// addRobustFlags adds the flags of a robust deal analysis.
func addRobustFlags(cmd *cobra.Command, def answer.DealRobust) {
	f := cmd.Flags()
	f.Bool("robust", def.On, "also draw the scenario's stated ranges (as a sweep does) and report how often each actor accepts")
	f.IntP("draws", "n", def.Draws, fmt.Sprintf("draws of the robust analysis (0: %d)", answer.DefaultRobustDraws))
	f.Bool("uniform", def.Uniform, "draw each range uniformly (default: triangular with the stated value as mode)")
	f.Int("workers", def.Workers, "goroutines to use (default: all cores); never changes the result")
}

func robustFlags(cmd *cobra.Command, def answer.DealRobust) answer.DealRobust {
	f := cmd.Flags()
	r := def
	r.On, _ = f.GetBool("robust")
	r.Draws, _ = f.GetInt("draws")
	r.Uniform, _ = f.GetBool("uniform")
	r.Workers, _ = f.GetInt("workers")
	return r
}

// printRobust shows a robust analysis; ruled is whether issues state
// decision rules, which then decide acceptance (p_accepted) in place of
// every required actor.
func printRobust(w io.Writer, sc *answer.Scenario, r *answer.DealRobustness, ruled bool, width int) {
	if r == nil {
		return
	}
	para(w, fmt.Sprintf("Robustness over %s of the stated ranges (%s, seed %d, %s):", ask.Plural(r.Draws, "draw"), r.Distribution, r.Seed, ask.Plural(r.Inputs, "ranged input")), width)
	se := func(p float64) string { return fmt.Sprintf("± %.3f", math.Sqrt(p*(1-p)/float64(r.Draws))) }
	if r.Zone != nil {
		para(w, fmt.Sprintf("  P(a zone of agreement exists) = %.3f %s", *r.Zone, se(*r.Zone)), width)
		if r.Best == nil {
			para(w, "  no draw opened the zone: no package to recommend", width)
			return
		}
		by := "accepted by every required actor"
		if ruled {
			by = "accepted under the decision rules"
		}
		printLabelled(w, sc, fmt.Sprintf("  the package most often %s (P = %.3f %s, best of %s)", by, r.Accepted, se(r.Accepted), ask.Plural(r.Candidates, "candidate")), r.Best, width)
	} else {
		what := "every required actor accepts"
		if ruled {
			what = "accepted under the decision rules"
		}
		para(w, fmt.Sprintf("  P(%s) = %.3f %s", what, r.Accepted, se(r.Accepted)), width)
	}
	t := newTable(w)
	t.AppendHeader(table.Row{"Actor", "P(accepts)", "Required"})
	for _, a := range r.Actors {
		t.AppendRow(table.Row{sc.ActorName(a.Actor), fmt.Sprintf("%.3f %s", a.Accepts, se(a.Accepts)), a.Required})
	}
	t.Render()
}
