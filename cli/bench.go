package cli

import (
	"bytes"
	"strings"

	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/errs"
)

func newBenchCmd() *cobra.Command {
	bench := &cobra.Command{
		Use:   "bench",
		Short: "Score the models against real negotiation outcomes",
		Args:  nArgs(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return errs.New(errs.Argument, "name what to score against; valid: deu DIR\nRun 'parley bench --help' for usage.")
		},
	}
	bench.AddCommand(benchDEUCommand())
	return bench
}

func benchDEUCommand() *cobra.Command {
	def := answer.NewBenchRequest()
	var (
		list, format, perIssue string
	)
	req := def
	cmd := &cobra.Command{
		Use:   "deu DIR",
		Short: "Score every model on a DEU directory (issues.csv, actor_inputs.csv, council_capability.csv)",
		Long: `Forecast every scored issue of a DEU-format directory with every model and
print MAE, median absolute error, RMSE, the share within 10 points and N,
overall and per split, procedure and wave, with a paired bootstrap 95%
interval of each model's MAE minus the baseline's (compromise by default).
The bootstrap draws whole proposals, each with all its issues in the row,
since a proposal's issues are decided together (--resample-by issue draws
issues one by one, which makes the intervals too narrow); every output
says what it drew and how many (resampled_by, resampled_units in JSON
and CSV).

--model LIST runs only the named models ("all" adds the hidden ones); the
baseline is always run. Models that fail on an issue are listed, not fatal.
Each issue is its own problem unless --by-proposal groups the issues of a
proposal into one (scores stay per issue).

A row whose model was fitted on some of its issues (snap, compromise-band
and ensemble on the train issues) is marked in-sample (split "train
(in-sample)"; in_sample in JSON and CSV): it is not evidence of skill.
Forecasts whose rounds had not settled are counted per model (unsettled)
and scored at their last round's point.

--per-issue FILE writes one CSV row per model and issue: model, issue,
split, procedure, wave, outcome, forecast, signed_error (forecast −
outcome), abs_error, settled, lo80, hi80, lo95, hi95 and crps (the
interval bounds and CRPS of a model with a distribution, else blank) and
failure (the model's error message when it failed on the issue, else
blank).`,
		Args: nArgs(1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := ask.CheckBenchFormat(format); err != nil {
				return err
			}
			if strings.TrimSpace(list) != "" {
				req.Models = strings.Split(list, ",")
			}
			b, err := ask.Bench(cmd.Context(), args[0], req, limitsOf(cmd))
			if err != nil {
				return err
			}
			for _, n := range b.Notes {
				if strings.HasPrefix(n, "warning: ") {
					cmd.PrintErrln(n)
				} else {
					cmd.PrintErrln("note:", n)
				}
			}
			if perIssue != "" {
				var buf bytes.Buffer
				if err := ask.WriteBenchForecasts(&buf, b); err != nil {
					return errs.New(errs.Internal, "--per-issue %s: %v", perIssue, err)
				}
				if err := writeError(replaceFile(perIssue, buf.Bytes()), "--per-issue ", perIssue, "a file's name"); err != nil {
					return err
				}
				wrote(cmd, perIssue)
			}
			if format == "json" || format == "csv" {
				// the table and Markdown carry them as notes; JSON and
				// CSV rows have no place for what concerns every row
				csvCaveats(cmd.ErrOrStderr(), "", nil, b.Report.Caveats)
			}
			return ask.WriteBench(cmd.OutOrStdout(), format, b)
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&list, "model", "m", "", `models to run, comma-separated ("all" for every model, hidden ones too); default: every default model`)
	fs.StringVarP(&format, "format", "f", "table", "output: table, json, csv or md")
	fs.StringVar(&perIssue, "per-issue", "", "write every forecast as CSV to this file, with its signed error, interval bounds, CRPS and any failure message (columns: see above; replaced whole if it exists)")
	fs.StringVar(&req.Baseline, "baseline", def.Baseline, "model the others are compared with")
	fs.IntVar(&req.Resamples, "resamples", def.Resamples, "paired bootstrap resamples")
	fs.Uint64Var(&req.Seed, "seed", def.Seed, "bootstrap seed")
	fs.StringVar(&req.ResampleBy, "resample-by", def.ResampleBy, "what the bootstrap draws: proposal (whole proposals) or issue (issues one by one)")
	fs.BoolVar(&req.ByProposal, "by-proposal", def.ByProposal, "give each model all issues of the proposal at once (for models that link issues, e.g. exchange); scores stay per issue")
	return cmd
}
