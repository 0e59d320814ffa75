package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"parley/docs"
	"parley/errs"
)

// newDocsCmd prints the documents the answers cite ("see
// docs/limits.md"), which the binary carries (package docs), so they can
// be read without the repository; parley serve serves the same at
// /docs/NAME.md and lists them at GET /api/docs.
func newDocsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "docs [NAME]",
		Short: "Print one of the documents the answers cite (format, limits, models, skill, …), or list them",
		Long: `Print one of Parley's documents, as Markdown: the file format
(format), the limits of every input (limits), the models and their
papers (models), how the models were scored (skill), the JSON answers
(json), the server (serve), and the rest. NAME may be given as the
answers cite it: "limits", "limits.md" and "docs/limits.md" are the same.
Without NAME, lists the documents with their titles. parley serve
serves each at /docs/NAME.md (the web page links the answers' citations
there) and lists them at GET /api/docs, as -f json prints them.`,
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := tableOrJSON(cmd)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if len(args) == 1 {
				if cmd.Flags().Changed("format") {
					return errs.New(errs.Argument, "--format applies to the list of documents, not to one, which prints as Markdown; valid: parley docs -f json, or parley docs %s", args[0])
				}
				b, err := docs.Read(args[0])
				if err != nil {
					return err
				}
				_, err = out.Write(b)
				return err
			}
			if format == "json" {
				return writeJSON(out, docs.List()) // GET /api/docs
			}
			w, done := terminalText(out)
			defer done()
			for _, d := range docs.List() {
				fmt.Fprintf(w, "%-26s %s\n", d.Name, d.Title)
			}
			fmt.Fprintln(w, "parley docs NAME prints one (NAME as the answers cite it: limits, limits.md or docs/limits.md); parley serve serves each at /docs/NAME.md.")
			return nil
		},
	}
	cmd.Flags().StringP("format", "f", "table", "table, or json (the list, as GET /api/docs returns it)")
	return cmd
}
