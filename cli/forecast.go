package cli

import (
	"context"

	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/errs"
)

func newForecastCmd() *cobra.Command {
	def := answer.NewForecastRequest()
	cmd := &cobra.Command{
		Use:   "forecast [FILE]",
		Short: "Forecast where each issue lands, with every default model (the default command)",
		Long: `Forecast where each issue of a scenario lands.

FILE is a scenario (YAML or JSON) or a peer tool's input file (see 'parley
import --help'). Without FILE the built-in case is used.

The table shows an issue × model matrix: each model's forecast with the
scale point of the labelled option nearest it (→50), and under it the
labels of those options. A forecast whose rounds did not settle is shown as
the range it kept moving in, with a warning. --long gives one row per issue
and model with the full label; --trace adds every actor's position after
every round; --format json gives the answer as a stable document
(docs/json.md), the same the API returns.

On a large case the models that run in rounds (smp, exchange, the
ensemble) can take a minute: on a terminal a bar then counts their rounds
(smp's states of at most 100, which usually stop sooner); Ctrl-C stops
the run.`,
		Args: nArgs(0, 1),
		RunE: runForecast,
	}
	addInputFlags(cmd, def.Target)
	addRunFlags(cmd, def.Run)
	f := cmd.Flags()
	f.StringP("format", "f", "table", "output format: table, json, csv, ktab (smp's run as KTAB logs it), decide (one exchange run as Decide's outcomes CSV)")
	f.Bool("trace", false, "print every actor's position after every round")
	f.Bool("long", false, "one row per issue and model, with each option's full label")
	return cmd
}

func runForecast(cmd *cobra.Command, args []string) error {
	format, _ := cmd.Flags().GetString("format")
	trace, _ := cmd.Flags().GetBool("trace")
	long, _ := cmd.Flags().GetBool("long")
	var render func(*answer.Forecast) error
	w := cmd.OutOrStdout()
	switch format {
	case "table":
		render = func(f *answer.Forecast) error { return forecastTable(w, f, long, trace, termWidth(w)) }
	case "json":
		render = func(f *answer.Forecast) error { return writeJSON(w, f) }
	case "csv":
		render = func(f *answer.Forecast) error {
			for _, m := range f.Models {
				csvCaveats(cmd.ErrOrStderr(), m.Model, m.Warnings, m.Notes)
			}
			return forecastCSV(w, f, trace)
		}
	case "ktab":
		render = func(f *answer.Forecast) error { return ask.WriteKTAB(w, f) }
	case "decide":
		render = func(f *answer.Forecast) error { return ask.WriteDecideCSV(w, f) }
	default:
		return errs.New(errs.Argument, "unknown format %q; valid: table, json, csv, ktab, decide", format)
	}
	req := answer.NewForecastRequest()
	req.Run = runFlags(cmd, req.Run)
	f, err := askWithProgress(cmd, args, req, func(ctx context.Context, c *ask.Case, cb ask.Progress) (*answer.Forecast, error) {
		return ask.Forecast(ctx, c, req, cb)
	})
	if err != nil {
		return err
	}
	if err := render(f); err != nil {
		return err
	}
	// Every model that failed is named; the exit code is the first's.
	return failedModels(cmd.ErrOrStderr(), ask.ModelErrors(f))
}
