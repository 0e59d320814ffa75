package cli

import (
	"cmp"
	"io"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
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
	// The answer's lines, written by the same functions for an analysis
	// that does not carry them.
	search, best := r.Zone != nil, r.Best != nil
	zone, acceptance := r.ZoneLineText, r.AcceptanceText
	if r.HeadText == "" {
		if search {
			zone = ask.RobustZoneLine(r.ZoneText)
		}
		if !search || best {
			acceptance = ask.RobustAcceptance(search, r.Acceptance)
		}
	}
	para(w, cmp.Or(r.HeadText, ask.RobustHead(r.Draws, r.Distribution, r.Seed, r.Inputs))+":", width)
	heldFixed(w, held, "  ", width)
	para(w, "  ("+r.IntervalLegend+".)", width)
	if zone != "" {
		para(w, "  "+zone, width)
	}
	if acceptance != "" {
		para(w, "  "+acceptance, width)
	}
	accepted := cmp.Or(r.AcceptedLineText, ask.RobustAcceptedLine(search, best, r.AcceptedText, r.Candidates))
	if best {
		printLabelled(w, sc, "  "+accepted, r.Best, width)
		printRestated(w, r.Best, "  ", width)
	} else {
		para(w, "  "+accepted, width)
		if search {
			return
		}
	}
	t := newTable(w)
	t.AppendHeader(table.Row{"Actor", "P(accepts)", "Required"})
	for _, a := range r.Actors {
		t.AppendRow(table.Row{sc.ActorName(a.Actor), a.AcceptsText, cmp.Or(a.RequiredText, ask.RequiredText(a.Required))})
	}
	t.Render()
}
