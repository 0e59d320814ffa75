package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"parley/ask"
	"parley/errs"
	"parley/procmem"
)

// addMemoryFlag gives a command that runs models --max-memory.
func addMemoryFlag(cmd *cobra.Command) {
	cmd.Flags().Int64("max-memory", 0, "refuse a run estimated to need more memory than this many bytes (0: this machine's memory, where the system tells it; -1: no limit; docs/limits.md)")
	setValid(cmd, "max-memory", maxMemoryValid)
}

// maxMemoryValid is what --max-memory takes.
const maxMemoryValid = "a number of bytes > 0, 0 for this machine's memory, or -1 for no limit"

// beforeRun estimates the run of req once (ask.Estimate: the server's
// estimate; a sensitivity analysis's request is an
// ask.SensitivityRequest), refuses it if it does not fit in memory
// (checkMemory), and else tells its size if it is long (announce).
func beforeRun(cmd *cobra.Command, c *ask.Case, req any) error {
	est, err := ask.Estimate(c, req)
	if err != nil {
		return err
	}
	if err := checkMemory(cmd, c, est); err != nil {
		return err
	}
	return announce(cmd, c, est)
}

// checkMemory refuses, before it starts, a run whose estimated memory
// (est) is more than --max-memory, by default the memory this machine
// gives the process (procmem.Physical): a run that does not fit would
// swap the machine to a standstill or be killed, not finish. An
// estimate is a scale, not a prediction; -1 runs anything.
func checkMemory(cmd *cobra.Command, c *ask.Case, est ask.Cost) error {
	limit, err := cmd.Flags().GetInt64("max-memory")
	if err != nil || limit == -1 {
		return nil
	}
	if limit < 0 {
		return errs.New(errs.Argument, "--max-memory %d: valid: %s", limit, maxMemoryValid)
	}
	what := "--max-memory"
	if limit == 0 {
		total, ok := procmem.Physical()
		if !ok {
			return nil
		}
		limit, what = total, "this machine's memory"
	}
	if est.Bytes <= float64(limit) {
		return nil
	}
	need, lim := ask.BytesOver(est.Bytes, float64(limit))
	return errs.New(errs.Argument, "this run is estimated to need %s of memory (%d actors × %d issues, its models, draws and workers; docs/limits.md), more than %s (%s); valid: fewer models (-m), actors, issues or draws, or --max-memory BYTES to allow more (-1: no limit)",
		need, len(c.Header.Actors), len(c.Header.Issues), what, lim)
}

// longRun is the estimated CPU time above which announce tells a run's
// size before it starts: ask.LongRun (tests lower it, to announce a
// small case's run).
var longRun = ask.LongRun

// announce prints on stderr, before a run estimated (est) at more than
// longRun of CPU time, one line saying
// its size — steps, memory, and roughly the CPU time, each model's steps
// at their measured rate — and how to make it shorter: without it a long run whose output goes to
// a file, or whose models report no progress, printed nothing for
// minutes. It is printed under --quiet too, which hides the scenario's
// warnings, not what the run will take (docs/DECISIONS.md); on a
// terminal the progress bar follows it.
func announce(cmd *cobra.Command, c *ask.Case, est ask.Cost) error {
	if est.CPU <= longRun.Seconds() {
		return nil
	}
	_, err := fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d actors × %d issues, %s; Ctrl-C stops it, and fewer models (-m), draws or rounds take less\n",
		cmd.CommandPath(), len(c.Header.Actors), len(c.Header.Issues), ask.SizeOf(est).Estimated())
	return err
}
