package cli

import (
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"parley/errs"
	"parley/format/deu"
	"parley/model"
	"parley/model/catalog"
	"parley/skill"
)

func init() { register(benchCommand) }

func benchCommand() *cobra.Command {
	bench := &cobra.Command{
		Use:   "bench",
		Short: "Score the models against real negotiation outcomes",
	}
	bench.AddCommand(benchDEUCommand())
	return bench
}

func benchDEUCommand() *cobra.Command {
	var (
		list, format, perIssue, baseline string
		resamples                        int
		seed                             uint64
		byProposal                       bool
	)
	cmd := &cobra.Command{
		Use:   "deu DIR",
		Short: "Score every model on a DEU directory (issues.csv, actor_inputs.csv, council_capability.csv)",
		Long: `Forecast every scored issue of a DEU-format directory with every model and
print MAE, median absolute error, RMSE, the share within 10 points and N,
overall and per split, procedure and wave, with a paired bootstrap 95%
interval of each model's MAE minus the baseline's (compromise by default).

--model LIST runs only the named models ("all" adds the hidden ones); the
baseline is always run. Models that fail on an issue are listed, not fatal.
Each issue is its own problem unless --by-proposal groups the issues of a
proposal into one (scores stay per issue).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			write, ok := benchWriters[format]
			if !ok {
				return errs.New(errs.Argument, "unknown format %q; valid: table, json, csv, md", format)
			}
			d, err := deu.Read(args[0])
			if err != nil {
				return err
			}
			for _, w := range d.Warnings {
				cmd.PrintErrln("warning:", w)
			}
			cases, skipped := d.Cases()
			if byProposal {
				cases, skipped = d.ProposalCases()
			}
			for _, s := range skipped {
				cmd.PrintErrln("note:", s)
			}
			if len(cases) == 0 {
				return errs.New(errs.Invalid, "%s: no issue can be scored (each needs an outcome and 3 actors with position and salience)", args[0])
			}
			ms, err := benchModels(list, baseline)
			if err != nil {
				return err
			}
			run, err := skill.Forecasts(cmd.Context(), ms, cases, 0)
			if err != nil {
				return err
			}
			rep := skill.Score(run, skill.Options{Baseline: baseline, Resamples: resamples, Seed: seed})
			if perIssue != "" {
				f, err := os.Create(perIssue)
				if err != nil {
					return errs.New(errs.Invalid, "--per-issue: %v", err)
				}
				werr := skill.WritePerIssue(f, run)
				if cerr := f.Close(); werr == nil {
					werr = cerr
				}
				if werr != nil {
					return errs.New(errs.Internal, "--per-issue %s: %v", perIssue, werr)
				}
			}
			return write(cmd.OutOrStdout(), rep)
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&list, "model", "m", "", `models to run, comma-separated ("all" for every model, hidden ones too); default: every default model`)
	fs.StringVarP(&format, "format", "f", "table", "output: table, json, csv or md")
	fs.StringVar(&perIssue, "per-issue", "", "write every forecast (model, issue, outcome, forecast, error) as CSV to this file")
	fs.StringVar(&baseline, "baseline", "compromise", "model the others are compared with")
	fs.IntVar(&resamples, "resamples", 10000, "paired bootstrap resamples")
	fs.Uint64Var(&seed, "seed", 1, "bootstrap seed")
	fs.BoolVar(&byProposal, "by-proposal", false, "give each model all issues of the proposal at once (for models that link issues, e.g. exchange); scores stay per issue")
	return cmd
}

var benchWriters = map[string]func(io.Writer, *skill.Report) error{
	"table": skill.WriteTable, "json": skill.WriteJSON, "csv": skill.WriteCSV,
	"md": skill.WriteMarkdown, "markdown": skill.WriteMarkdown,
}

// benchModels resolves --model, always including the baseline (first).
func benchModels(list, baseline string) ([]model.Model, error) {
	var ms []model.Model
	switch strings.TrimSpace(list) {
	case "":
		ms = catalog.Default()
	case "all":
		ms = catalog.All()
	default:
		var err error
		if ms, err = catalog.Parse(list); err != nil {
			return nil, err
		}
	}
	for _, m := range ms {
		if m.Name() == baseline {
			return ms, nil
		}
	}
	b, err := catalog.Get(baseline)
	if err != nil {
		return nil, errs.New(errs.Argument, "--baseline: %v", err)
	}
	return append([]model.Model{b}, ms...), nil
}
