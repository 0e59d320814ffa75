package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"parley/answer"
	"parley/ask"
	"parley/errs"
)

func newExportCmd() *cobra.Command {
	var list strings.Builder
	for _, f := range ask.ExportFormats() {
		fmt.Fprintf(&list, "  %-10s %s\n", f.Name, f.Summary)
	}
	cmd := &cobra.Command{
		Use:   "export [FILE] --to FORMAT",
		Short: "Write a scenario in another tool's format (KTAB, Decide, BDM, Schelling) or as YAML/JSON",
		Long: `Write a scenario (any format Parley reads; without FILE, the built-in case)
in another tool's format, or in Parley's own as YAML or JSON. Peer formats
hold one set of stances: they get the case at --snapshot (default: the
latest) and --variant. What the format cannot hold is listed on stderr, and
which models' forecasts that changes; numbers it cannot hold at all (KTAB's
saliences summing past 100) stop the export, saying why.

Formats:
` + list.String(),
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			to, _ := cmd.Flags().GetString("to")
			if to == "" {
				return errs.New(errs.Argument, "export: name the format with --to; valid: %s", strings.Join(ask.ExportFormatNames(), ", "))
			}
			in, err := loadInput(cmd, args, false)
			if err != nil {
				return err
			}
			issue, _ := cmd.Flags().GetString("issue")
			ex, err := ask.Export(in, ask.ExportOptions{To: to, Issue: issue, Target: target(cmd)})
			if err != nil {
				return err
			}
			out, _ := cmd.Flags().GetString("output")
			force, _ := cmd.Flags().GetBool("force")
			if err := writeOutput(cmd, out, force, ex.Data); err != nil {
				return err
			}
			wrote(cmd, out)
			if !quiet(cmd) {
				for _, l := range ex.Lost {
					fmt.Fprintf(cmd.ErrOrStderr(), "note: %s cannot hold: %s\n", ex.Format.Name, l)
				}
			}
			return nil
		},
	}
	addInputFlags(cmd, answer.Target{Snapshot: answer.DefaultSnapshot})
	cmd.Flags().String("to", "", "the format to write: "+strings.Join(ask.ExportFormatNames(), ", "))
	cmd.Flags().String("issue", "", "write this issue alone (bdm-csv holds one; KTAB holds saliences summing to 100 at most)")
	cmd.Flags().StringP("output", "o", "", "write to this file instead of standard output")
	cmd.Flags().Bool("force", false, "overwrite the --output file if it exists")
	return cmd
}

// writeOutput writes data to the named file (standard output for "" or
// "-"): a new file, or with force one that replaces an existing file whole
// (replaceFile).
func writeOutput(cmd *cobra.Command, name string, force bool, data []byte) error {
	if name == "" || name == "-" {
		_, err := cmd.OutOrStdout().Write(data)
		return err
	}
	var err error
	if force {
		err = replaceFile(name, data)
	} else {
		err = writeNew(name, data)
	}
	return writeError(err, "", name, "another file name, or --force to overwrite it")
}

// wrote says on stderr that the named file was written ("wrote FILE"),
// unless it was standard output ("" or "-") or -q: a command that writes
// a file prints nothing else on success, and init says the same
// (with what to do next).
func wrote(cmd *cobra.Command, name string) {
	if name != "" && name != "-" && !quiet(cmd) {
		fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s\n", name)
	}
}

// checkOutput refuses at once an output file that writeOutput would
// refuse, before the work that makes its contents.
func checkOutput(name string, force bool) error {
	if name == "" || name == "-" || force {
		return nil
	}
	if _, err := os.Lstat(name); err == nil {
		return outputExists("", name, "another file name, or --force to overwrite it")
	}
	return nil
}

func newInitCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter scenario to FILE (or standard output)",
		Long: `Write a small commented scenario — three actors, two issues, a quoted
stance, a red line, a proposal, a snapshot and a variant — to start a case
from. It validates as it is; replace the example with your own
(docs/format.md describes every field). An existing FILE is kept unless
--force.`,
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := ""
			if len(args) == 1 {
				name = args[0]
			}
			force, _ := cmd.Flags().GetBool("force")
			if err := writeOutput(cmd, name, force, ask.Starter()); err != nil {
				return err
			}
			if name != "" && name != "-" {
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s; next: parley validate --strict %s, then parley forecast %s\n", name, name, name)
			}
			return nil
		},
	}
	cmd.Flags().Bool("force", false, "overwrite FILE if it exists")
	return cmd
}

func newBriefCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "brief [FILE] [-o brief.html|brief.md|brief.pdf]",
		Short: "Write a one-page brief of a case: forecasts with intervals, drivers, proposals, evidence, sources",
		Long: `Write a one-page brief an analyst can send: the question and its date; per
issue each default model's forecast; compromise's with two 80% intervals,
snap's (how far real EU outcomes fell from such forecasts) and a sweep's
(compromise over ` + ask.Grouped(answer.DefaultSweepDraws) + ` draws of the stated ranges: the inputs' doubt
only), the option it lands nearest (or the one the draws favour, with
their share) and the inputs that move it most (sensitivity); the red lines
the forecasts cross; the proposals on the table and who blocks them; how
much of the case rests on quotes; the sources. The quotes are checked
against their source files as parley validate checks them (--sources, then
the scenario's folder): a quote not in its source refuses the brief, as it
makes validate refuse; a source file not at hand leaves its quotes
unchecked, and the brief says so. The HTML is one self-contained file (no
script, font or image from elsewhere; charts are inline SVG). The PDF is
that page printed by a headless Chromium or Chrome (found on PATH, or
named by $PARLEY_CHROMIUM), one A4 page, with no network access. The
format follows -o's extension (.html, .md, .pdf); on standard output it is
--format (md by default).`,
		Args: nArgs(0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out, _ := cmd.Flags().GetString("output")
			format, _ := cmd.Flags().GetString("format")
			if out != "" && out != "-" {
				switch ext := strings.ToLower(filepath.Ext(out)); ext {
				case ".html", ".htm":
					format = "html"
				case ".md", ".markdown":
					format = "md"
				case ".pdf":
					format = "pdf"
				default:
					return errs.New(errs.Argument, "brief: cannot tell the format from %q; valid: a file ending .html, .md or .pdf", out)
				}
			}
			if format == "pdf" && (out == "" || out == "-") && isTerminal(cmd.OutOrStdout()) {
				return errs.New(errs.Argument, "brief: a PDF is not for the terminal; valid: -o brief.pdf, or --format pdf with standard output redirected to a file")
			}
			force, _ := cmd.Flags().GetBool("force")
			if err := checkOutput(out, force); err != nil {
				return err
			}
			// the quotes checked as parley validate checks them, and the
			// brief refused where validate refuses, but for a source file
			// not at hand, whose quotes the brief says are not checked
			// (docs/DECISIONS.md)
			strict, _ := cmd.Flags().GetBool("strict")
			in, err := loadSourced(cmd, args, ask.LoadOptions{Strict: strict, MissingUnchecked: true})
			if err != nil {
				return err
			}
			c, err := caseOf(cmd, in)
			if err != nil {
				return err
			}
			// the brief's cost is every question it asks (ask.EstimateBrief)
			if err := beforeRun(cmd, c, ask.BriefRequest{}); err != nil {
				return err
			}
			b, err := ask.MakeBrief(cmd.Context(), c)
			if err != nil {
				return err
			}
			data, err := ask.RenderBrief(cmd.Context(), b, format)
			if err != nil {
				return err
			}
			if err := writeOutput(cmd, out, force, data); err != nil {
				return err
			}
			wrote(cmd, out)
			return nil
		},
	}
	addInputFlags(cmd, answer.Target{Snapshot: answer.DefaultSnapshot})
	cmd.Flags().StringP("output", "o", "", "write to this file (.html, .md or .pdf) instead of standard output")
	cmd.Flags().StringP("format", "f", "md", "the format on standard output: html, md or pdf")
	cmd.Flags().Bool("force", false, "overwrite the --output file if it exists")
	addMemoryFlag(cmd)
	addSourcesFlag(cmd)
	return cmd
}
