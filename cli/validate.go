package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"parley/errs"
)

func init() { register(newValidateCmd) }

func newValidateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a scenario and list every problem at once (exit 3 when invalid)",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			strict, _ := cmd.Flags().GetBool("strict")
			data, err := os.ReadFile(args[0])
			if err != nil {
				return errs.New(errs.Invalid, "cannot read %s: %v", args[0], unwrapPath(err))
			}
			in, err := parseInput(args[0], data, strict)
			if err != nil {
				return err
			}
			for _, w := range in.Warnings {
				fmt.Fprintln(cmd.ErrOrStderr(), w.String())
			}
			s := in.Scenario
			fmt.Fprintf(cmd.OutOrStdout(), "%s: ok (%s; %d actors, %d issues, %d stances, %d snapshots, %d variants; %d warnings)\n",
				args[0], in.Format, len(s.Actors), len(s.Issues), len(s.Stances), len(s.Snapshots), len(s.Variants), len(in.Warnings))
			return nil
		},
	}
	cmd.Flags().Bool("strict", false, "treat warnings (e.g. a stance with no evidence) as errors")
	return cmd
}
