package cli

// Decide (Stokman's exchange model): its input files as a peer format,
// `parley import decide`, the exchange model's flags (--exact,
// --exchange-p, --exchange-coin-flip), its --format csv layout
// (issue,round,preference_nbs,voting_nbs) and --trace printing every
// exchange.

import (
	"bytes"
	"io"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/errs"
	"parley/format/decide"
	"parley/model"
	"parley/model/exchange"
	"parley/scenario"
	"parley/scenariofile"
)

func init() {
	registerFormat(peerFormat{
		name:   "decide",
		detect: func(path string, head []byte) bool { return decide.Detect(head) },
		read: func(path string, data []byte) (*scenario.Scenario, error) {
			return decide.Read(path, bytes.NewReader(data))
		},
	})
	registerImport(newImportDecideCmd)
	registerModelFlags(addExchangeFlags, tweakExchange)
	registerModelCSV("exchange", printExchangeCSV)
	registerDetailPrinter(printExchangeTrace)
}

func newImportDecideCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "decide FILE",
		Short: "Convert a Decide input file (#A/#P/#M/#D) into a scenario",
		Long: `Convert an input file of Decide (Stokman's exchange model) into a Parley
scenario and print it as YAML. #A rows become actors, #P rows issues, #M rows
the issues' labelled scale points (the scale runs from the lowest to the
highest), #D rows stances; each actor's power becomes its capability.`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return errs.New(errs.Invalid, "cannot read %s: %v", args[0], unwrapPath(err))
			}
			s, err := decide.Read(args[0], bytes.NewReader(data))
			if err != nil {
				return errs.Wrap(errs.Invalid, err)
			}
			out, err := scenariofile.Marshal(s, "yaml")
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(out)
			return err
		},
	}
}

func addExchangeFlags(fs *pflag.FlagSet) {
	fs.Bool("exact", false, "exchange: 28-digit decimal arithmetic in Decide's operation order (reproduces Decide digit for digit; ~50× slower)")
	fs.Float64("exchange-p", 0, "exchange: randomised Equal Gain with p in [0,1] (0: plain Equal Gain); seeded by --seed")
	fs.Bool("exchange-coin-flip", false, "exchange: break exact gain ties by a seeded coin flip, as the shipped Decide does")
}

func tweakExchange(cmd *cobra.Command, m model.Model) (model.Model, error) {
	em, ok := m.(exchange.Model)
	if !ok {
		return m, nil
	}
	fs := cmd.Flags()
	em.Exact, _ = fs.GetBool("exact")
	em.CoinFlipTies, _ = fs.GetBool("exchange-coin-flip")
	p, _ := fs.GetFloat64("exchange-p")
	if p < 0 || p > 1 {
		return nil, errs.New(errs.Argument, "--exchange-p %v: valid: a number from 0 to 1", p)
	}
	em.Randomize = p
	return em, nil
}

// printExchangeCSV is --format csv when only the exchange model runs.
func printExchangeCSV(w io.Writer, in *Input, results []*model.Result) error {
	d, ok := results[0].Detail.(*exchange.Detail)
	if !ok {
		return errs.New(errs.Internal, "exchange result without detail")
	}
	return d.WriteCSV(w)
}

// printExchangeTrace prints every realised exchange under --trace.
func printExchangeTrace(w io.Writer, r *model.Result, trace bool) {
	d, ok := r.Detail.(*exchange.Detail)
	if !ok || !trace {
		return
	}
	d.WriteTrace(w)
}
