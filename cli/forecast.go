package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"parley/errs"
	"parley/model"
	"parley/model/catalog"
)

func init() { register(newForecastCmd) }

func newForecastCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "forecast [FILE]",
		Short: "Forecast where each issue lands, with every model (the default command)",
		Long: `Forecast where each issue of a scenario lands.

FILE is a scenario (YAML or JSON) or a peer tool's input file (the BDM
one-issue CSV "Actor,Capability,Position,Salience", a KTAB SMP CSV, a Decide
file). Without FILE the built-in case is used.

The table shows, per issue and model, the forecast and the labelled option
of the scale nearest to it. --trace adds every actor's position after every
round; --format json gives the same as a stable document (docs/json.md).`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: runForecast,
	}
	addInputFlags(cmd)
	f := cmd.Flags()
	f.StringP("model", "m", "", "comma-separated models to run (default: all; see 'parley models')")
	f.StringP("format", "f", "table", "output format: table, json, csv"+extraOutputs())
	f.Bool("trace", false, "print every actor's position after every round")
	f.Int("rounds", 0, "run exactly N rounds, with no early stop (models that move in rounds)")
	f.Int("max-rounds", 0, "cap the rounds of models that stop early (0: the model's default)")
	f.Uint64("seed", 1, "seed for models that draw random numbers")
	for _, mf := range modelFlags {
		mf.add(f)
	}
	return cmd
}

func extraOutputs() string {
	var names []string
	for n := range outputs {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return ""
	}
	return ", " + strings.Join(names, ", ")
}

// modelsFromFlags returns the models named by --model, with the
// model-specific flags applied.
func modelsFromFlags(cmd *cobra.Command) ([]model.Model, error) {
	list, _ := cmd.Flags().GetString("model")
	ms, err := catalog.Parse(list)
	if err != nil {
		return nil, err
	}
	for i := range ms {
		for _, mf := range modelFlags {
			if ms[i], err = mf.tweak(cmd, ms[i]); err != nil {
				return nil, err
			}
		}
	}
	return ms, nil
}

// optionsFromFlags returns the common model options.
func optionsFromFlags(cmd *cobra.Command) (model.Options, error) {
	f := cmd.Flags()
	var o model.Options
	o.Rounds, _ = f.GetInt("rounds")
	o.MaxRounds, _ = f.GetInt("max-rounds")
	o.Seed, _ = f.GetUint64("seed")
	if o.Rounds < 0 || o.MaxRounds < 0 {
		return o, errs.New(errs.Argument, "--rounds and --max-rounds must be ≥ 0")
	}
	return o, nil
}

func runForecast(cmd *cobra.Command, args []string) error {
	format, _ := cmd.Flags().GetString("format")
	trace, _ := cmd.Flags().GetBool("trace")
	printer, ok := map[string]outputFunc{"table": printTable(trace), "json": printJSON, "csv": printCSV(trace)}[format]
	if !ok {
		if printer, ok = outputs[format]; !ok {
			return errs.New(errs.Argument, "unknown format %q; valid: table, json, csv%s", format, extraOutputs())
		}
	}
	ms, err := modelsFromFlags(cmd)
	if err != nil {
		return err
	}
	opts, err := optionsFromFlags(cmd)
	if err != nil {
		return err
	}
	in, err := loadInput(cmd, args)
	if err != nil {
		return err
	}
	results, err := runModels(cmd, in, ms, opts)
	if err != nil {
		return err
	}
	return printer(cmd.OutOrStdout(), in, results)
}

// runModels runs each model on the input's problem.
func runModels(cmd *cobra.Command, in *Input, ms []model.Model, opts model.Options) ([]*model.Result, error) {
	var results []*model.Result
	for _, m := range ms {
		r, err := m.Forecast(cmd.Context(), in.Problem.Clone(), opts)
		if err != nil {
			return nil, fmt.Errorf("model %s: %w", m.Name(), err)
		}
		if r.Model == "" {
			r.Model = m.Name()
		}
		results = append(results, r)
	}
	return results, nil
}
