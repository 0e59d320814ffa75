package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"parley/errs"
	"parley/gen"
	"parley/scenario"
	"parley/scenariofile"
)

func newGenCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Write a synthetic scenario of any size within the input limits (for benchmarks and trying things out)",
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
			// What parley would refuse to read it refuses to write: a
			// mistyped size would otherwise fill the memory first.
			lim := limitsOf(cmd)
			for _, c := range []struct {
				flag, limit string
				n, max      int
			}{{"--actors", "actors", o.Actors, lim.Actors}, {"--issues", "issues", o.Issues, lim.Issues},
				{"--actors × --issues", "stances", o.Actors * o.Issues, lim.Stances}} {
				if c.n > c.max || c.n < 0 {
					return errs.New(errs.Argument, "%s = %d, over the limit %s=%d; valid: %s", c.flag, c.n, c.limit, c.max, scenario.Raise(c.limit, int64(c.max)))
				}
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
