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
		Args:  nArgs(0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			f := cmd.Flags()
			var o gen.Options
			o.Actors, _ = f.GetInt("actors")
			o.Issues, _ = f.GetInt("issues")
			o.Seed, _ = f.GetUint64("seed")
			format, _ := f.GetString("format")
			for _, c := range []struct {
				flag string
				n    int
			}{{"actors", o.Actors}, {"issues", o.Issues}} {
				if c.n < 1 {
					return errs.New(errs.Argument, "--%s %d: valid: %s", c.flag, c.n, genValid)
				}
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
			// nor a file over the bytes limit: refused before the work
			// where even the fewest bytes a stance takes exceed it, and
			// after it where the file written does
			least := int64(genLeastBytes[format]) * int64(o.Actors) * int64(o.Issues)
			if least > lim.Bytes {
				return errs.New(errs.Argument, "--actors × --issues = %d stances make a %s file of at least %d bytes, over the limit bytes=%d; valid: fewer actors or issues (%s)", o.Actors*o.Issues, format, least, lim.Bytes, scenario.Raise("bytes", lim.Bytes))
			}
			b, err := scenariofile.Marshal(gen.Scenario(o), format)
			if err != nil {
				return err
			}
			if int64(len(b)) > lim.Bytes {
				return errs.New(errs.Argument, "the %s file would be %d bytes, over the limit bytes=%d; valid: fewer actors or issues (%s)", format, len(b), lim.Bytes, scenario.Raise("bytes", lim.Bytes))
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), string(b))
			return err
		},
	}
	cmd.Flags().Int("actors", 10, "number of actors")
	cmd.Flags().Int("issues", 5, "number of issues")
	setValid(cmd, "actors", genValid)
	setValid(cmd, "issues", genValid)
	cmd.Flags().Uint64("seed", 1, "random seed")
	cmd.Flags().StringP("format", "f", "yaml", "yaml or json")
	return cmd
}

// genValid is what gen's --actors and --issues take.
const genValid = "a whole number ≥ 1, up to the input limits (--limit actors=N, issues=N, stances=N)"

// genLeastBytes is the fewest bytes a generated stance takes in each
// format (measured: 173–182 in YAML, 301–317 in JSON, on 100 × 10 to
// 1,000 × 10 and 300 × 100), so gen can refuse a size over the bytes
// limit before building it.
var genLeastBytes = map[string]int{"yaml": 170, "json": 300}
