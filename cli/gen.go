package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"parley/errs"
	"parley/gen"
	"parley/scenariofile"
)

func newGenCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Write a synthetic scenario of any size (for benchmarks and trying things out)",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			f := cmd.Flags()
			var o gen.Options
			o.Actors, _ = f.GetInt("actors")
			o.Issues, _ = f.GetInt("issues")
			o.Seed, _ = f.GetUint64("seed")
			format, _ := f.GetString("format")
			if o.Actors < 1 || o.Issues < 1 {
				return errs.New(errs.Argument, "--actors and --issues must be at least 1")
			}
			if format != "yaml" && format != "json" {
				return errs.New(errs.Argument, "unknown format %q; valid: yaml, json", format)
			}
			b, err := scenariofile.Marshal(gen.Scenario(o), format)
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), string(b))
			return err
		},
	}
	cmd.Flags().Int("actors", 10, "number of actors")
	cmd.Flags().Int("issues", 5, "number of issues")
	cmd.Flags().Uint64("seed", 1, "random seed")
	cmd.Flags().StringP("format", "f", "yaml", "yaml or json")
	return cmd
}
