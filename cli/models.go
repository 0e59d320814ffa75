package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"parley/model/catalog"
)

func init() { register(newModelsCmd) }

func newModelsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "models",
		Short: "List the models, one line each, with their papers",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			for _, m := range catalog.All() {
				fmt.Fprintf(w, "%-12s %s\n", m.Name(), m.Summary())
			}
			return nil
		},
	}
}
